"""Rows to plain dicts, in batches (no N+1 queries); used by :mod:`rasid.query` and :mod:`rasid.store.export`.

Every statement is parameterised; lists of ids become ``IN (?, ?, …)`` with one
placeholder per id.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from rasid.doc.realis import REALIS

__all__ = ["placeholders", "event_dicts", "actor_briefs", "quote_dicts", "participant_dicts", "parse_realis",
           "REALIS", "DEFAULT_REALIS"]

DEFAULT_REALIS = ("actual",)


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def parse_realis(value) -> tuple[str, ...] | None:
    """The realis values a query keeps: ``None`` or ``""`` → ``("actual",)`` (the default); ``"all"`` →
    ``None`` (every event); a comma-separated string or a sequence of values of :data:`REALIS` → those.
    Anything else raises ValueError, naming the values allowed."""
    if value is None or value == "":
        return DEFAULT_REALIS
    items = value.split(",") if isinstance(value, str) else list(value)
    items = [str(x).strip().lower() for x in items if str(x).strip()]
    if items == ["all"]:
        return None
    bad = [x for x in items if x not in REALIS]
    if bad or not items:
        raise ValueError(f"realis must be 'all' or comma-separated values of {', '.join(REALIS)}; "
                         f"got {value!r}")
    return tuple(dict.fromkeys(items))


def actor_briefs(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, dict]:
    ids = list(dict.fromkeys(i for i in ids if i))
    if not ids:
        return {}
    rows = conn.execute(f"SELECT id, type, name_ar, name_en, country, sector FROM actors "
                        f"WHERE id IN ({placeholders(len(ids))})", ids).fetchall()
    return {r["id"]: dict(r) for r in rows}


def participant_dicts(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, list[dict]]:
    """Each event's parties, named and descriptive, once each (the same actor, or the same descriptive
    text with the same codes, reported by several articles is listed once, from its first report):
    ``{"role", "kind", "text", "actor_id", "name_ar", "name_en", "type", "sector", "country",
    "article_id", "start", "end"}``. A named party's sector and country are the actor's where the
    report gives none."""
    out: dict[str, list[dict]] = {i: [] for i in ids}
    if not ids:
        return out
    rows = conn.execute(
        'SELECT p.event_id, p.role, p.kind, p.text, p.actor_id, p.sector, p.country, p.article_id, p.start,'
        ' p."end" FROM event_participants p JOIN articles a ON a.id = p.article_id'
        f" WHERE p.event_id IN ({placeholders(len(ids))}) ORDER BY p.event_id, p.role, a.seq, p.n", list(ids)).fetchall()
    brief = actor_briefs(conn, [r["actor_id"] for r in rows])
    seen: set[tuple] = set()
    for r in rows:
        b = brief.get(r["actor_id"]) or {}
        if r["kind"] == "named" and r["actor_id"]:
            key = (r["event_id"], r["role"], "named", r["actor_id"])
        else:
            key = (r["event_id"], r["role"], r["kind"], " ".join(r["text"].split()), r["sector"], r["country"])
        if key in seen:
            continue
        seen.add(key)
        out[r["event_id"]].append({
            "role": r["role"], "kind": r["kind"], "text": r["text"], "actor_id": r["actor_id"],
            "name_ar": b.get("name_ar"), "name_en": b.get("name_en"), "type": b.get("type"),
            "sector": r["sector"] or b.get("sector"), "country": r["country"] or b.get("country"),
            "article_id": r["article_id"], "start": r["start"], "end": r["end"],
        })
    return out


def event_dicts(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[dict]:
    """Full event dicts (actors, participants, location, sources with their articles) for ``events`` rows."""
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
            " s.evidence_text, s.trigger, s.trigger_start, s.trigger_end, s.confidence, s.killed, s.injured,"
            " s.reported_by_actor_id, s.reported_by_name,"
            " a.title, a.published, a.publisher, a.url, a.duplicate_of"
            f" FROM event_sources s JOIN articles a ON a.id = s.article_id WHERE s.event_id IN ({ph})"
            " ORDER BY a.seq", ids):
        d = dict(r)
        sources[d.pop("event_id")].append(d)
    parties = participant_dicts(conn, ids)
    brief = actor_briefs(conn, [a for v in roles.values() for lst in v.values() for a in lst]
                         + [r["location_actor_id"] for r in rows]
                         + [s["reported_by_actor_id"] for lst in sources.values() for s in lst])
    out = []
    for r in rows:
        reporters: dict = {}
        for s in sources[r["id"]]:
            if s["reported_by_actor_id"]:
                reporters.setdefault(s["reported_by_actor_id"], brief.get(s["reported_by_actor_id"],
                                                                          {"id": s["reported_by_actor_id"]}))
            elif s["reported_by_name"]:
                reporters.setdefault(s["reported_by_name"], {"id": None, "name_ar": s["reported_by_name"]})
        out.append({
            "id": r["id"], "type": r["type"], "mode": r["mode"], "date": r["date"], "realis": r["realis"],
            "source": [brief.get(a, {"id": a}) for a in roles[r["id"]]["source"]],
            "target": [brief.get(a, {"id": a}) for a in roles[r["id"]]["target"]],
            "participants": parties[r["id"]],
            "killed": r["killed"], "injured": r["injured"],
            "reported_by": list(reporters.values()),
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
