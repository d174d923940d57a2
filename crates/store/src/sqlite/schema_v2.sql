-- sitrep schema, version 2: annotations of each article.

-- The times and entities of an article as `sitrep extract` prints them (JSON arrays, character
-- offsets), with the version of the annotation rules that produced them, so that a rules
-- change can find what to redo.
CREATE TABLE annotations (
    article  INTEGER PRIMARY KEY REFERENCES articles (num),
    version  INTEGER NOT NULL,
    times    TEXT NOT NULL,
    entities TEXT NOT NULL
);

-- Each distinct entity an article names (canonical name), with its mention count and, for
-- places, where it is: the index behind filters by place, person or organisation.
CREATE TABLE entity_mentions (
    article   INTEGER NOT NULL REFERENCES articles (num),
    kind      TEXT NOT NULL,   -- person, org, group, place
    name      TEXT NOT NULL,
    mentions  INTEGER NOT NULL,
    geonameid INTEGER,
    lat       REAL,
    lon       REAL,
    country   TEXT,
    PRIMARY KEY (article, kind, name)
) WITHOUT ROWID;
CREATE INDEX entity_mentions_name ON entity_mentions (name, kind);
