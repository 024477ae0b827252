"""Every threshold and limit of the analyser, in one typed, frozen config.

Change a number here and it changes everywhere; the tests read the same
values. Model thresholds are chosen on the dev split by ``draftwise train`` and
stored beside the model (``models/thresholds.json``); the values here are the
defaults used when no model is loaded (rule mode) and the floors nothing may
go below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# One draft is one message. 20,000 characters is about 3,500 words, several
# times the longest email in the corpus; beyond it only the first part is
# analysed and the record says so (see Analyzer).
MAX_DRAFT_CHARS = 20_000


@dataclass(frozen=True)
class Settings:
    """Thresholds (probabilities in [0, 1]) and limits."""

    max_draft_chars: int = MAX_DRAFT_CHARS
    # A label is given when its probability reaches its threshold.
    skill_threshold: float = 0.5
    blame_threshold: float = 0.5
    blame_type_threshold: float = 0.5
    tactic_threshold: float = 0.5
    # Safety errs towards showing resources: a lower bar than any style label.
    safety_threshold: float = 0.3
    # A draft flagged for safety never reads as calm (LABELS.md 3: 2-3 is "calm"); the issue
    # "Safety first" found "i'm going to kill myself" at 3/10. Chosen on dev: a floor of 4 leaves
    # intensity MAE and Spearman as they were (0.726 / 0.884); 6 or 7 cost 0.02-0.05 MAE, because
    # the corpus labels some quiet disclosures 3-5. The app and CLI show no gauge in safety mode.
    safety_intensity_floor: int = 4
    # Confident is lost when intensity reaches this with shouting or insults (LABELS 7).
    shouting_level: int = 7
    # "Sleep on it" when intensity reaches this.
    heated_level: int = 7
    # Apology words before the ask that make a draft read as not confident.
    max_apologies: int = 2
    per_label: dict[str, float] = field(default_factory=dict)

    def threshold(self, label: str, default: float) -> float:
        return self.per_label.get(label, default)
