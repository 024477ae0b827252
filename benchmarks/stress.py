"""A batch of 100,000 generated drafts with 1% corrupted rows, run through and then killed and resumed.

    python benchmarks/stress.py                 # 100,000 rows, --jobs 2
    python benchmarks/stress.py --rows 5000     # quicker

Checks, and prints the figures:
1. a clean run writes exactly one record per input row, in order, with `error`
   set on the corrupted rows and nowhere else;
2. a second run is killed (SIGKILL) about half-way and resumed with --resume;
   the result has every row exactly once and equals the clean run.
Exits non-zero if either check fails.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make(path: Path, rows: int, seed: int = 11) -> set[int]:
    sents = []
    for split in ("train", "dev", "test"):
        with open(ROOT / "data" / f"{split}.jsonl", encoding="utf-8") as f:
            sents += [s["text"] for line in f for s in json.loads(line)["sentences"]]
    rng = random.Random(seed)
    corrupted = set(rng.sample(range(rows), rows // 100))
    kinds = ["broken_json", "not_text", "no_text", "empty", "binary"]
    with open(path, "wb") as f:
        for i in range(rows):
            if i in corrupted:
                kind = kinds[i % len(kinds)]
                line = {
                    "broken_json": b'{"id": "r%d", "text": "unterminated' % i,
                    "not_text": json.dumps({"id": f"r{i}", "text": 42}).encode(),
                    "no_text": json.dumps({"id": f"r{i}"}).encode(),
                    "empty": json.dumps({"id": f"r{i}", "text": "   "}).encode(),
                    "binary": json.dumps({"id": f"r{i}", "text": "\x00\x01\x02\x03 junk \x00\x00"}).encode(),
                }[kind]
            else:
                text = " ".join(rng.sample(sents, rng.randint(1, 4)))
                line = json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False).encode("utf-8")
            f.write(line + b"\n")
    return corrupted


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="draftwise-stress-"))
    src = tmp / "drafts.jsonl"
    corrupted = make(src, args.rows)
    cmd = [sys.executable, "-m", "draftwise.cli", "batch", str(src), "--jobs", str(args.jobs), "-q"]
    ok = True

    clean = tmp / "clean.jsonl"
    t0 = time.perf_counter()
    p = subprocess.run([*cmd, "-o", str(clean)], capture_output=True, text=True, cwd=ROOT)
    secs = time.perf_counter() - t0
    recs = [json.loads(x) for x in clean.read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in recs]
    errors = {i for i, r in enumerate(recs) if r.get("error")}
    from draftwise.batch import error_kind

    kinds = Counter(error_kind(r["error"]) for r in recs if r.get("error"))
    print(
        f"clean run: {args.rows:,} rows in, {len(recs):,} records out in {secs:.0f} s ({args.rows / secs:.0f} rows/s), exit {p.returncode}"
    )
    print(f"  rows with error: {len(errors):,} (corrupted on purpose: {len(corrupted):,}); by kind: {dict(kinds)}")
    print("  summary printed by draftwise:\n    " + "\n    ".join(p.stderr.strip().splitlines()[-8:]))
    # a line too broken to read its id is named by its position, as OUTPUT.md says
    in_order = len(ids) == args.rows and all(
        x == f"r{i}" or (i in corrupted and x == str(i)) for i, x in enumerate(ids)
    )
    if not in_order:
        print("  FAIL: records do not match rows one to one")
        ok = False
    if errors != corrupted:
        print(
            f"  FAIL: errors on {len(errors - corrupted)} good rows, {len(corrupted - errors)} corrupted rows without error"
        )
        ok = False

    killed = tmp / "killed.jsonl"
    proc = subprocess.Popen([*cmd, "-o", str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    while proc.poll() is None:
        if killed.exists() and killed.stat().st_size > clean.stat().st_size // 2:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.2)
    proc.wait()
    before = killed.read_bytes().count(b"\n")
    p2 = subprocess.run([*cmd, "-o", str(killed), "--resume"], capture_output=True, text=True, cwd=ROOT)
    after = [json.loads(x) for x in killed.read_text(encoding="utf-8").splitlines()]
    once = Counter(r["id"] for r in after)
    print(
        f"killed run: SIGKILL after {before:,} complete records; resumed (exit {p2.returncode}); "
        f"{len(after):,} records, duplicates {sum(v > 1 for v in once.values())}, missing {args.rows - len(once)}"
    )
    if after != recs:
        print("  FAIL: the resumed output differs from the clean run")
        ok = False
    else:
        print("  resumed output equals the clean run record for record")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
