"""Rewrites measured against gold rewrites, and the blind A/B judgement.

The gold set (``data/rewrites/gold-*.jsonl``, written from ``data/rewrites/BRIEF.md``) holds,
for drafts with blame or a tactic, the message a careful person would send. The drafts of
``data/dev.jsonl`` are split by a hash of the id into ``tune`` (read while writing the edits) and
``heldout``; the drafts of the written test set (``data/test.jsonl``) are the ``test`` part. Parts written later
are folders: ``fresh`` (150 new written drafts and 150 real-dev messages), ``fresh2`` (180 new
written drafts), ``fresh3`` (150), ``fresh4`` (100 written drafts and 100 further real-dev messages) and
``fresh5`` (80 written drafts, half of them public online replies), ``fresh6`` (80: long messages
and chat), ``fresh7`` (80: private life, and work and services), ``fresh8`` (79, the same
focus, new authors), ``fresh9`` (80, the same focus, with sarcasm and backing named in the
assignment), ``fresh10`` ... ``fresh15`` (80 each, private life and the world outside the home,
new authors), each with gold by new annotators. ``heldout``, ``test`` and ``fresh`` ... ``fresh14``
have been read, so dev; ``fresh15`` is held out (:data:`HELD_OUT`), not yet read.

Mechanical figures of the first candidate (:func:`evaluate`):

- ``clean``: the draft has at least one candidate (every candidate shown is analyser-clean);
- ``slot_free``: the first candidate has no ``[blank]``;
- ``facts_kept``: every number, name and date of the draft is still there;
- ``gold_facts_kept``: every number, name and date of the draft that the gold rewrite keeps is
  still there (a careful editor drops the facts of a removed threat or old grievance: the gold
  rewrites keep every fact of the draft in only 72-84% of drafts, so ``facts_kept`` alone cannot
  reach .95 by editing well);
- ``ask_kept``: the content words of the ask are still there;
- ``invented``: a number, name or date appears that the draft did not have;
- ``copied``: the share of the candidate's words that come from the draft (the writer's voice);
- ``gold_f1``: word overlap (F1 over word multisets) with the gold rewrite.

These are easy to satisfy and prove little; the blind judgement (:func:`blind_pack`,
:func:`blind_score`, brief in ``data/rewrites/JUDGE.md``) is what counts: a judge sees the draft
and two versions in shuffled order, and scores each for faithful 0-2, clean 0-2, fluent 0-2,
register 0-1 and sendable yes/no.
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

REWRITES_DIR = Path("data/rewrites")
FRESH = "fresh"
FOLDER_PARTS = (
    FRESH,
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "fresh12",
    "fresh13",
    "fresh14",
    "fresh15",
)
"""Parts that are folders of ``data/rewrites`` (drafts and gold written for them)."""
HELD_OUT = ("fresh15",)
"""Parts read once per kept rewriter (``--final``, logged). The others have been read: ``heldout``
and ``test`` (2026-12-07 morning), ``fresh`` (twice), ``fresh2`` ... ``fresh10`` (once each),
``fresh11`` and ``fresh12`` (read a few times while their failures were studied), ``fresh13`` and
``fresh14`` (once per version; fresh14 once more by mistake, unread) are now dev parts."""
PARTS = ("tune", "heldout", "test", *FOLDER_PARTS)
SCORES = ("faithful", "clean", "fluent", "register")


def fresh_drafts(folder: Path = REWRITES_DIR, part: str = FRESH) -> list[dict]:
    """The drafts of a folder part: new written batches (``f*.jsonl``) and real-dev messages."""
    from draftwise_lab.corpus import read_jsonl

    return [
        d
        for pattern in ("f*.jsonl", "real-*-input.jsonl")
        for path in sorted((folder / part).glob(pattern))
        for d in read_jsonl(path)
    ]


@functools.cache
def _held_out_ids(folder: Path = REWRITES_DIR) -> dict[str, str]:
    return {d["id"]: part for part in FOLDER_PARTS for d in fresh_drafts(folder, part)}


def part_of(draft_id: str) -> str:
    """The part of the gold rewrites a draft belongs to: a held-out part, ``test``, ``tune`` or ``heldout``.

    ``fresh`` ... ``fresh15`` for the drafts of those folders, ``test`` for the written test set, else
    ``tune`` or ``heldout`` (half each) by a hash of the id.
    """
    from draftwise_lab.corpus import split_of

    held = _held_out_ids().get(draft_id)
    if held:
        return held
    if split_of(draft_id) == "test":
        return "test"
    h = int(hashlib.sha1(("rewrite:" + draft_id).encode("utf-8")).hexdigest(), 16) % 2
    return "tune" if h == 0 else "heldout"


def load_gold(folder: Path = REWRITES_DIR) -> dict[str, dict]:
    """Every gold rewrite by draft id (``rewrite`` is ``None`` where there is no message to keep)."""
    out: dict[str, dict] = {}
    held = [p for part in FOLDER_PARTS for p in sorted((folder / part).glob("gold-*.jsonl"))]
    for path in [*sorted(folder.glob("gold-*.jsonl")), *held]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                out[g["id"]] = g
    return out


_WORD = re.compile(r"[\w'£$€]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-cased words of a text (apostrophes and currency signs kept)."""
    return [w.lower() for w in _WORD.findall(text or "")]


def overlap_f1(a: str, b: str) -> float:
    """F1 of the word multisets of ``a`` and ``b`` (1.0 for two empty texts)."""
    wa, wb = Counter(words(a)), Counter(words(b))
    if not wa and not wb:
        return 1.0
    common = sum((wa & wb).values())
    if not common:
        return 0.0
    p, r = common / sum(wa.values()), common / sum(wb.values())
    return 2 * p * r / (p + r)


def copied(candidate: str, original: str) -> float:
    """Share of the candidate's words that the original has (clipped counts)."""
    wc, wo = Counter(words(candidate)), Counter(words(original))
    total = sum(wc.values())
    return sum((wc & wo).values()) / total if total else 0.0


def gold_facts_kept(draft: str, gold: str, candidate: str) -> bool:
    """True when every fact of ``draft`` that ``gold`` still has is in ``candidate`` too."""
    from draftwise.rewrite.check import facts

    gold_low, cand_low = gold.lower(), candidate.lower()
    return all(f in cand_low for f in facts(draft) if f in gold_low)


def evaluate(analyzer: Any, drafts: Sequence[dict], gold: dict[str, dict]) -> dict[str, Any]:
    """Mechanical figures of the first candidate on ``drafts`` that have a gold rewrite, and every row."""
    from draftwise.rewrite.check import keeps_ask, keeps_facts, new_facts

    todo = [d for d in drafts if d["id"] in gold]
    reports = analyzer.analyse_many([d["text"] for d in todo], ids=[d["id"] for d in todo], rewrites=True)
    n: Counter = Counter()
    sums: Counter = Counter()
    rows = []
    for d, r in zip(todo, reports, strict=True):
        g = gold[d["id"]]
        first = r.rewrites[0] if r.rewrites else None
        n["drafts"] += 1
        row: dict[str, Any] = {
            "id": d["id"],
            "text": d["text"],
            "gold": g.get("rewrite"),
            "first": first.text if first else None,
            "style": first.style if first else None,
            "note": r.rewrites_note,
        }
        if first is not None:
            invented = new_facts(d["text"], first.text)
            row.update(
                slot_free="[" not in first.text,
                facts_kept=keeps_facts(d["text"], first.text),
                ask_kept=keeps_ask(r, first.text),
                invented=sorted(invented),
                copied=copied(first.text, d["text"]),
                gold_f1=overlap_f1(first.text, g["rewrite"]) if g.get("rewrite") else None,
                gold_facts_kept=gold_facts_kept(d["text"], g["rewrite"], first.text) if g.get("rewrite") else None,
            )
            n["clean"] += 1
            n["slot_free"] += row["slot_free"]
            n["facts_kept"] += row["facts_kept"]
            n["ask_kept"] += row["ask_kept"]
            n["invented"] += bool(invented)
            n["light_first"] += first.style == "light_touch"
            sums["copied"] += row["copied"]
            if row["gold_f1"] is not None:
                sums["gold_f1"] += row["gold_f1"]
                n["gold_facts_kept"] += row["gold_facts_kept"]
                n["with_gold"] += 1
        rows.append(row)
    d_ = max(1, n["drafts"])
    c_ = max(1, n["clean"])
    figures = {
        "drafts": n["drafts"],
        "clean": n["clean"] / d_,
        "slot_free": n["slot_free"] / c_,
        "facts_kept": n["facts_kept"] / c_,
        "ask_kept": n["ask_kept"] / c_,
        "invented": n["invented"] / c_,
        "light_first": n["light_first"] / c_,
        "copied": sums["copied"] / c_,
        "gold_f1": sums["gold_f1"] / max(1, n["with_gold"]),
        "gold_facts_kept": n["gold_facts_kept"] / max(1, n["with_gold"]),
    }
    return {"figures": figures, "rows": rows}


def lines(res: dict[str, Any], part: str) -> list[str]:
    """The figures as lines for the terminal."""
    f = res["figures"]
    return [
        f"rewrites, {part} part: {f['drafts']} drafts with blame or a tactic and a gold rewrite",
        f"  at least one clean candidate        {f['clean']:.3f}",
        "  first candidate:",
        f"    the light edit                    {f['light_first']:.3f}",
        f"    no [blank]                        {f['slot_free']:.3f}   target 1.0",
        f"    numbers, names, dates kept        {f['facts_kept']:.3f}   target >= .95",
        f"      of those the gold keeps         {f['gold_facts_kept']:.3f}",
        f"    ask kept                          {f['ask_kept']:.3f}",
        f"    a fact invented                   {f['invented']:.3f}   target 0",
        f"    words from the draft              {f['copied']:.3f}",
        f"    word F1 with the gold rewrite     {f['gold_f1']:.3f}",
    ]


# -- the blind judgement ----------------------------------------------------------------


def blind_pack(
    rows: Iterable[dict], seed: int = 13, others: Mapping[str, Mapping[str, str | None]] | None = None
) -> tuple[list[dict], list[dict]]:
    """Items for a blind judge (the draft and its versions in shuffled order, ``A``, ``B``, ...) and the key.

    The versions are draftwise's first candidate and the gold rewrite, plus one per entry of
    ``others`` (a system name -> first candidate by draft id, e.g. the rewriter before a change).
    A missing candidate is judged as an empty version (no rewrite offered). Rows whose gold is
    ``None`` (no message to keep) are left out: there is nothing to compare.
    """
    rng = random.Random(seed)
    items, key = [], []
    for i, row in enumerate(r for r in rows if r.get("gold")):
        versions = [("draftwise", row.get("first") or ""), ("gold", row["gold"])]
        versions += [(name, (texts.get(row["id"]) or "")) for name, texts in (others or {}).items()]
        rng.shuffle(versions)
        letters = [chr(ord("A") + k) for k in range(len(versions))]
        item_id = f"j{i + 1:04d}"
        items.append(
            {"item": item_id, "draft": row["text"], **{x: v[1] for x, v in zip(letters, versions, strict=True)}}
        )
        key.append({"item": item_id, "id": row["id"], **{x: v[0] for x, v in zip(letters, versions, strict=True)}})
    return items, key


def blind_score(key: Sequence[dict], judgements: Sequence[dict]) -> dict[str, Any]:
    """Mean scores and sendable rate per system, and how often each was preferred.

    A judgement is ``{"item", "A": {faithful, clean, fluent, register, sendable}, "B": {...}, ...,
    "prefer": "A" | "B" | ... | "same"}``.
    """
    by_item = {k["item"]: k for k in key}
    agg: dict[str, Counter] = {}
    n: Counter = Counter()
    for j in judgements:
        k = by_item.get(j["item"])
        if k is None:
            continue
        n["items"] += 1
        for side, system in k.items():
            if side in ("item", "id"):
                continue
            sc = j[side]
            agg.setdefault(system, Counter())
            for s in SCORES:
                agg[system][s] += float(sc[s])
            agg[system]["sendable"] += bool(sc["sendable"])
        pref = j.get("prefer")
        n["prefer_" + (k[pref] if pref in k and pref not in ("item", "id") else "same")] += 1
    m = max(1, n["items"])
    return {
        "items": n["items"],
        **{system: {s: agg[system][s] / m for s in (*SCORES, "sendable")} for system in sorted(agg)},
        "preferred": {k.removeprefix("prefer_"): v / m for k, v in n.items() if k.startswith("prefer_")},
    }
