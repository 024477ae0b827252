"""Per-sentence labels from probabilities and findings, with LABELS.md section 7's conventions.

- a sentence that carries a tactic shows no DEAR skill;
- a ``blame`` sentence is never also ``describe``;
- ``blame_types`` are given only to ``blame`` sentences (at least one);
- a suicide or self-harm disclosure is not a ``threat`` unless it is used as leverage.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from draftwise.config import Settings
from draftwise.decide import evidence as model_evidence
from draftwise.decide.evidence import of_finding
from draftwise.decide.probabilities import Probabilities
from draftwise.decide.reasons import BLAME_EXPLANATIONS, TACTIC_EXPLANATIONS
from draftwise.detectors.base import DraftView, Finding
from draftwise.labels import BLAME_TYPES, PHRASING, SKILLS, TACTICS
from draftwise.results import SentenceResult


def sentence_tactics(probs: Probabilities, settings: Settings) -> list[tuple[str, ...]]:
    """The tactics each sentence carries.

    With the trained models the draft decides: its ``tactic:<name>`` probability (draft head and
    best sentence, see ``models.judge.combine_tactics``) against the tactic's bar; the sentence
    that shows the tactic most carries it, with any other sentence that is nearly as strong
    (``settings.tactic_carry_floor`` and ``settings.tactic_carry_share``). In rule mode (no draft
    probabilities) each sentence decides on its own.
    """
    bar = {t: settings.threshold(t, settings.tactic_threshold) for t in TACTICS}
    if not any(str(k).startswith("tactic:") for k in probs.draft):
        return [tuple(t for t in TACTICS if p.get(t, 0.0) >= bar[t]) for p in probs.sentences]
    out: list[list[str]] = [[] for _ in probs.sentences]
    for t in TACTICS:
        if float(probs.draft.get(f"tactic:{t}", 0.0)) < bar[t] or not out:
            continue
        ps = [float(p.get(t, 0.0)) for p in probs.sentences]
        top = max(ps)
        for i, v in enumerate(ps):
            if v == top or (v >= settings.tactic_carry_floor and v >= settings.tactic_carry_share * top):
                out[i].append(t)
    return [tuple(v) for v in out]


_LEVERAGE = re.compile(r"(?i)\b(?:if|unless|or else|otherwise|or i|or ill|or i'?ll|so help me)\b")


def leverage_free_self_harm(view: DraftView, findings: Sequence[Finding]) -> set[int]:
    """Sentences whose self-harm or suicide cue is a disclosure, not leverage.

    LABELS.md: ``threat`` is self-harm *used as leverage* ("If you leave, I don't know what I'll do
    to myself"). A sentence that only discloses it ("i'm going to kill myself") carries no threat
    tactic: it is a safety matter, not a pressure tactic.
    """
    out = set()
    for f in findings:
        if (
            f.family == "safety"
            and f.label in ("suicide", "self_harm")
            and f.sentence is not None
            and not _LEVERAGE.search(view.sentences[f.sentence].norm)
        ):
            out.add(f.sentence)
    return out


def sentences(
    draft: DraftView, findings: Sequence[Finding], probs: Probabilities, settings: Settings
) -> list[SentenceResult]:
    """Per-sentence labels and their evidence (rules first; the model's words where no rule names any)."""
    by_sentence: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        if f.sentence is not None:
            by_sentence[f.sentence].append(f)
    carried = sentence_tactics(probs, settings)
    disclosures = leverage_free_self_harm(draft, findings)
    out = []
    for s, p in zip(draft.sentences, probs.sentences, strict=True):
        fs = by_sentence.get(s.index, [])
        tactics = [t for t in carried[s.index] if not (t == "threat" and s.index in disclosures)]
        phr = max(PHRASING, key=lambda k: p.get(k, 0.0))
        if p.get("blame", 0.0) >= settings.threshold("blame", settings.blame_threshold):
            phr = "blame"
        elif phr == "blame":
            phr = "description" if p.get("description", 0.0) >= p.get("neutral", 0.0) else "neutral"
        blame_types: list[str] = []
        if phr == "blame":
            blame_types = [
                b for b in BLAME_TYPES if p.get(b, 0.0) >= settings.threshold(b, settings.blame_type_threshold)
            ]
            if not blame_types:
                blame_types = [max(BLAME_TYPES, key=lambda b: p.get(b, 0.0))]
        skills = (
            [] if tactics else [k for k in SKILLS if p.get(k, 0.0) >= settings.threshold(k, settings.skill_threshold)]
        )
        if phr == "blame" and "describe" in skills:
            skills.remove("describe")
        given = [*skills, *tactics, *blame_types]
        evidence = [of_finding(f) for f in fs if f.label in given]
        have = {(e.start, e.end, e.label) for e in evidence}
        ruled = {f.label for f in fs}
        evidence += [
            e
            for e in model_evidence.for_labels(s, draft.text, given, ruled, probs.attribute, settings)
            if (e.start, e.end, e.label) not in have
        ]
        evidence.sort(key=lambda e: (e.start, e.end, e.label))
        explanations: dict[str, str] = {}
        for f in fs:
            if f.label in given and f.label not in explanations:
                explanations[f.label] = f.explanation
        for b in blame_types:
            explanations.setdefault(b, BLAME_EXPLANATIONS[b])
        for t in tactics:
            explanations.setdefault(t, TACTIC_EXPLANATIONS[t])
        out.append(
            SentenceResult(
                index=s.index,
                start=s.start,
                end=s.end,
                text=s.text,
                skills=tuple(skills),
                phrasing=phr,
                blame_types=tuple(blame_types),
                tactics=tuple(tactics),
                scores={k: round(float(v), 4) for k, v in p.items()},
                evidence=tuple(evidence),
                explanations=explanations,
            )
        )
    return out
