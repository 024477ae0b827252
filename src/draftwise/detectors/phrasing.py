"""Blame versus description: cues for the six blame types of LABELS.md section 2.

Each rule names the words that make a sentence judge the person rather than
describe what happened. Guards keep the guide's hard cases out: "always" and
"never" count only when they sweep over the other person's behaviour ("I always
love your cooking" is not blame), praise is not contempt, and quoted speech is
the quoted person's words, not the writer's.
"""

from __future__ import annotations

import re

from draftwise.detectors.base import (
    Rule,
    RuleDetector,
    SentenceView,
    outside_quotes,
    pattern,
    rule,
)
from draftwise.detectors.registry import register
from draftwise.detectors.sentiment import compound
from draftwise.lexicons import INSULTS, NEGATIVE_TRAITS

_TRAITS = "|".join(sorted((re.escape(w) for w in NEGATIVE_TRAITS), key=len, reverse=True))
_INSULTS = "|".join(sorted((re.escape(w) for w in INSULTS), key=len, reverse=True))
_DEGREE = (
    r"(?:(?:so|such|a|an|really|just|being|the|most|literally|fucking|fkn|bloody|total|"
    r"complete|absolute|truly|honestly|actually|seriously|real|biggest|utter|selfish|lazy|"
    r"lying|pathetic|little|big|fat|stupid|huge|massive|fr|tbh|always|never|nothing but|"
    r"like|kind of|kinda|sooo+|soo)\s+)*"
)
_YOU_BEFORE = pattern(
    r"\b(?:{YOU}|you'?re|youre|ur|you'?ve|you'?ll|you'?d|he|she|they|he'?s|she'?s|they'?re)\b[^.!?]{0,40}$"
)
_outside_quotes = outside_quotes


def _sweeps_over_them(s: SentenceView, m: re.Match[str]) -> bool:
    """An absolute about the other's behaviour, not about the writer or a kindness."""
    if not _outside_quotes(s, m):
        return False
    before = s.norm[: m.start("cue")]
    if not _YOU_BEFORE.search(before) and not re.search(r"(?i)\b(?:you|u)\b", s.norm[m.end("cue") :][:25]):
        return False
    if re.search(r"(?i)\b(?:i|we)\s+(?:\w+\s+){0,2}$", before):  # "I never", "we always"
        return False
    return compound(s.norm) < 0.35


def _at_reader(s: SentenceView, m: re.Match[str]) -> bool:
    """An insult aimed at the reader, not a self-put-down or a word about a thing."""
    if not _outside_quotes(s, m):
        return False
    before = s.norm[: m.start("cue")].lower()
    if re.search(r"\b(?:i'?m|i am|im|i was|i feel|i felt|me|myself|i'?ve been)\s+(?:\w+\s+){0,3}$", before):
        return False
    if re.search(r"\b(?:you|u|ur|your|you'?re|youre|ya)\b", s.norm.lower()):
        return True
    # A short exclamation ("what an idiot", "genius.") is aimed at the reader.
    return len(s.norm.split()) <= 5 and not re.search(r"\b(?:he|she|they|him|her|them)\b", s.norm.lower())


def _not_praise(s: SentenceView, m: re.Match[str]) -> bool:
    return _outside_quotes(s, m) and compound(s.norm) < 0.5


def _with_you(s: SentenceView, m: re.Match[str]) -> bool:
    return _outside_quotes(s, m)


def _sarcastic(s: SentenceView, m: re.Match[str]) -> bool:
    """Praise words that mock: flagged by a marker of sarcasm in the same sentence."""
    return _outside_quotes(s, m) and bool(
        re.search(
            r"(?i)\b(?:genius|as usual|again|really|einstein|sherlock|lol|real(?:ly)? mature)\b|👏|🙄|🙃|/s\b", s.norm
        )
    )


_BLAME = "blame"

RULES: tuple[Rule, ...] = (
    # character: a label for who they are
    rule(
        "character.you_are_trait",
        "character",
        _BLAME,
        r"\b(?:{YOURE}|you'?ve (?:always )?been|u been|you (?:really )?are|you were|ur being)\s+"
        + _DEGREE
        + r"(?P<cue>"
        + _TRAITS
        + r")\b",
        "labels who they are instead of describing what they did",
        guard=_with_you,
    ),
    rule(
        "character.such_a",
        "character",
        _BLAME,
        r"\b(?:such|what)\s+(?:a|an)\s+" + _DEGREE + r"(?P<cue>" + _TRAITS + r")\b",
        "labels who they are instead of describing what they did",
        guard=_at_reader,
    ),
    rule(
        "character.you_trait_noun",
        "character",
        _BLAME,
        r"\b{YOU}\s+(?:selfish|lazy|lying|fucking|absolute|little|stupid|pathetic|spoiled|ungrateful)?\s*(?P<cue>liar|cheat|hypocrite|narcissist|coward|bully|brat|snake|user|leech|parasite|manipulator|gaslighter)\b",
        "calls them a name for who they are",
        guard=_with_you,
    ),
    rule(
        "character.not_a_good",
        "character",
        _BLAME,
        r"\b{YOURE}\s+(?:not|never been|no)\s+(?:a\s+)?(?:good|real|decent|proper)\s+(?P<cue>friend|mother|mum|mom|father|dad|parent|partner|boyfriend|girlfriend|husband|wife|brother|sister|person|son|daughter|boss|colleague|landlord|roommate|flatmate|human)\b",
        "judges who they are as a person",
        guard=_with_you,
    ),
    rule(
        "character.worst",
        "character",
        _BLAME,
        r"\b{YOURE}\s+(?:literally\s+|honestly\s+|actually\s+)?(?:the|a)\s+(?P<cue>worst|most selfish|most useless|most pathetic|biggest disappointment|terrible|horrible|awful|bad)\b",
        "judges who they are as a person",
        guard=_with_you,
    ),
    rule(
        "character.typical",
        "character",
        _BLAME,
        r"\b(?P<cue>typical (?:you|man|woman|men|women|boomer|millennial)|that'?s so you|so typical of you)\b",
        "reduces what happened to who they are",
        score=0.7,
        guard=_with_you,
    ),
    # absolute: sweeping generalisations of their behaviour
    rule(
        "absolute.always_never",
        "absolute",
        _BLAME,
        r"\b(?P<cue>always|never|constantly|forever|continually|not once|not even once|every single time|every time|each time|every day|all the time|every damn time|every fucking time|24/7|nothing ever|no one ever|all you (?:ever )?do|all u (?:ever )?do|all you care about)\b",
        "generalises about their behaviour (\u201calways\u201d, \u201cnever\u201d) instead of naming one occasion",
        guard=_sweeps_over_them,
    ),
    rule(
        "absolute.as_usual",
        "absolute",
        _BLAME,
        r"\b(?P<cue>as usual|like always|as always|yet again|once again|again and again|for the (?:hundredth|millionth|thousandth|100th|1000th|fifth|tenth) time|same (?:old|shit|thing) (?:again|every time)|here we go again|typical)\b",
        "treats this as proof of a pattern rather than one occasion",
        score=0.75,
        guard=_not_praise,
    ),
    # mind_reading: claims about their motives or inner state
    rule(
        "mind_reading.dont_care",
        "mind_reading",
        _BLAME,
        r"\b{YOU}\s+(?:obviously\s+|clearly\s+|just\s+|really\s+|honestly\s+|literally\s+|simply\s+|never\s+)*(?:{DONT}\s+(?:even\s+|actually\s+|really\s+|ever\s+|seem to\s+)*|never\s+|couldn'?t\s+|could not\s+)(?P<cue>care|cared|give a (?:shit|damn|fuck|toss)|respect|love|value|appreciate|think about|trust|want (?:me|us|to be)|give a single)\b",
        "claims to know what they feel or want",
        guard=_with_you,
    ),
    rule(
        "mind_reading.on_purpose",
        "mind_reading",
        _BLAME,
        r"\b(?P<cue>on purpose|deliberately|intentionally|to spite me|just to hurt me|to get back at me|to punish me|to make me look)\b",
        "claims to know why they did it",
        guard=_outside_quotes,
    ),
    rule(
        "mind_reading.just_want",
        "mind_reading",
        _BLAME,
        r"\b{YOU}\s+(?:just\s+|only\s+|obviously\s+|clearly\s+|really\s+)?(?:want(?:ed)?|like|love|enjoy|get off on|live for)\s+(?:to\s+)?(?P<cue>control|win|hurt|punish|make me|be right|see me|humiliate|embarrass|play|look good|get attention|manipulate|be the victim|feel superior|have the last word|have everything|use me)\b",
        "claims to know their motives",
        guard=_with_you,
    ),
    rule(
        "mind_reading.only_care",
        "mind_reading",
        _BLAME,
        r"\b{YOU}\s+(?:only|just)\s+(?:ever\s+)?(?P<cue>care about|think about|want|look out for)\b",
        "claims to know what they care about",
        guard=_with_you,
    ),
    rule(
        "mind_reading.feel_like_you",
        "mind_reading",
        _BLAME,
        r"\b(?:i|it)\s+(?:\w+\s+)?(?P<cue>(?:feel|felt|feels|seems|think|know|bet|guess)\s+(?:like|that|as if|as though)?\s*{YOU}(?:'?re|'?ve|'?d|'?ll| are| have)?)\s+(?:\w+\s+){0,3}(?:don'?t|dont|do not|never|only|just|want|trying|care|ignor|hate|rather|prefer|enjoy|like it|think|couldn|wouldn|aren'?t|are not|didn'?t|did not|was|were)",
        "a guess about their motives dressed as a feeling",
        guard=_outside_quotes,
    ),
    rule(
        "mind_reading.trying_to",
        "mind_reading",
        _BLAME,
        r"\b(?:{YOURE}|you were|u were)\s+(?:just\s+|only\s+|clearly\s+|obviously\s+|deliberately\s+)?(?P<cue>trying to|doing (?:this|it|that) to|ignoring me|avoiding me|using me|playing (?:me|games)|lying to me|punishing me|testing me|gaslighting)\b",
        "claims to know what they are up to",
        score=0.8,
        guard=_with_you,
    ),
    rule(
        "mind_reading.think_youre",
        "mind_reading",
        _BLAME,
        r"\b{YOU}\s+(?P<cue>think\s+{YOURE}\s+(?:better|so|smarter|above|the only|always|special|perfect|entitled))",
        "claims to know what they think of themselves",
        guard=_with_you,
    ),
    rule(
        "mind_reading.hate_me",
        "mind_reading",
        _BLAME,
        r"\b{YOU}\s+(?:obviously\s+|clearly\s+|probably\s+|just\s+)?(?P<cue>hate me|hate us|don'?t love me|never loved me|never cared|couldn'?t care less|knew exactly|knew (?:it|that|this) would|wanted (?:this|that) to happen|would rather|'?d rather|prefer (?:her|him|them))\b",
        "claims to know their feelings or intentions",
        guard=_with_you,
    ),
    # feelings_blame: making them responsible for the writer's feelings
    rule(
        "feelings_blame.make_me_feel",
        "feelings_blame",
        _BLAME,
        r"\b{YOU}\s+(?:always\s+|just\s+|really\s+|literally\s+|honestly\s+|seriously\s+|constantly\s+|never\s+|only\s+)?(?P<cue>make|made|makes|making)\s+me\s+(?:feel\s+)?(?:so\s+|really\s+|like\s+)?(?:\w+)",
        "makes them responsible for how the writer feels",
        guard=_not_praise,
    ),
    rule(
        "feelings_blame.ruined",
        "feelings_blame",
        _BLAME,
        r"\b{YOU}(?:'?ve| have| just| literally| completely| totally| actually)*\s+(?P<cue>ruined|ruin|ruining|destroyed|destroy|wrecked|wreck|spoiled|spoilt|spoil|killed|trashed|poisoned|sucked the joy out of)\s+(?:my|our|the|everything|it|this|that|what|me)\b",
        "blames them for the writer's feelings or day",
        guard=_outside_quotes,
    ),
    rule(
        "feelings_blame.because_of_you",
        "feelings_blame",
        _BLAME,
        r"\b(?P<cue>because of (?:you|u)|thanks to (?:you|u)|(?:it'?s|this is|that'?s|its|all)\s+(?:all\s+)?(?:your|ur)\s+fault|you'?re the reason|ur the reason|you are the reason)\b",
        "puts the writer's feelings or troubles on them",
        guard=_outside_quotes,
    ),
    rule(
        "feelings_blame.driving_me",
        "feelings_blame",
        _BLAME,
        r"\b{YOU}(?:'?re| are|r)?\s+(?P<cue>driving me (?:crazy|insane|mad|nuts|up the wall|to drink)|stressing me out|drive me (?:crazy|insane|mad|nuts)|drove me to|stress me out|give me anxiety|gave me anxiety|break(?:ing)? my heart|broke my heart|embarrass(?:ed|ing)? me|humiliat(?:ed|ing)? me|hurt me so)",
        "makes them responsible for how the writer feels",
        score=0.75,
        guard=_outside_quotes,
    ),
    # contempt: insults, sarcasm, mockery, dismissal
    rule(
        "contempt.insult",
        "contempt",
        _BLAME,
        r"\b(?P<cue>" + _INSULTS + r")\b",
        "an insult aimed at them",
        guard=_at_reader,
    ),
    rule(
        "contempt.sarcasm",
        "contempt",
        _BLAME,
        r"\b(?P<cue>(?:nice|great|good|awesome|brilliant|fantastic|amazing|perfect|stellar|wonderful)\s+(?:job|work|going|one|move|call|effort|parenting|planning)|well done|way to go|bravo|slow clap|congrats(?:ulations)?)\b",
        "sarcasm aimed at the reader",
        guard=_sarcastic,
    ),
    rule(
        "contempt.dismissal",
        "contempt",
        _BLAME,
        r"(?:^|[.!?]\s*)(?P<cue>whatever|lol ok+|lmao ok+|k\.?$|ok then|cool story(?: bro)?|who cares|get over (?:it|yourself)|grow up|boo hoo|cry me a river|deal with it|not my problem|big deal|get a (?:life|grip)|man up|toughen up|yeah right|sure jan|oh please|spare me|give me a break|get real)\b",
        "dismisses them instead of engaging",
        guard=_outside_quotes,
    ),
    rule(
        "contempt.overreacting",
        "contempt",
        _BLAME,
        r"\b(?P<cue>{YOURE}\s+(?:totally\s+|so\s+|just\s+|being\s+)*(?:overreacting|overly sensitive|too sensitive|so sensitive|so dramatic|being dramatic|hysterical|a drama queen|delusional|unbelievable|a joke|ridiculous|embarrassing|a child)|stop being (?:so )?(?:dramatic|sensitive|a baby|childish)|drama queen|calm down|chill out|relax,)",
        "dismisses their feelings",
        score=0.8,
        guard=_with_you,
    ),
    rule(
        "contempt.swear_at",
        "contempt",
        _BLAME,
        r"\b(?P<cue>f+u+c+k+ (?:you|u|off|ur|your)|fuck off|screw (?:you|u)|shut (?:up|the fuck up)|stfu|go to hell|piss off|get lost|eat shit|bite me|kiss my ass|go fuck yourself|gfy|drop dead)\b",
        "swears at them",
        guard=_outside_quotes,
    ),
    rule(
        "contempt.eye_roll",
        "contempt",
        _BLAME,
        r"(?P<cue>🙄|\*eye ?roll\*|\beye ?roll\b|\bsmh\b|\bpfft+\b|\bugh,? you\b|\bwow\.?$|\bwow just wow\b|\bunbelievable\.?$)",
        "an eye-roll at them",
        score=0.7,
        guard=_outside_quotes,
    ),
    # accusatory_question: a question that is really an accusation
    rule(
        "accusatory_question.wrong_with_you",
        "accusatory_question",
        _BLAME,
        r"\b(?P<cue>what(?:'?s| is| the (?:hell|fuck|heck) is| tf is)\s+wrong with\s+{YOU}|what(?:'?s| is)\s+(?:your|ur)\s+(?:problem|deal|issue)|who (?:the (?:hell|fuck) )?do\s+{YOU}\s+think\s+{YOURE})",
        "a question that is really an accusation",
        guard=_outside_quotes,
    ),
    rule(
        "accusatory_question.why_are_you",
        "accusatory_question",
        _BLAME,
        r"\b(?P<cue>why\s+(?:are|r|were|do|does|did|would|must|can'?t|cant|won'?t|wont|don'?t|dont|didn'?t|didnt|couldn'?t|wouldn'?t|is it that|the (?:hell|fuck) (?:are|do|did|would))\s+{YOU}\s+(?:always|never|so|like this|such|being|acting|even|still|just|ever|keep|have to|insist|think|constantly|like that))\b",
        "a question that is really an accusation",
        guard=_outside_quotes,
    ),
    rule(
        "accusatory_question.how_could_you",
        "accusatory_question",
        _BLAME,
        r"\b(?P<cue>how\s+(?:could|can|dare|do|did)\s+{YOU}(?:\s+(?:even|possibly|be so|not|seriously|honestly))?|who (?:even )?(?:does|do|would do|says|treats people like) (?:that|this)|what were {YOU} (?:even )?thinking|what kind of (?:a )?(?:person|mother|mum|mom|father|dad|friend|parent|partner|man|woman|human|boss|landlord|brother|sister|son|daughter|husband|wife)|how (?:hard|difficult) (?:is|was|can) (?:it|that)|is it (?:really )?(?:that|so) (?:hard|difficult)|since when do {YOU}|have {YOU} (?:lost your mind|no shame|no respect|no idea|no decency|no clue))",
        "a question that is really an accusation",
        guard=_outside_quotes,
    ),
    rule(
        "accusatory_question.are_you_stupid",
        "accusatory_question",
        _BLAME,
        r"\b(?P<cue>(?:are|r)\s+{YOU}\s+(?:\w+\s+)?(?:stupid|serious|kidding me|kidding|insane|crazy|dumb|blind|deaf|joking|for real|high|drunk|thick|mental|incapable|even listening|actually serious|out of your mind)|do {YOU}\s+(?:ever|even|really|seriously|honestly)\s+(?:think|listen|care|stop|bother|know|hear yourself|realise|realize)|(?:did|do|can)\s+{YOU}\s+(?:not|even)\s+(?:read|see|hear|think|care|bother))\b",
        "a question that is really an accusation",
        guard=_outside_quotes,
    ),
)


@register("analysis", order=20)
class PhrasingDetector(RuleDetector):
    """Blame cues per sentence (family ``blame``, label = the blame type)."""

    name = "phrasing"
    rules = RULES
