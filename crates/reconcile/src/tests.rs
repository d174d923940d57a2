use std::collections::BTreeMap;

use chrono::NaiveDate;
use model::{ActorRow, ArticleId, ArticleRef, ClaimRow, EventRow, Observed, Span};

use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 3, d).expect("valid day")
}

/// An article of `outlet` published on March `d`, in copy group `group`.
fn article(id: &str, group: &str, outlet: &str, d: u32) -> ArticleRef {
    ArticleRef {
        id: ArticleId::from_stored(id.to_owned()),
        copy_group: ArticleId::from_stored(group.to_owned()),
        outlet: Some(outlet.to_owned()),
        title: Some(format!("{outlet} story")),
        url: Some(format!("https://{id}.example/")),
        published: Some(day(d)),
    }
}

struct C<'a> {
    metric: &'a str,
    value: f64,
    kind: &'a str,
    group: &'a str,
    side: Option<&'a str>,
    as_of: u32,
    source: Option<&'a str>,
}

fn claim(a: &ArticleRef, seq: usize, c: C<'_>) -> Observed<ClaimRow> {
    Observed {
        article: a.clone(),
        seq,
        item: ClaimRow {
            metric: c.metric.into(),
            value: c.value,
            value_kind: c.kind.into(),
            value_max: None,
            unit: "people".into(),
            group: Some(c.group.into()),
            side: c.side.map(Into::into),
            place: Some("Ukraine".into()),
            scope: None,
            geo: None,
            as_of: Some(day(c.as_of)),
            source: c.source.map(Into::into),
            hedged: false,
            span: Span {
                sentence: format!("{} {}.", c.value, c.metric),
                start: 0,
                end: 1,
                text: String::new(),
            },
            rule: String::new(),
        },
    }
}

fn killed<'a>(value: f64, kind: &'a str, as_of: u32, source: &'a str) -> C<'a> {
    C {
        metric: "killed",
        value,
        kind,
        group: "soldiers",
        side: Some("russia"),
        as_of,
        source: Some(source),
    }
}

fn run(claims: Vec<Observed<ClaimRow>>) -> Reconciled {
    reconcile(claims, Vec::new(), &Lexicon::load(), &Config::default())
}

#[test]
fn copies_are_one_witness_and_independent_outlets_count_separately() {
    let wire = article("a1", "g1", "Kestrel", 16);
    let copy = article("a2", "g1", "Eastbridge", 17);
    let other = article("a3", "g3", "Northgate", 16);
    let c = || C {
        metric: "killed",
        value: 925.0,
        kind: "at_least",
        group: "civilians",
        side: None,
        as_of: 16,
        source: Some("the UN human rights office"),
    };
    let mut third = c();
    third.source = Some("OHCHR");
    third.value = 925.0;
    let r = run(vec![
        claim(&wire, 0, c()),
        claim(&copy, 0, c()),
        claim(&other, 0, third),
    ]);
    assert_eq!(r.facts.len(), 1, "{:#?}", r.facts);
    let f = &r.facts[0];
    assert_eq!(f.witnesses.len(), 3);
    assert_eq!(f.independent, 2, "the copy adds no witness");
    assert_eq!(f.source.as_deref(), Some("UN human rights office (OHCHR)"));
    assert!(r.contradictions.is_empty());
}

#[test]
fn the_most_precise_witness_gives_the_figure() {
    let a = article("a1", "g1", "Kestrel", 20);
    let b = article("a2", "g2", "Northgate", 20);
    let r = run(vec![
        claim(&a, 0, killed(900.0, "at_least", 20, "UN")),
        claim(&b, 0, killed(902.0, "exact", 20, "United Nations")),
    ]);
    assert_eq!(r.facts.len(), 1);
    assert_eq!(
        (r.facts[0].value, r.facts[0].value_kind.as_str()),
        (902.0, "exact")
    );
}

#[test]
fn incompatible_figures_of_different_sources_contradict() {
    let kyiv = article("a1", "g1", "Kestrel", 21);
    let moscow = article("a2", "g2", "Northgate", 22);
    let r = run(vec![
        claim(
            &kyiv,
            0,
            killed(15000.0, "approx", 21, "Ukraine's general staff"),
        ),
        claim(
            &moscow,
            0,
            killed(1351.0, "exact", 22, "Russian defence ministry"),
        ),
    ]);
    assert_eq!(r.contradictions.len(), 1, "{:#?}", r);
    let c = &r.contradictions[0];
    assert_eq!(r.facts[c.a].value, 15000.0, "the earlier side first");
    assert_eq!(r.facts[c.b].value, 1351.0);
    assert_eq!(c.days_apart, 1);
    assert!(r.updates.is_empty());
}

#[test]
fn consistent_bounds_are_not_contradictions() {
    let a = article("a1", "g1", "Kestrel", 20);
    let b = article("a2", "g2", "Northgate", 20);
    let mut at_least = killed(900.0, "at_least", 20, "UN");
    at_least.group = "civilians";
    at_least.side = None;
    let mut exact = killed(912.0, "exact", 20, "Ukraine's prosecutor general");
    exact.group = "civilians";
    exact.side = None;
    let r = run(vec![claim(&a, 0, at_least), claim(&b, 0, exact)]);
    assert_eq!(r.facts.len(), 2, "two sources, two facts");
    assert!(r.contradictions.is_empty(), "{:#?}", r.contradictions);
}

#[test]
fn a_later_larger_total_is_an_update_and_a_huge_jump_is_not() {
    let refugees = |v: f64, d: u32, s: &'static str| C {
        metric: "refugees",
        value: v,
        kind: "exact",
        group: "people",
        side: None,
        as_of: d,
        source: Some(s),
    };
    let a = article("a1", "g1", "Kestrel", 11);
    let b = article("a2", "g2", "Northgate", 13);
    let c = article("a3", "g3", "Harborview", 14);
    let r = run(vec![
        claim(&a, 0, refugees(2_500_000.0, 11, "UNHCR")),
        claim(&b, 0, refugees(2_800_000.0, 13, "IOM")),
        claim(&c, 0, refugees(9_000_000.0, 14, "a blogger")),
    ]);
    assert_eq!(r.updates.len(), 1, "{:#?}", r.updates);
    assert_eq!(r.facts[r.updates[0].later].value, 2_800_000.0);
    // 9 million a day later is more than twice either figure: a disagreement.
    assert_eq!(r.contradictions.len(), 2, "{:#?}", r.contradictions);
    // An earlier, larger figure from another source within the window is a contradiction.
    let r = run(vec![
        claim(&a, 0, refugees(2_800_000.0, 11, "IOM")),
        claim(&b, 0, refugees(2_500_000.0, 13, "UNHCR")),
    ]);
    assert_eq!((r.contradictions.len(), r.updates.len()), (1, 0));
}

#[test]
fn organs_of_one_government_do_not_contradict_each_other() {
    let a = article("a1", "g1", "Kestrel", 21);
    let b = article("a2", "g2", "Northgate", 22);
    let r = run(vec![
        claim(&a, 0, killed(498.0, "exact", 21, "Moscow")),
        claim(
            &b,
            0,
            killed(1351.0, "exact", 22, "Russian defence ministry"),
        ),
    ]);
    assert_eq!(r.facts.len(), 2, "two names, two facts");
    assert!(r.contradictions.is_empty(), "{:#?}", r.contradictions);
    assert_eq!(r.facts[0].party.as_deref(), Some("russia"));
}

#[test]
fn figures_outside_the_window_are_not_compared() {
    let a = article("a1", "g1", "Kestrel", 2);
    let b = article("a2", "g2", "Northgate", 20);
    let r = run(vec![
        claim(&a, 0, killed(498.0, "exact", 2, "Moscow")),
        claim(&b, 0, killed(14000.0, "approx", 20, "Zelenskiy")),
    ]);
    assert!(r.contradictions.is_empty() && r.updates.is_empty());
    assert_eq!(r.series.len(), 1);
    assert_eq!(r.series[0].points.len(), 2);
}

#[test]
fn a_falling_total_is_flagged_in_its_series() {
    let a = article("a1", "g1", "Kestrel", 14);
    let b = article("a2", "g2", "Northgate", 16);
    let governor = |v: f64, d: u32| C {
        metric: "killed",
        value: v,
        kind: "exact",
        group: "civilians",
        side: None,
        as_of: d,
        source: Some("Oleh Synehubov"),
    };
    let r = run(vec![
        claim(&a, 0, governor(500.0, 14)),
        claim(&b, 0, governor(476.0, 16)),
    ]);
    assert_eq!(r.series.len(), 1);
    let s = &r.series[0];
    assert_eq!(s.falls.len(), 1);
    let (from, to) = s.falls[0];
    assert_eq!((r.facts[from].value, r.facts[to].value), (500.0, 476.0));
    assert_eq!(s.latest, vec![to], "the source's latest figure");
    assert!(
        r.contradictions.is_empty(),
        "one source does not contradict itself"
    );
}

#[test]
fn stocks_may_fall_and_only_disagree_on_one_day() {
    let trapped = |v: f64, d: u32, s: &'static str| C {
        metric: "trapped",
        value: v,
        kind: "exact",
        group: "people",
        side: None,
        as_of: d,
        source: Some(s),
    };
    let a = article("a1", "g1", "Kestrel", 14);
    let b = article("a2", "g2", "Northgate", 16);
    let r = run(vec![
        claim(&a, 0, trapped(300_000.0, 14, "mayor")),
        claim(&b, 0, trapped(100_000.0, 16, "mayor")),
        claim(&b, 1, trapped(200_000.0, 16, "ICRC")),
    ]);
    assert!(
        r.series[0].falls.is_empty(),
        "a stock is not a running total"
    );
    assert_eq!(
        r.contradictions.len(),
        1,
        "same day, two sources: {:#?}",
        r.contradictions
    );
}

#[test]
fn the_result_does_not_depend_on_input_order() {
    let a = article("a1", "g1", "Kestrel", 21);
    let b = article("a2", "g2", "Northgate", 22);
    let claims = vec![
        claim(
            &a,
            0,
            killed(15000.0, "approx", 21, "Ukraine's general staff"),
        ),
        claim(
            &b,
            0,
            killed(1351.0, "exact", 22, "Russian defence ministry"),
        ),
        claim(
            &b,
            1,
            killed(1351.0, "exact", 22, "Russian defense ministry"),
        ),
    ];
    let mut reversed = claims.clone();
    reversed.reverse();
    let one = serde_json::to_string(&run(claims)).expect("json");
    let two = serde_json::to_string(&run(reversed)).expect("json");
    assert_eq!(one, two);
}

fn event(
    a: &ArticleRef,
    seq: usize,
    kind: &str,
    date: Option<&str>,
    place: &str,
) -> Observed<EventRow> {
    Observed {
        article: a.clone(),
        seq,
        item: EventRow {
            kind: kind.into(),
            date: date.map(Into::into),
            date_end: None,
            place: Some(place.into()),
            geo: None,
            places: Vec::new(),
            actors: vec![
                ActorRow {
                    name: "Government of Russia".into(),
                    role: "party".into(),
                    side: Some("russia".into()),
                },
                ActorRow {
                    name: "Government of Ukraine".into(),
                    role: "party".into(),
                    side: Some("ukraine".into()),
                },
            ],
            status: Some("held".into()),
            attributes: BTreeMap::new(),
            source: None,
            hedged: false,
            acled_event_type: "Strategic developments".into(),
            acled_sub_event_type: "Agreement".into(),
            cameo: "046".into(),
            plover: "CONSULT".into(),
            span: Span {
                sentence: "Talks were held.".into(),
                start: 0,
                end: 5,
                text: "Talks".into(),
            },
            rule: String::new(),
        },
    }
}

#[test]
fn events_merge_across_articles_by_type_place_and_date() {
    let a = article("a1", "g1", "Kestrel", 29);
    let b = article("a2", "g2", "Northgate", 30);
    let c = article("a3", "g3", "Harborview", 30);
    let mut later = event(&c, 0, "talks", Some("2022-03-29"), "Istanbul");
    later.item.status = Some("ended".into());
    let r = reconcile(
        Vec::new(),
        vec![
            event(&a, 0, "talks", Some("2022-03-29"), "Istanbul"),
            event(&b, 0, "talks", Some("2022-03-29T10:00"), "istanbul"),
            later,
            event(&b, 1, "talks", Some("2022-03-07"), "Belovezhskaya Pushcha"),
            event(&b, 2, "corridor", Some("2022-03-29"), "Istanbul"),
            event(&a, 1, "talks", Some("2022-04-05"), "Istanbul"),
        ],
        &Lexicon::load(),
        &Config::default(),
    );
    let kinds: Vec<(&str, Option<NaiveDate>, usize)> = r
        .events
        .iter()
        .map(|e| (e.kind.as_str(), e.day, e.independent))
        .collect();
    assert_eq!(
        kinds,
        [
            ("talks", Some(day(7)), 1),
            ("corridor", Some(day(29)), 1),
            ("talks", Some(day(29)), 3),
            ("talks", NaiveDate::from_ymd_opt(2022, 4, 5), 1),
        ]
    );
    let istanbul = &r.events[2];
    assert_eq!(
        istanbul.status.as_deref(),
        Some("ended"),
        "the latest report's status"
    );
    assert_eq!(istanbul.statuses, ["held", "ended"]);
    assert_eq!(istanbul.actors.len(), 2, "actors once each");
}

#[test]
fn estimates_stream_one_figure_at_a_time() {
    let a = article("a1", "g1", "Kestrel", 21);
    let b = article("a2", "g2", "Northgate", 22);
    let c = article("a3", "g3", "Harborview", 28);
    // In the store's key order: one figure, then the same figure a week later.
    let claims = vec![
        claim(&a, 0, killed(15000.0, "approx", 21, "general staff")),
        claim(
            &b,
            0,
            killed(1351.0, "exact", 22, "Russian defence ministry"),
        ),
        claim(&b, 1, killed(7000.0, "exact", 22, "NATO")),
        claim(&c, 0, killed(16000.0, "approx", 28, "general staff")),
    ];
    let lex = Lexicon::load();
    let mut out = Vec::new();
    let mut groups = EstimateGroups::new(&lex, &Config::default(), |c, e| {
        out.push((c.item.value, *e));
        true
    });
    for c in claims {
        groups.push(c);
    }
    groups.finish();
    assert_eq!(out.len(), 4);
    let e = out[0].1;
    assert_eq!(
        (e.low, e.best, e.high, e.sources),
        (1351.0, 7000.0, 15000.0, 3)
    );
    assert_eq!(out[1].1, e);
    let late = out[3].1;
    assert_eq!(
        (late.low, late.best, late.high, late.sources),
        (16000.0, 16000.0, 16000.0, 1)
    );
}

#[test]
fn spellings_of_one_place_are_one_figure() {
    let a = article("a1", "g1", "Kestrel", 20);
    let b = article("a2", "g2", "Northgate", 20);
    let geo = |id: u32| model::GeoPoint {
        geonameid: Some(id),
        lat: 50.45,
        lon: 30.52,
        country: Some("UA".into()),
        level: Some("city".into()),
    };
    let mut kyiv = claim(&a, 0, killed(8.0, "exact", 20, "Vitali Klitschko"));
    kyiv.item.place = Some("Kyiv".into());
    kyiv.item.geo = Some(geo(703448));
    let mut kiev = claim(&b, 0, killed(8.0, "exact", 20, "Vitali Klitschko"));
    kiev.item.place = Some("Kiev".into());
    kiev.item.geo = Some(geo(703448));
    let mut elsewhere = claim(&b, 1, killed(8.0, "exact", 20, "Vitali Klitschko"));
    elsewhere.item.place = Some("Kyiv".into());
    elsewhere.item.geo = Some(geo(703447));
    let r = run(vec![kyiv, kiev, elsewhere]);
    assert_eq!(r.facts.len(), 2, "{:#?}", r.facts);
    let merged = r
        .facts
        .iter()
        .find(|f| f.witnesses.len() == 2)
        .expect("merged");
    assert_eq!(merged.independent, 2);
    assert_eq!(
        r.series.len(),
        2,
        "another place with the same name is another figure"
    );
}

#[test]
fn a_part_of_a_place_is_not_compared_with_the_whole() {
    let damascus = article("a1", "g1", "Kestrel", 21);
    let rescuers = article("a2", "g2", "Northgate", 21);
    let total = article("a3", "g3", "Danube", 21);
    let c = |v: f64, src: &'static str| C {
        metric: "killed",
        value: v,
        kind: "exact",
        group: "people",
        side: None,
        as_of: 21,
        source: Some(src),
    };
    let mut gov = claim(&damascus, 0, c(1347.0, "health ministry"));
    gov.item.scope = Some("government-held areas".into());
    let mut north = claim(&rescuers, 0, c(2000.0, "White Helmets"));
    north.item.scope = Some("rebel-held northwest".into());
    let whole = claim(&total, 0, c(3300.0, "news agency"));
    let r = run(vec![gov, north, whole]);
    assert!(r.contradictions.is_empty(), "{:#?}", r.contradictions);
    assert_eq!(r.facts.len(), 3);
    let scopes: Vec<Option<&str>> = r.facts.iter().map(|f| f.key.scope.as_deref()).collect();
    assert!(
        scopes.contains(&Some("government-held areas")),
        "{scopes:?}"
    );
    assert!(scopes.contains(&None), "{scopes:?}");
    // The same numbers without scopes would contradict.
    let r = run(vec![
        claim(&damascus, 0, c(1347.0, "health ministry")),
        claim(&total, 0, c(3300.0, "news agency")),
    ]);
    assert_eq!(r.contradictions.len(), 1, "{:#?}", r);
}
