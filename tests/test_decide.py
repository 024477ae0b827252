"""Decision tables on hand-made probabilities: no spaCy, no model, milliseconds.

Each row fixes probabilities and findings and says which labels ``draftwise.decide`` must give,
so a change to a convention of LABELS.md section 7 shows up here before any end-to-end test.
"""

from __future__ import annotations

import pytest

from draftwise import decide
from draftwise.config import Settings
from draftwise.decide import overrides, reasons
from draftwise.detectors.base import DraftView, Finding, SentenceView, normalise
from draftwise.labels import BLAME_TYPES, PHRASING, SKILLS, TACTICS
from draftwise.results import Intensity, TacticFinding

SETTINGS = Settings()


def view(*sentences: str) -> DraftView:
    text, out, pos = "", [], 0
    for i, s in enumerate(sentences):
        if i:
            text += " "
            pos += 1
        out.append(SentenceView(i, pos, pos + len(s), s, normalise(s)))
        text += s
        pos += len(s)
    return DraftView(text, tuple(out))


def probs(**p: float) -> dict[str, float]:
    base = dict.fromkeys((*SKILLS, *BLAME_TYPES, *TACTICS), 0.0)
    base.update(description=0.0, neutral=1.0, blame=0.0, safety=0.0)
    base.update(p)
    return base


def finding(label: str, family: str, sentence: int = 0, cue: str = "x") -> Finding:
    return Finding(label, family, sentence, 0, 1, cue, 1.0, "test", f"{family}.{label}")


def decide_one(p: dict[str, float], findings: list[Finding] | None = None, text: str = "some words here"):
    v = view(text)
    return decide.sentences(v, findings or [], decide.Probabilities([p], {}), SETTINGS)[0]


@pytest.mark.parametrize(
    ("p", "phrasing", "blame_types"),
    [
        (probs(blame=0.7, character=0.9), "blame", ("character",)),
        (probs(blame=0.7, character=0.2, contempt=0.4), "blame", ("contempt",)),  # none over the bar: the likeliest
        (probs(blame=0.4, description=0.35, neutral=0.25), "description", ()),  # blame below its bar
        (probs(blame=0.4, description=0.2, neutral=0.4), "neutral", ()),
        (probs(description=0.8, neutral=0.2), "description", ()),
    ],
)
def test_phrasing_and_blame_types(p, phrasing, blame_types) -> None:
    r = decide_one(p)
    assert r.phrasing == phrasing and r.blame_types == blame_types


def test_a_tactic_sentence_shows_no_skill() -> None:
    r = decide_one(probs(ultimatum=0.9, **{"assert": 0.9}))
    assert r.tactics == ("ultimatum",) and r.skills == ()


def test_a_blame_sentence_is_never_describe() -> None:
    r = decide_one(probs(blame=0.8, absolute=0.9, describe=0.9, express=0.9))
    assert "describe" not in r.skills and "express" in r.skills


def test_a_disclosure_is_not_a_threat_but_leverage_is() -> None:
    p = probs(threat=0.9)
    cue = [finding("suicide", "safety")]
    assert decide_one(p, cue, "i'm going to kill myself").tactics == ()
    assert decide_one(p, cue, "if you leave i'll kill myself").tactics == ("threat",)


def test_draft_tactics_are_carried_by_the_strongest_sentences() -> None:
    per = [probs(ultimatum=0.9), probs(ultimatum=0.6), probs(ultimatum=0.4)]
    carried = decide.sentence_tactics(decide.Probabilities(per, {"tactic:ultimatum": 0.8}), SETTINGS)
    assert carried == [("ultimatum",), ("ultimatum",), ()]
    below = decide.sentence_tactics(decide.Probabilities(per, {"tactic:ultimatum": 0.3}), SETTINGS)
    assert below == [(), (), ()]


def test_rule_mode_reads_each_sentence_alone_and_a_farewell_is_never_a_loaded_opener() -> None:
    v = view("We need to talk.", "see you later x")
    fs = [finding("loaded_opener", "tactic", 0), finding("loaded_opener", "tactic", 1)]
    p = decide.rule_probabilities(v, fs)
    assert p.sentences[0]["loaded_opener"] == 1.0 and p.sentences[1]["loaded_opener"] == 0.0
    assert overrides.masked("talk soon x") == {"loaded_opener"} and not overrides.masked("we need to talk")


def _dear_man(results, findings=(), level=3, tactic_labels=(), draft=None, caps=0.0):
    intensity = Intensity(level=level, score=float(level), signals={"caps_ratio": caps})
    tactic_list = [TacticFinding(t, (0,), 0.9, "x") for t in tactic_labels]
    return decide.dear_man(
        results, list(findings), intensity, tactic_list, decide.Probabilities([], draft or {}), SETTINGS
    )


def test_never_confident_when_leaning_on_a_threat_whatever_the_model_says() -> None:
    r = decide_one(probs(**{"assert": 0.9}))
    dm = _dear_man([r], tactic_labels=("threat",), draft={"confident": 0.95, "mindful": 0.9})
    assert not dm.confident.present and dm.confident.reasons == (
        reasons.message(reasons.Because(reasons.Reason.LEANS_ON_THREAT)),
    )
    assert _dear_man([r], draft={"confident": 0.95, "mindful": 0.9}).confident.present


def test_rewording_a_message_never_changes_a_label(monkeypatch) -> None:
    r = decide_one(probs(**{"assert": 0.9}))
    before = _dear_man([r], tactic_labels=("desperation",), draft={"confident": 0.95, "mindful": 0.9})
    monkeypatch.setattr("draftwise.decide.draft.message", lambda b: "reworded")
    after = _dear_man([r], tactic_labels=("desperation",), draft={"confident": 0.95, "mindful": 0.9})
    assert before.confident.present is after.confident.present is False
    assert after.confident.reasons == ("reworded",)


def test_rule_mode_qualities() -> None:
    blame = decide_one(probs(blame=0.8, character=0.9))
    dm = _dear_man([blame, blame])  # two blame sentences and no ask: retaliation
    assert not dm.mindful.present and "retaliation" in dm.mindful.reasons[0]
    sorry = [finding("apology_word", "confident") for _ in range(3)]
    dm = _dear_man([decide_one(probs(**{"assert": 0.9}))], sorry)
    assert not dm.confident.present and dm.confident.reasons == ("apologises three times",)
    assert (
        _dear_man([decide_one(probs(**{"assert": 0.9}))], level=8, caps=0.5).confident.reasons[-1].startswith("shouts")
    )


def test_model_thresholds_merge_once_and_refuse_unknown_keys() -> None:
    s = SETTINGS.with_model_thresholds({"ultimatum": 0.7, "blame": 0.4, "safety": 0.2})
    assert s.threshold("ultimatum", 0.5) == 0.7 and s.threshold("blame", 0.5) == 0.4 and s.safety_threshold == 0.2
    with pytest.raises(ValueError, match="unknown"):
        SETTINGS.with_model_thresholds({"ultimatim": 0.7})


def test_every_phrasing_and_label_name_comes_from_labels() -> None:
    r = decide_one(probs(blame=0.9, mind_reading=0.9))
    assert r.phrasing in PHRASING and set(r.blame_types) <= set(BLAME_TYPES)


def test_the_safety_head_counts_only_over_its_bar_and_on_long_enough_drafts() -> None:
    from draftwise.screen import HeadReading

    class Head:  # a stand-in head: the second sentence is the alarming one
        def probabilities(self, texts):
            import numpy as np

            return np.array([0.1 + 0.8 * (i == 1) for i in range(len(texts))])

    v = view("fine.", "the alarming one.")
    s = SETTINGS.with_model_thresholds({"safety_head": 0.9})
    long_enough = s.safety_head_min_words
    high = HeadReading(0.95, long_enough, Head(), v)
    flagged = decide.safety([], None, s, high)
    assert flagged.flag and flagged.kinds == ("unspecified",) and flagged.sentences == (1,)
    assert flagged.evidence[0].cue == "the alarming one."
    assert not decide.safety([], None, s, HeadReading(0.85, long_enough, Head(), v)).flag
    assert not decide.safety([], None, s, HeadReading(0.95, long_enough - 1, Head(), v)).flag
    assert not decide.safety([], None, SETTINGS, high).flag  # no trained head: its bar is out of reach


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        ("I felt like a complete idiot.", True),
        ("i feel so stupid tbh", True),
        ("I felt like such a mug in front of everyone.", True),
        ("i missed the bus and now i feel like an idiot", True),
        ("you forgot and now i feel like an idiot", False),  # the first clause names the reader
        ("I feel like you think I'm stupid.", False),  # names the reader: mind reading stays possible
        ("You made me feel like an idiot.", False),
        ("He's an idiot.", False),
        ("I felt humiliated.", False),  # a feeling word, not a label: nothing to mask
    ],
)
def test_the_writers_feeling_about_themself_is_not_blame(sentence: str, own: bool) -> None:
    assert overrides.is_self_feeling(sentence) is own
    assert ("character" in overrides.masked(sentence)) is own


def test_an_owned_feeling_reads_as_no_blame_end_to_end(analyzer) -> None:
    report = analyzer.analyse("I waited at the station for an hour. I felt like a complete idiot. Can we talk tonight?")
    assert not report.sentences[1].blame_types
    assert analyzer.analyse("You're a complete idiot.").sentences[0].blame_types


@pytest.mark.parametrize(
    ("sentence", "promise"),
    [
        ("sorry, in a meeting, will ring you later", True),
        ("on the train, I'll call you back when I'm home", True),
        ("I'll call you tonight, we need to talk.", False),
        ("Call me tonight, it's important.", False),
    ],
)
def test_a_promise_to_call_back_is_not_a_loaded_opener(sentence: str, promise: bool) -> None:
    assert overrides.is_promise_to_call(sentence) is promise
    assert ("loaded_opener" in overrides.masked(sentence)) is promise


@pytest.mark.parametrize(
    ("sentence", "plain"),
    [
        ("call me when ur free", True),
        ("Could you ring me after work?", True),
        ("give me a call when you finish work x", True),
        ("Call me.", False),  # curt enough to be the opener itself
        ("Kenji, could u call me?", True),
        ("Call me. It's important.", False),
        ("mum can u ring me tonight", True),
        ("When are you free today?", True),
        ("r u around later", True),
        ("are you free now? we need to talk", False),
        ("Call me after 8 tonight.", True),
        ("call me now", False),
        ("ring me the minute u see this", False),
        ("ring me tonight, we need to talk", False),
        ("Call me, it's serious", False),
    ],
)
def test_a_relaxed_request_to_call_is_not_a_loaded_opener(sentence: str, plain: bool) -> None:
    assert overrides.is_plain_call_request(sentence) is plain
    assert ("loaded_opener" in overrides.masked(sentence)) is plain


@pytest.mark.model
def test_the_opener_keeps_its_label_beside_a_relaxed_call_request(analyzer) -> None:
    report = analyzer.analyse("We need to talk. Call me when you get this.")
    assert report.sentences[0].tactics == ("loaded_opener",)
    assert not report.sentences[1].tactics
