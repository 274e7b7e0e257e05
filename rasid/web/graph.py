"""Aggregates the web UI needs that :mod:`rasid.query` does not (yet) offer:
the actor network and the event places.

Both take the same event filters as :func:`rasid.query.events` and reuse its
filter builder, so a filter means the same thing everywhere. All SQL is
parameterised.
"""
from __future__ import annotations

import sqlite3

from rasid import query
from rasid.store import reader

__all__ = ["network", "places", "event_types", "countries"]


def _where(conn, actor, country, type, since, until) -> tuple[str, list]:
    return query._event_where(conn, actor, country, type, since, until)   # noqa: SLF001 (same filters as query.events)


def network(db, *, actor: str | None = None, country: str | None = None, type: str | None = None,
            since: str | None = None, until: str | None = None, limit: int = 60) -> dict:
    """Who met, accused, threatened... whom: ``{"nodes", "edges", "total_nodes", "total_edges"}``.

    An edge joins two actors of one event: each source with each target, or, for an
    event with no target, the sources with each other. Edges are undirected (``a`` < ``b``)
    and carry ``count`` and ``types`` (event type -> count). Nodes are actors, with
    ``degree`` (events they share an edge in, weighted); only the ``limit`` nodes of highest
    degree are kept, with the edges among them.
    """
    conn = query._conn(db)   # noqa: SLF001
    where, args = _where(conn, actor, country, type, since, until)
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
           since: str | None = None, until: str | None = None, limit: int = 200) -> dict:
    """Event places with coordinates: ``{"items": [{name, name_en, actor_id, lat, lon, count, types}], "total",
    "undated_or_unplaced"}``, most events first."""
    conn = query._conn(db)   # noqa: SLF001
    where, args = _where(conn, actor, country, type, since, until)
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


def event_types(conn: sqlite3.Connection) -> list[dict]:
    """PLOVER event types (from the lexicon, in its order) with their quad class and stored count."""
    from rasid.lang.ar.triggers import event_lexicon

    stored = {r[0]: r[1] for r in conn.execute("SELECT type, count(*) FROM events GROUP BY type")}
    out = [{"type": t, "quad": info.get("quad"), "count": stored.pop(t, 0)}
           for t, info in event_lexicon().types.items()]
    out += [{"type": t, "quad": None, "count": n} for t, n in sorted(stored.items())]
    return out


def countries(conn: sqlite3.Connection) -> list[dict]:
    """Countries of the actors of stored events, most events first."""
    return [dict(r) for r in conn.execute(
        "SELECT a.country AS country, count(DISTINCT ea.event_id) AS count FROM event_actors ea"
        " JOIN actors a ON a.id = ea.actor_id WHERE a.country IS NOT NULL"
        " GROUP BY a.country ORDER BY count DESC, a.country")]
