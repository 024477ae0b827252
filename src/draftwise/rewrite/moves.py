"""Sentence moves: one per blame type and tactic, turning a problem sentence into one a person would send.

Each move reads the spaCy parse of the sentence and keeps what matters (the
ask, the facts, the writer's feeling) while dropping what hurts (the label, the
absolute, the penalty, the chasing). Where the draft does not say what a move
needs, it leaves a visible slot in square brackets, such as ``[what happened]``,
for the writer to fill: a move never invents a fact.

Every move returns a :class:`Move`: the replacement (``""`` means the sentence
is better left out, its content being elsewhere) and a one-line message in
plain words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from draftwise.rewrite.grammar import end_with, past_of, sentence_case, span_text, tidy

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WHAT = "[what happened]"
WHEN = "[when]"
WHAT_ABOUT = "[what it's about]"
WANT = "[what you'd like]"

ABSOLUTES = {
    "always",
    "never",
    "constantly",
    "forever",
    "continually",
    "ever",
    "every",
    "each",
    "single",
    "all",
    "again",
    "24/7",
    "literally",
    "seriously",
    "honestly",
    "even",
    "just",
    "so",
    "really",
    "fucking",
    "bloody",
    "damn",
    "fkn",
}
_ABSOLUTE_PHRASES = re.compile(
    r"(?i)\b(?:every (?:single |damn |fucking )?time|each time|all the time|every day|as usual|like always|as always|"
    r"yet again|once again|again and again|for the \w+ time|not once|not even once|24/7)\b[,]?"
)

# What a character label usually leaves the writer feeling: named, owned, not judged.
TRAIT_FEELINGS = {
    "selfish": "overlooked",
    "inconsiderate": "overlooked",
    "thoughtless": "overlooked",
    "self-centred": "overlooked",
    "lazy": "left to do it on my own",
    "useless": "let down",
    "incompetent": "let down",
    "unreliable": "let down",
    "irresponsible": "let down",
    "liar": "lied to",
    "liars": "lied to",
    "fake": "hurt",
    "two-faced": "hurt",
    "manipulative": "pressured",
    "manipulator": "pressured",
    "controlling": "controlled",
    "narcissist": "unheard",
    "narcissistic": "unheard",
    "rude": "disrespected",
    "disrespectful": "disrespected",
    "arrogant": "talked down to",
    "cruel": "hurt",
    "mean": "hurt",
    "nasty": "hurt",
    "cold": "shut out",
    "heartless": "hurt",
    "toxic": "hurt",
    "abusive": "unsafe",
    "immature": "frustrated",
    "childish": "frustrated",
    "child": "frustrated",
    "baby": "frustrated",
    "cheat": "betrayed",
    "cheater": "betrayed",
    "coward": "let down",
    "hypocrite": "frustrated",
    "ungrateful": "unappreciated",
    "entitled": "taken for granted",
    "spoiled": "taken for granted",
    "spoilt": "taken for granted",
    "greedy": "taken advantage of",
    "cheap": "taken advantage of",
    "jealous": "mistrusted",
    "possessive": "controlled",
    "crazy": "confused",
    "psycho": "scared",
    "insane": "confused",
    "stupid": "frustrated",
    "idiot": "frustrated",
    "pathetic": "disappointed",
    "loser": "disappointed",
    "joke": "disappointed",
    "disgrace": "disappointed",
    "embarrassment": "embarrassed",
    "failure": "disappointed",
    "disappointment": "disappointed",
    "bully": "intimidated",
    "snake": "betrayed",
    "user": "used",
    "leech": "taken advantage of",
    "freeloader": "taken advantage of",
    "worst": "hurt",
}

# Claims about motives, turned into the writer's own feeling.
MOTIVE_FEELINGS = (
    (r"\b(?:don'?t|do not|never|didn'?t) care|couldn'?t care less|don'?t give a", "uncared for"),
    (r"\bon purpose|deliberately|to hurt me|to spite me|to get back at me|to punish me", "hurt"),
    (r"\bcontrol", "controlled"),
    (r"\b(?:hate|don'?t love|never loved)", "unloved"),
    (r"\bignor", "ignored"),
    (r"\busing me|\buse me", "used"),
    (r"\blying|lie to me|lied", "lied to"),
    (r"\bbetter than|superior|above", "looked down on"),
    (r"\b(?:bored|tired) of me|rather be|prefer", "unwanted"),
    (r"\blaugh", "laughed at"),
    (r"\bwin\b|be right", "unheard"),
    (r"\blook good|attention", "sidelined"),
)

_PENALTY_SPLIT = re.compile(
    r"(?i)\s*(?:,\s*)?\b(?:or else|or|otherwise|and if not|if not|or i'?ll|or we'?re|or you'?ll|else)\b[\s,]*(?=\S)"
)
_IF_NOT = re.compile(
    r"(?i)^\s*(?:and\s+)?(?:if|unless)\s+(?:you|u)\s+(?:don'?t|do not|dont|can'?t|cannot|cant|won'?t|wont|will not|refuse to|fail to|haven'?t|have not)\s+(?P<ask>[^,;]+?)(?:\s*,\s*|\s+then\s+|\s+)(?:then\s+)?(?:i|we|were|im|ill|it|its|you|u|this|that|don'?t|dont)\b"
)
_IF_DO = re.compile(
    r"(?i)^\s*(?:and\s+)?if\s+(?:you|u)\s+(?!(?:don'?t|dont|do not|can'?t|cant|won'?t|wont|will not)\b)(?P<ask>[^,;]+?)(?:\s*,\s*|\s+)(?:then\s+)?(?:don'?t|dont|do not|we'?re|were|i'?m|im|i'?ll|ill|it'?s|its)\s+(?:bother|even|done|over|finished|through|out|gone|leaving|moving|taking|calling|reporting|going|ever|come|expect|think)\b"
)
# Where a pressing sentence opens with a lead-in ("I'm telling you now so there's no confusion:"),
# the conditional starts after it.
_LEAD_IN = re.compile(r"(?i)^.{0,80}?(?:[:;\u2014\u2013]|,|\s-\s|\bso\b|\band\b)\s*(?=(?:if|unless)\b)")
# "again", "one more time": the absolute of a penalty clause, not part of the ask.
_REPEAT = re.compile(r"(?i)\s*\b(?:ever again|one more time|once more|again|any ?more|ever)\b")
_EITHER = re.compile(r"(?i)\b(?:either\s+(?:you|u)|(?:you|u)\s+either)\s+(?P<ask>.+?)\s+or\b")
# "either he starts paying a third or ...": the ask is about someone the reader can speak for;
# "either the bike goes back by ... or ...": about something of theirs
_THING = r"(?:(?:half|some|all|most|one|two|both|each|any) of )?(?:the|my|our|your|ur|his|her|their|this|that|[A-Z][a-z]+'s)\s+[a-z]+"
_EITHER_THIRD = re.compile(rf"(?i)\beither\s+(?P<subj>{_THING}|he|she|they|it|[A-Z][a-z]+)\s+(?P<vp>.+?)\s*,?\s+or\b")
# "either we go back to ... or I'm done": a joint ask, kept as one
_EITHER_WE = re.compile(r"(?i)\beither\s+we\s+(?P<vp>.+?)\s*,?\s+or\b")
# "be here monday or give me the money back by friday": a second ask the reader may choose, not a penalty
_ALTERNATIVE_ASK = frozenset(
    "give pay send return bring transfer refund tell let call ring text email confirm book fix replace".split()
)
# "now" in "from now on", "until now", "for now" is a time, not a chase: it stays
_CHASING = re.compile(
    r"(?i)\b(?:(?<!\bfrom )(?<!\buntil )(?<!\btill )(?<!\bfor )(?<!\bby )(?<!\bup to )(?<!\bas of )now|asap|right now|immediately|this (?:second|minute|instant)|straight away|rn|right away|already|"
    r"this instant|in the next (?:hour|(?:\d+|one|two|three|four|five|ten|fifteen|twenty|thirty|few) (?:minutes|mins|min|hours|hrs))|within the hour)\b[!?.]*"
)
_POLITE_VERBS = {
    "call",
    "text",
    "ring",
    "answer",
    "reply",
    "respond",
    "send",
    "pay",
    "give",
    "return",
    "bring",
    "tell",
    "let",
    "come",
    "pick",
    "fix",
    "sign",
    "move",
    "clean",
    "take",
    "stop",
    "apologise",
    "apologize",
    "get",
    "put",
    "make",
    "leave",
    "do",
    "help",
    "drop",
    "meet",
    "talk",
    "sort",
    "book",
    "check",
    "confirm",
    "remove",
    "delete",
    "clear",
    "tidy",
    "wash",
    "turn",
    "keep",
    "show",
    "explain",
    "decide",
    "choose",
    "listen",
    "be",
}


@dataclass(frozen=True)
class Move:
    """A move's result: the replacement sentence (``""`` to leave it out) and a one-line message why."""

    replacement: str
    message: str


def _you_subject_verbs(doc: Doc) -> list[Token]:
    return [
        t
        for t in doc
        if t.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("you", "u", "ya") for c in t.children)
    ]


def _strip_absolutes(text: str) -> str:
    text = _ABSOLUTE_PHRASES.sub("", text)
    return tidy(re.sub(r"(?i)\b(?:always|constantly|forever|continually|24/7)\b", "", text))


def _feeling_from_make(doc: Doc) -> str | None:
    """The feeling in "you make me feel X" / "you made me so X"."""
    for t in doc:
        if t.lemma_ in ("make", "leave", "get") and any(c.lower_ == "me" for c in t.subtree):
            words = [
                w
                for w in t.subtree
                if w.i > t.i and w.pos_ in ("ADJ", "VERB", "NOUN") and w.lemma_ not in ("feel", "make", "me")
            ]
            adj = next((w for w in words if w.pos_ == "ADJ"), None) or next(iter(words), None)
            if adj is not None and adj.dep_ == "amod" and adj.head.pos_ == "NOUN":
                adj = adj.head  # "like a complete idiot": the noun, not its adjective
            if adj is not None:
                phrase = [adj]
                phrase += [
                    c
                    for c in adj.children
                    if c.dep_ in ("prep", "pobj", "dobj", "acomp", "advmod")
                    and c.i > adj.i
                    and c.lower_ not in ("so", "really")
                ]
                # the feeling and its complements only: not "me" (the parse may make it the
                # adjective's subject) and not a following clause ("... so miserable I stay late")
                cut = {
                    w.i for c in adj.children if c.dep_ in ("ccomp", "advcl", "conj", "relcl", "acl") for w in c.subtree
                }
                cut |= {c.i for c in adj.children if c.is_punct}
                cut |= {w.i for c in adj.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
                cut |= {c.i for c in adj.children if c.lower_ in ("so", "really", "very", "such")}
                kept = {w for p in phrase for w in p.subtree if w.i not in cut}
                text = span_text(sorted(kept, key=lambda w: w.i))
                if adj.head.lower_ == "like" and adj.dep_ == "pobj":
                    text = f"like {text}"  # "feel like an idiot"
                return text
    return None


def _request_from_clause(text: str, doc: Doc | None = None) -> str | None:
    """Turn an ask clause ("call me tonight", "you need to pay me back") into a polite request."""
    clause = tidy(_CHASING.sub("", text)).strip(" ,.!?")
    # "look, ..." and "listen i ..." open the line; "look at it" and "listen to me" are the ask
    clause = re.sub(
        r"(?i)^(?:(?:and|so|just|ok|okay|right)[,\s]+|(?:listen|look)(?:\s*,\s*|\s+(?=(?:i|u|you|we)\b)))", "", clause
    )
    if not clause or (
        len(clause.split()) < 2
        and clause.lower() not in ("call", "reply", "answer", "pay", "come", "help", "listen", "stop")
    ):
        return None
    low = clause.lower()
    m = re.match(
        r"(?i)^(?:you|u)\s+(?:need to|have to|must|better|gotta|got to|will|are going to|'re going to|should)\s+(.+)",
        clause,
    )
    if m:
        return f"Could you {m.group(1)}?"
    m = re.match(r"(?i)^(?:i want|i need|i expect)\s+(?:you|u)\s+to\s+(.+)", clause)
    if m:
        return f"Could you {m.group(1)}?"
    m = re.match(r"(?i)^(?:i want|i need|i expect)\s+(.+)", clause)
    if m:
        return f"I'd like {m.group(1)}."
    first = low.split()[0]
    if first in ("please", "pls", "plz"):
        clause = clause.split(None, 1)[1] if len(clause.split()) > 1 else clause
        first = clause.lower().split()[0]
    if first in _POLITE_VERBS or (doc is not None and len(doc) and doc[0].tag_ == "VB"):
        return f"Could you {clause[0].lower() + clause[1:]}?"
    m = re.match(r"(?i)^(?:you|u)\s+(.+)", clause)
    if m:  # "if you don't <ask>" gives a bare verb phrase after "you"
        return f"Could you {m.group(1)}?"
    if re.match(r"(?i)^(?:be|get|have)\b", clause):
        return f"Could you {clause}?"
    return None


def _as_you_clause_past(doc: Doc, drop_words: set[str]) -> str | None:
    """Recast the sentence's "you" clause in the past tense, without its absolutes.

    "you always leave your dishes out" -> "you left your dishes out"; ``None`` when there is no such clause.
    """
    verbs = _you_subject_verbs(doc)
    if not verbs:
        return None
    v = verbs[0]
    root_ids = {t.i for t in v.subtree}
    tokens = [t for t in doc if t.i in root_ids]
    drop = {
        t.i
        for t in tokens
        if t.lower_ in drop_words and t.dep_ in ("advmod", "neg", "npadvmod", "det", "amod", "advcl", "dep")
    }
    # "every single time", "all the time"
    for t in tokens:
        if t.lower_ == "time" and any(c.lower_ in ("every", "each", "all") for c in t.children):
            drop |= {w.i for w in t.subtree}
    drop |= {t.i for t in tokens if t.is_punct and t.i == tokens[-1].i}
    # "(it feels) like you always...", "(I know) that you never...": the clause stands alone
    drop |= {c.i for c in v.children if c.dep_ == "mark" and c.i < v.i}
    negated = any(t.lower_ in ("never", "not", "n't") for t in tokens if t.head == v or t == v)
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass") and c.i < v.i]
    replace: dict[int, str] = {}
    if v.lemma_ == "be":
        replace[v.i] = "weren't" if negated else "were"
        drop |= {t.i for t in tokens if t.lower_ in ("never", "not", "n't") and t.head == v}
    elif aux:
        for a in aux:
            if a.lemma_ in ("do", "be", "have", "will") and a.lower_ not in ("can", "could"):
                if a.lemma_ == "be" and v.tag_ == "VBG":  # "you're always shouting" -> "you were shouting"
                    replace[a.i] = "were"
                elif a.lemma_ == "do":
                    replace[a.i] = "didn't" if negated else ""
                    if negated:
                        drop |= {t.i for t in tokens if t.lower_ in ("n't", "not", "never") and t.head == v}
                elif a.lemma_ == "have":
                    replace[a.i] = "hadn't" if negated else "had"
                    drop |= {t.i for t in tokens if t.lower_ in ("n't", "not", "never") and t.head == v}
    else:
        if negated:
            replace[v.i] = "didn't " + v.lemma_
            drop |= {t.i for t in tokens if t.lower_ in ("never", "not", "n't") and t.head == v}
        else:
            replace[v.i] = past_of(v.lemma_, "you")
    # The subject must stay "you".
    text = span_text(tokens, drop, replace)
    text = _strip_absolutes(text).rstrip(" !?.…")
    text = re.sub(r"[!?]+", "", text) if len(text) > 2 else text
    if not re.search(r"(?i)\b(?:you|u)\b", text):
        return None
    return text


def move_absolute(doc: Doc) -> Move:
    """Replace "always"/"never" with one occasion, leaving a ``[when]`` slot for it."""
    clause = _as_you_clause_past(doc, ABSOLUTES)
    if clause:
        body = sentence_case(clause)
        return Move(
            end_with(f"{body} {WHEN}"),
            "Name one occasion instead of \u201calways\u201d or \u201cnever\u201d: it is something they can answer, not a verdict.",
        )
    stripped = _strip_absolutes(doc.text).rstrip(" !?.…")
    if stripped and stripped.lower() != doc.text.lower():
        return Move(
            end_with(f"{sentence_case(stripped)} {WHEN}"), "Name one occasion instead of a sweeping \u201calways\u201d."
        )
    return Move(f"When {WHAT} {WHEN}, I felt [how you felt].", "Describe one specific occasion instead of a pattern.")


def move_character(doc: Doc) -> Move:
    """Replace a character label with the feeling it usually stands for, and a slot for what happened."""
    trait = next((t.lower_ for t in doc if t.lower_ in TRAIT_FEELINGS), None)
    feeling = TRAIT_FEELINGS.get(trait or "", "hurt")
    return Move(
        f"I felt {feeling} when {WHAT}.",
        "Drop the label for who they are; say what they did and how it left you feeling.",
    )


def move_mind_reading(doc: Doc) -> Move:
    """Replace a claim about their motives with the writer's feeling and a question about theirs."""
    text = doc.text.lower()
    feeling = next((f for pat, f in MOTIVE_FEELINGS if re.search(pat, text)), "hurt")
    return Move(
        f"I've been feeling {feeling}, and I'd like to understand what was going on for you when {WHAT}.",
        "You can't know what they feel or intend; say what you feel and ask about theirs.",
    )


def move_feelings_blame(doc: Doc) -> Move:
    """Turn "you make me feel X" (or "you ruined my Y") into the writer owning the feeling."""
    text = doc.text
    feeling = _feeling_from_make(doc)
    when = re.search(r"(?i)\b(?:when|whenever|every time)\s+(?P<rest>(?:you|u)\b.+?)[.!?]*$", text)
    if feeling:
        # "when you ..." already describes them in the second person: it is kept as written.
        tail = "when " + tidy(when.group("rest")) if when else f"when {WHAT}"
        return Move(
            end_with(f"I felt {feeling} {tail}"),
            "Own the feeling (\u201cI felt\u2026\u201d) instead of making them responsible for it.",
        )
    m = re.search(
        r"(?i)\b(?:ruined|ruin|destroyed|wrecked|spoiled|spoilt|trashed)\s+(?P<obj>(?:my|our|the)\s+[\w' ]+?)(?:[.!?,]|$)",
        text,
    )
    if m:
        obj = m.group("obj").strip()
        return Move(
            f"{sentence_case(obj)} was hard for me after {WHAT}.",
            "Say how it was for you, without making them the cause of your feelings.",
        )
    m = re.search(r"(?i)\b(?:because of (?:you|u)|thanks to (?:you|u))\s*,?\s*(?P<rest>.+?)[.!?]*$", text)
    if m and re.match(r"(?i)(?:i|my|we)\b", m.group("rest")):
        return Move(
            end_with(f"{sentence_case(m.group('rest'))} since {WHAT}"),
            "Say what is happening for you without putting it on them.",
        )
    return Move(
        f"I've been feeling [how you feel] since {WHAT}.", "Own the feeling instead of making them responsible for it."
    )


def move_contempt(doc: Doc) -> Move:
    """Replace sarcasm or an insult with a plain statement of frustration about what happened."""
    return Move(
        f"I'm frustrated about {WHAT}.",
        "Sarcasm and insults end the conversation; say what frustrated you instead.",
    )


def move_accusatory_question(doc: Doc) -> Move:
    """Turn "how could you ..." / "why did you ..." into a statement of hurt or a wish to understand."""
    text = doc.text
    m = re.search(r"(?i)\bhow (?:could|can|dare) (?:you|u)\s+(?P<vp>.+?)[?!.]*$", text)
    if m:
        vp = re.sub(r"(?i)^(?:even|possibly|seriously)\s+", "", m.group("vp"))
        sub = _parse_vp_past(vp)
        if sub:
            return Move(
                end_with(f"I was hurt when you {sub}"), "Say how it affected you instead of asking how they could."
            )
    m = re.search(r"(?i)\bwhy (?:did|would|do|does) (?:you|u)\s+(?:even\s+|ever\s+)?(?P<vp>.+?)[?!.]*$", text)
    if m:
        return Move(
            end_with(f"I'd like to understand what happened when you {_parse_vp_past(m.group('vp')) or m.group('vp')}"),
            "Ask to understand, rather than asking a question that is really an accusation.",
        )
    return Move(
        f"I'm upset about {WHAT}, and I'd like to talk about it.",
        "Say what upset you; a question like this is heard as an accusation.",
    )


def _parse_vp_past(vp: str) -> str | None:
    """Put the first verb of a verb phrase in the past tense: "forget my birthday" -> "forgot my birthday"."""
    words = vp.split()
    if not words:
        return None
    from lemminflect import getInflection, getLemma

    first = words[0].lower()
    lemma = (getLemma(first, upos="VERB") or (first,))[0]
    forms = getInflection(lemma, tag="VBD")
    if not forms:
        return None
    rest = " ".join(words[1:])
    if lemma == "be":
        return tidy(f"were {rest}")
    return tidy(f"{forms[0]} {rest}")


_IF_NOT_STATE = re.compile(
    r"(?i)^\s*(?:and\s+)?(?:if|unless)\s+(?P<subj>(?:(?:the|my|your|ur|our|his|her|their|that|this|those|these)\b[^,;]{0,60}?|it|she|he|they|(?-i:[A-Z][a-z]+)(?<!You)))\s+"
    r"(?P<neg>isn'?t|is not|aren'?t|are not|arent|isnt|hasn'?t|has not|haven'?t|have not|doesn'?t|does not|don'?t|do not|wasn'?t|weren'?t)\s+(?P<rest>[^,;]+?)\s*(?:,|\bthen\b(?=\s+(?:i|we|you|u|im|ill|it|i'?m|i'?ll)\b)|(?=\s(?:i'?m|im|i'?ll|ill|i will|we'?re|were|i am|u will|you will|you'?ll|u'?ll)\b))"
)
_POSITIVE = {
    "isn't": "is",
    "isnt": "is",
    "arent": "are",
    "is not": "is",
    "aren't": "are",
    "are not": "are",
    "hasn't": "has",
    "has not": "has",
    "haven't": "have",
    "have not": "have",
    "wasn't": "is",
    "wasnt": "is",
    "weren't": "are",
    "werent": "are",
}
# "she isn't back" asks "Could you make sure she's back?"
_BE_SHORT = {"she": "she's", "he": "he's", "they": "they're"}


_PRONOUNS = {"she", "he", "they", "it", "i", "we", "you", "u"}
# "then" that opens the penalty ("if you're not here by 8 then i'm going"), not the one that ends a time
# ("if it's not in my account by then, ...")
_THEN_PENALTY = r"\bthen\b(?=\s+(?:i|we|you|u|im|ill|it|i'?m|i'?ll|don'?t|dont)\b)"
_PENALTY_START = (
    r"(?=\s(?:i'?m|im|i'?ll|ill|i will|we'?re|were|i am|don'?t|dont|u will|you will|you'?ll|u'?ll|"
    r"ur not|you'?re not|youre not|u r not)\b)"
)
_IF_YOU_ARE_NOT = re.compile(
    r"(?i)^\s*(?:and\s+)?(?:if|unless)\s+(?:you'?re|you are|ur|u r|u are|youre)\s+not\s+(?P<rest>[^,;]+?)\s*"
    r"(?:,|" + _THEN_PENALTY + "|" + _PENALTY_START + ")"
)
# "if they're not ...", "if she's not ...": someone else's state, asked of the reader.
_IF_THEY_ARE_NOT = re.compile(
    r"(?i)^\s*(?:and\s+)?(?:if|unless)\s+(?P<subj>they|she|he|it)(?:'re|re|'s|s| are| is)\s+not\s+(?P<rest>[^,;]+?)\s*"
    r"(?:,|" + _THEN_PENALTY + "|" + _PENALTY_START + ")"
)
# "he needs to be gone by sunday": what someone else must do, as the writer's wish.
_THIRD_NEEDS = re.compile(r"(?i)^\s*(?P<subj>he|she|they)\s+(?:needs?|has|have|gotta|must)\s+(?:to\s+)?(?P<vp>.+)$")
_CONSEQUENCE = re.compile(
    r"(?i)\b(?:and|or)\s+(?:then\s+)?(?:i|ill|i'?ll|i will|im|i'?m|we|ur|you|u|you'?ll|u'?ll|it'?s|its|that'?s)\b|"
    r"\bone more\b|\bagain\b|\bever\b|\bswear\b"
)
# "full stop", "end of": finality that adds pressure, not content.
_FINALITY = re.compile(r"(?i)[,;]?\s*\b(?:full stop|period|end of (?:story|discussion)|no excuses|no exceptions)\b")


_OR_INSIDE = re.compile(r"(?i)(?<=\byes) or (?=no\b)|(?<=\bone way) or (?=another\b)|(?<=\bmore) or (?=less\b)")


def _vp_base(vp: str) -> str | None:
    """A verb phrase with its first verb in the base form ("starts paying rent" -> "start paying rent")."""
    from draftwise import nlp

    vp = tidy(_REPEAT.sub("", _CHASING.sub("", vp))).strip(" ,;")
    doc = nlp.parse_cached(f"He {vp}.")
    if len(doc) < 3 or doc[1].pos_ not in ("VERB", "AUX") or doc[1].tag_ not in ("VBZ", "VBP", "VB"):
        return None
    words = vp.split(None, 1)
    lemma = "be" if doc[1].lower_ in ("is", "are", "'s", "'re") else doc[1].lemma_
    return " ".join([lemma, *words[1:]]) if len(words) > 1 else None


# "if I haven't received the payment (or heard from you) by Friday, I'll ...": what the writer waits
# for, asked of the reader with its deadline
_IF_I_HAVENT = re.compile(
    r"(?i)^\s*(?:(?:and|but|however|so)[,\s]+)?(?:if|unless)\s+(?:i|we)\s+(?:haven'?t|have not|havent|don'?t|do not|dont)\s+"
    r"(?:(?P<got>received|receive|got|get|had|have)\s+(?P<obj>[^,;]+?)(?P<heard>\s+or\s+heard\s+from\s+(?:you|u))?|"
    r"(?P<only_heard>heard\s+from\s+(?:you|u)|hear\s+from\s+(?:you|u)|heard\s+back|hear\s+back))\s+"
    r"(?P<when>(?:by|before|within|in the next)\s+[^,;]+?)\s*(?:,|\bthen\b|(?=\s(?:i'?ll|ill|i will|we'?ll|we will)\b))"
)
# "everyone out in 20 mins or ...", "the car gone by sunday or ...": a state to bring about, with its time
_STATE_BY = re.compile(
    r"(?i)^\s*(?P<np>(?:everyone|everybody|(?:the|that|this|those|these|your|ur|his|her|their)\s+[\w' -]{1,30}?))\s+"
    r"(?P<state>out|gone|back|home|moved|fixed|sorted|done|paid|cleared|cleaned|returned|signed)\s+"
    r"(?P<when>(?:in|by|before|within|tonight|today|tomorrow|this)\b[^,;]*)$"
)


def _split_penalty(text: str) -> list[str]:
    """The ask and the penalty of a line (one part when no penalty word joins them).

    A plain "or" before a second ask the reader may choose ("be here monday or give me the money
    back by friday") joins two asks, not an ask and a penalty: the split is the next penalty word.
    """
    at = 0
    while True:
        m = _PENALTY_SPLIT.search(text, at)
        if m is None:
            return [text]
        nxt = text[m.end() :].split(None, 1)
        if m.group(0).strip(" ,").lower() == "or" and nxt and nxt[0].lower() in _ALTERNATIVE_ASK:
            at = m.end()
            continue
        return [text[: m.start()], text[m.end() :]]


def _ask_from_pressure(doc: Doc) -> str | None:
    """The ask inside an ultimatum, threat or urgent demand, as a polite request."""
    text = doc.text.replace("\u2019", "'")
    lead = _LEAD_IN.match(text)
    if lead:
        text = text[lead.end() :]
    m = _IF_NOT_STATE.search(text)
    if m:
        neg = m.group("neg").lower()
        subj = m.group("subj").strip()
        if not (subj[:1].isupper() and subj.lower() not in _PRONOUNS):
            subj = subj[0].lower() + subj[1:]  # a name keeps its capital
        rest = tidy(_REPEAT.sub("", m.group("rest")))
        verb = _POSITIVE.get(neg)
        if verb in ("is", "are") and subj.lower() in _BE_SHORT:
            return f"Could you make sure {_BE_SHORT[subj.lower()]} {rest}?"
        if verb:
            return f"Could you make sure {subj} {verb} {rest}?"
        if neg.startswith(("doesn", "does", "don", "do ")):
            return f"Could you make sure {subj} {rest}?"
    for rx in (_IF_NOT, _EITHER):
        m = rx.search(text)
        if m:
            req = _request_from_clause(m.group("ask"))
            if req:
                return req
            # after "if you don't" or "either you" comes the verb phrase of the ask itself
            vp = tidy(_REPEAT.sub("", _CHASING.sub("", m.group("ask")))).strip(" ,;")
            if len(vp.split()) >= 2:
                return f"Could you {vp}?"
    m = _EITHER_THIRD.search(text)
    if m and (
        m.group("subj").lower() in ("he", "she", "they", "it")
        or m.group("subj")[:1].isupper()
        or re.fullmatch(_THING, m.group("subj"), re.I)
    ):
        subj, vp = m.group("subj"), tidy(m.group("vp")).strip(" ,")
        if subj.lower() not in ("he", "she", "they"):
            # a name (a person, a pet, a car) or "it": "could Mochi be gone" does not parse as a request to
            # the reader; "could you make sure Mochi is gone" does, in the line's own words
            if _vp_base(vp):
                return f"Could you make sure {subj} {vp}?"
        else:
            base = _vp_base(vp)
            if base:
                return f"Could {subj.lower()} {base}?"
    m = _EITHER_WE.search(text)
    if m:
        vp = tidy(m.group("vp")).strip(" ,")
        from lemminflect import getAllLemmas

        first = vp.split()[0].lower()
        # "we go back to ...": after "we" the verb is already in its base form ("we went" is no ask)
        if len(vp.split()) >= 2 and first in getAllLemmas(first).get("VERB", ()):
            return f"Could we {vp}?"
    m = _IF_DO.search(text)
    if m:
        vp = tidy(_REPEAT.sub("", m.group("ask")))
        past = _parse_vp_past(vp)
        if past and vp:
            again = " again" if _REPEAT.search(m.group("ask")) else ""
            return f"I'd rather you didn't {vp}{again}."
    m = _IF_YOU_ARE_NOT.search(text)
    if m:
        rest = tidy(_REPEAT.sub("", m.group("rest")))
        if rest:
            return f"Could you be {rest}?"
    m = _IF_THEY_ARE_NOT.search(text)
    if m:
        rest = tidy(_REPEAT.sub("", m.group("rest")))
        subj = m.group("subj").lower()
        if rest:
            short = _BE_SHORT.get(subj, f"{subj}'s")  # "it's"
            return f"Could you make sure {short} {rest}?"
    m = _IF_I_HAVENT.search(text)
    if m:
        when = tidy(m.group("when"))
        if m.group("only_heard"):
            return f"Could you get back to me {when}?"
        obj = tidy(m.group("obj"))
        if obj.lower().startswith(("a ", "an ", "the ", "my ", "any ", "some ", "your ", "payment", "it", "them")):
            also = " or get in touch" if m.group("heard") else ""
            return f"Could you send me {obj}{also} {when}?"
    # "a yes or no", "one way or another": an "or" inside the ask, not before a penalty
    parts = _split_penalty(_OR_INSIDE.sub("\x00", text))
    parts = [p.replace("\x00", " or ") for p in parts]
    if len(parts) == 2 and parts[0].strip():
        from draftwise import nlp

        ask_clause = parts[0].strip(" ,")
        state = _STATE_BY.match(ask_clause)
        if state and state.group("np").split()[0].lower() not in ("i", "you", "u"):
            np_ = state.group("np")
            np_ = np_[:1].lower() + np_[1:] if np_.split()[0].lower() in ("everyone", "everybody", "the") else np_
            return f"Could you get {np_} {state.group('state')} {tidy(state.group('when'))}?"
        req = _request_from_clause(ask_clause, nlp.parse_cached(ask_clause))
        if req:
            return req
        m = _THIRD_NEEDS.match(parts[0].strip(" ,"))
        if m:
            obj = {"he": "him", "she": "her", "they": "them"}[m.group("subj").lower()]
            return f"I'd like {obj} to {tidy(m.group('vp'))}."
    # No penalty in this sentence (it is in the next one): the sentence may be the ask itself.
    # Not when a consequence follows ("say that again and I'll..."): that is a threat, not an ask.
    if len(parts) == 1 and not _CONSEQUENCE.search(text):
        clause = _FINALITY.sub("", text)
        first = re.sub(r"(?i)^(?:please|pls|plz)\s+", "", clause.strip()).split()[:1]
        imperative = (
            bool(first)
            and first[0].lower() not in ("u", "ur", "you", "youre", "i", "im")
            and (first[0].lower() in _POLITE_VERBS or (len(doc) and doc[0].tag_ == "VB"))
        )
        if imperative or re.match(r"(?i)^\s*(?:i (?:want|need|expect)|(?:you|u) (?:need to|have to|must))\b", clause):
            return _request_from_clause(clause, doc)
    return None


def move_ultimatum(doc: Doc) -> Move:
    """Keep the ask inside an ultimatum as a polite request; drop the sentence if it is only the penalty."""
    ask = _ask_from_pressure(doc)
    if ask:
        return Move(
            ask,
            "Keep the ask and drop the penalty: they can say yes to a request, not to a threat to the relationship.",
        )
    return Move("", "This line is the penalty; say what you want elsewhere and leave the penalty out.")


def move_threat(doc: Doc) -> Move:
    """Keep the ask inside a threat as a request, or say plainly what the writer needs."""
    ask = _ask_from_pressure(doc)
    if ask:
        return Move(ask, "Keep what you need and drop the threat: intimidation makes a fair answer impossible.")
    if re.search(r"(?i)\bmyself|my life|end it|kill me\b", doc.text):
        return Move(
            "I'm really struggling right now, and I need support.",
            "Say how bad it is directly and ask for support; please also reach out to the resources above.",
        )
    return Move(
        f"I'm upset about {WHAT}, and I want us to sort it out.",
        "Say what you need resolved instead of what you will do to them.",
    )


def move_guilt_trip(doc: Doc) -> Move:
    """Replace a guilt trip with a direct wish or ask, or a plain statement of hurt."""
    text = doc.text
    m = re.search(
        r"(?i)\b(?:i'?ll|i will|i guess i'?ll)\s+just\s+(?P<vp>[\w' ]+?)\s+(?:alone|by myself|on my own)\b", text
    )
    if m:
        return Move(
            f"I'd really like to {tidy(m.group('vp'))} with you.",
            "Say what you would like instead of what you will suffer without it.",
        )
    ask = _ask_from_pressure(doc)
    if ask:
        return Move(ask, "Ask directly, without the reminder of what you have done for them.")
    return Move(f"I felt hurt when {WHAT}.", "Name the hurt plainly; guilt gets compliance, not closeness.")


def move_urgency(doc: Doc) -> Move:
    """Ask once without the chasing, keeping a real deadline ("by Friday") where the draft gives one."""
    text = doc.text
    m = re.search(r"(?i)\bi (?:need|want) (?:you|u) to\s+(?P<vp>[^.!?]+)", text)
    if m:
        vp = tidy(_CHASING.sub("", m.group("vp"))).strip(" ,")
        if vp:
            return Move(
                end_with(f"Could you {vp} when you see this", "?"), "Ask once, and let them answer in their own time."
            )
    real = re.search(
        r"(?i)\bby\s+(?:the\s+)?(?:end of (?:the )?day|\w+day|tomorrow|tonight|\d{1,2}(?::\d\d)?\s*(?:am|pm)?|the \d+\w*)\b",
        text,
    )
    m = re.match(
        r"(?i)^\s*(?:please\s+)?(?P<verb>answer|reply|respond|call|text|ring|message|get back to|pick up)\b(?P<rest>[^.!?]*)",
        text,
    )
    if m:
        rest = _CHASING.sub("", m.group("rest"))
        rest = re.sub(r"(?i)\b(?:the|your|ur) (?:damn |fucking )?phone\b", "", rest)
        verb = m.group("verb").lower()
        if verb in ("answer", "reply", "respond", "message") and re.match(r"(?i)^\s*(?:me|to me)?\s*$", rest):
            verb, rest = "get back to me", ""  # "answer me" chases; "get back to me" asks
        base = tidy(f"{verb} {rest}")
        when = f" {real.group(0)}" if real and real.group(0) not in base else ""
        return Move(
            end_with(f"Could you {base}{when} when you get a chance", "?"),
            "Ask once, and let them answer in their own time.",
        )
    need = re.search(
        r"(?i)\bi (?:need|want)\s+(?P<obj>(?:the|my|a|an|your|ur|this|that|it|them)\b[\w' ]{0,40}?)(?=\s*(?:,|\btoday\b|\btonight\b|\bby\b|\bnow\b|\basap\b|$|[.!?]))",
        text,
    )
    when_words = " ".join(
        dict.fromkeys(
            w.group(0)
            for w in re.finditer(
                r"(?i)\b(?:today|tonight|tomorrow)\b|\bby\s+(?:the\s+)?(?:end of (?:the )?day|\w+day|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)\b",
                text,
            )
        )
    )
    if need:
        obj = tidy(need.group("obj"))
        return Move(
            end_with(f"Could I have {obj}{(' ' + when_words) if when_words else ''}, please", "?"),
            "Keep the real deadline and drop the chasing.",
        )
    if real:
        return Move(f"Could you let me know {real.group(0)}?", "Keep the real deadline and drop the chasing.")
    return Move(
        "I'd like to hear from you when you're free.", "Chasing makes it harder to reply; ask once and give them time."
    )


_BEGGING = re.compile(
    r"(?i)\b(?:please+|pls|plz|(?:i'?m|im|i am) (?:literally |actually |honestly |genuinely |just )?begging(?: you| u)?|"
    r"i (?:literally |honestly )?beg (?:you|u)|begging (?:you|u)|i swear|i'?ll do (?:literally )?anything|"
    # "anything" alone is begging only at the end of a plea ("..., anything"); "is there anything" asks
    r"anything(?=\s*[,.!]*\s*$)|just|on my knees)\b[,!.]*\s*"
)


def move_desperation(doc: Doc) -> Move:
    """Strip the begging and keep the request or offer underneath it."""
    core = tidy(_BEGGING.sub("", doc.text)).strip(" ,.!?")
    core = re.sub(r"(?i)^(?:and|but|so|or)\s+", "", core)
    if core and len(core.split()) >= 3:
        req = _request_from_clause(core)
        if req and not re.search(r"(?i)\b(?:come back|stay|don'?t (?:leave|go))\b", core):
            return Move(req, "Ask for what you need without begging; it leaves them free to say yes.")
        m = re.match(r"(?i)^(?:i'?ll|i will|i can)\s+(?P<vp>.+)$", core)
        if m and not re.search(r"(?i)\b(?:die|kill|hurt|end)\b", core):
            return Move(end_with(f"I'll {tidy(m.group('vp'))}"), "Offer what you can do, without the pleading.")
    if re.search(r"(?i)\bcome back|miss (?:you|u)|without (?:you|u)|can'?t lose (?:you|u)|don'?t leave", doc.text):
        return Move(
            "I miss you, and I'd like to talk when you're ready.",
            "Say what you feel and leave them free to answer; pleading puts your wellbeing on them.",
        )
    return Move(
        "This matters a lot to me, and I'd really like us to find a way through it.",
        "Say how much it matters without begging.",
    )


def move_social_pressure(doc: Doc) -> Move:
    """Replace what others supposedly think with the writer speaking for themselves."""
    text = doc.text
    m = re.search(r"(?i)\b(?:owe me|owe us)\s+(?P<what>an? [\w ]+?|[\w ]+?)[.!?]*$", text)
    if m:
        return Move(
            end_with(f"I'd like {m.group('what')}"), "Speak for yourself: other people's opinions read as ganging up."
        )
    return Move(
        f"I see {WHAT} differently, and I'd like to talk it through with you.",
        "Speak for yourself: other people's verdicts read as ganging up.",
    )


def move_loaded_opener(doc: Doc) -> Move:
    """Replace an ominous opener ("we need to talk") with one that says what it is about."""
    return Move(
        f"Can we talk about {WHAT_ABOUT} when you're free?",
        "Say what it is about, so they aren't left dreading the conversation.",
    )


MOVES = {
    "character": move_character,
    "absolute": move_absolute,
    "mind_reading": move_mind_reading,
    "feelings_blame": move_feelings_blame,
    "contempt": move_contempt,
    "accusatory_question": move_accusatory_question,
    "ultimatum": move_ultimatum,
    "threat": move_threat,
    "guilt_trip": move_guilt_trip,
    "urgency": move_urgency,
    "desperation": move_desperation,
    "social_pressure": move_social_pressure,
    "loaded_opener": move_loaded_opener,
}

# When a sentence has several problems, the move for the first of these decides.
PRIORITY = (
    "threat",
    "ultimatum",
    "urgency",
    "loaded_opener",
    "desperation",
    "guilt_trip",
    "social_pressure",
    "feelings_blame",
    "character",
    "mind_reading",
    "accusatory_question",
    "absolute",
    "contempt",
)


def apply(issue: str, doc: Doc) -> Move:
    """The move for ``issue`` applied to one parsed sentence."""
    return MOVES[issue](doc)


@functools.lru_cache(maxsize=1024)
def apply_cached(issue: str, doc: Doc) -> Move:
    """:func:`apply`, once per (issue, parsed sentence): suggestions and ranking share the result.

    ``doc`` comes from :func:`draftwise.nlp.parse_cached`, so the same sentence is the same object.
    """
    return apply(issue, doc)


# -- the pieces the light edit (``edit.py``) reuses ------------------------------------


def ask_from_pressure(doc: Doc) -> str | None:
    """The ask inside an ultimatum, threat or urgent demand, as a plain request (``None`` if there is none)."""
    return _ask_from_pressure(doc)


POLITE_VERBS = frozenset(_POLITE_VERBS)
"""Verbs whose imperative is a request that can be asked politely ("call me" -> "Could you call me?")."""


def request_from_clause(text: str) -> str | None:
    """An ask clause ("call me tonight", "you need to pay me back") as a polite request, or ``None``."""
    from draftwise import nlp

    return _request_from_clause(text, nlp.parse_cached(text))


def has_consequence(text: str) -> bool:
    """Whether a line goes on to a consequence ("... and I'll", "... or else", "one more time")."""
    return bool(_CONSEQUENCE.search(text) or re.search(r"(?i)\bor (?:else|i'?ll|ill|we'?re|you'?ll|u'?ll)\b", text))


# "today, not next week, today": the deadline said once is the deadline; the contrast is the pressure
_NOT_LATER = re.compile(
    r"(?i),?\s*\bnot (?:next week|next month|tomorrow|later|whenever|in a (?:few days|week|fortnight)|at the weekend|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b(?:,\s*(?:today|tonight|now)\b)?"
)


def strip_chasing(text: str) -> str:
    """``text`` without the chasing words ("now", "asap", "right away", "in the next hour", ", not next week")."""
    return tidy(_CHASING.sub("", _NOT_LATER.sub("", text)))


def strip_begging(text: str) -> str:
    """``text`` without the begging words ("please please", "I'm begging you", "just")."""
    return tidy(_BEGGING.sub("", text))


def vp_past(vp: str) -> str | None:
    """The verb phrase with its first verb in the past tense ("forget my birthday" -> "forgot my birthday")."""
    return _parse_vp_past(vp)


def as_you_clause_past(doc: Doc, drop_words: set[str]) -> str | None:
    """The sentence's "you" clause in the past tense without ``drop_words`` ("you never call" -> "you didn't call")."""
    return _as_you_clause_past(doc, drop_words)


def strip_absolutes(text: str) -> str:
    """``text`` without "always", "constantly", "every single time" and the like."""
    return _strip_absolutes(text)


def feeling_from_make(doc: Doc) -> str | None:
    """The feeling in "you make me feel X" / "you made me so X", or ``None``."""
    return _feeling_from_make(doc)
