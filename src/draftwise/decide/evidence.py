"""Evidence for labels no rule names words for: the words the model leaned on most.

The model gives attributions only (:meth:`draftwise.models.judge.Judge.attribution`: each
word's contribution to one label's logit); which words become a label's evidence is decided
here. The top ``settings.evidence_top_words`` words whose contribution is at least
``settings.evidence_top_share`` of the strongest mark where the label sits; the evidence is the
phrase that carries them: from the start of the clause holding the first such word to the end of
the clause holding the last, clauses being the stretches between punctuation marks. A reader
sees "Pay it by tonight or I'm telling the landlord you're moving out", not "by" · "or" ·
"moving". A phrase longer than ``settings.evidence_max_chars`` is cut back to the words
themselves, from the first to the last.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from draftwise.config import Settings
from draftwise.detectors.base import Finding, SentenceView
from draftwise.results import Evidence


def of_finding(f: Finding) -> Evidence:
    """A rule finding as the record's evidence: its offsets, label and cue."""
    return Evidence(f.start, f.end, f.label, f.cue)


# (sentence index, sentence text, label) -> [(contribution, start, end)], offsets sentence-relative
Attribution = Callable[[int, str, str], list[tuple[float, int, int]]]

# A clause: a stretch of the sentence between punctuation marks (quotes and brackets included).
_CLAUSE = re.compile(r"[^,;:!?.\u2026\u2014\u2013()\[\]\"\u201c\u201d]+")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` without surrounding whitespace and punctuation, keeping offsets exact."""
    cue = text[a:b]
    lead = len(cue) - len(cue.lstrip(" \t\n\"'([{\u201c\u2018-"))
    trail = len(cue) - len(cue.rstrip(" \t\n.,;:!?\"')]}\u201d\u2019-"))
    return (a + lead, b - trail) if a + lead < b - trail else (a, b)


def phrase(text: str, words: Sequence[tuple[int, int]], max_chars: int) -> tuple[int, int]:
    """The span of the clauses that hold ``words`` (offsets into ``text``), trimmed."""
    first, last = min(a for a, _ in words), max(b for _, b in words)
    clauses = [m.span() for m in _CLAUSE.finditer(text)]
    start = next((a for a, b in clauses if a <= first < b), first)
    end = next((b for a, b in clauses if a < last <= b), last)
    a, b = _trim(text, start, end)
    if b - a > max_chars:
        a, b = _trim(text, first, last)
    return a, b


def model_cues(
    s: SentenceView, draft_text: str, label: str, attribute: Attribution, settings: Settings
) -> list[Evidence]:
    """The phrase carrying the words that pushed ``label`` most in sentence ``s`` (draft offsets)."""
    contrib = sorted(attribute(s.index, s.text, label), reverse=True)
    if not contrib or contrib[0][0] <= 0:
        return []
    top = contrib[0][0]
    picked = [c for c in contrib[: settings.evidence_top_words] if c[0] >= settings.evidence_top_share * top]
    a, b = phrase(s.text, [(a, b) for _, a, b in picked], settings.evidence_max_chars)
    return [Evidence(s.start + a, s.start + b, label, draft_text[s.start + a : s.start + b])]


def for_labels(
    s: SentenceView,
    draft_text: str,
    labels: Sequence[str],
    ruled: set[str],
    attribute: Attribution | None,
    settings: Settings,
) -> list[Evidence]:
    """Model evidence for each given label of a sentence that no rule finding covers."""
    if attribute is None:
        return []
    return [e for label in labels if label not in ruled for e in model_cues(s, draft_text, label, attribute, settings)]
