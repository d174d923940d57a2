use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use ingest::ReadError;
use sitrep::pipeline::{self, Progress};

use crate::cli::ReadArgs;

/// Draws a progress bar on a terminal (indicatif hides it when standard error is not one) and
/// prints each failure as one line above it.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&mut self, inputs: usize) {
        self.0.set_length(inputs as u64);
    }
    fn input_done(&mut self) {
        self.0.inc(1);
    }
    fn failed(&mut self, err: &ReadError) {
        self.0.suspend(|| eprintln!("{err}"));
    }
}

/// Ingests `inputs` into `store` with a progress bar on standard error.
pub(super) fn ingest_with_progress(
    store: &mut store::SqliteStore,
    db: &Path,
    inputs: &[String],
    read: &ReadArgs,
    batch: usize,
) -> Result<pipeline::IngestReport> {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} inputs {elapsed}") {
        bar.set_style(style);
    }
    let mut progress = Bar(bar);
    let report = pipeline::ingest(store, inputs, read.options(), batch, &mut progress)
        .with_context(|| format!("storing into {}", db.display()))?;
    progress.0.finish_and_clear();
    Ok(report)
}

pub fn run(db: &Path, inputs: &[String], read: &ReadArgs, batch: usize) -> Result<ExitCode> {
    let mut store =
        store::SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))?;
    let report = ingest_with_progress(&mut store, db, inputs, read, batch)?;
    super::out(format_args!("{}", report.summary()))?;
    Ok(if report.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
