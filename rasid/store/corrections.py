"""An analyst's corrections to the actor registry: merge two actors, split a name off one.

    merge_actors(store, keep, drop)      # drop's mentions, quotes, events and names go to keep
    split_actor(store, actor_id, name)   # the mentions called ``name`` go to a new actor

Both run in one transaction, update every table that names the actor, and are recorded in
``actor_corrections`` (migration 0004): the registry reads them back whenever it is loaded, so a
later ingest keeps them (the merged actor answers as the one kept; the split name is never
matched to its old actor again). ``rasid actors merge`` and ``rasid actors split`` call these.
"""
from __future__ import annotations

from rasid.store.actors import arabic_key
from rasid.store.db import now, transaction

__all__ = ["merge_actors", "split_actor", "apply_corrections"]

# (table, column) pairs that hold an actor id
_ACTOR_COLUMNS = (
    ("mentions", "actor_id"), ("quotes", "speaker_actor_id"), ("quotes", "channel_actor_id"),
    ("events", "location_actor_id"), ("actor_offices", "actor_id"), ("actor_offices", "org_actor_id"),
    ("event_participants", "actor_id"), ("event_sources", "reported_by_actor_id"),
)


def apply_corrections(conn, registry) -> None:
    """Set ``registry``'s redirects and blocked names from the recorded corrections."""
    for action, actor_id, other in conn.execute(
            "SELECT action, actor_id, other FROM actor_corrections ORDER BY seq"):
        if action == "merge":
            registry.redirects[other] = actor_id
            for k, v in list(registry.redirects.items()):
                if v == other:
                    registry.redirects[k] = actor_id
        else:
            registry.blocked.setdefault(actor_id, set()).add(arabic_key(other))


def _bump(store) -> None:
    store._bump_registry(epoch=True)       # other writers reload the registry whole


def merge_actors(store, keep: str, drop: str) -> dict:
    """Fold actor ``drop`` into ``keep`` everywhere; returns the kept actor's brief."""
    conn = store.conn
    with transaction(conn):
        reg = store.registry
        actor = reg.merge(keep, drop)           # KeyError when either is unknown
        for table, col in _ACTOR_COLUMNS:
            conn.execute(f"UPDATE {table} SET {col} = ? WHERE {col} = ?", (keep, drop))
        conn.execute("INSERT OR IGNORE INTO event_actors(event_id, actor_id, role)"
                     " SELECT event_id, ?, role FROM event_actors WHERE actor_id = ?", (keep, drop))
        conn.execute("DELETE FROM event_actors WHERE actor_id = ?", (drop,))
        conn.execute("UPDATE events SET actor_key = replace(actor_key, ?, ?) WHERE instr(actor_key, ?)",
                     (drop, keep, drop))
        row = conn.execute("SELECT seq FROM actors WHERE id = ?", (drop,)).fetchone()
        conn.execute("DELETE FROM actor_names WHERE actor_id = ?", (drop,))
        conn.execute("DELETE FROM actor_countries WHERE actor_id = ?", (drop,))
        if row is not None:
            conn.execute("DELETE FROM actor_names_fts WHERE rowid = ?", (row[0],))
        conn.execute("DELETE FROM actors WHERE id = ?", (drop,))
        first = conn.execute("SELECT min(published), max(published) FROM articles a JOIN mentions m"
                             " ON m.article_id = a.id WHERE m.actor_id = ?", (keep,)).fetchone()
        store._save_actor(actor)
        if first and first[0]:
            conn.execute("UPDATE actors SET first_seen = min(coalesce(first_seen, ?), ?),"
                         " last_seen = max(coalesce(last_seen, ?), ?) WHERE id = ?",
                         (first[0][:10], first[0][:10], first[1][:10], first[1][:10], keep))
        conn.execute("INSERT INTO actor_corrections(action, actor_id, other, created_at) VALUES ('merge', ?, ?, ?)",
                     (keep, drop, now()))
        _bump(store)
    return {"id": actor.id, "name": actor.name, "merged": drop}


def split_actor(store, actor_id: str, name: str) -> dict:
    """Take the name ``name`` off actor ``actor_id``: its mentions, quotes and event parties so
    called go to a new actor; returns the new actor's brief."""
    conn = store.conn
    k = arabic_key(name)
    with transaction(conn):
        reg = store.registry
        new = reg.split(actor_id, name)          # KeyError when the actor is not so called
        store._save_actor(new)             # the rows below point to it
        moved = 0
        for table, id_col, text_col in (("mentions", "actor_id", "text"),
                                        ("quotes", "speaker_actor_id", "speaker_name"),
                                        ("event_participants", "actor_id", "text")):
            key_cols = ("article_id, id" if table != "event_participants"
                        else "event_id, article_id, article_event_id, n")
            rows = conn.execute(f"SELECT {key_cols}, {text_col} FROM {table} WHERE {id_col} = ?",
                                (actor_id,)).fetchall()
            for r in rows:
                if arabic_key(r[-1] or "") != k:
                    continue
                cols = key_cols.split(", ")
                conn.execute(f"UPDATE {table} SET {id_col} = ? WHERE " + " AND ".join(f"{c} = ?" for c in cols),
                             (new.id, *r[:-1]))
                moved += table == "mentions"
        # events whose parties now name the new actor instead
        for (eid, role) in conn.execute("SELECT DISTINCT event_id, role FROM event_participants WHERE actor_id = ?",
                                        (new.id,)).fetchall():
            conn.execute("INSERT OR IGNORE INTO event_actors(event_id, actor_id, role) VALUES (?, ?, ?)",
                         (eid, new.id, role))
            still = conn.execute("SELECT 1 FROM event_participants WHERE event_id = ? AND role = ? AND actor_id = ?",
                                 (eid, role, actor_id)).fetchone()
            if still is None:
                conn.execute("DELETE FROM event_actors WHERE event_id = ? AND role = ? AND actor_id = ?",
                             (eid, role, actor_id))
        new.mentions = max(moved, 1)
        old = reg.get(actor_id)
        old.mentions = max(old.mentions - moved, 0)
        store._save_actor(old)
        store._save_actor(new)
        conn.execute("INSERT INTO actor_corrections(action, actor_id, other, new_id, created_at)"
                     " VALUES ('split', ?, ?, ?, ?)", (actor_id, name, new.id, now()))
        _bump(store)
    return {"id": new.id, "name": new.name, "split_from": actor_id, "mentions": moved}
