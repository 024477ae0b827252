"""The record of OUTPUT.md: every field present, offsets exact, labels from LABELS.md."""

from __future__ import annotations

import json

from draftwise.labels import APOLOGY_KINDS, BLAME_TYPES, DEAR_MAN, PHRASING, SKILLS, TACTICS

DRAFT = (
    "Hi Sam,\n\nOn Saturday you said you'd be back by six and got home at ten. You ALWAYS do this!! "
    "I felt embarrassed in front of my parents. Could you let me know by Thursday if you're coming? "
    "If not, we're done.\n\nJo"
)


def test_record_has_every_field(analyzer) -> None:
    rec = analyzer.analyse(DRAFT, id="p-001").to_dict()
    assert rec["schema"] == 1
    for key in (
        "id",
        "text",
        "sentences",
        "dear_man",
        "intensity",
        "tactics",
        "safety",
        "apology",
        "suggestions",
        "rewrites",
        "error",
    ):
        assert key in rec
    assert rec["id"] == "p-001" and rec["text"] == DRAFT and rec["error"] is None
    for s in rec["sentences"]:
        for key in (
            "index",
            "start",
            "end",
            "text",
            "skills",
            "phrasing",
            "blame_types",
            "tactics",
            "scores",
            "evidence",
        ):
            assert key in s
        assert DRAFT[s["start"] : s["end"]] == s["text"]
        assert set(s["skills"]) <= set(SKILLS)
        assert s["phrasing"] in PHRASING
        assert set(s["blame_types"]) <= set(BLAME_TYPES)
        assert (s["phrasing"] == "blame") == bool(s["blame_types"])
        assert set(s["tactics"]) <= set(TACTICS)
        assert all(0.0 <= v <= 1.0 for v in s["scores"].values())
    assert set(rec["dear_man"]) == set(DEAR_MAN)
    for k in SKILLS:
        assert set(rec["dear_man"][k]) >= {"present", "sentences"}
    for k in ("mindful", "confident"):
        assert set(rec["dear_man"][k]) >= {"present", "reasons"}
    assert isinstance(rec["intensity"]["level"], int) and 1 <= rec["intensity"]["level"] <= 10
    assert isinstance(rec["intensity"]["signals"], dict)
    for t in rec["tactics"]:
        assert set(t) >= {"label", "sentences", "score", "explanation"} and t["label"] in TACTICS
        assert 0.0 <= t["score"] <= 1.0
    assert set(rec["safety"]) >= {"flag", "resources"}
    assert rec["apology"]["kind"] in APOLOGY_KINDS
    json.dumps(rec)  # serialisable as is


def test_ids_default_to_position(analyzer) -> None:
    recs = [r.to_dict() for r in analyzer.analyse_many(["one", "two", "three"])]
    assert [r["id"] for r in recs] == ["0", "1", "2"]
    assert [r["text"] for r in recs] == ["one", "two", "three"]


def test_analyse_many_matches_analyse(analyzer) -> None:
    texts = [DRAFT, "we need to talk", "you never listen!!", "thanks for dinner"]
    many = [r.to_dict() for r in analyzer.analyse_many(texts, batch_size=2)]
    one = [analyzer.analyse(t, id=str(i)).to_dict() for i, t in enumerate(texts)]
    assert many == one


def test_unanalysable_rows_get_a_record(analyzer) -> None:
    recs = [r.to_dict() for r in analyzer.analyse_many(["", "   ", "ok", b"bytes", None])]
    assert [bool(r["error"]) for r in recs] == [True, True, False, True, True]
    assert recs[0]["sentences"] == [] and "empty" in recs[0]["error"]


def test_same_input_same_record(analyzer) -> None:
    assert analyzer.analyse(DRAFT).to_dict() == analyzer.analyse(DRAFT).to_dict()


def test_scored_by_the_shared_scorer(analyzer, tmp_path) -> None:
    """The record is what ../shared/tools/score.py reads: one labelled draft scores perfectly."""
    import importlib.util
    from pathlib import Path

    scorer = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"
    if not scorer.exists():
        import pytest

        pytest.skip("../shared/tools/score.py is not here")
    spec = importlib.util.spec_from_file_location("score", scorer)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    text = "We need to talk."
    gold = {
        "id": "g1",
        "text": text,
        "sentences": [
            {"text": text, "skills": [], "phrasing": "neutral", "blame_types": [], "tactics": ["loaded_opener"]}
        ],
        "mindful": True,
        "confident": True,
        "intensity": 3,
        "tactics": ["loaded_opener"],
        "safety": False,
        "apology": "none",
    }
    pred = analyzer.analyse(text, id="g1").to_dict()
    out = mod.score([pred], [gold])
    assert out["missing_or_error"] == 0
    assert out["tactics"]["loaded_opener"][2] == 1.0
