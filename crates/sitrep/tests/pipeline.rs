//! The ingest pipeline through its library entry point, on a real SQLite file.

use model::Article;
use sitrep::pipeline::{self, Quiet};
use store::{SqliteStore, Store};

/// Every stored article, copies included.
fn all_articles(store: &SqliteStore) -> Vec<Article> {
    let filter = store::ArticleFilter {
        include_copies: true,
        ..Default::default()
    };
    store
        .articles(&filter)
        .expect("listing")
        .iter()
        .map(|r| {
            store
                .article(r.id.as_str())
                .expect("lookup")
                .expect("listed article")
                .article
        })
        .collect()
}

/// A closing line that several articles of one outlet share, and that no lexicon knows, is
/// dropped from each of them; other outlets keep a line they happen to share with it.
#[test]
fn lines_repeated_across_an_outlets_articles_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let stories = [
        "Aid trucks reached the northern district on Monday after a week of closed roads.",
        "The regional council said two schools would reopen as shelters for displaced families.",
        "Engineers restored power to the water station that serves the eastern suburbs.",
        "A second field clinic opened near the border crossing, staffed by volunteer doctors.",
    ];
    let mut lines = String::new();
    for (i, s) in stories.iter().enumerate() {
        let rec = serde_json::json!({
            "title": format!("Bulletin {i}"),
            "outlet": "Valley Courier",
            "text": format!("{s}\n\nOfficials gave no figures for the number of people affected.\n\nTell us what you are seeing in your town on our tip line."),
        });
        lines.push_str(&format!("{rec}\n"));
    }
    let other = serde_json::json!({
        "title": "Elsewhere", "outlet": "Other Paper",
        "text": "Rain delayed the convoy by a day.\n\nTell us what you are seeing in your town on our tip line.",
    });
    lines.push_str(&format!("{other}\n"));
    let input = dir.path().join("bulletins.jsonl");
    std::fs::write(&input, lines).unwrap();
    let mut store = SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let report = pipeline::ingest(
        &mut store,
        &[input.display().to_string()],
        Default::default(),
        100,
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(report.new, 5);
    for a in all_articles(&store) {
        let promo = a.text.contains("tip line");
        if a.outlet.as_deref() == Some("Valley Courier") {
            assert!(!promo, "repeated outlet line left in {:?}", a.text);
            assert!(
                a.text.contains("Officials gave no figures"),
                "reporting kept"
            );
        } else {
            assert!(promo, "another outlet's text is untouched");
        }
    }
}

/// Outlets publish a few articles an hour: furniture is recognised across runs, from the edge
/// lines stored with earlier articles.
#[test]
fn repeated_lines_are_recognised_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let bulletin = |i: usize, what: &str| {
        serde_json::json!({
            "title": format!("Update {i}"),
            "outlet": "Hill Radio",
            "text": format!("{what}\n\nDownload our app for alerts in your area."),
        })
        .to_string()
    };
    let runs = [
        [
            "Flood water reached the old bridge on Sunday night.",
            "Two villages were cut off by landslides.",
        ],
        [
            "Rescue teams reopened the mountain road on Tuesday.",
            "The dam's spillway was opened to relieve pressure.",
        ],
    ];
    let mut texts = Vec::new();
    for (r, stories) in runs.iter().enumerate() {
        let input = dir.path().join(format!("run{r}.jsonl"));
        let lines: Vec<String> = stories
            .iter()
            .enumerate()
            .map(|(i, s)| bulletin(r * 10 + i, s))
            .collect();
        std::fs::write(&input, lines.join("\n")).unwrap();
        pipeline::ingest(
            &mut store,
            &[input.display().to_string()],
            Default::default(),
            100,
            &mut Quiet,
        )
        .unwrap();
        for a in all_articles(&store) {
            texts.push((r, a.title.unwrap_or_default(), a.text));
        }
    }
    // Run 0 saw the line in only two articles: kept. Run 1 saw it in two more: stripped there.
    for (r, title, text) in texts.iter().filter(|t| t.0 == 1) {
        let promo = text.contains("Download our app");
        let first_run = title == "Update 0" || title == "Update 1";
        assert_eq!(promo, first_run, "run {r}, {title}: {text:?}");
    }
}

/// Ingest stores each article's annotations, claims and events with the current rules'
/// versions; `reindex` redoes exactly the articles whose analysis is missing or stale, and
/// leaves the store consistent.
#[test]
fn ingest_extracts_and_reindex_redoes_stale_analyses() {
    let dir = tempfile::tempdir().unwrap();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut store = SqliteStore::open(&dir.path().join("s.db")).unwrap();
    let report = pipeline::ingest(
        &mut store,
        &[examples.display().to_string()],
        Default::default(),
        7,
        &mut Quiet,
    )
    .unwrap();
    let articles = all_articles(&store);
    assert_eq!(articles.len(), report.new);
    for a in &articles {
        let ann = store
            .annotations(&a.id)
            .unwrap()
            .expect("annotated at ingest");
        assert_eq!(ann.version, sitrep::annotation::ANNOTATION_VERSION);
        let times: Vec<serde_json::Value> = serde_json::from_str(&ann.times).unwrap();
        let entities: Vec<serde_json::Value> = serde_json::from_str(&ann.entities).unwrap();
        // Records index the stored text in characters.
        let chars: Vec<char> = a.text.chars().collect();
        for r in times.iter().chain(&entities) {
            let (s, e) = (
                r["start"].as_u64().unwrap() as usize,
                r["end"].as_u64().unwrap() as usize,
            );
            let span: String = chars[s..e].iter().collect();
            assert_eq!(span, r["text"].as_str().unwrap(), "offsets of {r}");
        }
    }
    // Claims and events were extracted as the articles were stored; their spans index the
    // stored text in characters.
    let claims = stored_claims(&store);
    assert!(claims.len() > 40, "{} claims", claims.len());
    let texts: std::collections::HashMap<_, _> = articles
        .iter()
        .map(|a| (a.id.clone(), a.text.chars().collect::<Vec<char>>()))
        .collect();
    for c in &claims {
        let chars = &texts[&c.article.id];
        let words: String = chars[c.item.span.start..c.item.span.end].iter().collect();
        assert_eq!(words, c.item.span.text, "claim {:?}", c.item);
    }
    let mut events = 0;
    store
        .events(&Default::default(), &mut |_| {
            events += 1;
            true
        })
        .unwrap();
    assert!(events > 20, "{events} events");
    assert_eq!(
        pipeline::reindex(&mut store).unwrap(),
        0,
        "nothing is stale"
    );

    // Mark two articles as analysed by older rules: older annotation rules for one, older
    // extraction rules (and no claims) for the other.
    let ids = [articles[0].id.clone(), articles[1].id.clone()];
    let before: Vec<usize> = ids.iter().map(|id| claims_of(&claims, id)).collect();
    let mut old = store::Analysis::default();
    old.facts.version = pipeline::RULES.facts;
    let mut old_facts = store::Analysis::default();
    old_facts.annotations.version = pipeline::RULES.annotations;
    old_facts.facts.version = 0;
    store
        .set_analysis(&[(ids[0].clone(), old), (ids[1].clone(), old_facts)])
        .unwrap();
    assert_eq!(
        stored_claims(&store).len(),
        claims.len() - before[0] - before[1]
    );
    assert_eq!(pipeline::reindex(&mut store).unwrap(), 2);
    for a in &articles[..2] {
        let ann = store.annotations(&a.id).unwrap().unwrap();
        assert_eq!(ann.version, sitrep::annotation::ANNOTATION_VERSION);
    }
    let again = stored_claims(&store);
    assert_eq!(again.len(), claims.len(), "reindex restores the claims");
    assert_eq!(pipeline::reindex(&mut store).unwrap(), 0);
    store.integrity_check().unwrap();
}

fn stored_claims(store: &SqliteStore) -> Vec<model::Observed<model::ClaimRow>> {
    let mut out = Vec::new();
    store
        .claims(&Default::default(), Default::default(), &mut |c| {
            out.push(c);
            true
        })
        .expect("claims read");
    out
}

fn claims_of(claims: &[model::Observed<model::ClaimRow>], id: &model::ArticleId) -> usize {
    claims.iter().filter(|c| &c.article.id == id).count()
}

/// Batches are stored while the next is analysed, so the batch waiting to be stored must count
/// as stored: an outlet's repeated closing line is judged, for each article, against every
/// article of earlier batches. In batches of one, the line is kept in the first articles (too
/// few witnesses yet) and stripped from the third on, exactly as when each batch was stored
/// before the next was read; and with the examples, batches of one, two and all articles store
/// the same texts, copy groups and claims.
#[test]
fn the_batch_waiting_to_be_stored_counts_as_stored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stories = [
        "Aid trucks reached the northern district on Monday after a week of closed roads.",
        "The regional council said two schools would reopen as shelters for displaced families.",
        "Engineers restored power to the water station that serves the eastern suburbs.",
        "A second field clinic opened near the border crossing, staffed by volunteer doctors.",
        "Volunteers handed out blankets at the railway station as temperatures dropped.",
    ];
    let mut lines = String::new();
    for (i, s) in stories.iter().enumerate() {
        let rec = serde_json::json!({
            "title": format!("Bulletin {i}"),
            "outlet": "Valley Courier",
            "text": format!("{s}\n\nSend your photos to the newsroom through our reader desk."),
        });
        lines.push_str(&format!("{rec}\n"));
    }
    let bulletins = dir.path().join("bulletins.jsonl");
    std::fs::write(&bulletins, lines).expect("write");
    let mut store = SqliteStore::open(&dir.path().join("b.db")).expect("store");
    pipeline::ingest(
        &mut store,
        &[bulletins.display().to_string()],
        Default::default(),
        1,
        &mut Quiet,
    )
    .expect("ingest");
    let mut kept: Vec<(String, bool)> = all_articles(&store)
        .into_iter()
        .map(|a| (a.title.unwrap_or_default(), a.text.contains("reader desk")))
        .collect();
    kept.sort();
    let threshold = ingest::clean::REPEAT_THRESHOLD;
    for (i, (title, has_line)) in kept.iter().enumerate() {
        assert_eq!(*has_line, i + 1 < threshold, "{title}: {kept:?}");
    }

    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let snapshot = |batch: usize| {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut store = SqliteStore::open(&dir.path().join("s.db")).expect("store");
        let report = pipeline::ingest(
            &mut store,
            &[examples.display().to_string()],
            Default::default(),
            batch,
            &mut Quiet,
        )
        .expect("ingest");
        let mut articles: Vec<(String, String, String)> = all_articles(&store)
            .into_iter()
            .map(|a| {
                let group = store
                    .article(a.id.as_str())
                    .expect("lookup")
                    .expect("stored")
                    .copy_group;
                (a.id.as_str().to_owned(), group.as_str().to_owned(), a.text)
            })
            .collect();
        articles.sort();
        (report, articles, stored_claims(&store).len())
    };
    let (one, articles_one, claims_one) = snapshot(1);
    for batch in [2, 500] {
        let (report, articles, claims) = snapshot(batch);
        assert_eq!(report, one, "batch {batch}");
        assert_eq!(articles, articles_one, "batch {batch}");
        assert_eq!(claims, claims_one, "batch {batch}");
    }
    assert!(one.copies > 0 && claims_one > 0);
}
