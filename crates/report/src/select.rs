//! What the report says: the facts, changes, contradictions and events of a reconciled record
//! that fall within the report's day and place, with their citations.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use reconcile::{EventFact, Fact, Lexicon, Reconciled};

use crate::cite::Citations;
use crate::figures::{figure, number};
use crate::{
    Brief, Change, Claimant, Disagreement, Headline, Options, Previous, Section, Subject,
    TimelineEntry,
};

/// Days around a figure's latest date within which other sources' figures form its range.
const RANGE_WINDOW: i64 = 3;

/// A timeline section as `data/timeline.tsv` defines it.
struct SectionDef {
    id: &'static str,
    title: &'static str,
    types: Vec<&'static str>,
    targets: Vec<&'static str>,
}

fn sections() -> Vec<SectionDef> {
    include_str!("../data/timeline.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let cols: Vec<&'static str> = l.split('\t').collect();
            let list = |i: usize| -> Vec<&'static str> {
                cols.get(i)
                    .map(|c| {
                        c.split(',')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default()
            };
            Some(SectionDef {
                id: cols.first()?,
                title: cols.get(1)?,
                types: list(2),
                targets: list(3),
            })
        })
        .collect()
}

/// The facts and events the report may use.
struct Scope {
    day: Option<NaiveDate>,
    place: Option<String>,
}

impl Scope {
    fn published_in_time(&self, published: Option<NaiveDate>) -> bool {
        match (self.day, published) {
            (Some(day), Some(p)) => p <= day,
            _ => true,
        }
    }

    fn fact(&self, f: &Fact) -> bool {
        let place_ok = match &self.place {
            Some(p) => f
                .key
                .place
                .as_deref()
                .is_some_and(|q| q.eq_ignore_ascii_case(p)),
            None => true,
        };
        let date_ok = match (self.day, f.as_of) {
            (Some(day), Some(d)) => d <= day,
            _ => true,
        };
        place_ok
            && date_ok
            && f.witnesses
                .iter()
                .any(|w| self.published_in_time(w.article.published))
    }

    fn event(&self, e: &EventFact) -> bool {
        let place_ok = match &self.place {
            Some(p) => {
                e.place
                    .as_deref()
                    .is_some_and(|q| q.eq_ignore_ascii_case(p))
                    || e.places.iter().any(|q| q.name.eq_ignore_ascii_case(p))
            }
            None => true,
        };
        // Reports may announce what is still to come: an event is known once reported.
        let date_ok = match (self.day, e.reported.or(e.day)) {
            (Some(day), Some(d)) => d <= day,
            _ => true,
        };
        place_ok
            && date_ok
            && e.witnesses
                .iter()
                .any(|w| self.published_in_time(w.article.published))
    }

    /// The witnesses of a fact the report may cite.
    fn fact_articles<'f>(&self, f: &'f Fact) -> impl Iterator<Item = &'f model::ArticleRef> {
        let day = self.day;
        f.witnesses
            .iter()
            .map(|w| &w.article)
            .filter(move |a| match (day, a.published) {
                (Some(d), Some(p)) => p <= d,
                _ => true,
            })
    }
}

/// The name a source goes by in the report: the source, else the outlets in whose voice it is.
fn source_name(f: &Fact) -> Option<String> {
    f.source.clone().or_else(|| {
        let outlets = f.outlets();
        (!outlets.is_empty()).then(|| format!("{} (own reporting)", outlets.join(", ")))
    })
}

fn fact_figure(f: &Fact) -> String {
    figure(f.value, &f.value_kind, f.value_max, &f.unit)
}

pub(crate) fn build(record: &Reconciled, lex: &Lexicon, opts: &Options) -> Brief {
    let latest_published = record
        .facts
        .iter()
        .flat_map(|f| f.witnesses.iter().map(|w| w.article.published))
        .chain(
            record
                .events
                .iter()
                .flat_map(|e| e.witnesses.iter().map(|w| w.article.published)),
        )
        .flatten()
        .max();
    let day = opts.as_of.or(latest_published);
    let since = opts.since.or_else(|| day.and_then(|d| d.pred_opt()));
    let scope = Scope {
        day,
        place: opts.place.clone(),
    };
    let mut cites = Citations::default();
    let in_scope: Vec<bool> = record.facts.iter().map(|f| scope.fact(f)).collect();

    let mut headlines = Vec::new();
    let mut changes = Vec::new();
    let mut series: Vec<&reconcile::Series> = record.series.iter().collect();
    series.sort_by_key(|s| (lex.metric(&s.key.metric).rank, s.key.clone()));
    for s in &series {
        let facts: Vec<&Fact> = s
            .points
            .iter()
            .map(|&i| &record.facts[i])
            .filter(|f| in_scope[f.id])
            .collect();
        if facts.is_empty() {
            continue;
        }
        if let Some(h) = headline(&scope, &mut cites, lex, s, &facts) {
            headlines.push(h);
        }
        if let Some(c) = change(&scope, &mut cites, lex, s, &facts, since) {
            changes.push(c);
        }
    }
    // The best witnessed (then most recent) figures make the cut; within a metric, the best
    // witnessed come first.
    let mut more_headlines = 0;
    if let Some(top) = opts.top
        && headlines.len() > top
    {
        headlines.sort_by(|a, b| {
            (b.witnesses, b.sources, b.as_of).cmp(&(a.witnesses, a.sources, a.as_of))
        });
        more_headlines = headlines.len() - top;
        headlines.truncate(top);
    }
    headlines.sort_by(|a, b| {
        lex.metric(&a.metric)
            .rank
            .cmp(&lex.metric(&b.metric).rank)
            .then(b.witnesses.cmp(&a.witnesses))
            .then(b.as_of.cmp(&a.as_of))
    });

    let mut chosen: Vec<&reconcile::Contradiction> = record
        .contradictions
        .iter()
        .filter(|c| in_scope[c.a] && in_scope[c.b])
        .collect();
    let mut more_contradictions = 0;
    if let Some(top) = opts.top
        && chosen.len() > top
    {
        let weight = |c: &reconcile::Contradiction| {
            let (a, b) = (&record.facts[c.a], &record.facts[c.b]);
            (a.independent + b.independent, a.as_of.max(b.as_of))
        };
        chosen.sort_by_key(|c| std::cmp::Reverse(weight(c)));
        more_contradictions = chosen.len() - top;
        chosen.truncate(top);
        chosen.sort_by_key(|c| (c.a, c.b));
    }
    let contradictions = chosen
        .into_iter()
        .map(|c| {
            let mut side = |f: &Fact| Claimant {
                source: source_name(f),
                figure: fact_figure(f),
                value: f.value,
                as_of: f.as_of,
                hedged: f.hedged,
                witnesses: f.independent,
                cites: cites.cite(scope.fact_articles(f)),
            };
            let (a, b) = (&record.facts[c.a], &record.facts[c.b]);
            Disagreement {
                subject: Subject::of(&c.key, lex),
                a: side(a),
                b: side(b),
                days_apart: c.days_apart,
            }
        })
        .collect();

    let defs = sections();
    let mut timeline: Vec<Section> = defs
        .iter()
        .map(|d| Section {
            id: d.id.to_owned(),
            title: d.title.to_owned(),
            entries: Vec::new(),
        })
        .collect();
    for e in record.events.iter().filter(|e| scope.event(e)) {
        let Some(i) = defs.iter().position(|d| {
            d.types.contains(&e.kind.as_str())
                && (d.targets.is_empty()
                    || e.attributes
                        .get("target")
                        .and_then(|t| t.as_str())
                        .is_some_and(|t| d.targets.contains(&t)))
        }) else {
            continue;
        };
        let articles: Vec<&model::ArticleRef> = e
            .witnesses
            .iter()
            .map(|w| &w.article)
            .filter(|a| scope.published_in_time(a.published))
            .collect();
        timeline[i].entries.push(TimelineEntry {
            reported: e.reported,
            day: e.day.or(e.reported),
            day_reported: e.day.is_none(),
            kind: e.kind.clone(),
            summary: summary(e),
            status: e.status.clone(),
            statuses: e.statuses.clone(),
            place: e.place.clone(),
            witnesses: e.independent,
            hedged: e.hedged,
            cites: cites.cite(articles),
        });
    }
    for s in &mut timeline {
        s.entries.sort_by_key(|e| (e.day.is_none(), e.day));
    }
    // What happened since: the timeline's entries first reported after `since`.
    let mut new_events: Vec<TimelineEntry> = timeline
        .iter()
        .flat_map(|s| s.entries.iter())
        .filter(|e| match (since, e.reported) {
            (Some(since), Some(r)) => r > since,
            _ => false,
        })
        .cloned()
        .collect();
    new_events.sort_by_key(|e| (e.day.is_none(), e.day));

    let groups: HashSet<&model::ArticleId> = record
        .facts
        .iter()
        .flat_map(|f| f.witnesses.iter().map(|w| &w.article))
        .chain(
            record
                .events
                .iter()
                .flat_map(|e| e.witnesses.iter().map(|w| &w.article)),
        )
        .map(|a| &a.copy_group)
        .collect();
    let articles: HashSet<&model::ArticleId> = record
        .facts
        .iter()
        .flat_map(|f| f.witnesses.iter().map(|w| &w.article.id))
        .chain(
            record
                .events
                .iter()
                .flat_map(|e| e.witnesses.iter().map(|w| &w.article.id)),
        )
        .collect();
    let title = match &opts.place {
        Some(p) => format!("Situation report: {p}"),
        None => String::from("Situation report"),
    };
    let mut brief = Brief {
        title,
        as_of: day,
        since,
        place: opts.place.clone(),
        articles: articles.len(),
        stories: groups.len(),
        headlines,
        more_headlines,
        changes,
        new_events,
        contradictions,
        more_contradictions,
        timeline,
        sources: cites.into_refs(),
    };
    number_sources(&mut brief);
    brief
}

/// Numbers the sources by date, outlet and title (the order of the source list), and the
/// citations after them; sources no line cites any more (left out by `top`) are dropped.
fn number_sources(b: &mut Brief) {
    let mut cited: HashSet<usize> = HashSet::new();
    {
        let mut all = |c: &[usize]| cited.extend(c.iter().copied());
        b.headlines.iter().for_each(|h| all(&h.cites));
        for c in &b.changes {
            all(&c.cites);
            if let Some(p) = &c.previous {
                all(&p.cites);
            }
        }
        b.new_events.iter().for_each(|e| all(&e.cites));
        for c in &b.contradictions {
            all(&c.a.cites);
            all(&c.b.cites);
        }
        b.timeline
            .iter()
            .flat_map(|s| &s.entries)
            .for_each(|e| all(&e.cites));
    }
    b.sources.retain(|r| cited.contains(&r.n));
    b.sources.sort_by(|x, y| {
        (
            x.published.is_none(),
            x.published,
            &x.outlet,
            &x.title,
            &x.id,
        )
            .cmp(&(
                y.published.is_none(),
                y.published,
                &y.outlet,
                &y.title,
                &y.id,
            ))
    });
    let highest = b.sources.iter().map(|r| r.n).max().unwrap_or(0);
    let mut new_number = vec![0; highest + 1];
    for (i, r) in b.sources.iter_mut().enumerate() {
        if let Some(slot) = new_number.get_mut(r.n) {
            *slot = i + 1;
        }
        r.n = i + 1;
    }
    let fix = |c: &mut Vec<usize>| {
        for n in c.iter_mut() {
            *n = new_number.get(*n).copied().unwrap_or(*n);
        }
        c.sort_unstable();
    };
    for h in &mut b.headlines {
        fix(&mut h.cites);
    }
    for c in &mut b.changes {
        fix(&mut c.cites);
        if let Some(p) = &mut c.previous {
            fix(&mut p.cites);
        }
    }
    for e in &mut b.new_events {
        fix(&mut e.cites);
    }
    for c in &mut b.contradictions {
        fix(&mut c.a.cites);
        fix(&mut c.b.cites);
    }
    for s in &mut b.timeline {
        for e in &mut s.entries {
            fix(&mut e.cites);
        }
    }
}

/// The figure's latest value: among each source's latest fact around the newest date, the best
/// witnessed; with the range of the others.
fn headline(
    scope: &Scope,
    cites: &mut Citations,
    lex: &Lexicon,
    s: &reconcile::Series,
    facts: &[&Fact],
) -> Option<Headline> {
    let newest = facts.iter().filter_map(|f| f.as_of).max();
    let mut latest: BTreeMap<String, &Fact> = BTreeMap::new();
    for f in facts {
        let key = source_name(f).unwrap_or_default();
        let keep = latest
            .get(&key)
            .is_none_or(|g| (f.as_of, f.id) > (g.as_of, g.id));
        if keep {
            latest.insert(key, f);
        }
    }
    let current: Vec<&Fact> = latest
        .values()
        .copied()
        .filter(|f| match (newest, f.as_of) {
            (Some(n), Some(d)) => (n - d).num_days() <= RANGE_WINDOW,
            (Some(_), None) => false,
            (None, _) => true,
        })
        .collect();
    let best = current.iter().copied().max_by(|a, b| {
        (a.independent, a.as_of, a.value)
            .partial_cmp(&(b.independent, b.as_of, b.value))
            .unwrap_or(std::cmp::Ordering::Equal)
    })?;
    let low = current
        .iter()
        .map(|f| f.value)
        .fold(f64::INFINITY, f64::min);
    let high = current
        .iter()
        .map(|f| f.value_max.unwrap_or(f.value))
        .fold(f64::NEG_INFINITY, f64::max);
    let differ = current.len() > 1 && current.iter().any(|f| f.value != best.value);
    let articles: Vec<&model::ArticleRef> = current
        .iter()
        .flat_map(|f| scope.fact_articles(f))
        .collect();
    Some(Headline {
        metric: s.key.metric.clone(),
        subject: Subject::of(&s.key, lex),
        figure: fact_figure(best),
        value: best.value,
        value_kind: best.value_kind.clone(),
        source: source_name(best),
        as_of: best.as_of,
        witnesses: best.independent,
        hedged: best.hedged,
        range: differ.then_some((low, high)),
        sources: current.len(),
        cites: cites.cite(articles),
    })
}

/// The figure's newest value after `since`, against the latest before.
fn change(
    scope: &Scope,
    cites: &mut Citations,
    lex: &Lexicon,
    s: &reconcile::Series,
    facts: &[&Fact],
    since: Option<NaiveDate>,
) -> Option<Change> {
    let since = since?;
    let after = facts
        .iter()
        .copied()
        .filter(|f| f.as_of.is_some_and(|d| d > since))
        .max_by_key(|f| (f.as_of, f.independent, f.id))?;
    let before = facts
        .iter()
        .copied()
        .filter(|f| f.as_of.is_some_and(|d| d <= since))
        .max_by_key(|f| (f.as_of, f.source == after.source, f.independent, f.id));
    let direction = match before {
        None => "new",
        Some(b) if after.interval().above(&b.interval()) => "up",
        Some(b) if b.interval().above(&after.interval()) => "down",
        Some(_) => "same",
    };
    let previous = before.map(|b| Previous {
        figure: fact_figure(b),
        source: source_name(b),
        as_of: b.as_of,
        cites: cites.cite(scope.fact_articles(b)),
    });
    Some(Change {
        subject: Subject::of(&s.key, lex),
        figure: fact_figure(after),
        source: source_name(after),
        as_of: after.as_of,
        direction,
        previous,
        fell: s.falls.iter().any(|&(_, to)| to == after.id),
        cites: cites.cite(scope.fact_articles(after)),
    })
}

fn names<'a>(e: &'a EventFact, roles: &[&str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = e
        .actors
        .iter()
        .filter(|a| roles.is_empty() || roles.contains(&a.role.as_str()))
        .map(|a| a.name.as_str())
        .collect();
    out.dedup();
    out
}

/// One name per side ("Russia" for "Russia", "Russian side" and "Government of Russia": the
/// shortest), then the actors of no known side.
fn by_side<'a>(e: &'a EventFact, roles: &[&str]) -> Vec<&'a str> {
    let mut sides: BTreeMap<&str, &str> = BTreeMap::new();
    let mut others: Vec<&str> = Vec::new();
    for a in e.actors.iter().filter(|a| roles.contains(&a.role.as_str())) {
        match a.side.as_deref() {
            Some(side) => {
                let name = sides.entry(side).or_insert(a.name.as_str());
                if a.name.len() < name.len() {
                    *name = a.name.as_str();
                }
            }
            None => {
                if !others.contains(&a.name.as_str()) {
                    others.push(a.name.as_str());
                }
            }
        }
    }
    let mut out: Vec<&str> = e
        .actors
        .iter()
        .filter_map(|a| a.side.as_deref())
        .filter_map(|s| sides.remove(s))
        .collect();
    out.extend(others);
    out
}

fn place_of<'a>(e: &'a EventFact, role: &str) -> Option<&'a str> {
    e.places
        .iter()
        .find(|p| p.role == role)
        .map(|p| p.name.as_str())
}

fn attr(e: &EventFact, key: &str) -> Option<String> {
    e.attributes.get(key).map(|v| match v {
        serde_json::Value::String(s) => s.replace('_', " "),
        serde_json::Value::Number(n) => n.as_f64().map(number).unwrap_or_else(|| n.to_string()),
        v => v.to_string(),
    })
}

fn and_list(v: &[&str]) -> String {
    match v {
        [] => String::new(),
        [a] => (*a).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// How the timeline names a target kind (`data/targets.tsv`); unknown kinds as written.
fn target_phrase(kind: &str) -> String {
    include_str!("../data/targets.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(k, _)| *k == kind)
        .map(|(_, p)| p.to_owned())
        .unwrap_or_else(|| kind.replace('_', " "))
}

/// One line saying what happened, where and who took part.
pub fn summary(e: &EventFact) -> String {
    let at = |s: &mut String| {
        if let Some(p) = &e.place {
            s.push_str(&format!(" in {p}"));
        }
    };
    let mut s = String::new();
    match e.kind.as_str() {
        "talks" | "contact" => {
            s.push_str(if e.kind == "talks" {
                "Talks"
            } else {
                "Contact"
            });
            at(&mut s);
            let parties = by_side(e, &["party", "participant"]);
            if !parties.is_empty() {
                s.push_str(&format!(" between {}", and_list(&parties)));
            }
            let mut notes = Vec::new();
            if let Some(m) = attr(e, "mediator") {
                notes.push(format!("mediator {m}"));
            }
            if let Some(m) = attr(e, "mode") {
                notes.push(m);
            }
            if let Some(t) = attr(e, "topic") {
                notes.push(format!("on {t}"));
            }
            if !notes.is_empty() {
                s.push_str(&format!(" ({})", notes.join("; ")));
            }
        }
        "corridor" | "evacuation" => {
            s.push_str(if e.kind == "corridor" {
                "Humanitarian corridor"
            } else {
                "Evacuation"
            });
            if let Some(n) = attr(e, "count") {
                s.push_str(&format!(" of {n} people"));
            }
            match (
                place_of(e, "from").or(e.place.as_deref()),
                place_of(e, "to"),
            ) {
                (Some(f), Some(t)) => s.push_str(&format!(" from {f} to {t}")),
                (Some(f), None) => s.push_str(&format!(" from {f}")),
                (None, Some(t)) => s.push_str(&format!(" to {t}")),
                (None, None) => {}
            }
            if let Some(v) = place_of(e, "via") {
                s.push_str(&format!(" via {v}"));
            }
            if let Some(m) = attr(e, "means") {
                s.push_str(&format!(" by {m}"));
            }
        }
        "ceasefire" => {
            s.push_str("Ceasefire");
            at(&mut s);
            if let Some(w) = attr(e, "window") {
                s.push_str(&format!(" ({w})"));
            }
        }
        "attack" => {
            s.push_str("Attack");
            if let Some(t) = e.attributes.get("target").and_then(|t| t.as_str()) {
                s.push_str(&format!(" on {}", target_phrase(t)));
            }
            at(&mut s);
            let by = names(e, &["perpetrator"]);
            if !by.is_empty() {
                s.push_str(&format!(", blamed on {}", and_list(&by)));
            }
            let toll: Vec<String> = [("killed", "killed"), ("injured", "injured")]
                .iter()
                .filter_map(|(k, w)| attr(e, k).map(|n| format!("{n} {w}")))
                .collect();
            if !toll.is_empty() {
                s.push_str(&format!(": {}", toll.join(", ")));
            }
        }
        "capture" => {
            s.push_str("Capture");
            if let Some(p) = &e.place {
                s.push_str(&format!(" of {p}"));
            }
            let by = names(e, &[]);
            if !by.is_empty() {
                s.push_str(&format!(" ({})", and_list(&by)));
            }
        }
        "accusation" => {
            let accuser = names(e, &["accuser"]);
            let accused = names(e, &["accused"]);
            s.push_str(if accuser.is_empty() { "Accusation" } else { "" });
            if !accuser.is_empty() {
                s.push_str(&format!("{} accuses", and_list(&accuser)));
            }
            if !accused.is_empty() {
                s.push_str(&format!(" {}", and_list(&accused)));
            }
            if let Some(c) = attr(e, "charge") {
                s.push_str(&format!(" of {c}"));
            }
            at(&mut s);
        }
        "denial" => {
            let denier = names(e, &["denier"]);
            if denier.is_empty() {
                s.push_str("Denial");
            } else {
                s.push_str(&format!("{} denies", and_list(&denier)));
            }
            if let Some(w) = attr(e, "denies").or_else(|| attr(e, "what")) {
                s.push_str(&format!(" {w}"));
            }
            at(&mut s);
        }
        other => {
            s.push_str(other);
            at(&mut s);
        }
    }
    s
}
