//! Reconciliation end to end on the reconcile corpus (tests/data/reconcile): articles written
//! for the project whose README lists, by hand, the merges, contradictions, updates, falling
//! series and merged events a reader expects. The articles are ingested into a real SQLite
//! file, reconciled from the store, and checked against that list; a digest and the report are
//! kept as golden snapshots.

use std::fmt::Write;
use std::path::PathBuf;

use reconcile::{Config, Fact, Lexicon, Reconciled};
use sitrep::pipeline::{self, Quiet};
use store::SqliteStore;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/reconcile/articles.jsonl")
}

fn reconciled() -> (Reconciled, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = SqliteStore::open(&dir.path().join("s.db")).expect("store");
    let report = pipeline::ingest(
        &mut store,
        &[corpus().display().to_string()],
        Default::default(),
        pipeline::DEFAULT_BATCH,
        &mut Quiet,
    )
    .expect("ingest");
    assert_eq!((report.read, report.copies, report.failed), (12, 1, 0));
    let r = sitrep::record::reconciled(
        &store,
        &Default::default(),
        &Lexicon::load(),
        &Config::default(),
    )
    .expect("reconcile");
    (r, dir)
}

fn find<'a>(r: &'a Reconciled, metric: &str, place: &str, value: f64) -> &'a Fact {
    r.facts
        .iter()
        .find(|f| {
            f.key.metric == metric && f.key.place.as_deref() == Some(place) && f.value == value
        })
        .unwrap_or_else(|| panic!("no fact {metric} {place} {value}"))
}

#[test]
fn copies_count_once_and_independent_outlets_separately() {
    let (r, _dir) = reconciled();
    let un = find(&r, "killed", "Ukraine", 925.0);
    assert_eq!(un.value_kind, "at_least");
    assert_eq!(un.witnesses.len(), 3);
    assert_eq!(un.independent, 3, "three outlets");
    assert!(
        un.source.as_deref().is_some_and(|s| s.contains("OHCHR")),
        "{:?}",
        un.source
    );
    let evacuated = find(&r, "evacuated", "Mariupol", 4972.0);
    assert_eq!(evacuated.witnesses.len(), 3);
    assert_eq!(evacuated.independent, 2, "the copy adds no witness");
    let hospital = find(&r, "killed", "Mariupol", 3.0);
    assert_eq!(hospital.independent, 2);
}

#[test]
fn disagreeing_sources_contradict_and_growing_totals_update() {
    let (r, _dir) = reconciled();
    let pairs: Vec<(f64, f64)> = r
        .contradictions
        .iter()
        .map(|c| (r.facts[c.a].value, r.facts[c.b].value))
        .collect();
    assert!(
        pairs.contains(&(15000.0, 1351.0)),
        "Kyiv against Moscow: {pairs:?}"
    );
    let soldiers = r
        .contradictions
        .iter()
        .find(|c| r.facts[c.a].value == 15000.0)
        .expect("found above");
    assert_eq!(
        (soldiers.key.group.as_deref(), soldiers.key.side.as_deref()),
        (Some("soldiers"), Some("russia"))
    );
    assert!(
        r.facts[soldiers.a].hedged,
        "the general staff's figure is unverified"
    );
    for (a, b) in &pairs {
        let consistent = [900.0, 912.0, 925.0];
        assert!(
            !(consistent.contains(a) && consistent.contains(b)),
            "at least 900, 912 and at least 925 are consistent: {pairs:?}"
        );
    }
    let updates: Vec<(f64, f64)> = r
        .updates
        .iter()
        .map(|u| (r.facts[u.earlier].value, r.facts[u.later].value))
        .collect();
    for expected in [
        (2_500_000.0, 2_800_000.0),
        (2_800_000.0, 3_000_000.0),
        (912.0, 925.0),
    ] {
        assert!(
            updates.contains(&expected),
            "update {expected:?} in {updates:?}"
        );
    }
}

#[test]
fn series_run_over_time_and_flag_a_falling_total() {
    let (r, _dir) = reconciled();
    let refugees = r
        .series
        .iter()
        .find(|s| s.key.metric == "refugees" && s.key.place.as_deref() == Some("Ukraine"))
        .expect("refugee series");
    let values: Vec<f64> = refugees.points.iter().map(|&i| r.facts[i].value).collect();
    assert_eq!(values, [2_500_000.0, 2_800_000.0, 3_000_000.0]);
    assert!(refugees.falls.is_empty());
    let latest: Vec<f64> = refugees.latest.iter().map(|&i| r.facts[i].value).collect();
    assert_eq!(
        latest,
        [3_000_000.0, 2_800_000.0],
        "UNHCR's latest, then IOM's"
    );
    let falls: Vec<(f64, f64)> = r
        .series
        .iter()
        .flat_map(|s| {
            s.falls
                .iter()
                .map(|&(a, b)| (r.facts[a].value, r.facts[b].value))
        })
        .collect();
    assert_eq!(falls, [(500.0, 476.0)], "only the governor's recount falls");
}

#[test]
fn events_merge_across_outlets() {
    let (r, _dir) = reconciled();
    let event = |kind: &str, place: &str| {
        r.events
            .iter()
            .filter(|e| e.kind == kind && e.place.as_deref() == Some(place))
            .max_by_key(|e| e.independent)
            .unwrap_or_else(|| panic!("no {kind} in {place}"))
    };
    let talks = event("talks", "Istanbul");
    assert_eq!(talks.independent, 2);
    assert_eq!(
        talks.day.map(|d| d.to_string()).as_deref(),
        Some("2022-03-29")
    );
    assert_eq!(event("corridor", "Mariupol").independent, 2);
    let hospital = r
        .events
        .iter()
        .find(|e| {
            e.kind == "attack"
                && e.attributes.get("target").and_then(|t| t.as_str()) == Some("maternity_ward")
        })
        .expect("hospital strike");
    assert_eq!(hospital.independent, 2);
    let volnovakha = event("capture", "Volnovakha");
    assert_eq!(volnovakha.independent, 1);
}

/// A digest of the whole record, one line per fact, contradiction, update, fall and event:
/// reviewed by hand against the corpus README.
fn digest(r: &Reconciled) -> String {
    let mut s = String::new();
    let fact = |f: &Fact| {
        format!(
            "{} {}/{}/{} {} {} {} as_of={} src={} wit={}/{}{}",
            f.id,
            f.key.metric,
            f.key.group.as_deref().unwrap_or("-"),
            f.key.side.as_deref().unwrap_or("-"),
            f.key.place.as_deref().unwrap_or("-"),
            f.value_kind,
            f.value,
            f.as_of.map(|d| d.to_string()).unwrap_or_default(),
            f.source.as_deref().unwrap_or("-"),
            f.independent,
            f.witnesses.len(),
            if f.hedged { " hedged" } else { "" }
        )
    };
    s.push_str("# facts\n");
    for f in &r.facts {
        let _ = writeln!(s, "{}", fact(f));
    }
    s.push_str("# contradictions\n");
    for c in &r.contradictions {
        let _ = writeln!(s, "{} <> {} ({} days)", c.a, c.b, c.days_apart);
    }
    s.push_str("# updates\n");
    for u in &r.updates {
        let _ = writeln!(s, "{} -> {}", u.earlier, u.later);
    }
    s.push_str("# series\n");
    for x in &r.series {
        let _ = writeln!(
            s,
            "{:?} latest={:?} falls={:?}",
            x.points, x.latest, x.falls
        );
    }
    s.push_str("# events\n");
    for e in &r.events {
        let _ = writeln!(
            s,
            "{} {} {} {} status={} wit={}/{}",
            e.day.map(|d| d.to_string()).unwrap_or_else(|| "-".into()),
            e.kind,
            e.place.as_deref().unwrap_or("-"),
            report::summary(e),
            e.status.as_deref().unwrap_or("-"),
            e.independent,
            e.witnesses.len()
        );
    }
    s
}

#[test]
fn golden_digest_and_report() {
    let (r, _dir) = reconciled();
    insta::assert_snapshot!("reconcile_digest", digest(&r));
    let lexicon = Lexicon::load();
    let brief = report::Brief::build(&r, &lexicon, &Default::default());
    let md = report::markdown::render(&brief);
    for line in md.lines().filter(|l| l.starts_with("- ")) {
        assert!(
            line.trim_end().ends_with(']'),
            "every line cites its articles: {line}"
        );
    }
    insta::assert_snapshot!("reconcile_brief", md);
}
