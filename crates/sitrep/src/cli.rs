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
    /// Annotate and extract again the stored articles whose annotations, claims or events are
    /// missing or were made by another version of the rules. Prints how many were redone.
    Reindex,
    /// Write the situation report: headline figures, changes, contradictions and a timeline of
    /// events, each line citing its articles.
    ///
    /// Inputs given are ingested first (as `sitrep ingest` does); the report then covers
    /// everything stored. Exit status 1 if any input failed (the report is still written).
    Brief {
        /// Files, folders, `-` or http(s) URLs to ingest first.
        #[arg(value_name = "INPUT")]
        inputs: Vec<String>,
        #[command(flatten)]
        read: ReadArgs,
        /// The report's day: nothing dated later is reported [default: the latest publication
        /// date stored].
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// Report changes after this day [default: the day before --as-of].
        #[arg(long, value_name = "DATE")]
        since: Option<NaiveDate>,
        /// Only figures and events about this place.
        #[arg(long, value_name = "NAME")]
        place: Option<String>,
        /// At most this many headline figures and contradictions, the best witnessed first
        /// (0: all).
        #[arg(long, default_value_t = 25, value_name = "N")]
        top: usize,
        #[arg(long, value_enum, default_value_t = BriefFormat::Md)]
        format: BriefFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        window: WindowArgs,
    },
    /// Claims merged across articles: each figure of each source once, with its witnesses
    /// (copies of one story count once).
    Claims {
        #[command(flatten)]
        filter: FactArgs,
        /// One JSON object per line, with every witness.
        #[arg(long)]
        json: bool,
    },
    /// Events merged across articles, by day.
    Events {
        #[command(flatten)]
        filter: FactArgs,
        #[arg(long)]
        json: bool,
    },
    /// Contradictions: figures of different sources, within the window, that cannot both be
    /// true.
    Conflicts {
        #[command(flatten)]
        filter: FactArgs,
        #[arg(long)]
        json: bool,
    },
    /// One metric's figures over time, per group, side and place, with each source's latest
    /// figure; a running total that falls is flagged.
    Series {
        /// The metric: killed, injured, refugees, displaced, evacuated...
        #[arg(value_name = "METRIC")]
        name: String,
        #[command(flatten)]
        filter: FactArgs,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search over stored articles (titles and texts), best match first, with a
    /// snippet. Words are all required; FTS5 syntax (OR, NOT, "a phrase", prefix*) is kept.
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, value_name = "DATE")]
        since: Option<NaiveDate>,
        #[arg(long, value_name = "DATE")]
        until: Option<NaiveDate>,
        #[arg(long, value_name = "NAME")]
        outlet: Option<String>,
        /// List copies too.
        #[arg(long)]
        all: bool,
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Export stored claims, events or articles: JSON Lines, CSV, HXL (CSV with HXL hashtags),
    /// GeoJSON or Parquet. Streams: memory stays flat however large the store.
    Export {
        #[arg(long, value_enum)]
        what: ExportWhat,
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        #[command(flatten)]
        filter: FactArgs,
    },
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
pub enum BriefFormat {
    /// Markdown.
    Md,
    /// One self-contained, printable HTML page.
    Html,
    /// The report's data as one JSON object.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    Claims,
    Events,
    Articles,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Hxl,
    Geojson,
    Parquet,
}

/// How far apart in days two figures may be and still be compared.
#[derive(Debug, Clone, Args)]
pub struct WindowArgs {
    /// Figures of one metric, group, side and place whose dates are this many days apart or
    /// fewer are compared for contradictions.
    #[arg(long, default_value_t = 3, value_name = "DAYS")]
    pub window: i64,
}

impl WindowArgs {
    pub fn config(&self) -> reconcile::Config {
        reconcile::Config {
            window_days: self.window.max(0),
            ..Default::default()
        }
    }
}

/// Filters of the claim and event queries.
#[derive(Debug, Clone, Args)]
pub struct FactArgs {
    /// Only this metric (killed, injured, refugees...).
    #[arg(long, value_name = "METRIC")]
    pub metric: Option<String>,
    /// Only figures and events about this place (case-insensitive).
    #[arg(long, value_name = "NAME")]
    pub place: Option<String>,
    /// Only sources whose name contains this text (case-insensitive); an outlet's name for
    /// what it reports in its own voice.
    #[arg(long, value_name = "NAME")]
    pub source: Option<String>,
    /// Only figures as of (events on) this day or later.
    #[arg(long, value_name = "DATE")]
    pub since: Option<NaiveDate>,
    /// Only figures as of (events on) this day or earlier.
    #[arg(long, value_name = "DATE")]
    pub until: Option<NaiveDate>,
    /// Only events of this type (talks, contact, ceasefire, corridor, evacuation, attack,
    /// capture, accusation, denial).
    #[arg(long = "type", value_name = "TYPE")]
    pub event_type: Option<String>,
    /// At most this many lines.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[command(flatten)]
    pub window: WindowArgs,
}

impl FactArgs {
    /// The filter the store applies. Sources are matched after reconciliation (a contradiction
    /// needs both its sources), and limits apply to what is printed.
    pub fn store_filter(&self) -> store::FactFilter {
        store::FactFilter {
            metric: self.metric.clone(),
            place: self.place.clone(),
            source: None,
            since: self.since,
            until: self.until,
            event_type: self.event_type.clone(),
            article: None,
            limit: None,
        }
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
