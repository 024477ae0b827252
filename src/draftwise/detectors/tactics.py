"""Pressure tactics (LABELS.md section 4), with the near misses of the guide kept out.

- ``ultimatum`` needs a penalty on the relationship or the person; a calm
  boundary about the writer's own action ("I'll head home and we can
  reschedule") has none.
- ``urgency`` needs immediacy or chasing; a real, stated deadline ("by Friday")
  is not urgency.
- ``loaded_opener`` is a request to talk that says nothing of what about.
"""

from __future__ import annotations

import re

from draftwise.detectors.base import (
    Rule,
    RuleDetector,
    SentenceView,
    outside_quotes,
    rule,
)
from draftwise.detectors.registry import register

_outside_quotes = outside_quotes


def _no_topic(s: SentenceView, m: re.Match[str]) -> bool:
    """A talk request with nothing said about what it is about."""
    rest = s.norm[m.end() :].strip().lower()
    if re.match(
        r"^(?:about|re\b|regarding|concerning|on\b|over\b|re:|so we can|to (?:plan|sort|go over|figure|decide|talk about|discuss|catch up)|before|when|after|for)",
        rest,
    ):
        return False
    if re.search(r"\babout (?:the|your|my|our|what|how|this|that|\w+day|christmas|money|rent|it\b)", rest):
        return False
    return len(re.findall(r"\w+", rest)) <= 6


_PENALTY = (
    r"(?:i(?:'?m| am) (?:taking you to|reporting you|calling the police|going to the police|filing|going to court|going to small claims)|we'?re (?:done|over|finished|through)|we are (?:done|over|finished|through)|it'?s over|its over|i'?m (?:done|leaving|out|gone|moving out|finished)|im (?:done|leaving|out|gone)|"
    r"i(?:'?ll| will| am going to|'?m going to|'?m gonna) (?:leave you|leave|move out|end (?:this|it|things)|break up|divorce|block you|cut you off|take you to court|taking you to (?:court|small claims|the tribunal)|take (?:this|it) to (?:court|small claims|the tribunal|the ombudsman)|sue|call my lawyer|get a lawyer|report you|find someone else|stop talking to you|never speak to you|be gone|kick you out|evict|stop paying|withhold|change the locks|file)|"
    r"don'?t (?:bother|ever) (?:calling|coming|texting|talking|speaking|contacting|showing)|"
    r"(?:you can|u can) (?:forget (?:about )?(?:it|me|us|the)|find (?:somewhere|someone)|pack your|move out|get out|kiss .* goodbye|consider (?:this|us|yourself))|"
    r"(?:you(?:'ll| will)|u'?ll) (?:never see|lose me|lose (?:your|the)|regret|not see|be out|be hearing from)|"
    r"(?:we|i) (?:can|will) (?:forget|cancel|end)|consider (?:us|this|it|yourself) (?:done|over|finished|fired|uninvited)|"
    r"(?:that'?s|this is) (?:it|the end)|don'?t come back|lose me for good|never (?:see|speak to|hear from) (?:me|us|the kids))"
)

_TACTIC = "tactic"

RULES: tuple[Rule, ...] = (
    # ultimatum: a demand joined to a penalty on the relationship or the person
    rule(
        "ultimatum.or_else",
        "ultimatum",
        _TACTIC,
        r"\b(?P<cue>(?:or|otherwise|or else|if not|and if not)[\s,]+(?:\w+\s+){0,2}" + _PENALTY + r")",
        "joins the ask to a penalty on the relationship",
        guard=_outside_quotes,
    ),
    rule(
        "ultimatum.if_you_dont",
        "ultimatum",
        _TACTIC,
        r"\b(?P<cue>(?:if|unless)\s+(?:you|u)\s+(?:don'?t|do not|can'?t|won'?t|wont|dont|cant|aren'?t|are not|refuse|keep|still|ever|stop|fail|haven'?t)\b[^.!?]{0,80}?(?:then\s+)?"
        + _PENALTY
        + r")",
        "makes a penalty on the relationship the price of saying no",
        guard=_outside_quotes,
    ),
    rule(
        "ultimatum.either_or",
        "ultimatum",
        _TACTIC,
        r"\b(?P<cue>either\s+(?:you|u|she|he|they|it'?s|i)\b[^.!?]{0,80}\bor\b|it'?s (?:me|her|him|them|us) or (?:me|her|him|them|the|your)|choose[:,]? (?:me|us|her|him)|make your choice|your choice[:,])",
        "an either/or with a penalty attached",
        guard=_outside_quotes,
    ),
    rule(
        "ultimatum.last_chance",
        "ultimatum",
        _TACTIC,
        r"\b(?P<cue>(?:this is )?(?:your|the) (?:last|final|only) (?:chance|warning)|last chance|final warning|final offer|take it or leave it|i won'?t ask again|this is the last time i(?:'?m| am) (?:asking|telling)|non[- ]negotiable|no more chances)\b",
        "a last chance with a penalty behind it",
        score=0.8,
        guard=_outside_quotes,
    ),
    rule(
        "ultimatum.deadline_or",
        "ultimatum",
        _TACTIC,
        r"\b(?P<cue>(?:by|before|until|till)\s+(?:\w+\s+){0,3}(?:or|otherwise)\s+(?:\w+\s+){0,3}(?:done|over|court|lawyer|leave|out|gone|block|evict|cancel|police))\b",
        "a deadline with a penalty on the relationship",
        guard=_outside_quotes,
    ),
    # threat: intimidation by harm, exposure, revenge, or self-harm as leverage
    rule(
        "threat.expose",
        "threat",
        _TACTIC,
        r"\b(?P<cue>(?:i(?:'?ll| will|'?m going to|'?m gonna| am going to)|imma)\s+(?:\w+\s+){0,2}(?:show|tell|send|post|forward|share|expose|leak|screenshot|report you to|let|inform)\s+(?:\w+\s+){0,4}(?:everyone|every ?body|your (?:boss|wife|husband|mum|mom|dad|family|parents|girlfriend|boyfriend|friends|kids|employer|manager|landlord|church|partner)|the (?:whole|entire|group)|screenshots|the pictures|the photos|the messages|the texts|what you did|hr|the police|social media|facebook|instagram|online|the internet))",
        "threatens to expose them",
        guard=_outside_quotes,
    ),
    rule(
        "threat.regret",
        "threat",
        _TACTIC,
        r"\b(?P<cue>you(?:'ll| will|'re going to|'re gonna) (?:regret|be sorry|pay for)|u(?:'ll| will) (?:regret|be sorry|pay for)|watch your back|watch yourself|i know where you (?:live|work)|you have no idea what i(?:'?m| am) capable of|i(?:'?ll| will) make (?:your life|you pay|sure you|you suffer|you regret)|i(?:'?ll| will) ruin (?:you|your)|i(?:'?ll| will) destroy (?:you|your)|i(?:'?ll| will) get (?:you|even)|this isn'?t over|you'?ve been warned|or you'?ll see|i have (?:screenshots|receipts|proof) and|don'?t make me)\b",
        "intimidates them with what will happen",
        guard=_outside_quotes,
    ),
    rule(
        "threat.harm",
        "threat",
        _TACTIC,
        r"\b(?P<cue>(?:i(?:'?ll| will|'?m going to|'?m gonna| am going to)|imma)\s+(?:\w+\s+){0,2}(?:kill|hurt|smash|break|punch|hit|slap|beat|stab|shoot|key|slash|burn|wreck|trash|bash|knock)\s+(?:you|u|him|her|them|your|his|her|their|ur|the)\b)",
        "threatens harm",
        guard=_outside_quotes,
    ),
    rule(
        "threat.self_harm_leverage",
        "threat",
        _TACTIC,
        r"\b(?P<cue>(?:if|unless) (?:you|u)\b[^.!?]{0,60}(?:i(?:'?ll| will)|i'?m going to|i don'?t know what i'?ll do)[^.!?]{0,40}(?:myself|my life|end it|kill|hurt|do something)|i don'?t know what i(?:'?ll| will| might) do (?:to myself|if you)|(?:you'?ll|you will) be (?:responsible|to blame) (?:for what happens|if (?:i|something)))",
        "uses the writer's own safety as leverage",
        guard=_outside_quotes,
    ),
    # guilt_trip: making them feel guilty to get compliance
    rule(
        "guilt_trip.after_everything",
        "guilt_trip",
        _TACTIC,
        r"\b(?P<cue>after (?:everything|all|all that|all the things|all these years|all i(?:'?ve| have)? (?:done|did|gave|sacrificed))(?: i(?:'?ve| have)? (?:done|did|gave|sacrificed|been through))?(?: for you)?|i gave up (?:everything|my|so much)|i sacrificed|i(?:'?ve| have) done (?:so much|everything) for you|i do everything (?:for you|around here)|all i do is|you owe me|the least you (?:could|can) do|is (?:that|it) (?:really )?too much to ask|is that so much to ask)\b",
        "holds past sacrifices over them",
        guard=_outside_quotes,
    ),
    rule(
        "guilt_trip.martyr",
        "guilt_trip",
        _TACTIC,
        r"\b(?P<cue>(?:fine|ok|okay|sure|no worries)[,.!]*\s+i(?:'?ll| will) just\b|don'?t worry about me|i guess i(?:'?m| am) (?:just )?not (?:important|a priority|good enough|worth)|i(?:'?ll| will) (?:just )?(?:be|sit|spend|eat|stay|celebrate) (?:\w+\s+){0,3}(?:alone|by myself|on my own)|must be nice|nice to know where i stand|i see how it is|i know where i stand|guess i(?:'?ll| will) (?:just )?(?:do it|figure it out|manage|cope) (?:myself|alone|on my own)|i hope you'?re happy|hope (?:you'?re|ur) (?:happy|proud)|nobody cares (?:about|what) (?:me|i)|no one cares about me|i(?:'?m| am) always the one (?:who|that)|i guess i don'?t matter|forget it,? i(?:'?ll| will))",
        "plays the martyr so they feel guilty",
        guard=_outside_quotes,
    ),
    rule(
        "guilt_trip.shame",
        "guilt_trip",
        _TACTIC,
        r"\b(?P<cue>(?:your|ur) (?:mother|mum|mom|father|dad|grandma|grandmother|grandad|grandfather|nan|gran) would (?:be|have been) (?:ashamed|disappointed|turning)|(?:how|what) would (?:your|ur) \w+ think|you should be ashamed|shame on you|you(?:'ve| have) broken (?:my|your \w+'?s) heart|i raised you better|i thought i raised you|after i (?:raised|fed|carried|put you through))\b",
        "uses shame to push them",
        guard=_outside_quotes,
    ),
    # urgency: demanding an immediate reply or action, chasing
    rule(
        "urgency.now",
        "urgency",
        _TACTIC,
        r"\b(?P<cue>(?:answer|reply|respond|call|text|ring|pick up|get back to|message|come|get (?:here|home|back))\s+(?:me\s+|to me\s+|the phone\s+|your phone\s+)?(?:now|asap|right now|immediately|this (?:second|minute|instant)|straight away|rn|right away|already|this instant)|now!+|asap!+|right now!+|i need (?:an answer|a reply|to know|this|it|you|a response|the money)\s+(?:now|today|tonight|asap|right now|immediately|this (?:minute|second|hour))|within the (?:hour|next hour)|in the next (?:hour|\d+ (?:minutes|mins|hours))|(?:by|before) (?:the end of )?(?:today|tonight)\s+or\b)",
        "demands an immediate reply or action",
        guard=_outside_quotes,
    ),
    rule(
        "urgency.chasing",
        "urgency",
        _TACTIC,
        r"(?P<cue>\b(?:i can see (?:you(?:'?re| are)|ur|u r|u'?re) (?:online|active|typing)|i know (?:you(?:'?ve| have)|u(?:'?ve)?) (?:seen|read) (?:this|it|my)|(?:you|u) (?:left|leave) me on (?:read|delivered)|why (?:are|r) (?:you|u) ignoring|why (?:aren'?t|arent|won'?t|wont) (?:you|u) (?:answering|replying|responding|picking up)|stop ignoring|don'?t ignore me|answer (?:your|ur|the) (?:phone|texts|messages)|pick up (?:your|ur|the) (?:phone|damn phone)|i(?:'?ve| have) (?:called|rung|texted|messaged) (?:you )?(?:\d+|two|three|four|five|six|ten|so many|a million) times|hello\?+|helloo+|(?:^|[.!?]\s*)answer me(?!\s+(?:when|if|whenever|once|after))|\?{3,}|where (?:are|r) (?:you|u)\?{2,}|reply!+|respond!+)|^\s*\?+\s*$)",
        "chases them for an answer",
        guard=_outside_quotes,
    ),
    # desperation: pleading, begging, making them responsible for the writer's wellbeing
    rule(
        "desperation.cant_live",
        "desperation",
        _TACTIC,
        r"\b(?P<cue>i (?:can'?t|cannot|cant) (?:live|go on|survive|function|breathe|cope|do this|exist|be happy|sleep|eat)\s+without (?:you|u)|without (?:you|u) i(?:'?m| am)? (?:nothing|lost|dead|empty|no one)|(?:you(?:'?re| are)|ur|u r) (?:all i have|my everything|the only (?:one|person|thing)(?: who| that| i)?|my whole (?:world|life))|i need you(?: back)?(?: so much)?[.!]*$|i(?:'?ll| will) do anything|i(?:'?ll| will) change,? i promise|i(?:'?m| am) begging|i beg (?:you|u)|begging (?:you|u)|on my knees|don'?t leave me|please don'?t go|please come back|come back to me|please+ (?:please+|just )?(?:answer|talk to me|reply|call|don'?t|come|give me|i need|forgive)|i(?:'?m| am) nothing without|i can'?t lose you|you'?re the only one who can)\b",
        "pleads or makes them responsible for the writer's wellbeing",
        guard=_outside_quotes,
    ),
    rule(
        "desperation.please_please",
        "desperation",
        _TACTIC,
        r"(?P<cue>\bplease+[,!. ]+please+\b|\bpl+ea+s+e{2,}\b|\bpls pls\b|\bi'?m sorry i'?m sorry\b)",
        "begs",
        score=0.8,
        guard=_outside_quotes,
    ),
    # social_pressure: third parties used to pressure
    rule(
        "social_pressure.everyone",
        "social_pressure",
        _TACTIC,
        r"\b(?P<cue>every(?:one|body) (?:i(?:'?ve| have)? (?:told|asked|spoken to|talked to)|says|agrees|thinks|knows|can see|sees|has noticed|noticed|is talking|is saying|was saying|said|told me)|ask (?:anyone|anybody|around|literally anyone)|all (?:our|my|your) (?:friends|family|colleagues) (?:say|think|agree|know|said|noticed)|nobody (?:else )?(?:thinks|agrees|would)|no one (?:else )?(?:thinks|agrees|would|else does)|the whole (?:office|family|team|group|building|street|house|world|class|school) (?:knows|thinks|says|has noticed|can see|is)|people are (?:talking|saying|starting to)|(?:they|people) all (?:say|agree|think))\b",
        "uses other people's opinions as pressure",
        guard=_outside_quotes,
    ),
    rule(
        "social_pressure.even_x_says",
        "social_pressure",
        _TACTIC,
        r"\b(?P<cue>(?:even|ask|and)\s+(?:your|ur|my|our)\s+(?:own\s+)?(?:sister|brother|mum|mom|dad|mother|father|parents|friends?|best friend|therapist|counsel+or|boss|manager|family|kids|grandma|gran|nan|aunt|uncle|cousin|colleagues?|lawyer|doctor)\s+(?:\w+\s+)?(?:says?|said|thinks?|thought|agrees?|agreed|knows?|can see|told me|noticed|sided)|my (?:therapist|counsel+or|lawyer|mum|mom|dad|friends|sister|brother|family|pastor|doctor|coach|boss)\s+(?:\w+\s+)?(?:says|said|thinks|agrees|told me)\s+(?:that\s+)?(?:you|u|ur|your|this|it'?s|what you))",
        "uses someone else's judgement as backing",
        guard=_outside_quotes,
    ),
    # loaded_opener: an ominous opener that says nothing of what about
    rule(
        "loaded_opener.we_need_to_talk",
        "loaded_opener",
        _TACTIC,
        r"(?:^|[.!?]\s+)(?:(?:hey|hi|so|ok|okay|um+|listen|look|right|hello)[\s,.]+)?(?:\w+[\s,]+)?(?P<cue>we (?:need|have|got|gotta) (?:to )?(?:talk|speak)|we need to have (?:a|an) (?:\w+\s+)?(?:talk|conversation|chat|discussion)|we should talk|we must talk|(?:can|could) (?:you|u) (?:call|ring) me|call me(?: back)?|ring me|can we talk|can we chat|got a (?:minute|sec|second)|(?:i|we) (?:have|need) to (?:tell you something|talk to you|speak (?:to|with) you)|there(?:'?s| is) something (?:we need to|i need to|i have to|i must) (?:discuss|talk about|tell you)|come (?:see me|to my office|by my desk|find me)|i have something to (?:tell|say to) you|need to speak (?:with|to) you|we have a problem|i need a word|can i have a word|a word please|my office[,.]? now)",
        "an ominous opener that says nothing of what it is about",
        guard=_no_topic,
    ),
    rule(
        "loaded_opener.its_important",
        "loaded_opener",
        _TACTIC,
        r"\b(?P<cue>(?:it'?s|its|this is) (?:important|urgent|serious|about us)|you(?:'re| are) not going to like (?:this|it|what)|don'?t freak out|brace yourself|you might want to sit down)\b",
        "signals trouble without saying what",
        score=0.75,
        guard=lambda s, m: len(re.findall(r"\w+", s.norm)) <= 9,
    ),
)


@register("analysis", order=30)
class TacticsDetector(RuleDetector):
    """Sentence cues of the seven pressure tactics (family ``tactic``)."""

    name = "tactics"
    rules = RULES
