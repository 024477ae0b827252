"""The labelled safety set (``data/safety/``): compile, split, validate and load it.

Drafts are written by several writers from one brief (``data/safety/BRIEF.md``), one raw
file each, then compiled into three parts by a hash of the draft id (so adding a draft
never moves another): ``train.jsonl`` (40%: the safety head is fitted on it, and rules
may be written while reading it), ``dev.jsonl`` (20%: thresholds and rule changes are
chosen on it) and ``test.jsonl`` (40%: held out, reported once per change that is kept,
never read while writing a rule).

Run ``python -m draftwise_lab.safety_set compile data/safety/raw/*.jsonl`` to rebuild.
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


SPLITS = ("train", "dev", "test")


def split_of(draft_id: str) -> str:
    """``train`` (40%), ``dev`` (20%) or ``test`` (40%), by a hash of the id."""
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
    """Validate the writers' raw files and write the three parts; returns counts."""
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
    by: dict[str, list[dict]] = {k: [] for k in SPLITS}
    for d in sorted(drafts.values(), key=lambda d: d["id"]):
        split = split_of(d["id"])
        by[split].append(d)
        counts[f"{split} {group_of(d)}"] += 1
    for split, ds in by.items():
        with open(Path(out_dir) / f"{split}.jsonl", "w", encoding="utf-8") as f:
            for d in ds:
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return counts


def load(split: str, folder: str | Path = SAFETY_DIR) -> list[dict]:
    """The drafts of one part (``train``, ``dev`` or ``test``)."""
    with open(Path(folder) / f"{split}.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


if __name__ == "__main__":  # pragma: no cover - a maintenance command
    if len(sys.argv) < 3 or sys.argv[1] != "compile":
        sys.exit("usage: python -m draftwise_lab.safety_set compile RAW.jsonl [RAW.jsonl ...]")
    for k, v in sorted(compile_raw(sys.argv[2:]).items()):
        print(f"{k}: {v}")
