"""Label names of ``shared/spec/LABELS.md``: the single place the code spells them.

Every detector, model head, data check and UI string takes its names from here,
so a label can never be misspelt in one corner of the tool.
"""

from __future__ import annotations

SKILLS: tuple[str, ...] = ("describe", "express", "assert", "reinforce", "negotiate")
DRAFT_SKILLS: tuple[str, ...] = ("mindful", "confident")
DEAR_MAN: tuple[str, ...] = SKILLS + DRAFT_SKILLS

PHRASING: tuple[str, ...] = ("blame", "description", "neutral")
BLAME_TYPES: tuple[str, ...] = (
    "character",
    "absolute",
    "mind_reading",
    "feelings_blame",
    "contempt",
    "accusatory_question",
)
TACTICS: tuple[str, ...] = (
    "ultimatum",
    "threat",
    "guilt_trip",
    "urgency",
    "desperation",
    "social_pressure",
    "loaded_opener",
)
APOLOGY_KINDS: tuple[str, ...] = ("none", "full", "partial", "non_apology")

RELATIONSHIPS: tuple[str, ...] = (
    "ex-partner",
    "partner",
    "parent",
    "child",
    "sibling",
    "friend",
    "roommate",
    "coworker",
    "manager",
    "report",
    "landlord",
    "tenant",
    "neighbour",
    "co-parent",
    "service",
    "other",
)
STYLES: tuple[str, ...] = ("texting", "plain", "email")

INTENSITY_MIN = 1
INTENSITY_MAX = 10

# Plain-word names for the user interface (LABELS.md wording).
DISPLAY: dict[str, str] = {
    "describe": "Describe",
    "express": "Express",
    "assert": "Assert",
    "reinforce": "Reinforce",
    "negotiate": "Negotiate",
    "mindful": "Mindful",
    "confident": "Appear confident",
    "blame": "Blame",
    "description": "Description",
    "neutral": "Neutral",
    "character": "Character label",
    "absolute": "Absolute",
    "mind_reading": "Mind reading",
    "feelings_blame": "Feelings blame",
    "contempt": "Contempt",
    "accusatory_question": "Accusatory question",
    "ultimatum": "Ultimatum",
    "threat": "Threat",
    "guilt_trip": "Guilt trip",
    "urgency": "Urgency",
    "desperation": "Desperation",
    "social_pressure": "Social pressure",
    "loaded_opener": "Loaded opener",
    "none": "No apology",
    "full": "Full amends",
    "partial": "Partial apology",
    "non_apology": "Non-apology",
}
