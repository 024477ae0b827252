"""Batch analysis: stream a file of drafts through the analyser into a file of records.

Rules (OUTPUT.md and the hardening issue): one record per input row, in input
order, nothing dropped; a row that cannot be analysed gets a record with
``error`` set; the whole run fails only when the file as a whole cannot be
read. Memory stays flat: rows flow through in chunks, at most a few chunks in
flight per worker, and each record is written as soon as its turn comes.

``--resume`` counts the complete records already in the output, checks their
ids against the input, cuts off a half-written last line, and continues from
the next row, so a killed run ends with every row exactly once.
"""

from __future__ import annotations

import itertools
import json
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from draftwise.io.readers import InputError, InputRow, read_rows
from draftwise.io.writers import open_writer, output_format
from draftwise.results import Report

CHUNK = 64


@dataclass
class BatchSummary:
    rows: int = 0
    written: int = 0
    skipped_resumed: int = 0
    errors: Counter = field(default_factory=Counter)
    safety_flags: int = 0
    seconds: float = 0.0

    def count(self, rec: dict[str, Any]) -> None:
        """Add one written record to the tallies."""
        self.written += 1
        if rec.get("error"):
            self.errors[error_kind(rec["error"])] += 1
        if (rec.get("safety") or {}).get("flag"):
            self.safety_flags += 1

    @property
    def ok(self) -> int:
        return self.written - sum(self.errors.values())

    def lines(self) -> list[str]:
        rate = self.written / self.seconds if self.seconds > 0 else 0.0
        out = [
            f"rows read: {self.rows:,}   records written: {self.written:,}   analysed: {self.ok:,}   "
            f"errors: {sum(self.errors.values()):,}   safety flags: {self.safety_flags:,}",
            f"time: {self.seconds:.1f} s ({rate:.1f} drafts/s)",
        ]
        if self.skipped_resumed:
            out.insert(1, f"resumed: {self.skipped_resumed:,} rows were already in the output and were kept")
        for kind, n in self.errors.most_common():
            out.append(f"  {n:,} x {kind}")
        return out


def error_kind(message: str) -> str:
    """Group error messages by kind for the summary (drop row numbers and details)."""
    import re

    m = re.sub(r"\b(?:row|line) \d+\b", "row N", message)
    m = re.sub(r"\(.*?\)", "", m)
    return re.sub(r"\d+", "N", m).strip()[:90]


def _error_record(row: InputRow) -> dict[str, Any]:
    return Report(id=row.id, text=row.text or "", warnings=row.warnings, error=row.error).to_dict()


def analyse_rows(analyzer: Any, rows: Sequence[InputRow], rewrites: bool) -> list[dict[str, Any]]:
    """Records for one chunk of rows, in order (error rows pass through)."""
    good = [r for r in rows if r.error is None]
    reports = iter(analyzer.analyse_many([r.text for r in good], ids=[r.id for r in good], rewrites=rewrites))
    out = []
    for r in rows:
        if r.error is not None:
            out.append(_error_record(r))
            continue
        rec = next(reports).to_dict()
        if r.warnings:
            rec["warnings"] = list(r.warnings) + rec["warnings"]
        out.append(rec)
    return out


# -- worker processes --------------------------------------------------------

_WORKER: Any = None


def _init_worker(analyzer_kwargs: dict[str, Any]) -> None:
    global _WORKER
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from draftwise.pipeline import Analyzer

    _WORKER = Analyzer(**analyzer_kwargs)


def _work(args: tuple[list[InputRow], bool]) -> list[dict[str, Any]]:
    rows, rewrites = args
    return analyse_rows(_WORKER, rows, rewrites)


def _chunks(rows: Iterable[InputRow], size: int) -> Iterator[list[InputRow]]:
    it = iter(rows)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _records_parallel(
    chunks: Iterator[list[InputRow]], jobs: int, rewrites: bool, analyzer_kwargs: dict[str, Any]
) -> Iterator[list[dict[str, Any]]]:
    """Chunks analysed by ``jobs`` processes, yielded in input order, a bounded number in flight."""
    import multiprocessing as mp

    ctx = mp.get_context("spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(analyzer_kwargs,)) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_work, ((chunk, rewrites),)))
            if len(pending) >= 3 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


# -- resume -------------------------------------------------------------------


def existing_ids(path: str | Path) -> list[str]:
    """Ids of the complete records in an output file; a half-written last line is cut off."""
    p = Path(path)
    if not p.exists() or p.stat().st_size == 0:
        return []
    kind = output_format(p)
    if kind == "jsonl":
        ids, good_end = [], 0
        with open(p, "rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    break
                try:
                    ids.append(str(json.loads(line)["id"]))
                except (ValueError, KeyError):
                    break
                good_end += len(line)
        if good_end != p.stat().st_size:
            with open(p, "r+b") as f:
                f.truncate(good_end)
        return ids
    if kind == "csv":
        import csv

        ids, total = [], 0
        with open(p, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                total += 1
                try:
                    if len(ids) == total - 1:
                        ids.append(str(json.loads(row.get("record") or "")["id"]))
                except (TypeError, ValueError, KeyError):
                    pass
        if total > len(ids):  # a row was cut off half-way: keep the good prefix
            _keep_csv_prefix(p, len(ids))
        return ids
    raise ValueError("--resume needs a .jsonl or .csv output")


def _keep_csv_prefix(p: Path, n: int) -> None:
    """Rewrite a CSV keeping its header and first ``n`` rows, streaming."""
    import csv

    tmp = p.with_suffix(p.suffix + ".tmp")
    with open(p, encoding="utf-8", newline="") as src, open(tmp, "w", encoding="utf-8", newline="") as dst:
        w = csv.writer(dst)
        for row in itertools.islice(csv.reader(src), n + 1):
            w.writerow(row)
    os.replace(tmp, p)


# -- the run --------------------------------------------------------------------


def run(
    input_path: str | Path,
    output_path: str | Path,
    *,
    text_column: str = "text",
    id_column: str = "id",
    txt_mode: str = "line",
    fmt: str | None = None,
    rewrites: bool = False,
    jobs: int = 1,
    resume: bool = False,
    analyzer: Any = None,
    analyzer_kwargs: dict[str, Any] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Analyse every row of ``input_path`` into ``output_path``; raises InputError only for a whole-file problem."""
    started = time.perf_counter()
    summary = BatchSummary()
    output_format(output_path)  # a bad output name fails before any work
    rows = read_rows(input_path, fmt=fmt, text_column=text_column, id_column=id_column, txt_mode=txt_mode)
    try:
        first = next(rows)
    except StopIteration:
        first = None
    rows = itertools.chain([first], rows) if first is not None else iter(())

    done: list[str] = existing_ids(output_path) if resume else []
    if done:
        for expected in done:
            row = next(rows, None)
            if row is None:
                raise InputError(
                    f"{output_path} holds more records than {input_path} has rows: is it the output of this input?"
                )
            if row.id != expected:
                raise InputError(
                    f"{output_path} does not match {input_path} (record {summary.rows} has id {expected!r}, "
                    f"the input row has {row.id!r}); write to a new file instead of --resume"
                )
            summary.rows += 1
        summary.skipped_resumed = len(done)
        summary.written = len(done)

    def counted(it: Iterator[InputRow]) -> Iterator[InputRow]:
        for r in it:
            summary.rows += 1
            yield r

    writer = open_writer(output_path, append=bool(done))
    try:
        chunks = _chunks(counted(rows), CHUNK)
        if jobs > 1:
            results = _records_parallel(chunks, jobs, rewrites, analyzer_kwargs or {})
        else:
            if analyzer is None:
                from draftwise.pipeline import Analyzer

                analyzer = Analyzer(**(analyzer_kwargs or {}))
            results = (analyse_rows(analyzer, c, rewrites) for c in chunks)
        for recs in results:
            for rec in recs:
                writer.write(rec)
                summary.count(rec)
            if hasattr(writer, "flush"):
                writer.flush()
            if on_progress is not None:
                on_progress(len(recs))
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - started
    return summary
