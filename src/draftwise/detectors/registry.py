"""The detector registry: each detector file registers its class with one line.

``@register(stage, order)`` puts a detector in one of two stages:

- ``screen``: the safety screen (``draftwise.screen``), run on plain strings before anything
  that can fail;
- ``analysis``: run on the spaCy-tagged draft by the ``Analyzer``.

``order`` fixes the order findings come in (the first explanation given for a label is the one
shown). Every consumer (the analyser, the screen, the models' rule features) reads this
registry; no list of detectors is kept anywhere else.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

STAGES = ("screen", "analysis")
_REGISTRY: dict[str, tuple[str, int, type]] = {}


def register(stage: str, order: int) -> Callable[[type], type]:
    """Class decorator: register a detector for ``stage`` at position ``order``."""
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}")

    def deco(cls: type) -> type:
        _REGISTRY[cls.name] = (stage, order, cls)  # type: ignore[attr-defined]
        return cls

    return deco


def _load_all() -> None:
    """Import every module of the detectors package, so each registers itself."""
    import draftwise.detectors as pkg

    for m in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(f"{pkg.__name__}.{m.name}")


def detector_classes(stage: str) -> list[type]:
    """The registered detector classes of one stage, in their order."""
    _load_all()
    return [cls for s, _, cls in sorted(_REGISTRY.values(), key=lambda v: v[1]) if s == stage]


def detectors(stage: str) -> list[Any]:
    """One instance of each registered detector of ``stage``, in order."""
    return [cls() for cls in detector_classes(stage)]


def all_rule_names() -> list[str]:
    """Every rule name of every registered detector, sorted: the models' rule features.

    A detector's ``rules`` give their names; findings made in code (not by a ``Rule``) declare
    their names in the detector's ``code_rule_names``.
    """
    names: set[str] = set()
    for stage in STAGES:
        for cls in detector_classes(stage):
            names |= {r.name for r in getattr(cls, "rules", ())}
            names |= set(getattr(cls, "code_rule_names", ()))
    return sorted(names)
