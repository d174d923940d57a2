//! What the benchmarks share: where the public data sets are, and the news corpus.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// `../shared/data` next to the repository, or `$SITREP_DATA`.
pub fn data_dir() -> PathBuf {
    std::env::var_os("SITREP_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

/// One document of the news corpus: its text and its creation date where it has one.
pub struct Doc {
    pub text: String,
    pub dct: Option<NaiveDate>,
}

/// The documents of `news-corpus/` under `dir` (none when it is absent).
pub fn load_news_corpus(dir: &Path) -> Vec<Doc> {
    let mut docs = Vec::new();
    for name in ["bbc_news_2225.jsonl", "te3_silver_newswire_plaintext.jsonl"] {
        let Ok(f) = std::fs::File::open(dir.join("news-corpus").join(name)) else {
            continue;
        };
        for line in std::io::BufReader::new(f).lines().map_while(Result::ok) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            let text = v["text"].as_str().unwrap_or_default().to_owned();
            let dct = v["dct"].as_str().and_then(|d| d.parse().ok());
            if !text.trim().is_empty() {
                docs.push(Doc { text, dct });
            }
        }
    }
    docs
}
