"""0004: an analyst's corrections to the actor registry, kept so that a re-ingest keeps them.

* ``actor_corrections``: one row per ``rasid actors merge KEEP DROP`` (action ``merge``:
  ``actor_id`` = the actor kept, ``other`` = the one folded into it, which answers as it from then
  on) and per ``rasid actors split ACTOR NAME`` (action ``split``: ``other`` = the name taken off
  the actor, never matched to it again; ``new_id`` = the actor made for it).
"""

NAME = "0004_actor_corrections"

SQL = """
CREATE TABLE actor_corrections (
    seq         INTEGER PRIMARY KEY,
    action      TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    actor_id    TEXT NOT NULL,
    other       TEXT NOT NULL,
    new_id      TEXT,
    created_at  TEXT NOT NULL
);
"""
