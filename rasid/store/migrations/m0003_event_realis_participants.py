"""0003: what issue 10's event layer adds -- realis, casualties, trigger span, reporter, participants.

* ``events.realis`` (actual | negated | future | hypothetical | background | generic);
  rows stored before it get it from their flags (negated, else future, else
  hypothetical, else actual -- the rule finder's own order);
  ``events.killed`` / ``events.injured`` (the highest count any source gives).
* ``event_sources``: each report's ``trigger_start`` / ``trigger_end``, ``killed``,
  ``injured`` and who reported it (``reported_by_actor_id``, ``reported_by_name``).
* ``event_participants``: every party of every reported event, named (an entity
  resolved to an actor) or descriptive (a noun phrase: مسلحون مجهولون، قوات الأمن),
  with its role, span in the reporting article, sector and country. Rows stored
  before it get one named participant per ``event_actors`` row (attached to the
  event's first source; no span: the old rows did not keep one).
"""

NAME = "0003_event_realis_participants"

SQL = """
ALTER TABLE events ADD COLUMN realis TEXT NOT NULL DEFAULT 'actual'
    CHECK (realis IN ('actual', 'negated', 'future', 'hypothetical', 'background', 'generic'));
ALTER TABLE events ADD COLUMN killed INTEGER;
ALTER TABLE events ADD COLUMN injured INTEGER;

UPDATE events SET realis = CASE WHEN negated THEN 'negated' WHEN future THEN 'future'
                                WHEN hypothetical THEN 'hypothetical' ELSE 'actual' END;

-- the default listing: realis = 'actual', newest first
CREATE INDEX events_realis_date ON events(realis, date);

ALTER TABLE event_sources ADD COLUMN trigger_start INTEGER;
ALTER TABLE event_sources ADD COLUMN trigger_end INTEGER;
ALTER TABLE event_sources ADD COLUMN killed INTEGER;
ALTER TABLE event_sources ADD COLUMN injured INTEGER;
ALTER TABLE event_sources ADD COLUMN reported_by_actor_id TEXT REFERENCES actors(id);
ALTER TABLE event_sources ADD COLUMN reported_by_name TEXT;

CREATE TABLE event_participants (
    event_id          TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    article_event_id  TEXT NOT NULL,            -- Event.id within the article
    n                 INTEGER NOT NULL,         -- order within that article event
    role              TEXT NOT NULL CHECK (role IN ('source', 'target')),
    kind              TEXT NOT NULL CHECK (kind IN ('named', 'descriptive')),
    text              TEXT NOT NULL,            -- the party as written (a name, or a noun phrase)
    start             INTEGER,                  -- its span in the article's text
    "end"             INTEGER,
    entity_id         TEXT,                     -- Entity.id within the article (named)
    actor_id          TEXT REFERENCES actors(id),
    sector            TEXT,                     -- CAMEO/PLOVER sector: GOV MIL COP UAF CVL ...
    country           TEXT,                     -- ISO alpha-3
    PRIMARY KEY (article_id, article_event_id, n)
);
CREATE INDEX event_participants_event ON event_participants(event_id);
CREATE INDEX event_participants_actor ON event_participants(actor_id);

INSERT INTO event_participants(event_id, article_id, article_event_id, n, role, kind, text, actor_id, sector, country)
SELECT ea.event_id, s.article_id, s.article_event_id,
       row_number() OVER (PARTITION BY ea.event_id ORDER BY ea.role, ea.actor_id) - 1,
       ea.role, 'named', coalesce(a.name_ar, a.name_en, a.id), ea.actor_id, a.sector, a.country
FROM event_actors ea
JOIN actors a ON a.id = ea.actor_id
JOIN event_sources s ON s.rowid = (SELECT min(rowid) FROM event_sources WHERE event_id = ea.event_id);
"""
