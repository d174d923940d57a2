//! Extraction benchmark: prints figures, asserts nothing about time.
//!
//! Run with `cargo bench -p sitrep --bench extract`. Reads the news corpus from
//! `../shared/data/news-corpus/` next to the repository (or `$SITREP_DATA/news-corpus/`), and is
//! skipped with a note when it is absent. On one thread it reports MB/s and articles/s of:
//! annotation alone; claims alone and claims with events (over annotations made beforehand),
//! from which events alone is the difference (the event rules have no entry point of their own);
//! and the full extract of `sitrep extract` ([`sitrep::extraction::ArticleExtractor`]:
//! publication date inferred where missing, annotation, claims, events and their output records,
//! without the JSON printing).

mod common;

use common::{Doc, data_dir, load_news_corpus as load};

/// The allocator the `sitrep` binary uses, so that the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;

fn article(i: usize, d: &Doc) -> model::Article {
    model::Article {
        id: model::ArticleId::derive(&d.text, None, None, Some(&format!("{i}"))),
        path: format!("news-corpus/{i}"),
        format: model::InputFormat::Text,
        url: None,
        title: None,
        outlet: None,
        byline: None,
        language: None,
        published: d.dct.map(|date| model::Published {
            date,
            inferred: false,
        }),
        text: d.text.clone(),
        meta: Default::default(),
    }
}

fn main() {
    let docs = load(&data_dir());
    if docs.is_empty() {
        println!(
            "extract: skipped (no news corpus under {})",
            data_dir().display()
        );
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    let n = docs.len() as f64;
    println!(
        "extract: {} documents, {mb:.1} MB of text, one thread",
        docs.len()
    );
    let extraction = sitrep::extraction::ArticleExtractor::new();
    let claims_only = extract::ClaimExtractor::new();
    let line = |name: &str, secs: f64, found: &str| {
        let s = secs.max(1e-9);
        println!(
            "  {name:<38} {:>7.2} MB/s {:>8.1} articles/s  ({found}, {secs:.2} s)",
            mb / s,
            n / s
        );
    };

    let t = Instant::now();
    let annotations: Vec<annotate::Annotations> = docs
        .iter()
        .map(|d| extraction.annotator.annotate(&d.text, d.dct))
        .collect();
    let annotate_secs = t.elapsed().as_secs_f64();
    let numbers: usize = annotations.iter().map(|a| a.numbers.len()).sum();
    line(
        "annotation alone",
        annotate_secs,
        &format!("{numbers} numbers"),
    );

    let t = Instant::now();
    let claims: usize = docs
        .iter()
        .zip(&annotations)
        .map(|(d, a)| claims_only.claims(&d.text, a, d.dct).len())
        .sum();
    let claims_secs = t.elapsed().as_secs_f64();
    line("claims alone", claims_secs, &format!("{claims} claims"));

    let t = Instant::now();
    let (mut both_claims, mut events) = (0, 0);
    for (d, a) in docs.iter().zip(&annotations) {
        let x = extraction.extractor.extract(&d.text, a, d.dct);
        both_claims += x.claims.len();
        events += x.events.len();
    }
    let both_secs = t.elapsed().as_secs_f64();
    line(
        "claims and events",
        both_secs,
        &format!("{both_claims} claims, {events} events"),
    );
    // Below 1% of the claims' time the difference is noise.
    let events_secs = both_secs - claims_secs;
    if events_secs > 0.01 * claims_secs {
        line(
            "events alone (the difference)",
            events_secs,
            &format!("{events} events"),
        );
    } else {
        println!(
            "  {:<38} within the noise of claims ({events} events, {events_secs:+.3} s)",
            "events alone (the difference)"
        );
    }
    drop(annotations);

    // The extraction proper: annotation, claims and events, nothing else.
    let t = Instant::now();
    let (mut claims, mut events) = (0, 0);
    for d in &docs {
        let a = extraction.annotator.annotate(&d.text, d.dct);
        let x = extraction.extractor.extract(&d.text, &a, d.dct);
        claims += x.claims.len();
        events += x.events.len();
    }
    line(
        "annotate + claims + events",
        t.elapsed().as_secs_f64(),
        &format!("{claims} claims, {events} events"),
    );

    // What `sitrep extract` does per article, the articles built beforehand: date inference,
    // annotation, claims, events and the output records (character offsets, texts).
    let mut articles: Vec<model::Article> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| article(i, d))
        .collect();
    let t = Instant::now();
    let (mut claims, mut events) = (0, 0);
    for a in &mut articles {
        let x = extraction.extract(a, false);
        claims += x.claims.len();
        events += x.events.len();
    }
    line(
        "... with output records (sitrep extract)",
        t.elapsed().as_secs_f64(),
        &format!("{claims} claims, {events} events"),
    );
}
