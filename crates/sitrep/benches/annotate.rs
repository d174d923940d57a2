//! Annotation benchmark: prints figures, asserts nothing about time.
//!
//! Run with `cargo bench -p sitrep --bench annotate`. Reads the news corpus from
//! `../shared/data/news-corpus/` next to the repository (or `$SITREP_DATA`), and is skipped with
//! a note when it is absent. On one thread it reports: the time and resident memory taken to
//! build the [`annotate::Annotator`] (lexicons and gazetteer), then MB/s of each stage alone
//! (tokens and sentences, numbers, times, people/organisations/groups, places) and of the whole
//! annotation, anchored on each document's creation date where the corpus gives one.

mod common;

use common::{data_dir, load_news_corpus as load};
use std::time::Instant;

/// Resident memory of this process in MB (Linux), if known.
fn rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let docs = load(&data_dir());
    if docs.is_empty() {
        println!(
            "annotate: skipped (no news corpus under {})",
            data_dir().display()
        );
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!(
        "annotate: {} documents, {mb:.1} MB of text, one thread",
        docs.len()
    );

    let rss_before = rss_mb();
    let t = Instant::now();
    let annotator = annotate::Annotator::new();
    let build = t.elapsed().as_secs_f64();
    // Touch every tagger once so that lazily built tables count as loaded.
    let _ = annotator.annotate("Officials in Kyiv said 40 people died on March 3.", None);
    let rss_after = rss_mb();
    println!(
        "  build the annotator: {:.2} s; resident memory {} MB before, {} MB after",
        build,
        rss_before.map_or("?".into(), |m| format!("{m:.0}")),
        rss_after.map_or("?".into(), |m| format!("{m:.0}")),
    );

    let prepared: Vec<_> = docs
        .iter()
        .map(|d| {
            (
                annotate::text::tokenize(&d.text),
                annotate::text::sentences(&d.text),
            )
        })
        .collect();
    let stage = |name: &str, f: &dyn Fn(usize) -> usize| {
        let t = Instant::now();
        let mut found = 0;
        for i in 0..docs.len() {
            found += f(i);
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "  {name:<28} {:>7.1} MB/s  ({found} found, {s:.2} s)",
            mb / s.max(1e-9)
        );
    };
    stage("tokens and sentences", &|i| {
        annotate::text::tokenize(&docs[i].text).len()
            + annotate::text::sentences(&docs[i].text).len()
    });
    stage("numbers", &|i| {
        annotator.numbers.find(&docs[i].text, &prepared[i].0).len()
    });
    stage("times", &|i| {
        annotator
            .times
            .find(&docs[i].text, &prepared[i].1, &prepared[i].0, docs[i].dct)
            .len()
    });
    stage("people, orgs, groups", &|i| {
        annotator
            .entities
            .find(&docs[i].text, &prepared[i].1, &prepared[i].0)
            .len()
    });
    stage("places", &|i| {
        annotator
            .places
            .find(&docs[i].text, &prepared[i].1, &prepared[i].0, &[])
            .len()
    });
    stage("whole annotation", &|i| {
        let a = annotator.annotate(&docs[i].text, docs[i].dct);
        a.numbers.len() + a.times.len() + a.entities.len()
    });
    if let Some(m) = rss_mb() {
        println!("  resident memory at the end: {m:.0} MB");
    }
}
