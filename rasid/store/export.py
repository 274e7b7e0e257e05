"""Export files from :func:`rasid.query.export_rows`: CSV, JSONL, Parquet, PLOVER JSONL.

``export(db, kind, fmt, path)`` writes and returns the number of rows. CSV and
Parquet get flat columns (lists and objects as JSON text); JSONL keeps them as
JSON. ``kind="plover"`` is written as JSONL only (nested records). Parquet needs
pyarrow (imported on use).
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator

from rasid.query import EXPORT_KINDS, export_rows

__all__ = ["export", "FORMATS", "write_csv", "write_jsonl", "write_parquet"]

FORMATS = ("csv", "jsonl", "parquet")


def _flat(row: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}


def write_jsonl(rows: Iterable[dict], path: str | os.PathLike) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_csv(rows: Iterable[dict], path: str | os.PathLike) -> int:
    """UTF-8 with a BOM (so spreadsheet programs read the Arabic), header from the first row."""
    n = 0
    it: Iterator[dict] = iter(rows)
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        first = next(it, None)
        if first is None:
            return 0
        w = csv.DictWriter(fh, fieldnames=list(first), extrasaction="ignore")
        w.writeheader()
        w.writerow(_flat(first))
        n = 1
        for r in it:
            w.writerow(_flat(r))
            n += 1
    return n


def write_parquet(rows: Iterable[dict], path: str | os.PathLike, *, batch: int = 5000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    schema = None
    n = 0
    buf: list[dict] = []

    def flush() -> None:
        nonlocal writer, schema
        if not buf:
            return
        if schema is None:
            table = pa.Table.from_pylist(buf)
            # columns that are all null in the first batch: store as text
            schema = pa.schema([pa.field(f.name, pa.string() if pa.types.is_null(f.type) else f.type)
                                for f in table.schema])
            writer = pq.ParquetWriter(path, schema)
        for r in buf:   # later batches may hold a value where the first had only nulls
            for f in schema:
                v = r.get(f.name)
                if v is not None and pa.types.is_string(f.type) and not isinstance(v, str):
                    r[f.name] = str(v)
                elif isinstance(v, float) and pa.types.is_integer(f.type):
                    r[f.name] = int(v)
        writer.write_table(pa.Table.from_pylist(buf, schema=schema))
        buf.clear()

    try:
        for r in rows:
            buf.append(_flat(r))
            n += 1
            if len(buf) >= batch:
                flush()
        flush()
    finally:
        if writer is not None:
            writer.close()
    if n == 0:
        pq.write_table(pa.table({}), path)
    return n


def export(db, kind: str, fmt: str, path: str | os.PathLike) -> int:
    """Write the ``kind`` rows (one of rasid.query.EXPORT_KINDS) as ``fmt`` to ``path``; the row count."""
    if kind not in EXPORT_KINDS:
        raise ValueError(f"kind must be one of {', '.join(EXPORT_KINDS)}, got {kind!r}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if kind == "plover" and fmt != "jsonl":
        raise ValueError("PLOVER records are nested: export them as jsonl")
    rows = export_rows(db, kind)
    return {"csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet}[fmt](rows, path)
