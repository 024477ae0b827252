"""Labels LABELS.md rules out whatever a model says: applied to the probabilities, once, here.

Both sources of probabilities (the trained judge and the rules) call :func:`masked` for each
sentence before anything is decided from them, so an override holds in rule mode and model
mode alike, and the judge's draft heads see the overridden sentence probabilities.
"""

from __future__ import annotations

import re

from draftwise.labels import BLAME_TYPES

# A farewell on its own ("see you later", "talk soon x", "night!"): LABELS.md defines a loaded
# opener as one that "signals trouble without content", and a farewell signals none. The corpus
# has almost no bare farewells, so the model alone reads "talk later" as "we'll talk later...".
_FAREWELL = re.compile(
    r"(?i)^\W*(?:(?:ok(?:ay)?|k|kk|right|cool|great|thanks|thank (?:you|u)|thx|ta|lovely|perfect|sounds good|"
    r"no worries|anyway|love (?:you|u)|love ya)[\s,.!]+)*"
    r"(?:(?:see|catch) (?:you|u|ya)(?:\s+(?:later|soon|tomorrow|tmrw|tmr|tonight|then|in a bit|next week|"
    r"on \w+day|at the \w+))*"
    r"|(?:talk|speak|chat) (?:to (?:you|u) )?(?:later|soon|in a bit)|ttyl|bye+|good ?night|night|nite|laters|cya)"
    r"[\s.!,:)(xX\u2600-\u27BF\U0001F300-\U0001FAFF]*$"
)


def is_farewell(text: str) -> bool:
    """True when the sentence is only a friendly farewell, which can never be a loaded opener."""
    return bool(_FAREWELL.match(text.strip()))


# "I felt like a complete idiot", "i feel so stupid": the writer's own feeling about themself.
# LABELS.md's blame is about the reader ("character: a label for who they are"); a sentence that
# names no reader and says how the writer felt labels no one else. The model reads "idiot" as
# name-calling, and the rewriter's own recasts of "you made me feel like an idiot" say exactly this.
_SELF_FEELING = re.compile(
    r"(?i)^\W*(?:[^.!?]*?\b(?:and|so)\s+)?(?:(?:and|but|so|honestly|tbh|now|then)[,\s]+)*(?:i|i'?ve|i have|ive)\s+(?:just\s+|really\s+|honestly\s+|"
    r"have\s+|been\s+)*(?:feel|felt|feeling)\s+(?:like\s+)?(?:such\s+|a\s+|an\s+|so\s+|really\s+|completely\s+|"
    r"total\s+|complete\s+|absolute\s+|proper\s+|right\s+|bit\s+of\s+(?:a\s+|an\s+)?)*(?P<word>[a-z-]+)\b"
)
_READER = re.compile(r"(?i)\b(?:you|u|your|ur|yours|youre|you'?re|ya|yourself|urself|y'?all)\b")
_SELF_WORDS = frozenset({"stupid", "useless", "worthless", "small", "mug", "fool", "idiot", "failure", "joke"})
BLAME = ("blame", *BLAME_TYPES)
"""Phrasing ``blame`` and its six kinds, masked together."""


def is_self_feeling(text: str) -> bool:
    """True when the sentence is the writer's feeling about themself ("I felt like an idiot", "i missed the bus and now i feel like an idiot") and names no reader."""
    from draftwise.lexicons import NEGATIVE_TRAITS

    m = _SELF_FEELING.match(text.strip())
    if not m or _READER.search(text):
        return False
    word = m.group("word").lower()
    return word in NEGATIVE_TRAITS or word in _SELF_WORDS


# "sorry, in a meeting, will ring you later": the writer promises to call; like a farewell it
# signals no trouble, unless the line also says there is something to talk about. No sentence of
# the corpus or the real messages with such a promise is labelled a loaded opener (0 of 11).
_PROMISE_TO_CALL = re.compile(
    r"(?i)\b(?:i'?ll|i will|ill|will)\s+(?:call|ring|phone|text|message|msg|get back to)\s+(?:you|u)\b"
)
_OMINOUS = re.compile(
    r"(?i)\b(?:talk|chat|speak|word|words|discuss|serious|important|urgent|need to|have to|got to|gotta|something)\b"
)


def is_promise_to_call(text: str) -> bool:
    """True when the sentence promises to call or text the reader and names nothing ominous."""
    return bool(_PROMISE_TO_CALL.search(text)) and not _OMINOUS.search(text)


# "call me when ur free", "mum can u ring me tonight", "give me a call later x": the whole line is a
# request to call, with at most a when (a name may come first); no rush, nothing ominous.
_CALL_REQUEST = re.compile(
    r"(?i)^\W*(?:(?:hey|hi|ok|okay|so|and)[,\s]+)?(?:[a-z]+,?\s+(?=(?:could|can|would|will|please|pls)\b))?(?P<polite>(?:could|can|would|will)\s+(?:you|u)\s+|please\s+|pls\s+)?"
    r"(?:please\s+)?(?:call|ring|phone|text|message|msg|give me a (?:call|ring|bell))(?:\s+me)?\b(?P<rest>[^.!?]*)[.?]*[\sx]*$"
)
_RUSH = re.compile(r"(?i)\b(?:now|asap|immediately|right away|straight away|the (?:minute|second|moment|instant))\b")


# "When are you free today?", "r u around later?": asking when they can talk is the arrangement itself
_WHEN_FREE = re.compile(
    r"(?i)^\W*(?:[a-z]+,?\s+)?(?:(?:when|what time)\s+(?:are|r|will)\s+(?:you|u)\s+(?:be\s+)?|(?:are|r)\s+(?:you|u)\s+)"
    r"(?:free|around|about|home|back)\b(?P<rest>[^.!?]*)\?*\s*$"
)


def is_plain_call_request(text: str) -> bool:
    """True when the sentence only asks the reader to call or text (or when they are free), with at most a relaxed when.

    LABELS.md's loaded opener is trouble signalled without content ("We need to talk.", "Call me.
    It's important."): the trouble is in the ominous words, and where they sit in their own
    sentence, that sentence carries the label. A request to call that names no rush and nothing
    ominous ("call me when ur free") is how people arrange a call; a bare "Call me." is not this.
    """
    free = _WHEN_FREE.match(text.strip())
    if free:
        return not _OMINOUS.search(text) and not _RUSH.search(free.group("rest"))
    m = _CALL_REQUEST.match(text.strip())
    rest = m.group("rest").strip() if m else ""
    # a bare "Call me." is curt enough to be the opener itself; "could you call me?" asks
    return bool(m) and bool(rest or m.group("polite")) and not _OMINOUS.search(text) and not _RUSH.search(rest)


def masked(sentence_text: str) -> frozenset[str]:
    """The labels whose probability is forced to 0 for this sentence."""
    if is_farewell(sentence_text) or is_promise_to_call(sentence_text) or is_plain_call_request(sentence_text):
        return frozenset({"loaded_opener"})
    if is_self_feeling(sentence_text):
        return frozenset(BLAME)
    return frozenset()
