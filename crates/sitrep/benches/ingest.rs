//! Ingest benchmarks: prints figures, asserts nothing about time.
//!
//! Run with `cargo bench -p sitrep --bench ingest` (add `-- --quick` for a smaller dedup run,
//! or name sections: `-- text html dedup`).
//! Data come from `../shared/data/` next to the repository (or `$SITREP_DATA`); each section is
//! skipped with a note when its data are absent.
//!
//! 1. plain-text ingest into SQLite: the news corpus written out as `.txt` files, then
//!    `pipeline::ingest` on the folder (read, clean, fingerprint, store) on one thread;
//! 2. HTML extraction on the article-extraction benchmark (pages/s, F1);
//! 3. dedup at scale: 100,000 articles made by perturbing the corpus (a dropped sentence, a
//!    few words changed, another title), fingerprinted and stored; the expected copy groups are
//!    known, so the run also reports pair precision and recall at that scale.

use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Instant;

use sitrep::pipeline::{self, Quiet};
use store::{NewArticle, SqliteStore, Store};

fn data_dir() -> PathBuf {
    std::env::var_os("SITREP_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

struct Doc {
    title: String,
    text: String,
}

fn load_corpus(dir: &Path) -> Option<Vec<Doc>> {
    let mut docs = Vec::new();
    for name in ["bbc_news_2225.jsonl", "te3_silver_newswire_plaintext.jsonl"] {
        let f = std::fs::File::open(dir.join("news-corpus").join(name)).ok()?;
        for line in std::io::BufReader::new(f).lines().map_while(Result::ok) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            let text = v["text"].as_str().unwrap_or_default().to_owned();
            if text.trim().is_empty() {
                continue;
            }
            docs.push(Doc {
                title: v["title"].as_str().unwrap_or("Untitled").to_owned(),
                text,
            });
        }
    }
    (!docs.is_empty()).then_some(docs)
}

fn text_ingest(docs: &[Doc]) {
    let tmp = tempdir("text");
    let folder = tmp.join("articles");
    std::fs::create_dir_all(&folder).expect("temp folder");
    let mut bytes = 0usize;
    for (i, d) in docs.iter().enumerate() {
        let body = format!("{}\n\n{}\n", d.title, d.text);
        bytes += body.len();
        std::fs::write(folder.join(format!("{i:05}.txt")), body).expect("write article");
    }
    let db = tmp.join("bench.db");
    let mut store = SqliteStore::open(&db).expect("open db");
    let args = [folder.display().to_string()];
    let mut timed_ingest = || {
        let start = Instant::now();
        let opts = ingest::ReadOptions::default();
        let report = pipeline::ingest(&mut store, &args, opts, pipeline::DEFAULT_BATCH, &mut Quiet)
            .expect("ingest");
        (start.elapsed().as_secs_f64(), report)
    };
    let (secs, report) = timed_ingest();
    println!(
        "plain-text ingest into SQLite: {} articles ({:.1} MB) in {:.2} s = {:.0} articles/s, {:.2} MB/s; {}",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        docs.len() as f64 / secs,
        bytes as f64 / 1e6 / secs,
        report.summary()
    );
    let (secs, again) = timed_ingest();
    println!(
        "  second run of the same folder: {secs:.2} s; {}",
        again.summary()
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

fn html_extraction(dir: &Path) {
    match sitrep::eval::html(&dir.join("article-extraction")) {
        Ok(r) => println!(
            "HTML extraction: {} pages, {:.0} pages/s, {:.1} MB/s of HTML; token F1 mean {:.3} (P {:.3}, R {:.3}), micro {:.3}",
            r.pages,
            r.pages_per_second,
            r.megabytes_per_second,
            r.mean.f1,
            r.mean.precision,
            r.mean.recall,
            r.micro.f1
        ),
        Err(e) => println!("HTML extraction: skipped ({e:#})"),
    }
}

/// SplitMix64: a small deterministic generator for perturbations.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A copy of `text`: one sentence dropped, one word in 25 replaced, boilerplate appended.
fn perturb(text: &str, rng: &mut Rng) -> String {
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    let drop = if sentences.len() > 3 {
        Some(rng.below(sentences.len()))
    } else {
        None
    };
    let kept: String = sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != drop)
        .map(|(_, s)| *s)
        .collect();
    const SWAPS: &[&str] = &[
        "stated",
        "citizens",
        "roughly",
        "officials",
        "reported",
        "nation",
    ];
    let words: Vec<String> = kept
        .split(' ')
        .map(|w| {
            if rng.below(25) == 0 {
                SWAPS[rng.below(SWAPS.len())].to_owned()
            } else {
                w.to_owned()
            }
        })
        .collect();
    format!(
        "{}\n\nShare this article. Follow us for more updates.",
        words.join(" ")
    )
}

/// The corpus has copies of its own (the BBC set repeats some stories): map each document to the
/// first document of its copy group, so that the scale run's gold treats them as one story.
fn corpus_stories(docs: &[Doc]) -> Vec<usize> {
    let mut store = SqliteStore::open_in_memory().expect("memory db");
    let judge = dedup::CopyJudge::default();
    let batch: Vec<NewArticle> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| NewArticle {
            fingerprint: dedup::fingerprint(&d.text),
            edge_lines: Vec::new(),
            analysis: None,
            article: model::Article {
                id: model::ArticleId::derive(&d.text, None, None, Some(&format!("{i}"))),
                path: i.to_string(),
                format: model::InputFormat::Text,
                url: None,
                title: None,
                outlet: None,
                byline: None,
                language: None,
                published: None,
                text: d.text.clone(),
                meta: Default::default(),
            },
        })
        .collect();
    store
        .ingest(&batch, &|a, b| judge.judge(a, b))
        .expect("store corpus");
    let rows = store
        .articles(&store::ArticleFilter {
            include_copies: true,
            ..Default::default()
        })
        .expect("list");
    let mut first_of_group: HashMap<String, usize> = HashMap::new();
    let mut story = vec![0; docs.len()];
    let mut by_index: Vec<(usize, String)> = rows
        .iter()
        .filter_map(|r| Some((r.path.parse().ok()?, r.copy_group.to_string())))
        .collect();
    by_index.sort();
    for (i, g) in by_index {
        story[i] = *first_of_group.entry(g).or_insert(i);
    }
    story
}

fn dedup_at_scale(docs: &[Doc], total: usize) {
    let story = corpus_stories(docs);
    let tmp = tempdir("dedup");
    let db = tmp.join("dedup.db");
    let mut store = SqliteStore::open(&db).expect("open db");
    let judge = dedup::CopyJudge::default();
    let mut rng = Rng(42);
    // Article i is a copy of source i % docs.len(): the first pass stores the sources.
    let mut fingerprint_secs = 0.0;
    let mut store_secs = 0.0;
    let mut source_of: HashMap<String, usize> = HashMap::new();
    let mut batch = Vec::with_capacity(1000);
    let started = Instant::now();
    for i in 0..total {
        let src = i % docs.len();
        let d = &docs[src];
        let (title, text) = if i < docs.len() {
            (d.title.clone(), d.text.clone())
        } else {
            (
                format!("{} (copy {})", d.title, i / docs.len()),
                perturb(&d.text, &mut rng),
            )
        };
        let outlet = format!("outlet{}", i / docs.len());
        let id = model::ArticleId::derive(&text, None, Some(&outlet), Some(&title));
        source_of.insert(id.to_string(), story[src]);
        let t = Instant::now();
        let fingerprint = dedup::fingerprint(&text);
        fingerprint_secs += t.elapsed().as_secs_f64();
        batch.push(NewArticle {
            fingerprint,
            edge_lines: Vec::new(),
            analysis: None,
            article: model::Article {
                id,
                path: format!("bench/{i}"),
                format: model::InputFormat::Text,
                url: None,
                title: Some(title),
                outlet: Some(outlet),
                byline: None,
                language: None,
                published: None,
                text,
                meta: Default::default(),
            },
        });
        if batch.len() == 1000 || i + 1 == total {
            let t = Instant::now();
            store
                .ingest(&batch, &|a, b| judge.judge(a, b))
                .expect("store batch");
            store_secs += t.elapsed().as_secs_f64();
            batch.clear();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    // Pair precision and recall from group sizes: count pairs within predicted groups that share
    // a source, against all pairs sharing a source.
    let rows = store
        .articles(&store::ArticleFilter {
            include_copies: true,
            ..Default::default()
        })
        .expect("list");
    let mut by_group: HashMap<String, Vec<usize>> = HashMap::new();
    for r in &rows {
        if let Some(&src) = source_of.get(r.id.as_str()) {
            by_group
                .entry(r.copy_group.to_string())
                .or_default()
                .push(src);
        }
    }
    let pairs = |n: usize| n * n.saturating_sub(1) / 2;
    let mut predicted = 0usize;
    let mut correct = 0usize;
    for members in by_group.values() {
        predicted += pairs(members.len());
        let mut per_src: HashMap<usize, usize> = HashMap::new();
        for &s in members {
            *per_src.entry(s).or_default() += 1;
        }
        correct += per_src.values().map(|&n| pairs(n)).sum::<usize>();
    }
    let mut per_src: HashMap<usize, usize> = HashMap::new();
    for &s in source_of.values() {
        *per_src.entry(s).or_default() += 1;
    }
    let gold: usize = per_src.values().map(|&n| pairs(n)).sum();
    println!(
        "dedup of {} articles ({} stories): {:.1} s in all ({:.1} s fingerprinting, {:.1} s storing and matching) = {:.0} articles/s; {} groups; pair precision {:.4}, recall {:.4}",
        rows.len(),
        story.iter().enumerate().filter(|(i, s)| i == *s).count(),
        secs,
        fingerprint_secs,
        store_secs,
        rows.len() as f64 / secs,
        by_group.len(),
        correct as f64 / predicted.max(1) as f64,
        correct as f64 / gold.max(1) as f64,
    );
    let _ = std::fs::remove_dir_all(&tmp);
}

fn tempdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-bench-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let quick = args.iter().any(|a| a == "--quick");
    // Sections named on the command line (text, html, dedup) run alone; none named runs all.
    let named: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let run = |s: &str| named.is_empty() || named.contains(&s);
    let dir = data_dir();
    let Some(docs) = load_corpus(&dir) else {
        println!(
            "news corpus not found under {}: skipping ingest benchmarks",
            dir.display()
        );
        return;
    };
    if run("text") {
        text_ingest(&docs);
    }
    if run("html") {
        html_extraction(&dir);
    }
    if run("dedup") {
        dedup_at_scale(&docs, if quick { 20_000 } else { 100_000 });
    }
}
