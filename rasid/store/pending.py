"""Names that wait for a second article before they become registry actors.

The evidence model (rasid.store.evidence) reads one article; a name it admits that no lexicon and
no office vouches for (``admission`` says ``"recurs"``) is kept in ``actor_candidates`` with its
key. When another article names the same key, the writer makes the actor and links every waiting
entity to it:

    key = candidate_key(entity)                     # "PER|جيمي بيل", or None
    rows = waiting(conn, key, article_id)           # [(article_id, entity_id)] of other articles
    wait(conn, article_id, [(entity_id, key), ...])
    days = promote(conn, registry, actor_id, rows)  # the publication days of the articles linked

Linking an article stored earlier sets the actor on its mentions, on the quotes its entity speaks,
on the parties and places of its events (and the events' actor lists), and writes the actor id
into the stored document (a person the text gives an office never waits, so there are no offices
to record). The events' merge keys stay as
they were when the article was stored.
"""
from __future__ import annotations

from rasid.doc.layers import Entity
from rasid.doc.serialize import from_dict
from rasid.store import documents

__all__ = ["candidate_key", "waiting", "wait", "promote"]


def candidate_key(entity: Entity) -> str | None:
    """The key a waiting name is found by: its type and the registry's key of its name."""
    from rasid.store.actors import ActorRegistry

    keys, _ = ActorRegistry.entity_keys(entity)
    return f"{(entity.type or '').upper()}|{keys[0]}" if keys else None


def waiting(conn, key: str, article_id: str) -> list[tuple[str, str]]:
    """The ``(article_id, entity_id)`` of the other articles' names waiting under ``key``."""
    return [(r[0], r[1]) for r in conn.execute(
        "SELECT article_id, entity_id FROM actor_candidates WHERE key = ? AND article_id != ?"
        " ORDER BY article_id, entity_id", (key, article_id))]


def wait(conn, article_id: str, rows: list[tuple[str, str]]) -> None:
    """Keep the article's names ``(entity_id, key)`` waiting (the article's row must be stored)."""
    conn.executemany("INSERT OR IGNORE INTO actor_candidates(article_id, entity_id, key) VALUES (?, ?, ?)",
                     [(article_id, eid, key) for eid, key in rows])


def promote(conn, registry, actor_id: str, rows: list[tuple[str, str]]) -> list[str]:
    """Link each waiting entity of ``rows`` to the actor ``actor_id`` (in the registry and in every
    stored row of its article) and stop its waiting; returns the publication days of its articles."""
    days: list[str] = []
    by_article: dict[str, list[str]] = {}
    for aid, eid in rows:
        by_article.setdefault(aid, []).append(eid)
    for aid, eids in by_article.items():
        row = conn.execute("SELECT raw_json, published FROM articles WHERE id = ?", (aid,)).fetchone()
        conn.executemany("DELETE FROM actor_candidates WHERE article_id = ? AND entity_id = ?",
                         [(aid, e) for e in eids])
        if row is None:
            continue
        doc = documents.decode(row[0])
        entities = {e.id: e for e in from_dict(doc).entities}
        for eid in eids:
            ent = entities.get(eid)
            if ent is None:
                continue
            registry.attach(actor_id, ent, article_id=aid)
            _link_rows(conn, aid, ent, actor_id)
            for d in doc.get("entities", []):
                if d.get("id") == eid:
                    d["kb_id"] = actor_id
        conn.execute("UPDATE articles SET raw_json = ? WHERE id = ?", (documents.encode(doc), aid))
        if row[1]:
            days.append(row[1][:10])
    return days


def _link_rows(conn, aid: str, ent: Entity, actor_id: str) -> None:
    """Set ``actor_id`` on the stored rows of article ``aid`` that stand for entity ``ent``."""
    conn.execute("UPDATE mentions SET actor_id = ? WHERE article_id = ? AND entity_id = ? AND actor_id IS NULL",
                 (actor_id, aid, ent.id))
    if ent.name:
        conn.execute("UPDATE quotes SET speaker_actor_id = ? WHERE article_id = ? AND speaker_actor_id IS NULL"
                     " AND speaker_name = ?", (actor_id, aid, ent.name))
        conn.execute("UPDATE events SET location_actor_id = ? WHERE location_actor_id IS NULL AND location_name = ?"
                     " AND id IN (SELECT event_id FROM event_sources WHERE article_id = ?)", (actor_id, ent.name, aid))
    conn.execute("UPDATE event_participants SET actor_id = ? WHERE article_id = ? AND entity_id = ?"
                 " AND actor_id IS NULL", (actor_id, aid, ent.id))
    conn.execute("INSERT OR IGNORE INTO event_actors(event_id, actor_id, role) SELECT event_id, ?, role"
                 " FROM event_participants WHERE article_id = ? AND entity_id = ?", (actor_id, aid, ent.id))
