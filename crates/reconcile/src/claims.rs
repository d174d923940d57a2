//! Claims into facts, facts into contradictions, updates and series.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use model::{ArticleRef, ClaimRow, GeoPoint, Observed};
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::value::{Interval, precision};
use crate::{Config, days, independent};

/// What a figure counts: metric, group, side, place and the part of the place (scope). Claims
/// of one figure are compared. Places compare by their GeoNames id where the gazetteer placed
/// them ("Kiev" and "Kyiv" are one place), else by name without case, and a scope by its words
/// ([`ClaimRow::place_key`]); `place` is the name as the first claim wrote it.
#[derive(Debug, Clone, Serialize)]
pub struct FigureKey {
    pub metric: String,
    pub group: Option<String>,
    pub side: Option<String>,
    pub place: Option<String>,
    /// The part of the place counted ("government-held areas"); a part is its own figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip)]
    place_key: Option<String>,
}

impl FigureKey {
    fn of(c: &ClaimRow) -> FigureKey {
        let place_key = c.place_key();
        FigureKey {
            metric: c.metric.clone(),
            group: c.group.clone(),
            side: c.side.clone(),
            place: c.place.clone(),
            scope: c.scope.clone(),
            place_key,
        }
    }

    fn identity(&self) -> (&str, &Option<String>, &Option<String>, &Option<String>) {
        (&self.metric, &self.group, &self.side, &self.place_key)
    }
}

impl PartialEq for FigureKey {
    fn eq(&self, other: &Self) -> bool {
        self.identity() == other.identity()
    }
}

impl Eq for FigureKey {}

impl PartialOrd for FigureKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FigureKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.identity().cmp(&other.identity())
    }
}

impl std::hash::Hash for FigureKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.identity().hash(state);
    }
}

/// One article's statement of a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Witness {
    pub article: ArticleRef,
    /// The claim's position among its article's claims.
    pub seq: usize,
    pub value: f64,
    pub value_kind: String,
    pub value_max: Option<f64>,
    pub as_of: Option<NaiveDate>,
    /// The source as this article names it.
    pub source: Option<String>,
    pub hedged: bool,
    pub sentence: String,
}

/// One claim as many articles state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub id: usize,
    #[serde(flatten)]
    pub key: FigureKey,
    /// The source, by the name reports show; null where the articles state the figure in
    /// their own voice.
    pub source: Option<String>,
    /// The figure of the most precise witness.
    pub value: f64,
    pub value_kind: String,
    pub value_max: Option<f64>,
    pub unit: String,
    /// The earliest and latest dates the witnesses give the figure for.
    pub as_of: Option<NaiveDate>,
    pub as_of_last: Option<NaiveDate>,
    /// True when any witness flags the figure as unverified or disputed.
    pub hedged: bool,
    pub geo: Option<GeoPoint>,
    /// Independent witnesses: copies of one story count once.
    pub independent: usize,
    pub witnesses: Vec<Witness>,
    /// The party the source speaks for, where known (`russia`, `ukraine`): organs of one
    /// government never contradict each other.
    pub party: Option<String>,
    #[serde(skip)]
    pub(crate) source_key: String,
    #[serde(skip)]
    pub(crate) interval: Interval,
}

impl Fact {
    /// The values the fact's figure allows.
    pub fn interval(&self) -> Interval {
        self.interval
    }

    /// The outlets of its witnesses, sorted, each once.
    pub fn outlets(&self) -> Vec<&str> {
        let mut o: Vec<&str> = self
            .witnesses
            .iter()
            .filter_map(|w| w.article.outlet.as_deref())
            .collect();
        o.sort_unstable();
        o.dedup();
        o
    }

    /// Whose voice a fact stated without a source is: its witnesses' outlets, or for an article
    /// without an outlet, its story.
    fn voices(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .witnesses
            .iter()
            .map(|w| match &w.article.outlet {
                Some(o) => format!("outlet:{o}"),
                None => format!("story:{}", w.article.copy_group.as_str()),
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// True when two facts come from one source: the same named source, or both in the voice
    /// of an outlet (or a story) they share.
    fn same_source(&self, other: &Fact) -> bool {
        if self.source.is_none() && other.source.is_none() {
            let theirs = other.voices();
            return self.voices().iter().any(|o| theirs.contains(o));
        }
        self.source_key == other.source_key || (self.party.is_some() && self.party == other.party)
    }
}

/// Two facts of one figure, from different sources and within the window, that cannot both be
/// true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    #[serde(flatten)]
    pub key: FigureKey,
    /// The earlier fact (by as_of), then the later.
    pub a: usize,
    pub b: usize,
    pub days_apart: i64,
}

/// A later, larger running total from another source: progress, not a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Update {
    #[serde(flatten)]
    pub key: FigureKey,
    pub earlier: usize,
    pub later: usize,
}

/// One figure over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    #[serde(flatten)]
    pub key: FigureKey,
    /// The metric's name in reports.
    pub label: String,
    pub cumulative: bool,
    /// Its facts by as_of (undated last), then source.
    pub points: Vec<usize>,
    /// Each source's latest fact, latest first.
    pub latest: Vec<usize>,
    /// Running totals that fell: (earlier fact, later smaller fact of the same source).
    pub falls: Vec<(usize, usize)>,
}

/// Merges claims into facts: one per figure, source and compatible value and date.
pub(crate) fn merge(claims: Vec<Observed<ClaimRow>>, lex: &Lexicon, cfg: &Config) -> Vec<Fact> {
    // Sorted so that the result does not depend on the order claims come in.
    let mut keyed: Vec<(FigureKey, String, Observed<ClaimRow>)> = claims
        .into_iter()
        .map(|c| {
            let source_key = c
                .item
                .source
                .as_deref()
                .map(|s| lex.source(s).0)
                .unwrap_or_default();
            (FigureKey::of(&c.item), source_key, c)
        })
        .collect();
    keyed.sort_by(|a, b| {
        (&a.0, &a.1, a.2.item.as_of.is_none(), a.2.item.as_of)
            .cmp(&(&b.0, &b.1, b.2.item.as_of.is_none(), b.2.item.as_of))
            .then_with(|| a.2.article.id.cmp(&b.2.article.id))
            .then(a.2.seq.cmp(&b.2.seq))
    });
    let mut facts: Vec<Fact> = Vec::new();
    // Facts of the current figure and source, by index into `facts`.
    let mut open: Vec<usize> = Vec::new();
    let mut current: Option<(FigureKey, String)> = None;
    for (key, source_key, obs) in keyed {
        if current.as_ref() != Some(&(key.clone(), source_key.clone())) {
            open.clear();
            current = Some((key.clone(), source_key.clone()));
        }
        let c = &obs.item;
        let interval = Interval::of(c.value, &c.value_kind, c.value_max);
        let joins = open.iter().copied().find(|&i| {
            let f = &facts[i];
            let near = match (f.as_of_last, c.as_of) {
                (Some(last), Some(d)) => days(last, d).abs() <= cfg.merge_days,
                (None, None) => true,
                _ => false,
            };
            near && same_figure(f, c, &interval)
        });
        let witness = Witness {
            article: obs.article.clone(),
            seq: obs.seq,
            value: c.value,
            value_kind: c.value_kind.clone(),
            value_max: c.value_max,
            as_of: c.as_of,
            source: c.source.clone(),
            hedged: c.hedged,
            sentence: c.span.sentence.clone(),
        };
        match joins {
            Some(i) => {
                let f = &mut facts[i];
                if precision(&c.value_kind) > precision(&f.value_kind) {
                    f.value = c.value;
                    f.value_kind = c.value_kind.clone();
                    f.value_max = c.value_max;
                    f.interval = interval;
                }
                f.as_of_last = f.as_of_last.max(c.as_of);
                f.hedged |= c.hedged;
                if f.geo.is_none() {
                    f.geo = c.geo.clone();
                }
                f.witnesses.push(witness);
            }
            None => {
                open.push(facts.len());
                facts.push(Fact {
                    id: 0,
                    key,
                    source: c.source.as_deref().map(|s| lex.source(s).1),
                    party: c
                        .source
                        .as_deref()
                        .and_then(|s| lex.party(s))
                        .map(str::to_owned),
                    value: c.value,
                    value_kind: c.value_kind.clone(),
                    value_max: c.value_max,
                    unit: c.unit.clone(),
                    as_of: c.as_of,
                    as_of_last: c.as_of,
                    hedged: c.hedged,
                    geo: c.geo.clone(),
                    independent: 0,
                    witnesses: vec![witness],
                    source_key,
                    interval,
                });
            }
        }
    }
    for f in &mut facts {
        f.independent = independent(f.witnesses.iter().map(|w| &w.article));
        // The most common spelling of the source among the witnesses, unless the lexicon
        // names it.
        let known = f.source.as_deref().is_some_and(|s| lex.knows(s))
            || f.witnesses
                .iter()
                .any(|w| w.source.as_deref().is_some_and(|s| lex.knows(s)));
        if f.source.is_some() && !known {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for w in &f.witnesses {
                if let Some(s) = &w.source {
                    *counts.entry(s.as_str()).or_default() += 1;
                }
            }
            if let Some((s, _)) = counts
                .iter()
                .max_by_key(|(s, n)| (**n, std::cmp::Reverse(*s)))
            {
                f.source = Some((*s).to_owned());
            }
        }
    }
    facts.sort_by(|a, b| {
        (&a.key, a.as_of.is_none(), a.as_of, &a.source_key)
            .cmp(&(&b.key, b.as_of.is_none(), b.as_of, &b.source_key))
            .then(a.value.total_cmp(&b.value))
    });
    for (i, f) in facts.iter_mut().enumerate() {
        f.id = i;
    }
    facts
}

/// True when a claim states the fact's figure: the same number (within rounding) whatever
/// its value kind ("902" and "at least 900" are one figure written two ways; "at least 900"
/// and "at least 925" are two figures), or a vague quantity the figure falls in.
fn same_figure(f: &Fact, c: &ClaimRow, interval: &Interval) -> bool {
    let close = (f.value - c.value).abs() <= 0.005 * f.value.abs().max(c.value.abs());
    let vague = f.value_kind == "vague" || c.value_kind == "vague";
    close || (vague && f.interval.meets(interval))
}

/// Runs of facts that share a figure (facts are sorted by figure).
fn by_figure(facts: &[Fact]) -> impl Iterator<Item = &[Fact]> {
    facts.chunk_by(|a, b| a.key == b.key)
}

/// Compares the facts of each figure within the window: contradictions and updates.
pub(crate) fn compare(
    facts: &[Fact],
    lex: &Lexicon,
    cfg: &Config,
) -> (Vec<Contradiction>, Vec<Update>) {
    let mut contradictions = Vec::new();
    let mut updates = Vec::new();
    for run in by_figure(facts) {
        let cumulative = lex.metric(&run[0].key.metric).cumulative;
        // Dated facts come first, by as_of: the inner loop stops at the window's end.
        for (i, a) in run.iter().enumerate() {
            let Some(da) = a.as_of else { break };
            for b in &run[i + 1..] {
                let Some(db) = b.as_of else { break };
                let apart = days(da, db);
                if apart > cfg.window_days {
                    break;
                }
                if a.same_source(b) || a.interval.meets(&b.interval) {
                    continue;
                }
                if apart == 0 && !cumulative {
                    contradictions.push(contradiction(a, b, apart));
                    continue;
                }
                if !cumulative {
                    // A stock may move either way from one day to the next.
                    continue;
                }
                let ratio = b.interval.low / a.interval.high.max(f64::MIN_POSITIVE);
                if apart > 0 && b.interval.above(&a.interval) && ratio <= cfg.update_max_ratio {
                    updates.push(Update {
                        key: a.key.clone(),
                        earlier: a.id,
                        later: b.id,
                    });
                } else {
                    contradictions.push(contradiction(a, b, apart));
                }
            }
        }
    }
    (contradictions, updates)
}

fn contradiction(a: &Fact, b: &Fact, apart: i64) -> Contradiction {
    Contradiction {
        key: a.key.clone(),
        a: a.id,
        b: b.id,
        days_apart: apart,
    }
}

/// One series per figure, with each source's latest fact and the running totals that fell.
pub(crate) fn series(facts: &[Fact], lex: &Lexicon) -> Vec<Series> {
    by_figure(facts)
        .map(|run| {
            let info = lex.metric(&run[0].key.metric);
            // Each source's facts in as_of order (runs are sorted by as_of).
            let mut by_source: BTreeMap<&str, Vec<&Fact>> = BTreeMap::new();
            for f in run {
                by_source.entry(source_of(f)).or_default().push(f);
            }
            let mut falls = Vec::new();
            let mut latest = Vec::new();
            for list in by_source.values() {
                let dated: Vec<&&Fact> = list.iter().filter(|f| f.as_of.is_some()).collect();
                if info.cumulative {
                    for w in dated.windows(2) {
                        if w[1].as_of > w[0].as_of && w[0].interval.above(&w[1].interval) {
                            falls.push((w[0].id, w[1].id));
                        }
                    }
                }
                if let Some(last) = list
                    .iter()
                    .max_by_key(|f| (f.as_of.is_some(), f.as_of, std::cmp::Reverse(f.id)))
                {
                    latest.push(*last);
                }
            }
            latest.sort_by_key(|f| (std::cmp::Reverse(f.as_of), f.id));
            Series {
                key: run[0].key.clone(),
                label: info.label,
                cumulative: info.cumulative,
                points: run.iter().map(|f| f.id).collect(),
                latest: latest.iter().map(|f| f.id).collect(),
                falls,
            }
        })
        .collect()
}

/// The source a series tracks a fact under: its named source, or the outlet whose voice it is.
fn source_of(f: &Fact) -> &str {
    if f.source.is_some() {
        &f.source_key
    } else {
        f.outlets().first().copied().unwrap_or("")
    }
}
