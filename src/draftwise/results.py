"""The analysis record of ``shared/spec/OUTPUT.md`` as frozen dataclasses.

Results are data: every interface (API, CLI, batch, app) builds one
:class:`Report` and turns it into the same JSON with :meth:`Report.to_dict`.
Fields beyond OUTPUT.md are additions the spec allows (``schema``,
``warnings``, explanations); none renames or changes a field of the spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from draftwise.labels import SKILLS

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """The words that triggered a finding: ``text[start:end] == cue``."""

    start: int
    end: int
    label: str
    cue: str

    def to_dict(self) -> dict[str, Any]:
        """Return the evidence as its JSON object."""
        return {"start": self.start, "end": self.end, "label": self.label, "cue": self.cue}


@dataclass(frozen=True, slots=True)
class SentenceResult:
    """The analysis of one sentence: its span, skills, phrasing, blame types, tactics, scores and cues."""

    index: int
    start: int
    end: int
    text: str
    skills: tuple[str, ...]
    phrasing: str
    blame_types: tuple[str, ...]
    tactics: tuple[str, ...]
    scores: Mapping[str, float]
    evidence: tuple[Evidence, ...]
    explanations: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the sentence's JSON object, with scores rounded to 4 places."""
        return {
            "index": self.index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "skills": list(self.skills),
            "phrasing": self.phrasing,
            "blame_types": list(self.blame_types),
            "tactics": list(self.tactics),
            "scores": {k: round(float(v), 4) for k, v in self.scores.items()},
            "evidence": [e.to_dict() for e in self.evidence],
            "explanations": dict(self.explanations),
        }


@dataclass(frozen=True, slots=True)
class SkillCoverage:
    """One DEAR MAN skill: present or not, which sentences show it, and why not."""

    present: bool
    sentences: tuple[int, ...] = ()
    reasons: tuple[str, ...] = ()
    hint: str = ""

    def to_dict(self, *, sentence_skill: bool) -> dict[str, Any]:
        """Return the coverage's JSON object.

        Args:
            sentence_skill: True for the five sentence skills, which carry no ``reasons``;
                False for the two draft qualities (mindful, confident), which do.
        """
        out: dict[str, Any] = {"present": self.present}
        if sentence_skill:
            out["sentences"] = list(self.sentences)
        else:
            out["reasons"] = list(self.reasons)
            out["sentences"] = list(self.sentences)
        if self.hint:
            out["hint"] = self.hint
        return out


@dataclass(frozen=True, slots=True)
class DearMan:
    """Coverage of all seven DEAR MAN skills for a draft."""

    describe: SkillCoverage
    express: SkillCoverage
    assert_: SkillCoverage
    reinforce: SkillCoverage
    negotiate: SkillCoverage
    mindful: SkillCoverage
    confident: SkillCoverage

    def get(self, name: str) -> SkillCoverage:
        """Return the coverage of the skill called ``name`` (``"assert"`` maps to the ``assert_`` field)."""
        return getattr(self, "assert_" if name == "assert" else name)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON object keyed by skill name, the two qualities with their reasons."""
        out = {s: self.get(s).to_dict(sentence_skill=True) for s in SKILLS}
        out["mindful"] = self.mindful.to_dict(sentence_skill=False)
        out["confident"] = self.confident.to_dict(sentence_skill=False)
        return out


@dataclass(frozen=True, slots=True)
class Intensity:
    """1 (silent) to 10 (screaming); ``score`` is the unrounded estimate."""

    level: int
    score: float
    signals: Mapping[str, float]

    def to_dict(self) -> dict[str, Any]:
        """Return the intensity's JSON object, with score and signals rounded."""
        return {
            "level": self.level,
            "score": round(float(self.score), 2),
            "signals": {k: round(float(v), 3) for k, v in self.signals.items()},
        }


@dataclass(frozen=True, slots=True)
class TacticFinding:
    """One manipulation tactic found in the draft: the sentences that carry it, its score and why."""

    label: str
    sentences: tuple[int, ...]
    score: float
    explanation: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the tactic finding's JSON object, with the score rounded to 4 places."""
        return {
            "label": self.label,
            "sentences": list(self.sentences),
            "score": round(float(self.score), 4),
            "explanation": self.explanation,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Resource:
    """A crisis or support service offered with a safety flag: its name, how to reach it, and where."""

    name: str
    contact: str
    region: str

    def to_dict(self) -> dict[str, str]:
        """Return the resource as its JSON object."""
        return {"name": self.name, "contact": self.contact, "region": self.region}


@dataclass(frozen=True, slots=True)
class Safety:
    """The safety screen's verdict: whether the draft is flagged, and the kinds, cues and resources if so."""

    flag: bool
    resources: tuple[Resource, ...] = ()
    message: str = ""
    kinds: tuple[str, ...] = ()
    sentences: tuple[int, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """Return the safety verdict's JSON object, with the score rounded to 4 places."""
        return {
            "flag": self.flag,
            "resources": [r.to_dict() for r in self.resources],
            "message": self.message,
            "kinds": list(self.kinds),
            "sentences": list(self.sentences),
            "evidence": [e.to_dict() for e in self.evidence],
            "score": round(float(self.score), 4),
        }


@dataclass(frozen=True, slots=True)
class Apology:
    """The draft's apology kind, the parts a full apology would still need, and where it apologises."""

    kind: str
    missing: tuple[str, ...] = ()
    sentences: tuple[int, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    explanation: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the apology's JSON object."""
        return {
            "kind": self.kind,
            "missing": list(self.missing),
            "sentences": list(self.sentences),
            "evidence": [e.to_dict() for e in self.evidence],
            "explanation": self.explanation,
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A proposed replacement for one sentence, addressing its main issue (a tactic or blame type)."""

    sentence: int
    issue: str
    message: str
    replacement: str

    def to_dict(self) -> dict[str, Any]:
        """Return the suggestion as its JSON object."""
        return {
            "sentence": self.sentence,
            "issue": self.issue,
            "message": self.message,
            "replacement": self.replacement,
        }


@dataclass(frozen=True, slots=True)
class Rewrite:
    """A whole-draft candidate, with the figures the analyser gave it."""

    style: str
    text: str
    intensity: int
    blame_sentences: int
    tactics: tuple[str, ...]
    dear_man: tuple[str, ...] = ()
    safety: bool = False
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the rewrite as its JSON object."""
        return {
            "style": self.style,
            "text": self.text,
            "intensity": self.intensity,
            "blame_sentences": self.blame_sentences,
            "tactics": list(self.tactics),
            "dear_man": list(self.dear_man),
            "safety": self.safety,
            "description": self.description,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything draftwise says about one draft."""

    id: str
    text: str
    sentences: tuple[SentenceResult, ...] = ()
    dear_man: DearMan | None = None
    intensity: Intensity | None = None
    tactics: tuple[TacticFinding, ...] = ()
    safety: Safety = field(default_factory=lambda: Safety(flag=False))
    apology: Apology = field(default_factory=lambda: Apology(kind="none"))
    suggestions: tuple[Suggestion, ...] = ()
    rewrites: tuple[Rewrite, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    # Why no rewrites are offered (OUTPUT.md: safety comes first); ``None`` when nothing was withheld.
    rewrites_withheld: str | None = None
    # Why the rewrites are few or none for a draft that was not withheld: nothing to change, nothing
    # to keep (a lone attack), or no clean version could be made; ``None`` otherwise.
    rewrites_note: str | None = None
    # ISO 639-1 code of the draft's language when it is not English (the analysis is then unreliable).
    language: str | None = None

    @property
    def blame_sentences(self) -> list[SentenceResult]:
        """The sentences phrased as blame."""
        return [s for s in self.sentences if s.phrasing == "blame"]

    @property
    def tactic_labels(self) -> list[str]:
        """The labels of the tactics found in the draft, in report order."""
        return [t.label for t in self.tactics]

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of OUTPUT.md, every field present."""
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "dear_man": self.dear_man.to_dict() if self.dear_man else {},
            "intensity": self.intensity.to_dict() if self.intensity else {},
            "tactics": [t.to_dict() for t in self.tactics],
            "safety": self.safety.to_dict(),
            "apology": self.apology.to_dict(),
            "suggestions": [s.to_dict() for s in self.suggestions],
            "rewrites": [r.to_dict() for r in self.rewrites],
            "rewrites_withheld": self.rewrites_withheld,
            "rewrites_note": self.rewrites_note,
            "language": self.language,
            "warnings": list(self.warnings),
            "error": self.error,
        }
