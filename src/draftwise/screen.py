"""Safety first: the screen every draft passes before anything that can fail.

OUTPUT.md: "Safety is decided per draft before anything that can fail: a draft whose
other analysis fails still carries its safety result when its text can be read." So the
screen needs nothing but the text: it splits sentences with the rule segmenter (falling
back to the whole draft as one sentence), runs the English safety rules and the
multilingual cue lists on plain strings (no spaCy), and names the draft's language. The
trained model may add to the flag later (``decide.safety``); it never removes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from draftwise.detectors.base import DraftView, Finding, SentenceView, normalise
from draftwise.detectors.registry import detectors
from draftwise.language import Language, detect
from draftwise.segment import split_sentences

if TYPE_CHECKING:
    from draftwise.models.safety_head import SafetyHead

_SCREEN = detectors("screen")


@dataclass(frozen=True, slots=True)
class HeadReading:
    """The learned head's probability for the whole draft; ``locate`` finds its most alarming sentence.

    Scoring every sentence costs as much again as the draft, and only a flagged draft needs it
    (for its evidence), so it waits until ``decide.safety`` asks.
    """

    probability: float
    words: int
    head: SafetyHead
    view: DraftView

    def locate(self) -> SentenceView:
        """The sentence the head finds most alarming, each scored standing alone."""
        p = self.head.probabilities([s.text for s in self.view.sentences])
        return self.view.sentences[int(p.argmax())]


@dataclass(frozen=True, slots=True)
class Screened:
    """What the screen found: safety findings with offsets, the head's reading, and the language.

    Whether the head's reading raises the flag is decided in ``decide.safety``, with the others.
    """

    findings: tuple[Finding, ...]
    language: Language
    head: HeadReading | None = None


def plain_view(text: str) -> DraftView:
    """The draft's sentences without spaCy; the whole text as one sentence if segmenting fails."""
    try:
        spans = [(s.start, s.end) for s in split_sentences(text)]
    except Exception:  # the screen must not fail where the segmenter does
        spans = [(0, len(text))]
    return DraftView(
        text, tuple(SentenceView(i, a, b, text[a:b], normalise(text[a:b])) for i, (a, b) in enumerate(spans))
    )


def screen(text: str, view: DraftView | None = None, head: SafetyHead | None = None) -> Screened:
    """Safety findings (English rules, multilingual cues), the learned head's reading, and the language."""
    view = view or plain_view(text)
    findings = [f for d in _SCREEN for f in d.detect(view)]
    try:
        language = detect(text)
    except Exception:  # an unreadable draft is treated as English: the rules above still ran
        language = Language("en", 0.0, True)
    reading = None
    # The head learnt English words and an English encoder: on other languages it could only guess.
    if head is not None and view.sentences and language.english:
        reading = read_head(head, view)
    return Screened(tuple(findings), language, reading)


def read_head(head: SafetyHead, view: DraftView) -> HeadReading:
    """The head's probability for the whole draft (its sentences are scored only if it is flagged)."""
    return HeadReading(float(head.probabilities([view.text])[0]), len(view.text.split()), head, view)
