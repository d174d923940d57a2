//! The embedded SQLite backend: WAL journal, one transaction per batch, schema migrations
//! tracked in `PRAGMA user_version`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use model::{Article, ArticleId, CopyFingerprint, InputFormat, Published, StoredArticle};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params, params_from_iter};

use crate::{
    Analysis, ArticleAnnotations, ArticleFilter, ArticleRow, BatchOutcome, ClaimOrder, CopyJudgeFn,
    EntityName, FactFilter, NewArticle, RulesVersion, SearchHit, Store, StoreError,
};

mod facts;

/// Migrations in order; the schema version is the number applied.
const MIGRATIONS: &[&str] = &[
    include_str!("schema.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
    include_str!("schema_v4.sql"),
    include_str!("schema_v5.sql"),
];

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
             PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY; \
             PRAGMA wal_autocheckpoint = 8192;",
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
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
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
    // Groups (by number) this article is a copy of: exact copies first, then LSH candidates
    // that the judge confirms.
    let mut groups: BTreeSet<i64> = BTreeSet::new();
    if let Some(g) = tx
        .prepare_cached(
            "SELECT g.num FROM articles a JOIN copy_groups g ON g.id = a.copy_group \
             WHERE a.content_hash = ?1 LIMIT 1",
        )?
        .query_row(params![fp.content_hash], |r| r.get::<_, i64>(0))
        .optional()?
    {
        groups.insert(g);
    }
    let keys: Vec<i64> = fp.band_keys().map(|k| k as i64).collect();
    if !keys.is_empty() && groups.is_empty() {
        // Members that brought a shared key, most shared keys first: the likeliest copy is
        // judged first, and once a group matches its other members are not read at all.
        let sql = format!(
            "SELECT grp, article, COUNT(*) AS shared FROM copy_bands WHERE key IN ({}) \
             GROUP BY grp, article ORDER BY shared DESC LIMIT {MAX_CANDIDATES}",
            vec!["?"; keys.len()].join(",")
        );
        let candidates: Vec<(i64, i64)> = tx
            .prepare_cached(&sql)?
            .query_map(params_from_iter(keys.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        let mut signatures =
            tx.prepare_cached("SELECT content_hash, signatures FROM articles WHERE num = ?1")?;
        for (group, article) in candidates {
            let group = live_group(tx, group)?;
            if groups.contains(&group) {
                continue;
            }
            let (hash, bytes): (String, Vec<u8>) =
                signatures.query_row(params![article], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let other = CopyFingerprint::decode_signatures(hash, &bytes)
                .ok_or_else(|| StoreError::Corrupt(format!("signatures of article #{article}")))?;
            if judge(fp, &other) {
                groups.insert(group);
            }
        }
    }
    let meta = serde_json::to_string(&a.meta).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let text_chars = a.text.chars().count() as i64;
    // The oldest group absorbs the others: grouping is transitive.
    let group_num = match groups.first() {
        Some(&keep) => {
            for &g in groups.iter().skip(1) {
                merge_group(tx, g, keep)?;
            }
            keep
        }
        None => {
            tx.prepare_cached("INSERT INTO copy_groups (id, original, size) VALUES (?1, ?1, 0)")?
                .execute(params![a.id.as_str()])?;
            tx.last_insert_rowid()
        }
    };
    let (group_id, orig_published, orig_chars): (String, Option<String>, Option<i64>) = tx
        .prepare_cached(
            "SELECT g.id, a.published, a.text_chars FROM copy_groups g \
             LEFT JOIN articles a ON a.id = g.original WHERE g.num = ?1",
        )?
        .query_row(params![group_num], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
    tx.prepare_cached(
        "INSERT INTO articles (id, content_hash, copy_group, signatures, published, \
         published_inferred, text_chars, path, format, url, title, outlet, byline, language, \
         ingested_at, meta, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, \
         ?13, ?14, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?15, ?16)",
    )?
    .execute(params![
        a.id.as_str(),
        fp.content_hash,
        group_id,
        fp.encode_signatures(),
        a.published.map(|p| p.date.to_string()),
        a.published.is_some_and(|p| p.inferred),
        text_chars,
        a.path,
        a.format.as_str(),
        a.url,
        a.title,
        a.outlet,
        a.byline,
        a.language,
        meta,
        a.text,
    ])?;
    let article_num = tx.last_insert_rowid();
    if let Some(analysis) = &item.analysis {
        store_analysis(tx, article_num, analysis, false)?;
    }
    if let Some(outlet) = &a.outlet {
        let mut ins = tx.prepare_cached(
            "INSERT OR IGNORE INTO outlet_lines (outlet, line, article) VALUES (?1, ?2, ?3)",
        )?;
        for &line in &item.edge_lines {
            ins.execute(params![outlet, line as i64, a.id.as_str()])?;
        }
    }
    {
        // Keys the group already has stay with the member that brought them.
        let mut ins = tx.prepare_cached(
            "INSERT OR IGNORE INTO copy_bands (key, grp, article) VALUES (?1, ?2, ?3)",
        )?;
        for k in &keys {
            ins.execute(params![k, group_num, article_num])?;
        }
    }
    // The original is the earliest published member (undated ones last); among those of one
    // day, the fullest text (copies trim credits and paragraphs), then the first stored. A new
    // member is compared with the current original only, so the cost stays flat.
    let new_published = a.published.map(|p| p.date.to_string());
    let is_original = match (orig_chars, &new_published, &orig_published) {
        (None, _, _) => true, // a new group
        (Some(_), Some(n), Some(o)) if n != o => n < o,
        (Some(_), Some(_), None) => true,
        (Some(_), None, Some(_)) => false,
        (Some(chars), _, _) => text_chars > chars,
    };
    tx.prepare_cached(
        "UPDATE copy_groups SET size = size + 1, \
         original = CASE WHEN ?2 THEN ?3 ELSE original END WHERE num = ?1",
    )?
    .execute(params![group_num, is_original, a.id.as_str()])?;
    Ok(if groups.is_empty() {
        Placed::New
    } else {
        Placed::Copy
    })
}

/// Writes an article's annotations, claims and events; `replace` when some were stored before.
fn store_analysis(
    tx: &Transaction<'_>,
    article: i64,
    a: &Analysis,
    replace: bool,
) -> Result<(), StoreError> {
    store_annotations(tx, article, &a.annotations, replace)?;
    facts::store_facts(tx, article, &a.facts, replace)
}

/// Writes an article's annotations and its entity index rows (`replace`: in place of those
/// stored before).
fn store_annotations(
    tx: &Transaction<'_>,
    article: i64,
    ann: &ArticleAnnotations,
    replace: bool,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO annotations (article, version, times, entities) \
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![article, ann.version, ann.times, ann.entities])?;
    if replace {
        tx.prepare_cached("DELETE FROM entity_mentions WHERE article = ?1")?
            .execute(params![article])?;
    }
    let mut ins = tx.prepare_cached(
        "INSERT OR REPLACE INTO entity_mentions \
         (article, kind, name, mentions, geonameid, lat, lon, country) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for n in &ann.names {
        ins.execute(params![
            article,
            n.kind,
            n.name,
            n.mentions as i64,
            n.geonameid,
            n.lat,
            n.lon,
            n.country
        ])?;
    }
    Ok(())
}

/// Columns read by [`stored_article`], over `articles a JOIN copy_groups g`.
const STORED_COLUMNS: &str = "a.id, a.path, a.format, a.url, a.title, a.outlet, a.byline, \
     a.language, a.published, a.published_inferred, a.text, a.meta, a.copy_group, g.original, \
     g.size, a.ingested_at";

fn stored_article(r: &Row<'_>) -> rusqlite::Result<StoredArticle> {
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
            published: published
                .and_then(|d| d.parse::<NaiveDate>().ok())
                .map(|date| Published {
                    date,
                    inferred: r.get(9).unwrap_or(false),
                }),
            text: r.get(10)?,
            meta: serde_json::from_str::<BTreeMap<String, serde_json::Value>>(&meta)
                .unwrap_or_default(),
        },
        copy_group: ArticleId::from_stored(r.get::<_, String>(12)?),
        original: ArticleId::from_stored(r.get::<_, String>(13)?),
        group_size: r.get::<_, i64>(14)?.max(1) as usize,
        ingested_at: r.get(15)?,
    })
}

/// The group a band row's group number stands for now, following merges.
fn live_group(tx: &Transaction<'_>, mut group: i64) -> Result<i64, StoreError> {
    let mut stmt = tx.prepare_cached("SELECT merged_into FROM copy_groups WHERE num = ?1")?;
    // Chains are short (one link per merge); the bound guards against a corrupt cycle.
    for _ in 0..64 {
        match stmt.query_row(params![group], |r| r.get::<_, Option<i64>>(0))? {
            Some(next) => group = next,
            None => return Ok(group),
        }
    }
    Err(StoreError::Corrupt(format!(
        "copy group #{group}: merge chain too long"
    )))
}

/// Moves every member of group `from` into group `into` (its band keys stay, and resolve
/// through `merged_into`), and chooses the merged group's original afresh.
fn merge_group(tx: &Transaction<'_>, from: i64, into: i64) -> Result<(), StoreError> {
    tx.prepare_cached(
        "UPDATE articles SET copy_group = (SELECT id FROM copy_groups WHERE num = ?2) \
         WHERE copy_group = (SELECT id FROM copy_groups WHERE num = ?1)",
    )?
    .execute(params![from, into])?;
    tx.prepare_cached("UPDATE copy_groups SET merged_into = ?2, size = 0 WHERE num = ?1")?
        .execute(params![from, into])?;
    tx.prepare_cached(
        "UPDATE copy_groups SET \
           size = (SELECT COUNT(*) FROM articles WHERE copy_group = copy_groups.id), \
           original = (SELECT id FROM articles WHERE copy_group = copy_groups.id \
                       ORDER BY published IS NULL, published, text_chars DESC, num LIMIT 1) \
         WHERE num = ?1",
    )?
    .execute(params![into])?;
    Ok(())
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
        // IMMEDIATE: take the write lock up front, so that a second writer waits (busy timeout)
        // instead of failing when its read transaction would have to become a write.
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
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
        let (clause, args) = facts::article_where(f);
        let mut sql = format!(
            "SELECT {ROW_COLUMNS} FROM articles a JOIN copy_groups g ON g.id = a.copy_group \
             WHERE 1=1{clause}"
        );
        sql.push_str(" ORDER BY a.published IS NULL, a.published DESC, a.num DESC");
        if let Some(n) = f.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), article_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn article(&self, id_or_prefix: &str) -> Result<Option<StoredArticle>, StoreError> {
        let pattern = format!("{}%", id_or_prefix.replace(['%', '_'], ""));
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {STORED_COLUMNS} FROM articles a JOIN copy_groups g ON g.id = a.copy_group \
             WHERE a.id LIKE ?1 LIMIT 2"
        ))?;
        let found: Vec<StoredArticle> = stmt
            .query_map(params![pattern], stored_article)?
            .collect::<Result<_, _>>()?;
        match found.len() {
            0 => Ok(None),
            1 => Ok(found.into_iter().next()),
            _ => Err(StoreError::Ambiguous(id_or_prefix.to_owned())),
        }
    }

    fn stale(&self, current: RulesVersion, limit: usize) -> Result<Vec<StoredArticle>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STORED_COLUMNS} FROM articles a JOIN copy_groups g ON g.id = a.copy_group \
             LEFT JOIN annotations n ON n.article = a.num \
             LEFT JOIN extractions x ON x.article = a.num \
             WHERE n.article IS NULL OR n.version != ?1 OR x.article IS NULL OR x.version != ?2 \
             ORDER BY a.num LIMIT ?3"
        ))?;
        let rows = stmt.query_map(
            params![current.annotations, current.facts, limit as i64],
            stored_article,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn claims(
        &self,
        filter: &FactFilter,
        order: ClaimOrder,
        each: &mut dyn FnMut(model::Observed<model::ClaimRow>) -> bool,
    ) -> Result<usize, StoreError> {
        facts::claims(&self.conn, filter, order, each)
    }

    fn events(
        &self,
        filter: &FactFilter,
        each: &mut dyn FnMut(model::Observed<model::EventRow>) -> bool,
    ) -> Result<usize, StoreError> {
        facts::events(&self.conn, filter, each)
    }

    fn each_article(
        &self,
        filter: &ArticleFilter,
        each: &mut dyn FnMut(ArticleRow, usize, usize) -> bool,
    ) -> Result<usize, StoreError> {
        facts::each_article(&self.conn, filter, each)
    }

    fn search(&self, query: &str, filter: &ArticleFilter) -> Result<Vec<SearchHit>, StoreError> {
        facts::search(&self.conn, query, filter)
    }

    fn index_for_search(&mut self) -> Result<usize, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let done: i64 = tx.query_row("SELECT indexed_up_to FROM search_state", [], |r| r.get(0))?;
        let added = tx.execute(
            "INSERT INTO articles_fts (rowid, title, text) \
             SELECT num, title, text FROM articles WHERE num > ?1 ORDER BY num",
            params![done],
        )?;
        tx.execute(
            "UPDATE search_state SET indexed_up_to = (SELECT IFNULL(MAX(num), 0) FROM articles)",
            [],
        )?;
        tx.commit()?;
        Ok(added)
    }

    fn set_analysis(&mut self, batch: &[(ArticleId, Analysis)]) -> Result<usize, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut updated = 0;
        for (id, ann) in batch {
            let num: Option<i64> = tx
                .prepare_cached("SELECT num FROM articles WHERE id = ?1")?
                .query_row(params![id.as_str()], |r| r.get(0))
                .optional()?;
            if let Some(num) = num {
                store_analysis(&tx, num, ann, true)?;
                updated += 1;
            }
        }
        tx.commit()?;
        Ok(updated)
    }

    fn copies(&self, group: &ArticleId) -> Result<Vec<ArticleRow>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {ROW_COLUMNS} FROM articles a JOIN copy_groups g ON g.id = a.copy_group \
             WHERE a.copy_group = ?1 ORDER BY a.id = g.original DESC, a.published IS NULL, \
             a.published, a.num"
        ))?;
        let rows = stmt.query_map(params![group.as_str()], article_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn line_witnesses(
        &self,
        outlet: &str,
        lines: &[u64],
        per_line: usize,
    ) -> Result<HashMap<u64, Vec<ArticleId>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT article FROM outlet_lines WHERE outlet = ?1 AND line = ?2 LIMIT ?3",
        )?;
        let mut out = HashMap::new();
        for &line in lines {
            let ids: Vec<ArticleId> = stmt
                .query_map(params![outlet, line as i64, per_line as i64], |r| {
                    Ok(ArticleId::from_stored(r.get::<_, String>(0)?))
                })?
                .collect::<Result<_, _>>()?;
            if !ids.is_empty() {
                out.insert(line, ids);
            }
        }
        Ok(out)
    }

    fn annotations(&self, id: &ArticleId) -> Result<Option<ArticleAnnotations>, StoreError> {
        let Some((num, version, times, entities)) = self
            .conn
            .prepare_cached(
                "SELECT n.article, n.version, n.times, n.entities FROM annotations n \
                 JOIN articles a ON a.num = n.article WHERE a.id = ?1",
            )?
            .query_row(params![id.as_str()], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .optional()?
        else {
            return Ok(None);
        };
        let names = self
            .conn
            .prepare_cached(
                "SELECT kind, name, mentions, geonameid, lat, lon, country FROM entity_mentions \
                 WHERE article = ?1 ORDER BY mentions DESC, kind, name",
            )?
            .query_map(params![num], |r| {
                Ok(EntityName {
                    kind: r.get(0)?,
                    name: r.get(1)?,
                    mentions: r.get::<_, i64>(2)?.max(0) as usize,
                    geonameid: r.get(3)?,
                    lat: r.get(4)?,
                    lon: r.get(5)?,
                    country: r.get(6)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(ArticleAnnotations {
            version,
            times,
            entities,
            names,
        }))
    }

    fn stored_ids(&self, ids: &[ArticleId]) -> Result<HashSet<ArticleId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?;
        let mut found = HashSet::new();
        for id in ids {
            if stmt.exists(params![id.as_str()])? {
                found.insert(id.clone());
            }
        }
        Ok(found)
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
