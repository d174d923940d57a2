//! Reconciliation: from the claims and events of many articles to one record of who claims
//! what.
//!
//! [`reconcile`] is the entry point. The same claim seen in several articles (same metric,
//! group, side, place and source, a compatible value and date) becomes one [`Fact`] with its
//! witnesses, where copies of one story count as one witness. Facts of one figure from
//! different sources that cannot both be true are a [`Contradiction`]; a later, larger running
//! total is an [`Update`]; each figure's facts over time form a [`Series`], in which a running
//! total that falls is flagged. Events merge the same way into [`EventFact`]s.
//!
//! The crate is pure and deterministic: the same observations give the same output, in the same
//! order, whatever order they come in. It never reads a store, a file or the clock.

mod claims;
mod estimate;
mod events;
mod lexicon;
mod value;

use chrono::NaiveDate;
use model::{ArticleRef, ClaimRow, EventRow, Observed};
use serde::Serialize;

pub use claims::{Contradiction, Fact, FigureKey, Series, Update, Witness};
pub use estimate::{Estimate, EstimateGroups, estimate};
pub use events::{EventFact, EventWitness};
pub use lexicon::{Lexicon, MetricInfo};
pub use value::Interval;

/// The knobs of reconciliation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Config {
    /// Claims of one figure whose dates lie this many days apart or fewer are compared for
    /// contradictions.
    pub window_days: i64,
    /// Claims of one source and figure this many days apart or fewer may be one fact.
    pub merge_days: i64,
    /// A later running total from another source is an update when it is larger, up to this
    /// many times the earlier one within the window; beyond, the sources contradict each other
    /// (a figure that grows tenfold in three days is a disagreement, not progress).
    pub update_max_ratio: f64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            window_days: 3,
            merge_days: 1,
            update_max_ratio: 2.0,
        }
    }
}

/// The reconciled record.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Reconciled {
    /// Facts, ordered by figure, date and source; a fact's `id` is its index here.
    pub facts: Vec<Fact>,
    pub contradictions: Vec<Contradiction>,
    pub updates: Vec<Update>,
    /// One series per figure (metric, group, side, place).
    pub series: Vec<Series>,
    /// Events, ordered by day (undated last); an event's `id` is its index here.
    pub events: Vec<EventFact>,
}

/// Reconciles the claims and events of stored articles.
pub fn reconcile(
    claims: Vec<Observed<ClaimRow>>,
    events: Vec<Observed<EventRow>>,
    lexicon: &Lexicon,
    config: &Config,
) -> Reconciled {
    let facts = claims::merge(claims, lexicon, config);
    let (contradictions, updates) = claims::compare(&facts, lexicon, config);
    let series = claims::series(&facts, lexicon);
    let events = events::merge(events);
    Reconciled {
        facts,
        contradictions,
        updates,
        series,
        events,
    }
}

/// How many independent witnesses a set of articles makes: copies of one story count once.
pub fn independent<'a>(articles: impl IntoIterator<Item = &'a ArticleRef>) -> usize {
    let mut groups: Vec<&model::ArticleId> = articles.into_iter().map(|a| &a.copy_group).collect();
    groups.sort();
    groups.dedup();
    groups.len()
}

/// Days from `a` to `b`.
fn days(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

#[cfg(test)]
mod tests;
