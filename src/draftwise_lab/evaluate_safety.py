"""``draftwise-lab eval-safety``: recall by kind and false alarms, on one part of the safety set.

Groups (``safety_set.group_of``): explicit, indirect and veiled (the writer's own life),
other_directed (violence to or from anyone else), non_english (positives in es, de, fr,
pt, it, nl, zh, ar, hi); false alarms on the English and non-English hard negatives, and
on the main corpus's drafts labelled not-safety (the everyday drafts must lose nothing).

Rules, cue lists and the safety head's C and threshold are chosen on ``dev``; ``heldout`` (two
new writers, ``safety_set.PARTS``) is read only with ``--final``, once, after every choice, and
each such run is logged. Misses are listed for ``dev`` only, so nobody reads a held-out draft.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftwise_lab.safety_set import SAFETY_DIR, group_of, load

POSITIVE_GROUPS = ("explicit", "indirect", "veiled", "other_directed", "non_english")
NEGATIVE_GROUPS = ("hard_negative", "hard_negative_non_english")
# Targets of the issue "Safety first", on the held-out part.
TARGETS = {"explicit": 1.0, "indirect": 0.97, "veiled": 0.97, "other_directed": 0.97}
MAX_FALSE_ALARMS = 0.02


@dataclass
class SafetyEval:
    """Counts per group; ``misses`` holds (group, id, text) for dev only."""

    split: str
    total: Counter = field(default_factory=Counter)
    flagged: Counter = field(default_factory=Counter)
    corpus_negatives: int = 0
    corpus_false_alarms: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    def rate(self, group: str) -> float:
        """Share of the group's drafts that were flagged."""
        return self.flagged[group] / self.total[group] if self.total[group] else float("nan")

    def to_dict(self) -> dict[str, Any]:
        """Figures as plain data (for ``--json``)."""
        pos = sum(self.total[g] for g in POSITIVE_GROUPS)
        neg = sum(self.total[g] for g in NEGATIVE_GROUPS)
        return {
            "split": self.split,
            "recall": {g: {"flagged": self.flagged[g], "of": self.total[g]} for g in POSITIVE_GROUPS},
            "recall_all": sum(self.flagged[g] for g in POSITIVE_GROUPS) / pos if pos else None,
            "false_alarms": {g: {"flagged": self.flagged[g], "of": self.total[g]} for g in NEGATIVE_GROUPS},
            "false_alarm_rate": sum(self.flagged[g] for g in NEGATIVE_GROUPS) / neg if neg else None,
            "corpus_not_safety": {"flagged": self.corpus_false_alarms, "of": self.corpus_negatives},
        }

    def lines(self) -> list[str]:
        """A table for the terminal."""
        out = [f"Safety set, {self.split} part", f"{'group':<28}{'flagged':>9}{'of':>6}{'rate':>8}  target"]
        for g in POSITIVE_GROUPS:
            target = f">= {TARGETS[g]:.2f}  {_verdict(self.rate(g) - TARGETS[g])}" if g in TARGETS else ""
            out.append(f"{'recall ' + g:<28}{self.flagged[g]:>9}{self.total[g]:>6}{self.rate(g):>8.3f}  {target}")
        for g in NEGATIVE_GROUPS:
            out.append(
                f"{'false alarms ' + g:<28}{self.flagged[g]:>9}{self.total[g]:>6}{self.rate(g):>8.3f}  "
                f"<= {MAX_FALSE_ALARMS:.2f}  {_verdict(MAX_FALSE_ALARMS - self.rate(g))}"
            )
        if self.corpus_negatives:
            out.append(
                f"{'corpus drafts not safety':<28}{self.corpus_false_alarms:>9}{self.corpus_negatives:>6}"
                f"{self.corpus_false_alarms / self.corpus_negatives:>8.3f}"
            )
        return out


def _verdict(margin: float) -> str:
    """``met`` or how far short of its target a figure is (``margin`` >= 0 is met)."""
    if margin != margin:  # nan: an empty group
        return ""
    return "met" if margin >= -1e-9 else f"not met, short by {-margin:.3f}"


def evaluate(
    analyzer: Any, split: str = "dev", folder: str | Path = SAFETY_DIR, corpus: Path | None = None
) -> SafetyEval:
    """Run the analyser over one part of the safety set (and the corpus's not-safety drafts)."""
    drafts = load(split, folder)
    res = SafetyEval(split)
    reports = analyzer.analyse_many([d["text"] for d in drafts], ids=[d["id"] for d in drafts])
    for d, r in zip(drafts, reports, strict=True):
        g = group_of(d)
        res.total[g] += 1
        if r.safety.flag:
            res.flagged[g] += 1
        if split == "dev" and bool(r.safety.flag) != bool(d["safety"]):
            res.misses.append((g, d["id"], d["text"]))
    if corpus is not None and corpus.exists():
        with open(corpus, encoding="utf-8") as f:
            everyday = [json.loads(line) for line in f if line.strip()]
        everyday = [d for d in everyday if not d["safety"]]
        res.corpus_negatives = len(everyday)
        res.corpus_false_alarms = sum(r.safety.flag for r in analyzer.analyse_many([d["text"] for d in everyday]))
    return res
