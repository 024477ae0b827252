"""``draftwise batch --engine dask``: the same analysis over a Dask cluster.

The driver (this process) streams the input with the same reader as the local
engine, so every row gets a record and per-row errors behave identically; it
cuts the rows into partitions and submits them to the cluster, a bounded number
in flight. Each worker process loads the analyser once (the first partition it
runs) and keeps it. Results come back in input order. An OUTPUT named
``.jsonl``, ``.csv`` or ``.parquet`` is one file, written by the local engine's
writer loop (same checks, lock, ``--resume``, ``--txt-mode``); any other name is
a folder of partitions, ``OUTPUT/part-00000.jsonl``, ... plus ``OUTPUT/_SUCCESS``
listing the counts. ``--jobs`` sets the workers of a local cluster and is
refused with ``--scheduler`` (the cluster decides).

Reading happens on the driver, so workers need no shared filesystem: only
draftwise installed (``pip install "draftwise[dask]"``). Analysis, not reading,
is the cost (tens of drafts per second per core against ~100,000 rows per
second read).

Pointing it at a real cluster::

    dask scheduler                                  # on the scheduler host
    dask worker tcp://SCHEDULER:8786 --nthreads 1   # on each worker host (one per core)
    draftwise batch big.csv -o out/ --engine dask --scheduler tcp://SCHEDULER:8786

Without ``--scheduler`` a local cluster is started (one worker process per
core, bound to 127.0.0.1).
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from draftwise.batch import BatchOptions, BatchSummary, _chunks
from draftwise.batch import run as batch_run
from draftwise.io.readers import InputError, InputRow
from draftwise.io.writers import OutputError, OutputLock, check_output, open_writer

PARTITION_ROWS = 2_000

_ANALYZERS: dict[bool, Any] = {}


def _analyse_partition(rows: list[InputRow], rewrites: bool, rules_only: bool) -> list[dict[str, Any]]:
    """Runs on a worker: each kind of analyser is built once per worker process and reused."""
    if rules_only not in _ANALYZERS:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        from draftwise.pipeline import Analyzer

        _ANALYZERS[rules_only] = Analyzer(models=not rules_only)
    from draftwise.batch import analyse_rows

    return analyse_rows(_ANALYZERS[rules_only], rows, rewrites)


def _client(scheduler: str | None, workers: int | None = None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:  # pragma: no cover - depends on the extra
        raise InputError('the dask engine needs the extra: pip install "draftwise[dask]"') from e
    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )
    return Client(cluster), cluster


def records(
    client: Any,
    rows: Iterator[InputRow],
    *,
    rewrites: bool = False,
    rules_only: bool = False,
    partition_rows: int = PARTITION_ROWS,
    in_flight: int | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """Partitions of records, in input order, a bounded number in flight on the cluster."""
    return _submit(client, _chunks(rows, partition_rows), rewrites=rewrites, rules_only=rules_only, in_flight=in_flight)


def _submit(
    client: Any,
    parts: Iterator[list[InputRow]],
    *,
    rewrites: bool,
    rules_only: bool,
    in_flight: int | None = None,
) -> Iterator[list[dict[str, Any]]]:
    width = in_flight or 2 * max(1, len(client.scheduler_info().get("workers", {})))
    pending: deque = deque()
    for part in parts:
        pending.append(client.submit(_analyse_partition, part, rewrites, rules_only, pure=False))
        if len(pending) >= width:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


SINGLE_FILE = (".jsonl", ".ndjson", ".json", ".csv", ".parquet", ".pq")


def run_dask(
    input_path: str,
    output: str,
    options: BatchOptions | None = None,
    *,
    scheduler: str | None = None,
    partition_rows: int = PARTITION_ROWS,
    client: Any = None,
    **overrides: Any,
) -> BatchSummary:
    """Analyse ``input_path`` on a Dask cluster, with the local engine's options and guarantees.

    An ``output`` named ``.jsonl``, ``.csv`` or ``.parquet`` is one file, written
    exactly as the local engine writes it (same checks, lock, ``--resume``);
    any other name is a folder of partitions plus ``_SUCCESS``.

    Args:
        input_path: The input file.
        output: One output file, or a folder of partitions.
        options: The same :class:`~draftwise.batch.BatchOptions` as the local engine; ``jobs`` is the
            number of workers of the local cluster (``None``: one per core) and is refused with a
            ``scheduler``; ``resume`` needs a single output file.
        scheduler: A scheduler address; none starts a local cluster.
        partition_rows: Rows per partition sent to a worker.
        client: An existing Dask client (tests).
        **overrides: Fields of :class:`~draftwise.batch.BatchOptions`.

    Returns:
        The run's summary.

    Raises:
        InputError: The input as a whole cannot be read.
        OutputError: The output cannot (or must not) be written, or an option cannot be honoured.
    """
    opts = dataclasses.replace(options or BatchOptions(), **overrides)
    if opts.jobs not in (None, 1) and (scheduler or client is not None):
        raise OutputError(
            "--jobs sets the workers of the local cluster; with --scheduler the cluster's workers decide "
            "(start one 'dask worker --nthreads 1' per core)"
        )
    single = Path(output).suffix.lower() in SINGLE_FILE
    if not single and opts.resume:
        raise OutputError(
            f"--resume with --engine dask needs one output file (-o {Path(output).name or 'out'}.jsonl), "
            "not a folder of partitions"
        )
    workers = opts.jobs or os.cpu_count() or 1
    if single:
        check_output(output, inputs=[input_path])
    else:
        check_output(output, inputs=[input_path], folder=True)
    # A whole-file problem of the input surfaces here, before any cluster starts.
    first = next(opts.rows(input_path), None)
    del first
    own = client is None
    cluster = None
    if own:
        client, cluster = _client(scheduler, workers)
    try:
        if single:
            return batch_run(
                input_path,
                output,
                dataclasses.replace(opts, jobs=1),
                chunk_rows=partition_rows,
                engine=lambda parts: _submit(client, parts, rewrites=opts.rewrites, rules_only=opts.rules_only),
            )
        with OutputLock(output):
            return _run_folder(client, input_path, Path(output), opts, partition_rows=partition_rows)
    finally:
        if own:
            client.close()
            if cluster is not None:
                cluster.close()


def _run_folder(
    client: Any, input_path: str, out_dir: Path, opts: BatchOptions, *, partition_rows: int
) -> BatchSummary:
    """Partitions ``part-NNNNN.jsonl`` and ``_SUCCESS`` in ``out_dir``; a stale ``_SUCCESS`` goes first."""
    started = time.perf_counter()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        (out_dir / "_SUCCESS").unlink(missing_ok=True)
    except OSError as e:
        raise OutputError(f"cannot write in {out_dir} ({e.strerror}): choose another -o") from None
    summary = BatchSummary()

    def all_rows() -> Iterator[InputRow]:
        for r in opts.rows(input_path):
            summary.rows += 1
            yield r

    parts = []
    for n, recs in enumerate(
        records(client, all_rows(), rewrites=opts.rewrites, rules_only=opts.rules_only, partition_rows=partition_rows)
    ):
        name = f"part-{n:05d}.jsonl"
        try:
            w = open_writer(out_dir / name)
            try:
                for rec in recs:
                    w.write(rec)
                    summary.count(rec)
            finally:
                w.close()
        except OSError as e:
            raise OutputError(
                f"could not write {out_dir / name} ({e.strerror}); run again (or write one file, "
                "-o out.jsonl, which --resume can continue)"
            ) from None
        parts.append({"file": name, "records": len(recs)})
    (out_dir / "_SUCCESS").write_text(
        json.dumps({"parts": parts, "records": summary.written}, indent=1) + "\n", encoding="utf-8"
    )
    summary.seconds = time.perf_counter() - started
    return summary


def read_partitioned(folder: str | Path) -> Iterator[dict[str, Any]]:
    """The records of a partitioned JSONL output, in order."""
    meta = json.loads((Path(folder) / "_SUCCESS").read_text(encoding="utf-8"))
    for p in meta["parts"]:
        with open(Path(folder) / p["file"], encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)
