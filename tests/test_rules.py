"""Detector tables on a blank spaCy pipeline (``spacy.blank("en")`` with a sentencizer): no model, seconds.

Each registered detector is run alone on drafts whose sentences come from the rule segmenter and
whose tokens come from a blank pipeline, so these tables test the rules themselves: positives,
and the near misses and idioms LABELS.md names. The end-to-end tables (``test_detectors.py``)
test what a user sees through the trained models.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest

from draftwise.detectors.base import DraftView, SentenceView, normalise
from draftwise.detectors.registry import all_rule_names, detector_classes, detectors
from draftwise.segment import split_sentences


@lru_cache(maxsize=1)
def _blank():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def view(text: str) -> DraftView:
    spans = split_sentences(text)
    docs = list(_blank().pipe([text[s.start : s.end] for s in spans]))
    return DraftView(
        text,
        tuple(
            SentenceView(i, s.start, s.end, text[s.start : s.end], normalise(text[s.start : s.end]), d)
            for i, (s, d) in enumerate(zip(spans, docs, strict=True))
        ),
    )


def labels(stage: str, text: str) -> set[str]:
    v = view(text)
    found = set()
    for d in detectors(stage):
        for f in d.detect(v):
            assert text[f.start : f.end] == f.cue, f  # every finding's evidence is exact
            found.add(f.label)
    return found


ANALYSIS_ROWS = [
    # (draft, label that must be found, label that must not)
    ("You ALWAYS do this.", "absolute", None),
    ("you're so selfish", "character", None),
    ("what is wrong with you?", "accusatory_question", None),
    ("You make me feel worthless.", "feelings_blame", None),
    ("I always love your cooking.", None, "absolute"),
    ("You said 'you're useless' to me.", None, "character"),
    ("Call me tonight or don't bother calling ever again.", "ultimatum", None),
    ("If you're not there by eight I'll head home and we can reschedule.", None, "ultimatum"),
    ("After everything I've done for you, this is how you treat me.", "guilt_trip", None),
    ("Answer me NOW.", "urgency", None),
    ("Everyone I've told says you're in the wrong.", "social_pressure", None),
    ("We need to talk.", "loaded_opener", None),
    ("Could you let me know by Thursday if you're coming?", "assert", None),
    ("I felt embarrassed in front of my parents.", "express", None),
    ("I'm sorry you feel that way.", "non_apology", None),
    ("and another thing, your birthday last year was a disaster", "old_grievance", None),
]


@pytest.mark.parametrize(("text", "present", "absent"), ANALYSIS_ROWS)
def test_analysis_rules(text: str, present: str | None, absent: str | None) -> None:
    found = labels("analysis", text)
    if present:
        assert present in found, found
    if absent:
        assert absent not in found, found


SCREEN_ROWS = [
    ("i'm going to kill myself", {"suicide"}),
    ("everyone would be better off without me", {"suicide"}),
    ("been cutting again", {"self_harm"}),
    ("i'll stab him if he comes back", {"violence"}),
    ("no puedo más, me quiero matar", {"suicide"}),
    ("this traffic is killing me", set()),
    ("i could murder a pizza", set()),
    ("we need to end the lease in march", set()),
    ("me muero de hambre", set()),
]


@pytest.mark.parametrize(("text", "expected"), SCREEN_ROWS)
def test_screen_rules(text: str, expected: set[str]) -> None:
    assert labels("screen", text) == expected


def test_every_detector_is_registered_once_and_runs() -> None:
    names = [c.name for s in ("screen", "analysis") for c in detector_classes(s)]
    assert len(names) == len(set(names)) >= 7
    assert {"skills", "phrasing", "tactics", "apology", "qualities", "safety", "safety_multilingual"} <= set(names)


def test_the_models_rule_names_are_the_codes() -> None:
    from draftwise.models.store import package_dir

    root = package_dir()
    if root is None:
        pytest.skip("no trained models installed")
    stored = json.loads((root / "meta.json").read_text(encoding="utf-8"))["rule_names"]
    assert stored == all_rule_names(), "rules changed since the models were trained: run draftwise-lab train"
