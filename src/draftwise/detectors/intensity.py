"""Emotional intensity, 1 (silent) to 10 (screaming): the signals, and the rule score.

Intensity is arousal, not negativity (LABELS.md section 3): capitals, repeated
punctuation, swearing, intensifiers, strong emotion words, absolutes, threats
and the length of a tirade all raise it; none decides alone.

The rule score, used until a trained model is present and kept as the
fallback, is a documented weighted sum of capped signals::

    score = 1.4
          + 3.0 * min(caps_ratio / 0.3, 1)          shouting in capitals
          + 0.45 * min(exclamations, 6)             "!"
          + 0.6 * min(punct_bursts, 4)              "!!!", "?!?", "???"
          + 0.9 * min(swears, 3)
          + 0.25 * min(intensifiers, 4)             "so", "literally", ...
          + 0.6 * min(insults, 3)
          + 2.2 * max_abs_valence                   strongest sentence, VADER compound
          + 0.3 * min(elongations, 3)               "pleeease", "nooo"
          + 0.35 * min(hot_emoji, 3)                😡 😭 💔 ...
          + 0.5 * min(blame_cues, 4) + 0.8 * min(tactic_cues, 3)
          + 0.4 * min(words / 120, 1)               a long tirade
    level = clip(round(score), 1, 10)
"""

from __future__ import annotations

import re

from draftwise.detectors.base import DraftView, words
from draftwise.detectors.sentiment import compound
from draftwise.lexicons import HOT_EMOJI, INSULTS, INTENSIFIERS, SWEARS

# Upper-case words that are not shouting.
_ACRONYMS = frozenset(
    "I OK TV UK US USA EU ID PM AM HR IT CEO PS NHS GP ASAP FYI BTW OMG LOL DM PDF CV IOU ETA RSVP NYC LA DIY FAQ ATM SUV UPS DHL BBQ MOT PTA IDK TBH IMO IRL".split()
)
_ELONGATED = re.compile(r"([A-Za-z])\1{2,}")
_BURST = re.compile(r"[!?]{2,}")
_SWEAR_RE = re.compile(
    r"(?i)\b(?:" + "|".join(re.escape(w) for w in sorted(SWEARS, key=len, reverse=True)) + r")\b|f\*+k|sh\*t|\$#!t"
)


def signals(draft: DraftView, blame_cues: int = 0, tactic_cues: int = 0) -> dict[str, float]:
    """The named signals of the module docstring, for the record and the models."""
    text = draft.text
    toks = words(text)
    lower = [t.lower() for t in toks]
    letters = sum(len(t) for t in toks) or 1
    caps_letters = sum(len(t) for t in toks if len(t) >= 2 and t.isupper() and t not in _ACRONYMS)
    valences = [abs(compound(s.text)) for s in draft.sentences] or [0.0]
    return {
        "caps_ratio": caps_letters / letters,
        "exclamations": float(text.count("!")),
        "punct_bursts": float(len(_BURST.findall(text))),
        "swears": float(len(_SWEAR_RE.findall(text))),
        "intensifiers": float(sum(w in INTENSIFIERS for w in lower)),
        "insults": float(sum(w in INSULTS for w in lower)),
        "max_abs_valence": max(valences),
        "mean_abs_valence": sum(valences) / len(valences),
        "elongations": float(len(_ELONGATED.findall(text))),
        "hot_emoji": float(sum(ch in HOT_EMOJI for ch in text)),
        "blame_cues": float(blame_cues),
        "tactic_cues": float(tactic_cues),
        "words": float(len(toks)),
        "questions": float(text.count("?")),
    }


def rule_score(sig: dict[str, float]) -> float:
    """The weighted sum of the module docstring (unclipped)."""
    return (
        1.4
        + 3.0 * min(sig["caps_ratio"] / 0.3, 1.0)
        + 0.45 * min(sig["exclamations"], 6)
        + 0.6 * min(sig["punct_bursts"], 4)
        + 0.9 * min(sig["swears"], 3)
        + 0.25 * min(sig["intensifiers"], 4)
        + 0.6 * min(sig["insults"], 3)
        + 2.2 * sig["max_abs_valence"]
        + 0.3 * min(sig["elongations"], 3)
        + 0.35 * min(sig["hot_emoji"], 3)
        + 0.5 * min(sig["blame_cues"], 4)
        + 0.8 * min(sig["tactic_cues"], 3)
        + 0.4 * min(sig["words"] / 120.0, 1.0)
    )


def to_level(score: float) -> int:
    """The 1-10 level of a score: rounded, then clipped to that range."""
    return int(min(10, max(1, round(score))))
