"""DEAR MAN skills that show in single sentences (LABELS.md section 1).

The five are describe, express, assert, reinforce and negotiate.

Lexical cues carry most of the evidence; spaCy's tagger adds what words alone
miss: a past-tense or perfect verb for ``describe`` and a bare imperative for
``assert``.
"""

from __future__ import annotations

import re

from draftwise.detectors.base import DraftView, Finding, Rule, RuleDetector, SentenceView, rule
from draftwise.detectors.registry import register
from draftwise.lexicons import FEELINGS

_FEEL = "|".join(sorted((re.escape(w) for w in FEELINGS), key=len, reverse=True))
_SOFT = r"(?:(?:so|really|very|a bit|a little|kind of|kinda|pretty|honestly|just|quite|incredibly|extremely|super|too|more|getting|starting to feel|feeling|genuinely|deeply|truly|rly|v|sooo+|soo|rlly|lowkey|low key|a lot|not|also|still|actually|completely|totally)\s+)*"
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thurs?|fri|sat|sun|weekend)"
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
_TIME = (
    r"(?P<cue>yesterday|last (?:night|week|month|year|time|"
    + _DAYS
    + r"|summer|winter|christmas)|this (?:morning|afternoon|evening|week|month)|"
    r"(?:on|since|by|from|until|till|before|after) (?:the )?(?:"
    + _DAYS
    + r"|\d{1,2}(?:st|nd|rd|th)?|"
    + _MONTHS
    + r")|"
    r"\d+(?:\.\d+)? ?(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|times|nights)|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|a couple of) (?:days|weeks|months|years|hours|times|nights)|"
    r"(?:at|by|around|till|until) \d{1,2}(?::\d\d)? ?(?:am|pm)?|\d{1,2}(?::\d\d) ?(?:am|pm)?|\d{1,2} ?(?:am|pm)|"
    r"[£$€]\s?\d[\d,.]*|\d[\d,.]* ?(?:quid|dollars|pounds|euros|bucks|k\b)|"
    r"(?:still|yet) (?:hasn'?t|haven'?t|isn'?t|aren'?t|not|no)|it'?s been|has been|have been|was supposed to|(?:you|u) (?:said|told me|promised|agreed)|"
    r"ago|this (?:is the|was the) (?:\w+ )?time|"
    + _MONTHS
    + r" \d{1,2}|\d{1,2}(?:st|nd|rd|th)? (?:of )?"
    + _MONTHS
    + r")"
)


def _no_feel_like_you(s: SentenceView, m: re.Match[str]) -> bool:
    """Guard: not "I feel like you ...", which is a guess about them (mind reading), not an owned feeling."""
    return not re.search(
        r"(?i)\bfeel(?:s|ing)?\s+(?:like|that|as if|as though)\s+(?:you|u|ur|you'?re|he|she|they)\b", s.norm
    )


def _asks(s: SentenceView, m: re.Match[str]) -> bool:
    return not re.search(r"(?i)\b(?:how|why) (?:could|can|would|dare)\b", s.norm)


def _not_sarcastic_thanks(s: SentenceView, m: re.Match[str]) -> bool:
    return not re.search(
        r"(?i)\b(?:thanks (?:a lot|for nothing)|thanks,? genius|thanks for (?:ruining|nothing|making))\b|🙄", s.norm
    )


_SKILL = "skill"

RULES: tuple[Rule, ...] = (
    # describe: concrete, observable facts
    rule(
        "describe.time_or_amount",
        "describe",
        _SKILL,
        r"\b" + _TIME,
        "states a concrete fact: when, how long, how much",
        score=0.7,
    ),
    rule(
        "describe.fact_verb",
        "describe",
        _SKILL,
        r"\b(?:i|we)\s+(?:\w+\s+)?(?P<cue>asked|told|sent|paid|called|rang|texted|messaged|waited|emailed|checked|left|got home|arrived|noticed|saw|found|heard|tried|booked|ordered|returned|submitted|moved|cleaned|covered|reminded|mentioned|came home|picked up|dropped off|transferred|signed)\b",
        "says what happened, in observable terms",
        score=0.7,
    ),
    rule(
        "describe.they_did",
        "describe",
        _SKILL,
        r"\b(?:you|u|he|she|they|we)\s+(?:\w+\s+)?(?P<cue>said|told|read|took|left|came|went|sent|forgot|missed|didn'?t|did not|haven'?t|hasn'?t|cancelled|canceled|posted|showed|brought|borrowed|ate|used|moved|changed|promised|agreed|asked|called|texted|got|put|broke|lost|paid|shouted|yelled|walked|hung up|invited|booked|arrived|replied|messaged)\b",
        "says what happened, in observable terms",
        score=0.6,
    ),
    rule(
        "describe.logistics",
        "describe",
        _SKILL,
        r"\b(?P<cue>running late|on my way|omw|there in \d+|be there (?:at|by|in)|i'?m (?:at|outside|home|here|leaving|stuck)|the (?:rent|deposit|bill|invoice|payment|boiler|heating|leak|repair|contract|lease|order|refund|meeting|flight|train|appointment|kids|car|form)\b)",
        "states the facts of the situation",
        score=0.6,
    ),
    # express: the writer's own feelings or opinions, owned as "I"
    rule(
        "express.i_feel",
        "express",
        _SKILL,
        r"\b(?:i|i'?m|im|i am|i was|i feel|i felt|i get|i got|i'?ve been|i have been|ive been|feeling|makes me|made me|leaves me|left me)\s+"
        + _SOFT
        + r"(?P<cue>"
        + _FEEL
        + r")\b",
        "says how the writer feels, owned as \u201cI\u201d",
        guard=_no_feel_like_you,
    ),
    rule(
        "express.i_verb",
        "express",
        _SKILL,
        r"\b(?:i|i really|i honestly|i just|i still|i genuinely|i do)\s+(?P<cue>miss|love|hate|worry|regret|wish|hope|fear|feel|felt|think|believe|am worried|was worried|was hoping|was really looking forward|care about|need some|dread|resent)\b",
        "says what the writer feels or thinks, owned as \u201cI\u201d",
        score=0.75,
        guard=_no_feel_like_you,
    ),
    rule(
        "express.it_hurt",
        "express",
        _SKILL,
        r"\b(?:it|that|this|which)\s+(?:really\s+|honestly\s+|kind of\s+|kinda\s+)?(?P<cue>hurt|hurts|stung|stings|upset me|scared me|scares me|worries me|worried me|bothers me|bothered me|got to me|gets to me|made me|makes me|broke my heart|means a lot to me|matters to me|was hard for me|is hard for me|has been hard|was painful)",
        "says how it affected the writer",
        score=0.75,
    ),
    rule(
        "express.not_ok",
        "express",
        _SKILL,
        r"\b(?:i'?m|im|i am|i was|i'?ve been|i feel)\s+(?:\w+\s+)?(?P<cue>not (?:ok|okay|happy|comfortable|coping|doing (?:well|great|good))|at the end of my rope|at my limit|struggling|heartbroken|in pieces|a mess|done\b)",
        "says how the writer is doing",
        score=0.75,
    ),
    # assert: a clear ask, or a clear no
    rule(
        "assert.can_you",
        "assert",
        _SKILL,
        r"\b(?P<cue>(?:can|could|would|will|cld|can't)\s+{YOU}\s+(?:please\s+|pls\s+|plz\s+|maybe\s+|just\s+)?(?:let|send|give|call|text|pay|return|fix|sign|bring|pick|come|help|stop|start|move|clean|take|make|look|check|confirm|tell|reply|get|put|leave|keep|be|do|drop|book|sort|cover|grab|update|share|email|tidy|turn|hand|remove|walk|ask|try|talk|meet|swap|pass))\b",
        "asks clearly for what the writer wants",
        guard=_asks,
    ),
    rule(
        "assert.please",
        "assert",
        _SKILL,
        r"\b(?P<cue>please|pls|plz|kindly)\b",
        "asks for something directly",
        score=0.6,
    ),
    rule(
        "assert.i_need",
        "assert",
        _SKILL,
        r"\b(?P<cue>i need (?:you to|the|my|a|an|to|us to|it|this|some)|i(?:'?d| would) (?:like|love|prefer|appreciate it if|really like|rather)|i want (?:you to|to|us to|my|the|it)|i'?m asking (?:you )?(?:to|for)|i am asking|i'?m requesting|i am writing to (?:ask|request)|i'?d like to request|let me know|lmk|is it possible|are you able to|i'?m going to need|i expect|i'?m letting you know|it needs to)\b",
        "states the ask plainly",
    ),
    rule(
        "assert.clear_no",
        "assert",
        _SKILL,
        r"\b(?P<cue>(?:i'?m|im|i am)\s+(?:not (?:able|going|willing|comfortable|available)|unable|going to (?:pass|say no|decline))|i (?:can'?t|cannot|won'?t|will not|'?m not gonna|am not going to|can not)\s+(?:lend|cover|make it|come|do|take|give|pay|be|keep|host|help|lend|babysit|agree|accept|continue|afford|join|go|drive|work|stay|sign)|i(?:'?ll| will) have to (?:pass|say no|decline)|not this time|i'?m saying no|my answer is no|the answer is no|i(?:'?ve| have) decided)",
        "says no clearly",
    ),
    rule(
        "assert.no_start",
        "assert",
        _SKILL,
        r"^(?P<cue>no(?:,| thanks| thank you| sorry)|nope,)",
        "says no clearly",
        score=0.7,
    ),
    # reinforce: what is in it for them, thanks, an offer back
    rule(
        "reinforce.thanks",
        "reinforce",
        _SKILL,
        r"\b(?P<cue>thank(?:s| you| u| uu)|thx|ty\b|tysm|appreciate(?:d)?|grateful|means a lot|meant a lot|would mean (?:a lot|so much|the world)|you'?re a star|you'?re the best|legend)\b",
        "thanks them or says it matters",
        guard=_not_sarcastic_thanks,
    ),
    rule(
        "reinforce.benefit",
        "reinforce",
        _SKILL,
        r"\b(?P<cue>that way|so (?:that )?(?:you|u|we) (?:can|won'?t|don'?t|could|'?ll|will|get|have)|(?:you|u)(?:'ll| will) (?:have|get|be able|never have|not have)|you won'?t have to|we(?:'?d| would) both|in return|it would (?:really )?(?:help|make|save|mean|free)|it'?d (?:really )?(?:help|make|save|mean)|would (?:really )?help (?:me|us|a lot)|would be (?:great|amazing|a huge help|really helpful|a big help|so helpful|lovely)|make (?:things|it|life) easier|save (?:you|us) (?:time|money|the)|better for (?:both|all|everyone|us)|for both of us|win[- ]win)\b",
        "says what is in it for them or the relationship",
    ),
    rule(
        "reinforce.offer",
        "reinforce",
        _SKILL,
        r"\b(?P<cue>i(?:'?ll| will|'?m happy to|'?d be happy to| can)\s+(?:take|do|cover|handle|make|buy|pick up|cook|owe you|pay you back|return the favou?r|drive|babysit|get the|sort the|bring)|happy to (?:help|return|do|cover|take|pay)|drinks? (?:are|is) on me|my treat|i owe you)\b",
        "offers something back",
        score=0.8,
    ),
    # negotiate: alternatives, compromise, their ideas
    rule(
        "negotiate.alternative",
        "negotiate",
        _SKILL,
        r"\b(?P<cue>(?:if|in case)\s+(?:that|this|it|tonight|tomorrow|now|the \w+|\w+day)\s+(?:doesn'?t|does not|won'?t|isn'?t|is not|can'?t|wont|doesnt)\s+work|would\s+(?:\w+\s+){0,4}work(?:\s+(?:for you|better|instead))?|does\s+(?:\w+\s+){0,4}work for (?:you|u)|how about|what about (?:if|we|i|next|\w+day)|or (?:we|i) could|or maybe|alternatively|what if (?:we|i)|(?:we|i) could (?:always|also|maybe|try|do|meet|switch|swap|split|take|alternate)|if you(?:'?d| would) prefer|if (?:you'?d|you would) rather|otherwise we could|instead\?)",
        "offers an alternative",
    ),
    rule(
        "negotiate.compromise",
        "negotiate",
        _SKILL,
        r"\b(?P<cue>compromise|halfway|meet in the middle|split (?:it|the|the cost|the difference)|go halves|happy to (?:split|meet|talk|work|switch|swap|pay half|adjust|be flexible|discuss)|open to|flexible|work (?:something|it) out|figure (?:something|it|this) out|find a (?:way|time|solution|middle)|sort (?:something|it) out together)\b",
        "offers to meet them partway",
    ),
    rule(
        "negotiate.your_ideas",
        "negotiate",
        _SKILL,
        r"\b(?P<cue>what (?:would|works|do you think|would make|would help|suits|would you (?:like|prefer|suggest))|any (?:ideas|suggestions|thoughts)|how do you (?:want|feel about|see)|what'?s (?:easier|better|best) for you|whatever works (?:for you|best)|your call|up to you|let me know what works|what time works|when (?:works|would work|suits|is good) for you)\b",
        "asks for their ideas",
    ),
)

_PERFECT_OR_PAST = {"VBD", "VBN"}


@register("analysis", order=10)
class SkillsDetector(RuleDetector):
    """Sentence-level DEAR skills (family ``skill``): the rules, and spaCy's tags."""

    name = "skills"
    code_rule_names = ("assert.imperative", "describe.past_tense")
    rules = RULES

    def detect(self, draft: DraftView) -> list[Finding]:
        """The rules' findings, plus past-tense statements and bare imperatives found from spaCy's tags."""
        out = super().detect(draft)
        for s in draft.sentences:
            out.extend(self._from_parse(s))
        return out

    @staticmethod
    def _from_parse(s: SentenceView) -> list[Finding]:
        """Past-tense statements and bare imperatives, from spaCy's tags."""
        doc = s.doc
        if doc is None or len(doc) == 0:
            return []
        found = []
        first = next(
            (
                t
                for t in doc
                if not t.is_punct
                and t.lower_
                not in {"hey", "hi", "so", "ok", "okay", "and", "also", "just", "oh", "um", "look", "listen"}
            ),
            None,
        )
        if (
            first is not None
            and first.tag_ == "VB"
            and first.lower_ not in {"be", "let", "thank", "see", "hope", "guess", "love", "miss", "need", "want"}
            and not s.norm.rstrip().endswith("?")
        ):
            found.append(
                Finding(
                    "assert",
                    "skill",
                    s.index,
                    s.start + first.idx,
                    s.start + first.idx + len(first.text),
                    first.text,
                    0.6,
                    "asks for an action directly",
                    "assert.imperative",
                )
            )
        past = [t for t in doc if t.tag_ in _PERFECT_OR_PAST and t.lower_ not in {"was", "were", "had", "did", "been"}]
        if past and not s.norm.rstrip().endswith("?"):
            t = past[0]
            found.append(
                Finding(
                    "describe",
                    "skill",
                    s.index,
                    s.start + t.idx,
                    s.start + t.idx + len(t.text),
                    t.text,
                    0.5,
                    "says what happened",
                    "describe.past_tense",
                )
            )
        return found
