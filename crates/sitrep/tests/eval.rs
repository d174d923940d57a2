//! Quality floors measured through `sitrep eval`: copy detection on the labelled set in the
//! repository, and main-text extraction on the shared benchmark (skipped when absent).

#![allow(clippy::unwrap_used)] // test helpers: a failure here is a failed test

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn eval(args: &[&str]) -> Value {
    let out = Command::cargo_bin("sitrep")
        .unwrap()
        .arg("eval")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn copy_detection_on_the_labelled_set() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/copies");
    let r = eval(&["copies", dir.to_str().unwrap()]);
    assert_eq!(r["articles"], 33);
    let p = r["pairs"]["precision"].as_f64().unwrap();
    let rec = r["pairs"]["recall"].as_f64().unwrap();
    // Distinct reports of one event must stay apart; copies, rewrites included, grouped.
    assert!(p >= 0.99, "pair precision {p}: {}", r["false_pairs"]);
    assert!(rec >= 0.9, "pair recall {rec}: {}", r["missed_pairs"]);
}

#[test]
fn main_text_extraction_on_the_benchmark() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/article-extraction");
    if !dir.join("ground-truth.json").exists() {
        eprintln!("skipped: {} not present", dir.display());
        return;
    }
    let r = eval(&["html", dir.to_str().unwrap()]);
    let f1 = r["mean"]["f1"].as_f64().unwrap();
    assert!(
        f1 >= 0.93,
        "token F1 {f1} below the 0.93 target; worst pages {}",
        r["worst"]
    );
    assert_eq!(r["failed"], 0);
}
