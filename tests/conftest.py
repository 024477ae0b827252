"""Shared fixtures: one Analyzer for the whole session (loading models is the slow part)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


@pytest.fixture(scope="session")
def analyzer():
    from draftwise import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def rules_analyzer():
    from draftwise import Analyzer

    return Analyzer(models=False)


def pytest_collection_modifyitems(items: list) -> None:
    """Mark every test that goes through the trained Analyzer (or the app/CLI, which load it) as ``model``.

    ``pytest -m "not model"`` then runs the layer tests alone in seconds: detector tables on blank
    spaCy, decision tables on hand-made probabilities, readers, writers and rendering.
    """
    end_to_end = {
        "test_app.py",
        "test_browser.py",
        "test_cli.py",
        "test_distributed.py",
        "test_golden.py",
        "test_privacy.py",
        "test_resume.py",
        "test_rewrite.py",
    }
    for item in items:
        if "analyzer" in getattr(item, "fixturenames", ()) or item.path.name in end_to_end:
            item.add_marker(pytest.mark.model)
