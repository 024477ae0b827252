"""Every attack of the issue "Batch and CLI that cannot lose or corrupt a person's data", run for real.

    python benchmarks/attack.py                      # against the draftwise on the path
    PYTHONPATH=/tmp/orig/src python benchmarks/attack.py   # against another checkout

Each attack drives the ``draftwise`` command (or, for the app's download and the
timing, the library) the way a person or a hostile file would, and prints
``held`` or ``broke`` with what it saw. Exits non-zero if any attack broke.
Most runs use ``--rules-only`` (the models change nothing here and take longer
to load); the timing attack uses the full analyser on one core.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "OMP_NUM_THREADS": "1", "PYTHONIOENCODING": "utf-8"}
RESULTS: list[tuple[str, str, bool, str]] = []


def cli(*args: str, timeout: float = 300, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            [sys.executable, "-m", "draftwise.cli", *args],
            capture_output=True,
            timeout=timeout,
            env=ENV,
            input=stdin,
        )
    except subprocess.TimeoutExpired as e:
        return subprocess.CompletedProcess(e.cmd, -9, e.stdout or b"", (e.stderr or b"") + b"\n(timed out)")


BATCH = [sys.executable, "-m", "draftwise.cli", "batch", "-q", "--rules-only"]


def batch(src: Path, out: Path | str, *extra: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return cli("batch", str(src), "-o", str(out), "-q", "--rules-only", *extra, timeout=timeout)


def jsonl(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def write_jsonl(path: Path, rows: list[dict] | list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write((r if isinstance(r, str) else json.dumps(r)) + "\n")


def drafts(n: int, prefix: str = "r") -> list[dict]:
    texts = ["you never call me back", "thanks for dinner!", "We need to talk.", "I'm sorry I forgot, I'll fix it"]
    return [{"id": f"{prefix}{i}", "text": f"{texts[i % 4]} ({i})"} for i in range(n)]


def one_line(p: subprocess.CompletedProcess) -> str:
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return (err[-1] if err else "")[:110]


def attack(item: str, name: str) -> Callable[[Callable[[Path], tuple[bool, str]]], None]:
    def deco(fn: Callable[[Path], tuple[bool, str]]) -> None:
        ATTACKS.append((item, name, fn))

    return deco


ATTACKS: list[tuple[str, str, Callable[[Path], tuple[bool, str]]]] = []


# -- 1: output = input ------------------------------------------------------------------------


@attack("1", "output is the input (same .jsonl)")
def _same_jsonl(tmp: Path) -> tuple[bool, str]:
    src = tmp / "same.jsonl"
    write_jsonl(src, drafts(300))
    before = src.read_bytes()
    p = _run_capped([*BATCH, str(src), "-o", str(src)], tmp, src)
    return (
        p.returncode != 0 and src.read_bytes() == before,
        f"exit {p.returncode}; input intact: {src.read_bytes() == before}",
    )


@attack("1", "output is the input through a symlink and ./ (.csv)")
def _same_csv_link(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.csv"
    src.write_text("id,text\n" + "".join(f"{i},you never call ({i})\n" for i in range(300)), encoding="utf-8")
    (tmp / "link.csv").symlink_to(src)
    before = src.read_bytes()
    p = _run_capped([*BATCH, "in.csv", "-o", "./link.csv"], tmp, src)
    intact = src.read_bytes() == before
    return (
        p.returncode != 0 and intact,
        f"exit {p.returncode}; input intact: {intact}; input now {src.stat().st_size:,} bytes",
    )


def _run_capped(cmd: list[str], cwd: Path, watch: Path, limit: int = 20 << 20) -> subprocess.CompletedProcess:
    """Run, killing it if ``watch`` grows past ``limit`` bytes or 60 s pass (a run reading its own output)."""
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    t0 = time.time()
    while proc.poll() is None:
        if (watch.exists() and watch.stat().st_size > limit) or time.time() - t0 > 60:
            proc.kill()
            break
        time.sleep(0.1)
    out, err = proc.communicate()
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


@attack("1", "output is the input through a hard link")
def _same_hardlink(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, drafts(100))
    os.link(src, tmp / "hard.jsonl")
    before = src.read_bytes()
    p = _run_capped([*BATCH, str(src), "-o", str(tmp / "hard.jsonl")], tmp, src)
    intact = src.read_bytes() == before
    return p.returncode != 0 and intact, f"exit {p.returncode}; input intact: {intact}"


@attack("1", "Parquet run killed half-way leaves no half-written file")
def _parquet_kill(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, drafts(20000))
    out = tmp / "out.parquet"
    proc = subprocess.Popen(
        [sys.executable, "-m", "draftwise.cli", "batch", str(src), "-o", str(out), "-q", "--rules-only"],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        started = out.exists() or any(x.name.startswith(".out.parquet") and x.suffix == ".tmp" for x in tmp.iterdir())
        if started:
            time.sleep(3)
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return not out.exists(), f"out.parquet exists after the kill: {out.exists()}"


# -- 2: lone surrogates, deep nesting ---------------------------------------------------------


def _with_bad_row(tmp: Path, bad: str, n: int = 200, at: int = 57) -> Path:
    rows: list = [json.dumps(r) for r in drafts(n)]
    rows[at] = bad
    src = tmp / "in.jsonl"
    write_jsonl(src, rows)
    return src


@attack("2", "a lone surrogate (\\ud800) in one row")
def _surrogate(tmp: Path) -> tuple[bool, str]:
    src = _with_bad_row(tmp, '{"id": "r57", "text": "hi \\ud800 there, you never call"}')
    out = tmp / "out.jsonl"
    p = batch(src, out)
    recs = jsonl(out) if out.exists() else []
    return p.returncode == 0 and len(recs) == 200, f"exit {p.returncode}; {len(recs)} of 200 records"


@attack("2", "a lone surrogate, written to CSV")
def _surrogate_csv(tmp: Path) -> tuple[bool, str]:
    src = _with_bad_row(tmp, '{"id": "r57", "text": "hi \\udfff there"}')
    out = tmp / "out.csv"
    p = batch(src, out)
    n = len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) if out.exists() else 0
    return p.returncode == 0 and n == 200, f"exit {p.returncode}; {n} of 200 rows"


@attack("2", "JSON nested 100,000 deep in one row")
def _deep(tmp: Path) -> tuple[bool, str]:
    src = _with_bad_row(tmp, '{"id": "r57", "text": ' + "[" * 100_000 + "]" * 100_000 + "}")
    out = tmp / "out.jsonl"
    p = batch(src, out)
    recs = jsonl(out) if out.exists() else []
    tb = b"Traceback" in p.stderr
    return p.returncode == 0 and len(recs) == 200 and not tb, f"exit {p.returncode}; {len(recs)} of 200; traceback {tb}"


@attack("2", "--resume over a lone-surrogate row is not stuck")
def _surrogate_resume(tmp: Path) -> tuple[bool, str]:
    src = _with_bad_row(tmp, '{"id": "r57", "text": "hi \\ud800 there"}')
    out = tmp / "out.jsonl"
    batch(src, out)
    if out.exists():  # as if killed after 30 records
        out.write_text("".join(out.read_text(encoding="utf-8").splitlines(keepends=True)[:30]), encoding="utf-8")
    p = batch(src, out, "--resume")
    recs = jsonl(out) if out.exists() else []
    return p.returncode == 0 and len(recs) == 200, f"exit {p.returncode}; {len(recs)} of 200 records"


# -- 3: resume trusts the output --------------------------------------------------------------


@attack("3", "--resume onto the output of a different input (no id column)")
def _resume_foreign(tmp: Path) -> tuple[bool, str]:
    a, b = tmp / "a.txt", tmp / "b.txt"
    a.write_text("".join(f"thanks for dinner ({i})\n" for i in range(20)), encoding="utf-8")
    b.write_text("".join(f"you never call me ({i})\n" for i in range(40)), encoding="utf-8")
    out = tmp / "out.jsonl"
    batch(a, out)
    p = batch(b, out, "--resume")
    return p.returncode != 0, f"exit {p.returncode}: {one_line(p)}"


@attack("3", "--resume after the drafts were edited (same ids)")
def _resume_edited(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    rows = drafts(40)
    write_jsonl(src, rows)
    out = tmp / "out.jsonl"
    batch(src, out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:20]), encoding="utf-8")
    for r in rows[:20]:
        r["text"] = "I will kill you"
    write_jsonl(src, rows)
    p = batch(src, out, "--resume")
    return p.returncode != 0, f"exit {p.returncode}: {one_line(p)}"


# -- 4: two writers ---------------------------------------------------------------------------


@attack("4", "a run and a --resume run on the same output at once")
def _two_writers(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, drafts(1500))
    out = tmp / "out.jsonl"
    cmd = [sys.executable, "-m", "draftwise.cli", "batch", str(src), "-o", str(out), "-q", "--rules-only"]
    first = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not (out.exists() and out.stat().st_size > 0):
        time.sleep(0.05)
    second = subprocess.run([*cmd, "--resume"], env=ENV, capture_output=True, timeout=600)
    first.wait(timeout=600)
    recs = jsonl(out)
    ids = [r["id"] for r in recs]
    ok = second.returncode != 0 and ids == [f"r{i}" for i in range(1500)]
    return ok, f"second run exit {second.returncode}; {len(recs):,} lines for 1,500 rows"


# -- 5: CSV formula injection -----------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]


def _formula_cells(data: str) -> list[str]:
    bad = []
    for row in csv.reader(io.StringIO(data)):
        bad += [c for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    return bad


@attack("5", "formulas in drafts and ids, CLI CSV output")
def _formula_cli(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, [{"id": f, "text": f} for f in FORMULAS])
    out = tmp / "out.csv"
    p = batch(src, out)
    bad = _formula_cells(out.read_text(encoding="utf-8")) if out.exists() else ["(no output)"]
    return p.returncode == 0 and not bad, f"{len(bad)} cells start like a formula"


@attack("5", "formulas in drafts and ids, the app's CSV download")
def _formula_app(tmp: Path) -> tuple[bool, str]:
    from draftwise.pipeline import Analyzer

    a = Analyzer(models=False)
    recs = [a.analyse(f, id=f).to_dict() for f in FORMULAS]
    from draftwise.appkit import csv_bytes  # what the app's download button calls

    bad = _formula_cells(csv_bytes(recs).decode("utf-8"))
    return not bad, f"{len(bad)} cells start like a formula"


# -- 6: terminal injection --------------------------------------------------------------------


@attack("6", "ANSI/OSC escapes in a draft, draftwise check")
def _ansi(tmp: Path) -> tuple[bool, str]:
    draft = (
        "hi \x1b[2J\x1b]0;pwned\x07 you \x1b[31mnever\x1b[0m listen to me when I tell you about my day. "
        "I waited for an hour at the station and you did not even text me back once, not even a word.\x9b2J"
    )  # few enough control characters to be analysed (over 5% is refused as binary)
    p = cli("check", "-", "--rules-only", stdin=draft.encode())
    out = p.stdout
    leaked = any(c in out for c in (b"\x1b", b"\x07", "\x9b".encode()))
    return p.returncode == 0 and not leaked, f"exit {p.returncode}; control bytes on stdout: {leaked}"


@attack("6", "'[/red]' in a CSV header shown in the error message")
def _markup(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.csv"
    src.write_text("id,[/red]body\n1,hello\n", encoding="utf-8")
    p = batch(src, tmp / "out.jsonl")
    err = p.stderr.decode("utf-8", "replace")
    ok = p.returncode == 2 and "Traceback" not in err and "[/red]body" in err
    return ok, f"exit {p.returncode}; traceback {'Traceback' in err}"


# -- 7: long runs -----------------------------------------------------------------------------

RUNS = {
    '20,000 "!"': '"!" * 20000',
    '"?!" x 10,000': '"?!" * 10000',
    "20,000 emoji": '"\\U0001F621" * 20000',
    "20,000 apostrophes": '"\'" * 20000',
    "20,000 double quotes": "'\"' * 20000",
    '"wow" + 19,997 "!"': '"wow" + "!" * 19997',
    '20,000 "a"': '"a" * 20000',
    "a 20,000-char URL": '"see https://x.io/" + "ab/" * 6660',
}

_TIMER = """
import os, sys, time
os.environ["OMP_NUM_THREADS"] = "1"
from draftwise import Analyzer
a = Analyzer()
a.analyse("warm up: you never listen")
t = eval(sys.argv[1])
t0 = time.perf_counter(); r = a.analyse(t); dt = time.perf_counter() - t0
ok = all(t[s.start:s.end] == s.text for s in r.sentences)
print(f"{dt:.3f} {ok}")
"""


def _timed(expr: str, limit: float = 1.0) -> tuple[bool, str]:
    try:
        p = subprocess.run(
            ["taskset", "-c", "0", sys.executable, "-c", _TIMER, expr]
            if shutil.which("taskset")
            else [sys.executable, "-c", _TIMER, expr],
            capture_output=True,
            timeout=30,
            env=ENV,
            text=True,
        )
    except subprocess.TimeoutExpired:
        return False, "not done within 30 s with loading (killed)"
    if p.returncode != 0 or len(p.stdout.split()) < 2:
        return False, f"exit {p.returncode}: {(p.stderr.strip().splitlines() or [''])[-1][:100]}"
    secs, offsets = p.stdout.split()[-2:]
    return float(secs) < limit and offsets == "True", f"{float(secs):.2f} s, offsets exact: {offsets}"


for _name, _expr in RUNS.items():
    attack("7", f"{_name}, analysed on one core (< 1 s)")(lambda tmp, e=_expr: _timed(e))


# -- 8: output errors -------------------------------------------------------------------------


def _clear(p: subprocess.CompletedProcess) -> tuple[bool, str]:
    err = p.stderr.decode("utf-8", "replace").strip().splitlines()
    ok = p.returncode != 0 and "Traceback" not in "\n".join(err) and len(err) <= 2
    return ok, f"exit {p.returncode}; {len(err)} lines on stderr: {(err[-1] if err else '')[:90]}"


@attack("8", "output folder does not exist")
def _missing_dir(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, drafts(10))
    t0 = time.time()
    p = cli("batch", str(src), "-o", str(tmp / "nope" / "out.jsonl"), "-q")  # with the models: fail before loading
    ok, why = _clear(p)
    return ok, why + f" ({time.time() - t0:.1f} s)"


@attack("8", "read-only filesystem")
def _read_only(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, drafts(10))
    return _clear(batch(src, "/sys/out.jsonl"))


@attack("8", "disk full (/dev/full)")
def _full(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, drafts(200))
    (tmp / "out.jsonl").symlink_to("/dev/full")
    p = batch(src, tmp / "out.jsonl")
    ok, why = _clear(p)
    return ok and b"--resume" in p.stderr, why


# -- 9: small ones ----------------------------------------------------------------------------


@attack("9", "a lone CR inside a JSONL line")
def _lone_cr(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    src.write_bytes(
        b'{"id": "a", "text": "hello"}\n{"id": "b",\r"text": "you never call"}\n{"id": "c", "text": "ok"}\n'
    )
    out = tmp / "out.jsonl"
    batch(src, out)
    recs = jsonl(out) if out.exists() else []
    ok = [r["id"] for r in recs] == ["a", "b", "c"] and not any(r["error"] for r in recs)
    return ok, f"{len(recs)} records for 3 rows, errors {sum(bool(r['error']) for r in recs)}"


@attack("9", "one NUL byte in the first 64 KiB")
def _nul(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    rows = [json.dumps(r).encode() for r in drafts(50)]
    rows[3] = b'{"id": "r3", "text": "bad \x00 byte"}'
    src.write_bytes(b"\n".join(rows) + b"\n")
    out = tmp / "out.jsonl"
    p = batch(src, out)
    recs = jsonl(out) if out.exists() else []
    return p.returncode == 0 and len(recs) == 50, f"exit {p.returncode}; {len(recs)} of 50 records"


@attack("9", "summary after --resume counts the whole output")
def _resume_summary(tmp: Path) -> tuple[bool, str]:
    rows: list = drafts(40)
    for i in (3, 25, 33):
        rows[i] = {"id": f"r{i}", "text": ""}
    rows[5] = {"id": "r5", "text": "i dont want to be here anymore"}
    rows[30] = {"id": "r30", "text": "i want to kill myself"}
    src = tmp / "in.jsonl"
    write_jsonl(src, rows)
    full = tmp / "full.jsonl"
    p1 = batch(src, full)
    out = tmp / "out.jsonl"
    out.write_text("".join(full.read_text(encoding="utf-8").splitlines(keepends=True)[:20]), encoding="utf-8")
    p2 = batch(src, out, "--resume")

    def figures(p: subprocess.CompletedProcess) -> str:
        err = p.stderr.decode("utf-8", "replace")
        return " ".join(re.findall(r"(?:errors|safety flags): [\d,]+", err))

    return figures(p1) == figures(p2) and p2.returncode == 0, f"clean: {figures(p1)!r}; resumed: {figures(p2)!r}"


@attack("9", "an empty id is said in warnings")
def _empty_id(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.csv"
    src.write_text('id,text\n,"you never call"\n0,"thanks"\n', encoding="utf-8")
    out = tmp / "out.jsonl"
    batch(src, out)
    recs = jsonl(out) if out.exists() else []
    said = bool(recs) and any("id" in w for w in recs[0].get("warnings", []))
    return said, f"ids {[r['id'] for r in recs]}; warned: {said}"


# -- 10: the Dask engine ----------------------------------------------------------------------


def _dask_ok() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


@attack("10", "dask: --txt-mode blank")
def _dask_txt(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.txt"
    src.write_text("first line\nstill first\n\nsecond\n\nthird one\n", encoding="utf-8")
    out = tmp / "out.jsonl"
    p = batch(src, out, "--engine", "dask", "--txt-mode", "blank", "--jobs", "1", timeout=300)
    if out.is_file():
        recs = jsonl(out)
    elif out.is_dir() or (tmp / "out").is_dir():
        from draftwise.distributed import read_partitioned

        recs = list(read_partitioned(out if out.is_dir() else tmp / "out"))
    else:
        recs = []
    return len(recs) == 3, f"exit {p.returncode}; {len(recs)} records for 3 drafts"


@attack("10", "dask: -o out.jsonl is one file")
def _dask_single(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, drafts(30))
    out = tmp / "out.jsonl"
    p = batch(src, out, "--engine", "dask", "--jobs", "1", "--partition-rows", "7", timeout=300)
    n = len(jsonl(out)) if out.is_file() else 0
    return out.is_file() and n == 30, f"exit {p.returncode}; a file: {out.is_file()}; {n} records"


@attack("10", "dask: --resume continues (or refuses clearly)")
def _dask_resume(tmp: Path) -> tuple[bool, str]:
    src = tmp / "in.jsonl"
    write_jsonl(src, drafts(30))
    local = tmp / "local.jsonl"
    batch(src, local)
    out = tmp / "out.jsonl"
    out.write_text("".join(local.read_text(encoding="utf-8").splitlines(keepends=True)[:12]), encoding="utf-8")
    p = batch(src, out, "--engine", "dask", "--jobs", "1", "--resume", timeout=300)
    if p.returncode == 0:
        ok = out.is_file() and out.read_bytes() == local.read_bytes()
        return ok, f"exit 0; resumed output equals a clean run: {ok}"
    err = p.stderr.decode("utf-8", "replace")
    ok = "Traceback" not in err and "--resume" in err
    return ok, f"refused (exit {p.returncode}): {one_line(p)}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", help="run the attacks whose item number or name contains this")
    args = ap.parse_args()
    import draftwise

    print(f"draftwise from {Path(draftwise.__file__).parent}")
    broke = 0
    for item, name, fn in ATTACKS:
        if args.only and args.only not in item and args.only not in name:
            continue
        if item == "10" and not _dask_ok():
            print(f"{item:>3}  skip   {name}: distributed is not installed")
            continue
        tmp = Path(tempfile.mkdtemp(prefix="draftwise-attack-"))
        try:
            held, why = fn(tmp)
        except Exception as e:  # an attack that crashes the harness broke something too
            held, why = False, f"{type(e).__name__}: {str(e)[:100]}"
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        broke += not held
        RESULTS.append((item, name, held, why))
        print(f"{item:>3}  {'held ' if held else 'BROKE'}  {name}: {why}", flush=True)
    print(f"{len(RESULTS) - broke} held, {broke} broke")
    return 1 if broke else 0


if __name__ == "__main__":
    sys.exit(main())
