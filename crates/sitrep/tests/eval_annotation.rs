//! `sitrep eval numbers|times|places` on tiny fixtures (`tests/data/eval/`) whose scores are
//! worked out by hand. Each fixture holds cases the taggers get right and at least one gold value
//! that is deliberately wrong, so the figures prove that misses are counted.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/data/eval")
        .join(rel)
}

/// Runs `sitrep eval <what> <path> --json` and parses its report.
fn eval(what: &str, rel: &str) -> Value {
    let path = fixture(rel);
    assert!(path.exists(), "missing fixture {}", path.display());
    let out = Command::cargo_bin("sitrep")
        .expect("the sitrep binary")
        .args(["eval", what])
        .arg(&path)
        .arg("--json")
        .output()
        .expect("sitrep runs");
    assert!(
        out.status.success(),
        "sitrep eval {what} {} failed: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a JSON report")
}

fn num(v: &Value, pointer: &str) -> f64 {
    v.pointer(pointer)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("no number at {pointer} in {v:#}"))
}

fn count(v: &Value, pointer: &str) -> u64 {
    v.pointer(pointer)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("no count at {pointer} in {v:#}"))
}

#[track_caller]
fn assert_close(v: &Value, pointer: &str, want: f64) {
    let got = num(v, pointer);
    assert!(
        (got - want).abs() < 1e-9,
        "{pointer}: got {got}, want {want}"
    );
}

/// F1 of a precision and a recall, as the hand computation writes it.
fn f1(p: f64, r: f64) -> f64 {
    2.0 * p * r / (p + r)
}

#[test]
fn numbers_fixture_scores() {
    // Six cases: four plain ones (42, "three hundred", "1,250" right; 17 given the wrong gold
    // value 71, with a stray unmarked "6" in the same sentence), one flagged for the JavaScript
    // port only (9, right), one flagged by design (left out of both scopes).
    let r = eval("numbers", "numbers/NumberModel.json");
    for scope in ["/strict_overall", "/strict/NumberModel"] {
        assert_eq!(count(&r, &format!("{scope}/cases")), 4, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/gold")), 4, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/right")), 3, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/wrong")), 1, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/missed")), 0, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/spurious")), 1, "{scope}");
        assert_close(&r, &format!("{scope}/accuracy"), 3.0 / 4.0);
    }
    // The reference scope keeps the case flagged for a non-.NET port only.
    for scope in ["/reference_overall", "/reference/NumberModel"] {
        assert_eq!(count(&r, &format!("{scope}/cases")), 5, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/gold")), 5, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/right")), 4, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/wrong")), 1, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/missed")), 0, "{scope}");
        assert_eq!(count(&r, &format!("{scope}/spurious")), 1, "{scope}");
        assert_close(&r, &format!("{scope}/accuracy"), 4.0 / 5.0);
    }
    assert_eq!(count(&r, "/skipped/NumberModel"), 1);
    let misses = r["misses"].as_array().expect("misses");
    assert_eq!(misses.len(), 1, "{misses:?}");
    let miss = misses[0].as_str().unwrap_or_default();
    assert!(miss.contains("17 buses") && miss.contains("71"), "{miss}");
    let spurious = r["spurious_mentions"].as_array().expect("spurious");
    assert_eq!(spurious.len(), 1, "{spurious:?}");
    assert!(
        spurious[0].as_str().unwrap_or_default().contains("\"6\""),
        "{spurious:?}"
    );
}

#[test]
fn times_timeml_fixture_scores() {
    // DCT 2024-03-15; four gold TIMEX3s: "March 3, 2024" (DATE, right), "two weeks" (DURATION
    // P2W, gold span leaves out "more than", which the tagger takes in), "yesterday" (DATE
    // 2024-03-14, right), "April 2, 2023" (DATE with the wrong gold value 2023-04-20). The
    // unmarked year "1911" is a fifth, spurious, mention.
    let r = eval("times", "timeml/sample.tml");
    assert!(r.get("recognizers").is_none(), "{r:#}");
    let t = &r["timeml"];
    assert_eq!(count(t, "/documents"), 1);
    assert_eq!(count(t, "/gold"), 4);
    assert_eq!(count(t, "/predicted"), 5);
    // Exact spans: 3 of 5 predicted, 3 of 4 gold.
    assert_close(t, "/strict/precision", 3.0 / 5.0);
    assert_close(t, "/strict/recall", 3.0 / 4.0);
    assert_close(t, "/strict/f1", f1(3.0 / 5.0, 3.0 / 4.0));
    // Overlap: "more than two weeks" counts for "two weeks".
    assert_close(t, "/relaxed/precision", 4.0 / 5.0);
    assert_close(t, "/relaxed/recall", 1.0);
    assert_close(t, "/relaxed/f1", f1(4.0 / 5.0, 1.0));
    assert_close(t, "/type_accuracy", 1.0);
    // Every value but the wrong gold 2023-04-20.
    assert_close(t, "/value_accuracy", 3.0 / 4.0);
    assert_eq!(count(t, "/date_matched"), 3);
    assert_close(t, "/date_value_accuracy", 2.0 / 3.0);

    // The folder gives the same scores as the file.
    let d = eval("times", "timeml");
    assert_eq!(d["timeml"]["gold"], t["gold"]);
    assert_eq!(d["timeml"]["strict"], t["strict"]);
    assert_eq!(d["timeml"]["date_value_accuracy"], t["date_value_accuracy"]);
}

#[test]
fn times_recognizers_fixture_scores() {
    // Six cases: "12 May 2021" and "tomorrow" right; "3 July 2019" given the wrong gold value
    // 2019-07-30 (found, but with another value); a Monday-to-Friday range (out of scope); one
    // case without any expected result (no mention expected); one flagged case (skipped).
    let r = eval("times", "recognizers/DateTimeModel.json");
    assert!(r.get("timeml").is_none(), "{r:#}");
    let s = &r["recognizers"];
    assert_eq!(count(s, "/cases"), 6);
    assert_eq!(count(s, "/skipped_cases"), 1);
    assert_eq!(count(s, "/in_scope_results"), 3);
    assert_eq!(count(s, "/value_matched"), 2);
    assert_close(s, "/value_accuracy", 2.0 / 3.0);
    assert_eq!(count(s, "/span_found"), 3);
    assert_eq!(count(s, "/empty_cases"), 1);
    assert_eq!(count(s, "/empty_cases_clean"), 1);
}

#[test]
fn places_fixture_scores() {
    // Two articles, four gold toponyms with GeoNames coordinates: Berlin, Paris, Chicago, and
    // Madrid placed at Sydney's coordinates on purpose. "Rome" is mentioned but not marked.
    let r = eval("places", "places/sample-lgl.xml");
    assert_eq!(count(&r, "/articles"), 2);
    assert_eq!(count(&r, "/gold_toponyms"), 4);
    assert_eq!(count(&r, "/gold_with_coordinates"), 4);
    assert_eq!(count(&r, "/predicted"), 5);
    for kind in ["exact", "overlap"] {
        assert_close(&r, &format!("/{kind}_precision"), 4.0 / 5.0);
        assert_close(&r, &format!("/{kind}_recall"), 1.0);
        assert_close(&r, &format!("/{kind}_f1"), f1(4.0 / 5.0, 1.0));
    }
    // Madrid, about 17,700 km from the gold point, is the one placed wrong.
    assert_close(&r, "/acc161_recognised", 3.0 / 4.0);
    assert_close(&r, "/acc161_all", 3.0 / 4.0);
    // Errors sorted: three near 0 km and Madrid's; the median (third of four) is near 0 km.
    let median = num(&r, "/median_error_km");
    assert!((0.0..5.0).contains(&median), "median error {median} km");
}
