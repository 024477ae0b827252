"""Checks a rewrite must pass, shared by the evaluation and the tests.

- ``keeps_facts``: every number, amount, time, date and capitalised name of the
  original is still there;
- ``keeps_ask``: the content words of what the writer asked for (their assert
  sentences, and the demand inside an ultimatum, threat or urgent chase) are
  still there;
- ``fluency_problems``: things a reader would trip over: a doubled word, a
  dangling "when" or "and", an "I" that should be "me", unbalanced brackets.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

_FACT = re.compile(
    r"[£$€]\s?\d[\d,.]*|\d+(?:[:.]\d+)?(?:\s?(?:am|pm|st|nd|rd|th|k|%))?|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|"
    r"august|september|october|november|december|tomorrow|tonight|today|yesterday)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def facts(text: str) -> frozenset[str]:
    """Numbers, amounts, times, dates and names (spaCy's proper nouns) that a rewrite must keep.

    Cached per text (the candidates of one draft ask for the facts of the same sentences again and
    again), and tagged by the analysis pipeline without the parser: the tags are the same.
    """
    from draftwise import nlp

    out = {m.group(0).lower().strip() for m in _FACT.finditer(text)}
    for tok in nlp.load()(text):  # the tags alone: the analysis pipeline, without the parser
        proper = tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and tok.is_alpha and len(tok.text) > 1
        if proper and tok.lower_ not in NOT_NAMES and not tok.text.isupper():
            out.add(tok.lower_)
    return frozenset(out)


# Capitalised words the tagger may call proper nouns that are not names a rewrite must keep.
NOT_NAMES = frozenset(
    """i hi hey dear thanks thank sorry please ok okay regards best cheers love mum mom dad mummy daddy nan gran grandma
    grandad auntie aunty uncle sis bro babe hun mate sir madam mr mrs ms dr god omg lol fyi asap pls""".split()
)


def new_facts(original: str, candidate: str) -> list[str]:
    """Facts of the candidate that the original does not have, in any case.

    A name the draft shouted ("RHIANNON", not a name to the tagger) and the candidate says
    calmly ("Rhiannon") is the writer's, not a new one.
    """
    low = original.lower()
    return sorted(f for f in facts(candidate) if f not in low)


def keeps_facts(original: str, candidate: str) -> bool:
    """True when every fact of the original (numbers, dates, names) is still in the candidate."""
    low = candidate.lower()
    return all(f in low for f in facts(original))


__all__ = ["ask_terms", "facts", "fluency_problems", "keeps_ask", "keeps_facts", "new_facts"]

_STOP = frozenset(
    """a an the and or but if so to of in on at for with by from up out about into over as is are was were be been
    am do does did have has had i me my you your u ur we us our it its this that these those can could would will
    shall should may might must need want like let know please pls plz just really get got make made go going
    tonight today tomorrow now asap again also still not no dont don't cant can't wont won't im i'm youre you're
    when what who how why where which there here then than too very""".split()
)
_WORD = re.compile(r"[a-z0-9£$€][a-z0-9'£$€.,]*[a-z0-9]|[a-z0-9]")


def _content(text: str) -> set[str]:
    out = set()
    for w in _WORD.findall(text.lower()):
        w = w.strip(".,'")
        if w and w not in _STOP and len(w) > 2:
            out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return out


def ask_terms(report: object) -> list[set[str]]:
    """Content words of each ask: the writer's assert sentences, and the demand a pressure move keeps.

    For an ultimatum, threat or urgent chase, the ask is what the sentence's move turns into a
    polite request ("Call me tonight or don't bother" -> "Could you call me tonight?"); a
    pressure sentence with no recoverable demand has no ask to keep.
    """
    from draftwise import nlp
    from draftwise.rewrite import moves

    asks = []
    for s in report.sentences:  # type: ignore[attr-defined]
        if "assert" in s.skills:
            asks.append(_content(s.text))
        elif set(s.tactics) & {"ultimatum", "threat", "urgency"}:
            issue = next(i for i in moves.PRIORITY if i in s.tactics)
            req = moves.apply_cached(issue, nlp.parse_cached(s.text)).replacement
            m = re.match(r"(?i)^(?:could you|i'd like|i'd rather you didn't)\s+(.+?)[.?!]*$", req)
            if m and "[" not in m.group(1):
                terms = _content(re.sub(r"(?i)\bwhen you get a chance\b", "", m.group(1)))
                if terms:
                    asks.append(terms)
    return [a for a in asks if a]


def keeps_ask(report: object, candidate: str, need: float = 0.6, asks: list[set[str]] | None = None) -> bool:
    """True when ``candidate`` keeps at least ``need`` of the content words of every ask of the draft.

    ``asks`` (from :func:`ask_terms`) may be passed when several candidates of one draft are checked.
    """
    have = _content(candidate)
    return all(len(a & have) >= need * len(a) for a in (ask_terms(report) if asks is None else asks))


_DANGLING = re.compile(r"(?i)\b(?:when|and|but|because|to|the|a|of|with)\s*[.!?]*\s*$")


def fluency_problems(text: str) -> list[str]:
    """What would make a reader stumble; empty when the text reads cleanly."""
    problems = []
    body = re.sub(r"\[[^\]]*\]", "X", text)
    for m in re.finditer(r"\b(\w+)\s+\1\b", body, re.IGNORECASE):
        if m.group(1).lower() not in ("had", "that", "very", "so", "really", "x", "no", "ha", "bye", "please", "pls"):
            problems.append(f"doubled word: {m.group(0)!r}")
    for line in re.split(r"(?<=[.!?])\s+|\n", text):
        if line.strip() and _DANGLING.search(line.strip()) and not line.strip().endswith("]"):
            problems.append(f"dangling word at the end: {line.strip()[-30:]!r}")
    if text.count("[") != text.count("]"):
        problems.append("unbalanced slot brackets")
    if re.search(r"(?i)\b(?:make|made|makes|tell|told|help|call|ask|asked|give|gave|let)\s+I\b(?!')", body):
        problems.append("'I' where 'me' belongs")
    if re.search(r"(?i)\bI\s+(?:are|were)\b", body):
        problems.append("'I are/were'")
    if re.search(r"(?i)\byou\s+(?:am|was)\b", body):
        problems.append("'you am/was'")
    if re.search(r"(?i)\bme\s+(?:am|is|are|was|will|feel|felt|think)\b", body):
        problems.append("'me' as a subject")
    if re.search(r"\s[,.;:!?]", text) or re.search(r",[.!?]", text):
        problems.append("stray punctuation")
    return problems


def all_fluent(texts: Iterable[str]) -> bool:
    return all(not fluency_problems(t) for t in texts)
