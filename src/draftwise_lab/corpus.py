"""The labelled corpus of ``data/``: reading, checking and counting drafts.

Format: ``shared/spec/DATA.md`` (one JSON object per line). Two optional fields
are ours: ``near_miss`` (tactic names, or ``"safety"``, that the draft looks
like but does not carry, per the guide's "not it" column) and ``notes``.

Run ``python -m draftwise_lab.corpus validate FILE...`` to check files and print
label counts; it exits non-zero when any draft breaks the format or the
conventions of LABELS.md section 7.

Authors write batches in a compact text form that cannot mis-copy a sentence,
and ``python -m draftwise_lab.corpus compile BATCH.txt -o BATCH.jsonl`` turns it
into the JSON Lines of DATA.md (see ``data/LABELLING.md``)::

    ### b01-0001
    rel: roommate; style: texting; intensity: 3; mindful: yes; confident: yes; safety: no; apology: none; near_miss: ultimatum
    notes: a calm boundary about the writer's own action
    | hey so the dishes have been in the sink since sunday ## describe ; description
    | i'm honestly kind of fed up ## express ; description
    + can u do them tonight? ## assert ; neutral

A sentence line starts with how it joins the one before: ``|`` a line break,
``/`` a blank line (new paragraph), ``+`` a space on the same line. After
``##`` come skills ; phrasing ; blame types ; tactics (comma-separated, ``-`` or
nothing for none).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from draftwise.labels import (
    APOLOGY_KINDS,
    BLAME_TYPES,
    INTENSITY_MAX,
    INTENSITY_MIN,
    PHRASING,
    RELATIONSHIPS,
    SKILLS,
    STYLES,
    TACTICS,
)

_WORD = re.compile(r"\w", re.UNICODE)
# Every labelled draft has these fields (DATA.md); ``near_miss`` and ``notes`` are optional.
REQUIRED_KEYS = (
    "id",
    "relationship",
    "style",
    "text",
    "sentences",
    "mindful",
    "confident",
    "intensity",
    "tactics",
    "safety",
    "apology",
)


@dataclass
class Problems:
    """Errors (format broken) and warnings (labels worth a second look)."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Yield the JSON objects of a JSON Lines file, skipping blank lines."""
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{n}: not valid JSON ({e.msg})") from e


def sentence_spans(draft: dict) -> list[tuple[int, int]]:
    """Character spans of the labelled sentences, found in order (DATA.md rule)."""
    pos, out = 0, []
    for s in draft["sentences"]:
        i = draft["text"].find(s["text"], pos)
        if i < 0:
            raise ValueError(f"sentence not found in order: {s['text']!r}")
        out.append((i, i + len(s["text"])))
        pos = i + len(s["text"])
    return out


def check_draft(d: dict) -> Problems:
    """Check one labelled draft against DATA.md and the conventions of LABELS.md."""
    p = Problems()
    err, warn = p.errors.append, p.warnings.append
    for key in REQUIRED_KEYS:
        if key not in d:
            err(f"missing field {key!r}")
    if p.errors:
        return p
    if d["relationship"] not in RELATIONSHIPS:
        err(f"relationship {d['relationship']!r} not in {RELATIONSHIPS}")
    if d["style"] not in STYLES:
        err(f"style {d['style']!r} not in {STYLES}")
    if not isinstance(d["text"], str) or not d["text"].strip():
        err("text is empty")
        return p
    if not d["sentences"]:
        err("no sentences")
        return p
    try:
        spans = sentence_spans(d)
    except ValueError as e:
        err(str(e))
        return p
    # Together the sentences hold every word of the draft.
    text, prev = d["text"], 0
    for start, end in [*spans, (len(d["text"]), len(d["text"]))]:
        gap = text[prev:start]
        if _WORD.search(gap):
            err(f"words outside any sentence: {gap.strip()!r}")
        prev = end
    sent_tactics: set[str] = set()
    for i, s in enumerate(d["sentences"]):
        where = f"sentence {i} ({s.get('text', '')[:40]!r})"
        for key in ("text", "skills", "phrasing", "blame_types", "tactics"):
            if key not in s:
                err(f"{where}: missing {key!r}")
        if any(k not in s for k in ("skills", "phrasing", "blame_types", "tactics")):
            continue
        if not s["text"].strip():
            err(f"{where}: empty sentence")
        bad = set(s["skills"]) - set(SKILLS)
        if bad:
            err(f"{where}: unknown skills {sorted(bad)}")
        if s["phrasing"] not in PHRASING:
            err(f"{where}: phrasing {s['phrasing']!r} not in {PHRASING}")
        bad = set(s["blame_types"]) - set(BLAME_TYPES)
        if bad:
            err(f"{where}: unknown blame types {sorted(bad)}")
        bad = set(s["tactics"]) - set(TACTICS)
        if bad:
            err(f"{where}: unknown tactics {sorted(bad)}")
        if s["phrasing"] == "blame" and not s["blame_types"]:
            err(f"{where}: blame sentence without blame_types")
        if s["phrasing"] != "blame" and s["blame_types"]:
            err(f"{where}: blame_types on a sentence that is not blame")
        if s["tactics"] and s["skills"]:
            err(f"{where}: a sentence carrying a tactic shows no DEAR skill (LABELS 7)")
        if s["phrasing"] == "blame" and "describe" in s["skills"]:
            err(f"{where}: a blame sentence is never also describe (LABELS 7)")
        if len(set(s["skills"])) != len(s["skills"]) or len(set(s["tactics"])) != len(s["tactics"]):
            err(f"{where}: repeated label")
        sent_tactics |= set(s["tactics"])
    if set(d["tactics"]) != sent_tactics:
        err(f"draft tactics {sorted(d['tactics'])} != union of sentence tactics {sorted(sent_tactics)}")
    if not isinstance(d["intensity"], int) or not INTENSITY_MIN <= d["intensity"] <= INTENSITY_MAX:
        err(f"intensity {d['intensity']!r} is not an integer 1-10")
    for key in ("mindful", "confident", "safety"):
        if not isinstance(d[key], bool):
            err(f"{key} must be true or false")
    if d["apology"] not in APOLOGY_KINDS:
        err(f"apology {d['apology']!r} not in {APOLOGY_KINDS}")
    for nm in d.get("near_miss", []):
        if nm not in (*TACTICS, "safety"):
            err(f"near_miss {nm!r} is not a tactic name or 'safety'")
        elif nm in d["tactics"] or (nm == "safety" and d["safety"]):
            err(f"near_miss {nm!r} is also labelled present")
    if "threat" in d["tactics"] and d["confident"]:
        warn("leans on a threat but confident is true (LABELS 7)")
    if isinstance(d["intensity"], int) and d["intensity"] <= 2 and sent_tactics:
        warn("tactics in a draft rated intensity 1-2")
    return p


def validate(drafts: Iterable[dict]) -> tuple[int, list[str], list[str]]:
    """Check many drafts; returns (count, errors, warnings) with ids in the messages."""
    n, errors, warnings, seen = 0, [], [], set()
    for d in drafts:
        n += 1
        did = d.get("id", f"#{n}")
        if did in seen:
            errors.append(f"{did}: duplicate id")
        seen.add(did)
        p = check_draft(d)
        errors += [f"{did}: {m}" for m in p.errors]
        warnings += [f"{did}: {m}" for m in p.warnings]
    return n, errors, warnings


def label_counts(drafts: Iterable[dict]) -> dict[str, Counter]:
    """Counts a datasheet reports: per sentence label, per draft label, per style."""
    c: dict[str, Counter] = {
        k: Counter()
        for k in (
            "skills",
            "phrasing",
            "blame_types",
            "tactics_drafts",
            "near_miss",
            "style",
            "relationship",
            "intensity",
            "apology",
            "draft",
            "sentences_per_draft",
        )
    }
    for d in drafts:
        c["draft"]["drafts"] += 1
        c["style"][d["style"]] += 1
        c["relationship"][d["relationship"]] += 1
        c["intensity"][d["intensity"]] += 1
        c["apology"][d["apology"]] += 1
        c["sentences_per_draft"][len(d["sentences"])] += 1
        for s in d["sentences"]:
            c["draft"]["sentences"] += 1
            c["skills"].update(s["skills"])
            c["phrasing"][s["phrasing"]] += 1
            c["blame_types"].update(s["blame_types"])
        c["tactics_drafts"].update(set(d["tactics"]))
        c["near_miss"].update(set(d.get("near_miss", [])))
        c["draft"]["safety"] += bool(d["safety"])
        c["draft"]["not_mindful"] += not d["mindful"]
        c["draft"]["not_confident"] += not d["confident"]
        benign = (
            not d["tactics"]
            and not d["safety"]
            and d["intensity"] <= 3
            and all(s["phrasing"] != "blame" for s in d["sentences"])
        )
        c["draft"]["benign_low_key"] += benign
    return c


_JOIN = {"|": "\n", "/": "\n\n", "+": " "}
_BOOL = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}


def _names(field_text: str) -> list[str]:
    return [x.strip() for x in field_text.split(",") if x.strip() and x.strip() != "-"]


def compile_batch(source: str) -> list[dict]:
    """Turn the compact authoring form (module docstring) into DATA.md records."""
    drafts: list[dict] = []
    cur: dict | None = None
    for n, raw in enumerate(source.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#!"):
            continue
        try:
            if line.startswith("###"):
                cur = {"id": line[3:].strip(), "text": "", "sentences": [], "notes": ""}
                drafts.append(cur)
            elif cur is None:
                raise ValueError("text before the first ### header")
            elif line[0] in _JOIN:
                body, _, labels = line[1:].partition("##")
                sent = body.strip()
                if not sent:
                    raise ValueError("empty sentence")
                fields = labels.split(";")
                if len(fields) > 4:
                    # a fifth field used to be dropped without a word (a tactic lost): refuse it
                    raise ValueError(f"more than four label fields in {line.strip()!r}: join tactics with ','")
                parts = [x.strip() for x in fields] + ["", "", "", ""]
                if cur["sentences"]:
                    cur["text"] += _JOIN[line[0]]
                cur["text"] += sent
                cur["sentences"].append(
                    {
                        "text": sent,
                        "skills": _names(parts[0]),
                        "phrasing": parts[1] or "neutral",
                        "blame_types": _names(parts[2]),
                        "tactics": _names(parts[3]),
                    }
                )
            elif line.startswith("notes:"):
                cur["notes"] = line[6:].strip()
            else:
                for item in line.split(";"):
                    key, _, val = item.partition(":")
                    key, val = key.strip(), val.strip()
                    if key in ("rel", "relationship"):
                        cur["relationship"] = val
                    elif key == "style":
                        cur["style"] = val
                    elif key == "intensity":
                        cur["intensity"] = int(val)
                    elif key in ("mindful", "confident", "safety"):
                        cur[key] = _BOOL[val.lower()]
                    elif key == "apology":
                        cur["apology"] = val
                    elif key == "near_miss":
                        cur["near_miss"] = _names(val)
                    else:
                        raise ValueError(f"unknown field {key!r}")
        except (ValueError, KeyError) as e:
            raise ValueError(f"line {n}: {e}: {raw[:80]!r}") from e
    for d in drafts:
        d["tactics"] = sorted({t for s in d["sentences"] for t in s["tactics"]})
        d.setdefault("near_miss", [])
    keys = (*REQUIRED_KEYS, "near_miss", "notes")
    return [{k: d[k] for k in keys if k in d} for d in drafts]


SPLITS = ("train", "dev", "test")


# Batches written as a held-out test set from the start (2026-12): only ever read to report.
TEST_BATCHES = ("t01-", "t02-")


def split_of(draft_id: str) -> str:
    """The fixed split of a draft.

    Drafts of the held-out test batches (:data:`TEST_BATCHES`) are ``test``. Every other draft
    goes by a hash of its id: 62% train, the rest dev. (Until 2026-12 the top 24% of the hash was
    a test split; it had been read while choosing rules, so it was moved into dev.)
    """
    import hashlib

    if draft_id.startswith(TEST_BATCHES):
        return "test"
    h = int(hashlib.sha1(draft_id.encode("utf-8")).hexdigest(), 16) % 100
    return "train" if h < 62 else "dev"


REAL_SPLITS = ("real-train", "real-dev", "real-test")


REAL_PREFIXES = ("rg-", "rp-", "rc-", "rw-")


def is_real(draft_id: str) -> bool:
    """Whether a labelled draft is a real message of ``data/real`` (by its id's source prefix)."""
    return draft_id.startswith(REAL_PREFIXES)


def real_item(draft_id: str) -> str:
    """The source item a real message belongs to: its comment or request, or its whole conversation.

    Ids are ``<prefix>-<item>`` for a lone comment or request (``rg-``, ``rp-``) and
    ``<prefix>-<conversation>-<turn>`` for a turn of a dialogue (``rc-`` CaSiNo and the like).
    """
    parts = draft_id.split("-")
    return "-".join(parts[:-1]) if len(parts) >= 3 else draft_id


def real_split_of(draft_id: str) -> str:
    """``real-train`` (70%), ``real-dev`` (15%) or ``real-test`` (15%), by a hash of the source item.

    Turns of one CaSiNo dialogue share a split, so no test message has its neighbours in training.
    """
    import hashlib

    h = int(hashlib.sha1(("real:" + real_item(draft_id)).encode("utf-8")).hexdigest(), 16) % 100
    return "real-train" if h < 70 else "real-dev" if h < 85 else "real-test"


REWRITE_PARTS_IN_TRAINING = ("fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9")
"""Folders of ``data/rewrites`` whose written drafts also train the judge (``rewrites-read``).

Only parts the rewriter's evaluation has already read (none of ``rewrite_eval.HELD_OUT``): their
drafts were written by twenty more authors, each draft with blame or a tactic, labelled per
sentence like the corpus. Named here, not derived, so that reading a new part never changes what
``draftwise-lab train`` learns from until someone adds it.
"""


def load_set(data_dir: str | Path, name: str) -> list[dict]:
    """Labelled drafts of one named set.

    ``train``/``dev``/``test`` are the written drafts, ``real-train``/``real-dev``/``real-test`` the
    real messages of ``real/``, and ``train+real``/``dev+real`` both (as training and the choice of
    thresholds use them). ``rewrites-read`` is the written drafts of the rewrite parts named in
    :data:`REWRITE_PARTS_IN_TRAINING` (training only).
    """
    data_dir = Path(data_dir)
    if name == "rewrites-read":
        return [
            d
            for part in REWRITE_PARTS_IN_TRAINING
            for f in sorted((data_dir / "rewrites" / part).glob("f*.jsonl"))
            for d in read_jsonl(f)
        ]
    if name.endswith("+real"):
        written = name.removesuffix("+real")
        return load_set(data_dir, written) + load_set(data_dir, f"real-{written}")
    if name in REAL_SPLITS:
        return [
            d
            for f in sorted((data_dir / "real").glob("r*.jsonl"))
            for d in read_jsonl(f)
            if real_split_of(d["id"]) == name
        ]
    return list(read_jsonl(data_dir / f"{name}.jsonl"))


def write_splits(drafts: Iterable[dict], out_dir: str | Path) -> dict[str, int]:
    """Write ``train.jsonl``, ``dev.jsonl`` and ``test.jsonl``, drafts in id order."""
    by: dict[str, list[dict]] = {k: [] for k in SPLITS}
    for d in sorted(drafts, key=lambda d: d["id"]):
        by[split_of(d["id"])].append(d)
    for k, ds in by.items():
        with open(Path(out_dir) / f"{k}.jsonl", "w", encoding="utf-8") as f:
            for d in ds:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return {k: len(v) for k, v in by.items()}


def agreement(first: Iterable[dict], second: Iterable[dict]) -> dict[str, float]:
    """Cohen's kappa (and raw agreement) between two labelling passes over the same drafts.

    Sentence labels are compared where both passes split the draft into the same sentences
    (``same_split`` counts those drafts); draft labels are compared on every shared draft.
    """
    from collections import Counter as _C

    def kappa(x: list, y: list) -> float:
        n = len(x)
        po = sum(a == b for a, b in zip(x, y, strict=True)) / n
        cx, cy = _C(x), _C(y)
        pe = sum(cx[k] * cy[k] for k in set(cx) | set(cy)) / (n * n)
        return 1.0 if pe == 1 else (po - pe) / (1 - pe)

    one = {d["id"]: d for d in first}
    pairs = [(one[d["id"]], d) for d in second if d["id"] in one]
    same = [
        (da, db) for da, db in pairs if [s["text"] for s in da["sentences"]] == [s["text"] for s in db["sentences"]]
    ]
    sents = [(a, b) for da, db in same for a, b in zip(da["sentences"], db["sentences"], strict=True)]
    out: dict[str, float] = {"drafts": len(pairs), "same_split": len(same), "sentences": len(sents)}
    for k in SKILLS:
        out[f"skill:{k}"] = kappa([k in a["skills"] for a, _ in sents], [k in b["skills"] for _, b in sents])
    out["phrasing"] = kappa([a["phrasing"] for a, _ in sents], [b["phrasing"] for _, b in sents])
    for k in BLAME_TYPES:
        out[f"blame:{k}"] = kappa([k in a["blame_types"] for a, _ in sents], [k in b["blame_types"] for _, b in sents])
    for k in TACTICS:
        out[f"tactic:{k}"] = kappa([k in a["tactics"] for a, _ in pairs], [k in b["tactics"] for _, b in pairs])
    for k in ("mindful", "confident", "safety", "apology"):
        out[k] = kappa([a[k] for a, _ in pairs], [b[k] for _, b in pairs])
    xi = [a["intensity"] for a, _ in pairs]
    yi = [b["intensity"] for _, b in pairs]
    out["intensity_mae"] = sum(abs(a - b) for a, b in zip(xi, yi, strict=True)) / len(xi)
    out["intensity_within1"] = sum(abs(a - b) <= 1 for a, b in zip(xi, yi, strict=True)) / len(xi)
    return out


def apply_skill_fixes(drafts: list[dict], fixes: Iterable[str]) -> int:
    """Apply review corrections (``id<TAB>index<TAB>skills``) to the drafts; returns how many changed."""
    by_id = {d["id"]: d for d in drafts}
    n = 0
    for line in fixes:
        if not line.strip():
            continue
        did, idx, skills = line.rstrip("\n").split("\t")
        s = by_id[did]["sentences"][int(idx)]
        new = [] if skills.strip() == "-" else [k.strip() for k in skills.split(",") if k.strip()]
        new = [k for k in SKILLS if k in new]
        if s["skills"] != new:
            s["skills"] = new
            n += 1
    return n


def _main(argv: list[str]) -> int:
    if len(argv) >= 3 and argv[0] == "fix-skills":
        # fix-skills FIXES.tsv FILE.jsonl ... : rewrite each file in place
        fixes = [ln for ln in Path(argv[1]).read_text(encoding="utf-8").splitlines() if ln.strip()]
        total = 0
        for f in argv[2:]:
            drafts = list(read_jsonl(f))
            ids = {d["id"] for d in drafts}
            total += apply_skill_fixes(drafts, [ln for ln in fixes if ln.split("\t")[0] in ids])
            with open(f, "w", encoding="utf-8") as out:
                for d in drafts:
                    out.write(json.dumps(d, ensure_ascii=False) + "\n")
        print(f"{total} sentences changed")
        return 0
    if len(argv) >= 2 and argv[0] == "split":
        out = argv[argv.index("-o") + 1] if "-o" in argv else "data"
        files = [a for a in argv[1:] if a.endswith(".jsonl")]
        drafts = [d for f in files for d in read_jsonl(f)]
        n, errors, _ = validate(drafts)
        if errors:
            print("\n".join(errors))
            return 1
        print(write_splits(drafts, out))
        return 0
    if len(argv) >= 3 and argv[0] == "agreement":
        firsts = [d for f in argv[1:-1] for d in read_jsonl(f)]
        res = agreement(firsts, read_jsonl(argv[-1]))
        for k, v in res.items():
            print(f"{k}: {v:.3f}" if isinstance(v, float) else f"{k}: {v}")
        return 0
    if len(argv) >= 2 and argv[0] == "compile":
        out = argv[argv.index("-o") + 1] if "-o" in argv else None
        src = argv[1]
        try:
            drafts = compile_batch(Path(src).read_text(encoding="utf-8"))
        except ValueError as e:
            print(f"ERROR {src}: {e}")
            return 1
        if out:
            with open(out, "w", encoding="utf-8") as f:
                for d in drafts:
                    f.write(json.dumps(d, ensure_ascii=False) + "\n")
        argv = ["validate", out] if out else ["validate"]
        if not out:
            n, errors, warnings = validate(drafts)
            for m in errors + warnings:
                print(m)
            print(f"{n} drafts, {len(errors)} errors, {len(warnings)} warnings")
            return 1 if errors else 0
    if len(argv) < 2 or argv[0] != "validate":
        print(
            "usage: python -m draftwise_lab.corpus validate FILE.jsonl [FILE.jsonl ...]\n"
            "       python -m draftwise_lab.corpus compile BATCH.txt [-o BATCH.jsonl]"
        )
        return 2
    drafts: list[dict] = []
    for path in argv[1:]:
        try:
            drafts += list(read_jsonl(path))
        except ValueError as e:
            print(f"ERROR {e}")
            return 1
    n, errors, warnings = validate(drafts)
    for m in errors:
        print("ERROR", m)
    for m in warnings:
        print("warning", m)
    counts = label_counts(drafts)
    for k, v in counts.items():
        print(f"{k}: {dict(sorted(v.items(), key=lambda kv: str(kv[0])))}")
    print(f"{n} drafts, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
