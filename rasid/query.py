"""The one query API over the store: the CLI, the web UI and the web UI's graphs all go through it.

Every function takes ``db``: a :class:`rasid.store.Store`, an open
``sqlite3.Connection`` from :func:`rasid.store.connect`, or the path of a store
file (see :func:`rasid.store.db.connection`). Lists come back as a :class:`Page`
(``items``, ``total``, ``limit``, ``offset``); the page size is capped at
``MAX_LIMIT``. Unknown ids give None. All SQL is parameterised; text searches go
through FTS5 with every term quoted (see :mod:`rasid.store.fts`), so no input is
read as SQL or FTS syntax. Whole-table exports are :mod:`rasid.store.export`.

Dates: ``since``/``until`` are ISO dates (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``), both inclusive (``until="2024-03"`` includes all of March).
``actor`` is an actor id, or a name matched exactly on its normalised form
(any stored variant, Arabic or Latin). ``country`` is ISO alpha-3 and matches
events with a source or target actor of that (main) country, or a descriptive
party of that country (قوات الأمن العراقية → IRQ). These event
filters are :func:`event_filter`, shared by :func:`events`,
:func:`counts_over_time`, :func:`network` and :func:`places`.

Realis: events are kept in the store whatever their realis (actual, negated,
future, hypothetical, background, generic), but every event query reports only
``actual`` ones unless ``realis`` asks for others: ``"all"``, or a comma-separated
list or a sequence of values (``"future,background"``); see :func:`parse_realis`.
:func:`event` (one event by id) answers whatever its realis.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from datetime import date as _date

from rasid.lang.ar.normalize import norm_key
from rasid.store import documents, reader
from rasid.store.reader import DEFAULT_REALIS, REALIS, parse_realis
from rasid.store.db import connection

__all__ = ["Page", "MAX_LIMIT", "REALIS", "DEFAULT_REALIS", "parse_realis", "event_filter", "events", "event",
           "actors", "actor", "quotes", "articles", "article", "search", "counts_over_time", "network", "places", "event_types", "countries", "realis_counts"]

MAX_LIMIT = 500
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass
class Page:
    items: list[dict] = field(default_factory=list)
    total: int = 0
    limit: int = 50
    offset: int = 0

    def to_dict(self) -> dict:
        """The page as a dict; its items are the page's own (no deep copy: they are fresh from the query)."""
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self):
        return iter(self.items)


# ------------------------------------------------------------------ helpers

def _paging(limit, offset) -> tuple[int, int]:
    limit = max(1, min(int(limit), MAX_LIMIT))
    return limit, max(0, int(offset))


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _ISO.match(value):
        raise ValueError(f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}")
    return value


def _after(value: str) -> str:
    """The first date after the period ``value`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    y, m, d = _ISO.match(value).groups()
    if d:
        return _date.fromordinal(_date(int(y), int(m), int(d)).toordinal() + 1).isoformat()
    if m:
        return f"{int(y) + (m == '12'):04d}-{1 if m == '12' else int(m) + 1:02d}"
    return f"{int(y) + 1:04d}"


def _date_clause(col: str, since: str | None, until: str | None, where: list[str], args: list) -> None:
    since, until = _check_date(since, "since"), _check_date(until, "until")
    if since:
        where.append(f"{col} >= ?")
        args.append(since)
    if until:
        where.append(f"{col} < ?")
        args.append(_after(until))


def _actor_ids(conn: sqlite3.Connection, actor: str) -> list[str]:
    if conn.execute("SELECT 1 FROM actors WHERE id = ?", (actor,)).fetchone():
        return [actor]
    rows = conn.execute("SELECT DISTINCT actor_id FROM actor_names WHERE norm IN (?, ?)",
                        (norm_key(actor), actor.casefold())).fetchall()
    return [r[0] for r in rows]


def event_filter(conn: sqlite3.Connection, *, actor: str | None = None, country: str | None = None,
                 type: str | None = None, since: str | None = None, until: str | None = None,
                 article: str | None = None, realis=None) -> tuple[str, list]:
    """The event filters of :func:`events` as SQL over ``events e``: ``(" WHERE …", args)``, or ``("", [])``
    with no filter. Every query that filters events goes through it, so a filter means the same everywhere
    (``realis`` too: actual events only unless asked, see :func:`parse_realis`)."""
    where: list[str] = []
    args: list = []
    kept = parse_realis(realis)
    if kept is not None:
        where.append(f"e.realis IN ({reader.placeholders(len(kept))})")
        args.extend(kept)
    if actor:
        ids = _actor_ids(conn, actor)
        where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({reader.placeholders(len(ids))}))"
                     if ids else "0")
        args.extend(ids)
    if country:
        where.append("e.id IN (SELECT ea.event_id FROM event_actors ea JOIN actors a ON a.id = ea.actor_id"
                     " WHERE a.country = ? UNION SELECT event_id FROM event_participants"
                     " WHERE kind = 'descriptive' AND country = ?)")
        args.extend([country.upper(), country.upper()])
    if type:
        where.append("e.type = ?")
        args.append(type.upper())
    if article:
        where.append("e.id IN (SELECT event_id FROM event_sources WHERE article_id = ?)")
        args.append(article)
    _date_clause("e.date", since, until, where, args)
    return (" WHERE " + " AND ".join(where)) if where else "", args


# ------------------------------------------------------------------- events

def events(db, actor: str | None = None, country: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 50, offset: int = 0,
           article: str | None = None, realis=None) -> Page:
    """Events, newest first, with their actors, participants and sources (``realis``: actual only by default)."""
    conn = connection(db)
    limit, offset = _paging(limit, offset)
    where, args = event_filter(conn, actor=actor, country=country, type=type, since=since, until=until,
                               article=article, realis=realis)
    total = conn.execute(f"SELECT count(*) FROM events e{where}", args).fetchone()[0]
    rows = conn.execute(f"SELECT e.* FROM events e{where} ORDER BY e.date DESC, e.id LIMIT ? OFFSET ?",
                        [*args, limit, offset]).fetchall()
    return Page(reader.event_dicts(conn, rows), total, limit, offset)


def event(db, id: str) -> dict | None:
    conn = connection(db)
    rows = conn.execute("SELECT * FROM events WHERE id = ?", (id,)).fetchall()
    return reader.event_dicts(conn, rows)[0] if rows else None


# ------------------------------------------------------------------- actors

def actors(db, q: str | None = None, country: str | None = None, type: str | None = None,
           limit: int = 50, offset: int = 0) -> Page:
    """Actors, most mentioned first; ``q`` searches their names (both scripts, normalised)."""
    conn = connection(db)
    limit, offset = _paging(limit, offset)
    where: list[str] = []
    args: list = []
    if q is not None:
        mq = _match_query(q)
        if mq is None:
            return Page([], 0, limit, offset)
        where.append("a.seq IN (SELECT rowid FROM actor_names_fts WHERE actor_names_fts MATCH ?)")
        args.append(mq)
    if country:
        where.append("a.country = ?")
        args.append(country.upper())
    if type:
        where.append("a.type = ?")
        args.append(type.upper())
    w = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM actors a{w}", args).fetchone()[0]
    rows = conn.execute(f"SELECT a.id, a.type, a.name_ar, a.name_en, a.country, a.sector, a.mentions,"
                        f" a.first_seen, a.last_seen FROM actors a{w} ORDER BY a.mentions DESC, a.id"
                        " LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return Page([dict(r) for r in rows], total, limit, offset)


def actor(db, id: str, *, recent: int = 20, realis=None) -> dict | None:
    """One actor: names in both scripts, countries, offices over time, events over time, recent events and quotes
    (events: actual ones unless ``realis`` asks for others)."""
    conn = connection(db)
    row = conn.execute("SELECT * FROM actors WHERE id = ?", (id,)).fetchone()
    if row is None:
        return None
    out = {k: row[k] for k in ("id", "type", "name_ar", "name_en", "country", "sector", "mentions",
                               "first_seen", "last_seen")}
    names = {"ar": [], "latin": []}
    for r in conn.execute("SELECT name, script FROM actor_names WHERE actor_id = ? ORDER BY script, name", (id,)):
        names[r["script"]].append(r["name"])
    out["names"] = names
    out["countries"] = {r["country"]: r["count"] for r in conn.execute(
        "SELECT country, count FROM actor_countries WHERE actor_id = ? ORDER BY count DESC, country", (id,))}
    out["offices"] = [dict(r) for r in conn.execute(
        "SELECT min(title) AS title, country, min(seen) AS first_seen, max(seen) AS last_seen, count(*) AS count,"
        " count(DISTINCT article_id) AS articles FROM actor_offices WHERE actor_id = ?"
        " GROUP BY norm, country ORDER BY first_seen, title", (id,))]
    out["office_history"] = [dict(r) for r in conn.execute(
        "SELECT title, country, org_actor_id, article_id, seen FROM actor_offices WHERE actor_id = ?"
        " ORDER BY seen, rowid", (id,))]
    out["articles"] = conn.execute("SELECT count(DISTINCT article_id) FROM mentions WHERE actor_id = ?",
                                   (id,)).fetchone()[0]
    out["events_over_time"] = counts_over_time(conn, "month", actor=id, realis=realis)
    out["events"] = events(conn, actor=id, limit=recent, realis=realis).items
    out["quotes"] = quotes(conn, speaker=id, limit=recent).items
    return out


# ------------------------------------------------------------------- quotes

def quotes(db, speaker: str | None = None, q: str | None = None, since: str | None = None,
           until: str | None = None, article: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Quotes, newest first; ``speaker`` is an actor id or name, ``q`` a substring of the quote as written."""
    conn = connection(db)
    limit, offset = _paging(limit, offset)
    where: list[str] = []
    args: list = []
    if speaker:
        ids = _actor_ids(conn, speaker)
        where.append(f"speaker_actor_id IN ({reader.placeholders(len(ids))})" if ids else "0")
        args.extend(ids)
    if article:
        where.append("article_id = ?")
        args.append(article)
    if q:
        where.append("instr(text, ?) > 0")
        args.append(q)
    _date_clause("published", since, until, where, args)
    w = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM quotes{w}", args).fetchone()[0]
    rows = conn.execute(f"SELECT * FROM quotes{w} ORDER BY published DESC, article_id, start LIMIT ? OFFSET ?",
                        [*args, limit, offset]).fetchall()
    return Page(reader.quote_dicts(conn, rows), total, limit, offset)


# ----------------------------------------------------------------- articles

_ARTICLE_COLS = "a.id, a.title, a.published, a.publisher, a.section, a.url, a.source, a.duplicate_of, a.dup_score"


def articles(db, since: str | None = None, until: str | None = None, publisher: str | None = None,
             limit: int = 50, offset: int = 0) -> Page:
    conn = connection(db)
    limit, offset = _paging(limit, offset)
    where: list[str] = []
    args: list = []
    if publisher:
        where.append("a.publisher = ?")
        args.append(publisher)
    _date_clause("a.published", since, until, where, args)
    w = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM articles a{w}", args).fetchone()[0]
    rows = conn.execute(f"SELECT {_ARTICLE_COLS} FROM articles a{w} ORDER BY a.published DESC, a.seq"
                        " LIMIT ? OFFSET ?", [*args, limit, offset]).fetchall()
    return Page([dict(r) for r in rows], total, limit, offset)


def article(db, id: str) -> dict | None:
    """The stored article JSON, with ``highlights`` (mentions, quotes, times, event evidence; sorted spans),
    ``event_ids`` (article event id → store event id), ``duplicate_of`` and ``duplicates``."""
    conn = connection(db)
    row = conn.execute("SELECT raw_json, duplicate_of, dup_score FROM articles WHERE id = ?", (id,)).fetchone()
    if row is None:
        return None
    doc = documents.decode(row["raw_json"])
    actor_of = {}
    for e in doc.get("entities", []):
        for m in e.get("mentions", []):
            actor_of[m["id"]] = (e["id"], e.get("kb_id"))
    event_ids = {r["article_event_id"]: r["event_id"] for r in conn.execute(
        "SELECT article_event_id, event_id FROM event_sources WHERE article_id = ?", (id,))}
    hl: list[dict] = []
    for m in doc.get("mentions", []):
        ent, act = actor_of.get(m["id"], (None, None))
        hl.append({"kind": "mention", "start": m["start"], "end": m["end"], "label": m.get("label"),
                   "id": m["id"], "entity_id": ent, "actor_id": act})
    for q in doc.get("quotes", []):
        hl.append({"kind": "quote", "start": q["start"], "end": q["end"], "label": q.get("kind"), "id": q["id"]})
    for t in doc.get("times", []):
        hl.append({"kind": "time", "start": t["start"], "end": t["end"], "label": t.get("value"), "id": t["id"]})
    for ev in doc.get("events", []):
        evd = ev.get("evidence", {})
        hl.append({"kind": "event", "start": evd.get("start", 0), "end": evd.get("end", 0), "label": ev.get("type"),
                   "id": ev["id"], "event_id": event_ids.get(ev["id"]), "realis": ev.get("realis", "actual")})
    hl.sort(key=lambda h: (h["start"], -h["end"], h["kind"]))
    doc["highlights"] = hl
    doc["event_ids"] = event_ids
    doc["duplicate_of"] = row["duplicate_of"]
    doc["dup_score"] = row["dup_score"]
    doc["duplicates"] = [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY seq", (id,))]
    return doc


def _match_query(text: str) -> str | None:
    from rasid.store.fts import match_query     # the tokenizer: loaded by a text search only

    return match_query(text)


def search(db, text: str, limit: int = 50, offset: int = 0) -> Page:
    """Articles whose title or text holds every word of ``text`` (normalised, clitics aside), best first.

    Each item carries ``actors``: up to 5 actors whose names match the same words.
    """
    conn = connection(db)
    limit, offset = _paging(limit, offset)
    mq = _match_query(text)
    if mq is None:
        return Page([], 0, limit, offset)
    total = conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", (mq,)).fetchone()[0]
    rows = conn.execute(
        f"SELECT {_ARTICLE_COLS}, bm25(articles_fts) AS rank FROM articles_fts"
        " JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH ?"
        " ORDER BY rank, a.seq LIMIT ? OFFSET ?", (mq, limit, offset)).fetchall()
    return Page([dict(r) for r in rows], total, limit, offset)


# ------------------------------------------------------------------- counts

def _bucket(value: str | None, interval: str) -> str | None:
    if not value:
        return None
    m = _ISO.match(value[:10])
    if not m:
        return None
    y, mo, d = m.groups()
    if interval == "year":
        return y
    if interval == "month":
        return f"{y}-{mo}" if mo else None
    if not d:
        return None
    if interval == "day":
        return value[:10]
    iy, iw, _ = _date(int(y), int(mo), int(d)).isocalendar()
    return f"{iy}-W{iw:02d}"


def counts_over_time(db, interval: str = "day", *, kind: str = "events", actor: str | None = None,
                     country: str | None = None, type: str | None = None, since: str | None = None,
                     until: str | None = None, realis=None) -> list[dict]:
    """``[{"period", "count"}]`` in time order: events (by event date; filters as :func:`events`),
    articles or quotes (by publication date; ``since``/``until`` only). ``interval``: day | week | month | year;
    weeks are ISO weeks (``2024-W09``). Undated items (and, per day or week, coarser dates) are left out."""
    if interval not in ("day", "week", "month", "year"):
        raise ValueError(f"interval must be day, week, month or year, got {interval!r}")
    conn = connection(db)
    if kind == "events":
        where, args = event_filter(conn, actor=actor, country=country, type=type, since=since, until=until,
                                   realis=realis)
        sql = f"SELECT e.date AS d, count(*) AS n FROM events e{where} GROUP BY e.date"
    elif kind in ("articles", "quotes"):
        w: list[str] = []
        args = []
        _date_clause("published", since, until, w, args)
        where = (" WHERE " + " AND ".join(w)) if w else ""
        sql = f"SELECT published AS d, count(*) AS n FROM {kind}{where} GROUP BY published"   # kind from a fixed set
    else:
        raise ValueError(f"kind must be events, articles or quotes, got {kind!r}")
    counts: dict[str, int] = {}
    for r in conn.execute(sql, args):
        b = _bucket(r["d"], interval)
        if b:
            counts[b] = counts.get(b, 0) + r["n"]
    return [{"period": p, "count": counts[p]} for p in sorted(counts)]


# ------------------------------------------------- the web UI's network and map

def network(db, *, actor: str | None = None, country: str | None = None, type: str | None = None,
            since: str | None = None, until: str | None = None, limit: int = 60, realis=None) -> dict:
    """Who met, accused, threatened... whom: ``{"nodes", "edges", "total_nodes", "total_edges"}``.

    An edge joins two actors of one event: each source with each target, or, for an
    event with no target, the sources with each other. Edges are undirected (``a`` < ``b``)
    and carry ``count`` and ``types`` (event type -> count). Nodes are actors, with
    ``degree`` (events they share an edge in, weighted); only the ``limit`` nodes of highest
    degree are kept, with the edges among them.
    """
    conn = connection(db)
    where, args = event_filter(conn, actor=actor, country=country, type=type, since=since, until=until,
                               realis=realis)
    rows = conn.execute(
        f"WITH ev AS (SELECT e.id, e.type FROM events e{where}),"
        " pairs AS ("
        "  SELECT ev.id, ev.type, s.actor_id AS x, t.actor_id AS y FROM ev"
        "  JOIN event_actors s ON s.event_id = ev.id AND s.role = 'source'"
        "  JOIN event_actors t ON t.event_id = ev.id AND t.role = 'target'"
        "  UNION"
        "  SELECT ev.id, ev.type, s.actor_id, s2.actor_id FROM ev"
        "  JOIN event_actors s ON s.event_id = ev.id AND s.role = 'source'"
        "  JOIN event_actors s2 ON s2.event_id = ev.id AND s2.role = 'source' AND s2.actor_id > s.actor_id"
        "  WHERE NOT EXISTS (SELECT 1 FROM event_actors t WHERE t.event_id = ev.id AND t.role = 'target'))"
        " SELECT min(x, y) AS a, max(x, y) AS b, type, count(DISTINCT id) AS n FROM pairs WHERE x != y"
        " GROUP BY a, b, type", args).fetchall()
    edges: dict[tuple[str, str], dict] = {}
    degree: dict[str, int] = {}
    for r in rows:
        e = edges.setdefault((r["a"], r["b"]), {"a": r["a"], "b": r["b"], "count": 0, "types": {}})
        e["count"] += r["n"]
        e["types"][r["type"]] = e["types"].get(r["type"], 0) + r["n"]
        degree[r["a"]] = degree.get(r["a"], 0) + r["n"]
        degree[r["b"]] = degree.get(r["b"], 0) + r["n"]
    keep = sorted(degree, key=lambda a: (-degree[a], a))[:max(1, limit)]
    kept = set(keep)
    brief = reader.actor_briefs(conn, keep)
    nodes = [{**brief.get(a, {"id": a}), "degree": degree[a]} for a in keep]
    out_edges = [e for e in edges.values() if e["a"] in kept and e["b"] in kept]
    for e in out_edges:
        e["types"] = dict(sorted(e["types"].items(), key=lambda kv: (-kv[1], kv[0])))
    out_edges.sort(key=lambda e: (-e["count"], e["a"], e["b"]))
    return {"nodes": nodes, "edges": out_edges, "total_nodes": len(degree), "total_edges": len(edges)}


def places(db, *, actor: str | None = None, country: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 200, realis=None) -> dict:
    """Event places with coordinates, most events first: ``{"items": [{actor_id, name, name_en, country, lat,
    lon, count, types}], "total", "unplaced"}`` (``unplaced``: matching events without coordinates)."""
    conn = connection(db)
    where, args = event_filter(conn, actor=actor, country=country, type=type, since=since, until=until,
                               realis=realis)
    cond = (where + " AND" if where else " WHERE") + " e.lat IS NOT NULL AND e.lon IS NOT NULL"
    rows = conn.execute(
        f"SELECT e.location_actor_id AS actor_id, min(e.location_name) AS name, round(avg(e.lat), 4) AS lat,"
        f" round(avg(e.lon), 4) AS lon, count(*) AS count, group_concat(DISTINCT e.type) AS types"
        f" FROM events e{cond} GROUP BY coalesce(e.location_actor_id, e.location_name)"
        " ORDER BY count DESC, name LIMIT ?", [*args, limit]).fetchall()
    total = conn.execute(f"SELECT count(DISTINCT coalesce(e.location_actor_id, e.location_name)) FROM events e{cond}",
                         args).fetchone()[0]
    unplaced = conn.execute(f"SELECT count(*) FROM events e{where}{' AND' if where else ' WHERE'}"
                            " (e.lat IS NULL OR e.lon IS NULL)", args).fetchone()[0]
    brief = reader.actor_briefs(conn, [r["actor_id"] for r in rows])
    items = []
    for r in rows:
        b = brief.get(r["actor_id"], {})
        items.append({"actor_id": r["actor_id"], "name": r["name"] or b.get("name_ar"), "name_en": b.get("name_en"),
                      "country": b.get("country"), "lat": r["lat"], "lon": r["lon"], "count": r["count"],
                      "types": sorted((r["types"] or "").split(",")) if r["types"] else []})
    return {"items": items, "total": total, "unplaced": unplaced}


def event_types(db, *, realis=None) -> list[dict]:
    """PLOVER event types (from the trigger lexicon, in its order) with their quad class and stored count
    (of actual events unless ``realis`` asks for others)."""
    from rasid.lang.ar.triggers import event_lexicon   # on use: the CLI's queries start without it

    conn = connection(db)
    where, args = event_filter(conn, realis=realis)
    stored = {r[0]: r[1] for r in conn.execute(f"SELECT e.type, count(*) FROM events e{where} GROUP BY e.type", args)}
    out = [{"type": t, "quad": info.get("quad"), "count": stored.pop(t, 0)}
           for t, info in event_lexicon().types.items()]
    out += [{"type": t, "quad": None, "count": n} for t, n in sorted(stored.items())]
    return out


def countries(db, *, realis=None) -> list[dict]:
    """Countries of the actors of stored events (actual ones unless ``realis`` asks for others), most events first."""
    conn = connection(db)
    where, args = event_filter(conn, realis=realis)
    cond = (where + " AND" if where else " WHERE") + " a.country IS NOT NULL"
    return [dict(r) for r in conn.execute(
        "SELECT a.country AS country, count(DISTINCT ea.event_id) AS count FROM event_actors ea"
        f" JOIN actors a ON a.id = ea.actor_id JOIN events e ON e.id = ea.event_id{cond}"
        " GROUP BY a.country ORDER BY count DESC, a.country", args)]


def realis_counts(db) -> dict[str, int]:
    """How many stored events have each realis (every value of :data:`REALIS`, zeros included)."""
    stored = dict(connection(db).execute("SELECT realis, count(*) FROM events GROUP BY realis").fetchall())
    return {r: stored.get(r, 0) for r in REALIS}
