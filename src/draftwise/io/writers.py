"""Writing analysis records as JSON Lines, CSV or Parquet, one row per record, streaming.

JSON Lines holds the record of OUTPUT.md exactly. CSV and Parquet hold the
headline figures as columns (for spreadsheets and dataframes) and the whole
record, as JSON, in a ``record`` column, so nothing is lost in any format.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

from draftwise.labels import DEAR_MAN

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


class Writer(Protocol):
    def write(self, rec: Mapping[str, Any]) -> None: ...
    def close(self) -> None: ...


def output_format(path: str | Path) -> str:
    suffix = Path(str(path)).suffix.lower().lstrip(".")
    suffix = {"ndjson": "jsonl", "json": "jsonl", "pq": "parquet"}.get(suffix, suffix)
    if suffix not in OUTPUT_FORMATS:
        raise ValueError(f"cannot write {path}: name the output .jsonl, .csv or .parquet")
    return suffix


class JsonlWriter:
    def __init__(self, path: str | Path, append: bool = False) -> None:
        self._f = open(path, "a" if append else "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, rec: Mapping[str, Any]) -> None:
        self._f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def flush(self) -> None:
        self._f.flush()

    def close(self) -> None:
        self._f.close()


class CsvWriter:
    def __init__(self, path: str | Path, append: bool = False) -> None:
        exists = append and Path(path).exists() and Path(path).stat().st_size > 0
        self._f = open(path, "a" if append else "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._w = csv.DictWriter(self._f, fieldnames=CSV_COLUMNS)
        if not exists:
            self._w.writeheader()

    def write(self, rec: Mapping[str, Any]) -> None:
        self._w.writerow(flat_row(rec))

    def flush(self) -> None:
        self._f.flush()

    def close(self) -> None:
        self._f.close()


class ParquetWriter:
    """Row groups of flat columns (all strings or numbers) written as they fill."""

    def __init__(self, path: str | Path, rows_per_group: int = 2048) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._pa = pa
        self._ints = {"sentences", "blame_sentences", "suggestions"}
        self._schema = pa.schema([(c, pa.int64() if c in self._ints else pa.string()) for c in CSV_COLUMNS])
        self._w = pq.ParquetWriter(str(path), self._schema)
        self._buf: list[dict[str, Any]] = []
        self._n = rows_per_group

    def write(self, rec: Mapping[str, Any]) -> None:
        row = flat_row(rec)
        self._buf.append({k: (int(v) if k in self._ints else ("" if v is None else str(v))) for k, v in row.items()})
        if len(self._buf) >= self._n:
            self.flush()

    def flush(self) -> None:
        if self._buf:
            self._w.write_table(self._pa.Table.from_pylist(self._buf, schema=self._schema))
            self._buf = []

    def close(self) -> None:
        self.flush()
        self._w.close()


def open_writer(path: str | Path, *, append: bool = False) -> JsonlWriter | CsvWriter | ParquetWriter:
    kind = output_format(path)
    if kind == "jsonl":
        return JsonlWriter(path, append)
    if kind == "csv":
        return CsvWriter(path, append)
    if append:
        raise ValueError("--resume cannot append to Parquet; write JSON Lines or CSV to resume")
    return ParquetWriter(path)
