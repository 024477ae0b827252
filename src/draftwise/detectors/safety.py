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

from draftwise.detectors.base import DraftView, Finding, Rule, RuleDetector, SentenceView, normalise, rule
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
    r"(?:hurt|hurts) my feelings|my (?:heart|head|back) hurts|(?:you'?re|ur|you are) dead to me|dead or alive|"
    r"cutting (?:in and )?out|cutting off|cutting (?:it|back|down)|would it kill (?:you|u)|it (?:wouldn'?t|won'?t) kill (?:you|u)|"
    r"kill(?:ing)? (?:the|a) (?:mood|vibe|battery|idea|plan))\b"
)


_JOKING = re.compile(r"(?i)\b(?:lol+|lmf?ao+|haha+|hehe+|jk|jokes?|joking)\b|😂|🤣|😆|😜")


def _earnest(s: SentenceView, m: re.Match[str]) -> bool:
    """The cue is not part of an idiom that shares its words, nor a threat of violence made as a joke."""
    if m.re.pattern and "violence" in _RULE_OF.get(m.re.pattern, "") and _JOKING.search(s.norm):
        return False
    for idiom in _IDIOMS.finditer(s.norm):
        if idiom.start() <= m.start("cue") < idiom.end() or m.start("cue") <= idiom.start() < m.end("cue"):
            return False
    return True


_SAFETY = "safety"

_I_WILL = r"(?:i(?:'?ll| will|'?m going to|'?m gonna| am going to| could| want to| wanna)|ill|imma|gonna)"
_YOU_THEM = r"(?:you|u|him|her|them|ya|the (?:pair|lot|both) of (?:you|u|them)|the (?:pair|lot) of ya)"
_THEIR = r"(?:your|ur|his|her|their|yer)"

RULES: tuple[Rule, ...] = (
    rule(
        "safety.suicide_direct",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>kill(?:ing)? my ?self|killed my ?self|suicid\w*|end(?:ing)? (?:it all|my life|my own life|things for good)|"
        r"take my (?:own )?life|taking my (?:own )?life|want(?:ed|s)? to die|wanna die|wish(?:ed)? i (?:was|were) dead|wish i(?:'?d| had) never been born|"
        r"(?:don'?t|dont|do not) want to (?:live|be alive|exist|wake up)|rather be dead|better off dead|no reason to (?:live|go on|keep going)|"
        r"not (?:want|wanting) to be alive|unalive|kms\b|kys\b|overdos\w*|jump(?:ing)? (?:off|in front of)|hang(?:ing)? my ?self|"
        r"(?:wants?|wanted|wanting|thinking about|thought about|talked about|talking about) (?:to )?(?:kill(?:ing)?|end(?:ing)?) (?:himself|herself|themselves|themself|his life|her life|their life|it all|it)|"
        r"(?:thinking|thought|been thinking) (?:a lot )?about ending (?:it|things|my life)|"
        r"(?:i'?ll|ill|i will|i'?m going to|im going to|gonna|i'?m gonna) end it\b(?! with)|(?:easier|better) (?:for everyone )?not to (?:wake up|be here|be around|exist)|"
        r"(?:don'?t|dont|do not) know if (?:i'?ll|ill|i will|i'?d|id) (?:still )?be (?:here|around|alive)|"
        r"stockpil\w+ (?:my |some |all my )?(?:meds|medication|pills|tablets)|sav(?:ing|ed) up (?:my )?(?:pills|tablets|meds))",
        "mentions suicide or wanting to die",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.suicide_indirect",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>(?:won'?t|will not|wont|not going to|might not|may not) be (?:around|here) (?:much longer|for much longer|anymore|any more|for long|to see|next)|"
        r"(?:everyone|everybody|you|u|they|the world|my family|the kids|it) (?:would|will|'?d)(?: all)? be (?:better off|easier) (?:without me|if i (?:wasn'?t|weren'?t|was not|were not|wasnt) here)|"
        r"better off without me|(?:be )?easier (?:for everyone |for (?:you|u) all |on everyone )?if i (?:wasn'?t|weren'?t|wasnt|was not|were not) (?:here|around)|"
        r"no (?:point|reason) (?:in |of )?(?:me )?(?:living|going on|being here|getting up|anymore|any more|to any of (?:it|this))|"
        r"(?:don'?t|dont|can'?t|cant) see (?:the|a|any) point (?:of |in )?(?:anymore|any more|living|anything|going on|getting up|any of (?:it|this)|it anymore|it all|carrying on)|"
        r"(?:don'?t know if|not sure if|not sure) i'?(?:ll|d) (?:still )?be (?:here|around) (?:for|next|much)|(?:letters|notes) (?:to people|for (?:everyone|people|you all))?,? just in case|"
        r"can'?t go on|(?:this|that) (?:is|will be) my last (?:birthday|christmas|message|goodbye|text|one)|"
        r"make sure this is my last|my last (?:birthday|christmas|goodbye)|saying goodbye (?:for good|forever)|goodbye forever|"
        r"(?:not|never) wak(?:e|ing) up|(?:just )?didn'?t wake up|disappear (?:for good|forever)|make it all stop|"
        r"i'?m done with (?:life|living|everything)|(?:tired|sick) of (?:living|being alive|existing)|(?:had|have) enough of (?:this )?life|"
        r"put an end to (?:it|this|everything|myself)|nobody would (?:miss|notice|care if i)|no one would (?:miss|notice|care if i)|"
        r"(?:won'?t|wont) have to (?:deal|worry|put up) (?:with|about) me (?:anymore|much longer|for much longer)|"
        r"given away my (?:things|stuff)|sorted out my (?:will|affairs)|(?:won'?t|wont) be needing (?:them|it|these|those|any of it) where|"
        r"when i'?m gone(?:,)? (?:you|u|you'?ll|u'?ll|everyone)|if i'?m not here when (?:you|u) get back|"
        r"not (?:being|to be) here (?:anymore|any more)|(?:thinking|thoughts) about not (?:being|wanting to be) here|"
        r"(?:don'?t|dont|do not|doesn'?t|doesnt) (?:know if i )?want(?:s)? to be here(?: anymore| any more| at all)?|not wanting to be here|"
        r"(?:don'?t|dont) want to do this anymore\W+(?:any of it|everything|not just us)|can'?t promise (?:i'?ll|ill|i will) (?:stay|be|keep myself) safe|"
        r"(?:don'?t|dont|do not) trust myself)",
        "hints at not wanting to be alive",
        score=0.95,
        guard=_earnest,
    ),
    rule(
        "safety.self_harm",
        "self_harm",
        _SAFETY,
        r"\b(?P<cue>self[- ]?harm\w*|(?:cut|cutting|burn|burning|burnt|hurt|hurting|harm|harming|punish|punishing|starve|starving|scratch|scratching)\s+my ?self|"
        r"cut (?:again|my (?:arms?|legs?|wrists?|thighs?))|started cutting|been cutting|relapsed (?:on|with) (?:cutting|self)|(?:hurt|harm|cut) myself again|"
        r"do something (?:stupid|drastic)?\s*to myself|(?:don'?t|dont|do not) know what (?:i'?ll|ill|i will|i might|i'?d|id|i could) do to myself|"
        r"scars? on my (?:arms?|wrists?|legs?))",
        "mentions self-harm",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.violence_threat",
        "violence",
        _SAFETY,
        r"\b(?P<cue>"
        + _I_WILL
        + r"\s+(?:\w+\s+){0,3}(?:kill|murder|strangle|choke|stab|shoot|punch|hit|slap|beat|smash|break|hurt|bash|batter|knock|burn|run (?:you|u|him|her) over)\s+"
        + _YOU_THEM
        + r"\b|"
        r"(?:smash|smashing|break|breaking|snap|snapping|knock|knocking)\s+(?:every bone in\s+)?"
        + _THEIR
        + r"\s+(?:(?:fucking|fkn|bloody|stupid|little)\s+)?(?:face|head|teeth|legs?|neck|arms?|jaw|nose|hands?|fingers?|bones?|skull)|"
        r"(?:fist|foot|boot|head)\s+through\s+"
        + _THEIR
        + r"\s+(?:face|head)|(?:picking|pick)\s+"
        + _THEIR
        + r"\s+teeth\s+(?:up|off)|"
        r"(?:put|putting)\s+"
        + _YOU_THEM
        + r"\s+(?:through|in(?:to)?)\s+(?:the |a |"
        + _THEIR
        + r"\s+)?(?:own\s+)?(?:hospital|window|wall|fence|door|ground|grave|floor|table)|"
        r"(?:throw|chuck|drag|kick)\s+" + _YOU_THEM + r"\s+(?:down|out|off|through|into)|"
        r"beat (?:you|u|him|her|them) up|kick (?:your|ur|his|her) (?:head|teeth|ass) in|(?:you(?:'?re| are)|ur) (?:dead|a dead man|dead meat)|"
        r"wish (?:you|u) (?:were|was) dead|end you|(?:kill|murder|strangle) (?:him|her|them|you|u) (?:myself|with)|"
        r"(?:lays?|laid|puts?) (?:a |one )?(?:finger|hand) on (?:her|him|you|u|them|my))",
        "threatens violence",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.violence_done",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:hit|hits|punched|punches|slapped|slaps|shoved|shoves|pushed|pushes|choked|chokes|strangled|kicked|kicks|beat|beats|battered|attacked|assaulted|raped|abused|threatened to (?:hit|hurt|kill))\s+(?:me|her|him|them|you|u|us|my\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+|\w+ on the)\b|"
        r"grabbed (?:me|her|him|them|you|u|my|his|her)\b[^.!?\n]{0,30}?(?:by the|so hard|hard|arm|wrist|throat|neck|hair|marks)|"
        r"(?:threw|thrown|throwing) (?:a|the|something|things)(?: \w+)? (?:at|across)|split lip|black eye|(?:a |the |small )?bruises?\b|marks on (?:my|her|his|their) (?:arms?|wrists?|neck|face)|"
        r"domestic (?:violence|abuse)|threats? of violence|(?:violent|violence) (?:towards?|against)|abus(?:ive|ing) (?:me|us|the kids)|(?:afraid|scared) (?:he|she|they)(?:'?ll| will| might) (?:hurt|hit|kill)|"
        r"feel unsafe (?:at home|around (?:him|her|them)))",
        "mentions violence against someone",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.veiled_harm",
        "violence",
        _SAFETY,
        r"\b(?P<cue>poison\w*|(?:put|leave|lay|putting|leaving) (?:something|poison|stuff|traps?) (?:down|out)\b[^.!?]{0,60}?make sure (?:it|he|she|they|you|u|the \w+|your \w+) (?:doesn'?t|never|won'?t|can'?t|isn'?t))",
        "hints at harming someone or their animal",
        score=0.9,
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

_RULE_OF = {r.regex.pattern: r.label for r in RULES}

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


# A goodbye can be a warning sign with nothing named: two or more of these in one draft,
# at least one of them strong, reads like a farewell.
_FAREWELL_STRONG = re.compile(
    r"(?i)\b(?:look after (?:\w+ ){0,2}for me|take care of (?:\w+ ){0,2}for me|remember me|i'?m sorry for everything|"
    r"(?:you|u) were (?:one of )?the (?:good ones|best)|(?:won'?t|wont) be needing|this is goodbye|goodbye for now|"
    r"(?:her|his|the) (?:food|meds|lead|bowl|papers|keys?) (?:is|are) (?:in|on|under)|i'?ve (?:left|put) (?:the |my )?(?:papers|will|letters?|keys?)|"
    r"everything is (?:in|on) the)\b"
)
_FAREWELL_SOFT = re.compile(
    r"(?i)\b(?:thanks? (?:you )?for everything|(?:you'?ve|you have|u have|uve) been the best|love (?:you|u)(?: always| so much| x)?|"
    r"goodbye|take care of yourself|don'?t be sad|it'?s not your fault|not ur fault|i'?m at peace|i'?m ready)\b"
)


def _sentence_at(draft: DraftView, pos: int) -> int | None:
    for s in draft.sentences:
        if s.start <= pos < s.end:
            return s.index
    return None


class SafetyDetector(RuleDetector):
    """Safety cues per sentence, across sentence breaks, and a farewell read over the whole draft.

    Family ``safety``; labels ``suicide``, ``self_harm``, ``violence``.
    """

    name = "safety"
    rules = RULES

    def detect(self, draft: DraftView) -> list[Finding]:
        out = super().detect(draft)
        seen = {(f.start, f.end) for f in out}
        # Phrasings split over a line break ("i don't want to do this anymore / any of it").
        whole = normalise(draft.text).replace("\n", " ")
        for r in RULES:
            for m in r.regex.finditer(whole):
                a, b = m.span("cue")
                i = _sentence_at(draft, a)
                if i is None or (a, b) in seen or any(a < fb and fa < b for fa, fb in seen):
                    continue
                sv = draft.sentences[i]
                if r.guard is not None and not r.guard(sv, r.regex.search(sv.norm) or m):
                    continue
                seen.add((a, b))
                out.append(Finding(r.label, "safety", i, a, b, draft.text[a:b], r.score, r.explanation, r.name))
        strong = [m for s in draft.sentences for m in _FAREWELL_STRONG.finditer(s.norm)]
        soft = [m for s in draft.sentences for m in _FAREWELL_SOFT.finditer(s.norm)]
        if strong and len(strong) + len(soft) >= 2:
            for s in draft.sentences:
                for m in [*_FAREWELL_STRONG.finditer(s.norm), *_FAREWELL_SOFT.finditer(s.norm)]:
                    a, b = s.start + m.start(), s.start + m.end()
                    out.append(
                        Finding(
                            "suicide",
                            "safety",
                            s.index,
                            a,
                            b,
                            draft.text[a:b],
                            0.8,
                            "reads like a goodbye",
                            "safety.farewell",
                        )
                    )
        return out
