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


def test_check_safety_mode_shows_resources_and_holds_back_coaching() -> None:
    r = run("check", "you never listen. i dont want to be here anymore")
    assert r.returncode == 0, r.stderr
    assert "Before anything about wording" in r.stdout
    assert "988" in r.stdout and "116 123" in r.stdout and "findahelpline" in r.stdout
    assert "Your draft" not in r.stdout and "DEAR MAN" not in r.stdout and "--show-anyway" in r.stdout
    anyway = run("check", "you never listen. i dont want to be here anymore", "--show-anyway")
    assert anyway.stdout.index("Before anything about wording") < anyway.stdout.index("Your draft")


def test_rewrite_in_safety_mode_offers_nothing_to_polish() -> None:
    r = run("rewrite", "i'm going to kill myself")
    assert r.returncode == 0, r.stderr
    assert "988" in r.stdout and "No rewrites are offered" in r.stdout


def test_batch_record_carries_safety_mode(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "i'm going to kill myself"})
        + "\n"
        + json.dumps({"id": "b", "text": "hi x"})
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    r = run("batch", str(src), "-o", str(out), "--rewrites")
    assert r.returncode == 0, r.stderr
    a, b = (json.loads(x) for x in out.read_text().splitlines())
    assert a["safety"]["flag"] and a["safety"]["kinds"] == ["suicide"] and a["safety"]["evidence"]
    assert a["rewrites"] == [] and a["rewrites_withheld"] and a["sentences"]  # analysis fields are kept
    assert not b["safety"]["flag"] and b["rewrites_withheld"] is None


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
