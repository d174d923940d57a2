//! Low, best and high estimates of a figure across sources, after UCDP's convention: the
//! exports give every claim the range its figure takes among the sources that give it.

use model::{ClaimRow, Observed};
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::{Config, days};

/// A figure's range across sources.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Estimate {
    /// The lowest figure any source gives.
    pub low: f64,
    /// The median of the sources' figures (each source counted once, by its highest figure).
    pub best: f64,
    /// The highest figure any source gives (a range's upper end).
    pub high: f64,
    /// How many sources give the figure.
    pub sources: usize,
}

/// The estimate over claims of one figure. Claims without a source count under their outlet.
pub fn estimate<'a>(claims: impl IntoIterator<Item = &'a ClaimSource<'a>>) -> Estimate {
    let mut per_source: Vec<(&str, f64)> = Vec::new();
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for (source, c) in claims {
        low = low.min(c.value);
        high = high.max(c.value_max.unwrap_or(c.value).max(c.value));
        match per_source.iter_mut().find(|(s, _)| s == source) {
            Some((_, v)) => *v = v.max(c.value),
            None => per_source.push((source, c.value)),
        }
    }
    if per_source.is_empty() {
        return Estimate {
            low: 0.0,
            best: 0.0,
            high: 0.0,
            sources: 0,
        };
    }
    let mut values: Vec<f64> = per_source.iter().map(|(_, v)| *v).collect();
    values.sort_by(f64::total_cmp);
    Estimate {
        low,
        best: values[(values.len() - 1) / 2],
        high,
        sources: values.len(),
    }
}

/// A claim with the key of its source.
pub type ClaimSource<'a> = (&'a str, &'a ClaimRow);

/// Gives each claim of a stream the estimate of its figure, holding one figure's claims at a
/// time: claims must come ordered by metric, group, side, place and as_of (the store's key
/// order: places by [`ClaimRow::place_key`]). A figure's claims within the window of its first
/// date form one group.
pub struct EstimateGroups<'l, F: FnMut(Observed<ClaimRow>, &Estimate) -> bool> {
    lexicon: &'l Lexicon,
    window: i64,
    group: Vec<(String, Observed<ClaimRow>)>,
    sink: F,
    stopped: bool,
}

impl<F: FnMut(Observed<ClaimRow>, &Estimate) -> bool> std::fmt::Debug for EstimateGroups<'_, F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EstimateGroups")
            .field("window", &self.window)
            .field("held", &self.group.len())
            .finish()
    }
}

impl<'l, F: FnMut(Observed<ClaimRow>, &Estimate) -> bool> EstimateGroups<'l, F> {
    pub fn new(lexicon: &'l Lexicon, config: &Config, sink: F) -> Self {
        EstimateGroups {
            lexicon,
            window: config.window_days,
            group: Vec::new(),
            sink,
            stopped: false,
        }
    }

    /// Takes the next claim; false once the sink has asked to stop.
    pub fn push(&mut self, claim: Observed<ClaimRow>) -> bool {
        if self.stopped {
            return false;
        }
        if let Some((_, first)) = self.group.first()
            && !same_group(&first.item, &claim.item, self.window)
        {
            self.flush();
        }
        let source = match &claim.item.source {
            Some(s) => self.lexicon.source(s).0,
            None => format!("outlet:{}", claim.article.outlet.as_deref().unwrap_or("")),
        };
        self.group.push((source, claim));
        !self.stopped
    }

    /// Hands on the claims still held.
    pub fn finish(mut self) {
        self.flush();
    }

    fn flush(&mut self) {
        let group = std::mem::take(&mut self.group);
        let est = estimate(
            group
                .iter()
                .map(|(s, c)| (s.as_str(), &c.item))
                .collect::<Vec<_>>()
                .iter(),
        );
        for (_, c) in group {
            if self.stopped {
                return;
            }
            if !(self.sink)(c, &est) {
                self.stopped = true;
            }
        }
    }
}

/// True when `b` belongs with the group that `a` opened.
fn same_group(a: &ClaimRow, b: &ClaimRow, window: i64) -> bool {
    let near = match (a.as_of, b.as_of) {
        (Some(x), Some(y)) => days(x, y).abs() <= window,
        (None, None) => true,
        _ => false,
    };
    near && a.metric == b.metric
        && a.group == b.group
        && a.side == b.side
        && a.place_key() == b.place_key()
}
