"""Label probabilities for one draft, from the trained judge or, in rule mode, from the rules."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from draftwise.decide.overrides import masked
from draftwise.detectors.base import DraftView, Finding
from draftwise.labels import BLAME_TYPES, SKILLS, TACTICS

# Rule mode: a sentence is a description rather than blame when no blame rule reaches this.
RULE_BLAME_BAR = 0.5


@dataclass(frozen=True)
class Probabilities:
    """Label probabilities for one draft: per sentence, and for the draft.

    ``attribute`` (model mode only) gives each word's contribution to one label of one sentence:
    the model's attributions, from which :mod:`draftwise.decide.evidence` picks the evidence.
    """

    sentences: Sequence[Mapping[str, float]]
    draft: Mapping[str, Any]
    attribute: Any = None


def rule_probabilities(draft: DraftView, findings: Sequence[Finding]) -> Probabilities:
    """Rule mode: a label's probability is the best score of the rules that found it."""
    per: list[dict[str, float]] = [defaultdict(float) for _ in draft.sentences]
    for f in findings:
        if f.sentence is None:
            continue
        d = per[f.sentence]
        if f.family in ("skill", "blame", "tactic"):
            d[f.label] = max(d[f.label], f.score)
        elif f.family == "safety":
            d["safety"] = max(d["safety"], f.score)
    out = []
    for s, d in zip(draft.sentences, per, strict=True):
        for label in masked(s.text):
            d[label] = 0.0
        p_blame = max((d[b] for b in BLAME_TYPES), default=0.0)
        p_desc = 0.0 if p_blame >= RULE_BLAME_BAR else max(d["describe"], d["express"])
        probs = {k: float(d[k]) for k in (*SKILLS, *BLAME_TYPES, *TACTICS)}
        probs.update(
            blame=p_blame, description=p_desc, neutral=max(0.0, 1.0 - max(p_blame, p_desc)), safety=d["safety"]
        )
        out.append(probs)
    return Probabilities(out, {})
