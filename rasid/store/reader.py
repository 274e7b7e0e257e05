"""Rows to plain dicts, in batches (no N+1 queries); used by :mod:`rasid.query` and :mod:`rasid.store.export`.

Every statement is parameterised; lists of ids become ``IN (?, ?, …)`` with one
placeholder per id.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

__all__ = ["placeholders", "event_dicts", "actor_briefs", "quote_dicts"]


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def actor_briefs(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, dict]:
    ids = list(dict.fromkeys(i for i in ids if i))
    if not ids:
        return {}
    rows = conn.execute(f"SELECT id, type, name_ar, name_en, country, sector FROM actors "
                        f"WHERE id IN ({placeholders(len(ids))})", ids).fetchall()
    return {r["id"]: dict(r) for r in rows}


def event_dicts(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[dict]:
    """Full event dicts (actors, location, sources with their articles) for ``events`` rows."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    ph = placeholders(len(ids))
    roles: dict[str, dict[str, list[str]]] = {i: {"source": [], "target": []} for i in ids}
    for r in conn.execute(f"SELECT event_id, actor_id, role FROM event_actors WHERE event_id IN ({ph})"
                          " ORDER BY event_id, role, actor_id", ids):
        roles[r["event_id"]][r["role"]].append(r["actor_id"])
    sources: dict[str, list[dict]] = {i: [] for i in ids}
    for r in conn.execute(
            "SELECT s.event_id, s.article_id, s.article_event_id, s.date, s.evidence_start, s.evidence_end,"
            " s.evidence_text, s.trigger, s.confidence, a.title, a.published, a.publisher, a.url, a.duplicate_of"
            f" FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_id IN ({ph})"
            " ORDER BY a.seq", ids):
        d = dict(r)
        sources[d.pop("event_id")].append(d)
    brief = actor_briefs(conn, [a for v in roles.values() for lst in v.values() for a in lst]
                         + [r["location_actor_id"] for r in rows])
    out = []
    for r in rows:
        out.append({
            "id": r["id"], "type": r["type"], "mode": r["mode"], "date": r["date"],
            "source": [brief.get(a, {"id": a}) for a in roles[r["id"]]["source"]],
            "target": [brief.get(a, {"id": a}) for a in roles[r["id"]]["target"]],
            "location": ({"actor_id": r["location_actor_id"], "name": r["location_name"], "lat": r["lat"],
                          "lon": r["lon"]} if r["location_actor_id"] or r["location_name"] else None),
            "topics": json.loads(r["topics"] or "[]"),
            "flags": {"negated": bool(r["negated"]), "future": bool(r["future"]),
                      "hypothetical": bool(r["hypothetical"])},
            "confidence": r["confidence"],
            "n_sources": r["n_sources"],
            "sources": sources[r["id"]],
        })
    return out


def quote_dicts(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[dict]:
    brief = actor_briefs(conn, [r["speaker_actor_id"] for r in rows] + [r["channel_actor_id"] for r in rows])
    out = []
    for r in rows:
        d = dict(r)
        d["speaker"] = brief.get(r["speaker_actor_id"]) if r["speaker_actor_id"] else None
        d["channel_actor"] = brief.get(r["channel_actor_id"]) if r["channel_actor_id"] else None
        out.append(d)
    return out
