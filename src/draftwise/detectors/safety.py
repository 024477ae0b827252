"""Safety: suicide, self-harm, and violence against anyone (LABELS.md section 5).

Recall comes first: a draft that mentions any of these, in earnest, is flagged
and the report leads with crisis resources. Indirect phrasings count ("I won't
be around much longer", "everyone would be better off without me"). Idioms
with no real harm ("this deadline is killing me", "dying to see you", "I could
murder a pizza") are kept out by an explicit list of idioms, checked before
any cue is accepted.
"""

from __future__ import annotations

import re

from draftwise.detectors.base import DraftView, Finding, Rule, SentenceView, rule, run_rules
from draftwise.results import Resource

# Figurative uses that must never raise the flag on their own.
_IDIOMS = re.compile(
    r"(?i)\b(?:(?:is|are|was|were|'s|'re|it'?s|its|this|that|these|those|they|feet|back|legs|head|job|work|deadline|commute|traffic|heat|kids)\s+(?:\w+\s+)?killing me"
    r"|killing it|killed it|kill(?:ing)? time|killer (?:app|deal|view|outfit|party)|dressed to kill|kill two birds|"
    r"dying (?:to|for|of (?:laughter|embarrassment|boredom|curiosity))|i(?:'?m| am) dying(?: here)?(?: lol| 😂|😂| haha)|dead(?: lol|😂| 😂| haha)|"
    r"could (?:murder|kill) (?:a|an|for a|some) (?:pizza|burger|coffee|drink|pint|curry|beer|sandwich|nap|tea|cuppa|kebab|bacon)|"
    r"murder (?:a|an) (?:pizza|burger|coffee|drink|pint|curry|beer|sandwich)|(?:the|that) commute was murder|it was murder|"
    r"kill me now|(?:you(?:'?re| are)|ur) killing me(?: lol| haha| 😂|😂)|slay(?:ed|ing)?|knock(?:ed)? (?:it|them|'?em) dead|"
    r"drop dead gorgeous|to die for|bored to death|scared to death|worried sick|sick to death|over my dead body|"
    r"shoot me a (?:text|message|email|line)|shoot (?:you|u) (?:a|an) (?:text|message|email)|take a shot|give it a shot|"
    r"cut (?:it )?out|cut (?:me|us|you) (?:some )?slack|cut (?:back|down|corners)|hit (?:me )?up|hit the (?:road|gym|hay|sack)|"
    r"beat(?:s)? me to it|beat the (?:traffic|rush)|smash(?:ed|ing)? it|punch(?:ed)? (?:in|out|above)|"
    r"the end of the world|world ending|end of an era|die of (?:embarrassment|shame|laughter)|"
    r"(?:hurt|hurts) my feelings|my (?:heart|head|back) hurts)\b"
)


def _earnest(s: SentenceView, m: re.Match[str]) -> bool:
    """The cue is not part of an idiom that shares its words."""
    for idiom in _IDIOMS.finditer(s.norm):
        if idiom.start() <= m.start("cue") < idiom.end() or m.start("cue") <= idiom.start() < m.end("cue"):
            return False
    return True


_SAFETY = "safety"

RULES: tuple[Rule, ...] = (
    rule(
        "safety.suicide_direct",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>kill(?:ing)? my ?self|killed my ?self|suicid\w*|end(?:ing)? (?:it all|my life|my own life|things for good|everything)|take my (?:own )?life|taking my (?:own )?life|want(?:ed)? to die|wanna die|wish(?:ed)? i (?:was|were) dead|wish i(?:'?d| had) never been born|don'?t want to (?:live|be alive|exist|be here anymore|wake up)|dont want to (?:live|be alive|exist|wake up)|rather be dead|better off dead|no reason to (?:live|go on|keep going)|not (?:want|wanting) to be alive|unalive|kms\b|kys\b|overdos\w*|jump(?:ing)? (?:off|in front of)|hang(?:ing)? my ?self|(?:pills|rope|bridge|ledge) (?:and|to) end)",
        "mentions suicide or wanting to die",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.suicide_indirect",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>(?:won'?t|will not|wont|not going to|might not|may not) be (?:around|here) (?:much longer|for much longer|anymore|any more|for long|to see|next)|(?:everyone|everybody|you|u|they|the world|my family|the kids) (?:would|will|'?d)(?: all)? be better off without me|better off without me|no (?:point|reason) (?:in )?(?:living|going on|being here|anymore|any more|to any of (?:it|this))|don'?t see (?:the|a|any) point (?:anymore|any more|in (?:living|anything|going on|any of (?:it|this)))|can'?t (?:do|take) (?:this|it) anymore|can'?t go on|(?:this|that) (?:is|will be) my last (?:birthday|christmas|message|goodbye|text)|my last (?:birthday|christmas|goodbye)|saying goodbye (?:for good|forever)|goodbye forever|not wak(?:e|ing) up|never wake up|disappear (?:for good|forever)|make it all stop|i'?m done with (?:life|living|everything)|tired of (?:living|being alive|existing)|put an end to (?:it|this|everything|myself)|nobody would (?:miss|notice|care if i)|no one would (?:miss|notice|care if i)|won'?t have to (?:deal|worry) (?:with|about) me (?:anymore|much longer)|given away my (?:things|stuff)|sorted out my (?:will|affairs))",
        "hints at not wanting to be alive",
        score=0.95,
        guard=_earnest,
    ),
    rule(
        "safety.self_harm",
        "self_harm",
        _SAFETY,
        r"\b(?P<cue>self[- ]?harm\w*|(?:cut|cutting|burn|burning|burnt|hurt|hurting|harm|harming|punish|punishing|starve|starving|scratch|scratching)\s+my ?self|cut (?:again|my (?:arms?|legs?|wrists?|thighs?))|started cutting|been cutting|relapsed (?:on|with) (?:cutting|self)|(?:hurt|harm|cut) myself again|do something (?:stupid|drastic) to myself|scars? on my (?:arms?|wrists?|legs?))",
        "mentions self-harm",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.violence_threat",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:i(?:'?ll| will|'?m going to|'?m gonna| am going to| could| want to| wanna)|imma|gonna)\s+(?:\w+\s+){0,2}(?:kill|murder|strangle|choke|stab|shoot|punch|hit|slap|beat|smash|break|hurt|bash|batter|knock|burn|run (?:you|him|her) over)\s+(?:you|u|him|her|them|your|ur|his|their|that)\b|smash (?:your|ur|his|her) (?:face|head|teeth)|break (?:your|ur|his|her|their) (?:legs?|neck|face|arms?|jaw|nose)|beat (?:you|u|him|her|them) up|kick (?:your|ur|his|her) (?:head|teeth|ass) in|(?:you(?:'?re| are)|ur) (?:dead|a dead man|dead meat)|put you in (?:the )?hospital|end you)",
        "threatens violence",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.violence_done",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:he|she|they|dad|mum|mom|my (?:dad|father|mum|mom|mother|husband|wife|partner|boyfriend|girlfriend|ex|brother|sister|stepdad|stepmum|son|daughter|landlord|neighbour|neighbor|boss))\s+(?:\w+\s+){0,2}(?:hit|hits|punched|punches|slapped|slaps|shoved|shoves|pushed|pushes|choked|chokes|strangled|kicked|kicks|beat|beats|grabbed me|threw (?:a|the|something|me)|attacked|assaulted|raped|hurt (?:me|him|her|them|the kids|my))|(?:hit|punched|slapped|shoved|pushed|choked|kicked|grabbed|attacked|assaulted|raped|abused|threatened)\s+(?:me|my (?:son|daughter|brother|sister|mum|mom|kids?|child|baby))\b|domestic (?:violence|abuse)|abus(?:ive|ing) (?:me|us|the kids)|afraid (?:he|she|they)(?:'?ll| will| might) hurt|scared (?:he|she|they)(?:'?ll| will| might) hurt|(?:bruises?|black eye) (?:from|on)|feel unsafe (?:at home|around (?:him|her|them)))",
        "mentions violence against someone",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.weapon",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:a|my|his|her|the) (?:gun|knife|blade|weapon)|shoot (?:you|him|her|them|everyone|up))\b",
        "mentions a weapon",
        score=0.7,
        guard=_earnest,
    ),
)

# Shown first whenever the flag is raised, whatever else the draft holds.
RESOURCES: tuple[Resource, ...] = (
    Resource(
        "Emergency services",
        "call 911 (US, Canada), 999 (UK), 112 (EU, Ireland), 000 (Australia)",
        "if anyone is in danger now",
    ),
    Resource("988 Suicide & Crisis Lifeline", "call or text 988", "US"),
    Resource("Samaritans", "call 116 123 (free, 24/7)", "UK and Ireland"),
    Resource("Find a helpline", "findahelpline.com lists free, confidential lines by country", "worldwide"),
)
VIOLENCE_RESOURCES: tuple[Resource, ...] = (
    Resource("National Domestic Violence Hotline", "call 1-800-799-7233 or text START to 88788", "US"),
    Resource("National Domestic Abuse Helpline (Refuge)", "call 0808 2000 247 (free, 24/7)", "UK"),
)

MESSAGE = (
    "This draft mentions suicide, self-harm or violence. Before anything about wording: "
    "if you or someone else might be in danger, please reach out now. You don't have to "
    "handle this alone."
)


class SafetyDetector:
    """Safety cues per sentence (family ``safety``; label = suicide, self_harm, violence)."""

    name = "safety"

    def detect(self, draft: DraftView) -> list[Finding]:
        return run_rules(RULES, draft)
