//! Ingest end to end: resolve inputs, read them, drop paragraphs an outlet repeats across its
//! articles (in this run and stored before), annotate, extract claims and events, fingerprint,
//! and store in batches of one transaction each. Analysis, the costly step, runs on all cores
//! while the previous batch is stored.

use dedup::CopyJudge;
use std::collections::{HashMap, HashSet};

use ingest::clean;
use ingest::{Ingestor, ReadError, ReadOptions};
use model::{Article, ArticleId};
use serde::Serialize;
use store::{Analysis, BatchOutcome, NewArticle, RulesVersion, Store, StoreError};

use crate::annotation;
use crate::extraction::ArticleExtractor;

/// Counts of one ingest run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Articles read from the inputs.
    pub read: usize,
    /// Articles stored for the first time.
    pub new: usize,
    /// New articles that are copies of a stored story.
    pub copies: usize,
    /// Articles that were already stored.
    pub existing: usize,
    /// Inputs or records that could not be read.
    pub failed: usize,
    /// Files in folders passed over for their extension.
    pub skipped: usize,
}

impl IngestReport {
    fn add(&mut self, o: BatchOutcome) {
        self.new += o.new;
        self.copies += o.copies;
        self.existing += o.existing;
    }

    /// The one-line summary printed after an ingest.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "read {}, new {}, copies {}, failed {}",
            self.read, self.new, self.copies, self.failed
        );
        if self.existing > 0 {
            s.push_str(&format!(" ({} already stored)", self.existing));
        }
        if self.skipped > 0 {
            s.push_str(&format!(
                " ({} files skipped: not an article format)",
                self.skipped
            ));
        }
        s
    }
}

/// Callbacks of a run, so that the command line can draw progress and print failures.
pub trait Progress {
    /// The number of inputs, once known.
    fn start(&mut self, inputs: usize);
    /// One input has been read.
    fn input_done(&mut self);
    /// An input or record failed.
    fn failed(&mut self, err: &ReadError);
}

/// A [`Progress`] that prints nothing.
#[derive(Debug, Default)]
pub struct Quiet;

impl Progress for Quiet {
    fn start(&mut self, _: usize) {}
    fn input_done(&mut self) {}
    fn failed(&mut self, _: &ReadError) {}
}

/// Default number of articles per transaction.
pub const DEFAULT_BATCH: usize = 500;

/// Ingests `args` (paths, folders, `-`, URLs) into `store`. Read failures are counted and
/// reported through `progress`; only a store failure stops the run (after the batches before it
/// were committed).
pub fn ingest(
    store: &mut dyn Store,
    args: &[String],
    opts: ReadOptions,
    batch_size: usize,
    progress: &mut dyn Progress,
) -> Result<IngestReport, StoreError> {
    let resolved = ingest::resolve(args);
    let mut report = IngestReport {
        skipped: resolved.skipped.len(),
        ..Default::default()
    };
    for e in &resolved.errors {
        report.failed += 1;
        progress.failed(e);
    }
    progress.start(resolved.inputs.len());
    let ingestor = Ingestor::new(opts);
    let mut batcher = Batcher::new(store, batch_size.max(1));
    // Reading and cleaning run on their own thread, ahead of annotation and storage.
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Read>(2 * batch_size.max(1));
        let (inputs, ingestor) = (&resolved.inputs, &ingestor);
        s.spawn(move || {
            for input in inputs {
                let mut open = true;
                ingestor.read(input, &mut |r| {
                    if open {
                        let msg = match r {
                            Ok(a) => Read::Article(Box::new(a)),
                            Err(e) => Read::Failed(e),
                        };
                        // A closed channel means the run stopped on a store failure.
                        open = tx.send(msg).is_ok();
                    }
                });
                if !open || tx.send(Read::InputDone).is_err() {
                    return;
                }
            }
        });
        for msg in rx {
            match msg {
                Read::Article(article) => {
                    report.read += 1;
                    batcher.push(*article, &mut report)?;
                }
                Read::Failed(e) => {
                    report.failed += 1;
                    progress.failed(&e);
                }
                Read::InputDone => progress.input_done(),
            }
        }
        batcher.flush(&mut report)?;
        batcher.finish(&mut report)?;
        Ok(report)
    })
}

/// What the reading thread hands to the storing one.
enum Read {
    Article(Box<Article>),
    Failed(ReadError),
    InputDone,
}

/// Applies `f` to every item, spreading the items over the available cores; results keep the
/// items' order.
fn par_map<T: Send, R: Send>(items: &mut [T], f: impl Fn(&mut T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 || items.len() < 2 {
        return items.iter_mut().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let parts: Vec<_> = items
            .chunks_mut(chunk)
            .map(|part| s.spawn(move || part.iter_mut().map(f).collect::<Vec<_>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(v) => v,
                // A panic in a worker is a bug; surface it in this thread.
                Err(e) => std::panic::resume_unwind(e),
            })
            .collect()
    })
}

/// The versions of the annotation and extraction rules this build runs.
pub const RULES: RulesVersion = RulesVersion {
    annotations: annotation::ANNOTATION_VERSION,
    facts: extract::RULES_VERSION,
};

/// Infers a missing publication date, annotates one article and extracts its claims and
/// events; what the store keeps of them.
fn analyse_one(extractor: &ArticleExtractor, a: &mut Article) -> Analysis {
    let found = extractor.extract(a, false);
    Analysis {
        annotations: annotation::stored(&found.annotations),
        facts: found.facts(),
    }
}

/// Infers missing publication dates, annotates and extracts every article of a batch, on all
/// cores. Returns what the store keeps of each, in order.
pub fn analyse_all(extractor: &ArticleExtractor, articles: &mut [Article]) -> Vec<Analysis> {
    par_map(articles, |a| analyse_one(extractor, a))
}

/// Annotates and extracts again every stored article whose analysis is missing or stale (made
/// by other versions of the rules than [`RULES`]), in batches of one transaction each. Returns
/// how many articles were analysed.
pub fn reindex(store: &mut dyn Store) -> Result<usize, StoreError> {
    let extractor = ArticleExtractor::new();
    let mut done = 0;
    loop {
        let stale = store.stale(RULES, DEFAULT_BATCH)?;
        if stale.is_empty() {
            return Ok(done);
        }
        let mut articles: Vec<Article> = stale.into_iter().map(|s| s.article).collect();
        let analyses = analyse_all(&extractor, &mut articles);
        let batch: Vec<_> = articles.into_iter().map(|a| a.id).zip(analyses).collect();
        let updated = store.set_analysis(&batch)?;
        if updated == 0 {
            // Nothing could be written: stop rather than loop on the same articles.
            return Ok(done);
        }
        done += updated;
    }
}

/// Gathers articles into batches and stores each in one transaction. A batch is stored while
/// the next one is analysed: the store works on one core while annotation takes the others.
struct Batcher<'s> {
    store: &'s mut dyn Store,
    size: usize,
    pending: Vec<Article>,
    judge: CopyJudge,
    extractor: ArticleExtractor,
    /// The batch analysed and not yet stored, with what the next batch must count as stored:
    /// its articles' ids and the edge lines of each outlet they bring.
    ready: Option<Ready>,
}

struct Ready {
    batch: Vec<NewArticle>,
    ids: HashSet<ArticleId>,
    lines: HashMap<(String, u64), HashSet<ArticleId>>,
}

impl<'s> Batcher<'s> {
    fn new(store: &'s mut dyn Store, size: usize) -> Self {
        Batcher {
            store,
            size,
            pending: Vec::new(),
            judge: CopyJudge::default(),
            extractor: ArticleExtractor::new(),
            ready: None,
        }
    }

    fn push(&mut self, a: Article, report: &mut IngestReport) -> Result<(), StoreError> {
        self.pending.push(a);
        if self.pending.len() >= self.size {
            self.flush(report)?;
        }
        Ok(())
    }

    /// Stores the batch still waiting, if any.
    fn finish(&mut self, report: &mut IngestReport) -> Result<(), StoreError> {
        if let Some(ready) = self.ready.take() {
            let judge = self.judge;
            report.add(self.store.ingest(&ready.batch, &|a, b| judge.judge(a, b))?);
        }
        Ok(())
    }

    /// Strips the paragraphs that the articles of one outlet repeat (counting those of this
    /// batch, of the batch waiting to be stored and those stored before), then analyses and
    /// fingerprints this batch while the waiting one is stored.
    fn flush(&mut self, report: &mut IngestReport) -> Result<(), StoreError> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let edges: Vec<Vec<u64>> = pending
            .iter()
            .map(|a| match a.outlet {
                Some(_) => clean::edge_lines(&a.text)
                    .into_iter()
                    .map(|(_, h)| h)
                    .collect(),
                None => Vec::new(),
            })
            .collect();
        // Which articles of each outlet carry each edge line: stored ones, the waiting batch's,
        // then this batch's.
        let mut witnesses: HashMap<(&str, u64), HashSet<ArticleId>> = HashMap::new();
        let mut by_outlet: HashMap<&str, HashSet<u64>> = HashMap::new();
        for (a, lines) in pending.iter().zip(&edges) {
            if let Some(outlet) = a.outlet.as_deref() {
                by_outlet.entry(outlet).or_default().extend(lines);
            }
        }
        for (outlet, lines) in &by_outlet {
            let lines: Vec<u64> = lines.iter().copied().collect();
            let stored = self
                .store
                .line_witnesses(outlet, &lines, clean::REPEAT_THRESHOLD)?;
            for (line, ids) in stored {
                witnesses.entry((outlet, line)).or_default().extend(ids);
            }
            if let Some(ready) = &self.ready {
                for &line in &lines {
                    if let Some(ids) = ready.lines.get(&((*outlet).to_owned(), line)) {
                        witnesses
                            .entry((outlet, line))
                            .or_default()
                            .extend(ids.iter().cloned());
                    }
                }
            }
        }
        for (a, lines) in pending.iter().zip(&edges) {
            if let Some(outlet) = a.outlet.as_deref() {
                for &line in lines {
                    witnesses
                        .entry((outlet, line))
                        .or_default()
                        .insert(a.id.clone());
                }
            }
        }
        // Articles already stored (or waiting to be) are left unchanged by the store: skip
        // their costly work.
        let ids: Vec<ArticleId> = pending.iter().map(|a| a.id.clone()).collect();
        let stored = self.store.stored_ids(&ids)?;
        let waiting = |id: &ArticleId| self.ready.as_ref().is_some_and(|r| r.ids.contains(id));
        let mut work: Vec<(Article, Vec<u64>)> = Vec::with_capacity(pending.len());
        for (a, edge_lines) in pending.iter().zip(edges) {
            if stored.contains(&a.id) || waiting(&a.id) {
                report.existing += 1;
                continue;
            }
            let mut article = a.clone();
            if let Some(outlet) = a.outlet.as_deref() {
                let repeated = |line: u64| {
                    witnesses
                        .get(&(outlet, line))
                        .is_some_and(|w| w.len() >= clean::REPEAT_THRESHOLD)
                };
                article.text = clean::strip_repeated(&a.text, repeated);
            }
            work.push((article, edge_lines));
        }
        let judge = self.judge;
        let waiting_batch = self.ready.take();
        let (store, extractor) = (&mut *self.store, &self.extractor);
        let (done, stored_outcome) = std::thread::scope(|s| {
            let analysis = s.spawn(|| {
                par_map(&mut work, |(article, _)| {
                    let analysis = analyse_one(extractor, article);
                    (analysis, dedup::fingerprint(&article.text))
                })
            });
            let outcome =
                waiting_batch.map(|ready| store.ingest(&ready.batch, &|a, b| judge.judge(a, b)));
            match analysis.join() {
                Ok(done) => (done, outcome),
                // A panic in analysis is a bug; surface it in this thread.
                Err(e) => std::panic::resume_unwind(e),
            }
        });
        if let Some(outcome) = stored_outcome {
            report.add(outcome?);
        }
        let mut ready = Ready {
            batch: Vec::with_capacity(work.len()),
            ids: HashSet::new(),
            lines: HashMap::new(),
        };
        for ((article, edge_lines), (analysis, fingerprint)) in work.into_iter().zip(done) {
            ready.ids.insert(article.id.clone());
            if let Some(outlet) = &article.outlet {
                for &line in &edge_lines {
                    ready
                        .lines
                        .entry((outlet.clone(), line))
                        .or_default()
                        .insert(article.id.clone());
                }
            }
            ready.batch.push(NewArticle {
                fingerprint,
                edge_lines,
                article,
                analysis: Some(analysis),
            });
        }
        self.ready = Some(ready);
        Ok(())
    }
}
