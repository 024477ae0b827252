"""Every decision from findings and probabilities to the labels of the record, in one place.

The model (``models.judge``) returns probabilities and attributions only; the rules return
findings. Everything that turns them into labels lives in this package:

- ``probabilities``: the shape of label probabilities, and rule mode's probabilities;
- ``overrides``: what LABELS.md rules out whatever a model says (a bare farewell is never a
  loaded opener), applied to both sources of probabilities;
- ``sentences``: per-sentence labels with LABELS.md section 7's conventions, and which
  sentence carries a draft's tactic;
- ``evidence``: which words become a label's evidence when no rule names any;
- ``draft``: tactics, DEAR MAN coverage, apology kind, safety and the intensity floor;
- ``reasons``: reasons as an enum, and every message a person reads about a label.

Every threshold comes from one :class:`draftwise.config.Settings`.
"""

from __future__ import annotations

from draftwise.decide.draft import apology, dear_man, safe_intensity, safety, tactics, withheld
from draftwise.decide.probabilities import Probabilities, rule_probabilities
from draftwise.decide.reasons import HINTS, WITHHELD_FOR_SAFETY, Because, Reason, message
from draftwise.decide.sentences import leverage_free_self_harm, sentence_tactics, sentences

__all__ = [
    "HINTS",
    "WITHHELD_FOR_SAFETY",
    "Because",
    "Probabilities",
    "Reason",
    "apology",
    "dear_man",
    "leverage_free_self_harm",
    "message",
    "rule_probabilities",
    "safe_intensity",
    "safety",
    "sentence_tactics",
    "sentences",
    "tactics",
    "withheld",
]
