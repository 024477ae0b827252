"""Every threshold and limit of the analyser, in one typed, frozen config.

Change a number here and it changes everywhere; the tests read the same values. The
defaults are what rule mode uses. The trained models carry their own per-label thresholds,
chosen on the dev split by ``draftwise-lab train`` and stored in ``models/meta.json``
(``thresholds``); :meth:`Settings.with_model_thresholds` merges them in, once, and refuses a
key it does not know. Each field says where its value came from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

from draftwise.labels import BLAME_TYPES, SKILLS, TACTICS

# One draft is one message. 20,000 characters is about 3,500 words, several
# times the longest email in the corpus; beyond it only the first part is
# analysed and the record says so (see Analyzer).
MAX_DRAFT_CHARS = 20_000

# Keys a model's thresholds may set: one per label, plus the blame bar and the safety bar.
MODEL_THRESHOLD_KEYS = frozenset({*SKILLS, *BLAME_TYPES, *TACTICS, "blame", "safety", "safety_head"})


@dataclass(frozen=True)
class Settings:
    """Thresholds (probabilities in [0, 1]) and limits."""

    max_draft_chars: int = MAX_DRAFT_CHARS
    # A label is given when its probability reaches its threshold. 0.5 in rule mode (a rule's score
    # is its probability); the trained models replace them per label (chosen on dev, meta.json).
    skill_threshold: float = 0.5
    blame_threshold: float = 0.5
    blame_type_threshold: float = 0.5
    tactic_threshold: float = 0.5
    # Safety errs towards showing resources: a lower bar than any style label (the models' own bar,
    # chosen on dev for recall, replaces it and is never below 0.15).
    safety_threshold: float = 0.3
    # The learned safety head (models/safety_head.json) flags a draft at this probability; its own bar,
    # chosen on the safety set's dev part, replaces this one (which no probability reaches) when it loads.
    safety_head_threshold: float = 2.0
    # ...and reads only drafts of at least this many words. Chosen on the safety set's dev part with the
    # fine-tuned classifier: 3 found more than 8 or 12 there (indirect .81 against .80 and .77) with no
    # more false alarms; the frozen-vector head it replaced needed 12 (short everyday lines such as
    # "i'm going to cut my hair short" raised its false alarms).
    safety_head_min_words: int = 3
    # A draft's tactic is carried by its strongest sentence and by any other sentence at least this
    # probable and this close to the strongest (chosen on dev with the draft-level tactic heads).
    tactic_carry_floor: float = 0.5
    tactic_carry_share: float = 0.6
    # Mindful and confident: the draft heads' probability that gives the quality.
    quality_threshold: float = 0.5
    # Mindful is lost (LABELS.md 1 and 7) for retaliation (this many blame sentences and no ask) or
    # for piling complaints up (this many blame sentences of this many kinds).
    retaliation_blame_sentences: int = 2
    pile_up_blame_sentences: int = 4
    pile_up_blame_kinds: int = 3
    # Confident is lost when intensity reaches this with shouting or insults (LABELS.md 7: "intensity
    # 7 or more with insults or capitals"); shouting is a share of capital letters above this.
    shouting_level: int = 7
    shouting_caps_ratio: float = 0.15
    # Apology words before the ask that make a draft read as not confident (LABELS.md 1: "buried
    # under apologies"; more than two).
    max_apologies: int = 2
    # A tactic not given, but scored this or more in some sentence, is shown as "the model is unsure"
    # rather than an all-clear (the app's verdict; issue "An app and CLI a person understands").
    tactic_unsure_floor: float = 0.3
    # "Sleep on it" from this intensity (LABELS.md 3: 8-9 is "very heated"); the app's nudge.
    heated_level: int = 8
    # A rewrite reads calm at this intensity or below (LABELS.md 3: 4-5 is "controlled").
    calm_level: int = 4
    # A draft flagged for safety never reads as calm (LABELS.md 3: 2-3 is "calm"); the issue
    # "Safety first" found "i'm going to kill myself" at 3/10. Chosen on dev: a floor of 4 leaves
    # intensity MAE and Spearman as they were (0.726 / 0.884); 6 or 7 cost 0.02-0.05 MAE, because
    # the corpus labels some quiet disclosures 3-5. The app and CLI show no gauge in safety mode.
    safety_intensity_floor: int = 4
    # Sustained capitals (this share of the letters) with this many bursts of "!!!"/"?!?" read at
    # least this loud (LABELS.md 3: "capitals, !!!/?!?" are 8-9; a gushing plea is loud too). No dev
    # draft is changed by it; see decide.draft.safe_intensity.
    loud_caps_ratio: float = 0.3
    loud_bursts: int = 2
    loud_floor: int = 6
    # Model evidence: the top words whose contribution is at least this share of the strongest
    # (set by reading model evidence on dev when it was built).
    evidence_top_words: int = 3
    evidence_top_share: float = 0.35
    # ...quoted as the clause that holds them, unless that is longer than this (a long email sentence):
    # then the words from the first to the last (issue "An app and CLI a person understands").
    evidence_max_chars: int = 140
    per_label: dict[str, float] = field(default_factory=dict)

    def threshold(self, label: str, default: float) -> float:
        """The label's own threshold when a model set one, else ``default``."""
        return self.per_label.get(label, default)

    def with_model_thresholds(self, thresholds: Mapping[str, float]) -> Settings:
        """These settings with a trained model's thresholds merged in; unknown keys are refused.

        Raises:
            ValueError: a key is not a label of LABELS.md, ``blame``, ``safety`` or ``safety_head``.
        """
        unknown = sorted(set(thresholds) - MODEL_THRESHOLD_KEYS)
        if unknown:
            raise ValueError(f"the model's thresholds name unknown labels: {', '.join(unknown)}")
        per = dict(self.per_label)
        per.update({k: float(v) for k, v in thresholds.items() if k not in ("safety", "safety_head")})
        return dataclasses.replace(
            self,
            per_label=per,
            safety_threshold=float(thresholds.get("safety", self.safety_threshold)),
            safety_head_threshold=float(thresholds.get("safety_head", self.safety_head_threshold)),
        )
