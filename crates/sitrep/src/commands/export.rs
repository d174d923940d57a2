use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use sitrep::record::{self, What};

use crate::cli::{ExportFormat, ExportWhat, FactArgs};

/// True when an error comes from writing to a closed pipe.
fn broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if err
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        if let Some(csv) = err.downcast_ref::<csv::Error>()
            && let csv::ErrorKind::Io(io) = csv.kind()
            && io.kind() == std::io::ErrorKind::BrokenPipe
        {
            return true;
        }
        if err
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind)
            == Some(std::io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        cur = err.source();
    }
    false
}

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
    let n = match record::export(&store, what, format, &f, out, &filter.window.config()) {
        Ok(n) => n,
        // The reader has gone (`| head`): end quietly, as the other commands do.
        Err(e) if broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(anyhow::Error::new(e).context(format!("exporting {noun}"))),
    };
    eprintln!("exported {n} {noun}");
    Ok(ExitCode::SUCCESS)
}
