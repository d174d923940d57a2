//! Claims and events of stored articles: writing them with the version of the rules, reading
//! them back as streams, and full-text search over articles.

use chrono::NaiveDate;
use model::{ArticleFacts, ArticleId, ArticleRef, ClaimRow, EventRow, GeoPoint, Observed, Span};
use rusqlite::{Connection, Row, Transaction, params, params_from_iter, types::Value};

use crate::{ArticleFilter, ClaimOrder, FactFilter, SearchHit, StoreError};

/// Writes an article's claims and events (`replace`: in place of those stored before), and
/// records the rules version that made them.
pub(super) fn store_facts(
    tx: &Transaction<'_>,
    article: i64,
    facts: &ArticleFacts,
    replace: bool,
) -> Result<(), StoreError> {
    if replace {
        tx.prepare_cached("DELETE FROM claims WHERE article = ?1")?
            .execute(params![article])?;
        tx.prepare_cached("DELETE FROM events WHERE article = ?1")?
            .execute(params![article])?;
    }
    tx.prepare_cached("INSERT OR REPLACE INTO extractions (article, version) VALUES (?1, ?2)")?
        .execute(params![article, facts.version])?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO claims (article, seq, metric, value, value_kind, value_max, unit, grp, side, \
         place, geonameid, lat, lon, country, geo_level, as_of, source, hedged, sentence, start, \
         \"end\", text, rule, place_key, scope) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, \
         ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    )?;
    for (seq, c) in facts.claims.iter().enumerate() {
        let g = c.geo.as_ref();
        ins.execute(params![
            article,
            seq as i64,
            c.metric,
            c.value,
            c.value_kind,
            c.value_max,
            c.unit,
            c.group,
            c.side,
            c.place,
            g.and_then(|g| g.geonameid),
            g.map(|g| g.lat),
            g.map(|g| g.lon),
            g.and_then(|g| g.country.clone()),
            g.and_then(|g| g.level.clone()),
            c.as_of.map(|d| d.to_string()),
            c.source,
            c.hedged,
            c.span.sentence,
            c.span.start as i64,
            c.span.end as i64,
            c.span.text,
            c.rule,
            c.place_key(),
            c.scope,
        ])?;
    }
    let mut ins = tx.prepare_cached(
        "INSERT INTO events (article, seq, kind, date, date_end, day, place, geonameid, lat, lon, \
         country, geo_level, status, source, hedged, acled_event_type, acled_sub_event_type, \
         cameo, plover, places, actors, attributes, sentence, start, \"end\", text, rule) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, \
         ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27)",
    )?;
    for (seq, e) in facts.events.iter().enumerate() {
        let g = e.geo.as_ref();
        ins.execute(params![
            article,
            seq as i64,
            e.kind,
            e.date,
            e.date_end,
            e.day().map(|d| d.to_string()),
            e.place,
            g.and_then(|g| g.geonameid),
            g.map(|g| g.lat),
            g.map(|g| g.lon),
            g.and_then(|g| g.country.clone()),
            g.and_then(|g| g.level.clone()),
            e.status,
            e.source,
            e.hedged,
            e.acled_event_type,
            e.acled_sub_event_type,
            e.cameo,
            e.plover,
            json(&e.places)?,
            json(&e.actors)?,
            json(&e.attributes)?,
            e.span.sentence,
            e.span.start as i64,
            e.span.end as i64,
            e.span.text,
            e.rule,
        ])?;
    }
    Ok(())
}

/// A JSON column: serialising plain records cannot fail, but a failure is reported, not hidden.
fn json<T: serde::Serialize>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Columns of the article a claim or event comes from, over `articles a`.
const REF_COLUMNS: &str = "a.id, a.copy_group, a.outlet, a.title, a.url, a.published";

fn article_ref(r: &Row<'_>) -> rusqlite::Result<ArticleRef> {
    Ok(ArticleRef {
        id: ArticleId::from_stored(r.get::<_, String>(0)?),
        copy_group: ArticleId::from_stored(r.get::<_, String>(1)?),
        outlet: r.get(2)?,
        title: r.get(3)?,
        url: r.get(4)?,
        published: date(r.get(5)?),
    })
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|d| d.parse().ok())
}

/// The geocode in columns `at..at + 5` (geonameid, lat, lon, country, level).
fn geo(r: &Row<'_>, at: usize) -> rusqlite::Result<Option<GeoPoint>> {
    let (lat, lon): (Option<f64>, Option<f64>) = (r.get(at + 1)?, r.get(at + 2)?);
    Ok(match (lat, lon) {
        (Some(lat), Some(lon)) => Some(GeoPoint {
            geonameid: r.get(at)?,
            lat,
            lon,
            country: r.get(at + 3)?,
            level: r.get(at + 4)?,
        }),
        _ => None,
    })
}

/// The span in columns `at..at + 4` (sentence, start, end, text).
fn span(r: &Row<'_>, at: usize) -> rusqlite::Result<Span> {
    Ok(Span {
        sentence: r.get(at)?,
        start: r.get::<_, i64>(at + 1)?.max(0) as usize,
        end: r.get::<_, i64>(at + 2)?.max(0) as usize,
        text: r.get(at + 3)?,
    })
}

/// A LIKE pattern for "contains `s`", case-insensitive, with wildcards escaped.
fn contains(s: &str) -> String {
    format!(
        "%{}%",
        s.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// Builds a WHERE clause and its arguments.
#[derive(Default)]
struct Where {
    sql: String,
    args: Vec<Value>,
}

impl Where {
    /// Adds `clause`, whose `?` placeholders take `args` in order.
    fn and(&mut self, clause: &str, args: impl IntoIterator<Item = Value>) {
        let mut out = String::new();
        let mut args = args.into_iter();
        for ch in clause.chars() {
            if ch == '?' {
                if let Some(a) = args.next() {
                    self.args.push(a);
                }
                out.push_str(&format!("?{}", self.args.len()));
            } else {
                out.push(ch);
            }
        }
        self.sql.push_str(" AND ");
        self.sql.push_str(&out);
    }
}

/// The filters claims and events share: the source (or the outlet of what an article says in
/// its own voice) of table `t`, and a date range on column `day`.
fn source_and_dates(w: &mut Where, f: &FactFilter, t: &str, day: &str) {
    if let Some(s) = &f.source {
        let pat = contains(s);
        w.and(
            &format!(
                "({t}.source LIKE ? ESCAPE '\\' OR ({t}.source IS NULL AND a.outlet LIKE ? ESCAPE '\\'))"
            ),
            [text(&pat), text(&pat)],
        );
    }
    if let Some(d) = f.since {
        w.and(&format!("{day} >= ?"), [text(&d.to_string())]);
    }
    if let Some(d) = f.until {
        w.and(&format!("{day} <= ?"), [text(&d.to_string())]);
    }
    if let Some(id) = &f.article {
        w.and("a.id = ?", [text(id.as_str())]);
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

const CLAIM_COLUMNS: &str = "c.seq, c.metric, c.value, c.value_kind, c.value_max, c.unit, \
     c.grp, c.side, c.place, c.geonameid, c.lat, c.lon, c.country, c.geo_level, c.as_of, \
     c.source, c.hedged, c.sentence, c.start, c.\"end\", c.text, c.rule, c.scope";

fn claim_row(r: &Row<'_>) -> rusqlite::Result<Observed<ClaimRow>> {
    let article = article_ref(r)?;
    let at = 6;
    Ok(Observed {
        article,
        seq: r.get::<_, i64>(at)?.max(0) as usize,
        item: ClaimRow {
            metric: r.get(at + 1)?,
            value: r.get(at + 2)?,
            value_kind: r.get(at + 3)?,
            value_max: r.get(at + 4)?,
            unit: r.get(at + 5)?,
            group: r.get(at + 6)?,
            side: r.get(at + 7)?,
            place: r.get(at + 8)?,
            scope: r.get(at + 22)?,
            geo: geo(r, at + 9)?,
            as_of: date(r.get(at + 14)?),
            source: r.get(at + 15)?,
            hedged: r.get(at + 16)?,
            span: span(r, at + 17)?,
            rule: r.get(at + 21)?,
        },
    })
}

pub(super) fn claims(
    conn: &Connection,
    f: &FactFilter,
    order: ClaimOrder,
    each: &mut dyn FnMut(Observed<ClaimRow>) -> bool,
) -> Result<usize, StoreError> {
    let mut w = Where::default();
    if let Some(m) = &f.metric {
        w.and("c.metric = ?", [text(m)]);
    }
    if let Some(p) = &f.place {
        w.and("c.place = ? COLLATE NOCASE", [text(p)]);
    }
    source_and_dates(&mut w, f, "c", "c.as_of");
    let order = match order {
        ClaimOrder::Date => "c.as_of IS NULL, c.as_of, a.num, c.seq",
        ClaimOrder::Key => "c.metric, c.grp, c.side, c.place_key, c.as_of, a.num, c.seq",
    };
    let mut sql = format!(
        "SELECT {REF_COLUMNS}, {CLAIM_COLUMNS} FROM claims c JOIN articles a ON a.num = c.article \
         WHERE 1=1{} ORDER BY {order}",
        w.sql
    );
    if let Some(n) = f.limit {
        sql.push_str(&format!(" LIMIT {n}"));
    }
    stream(conn, &sql, &w.args, claim_row, each)
}

const EVENT_COLUMNS: &str = "e.seq, e.kind, e.date, e.date_end, e.place, e.geonameid, e.lat, \
     e.lon, e.country, e.geo_level, e.status, e.source, e.hedged, e.acled_event_type, \
     e.acled_sub_event_type, e.cameo, e.plover, e.places, e.actors, e.attributes, e.sentence, \
     e.start, e.\"end\", e.text, e.rule";

fn event_row(r: &Row<'_>) -> rusqlite::Result<Observed<EventRow>> {
    let article = article_ref(r)?;
    let at = 6;
    let json_col = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let corrupt = |i: usize, e: serde_json::Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    Ok(Observed {
        article,
        seq: r.get::<_, i64>(at)?.max(0) as usize,
        item: EventRow {
            kind: r.get(at + 1)?,
            date: r.get(at + 2)?,
            date_end: r.get(at + 3)?,
            place: r.get(at + 4)?,
            geo: geo(r, at + 5)?,
            status: r.get(at + 10)?,
            source: r.get(at + 11)?,
            hedged: r.get(at + 12)?,
            acled_event_type: r.get(at + 13)?,
            acled_sub_event_type: r.get(at + 14)?,
            cameo: r.get(at + 15)?,
            plover: r.get(at + 16)?,
            places: serde_json::from_str(&json_col(at + 17)?).map_err(|e| corrupt(at + 17, e))?,
            actors: serde_json::from_str(&json_col(at + 18)?).map_err(|e| corrupt(at + 18, e))?,
            attributes: serde_json::from_str(&json_col(at + 19)?)
                .map_err(|e| corrupt(at + 19, e))?,
            span: span(r, at + 20)?,
            rule: r.get(at + 24)?,
        },
    })
}

pub(super) fn events(
    conn: &Connection,
    f: &FactFilter,
    each: &mut dyn FnMut(Observed<EventRow>) -> bool,
) -> Result<usize, StoreError> {
    let mut w = Where::default();
    if let Some(t) = &f.event_type {
        w.and("e.kind = ?", [text(t)]);
    }
    if let Some(p) = &f.place {
        w.and(
            "(e.place = ? COLLATE NOCASE OR EXISTS (SELECT 1 FROM json_each(e.places) j \
             WHERE json_extract(j.value, '$.name') = ? COLLATE NOCASE))",
            [text(p), text(p)],
        );
    }
    source_and_dates(&mut w, f, "e", "e.day");
    let mut sql = format!(
        "SELECT {REF_COLUMNS}, {EVENT_COLUMNS} FROM events e JOIN articles a ON a.num = e.article \
         WHERE 1=1{} ORDER BY e.day IS NULL, e.day, a.num, e.seq",
        w.sql
    );
    if let Some(n) = f.limit {
        sql.push_str(&format!(" LIMIT {n}"));
    }
    stream(conn, &sql, &w.args, event_row, each)
}

/// Runs `sql` and hands each row to `each` until it returns false.
fn stream<T>(
    conn: &Connection,
    sql: &str,
    args: &[Value],
    row: fn(&Row<'_>) -> rusqlite::Result<T>,
    each: &mut dyn FnMut(T) -> bool,
) -> Result<usize, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        n += 1;
        if !each(row(r)?) {
            break;
        }
    }
    Ok(n)
}

/// The WHERE clause of an article filter, over `articles a JOIN copy_groups g`.
pub(super) fn article_where(f: &ArticleFilter) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if !f.include_copies {
        w.and("g.original = a.id", []);
    }
    if let Some(d) = f.since {
        w.and("a.published >= ?", [text(&d.to_string())]);
    }
    if let Some(d) = f.until {
        w.and("a.published <= ?", [text(&d.to_string())]);
    }
    if let Some(o) = &f.outlet {
        w.and("a.outlet LIKE ? ESCAPE '\\'", [text(&contains(o))]);
    }
    (w.sql, w.args)
}

pub(super) fn each_article(
    conn: &Connection,
    f: &ArticleFilter,
    each: &mut dyn FnMut(crate::ArticleRow, usize, usize) -> bool,
) -> Result<usize, StoreError> {
    let (clause, args) = article_where(f);
    let mut sql = format!(
        "SELECT {}, (SELECT COUNT(*) FROM claims c WHERE c.article = a.num), \
         (SELECT COUNT(*) FROM events e WHERE e.article = a.num) \
         FROM articles a JOIN copy_groups g ON g.id = a.copy_group WHERE 1=1{clause} \
         ORDER BY a.published IS NULL, a.published, a.num",
        super::ROW_COLUMNS
    );
    if let Some(n) = f.limit {
        sql.push_str(&format!(" LIMIT {n}"));
    }
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(args.iter()))?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        n += 1;
        let claims: i64 = r.get(10)?;
        let events: i64 = r.get(11)?;
        if !each(
            super::article_row(r)?,
            claims.max(0) as usize,
            events.max(0) as usize,
        ) {
            break;
        }
    }
    Ok(n)
}

pub(super) fn search(
    conn: &Connection,
    query: &str,
    f: &ArticleFilter,
) -> Result<Vec<SearchHit>, StoreError> {
    let (clause, mut args) = article_where(f);
    // The query is the first argument; the filter's placeholders are renumbered after it.
    let clause = renumber(&clause, 1);
    args.insert(0, text(&fts_query(query)));
    let mut sql = format!(
        "SELECT {}, bm25(articles_fts, 4.0, 1.0) AS rank, \
         snippet(articles_fts, 1, '[', ']', ' … ', 24) \
         FROM articles_fts JOIN articles a ON a.num = articles_fts.rowid \
         JOIN copy_groups g ON g.id = a.copy_group \
         WHERE articles_fts MATCH ?1{clause} ORDER BY rank",
        super::ROW_COLUMNS
    );
    sql.push_str(&format!(" LIMIT {}", f.limit.unwrap_or(20)));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
        Ok(SearchHit {
            article: super::article_row(r)?,
            rank: r.get(10)?,
            snippet: r.get(11)?,
        })
    });
    let collected = rows.and_then(|rows| rows.collect::<Result<Vec<_>, _>>());
    collected.map_err(|e| match e {
        // The statement is fixed, so a plain SQL error (not busy, not I/O) is the query's syntax.
        rusqlite::Error::SqliteFailure(code, Some(msg))
            if code.code == rusqlite::ErrorCode::Unknown =>
        {
            StoreError::Query {
                query: query.to_owned(),
                reason: msg,
            }
        }
        e => StoreError::Sqlite(e),
    })
}

/// Shifts the numbered placeholders of `clause` by `by`.
fn renumber(clause: &str, by: usize) -> String {
    let mut out = String::with_capacity(clause.len());
    let mut chars = clause.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '?' {
            let mut digits = String::new();
            while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                digits.push(d);
                chars.next();
            }
            let n: usize = digits.parse().unwrap_or(0);
            out.push_str(&(n + by).to_string());
        }
    }
    out
}

/// A user's query in FTS5 syntax: kept as given when it uses FTS5 operators or quotes;
/// otherwise each word is quoted (so that "Zaporizhzhia-bound" or "U.N." cannot be a syntax
/// error) and the words are ANDed.
fn fts_query(q: &str) -> String {
    let operators = q.contains('"')
        || q.split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT" | "NEAR") || w.ends_with('*'));
    if operators {
        return q.to_owned();
    }
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_queries_are_quoted_and_operators_kept() {
        assert_eq!(fts_query("Mariupol corridor"), "\"Mariupol\" \"corridor\"");
        assert_eq!(fts_query("U.N. \"x"), "U.N. \"x");
        assert_eq!(fts_query("talks OR ceasefire"), "talks OR ceasefire");
        assert_eq!(fts_query("evacu*"), "evacu*");
    }

    #[test]
    fn placeholders_shift() {
        assert_eq!(
            renumber(" AND a.x >= ?1 AND b = ?12", 1),
            " AND a.x >= ?2 AND b = ?13"
        );
    }
}
