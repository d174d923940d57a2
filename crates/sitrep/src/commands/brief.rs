use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use reconcile::{Config, Lexicon};
use report::{Brief, Options};

use crate::cli::{BriefFormat, ReadArgs};

pub struct Args<'a> {
    pub inputs: &'a [String],
    pub read: &'a ReadArgs,
    pub options: Options,
    pub format: BriefFormat,
    pub output: Option<&'a PathBuf>,
    pub config: Config,
}

pub fn run(db: &Path, a: Args<'_>) -> Result<ExitCode> {
    let mut failed = false;
    let store = if a.inputs.is_empty() {
        super::open_existing(db)?
    } else {
        let mut store =
            store::SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))?;
        let report = super::ingest::ingest_with_progress(
            &mut store,
            db,
            a.inputs,
            a.read,
            sitrep::pipeline::DEFAULT_BATCH,
        )?;
        eprintln!("{}", report.summary());
        failed = report.failed > 0;
        store
    };
    let lexicon = Lexicon::load();
    let record = sitrep::record::reconciled(&store, &Default::default(), &lexicon, &a.config)
        .with_context(|| format!("reading {}", db.display()))?;
    let brief = Brief::build(&record, &lexicon, &a.options);
    let text = match a.format {
        BriefFormat::Md => report::markdown::render(&brief),
        BriefFormat::Html => report::html::render(&brief),
        BriefFormat::Json => brief.json(),
    };
    match a.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?
        }
        None => {
            super::out(format_args!("{}", text.trim_end()))?;
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
