//! Writes claims, events and articles in the formats users load: JSON Lines, CSV, HXL,
//! GeoJSON and Parquet.
//!
//! Every writer is a [`Sink`]: items go in one at a time through [`Sink::write`] and
//! [`Sink::finish`] closes the output. Sinks stream: the text formats hold one row at a time and
//! Parquet one row group ([`PARQUET_ROW_GROUP`] rows), so memory stays flat however many items
//! pass. **Always call `finish`**: GeoJSON closes its `FeatureCollection` there and Parquet
//! writes its last row group and its footer; an unfinished file is truncated.
//!
//! # Tables
//!
//! Each kind of item has one table of flat columns, shared by JSON Lines (one object per line,
//! keys in column order), CSV (a header row, then one row per item), GeoJSON (the columns are
//! each feature's `properties`) and Parquet (typed columns). HXL has a table of its own.
//!
//! * **Claims** ([`ClaimExport`]): the article (`article_id`, `copy_group`, `outlet`, `title`,
//!   `url`, `published`), the claim (`seq`, `metric`, `value`, `value_kind`, `value_max`,
//!   `unit`, `group`, `side`, `place`, `scope`: the part of the place counted, such as
//!   "government-held areas"), its geocode (`lat`, `lon`, `geonameid`, `country`,
//!   `geo_level`), `as_of`, `source` (who the article says gave the figure), `hedged`,
//!   `sentence`, `span_start`/`span_end` (character offsets of the figure in the article's text),
//!   `span_text`, `rule`, and the caller's `low`, `best`, `high` and `sources`.
//! * **Events** ([`EventExport`]): ACLED-like columns first, `event_date`, `event_type`,
//!   `sub_event_type`, `actor1`, `actor2`, `location`, `latitude`, `longitude`, `source`,
//!   `notes`, `fatalities`; then sitrep's, `sitrep_type`, `status`, `date_end`, `cameo`,
//!   `plover`, `article_id`, `url`, `published`, `hedged`; then the rest, `outlet`, `title`,
//!   `copy_group`, `seq`, `date_timex`, `date_end_timex`, `claimant`, `geonameid`, `country`,
//!   `geo_level`, `actors`, `places`, `attributes`, `span_start`, `span_end`, `span_text`,
//!   `rule`.
//!   - `event_date` and `date_end` are the days the TIMEX3 values name, empty when they name a
//!     month or a week (the raw values are in `date_timex` and `date_end_timex`).
//!   - `actor1`/`actor2` are the first two actors, those in the roles `party`, `perpetrator`
//!     or `accuser` first, the others after in their order.
//!   - `source` is the outlet and, after `"; "`, the source the article cites (also alone in
//!     `claimant`); `notes` is the sentence; `fatalities` is the `killed` attribute, 0 without
//!     one.
//!   - `actors`, `places` and `attributes` are JSON: values in JSON Lines and GeoJSON, JSON
//!     text in CSV and Parquet.
//! * **Articles** ([`ArticleExport`]): its fields, in order.
//!
//! Dates are `YYYY-MM-DD` text (Parquet: `INT32 (DATE)`); absent values are empty cells in CSV,
//! `null` in JSON and nulls in Parquet. Non-finite numbers are written as absent.
//!
//! # HXL
//!
//! HXL output is CSV with a second row of [HXL](https://hxlstandard.org) hashtags. Claims have
//! one row per claim, with its figure in the column of its metric and the other metric
//! columns empty:
//!
//! | column | hashtag | holds |
//! | --- | --- | --- |
//! | `date_reported` | `#date+reported` | the article's publication date |
//! | `date_occurred` | `#date+occurred` | the claim's `as_of` |
//! | `metric` | `#indicator+name` | the metric |
//! | `killed` | `#affected+killed` | value of a `killed` claim |
//! | `injured` | `#affected+injured` | value of an `injured` claim |
//! | `displaced` | `#affected+idps` | value of a `displaced` claim |
//! | `refugees` | `#affected+refugees` | value of a `refugees` claim |
//! | `evacuated` | `#affected+evacuated` | value of an `evacuated` claim |
//! | `missing` | `#affected+missing` | value of a `missing` claim |
//! | `detained` | `#affected+detained` | value of a `detained` claim |
//! | `trapped` | `#affected+trapped` | value of a `trapped` claim |
//! | `other_value` | `#indicator+num` | value of a claim of any other metric |
//! | `value_max` | `#indicator+num+max` | upper end of a range |
//! | `value_kind` | `#meta+value_kind` | `exact`, `at_least`, ... |
//! | `unit` | `#indicator+unit` | the unit |
//! | `low`, `best`, `high` | `#indicator+num+low`, `+best`, `+high` | the caller's estimates |
//! | `sources` | `#meta+sources+num` | how many sources they rest on |
//! | `group` | `#meta+group` | who was counted |
//! | `side` | `#meta+side` | their side |
//! | `adm1` | `#adm1+name` | the place when the gazetteer ranks it `admin1` |
//! | `location` | `#loc+name` | the place |
//! | `scope` | `#loc+scope` | the part of the place counted ("government-held areas") |
//! | `country` | `#country+code` | ISO 3166 alpha-2 |
//! | `geonameid` | `#loc+code` | GeoNames id |
//! | `lat`, `lon` | `#geo+lat`, `#geo+lon` | coordinates |
//! | `source` | `#meta+source` | who the article says gave the figure |
//! | `outlet` | `#org+reporting` | the outlet |
//! | `url` | `#meta+url` | the article's URL |
//! | `article_id` | `#meta+id` | the article's id |
//! | `hedged` | `#meta+hedged` | `true` when the figure is hedged |
//! | `sentence` | `#description` | the sentence |
//!
//! The metric columns hold each claim's own figure: summing a column adds up every report of
//! the same deaths, so aggregate over `best` per place and date instead.
//!
//! Events: `date_occurred` `#date+occurred`, `date_end` `#date+occurred+end`, `date_reported`
//! `#date+reported`, `event_type` `#event+type`, `sub_event_type` `#event+subtype`,
//! `sitrep_type` `#event+kind`, `status` `#status`, `actor1` `#group+name+first`, `actor2`
//! `#group+name+second`, `adm1` `#adm1+name`, `location` `#loc+name`, `country`
//! `#country+code`, `lat` `#geo+lat`, `lon` `#geo+lon`, `killed` `#affected+killed` and
//! `injured` `#affected+injured` (empty when the event gives none), `notes` `#description`,
//! `source` `#meta+source`, `outlet` `#org+reporting`, `url` `#meta+url`, `article_id`
//! `#meta+id`, `hedged` `#meta+hedged`.
//!
//! Articles: `id` `#meta+id`, `date_reported` `#date+reported`, `date_inferred`
//! `#meta+date_inferred`, `outlet` `#org+reporting`, `title` `#meta+title`, `url` `#meta+url`,
//! `path` `#meta+path`, `copy_group` `#meta+copy_group`, `copy_of` `#meta+copy_of`, `copies`
//! `#meta+copies+num`, `claims` `#meta+claims+num`, `events` `#meta+events+num`.
//!
//! # GeoJSON
//!
//! One `FeatureCollection`, written as items come: a `Point` feature (`[lon, lat]`) for every
//! claim or event with coordinates (`item.geo`); the others are left out. Articles have no
//! place: asking for them in GeoJSON is [`ExportError::Unsupported`].
//!
//! # Parquet
//!
//! Written with Parquet's own column writers (no Arrow), Snappy-compressed: strings `BYTE_ARRAY
//! (UTF8)`, values `DOUBLE`, counts, ids and offsets `INT64`, flags `BOOLEAN`, dates `INT32
//! (DATE)`; a field that may be absent is `OPTIONAL`, the others `REQUIRED`.

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use model::{ArticleRow, ClaimRow, EventRow, Observed};

mod articles;
mod claims;
mod delimited;
mod events;
mod geojson;
mod jsonl;
mod parquet_sink;
mod table;

#[cfg(test)]
mod tests;

use table::Layout;

/// Rows in each Parquet row group: the most a Parquet sink holds in memory.
pub const PARQUET_ROW_GROUP: usize = 8192;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON Lines: one object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// CSV with a header row and a row of HXL hashtags.
    Hxl,
    /// A GeoJSON `FeatureCollection` of the items that have coordinates.
    Geojson,
    /// Apache Parquet.
    Parquet,
}

impl Format {
    /// Every format, in the order of their names.
    pub const ALL: [Format; 5] = [
        Format::Jsonl,
        Format::Csv,
        Format::Hxl,
        Format::Geojson,
        Format::Parquet,
    ];

    /// Its name: `jsonl`, `csv`, `hxl`, `geojson` or `parquet`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Hxl => "hxl",
            Format::Geojson => "geojson",
            Format::Parquet => "parquet",
        }
    }

    /// The usual file extension: HXL files are CSV files.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Hxl => "csv",
            other => other.as_str(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A format name that is none of [`Format`]'s.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown format {:?}: expected jsonl, csv, hxl, geojson or parquet",
            self.0
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Format {
    type Err = UnknownFormat;

    /// Reads a format name, ignoring case; `json`, `ndjson` and `jsonlines` name JSON Lines.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "jsonl" | "json" | "ndjson" | "jsonlines" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "hxl" => Ok(Format::Hxl),
            "geojson" => Ok(Format::Geojson),
            "parquet" => Ok(Format::Parquet),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the export")]
    Io(#[from] std::io::Error),
    #[error("cannot write CSV")]
    Csv(#[from] csv::Error),
    #[error("cannot write Parquet: {0}")]
    Parquet(String),
    #[error("cannot write JSON")]
    Json(#[from] serde_json::Error),
    #[error("{what} cannot be exported as {format}")]
    Unsupported {
        what: &'static str,
        format: &'static str,
    },
}

impl From<parquet::errors::ParquetError> for ExportError {
    fn from(e: parquet::errors::ParquetError) -> Self {
        ExportError::Parquet(e.to_string())
    }
}

/// A claim as exported: the observation plus UCDP-style low/best/high across the sources that
/// give this metric/group/side/place around this date (computed by the caller).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimExport {
    pub claim: Observed<ClaimRow>,
    pub low: f64,
    pub best: f64,
    pub high: f64,
    /// How many sources (copy groups) `low`, `best` and `high` rest on.
    pub sources: usize,
}

/// An event as exported: the event with the article that reports it. A struct of its own so
/// that event exports can gain caller-computed fields as claims have.
#[derive(Debug, Clone, PartialEq)]
pub struct EventExport {
    pub event: Observed<EventRow>,
}

impl From<Observed<EventRow>> for EventExport {
    fn from(event: Observed<EventRow>) -> Self {
        EventExport { event }
    }
}

/// An article as exported: its stored row and how many claims and events it gave.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleExport {
    pub article: ArticleRow,
    pub claims: usize,
    pub events: usize,
}

/// Where exported items go, one at a time.
pub trait Sink<T> {
    /// Writes one item. Text formats write it through at once (behind a buffer); Parquet holds
    /// it until its row group is full.
    fn write(&mut self, item: &T) -> Result<(), ExportError>;

    /// Writes what is held and closes the format (the GeoJSON collection, the Parquet footer),
    /// then flushes the output. Without it the output is incomplete.
    fn finish(self: Box<Self>) -> Result<(), ExportError>;
}

/// Output as the sinks take it.
pub type Output = Box<dyn Write + Send>;

/// A sink writing claims in `format` to `out`.
pub fn claims_sink(
    format: Format,
    out: Output,
) -> Result<Box<dyn Sink<ClaimExport> + Send>, ExportError> {
    let layout = match format {
        Format::Hxl => &claims::HXL,
        _ => &claims::TABLE,
    };
    sink(format, layout, "claim", out)
}

/// A sink writing events in `format` to `out`.
pub fn events_sink(
    format: Format,
    out: Output,
) -> Result<Box<dyn Sink<EventExport> + Send>, ExportError> {
    let layout = match format {
        Format::Hxl => &events::HXL,
        _ => &events::TABLE,
    };
    sink(format, layout, "event", out)
}

/// A sink writing articles in `format` to `out`; GeoJSON is [`ExportError::Unsupported`], as
/// articles have no coordinates.
pub fn articles_sink(
    format: Format,
    out: Output,
) -> Result<Box<dyn Sink<ArticleExport> + Send>, ExportError> {
    let layout = match format {
        Format::Geojson => {
            return Err(ExportError::Unsupported {
                what: "articles",
                format: Format::Geojson.as_str(),
            });
        }
        Format::Hxl => &articles::HXL,
        _ => &articles::TABLE,
    };
    sink(format, layout, "article", out)
}

fn sink<T: 'static>(
    format: Format,
    layout: &'static Layout<T>,
    name: &'static str,
    out: Output,
) -> Result<Box<dyn Sink<T> + Send>, ExportError> {
    Ok(match format {
        Format::Jsonl => Box::new(jsonl::JsonlSink::new(layout, out)),
        Format::Csv => Box::new(delimited::CsvSink::new(layout, out, false)?),
        Format::Hxl => Box::new(delimited::CsvSink::new(layout, out, true)?),
        Format::Geojson => Box::new(geojson::GeojsonSink::new(layout, out)?),
        Format::Parquet => Box::new(parquet_sink::ParquetSink::new(layout, name, out)?),
    })
}
