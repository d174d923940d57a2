//! Command-line definitions (clap).

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// sitrep reads news reports about wars and disasters and keeps track of who claims what,
/// about where, as of when.
///
/// Inputs are plain text, HTML pages, RSS/Atom feeds, JSON Lines and WARC files (optionally
/// gzipped), folders of them (read recursively), `-` for standard input, or http(s) URLs.
/// Articles are stored in an embedded SQLite database.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, propagate_version = true)]
pub struct Cli {
    /// Database file [default: $SITREP_DB, else ./sitrep.db]
    #[arg(long, global = true, env = "SITREP_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles into the database, grouping copies of one story.
    ///
    /// Prints a progress bar on a terminal, then one summary line: articles read, new, copies of
    /// stories already stored, failed inputs. Each failed input gets one line on standard error.
    /// Ingesting the same input again changes nothing. Exit status 1 if any input failed.
    Ingest {
        /// Files, folders, `-` (standard input) or http(s) URLs.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<String>,
        #[command(flatten)]
        read: ReadArgs,
        /// Articles stored per transaction.
        #[arg(long, default_value_t = sitrep::pipeline::DEFAULT_BATCH, value_name = "N")]
        batch: usize,
    },
    /// List stored stories: date, outlet, title, number of copies, id.
    ///
    /// One line per story (its original) unless --all is given. Dates marked `~` were inferred
    /// from the text.
    Articles {
        /// Only articles published on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<NaiveDate>,
        /// Only articles published on or before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        until: Option<NaiveDate>,
        /// Only outlets whose name contains this text (case-insensitive).
        #[arg(long, value_name = "NAME")]
        outlet: Option<String>,
        /// List copies too, each marked with the story it copies.
        #[arg(long)]
        all: bool,
        /// At most this many lines.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// One JSON object per line instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one article: metadata, clean text and its copies.
    Show {
        /// The article's id, or a unique prefix of it.
        id: String,
        /// As one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Print one JSON object per article read from the inputs, without a database.
    ///
    /// Fields follow the extract contract: id, path, url, title, outlet, published,
    /// published_inferred, text, times, entities, claims, events. Exit status 1 if any input
    /// failed.
    Extract {
        /// Files, folders, `-` (standard input) or http(s) URLs.
        #[arg(required = true, value_name = "INPUT")]
        inputs: Vec<String>,
        #[command(flatten)]
        read: ReadArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
        /// With each claim and event, an `explain` list: for each field, the words that
        /// filled it and the rule that read them.
        #[arg(long)]
        explain: bool,
    },
    /// Annotate again the stored articles whose annotations are missing or were made by an
    /// older version of the rules. Prints how many articles were annotated.
    Reindex,
    /// Measure parts of the pipeline on benchmark data.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Main-text extraction: token precision, recall and F1 against `articleBody`, on a folder
    /// laid out as the article-extraction benchmark (ground-truth.json, html/<id>.html.gz).
    Html {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Copy detection: pair precision and recall on a folder of articles with labels.json
    /// ({"groups": [[file, ...], ...], "singletons": [...]}).
    Copies {
        dir: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Numbers: share of values right on Recognizers-Text number cases (a folder of
    /// `*Model.json` files, or one file).
    Numbers {
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Time expressions: strict and relaxed span F1 and value accuracy on TimeML files (a
    /// folder of `.tml`), or on Recognizers-Text date/time cases (`.json`).
    Times {
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Places: toponym recognition P/R/F1 and share resolved within 161 km on a geoparsing
    /// corpus in the LGL XML format.
    Places {
        path: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Claims: the claims `sitrep extract` prints for each article a gold file names, scored
    /// as shared/tools/score_claims.py scores them: matched, spurious and missed claims,
    /// precision, recall and F1 by metric and overall, accuracy of each attribute over matched
    /// claims.
    ///
    /// GOLD has one JSON object per line: {"file": "x.txt", "published": "YYYY-MM-DD",
    /// "claims": [...]}, the file found in DIR and read as `sitrep extract --published DATE`
    /// reads it. A gold line or an article that cannot be read gets one line on standard error
    /// (an unread article's claims count as missed); exit status 1 then.
    Claims {
        gold: PathBuf,
        dir: PathBuf,
        #[arg(long)]
        json: bool,
        /// List every missed, spurious and attribute-mismatched claim with its sentence (also
        /// with SITREP_EVAL_MISSES=1).
        #[arg(long)]
        details: bool,
    },
    /// Events: the events `sitrep extract` prints for each article a gold file names, matched
    /// by type and evidence (else type, date and place): precision, recall and F1 by type and
    /// overall, accuracy of date, place, status and actors over matched events.
    ///
    /// GOLD has one JSON object per line: {"file": "x.txt", "published": "YYYY-MM-DD",
    /// "events": [{"type", "date", "place", "status", "actors": [{"name", "role", "aliases"}],
    /// "attributes", "evidence"}]}, the file found in DIR. Failures as for `eval claims`.
    Events {
        gold: PathBuf,
        dir: PathBuf,
        #[arg(long)]
        json: bool,
        /// List every missed and spurious event and attribute mismatch (also with
        /// SITREP_EVAL_MISSES=1).
        #[arg(long)]
        details: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per line.
    Jsonl,
    /// One indented JSON object per article.
    Json,
}

/// Options of reading inputs, shared by `ingest` and `extract`.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Publication date for inputs that carry none (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub published: Option<NaiveDate>,
    /// For feeds: fetch the page each item links to and read it instead of the feed's text.
    #[arg(long)]
    pub follow: bool,
    /// Largest document read, in bytes (a page, a text file, a feed, one record).
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Seconds to wait for a server to connect, and to answer, when fetching URLs.
    #[arg(long, default_value_t = 20, value_name = "SECONDS")]
    pub timeout: u64,
}

impl ReadArgs {
    pub fn options(&self) -> ingest::ReadOptions {
        let secs = std::time::Duration::from_secs(self.timeout.max(1));
        ingest::ReadOptions {
            max_bytes: self.max_bytes,
            max_container_bytes: self.max_bytes.saturating_mul(64),
            default_published: self.published,
            follow: self.follow,
            fetch: ingest::FetchOptions {
                connect_timeout: secs,
                read_timeout: secs,
                total_timeout: secs * 3,
                max_redirects: 5,
                max_bytes: self.max_bytes,
            },
        }
    }
}
