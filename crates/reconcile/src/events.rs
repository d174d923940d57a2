//! Events of many articles into one record per happening.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use model::{ActorRow, ArticleRef, EventPlaceRow, EventRow, GeoPoint, Observed};
use serde::Serialize;

use crate::lexicon::normalise;
use crate::{days, independent};

/// Days of slack when comparing event dates: reports of one night's strike may date it either
/// side of midnight.
const DATE_SLACK: i64 = 1;

/// One article's report of an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventWitness {
    pub article: ArticleRef,
    pub seq: usize,
    pub date: Option<String>,
    pub status: Option<String>,
    pub source: Option<String>,
    pub hedged: bool,
    pub sentence: String,
}

/// One event as the articles that report it tell it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventFact {
    pub id: usize,
    #[serde(rename = "type")]
    pub kind: String,
    /// The first and last day it took place, where a report dates it to a day.
    pub day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    /// The date as the fullest report gives it (TIMEX3: may be a month or a week).
    pub date: Option<String>,
    /// The day it was first reported.
    pub reported: Option<NaiveDate>,
    pub place: Option<String>,
    pub geo: Option<GeoPoint>,
    pub places: Vec<EventPlaceRow>,
    pub actors: Vec<ActorRow>,
    /// The status of the latest report.
    pub status: Option<String>,
    /// Every status reported, in the order first reported (proposed, then opened, then
    /// failed...).
    pub statuses: Vec<String>,
    pub attributes: BTreeMap<String, serde_json::Value>,
    /// Who reported it, each once; empty where only the articles' own voice did.
    pub sources: Vec<String>,
    /// True when every report hedges it.
    pub hedged: bool,
    pub acled_event_type: String,
    pub acled_sub_event_type: String,
    pub cameo: String,
    pub plover: String,
    pub independent: usize,
    pub witnesses: Vec<EventWitness>,
}

struct Pending {
    fact: EventFact,
    place_key: Option<String>,
    /// The days it may cover, with the slack: reports dated only by publication count from
    /// their publication day.
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    /// Sentence length of the fullest report so far.
    fullest: usize,
}

/// The day range an event report covers: its own dates, else its article's publication day.
fn range(e: &Observed<EventRow>) -> (Option<NaiveDate>, Option<NaiveDate>) {
    match e.item.day() {
        Some(d) => (Some(d), e.item.last_day()),
        None => (e.article.published, e.article.published),
    }
}

fn overlaps(
    a: (Option<NaiveDate>, Option<NaiveDate>),
    b: (Option<NaiveDate>, Option<NaiveDate>),
) -> bool {
    match (a, b) {
        ((Some(a0), Some(a1)), (Some(b0), Some(b1))) => {
            days(a1, b0) <= DATE_SLACK && days(b1, a0) <= DATE_SLACK
        }
        _ => false,
    }
}

/// True when two sets of actors may be one event's: either names none, they share a name, or
/// they take the same sides.
fn actors_agree(a: &[ActorRow], b: &[ActorRow]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    if a.iter()
        .any(|x| b.iter().any(|y| normalise(&x.name) == normalise(&y.name)))
    {
        return true;
    }
    let (sa, sb) = (sides(a), sides(b));
    !sa.is_empty() && sa == sb
}

/// The sides actors take, sorted, each once.
fn sides(v: &[ActorRow]) -> Vec<&str> {
    let mut s: Vec<&str> = v.iter().filter_map(|x| x.side.as_deref()).collect();
    s.sort_unstable();
    s.dedup();
    s
}

/// Merges event reports: same type and place, overlapping dates, actors that agree, and for
/// accusations and denials the same charge.
pub(crate) fn merge(mut events: Vec<Observed<EventRow>>) -> Vec<EventFact> {
    events.sort_by(|a, b| {
        let (ra, rb) = (range(a).0, range(b).0);
        (&a.item.kind, ra.is_none(), ra, &a.article.id, a.seq).cmp(&(
            &b.item.kind,
            rb.is_none(),
            rb,
            &b.article.id,
            b.seq,
        ))
    });
    let mut done: Vec<EventFact> = Vec::new();
    let mut open: Vec<Pending> = Vec::new();
    for e in events {
        let place_key = e.item.place.as_deref().map(normalise);
        let r = range(&e);
        // Pending events of another type, or that ended before this one's window, are done.
        let (keep, finished): (Vec<Pending>, Vec<Pending>) = open.into_iter().partition(|p| {
            p.fact.kind == e.item.kind
                && match (p.to, r.0) {
                    (Some(to), Some(from)) => days(to, from) <= DATE_SLACK,
                    _ => true,
                }
        });
        done.extend(finished.into_iter().map(|p| p.fact));
        open = keep;
        let charge = |x: &EventRow| x.attributes.get("charge").cloned();
        let found = open.iter_mut().find(|p| {
            p.place_key == place_key
                && overlaps((p.from, p.to), r)
                && actors_agree(&p.fact.actors, &e.item.actors)
                && (charge(&e.item).is_none()
                    || !p.fact.attributes.contains_key("charge")
                    || p.fact.attributes.get("charge") == charge(&e.item).as_ref())
        });
        match found {
            Some(p) => absorb(p, e, r),
            None => open.push(start(e, place_key, r)),
        }
    }
    done.extend(open.into_iter().map(|p| p.fact));
    for f in &mut done {
        f.independent = independent(f.witnesses.iter().map(|w| &w.article));
        f.sources.sort();
        f.sources.dedup();
    }
    done.sort_by(|a, b| {
        let key = |f: &EventFact| {
            (
                f.day.or(f.reported).is_none(),
                f.day.or(f.reported),
                f.kind.clone(),
            )
        };
        key(a)
            .cmp(&key(b))
            .then_with(|| a.witnesses[0].article.id.cmp(&b.witnesses[0].article.id))
            .then(a.witnesses[0].seq.cmp(&b.witnesses[0].seq))
    });
    for (i, f) in done.iter_mut().enumerate() {
        f.id = i;
    }
    done
}

fn witness(e: &Observed<EventRow>) -> EventWitness {
    EventWitness {
        article: e.article.clone(),
        seq: e.seq,
        date: e.item.date.clone(),
        status: e.item.status.clone(),
        source: e.item.source.clone(),
        hedged: e.item.hedged,
        sentence: e.item.span.sentence.clone(),
    }
}

fn start(
    e: Observed<EventRow>,
    place_key: Option<String>,
    r: (Option<NaiveDate>, Option<NaiveDate>),
) -> Pending {
    let w = witness(&e);
    let x = e.item;
    Pending {
        fullest: x.span.sentence.len(),
        fact: EventFact {
            id: 0,
            day: x.day(),
            last_day: x.last_day(),
            date: x.date,
            reported: e.article.published,
            place: x.place,
            geo: x.geo,
            places: x.places,
            actors: x.actors,
            statuses: x.status.iter().cloned().collect(),
            status: x.status,
            attributes: x.attributes,
            sources: x.source.into_iter().collect(),
            hedged: x.hedged,
            acled_event_type: x.acled_event_type,
            acled_sub_event_type: x.acled_sub_event_type,
            cameo: x.cameo,
            plover: x.plover,
            independent: 0,
            witnesses: vec![w],
            kind: x.kind,
        },
        place_key,
        from: r.0,
        to: r.1,
    }
}

fn absorb(p: &mut Pending, e: Observed<EventRow>, r: (Option<NaiveDate>, Option<NaiveDate>)) {
    let w = witness(&e);
    let x = e.item;
    let f = &mut p.fact;
    let day = x.day();
    if day.is_some() && (f.day.is_none() || day < f.day) {
        f.day = day;
    }
    f.last_day = f.last_day.max(x.last_day());
    p.from = match (p.from, r.0) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    p.to = p.to.max(r.1);
    if x.span.sentence.len() > p.fullest && x.date.is_some() {
        p.fullest = x.span.sentence.len();
        f.date = x.date;
    }
    f.reported = match (f.reported, e.article.published) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if f.geo.is_none() {
        f.geo = x.geo;
    }
    for pl in x.places {
        if !f
            .places
            .iter()
            .any(|q| q.role == pl.role && q.name == pl.name)
        {
            f.places.push(pl);
        }
    }
    for a in x.actors {
        if !f
            .actors
            .iter()
            .any(|b| normalise(&b.name) == normalise(&a.name))
        {
            f.actors.push(a);
        }
    }
    if let Some(s) = x.status {
        // The latest report's status stands; every status is kept in order.
        let latest = f.witnesses.iter().filter_map(|w| w.article.published).max();
        if latest.is_none() || w.article.published >= latest {
            f.status = Some(s.clone());
        }
        if !f.statuses.contains(&s) {
            f.statuses.push(s);
        }
    }
    for (k, v) in x.attributes {
        f.attributes.entry(k).or_insert(v);
    }
    f.sources.extend(x.source);
    f.hedged &= x.hedged;
    f.witnesses.push(w);
}
