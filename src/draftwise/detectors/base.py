"""What every detector shares: the draft views it reads, the findings it returns, the rule engine.

The rule engine turns a pattern into evidence. A detector is a small unit in
the style of presidio's recognisers: it reads a :class:`DraftView` and
returns :class:`Finding` objects, each with character
offsets of the words that triggered it, a score and a one-line explanation.
Detectors do not decide the final labels; :mod:`draftwise.decide` does, from
their findings (and, where trained, from the models).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported lazily: see draftwise.nlp
    from spacy.tokens import Doc

# Same-length replacements, so offsets in the normalised text are offsets in the draft.
_NORMALISE = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"'})


def normalise(text: str) -> str:
    """Straighten curly quotes and apostrophes without changing any offset."""
    return text.translate(_NORMALISE)


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence as the detectors see it; offsets are into the whole draft."""

    index: int
    start: int
    end: int
    text: str
    norm: str
    doc: Doc | None = None


@dataclass(frozen=True, slots=True)
class DraftView:
    """A whole draft as the detectors see it: its text and its sentences."""

    text: str
    sentences: tuple[SentenceView, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence for one label.

    ``family`` is the kind of label: ``skill``, ``blame``, ``description``,
    ``tactic``, ``safety``, ``apology``, ``mindful``, ``confident``.
    ``rule`` names the rule that fired (it is also a model feature).
    """

    label: str
    family: str
    sentence: int | None
    start: int
    end: int
    cue: str
    score: float
    explanation: str
    rule: str


# Building blocks for patterns over texting as well as prose.
MACROS = {
    "YOU": r"(?:you|u|ya|yu|yall|y'all)",
    "YOURE": r"(?:you\s*'?\s*re|you are|your|ur|u r|u are|youre|u're|ya are)",
    "YOUR": r"(?:your|ur|yr|you're)",
    "I": r"(?:i|me)",
    "IM": r"(?:i\s*'?\s*m|i am|im|i'm)",
    "ILL": r"(?:i\s*'?\s*ll|i will|ill|i'll|i'm going to|im going to|i'm gonna|im gonna|imma|i gonna)",
    "DONT": r"(?:don'?t|do not|dont|doesn'?t|does not|didn'?t|did not)",
    "CANT": r"(?:can'?t|cannot|can not|cant)",
    "WONT": r"(?:won'?t|will not|wont)",
    "WE": r"(?:we|we're|were|we are|we'll|well)",
    "SP": r"[\s,]+",
}


def pattern(template: str) -> re.Pattern[str]:
    """Compile a case-insensitive pattern with ``{YOU}``-style macros expanded."""
    expanded = template
    for key, val in MACROS.items():
        expanded = expanded.replace("{" + key + "}", val)
    return re.compile(expanded, re.IGNORECASE)


Guard = Callable[[SentenceView, "re.Match[str]"], bool]


@dataclass(frozen=True)
class Rule:
    """A named pattern for one label; the ``cue`` group (or the match) is the evidence."""

    name: str
    label: str
    family: str
    regex: re.Pattern[str]
    explanation: str
    score: float = 0.9
    guard: Guard | None = field(default=None, compare=False)

    def find(self, s: SentenceView) -> list[Finding]:
        """Every non-empty match in the sentence that the guard allows, as a finding with draft offsets."""
        out = []
        for m in self.regex.finditer(s.norm):
            if self.guard is not None and not self.guard(s, m):
                continue
            a, b = m.span("cue") if "cue" in self.regex.groupindex and m.group("cue") else m.span()
            if a == b:
                continue
            out.append(
                Finding(
                    label=self.label,
                    family=self.family,
                    sentence=s.index,
                    start=s.start + a,
                    end=s.start + b,
                    cue=s.text[a:b],
                    score=self.score,
                    explanation=self.explanation,
                    rule=self.name,
                )
            )
        return out


def rule(
    name: str,
    label: str,
    family: str,
    template: str,
    explanation: str,
    *,
    score: float = 0.9,
    guard: Guard | None = None,
) -> Rule:
    """Build a :class:`Rule` from a macro ``template`` (see :func:`pattern`)."""
    return Rule(name, label, family, pattern(template), explanation, score, guard)


class RuleDetector:
    """A detector that is its rules: every rule on every sentence (subclasses may add more)."""

    name = ""
    rules: tuple[Rule, ...] = ()

    def detect(self, draft: DraftView) -> list[Finding]:
        """Run the detector's rules over the draft (see :func:`run_rules`)."""
        return run_rules(self.rules, draft)


def run_rules(rules: Sequence[Rule], draft: DraftView) -> list[Finding]:
    """Every finding of every rule on every sentence, in sentence order."""
    out: list[Finding] = []
    for s in draft.sentences:
        for r in rules:
            out.extend(r.find(s))
    return out


# A quotation: double quotes, or single quotes that open before a word and close
# after one (so the apostrophe in "you're" inside 'you're useless' is not an end).
_QUOTATION = re.compile(r'"[^"\n]*"|(?:(?<=\s)|(?<=^)|(?<=[(:]))\'(?=\w).*?(?<=[\w.!?])\'(?=[\s.,!?;:)]|$)')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech: the writer reporting words, not saying them."""
    return [m.span() for m in _QUOTATION.finditer(text)]


def outside_quotes(s: SentenceView, m: re.Match[str]) -> bool:
    """Guard: the match starts outside any quotation in the sentence."""
    return not any(a <= m.start() < b for a, b in quoted_spans(s.norm))


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters, apostrophes and hyphens that start with a letter."""
    return re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
