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

# The learned head only reads drafts at least this long (words). Chosen on the safety set's dev
# part: 12 keeps all of the head's extra recall there (16 loses some), and short everyday lines
# ("i'm going to cut my hair short") are where it raised false alarms.
HEAD_MIN_WORDS = 12

_SCREEN = detectors("screen")


@dataclass(frozen=True, slots=True)
class Screened:
    """What the screen found: safety findings with offsets, and the draft's language."""

    findings: tuple[Finding, ...]
    language: Language


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
    """Safety findings (English rules, multilingual cues, the learned head) and the language of ``text``."""
    view = view or plain_view(text)
    findings = [f for d in _SCREEN for f in d.detect(view)]
    try:
        language = detect(text)
    except Exception:  # an unreadable draft is treated as English: the rules above still ran
        language = Language("en", 0.0, True)
    # The head learnt English words and an English encoder: on other languages it only guesses;
    # and on a few words it reads too much into one ("i'm going to cut my hair short").
    if head is not None and view.sentences and language.english and len(text.split()) >= HEAD_MIN_WORDS:
        findings.extend(head_findings(head, view))
    return Screened(tuple(findings), language)


def head_findings(head: SafetyHead, view: DraftView) -> list[Finding]:
    """A finding on the draft's most alarming sentence when the head's draft probability passes its bar."""
    scores = head.score(view.text, [s.text for s in view.sentences])
    if scores.draft < head.threshold:
        return []
    top = max(range(len(view.sentences)), key=lambda i: scores.sentences[i])
    s = view.sentences[top]
    return [
        Finding(
            "unspecified",
            "safety",
            s.index,
            s.start,
            s.end,
            s.text,
            scores.draft,
            "reads like it may be about suicide, self-harm or violence",
            "safety.head",
        )
    ]
