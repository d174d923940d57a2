//! The reconciled record and the exports, read from a store: what `brief`, the queries and
//! `export` share with the tests and the benchmark.

use std::io::Write;

use export::{ArticleExport, ClaimExport, EventExport, ExportError, Format, Sink};
use reconcile::{Config, EstimateGroups, Lexicon, Reconciled};
use store::{ArticleFilter, ClaimOrder, FactFilter, Store, StoreError};

/// Failures of reading a store and writing an export.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// Reads the claims and events that pass `filter` and reconciles them.
pub fn reconciled(
    store: &dyn Store,
    filter: &FactFilter,
    lexicon: &Lexicon,
    config: &Config,
) -> Result<Reconciled, StoreError> {
    let mut claims = Vec::new();
    store.claims(filter, ClaimOrder::Date, &mut |c| {
        claims.push(c);
        true
    })?;
    let mut events = Vec::new();
    store.events(filter, &mut |e| {
        events.push(e);
        true
    })?;
    Ok(reconcile::reconcile(claims, events, lexicon, config))
}

/// What an export holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    Claims,
    Events,
    Articles,
}

/// Streams the stored claims, events or articles into `out` in `format`; returns how many
/// items were written. Claims carry the low, best and high figures of their figure across
/// sources around their date. Memory stays flat: one figure's claims, or one Parquet row group,
/// are held at a time.
pub fn export(
    store: &dyn Store,
    what: What,
    format: Format,
    filter: &FactFilter,
    out: Box<dyn Write + Send>,
    config: &Config,
) -> Result<usize, RecordError> {
    let mut written = 0;
    let mut failure: Option<ExportError> = None;
    match what {
        What::Claims => {
            let mut sink = export::claims_sink(format, out)?;
            let lexicon = Lexicon::load();
            let mut groups = EstimateGroups::new(&lexicon, config, |claim, e| {
                let row = ClaimExport {
                    claim,
                    low: e.low,
                    best: e.best,
                    high: e.high,
                    sources: e.sources,
                };
                keep_going(sink.write(&row), &mut written, &mut failure)
            });
            store.claims(filter, ClaimOrder::Key, &mut |c| groups.push(c))?;
            groups.finish();
            finish(sink, failure)?;
        }
        What::Events => {
            let mut sink = export::events_sink(format, out)?;
            store.events(filter, &mut |event| {
                keep_going(
                    sink.write(&EventExport { event }),
                    &mut written,
                    &mut failure,
                )
            })?;
            finish(sink, failure)?;
        }
        What::Articles => {
            let mut sink = export::articles_sink(format, out)?;
            let articles = ArticleFilter {
                since: filter.since,
                until: filter.until,
                include_copies: true,
                limit: filter.limit,
                ..Default::default()
            };
            store.each_article(&articles, &mut |a, claims, events| {
                let row = ArticleExport {
                    article: a,
                    claims,
                    events,
                };
                keep_going(sink.write(&row), &mut written, &mut failure)
            })?;
            finish(sink, failure)?;
        }
    }
    Ok(written)
}

/// Counts a written row, or keeps the first failure and stops the stream.
fn keep_going(
    r: Result<(), ExportError>,
    written: &mut usize,
    failure: &mut Option<ExportError>,
) -> bool {
    match r {
        Ok(()) => {
            *written += 1;
            true
        }
        Err(e) => {
            *failure = Some(e);
            false
        }
    }
}

fn finish<T>(
    sink: Box<dyn Sink<T> + Send>,
    failure: Option<ExportError>,
) -> Result<(), ExportError> {
    match failure {
        Some(e) => Err(e),
        None => sink.finish(),
    }
}
