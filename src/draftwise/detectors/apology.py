"""Apology and amends (LABELS.md section 6 and the conventions of section 7).

Four parts are looked for, each with its evidence: an apology word, owning the
specific mistake, an offer of repair or change, and a demand for forgiveness.
A "sorry" that only softens an ask ("sorry to bother you") is not an apology;
an apology that moves the blame ("sorry you feel that way") is a non-apology.

The kind follows from the parts::

    no apology word (besides softeners)         -> none
    a blame-shifting apology and no owning      -> non_apology
    owning and repair, no demand to be forgiven -> full
    otherwise                                   -> partial
"""

from __future__ import annotations

import re

from draftwise.detectors.base import Finding, Rule, RuleDetector, SentenceView, rule
from draftwise.detectors.registry import register

_APOLOGY = "apology"


def _not_softener(s: SentenceView, m: re.Match[str]) -> bool:
    after = s.norm[m.end() :].lower()
    return not re.match(
        r"\s*(?:to (?:bother|ask|trouble|be a pain|chase|nag|interrupt|disturb|hear|intrude|spam|message|text|email|write|say)|for (?:the (?:late|long|short|delay|wait|bother|spam|double)|bothering|messaging|texting|the ramble|rambling|the essay|the novel|asking|chasing|the hassle|your loss)|about your|for your loss|that happened to you|to hear|but i can'?t make it|but no|,? but i can'?t)",
        after,
    )


RULES: tuple[Rule, ...] = (
    rule(
        "apology.sorry",
        "apology",
        _APOLOGY,
        r"\b(?P<cue>sorry|sry|soz|apologi[sz]e|apologies|my apologies|my bad|i was wrong|forgive me|i owe you an apology)\b",
        "apologises",
        guard=_not_softener,
    ),
    rule(
        "apology.non_apology",
        "non_apology",
        _APOLOGY,
        r"\b(?P<cue>sorry (?:that |if )?(?:you|u) (?:feel|felt|think|thought|took it|were|are|got|'?re)|sorry if (?:you|u|anyone|i|that|it|my)|sorry (?:but|,\s*but)|(?:apologi[sz]e|sorry) for any (?:inconvenience|offen[cs]e|upset|confusion|misunderstanding)|sorry (?:that )?you(?:'?re| are) (?:upset|offended|hurt|so sensitive)|mistakes were made|sorry you can'?t (?:take|handle)|i(?:'?m| am) sorry you see it that way|sorry not sorry|if i offended)\b",
        "an apology that moves the blame off the writer",
    ),
    rule(
        "apology.owning",
        "owning",
        _APOLOGY,
        r"\b(?P<cue>i (?:was|am) wrong|i messed up|i screwed up|i fucked up|i (?:really )?(?:let you down|dropped the ball)|my fault|that(?:'?s| was) on me|i shouldn'?t have|i should(?:'?ve| have)|i (?:forgot|missed|broke|lost|lied|snapped|yelled|shouted|overreacted|didn'?t (?:call|show|reply|tell|listen|pay|do|come|think)|said (?:some|things|what)|was (?:rude|harsh|out of line|unfair|late|selfish|thoughtless|careless|dismissive))|i take (?:full )?responsibility|i own (?:that|it)|it was (?:wrong|unfair|careless|thoughtless) of me|i hurt you|i wasn'?t (?:there|listening|fair))\b",
        "owns the specific mistake",
        score=0.8,
    ),
    rule(
        "apology.repair",
        "repair",
        _APOLOGY,
        r"\b(?P<cue>i(?:'?ll| will|'?m going to| am going to|'?d like to|'?d love to|'?m happy to| want to| can) (?:make (?:it|this) up|make (?:it|this|things) right|fix|replace|pay (?:for|you|it|back)|cover|reimburse|refund|do better|make sure|be on time|call|check in|set (?:a|an|up)|never do that again|change|work on|start|stop|take care of|sort (?:it|this)|put (?:it|this|things) right|come (?:over|round)|bring|get (?:you|it)|redo|return|clean|book|talk to|take|put|pay|give|drive|cook|buy|organi[sz]e|arrange|plan|set)|(?:it|this) won'?t happen again|so it won'?t happen|from now on|going forward|in future|in the future|next time i|i(?:'?ve| have) (?:already )?(?:started|put|booked|set up|sent|transferred|ordered|arranged|signed up)|i(?:'?m| am) (?:getting help|seeing someone|working on)|how can i make (?:it|this) (?:up|right)|what can i do to)\b",
        "offers a repair or a change",
        score=0.8,
    ),
    rule(
        "apology.demand",
        "demand_forgiveness",
        _APOLOGY,
        r"\b(?P<cue>(?:you )?(?:have|need|got) to forgive me|you should forgive me|just forgive me|forgive me already|get over it|can we (?:just )?move on|let'?s (?:just )?(?:forget|move on)|i said i'?m sorry|i already (?:said|apologi[sz]ed)|what more do you want)\b",
        "presses them to forgive on the writer's schedule",
        score=0.8,
    ),
)


@register("analysis", order=40)
class ApologyDetector(RuleDetector):
    """Apology parts per sentence (family ``apology``)."""

    name = "apology"
    rules = RULES


def apology_kind(findings: list[Finding]) -> tuple[str, tuple[str, ...]]:
    """The draft's apology kind and what a full amends would still need."""
    labels = {f.label for f in findings if f.family == _APOLOGY}
    if not labels & {"apology", "non_apology"}:
        return "none", ()
    owning, repair, demand = "owning" in labels, "repair" in labels, "demand_forgiveness" in labels
    missing = []
    if not owning:
        missing.append("naming the specific mistake")
    if not repair:
        missing.append("offer of repair or change")
    if demand:
        missing.append("leaving them their own pace")
    if "non_apology" in labels and not owning:
        return "non_apology", tuple(missing)
    if owning and repair and not demand:
        return "full", ()
    return "partial", tuple(missing)
