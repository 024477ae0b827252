"""Batch readers and writers: every row in, one record out, in order, nothing lost."""

from __future__ import annotations

import codecs
import csv
import json

import pytest

from draftwise import batch
from draftwise.io.readers import InputError, read_rows


def rows(path, **kw):
    return list(read_rows(path, **kw))


def test_csv_with_ids_embedded_newlines_and_quotes(tmp_path) -> None:
    p = tmp_path / "in.csv"
    with open(p, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "text", "other"])
        w.writerow(["a1", 'she said "no"\nand left', "x"])
        w.writerow(["a2", "second, with a comma", "y"])
    got = rows(p)
    assert [(r.id, r.text) for r in got] == [("a1", 'she said "no"\nand left'), ("a2", "second, with a comma")]


def test_ragged_rows_yield_a_row_each(tmp_path) -> None:
    p = tmp_path / "in.csv"
    p.write_text("id,text,extra\n1,fine,x\n2\n3,has,too,many,fields\n", encoding="utf-8")
    got = rows(p)
    assert [r.id for r in got] == ["1", "2", "3"]
    assert got[0].error is None and got[1].error and "fields" in got[1].error
    assert got[2].text == "has" and got[2].warnings


def test_missing_text_column_is_a_whole_file_error(tmp_path) -> None:
    p = tmp_path / "in.csv"
    p.write_text("id,message\n1,hello\n", encoding="utf-8")
    with pytest.raises(InputError, match="--text-column"):
        rows(p)
    assert [r.text for r in rows(p, text_column="message")] == ["hello"]


def test_tsv_and_txt_modes(tmp_path) -> None:
    t = tmp_path / "in.tsv"
    t.write_text("text\tid\nhello there\tx\n", encoding="utf-8")
    assert [(r.id, r.text) for r in rows(t)] == [("x", "hello there")]
    p = tmp_path / "in.txt"
    p.write_bytes(b"first draft\r\nsecond draft\r\n\r\nthird\r\n")
    assert [r.text for r in rows(p)] == ["first draft", "second draft", "third"]
    assert [r.text for r in rows(p, txt_mode="blank")] == ["first draft\nsecond draft", "third"]


def test_jsonl_broken_line_keeps_its_place(tmp_path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "a", "text": "ok"}\n{"id": "b", "text": \n{"text": 5}\n["x"]\n{"id": "e"}\n', encoding="utf-8")
    got = rows(p)
    assert [r.id for r in got] == ["a", "1", "2", "3", "e"]
    assert [bool(r.error) for r in got] == [False, True, True, True, True]
    assert "not valid JSON" in got[1].error


def test_encodings(tmp_path) -> None:
    u16 = tmp_path / "u16.csv"
    u16.write_bytes(codecs.BOM_UTF16_LE + "text\ncafé ☕\n".encode("utf-16-le"))
    assert [r.text for r in rows(u16)] == ["café ☕"]
    latin = tmp_path / "latin.csv"
    latin.write_bytes("text\nna\xefve caf\xe9\n".encode("latin-1"))
    got = rows(latin)
    assert got[0].text == "naïve café" and got[0].warnings
    bom8 = tmp_path / "bom.csv"
    bom8.write_bytes(codecs.BOM_UTF8 + b"text\nhi\n")
    assert [r.text for r in rows(bom8)] == ["hi"]


def test_binary_file_is_refused_clearly(tmp_path) -> None:
    p = tmp_path / "photo.csv"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        rows(p)


def test_parquet_round_trip(tmp_path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    p = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": ["x", "y"], "text": ["hello", None]}), p)
    got = rows(p)
    assert [r.id for r in got] == ["x", "y"] and got[1].error


@pytest.mark.parametrize("out_name", ["out.jsonl", "out.csv", "out.parquet"])
def test_batch_one_record_per_row_in_order(analyzer, tmp_path, out_name: str) -> None:
    p = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": f"r{i}", "text": t})
        for i, t in enumerate(["we need to talk", "", "thanks!", "you never listen"])
    ]
    lines.insert(2, "{broken")
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / out_name
    summary = batch.run(p, out, analyzer=analyzer)
    assert summary.rows == 5 and summary.written == 5 and sum(summary.errors.values()) == 2
    if out_name.endswith(".jsonl"):
        recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    elif out_name.endswith(".csv"):
        with open(out, newline="", encoding="utf-8") as f:
            recs = [json.loads(r["record"]) for r in csv.DictReader(f)]
    else:
        import pyarrow.parquet as pq

        recs = [json.loads(x) for x in pq.read_table(out).column("record").to_pylist()]
    assert [r["id"] for r in recs] == ["r0", "r1", "2", "r2", "r3"]
    assert [bool(r["error"]) for r in recs] == [False, True, True, False, False]
    assert recs[0]["tactics"][0]["label"] == "loaded_opener"


def test_resume_after_a_kill_mid_line(analyzer, tmp_path) -> None:
    p = tmp_path / "in.txt"
    p.write_text("\n".join(f"draft number {i}, you never call" for i in range(10)) + "\n", encoding="utf-8")
    full = tmp_path / "full.jsonl"
    batch.run(p, full, analyzer=analyzer)
    part = tmp_path / "part.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    part.write_text("".join(lines[:4]) + lines[4][:37], encoding="utf-8")  # killed half-way through row 4
    summary = batch.run(p, part, analyzer=analyzer, resume=True)
    assert summary.skipped_resumed == 4
    assert part.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")


def test_resume_refuses_a_foreign_output(analyzer, tmp_path) -> None:
    p = tmp_path / "in.txt"
    p.write_text("a\nb\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"id": "zzz"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="does not match"):
        batch.run(p, out, analyzer=analyzer, resume=True)
