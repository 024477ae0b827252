"""Regression tests for the issue "Batch and CLI that cannot lose or corrupt a person's data".

One test (or a few) per attack of `benchmarks/attack.py`, each at unit speed: the rules-only
analyser or a fake one stands in for the models. Every test here failed on the code before the fix.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from draftwise import batch
from draftwise.cli import app
from draftwise.io.readers import InputError, read_rows
from draftwise.io.writers import OutputError, OutputLock, open_writer
from draftwise.results import Report


class FakeAnalyzer:
    """Echoes each draft into an otherwise empty record; counts the drafts it saw."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def analyse_many(self, texts: Any, *, ids: Any = None, rewrites: bool = False) -> list[Report]:
        texts = list(texts)
        self.seen += texts
        return [Report(id=i, text=t) for t, i in zip(texts, ids, strict=True)]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def records(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def drafts(n: int) -> list[dict]:
    return [{"id": f"r{i}", "text": f"you never call ({i})"} for i in range(n)]


# -- 1: output = input, atomic Parquet ----------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "dot", "symlink", "hardlink"])
def test_output_that_is_the_input_is_refused_before_writing(tmp_path: Path, monkeypatch, how: str) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, drafts(30))
    before = src.read_bytes()
    monkeypatch.chdir(tmp_path)
    out: Path | str = {"same": src, "dot": "./in.jsonl", "symlink": tmp_path / "link.jsonl"}.get(how, "")
    if how == "symlink":
        (tmp_path / "link.jsonl").symlink_to(src)
    if how == "hardlink":
        out = tmp_path / "hard.jsonl"
        os.link(src, out)
    with pytest.raises(OutputError, match="is the input"):
        batch.run(src, out, analyzer=FakeAnalyzer())
    assert src.read_bytes() == before


def test_parquet_is_written_to_a_temporary_file_and_renamed(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, drafts(200))
    out = tmp_path / "out.parquet"

    class Dies(FakeAnalyzer):
        def analyse_many(self, texts: Any, **kw: Any) -> list[Report]:
            if self.seen:
                raise KeyboardInterrupt  # a run stopped half-way
            return super().analyse_many(texts, **kw)

    with pytest.raises(KeyboardInterrupt):
        batch.run(src, out, analyzer=Dies(), chunk_rows=64)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["in.jsonl"]  # no temporary file or lock left
    batch.run(src, out, analyzer=FakeAnalyzer())
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == 200


# -- 2: lone surrogates, deeply nested JSON -------------------------------------------------------


def test_lone_surrogate_and_deep_nesting_are_rows_not_crashes(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "a", "text": "hi \\ud800 there"}\n'
        '{"id": "b", "text": ' + "[" * 50_000 + "]" * 50_000 + "}\n"
        '{"id": "\\udfff", "text": "ok"}\n',
        encoding="utf-8",
    )
    got = list(read_rows(src))
    assert len(got) == 3
    assert got[0].text == "hi \ufffd there" and any("surrogate" in w for w in got[0].warnings)
    assert got[1].error and "nested" in got[1].error
    assert got[2].id == "\ufffd"


@pytest.mark.parametrize("name", ["out.jsonl", "out.csv", "out.parquet"])
def test_records_with_lone_surrogates_are_written_and_say_so(tmp_path: Path, name: str) -> None:
    rec = Report(id="x\ud800", text="bad \udc80 text").to_dict()
    w = open_writer(tmp_path / name)
    w.write(rec)
    w.close()
    if name.endswith(".jsonl"):
        got = records(tmp_path / name)[0]
    elif name.endswith(".csv"):
        with open(tmp_path / name, encoding="utf-8", newline="") as f:
            got = json.loads(next(csv.DictReader(f))["record"])
    else:
        import pyarrow.parquet as pq

        got = json.loads(pq.read_table(tmp_path / name).column("record")[0].as_py())
    assert got["text"] == "bad \ufffd text" and got["id"] == "x\ufffd"
    assert any("surrogate" in w for w in got["warnings"])


def test_a_chunk_that_fails_as_a_whole_is_analysed_row_by_row() -> None:
    from draftwise.io.readers import InputRow

    class Picky(FakeAnalyzer):
        def analyse_many(self, texts: Any, **kw: Any) -> list[Report]:
            texts = list(texts)
            if any("poison" in t for t in texts):
                raise RecursionError("deep")
            return super().analyse_many(texts, **kw)

    rows = [InputRow(i, str(i), t) for i, t in enumerate(["fine", "poison", "also fine"])]
    recs = batch.analyse_rows(Picky(), rows, rewrites=False)
    assert [r["id"] for r in recs] == ["0", "1", "2"]
    assert [bool(r["error"]) for r in recs] == [False, True, False]


# -- 3: resume checks every record against its row -----------------------------------------------


def test_resume_refuses_an_edited_input_with_the_same_ids(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = drafts(20)
    write_jsonl(src, rows)
    out = tmp_path / "out.jsonl"
    batch.run(src, out, analyzer=FakeAnalyzer())
    out.write_text("".join(out.read_text(encoding="utf-8").splitlines(keepends=True)[:10]), encoding="utf-8")
    rows[4]["text"] = "I will kill you"
    write_jsonl(src, rows)
    before = out.read_bytes()
    with pytest.raises(InputError, match=r"different text .* without --resume"):
        batch.run(src, out, analyzer=FakeAnalyzer(), resume=True)
    assert out.read_bytes() == before


def test_resume_refuses_another_input_without_ids(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("thanks for dinner\nsee you soon\n", encoding="utf-8")
    b.write_text("you never call\nI hate this\nanother\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    batch.run(a, out, analyzer=FakeAnalyzer())
    with pytest.raises(InputError, match="does not match"):
        batch.run(b, out, analyzer=FakeAnalyzer(), resume=True)


# -- 4: one writer at a time ---------------------------------------------------------------------


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, drafts(5))
    out = tmp_path / "out.jsonl"
    with OutputLock(out), pytest.raises(OutputError, match=f"pid {os.getpid()}"):
        batch.run(src, out, analyzer=FakeAnalyzer(), resume=True)
    assert not out.exists()
    batch.run(src, out, analyzer=FakeAnalyzer())  # free again once the first is done
    assert len(records(out)) == 5


# -- 5: CSV formula injection ----------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)", "\tcmd", "\r=1"]


def _formula_cells(data: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(data)) for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_csv_output_and_download_neutralise_formulas(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": f, "text": f} for f in FORMULAS])
    out = tmp_path / "out.csv"
    batch.run(src, out, analyzer=FakeAnalyzer())
    data = out.read_text(encoding="utf-8")
    assert not _formula_cells(data)
    rows = list(csv.DictReader(io.StringIO(data)))
    assert rows[0]["id"] == "'" + FORMULAS[0] and rows[0]["text"] == "'" + FORMULAS[0]
    assert [json.loads(r["record"])["text"] for r in rows] == FORMULAS  # the record keeps the exact text
    recs = [Report(id=f, text=f).to_dict() for f in FORMULAS]
    from draftwise import appkit  # what the app's download calls

    assert not _formula_cells(appkit.csv_bytes(recs).decode("utf-8"))


# -- 6: terminal injection -------------------------------------------------------------------------


def test_control_characters_in_a_draft_are_shown_not_obeyed(rules_analyzer) -> None:
    from rich.console import Console

    from draftwise.terminal import print_report

    text = "hi \x1b[2J\x1b]0;pwned\x07 you never listen to me when I tell you about my day [/red] at all.\x9b2J"
    con = Console(record=True, width=200, force_terminal=True)
    print_report(rules_analyzer.analyse(text), con)
    out = con.export_text(styles=False)
    assert not any(c in out for c in "\x1b\x07\x9b")
    assert "␛[2J" in out and "[/red]" in out


def test_markup_in_a_csv_header_is_shown_in_one_line(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,[/red]body\x1b[2J\n1,hello\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["batch", str(src), "-o", str(tmp_path / "o.jsonl"), "-q", "--rules-only"])
    assert r.exit_code == 2, r.output
    assert "[/red]body" in r.output and "\x1b" not in r.output and "--text-column" in r.output


# -- 7: long runs of one character -----------------------------------------------------------------


@pytest.mark.parametrize("text", ["!" * 20_000, "wow" + "?!" * 5_000 + " ok", "😡" * 3_000, "'" * 5_000 + " hi"])
def test_long_runs_are_tokenised_in_few_tokens_with_exact_offsets(text: str) -> None:
    from draftwise import nlp

    doc = nlp.load().tokenizer(text)
    assert doc.text == text
    assert len(doc) <= len(text) // 32 + 10  # spaCy alone: one token per character, in quadratic time
    for t in doc:
        assert text[t.idx : t.idx + len(t.text)] == t.text


def test_tokenizer_is_unchanged_on_ordinary_text_and_exact_on_odd_text() -> None:
    import random

    from draftwise import nlp

    tok = nlp.load().tokenizer
    plain = "You ALWAYS do this!! Call me tonight or don't bother calling ever again."
    assert [t.text for t in tok(plain)] == [t.text for t in tok.inner(plain)]
    rng = random.Random(7)
    alphabet = ["!", "a", " ", "?", "😡", "'", ".", "  ", "\n", "-", "https://x.io/ab"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) * rng.choice([1, 2, 40, 70]) for _ in range(rng.randint(0, 12)))
        doc = tok(text)
        assert doc.text == text
        assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


# -- 8: output errors ------------------------------------------------------------------------------


def test_output_problems_fail_before_the_analyser_loads(tmp_path: Path, monkeypatch) -> None:
    import draftwise.pipeline

    def no(*a: Any, **k: Any) -> None:
        raise AssertionError("the analyser was loaded before the output was checked")

    monkeypatch.setattr(draftwise.pipeline, "Analyzer", no)
    src = tmp_path / "in.jsonl"
    write_jsonl(src, drafts(3))
    with pytest.raises(OutputError, match="does not exist"):
        batch.run(src, tmp_path / "missing" / "out.jsonl")
    (tmp_path / "adir.jsonl").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        batch.run(src, tmp_path / "adir.jsonl")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_stops_with_one_line_saying_how_to_resume(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    write_jsonl(src, drafts(300))
    out = tmp_path / "out.jsonl"
    out.symlink_to("/dev/full")
    with pytest.raises(OutputError, match="--resume"):
        batch.run(src, out, analyzer=FakeAnalyzer())
    r = CliRunner().invoke(app, ["batch", str(src), "-o", str(tmp_path / "o.csv"), "-q", "--rules-only"])
    assert r.exit_code == 0  # the lock of the failed run was released
    lines = [x for x in r.output.splitlines() if x.strip()]
    assert "Traceback" not in r.output and lines


# -- 9: small ones ---------------------------------------------------------------------------------


def test_a_lone_cr_inside_a_jsonl_line_is_whitespace(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a",\r"text": "hello"}\r\n{"id": "b", "text": "x\\ry"}\n')
    got = list(read_rows(src))
    assert [(r.id, r.text, r.error) for r in got] == [("a", "hello", None), ("b", "x\ry", None)]


def test_a_nul_byte_early_is_one_bad_row_not_a_bad_file(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "text": "hi"}\n{"id": "b", "text": "bad \x00 byte"}\n{"id": "c", "text": "ok"}\n')
    got = list(read_rows(src))  # a raw NUL is not valid inside a JSON string: that row, and only it, is an error
    assert [r.id for r in got] == ["a", "1", "c"] and [bool(r.error) for r in got] == [False, True, False]
    png = tmp_path / "photo.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        list(read_rows(png))


def test_summary_after_resume_counts_the_whole_output(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = drafts(20)
    rows[2]["text"] = rows[15]["text"] = "   "
    write_jsonl(src, rows)
    full = tmp_path / "full.jsonl"
    whole = batch.run(src, full, analyzer=FakeAnalyzer())
    out = tmp_path / "out.jsonl"
    out.write_text("".join(full.read_text(encoding="utf-8").splitlines(keepends=True)[:8]), encoding="utf-8")
    out_recs = records(out)
    out_recs[2]["error"] = "the draft is empty"  # as the analyser would have said
    write_jsonl(out, out_recs)
    fake = FakeAnalyzer()
    resumed = batch.run(src, out, analyzer=fake, resume=True)
    assert len(fake.seen) == 12 and resumed.skipped_resumed == 8
    assert resumed.written == whole.written == 20 and resumed.rows == 20
    assert sum(resumed.errors.values()) == 1  # the one in the kept part counts too


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_an_empty_id_is_said_in_warnings(tmp_path: Path, fmt: str) -> None:
    src = tmp_path / f"in.{fmt}"
    if fmt == "csv":
        src.write_text('id,text\n,"you never call"\n0,thanks\n', encoding="utf-8")
    else:
        write_jsonl(src, [{"id": "", "text": "you never call"}, {"id": "0", "text": "thanks"}])
    got = list(read_rows(src))
    assert [r.id for r in got] == ["0", "0"]
    assert any("id is empty" in w for w in got[0].warnings) and not got[1].warnings


def test_app_csv_neutralises_the_uploads_own_column_names() -> None:
    from draftwise import appkit

    rec = {"id": "1", "text": "hi", "error": None, "safety": {}, "sentences": [], "tactics": []}
    out = appkit.csv_bytes([rec], extras=[{"=HYPERLINK(1)": "@x"}]).decode()
    header, row = out.splitlines()[:2]
    assert "'=HYPERLINK(1)" in header and not any(c.startswith(("=", "@")) for c in header.split(","))
    assert "'@x" in row
