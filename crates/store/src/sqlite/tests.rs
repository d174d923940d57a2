use std::collections::BTreeMap;

use chrono::NaiveDate;
use dedup::CopyJudge;
use model::{
    ActorRow, Article, ArticleFacts, ArticleId, ClaimRow, EventPlaceRow, EventRow, GeoPoint,
    InputFormat, Published, Span,
};

use super::*;

const BODY: &str = "Buses carrying about 4,000 residents left the besieged port of Mariupol on \
Tuesday along a corridor towards Zaporizhzhia, officials said. Deputy Prime Minister Iryna \
Vereshchuk said a second corridor would open on Wednesday if Russian forces held their fire. \
The United Nations said more than 3.4 million people had fled Ukraine since the invasion began.";

const OTHER: &str = "Negotiators from Kyiv and Moscow met in Istanbul for a fresh round of talks \
hosted by President Recep Tayyip Erdogan, who urged both delegations to agree on a ceasefire. \
Ukraine proposed a neutral status backed by international security guarantees, while Russia \
promised to scale down military activity around the capital and Chernihiv.";

fn article(text: &str, outlet: &str, date: Option<(i32, u32, u32)>) -> NewArticle {
    let url = format!(
        "https://{}.example/story",
        outlet.to_lowercase().replace(' ', "-")
    );
    let title = format!("{outlet} title");
    let a = Article {
        id: ArticleId::derive(text, Some(&url), Some(outlet), Some(&title)),
        path: format!("{outlet}.html"),
        format: InputFormat::Html,
        url: Some(url),
        title: Some(title),
        outlet: Some(outlet.to_owned()),
        byline: None,
        language: Some("en".into()),
        published: date
            .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
            .map(|date| Published {
                date,
                inferred: false,
            }),
        text: text.to_owned(),
        meta: BTreeMap::new(),
    };
    NewArticle {
        fingerprint: dedup::fingerprint(text),
        edge_lines: Vec::new(),
        analysis: None,
        article: a,
    }
}

fn judge() -> impl Fn(&CopyFingerprint, &CopyFingerprint) -> bool {
    let j = CopyJudge::default();
    move |a, b| j.judge(a, b)
}

#[test]
fn ingesting_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let batch = vec![
        article(BODY, "Alpha", Some((2022, 3, 22))),
        article(OTHER, "Beta", Some((2022, 3, 29))),
    ];
    let mut s = SqliteStore::open(&path).unwrap();
    let first = s.ingest(&batch, &judge()).unwrap();
    assert_eq!(
        first,
        BatchOutcome {
            new: 2,
            existing: 0,
            copies: 0
        }
    );
    drop(s);
    let mut s = SqliteStore::open(&path).unwrap();
    let again = s.ingest(&batch, &judge()).unwrap();
    assert_eq!(
        again,
        BatchOutcome {
            new: 0,
            existing: 2,
            copies: 0
        }
    );
    assert_eq!(s.count().unwrap(), 2);
    assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
    s.integrity_check().unwrap();
}

#[test]
fn exact_copy_on_another_outlet_joins_and_earliest_is_original() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let later = article(BODY, "Copysite", Some((2022, 3, 23)));
    let earlier = article(BODY, "Wire", Some((2022, 3, 22)));
    // The copy arrives first; the original arrives second but is published earlier.
    assert_eq!(
        s.ingest(std::slice::from_ref(&later), &judge())
            .unwrap()
            .copies,
        0
    );
    assert_eq!(
        s.ingest(std::slice::from_ref(&earlier), &judge())
            .unwrap()
            .copies,
        1
    );
    let stored = s.article(earlier.article.id.as_str()).unwrap().unwrap();
    assert_eq!(stored.original, earlier.article.id);
    assert_eq!(stored.group_size, 2);
    let copy = s.article(later.article.id.as_str()).unwrap().unwrap();
    assert_eq!(copy.copy_group, stored.copy_group);
    let members = s.copies(&stored.copy_group).unwrap();
    assert_eq!(members[0].id, earlier.article.id, "original listed first");
    assert_eq!(members[1].copy_of.as_ref(), Some(&earlier.article.id));
    // The default listing shows one line per story.
    let rows = s.articles(&ArticleFilter::default()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].copies, 1);
    let all = s
        .articles(&ArticleFilter {
            include_copies: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[test]
fn near_copy_joins_and_distinct_story_stays_apart() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let edited =
        format!("Convoy leaves Mariupol\n\n{BODY}\n\nRelated articles\nFollow us on Telegram.");
    let out = s
        .ingest(
            &[
                article(BODY, "Wire", Some((2022, 3, 22))),
                article(&edited, "Echo", None),
                article(OTHER, "Other", None),
            ],
            &judge(),
        )
        .unwrap();
    assert_eq!(
        out,
        BatchOutcome {
            new: 3,
            existing: 0,
            copies: 1
        }
    );
    let rows = s
        .articles(&ArticleFilter {
            include_copies: true,
            ..Default::default()
        })
        .unwrap();
    let groups: std::collections::BTreeSet<_> = rows.iter().map(|r| r.copy_group.clone()).collect();
    assert_eq!(groups.len(), 2);
}

#[test]
fn a_bridging_copy_merges_groups() {
    // Two halves of one story stored apart, then the whole story: all three become one group.
    let first_half = format!("{BODY} {BODY}");
    let second_half = format!("{OTHER} {OTHER}");
    let whole = format!("{BODY} {BODY} {OTHER} {OTHER}");
    let loose = |a: &CopyFingerprint, b: &CopyFingerprint| {
        dedup::estimate_jaccard(&a.words, &b.words) >= 0.3
    };
    let mut s = SqliteStore::open_in_memory().unwrap();
    s.ingest(
        &[
            article(&first_half, "A", Some((2022, 3, 1))),
            article(&second_half, "B", Some((2022, 3, 2))),
        ],
        &loose,
    )
    .unwrap();
    assert_eq!(s.articles(&ArticleFilter::default()).unwrap().len(), 2);
    let out = s
        .ingest(&[article(&whole, "C", Some((2022, 3, 3)))], &loose)
        .unwrap();
    assert_eq!(out.copies, 1);
    let rows = s.articles(&ArticleFilter::default()).unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].copies, 2);
    assert_eq!(
        rows[0].outlet.as_deref(),
        Some("A"),
        "earliest published is the original"
    );
    // A later, edited copy of the absorbed half finds the merged story through the half's
    // band keys, which still name the absorbed group.
    let edited = format!("{OTHER} {OTHER} The delegations will meet again next week.");
    let out = s
        .ingest(&[article(&edited, "D", Some((2022, 3, 4)))], &loose)
        .unwrap();
    assert_eq!(out.copies, 1);
    let rows = s.articles(&ArticleFilter::default()).unwrap();
    assert_eq!((rows.len(), rows[0].copies), (1, 3), "{rows:?}");
}

#[test]
fn filters_and_prefix_lookup() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let a = article(BODY, "Northgate Post", Some((2022, 3, 10)));
    let b = article(OTHER, "Danube Wire", Some((2022, 3, 29)));
    s.ingest(&[a.clone(), b.clone()], &judge()).unwrap();
    let since = |d| ArticleFilter {
        since: NaiveDate::from_ymd_opt(2022, 3, d),
        ..Default::default()
    };
    assert_eq!(s.articles(&since(11)).unwrap().len(), 1);
    assert_eq!(s.articles(&since(1)).unwrap().len(), 2);
    let until = ArticleFilter {
        until: NaiveDate::from_ymd_opt(2022, 3, 10),
        ..Default::default()
    };
    assert_eq!(s.articles(&until).unwrap()[0].id, a.article.id);
    let outlet = ArticleFilter {
        outlet: Some("danube".into()),
        ..Default::default()
    };
    assert_eq!(s.articles(&outlet).unwrap()[0].id, b.article.id);
    let wild = ArticleFilter {
        outlet: Some("%".into()),
        ..Default::default()
    };
    assert!(
        s.articles(&wild).unwrap().is_empty(),
        "LIKE wildcards are escaped"
    );
    // Newest first.
    assert_eq!(
        s.articles(&ArticleFilter::default()).unwrap()[0].id,
        b.article.id
    );
    assert_eq!(
        s.article(&a.article.id.as_str()[..6])
            .unwrap()
            .unwrap()
            .article,
        a.article
    );
    assert!(s.article("ffffffffffffffffff").unwrap().is_none());
    assert!(matches!(s.article(""), Err(StoreError::Ambiguous(_))));
}

#[test]
fn refuses_a_newer_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(SqliteStore::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::SchemaTooNew { found: 99, .. })
    ));
}

#[test]
fn two_writers_on_one_file_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    drop(SqliteStore::open(&path).unwrap());
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut s = SqliteStore::open(&path).unwrap();
                for i in 0..20 {
                    let text = format!("Writer {w} report {i}: {BODY}");
                    s.ingest(&[article(&text, &format!("W{w}-{i}"), None)], &judge())
                        .unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(SqliteStore::open(&path).unwrap().count().unwrap(), 40);
}

#[test]
fn edge_lines_are_kept_per_outlet() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mut a = article(BODY, "Alpha", None);
    a.edge_lines = vec![7, 9];
    let mut b = article(OTHER, "Alpha", None);
    b.edge_lines = vec![7];
    let mut c = article(&format!("{OTHER} {BODY}"), "Beta", None);
    c.edge_lines = vec![7];
    s.ingest(&[a.clone(), b, c], &judge()).unwrap();
    let w = s.line_witnesses("Alpha", &[7, 9, 11], 5).unwrap();
    assert_eq!(w[&7].len(), 2, "two Alpha articles, not Beta's");
    assert_eq!(w[&9], vec![a.article.id.clone()]);
    assert!(!w.contains_key(&11));
    assert_eq!(
        s.line_witnesses("Alpha", &[7], 1).unwrap()[&7].len(),
        1,
        "capped"
    );
}

fn annotations(version: u32, place: &str) -> ArticleAnnotations {
    ArticleAnnotations {
        version,
        times: r#"[{"start":0,"end":7,"text":"Tuesday","type":"DATE","value":"2022-03-15"}]"#
            .into(),
        entities: format!(r#"[{{"kind":"place","name":"{place}"}}]"#),
        names: vec![EntityName {
            kind: "place".into(),
            name: place.into(),
            mentions: 2,
            geonameid: Some(701822),
            lat: Some(47.1),
            lon: Some(37.54),
            country: Some("UA".into()),
        }],
    }
}

fn analysis(version: u32, place: &str, claims: Vec<ClaimRow>) -> Analysis {
    Analysis {
        annotations: annotations(version, place),
        facts: ArticleFacts {
            version,
            claims,
            events: Vec::new(),
        },
    }
}

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, m, d).unwrap()
}

fn claim(
    metric: &str,
    value: f64,
    place: &str,
    as_of: NaiveDate,
    source: Option<&str>,
) -> ClaimRow {
    ClaimRow {
        metric: metric.into(),
        value,
        value_kind: "exact".into(),
        value_max: None,
        unit: "people".into(),
        group: Some("civilians".into()),
        side: None,
        place: Some(place.into()),
        scope: None,
        geo: Some(GeoPoint {
            geonameid: Some(701822),
            lat: 47.1,
            lon: 37.54,
            country: Some("UA".into()),
            level: Some("city".into()),
        }),
        as_of: Some(as_of),
        source: source.map(Into::into),
        hedged: false,
        span: Span {
            sentence: format!("{value} {metric}, said someone."),
            start: 3,
            end: 9,
            text: value.to_string(),
        },
        rule: "test".into(),
    }
}

fn event(kind: &str, date: &str, place: &str, via: &str) -> EventRow {
    EventRow {
        kind: kind.into(),
        date: Some(date.into()),
        date_end: None,
        place: Some(place.into()),
        geo: None,
        places: vec![
            EventPlaceRow {
                role: "from".into(),
                name: place.into(),
                geo: None,
            },
            EventPlaceRow {
                role: "via".into(),
                name: via.into(),
                geo: Some(GeoPoint {
                    geonameid: None,
                    lat: 47.0,
                    lon: 36.0,
                    country: None,
                    level: None,
                }),
            },
        ],
        actors: vec![ActorRow {
            name: "Iryna Vereshchuk".into(),
            role: "party".into(),
            side: Some("ukraine".into()),
        }],
        status: Some("opened".into()),
        attributes: BTreeMap::from([("count".to_owned(), serde_json::json!(4000))]),
        source: None,
        hedged: true,
        acled_event_type: "Strategic developments".into(),
        acled_sub_event_type: "Agreement".into(),
        cameo: "0871".into(),
        plover: "AGREE".into(),
        span: Span {
            sentence: "A corridor opened.".into(),
            start: 2,
            end: 10,
            text: "corridor".into(),
        },
        rule: "test".into(),
    }
}

#[test]
fn annotations_are_stored_with_the_article_and_replaced_by_reindexing() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mut first = article(BODY, "Danube Wire", Some((2022, 3, 15)));
    first.analysis = Some(analysis(
        1,
        "Mariupol",
        vec![claim("killed", 5.0, "Mariupol", day(3, 15), None)],
    ));
    let second = article(OTHER, "Danube Wire", Some((2022, 3, 29)));
    let judge = judge();
    s.ingest(&[first.clone(), second.clone()], &judge).unwrap();

    let stored = s.annotations(&first.article.id).unwrap().unwrap();
    assert_eq!(stored, annotations(1, "Mariupol"));
    assert_eq!(s.annotations(&second.article.id).unwrap(), None);

    // Version 1 rules: only the unanalysed article is stale. A new version of either the
    // annotation or the extraction rules makes both stale.
    let v = |annotations, facts| RulesVersion { annotations, facts };
    let stale: Vec<ArticleId> = s
        .stale(v(1, 1), 10)
        .unwrap()
        .into_iter()
        .map(|a| a.article.id)
        .collect();
    assert_eq!(stale, vec![second.article.id.clone()]);
    assert_eq!(s.stale(v(2, 1), 10).unwrap().len(), 2);
    assert_eq!(s.stale(v(1, 2), 10).unwrap().len(), 2);
    assert_eq!(s.stale(v(2, 2), 1).unwrap().len(), 1);

    let unknown = ArticleId::from_stored(String::from("0000000000000000"));
    let n = s
        .set_analysis(&[
            (
                first.article.id.clone(),
                analysis(
                    2,
                    "Zaporizhzhia",
                    vec![claim("injured", 7.0, "Zaporizhzhia", day(3, 16), None)],
                ),
            ),
            (
                second.article.id.clone(),
                analysis(2, "Istanbul", Vec::new()),
            ),
            (unknown, analysis(2, "Nowhere", Vec::new())),
        ])
        .unwrap();
    assert_eq!(n, 2);
    assert!(s.stale(v(2, 2), 10).unwrap().is_empty());
    let replaced = s.annotations(&first.article.id).unwrap().unwrap();
    assert_eq!(
        replaced.names.len(),
        1,
        "old index rows are replaced, not added to"
    );
    assert_eq!(replaced.names[0].name, "Zaporizhzhia");
    let mut metrics = Vec::new();
    s.claims(&FactFilter::default(), ClaimOrder::Date, &mut |c| {
        metrics.push(c.item.metric);
        true
    })
    .unwrap();
    assert_eq!(
        metrics,
        ["injured"],
        "old claims are replaced, not added to"
    );
    s.integrity_check().unwrap();
}

fn all_claims(
    s: &SqliteStore,
    f: &FactFilter,
    order: ClaimOrder,
) -> Vec<model::Observed<ClaimRow>> {
    let mut out = Vec::new();
    s.claims(f, order, &mut |c| {
        out.push(c);
        true
    })
    .unwrap();
    out
}

#[test]
fn claims_and_events_come_back_as_stored_filtered_and_in_order() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let mut first = article(BODY, "Danube Wire", Some((2022, 3, 15)));
    let mut claims = vec![
        claim(
            "refugees",
            3_400_000.0,
            "Ukraine",
            day(3, 20),
            Some("UNHCR"),
        ),
        claim(
            "killed",
            902.0,
            "Ukraine",
            day(3, 19),
            Some("UN human rights office"),
        ),
        claim("killed", 5.0, "Mariupol", day(3, 15), None),
    ];
    // The part of a place counted comes back too.
    claims[2].scope = Some("Russian-held areas".into());
    let events = vec![
        event("corridor", "2022-03-15", "Mariupol", "Zaporizhzhia"),
        event("talks", "2022-03-29T10:00", "Istanbul", "Ankara"),
    ];
    first.analysis = Some(Analysis {
        annotations: annotations(1, "Mariupol"),
        facts: ArticleFacts {
            version: 1,
            claims: claims.clone(),
            events: events.clone(),
        },
    });
    s.ingest(&[first.clone()], &judge()).unwrap();

    let by_date = all_claims(&s, &FactFilter::default(), ClaimOrder::Date);
    let got: Vec<&ClaimRow> = by_date.iter().map(|c| &c.item).collect();
    assert_eq!(
        got,
        [&claims[2], &claims[1], &claims[0]],
        "round trip, by as_of"
    );
    assert_eq!(by_date[0].seq, 2);
    assert_eq!(by_date[0].article.outlet.as_deref(), Some("Danube Wire"));
    assert_eq!(by_date[0].article.published, Some(day(3, 15)));
    assert_eq!(by_date[0].article.copy_group, first.article.id);

    let by_key = all_claims(&s, &FactFilter::default(), ClaimOrder::Key);
    let metrics: Vec<&str> = by_key.iter().map(|c| c.item.metric.as_str()).collect();
    assert_eq!(metrics, ["killed", "killed", "refugees"]);

    let f = FactFilter {
        metric: Some("killed".into()),
        place: Some("ukraine".into()),
        ..Default::default()
    };
    assert_eq!(
        all_claims(&s, &f, ClaimOrder::Date).len(),
        1,
        "metric and place"
    );
    let f = FactFilter {
        source: Some("danube".into()),
        ..Default::default()
    };
    let own_voice = all_claims(&s, &f, ClaimOrder::Date);
    assert_eq!(
        own_voice.len(),
        1,
        "a null source is the outlet's own voice"
    );
    assert_eq!(own_voice[0].item.source, None);
    let f = FactFilter {
        since: Some(day(3, 16)),
        until: Some(day(3, 19)),
        ..Default::default()
    };
    assert_eq!(
        all_claims(&s, &f, ClaimOrder::Date).len(),
        1,
        "date range on as_of"
    );
    let f = FactFilter {
        limit: Some(2),
        ..Default::default()
    };
    assert_eq!(all_claims(&s, &f, ClaimOrder::Date).len(), 2);
    let mut n = 0;
    let read = s
        .claims(&FactFilter::default(), ClaimOrder::Date, &mut |_| {
            n += 1;
            false
        })
        .unwrap();
    assert_eq!((n, read), (1, 1), "the consumer can stop the stream");

    let mut got = Vec::new();
    s.events(&FactFilter::default(), &mut |e| {
        got.push(e.item);
        true
    })
    .unwrap();
    assert_eq!(got, events, "events round trip, by day");
    let mut kinds = Vec::new();
    let f = FactFilter {
        place: Some("zaporizhzhia".into()),
        ..Default::default()
    };
    s.events(&f, &mut |e| {
        kinds.push(e.item.kind);
        true
    })
    .unwrap();
    assert_eq!(kinds, ["corridor"], "any of an event's places");
    let f = FactFilter {
        event_type: Some("talks".into()),
        since: Some(day(3, 29)),
        ..Default::default()
    };
    let mut n = 0;
    s.events(&f, &mut |_| {
        n += 1;
        true
    })
    .unwrap();
    assert_eq!(n, 1, "type and day filters");

    let mut counted = Vec::new();
    s.each_article(&ArticleFilter::default(), &mut |row, c, e| {
        counted.push((row.id, c, e));
        true
    })
    .unwrap();
    assert_eq!(counted, [(first.article.id.clone(), 3, 2)]);
}

#[test]
fn search_ranks_matching_articles_with_snippets() {
    let mut s = SqliteStore::open_in_memory().unwrap();
    let a = article(BODY, "Danube Wire", Some((2022, 3, 15)));
    let b = article(OTHER, "Northgate Post", Some((2022, 3, 29)));
    s.ingest(&[a.clone(), b.clone()], &judge()).unwrap();
    assert!(
        s.search("corridor", &ArticleFilter::default())
            .unwrap()
            .is_empty(),
        "not indexed yet"
    );
    assert_eq!(s.index_for_search().unwrap(), 2);
    assert_eq!(s.index_for_search().unwrap(), 0, "nothing new");
    let hits = s
        .search("corridor Zaporizhzhia", &ArticleFilter::default())
        .unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].article.id, a.article.id);
    assert!(
        hits[0].snippet.contains("[corridor]"),
        "{}",
        hits[0].snippet
    );
    let hits = s
        .search("ceasefire OR corridor", &ArticleFilter::default())
        .unwrap();
    assert_eq!(hits.len(), 2, "FTS5 operators are kept");
    let f = ArticleFilter {
        outlet: Some("northgate".into()),
        ..Default::default()
    };
    assert_eq!(
        s.search("ceasefire OR corridor", &f).unwrap().len(),
        1,
        "filters apply"
    );
    assert!(
        s.search("istanbul", &ArticleFilter::default())
            .unwrap()
            .len()
            == 1,
        "case-folded"
    );
    assert!(
        s.search("Zaporizhzhia-bound U.N.", &ArticleFilter::default())
            .is_ok(),
        "punctuation is quoted"
    );
    let err = s
        .search("\"unbalanced", &ArticleFilter::default())
        .unwrap_err();
    assert!(matches!(err, StoreError::Query { .. }), "{err}");
}

#[test]
fn a_version_2_database_gains_facts_and_search_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let conn = Connection::open(&path).unwrap();
        for sql in &MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO copy_groups (id, original, size) VALUES ('g1', 'g1', 1); \
             INSERT INTO articles (id, content_hash, copy_group, signatures, text_chars, path, \
             format, ingested_at, title, text) VALUES ('g1', 'h', 'g1', x'', 10, 'p', 'text', \
             '2022-03-01T00:00:00Z', 'Old story', 'Shelling near Chernihiv overnight'); \
             PRAGMA user_version = 2;",
        )
        .unwrap();
    }
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap() as usize, MIGRATIONS.len());
    assert_eq!(s.index_for_search().unwrap(), 1);
    let hits = s.search("chernihiv", &ArticleFilter::default()).unwrap();
    assert_eq!(hits.len(), 1, "articles stored before are indexed");
    assert_eq!(
        s.stale(
            RulesVersion {
                annotations: 1,
                facts: 1
            },
            10
        )
        .unwrap()
        .len(),
        1
    );
    s.integrity_check().unwrap();
}

mod search_properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever a user types, search answers with hits or a typed query error: never a
        /// panic, never a raw database error.
        #[test]
        fn any_query_is_answered_or_refused_cleanly(q in "\\PC{0,40}|[\"*():^+\\-a-z ]{0,20}") {
            let mut s = SqliteStore::open_in_memory().unwrap();
            s.ingest(&[article(BODY, "Danube Wire", Some((2022, 3, 15)))], &judge()).unwrap();
            s.index_for_search().unwrap();
            match s.search(&q, &ArticleFilter::default()) {
                Ok(_) | Err(StoreError::Query { .. }) => {}
                Err(e) => prop_assert!(false, "query {q:?}: {e}"),
            }
        }
    }
}

#[test]
fn a_version_3_database_keys_its_claims_by_place_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let conn = Connection::open(&path).unwrap();
        for sql in &MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.execute_batch(
            "INSERT INTO copy_groups (id, original, size) VALUES ('g1', 'g1', 1); \
             INSERT INTO articles (id, content_hash, copy_group, signatures, text_chars, path, \
             format, ingested_at, title, text) VALUES ('g1', 'h', 'g1', x'', 10, 'p', 'text', \
             '2022-03-01T00:00:00Z', 'Old story', 'Eight killed in Kiev'); \
             INSERT INTO claims (article, seq, metric, value, value_kind, unit, place, geonameid, \
             hedged, sentence, start, \"end\", text, rule) VALUES \
             (1, 0, 'killed', 8, 'exact', 'people', 'Kiev', 703448, 0, 's', 0, 5, 'Eight', 'r'), \
             (1, 1, 'killed', 9, 'exact', 'people', 'Some  Village', NULL, 0, 's', 0, 5, 'Nine', 'r'); \
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap() as usize, MIGRATIONS.len());
    let keys: Vec<Option<String>> = s
        .conn
        .prepare("SELECT place_key FROM claims ORDER BY seq")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        keys,
        [Some("#703448".to_owned()), Some("some  village".to_owned())]
    );
    s.integrity_check().unwrap();
}
