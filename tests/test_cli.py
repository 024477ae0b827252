"""The draftwise command as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "draftwise.cli", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_check_prints_a_readable_report() -> None:
    r = run("check", "You ALWAYS do this!! Call me tonight or don't bother calling ever again.")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    assert "DEAR MAN" in out and "Intensity" in out and "Ultimatum" in out
    assert "Absolute" in out


def test_check_json_from_stdin() -> None:
    r = run("check", "-", "--json", stdin="we need to talk")
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout)
    assert rec["schema"] == 1 and rec["tactics"][0]["label"] == "loaded_opener"


def test_check_leads_with_safety() -> None:
    r = run("check", "you never listen. i dont want to be here anymore")
    assert r.returncode == 0, r.stderr
    first = r.stdout.index("Before anything else")
    assert first < r.stdout.index("Your draft")
    assert "988" in r.stdout and "116 123" in r.stdout


def test_check_empty_draft_says_why() -> None:
    r = run("check", "   ")
    assert r.returncode == 1 and "empty" in r.stdout


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "txt"])
def test_batch_every_format(tmp_path, fmt: str) -> None:
    drafts = ["we need to talk", "thanks for dinner!", "you never listen to me"]
    p = tmp_path / f"in.{fmt}"
    if fmt == "csv":
        p.write_text("id,text\n" + "".join(f'd{i},"{t}"\n' for i, t in enumerate(drafts)), encoding="utf-8")
    elif fmt == "tsv":
        p.write_text("id\ttext\n" + "".join(f"d{i}\t{t}\n" for i, t in enumerate(drafts)), encoding="utf-8")
    elif fmt == "jsonl":
        p.write_text(
            "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(drafts)), encoding="utf-8"
        )
    else:
        p.write_text("\n".join(drafts) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = run("batch", str(p), "-o", str(out))
    assert r.returncode == 0, r.stderr
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["text"] for x in recs] == drafts
    assert [x["id"] for x in recs] == (["0", "1", "2"] if fmt == "txt" else ["d0", "d1", "d2"])
    assert "records written: 3" in r.stderr


def test_batch_whole_file_problem_exits_nonzero(tmp_path) -> None:
    p = tmp_path / "in.csv"
    p.write_text("id,body\n1,hello\n", encoding="utf-8")
    r = run("batch", str(p), "-o", str(tmp_path / "o.jsonl"))
    assert r.returncode == 2 and "--text-column" in r.stderr
    r = run("batch", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.jsonl"))
    assert r.returncode == 2 and "no such file" in r.stderr


def test_batch_csv_output_with_custom_column(tmp_path) -> None:
    p = tmp_path / "in.csv"
    p.write_text("msg\nI feel hurt\n\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    r = run("batch", str(p), "-o", str(out), "--text-column", "msg", "-q")
    assert r.returncode == 0, r.stderr
    import csv

    with open(out, newline="", encoding="utf-8") as f:
        got = list(csv.DictReader(f))
    assert len(got) == 1 and got[0]["text"] == "I feel hurt"
