"""Batch analysis: stream a file of drafts through the analyser into a file of records.

Rules (OUTPUT.md and the hardening issue): one record per input row, in input
order, nothing dropped; a row that cannot be analysed gets a record with
``error`` set; the whole run fails only when the file as a whole cannot be
read. Memory stays flat: rows flow through in chunks, at most a few chunks in
flight per worker, and each record is written as soon as its turn comes.

``--resume`` checks every complete record already in the output against its
input row (the id and a SHA-256 of the text: an edited or different input is
refused), counts it in the summary, cuts off a half-written last line, and
continues from the next row, so a killed run ends with every row exactly once.
One run writes an output at a time (a lock file beside it), and an output that
is the input is refused before anything is written.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
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
from draftwise.io.writers import OutputError, OutputLock, check_output, open_writer, output_format
from draftwise.results import Report
from draftwise.textsafe import replace_surrogates

CHUNK = 64


@dataclass(frozen=True)
class BatchOptions:
    """What a batch run reads and how: one set of options for the local and the Dask engine.

    Attributes:
        text_column: Column holding the draft (CSV, TSV, JSONL, Parquet).
        id_column: Column carried into the records as their id.
        txt_mode: For text files: ``line`` (one draft per line) or ``blank`` (drafts separated by a blank line).
        fmt: Input format when the file name does not tell.
        rewrites: Fill suggestions and rewrites in every record.
        resume: Continue from the records already in the output (checked against the input).
        jobs: Worker processes (local engine) or workers of a local Dask cluster; ``None``: the
            engine's default (one process locally, one per core on Dask).
        rules_only: Use the rules alone, without the trained models.
    """

    text_column: str = "text"
    id_column: str = "id"
    txt_mode: str = "line"
    fmt: str | None = None
    rewrites: bool = False
    resume: bool = False
    jobs: int | None = None
    rules_only: bool = False

    def rows(self, input_path: str | Path | Any) -> Iterator[InputRow]:
        """The input's rows, read with these options."""
        return read_rows(
            input_path, fmt=self.fmt, text_column=self.text_column, id_column=self.id_column, txt_mode=self.txt_mode
        )


@dataclass
class BatchSummary:
    """The tallies of one run, printed at its end: rows, records, errors by kind, safety flags, time."""

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
        """Records analysed without an error."""
        return self.written - sum(self.errors.values())

    def lines(self) -> list[str]:
        """The summary as lines for a person (plain text: the caller prints them as text, not markup)."""
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


def _analyse_good(analyzer: Any, good: Sequence[InputRow], rewrites: bool) -> list[dict[str, Any]]:
    """Records of readable rows; if the chunk as a whole fails, each row is tried alone, so one row never sinks another."""
    try:
        reports = analyzer.analyse_many([r.text for r in good], ids=[r.id for r in good], rewrites=rewrites)
        return [rep.to_dict() for rep in reports]
    except Exception:
        if len(good) == 1:
            raise
    out = []
    for r in good:
        try:
            out.extend(_analyse_good(analyzer, [r], rewrites))
        except Exception as e:
            out.append(
                Report(
                    id=r.id, text=r.text or "", error=f"analysis failed: {type(e).__name__}: {str(e)[:200]}"
                ).to_dict()
            )
    return out


def analyse_rows(analyzer: Any, rows: Sequence[InputRow], rewrites: bool) -> list[dict[str, Any]]:
    """Records for one chunk of rows, in order (error rows pass through).

    Args:
        analyzer: An :class:`~draftwise.pipeline.Analyzer` (or anything with its ``analyse_many``).
        rows: The chunk's input rows.
        rewrites: Fill suggestions and rewrites.

    Returns:
        One record per row, in the rows' order.
    """
    good = [r for r in rows if r.error is None]
    reports = iter(_analyse_good(analyzer, good, rewrites) if good else [])
    out = []
    for r in rows:
        if r.error is not None:
            out.append(_error_record(r))
            continue
        rec = next(reports)
        if r.warnings:
            rec["warnings"] = list(r.warnings) + list(rec.get("warnings") or [])
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


def fingerprint(rid: Any, text: str | None) -> tuple[str, str]:
    """What ties a record to its input row: the id and the SHA-256 of the text (as written).

    The record holds both (``id`` and ``text``, the draft as given), so the
    fingerprint of a record already written is computed from the record itself.
    """
    body = replace_surrogates(text or "")
    return str(rid), hashlib.sha256(body.encode("utf-8", "replace")).hexdigest()


def complete_records(path: str | Path) -> Iterator[dict[str, Any]]:
    """The complete records already in an output, in order.

    When read to the end, a half-written last record (a killed run) is cut off
    the file, so appending continues cleanly; a reader that stops early changes
    nothing.
    """
    p = Path(path)
    if not p.exists() or p.stat().st_size == 0:
        return
    kind = output_format(p)
    if kind == "jsonl":
        good_end = 0
        with open(p, "rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    break
                try:
                    rec = json.loads(line)
                    rec["id"]
                except (ValueError, KeyError, TypeError, RecursionError):
                    break
                good_end += len(line)
                yield rec
        if good_end != p.stat().st_size:
            with open(p, "r+b") as f:
                f.truncate(good_end)
        return
    if kind == "csv":
        import csv

        good, total = 0, 0
        with open(p, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                total += 1
                if good != total - 1:
                    continue
                try:
                    rec = json.loads(row.get("record") or "")
                    rec["id"]
                except (TypeError, ValueError, KeyError, RecursionError):
                    continue
                good += 1
                yield rec
        if total > good:  # a row was cut off half-way: keep the good prefix
            _keep_csv_prefix(p, good)
        return
    raise ValueError("--resume needs a .jsonl or .csv output")


def existing_ids(path: str | Path) -> list[str]:
    """Ids of the complete records in an output file; a half-written last line is cut off."""
    return [str(r["id"]) for r in complete_records(path)]


def _keep_csv_prefix(p: Path, n: int) -> None:
    """Rewrite a CSV keeping its header and first ``n`` rows, streaming."""
    import csv

    tmp = p.with_suffix(p.suffix + ".tmp")
    with open(p, encoding="utf-8", newline="") as src, open(tmp, "w", encoding="utf-8", newline="") as dst:
        w = csv.writer(dst)
        for row in itertools.islice(csv.reader(src), n + 1):
            w.writerow(row)
    os.replace(tmp, p)


def skip_done(
    output_path: str | Path, rows: Iterator[InputRow], summary: BatchSummary, input_name: str
) -> Iterator[InputRow]:
    """Check every record already in the output against its input row, count it, and return the rows left.

    Raises:
        InputError: When a record was not made from the row in its place (another
            file, or an edited one), with what to do.
    """
    n = 0
    for rec in complete_records(output_path):
        row = next(rows, None)
        if row is None:
            raise InputError(
                f"{output_path} holds more records than {input_name} has rows: it was made from another input. "
                "Run without --resume to start again, or choose another -o"
            )
        if fingerprint(rec.get("id"), rec.get("text")) != fingerprint(row.id, row.text):
            what = "id" if str(rec.get("id")) != row.id else "text"
            raise InputError(
                f"{output_path} does not match {input_name}: record {n + 1} (id {str(rec.get('id'))!r}) was made "
                f"from a different {what} than row {n + 1} (id {row.id!r}), so the input was edited or is another "
                "file. Run without --resume (or with another -o) to analyse this input from the start"
            )
        n += 1
        summary.rows += 1
        summary.count(rec)
    summary.skipped_resumed = n
    return rows


# -- the run --------------------------------------------------------------------

ChunkEngine = Callable[[Iterator[list[InputRow]]], Iterator[list[dict[str, Any]]]]


def _describe(e: OSError) -> str:
    return e.strerror or type(e).__name__


def run(
    input_path: str | Path,
    output_path: str | Path,
    options: BatchOptions | None = None,
    *,
    analyzer: Any = None,
    on_progress: Callable[[int], None] | None = None,
    engine: ChunkEngine | None = None,
    chunk_rows: int = CHUNK,
    **overrides: Any,
) -> BatchSummary:
    """Analyse every row of ``input_path`` into ``output_path``, one record per row, in order.

    Before anything is loaded or written, the output is checked (not the input,
    a folder that exists, writable) and locked against a second writer; with
    ``resume`` every record already there is checked against its input row.

    Args:
        input_path: CSV, TSV, JSONL, TXT or Parquet file of drafts (or ``-``).
        output_path: ``.jsonl``, ``.csv`` or ``.parquet`` (Parquet is written to a
            temporary file and renamed when complete).
        options: What to read and how (:class:`BatchOptions`); ``overrides`` replace its fields
            (``run(src, out, resume=True)``).
        analyzer: An analyser to use (else one is built, with the models unless ``rules_only``).
        on_progress: Called with the number of records written after each chunk (and once with
            the records kept when resuming).
        engine: Turns chunks of rows into chunks of records (the Dask engine); default local.
        chunk_rows: Rows per chunk.
        **overrides: Fields of :class:`BatchOptions`.

    Returns:
        The run's summary (the whole output's counts when resuming).

    Raises:
        InputError: The input as a whole cannot be read, or does not match the output on --resume.
        OutputError: The output cannot (or must not) be written; what was written is kept.
    """
    opts = dataclasses.replace(options or BatchOptions(), **overrides)
    started = time.perf_counter()
    summary = BatchSummary()
    check_output(output_path, inputs=[input_path])
    if opts.resume and output_format(output_path) == "parquet":
        raise OutputError("--resume cannot append to Parquet; write JSON Lines or CSV to resume")
    lock = OutputLock(output_path).acquire()
    try:
        return _run_locked(
            input_path,
            output_path,
            summary,
            started,
            opts,
            analyzer=analyzer,
            on_progress=on_progress,
            engine=engine,
            chunk_rows=chunk_rows,
        )
    finally:
        lock.release()


def _run_locked(
    input_path: str | Path,
    output_path: str | Path,
    summary: BatchSummary,
    started: float,
    opts: BatchOptions,
    *,
    analyzer: Any,
    on_progress: Callable[[int], None] | None,
    engine: ChunkEngine | None,
    chunk_rows: int,
) -> BatchSummary:
    rows = opts.rows(input_path)
    try:
        first = next(rows)
    except StopIteration:
        first = None
    rows = itertools.chain([first], rows) if first is not None else iter(())
    if opts.resume:
        rows = skip_done(output_path, rows, summary, str(input_path))
        if on_progress is not None and summary.skipped_resumed:
            on_progress(summary.skipped_resumed)  # the kept rows count towards the total too

    def counted(it: Iterator[InputRow]) -> Iterator[InputRow]:
        for r in it:
            summary.rows += 1
            yield r

    appending = opts.resume and summary.skipped_resumed > 0
    try:
        writer = open_writer(output_path, append=appending)
    except OSError as e:
        raise OutputError(f"cannot write {output_path} ({_describe(e)}): choose another -o") from None
    failed = True
    try:
        chunks = _chunks(counted(rows), chunk_rows)
        if engine is not None:
            results = engine(chunks)
        elif (opts.jobs or 1) > 1:
            results = _records_parallel(chunks, opts.jobs or 1, opts.rewrites, {"models": not opts.rules_only})
        else:
            if analyzer is None:
                from draftwise.pipeline import Analyzer

                analyzer = Analyzer(models=not opts.rules_only)
            results = (analyse_rows(analyzer, c, opts.rewrites) for c in chunks)
        for recs in results:
            try:
                for rec in recs:
                    writer.write(rec)
                    summary.count(rec)
                if hasattr(writer, "flush"):
                    writer.flush()
            except OSError as e:
                raise OutputError(_write_failed(output_path, e, summary)) from None
            if on_progress is not None:
                on_progress(len(recs))
        try:
            writer.close()
        except OSError as e:
            raise OutputError(_write_failed(output_path, e, summary)) from None
        failed = False
    finally:
        if failed:
            _abandon(writer)
    summary.seconds = time.perf_counter() - started
    return summary


def _write_failed(output_path: str | Path, e: OSError, summary: BatchSummary) -> str:
    """One line: what failed, what is kept, how to go on."""
    if output_format(output_path) == "parquet":
        return (
            f"could not write {output_path} ({_describe(e)}); nothing was written. Fix that (free space, "
            "permissions) and run again, or write .jsonl, which can be resumed"
        )
    return (
        f"could not write {output_path} ({_describe(e)}) after analysing {summary.written:,} records; what reached "
        "the file is kept. Fix that (free space, permissions) and run the same command with --resume to continue"
    )


def _abandon(writer: Any) -> None:
    """Close a writer after a failure without raising again (Parquet drops its temporary file)."""
    if hasattr(writer, "abort"):
        writer.abort()
        return
    with contextlib.suppress(OSError, ValueError):
        writer.close()
