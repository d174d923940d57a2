//! The queries over the reconciled record: claims, events, conflicts, series, and full-text
//! search over articles.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use reconcile::{EventFact, Fact, Lexicon, Reconciled};
use report::figures::figure;
use serde::Serialize;
use store::{ArticleFilter, Store};

use super::out;
use crate::cli::FactArgs;

fn load(db: &Path, f: &FactArgs) -> Result<(Reconciled, Lexicon)> {
    let store = super::open_existing(db)?;
    let lexicon = Lexicon::load();
    let record =
        sitrep::record::reconciled(&store, &f.store_filter(), &lexicon, &f.window.config())?;
    Ok((record, lexicon))
}

fn contains(hay: &str, needle: &str) -> bool {
    hay.to_lowercase().contains(&needle.to_lowercase())
}

/// True when the fact's source (or, in its own voice, one of its outlets) matches.
fn fact_source(f: &Fact, want: &Option<String>) -> bool {
    let Some(want) = want else { return true };
    match &f.source {
        Some(s) => {
            contains(s, want)
                || f.witnesses
                    .iter()
                    .any(|w| w.source.as_deref().is_some_and(|s| contains(s, want)))
        }
        None => f.outlets().iter().any(|o| contains(o, want)),
    }
}

fn event_source(e: &EventFact, want: &Option<String>) -> bool {
    let Some(want) = want else { return true };
    e.sources.iter().any(|s| contains(s, want))
        || e.witnesses.iter().any(|w| {
            w.article
                .outlet
                .as_deref()
                .is_some_and(|o| contains(o, want))
        })
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "-".into())
}

fn who(key: &reconcile::FigureKey) -> String {
    match (&key.group, &key.side) {
        (Some(g), Some(s)) => format!("{g}/{s}"),
        (Some(g), None) => g.clone(),
        (None, Some(s)) => s.clone(),
        (None, None) => "-".into(),
    }
}

fn source_name(f: &Fact) -> String {
    f.source
        .clone()
        .unwrap_or_else(|| format!("({})", f.outlets().join(", ")))
}

fn json_line<T: Serialize>(v: &T) -> Result<bool> {
    out(format_args!("{}", serde_json::to_string(v)?))
}

pub fn claims(db: &Path, f: &FactArgs, json: bool) -> Result<ExitCode> {
    let (record, _) = load(db, f)?;
    let facts = record
        .facts
        .iter()
        .filter(|x| fact_source(x, &f.source))
        .take(f.limit.unwrap_or(usize::MAX));
    if !json {
        out(format_args!(
            "{:<10}  {:<10}  {:<18}  {:<14}  {:<22}  {:>3}  SOURCE",
            "AS_OF", "METRIC", "WHO", "PLACE", "FIGURE", "WIT"
        ))?;
    }
    for x in facts {
        let go = if json {
            json_line(x)?
        } else {
            out(format_args!(
                "{:<10}  {:<10}  {:<18}  {:<14}  {:<22}  {:>3}  {}{}",
                date(x.as_of),
                x.key.metric,
                who(&x.key),
                x.key.place.as_deref().unwrap_or("-"),
                figure(x.value, &x.value_kind, x.value_max, &x.unit),
                x.independent,
                source_name(x),
                if x.hedged { " (unverified)" } else { "" }
            ))?
        };
        if !go {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn events(db: &Path, f: &FactArgs, json: bool) -> Result<ExitCode> {
    let (record, _) = load(db, f)?;
    let events = record
        .events
        .iter()
        .filter(|e| event_source(e, &f.source))
        .take(f.limit.unwrap_or(usize::MAX));
    if !json {
        out(format_args!(
            "{:<10}  {:<10}  {:<10}  {:>3}  SUMMARY",
            "DAY", "TYPE", "STATUS", "WIT"
        ))?;
    }
    for e in events {
        let go = if json {
            json_line(e)?
        } else {
            out(format_args!(
                "{:<10}  {:<10}  {:<10}  {:>3}  {}",
                e.day
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| format!("~{}", date(e.reported))),
                e.kind,
                e.status.as_deref().unwrap_or("-"),
                e.independent,
                report::summary(e)
            ))?
        };
        if !go {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A contradiction with both its facts, as `--json` prints it.
#[derive(Serialize)]
struct Conflict<'a> {
    #[serde(flatten)]
    key: &'a reconcile::FigureKey,
    days_apart: i64,
    a: &'a Fact,
    b: &'a Fact,
}

pub fn conflicts(db: &Path, f: &FactArgs, json: bool) -> Result<ExitCode> {
    let (record, lexicon) = load(db, f)?;
    let list = record
        .contradictions
        .iter()
        .map(|c| (c, &record.facts[c.a], &record.facts[c.b]))
        .filter(|(_, a, b)| fact_source(a, &f.source) || fact_source(b, &f.source))
        .take(f.limit.unwrap_or(usize::MAX));
    for (c, a, b) in list {
        let side = |x: &Fact| {
            format!(
                "{} says {} (as of {}{}, {} witness{})",
                source_name(x),
                figure(x.value, &x.value_kind, x.value_max, &x.unit),
                date(x.as_of),
                if x.hedged { ", unverified" } else { "" },
                x.independent,
                if x.independent == 1 { "" } else { "es" }
            )
        };
        let go = if json {
            json_line(&Conflict {
                key: &c.key,
                days_apart: c.days_apart,
                a,
                b,
            })?
        } else {
            out(format_args!(
                "{} — {} — {}: {}  vs  {}",
                lexicon.metric(&c.key.metric).label,
                who(&c.key),
                c.key.place.as_deref().unwrap_or("-"),
                side(a),
                side(b)
            ))?
        };
        if !go {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A series with its facts, as `--json` prints it.
#[derive(Serialize)]
struct SeriesOut<'a> {
    #[serde(flatten)]
    series: &'a reconcile::Series,
    facts: Vec<&'a Fact>,
}

pub fn series(db: &Path, metric: &str, f: &FactArgs, json: bool) -> Result<ExitCode> {
    let mut f = f.clone();
    f.metric = Some(metric.to_owned());
    let (record, _) = load(db, &f)?;
    for s in record.series.iter().take(f.limit.unwrap_or(usize::MAX)) {
        let facts: Vec<&Fact> = s
            .points
            .iter()
            .map(|&i| &record.facts[i])
            .filter(|x| fact_source(x, &f.source))
            .collect();
        if facts.is_empty() {
            continue;
        }
        if json {
            if !json_line(&SeriesOut { series: s, facts })? {
                break;
            }
            continue;
        }
        out(format_args!(
            "{} — {} — {}",
            s.label,
            who(&s.key),
            s.key.place.as_deref().unwrap_or("-")
        ))?;
        for x in facts {
            let fell = s.falls.iter().any(|&(_, to)| to == x.id);
            let latest = s.latest.contains(&x.id);
            out(format_args!(
                "  {:<10}  {:<22}  {:>3}  {}{}{}",
                date(x.as_of),
                figure(x.value, &x.value_kind, x.value_max, &x.unit),
                x.independent,
                source_name(x),
                if latest { "  [latest]" } else { "" },
                if fell {
                    "  [FELL: below this source's earlier figure]"
                } else {
                    ""
                }
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn search(db: &Path, query: &str, filter: &ArticleFilter, json: bool) -> Result<ExitCode> {
    let mut store = super::open_existing(db)?;
    store.index_for_search()?;
    let hits = store.search(query, filter)?;
    for h in &hits {
        let go = if json {
            json_line(h)?
        } else {
            out(format_args!(
                "{}  {}  {}  {}\n    {}",
                date(h.article.published),
                h.article.outlet.as_deref().unwrap_or("-"),
                h.article.id,
                h.article.title.as_deref().unwrap_or("(untitled)"),
                h.snippet.split_whitespace().collect::<Vec<_>>().join(" ")
            ))?
        };
        if !go {
            break;
        }
    }
    if hits.is_empty() && !json {
        eprintln!("no article matches '{query}'");
    }
    Ok(ExitCode::SUCCESS)
}
