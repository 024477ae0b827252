"""Writing analysis records as JSON Lines, CSV or Parquet, one row per record, streaming.

JSON Lines holds the record of OUTPUT.md exactly. CSV and Parquet hold the
headline figures as columns (for spreadsheets and dataframes) and the whole
record, as JSON, in a ``record`` column, so nothing is lost in any format.

Every CSV text cell is spreadsheet-safe (:func:`draftwise.textsafe.spreadsheet_cell`);
a record with lone surrogates is written with U+FFFD and says so (:func:`writable`);
Parquet goes to a temporary file renamed when complete. Before a run,
:func:`check_output` refuses an output that is an input or cannot be written, and
:class:`OutputLock` keeps a second writer off the same output.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

from draftwise.labels import DEAR_MAN
from draftwise.textsafe import replace_surrogates, spreadsheet_cell

OUTPUT_FORMATS = ("jsonl", "csv", "parquet")

CSV_COLUMNS = (
    "id",
    "text",
    "error",
    "warnings",
    "sentences",
    "intensity",
    "safety",
    "tactics",
    "blame_sentences",
    "blame_types",
    "apology",
    *(f"dear_{k}" for k in DEAR_MAN),
    "suggestions",
    "best_rewrite",
    "record",
)


def flat_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """The headline figures of one record, as flat columns."""
    sents = rec.get("sentences") or []
    dm = rec.get("dear_man") or {}
    rewrites = rec.get("rewrites") or []
    return {
        "id": rec.get("id"),
        "text": rec.get("text"),
        "error": rec.get("error") or "",
        "warnings": " | ".join(rec.get("warnings") or []),
        "sentences": len(sents),
        "intensity": (rec.get("intensity") or {}).get("level", ""),
        "safety": bool((rec.get("safety") or {}).get("flag")),
        "tactics": ";".join(t["label"] for t in rec.get("tactics") or []),
        "blame_sentences": sum(s.get("phrasing") == "blame" for s in sents),
        "blame_types": ";".join(sorted({b for s in sents for b in s.get("blame_types", [])})),
        "apology": (rec.get("apology") or {}).get("kind", ""),
        **{f"dear_{k}": (dm.get(k) or {}).get("present", "") if dm else "" for k in DEAR_MAN},
        "suggestions": len(rec.get("suggestions") or []),
        "best_rewrite": rewrites[0]["text"] if rewrites else "",
        "record": json.dumps(rec, ensure_ascii=False),
    }


def csv_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`flat_row` for a spreadsheet: every text cell that starts like a formula is neutralised."""
    return {k: spreadsheet_cell(v) for k, v in flat_row(writable(rec)).items()}


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, Mapping):
        return {_scrub(k): _scrub(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(v) for v in value]
    return value


SURROGATE_WARNING = "the record held lone UTF-16 surrogates (not text), written as U+FFFD"


def writable(rec: Mapping[str, Any]) -> Mapping[str, Any]:
    """The record as it can be written in UTF-8: lone surrogates replaced by U+FFFD, said in ``warnings``.

    Args:
        rec: An analysis record.

    Returns:
        ``rec`` itself when it is clean (the common case), else a cleaned copy.
    """
    try:
        json.dumps(rec, ensure_ascii=False).encode("utf-8")
        return rec
    except UnicodeEncodeError:
        pass
    out = _scrub(rec)
    out["warnings"] = [*(out.get("warnings") or []), SURROGATE_WARNING]
    return out


class Writer(Protocol):
    """What every writer does: take records one at a time, then close."""

    def write(self, rec: Mapping[str, Any]) -> None:
        """Write one record."""
        ...

    def close(self) -> None:
        """Finish the file."""
        ...


def output_format(path: str | Path) -> str:
    """``jsonl``, ``csv`` or ``parquet`` from the output's extension; ValueError for anything else."""
    suffix = Path(str(path)).suffix.lower().lstrip(".")
    suffix = {"ndjson": "jsonl", "json": "jsonl", "pq": "parquet"}.get(suffix, suffix)
    if suffix not in OUTPUT_FORMATS:
        raise ValueError(f"cannot write {path}: name the output .jsonl, .csv or .parquet")
    return suffix


class JsonlWriter:
    """The records of OUTPUT.md, one JSON object per line (a record with lone surrogates is cleaned first)."""

    def __init__(self, path: str | Path, append: bool = False) -> None:
        self._f = open(path, "a" if append else "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, rec: Mapping[str, Any]) -> None:
        """Write one record as a line."""
        line = json.dumps(rec, ensure_ascii=False)
        try:
            line.encode("utf-8")
        except UnicodeEncodeError:
            line = json.dumps(writable(rec), ensure_ascii=False)
        self._f.write(line + "\n")

    def flush(self) -> None:
        """Hand what is written to the operating system."""
        self._f.flush()

    def close(self) -> None:
        """Close the file."""
        self._f.close()


class CsvWriter:
    """Headline columns plus the whole record as JSON; spreadsheet-safe cells (:func:`csv_row`)."""

    def __init__(self, path: str | Path, append: bool = False) -> None:
        exists = append and Path(path).exists() and Path(path).stat().st_size > 0
        self._f = open(path, "a" if append else "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._w = csv.DictWriter(self._f, fieldnames=CSV_COLUMNS)
        if not exists:
            self._w.writeheader()

    def write(self, rec: Mapping[str, Any]) -> None:
        """Write one record as a row."""
        self._w.writerow(csv_row(rec))

    def flush(self) -> None:
        """Hand what is written to the operating system."""
        self._f.flush()

    def close(self) -> None:
        """Close the file."""
        self._f.close()


class ParquetWriter:
    """Row groups of flat columns (all strings or numbers) written as they fill.

    Parquet cannot be resumed, so it is written to a temporary file beside the
    output and renamed over it only when complete: a failed run leaves no
    half-written file and never clobbers a previous one.
    """

    def __init__(self, path: str | Path, rows_per_group: int = 2048) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._path = Path(path)
        self._tmp = temp_beside(self._path)
        self._ints = {"sentences", "blame_sentences", "suggestions"}
        self._schema = pa.schema([(c, pa.int64() if c in self._ints else pa.string()) for c in CSV_COLUMNS])
        self._w = pq.ParquetWriter(str(self._tmp), self._schema)
        self._buf: list[dict[str, Any]] = []
        self._n = rows_per_group

    def write(self, rec: Mapping[str, Any]) -> None:
        """Buffer one record; a full row group is written."""
        row = flat_row(writable(rec))
        self._buf.append({k: (int(v) if k in self._ints else ("" if v is None else str(v))) for k, v in row.items()})
        if len(self._buf) >= self._n:
            self.flush()

    def flush(self) -> None:
        """Write the buffered records as a row group (to the temporary file)."""
        if self._buf:
            self._w.write_table(self._pa.Table.from_pylist(self._buf, schema=self._schema))
            self._buf = []

    def close(self) -> None:
        """Write what is left and put the finished file in place of the output."""
        self.flush()
        self._w.close()
        os.replace(self._tmp, self._path)

    def abort(self) -> None:
        """Give up: remove the temporary file, leave the output as it was."""
        with contextlib.suppress(Exception):
            self._w.close()
        with contextlib.suppress(OSError):
            self._tmp.unlink()


def temp_beside(path: Path) -> Path:
    """A temporary name in the output's folder (so the final rename is atomic)."""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def open_writer(path: str | Path, *, append: bool = False) -> JsonlWriter | CsvWriter | ParquetWriter:
    """The writer for the output's format; ``append`` continues a JSONL or CSV file (not Parquet)."""
    kind = output_format(path)
    if kind == "jsonl":
        return JsonlWriter(path, append)
    if kind == "csv":
        return CsvWriter(path, append)
    if append:
        raise ValueError("--resume cannot append to Parquet; write JSON Lines or CSV to resume")
    return ParquetWriter(path)


# -- before anything is written: the output path, and one writer at a time ---------------------


class OutputError(Exception):
    """The output cannot be written (or must not be); the message says what to do."""


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name the same file: through symlinks, hard links, ``./`` and ``..`` too."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet: compare where they would be
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(output: str | Path, *, inputs: Iterable[Any] = (), folder: bool = False) -> None:
    """Refuse an output that would destroy an input or cannot be written, before any work starts.

    Args:
        output: The output file (or folder, with ``folder=True``).
        inputs: Input paths (``-`` and in-memory files are skipped).
        folder: The output is a folder of partitions.

    Raises:
        OutputError: With a message that says what to do.
    """
    out = Path(output)
    if not folder:
        try:
            output_format(out)
        except ValueError as e:
            raise OutputError(str(e)) from None
    for src in inputs:
        if src is None or hasattr(src, "read") or str(src) == "-":
            continue
        if same_file(src, out) or (folder and Path(os.path.realpath(src)).is_relative_to(os.path.realpath(out))):
            raise OutputError(
                f"the output {out} is the input {src}: writing it would destroy the drafts; "
                "choose another output name with -o"
            )
    parent = out.parent
    if not parent.exists():
        raise OutputError(f"the folder {parent} does not exist: create it (mkdir -p {parent}) or choose another -o")
    if not parent.is_dir():
        raise OutputError(f"{parent} is not a folder: choose another -o")
    if out.is_dir() and not folder:
        raise OutputError(f"{out} is a folder: name an output file (.jsonl, .csv or .parquet)")
    if out.exists() and not out.is_dir() and not os.access(out, os.W_OK):
        raise OutputError(f"{out} cannot be written (read-only): choose another -o")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot create files in {parent} (read-only or no permission): choose another -o")


class OutputLock:
    """An exclusive lock on an output, held for the whole run: a second writer is refused.

    The lock is ``fcntl.flock`` on a lock file beside the output
    (``.NAME.lock``, holding the pid); the kernel drops it if the process dies,
    so a killed run never leaves a stale lock.
    """

    def __init__(self, output: str | Path) -> None:
        out = Path(output)
        self.output = out
        self.path = out.with_name(f".{out.name}.lock")
        self._fd: int | None = None

    def acquire(self) -> OutputLock:
        """Take the lock or raise :class:`OutputError` naming the run that holds it."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX: no lock
            return self
        while True:
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as e:
                raise OutputError(f"cannot write in {self.path.parent} ({e.strerror}): choose another -o") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.read(fd, 32).decode("ascii", "replace").strip() or "unknown"
                os.close(fd)
                raise OutputError(
                    f"another draftwise run (pid {holder}) is writing {self.output}: wait for it to finish "
                    "or stop it, then run again (with --resume to continue its output)"
                ) from None
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # the holder removed the file as we opened it: take the new one
                os.close(fd)
                continue
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode("ascii"))
            self._fd = fd
            return self

    def release(self) -> None:
        """Drop the lock and remove the lock file."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> OutputLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
