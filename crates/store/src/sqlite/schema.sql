-- sitrep schema, version 1: articles and copy groups.
CREATE TABLE articles (
    id                 TEXT PRIMARY KEY,
    path               TEXT NOT NULL,
    format             TEXT NOT NULL,
    url                TEXT,
    title              TEXT,
    outlet             TEXT,
    byline             TEXT,
    language           TEXT,
    published          TEXT,            -- YYYY-MM-DD
    published_inferred INTEGER NOT NULL DEFAULT 0,
    text               TEXT NOT NULL,
    meta               TEXT NOT NULL DEFAULT '{}',
    content_hash       TEXT NOT NULL,
    signatures         BLOB NOT NULL,   -- MinHash signatures (dedup::encode_signatures)
    copy_group         TEXT NOT NULL,
    ingested_at        TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_copy_group ON articles (copy_group);
CREATE INDEX articles_published ON articles (published);

-- One row per copy group; `original` is its earliest published member.
CREATE TABLE copy_groups (
    id       TEXT PRIMARY KEY,
    original TEXT NOT NULL,
    size     INTEGER NOT NULL
);

-- LSH band keys: articles sharing a key are candidates for near-copies.
-- `article` is the rowid of the article (smaller than its text id).
CREATE TABLE copy_bands (
    key     INTEGER NOT NULL,
    article INTEGER NOT NULL,
    PRIMARY KEY (key, article)
) WITHOUT ROWID;
