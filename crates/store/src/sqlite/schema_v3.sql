-- sitrep schema, version 3: the claims and events of each article, and full-text search.

-- Which version of the extraction rules produced an article's claims and events, so that a
-- rules change can find what to redo (`sitrep reindex`).
CREATE TABLE extractions (
    article INTEGER PRIMARY KEY REFERENCES articles (num),
    version INTEGER NOT NULL
);

-- One row per claim of an article (shared/spec/claims.md), in text order (`seq`).
CREATE TABLE claims (
    article    INTEGER NOT NULL REFERENCES articles (num),
    seq        INTEGER NOT NULL,
    metric     TEXT NOT NULL,
    value      REAL NOT NULL,
    value_kind TEXT NOT NULL,
    value_max  REAL,
    unit       TEXT NOT NULL,
    grp        TEXT,
    side       TEXT,
    place      TEXT,
    geonameid  INTEGER,
    lat        REAL,
    lon        REAL,
    country    TEXT,
    geo_level  TEXT,
    as_of      TEXT,              -- YYYY-MM-DD
    source     TEXT,
    hedged     INTEGER NOT NULL,
    sentence   TEXT NOT NULL,
    start      INTEGER NOT NULL,  -- characters into the article's text
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    rule       TEXT NOT NULL,
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
-- Reconciliation and the exports read claims in this order: a figure's key, then its date.
CREATE INDEX claims_key ON claims (metric, grp, side, place, as_of);
CREATE INDEX claims_as_of ON claims (as_of);

-- One row per event of an article. Places, actors and attributes are JSON arrays/objects
-- (model::EventPlaceRow, model::ActorRow); the main place's geocode has its own columns.
CREATE TABLE events (
    article    INTEGER NOT NULL REFERENCES articles (num),
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    date       TEXT,              -- TIMEX3 value
    date_end   TEXT,
    day        TEXT,              -- YYYY-MM-DD where the date names a day: filters and order
    place      TEXT,
    geonameid  INTEGER,
    lat        REAL,
    lon        REAL,
    country    TEXT,
    geo_level  TEXT,
    status     TEXT,
    source     TEXT,
    hedged     INTEGER NOT NULL,
    acled_event_type     TEXT NOT NULL,
    acled_sub_event_type TEXT NOT NULL,
    cameo      TEXT NOT NULL,
    plover     TEXT NOT NULL,
    places     TEXT NOT NULL,
    actors     TEXT NOT NULL,
    attributes TEXT NOT NULL,
    sentence   TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    rule       TEXT NOT NULL,
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
CREATE INDEX events_kind_day ON events (kind, day);
CREATE INDEX events_day ON events (day);

-- Full text of titles and texts, ranked by BM25 (`sitrep search`). External content: the text
-- lives once, in `articles`. Indexing a quarter of ingest's time, it is brought up to date
-- before a search rather than as articles are stored: `search_state` records the last article
-- indexed (articles are never deleted, and their `num` only grows).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'num', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_up_to INTEGER NOT NULL   -- articles.num
);
INSERT INTO search_state (id, indexed_up_to) VALUES (1, 0);
