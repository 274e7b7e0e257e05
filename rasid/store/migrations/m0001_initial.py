"""The initial schema: articles, actors, mentions, events, quotes, times, search, dedup."""

NAME = "0001_initial"

SQL = """
CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE articles (
    seq           INTEGER PRIMARY KEY,         -- ingest order; rowid of articles_fts
    id            TEXT NOT NULL UNIQUE,        -- Article.id
    content_hash  TEXT NOT NULL UNIQUE,        -- sha256 of the raw text (hex)
    source        TEXT,
    url           TEXT,
    title         TEXT,
    published     TEXT,                        -- ISO date (or timestamp) as given
    publisher     TEXT,
    section       TEXT,
    author        TEXT,
    language      TEXT,
    text          TEXT NOT NULL,               -- the cleaned text
    raw_json      TEXT NOT NULL,               -- rasid.doc.serialize.to_dict(article, tokens=False)
    duplicate_of  TEXT REFERENCES articles(id),
    dup_score     REAL,                        -- Jaccard of word 3-gram shingles with duplicate_of
    minhash       BLOB,                        -- MinHash signature (uint32 little-endian)
    ingested_at   TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

-- LSH bands of the MinHash signatures: articles sharing a (band, hash) are candidates
CREATE TABLE minhash_bands (
    band        INTEGER NOT NULL,
    hash        INTEGER NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;
CREATE INDEX minhash_bands_article ON minhash_bands(article_id);

CREATE TABLE actors (
    seq         INTEGER PRIMARY KEY,           -- rowid of actor_names_fts
    id          TEXT NOT NULL UNIQUE,          -- ActorRegistry id ("A" + 10 hex)
    type        TEXT NOT NULL,                 -- PER | ORG | LOC | MISC
    name_ar     TEXT,
    name_en     TEXT,
    country     TEXT,                          -- the most frequent ISO alpha-3
    sector      TEXT,
    mentions    INTEGER NOT NULL DEFAULT 0,
    first_seen  TEXT,                          -- publication date of the first article
    last_seen   TEXT,
    data        TEXT NOT NULL                  -- rasid.registry.Actor.to_dict() as JSON
);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_type ON actors(type);

CREATE TABLE actor_names (
    actor_id  TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    script    TEXT NOT NULL CHECK (script IN ('ar', 'latin')),
    norm      TEXT NOT NULL,
    PRIMARY KEY (actor_id, name)
) WITHOUT ROWID;
CREATE INDEX actor_names_norm ON actor_names(norm);

CREATE TABLE actor_countries (
    actor_id  TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    country   TEXT NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (actor_id, country)
) WITHOUT ROWID;
CREATE INDEX actor_countries_country ON actor_countries(country);

-- one row per sighting of an office in an article (offices over time)
CREATE TABLE actor_offices (
    actor_id    TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    norm        TEXT NOT NULL,
    org_actor_id TEXT REFERENCES actors(id),
    country     TEXT,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seen        TEXT                            -- publication date of the article
);
CREATE INDEX actor_offices_actor ON actor_offices(actor_id, seen);
CREATE INDEX actor_offices_article ON actor_offices(article_id);

CREATE TABLE mentions (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,                  -- Mention.id within the article
    entity_id   TEXT,                           -- Entity.id within the article
    actor_id    TEXT REFERENCES actors(id),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    label       TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE events (
    id                 TEXT PRIMARY KEY,        -- "E" + 12 hex, from the first source
    type               TEXT NOT NULL,
    mode               TEXT,
    date               TEXT,                    -- ISO date (day, month or year precision)
    day                INTEGER,                 -- proleptic ordinal of a day-precision date (for the merge window)
    actor_key          TEXT NOT NULL,           -- "src1,src2>tgt1": sorted actor ids, for merging
    location_actor_id  TEXT REFERENCES actors(id),
    location_name      TEXT,
    lat                REAL,
    lon                REAL,
    topics             TEXT NOT NULL DEFAULT '[]',   -- JSON list
    negated            INTEGER NOT NULL DEFAULT 0,
    future             INTEGER NOT NULL DEFAULT 0,
    hypothetical       INTEGER NOT NULL DEFAULT 0,
    confidence         REAL,
    n_sources          INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_merge ON events(type, actor_key, day);

CREATE TABLE event_actors (
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id  TEXT NOT NULL REFERENCES actors(id),
    role      TEXT NOT NULL CHECK (role IN ('source', 'target')),
    PRIMARY KEY (event_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors(actor_id, role);

CREATE TABLE event_sources (
    event_id          TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    article_event_id  TEXT NOT NULL,            -- Event.id within the article
    date              TEXT,                     -- the date this article gives the event
    evidence_start    INTEGER,
    evidence_end      INTEGER,
    evidence_text     TEXT,
    trigger           TEXT,
    confidence        REAL,
    PRIMARY KEY (article_id, article_event_id)
);
CREATE INDEX event_sources_event ON event_sources(event_id);

CREATE TABLE quotes (
    article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id                TEXT NOT NULL,
    speaker_actor_id  TEXT REFERENCES actors(id),
    speaker_name      TEXT,
    text              TEXT NOT NULL,
    start             INTEGER NOT NULL,
    "end"             INTEGER NOT NULL,
    kind              TEXT,
    cue               TEXT,
    channel_actor_id  TEXT REFERENCES actors(id),
    channel           TEXT,                     -- the channel as given when it is not an entity
    published         TEXT,
    PRIMARY KEY (article_id, id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_actor_id, published);
CREATE INDEX quotes_published ON quotes(published);

CREATE TABLE times (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT,
    precision   TEXT,
    PRIMARY KEY (article_id, id)
);

-- full-text search: norm = norm_key of the words (and clitic-stripped forms), so that
-- الطرابلسى finds الطرابلسي; Latin is case-folded by norm_key as well
CREATE VIRTUAL TABLE articles_fts USING fts5(
    article_id UNINDEXED, title UNINDEXED, norm, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE actor_names_fts USING fts5(
    actor_id UNINDEXED, norm, tokenize = 'unicode61 remove_diacritics 2'
);
"""
