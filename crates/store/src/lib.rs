//! Storage of articles, their copy groups, and what was found in them.
//!
//! [`Store`] is the boundary every backend implements; [`SqliteStore`] is the embedded default
//! (a PostgreSQL backend is to follow behind the same trait). The store owns all SQL, the schema
//! and its migrations, and the placing of each new article among copies of its story: it looks
//! up candidates by LSH band key and asks the caller's judge whether each is a copy, so the
//! similarity rules stay in the `dedup` crate. It keeps each article's annotations, claims and
//! events with the version of the rules that made them, streams claims and events back in the
//! order reconciliation and the exports need, and searches the full text (SQLite FTS5). It never
//! reads inputs, parses text or decides what a claim means.

mod sqlite;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use model::{
    Article, ArticleFacts, ArticleId, ClaimRow, CopyFingerprint, EventRow, Observed, StoredArticle,
};
use serde::Serialize;

pub use model::ArticleRow;
pub use sqlite::SqliteStore;

/// Errors of a store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("database {path}: {reason}")]
    Open { path: String, reason: String },
    #[error(
        "database schema version {found} is newer than this sitrep knows ({known}); upgrade sitrep"
    )]
    SchemaTooNew { found: i64, known: i64 },
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("id prefix '{0}' matches several articles; give more characters")]
    Ambiguous(String),
    #[error("search query '{query}': {reason}")]
    Query { query: String, reason: String },
}

/// An article ready to store, with the fingerprint that places it among copies.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub article: Article,
    pub fingerprint: CopyFingerprint,
    /// Hashes of its short head and tail paragraphs as read (`ingest::clean::edge_lines`),
    /// recorded for its outlet so that furniture repeated across runs can be recognised.
    pub edge_lines: Vec<u64>,
    /// What annotation and extraction found in its text, where they ran.
    pub analysis: Option<Analysis>,
}

/// What was found in one article: its annotations, claims and events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub annotations: ArticleAnnotations,
    pub facts: ArticleFacts,
}

/// The versions of the rules that current analyses carry; an article analysed by others is
/// stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RulesVersion {
    pub annotations: u32,
    pub facts: u32,
}

/// Which claims or events to read. Dates bound a claim's `as_of` or an event's day.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    pub metric: Option<String>,
    /// Case-insensitive: the claim's or event's place, or one of an event's places.
    pub place: Option<String>,
    /// Case-insensitive part of the source's name (or of the outlet's, for claims an article
    /// makes in its own voice).
    pub source: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Events of this type only.
    pub event_type: Option<String>,
    /// Only those of this article.
    pub article: Option<ArticleId>,
    pub limit: Option<usize>,
}

/// The order claims are read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ClaimOrder {
    /// By as_of, then article and position.
    #[default]
    Date,
    /// By metric, group, side, place, then as_of: each figure's claims together.
    Key,
}

/// A full-text search result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    #[serde(flatten)]
    pub article: ArticleRow,
    /// BM25 rank (lower is better).
    pub rank: f64,
    /// The best matching passage, with matches between `[` and `]`.
    pub snippet: String,
}

/// The stored annotations of one article. The store keeps the records as given (JSON arrays in
/// the shape `sitrep extract` prints) and indexes the entity names; it never interprets text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ArticleAnnotations {
    /// Version of the annotation rules that produced them.
    pub version: u32,
    /// JSON array of time expressions.
    pub times: String,
    /// JSON array of entity mentions.
    pub entities: String,
    /// Each distinct entity named, with its mention count.
    pub names: Vec<EntityName>,
}

/// A distinct entity an article names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityName {
    /// "person", "org", "group" or "place".
    pub kind: String,
    /// Canonical name.
    pub name: String,
    pub mentions: usize,
    pub geonameid: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
}

/// Decides whether two fingerprints are copies of one story.
pub type CopyJudgeFn<'a> = &'a dyn Fn(&CopyFingerprint, &CopyFingerprint) -> bool;

/// What storing a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BatchOutcome {
    /// Articles not stored before.
    pub new: usize,
    /// Articles already stored (same id): left unchanged.
    pub existing: usize,
    /// New articles that joined the copy group of an earlier article.
    pub copies: usize,
}

impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, o: Self) {
        self.new += o.new;
        self.existing += o.existing;
        self.copies += o.copies;
    }
}

/// Which articles to list.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Case-insensitive part of the outlet's name.
    pub outlet: Option<String>,
    /// List copies too, not only each story's original.
    pub include_copies: bool,
    pub limit: Option<usize>,
}

/// A storage backend.
pub trait Store {
    /// Stores a batch in one transaction: all of it or none. Articles already stored are left
    /// unchanged; each new one joins the copy group of any stored article `judge` calls a copy.
    fn ingest(
        &mut self,
        batch: &[NewArticle],
        judge: CopyJudgeFn<'_>,
    ) -> Result<BatchOutcome, StoreError>;

    /// Lists articles, newest first.
    fn articles(&self, filter: &ArticleFilter) -> Result<Vec<ArticleRow>, StoreError>;

    /// One article by id or unique id prefix.
    fn article(&self, id_or_prefix: &str) -> Result<Option<StoredArticle>, StoreError>;

    /// The members of a copy group, original first.
    fn copies(&self, group: &ArticleId) -> Result<Vec<ArticleRow>, StoreError>;

    /// Number of stored articles.
    fn count(&self) -> Result<usize, StoreError>;

    /// Which of `ids` are stored.
    fn stored_ids(&self, ids: &[ArticleId]) -> Result<HashSet<ArticleId>, StoreError>;

    /// The stored annotations of an article (by full id), if it was annotated.
    fn annotations(&self, id: &ArticleId) -> Result<Option<ArticleAnnotations>, StoreError>;

    /// Up to `limit` articles whose annotations, claims or events are missing or were made by
    /// other versions of the rules than `current`, oldest stored first.
    fn stale(&self, current: RulesVersion, limit: usize) -> Result<Vec<StoredArticle>, StoreError>;

    /// Replaces the annotations, claims and events of stored articles, in one transaction.
    /// Unknown ids are skipped; the number of articles updated is returned.
    fn set_analysis(&mut self, batch: &[(ArticleId, Analysis)]) -> Result<usize, StoreError>;

    /// The stored claims that pass `filter`, in `order`, handed one at a time to `each` until
    /// it returns false; memory stays flat however many there are. Returns how many were read.
    fn claims(
        &self,
        filter: &FactFilter,
        order: ClaimOrder,
        each: &mut dyn FnMut(Observed<ClaimRow>) -> bool,
    ) -> Result<usize, StoreError>;

    /// The stored events that pass `filter`, by day (undated last), streamed as
    /// [`Store::claims`].
    fn events(
        &self,
        filter: &FactFilter,
        each: &mut dyn FnMut(Observed<EventRow>) -> bool,
    ) -> Result<usize, StoreError>;

    /// Articles as [`Store::articles`] lists them, streamed, oldest first, each with its
    /// numbers of claims and events.
    fn each_article(
        &self,
        filter: &ArticleFilter,
        each: &mut dyn FnMut(ArticleRow, usize, usize) -> bool,
    ) -> Result<usize, StoreError>;

    /// Brings the full-text index up to date with the stored articles (done before searching,
    /// not at ingest, which it would slow by a quarter); returns how many articles it added.
    fn index_for_search(&mut self) -> Result<usize, StoreError>;

    /// Articles whose title or text match `query` (FTS5 syntax; plain words are ANDed),
    /// best first, with a snippet of each. Only articles indexed by
    /// [`Store::index_for_search`] are found.
    fn search(&self, query: &str, filter: &ArticleFilter) -> Result<Vec<SearchHit>, StoreError>;

    /// For each of `lines` (edge-paragraph hashes), up to `per_line` stored articles of
    /// `outlet` that had it.
    fn line_witnesses(
        &self,
        outlet: &str,
        lines: &[u64],
        per_line: usize,
    ) -> Result<HashMap<u64, Vec<ArticleId>>, StoreError>;
}
