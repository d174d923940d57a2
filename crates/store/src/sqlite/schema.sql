-- sitrep schema, version 1: articles and copy groups.
-- Integer primary keys (`num`) are stable across VACUUM, unlike implicit rowids, so other
-- tables may refer to them.

-- Small columns first: SQLite reads a row's columns in order, and those after a long `text`
-- would cost its overflow pages on every copy lookup.
CREATE TABLE articles (
    num                INTEGER PRIMARY KEY,
    id                 TEXT NOT NULL UNIQUE,
    content_hash       TEXT NOT NULL,
    copy_group         TEXT NOT NULL,   -- copy_groups.id
    signatures         BLOB NOT NULL,   -- MinHash signatures (CopyFingerprint::encode_signatures)
    published          TEXT,            -- YYYY-MM-DD
    published_inferred INTEGER NOT NULL DEFAULT 0,
    text_chars         INTEGER NOT NULL,
    path               TEXT NOT NULL,
    format             TEXT NOT NULL,
    url                TEXT,
    title              TEXT,
    outlet             TEXT,
    byline             TEXT,
    language           TEXT,
    ingested_at        TEXT NOT NULL,
    meta               TEXT NOT NULL DEFAULT '{}',
    text               TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_copy_group ON articles (copy_group);
CREATE INDEX articles_published ON articles (published);

-- One row per copy group (its id is the id of the article that founded it); `original` is
-- its earliest published member. A group absorbed by another keeps its row, with
-- `merged_into` naming the group that absorbed it, so that its band keys need no rewriting.
CREATE TABLE copy_groups (
    num         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    original    TEXT NOT NULL,
    size        INTEGER NOT NULL,
    merged_into INTEGER              -- copy_groups.num, for absorbed groups
);

-- LSH band keys of each copy group, with the member that brought the key: a new article that
-- shares a key with a group is judged against that member. Keyed by group, a story's copies
-- add only the keys it did not have, and a lookup returns about one row per story. `grp` may
-- name an absorbed group: follow copy_groups.merged_into.
CREATE TABLE copy_bands (
    key     INTEGER NOT NULL,
    grp     INTEGER NOT NULL,   -- copy_groups.num
    article INTEGER NOT NULL,   -- articles.num
    PRIMARY KEY (key, grp)
) WITHOUT ROWID;

-- Short paragraphs at the head and tail of each article of an outlet (by stable hash): a
-- paragraph that several articles of one outlet share is site furniture, across runs.
CREATE TABLE outlet_lines (
    outlet  TEXT NOT NULL,
    line    INTEGER NOT NULL,
    article TEXT NOT NULL,      -- articles.id
    PRIMARY KEY (outlet, line, article)
) WITHOUT ROWID;
