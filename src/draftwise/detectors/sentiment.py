"""VADER's lexicon as a signal (valence per sentence), loaded once and offline.

vaderSentiment ships its lexicon inside the package (MIT); it is a signal for
the guards of the blame rules ("you always make me laugh" is not blame) and for
intensity, never a label on its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _analyser() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@lru_cache(maxsize=65536)
def compound(text: str) -> float:
    """VADER compound valence in [-1, 1]."""
    return float(_analyser().polarity_scores(text)["compound"])
