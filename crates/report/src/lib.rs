//! The situation report: what a reconciled record says as of a day, for people to read and hand
//! on.
//!
//! [`Brief::build`] selects from a [`reconcile::Reconciled`] record: headline figures (each
//! figure's latest value, its source, date and witnesses, and the range across sources where
//! they differ), what changed since a day, the contradictions, and a timeline of events by
//! section (talks, ceasefires and corridors, attacks on protected sites, evacuations, captures,
//! accusations). Every line cites its articles by number; [`Brief::sources`] lists them
//! (outlet, title, date, URL). [`markdown`] and [`html`] render it; the JSON form is the
//! serialised [`Brief`]. The crate is pure: it never reads a store or the clock.

mod cite;
pub mod figures;
pub mod html;
mod lines;
pub mod markdown;
mod select;

use chrono::NaiveDate;
use serde::Serialize;

pub use cite::SourceRef;
pub use select::summary;

/// What the report covers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The report's day: nothing dated later is reported. Default: the latest day any article
    /// was published.
    pub as_of: Option<NaiveDate>,
    /// Changes are those after this day. Default: the day before `as_of`.
    pub since: Option<NaiveDate>,
    /// Only figures and events about this place (case-insensitive).
    pub place: Option<String>,
    /// At most this many headline figures and contradictions, the best witnessed (and most
    /// recent) first; `None` for all.
    pub top: Option<usize>,
}

/// What a figure counts, as a report names it: the metric's label, who, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subject {
    pub label: String,
    pub group: Option<String>,
    pub side: Option<String>,
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

impl Subject {
    /// The subject of a figure.
    pub fn of(key: &reconcile::FigureKey, lexicon: &reconcile::Lexicon) -> Subject {
        Subject {
            label: lexicon.metric(&key.metric).label,
            group: key.group.clone(),
            side: key.side.clone(),
            place: key.place.clone(),
            scope: key.scope.clone(),
        }
    }
}

impl std::fmt::Display for Subject {
    /// "Killed — soldiers (russia), in Ukraine", "Killed — people, in Syria (government-held
    /// areas)".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)?;
        let mut q = Vec::new();
        if let Some(g) = &self.group {
            q.push(match &self.side {
                Some(side) => format!("{g} ({side})"),
                None => g.clone(),
            });
        }
        match (&self.place, &self.scope) {
            (Some(p), Some(s)) => q.push(format!("in {p} ({s})")),
            (Some(p), None) => q.push(format!("in {p}")),
            (None, Some(s)) => q.push(format!("in {s}")),
            (None, None) => {}
        }
        if !q.is_empty() {
            write!(f, " — {}", q.join(", "))?;
        }
        Ok(())
    }
}

/// One headline figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    pub metric: String,
    #[serde(flatten)]
    pub subject: Subject,
    /// The figure as a reader reads it ("about 15,000", "3.4 million").
    pub figure: String,
    pub value: f64,
    pub value_kind: String,
    pub source: Option<String>,
    pub as_of: Option<NaiveDate>,
    /// Independent witnesses of this figure (copies of one story count once).
    pub witnesses: usize,
    pub hedged: bool,
    /// The lowest and highest figures that other sources give around the same day, where
    /// they differ from this one.
    pub range: Option<(f64, f64)>,
    /// How many sources give the figure around that day.
    pub sources: usize,
    pub cites: Vec<usize>,
}

/// A figure that changed since the `since` day.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    #[serde(flatten)]
    pub subject: Subject,
    pub figure: String,
    pub source: Option<String>,
    pub as_of: Option<NaiveDate>,
    /// `new` (no earlier figure), `up`, `down` or `same`.
    pub direction: &'static str,
    pub previous: Option<Previous>,
    /// True when a running total fell below the same source's earlier figure.
    pub fell: bool,
    pub cites: Vec<usize>,
}

/// The figure before a change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Previous {
    pub figure: String,
    pub source: Option<String>,
    pub as_of: Option<NaiveDate>,
    pub cites: Vec<usize>,
}

/// One side of a contradiction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claimant {
    pub source: Option<String>,
    pub figure: String,
    pub value: f64,
    pub as_of: Option<NaiveDate>,
    pub hedged: bool,
    pub witnesses: usize,
    pub cites: Vec<usize>,
}

/// Two sources that disagree about one figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    #[serde(flatten)]
    pub subject: Subject,
    pub a: Claimant,
    pub b: Claimant,
    pub days_apart: i64,
}

/// One event on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// The day it happened, else the day it was first reported.
    pub day: Option<NaiveDate>,
    /// True when `day` is the day it was reported, not a date the reports give.
    pub day_reported: bool,
    /// The day it was first reported.
    pub reported: Option<NaiveDate>,
    #[serde(rename = "type")]
    pub kind: String,
    /// One line: what, where, who.
    pub summary: String,
    pub status: Option<String>,
    pub statuses: Vec<String>,
    pub place: Option<String>,
    pub witnesses: usize,
    pub hedged: bool,
    pub cites: Vec<usize>,
}

/// A section of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub id: String,
    pub title: String,
    pub entries: Vec<TimelineEntry>,
}

/// The situation report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    pub title: String,
    pub as_of: Option<NaiveDate>,
    pub since: Option<NaiveDate>,
    pub place: Option<String>,
    /// Articles read, and independent stories among them.
    pub articles: usize,
    pub stories: usize,
    pub headlines: Vec<Headline>,
    /// Headline figures left out by [`Options::top`].
    pub more_headlines: usize,
    pub changes: Vec<Change>,
    /// Events first reported after `since`, by day.
    pub new_events: Vec<TimelineEntry>,
    pub contradictions: Vec<Disagreement>,
    /// Contradictions left out by [`Options::top`].
    pub more_contradictions: usize,
    pub timeline: Vec<Section>,
    /// The articles cited, numbered from 1 in the order of `cites`.
    pub sources: Vec<SourceRef>,
}

impl Brief {
    /// Builds the report from a reconciled record.
    pub fn build(
        record: &reconcile::Reconciled,
        lexicon: &reconcile::Lexicon,
        opts: &Options,
    ) -> Brief {
        select::build(record, lexicon, opts)
    }

    /// The report as pretty JSON.
    pub fn json(&self) -> String {
        // Plain records: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }
}

#[cfg(test)]
mod tests;
