"""Reading drafts from CSV, TSV, JSON Lines, plain text and Parquet, streaming.

Every input row becomes exactly one :class:`InputRow`, in order: a row that
cannot be read (a broken JSON line, a ragged CSV row, bytes that are not text)
still yields a row, with ``error`` saying why, so the batch writes a record for
it. Only a file that cannot be read at all (missing, binary, no text column)
raises :class:`InputError`, with a message that says what to do.

Encodings: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise UTF-8, and a row that
is not valid UTF-8 is read as Windows-1252 (a superset of Latin-1 for text)
and says so in its warnings.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from draftwise.textsafe import lone_surrogates, replace_surrogates

FORMATS = ("csv", "tsv", "jsonl", "txt", "parquet")
# A CSV field may hold a whole email; the csv module's default cap is 128 KiB.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


class InputError(Exception):
    """The file as a whole cannot be read; the message says what to do."""


@dataclass(frozen=True)
class InputRow:
    """One input row: its 0-based position, its id, its draft (``None`` when unreadable) and why not."""

    position: int
    id: str
    text: str | None
    error: str | None = None
    warnings: tuple[str, ...] = field(default=())


def columns(source: str | Path | BinaryIO, fmt: str | None = None) -> list[str]:
    """The column (or JSON field) names of a table file, for choosing the text column."""
    kind = detect_format(getattr(source, "name", source) if hasattr(source, "read") else source, fmt)
    if kind == "txt":
        return []
    if kind == "parquet":
        import pyarrow.parquet as pq

        return list(pq.ParquetFile(source).schema_arrow.names)
    raw = _open(source)
    stream = _open_text(raw)
    if kind in ("csv", "tsv"):
        try:
            header = next(csv.reader(stream, delimiter="," if kind == "csv" else "\t"))
        except (StopIteration, csv.Error):
            return []
        finally:
            stream.detach()
        return [_repair(h)[0].strip().lstrip("\ufeff") for h in header]
    names: dict[str, None] = {}
    for n, line in enumerate(_lines_lf(stream)):
        if n >= 50:
            break
        try:
            obj = json.loads(line)
        except (RecursionError, ValueError):
            continue
        if isinstance(obj, dict):
            names.update(dict.fromkeys(obj))
    stream.detach()
    return list(names)


def detect_format(path: str | Path, fmt: str | None = None) -> str:
    """The input format: ``fmt`` when given, else from the file name's extension; InputError if neither tells."""
    if fmt:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(str(path)).suffix.lower().lstrip(".")
    aliases = {"ndjson": "jsonl", "json": "jsonl", "text": "txt", "tab": "tsv", "pq": "parquet"}
    suffix = aliases.get(suffix, suffix)
    if suffix not in FORMATS:
        raise InputError(
            f"cannot tell the format of {path}: name it .csv, .tsv, .jsonl, .txt or .parquet, or pass --format"
        )
    return suffix


def _sniff_encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if b"\x00" in head:
        # UTF-16 without a BOM: ASCII text leaves every other byte NUL.
        even, odd = head[0::2], head[1::2]
        if odd and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
            return "utf-16-le"
        if even and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
            return "utf-16-be"
    if looks_binary(head):
        raise InputError("the file looks like binary data, not text: is it the right file?")
    return "utf-8"


# Bytes that are never in text: C0 controls other than tab, newline, form feed and CR.
_NOT_TEXT = bytes(b for b in range(32) if b not in b"\t\n\x0c\r") + b"\x7f"
# Text holds (almost) no control bytes; compressed or random data about 11%. Bytes that are not
# UTF-8 are no sign of binary: a Greek or Russian file in a legacy code page is mostly such bytes.
BINARY_SHARE = 0.05
# Files that say what they are in their first bytes: pictures, archives, documents, programs.
_SIGNATURES = (
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
    b"PAR1",
    b"SQLite format 3\x00",
)


def looks_binary(head: bytes) -> bool:
    """Whether the start of a file is mostly not text (a picture, an archive), not text with a stray NUL.

    A file is refused as binary when it starts with the signature of a picture,
    an archive or a program, or when at least ``BINARY_SHARE`` of its first bytes
    are control bytes; a few NUL bytes in a text file make those rows errors,
    each on its own.

    Args:
        head: The first bytes of the file (up to 64 KiB).

    Returns:
        True when the file should be refused as binary.
    """
    if not head:
        return False
    if head.startswith(_SIGNATURES):
        return True
    controls = sum(head.count(b) for b in _NOT_TEXT)
    return controls >= BINARY_SHARE * len(head)


_SURROGATES = re.compile("[\udc80-\udcff]+")


def _repair(text: str) -> tuple[str, tuple[str, ...]]:
    """Bytes that were not UTF-8 (kept as surrogates) are decoded as Windows-1252."""
    if not _SURROGATES.search(text):
        return text, ()
    fixed = _SURROGATES.sub(
        lambda m: bytes(ord(c) - 0xDC00 for c in m.group(0)).decode("cp1252", errors="replace"), text
    )
    return fixed, ("this row was not valid UTF-8 and was read as Windows-1252 / Latin-1",)


def _open_text(stream: BinaryIO) -> io.TextIOWrapper:
    head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    enc = _sniff_encoding(head)
    errors = "surrogateescape" if enc.startswith("utf-8") else "replace"
    return io.TextIOWrapper(stream, encoding=enc, errors=errors, newline="")


def _open(path: str | Path | BinaryIO) -> BinaryIO:
    if hasattr(path, "read"):  # an in-memory upload: never written to disk
        stream = path
        if not hasattr(stream, "peek"):
            stream = io.BufferedReader(stream)  # type: ignore[arg-type]
        return stream  # type: ignore[return-value]
    if str(path) == "-":
        return io.BufferedReader(sys.stdin.buffer)  # type: ignore[arg-type]
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {path}")
    if p.is_dir():
        raise InputError(f"{path} is a folder, not a file")
    return open(p, "rb")


def read_rows(
    path: str | Path | BinaryIO,
    *,
    fmt: str | None = None,
    text_column: str = "text",
    id_column: str = "id",
    txt_mode: str = "line",
) -> Iterator[InputRow]:
    """Yield one :class:`InputRow` per input row, streaming."""
    kind = detect_format(getattr(path, "name", path) if hasattr(path, "read") else path, fmt)
    if kind == "parquet":
        yield from _read_parquet(path, text_column, id_column)
        return
    raw = _open(path)
    try:
        stream = _open_text(raw)
        if kind in ("csv", "tsv"):
            yield from _read_delimited(stream, "," if kind == "csv" else "\t", text_column, id_column, str(path))
        elif kind == "jsonl":
            yield from _read_jsonl(stream, text_column, id_column)
        else:
            yield from _read_txt(stream, txt_mode)
    finally:
        raw.close()


def _read_delimited(
    stream: io.TextIOWrapper, delimiter: str, text_column: str, id_column: str, name: str
) -> Iterator[InputRow]:
    reader = csv.reader(stream, delimiter=delimiter, strict=False)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{name} is empty: expected a header row with a {text_column!r} column") from None
    except csv.Error as e:
        raise InputError(f"{name}: the header row cannot be read ({e})") from None
    header = [_repair(h)[0].strip().lstrip("\ufeff") for h in header]
    if text_column not in header:
        shown = ", ".join(repr(h) for h in header[:12]) or "none"
        raise InputError(
            f"{name} has no column named {text_column!r} (its columns: {shown}); "
            "name the column that holds the drafts with --text-column"
        )
    ti = header.index(text_column)
    ii = header.index(id_column) if id_column in header else None
    pos = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield InputRow(pos, str(pos), None, f"row {pos + 2} of the file cannot be read as CSV: {e}")
            pos += 1
            continue
        if not row:  # a blank line between rows is not a row
            continue
        rid = str(pos)
        id_warns: tuple[str, ...] = ()
        if ii is not None and ii < len(row) and row[ii].strip():
            rid = _repair(row[ii])[0].strip()
        elif ii is not None and ii < len(row):
            id_warns = (empty_id_warning(pos),)
        if len(row) != len(header):
            if ti >= len(row):
                yield InputRow(
                    pos,
                    rid,
                    None,
                    f"row {pos + 2} has {len(row)} fields, the header has {len(header)}: no {text_column!r} value",
                )
                pos += 1
                continue
            text, warns = _repair(row[ti])
            warns += (
                *id_warns,
                f"row {pos + 2} has {len(row)} fields, the header has {len(header)}; its {text_column!r} field was used",
            )
            yield InputRow(pos, rid, text, None, warns)
        else:
            text, warns = _repair(row[ti])
            yield InputRow(pos, rid, text, None, id_warns + warns)
        pos += 1


def _lines_lf(stream: io.TextIOWrapper) -> Iterator[str]:
    """Lines ended by a line feed only: a lone CR inside a JSON line is whitespace, not a line break.

    Linear however long a line is: only each new chunk is split.
    """
    pending: list[str] = []
    while chunk := stream.read(1 << 16):
        parts = chunk.split("\n")
        if len(parts) == 1:
            pending.append(chunk)
            continue
        yield "".join(pending) + parts[0]
        yield from parts[1:-1]
        pending = [parts[-1]] if parts[-1] else []
    if pending:
        yield "".join(pending)


def _fix_surrogates(value: str) -> tuple[str, tuple[str, ...]]:
    r"""A lone surrogate (a JSON escape such as ``\\ud800`` that is not text) becomes U+FFFD, said in a warning."""
    n = lone_surrogates(value)
    if not n:
        return value, ()
    return replace_surrogates(value), (
        f"this row held {n} lone UTF-16 surrogate escape{'s' if n > 1 else ''} (not text); "
        "each was replaced with U+FFFD",
    )


def empty_id_warning(position: int) -> str:
    """The warning of a row whose id is empty: its position stands in, which may equal another row's id."""
    return f"this row's id is empty: its position {position} is used as its id (it may collide with a real id)"


def _read_jsonl(stream: io.TextIOWrapper, text_column: str, id_column: str) -> Iterator[InputRow]:
    pos = 0
    for n, line in enumerate(_lines_lf(stream), 1):
        if not line.strip():
            continue
        line, warns = _repair(line)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputRow(pos, str(pos), None, f"line {n} is not valid JSON ({e.msg} at column {e.colno})", warns)
            pos += 1
            continue
        except (RecursionError, ValueError, MemoryError):
            yield InputRow(pos, str(pos), None, f"line {n} is JSON nested too deeply to read", warns)
            pos += 1
            continue
        if not isinstance(obj, dict):
            yield InputRow(
                pos, str(pos), None, f"line {n} is JSON but not an object with a {text_column!r} field", warns
            )
            pos += 1
            continue
        rid = obj.get(id_column)
        if rid is None or str(rid).strip() == "":
            if id_column in obj:
                warns += (empty_id_warning(pos),)
            rid = str(pos)
        else:
            rid, w = _fix_surrogates(str(rid))
            warns += w
        text = obj.get(text_column)
        if text is None:
            yield InputRow(pos, rid, None, f"line {n} has no {text_column!r} field", warns)
        elif not isinstance(text, str):
            yield InputRow(pos, rid, None, f"line {n}: {text_column!r} is a {type(text).__name__}, not text", warns)
        else:
            text, w = _fix_surrogates(text)
            yield InputRow(pos, rid, text, None, warns + w)
        pos += 1


def _read_txt(stream: io.TextIOWrapper, mode: str) -> Iterator[InputRow]:
    if mode not in ("line", "blank"):
        raise InputError(
            f"unknown text mode {mode!r}: 'line' (one draft per line) or 'blank' (drafts separated by a blank line)"
        )
    pos = 0
    if mode == "line":
        for line in stream:
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            text, warns = _repair(line)
            yield InputRow(pos, str(pos), text, None, warns)
            pos += 1
        return
    buf: list[str] = []
    for line in stream:
        line = line.rstrip("\r\n")
        if line.strip():
            buf.append(line)
            continue
        if buf:
            text, warns = _repair("\n".join(buf))
            yield InputRow(pos, str(pos), text, None, warns)
            pos += 1
            buf = []
    if buf:
        text, warns = _repair("\n".join(buf))
        yield InputRow(pos, str(pos), text, None, warns)


def _read_parquet(path: str | Path | BinaryIO, text_column: str, id_column: str) -> Iterator[InputRow]:
    try:
        import pyarrow.parquet as pq
    except ImportError as e:  # pragma: no cover
        raise InputError("reading Parquet needs pyarrow: pip install pyarrow") from e
    if not hasattr(path, "read") and not Path(path).exists():
        raise InputError(f"no such file: {path}")
    try:
        pf = pq.ParquetFile(path)
    except Exception as e:
        raise InputError(f"{path} cannot be read as Parquet ({e})") from None
    names = pf.schema_arrow.names
    if text_column not in names:
        raise InputError(
            f"{path} has no column named {text_column!r} (its columns: {', '.join(names[:12])}); use --text-column"
        )
    cols = [text_column] + ([id_column] if id_column in names else [])
    pos = 0
    for batch in pf.iter_batches(batch_size=2048, columns=cols):
        data = batch.to_pydict()
        for i, text in enumerate(data[text_column]):
            rid = data.get(id_column, [None] * len(data[text_column]))[i]
            warns: tuple[str, ...] = ()
            if rid is None or str(rid).strip() == "":
                warns = (empty_id_warning(pos),) if id_column in data else ()
                rid = str(pos)
            else:
                rid = str(rid)
            if text is None:
                yield InputRow(pos, rid, None, f"row {pos}: the {text_column!r} value is empty (null)", warns)
            elif not isinstance(text, str):
                yield InputRow(
                    pos, rid, None, f"row {pos}: {text_column!r} is a {type(text).__name__}, not text", warns
                )
            else:
                yield InputRow(pos, rid, text, None, warns)
            pos += 1
