//! Merging the mentions of one happening within an article: the same type, and nothing that
//! tells them apart (place, date, target, participants, charge).

use crate::{Event, EventKind};

/// How far apart (in later statuses) a status stands in an event's life: a later one wins
/// when mentions merge ("agreed", then "failed").
fn status_rank(kind: EventKind, status: Option<&str>) -> u8 {
    let order: &[&str] = match kind {
        EventKind::Corridor => &["proposed", "agreed", "opened", "blocked", "failed"],
        EventKind::Ceasefire => &["proposed", "rejected", "agreed", "declared", "violated"],
        EventKind::Talks => &["planned", "postponed", "held", "ended"],
        EventKind::Evacuation => &["planned", "failed", "under_way", "completed"],
        _ => &[],
    };
    status
        .and_then(|s| order.iter().position(|o| *o == s))
        .map_or(0, |p| p as u8 + 1)
}

fn compatible<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// The names of an event's actors in `roles`.
fn names<'e>(e: &'e Event, roles: &[&str]) -> Vec<&'e str> {
    e.actors
        .iter()
        .filter(|a| roles.contains(&a.role))
        .map(|a| a.name.as_str())
        .collect()
}

/// Whether two actor lists agree: one is empty or they share a name.
fn overlap(a: &[&str], b: &[&str]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.contains(x))
}

/// Whether `b` reports the same happening as `a`.
fn same(a: &Event, b: &Event) -> bool {
    if a.kind != b.kind || !compatible(&a.place, &b.place) {
        return false;
    }
    let day = |e: &Event| e.date.as_ref().map(|d| d.get(..10).unwrap_or(d).to_owned());
    if !compatible(&day(a), &day(b)) {
        return false;
    }
    let attr = |e: &Event, k: &str| e.attributes.get(k).cloned();
    match a.kind {
        // Strikes merge on the same target, or on the same place when neither names one.
        EventKind::Attack => match (attr(a, "target"), attr(b, "target")) {
            (Some(x), Some(y)) => x == y,
            (None, None) => a.place.is_some() && b.place.is_some(),
            _ => false,
        },
        EventKind::Contact => overlap(&names(a, &["participant"]), &names(b, &["participant"])),
        EventKind::Accusation => {
            overlap(&names(a, &["accuser"]), &names(b, &["accuser"]))
                && overlap(&names(a, &["accused"]), &names(b, &["accused"]))
                && compatible(&attr(a, "charge"), &attr(b, "charge"))
        }
        EventKind::Denial => overlap(&names(a, &["denier"]), &names(b, &["denier"])),
        // A round that was held and one still planned are two rounds.
        EventKind::Talks => {
            let planned = |e: &Event| e.status.as_deref() == Some("planned");
            planned(a) == planned(b)
        }
        EventKind::Evacuation => compatible(&attr(a, "count"), &attr(b, "count")),
        _ => true,
    }
}

/// How much a mention says: the fuller mention gives the merged event its sentence.
fn richness(e: &Event) -> usize {
    usize::from(e.date.is_some())
        + usize::from(e.place.is_some())
        + e.actors.len()
        + e.attributes.len()
        + usize::from(e.status.is_some())
}

/// Fills what `into` lacks from `from`.
fn absorb(into: &mut Event, from: &Event) {
    if into.date.is_none() {
        into.date.clone_from(&from.date);
        into.date_end.clone_from(&from.date_end);
    }
    if into.place.is_none() {
        into.place.clone_from(&from.place);
    }
    for p in &from.places {
        if !into
            .places
            .iter()
            .any(|q| q.name == p.name && q.role == p.role)
        {
            into.places.push(p.clone());
        }
    }
    for a in &from.actors {
        if !into
            .actors
            .iter()
            .any(|b| b.name == a.name && b.role == a.role)
        {
            into.actors.push(a.clone());
        }
    }
    for (k, v) in &from.attributes {
        into.attributes
            .entry(k.clone())
            .or_insert_with(|| v.clone());
    }
    if status_rank(into.kind, from.status.as_deref())
        > status_rank(into.kind, into.status.as_deref())
    {
        into.status.clone_from(&from.status);
        into.codes = from.codes.clone();
    }
    if into.source.is_none() {
        into.source.clone_from(&from.source);
    }
    into.hedged |= from.hedged;
    into.rule.push_str("; merged");
}

/// Merges the mentions of each happening; the merged event keeps the sentence of its fullest
/// mention and stays at its first mention's place in text order.
pub(crate) fn merge(events: Vec<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        match out.iter_mut().find(|o| same(o, &e)) {
            Some(o) => {
                if richness(&e) > richness(o) {
                    let first = o.clone();
                    let mut fuller = e;
                    absorb(&mut fuller, &first);
                    // Keep the merged event where the happening is first mentioned.
                    *o = fuller;
                } else {
                    absorb(o, &e);
                }
            }
            None => out.push(e),
        }
    }
    link_denials(&mut out);
    out
}

/// An actor's name and side.
type NameSide = (String, Option<String>);

/// An attack or a capture followed by a denial in the article carries who denied it: a denier
/// that is its perpetrator or on the perpetrator's side, or any denier when nobody is named.
fn link_denials(events: &mut [Event]) {
    let denials: Vec<(usize, Vec<NameSide>)> = events
        .iter()
        .filter(|e| e.kind == EventKind::Denial)
        .map(|e| {
            let by = e
                .actors
                .iter()
                .filter(|a| a.role == "denier")
                .map(|a| (a.name.clone(), a.side.clone()))
                .collect();
            (e.sentence_start, by)
        })
        .collect();
    for e in events.iter_mut() {
        if !matches!(e.kind, EventKind::Attack | EventKind::Capture) {
            continue;
        }
        let perpetrators: Vec<NameSide> = e
            .actors
            .iter()
            .filter(|a| a.role == "perpetrator")
            .map(|a| (a.name.clone(), a.side.clone()))
            .collect();
        let answers = |by: &[NameSide]| {
            perpetrators.is_empty()
                || by.iter().any(|(name, side)| {
                    perpetrators
                        .iter()
                        .any(|(p, ps)| p == name || (side.is_some() && side == ps))
                })
        };
        if let Some((_, by)) = denials
            .iter()
            .find(|(at, by)| *at >= e.sentence_start && !by.is_empty() && answers(by))
        {
            let names: Vec<&str> = by.iter().map(|(n, _)| n.as_str()).collect();
            e.attributes.insert(
                "denied_by".into(),
                serde_json::Value::from(names.join(", ")),
            );
        }
    }
}
