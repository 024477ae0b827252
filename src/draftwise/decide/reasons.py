"""Why a label was given or withheld: reasons as an enum, and every user-facing message made here.

Behaviour never reads a message: ``decide`` reasons in :class:`Reason` values (LABELS.md
section 7's hard rules are a set of them, :data:`NEVER_CONFIDENT`), and the words a person
reads are made from those values in one place, :func:`message`. Rewording a message cannot
change a label.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Reason(enum.Enum):
    """A reason a draft-level quality (mindful, confident) is missing."""

    OLD_GRIEVANCE = "old_grievance"
    RETALIATION = "retaliation"
    PILES_UP = "piles_up"
    STRAYS = "strays"
    APOLOGISES = "apologises"
    HEDGES = "hedges"
    PUTS_DOWN = "puts_down"
    BEGS = "begs"
    LEANS_ON_THREAT = "leans_on_threat"
    SHOUTS = "shouts"
    UNSTEADY = "unsteady"


# LABELS.md section 7: leaning on a threat, begging or shouting is never confident, whatever the model says.
NEVER_CONFIDENT = frozenset({Reason.BEGS, Reason.LEANS_ON_THREAT, Reason.SHOUTS})

_NUMBER_WORDS = {2: "twice", 3: "three times", 4: "four times", 5: "five times"}


@dataclass(frozen=True, slots=True)
class Because:
    """One reason with what it points at: the cue that shows it, or how many times it happened."""

    reason: Reason
    cue: str = ""
    count: int = 0


def message(b: Because) -> str:
    """The plain-words message for one reason (the only place these words are written)."""
    r = b.reason
    if r is Reason.OLD_GRIEVANCE:
        return f"brings in an old or unrelated grievance (\u201c{b.cue}\u201d)"
    if r is Reason.RETALIATION:
        return "criticises without asking for anything: reads as retaliation"
    if r is Reason.PILES_UP:
        return f"piles up {b.count} complaints"
    if r is Reason.STRAYS:
        return "strays from one goal"
    if r is Reason.APOLOGISES:
        return f"apologises {_NUMBER_WORDS.get(b.count, f'{b.count} times')}"
    if r is Reason.HEDGES:
        return f"hedges the ask (\u201c{b.cue}\u201d)"
    if r is Reason.PUTS_DOWN:
        return f"puts the writer down (\u201c{b.cue}\u201d)"
    if r is Reason.BEGS:
        return "begs instead of asking"
    if r is Reason.LEANS_ON_THREAT:
        return "leans on a threat"
    if r is Reason.SHOUTS:
        return "shouts: aggression is not confidence"
    return "the ask does not come from a steady place"


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

APOLOGY_EXPLANATIONS = {
    "none": "",
    "full": "admits the mistake and offers a repair, leaving them their own pace",
    "non_apology": "an apology that moves the blame off the writer",
}


def apology_explanation(kind: str, missing: tuple[str, ...]) -> str:
    """The message for an apology kind (a partial one names what a full amends would add)."""
    if kind == "partial":
        return (
            "apologises, but a full amends would also include: " + ", ".join(missing)
            if missing
            else ("apologises, but not fully")
        )
    return APOLOGY_EXPLANATIONS[kind]


WITHHELD_FOR_SAFETY = (
    "No rewrites are offered for this draft: it mentions suicide, self-harm or violence, and "
    "polishing those words is not what would help. Please look at the resources first."
)
