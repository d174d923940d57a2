use std::collections::BTreeMap;

use chrono::NaiveDate;
use model::{ActorRow, ArticleId, ArticleRef, ClaimRow, EventRow, Observed, Span};
use reconcile::{Config, Lexicon};

use super::*;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 3, d).expect("valid day")
}

fn article(id: &str, outlet: &str, d: u32) -> ArticleRef {
    ArticleRef {
        id: ArticleId::from_stored(id.to_owned()),
        copy_group: ArticleId::from_stored(id.to_owned()),
        outlet: Some(outlet.to_owned()),
        title: Some(format!("{outlet} <b>story</b> & more")),
        url: Some(format!("https://{id}.example/story")),
        published: Some(day(d)),
    }
}

fn claim(
    a: &ArticleRef,
    metric: &str,
    value: f64,
    kind: &str,
    as_of: u32,
    source: &str,
) -> Observed<ClaimRow> {
    Observed {
        article: a.clone(),
        seq: 0,
        item: ClaimRow {
            metric: metric.into(),
            value,
            value_kind: kind.into(),
            value_max: None,
            unit: "people".into(),
            group: Some(
                if metric == "killed" {
                    "soldiers"
                } else {
                    "people"
                }
                .into(),
            ),
            side: (metric == "killed").then(|| "russia".into()),
            place: Some("Ukraine".into()),
            scope: None,
            geo: None,
            as_of: Some(day(as_of)),
            source: Some(source.into()),
            hedged: source == "Zelenskiy",
            span: Span {
                sentence: String::new(),
                start: 0,
                end: 0,
                text: String::new(),
            },
            rule: String::new(),
        },
    }
}

fn event(
    a: &ArticleRef,
    kind: &str,
    date: &str,
    place: &str,
    attrs: &[(&str, &str)],
) -> Observed<EventRow> {
    Observed {
        article: a.clone(),
        seq: 1,
        item: EventRow {
            kind: kind.into(),
            date: Some(date.into()),
            date_end: None,
            place: Some(place.into()),
            geo: None,
            places: Vec::new(),
            actors: vec![ActorRow {
                name: "Government of Ukraine".into(),
                role: "party".into(),
                side: Some("ukraine".into()),
            }],
            status: Some("held".into()),
            attributes: attrs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
                .collect::<BTreeMap<_, _>>(),
            source: None,
            hedged: false,
            acled_event_type: String::new(),
            acled_sub_event_type: String::new(),
            cameo: String::new(),
            plover: String::new(),
            span: Span {
                sentence: String::new(),
                start: 0,
                end: 0,
                text: String::new(),
            },
            rule: String::new(),
        },
    }
}

fn brief(opts: &Options) -> Brief {
    let kyiv = article("a1", "Kestrel", 20);
    let moscow = article("a2", "Northgate", 21);
    let unhcr = article("a3", "Harborview", 21);
    let late = article("a4", "Meridian", 30);
    let claims = vec![
        claim(&kyiv, "killed", 14000.0, "approx", 20, "Zelenskiy"),
        claim(&moscow, "killed", 498.0, "exact", 21, "Moscow"),
        claim(&kyiv, "refugees", 3_200_000.0, "exact", 19, "UNHCR"),
        claim(&unhcr, "refugees", 3_400_000.0, "at_least", 21, "UNHCR"),
        claim(&late, "refugees", 4_000_000.0, "at_least", 30, "UNHCR"),
    ];
    let events = vec![
        event(&kyiv, "talks", "2022-03-14", "Kyiv", &[("mode", "video")]),
        event(
            &moscow,
            "attack",
            "2022-03-16",
            "Mariupol",
            &[("target", "theatre")],
        ),
        event(
            &moscow,
            "attack",
            "2022-03-16",
            "Kharkiv",
            &[("target", "residential")],
        ),
        event(&late, "talks", "2022-03-29", "Istanbul", &[]),
    ];
    let lex = Lexicon::load();
    let record = reconcile::reconcile(claims, events, &lex, &Config::default());
    Brief::build(&record, &lex, opts)
}

#[test]
fn the_report_stops_at_its_day_and_cites_every_line() {
    let b = brief(&Options {
        as_of: Some(day(21)),
        ..Default::default()
    });
    assert_eq!(
        b.since,
        Some(day(20)),
        "changes since the day before by default"
    );
    let labels: Vec<&str> = b
        .headlines
        .iter()
        .map(|h| h.subject.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["Killed", "Refugees"],
        "metrics in the lexicon's order"
    );
    let refugees = &b.headlines[1];
    assert_eq!(
        refugees.figure, "at least 3.4 million",
        "the 4 million of March 30 is later"
    );
    let killed = &b.headlines[0];
    assert_eq!(killed.range, Some((498.0, 14000.0)), "the sources' range");
    assert_eq!(killed.sources, 2);
    assert_eq!(b.contradictions.len(), 1);
    let c = &b.contradictions[0];
    assert_eq!(c.a.source.as_deref(), Some("Volodymyr Zelenskiy"));
    assert!(c.a.hedged);
    assert_eq!(c.b.source.as_deref(), Some("Government of Russia"));
    let change = b
        .changes
        .iter()
        .find(|c| c.subject.label == "Refugees")
        .expect("a change");
    assert_eq!(change.direction, "up");
    assert_eq!(
        change.previous.as_ref().map(|p| p.figure.as_str()),
        Some("3.2 million")
    );

    let new: Vec<&str> = b.new_events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(
        new,
        ["attack"],
        "the theatre strike, reported on March 21, after the 20th"
    );

    let talks = &b.timeline[0];
    assert_eq!(
        talks.entries.len(),
        1,
        "the Istanbul talks are after the report's day"
    );
    assert!(
        talks.entries[0].summary.contains("Talks in Kyiv"),
        "{}",
        talks.entries[0].summary
    );
    let protected = b
        .timeline
        .iter()
        .find(|s| s.id == "protected")
        .expect("section");
    assert_eq!(
        protected.entries.len(),
        1,
        "a theatre is protected; a residential block is not"
    );
    assert_eq!(b.sources.len(), 3, "article 4 is never cited");

    let md = markdown::render(&b);
    for line in md.lines().filter(|l| l.starts_with("- ")) {
        assert!(line.contains("]"), "uncited line: {line}");
    }
    assert!(md.contains("1. Kestrel"), "{md}");
}

#[test]
fn top_keeps_the_best_witnessed_and_drops_what_only_they_cited() {
    let all = brief(&Options::default());
    let b = brief(&Options {
        top: Some(1),
        ..Default::default()
    });
    assert_eq!(b.headlines.len(), 1);
    assert_eq!(b.more_headlines, all.headlines.len() - 1);
    assert_eq!(b.contradictions.len(), 1);
    let cited: std::collections::HashSet<usize> = b
        .headlines
        .iter()
        .flat_map(|h| h.cites.iter().copied())
        .chain(
            b.contradictions
                .iter()
                .flat_map(|c| c.a.cites.iter().chain(&c.b.cites).copied()),
        )
        .chain(b.changes.iter().flat_map(|c| c.cites.iter().copied()))
        .chain(
            b.changes
                .iter()
                .flat_map(|c| c.previous.iter().flat_map(|p| p.cites.iter().copied())),
        )
        .chain(b.new_events.iter().flat_map(|e| e.cites.iter().copied()))
        .chain(
            b.timeline
                .iter()
                .flat_map(|s| s.entries.iter().flat_map(|e| e.cites.iter().copied())),
        )
        .collect();
    let listed: std::collections::HashSet<usize> = b.sources.iter().map(|r| r.n).collect();
    assert_eq!(
        cited, listed,
        "every source listed is cited, and numbered from 1"
    );
    assert_eq!(listed.iter().max(), Some(&b.sources.len()));
    assert!(markdown::render(&b).contains("more figures are not shown"));
}

#[test]
fn a_place_narrows_the_report() {
    let b = brief(&Options {
        place: Some("mariupol".into()),
        ..Default::default()
    });
    assert!(b.headlines.is_empty());
    let entries: usize = b.timeline.iter().map(|s| s.entries.len()).sum();
    assert_eq!(entries, 1);
}

#[test]
fn the_html_page_is_self_contained_and_escaped() {
    let b = brief(&Options::default());
    let html = html::render(&b);
    assert!(html.starts_with("<!DOCTYPE html>"));
    for banned in ["<script", "<link", "<img", "@import", "src="] {
        assert!(!html.contains(banned), "external asset or script: {banned}");
    }
    assert!(
        html.contains("Kestrel &lt;b&gt;story&lt;/b&gt; &amp; more"),
        "titles are escaped"
    );
    assert!(html.contains("href=\"#src-1\""));
    assert!(html.contains("<li id=\"src-1\""));
    assert!(html.contains("@media print"));
    let json: serde_json::Value = serde_json::from_str(&b.json()).expect("valid JSON");
    assert_eq!(
        json["sources"].as_array().map(Vec::len),
        Some(b.sources.len())
    );
}

#[test]
fn links_are_http_only() {
    let mut b = brief(&Options::default());
    b.sources[0].url = Some("javascript:alert(1)".into());
    let html = html::render(&b);
    assert!(!html.contains("javascript:"));
}
