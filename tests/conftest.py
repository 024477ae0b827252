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
