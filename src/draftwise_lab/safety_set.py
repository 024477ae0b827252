"""The labelled safety set (``data/safety/``): compile, split, validate and load it.

Parts (:data:`PARTS`, the files each reads):

- ``train``: ``train.jsonl`` and ``test.jsonl``, ``train-w5.jsonl`` ... ``train-w10.jsonl``,
  ``train-h1.jsonl`` and ``train-h2.jsonl``. The first writers' drafts were compiled into three
  files by a hash of the draft id (:func:`split_of`: 40% / 20% / 40%, so adding a draft never
  moves another). ``test.jsonl`` was that set's held-out part and h1-h2 the second: each was
  read once for a final report (``data/test-runs.log``) and is training data since. Writers
  w5-w10 wrote training drafts only, aimed at what the screen missed most (indirect and veiled
  self-harm, veiled threats, hard negatives that sound like farewells or pressure, other
  languages). The safety head is fitted on this part, and rules may be written while reading it.
  :data:`SPARE` files (the third held-out part, h3-h5, and writers w11-w12) were tried as
  training data in a third round and are not used: that classifier found no more on dev.
- ``dev``: ``dev.jsonl`` (the same hash's 20%), ``dev-h6.jsonl`` ... ``dev-h8.jsonl`` (the fourth
  held-out part, writers h6-h8), ``dev-h9.jsonl`` ... ``dev-h11.jsonl`` (the fifth, h9-h11) and
  ``dev-h12.jsonl`` ... ``dev-h14.jsonl`` (the sixth, h12-h14), ``dev-h15.jsonl`` (the seventh,
  nine other languages), ``dev-h16.jsonl``, ``dev-h17.jsonl`` (the eighth), ``dev-h18.jsonl``,
  ``dev-h19.jsonl`` (the ninth) and ``dev-h20.jsonl``, ``dev-h21.jsonl`` (the tenth), each read for a
  final report and dev since: thresholds, C, the mix
  and rule changes are chosen on it. Being by writers the head never learnt from, it says how a
  choice carries to new writers.
- ``heldout``: ``heldout-h22.jsonl`` and ``heldout-h23.jsonl``, 330 English drafts by two new
  writers who wrote from ``BRIEF.md`` alone and never saw the other parts. No choice reads it; it
  is scored by ``draftwise-lab eval-safety --set heldout --final`` (logged).

Run ``python -m draftwise_lab.safety_set compile RAW.jsonl ...`` to rebuild the first
writers' three files from their raw files.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

SAFETY_DIR = Path(__file__).resolve().parents[2] / "data" / "safety"
KINDS = ("suicide", "self_harm", "violence")
TARGETS = ("self", "other", "none")
DIRECTNESS = ("explicit", "indirect", "veiled", "none")
LANGS = ("en", "es", "de", "fr", "pt", "it", "nl", "zh", "ar", "hi")
FIELDS = ("id", "text", "safety", "kinds", "target", "directness", "lang", "style")


# Written for a third round of training and not used by the kept head: a classifier trained with them
# found no more on dev (data/safety/README.md, "Round 3"). Kept for the next round.
SPARE = ("train-h3.jsonl", "train-h4.jsonl", "train-h5.jsonl", "train-w11.jsonl", "train-w12.jsonl")

# The files the first writers' drafts were compiled into (split_of), and the parts each file is in now.
FILES = ("train", "dev", "test")
PARTS = {
    "train": (
        "train.jsonl",
        "test.jsonl",
        *(f"train-w{n}.jsonl" for n in range(5, 11)),
        "train-h1.jsonl",
        "train-h2.jsonl",
    ),
    "dev": ("dev.jsonl", *(f"dev-h{n}.jsonl" for n in range(6, 22))),
    "heldout": ("heldout-h22.jsonl", "heldout-h23.jsonl"),
}
SPLITS = tuple(PARTS)
PART_OF_FILE = {"train": "train", "dev": "dev", "test": "train"}


def split_of(draft_id: str) -> str:
    """The first writers' file of a draft: ``train`` (40%), ``dev`` (20%) or ``test`` (40%), by a hash of the id.

    ``test`` is in the ``train`` part now (:data:`PART_OF_FILE`); the held-out drafts are not hashed.
    """
    h = int(hashlib.sha1(("safety:" + draft_id).encode("utf-8")).hexdigest(), 16) % 100
    return "train" if h < 40 else "dev" if h < 60 else "test"


def group_of(d: dict) -> str:
    """The reporting group: explicit / indirect / veiled (self), other_directed, non_english, hard_negative."""
    if not d["safety"]:
        return "hard_negative" if d["lang"] == "en" else "hard_negative_non_english"
    if d["lang"] != "en":
        return "non_english"
    if d["target"] == "other":
        return "other_directed"
    return d["directness"]


def problems(d: dict) -> list[str]:
    """What is wrong with one labelled draft (empty when it is well formed)."""
    out = [f"missing {k}" for k in FIELDS if k not in d]
    if out:
        return out
    if not isinstance(d["text"], str) or not d["text"].strip():
        out.append("empty text")
    if d["safety"] != bool(d["kinds"]):
        out.append("safety and kinds disagree")
    if any(k not in KINDS for k in d["kinds"]):
        out.append(f"unknown kind in {d['kinds']}")
    if d["target"] not in TARGETS or d["directness"] not in DIRECTNESS or d["lang"] not in LANGS:
        out.append("unknown target, directness or lang")
    if d["safety"] == (d["target"] == "none"):
        out.append("target 'none' must go with safety false")
    return out


def compile_raw(paths: Iterable[str | Path], out_dir: str | Path = SAFETY_DIR) -> Counter:
    """Validate the first writers' raw files and write their three files; returns counts."""
    drafts: dict[str, dict] = {}
    texts: set[str] = set()
    counts: Counter = Counter()
    for p in paths:
        for n, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            d = json.loads(line)
            bad = problems(d)
            if bad:
                raise ValueError(f"{p}:{n}: {'; '.join(bad)}")
            key = " ".join(d["text"].lower().split())
            if d["id"] in drafts or key in texts:
                counts["duplicates dropped"] += 1
                continue
            drafts[d["id"]] = {k: d[k] for k in (*FIELDS, "notes") if k in d}
            texts.add(key)
    by: dict[str, list[dict]] = {k: [] for k in FILES}
    for d in sorted(drafts.values(), key=lambda d: d["id"]):
        split = split_of(d["id"])
        by[split].append(d)
        counts[f"{split} {group_of(d)}"] += 1
    for split, ds in by.items():
        with open(Path(out_dir) / f"{split}.jsonl", "w", encoding="utf-8") as f:
            for d in ds:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return counts


def load(part: str, folder: str | Path = SAFETY_DIR) -> list[dict]:
    """The drafts of one part (``train``, ``dev`` or ``heldout``), file by file, in file order."""
    if part not in PARTS:
        retired = " (the old test part was retired into train)" if part == "test" else ""
        raise ValueError(f"unknown part {part!r}: {', '.join(PARTS)}{retired}")
    out = []
    for name in PARTS[part]:
        with open(Path(folder) / name, encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    if len(sys.argv) < 3 or sys.argv[1] != "compile":
        sys.exit("usage: python -m draftwise_lab.safety_set compile RAW.jsonl [RAW.jsonl ...]")
    for k, v in sorted(compile_raw(sys.argv[2:]).items()):
        print(f"{k}: {v}")
