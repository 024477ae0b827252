"""What the batch view shows about an upload before and after analysis, as plain data.

The column picker's default, the preview, the "these look like ids" warning, progress in
"n / N", row warnings, and the user's other columns carried into the table and the
downloads. The upload is read from memory in the same row order as
:func:`draftwise.io.readers.read_rows` (blank lines skipped, a broken row still a row), so
the other columns line up with the records by position.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from draftwise.labels import DISPLAY

_ID_LIKE = re.compile(
    r"^\s*(?:[A-Za-z]{0,4}[-_#]?\d+[A-Za-z]?|\d+(?:[.,]\d+)*|[0-9a-f]{8,}(?:-[0-9a-f]{4,})*)\s*$", re.I
)


def table_kind(name: str) -> str:
    """``csv``, ``tsv``, ``jsonl`` or ``txt`` from an upload's file name."""
    low = name.lower()
    if low.endswith(".tsv"):
        return "tsv"
    if low.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if low.endswith(".csv"):
        return "csv"
    return "txt"


def _text_stream(data: bytes) -> io.TextIOWrapper:
    from draftwise.io.readers import _open_text

    return _open_text(io.BufferedReader(io.BytesIO(data)))  # type: ignore[arg-type]


def iter_table(data: bytes, name: str) -> Iterator[dict[str, str]]:
    """Every row of a CSV, TSV or JSON Lines upload as ``{column: text}``, in the reader's order.

    A row that cannot be read yields ``{}`` so positions still match the records. A text file
    has no columns and yields nothing.
    """
    kind = table_kind(name)
    if kind == "txt":
        return
    stream = _text_stream(data)
    if kind in ("csv", "tsv"):
        reader = csv.reader(stream, delimiter="," if kind == "csv" else "\t", strict=False)
        try:
            header = [h.strip().lstrip("\ufeff") for h in next(reader)]
        except (StopIteration, csv.Error):
            return
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error:
                yield {}
                continue
            if not row:
                continue
            yield {h: row[i] if i < len(row) else "" for i, h in enumerate(header)}
        return
    for line in stream.read().split("\n"):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (RecursionError, ValueError):
            yield {}
            continue
        if not isinstance(obj, dict):
            yield {}
            continue
        yield {str(k): v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for k, v in obj.items()}


def preview_rows(data: bytes, name: str, limit: int = 5) -> list[dict[str, str]]:
    """The first ``limit`` rows of a table upload, long cells cut to 120 characters."""
    out = []
    for row in iter_table(data, name):
        out.append({k: (v[:120] + "…") if len(v) > 120 else v for k, v in row.items()})
        if len(out) >= limit:
            break
    return out


def looks_like_ids(values: Sequence[str]) -> bool:
    """True when most non-empty values are ids or numbers ("d01", "42", "3.5"), not messages."""
    vals = [v for v in values if v and v.strip()]
    if not vals:
        return True
    return sum(bool(_ID_LIKE.match(v)) for v in vals) >= 0.8 * len(vals)


def default_text_column(data: bytes, name: str, names: Sequence[str], sample: int = 200) -> str | None:
    """The column most likely to hold the drafts: ``text`` if present, else the longest text on average.

    Args:
        data: the upload's bytes.
        name: its file name (for the format).
        names: its column names.
        sample: how many rows to look at.

    Returns:
        A column name, or None when there are no columns.
    """
    if not names:
        return None
    totals = dict.fromkeys(names, 0)
    for n, row in enumerate(iter_table(data, name)):
        if n >= sample:
            break
        for k in names:
            v = row.get(k) or ""
            totals[k] += 0 if _ID_LIKE.match(v) else len(v)
    best = max(names, key=lambda k: (totals[k], k == "text"))
    if "text" in names and totals["text"] >= 0.5 * totals[best]:
        return "text"
    return best


def column_warning(data: bytes, name: str, column: str, sample: int = 50) -> str | None:
    """A warning when the chosen column looks like ids or numbers rather than messages."""
    vals = [row.get(column) or "" for _, row in zip(range(sample), iter_table(data, name), strict=False)]
    if vals and looks_like_ids(vals):
        shown = ", ".join(f"“{v}”" for v in vals[:3] if v)
        return (
            f"The column “{column}” looks like ids or numbers ({shown}), not messages: "
            "pick the column that holds the drafts."
        )
    return None


def other_columns(data: bytes, name: str, skip: Sequence[str], limit: int | None = None) -> list[dict[str, str]]:
    """The upload's columns other than ``skip``, one dict per row in the reader's order."""
    out = []
    for row in iter_table(data, name):
        if limit is not None and len(out) >= limit:
            break
        out.append({k: v for k, v in row.items() if k not in skip})
    return out


def count_rows(data: bytes, name: str, txt_mode: str = "line", text_column: str = "text") -> int:
    """How many rows the analysis will see (read only, nothing analysed), for "n / N" progress."""
    from draftwise.io.readers import read_rows

    stream = io.BytesIO(data)
    stream.name = name  # type: ignore[attr-defined]
    return sum(1 for _ in read_rows(stream, text_column=text_column, txt_mode=txt_mode))


def progress(n: int, total: int) -> tuple[float, str]:
    """The progress bar's fraction and words: ``(0.32, "192 / 600 drafts")``, scaled to the file."""
    total = max(total, n, 1)
    return min(1.0, n / total), f"{n:,} / {total:,} drafts"


def row_warnings(records: Sequence[Mapping[str, Any]], limit: int = 8) -> list[str]:
    """The rows' own warnings (a ragged row truncated, an encoding guessed), one line each."""
    lines = []
    for r in records:
        for w in r.get("warnings") or ():
            lines.append(f"Row {r.get('id')}: {w}")
    if len(lines) > limit:
        lines = [*lines[:limit], f"…and {len(lines) - limit} more (each record's `warnings` says which)."]
    return lines


def label_names(labels: Sequence[str]) -> str:
    """Display names for raw labels: ``["guilt_trip"]`` reads "Guilt trip"."""
    return ", ".join(DISPLAY.get(x, x.replace("_", " ")) for x in labels)
