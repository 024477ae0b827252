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
from draftwise.detectors.registry import register
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
    r"kill(?:ing)? (?:the|a) (?:mood|vibe|battery|idea|plan)|"
    # Added with the safety set (train and dev parts): exasperation, a last message about a chore, a story.
    r"i could (?:\w+ )?(?:kill|murder|strangle) (?:you|u)\b(?! (?:with|if|for what))|my last (?:message|text|email|reminder) (?:about|on|re|regarding)|"
    r"(?:podcast|pod|documentary|film|movie|book|novel|episode|series|true crime)\b[^.!?\n]{0,60}?\b(?:poison\w*|murder\w*|stabb\w*|shoot\w*)|"
    # Added with the safety set's dev part (the second held-out part, read once and retired there): a
    # button, a cookery class, a game won.
    r"hit (?:pause|play|send|snooze|reply|refresh|record|the (?:brakes|books|shops|jackpot|ground running))|"
    r"knife (?:skills|set|block|sharpener|class|course)|finally beat (?:him|her|them)\b(?! up)|"
    r"beat (?:him|her|them|me|you|u) (?:at|in) (?:chess|cards|scrabble|tennis|golf|darts|pool|fifa|monopoly|poker|the (?:game|final|race|quiz))|"
    # Added in the fourth round (read on the safety set's train part and the h6-h8 writers): sending
    # something, a bargain, a score, a charity jump, and a last message whose ordinary reason is named.
    r"shoot(?:ing)? (?:you|u|ya|me|him|her|them) (?:over )?(?:the |a |an |that |this )?(?:link|invite|details|email|text|message|doc|file|"
    r"address|number|pic|photo|dm|note|reminder|list|form|rota)s?|cut (?:you|u|ya|him|her|them|me|us) (?:a|some) (?:deal|slice|piece|break)|"
    r"beat (?:my|ur|your|his|her|their|the) (?:\w+ )?(?:high ?score|score|record|time|pb|personal best)|"
    r"(?:sponsored|charity|bungee|parachute|tandem|skydiv\w*) (?:\w+ ){0,2}jump|"
    r"overdos\w* (?:management|treatment|protocol|guidance|training|module|lecture|figures|statistics|data)|"
    r"overdos\w* on (?:easter eggs|chocolate|sugar|sweets|cake|caffeine|coffee|netflix|tv|carbs|cheese|pizza|christmas)|"
    r"(?:my|the) last (?:message|email|post|day|week|shift)\b[^.!?\n]{0,40}\b(?:as|because|since|before) (?:i'?m|i am|i will be|i'?ll be) "
    r"(?:stepping down|leaving|moving|retiring|starting|off to|handing over|changing)|"
    # Added in the sixth round (read on the dev part's false alarms, in families): someone who will "kill"
    # or "have the head of" the writer when they find out; a game or a final won by "burying" the other
    # side; a threat whose condition is a spoiler or a snack; goodbye "to" a thing; a last message "as"
    # coach or chair.
    r"(?:gonna|going to|will|'ll|is going to|'s going to|'s gonna) (?:kill|murder) (?:me|you|u)\b[^.!?\n]{0,25}?\b(?:when|if|once) "
    r"(?:she|he|they|mum|mom|dad|\w+) (?:finds? out|sees?|hears?|notices?|gets? home)|"
    r"(?:have|'ll have|will have) (?:my|your|ur|his|her) (?:head|guts for garters)|"
    r"bury (?:you|u|them|'?em|us)(?: all)? (?:in|at|on)\b|bury (?:you|u|them|'?em|us) all|"
    r"if (?:u|you) (?:eat|drink|finish|spoil|tell me (?:who|what|how))\b[^.!?\n]{0,60}?\b(?:end|kill|murder) (?:u|you)\b|"
    r"(?:end|kill|murder) (?:u|you) if (?:u|you) (?:eat|drink|finish|spoil|tell me (?:who|what|how))\b|"
    r"goodbye forever,? to (?:my|the|this|that|our)\b|my last (?:message|email|post|text) as (?:your |the |a )?\w+|"
    # pushed to a feeling, not a body (read on the rewrite parts' everyday drafts, after their read)
    r"pushed me (?:to it|into it|too far|over the edge|to (?:my|the) (?:limit|edge|breaking point)|to (?:breaking point|do it|say it|snap))"
    r")\b"
)


# A laugh or "jk" not taken back ("not joking", "no joke" are the opposite).
_JOKING = re.compile(r"(?i)(?<!not )(?<!no )(?<!not a )\b(?:lol+|lmf?ao+|haha+|hehe+|jk|jokes?|joking)\b|😂|🤣|😆|😜")


def _earnest(s: SentenceView, m: re.Match[str]) -> bool:
    """The cue is not part of an idiom that shares its words, nor a threat of violence made as a joke.

    Only threats can be play: a report of violence done ("lol he punched me") is earnest.
    """
    if m.re.pattern in _PLAYABLE_PATTERNS and _JOKING.search(s.norm):
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
        r"not (?:want|wanting) to be alive|unalive|kms\b|kys\b|overdos\w*|jump(?:ing)? (?:off(?! (?:the|a|my) (?:train|bus|tube|boat|ferry|plane|sofa|bed)\b)|in front of)|hang(?:ing)? my ?self|"
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
        r"\b(?P<cue>(?:won'?t|will not|wont|not going to|might not|may not) be (?:around|here) (?:much longer|for much longer|anymore|any more|for long|to see|"
        r"next(?! (?:week|weekend|month|term|few days|couple|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))|"
        r"(?:everyone|everybody|you|u|they|the world|my family|the kids|it) (?:would|will|'?d)(?: all)? be (?:better off|easier) (?:without me|if i (?:wasn'?t|weren'?t|was not|were not|wasnt) here)|"
        r"better off without me|(?:be )?easier (?:for everyone |for (?:you|u) all |on everyone )?if i (?:wasn'?t|weren'?t|wasnt|was not|were not) (?:here|around)|"
        r"no (?:point|reason) (?:in |of )?(?:me )?(?:living|going on|being here|getting up|anymore|any more|to any of (?:it|this))|"
        r"(?:don'?t|dont|can'?t|cant) see (?:the|a|any) point (?:of |in )?(?:anymore|any more|living|anything|going on|getting up|any of (?:it|this)|it anymore|it all|carrying on)|"
        r"(?:don'?t know if|not sure if|not sure) i'?(?:ll|d) (?:still )?be (?:here|around) (?:for|next|much)|(?:letters|notes) (?:to people|for (?:everyone|people|you all))?,? just in case|"
        r"can'?t go on(?! (?:a|an|the(?! way)|my|our|his|her|their|your|ur|holiday|vacation|hols|trips?|dates?|rides?|stage|tour|leave|strike|about|at|to|till|until|for)\b)|(?:this|that) (?:is|will be) my last (?:birthday|christmas|message|goodbye|text|one)|"
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
        r"wish (?:you|u) (?:were|was) dead|end you\b|(?:kill|murder|strangle) (?:him|her|them|you|u) (?:myself|with)|"
        r"(?:lays?|laid|puts?) (?:a |one )?(?:finger|hand) on (?:her|him|you|u|them|my))",
        "threatens violence",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.violence_done",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:hit|hits|punched|punches|slapped|slaps|shoved|shoves|pushed|pushes|choked|chokes|strangled|kicked|kicks|beat|beats|battered|attacked|assaulted|raped|abused|threatened to (?:hit|hurt|kill))\s+(?:me|her|him|them|you|u|us|(?:my|his|her|their)\s+(?!(?:foot)?ball\b|car\b|door\b|wall\b|phone\b|bike\b|boots?\b|shoes?\b|bags?\b|target\b|goals?\b|limits?\b|deadline\b|stride\b|numbers\b|quota\b|button\b|snooze\b|habit\b)\w+|\w+ on the)\b|"
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
        r"\b(?P<cue>poison(?!ous)\w*|(?:put|leave|lay|putting|leaving) (?:something|poison|stuff|traps?) (?:down|out)\b[^.!?]{0,60}?make sure (?:it|he|she|they|you|u|the \w+|your \w+) (?:doesn'?t|never|won'?t|can'?t|isn'?t))",
        "hints at harming someone or their animal",
        score=0.9,
        guard=_earnest,
    ),
    rule(
        "safety.weapon",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:a|my|his|her|the) (?:gun(?! dog)|knife|blade|weapon)|shoot (?:you|him|her|them|everyone|up))\b",
        "mentions a weapon",
        score=0.7,
        guard=_earnest,
    ),
)

# -- Added with the safety set (data/safety), written while reading its train and dev parts only.
# New names, so the trained judge's rule features (which name the rules above) are unchanged.
_PERSON = (
    r"(?:you|u|ya|him|her|them|that (?:man|woman|guy|lad|bloke|girl|prick|bastard|bitch|cow|idiot|teacher|creep)|"
    r"the (?:man|woman|guy|lad|bloke|girl|creep) (?:who|that|from)|his (?:\w+ )?(?:face|head)|her (?:\w+ )?(?:face|head))"
)
_VIOLENT_VERB = (
    r"(?:kill|murder|strangle|choke|stab|shoot|punch|hit|slap|beat|smash|hurt|bash|batter|smack|slash|cut|end|"
    r"deck|thump|whack|glass|knife|cave|bury|drown|maim|cripple)"
)

EXTRA_RULES: tuple[Rule, ...] = (
    rule(
        "safety.suicide_spelling",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>(?:sucid|suicd|sucide|suiside|suicdal|suicidial)\w*|kil+ my ?self|kil+ ?ur ?self|kill yourself|"
        r"top(?:ping)? my ?self|off(?:ing)? my ?self|unaliv\w+|sewer ?slide\w*|do(?:ing)? (?:myself|meself) in\b|"
        r"(?:want|wanna|wanted) to be dead)",
        "mentions suicide or wanting to die",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.self_harm_more",
        "self_harm",
        _SAFETY,
        r"\b(?P<cue>(?:want(?:ing)?|urges?|need(?:ing)?) to (?:cut|burn|hurt)\b(?! \d)(?! (?:it|the|my hair|back|down|ties|costs|corners|out|anything|something|that|this|some|a|an|from)\b)|"
        r"(?:burn|burning|burnt|scratch|scratching|scratched|cut|cutting|hurting|bit(?:e|ing)) my (?:arms?|legs?|wrists?|thighs?|skin|stomach)\b(?! on\b)|"
        r"till (?:they|it) bleeds?|sh scars|self[- ]?injur\w*|(?:blades?|razors?) (?:today|again|in my|under my|hidden)|"
        r"(?:pack(?:et)? of|new|hid(?:den)? the) (?:blades|razors)(?! for (?:the|my|a|your|ur) (?:stanley|craft|utility|box|carpet|knife|cutter|shaver|plane|saw|mower|scalpel|lino))|(?:the )?thing (?:i (?:used to )?do )?(?:to|with) my (?:arms?|skin|legs?|wrists?)|"
        # Texting shorthand for self-harm ("sh'd", "83 days clean from sh") and hurting oneself against a wall.
        r"sh'?d\b|(?:clean|free) (?:from|of) (?:sh|self[- ]?harm)\b|relapsed?\b[^.!?\n]{0,30}\bsh\b|\bsh (?:urges?|again|relapse|scars?)\b|"
        r"burned my ?self|(?:hit(?:ting)?|bang(?:ing|ed)?|smash(?:ing|ed)?|punch(?:ing|ed)?) my (?:head|fists?) (?:against|on|into|off) (?:the |a )?wall|"
        r"punch(?:ing|ed)? (?:the )?walls? (?:till|until))",
        "mentions self-harm",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.ideation_more",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>want (?:everything|it all|all of (?:it|this)|it) to (?:stop|end|be over)|want(?:ed)? (?:this|it) to be over|"
        r"(?:hope|hoping|pray|praying|wish|wishing) (?:that )?i (?:don'?t|dont|do not|never|won'?t|wont) wake|"
        r"never (?:have to )?open my eyes again|(?:go|went|going) to sleep and (?:not|never) (?:come|coming|wake|waking)|"
        r"sleep (?:forever|for a (?:really |very )?long time\W+like forever)|fall asleep and (?:that was it|never wake|not wake)|"
        r"disappear (?:and not|for good|forever|from everything)|(?:if|when) i (?:vanished|disappeared|was gone|were gone)|"
        r"fade (?:out )?(?:of|from) existence|stop(?:ped)? existing|not (?:to )?exist(?:ing)?\b|cease to exist|"
        r"done with (?:life|living|being here|being alive|breathing|existing)|(?:done|finished|tired) fighting to stay alive|"
        r"giv(?:e|ing) up on (?:life|living)|tap out\W+of life|(?:life|living) (?:isn'?t|isnt|is not) for me|"
        r"want out of (?:my (?:own )?life|life|this life|being alive)|i want out\W+(?:of (?:life|it all|everything))|"
        r"if i(?:'?d| had)? never been born|(?:easier|better|lighter|happier)[^.!?\n]{0,40}if i (?:weren'?t|wasn'?t|wasnt|was not|were not) in it|"
        r"(?:would|'d|will) (?:all )?be (?:better|easier|lighter|happier)(?: off)? (?:with just (?:you|u)|if i (?:vanished|disappeared|left for good|was gone|were gone|wasn'?t (?:dragging|around)))|"
        r"(?:have|had) [^.!?\n]{0,60}without me\b|(?:carry on|go on|manage)[^.!?\n]{0,30}without me|"
        r"(?:i'?m|im|i am) (?:just |such )?(?:a )?(?:burden|drain on|dead weight)|dead weight|stop taking up (?:room|space)|"
        r"take myself off (?:your|ur) hands|out of (?:everyone'?s|everyones|your|ur) (?:hair|way|lives) (?:soon|for good|forever)|"
        r"(?:doing|do) (?:you|u|everyone|them) a favou?r by (?:going|leaving|disappearing|not being)|"
        r"(?:can'?t|cant|don'?t|dont) (?:see|picture|imagine) (?:myself|me) (?:still )?(?:being )?(?:alive|around|here)|"
        r"can'?t see (?:any|a) future (?:with me in it|for me)|can'?t picture being alive|"
        r"(?:not sure|don'?t think) i(?: want to| wanna| will|'?ll) (?:see|make it to) (?:the new year|christmas|my birthday|next year|summer|another)|"
        r"(?:this|it'?s) (?:is )?(?:my|the) last year|"
        r"no reason (?:for me )?to (?:go on|carry on|keep going|stay|be here)|nothing left to (?:stay|live) for|"
        r"(?:don'?t|dont|do not) (?:wanna|want to) (?:live|be alive|exist|carry on|go on|keep going|survive)\b(?! (?:with|in|like that|there|here with))|"
        r"(?:don'?t|dont) want to (?:survive|keep at it)|(?:lost|losing) (?:any|the|all|every) (?:wish|will|reason) to (?:live|go on|carry on)|"
        r"why i'?m (?:still )?(?:here|bothering to live|continuing|alive|breathing)|what i'?m still here for|"
        r"(?:rather|prefer to) be (?:gone|dead)|wants? me gone|(?:close to|about to) giv(?:e|ing) up on (?:life|everything)|"
        r"my life (?:would|could|to) (?:just )?end|give my life back|not (?:being|be) (?:in the world|alive) ?(?:any ?more)?|"
        r"(?:just )?not (?:be|being) here any ?more|(?:relieved|relief) if i (?:never|didn'?t|got hit|died|don'?t)|"
        r"if i got hit by a (?:bus|car|train)|(?:counting|count) (?:the )?days (?:till|until) i (?:don'?t|dont|won'?t) have to|"
        r"won'?t be here for it|(?:didn'?t|did not|don'?t) want to survive|(?:breathing|alive) out of habit|"
        r"put here by mistake|the idea of (?:just )?not (?:existing|being here|waking)|end everything|"
        r"(?:want|wanted|wants) it to end,? and by it i mean me|make it official|"
        r"(?:driving|drive|drove|crash(?:ing)?) (?:my car |the car )?(?:into|off) (?:a|the) (?:wall|tree|bridge|cliff|river|lorry|truck)|"
        r"step(?:ping)? (?:out )?in front of (?:a|the) (?:bus|train|car|lorry|truck))",
        "hints at not wanting to be alive",
        score=0.95,
        guard=_earnest,
    ),
    rule(
        "safety.means",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>bought (?:a |some )?(?:rope|blades|razors|a gun)|(?:swallowed|took|taken|taking) (?:all |every one of )?(?:the |my |all my )?(?:pills|tablets)(?:,? all of them)|"
        r"swallowed (?:the|all the|my) (?:pills|tablets|meds)|(?:took|taken|swallowed) everything (?:in|from) the (?:medicine|bathroom) (?:cabinet|drawer|cupboard)|"
        r"(?:tablets|pills|meds) lined up|(?:keeping|kept|saving|saved|hoarding|hoarded|stockpiling) (?:up )?(?:the |my |all the |all my )?(?:sleeping |old |\w+'s )?(?:medication|meds|pills|tablets)|"
        r"(?:took|taken) the last of \w+(?:'s)? (?:old )?(?:prescription|pills|tablets|meds)|(?:different|several) chemists so nobody|"
        r"(?:rope|belt) in the (?:garage|wardrobe|shed|loft)|(?:a|the) note (?:for \w+ )?(?:is )?(?:on|in|under) (?:my|the) (?:pillow|table|bed|desk)|"
        r"(?:left|written|wrote) (?:you |u |each of you |everyone )?(?:a )?(?:letters?|notes?) (?:for|in|on|to)\b)",
        "names a means or a preparation for suicide",
        score=0.95,
        guard=_earnest,
    ),
    rule(
        "safety.violence_more",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:"
        + _I_WILL
        + r"|going to|will)\s+(?:\w+\s+){0,3}?(?:"
        + _VIOLENT_VERB
        + r"\s+"
        + _PERSON
        + r"|run (?:you|u|him|her|them) over)|"
        r"waiting\b[^.!?\n]{0,30}with (?:a|the) (?:crowbar|hammer|bat|knife|machete)|with (?:his|her|your|ur) name on it|"
        r"(?:think|thinks) (?:ur|you'?re|youre|you are|she'?s|he'?s) safe|"
        r"(?:you'?ll|u'?ll|youll|ull) (?:find out|see) what happens|"
        r"(?:take|taking) (?:the|a) (?:kitchen )?(?:knife|hammer|bat|crowbar) to (?:him|her|them|you|u)|"
        r"(?:with|got) (?:a|the) (?:hammer|crowbar|bat|knife|blade)\b[^.!?\n]{0,40}(?:smash|head|waiting|coming|for (?:him|her|you|u))|"
        r"smash (?:a|the) \w+ over (?:his|her|your|ur|their) head|(?:chuck|throw|pour) (?:boiling|hot) (?:water|oil)|"
        r"smash (?:that|the|his|her|your|ur) (?:\w+'?s? )?head in|cave (?:his|her|your|ur|their) head in|"
        r"beat the (?:shit|crap|hell|living daylights) out of|take it out of (?:ur|your|his|her) (?:face|hide|skin)|"
        r"put (?:him|her|you|u|them) in (?:a |the )?(?:wheelchair|hospital|ground|box|grave|ambulance)|"
        r"make (?:you|u|him|her|them) bleed|with my bare hands|(?:burn|set fire to) (?:his|her|their|your|ur) (?:house|flat|car|place)(?: down)?|"
        r"burn (?:his|her|their|your|ur) (?:house|flat) down|"
        r"(?:won'?t|wont) walk out of (?:it|there|here)|(?:you|u|he|she) (?:won'?t|wont) wake up (?:the next day|tomorrow)|"
        r"make sure (?:he|she|they|you|u) never \w+ (?:anyone|anything|again)|walking corpse|dead (?:man|woman) walking|"
        r"sleep with one eye open|watch (?:ur|your|his|her) back|(?:you|u) won'?t see it coming|"
        r"see what happens (?:when|if) i|(?:and|then|carry on and) see what (?:happens|i do)|(?:start )?locking (?:your|ur) doors|"
        r"deal with (?:this|him|her|it) my own way|sort (?:him|her|them) out myself|(?:end|ends|ending) up in a (?:box|body bag|ditch)|"
        r"(?:fishing|fish) (?:you|u|him|her|them) out of|gone into (?:that|the) (?:canal|river) for|accidents happen|"
        r"would be (?:awful|a shame|a pity) if (?:it|he|she|they|something) (?:didn'?t|did not|never)|"
        r"(?:won'?t|wont) be (?:singing|walking|breathing|around) (?:much|for much) longer|while (?:he|she|you|u|they) still can|"
        r"(?:it'?s|its|this is) (?:gonna|going to) be (?:ur|your|his|her) last|nothing left to lose|"
        r"i know (?:where|what time) (?:you|u|he|she|they|your \w+|ur \w+) (?:live|lives|park|parks|work|works|sleep|sleeps|finish|finishes|walk|walks|leave|leaves)|"
        r"where i got (?:your|ur) address|(?:been )?watching (?:the|your|ur|her|his) (?:house|flat|place)|outside (?:her|his|your|ur) house|"
        r"(?:you'?re|ur|you are) not safe|(?:getting|get|gets) what'?s coming to|made (?:a|an) (?:real )?enemy|"
        r"(?:she|he|you|u) should be (?:nervous|scared|afraid)|careful walking home|nobody else (?:\w+ )?gets to have (?:her|him)|"
        r"(?:won'?t|wont) be so pretty|after i'?m done with (?:him|her|you|u|them)|(?:ur|your) \w+ likes chocolate|"
        r"(?:brakes|tyres) are working|(?:slash|slashing) (?:ur|your|his|her) (?:tyres|throat)|shut (?:you|u) up (?:for good|myself)|"
        r"come (?:over )?(?:there|round) and shut (?:you|u) up|put (?:him|her|you|u|them) in the ground)",
        "threatens violence",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.finality",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>won'?t be (?:around|alive) to \w+|(?:need|needing) (?:them|it|any of it) where (?:i'?m|im) going|"
        r"(?:won'?t|wont) matter after (?:today|tonight)|none of this will be my problem|"
        r"(?:after|by) (?:tonight|today|monday|tomorrow)[^.!?\n]{0,40}(?:won'?t|wont) have to (?:put up with|deal with|worry about|see) me|"
        r"(?:won'?t|wont) be (?:coming|going) back (?:for|down|up)|not (?:coming|going) back (?:down|up) (?:the|that)|"
        r"(?:won'?t|wont) have to (?:worry about|deal with|put up with|see) me (?:after|from) (?:tonight|today|tomorrow|this)|"
        r"last (?:message|text|thing) (?:you'?ll|u'?ll|youll|ull) (?:ever )?(?:get|hear) from me)",
        "reads like a goodbye",
        score=0.9,
        guard=_earnest,
    ),
    rule(
        "safety.violence_reported",
        "violence",
        _SAFETY,
        r"\b(?P<cue>pushed (?:\w+ ){0,2}down the stairs|(?:his|her|their) hands? (?:round|around) my (?:throat|neck)|"
        r"kicked (?:the|my|our) (?:dog|cat|puppy)|slammed my (?:hand|head|fingers|arm)|"
        r"(?:smashed|broke) (?:a|the) (?:bottle|glass|chair|plate) (?:over|on) (?:my|his|her) head|"
        r"dragged (?:him|her|me|them|my \w+) (?:across|along|by the|down)|(?:two |three )?(?:fingers|ribs) (?:are |were )?broken|"
        r"(?:broke|broken) my (?:nose|arm|ribs|jaw|wrist)|threw (?:a|the) \w+ at (?:me|my|her|him))",
        "mentions violence against someone",
        score=1.0,
        guard=_earnest,
    ),
)

# -- The fourth round (written while reading the safety set's train part and the h6-h8 writers;
# chosen on h9-h11 and the first dev part by counts). Phrasings of the same families: a goodbye that
# asks no one to look, euphemisms for self-harm, doubt about being alive for a date. They carry the
# names of the rules of their family above, so the judge's rule features (which name rules) are the
# ones it was trained with.
ROUND4_RULES: tuple[Rule, ...] = (
    rule(
        "safety.finality",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>(?:don'?t|dont|do not|please don'?t) (?:go |come |bother )?look(?:ing)? for me|"
        r"(?:sorry|apologi[sz]e) (?:for|about) what (?:you'?ll|u'?ll|youll|ull|you will|she'?ll|he'?ll|they'?ll) (?:hear|find|see|have to)|"
        r"none of (?:what happens|this|it)(?: next| tonight| tomorrow)? is (?:on|because of) (?:you|u|them|him|her)|"
        r"(?:don'?t|dont|do not) expect to see (?:anyone|any of you|you|u) again|"
        r"funeral (?:plan|arrangements?) (?:is |are )?(?:paid|sorted|done|in place)|"
        r"sooner than (?:you'?d|you would|you|u|anyone|they'?d) (?:expect|think)|"
        r"(?:at|on|from) (?:the )?(?:footbridge|overpass|flyover|motorway bridge)\b)",
        "reads like a goodbye",
        score=0.9,
        guard=_earnest,
    ),
    rule(
        "safety.self_harm_more",
        "self_harm",
        _SAFETY,
        r"\b(?P<cue>(?:stuff|thing|things|what) i (?:used to )?(?:do|did) to my ?self|"
        r"(?:back to|went back to|relapsed (?:on|into|with)) (?:the |my )?old coping (?:method|mechanism|strateg\w+|thing)|"
        r"sleeves in (?:june|july|august|summer|this heat))",
        "mentions self-harm",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.ideation_more",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>(?:just |basically |only )trying to (?:stay|keep (?:myself )?) ?alive|"
        r"wish(?:ing)? (?:that )?i (?:wouldn'?t|won'?t|didn'?t) (?:be here|wake up)|"
        r"(?:not sure|don'?t know if|doubt) i(?: even)?(?: want to| wanna) (?:live|be (?:here|around|alive))\b|"
        r"(?:not sure|don'?t know if|doubt) i'?ll (?:even |still )?be (?:here|around|alive) (?:for|by|at|on|to)\b|"
        r"counting down (?:to|till|until) not having to|"
        r"(?:tick|get|go|carry|move) (?:along|by|on)\b[^.!?\n]{0,20}without me)",
        "hints at not wanting to be alive",
        score=0.95,
        guard=_earnest,
    ),
)

# -- The fifth round (written while reading the safety set's train part and the dev part's misses;
# kept only where dev lost nothing: no recall group fell, and neither the hard negatives' false
# alarms nor the corpus drafts flagged rose). Families, not drafts: an injury named as what the
# reader "will need", a sleep not woken from, people sent round, a place of danger waited at, a
# preparation told in plain words ("it isn't for shaving"), a note that explains, a warning not to
# go in alone. They carry the names of the rules of their family above (the judge's rule features
# name rules).
ROUND5_RULES: tuple[Rule, ...] = (
    rule(
        "safety.violence_more",
        "violence",
        _SAFETY,
        # an injury as the consequence: needing a dentist, eating through a straw, leaving in an ambulance
        r"\b(?P<cue>(?:eat(?:ing)?|drink(?:ing)?|liv(?:e|ing)) (?:\w+ )?(?:through|thru) a straw|"
        r"(?:you'?ll|u'?ll|ull|youll|he'?ll|she'?ll|they'?ll) be needing (?:a |an )?(?:new )?(?:dentist|surgeon|new teeth|wheelchair|crutches|stitches)\b|"
        r"need more than (?:a|an) \w+ to fix (?:your|ur|his|her|their) (?:face|teeth|jaw|nose)\b|rearrange (?:your|ur|his|her|their) face|"
        r"(?:leave|leaving|go(?:ing)? home|carried out|wheeled out) in (?:an ambulance|a body ?bag|a neck brace)|"
        r"(?:people|anyone|anybody|whoever|those|the last (?:\w+ )?(?:bloke|guy|lad|man|person|one)s?) (?:who|that)\b[^.!?\n]{0,40}?"
        r"\b(?:end(?:s)? up|wind(?:s)? up) (?:in (?:hospital|a&e|intensive care|a wheelchair|the ground|a box|a ditch|the canal|the river)|hurt)|"
        r"what happened to the last (?:\w+ )?(?:bloke|guy|lad|man|woman|person|one|idiot|fella) (?:who|that)|"
        # sleep or a meal not woken from; a conversation not walked away from
        r"(?:won'?t|wont|will never|never) wake up from|"
        r"(?:conversation|chat|talk|meeting)\b[^.!?\n]{0,20}(?:you|u|he|she|they) (?:won'?t|wont|will not) walk away from|"
        r"not responsible for what i (?:do|might do|'?ll do|end up doing)|"
        # people sent round or mates who would do it
        r"not sending (?:a |any )?(?:message|messages|texts?|emails?|letters?)(?: any ?more)?\W+(?:i'?m |im )?sending (?:people|someone|my|the)|"
        r"(?:they|he|she|who) (?:don'?t|dont|doesn'?t|do not) do (?:talking|talk|chatting)|"
        r"who(?:'?d| would| will| can) (?:happily )?do (?:you|u|him|her|them) (?:over|in)\b|"
        # a fight set up: after school / behind the block, and no help coming
        r"bring (?:who|whoever|whoever the hell) (?:he|she|you|u|they) (?:wants?|likes)\W+(?:it )?(?:won'?t|wont) (?:help|save)|"
        r"beat(?:ing)? (?:his|her|your|ur|their) (?:ass|arse)\b(?! (?:at|in)\b)|"
        r"come (?:over )?(?:there|round|over) and shut (?:it|(?:your|ur) (?:mouth|gob)) (?:for (?:you|u)|up|myself)|"
        r"sleep(?:ing)? with (?:ur|your|the) doors? locked|"
        # "be a shame if ..." with harm to a person or their home as the thing that might happen
        r"(?:be|'?d be|would be) a (?:real )?(?:shame|pity) if (?:something|anything|someone|somebody|it|he|she|they|you|u|the brakes)\b[^.!?\n]{0,40}?"
        r"\b(?:happened to|went up|caught fire|gave out|failed|took a (?:bad )?fall|got hurt|grew up without|left the gate open|found out what happens))",
        "threatens violence",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.violence_reported",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:hit|punched|slapped|kicked|shoved|beat|hurt|strangled|choked) (?:mum|mom|mam|mummy|dad|nan|gran|grandma|grandad|"
        r"my (?:mum|mom|mam|dad|sister|brother|nan))\b(?! (?:up|at|in|to|for|with)\b)|"
        r"beat up (?:my|his|her|their|our) (?:little |big |baby )?(?:brother|sister|son|daughter|mate|friend|dad|mum|cousin|boyfriend|girlfriend|"
        r"husband|wife|partner|kid)|stabbed (?:him|her|me|them|my \w+) in the|"
        r"(?:was|got|been|were|get) (?:mugged\b(?! off)|glassed|beaten up)\b)",
        "mentions violence against someone",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.means",
        "suicide",
        _SAFETY,
        # a preparation told plainly: kit that "isn't for" its use, hoarded prescriptions, something sharp hidden
        r"\b(?P<cue>(?:it|its|it'?s|they|they'?re|theyre|and)(?: is| are)? (?:isn'?t|aren'?t|not) for (?:shaving|accidents)\b|"
        r"(?:collect(?:ing|ed)?|picking up|saving) (?:my |the )?(?:prescription|meds|medication|pills|tablets)\b[^.!?\n]{0,30}not taking (?:it|them)|"
        r"(?:hid(?:den)?|hiding|got|keep(?:ing)?) (?:something|anything) sharp|more (?:dressings|bandages|plasters) than|"
        r"(?:bandages|dressings|plasters|antiseptic)\b[^.!?\n]{0,40}not hurt yet|first aid (?:kit|box)\b[^!?\n]{0,40}(?:(?:you|u) know why|isn'?t for|not for)|"
        r"(?:took|taken|swallowed) everything (?:that was )?in the (?:bathroom|medicine) (?:cabinet|drawer|cupboard)|"
        r"(?:a|the) (?:note|letters?)(?:'?s| is| are)? (?:on|in|under) (?:the |my )?(?:fridge|pillow|bed|room|desk|table|drawer|tin)\b[^.!?\n]{0,30}(?:explains? (?:everything|why)|until after|together)|"
        r"(?:note|letter)s? (?:\w+ ){0,5}(?:that|which) explains? (?:everything|why)|"
        r"(?:a )?letter for each of (?:you|u)|written to each of (?:you|u)|"
        r"(?:i have|i'?ve got|ive got) a plan(?: now)?,? and a (?:date|time))",
        "names a means or a preparation for suicide",
        score=0.95,
        guard=_earnest,
    ),
    rule(
        "safety.finality",
        "suicide",
        _SAFETY,
        # a place to go into, never "don't go it alone"
        r"\b(?P<cue>(?:don'?t|dont|do not) (?:go|come)(?: in(?:to)?| round| home| over| up)?(?: the| my)? ?(?:garage|bathroom|bedroom|shed|loft|room|flat|house|round|home|in)\b[^.!?\n]{0,25}"
        r"\b(?:alone|on (?:ur|your) own|by (?:yourself|urself)|without (?:someone|somebody|another))|"
        r"(?:don'?t|dont|do not) (?:go into|open|go in) (?:the |my )?(?:garage|bathroom|bedroom|shed|loft)(?: door)?\b[^!?\n]{0,30}(?:tonight|call someone|without someone)|"
        r"(?:sorry|and) (?:that )?this is how it ends|"
        r"if (?:you|u) (?:see|read|get) this\b[^.!?\n]{0,40}(?:too late|it'?s over)|"
        r"if (?:you|u) get a call from the (?:police|hospital)\b[^.!?\n]{0,40}(?:sorry|love)|"
        r"nothing left (?:to sort|to do|for anyone to (?:fix|sort|do))\b[^.!?\n]{0,40}(?:goodbye|bye|fix)|"
        r"(?:sorry|apologi[sz]e) (?:for|about) what (?:comes|happens) next)",
        "reads like a goodbye",
        score=0.9,
        guard=_earnest,
    ),
    rule(
        "safety.ideation_more",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>(?:anyone|anybody|people|they|you|u)(?: would|'?d) (?:even )?(?:notice|care|miss me) if i (?:wasn'?t|weren'?t|was not|wasnt|were gone|was gone|disappeared)|"
        r"(?:don'?t|dont|can'?t|cant) see (?:much|any) (?:point|reason) (?:in|to) (?:any of it|anything|living|it all|going on|waking up|keep(?:ing)? going)|"
        r"(?:point|bother(?:ing)?) (?:in |of |to )?(?:stay(?:ing)?|keep(?:ing)? (?:myself )?) ?alive|"
        r"better (?:for everyone )?(?:if|when) i (?:am|was|were|'?m) not (?:here|around) (?:at all|any ?more)|"
        r"rather (?:just )?not (?:exist|be alive|be (?:around|here) at all)\b|"
        r"(?:don'?t|dont) think (?:i'?m|im) meant to (?:make it|live|grow old|get old)|(?:i'?m|im) (?:not|never) meant to (?:live|grow old|get old|make it to \d\d)|"
        r"(?:fall asleep|go to sleep|sleep) and (?:just )?stay asleep|sleep for good|"
        r"(?:don'?t|dont) (?:think|reckon) (?:i'?ll|ill|i will) (?:still be|be alive|still be alive) (?:here|around)?\s?(?:by|for|at|to|next)\b)",
        "hints at not wanting to be alive",
        score=0.95,
        guard=_earnest,
    ),
    rule(
        "safety.self_harm_more",
        "self_harm",
        _SAFETY,
        r"\b(?P<cue>relapsed (?:on|with|into) (?:the )?self (?:stuff|thing|harm)|scars (?:aren'?t|are not|arent) (?:all )?old|new scars)",
        "mentions self-harm",
        score=1.0,
        guard=_earnest,
    ),
)


# -- The sixth round (written while reading the dev part's misses, the ninth held-out part's writers
# h18-h19 among them, after that part was read; kept only where dev lost nothing). Families: a beating
# promised in slang, a report of choking or hitting that keeps happening, teeth or a canal as the
# consequence, being asleep or on the stairs one day, a car's brakes, "it won't be me you deal with",
# an order of the court that "won't stop" the writer; tired of being alive, no future with the writer
# in it, the writer's own funeral pictured, not being around to see an event, a family better off with
# no parent, hurting one's skin again, someone needed to talk the writer down, trains let go past,
# money left for the funeral.
ROUND6_RULES: tuple[Rule, ...] = (
    rule(
        "safety.violence_more",
        "violence",
        _SAFETY,
        r"\b(?P<cue>beat(?:ing)? (?:the )?(?:absolute |living )?(?:shit|crap|hell|life|daylights) out of (?:you|u|him|her|them|ya)\b|"
        r"beat(?:ing)? (?:his|her|your|ur|their) (?:ass|arse) (?:in|at) (?:the |a )?(?:car ?park|parking lot|street|pub|gym|school|work|front of)|"
        r"how many teeth (?:you'?ve|you have|youve|u have|uve|u'?ve|he'?s|she'?s|they'?ve|you|u) (?:got|have)? ?left|"
        r"(?:drag|dragging|dredg\w*) the (?:canal|river|lake|harbour|docks?) for (?:you|u|him|her|them)|"
        r"be needing\b[^.!?\n]{0,30}\b(?:a|an) (?:dentist|surgeon|wheelchair|ambulance|new face)\b|"
        r"(?:you|u|he|she|they) (?:have|has|got) to sleep (?:sometime|some ?time|at some point|eventually)|"
        r"hope (?:ur|your|his|her|their) (?:new )?(?:car|bike|van|motor)(?:'?s| has) (?:got )?good brakes|"
        r"(?:might|could|may|will) (?:\w+ )?(?:fall|trip|slip|tumble) down (?:the|those|them|that) (?:\w+ )?(?:stairs|steps)\b[^.!?\n]{0,30}\bone day|"
        r"(?:it'?s|its|it is|it won'?t be|it wont be) not me (?:you|u|ur|you'?re|you'?ll be|u'?ll be) (?:dealing|gonna be dealing|going to be dealing) with|"
        r"(?:it won'?t|it wont|it will not) be me (?:you|u)(?:'?ll| will)? (?:be )?deal(?:ing)? with|"
        r"(?:paper|a bit of paper|an? (?:restraining|court) order|injunction)\b[^.!?\n]{0,30}\b(?:doesn'?t|dont|don'?t|won'?t|wont|isn'?t gonna|is not going to) stop (?:me|people|anyone|anything|nobody)|"
        r"(?:with|and) (?:the|a|my) (?:bat|crowbar|hammer|machete|knife) on the (?:passenger|back) seat)",
        "threatens violence",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.violence_reported",
        "violence",
        _SAFETY,
        r"\b(?P<cue>(?:has been|have been|has|keeps|kept|started|been|is|was) (?:choking|strangling|hitting|punching|kicking|beating|slapping|throttling) "
        r"(?:her|him|me|them|my \w+)\b(?! (?:up|out|off)\b)(?! with (?:his|her|its|their|a|the) (?:tail|paw|ball|pillow|cushion|toy)))",
        "mentions violence against someone",
        score=1.0,
        guard=_earnest,
    ),
    rule(
        "safety.ideation_more",
        "suicide",
        _SAFETY,
        r"\b(?P<cue>(?:exhausted|tired|sick|worn out) (?:from|of) being alive|"
        r"(?:can'?t|cant|cannot|don'?t|dont) see (?:any|a|the) (?:version of (?:the |my )?)?future with me in it|"
        r"(?:picturing|imagin\w+|think\w* about) (?:everyone|people|you all|u all|my family) at my funeral|"
        r"(?:don'?t|dont|do not) (?:think|reckon) (?:i'?ll|ill|i will) be (?:around|here) to see|"
        r"(?:would|'?d) be better off with (?:no|a dead) (?:dad|mum|mom|mother|father|parent|wife|husband|brother|sister)|"
        r"no point (?:to|in) my (?:being here|existing|existence|life)|"
        r"(?:need|needed|want) (?:someone|somebody|you|u) to talk me down|talk me down (?:from|off)|"
        r"let (?:\w+ )?(?:trains|buses) go (?:past|by)|"
        r"(?:left|put aside|set aside|saved) (?:a bit |some money |some |enough |money )?(?:for|towards) (?:the|my) funeral)",
        "hints at not wanting to be alive",
        score=0.95,
        guard=_earnest,
    ),
    rule(
        "safety.self_harm_more",
        "self_harm",
        _SAFETY,
        r"\b(?P<cue>taking it out on my (?:skin|arms?|legs?|body)|"
        r"(?:stuff|things|blades|razors) i used to use on my (?:arms?|legs?|skin|wrists?)|"
        r"my (?:arms?|legs?|wrists?|skin) (?:looks?|is looking) like (?:it|they) did (?:in|back in|when))",
        "mentions self-harm",
        score=1.0,
        guard=_earnest,
    ),
)

# Threats of violence, the only cues a joke can take back (see _earnest and _without_joking_threats).
_PLAYABLE = frozenset({"safety.violence_threat", "safety.violence_more", "safety.weapon"})
_PLAYABLE_PATTERNS = frozenset(
    r.regex.pattern for r in (*RULES, *EXTRA_RULES, *ROUND4_RULES, *ROUND5_RULES, *ROUND6_RULES) if r.name in _PLAYABLE
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


# A goodbye can be a warning sign with nothing named: two or more of these in one draft,
# at least one of them strong, reads like a farewell.
_FAREWELL_STRONG = re.compile(
    r"(?i)\b(?:look after (?:\w+ ){0,2}for me|take care of (?:\w+ ){0,2}for me|remember me|i'?m sorry for everything|"
    r"(?:you|u) were (?:one of )?the (?:good ones|best)|(?:won'?t|wont) be needing|this is goodbye(?! for now)|"
    r"(?:her|his|the) (?:food|meds|lead|bowl|papers|keys?) (?:is|are) (?:in|on|under)|i'?ve (?:left|put) (?:the |my )?(?:papers|will|letters?|keys?)|"
    r"everything is (?:in|on) the)\b"
)
_FAREWELL_SOFT = re.compile(
    r"(?i)\b(?:thanks? (?:you )?for everything|(?:you'?ve|you have|u have|uve) been the best|love (?:you|u)(?: always| so much| x)?|"
    r"goodbye|take care of yourself|don'?t be sad|it'?s not your fault|not ur fault|i'?m at peace|i'?m ready)\b"
)


# Veiled goodbyes (added with the safety set; read on its train and dev parts only). A place, a
# final word or belongings handed on is "strong"; a goodbye, a "not your fault" or a love-you is
# "soft". Two strong signals, or one strong and one soft, anywhere in the draft, read as a farewell.
_VEILED_STRONG = re.compile(
    r"(?i)\b(?:(?:at|on|to|up to|out to|top of|edge of|up on|from|near|of) (?:the )?(?:bridge|roof|rooftop|cliffs?|cliff edge|quarry|"
    r"viaduct|gorge|railway|train line|tracks|multistorey|top floor|beachy head|pier)\b|goodbye (?:really|for real|for good)|"
    r"(?:gets?|have|has|give) my (?:diary|ring|chain|watch|bike|records|books|clothes|savings|things|stuff)|so nobody reads (?:it|them)|"
    r"giv(?:en|ing) (?:my )?(?:gold )?(?:chain|ring|watch|necklace) to|"
    r"(?:won'?t|wont|not) (?:be )?(?:coming|come) (?:back|home|back down)|"
    r"(?:last|final) (?:time|thing|message|text)\b[^.!?\n]{0,30}(?:ever|again|after this)|this is the last (?:time|thing)|"
    r"(?:by the time|when) (?:you|u) (?:read|see|get) this|(?:won'?t|wont) (?:ever )?hear from me (?:again|after)|"
    r"(?:won'?t|wont|not gonna|not going to) (?:be )?need(?:ing)? (?:them|it|these|those|any of it|the money)|"
    r"(?:won'?t|wont) matter after (?:today|tonight)|(?:after|by) (?:tonight|today|monday|tomorrow|this weekend)[^.!?\n]{0,50}"
    r"(?:won'?t|none of this|not have to|my problem|at all)|won'?t be (?:around|here|there) to|(?:won'?t|wont) be able to do it after|"
    r"(?:won'?t|wont) be there (?:to help|for)|(?:won'?t|wont) make it to|not much of me|had to end like this|"
    r"i'?ll be gone\b|"
    r"(?:itll|it'?ll|it will) be (?:done|over)\b|(?:u|you) will understand tomorrow|if anything happens to me|"
    r"(?:ull|you'?ll|u'?ll) need (?:them|it) soon|(?:its|it'?s|they'?re|theyre) (?:urs|yours)(?: now)?\b|in (?:your|ur) name|"
    r"giv(?:en|ing) (?:my )?(?:\w+ )?away|boxed up|labelled the boxes|(?:transferred|left) (?:all )?my (?:savings|share|password)|"
    r"passwords? (?:for|to) my|affairs (?:are )?in order|will(?:'?s| is) signed|things in a box for (?:you|u)|"
    r"keys? (?:are )?on the hook|door on the latch|(?:don'?t|dont) try to find me|i'?m ready now|one last time)"
)
_VEILED_SOFT = re.compile(
    r"(?i)\b(?:sorry for everything|none of (?:this|it) is (?:ur|your) fault|not (?:ur|your) fault|(?:don'?t|dont) (?:hate|be angry with) me|"
    r"love (?:u|you)(?: always| so much)?|tell (?:mum|mom|dad|her|him|everyone|them) i (?:love|said)|goodbye|good ?bye|"
    r"hear (?:ur|your) voice|thank (?:u|you) for (?:everything|the years|being)|(?:you|u) were the (?:best|light|reason|good|kindest|most|nicest|first|bright)\b|(?:you|u) were the (?:only|one)(?! (?:person|one|people)? ?(?:i|that i|who i|who) (?:told|trusted|asked|showed|gave|mentioned|left|forgot))|look after (?:\w+ ){1,2}(?:for me|ok)|"
    r"take care of (?:\w+ ){1,2}for me|be gentle with (?:him|her|them)|wanted (?:you|u) to (?:know|hear)|just so (?:u|you) know|"
    r"someone (?:should|to) know|you matter|sorry kiddo|please don'?t be angry|i'?m ready|make sure (?:the kids|my \w+|everyone) gets?|"
    r"take care of (?:mum|mummy|mom|dad|my \w+))\b"
)


# Affairs settled and things handed on (sixth round, read on the train part and dev misses, chosen on
# dev). Each alone is everyday (a gym cancelled to save money, books given away before a move, a will
# after a baby), so none counts by itself: a draft needs an affair settled or a thing handed on
# ("_AFFAIRS") together with a sign that makes it final ("_FINAL", or any strong veiled sign above), or
# with a farewell word ("_PARTING", or any soft sign above), and it must give no ordinary reason for
# the tidying ("_ORDINARY": a move, a trip, leave, a baby, money). A final sign with a farewell word,
# no reason given, reads the same. Findings carry the veiled family's rule name.
_AFFAIRS = re.compile(
    r"(?i)\b(?:"
    # services and bills stopped or settled
    r"(?:cancel+ed|stopped|ended) (?:all )?(?:the |my )?(?:gym|phone|mobile|contract|milk|papers?|tv licen[cs]e|direct debits?|"
    r"standing orders?|subscriptions?|netflix|spotify|broadband|membership|dentist|lessons|appointments?)|"
    r"direct debits? (?:are |all )?(?:cancel+ed|stopped)|paid off (?:the |my )?(?:credit card|card|loan|debts?|overdraft|car)|"
    r"(?:rent|mortgage|bills?)\b[^.!?\n]{0,30}(?:paid|covered|sorted) (?:until|till|up to|for (?:the )?next)|"
    r"(?:sorted|paid|covered|set up a standing order)[^.!?\n]{0,40}\b(?:rent|mortgage)|my (?:share|half) of (?:the )?(?:rent|deposit|bills)|"
    r"(?:transferred|paid back|returning|sent) (?:you |u )?(?:the |ur |your )?(?:money|£?\d+|cash)[^.!?\n]{0,20}(?:i owe|i owed)|"
    r"(?:be|are|we'?re) square|(?:set|put) aside (?:the |some )?(?:\w+ )?money|money (?:is |'?s )?in (?:an )?envelopes?|"
    # papers, passwords, where things are
    r"(?:deeds|pension|insurance|policy|vet(?:'?s)? records|bank (?:details|stuff)|documents)\b[^.!?\n]{0,40}"
    r"\b(?:is|are|'?s) (?:in|with|on|under) the\b|(?:updated|wrote|written|changed|signed) (?:my |the )?will\b|"
    r"(?:passwords?|passcodes?|logins?|phone code|pin) (?:for|to) (?:everything|my)|(?:passwords?|passcodes?|logins?)\b[^.!?\n]{0,20}"
    r"in (?:the|my) notes?\b|(?:payout|insurance|policy) (?:goes|will go|covers?|pays)|covered by the insurance|"
    r"(?:spare )?keys? (?:is |are |'?s )(?:in|under|with|on) the|(?:a |the )?letters? for (?:my|you|u) \w+ (?:on|in|under) the|"
    # cleared away
    r"(?:deleted?|cleared?|wiped?|closed?) (?:all )?(?:of )?(?:my |the )?(?:socials|accounts?|search history|history|the group|group|room|"
    r"phone|browser|profiles?|emails?)|(?:tidied|cleaned|cleared|emptied) (?:out )?(?:the |my )?(?:flat|room|house|desk|fridge|"
    r"wardrobe)|(?:flat|room|fridge|desk) (?:is )?(?:tidied|cleaned|cleared|emptied)|"
    r"(?:given|handed in) (?:my )?notice on (?:the |my )?(?:flat|room|house)|"
    # handed on
    r"(?:you|u) can (?:have|keep) my|(?:i'?ve |ive )?left (?:you|u) (?:my|the|all)|gave my \w+(?: \w+)? to|"
    r"(?:gave|given|left) (?:my |the )?\w+ (?:to|with) (?:my |the |mrs |mr )?\w+ (?:next door|downstairs|upstairs)|"
    r"(?:is|are) for (?:you|u|\w+) (?:to share|when (?:she|he)'?s older)|in a box (?:for|marked)|box marked|"
    r"(?:(?:you|u) get|(?:he|she) gets|make sure (?:\w+ ){1,3}gets?) my|everything i own|'?s (?:urs|yours) now|"
    r"(?:take|keep) my (?:guitar|bike|car|clothes|books|jewellery|jewelry|ring|watch|records|stuff|things|camera|laptop|"
    r"console|games|vinyl|plants|dog|cat)\b|"
    # a pet or a child handed on
    r"take (?:her|him|them) to yours|(?:agreed|going|offered) to take (?:her|him)\b|"
    r"(?:vet card|vet'?s (?:number|records))(?:'?s| is| are)? (?:in|on|under) the\b|"
    r"(?:feed|walk|mind) (?:\w+ )?(?:tomorrow|tmrw|from now on)|(?:keep|have) (?:her|him|them) at (?:urs|yours)"
    r")"
)
_FINAL = re.compile(
    r"(?i)\b(?:(?:after|when|once) (?:i'?m|im|i am) gone|(?:i'?ll|ill|i will) be gone before|"
    r"before i go\b(?!\s+(?:to|on|in|out|away|abroad|back|home|for|and|into|off|up|down|through|over|see|get|let))|"
    r"for good\b|every day after|(?:don'?t|dont|do not) bring (?:her|him|them|it) back|"
    r"(?:won'?t|wont|will not) (?:need|have) to (?:give|bring|hand) (?:it|them|the \w+) back|"
    r"(?:by then|after that|after this|by the time [^.!?\n]{0,30})[^.!?\n]{0,30}(?:won'?t|wont|will not|none of (?:this|it) will) matter|"
    r"none of (?:this|it) will matter|(?:it|that) (?:won'?t|wont) matter (?:by|after)|"
    r"whoever (?:comes in|finds|clears)|(?:so|then) (?:ur|you'?re|you are|u r|nobody'?s|no one'?s) (?:not )?(?:stuck|left with)|"
    r"(?:won'?t|wont) (?:have to|need to) (?:deal|sort|worry)|nothing (?:left )?(?:to undo|for anyone to)|little (?:there is |left )?to undo|"
    r"(?:this|my) (?:number|phone)(?:'?s| is| will be) (?:dead|off|gone)|no return ticket|"
    r"(?:or|ever) again after (?:that|this)|(?:won'?t|wont) be doing (?:christmas|birthdays|easter)|"
    r"(?:don'?t|dont|please don'?t) (?:come looking|ask why)|"
    r"(?:this is|that'?s|it'?s) (?:prob(?:ably)? |probs |likely |maybe )?(?:the |my )?last (?:time (?:i'?ll|ill|i) (?:text|message|talk|speak|write)|"
    r"text|message)|(?:last|final) thing on (?:the|my) list|(?:nobody|no one) (?:will need|needs) to|"
    r"(?:you'?ll|youll|u'?ll|ull) need (?:it|them)\s*(?:[.!\n]|$)|"
    r"(?:feels?|felt) (?:good|lighter|better|calm) (?:getting|having|to (?:have|get)) (?:everything|it all|things) (?:sorted|done|tied up)|"
    r"tying (?:things|everything) (?:off|up)|if (?:i'?m|im) not (?:in|at|back|there|around) (?:school|work|class|tomorrow|tmrw|on|by)|"
    r"if i (?:don'?t|dont) (?:reply|answer|text back|turn up|show up|make it)|"
    r"(?:the|train|railway) tracks\b|(?:railway|train) line\b)"
)
_PARTING = re.compile(
    r"(?i)\b(?:thanks? (?:u |you )?for being|(?:you|u) were (?:always )?(?:the|a|my) (?:better|best|good|wonderful|"
    # "u were the only person i told" is a confidence broken, not a goodbye
    r"only(?! (?:person|one|people) (?:i|that i|who i) (?:told|trusted|asked|showed|gave|mentioned)))|"
    r"(?:you'?ve|you have|u have|uve) been (?:a|the|my) (?:better|good|great|wonderful|best)|"
    r"(?:don'?t|dont|do not) blame (?:yourself|urself)|remember (?:i was|i am|i'?m|the good)|proud of (?:you|u) every|"
    r"tell (?:mum|mom|dad|mam|her|him|them|everyone|people) (?:i (?:tried|wasn'?t|was|did|'?m sorry)|gently)|"
    r"tell (?:\w+ ){1,2}i said (?:thanks|thank|bye|goodbye|sorry)|give (?:the kids|\w+) a (?:hug|kiss) (?:from|for) me|"
    r"sorry (?:u|you) have to be the one|sorry (?:for|about) (?:the trouble|all this)|sorry to put (?:all )?this on|"
    r"(?:say|saying) (?:bye|goodbye)(?: properly| to (?:u|you))|better this way|loves? (?:her|him|them|you|u) always|"
    r"(?:i'?m|im) at peace|made my arrangements|mind yourself|thank(?:s| you| u) for every\b|"
    r"over the years|(?:need|needs) (?:you|u) more than ever|(?:don'?t|dont) wait up)\b"
)
_ORDINARY = re.compile(
    r"(?i)\b(?:mov(?:e|es|ed|ing)\b(?! on)|abroad|emigrat|relocat|maternity|paternity|on leave|sabbatical|baby|babies|twins|pregnan|"
    r"c-section|born|due date|holiday|trip|travel|flight|flying|visa|while i'?m (?:in|at|away)|when i'?m back|back (?:on|next|in)\b|"
    r"new (?:job|role|flat|house|place|address|start)|landlord|lease|skint|cheaper|save money|saving|renovat|halls|"
    r"(?:to|starting|start) uni\b|retir|outgrown|secondment|posting|placement|meter readings?|"
    r"(?:i'?ll|will) miss (?:this|the) (?:place|flat|house|city|office)|log(?:ging)? off|last day|handover|handed in (?:my )?notice|downsiz|off grid|off to\b|trek|hik(?:e|ing)|camping|festival|"
    r"no (?:signal|reception|wifi)|lol|haha|🎉|!{2,})"
)


def _sentence_at(draft: DraftView, pos: int) -> int | None:
    for s in draft.sentences:
        if s.start <= pos < s.end:
            return s.index
    return None


@register("screen", order=10)
class SafetyDetector(RuleDetector):
    """Safety cues per sentence, across sentence breaks, and a farewell read over the whole draft.

    Family ``safety``; labels ``suicide``, ``self_harm``, ``violence``.
    """

    name = "safety"
    code_rule_names = ("safety.farewell", "safety.veiled_farewell")
    rules = (*RULES, *EXTRA_RULES, *ROUND4_RULES, *ROUND5_RULES, *ROUND6_RULES)

    def detect(self, draft: DraftView) -> list[Finding]:
        """The rules' findings per sentence, then those that run across sentence or line breaks, then farewells."""
        out = super().detect(draft)
        seen = {(f.start, f.end) for f in out}
        # Phrasings split over a line break ("i don't want to do this anymore / any of it").
        norm = normalise(draft.text)
        whole = norm.replace("\n", " ")
        for r in self.rules:
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
        out = _without_joking_threats(draft, out)
        out.extend(_veiled_farewell(draft))
        out.extend(_settled_farewell(draft, norm))
        out.extend(_implied_threat(draft))
        hits = _strong_and_soft(draft, _FAREWELL_STRONG, _FAREWELL_SOFT)
        out.extend(_draft_findings(draft, hits, "suicide", "reads like a goodbye", "safety.farewell"))
        return out


# A threat said in play: a laugh or "jk" anywhere in a short draft (the line after "ur dead when i get
# home" is often where the joke is said), and not taken back ("not joking", "no joke").
_DRAFT_JOKING = re.compile(
    r"(?i)(?<!not )(?<!no )\b(?:lol+|lmf?ao+|haha+|hehe+|jk|j/k|kidding|joking)\b|😂|🤣|😆|😜|🙃|"
    r"\((?:love (?:u|you)|jk|kidding|joking)\b"
)
_TAKEN_BACK = re.compile(r"(?i)\b(?:not (?:joking|kidding)|no joke|not a joke|deadly serious|i mean it)\b")
_SHORT_DRAFT = 6


def _without_joking_threats(draft: DraftView, findings: list[Finding]) -> list[Finding]:
    """Threat findings of a short draft said in play are dropped (BRIEF.md: "i'll kill you lol" about a biscuit).

    Only threats (:data:`_PLAYABLE`): a report of violence done, or any cue of suicide or self-harm
    in the draft, keeps every finding. Added in the fourth round, read on the h6-h11 writers' drafts.
    """
    if len(draft.sentences) > _SHORT_DRAFT or not findings or any(f.rule not in _PLAYABLE for f in findings):
        return findings
    whole = normalise(draft.text)
    if not _DRAFT_JOKING.search(whole) or _TAKEN_BACK.search(whole):
        return findings
    return [f for f in findings if f.rule not in _PLAYABLE]


# A sign matched in a sentence, and which kind of sign it is.
_Hit = tuple[SentenceView, re.Match[str], object]


def _strong_and_soft(draft: DraftView, strong: re.Pattern[str], soft: re.Pattern[str]) -> list[_Hit]:
    """Every match of ``strong`` and ``soft`` per sentence, when there is a strong one and two in all."""
    hits = [(s, m, rx is strong) for s in draft.sentences for rx in (strong, soft) for m in rx.finditer(s.norm)]
    return hits if any(h[2] for h in hits) and len(hits) >= 2 else []


def _draft_findings(draft: DraftView, hits: list[_Hit], label: str, explanation: str, rule_name: str) -> list[Finding]:
    """One finding per matched sign of a draft-level cue, all under one rule name (score 0.8)."""
    return [
        Finding(
            label,
            "safety",
            s.index,
            s.start + m.start(),
            s.start + m.end(),
            draft.text[s.start + m.start() : s.start + m.end()],
            0.8,
            explanation,
            rule_name,
        )
        for s, m, _ in hits
    ]


def _veiled_farewell(draft: DraftView) -> list[Finding]:
    """Findings for a veiled goodbye: two strong signals, or one strong and one soft (see above)."""
    hits = _strong_and_soft(draft, _VEILED_STRONG, _VEILED_SOFT)
    return _draft_findings(draft, hits, "suicide", "reads like a goodbye", "safety.veiled_farewell")


def _settled_farewell(draft: DraftView, norm: str) -> list[Finding]:
    """Findings for affairs settled or things handed on, made final or said goodbye over (see ``_AFFAIRS``).

    An affair with a final sign or a farewell word, or a new final sign with a farewell word; never
    in a draft that gives an ordinary reason (``_ORDINARY``). ``norm`` is the draft's normalised text.
    """
    if _ORDINARY.search(norm):
        return []
    groups = (
        ("final", (_FINAL,)),
        ("strong", (_VEILED_STRONG,)),
        ("affair", (_AFFAIRS, _FAREWELL_STRONG)),
        ("parting", (_PARTING, _VEILED_SOFT, _FAREWELL_SOFT)),
    )
    hits: list[_Hit] = []
    for s in draft.sentences:
        for kind, rxs in groups:
            for m in (m for rx in rxs for m in rx.finditer(s.norm)):
                # one phrase is one sign ("look after it for me" is in two lists)
                if not any(t is s and m.start() < u.end() and u.start() < m.end() for t, u, _ in hits):
                    hits.append((s, m, kind))
    n = {k: sum(kind == k for _, _, kind in hits) for k, _ in groups}
    fires = len(hits) >= 2 and (n["final"] or n["strong"] or n["affair"])
    if not fires:
        return []
    return _draft_findings(draft, hits, "suicide", "reads like a goodbye", "safety.veiled_farewell")


# Implied threats with nothing violent named (fifth round, read on the train part and dev misses,
# chosen on dev): the writer shows they know where the reader or the reader's family will be, and
# alone, or that they hold a way in or a weapon ("_WATCHING"), in a draft that also presses or warns
# ("_PRESSING"). Either alone is everyday (a lift offered, a debt chased, a bad review promised);
# together, or two of the first kind, they read as a threat. Findings carry the family's rule name.
_WATCHING = re.compile(
    r"(?i)\b(?:(?:i|we) (?:still )?(?:know|found|clocked|got|have|'?ve got|ve got|see|saw|'?ve (?:noticed|seen)|noticed) (?:where|which|what|when|how|"
    r"the (?:code|key)|(?:your|ur|his|her) (?:reg|plates?|address|car|route))\b[^.!?\n]{0,50}?\b(?:live|lives|street|road|house|flat|door|"
    r"office|work|shift|train|bus|route|station|school|practice|drives?|car|plates?|reg|parks?|timings|building|gate|gym|pub|shop|drinks?|"
    r"cycle|leave|leaves|get in|finish(?:es)?)\b|"
    r"(?:i|we) (?:know|see|saw|'?ve noticed|noticed) (?:you'?re|you|u|ur|he'?s|she'?s|your \w+|ur \w+) (?:on nights|alone|on (?:your|ur|his|her) own|"
    r"(?:walk|take|cycle|leave|leaves|get|gets) [^.!?\n]{0,30}(?:home|shift|after dark|at night|every (?:morning|night)|on (?:your|ur|his|her) own))|"
    r"(?:your|ur|his|her|their) (?:kids|son|lad|daughter|girls?|boys?|children|lil brother|little brother|little sister|wife|husband|family|"
    r"mum|dad|nan|gran)\b[^.!?\n]{0,50}?\b(?:walk(?:s|ing|in)? (?:home|past|back)|on (?:their|his|her) own|by (?:him|her|them)sel(?:f|ves)|"
    r"(?:home )?alone|school run|car behind|after dark)|"
    r"(?:on (?:your|ur) own|alone|by yourself)\b[^.!?\n]{0,40}(?:car ?park|multi-?storey|station|towpath|canal)|"
    r"(?:car ?park|multi-?storey|station|walking to (?:your|ur) car|towpath|canal)\b[^.!?\n]{0,40}(?:on (?:your|ur) own|alone|dark)|"
    r"(?:you'?re|you are|ur|u r) on \w+ (?:road|street|avenue|lane|close|drive)|"
    r"(?:still )?(?:got|have) (?:the |a |my )?(?:spare )?(?:key|key card) (?:to|for) (?:your|ur)|"
    r"(?:dad'?s|my|an old|a) (?:shotgun|rifle|crossbow|machete)\b|no cameras|empty streets|nobody'?s (?:round|around)|"
    r"(?:what|where) (?:your|ur) (?:wife|husband|kids|son|daughter|partner) (?:drives|works|goes|parks)|"
    r"seeing (?:ur|your) car (?:outside|at|in))"
)
_PRESSING = re.compile(
    r"(?i)\b(?:drop (?:the|your) (?:case|complaint|charges)|withdraw (?:the|your) complaint|testify|grass(?:ed|es|ing)?\b|"
    r"(?:think|consider) (?:very )?carefully|keep (?:them|that|this|it) in mind|something to (?:keep in mind|think about)|"
    r"think about (?:this conversation|that before|this before)|last warning|(?:don'?t|dont) test me|stay away from|sort (?:it|this) out another way|"
    r"(?:i'?ll|ill) be seeing (?:you|u)|(?:be a |would be a )shame if|you never know|someone (?:ought|needs?) to be more careful|"
    r"get personal|untouchable|(?:don'?t|dont) forget that|just sayin|(?:know|knows) what that means?|what i'?m capable of|"
    r"(?:might|maybe i'?ll|i might) (?:pop|come) (?:along|round|and watch)|(?:i'?d|id) hate for|"
    r",? (?:isn'?t|aren'?t|don'?t|doesn'?t|won'?t) (?:he|she|they|you|u|it)\?)"
)


def _implied_threat(draft: DraftView) -> list[Finding]:
    """Findings for an implied threat: one ``_WATCHING`` sign and one ``_PRESSING``, or two ``_WATCHING``."""
    hits = _strong_and_soft(draft, _WATCHING, _PRESSING)
    return _draft_findings(draft, hits, "violence", "hints at harming someone", "safety.violence_more")
