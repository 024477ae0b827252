"""Grammar for the rewrites: verb forms (lemminflect) and tidying.

Everything here works on spaCy tokens of a parsed sentence, so the moves in
``moves.py`` can change a verb's tense or rebuild a phrase without its
absolutes, and the result still reads as English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def past_of(lemma: str, subject: str = "you") -> str:
    """Simple past of a lemma, agreeing with the subject for "be"."""
    from lemminflect import getInflection

    if lemma == "be":
        return "was" if subject.lower() in ("i", "he", "she", "it") else "were"
    forms = getInflection(lemma, tag="VBD")
    return forms[0] if forms else lemma


def span_text(tokens: Iterable[Token], drop: set[int] | None = None, replace: dict[int, str] | None = None) -> str:
    """Text of tokens in order, skipping ``drop`` and substituting ``replace`` (by token index)."""
    drop = drop or set()
    replace = replace or {}
    out = []
    last = None
    for t in tokens:
        if t.i in drop:
            continue
        word = replace.get(t.i, t.text)
        # Words that met across a dropped stretch need a space ("urself, u never could": "urself could").
        if last is not None and t.i != last + 1 and out and not out[-1].endswith(" ") and word[:1].isalnum():
            word = " " + word
        last = t.i
        # A clitic replaced by a full word ("You're" -> "You were") needs its own space.
        if (
            t.i in replace
            and (t.text.startswith("'") or t.lower_ == "n't")
            and word
            and not word.startswith("'")
            and out
            and not out[-1].endswith(" ")
        ):
            word = " " + word
        out.append(word + t.whitespace_)
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
    """Strip the text and capitalise its first character, leaving the rest as it is."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text


def end_with(text: str, mark: str = ".") -> str:
    """Replace the text's closing punctuation (and any trailing comma or colon) with ``mark``."""
    text = text.rstrip()
    text = re.sub(r"[.!?…]+$", "", text).rstrip(" ,;:")
    return text + mark
