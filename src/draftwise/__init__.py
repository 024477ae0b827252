"""draftwise: reads a hard message before it is sent, privately, on your own machine.

from draftwise import Analyzer
report = Analyzer().analyse("we need to talk")
report.to_dict()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["Analyzer", "Report", "Settings", "__version__"]

if TYPE_CHECKING:
    from draftwise.config import Settings
    from draftwise.pipeline import Analyzer
    from draftwise.results import Report


def __getattr__(name: str) -> object:
    if name == "Analyzer":
        from draftwise.pipeline import Analyzer

        return Analyzer
    if name == "Report":
        from draftwise.results import Report

        return Report
    if name == "Settings":
        from draftwise.config import Settings

        return Settings
    raise AttributeError(name)
