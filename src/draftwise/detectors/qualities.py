"""The two DEAR MAN qualities of a whole draft: Mindful and Appear confident.

``mindful`` is false when the draft drags in old or unrelated grievances, piles
complaints together, or retaliates with no ask. ``confident`` is false when the
ask is buried under apologies, hedges and self-put-downs, when the draft begs,
leans on a threat, or shouts (LABELS.md sections 1 and 7). These cues are the
evidence; the final call also weighs the other findings (see ``decide``).
"""

from __future__ import annotations

import re

from draftwise.detectors.base import Rule, RuleDetector, rule
from draftwise.detectors.registry import register
from draftwise.lexicons import HEDGES, SELF_PUT_DOWNS


def _phrases(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(p).replace("'", "'?") for p in sorted(items, key=len, reverse=True))


RULES: tuple[Rule, ...] = (
    rule(
        "mindful.old_grievance",
        "old_grievance",
        "mindful",
        r"\b(?P<cue>while (?:we'?re|i'?m) at it|and another thing|not to mention|on top of (?:that|all that|everything)|don'?t (?:even )?get me started|(?:and|also|plus) (?:remember|don'?t forget|what about) (?:when|the time|last)|just like (?:when|the time|last)|same (?:as|thing as) (?:when|last|with)|like (?:that|the) time (?:you|u)|(?:last|that) (?:year|christmas|summer|birthday|new year|easter|thanksgiving|time)[^.!?]{0,40}(?:you|u) (?:also|did|forgot|didn'?t|never|were|ruined)|(?:you|u) did the same (?:thing )?(?:at|on|last|with|when)|this isn'?t the first time|it'?s not the first time|while i(?:'?m| am) on the subject|since we(?:'?re| are) (?:on|talking)|(?:and|also) (?:for the record|while we'?re here)|bring(?:ing)? up|years ago (?:you|u))\b",
        "drags in an old or unrelated grievance",
    ),
    rule("confident.hedge", "hedge", "confident", r"(?P<cue>\b(?:" + _phrases(HEDGES) + r")\b)", "hedges the ask away"),
    rule(
        "confident.self_put_down",
        "self_put_down",
        "confident",
        r"(?P<cue>\b(?:" + _phrases(SELF_PUT_DOWNS) + r")\b)",
        "puts the writer down",
    ),
    rule(
        "confident.sorry",
        "apology_word",
        "confident",
        r"\b(?P<cue>sorry|sry|soz|apologi[sz]e|apologies)\b",
        "apologises",
        score=0.5,
    ),
)


@register("analysis", order=50)
class QualitiesDetector(RuleDetector):
    """Cues that bear on the draft-level skills (families ``mindful``, ``confident``)."""

    name = "qualities"
    rules = RULES
