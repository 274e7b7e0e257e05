"""0006: writers read each other's actor changes incrementally.

* ``actors.version``: the ``registry_version`` at which the actor was last written; a writer
  whose registry is at version v reads only the actors above v (``Store._sync_registry``)
  instead of the whole table after every other writer's commit.
* ``actors.names_key``: a digest of the actor's names, countries and search keys as written;
  a write that leaves them unchanged does not rewrite ``actor_names``, ``actor_countries``
  and ``actor_names_fts``.

Existing rows get version 0 and an empty key (their names are rewritten on their next change).
"""

NAME = "0006_incremental_registry"

SQL = """
ALTER TABLE actors ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN names_key TEXT NOT NULL DEFAULT '';
CREATE INDEX actors_version ON actors(version);
"""
