"""The trained judgement behind the detectors (filled in by the models issue).

Until models are trained and shipped in ``models/``, :func:`load_judge`
returns None and the analyser runs on its rules alone.
"""

from __future__ import annotations

from typing import Any


class Judge:
    """Label probabilities from trained heads; see the models issue."""

    thresholds: dict[str, float]

    def predict(self, views: Any, findings: Any) -> list[Any]:
        raise NotImplementedError

    def evidence(self, view: Any, probs: Any, settings: Any) -> list[Any]:
        raise NotImplementedError

    def settings(self, base: Any) -> Any:
        return base


def load_judge() -> Judge | None:
    """The trained judge, or None when no trained models are installed."""
    return None
