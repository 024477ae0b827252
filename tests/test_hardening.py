"""Bad input gets a clear answer and nothing is lost; the analyser never raises; safety first."""

from __future__ import annotations

import codecs
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from draftwise.config import MAX_DRAFT_CHARS
from draftwise.labels import APOLOGY_KINDS, BLAME_TYPES, PHRASING, SKILLS, TACTICS

ROOT = Path(__file__).resolve().parents[1]


# -- drafts through the API ----------------------------------------------------------------

API_ROWS = [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("\x00\x01\x02binary\x00\x00\x03\x04\x05", "binary"),
]


@pytest.mark.parametrize(("text", "why"), API_ROWS)
def test_unanalysable_drafts_say_why(analyzer, text: str, why: str) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["error"] and why in rec["error"]
    assert rec["text"] == text and rec["sentences"] == []


def test_a_one_megabyte_draft_is_cut_and_says_so(analyzer) -> None:
    text = ("you never listen to me. " * 45_000)[: 1 << 20]
    rec = analyzer.analyse(text).to_dict()
    assert rec["error"] is None
    assert any(f"{MAX_DRAFT_CHARS:,}" in w for w in rec["warnings"])
    assert rec["text"] == text  # the record keeps the draft as given
    assert max(s["end"] for s in rec["sentences"]) <= MAX_DRAFT_CHARS


@pytest.mark.parametrize(
    "text",
    [
        "😡😡😡",
        "🙂",
        "you\u200bnever\u200b listen\u200d to me",
        "\u202eyou never listen to me\u202c",
        "שלום, אתה אף פעם לא מקשיב לי",
        "Tu ne m'écoutes jamais et ça me rend folle, vraiment.",
        "line one\r\nline two\r\n",
    ],
)
def test_odd_but_real_text_is_analysed(analyzer, text: str) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["error"] is None
    for s in rec["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]


def test_not_english_is_marked_unreliable(analyzer) -> None:
    rec = analyzer.analyse(
        "Tu ne m'écoutes jamais et ça me rend folle, vraiment. Je suis fatiguée de tout ça."
    ).to_dict()
    assert any("English" in w and "unreliable" in w for w in rec["warnings"])


def test_emoji_only_says_little_can_be_said(analyzer) -> None:
    rec = analyzer.analyse("😡😡😡").to_dict()
    assert any("no words" in w for w in rec["warnings"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=600))
def test_analyse_never_raises_and_keeps_its_promises(analyzer, text: str) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["text"] == text
    if rec["error"]:
        # Only input the analyser was never meant to read may be refused (empty, binary); a crash
        # inside the analysis becomes an "analysis failed" record, and that fails this property.
        assert not rec["error"].startswith(("analysis failed", "could not be analysed")), rec["error"]
        return
    lvl = rec["intensity"]["level"]
    assert isinstance(lvl, int) and 1 <= lvl <= 10
    for s in rec["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
        assert set(s["skills"]) <= set(SKILLS) and s["phrasing"] in PHRASING
        assert set(s["blame_types"]) <= set(BLAME_TYPES) and set(s["tactics"]) <= set(TACTICS)
        for e in s["evidence"]:
            assert text[e["start"] : e["end"]] == e["cue"]
    assert {t["label"] for t in rec["tactics"]} <= set(TACTICS)
    assert rec["apology"]["kind"] in APOLOGY_KINDS
    assert analyzer.analyse(text).to_dict() == rec  # the same input gives the same record


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "you",
                "never",
                "always",
                "!!!",
                "???",
                "😡",
                "please",
                "sorry",
                "kill",
                "me",
                "\n",
                "NOW",
                "or",
                "we're",
                "done",
                "I",
                "feel",
                "lol",
                "\u200b",
                "'",
                '"',
                ".",
                "u",
                "ur",
            ]
        ),
        max_size=80,
    )
)
def test_analyse_on_texting_like_noise(analyzer, words: list[str]) -> None:
    text = " ".join(words)
    rec = analyzer.analyse(text).to_dict()
    for s in rec["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]


# -- files through the CLI ------------------------------------------------------------------


def _batch(src: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "draftwise.cli", "batch", str(src), "-o", str(out), "-q", *extra],
        capture_output=True,
        text=True,
        timeout=600,
    )


def _records(out: Path) -> list[dict]:
    return [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]


def test_messy_csv_every_row_gets_a_record_in_order(tmp_path: Path) -> None:
    src = tmp_path / "messy.csv"
    with open(src, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "note"])
        w.writerow(["a", 'she said "call me"\nthen left, and you never called back', "x"])
        w.writerow(["b"])  # ragged: no text
        w.writerow(["c", "", "empty"])
        w.writerow(["d", "😡😡", "emoji only"])
        w.writerow(["e", "fine, thanks", "extra", "fields", "here"])
        w.writerow(["f", "x" * (MAX_DRAFT_CHARS + 500), "huge"])
    out = tmp_path / "out.jsonl"
    p = _batch(src, out)
    assert p.returncode == 0, p.stderr
    recs = _records(out)
    assert [r["id"] for r in recs] == ["a", "b", "c", "d", "e", "f"]
    assert [bool(r["error"]) for r in recs] == [False, True, True, False, False, False]
    assert "records written: 6" in p.stderr and "errors: 2" in p.stderr
    assert any("fields" in w for w in recs[4]["warnings"])
    assert any(f"{MAX_DRAFT_CHARS:,}" in w for w in recs[5]["warnings"])


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("u16.csv", codecs.BOM_UTF16_LE + "id,text\n1,you never call\n2,thanks\n".encode("utf-16-le")),
        ("latin.csv", "id,text\n1,na\xefve caf\xe9 you never call\n2,thanks\n".encode("latin-1")),
        ("crlf.txt", b"you never call\r\nthanks\r\n"),
        ("bad_utf8.jsonl", b'{"id": "1", "text": "you never call \xff\xfe"}\n{"id": "2", "text": "thanks"}\n'),
        ("broken.jsonl", b'{"id": "1", "text": "you never call"}\n{"id": "2", "text": \n'),
    ],
)
def test_encodings_and_broken_lines(tmp_path: Path, name: str, payload: bytes) -> None:
    src = tmp_path / name
    src.write_bytes(payload)
    out = tmp_path / "out.jsonl"
    p = _batch(src, out)
    assert p.returncode == 0, p.stderr
    recs = _records(out)
    assert len(recs) == 2
    assert recs[0]["error"] is None and recs[0]["sentences"]
    if name == "broken.jsonl":
        assert recs[1]["error"] and "not valid JSON" in recs[1]["error"]


@pytest.mark.parametrize(
    ("name", "payload", "says"),
    [
        ("no_text.csv", b"id,message\n1,hello\n", "--text-column"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        ("missing.csv", None, "no such file"),
    ],
)
def test_whole_file_problems_exit_nonzero_with_a_clear_message(
    tmp_path: Path, name: str, payload: bytes | None, says: str
) -> None:
    src = tmp_path / name
    if payload is not None:
        src.write_bytes(payload)
    p = _batch(src, tmp_path / "out.jsonl")
    assert p.returncode == 2 and says in p.stderr


# -- safety -------------------------------------------------------------------------------------


def test_every_labelled_safety_draft_is_flagged(analyzer) -> None:
    from draftwise_lab.corpus import read_jsonl

    # train and dev only: the held-out test set is read to report, never to check a rule against
    drafts = [d for s in ("train", "dev") for d in read_jsonl(ROOT / "data" / f"{s}.jsonl") if d["safety"]]
    assert len(drafts) >= 60
    missed = [
        d["id"]
        for d, r in zip(drafts, analyzer.analyse_many([d["text"] for d in drafts]), strict=True)
        if not r.safety.flag
    ]
    assert not missed, missed


HARD = [
    ("I won't be around much longer, so don't worry about the money.", True),
    ("honestly everyone would be better off without me", True),
    ("i've been stockpiling my pills, i don't have a plan, i just noticed", True),
    ("if you leave tonight i don't know what i'll do to myself", True),
    ("Touch my car again and I'll put you in hospital.", True),
    ("my dad hit my little brother again last night", True),
    ("thanks for everything, you've been the best. look after biscuit for me ok?", True),
    ("this deadline is killing me", False),
    ("I'm dying to see you!!", False),
    ("i could murder a burger rn", False),
    ("kill me now, another 3 hour meeting", False),
    ("ugh my feet are killing me", False),
    ("shoot me a text when you land", False),
]


@pytest.mark.parametrize(("text", "flag"), HARD)
def test_safety_hard_cases(analyzer, text: str, flag: bool) -> None:
    rec = analyzer.analyse(text).to_dict()
    assert rec["safety"]["flag"] is flag, rec["safety"]
    if flag:
        assert rec["safety"]["resources"] and rec["safety"]["message"]


def test_safety_leads_whatever_else_is_found(analyzer) -> None:
    from rich.console import Console

    from draftwise.terminal import print_report

    text = "You're so selfish!! ANSWER ME NOW or we're done. I don't want to be here anymore."
    con = Console(record=True, width=120)
    print_report(analyzer.analyse(text), con)
    held = con.export_text()
    assert "Before anything about wording" in held and "Your draft" not in held and "Pressure tactics" not in held
    con = Console(record=True, width=120)
    print_report(analyzer.analyse(text), con, show_anyway=True)
    out = con.export_text()
    assert out.index("Before anything about wording") < min(out.index("Your draft"), out.index("Pressure tactics"))
