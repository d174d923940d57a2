//! Measurements of pipeline parts against benchmark data in known formats, at any path.
//!
//! `html`: the article-extraction benchmark layout (`ground-truth.json` mapping
//! `{id: {url, articleBody}}`, and `html/<id>.html.gz` pages); token precision, recall and F1 of
//! the clean text sitrep keeps against `articleBody`.
//!
//! `copies`: a folder of articles with `labels.json` (`{"groups": [[file, ...], ...],
//! "singletons": [...]}`); pair precision and recall of the copy groups sitrep forms.
//!
//! `claims`, `events`: a gold file of JSON lines naming articles in a folder (`{"file",
//! "published", "claims"|"events": [...]}`); each article goes through the path of
//! `sitrep extract` ([`crate::extraction`]) and its printed records are scored against the gold.

pub mod claims;
pub mod events;
pub mod numbers;
pub mod places;
pub mod times;

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

/// Token-level scores of one or many documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(tp: f64, predicted: f64, gold: f64) -> Self {
        let precision = if predicted > 0.0 { tp / predicted } else { 0.0 };
        let recall = if gold > 0.0 { tp / gold } else { 0.0 };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// Lower-cased words with punctuation trimmed from their ends, as a bag (word → count).
pub fn token_bag(s: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in s.split_whitespace() {
        let t = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !t.is_empty() {
            *bag.entry(t).or_insert(0) += 1;
        }
    }
    bag
}

/// Precision, recall and F1 of the bag overlap between `predicted` and `gold`.
pub fn token_prf(predicted: &str, gold: &str) -> (Prf, [usize; 3]) {
    let p = token_bag(predicted);
    let g = token_bag(gold);
    let tp: usize = p
        .iter()
        .map(|(w, n)| (*n).min(*g.get(w).unwrap_or(&0)))
        .sum();
    let np: usize = p.values().sum();
    let ng: usize = g.values().sum();
    (Prf::new(tp as f64, np as f64, ng as f64), [tp, np, ng])
}

#[derive(Debug, Deserialize)]
struct Truth {
    url: Option<String>,
    #[serde(rename = "articleBody")]
    article_body: String,
}

/// Results of the article-extraction benchmark.
#[derive(Debug, Clone, Serialize)]
pub struct HtmlEval {
    pub pages: usize,
    pub failed: usize,
    /// Mean over pages of each page's scores.
    pub mean: Prf,
    /// Scores of the pooled token counts.
    pub micro: Prf,
    pub pages_per_second: f64,
    pub megabytes_per_second: f64,
    /// The worst pages, for reading their errors.
    pub worst: Vec<(String, f64)>,
}

/// Runs the article-extraction benchmark in `dir`.
pub fn html(dir: &Path) -> Result<HtmlEval> {
    let truth_path = dir.join("ground-truth.json");
    let truth: BTreeMap<String, Truth> = serde_json::from_reader(
        std::fs::File::open(&truth_path).with_context(|| format!("{}", truth_path.display()))?,
    )
    .with_context(|| {
        format!(
            "{}: not the expected ground-truth format",
            truth_path.display()
        )
    })?;
    let mut pages = Vec::new();
    for (id, t) in &truth {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::MultiGzDecoder::new(
            std::fs::File::open(&path).with_context(|| format!("{}", path.display()))?,
        )
        .read_to_end(&mut bytes)
        .with_context(|| format!("{}", path.display()))?;
        pages.push((id.clone(), t, bytes));
    }
    if pages.is_empty() {
        bail!("{}: no pages", dir.display());
    }
    let ing = ingest::Ingestor::new(ingest::ReadOptions::default());
    let total_bytes: usize = pages.iter().map(|p| p.2.len()).sum();
    let start = Instant::now();
    let texts: Vec<Option<String>> = pages
        .iter()
        .map(|(id, t, bytes)| {
            ingest::readers::read_page(
                bytes,
                None,
                t.url.as_deref(),
                id,
                model::InputFormat::Html,
                &ing,
            )
            .ok()
            .map(|a| a.text)
        })
        .collect();
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let mut sum = Prf::default();
    let mut pooled = [0usize; 3];
    let mut per_page = Vec::new();
    let mut failed = 0;
    for ((id, t, _), text) in pages.iter().zip(&texts) {
        let (prf, counts) = match text {
            Some(text) => token_prf(text, &t.article_body),
            None => {
                failed += 1;
                token_prf("", &t.article_body)
            }
        };
        sum.precision += prf.precision;
        sum.recall += prf.recall;
        sum.f1 += prf.f1;
        for (p, c) in pooled.iter_mut().zip(counts) {
            *p += c;
        }
        per_page.push((id.clone(), prf.f1));
    }
    let n = pages.len() as f64;
    per_page.sort_by(|a, b| a.1.total_cmp(&b.1));
    per_page.truncate(5);
    Ok(HtmlEval {
        pages: pages.len(),
        failed,
        mean: Prf {
            precision: sum.precision / n,
            recall: sum.recall / n,
            f1: sum.f1 / n,
        },
        micro: Prf::new(pooled[0] as f64, pooled[1] as f64, pooled[2] as f64),
        pages_per_second: n / secs,
        megabytes_per_second: total_bytes as f64 / 1e6 / secs,
        worst: per_page,
    })
}

#[derive(Debug, Deserialize)]
struct Labels {
    groups: Vec<Vec<String>>,
    #[serde(default)]
    singletons: Vec<String>,
}

/// Results of the copy-detection evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct CopiesEval {
    pub articles: usize,
    pub gold_pairs: usize,
    pub predicted_pairs: usize,
    pub pairs: Prf,
    /// Pairs grouped that should not be, and pairs missed, with their similarity.
    pub false_pairs: Vec<PairError>,
    pub missed_pairs: Vec<PairError>,
    /// The distinct pairs most similar by words and by skeleton: the margin left to the judge.
    pub closest_distinct_words: Option<PairError>,
    pub closest_distinct_skeleton: Option<PairError>,
}

/// A pair the copy detection got wrong, with the estimated similarities behind the decision.
#[derive(Debug, Clone, Serialize)]
pub struct PairError {
    pub a: String,
    pub b: String,
    pub words: f64,
    pub skeleton: f64,
}

/// Ingests the labelled folder into a fresh database and scores its copy groups by pairs.
pub fn copies(dir: &Path) -> Result<CopiesEval> {
    let labels_path = dir.join("labels.json");
    let labels: Labels = serde_json::from_reader(
        std::fs::File::open(&labels_path).with_context(|| format!("{}", labels_path.display()))?,
    )
    .with_context(|| {
        format!(
            "{}: expected {{\"groups\": [[...]], \"singletons\": [...]}}",
            labels_path.display()
        )
    })?;
    let tmp = tempdir_in_target()?;
    let db = tmp.join("copies-eval.db");
    let _ = std::fs::remove_file(&db);
    let mut store = store::SqliteStore::open(&db)?;
    let files: Vec<String> = labels
        .groups
        .iter()
        .flatten()
        .chain(&labels.singletons)
        .cloned()
        .collect();
    let args: Vec<String> = files
        .iter()
        .map(|f| dir.join(f).display().to_string())
        .collect();
    crate::pipeline::ingest(
        &mut store,
        &args,
        ingest::ReadOptions::default(),
        1000,
        &mut crate::pipeline::Quiet,
    )?;
    let rows = store::Store::articles(
        &store,
        &store::ArticleFilter {
            include_copies: true,
            ..Default::default()
        },
    )?;
    let name_of = |path: &str| {
        Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let group_of: HashMap<String, String> = rows
        .iter()
        .map(|r| (name_of(&r.path), r.copy_group.to_string()))
        .collect();
    let mut prints: HashMap<String, model::CopyFingerprint> = HashMap::new();
    for r in &rows {
        if let Some(a) = store::Store::article(&store, r.id.as_str())? {
            prints.insert(name_of(&r.path), dedup::fingerprint(&a.article.text));
        }
    }
    let judge = dedup::CopyJudge::default();
    let pair_error = |a: &String, b: &String| {
        let (words, skeleton) = match (prints.get(a), prints.get(b)) {
            (Some(x), Some(y)) => {
                let s = judge.similarity(x, y);
                (s.words, s.skeleton)
            }
            _ => (0.0, 0.0),
        };
        PairError {
            a: a.clone(),
            b: b.clone(),
            words,
            skeleton,
        }
    };
    let gold_group: HashMap<&str, usize> = labels
        .groups
        .iter()
        .enumerate()
        .flat_map(|(g, files)| files.iter().map(move |f| (f.as_str(), g)))
        .collect();
    let (mut tp, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    let (mut false_pairs, mut missed_pairs) = (Vec::new(), Vec::new());
    let (mut closest_words, mut closest_skeleton) = (None, None);
    for (i, a) in files.iter().enumerate() {
        for b in &files[i + 1..] {
            let same_gold = matches!((gold_group.get(a.as_str()), gold_group.get(b.as_str())), (Some(x), Some(y)) if x == y);
            let same_pred =
                matches!((group_of.get(a), group_of.get(b)), (Some(x), Some(y)) if x == y);
            gold += same_gold as usize;
            predicted += same_pred as usize;
            tp += (same_gold && same_pred) as usize;
            if same_pred && !same_gold {
                false_pairs.push(pair_error(a, b));
            }
            if same_gold && !same_pred {
                missed_pairs.push(pair_error(a, b));
            }
            if !same_gold {
                let e = pair_error(a, b);
                if closest_words
                    .as_ref()
                    .is_none_or(|c: &PairError| e.words > c.words)
                {
                    closest_words = Some(e.clone());
                }
                if closest_skeleton
                    .as_ref()
                    .is_none_or(|c: &PairError| e.skeleton > c.skeleton)
                {
                    closest_skeleton = Some(e);
                }
            }
        }
    }
    drop(store);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(CopiesEval {
        articles: files.len(),
        gold_pairs: gold,
        predicted_pairs: predicted,
        pairs: Prf::new(tp as f64, predicted as f64, gold as f64),
        false_pairs,
        missed_pairs,
        closest_distinct_words: closest_words,
        closest_distinct_skeleton: closest_skeleton,
    })
}

/// One line of a gold file for `eval claims` or `eval events`: `{"file": "x.txt",
/// "published": "YYYY-MM-DD", "claims"|"events": [...]}`.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldArticle {
    /// The base name of `file`: articles are told apart by it, as `score_claims.py` does.
    pub name: String,
    /// The article's path relative to the folder of articles.
    pub file: String,
    /// The publication date given to the article when it carries none (`--published`).
    pub published: Option<chrono::NaiveDate>,
    /// The gold claims or events.
    pub items: Vec<serde_json::Value>,
}

/// Reads a gold file of JSON lines, each naming an article and its gold `key` items (missing or
/// null: none). A line that cannot be read adds one error naming the file and line and is left
/// out; of lines naming the same base name the last is kept. Sorted by name.
pub fn read_gold(path: &Path, key: &str, errors: &mut Vec<String>) -> Result<Vec<GoldArticle>> {
    let raw = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    let mut by_name = BTreeMap::new();
    for (n, line) in raw.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = format!("{}:{}", path.display(), n + 1);
        let obj: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                errors.push(format!("{at}: not JSON: {e}"));
                continue;
            }
        };
        let Some(file) = obj
            .get("file")
            .and_then(|f| f.as_str())
            .filter(|f| !f.is_empty())
        else {
            errors.push(format!("{at}: no \"file\" naming the article"));
            continue;
        };
        let published = match obj.get("published") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(d)) if d.is_empty() => None,
            Some(serde_json::Value::String(d)) => match d.parse() {
                Ok(d) => Some(d),
                Err(_) => {
                    errors.push(format!("{at}: {file}: published {d:?} is not YYYY-MM-DD"));
                    continue;
                }
            },
            Some(other) => {
                errors.push(format!("{at}: {file}: published {other} is not YYYY-MM-DD"));
                continue;
            }
        };
        let items = match obj.get(key) {
            None | Some(serde_json::Value::Null) => Vec::new(),
            Some(serde_json::Value::Array(items)) => items.clone(),
            Some(_) => {
                errors.push(format!("{at}: {file}: \"{key}\" is not a list"));
                continue;
            }
        };
        let name = Path::new(file)
            .file_name()
            .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
        by_name.insert(
            name.clone(),
            GoldArticle {
                name,
                file: file.to_owned(),
                published,
                items,
            },
        );
    }
    Ok(by_name.into_values().collect())
}

/// The records `sitrep extract --published DATE DIR/FILE` prints for a gold article, as JSON
/// values chosen by `records`: of the last article read from the file (predictions are told
/// apart by base name, as `score_claims.py` does). `None` when no article was read; each read
/// failure adds one error.
pub fn predicted(
    extraction: &crate::extraction::ArticleExtractor,
    dir: &Path,
    gold: &GoldArticle,
    records: impl Fn(&crate::extraction::Extracted) -> Vec<serde_json::Value>,
    errors: &mut Vec<String>,
) -> Option<Vec<serde_json::Value>> {
    let (found, failed) = extraction.extract_path(&dir.join(&gold.file), gold.published);
    errors.extend(failed.iter().map(|e| e.to_string()));
    found.last().map(|(_, extracted)| records(extracted))
}

/// A scratch folder of our own under the system temp dir.
fn tempdir_in_target() -> Result<std::path::PathBuf> {
    let dir = std::env::temp_dir().join(format!("sitrep-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("{}", dir.display()))?;
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_scores() {
        let (p, _) = token_prf("The cat, the hat.", "the cat sat");
        // predicted bag: the×2 cat hat; gold: the cat sat; overlap: the, cat = 2.
        assert!((p.precision - 0.5).abs() < 1e-9);
        assert!((p.recall - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(token_prf("", "gold").0.f1, 0.0);
    }
}
