//! The ingest pipeline through its library entry point, on a real SQLite file.

use sitrep::pipeline::{self, Quiet};
use store::{SqliteStore, Store};

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
    let rows = store
        .articles(&store::ArticleFilter {
            include_copies: true,
            ..Default::default()
        })
        .unwrap();
    for r in rows {
        let a = store.article(r.id.as_str()).unwrap().unwrap().article;
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
