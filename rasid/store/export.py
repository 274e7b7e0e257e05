"""Exports of the store, all in this module: the rows (:func:`export_rows`) and the files
(CSV, JSONL, Parquet, PLOVER JSONL) they are written to.

``export(db, kind, fmt, path)`` writes and returns the number of rows. CSV and
Parquet get flat columns (lists and objects as JSON text); JSONL keeps them as
JSON. ``kind="plover"`` is written as JSONL only (nested records). Parquet needs
pyarrow (imported on use: an optional dependency, the ``export`` extra).

Realis: the event kinds (``events``, ``event_sources``, ``event_participants``,
``plover``) hold actual events only unless ``realis`` asks for others (``"all"``,
``"future,background"``: :func:`rasid.store.reader.parse_realis`).

An ``events`` row gives each side's parties as aligned lists, named actors and
descriptive ones alike: ``source_ids`` (the actor id; null for a descriptive
party), ``source_names`` (the actor's Arabic name, or the descriptive text),
``source_texts`` (as written), ``source_kinds`` (named | descriptive),
``source_sectors``, ``source_countries``; the same for ``target_*``.
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator

from rasid.doc.serialize import from_dict
from rasid.events.plover import to_plover
from rasid.store import documents, reader
from rasid.store.db import connection
from rasid.store.reader import parse_realis, placeholders

__all__ = ["export", "export_rows", "EXPORT_KINDS", "FORMATS", "write_csv", "write_jsonl", "write_parquet"]

EXPORT_KINDS = ("events", "event_sources", "event_participants", "actors", "quotes", "articles", "plover")
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



def _realis_sql(realis, col: str = "realis") -> tuple[str, list]:
    kept = parse_realis(realis)
    if kept is None:
        return "1", []
    return f"{col} IN ({placeholders(len(kept))})", list(kept)


def _side(parties: list[dict], role: str) -> dict:
    ps = [p for p in parties if p["role"] == role]
    return {
        f"{role}_ids": [p["actor_id"] for p in ps],
        f"{role}_names": [p["name_ar"] or p["text"] for p in ps],
        f"{role}_texts": [p["text"] for p in ps],
        f"{role}_kinds": [p["kind"] for p in ps],
        f"{role}_sectors": [p["sector"] for p in ps],
        f"{role}_countries": [p["country"] for p in ps],
    }


def export_rows(db, kind: str, *, batch: int = 500, realis=None) -> Iterator[dict]:
    """Rows for exports, streamed: flat dicts (lists as lists) for events, event_sources,
    event_participants, actors, quotes, articles; PLOVER records (rasid.events.plover.to_plover on
    each stored article, with ``rasid.store_event_id`` added and ``realis`` the stored event's) for
    ``plover``. Events of a realis other than ``actual`` only when ``realis`` asks for them."""
    if kind not in EXPORT_KINDS:
        raise ValueError(f"kind must be one of {', '.join(EXPORT_KINDS)}, got {kind!r}")
    conn = connection(db)
    if kind == "events":
        cond, args = _realis_sql(realis)
        last = ""
        while True:
            rows = conn.execute(f"SELECT * FROM events WHERE id > ? AND {cond} ORDER BY id LIMIT ?",
                                (last, *args, batch)).fetchall()
            if not rows:
                return
            for d in reader.event_dicts(conn, rows):
                yield {
                    "id": d["id"], "type": d["type"], "mode": d["mode"], "date": d["date"], "realis": d["realis"],
                    **_side(d["participants"], "source"), **_side(d["participants"], "target"),
                    "killed": d["killed"], "injured": d["injured"],
                    "reported_by": [r.get("name_ar") or r.get("name_en") or r.get("id") for r in d["reported_by"]],
                    "location": (d["location"] or {}).get("name"),
                    "lat": (d["location"] or {}).get("lat"), "lon": (d["location"] or {}).get("lon"),
                    "topics": d["topics"], **d["flags"], "confidence": d["confidence"],
                    "n_sources": d["n_sources"], "article_ids": [s["article_id"] for s in d["sources"]],
                }
            last = rows[-1]["id"]
    elif kind in ("event_sources", "event_participants"):
        cond, args = _realis_sql(realis, "e.realis")
        order = "s.rowid" if kind == "event_sources" else "s.event_id, s.article_id, s.article_event_id, s.n"
        for r in conn.execute(f"SELECT s.*, e.type AS event_type, e.realis AS realis FROM {kind} s"   # kind from a fixed set
                              f" JOIN events e ON e.id = s.event_id WHERE {cond} ORDER BY {order}", args):
            yield dict(r)
    elif kind in ("actors", "quotes", "articles"):
        sql = {
            "actors": "SELECT id, type, name_ar, name_en, country, sector, mentions, first_seen, last_seen,"
                      " (SELECT json_group_array(name) FROM actor_names n WHERE n.actor_id = actors.id) AS names"
                      " FROM actors ORDER BY id",
            "quotes": "SELECT * FROM quotes ORDER BY published, article_id, start",
            "articles": "SELECT id, content_hash, source, url, title, published, publisher, section, author,"
                        " language, duplicate_of, dup_score, ingested_at FROM articles ORDER BY seq",
        }[kind]
        for r in conn.execute(sql):
            d = dict(r)
            if kind == "actors":
                d["names"] = json.loads(d["names"])
            yield d
    else:   # plover
        cond, args = _realis_sql(realis, "e.realis")
        last = 0
        while True:
            rows = conn.execute("SELECT seq, id, raw_json FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                                (last, batch)).fetchall()
            if not rows:
                return
            for r in rows:
                stored = {x["article_event_id"]: (x["event_id"], x["realis"], x["kept"]) for x in conn.execute(
                    f"SELECT s.article_event_id, s.event_id, e.realis, {cond} AS kept FROM event_sources s"
                    " JOIN events e ON e.id = s.event_id WHERE s.article_id = ?", (*args, r["id"]))}
                for rec in to_plover(from_dict(documents.decode(r["raw_json"]))):
                    eid, rl, kept = stored.get(rec["rasid"].get("event_id"), (None, rec.get("realis"), 0))
                    if not kept:
                        continue
                    rec["realis"] = rl          # the stored realis: documents from before realis read their flags
                    rec.setdefault("rasid", {})["store_event_id"] = eid
                    yield rec
            last = rows[-1]["seq"]


def export(db, kind: str, fmt: str, path: str | os.PathLike, *, realis=None) -> int:
    """Write the ``kind`` rows (one of EXPORT_KINDS) as ``fmt`` to ``path``; the row count.
    ``realis``: which events the event kinds hold (actual only by default; ``"all"``; a list)."""
    if kind not in EXPORT_KINDS:
        raise ValueError(f"kind must be one of {', '.join(EXPORT_KINDS)}, got {kind!r}")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if kind == "plover" and fmt != "jsonl":
        raise ValueError("PLOVER records are nested: export them as jsonl")
    parse_realis(realis)              # a bad value fails before the file is opened
    rows = export_rows(db, kind, realis=realis)
    return {"csv": write_csv, "jsonl": write_jsonl, "parquet": write_parquet}[fmt](rows, path)
