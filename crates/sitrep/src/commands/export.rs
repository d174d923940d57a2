use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use sitrep::record::{self, What};

use crate::cli::{ExportFormat, ExportWhat, FactArgs};

pub fn run(
    db: &Path,
    what: ExportWhat,
    format: ExportFormat,
    output: Option<&PathBuf>,
    filter: &FactArgs,
) -> Result<ExitCode> {
    let store = super::open_existing(db)?;
    let format = match format {
        ExportFormat::Jsonl => export::Format::Jsonl,
        ExportFormat::Csv => export::Format::Csv,
        ExportFormat::Hxl => export::Format::Hxl,
        ExportFormat::Geojson => export::Format::Geojson,
        ExportFormat::Parquet => export::Format::Parquet,
    };
    let (what, noun) = match what {
        ExportWhat::Claims => (What::Claims, "claims"),
        ExportWhat::Events => (What::Events, "events"),
        ExportWhat::Articles => (What::Articles, "articles"),
    };
    let out: Box<dyn Write + Send> = match output {
        Some(path) => Box::new(BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout())),
    };
    let mut f = filter.store_filter();
    f.source = filter.source.clone();
    f.limit = filter.limit;
    let n = record::export(&store, what, format, &f, out, &filter.window.config())
        .with_context(|| format!("exporting {noun}"))?;
    eprintln!("exported {n} {noun}");
    Ok(ExitCode::SUCCESS)
}
