"""Grammar for the rewrites: verb forms (lemminflect), person swaps, tidying.

Everything here works on spaCy tokens of a parsed sentence, so the moves in
``moves.py`` can change a verb's tense, turn "you"/"me" around, or rebuild a
phrase without its absolutes, and the result still reads as English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

# Second person <-> first person, by grammatical role.
_SWAP_SUBJECT = {"you": "I", "u": "I", "i": "you", "we": "we"}
_SWAP_OBJECT = {"you": "me", "u": "me", "me": "you", "us": "us"}
_SWAP_POSSESSIVE = {"your": "my", "ur": "my", "my": "your", "yours": "mine", "mine": "yours", "our": "our"}
_SWAP_REFLEXIVE = {"yourself": "myself", "myself": "yourself"}
_BE_FOR = {
    "I": {"are": "am", "were": "was", "'re": "'m", "re": "'m"},
    "you": {"am": "are", "'m": "'re", "m": "'re", "was": "were"},
}


def inflect(token: Token, tag: str) -> str:
    """The token's verb in another form (``VBD`` past, ``VB`` base, ``VBG``...), case kept."""
    from lemminflect import getInflection

    lemma = token.lemma_.lower() if token.lemma_ else token.lower_
    if token.lower_ in ("'s", "'re", "'m", "re", "m", "s") and token.lemma_ == "be":
        lemma = "be"
    forms = getInflection(lemma, tag=tag)
    if not forms:
        return token.text
    out = forms[0]
    return out.capitalize() if token.text[:1].isupper() and token.i == token.sent.start else out


def past_of(lemma: str, subject: str = "you") -> str:
    """Simple past of a lemma, agreeing with the subject for "be"."""
    from lemminflect import getInflection

    if lemma == "be":
        return "was" if subject.lower() in ("i", "he", "she", "it") else "were"
    forms = getInflection(lemma, tag="VBD")
    return forms[0] if forms else lemma


def swap_person(tokens: Iterable[Token]) -> str:
    """Rebuild text with first and second person swapped ("you ignore my texts" -> "I ignore your texts").

    Subjects, objects, possessives and reflexives each map by role, and the
    verb "be" agrees with its new subject ("you are" -> "I am", "I was" -> "you were").
    """
    toks = list(tokens)
    out: list[str] = []
    new_subject = {}
    for t in toks:
        low = t.lower_
        word = t.text
        if low in _SWAP_REFLEXIVE:
            word = _SWAP_REFLEXIVE[low]
        elif t.tag_ in ("PRP$",) or (
            low in ("your", "ur", "my", "yours", "mine") and t.dep_ in ("poss", "attr", "dobj", "pobj")
        ):
            word = _SWAP_POSSESSIVE.get(low, word)
        elif low in ("you", "u", "i", "me"):
            if t.dep_ in ("nsubj", "nsubjpass", "expl") or (low == "i"):
                word = _SWAP_SUBJECT.get(low, word) if low != "me" else "you"
                new_subject[t.head.i] = word
            else:
                word = _SWAP_OBJECT.get(low, word)
        out.append(word + t.whitespace_)
    # Agreement of "be" with a swapped subject.
    for k, t in enumerate(toks):
        if t.lemma_ == "be" and (t.head.i in new_subject or t.i in new_subject):
            subj = new_subject.get(t.i) or new_subject.get(t.head.i)
            table = _BE_FOR.get("I" if subj == "I" else "you" if subj == "you" else "", {})
            low = t.lower_
            if low in table:
                repl = table[low]
                if low.startswith("'") or low in ("re", "m"):
                    # contraction: attach to the previous word
                    out[k] = repl + t.whitespace_
                else:
                    out[k] = repl + t.whitespace_
    text = "".join(out).strip()
    return text[:1].upper() + text[1:] if toks and toks[0].text[:1].isupper() else text


def span_text(tokens: Iterable[Token], drop: set[int] | None = None, replace: dict[int, str] | None = None) -> str:
    """Text of tokens in order, skipping ``drop`` and substituting ``replace`` (by token index)."""
    drop = drop or set()
    replace = replace or {}
    out = []
    for t in tokens:
        if t.i in drop:
            continue
        out.append(replace.get(t.i, t.text) + t.whitespace_)
    return tidy("".join(out))


_DOUBLED = re.compile(r"\b(\w+)(\s+\1\b)+", re.IGNORECASE)


def tidy(text: str) -> str:
    """Collapse spaces, doubled words, space before punctuation and stray commas."""
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = _DOUBLED.sub(lambda m: m.group(1) if m.group(1).lower() not in ("had", "that", "very") else m.group(0), text)
    text = re.sub(r"\s+([,.!?;:])", r"\1", text)
    text = re.sub(r"([,;:])(?=[.!?])", "", text)
    text = re.sub(r"^[,;:\s]+", "", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r"\(\s*\)", "", text)
    return text.strip()


def sentence_case(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def end_with(text: str, mark: str = ".") -> str:
    text = text.rstrip()
    text = re.sub(r"[.!?…]+$", "", text).rstrip(" ,;:")
    return text + mark


def subtree_ids(token: Token) -> set[int]:
    return {t.i for t in token.subtree}
