"""From detector findings and label probabilities to the labels of the record.

The probabilities come from the trained models when they are loaded, else from
the rules themselves (a rule's score is its probability). Either way the same
conventions of LABELS.md section 7 are applied here, once:

- a sentence that carries a tactic shows no DEAR skill;
- a ``blame`` sentence is never also ``describe``;
- ``blame_types`` are given only to ``blame`` sentences (at least one);
- ``confident`` is false when the draft leans on a threat or shouts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from draftwise.config import Settings
from draftwise.detectors.apology import apology_kind
from draftwise.detectors.base import DraftView, Finding
from draftwise.detectors.safety import MESSAGE, RESOURCES, VIOLENCE_RESOURCES
from draftwise.labels import BLAME_TYPES, DISPLAY, PHRASING, SKILLS, TACTICS
from draftwise.results import (
    Apology,
    DearMan,
    Evidence,
    Intensity,
    Safety,
    SentenceResult,
    SkillCoverage,
    TacticFinding,
)

HINTS = {
    "describe": "Say what happened in plain facts: when, and what was said or done.",
    "express": "Say how you feel about it, owned as \u201cI feel\u2026\u201d or \u201cI was\u2026\u201d.",
    "assert": "Ask clearly for what you want, or say no clearly.",
    "reinforce": "Say what is in it for them, or thank them.",
    "negotiate": "Offer an alternative, or ask what would work for them.",
    "mindful": "Keep to this one issue; leave older complaints for another time.",
    "confident": "Ask once, plainly and calmly; drop the extra apologies, hedges and pressure.",
}

TACTIC_EXPLANATIONS = {
    "ultimatum": "joins the ask to a penalty on the relationship",
    "threat": "intimidates with harm, exposure or revenge",
    "guilt_trip": "tries to make them feel guilty to get their agreement",
    "urgency": "demands an immediate reply or chases them",
    "desperation": "pleads, or makes them responsible for the writer's wellbeing",
    "social_pressure": "uses other people's opinions as pressure",
    "loaded_opener": "an ominous opener that does not say what it is about",
}

BLAME_EXPLANATIONS = {
    "character": "labels who they are instead of describing what they did",
    "absolute": "generalises (\u201calways\u201d, \u201cnever\u201d) instead of naming one occasion",
    "mind_reading": "claims to know their motives or feelings",
    "feelings_blame": "makes them responsible for the writer's feelings",
    "contempt": "insults, mocks or dismisses them",
    "accusatory_question": "a question that is really an accusation",
}

_NUMBER_WORDS = {2: "twice", 3: "three times", 4: "four times", 5: "five times"}


@dataclass(frozen=True)
class Probabilities:
    """Label probabilities for one draft: per sentence, and for the draft."""

    sentences: Sequence[Mapping[str, float]]
    draft: Mapping[str, Any]
    extra: Any = None  # what the models need to explain themselves (see models.judge)


def rule_probabilities(draft: DraftView, findings: Sequence[Finding]) -> Probabilities:
    """Rule mode: a label's probability is the best score of the rules that found it."""
    per: list[dict[str, float]] = [defaultdict(float) for _ in draft.sentences]
    for f in findings:
        if f.sentence is None:
            continue
        d = per[f.sentence]
        if f.family in ("skill", "blame", "tactic"):
            d[f.label] = max(d[f.label], f.score)
        elif f.family == "safety":
            d["safety"] = max(d["safety"], f.score)
    out = []
    for d in per:
        p_blame = max((d[b] for b in BLAME_TYPES), default=0.0)
        p_desc = 0.0 if p_blame >= 0.5 else max(d["describe"], d["express"])
        probs = {k: float(d[k]) for k in (*SKILLS, *BLAME_TYPES, *TACTICS)}
        probs.update(
            blame=p_blame, description=p_desc, neutral=max(0.0, 1.0 - max(p_blame, p_desc)), safety=d["safety"]
        )
        out.append(probs)
    return Probabilities(out, {})


def sentence_tactics(probs: Probabilities, settings: Settings) -> list[tuple[str, ...]]:
    """The tactics each sentence carries.

    With the trained models the draft decides: its ``tactic:<name>`` probability (draft head and
    best sentence, see ``models.judge.combine_tactics``) against the tactic's bar; the sentence
    that shows the tactic most carries it, with any other sentence that is nearly as strong. In
    rule mode (no draft probabilities) each sentence decides on its own.
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
            if v == top or (v >= 0.5 and v >= 0.6 * top):
                out[i].append(t)
    return [tuple(v) for v in out]


def _ev(f: Finding, label: str | None = None) -> Evidence:
    return Evidence(f.start, f.end, label or f.label, f.cue)


def sentences(
    draft: DraftView,
    findings: Sequence[Finding],
    probs: Probabilities,
    settings: Settings,
    extra_evidence: Sequence[Sequence[Evidence]] | None = None,
) -> list[SentenceResult]:
    """Per-sentence labels, with the conventions of the module docstring."""
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
        given = set(skills) | set(blame_types) | set(tactics)
        evidence = [_ev(f) for f in fs if f.label in given]
        if extra_evidence is not None:
            have = {(e.start, e.end, e.label) for e in evidence}
            evidence += [
                e for e in extra_evidence[s.index] if e.label in given and (e.start, e.end, e.label) not in have
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
        scores = {k: round(float(v), 4) for k, v in p.items()}
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
                scores=scores,
                evidence=tuple(evidence),
                explanations=explanations,
            )
        )
    return out


def tactics(results: Sequence[SentenceResult], probs: Probabilities) -> list[TacticFinding]:
    """Draft tactics: every tactic some sentence carries, with its sentences and cues."""
    out = []
    for t in TACTICS:
        idx = tuple(r.index for r in results if t in r.tactics)
        if not idx:
            continue
        score = max(float(results[i].scores.get(t, 0.0)) for i in idx)
        score = float(probs.draft.get(f"tactic:{t}", max(score, float(probs.draft.get(t, 0.0)))))
        evidence = tuple(e for i in idx for e in results[i].evidence if e.label == t)
        expl = next(
            (results[i].explanations.get(t) for i in idx if results[i].explanations.get(t)), TACTIC_EXPLANATIONS[t]
        )
        out.append(TacticFinding(t, idx, score, expl, evidence))
    return out


def safety(findings: Sequence[Finding], probs: Probabilities | None, settings: Settings) -> Safety:
    """Flag on any earnest cue, or a model probability over the (low) safety bar.

    ``probs`` is ``None`` when only the screen ran (the draft's other analysis failed): the
    cues alone decide then. The model can add a flag; it never removes one a cue raised.
    """
    cues = [f for f in findings if f.family == "safety"]
    sent_probs = probs.sentences if probs is not None else ()
    draft_p = float(probs.draft.get("safety", 0.0)) if probs is not None else 0.0
    p_sent = [(i, float(p.get("safety", 0.0))) for i, p in enumerate(sent_probs)]
    model_hits = [i for i, v in p_sent if v >= settings.safety_threshold]
    score = max([f.score for f in cues] + [v for _, v in p_sent] + [draft_p], default=0.0)
    flag = bool(cues) or bool(model_hits) or draft_p >= settings.safety_threshold
    if not flag:
        return Safety(flag=False, score=score)
    kinds = tuple(sorted({f.label for f in cues} & {"suicide", "self_harm", "violence"})) or ("unspecified",)
    resources = RESOURCES + (VIOLENCE_RESOURCES if "violence" in kinds else ())
    sents = tuple(sorted({f.sentence for f in cues if f.sentence is not None} | set(model_hits)))
    evidence = sorted({_ev(f) for f in cues}, key=lambda e: (e.start, e.end, e.label))
    return Safety(
        flag=True,
        resources=resources,
        message=MESSAGE,
        kinds=kinds,
        sentences=sents,
        evidence=tuple(evidence),
        score=max(score, settings.safety_threshold),
    )


WITHHELD_FOR_SAFETY = (
    "No rewrites are offered for this draft: it mentions suicide, self-harm or violence, and "
    "polishing those words is not what would help. Please look at the resources first."
)


def withheld(safety_result: Safety) -> str | None:
    """Why rewrites are withheld for a draft (OUTPUT.md ``rewrites_withheld``), or ``None``."""
    return WITHHELD_FOR_SAFETY if safety_result.flag else None


def safe_intensity(intensity: Intensity, safety_result: Safety, settings: Settings) -> Intensity:
    """A flagged draft never reads as calm: its level is at least ``settings.safety_intensity_floor``.

    LABELS.md section 3 calls 2-3 "calm"; a message about ending a life or hurting someone is
    never that, even when it is typed quietly.
    """
    if not safety_result.flag or intensity.level >= settings.safety_intensity_floor:
        return intensity
    floor = settings.safety_intensity_floor
    return Intensity(level=floor, score=max(float(intensity.score), float(floor)), signals=intensity.signals)


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


def apology(findings: Sequence[Finding], probs: Probabilities) -> Apology:
    parts = [f for f in findings if f.family == "apology"]
    kind, missing = apology_kind(parts)
    model_kind = probs.draft.get("apology_kind")
    if isinstance(model_kind, str):
        kind = model_kind
        if kind == "full" or kind == "none":
            missing = ()
    expl = {
        "none": "",
        "full": "admits the mistake and offers a repair, leaving them their own pace",
        "partial": "apologises, but a full amends would also include: " + ", ".join(missing)
        if missing
        else "apologises, but not fully",
        "non_apology": "an apology that moves the blame off the writer",
    }[kind]
    return Apology(
        kind=kind,
        missing=missing,
        sentences=tuple(sorted({f.sentence for f in parts if f.sentence is not None})),
        evidence=tuple(_ev(f) for f in parts),
        explanation=expl,
    )


def dear_man(
    results: Sequence[SentenceResult],
    findings: Sequence[Finding],
    intensity: Intensity,
    tactic_list: Sequence[TacticFinding],
    probs: Probabilities,
    settings: Settings,
) -> DearMan:
    """Coverage of the five sentence skills and the two qualities of the draft."""
    cov = {}
    for k in SKILLS:
        idx = tuple(r.index for r in results if k in r.skills)
        cov[k] = SkillCoverage(present=bool(idx), sentences=idx, hint="" if idx else HINTS[k])
    tl = {t.label for t in tactic_list}
    n_blame = sum(r.phrasing == "blame" for r in results)
    has_ask = bool(cov["assert"].present) or bool(tl & {"ultimatum", "urgency"})

    # Mindful
    m_reasons, m_sents = [], set()
    old = [f for f in findings if f.family == "mindful"]
    if old:
        m_reasons.append(f"brings in an old or unrelated grievance (\u201c{old[0].cue}\u201d)")
        m_sents |= {f.sentence for f in old if f.sentence is not None}
    if n_blame >= 2 and not has_ask:
        m_reasons.append("criticises without asking for anything: reads as retaliation")
        m_sents |= {r.index for r in results if r.phrasing == "blame"}
    blame_kinds = {b for r in results for b in r.blame_types}
    if n_blame >= 4 and len(blame_kinds) >= 3:
        m_reasons.append(f"piles up {n_blame} complaints")
    p_mind = probs.draft.get("mindful")
    mindful_present = not m_reasons if p_mind is None else float(p_mind) >= 0.5
    if mindful_present:
        m_reasons = []
    elif not m_reasons:
        m_reasons = ["strays from one goal"]

    # Appear confident
    c_reasons, c_sents = [], set()
    sorry = [f for f in findings if f.family == "confident" and f.label == "apology_word"]
    hedges = [f for f in findings if f.family == "confident" and f.label == "hedge"]
    put_downs = [f for f in findings if f.family == "confident" and f.label == "self_put_down"]
    if len(sorry) > settings.max_apologies:
        c_reasons.append(f"apologises {_NUMBER_WORDS.get(len(sorry), f'{len(sorry)} times')}")
        c_sents |= {f.sentence for f in sorry if f.sentence is not None}
    if hedges:
        c_reasons.append(f"hedges the ask (\u201c{hedges[0].cue}\u201d)")
        c_sents |= {f.sentence for f in hedges if f.sentence is not None}
    if put_downs:
        c_reasons.append(f"puts the writer down (\u201c{put_downs[0].cue}\u201d)")
        c_sents |= {f.sentence for f in put_downs if f.sentence is not None}
    if "desperation" in tl:
        c_reasons.append("begs instead of asking")
    if "threat" in tl:
        c_reasons.append("leans on a threat")
    shouting = (
        intensity.signals.get("caps_ratio", 0.0) > 0.15
        or intensity.signals.get("insults", 0.0) > 0
        or "contempt" in blame_kinds
    )
    if intensity.level >= settings.shouting_level and shouting:
        c_reasons.append("shouts: aggression is not confidence")
    p_conf = probs.draft.get("confident")
    # LABELS 7: leaning on a threat, begging or shouting is never confident, whatever the model says.
    hard = [r for r in c_reasons if r.startswith(("begs", "leans on", "shouts"))]
    confident_present = not c_reasons if p_conf is None else (float(p_conf) >= 0.5 and not hard)
    if confident_present:
        c_reasons = []
    elif not c_reasons:
        c_reasons = ["the ask does not come from a steady place"]

    return DearMan(
        describe=cov["describe"],
        express=cov["express"],
        assert_=cov["assert"],
        reinforce=cov["reinforce"],
        negotiate=cov["negotiate"],
        mindful=SkillCoverage(
            mindful_present, tuple(sorted(m_sents)), tuple(m_reasons), "" if mindful_present else HINTS["mindful"]
        ),
        confident=SkillCoverage(
            confident_present, tuple(sorted(c_sents)), tuple(c_reasons), "" if confident_present else HINTS["confident"]
        ),
    )


def display(label: str) -> str:
    return DISPLAY.get(label, label.replace("_", " ").capitalize())
