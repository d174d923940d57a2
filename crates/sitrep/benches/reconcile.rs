//! Reconciliation and export benchmark: prints figures, asserts nothing about time.
//!
//! Run with `cargo bench -p sitrep --bench reconcile` (`-- N` for another number of claims than
//! 100,000). It generates a store of N claims and N/5 events over N/10 articles (a third of
//! them copies of another story), with the spread of a real month of reporting: twelve
//! metrics, a few hundred places, about sixty sources, sixty days, every value kind. Then it
//! times, on one thread: reading the claims and events back from SQLite, reconciling them
//! (merge, contradictions, updates, series, events), building the situation report, and
//! streaming each export format of claims to a file; with the process's peak memory after the
//! exports (before anything is held in memory) and at the end.

use std::time::Instant;

use chrono::NaiveDate;
use model::{
    ActorRow, Article, ArticleFacts, ArticleId, ClaimRow, EventRow, GeoPoint, InputFormat,
    Published, Span,
};
use reconcile::{Config, Lexicon};
use sitrep::record::{self, What};
use store::{Analysis, NewArticle, SqliteStore, Store};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A small deterministic generator (xorshift64*), so that every run measures the same store.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const METRICS: [&str; 12] = [
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
];
const GROUPS: [&str; 5] = ["people", "civilians", "children", "soldiers", "women"];
const KINDS: [&str; 6] = ["exact", "exact", "at_least", "approx", "vague", "range"];
const EVENT_KINDS: [&str; 9] = [
    "talks",
    "contact",
    "ceasefire",
    "corridor",
    "evacuation",
    "attack",
    "capture",
    "accusation",
    "denial",
];

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn span() -> Span {
    Span {
        sentence: "The regional governor said the figure had risen overnight, and that it could \
                   not yet be confirmed independently."
            .into(),
        start: 10,
        end: 14,
        text: "1234".into(),
    }
}

fn generate(store: &mut SqliteStore, claims: usize) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let places: Vec<String> = (0..300).map(|i| format!("Place {i}")).collect();
    let sources: Vec<String> = (0..60).map(|i| format!("Source {i}")).collect();
    let outlets: Vec<String> = (0..40).map(|i| format!("Outlet {i}")).collect();
    let start = NaiveDate::from_ymd_opt(2022, 3, 1).expect("valid date");
    let per_article = 10;
    let articles = claims / per_article;
    let judge = dedup::CopyJudge::default();
    let mut batch = Vec::new();
    let mut previous_text = String::new();
    for a in 0..articles {
        let day = start + chrono::Days::new(rng.below(60) as u64);
        // A third of the articles copy the one before (same text, another outlet).
        let copy = a > 0 && rng.below(3) == 0;
        let text = if copy {
            previous_text.clone()
        } else {
            format!(
                "Report {a}: shelling continued around several towns overnight, officials said, \
                 as aid convoys waited at checkpoints and families sheltered in basements. {}",
                rng.next()
            )
        };
        previous_text.clone_from(&text);
        let outlet = outlets[rng.below(outlets.len())].clone();
        let article = Article {
            id: ArticleId::derive(&text, None, Some(&outlet), Some(&format!("{a}"))),
            path: format!("bench/{a}"),
            format: InputFormat::Jsonl,
            url: Some(format!("https://outlet.example/{a}")),
            title: Some(format!("Report {a}")),
            outlet: Some(outlet),
            byline: None,
            language: Some("en".into()),
            published: Some(Published {
                date: day,
                inferred: false,
            }),
            text: text.clone(),
            meta: Default::default(),
        };
        let mut facts = ArticleFacts {
            version: extract::RULES_VERSION,
            ..Default::default()
        };
        for _ in 0..per_article {
            let metric = rng.pick(&METRICS);
            let group = rng.pick(&GROUPS);
            let kind = rng.pick(&KINDS);
            let value =
                (rng.below(5000) as f64 + 1.0) * if rng.below(10) == 0 { 1000.0 } else { 1.0 };
            let p = rng.below(places.len()).min(rng.below(places.len()));
            let place = places[p].clone();
            facts.claims.push(ClaimRow {
                metric: metric.into(),
                value,
                value_kind: kind.into(),
                value_max: (kind == "range").then_some(value * 1.5),
                unit: "people".into(),
                group: Some(group.into()),
                side: (group == "soldiers").then(|| {
                    if rng.below(2) == 0 {
                        "russia"
                    } else {
                        "ukraine"
                    }
                    .into()
                }),
                place: Some(place),
                scope: None,
                geo: Some(GeoPoint {
                    // One id per place, as the gazetteer gives.
                    geonameid: Some(700_000 + p as u32),
                    lat: 44.0 + rng.below(800) as f64 / 100.0,
                    lon: 22.0 + rng.below(1800) as f64 / 100.0,
                    country: Some("UA".into()),
                    level: Some("city".into()),
                }),
                as_of: Some(day - chrono::Days::new(rng.below(3) as u64)),
                source: (rng.below(5) != 0).then(|| sources[rng.below(sources.len())].clone()),
                hedged: rng.below(4) == 0,
                span: span(),
                rule: "bench".into(),
            });
        }
        for _ in 0..per_article / 5 {
            facts.events.push(EventRow {
                kind: rng.pick(&EVENT_KINDS).into(),
                date: Some((day - chrono::Days::new(rng.below(2) as u64)).to_string()),
                date_end: None,
                place: Some(places[rng.below(places.len())].clone()),
                geo: None,
                places: Vec::new(),
                actors: vec![ActorRow {
                    name: if rng.below(2) == 0 {
                        "Government of Russia"
                    } else {
                        "Government of Ukraine"
                    }
                    .into(),
                    role: "party".into(),
                    side: None,
                }],
                status: Some("reported".into()),
                attributes: Default::default(),
                source: None,
                hedged: false,
                acled_event_type: "Battles".into(),
                acled_sub_event_type: "Armed clash".into(),
                cameo: "190".into(),
                plover: "ASSAULT".into(),
                span: span(),
                rule: "bench".into(),
            });
        }
        batch.push(NewArticle {
            fingerprint: dedup::fingerprint(&text),
            edge_lines: Vec::new(),
            analysis: Some(Analysis {
                annotations: Default::default(),
                facts,
            }),
            article,
        });
        if batch.len() == 1000 {
            store
                .ingest(&batch, &|x, y| judge.judge(x, y))
                .expect("store batch");
            batch.clear();
        }
    }
    store
        .ingest(&batch, &|x, y| judge.judge(x, y))
        .expect("store batch");
}

fn main() {
    let claims: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = SqliteStore::open(&dir.path().join("bench.db")).expect("store");
    let t = Instant::now();
    generate(&mut store, claims);
    println!(
        "reconcile: generated and stored {claims} claims, {} events, {} articles in {:.2} s",
        claims / 5,
        claims / 10,
        t.elapsed().as_secs_f64()
    );
    let config = Config::default();
    let base = peak_rss_mb();
    for format in export::Format::ALL {
        let path = dir.path().join(format!("claims.{}", format.as_str()));
        let out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        let t = Instant::now();
        let n = record::export(
            &store,
            What::Claims,
            format,
            &Default::default(),
            Box::new(out),
            &config,
        )
        .expect("export");
        let secs = t.elapsed().as_secs_f64();
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        println!(
            "export claims {:<8} {n} rows in {secs:.2} s ({:.0} rows/s), {:.1} MB, peak RSS {:.0} MB",
            format.as_str(),
            n as f64 / secs,
            size as f64 / 1e6,
            peak_rss_mb()
        );
    }
    println!("(peak RSS before the exports: {base:.0} MB)");
    let t = Instant::now();
    let path = dir.path().join("events.csv");
    let out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    let n = record::export(
        &store,
        What::Events,
        export::Format::Csv,
        &Default::default(),
        Box::new(out),
        &config,
    )
    .expect("export");
    println!(
        "export events csv      {n} rows in {:.2} s",
        t.elapsed().as_secs_f64()
    );

    let lexicon = Lexicon::load();
    let t = Instant::now();
    let mut observed = Vec::new();
    store
        .claims(&Default::default(), Default::default(), &mut |c| {
            observed.push(c);
            true
        })
        .expect("read claims");
    let mut events = Vec::new();
    store
        .events(&Default::default(), &mut |e| {
            events.push(e);
            true
        })
        .expect("read events");
    let read = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let record = reconcile::reconcile(observed, events, &lexicon, &config);
    let rec = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let brief = report::Brief::build(&record, &lexicon, &Default::default());
    let md = report::markdown::render(&brief);
    let rep = t.elapsed().as_secs_f64();
    println!(
        "read from SQLite {read:.2} s ({:.0} claims/s); reconcile {rec:.2} s ({:.0} claims/s): \
         {} facts, {} contradictions, {} updates, {} series, {} events; report {rep:.2} s \
         ({} KB of Markdown); peak RSS {:.0} MB",
        claims as f64 / read,
        claims as f64 / rec,
        record.facts.len(),
        record.contradictions.len(),
        record.updates.len(),
        record.series.len(),
        record.events.len(),
        md.len() / 1024,
        peak_rss_mb()
    );
}
