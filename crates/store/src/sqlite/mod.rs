//! The embedded SQLite backend: WAL journal, one transaction per batch, schema migrations
//! tracked in `PRAGMA user_version`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::NaiveDate;
use model::{Article, ArticleId, CopyFingerprint, InputFormat, Published, StoredArticle};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};

use crate::{ArticleFilter, ArticleRow, BatchOutcome, CopyJudgeFn, NewArticle, Store, StoreError};

/// Migrations in order; the schema version is the number applied.
const MIGRATIONS: &[&str] = &[include_str!("schema.sql")];

/// Candidates examined per new article at most: a key shared by very many articles (a
/// template page) must not make ingest quadratic.
const MAX_CANDIDATES: usize = 200;

/// A SQLite database file holding sitrep's store.
#[derive(Debug)]
pub struct SqliteStore {
    conn: Connection,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::Open {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Self::setup(conn)
    }

    /// A private in-memory database (tests, `extract`-like one-shot work).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers never block the writer, and a killed writer leaves the last committed
        // batch intact. NORMAL sync is safe against process crashes in WAL mode.
        let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
             PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;",
        )?;
        let mut store = SqliteStore { conn };
        store.migrate()?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let known = MIGRATIONS.len() as i64;
        if version > known {
            return Err(StoreError::SchemaTooNew {
                found: version,
                known,
            });
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", i as i64 + 1)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Schema version in use.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs SQLite's own consistency check; `Ok(())` when it reports "ok".
    pub fn integrity_check(&self) -> Result<(), StoreError> {
        let res: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if res == "ok" {
            Ok(())
        } else {
            Err(StoreError::Corrupt(res))
        }
    }
}

fn place_one(
    tx: &Transaction<'_>,
    item: &NewArticle,
    judge: CopyJudgeFn<'_>,
) -> Result<Placed, StoreError> {
    let a = &item.article;
    let exists: bool = tx
        .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
        .exists(params![a.id.as_str()])?;
    if exists {
        return Ok(Placed::Existing);
    }
    let fp = &item.fingerprint;
    // Groups this article is a copy of: exact copies first, then LSH candidates that the judge
    // confirms.
    let mut groups: BTreeSet<String> = BTreeSet::new();
    if let Some(g) = tx
        .prepare_cached("SELECT copy_group FROM articles WHERE content_hash = ?1 LIMIT 1")?
        .query_row(params![fp.content_hash], |r| r.get::<_, String>(0))
        .optional()?
    {
        groups.insert(g);
    }
    let keys: Vec<i64> = fp
        .words
        .band_keys
        .iter()
        .chain(&fp.skeleton.band_keys)
        .map(|&k| k as i64)
        .collect();
    if !keys.is_empty() {
        let sql = format!(
            "SELECT DISTINCT a.id, a.content_hash, a.signatures, a.copy_group FROM copy_bands b \
             JOIN articles a ON a.rowid = b.article WHERE b.key IN ({}) LIMIT {MAX_CANDIDATES}",
            vec!["?"; keys.len()].join(",")
        );
        let mut stmt = tx.prepare_cached(&sql)?;
        let mut rows = stmt.query(params_from_iter(keys.iter()))?;
        while let Some(r) = rows.next()? {
            let group: String = r.get(3)?;
            if groups.contains(&group) {
                continue;
            }
            let id: String = r.get(0)?;
            let other = CopyFingerprint::decode_signatures(r.get(1)?, &r.get::<_, Vec<u8>>(2)?)
                .ok_or_else(|| StoreError::Corrupt(format!("signatures of article {id}")))?;
            if judge(fp, &other) {
                groups.insert(group);
            }
        }
    }
    // The oldest group (smallest founding rowid) absorbs the others: grouping is transitive.
    let group = match groups.len() {
        0 => a.id.as_str().to_owned(),
        1 => groups.iter().next().cloned().unwrap_or_default(),
        _ => {
            let mut ordered: Vec<(i64, String)> = Vec::new();
            for g in &groups {
                let rowid: i64 = tx
                    .prepare_cached("SELECT MIN(rowid) FROM articles WHERE copy_group = ?1")?
                    .query_row(params![g], |r| r.get(0))?;
                ordered.push((rowid, g.clone()));
            }
            ordered.sort();
            let keep = ordered[0].1.clone();
            for (_, g) in &ordered[1..] {
                tx.prepare_cached("UPDATE articles SET copy_group = ?1 WHERE copy_group = ?2")?
                    .execute(params![keep, g])?;
                tx.prepare_cached("DELETE FROM copy_groups WHERE id = ?1")?
                    .execute(params![g])?;
            }
            keep
        }
    };
    let meta = serde_json::to_string(&a.meta).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    tx.prepare_cached(
        "INSERT INTO articles (id, path, format, url, title, outlet, byline, language, published, \
         published_inferred, text, meta, content_hash, signatures, copy_group, ingested_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, \
         strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    )?
    .execute(params![
        a.id.as_str(),
        a.path,
        a.format.as_str(),
        a.url,
        a.title,
        a.outlet,
        a.byline,
        a.language,
        a.published.map(|p| p.date.to_string()),
        a.published.is_some_and(|p| p.inferred),
        a.text,
        meta,
        fp.content_hash,
        fp.encode_signatures(),
        group,
    ])?;
    let rowid = tx.last_insert_rowid();
    {
        let mut ins =
            tx.prepare_cached("INSERT OR IGNORE INTO copy_bands (key, article) VALUES (?1, ?2)")?;
        for k in &keys {
            ins.execute(params![k, rowid])?;
        }
    }
    let joined = !groups.is_empty();
    if joined {
        // The original is the earliest published member (undated ones last); among those of
        // one day, the fullest text (copies trim credits and paragraphs), then the first stored.
        tx.prepare_cached(
            "INSERT INTO copy_groups (id, original, size) \
             SELECT ?1, (SELECT id FROM articles WHERE copy_group = ?1 \
                         ORDER BY published IS NULL, published, length(text) DESC, rowid LIMIT 1), \
                    (SELECT COUNT(*) FROM articles WHERE copy_group = ?1) \
             ON CONFLICT (id) DO UPDATE SET original = excluded.original, size = excluded.size",
        )?
        .execute(params![group])?;
    } else {
        tx.prepare_cached("INSERT INTO copy_groups (id, original, size) VALUES (?1, ?1, 1)")?
            .execute(params![group])?;
    }
    Ok(if joined { Placed::Copy } else { Placed::New })
}

enum Placed {
    Existing,
    New,
    Copy,
}

const ROW_COLUMNS: &str = "a.id, a.published, a.published_inferred, a.outlet, a.title, a.url, \
     a.path, g.size, a.copy_group, g.original";

fn article_row(r: &Row<'_>) -> rusqlite::Result<ArticleRow> {
    let id: String = r.get(0)?;
    let original: String = r.get(9)?;
    let size: i64 = r.get(7)?;
    Ok(ArticleRow {
        copy_of: (original != id).then(|| ArticleId::from_stored(original)),
        id: ArticleId::from_stored(id),
        published: r.get::<_, Option<String>>(1)?.and_then(|d| d.parse().ok()),
        published_inferred: r.get(2)?,
        outlet: r.get(3)?,
        title: r.get(4)?,
        url: r.get(5)?,
        path: r.get(6)?,
        copies: (size.max(1) - 1) as usize,
        copy_group: ArticleId::from_stored(r.get::<_, String>(8)?),
    })
}

impl Store for SqliteStore {
    fn ingest(
        &mut self,
        batch: &[NewArticle],
        judge: CopyJudgeFn<'_>,
    ) -> Result<BatchOutcome, StoreError> {
        let tx = self.conn.transaction()?;
        let mut out = BatchOutcome::default();
        for item in batch {
            match place_one(&tx, item, judge)? {
                Placed::Existing => out.existing += 1,
                Placed::New => out.new += 1,
                Placed::Copy => {
                    out.new += 1;
                    out.copies += 1;
                }
            }
        }
        tx.commit()?;
        Ok(out)
    }

    fn articles(&self, f: &ArticleFilter) -> Result<Vec<ArticleRow>, StoreError> {
        let mut sql = format!(
            "SELECT {ROW_COLUMNS} FROM articles a JOIN copy_groups g ON g.id = a.copy_group WHERE 1=1"
        );
        let mut args: Vec<String> = Vec::new();
        if !f.include_copies {
            sql.push_str(" AND g.original = a.id");
        }
        if let Some(d) = f.since {
            args.push(d.to_string());
            sql.push_str(&format!(" AND a.published >= ?{}", args.len()));
        }
        if let Some(d) = f.until {
            args.push(d.to_string());
            sql.push_str(&format!(" AND a.published <= ?{}", args.len()));
        }
        if let Some(o) = &f.outlet {
            args.push(format!(
                "%{}%",
                o.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            ));
            sql.push_str(&format!(" AND a.outlet LIKE ?{} ESCAPE '\\'", args.len()));
        }
        sql.push_str(" ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC");
        if let Some(n) = f.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), article_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn article(&self, id_or_prefix: &str) -> Result<Option<StoredArticle>, StoreError> {
        let pattern = format!("{}%", id_or_prefix.replace(['%', '_'], ""));
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.path, a.format, a.url, a.title, a.outlet, a.byline, a.language, \
             a.published, a.published_inferred, a.text, a.meta, a.copy_group, g.original, g.size, \
             a.ingested_at FROM articles a JOIN copy_groups g ON g.id = a.copy_group \
             WHERE a.id LIKE ?1 LIMIT 2",
        )?;
        let found: Vec<StoredArticle> = stmt
            .query_map(params![pattern], |r| {
                let format: String = r.get(2)?;
                let meta: String = r.get(11)?;
                let published: Option<String> = r.get(8)?;
                Ok(StoredArticle {
                    article: Article {
                        id: ArticleId::from_stored(r.get::<_, String>(0)?),
                        path: r.get(1)?,
                        format: InputFormat::parse(&format).unwrap_or(InputFormat::Text),
                        url: r.get(3)?,
                        title: r.get(4)?,
                        outlet: r.get(5)?,
                        byline: r.get(6)?,
                        language: r.get(7)?,
                        published: published.and_then(|d| d.parse::<NaiveDate>().ok()).map(
                            |date| Published {
                                date,
                                inferred: r.get(9).unwrap_or(false),
                            },
                        ),
                        text: r.get(10)?,
                        meta: serde_json::from_str::<BTreeMap<String, serde_json::Value>>(&meta)
                            .unwrap_or_default(),
                    },
                    copy_group: ArticleId::from_stored(r.get::<_, String>(12)?),
                    original: ArticleId::from_stored(r.get::<_, String>(13)?),
                    group_size: r.get::<_, i64>(14)?.max(1) as usize,
                    ingested_at: r.get(15)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        match found.len() {
            0 => Ok(None),
            1 => Ok(found.into_iter().next()),
            _ => Err(StoreError::Ambiguous(id_or_prefix.to_owned())),
        }
    }

    fn copies(&self, group: &ArticleId) -> Result<Vec<ArticleRow>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ROW_COLUMNS} FROM articles a JOIN copy_groups g ON g.id = a.copy_group \
             WHERE a.copy_group = ?1 ORDER BY a.id = g.original DESC, a.published IS NULL, \
             a.published, a.rowid"
        ))?;
        let rows = stmt.query_map(params![group.as_str()], article_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }
}

#[cfg(test)]
mod tests;
