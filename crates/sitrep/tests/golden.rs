//! Golden test: what `sitrep extract` keeps of each sample article (metadata, and the opening
//! and closing of the clean text). The snapshot in `snapshots/` was reviewed by hand: titles,
//! outlets and dates match the sample files' own metadata, and no boilerplate survives at
//! either end of a text. A change to any reader or to cleaning shows up here as a diff.

use std::path::Path;

use assert_cmd::Command;
use serde_json::{Value, json};

fn edge(text: &str, head: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len().min(90);
    if head {
        chars[..n].iter().collect()
    } else {
        chars[chars.len() - n..].iter().collect()
    }
}

/// The records `sitrep extract` prints for the sample articles.
fn extract_examples() -> Vec<Value> {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let out = Command::cargo_bin("sitrep")
        .expect("binary built")
        .arg("extract")
        .arg(&examples)
        .output()
        .expect("runs");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}

#[test]
fn extract_of_the_examples() {
    let mut records: Vec<Value> = extract_examples()
        .into_iter()
        .map(|r| {
            let text = r["text"].as_str().unwrap_or_default();
            let file = r["path"]
                .as_str()
                .and_then(|p| Path::new(p).file_name())
                .map(|f| f.to_string_lossy().into_owned());
            json!({
                "file": file,
                "format": r["format"],
                "id": r["id"],
                "title": r["title"],
                "outlet": r["outlet"],
                "published": r["published"],
                "published_inferred": r["published_inferred"],
                "url": r["url"],
                "byline": r["byline"],
                "paragraphs": text.split("\n\n").count(),
                "starts": edge(text, true),
                "ends": edge(text, false),
            })
        })
        .collect();
    records.sort_by_key(|r| (r["file"].to_string(), r["title"].to_string()));
    insta::assert_json_snapshot!(records);
}

/// One line per annotation: what was found, and how it was read.
fn annotation_lines(r: &Value) -> Value {
    let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    let times: Vec<String> = r["times"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| {
            let m = t
                .get("mod")
                .map(|m| format!(" {}", s(m)))
                .unwrap_or_default();
            format!(
                "{} → {} {}{m}",
                s(&t["text"]),
                s(&t["type"]),
                s(&t["value"])
            )
        })
        .collect();
    let entities: Vec<String> = r["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let mut line = format!("{} → {} {}", s(&e["text"]), s(&e["kind"]), s(&e["name"]));
            if e["form"] != "name" {
                line.push_str(&format!(" ({})", s(&e["form"])));
            }
            for k in ["side", "role", "country"] {
                if let Some(v) = e.get(k).and_then(Value::as_str) {
                    line.push_str(&format!(" {k}={v}"));
                }
            }
            if let (Some(la), Some(lo)) = (e["lat"].as_f64(), e["lon"].as_f64()) {
                line.push_str(&format!(" @{la:.2},{lo:.2}"));
            }
            line
        })
        .collect();
    let numbers: Vec<String> = r["numbers"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| {
            let high = n["high"]
                .as_f64()
                .map(|h| format!("–{h}"))
                .unwrap_or_default();
            let unit = n
                .get("unit")
                .map(|u| format!(" {}", s(u)))
                .unwrap_or_default();
            let vague = if n["vague"] == true { " vague" } else { "" };
            format!(
                "{} → {}{high} {} {}{unit}{vague}",
                s(&n["text"]),
                n["value"],
                s(&n["kind"]),
                s(&n["modifier"])
            )
        })
        .collect();
    serde_json::json!({ "times": times, "entities": entities, "numbers": numbers })
}

/// The sample articles' records, each turned into lines by `lines`, keyed by "file | title" in
/// order.
fn examples_by_file(lines: fn(&Value) -> Value) -> Value {
    let map: std::collections::BTreeMap<String, Value> = extract_examples()
        .into_iter()
        .map(|r| {
            let file = r["path"]
                .as_str()
                .and_then(|p| Path::new(p).file_name())
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default();
            let key = format!("{file} | {}", r["title"].as_str().unwrap_or_default());
            (key, lines(&r))
        })
        .collect();
    serde_json::to_value(map).unwrap_or_default()
}

/// Golden test of the annotation layer on the sample articles: every time expression with its
/// TIMEX3 value, every entity with its canonical name (and side, role, coordinates), and every
/// number with its value, kind and modifier. Reviewed by hand against the articles' text; a
/// change to any tagger shows up here as a diff to review.
#[test]
fn annotations_of_the_examples() {
    insta::assert_json_snapshot!(examples_by_file(annotation_lines));
}

/// One line per claim and per event: every field a reader checks, then the words that carry
/// it ("«number» in «sentence»", "«trigger» in «sentence»").
fn extraction_lines(r: &Value) -> Value {
    let s = |v: &Value| match v {
        Value::Null => "-".to_owned(),
        Value::String(x) => x.clone(),
        other => other.to_string(),
    };
    let head = |text: &Value| {
        let t = s(text);
        let cut: String = t.chars().take(90).collect();
        if cut.len() < t.len() {
            format!("{cut}…")
        } else {
            cut
        }
    };
    let claims: Vec<String> = r["claims"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| {
            let max = c["value_max"]
                .as_f64()
                .map(|m| format!("–{m}"))
                .unwrap_or_default();
            let scope = c["scope"]
                .as_str()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default();
            format!(
                "{} {}{max} {} {} group={} side={} place={}{scope} as_of={} source={} hedged={} | «{}» in «{}»",
                s(&c["metric"]),
                c["value"],
                s(&c["value_kind"]),
                s(&c["unit"]),
                s(&c["group"]),
                s(&c["side"]),
                s(&c["place"]),
                s(&c["as_of"]),
                s(&c["source"]),
                c["hedged"],
                s(&c["text"]),
                head(&c["sentence"]),
            )
        })
        .collect();
    let events: Vec<String> = r["events"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let end = e["date_end"]
                .as_str()
                .map(|d| format!("..{d}"))
                .unwrap_or_default();
            let actors: Vec<String> = e["actors"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| format!("{}:{}", s(&a["name"]), s(&a["role"])))
                .collect();
            let attributes: Vec<String> = e["attributes"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| format!("{k}={}", s(v)))
                .collect();
            format!(
                "{} date={}{end} place={} status={} actors=[{}] {{{}}} source={} hedged={} codes={}/{}/{}/{} | «{}» in «{}»",
                s(&e["type"]),
                s(&e["date"]),
                s(&e["place"]),
                s(&e["status"]),
                actors.join(", "),
                attributes.join(", "),
                s(&e["source"]),
                e["hedged"],
                s(&e["acled_event_type"]),
                s(&e["acled_sub_event_type"]),
                s(&e["cameo"]),
                s(&e["plover"]),
                s(&e["text"]),
                head(&e["sentence"]),
            )
        })
        .collect();
    serde_json::json!({ "claims": claims, "events": events })
}

/// Golden test of claims and events on the sample articles: each claim with every field of
/// shared/spec/claims.md and each event with its type, date, place, status, actors,
/// attributes and export codes. Reviewed by hand against the articles; a change to any rule
/// shows up here as a diff to review.
#[test]
fn claims_and_events_of_the_examples() {
    insta::assert_json_snapshot!(examples_by_file(extraction_lines));
}

/// The coverage corpus (`tests/data/coverage/`): each article with the publication date its
/// gold gives, as `sitrep extract --published DATE` prints it (with `--explain`). Run once and
/// shared by the tests that read it.
fn extract_coverage() -> Vec<(String, Value)> {
    static RECORDS: std::sync::OnceLock<Vec<(String, Value)>> = std::sync::OnceLock::new();
    RECORDS.get_or_init(run_coverage).clone()
}

fn run_coverage() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/coverage");
    let gold = std::fs::read_to_string(dir.join("claims.gold.jsonl")).expect("coverage gold");
    gold.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let g: Value = serde_json::from_str(l).expect("gold line");
            let file = g["file"].as_str().expect("file").to_owned();
            let out = Command::cargo_bin("sitrep")
                .expect("binary built")
                .arg("extract")
                .arg("--explain")
                .arg("--published")
                .arg(g["published"].as_str().expect("published"))
                .arg(dir.join(&file))
                .output()
                .expect("runs");
            assert!(out.status.success(), "{file}");
            let record = serde_json::from_slice(&out.stdout).expect("one JSON record");
            (file, record)
        })
        .collect()
}

/// Golden test of claims and events on the coverage corpus, written to hold every metric,
/// value kind, event type, attribution pattern and hedge pattern (its README lists which
/// article holds which). Reviewed against the articles and their gold.
#[test]
fn claims_and_events_of_the_coverage_corpus() {
    let map: serde_json::Map<String, Value> = extract_coverage()
        .into_iter()
        .map(|(file, r)| (file, extraction_lines(&r)))
        .collect();
    insta::assert_json_snapshot!(Value::Object(map));
}

/// Every metric, event type, attribution pattern and hedge pattern is found somewhere in the
/// coverage corpus: a rule that stops firing fails here even before its snapshot line is read.
#[test]
fn the_coverage_corpus_yields_every_metric_event_type_attribution_and_hedge() {
    let records = extract_coverage();
    let found = |key: &str, field: &str| -> std::collections::BTreeSet<String> {
        records
            .iter()
            .flat_map(|(_, r)| r[key].as_array().cloned().unwrap_or_default())
            .filter_map(|x| x[field].as_str().map(str::to_owned))
            .collect()
    };
    let metrics = found("claims", "metric");
    for m in [
        "killed",
        "injured",
        "casualties",
        "missing",
        "evacuated",
        "refugees",
        "displaced",
        "trapped",
        "detained",
        "attacks",
        "aid",
        "population",
    ] {
        assert!(metrics.contains(m), "no {m} claim in the coverage corpus");
    }
    let types = found("events", "type");
    for t in [
        "talks",
        "contact",
        "ceasefire",
        "corridor",
        "evacuation",
        "attack",
        "capture",
        "accusation",
        "denial",
    ] {
        assert!(types.contains(t), "no {t} event in the coverage corpus");
    }
    // Each attribution pattern and each hedge pattern of issue 4 fills some claim's field,
    // as its evidence says: "according to X", a quotation's speaker, a pronoun carrying
    // reported speech back to its antecedent, the subject of a reporting verb, a capital
    // standing for its government, and the article's own voice; a hedge in the sentence, in
    // the paragraph, and in a framing paragraph before the figures.
    let evidence_rules = |field: &str| -> std::collections::BTreeSet<String> {
        records
            .iter()
            .flat_map(|(_, r)| r["claims"].as_array().cloned().unwrap_or_default())
            .flat_map(|c| c["explain"].as_array().cloned().unwrap_or_default())
            .filter(|e| e["field"] == field)
            .filter_map(|e| e["rule"].as_str().map(str::to_owned))
            .collect()
    };
    let sources = evidence_rules("source");
    for rule in [
        "according-to",
        "quote-speaker",
        "pronoun-antecedent",
        "verb-subject",
    ] {
        assert!(sources.contains(rule), "no source by {rule}: {sources:?}");
    }
    let claims: Vec<Value> = records
        .iter()
        .flat_map(|(_, r)| r["claims"].as_array().cloned().unwrap_or_default())
        .collect();
    for capital in ["Moscow", "Kyiv"] {
        assert!(
            claims.iter().any(|c| c["source"] == capital),
            "no claim sourced to {capital}"
        );
    }
    assert!(
        claims.iter().any(|c| c["source"].is_null()),
        "no claim in the article's own voice"
    );
    let hedges = evidence_rules("hedged");
    for rule in ["sentence", "paragraph", "framing-paragraph"] {
        assert!(hedges.contains(rule), "no hedge by {rule}: {hedges:?}");
    }
    // --explain gives every claim and event its evidence: at least the words of its figure or
    // its trigger.
    for (file, r) in &records {
        for key in ["claims", "events"] {
            for x in r[key].as_array().into_iter().flatten() {
                let explain = x["explain"].as_array().cloned().unwrap_or_default();
                assert!(
                    explain
                        .iter()
                        .any(|e| e["text"].as_str().is_some_and(|t| !t.is_empty())),
                    "{file}: a {key} item without evidence: {x}"
                );
            }
        }
    }
}
