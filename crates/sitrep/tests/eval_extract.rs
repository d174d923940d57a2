//! `sitrep eval claims|events` on tiny fixtures (`tests/data/eval/extract/`): three short
//! articles written for the project, a claims gold file and an events gold file.
//!
//! The claims gold holds six claims the rules find today, with two deliberate gold mistakes that
//! prove misses and mismatches are counted: the evacuees of `flood.txt` are given as 300 where
//! the text says 3,000 (one missed gold claim, one spurious prediction), and the wounded of
//! `shelling.txt` as soldiers where the text says people (group accuracy 4/5). Sources are given
//! as lists of acceptable names. If a change of the claim rules moves these counts, read the
//! details printed with the failure before changing the figures.
//!
//! The event rules are being written: the events tests assert the gold counts, the shape of the
//! report and what follows from whatever is predicted, not today's figures.

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/eval/extract")
}

fn sitrep() -> Command {
    let mut cmd = Command::cargo_bin("sitrep").unwrap();
    cmd.env_remove("SITREP_EVAL_MISSES");
    cmd
}

/// Runs `sitrep eval <what> <gold> <fixtures> --json --details` and parses its report.
fn eval_json(what: &str, gold: &str) -> Value {
    let dir = fixtures();
    let out = sitrep()
        .args(["eval", what])
        .arg(dir.join(gold))
        .arg(&dir)
        .args(["--json", "--details"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "sitrep eval {what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn count(v: &Value, pointer: &str) -> u64 {
    v.pointer(pointer)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("no count at {pointer} in {v:#}"))
}

#[track_caller]
fn assert_close(v: &Value, pointer: &str, want: f64) {
    let got = v
        .pointer(pointer)
        .and_then(Value::as_f64)
        .unwrap_or_else(|| panic!("no number at {pointer} in {v:#}"));
    assert!(
        (got - want).abs() < 1e-9,
        "{pointer}: got {got}, want {want}; details {:#}",
        v["details"]
    );
}

/// The claims and events `sitrep extract --published DATE` prints for a fixture.
fn extracted(file: &str, published: &str) -> Value {
    let out = sitrep()
        .args(["extract", "--published", published])
        .arg(fixtures().join(file))
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn claims_fixture_scores() {
    let r = eval_json("claims", "claims.jsonl");
    let details = &r["details"];
    for (pointer, want) in [
        ("/articles", 3),
        ("/unread", 0),
        ("/gold", 6),
        ("/predicted", 6),
        ("/tp", 5),
        ("/fp", 1),
        ("/fn", 1),
        ("/metrics/killed/tp", 2),
        ("/metrics/injured/tp", 2),
        ("/metrics/refugees/tp", 1),
        ("/metrics/evacuated/tp", 0),
        ("/metrics/evacuated/fp", 1),
        ("/metrics/evacuated/fn", 1),
        ("/attributes_right/group", 4),
    ] {
        assert_eq!(count(&r, pointer), want, "{pointer}; details {details:#}");
    }
    for p in ["/precision", "/recall", "/f1"] {
        assert_close(&r, p, 5.0 / 6.0);
    }
    assert_close(&r, "/metrics/evacuated/f1", 0.0);
    assert_close(&r, "/attributes/group", 0.8);
    for a in ["value_kind", "side", "place", "as_of", "source", "hedged"] {
        assert_close(&r, &format!("/attributes/{a}"), 1.0);
    }
    assert_eq!(r["errors"], serde_json::json!([]));
    // The details, in the shared scorer's words and order.
    let want = [
        "flood.txt: MISSED evacuated 300 | About 3,000 residents were evacuated from villages near Szolnok, the Red Cross said.",
        "flood.txt: SPURIOUS evacuated 3000.0 | About 3,000 residents were evacuated from villages near Szolnok, the Red Cross said.",
        "shelling.txt: injured 9: group gold='soldiers' got='people'",
    ];
    assert_eq!(details, &serde_json::json!(want));
}

#[test]
fn claims_text_report_and_details_by_environment() {
    let dir = fixtures();
    let out = sitrep()
        .args(["eval", "claims"])
        .arg(dir.join("claims.jsonl"))
        .arg(&dir)
        .env("SITREP_EVAL_MISSES", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "claims on 3 articles: 6 gold, 6 predicted; 5 matched, 1 spurious, 1 missed",
        "  group      0.800 (4/5)",
        "precision 0.833  recall 0.833  F1 0.833",
        "details:",
        "  shelling.txt: injured 9: group gold='soldiers' got='people'",
    ] {
        assert!(text.contains(want), "no {want:?} in:\n{text}");
    }
    // Without --details or the variable, no details.
    let out = sitrep()
        .args(["eval", "claims"])
        .arg(dir.join("claims.jsonl"))
        .arg(&dir)
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains("details:"));
}

#[test]
fn eval_runs_the_extract_path() {
    // What the evaluations score is what `sitrep extract` prints.
    let (mut claims, mut events) = (0, 0);
    for file in ["flood.txt", "shelling.txt", "camp.txt"] {
        let x = extracted(file, "2024-05-06");
        claims += x["claims"].as_array().unwrap().len() as u64;
        events += x["events"].as_array().unwrap().len() as u64;
    }
    assert_eq!(
        count(&eval_json("claims", "claims.jsonl"), "/predicted"),
        claims
    );
    assert_eq!(
        count(&eval_json("events", "events.jsonl"), "/predicted"),
        events
    );
}

#[test]
fn events_fixture_report() {
    let r = eval_json("events", "events.jsonl");
    let (gold, predicted) = (count(&r, "/gold"), count(&r, "/predicted"));
    let (tp, fp, fn_) = (count(&r, "/tp"), count(&r, "/fp"), count(&r, "/fn"));
    assert_eq!(count(&r, "/articles"), 3);
    assert_eq!(gold, 3);
    assert_eq!(tp + fn_, gold);
    assert_eq!(tp + fp, predicted);
    assert_eq!(count(&r, "/by_evidence") + count(&r, "/by_fallback"), tp);
    for t in ["attack", "evacuation", "talks"] {
        assert_eq!(count(&r, &format!("/types/{t}/gold")), 1, "{t}");
    }
    let types_gold: u64 = r["types"]
        .as_object()
        .unwrap()
        .values()
        .map(|c| c["gold"].as_u64().unwrap())
        .sum();
    assert_eq!(types_gold, gold);
    assert_close(&r, "/recall", tp as f64 / gold as f64);
    if predicted == 0 {
        // Nothing predicted: every gold event missed, precision undefined.
        assert_eq!(fn_, 3);
        assert_eq!(r["precision"], Value::Null);
        assert_close(&r, "/f1", 0.0);
    } else {
        assert_close(&r, "/precision", tp as f64 / predicted as f64);
    }
    for a in ["date", "place", "status", "actors"] {
        assert_eq!(count(&r, &format!("/attributes/{a}/of")), tp, "{a}");
        if tp == 0 {
            assert_eq!(r["attributes"][a]["accuracy"], Value::Null, "{a}");
        }
    }
    // Each missed and spurious event is listed with its article.
    let details: Vec<&str> = r["details"]
        .as_array()
        .map(|d| d.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let listed = |word: &str| details.iter().filter(|d| d.contains(word)).count() as u64;
    assert_eq!(listed(": MISSED "), fn_, "{details:#?}");
    assert_eq!(listed(": SPURIOUS "), fp, "{details:#?}");
    assert!(
        details
            .iter()
            .any(|d| d.starts_with("shelling.txt: MISSED talks") || tp > 0),
        "{details:#?}"
    );
}

#[test]
fn events_text_report() {
    let dir = fixtures();
    let out = sitrep()
        .args(["eval", "events"])
        .arg(dir.join("events.jsonl"))
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("events on 3 articles: 3 gold, "), "{text}");
    for want in [
        "  type ",
        "  overall ",
        "attribute accuracy over ",
        "  actors ",
        "precision ",
    ] {
        assert!(text.contains(want), "no {want:?} in:\n{text}");
    }
    if text.contains(" 0 predicted;") {
        assert!(
            text.contains("precision n/a  recall 0.000  F1 0.000"),
            "{text}"
        );
    }
}

#[test]
fn unreadable_lines_and_articles_are_reported_and_passed() {
    // broken.jsonl: a good line, a bad date, a line that is not JSON, an absent article.
    let dir = fixtures();
    for what in ["claims", "events"] {
        let out = sitrep()
            .args(["eval", what])
            .arg(dir.join("broken.jsonl"))
            .arg(&dir)
            .arg("--json")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{what}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 3, "{what}: {stderr}");
        assert!(lines[0].contains("broken.jsonl:2: flood.txt:"), "{stderr}");
        assert!(lines[1].contains("broken.jsonl:3: not JSON"), "{stderr}");
        assert!(lines[2].contains("absent.txt"), "{stderr}");
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(count(&r, "/articles"), 2, "{what}");
        assert_eq!(count(&r, "/unread"), 1, "{what}");
        assert_eq!(count(&r, "/gold"), 2, "{what}");
        // The absent article's gold item is missed.
        assert!(count(&r, "/fn") >= 1, "{what}");
        assert_eq!(r["errors"].as_array().unwrap().len(), 3, "{what}");
    }
}

#[test]
fn agrees_with_the_shared_scorer() {
    // The shared scorer, where present ($SITREP_SHARED, else ../shared next to the repository).
    let shared = std::env::var_os("SITREP_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let script = shared.join("tools/run_on_gold.py");
    if !script.exists() {
        eprintln!("skipped: {} not present", script.display());
        return;
    }
    let dir = fixtures();
    let bin = assert_cmd::cargo::cargo_bin("sitrep");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&bin)
        .arg(dir.join("claims.jsonl"))
        .arg(&dir)
        .arg("--json")
        .output();
    let Ok(out) = out else {
        eprintln!("skipped: no python3");
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let py: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rs = eval_json("claims", "claims.jsonl");
    for k in ["tp", "fp", "fn"] {
        assert_eq!(py[k], rs[k], "{k}");
    }
    let round = |x: &Value| (x.as_f64().unwrap() * 1e4).round() / 1e4;
    for k in ["precision", "recall", "f1"] {
        assert_eq!(round(&py[k]), round(&rs[k]), "{k}");
    }
    for (a, v) in py["attributes"].as_object().unwrap() {
        assert_eq!(round(v), round(&rs["attributes"][a]), "{a}");
    }
}
