"""Draft-level decisions: tactics, DEAR MAN coverage, apology kind, safety, and the intensity floor."""

from __future__ import annotations

from collections.abc import Sequence

from draftwise.config import Settings
from draftwise.decide.evidence import of_finding
from draftwise.decide.probabilities import Probabilities
from draftwise.decide.reasons import (
    HINTS,
    NEVER_CONFIDENT,
    TACTIC_EXPLANATIONS,
    WITHHELD_FOR_SAFETY,
    Because,
    Reason,
    apology_explanation,
    message,
)
from draftwise.detectors.apology import apology_kind
from draftwise.detectors.base import Finding
from draftwise.detectors.safety import MESSAGE, RESOURCES, VIOLENCE_RESOURCES
from draftwise.labels import SKILLS, TACTICS
from draftwise.results import (
    Apology,
    DearMan,
    Intensity,
    Safety,
    SentenceResult,
    SkillCoverage,
    TacticFinding,
)
from draftwise.screen import HeadReading

SAFETY_KINDS = ("suicide", "self_harm", "violence")


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


def safety(
    findings: Sequence[Finding], probs: Probabilities | None, settings: Settings, head: HeadReading | None = None
) -> Safety:
    """Flag on any earnest cue, a model probability over the (low) safety bar, or the safety head.

    ``probs`` is ``None`` when only the screen ran (the draft's other analysis failed): the
    cues and the safety head decide then. The models can add a flag; they never remove one a
    cue raised. The safety head (``screen.HeadReading``) counts only on drafts of at least
    ``settings.safety_head_min_words`` words, at ``settings.safety_head_threshold`` or more.
    """
    cues = [f for f in findings if f.family == "safety"]
    if (
        head is not None
        and head.words >= settings.safety_head_min_words
        and head.probability >= settings.safety_head_threshold
    ):
        top = head.locate()
        cues.append(
            Finding(
                "unspecified",
                "safety",
                top.index,
                top.start,
                top.end,
                top.text,
                head.probability,
                "reads like it may be about suicide, self-harm or violence",
                "safety.head",
            )
        )
    sent_probs = probs.sentences if probs is not None else ()
    draft_p = float(probs.draft.get("safety", 0.0)) if probs is not None else 0.0
    p_sent = [(i, float(p.get("safety", 0.0))) for i, p in enumerate(sent_probs)]
    model_hits = [i for i, v in p_sent if v >= settings.safety_threshold]
    score = max([f.score for f in cues] + [v for _, v in p_sent] + [draft_p], default=0.0)
    flag = bool(cues) or bool(model_hits) or draft_p >= settings.safety_threshold
    if not flag:
        return Safety(flag=False, score=score)
    kinds = tuple(sorted({f.label for f in cues} & set(SAFETY_KINDS))) or ("unspecified",)
    resources = RESOURCES + (VIOLENCE_RESOURCES if "violence" in kinds else ())
    sents = tuple(sorted({f.sentence for f in cues if f.sentence is not None} | set(model_hits)))
    evidence = sorted({of_finding(f) for f in cues}, key=lambda e: (e.start, e.end, e.label))
    return Safety(
        flag=True,
        resources=resources,
        message=MESSAGE,
        kinds=kinds,
        sentences=sents,
        evidence=tuple(evidence),
        score=max(score, settings.safety_threshold),
    )


def withheld(safety_result: Safety) -> str | None:
    """Why rewrites are withheld for a draft (OUTPUT.md ``rewrites_withheld``), or ``None``."""
    return WITHHELD_FOR_SAFETY if safety_result.flag else None


def safe_intensity(intensity: Intensity, safety_result: Safety, settings: Settings) -> Intensity:
    """The intensity a person is shown, with the two floors LABELS.md section 3 sets.

    - A flagged draft never reads as calm: its level is at least ``settings.safety_intensity_floor``
      (LABELS.md 3 calls 2-3 "calm"; a message about ending a life or hurting someone is never that,
      even when it is typed quietly).
    - Sustained capitals with repeated bursts of "!!!" or "?!?" read at least "heated"
      (``settings.loud_floor``): LABELS.md 3 puts "capitals, !!!/?!?" at 8-9, and a gushing,
      pleading draft is as loud as an angry one. On dev this floor changes no draft (none is that
      loud and rated lower), so it costs nothing there; it holds where the model is unsure.
    """
    floor = 1
    if safety_result.flag:
        floor = settings.safety_intensity_floor
    sig = intensity.signals
    if sig.get("caps_ratio", 0.0) >= settings.loud_caps_ratio and sig.get("punct_bursts", 0.0) >= settings.loud_bursts:
        floor = max(floor, settings.loud_floor)
    if intensity.level >= floor:
        return intensity
    return Intensity(level=floor, score=max(float(intensity.score), float(floor)), signals=intensity.signals)


def apology(findings: Sequence[Finding], probs: Probabilities) -> Apology:
    """The draft's apology kind: the model's when it has one, else the rules'; with what is missing."""
    parts = [f for f in findings if f.family == "apology"]
    kind, missing = apology_kind(parts)
    model_kind = probs.draft.get("apology_kind")
    if isinstance(model_kind, str):
        kind = model_kind
        if kind == "full" or kind == "none":
            missing = ()
    return Apology(
        kind=kind,
        missing=missing,
        sentences=tuple(sorted({f.sentence for f in parts if f.sentence is not None})),
        evidence=tuple(of_finding(f) for f in parts),
        explanation=apology_explanation(kind, missing),
    )


def _quality(present: bool, sents: set[int], reasons: list[Because], fallback: Reason, hint: str) -> SkillCoverage:
    if present:
        return SkillCoverage(True, tuple(sorted(sents)), (), "")
    reasons = reasons or [Because(fallback)]
    return SkillCoverage(False, tuple(sorted(sents)), tuple(message(r) for r in reasons), hint)


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
    bar = settings.quality_threshold

    # Mindful
    m_reasons: list[Because] = []
    m_sents: set[int] = set()
    old = [f for f in findings if f.family == "mindful"]
    if old:
        m_reasons.append(Because(Reason.OLD_GRIEVANCE, cue=old[0].cue))
        m_sents |= {f.sentence for f in old if f.sentence is not None}
    if n_blame >= settings.retaliation_blame_sentences and not has_ask:
        m_reasons.append(Because(Reason.RETALIATION))
        m_sents |= {r.index for r in results if r.phrasing == "blame"}
    blame_kinds = {b for r in results for b in r.blame_types}
    if n_blame >= settings.pile_up_blame_sentences and len(blame_kinds) >= settings.pile_up_blame_kinds:
        m_reasons.append(Because(Reason.PILES_UP, count=n_blame))
    p_mind = probs.draft.get("mindful")
    mindful_present = not m_reasons if p_mind is None else float(p_mind) >= bar

    # Appear confident
    c_reasons: list[Because] = []
    c_sents: set[int] = set()
    sorry = [f for f in findings if f.family == "confident" and f.label == "apology_word"]
    hedges = [f for f in findings if f.family == "confident" and f.label == "hedge"]
    put_downs = [f for f in findings if f.family == "confident" and f.label == "self_put_down"]
    if len(sorry) > settings.max_apologies:
        c_reasons.append(Because(Reason.APOLOGISES, count=len(sorry)))
        c_sents |= {f.sentence for f in sorry if f.sentence is not None}
    if hedges:
        c_reasons.append(Because(Reason.HEDGES, cue=hedges[0].cue))
        c_sents |= {f.sentence for f in hedges if f.sentence is not None}
    if put_downs:
        c_reasons.append(Because(Reason.PUTS_DOWN, cue=put_downs[0].cue))
        c_sents |= {f.sentence for f in put_downs if f.sentence is not None}
    if "desperation" in tl:
        c_reasons.append(Because(Reason.BEGS))
    if "threat" in tl:
        c_reasons.append(Because(Reason.LEANS_ON_THREAT))
    shouting = (
        intensity.signals.get("caps_ratio", 0.0) > settings.shouting_caps_ratio
        or intensity.signals.get("insults", 0.0) > 0
        or "contempt" in blame_kinds
    )
    if intensity.level >= settings.shouting_level and shouting:
        c_reasons.append(Because(Reason.SHOUTS))
    p_conf = probs.draft.get("confident")
    hard = [r for r in c_reasons if r.reason in NEVER_CONFIDENT]
    confident_present = not c_reasons if p_conf is None else (float(p_conf) >= bar and not hard)

    return DearMan(
        describe=cov["describe"],
        express=cov["express"],
        assert_=cov["assert"],
        reinforce=cov["reinforce"],
        negotiate=cov["negotiate"],
        mindful=_quality(mindful_present, m_sents, m_reasons, Reason.STRAYS, HINTS["mindful"]),
        confident=_quality(confident_present, c_sents, c_reasons, Reason.UNSTEADY, HINTS["confident"]),
    )
