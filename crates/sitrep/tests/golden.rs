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

#[test]
fn extract_of_the_examples() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let out = Command::cargo_bin("sitrep")
        .unwrap()
        .arg("extract")
        .arg(&examples)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut records: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let r: Value = serde_json::from_str(l).unwrap();
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
