use std::process::ExitCode;

use anyhow::Result;
use sitrep::extraction::ArticleExtractor;
use sitrep::output::ExtractRecord;

use crate::cli::{ExtractFormat, ReadArgs};

pub fn run(
    inputs: &[String],
    read: &ReadArgs,
    format: ExtractFormat,
    explain: bool,
) -> Result<ExitCode> {
    let resolved = ingest::resolve(inputs);
    let mut failed = resolved.errors.len();
    for e in &resolved.errors {
        eprintln!("{e}");
    }
    let ingestor = ingest::Ingestor::new(read.options());
    let extraction = ArticleExtractor::new();
    let mut result = Ok(true);
    for input in &resolved.inputs {
        ingestor.read(input, &mut |r| match r {
            Ok(mut article) => {
                if !matches!(result, Ok(true)) {
                    return;
                }
                let found = extraction.extract(&mut article, explain);
                let mut record = ExtractRecord::new(&article, &found.annotations);
                record.claims = found.claims;
                record.events = found.events;
                let json = match format {
                    ExtractFormat::Jsonl => serde_json::to_string(&record),
                    ExtractFormat::Json => serde_json::to_string_pretty(&record),
                };
                result = match json {
                    Ok(line) => super::out(format_args!("{line}")),
                    Err(e) => Err(e.into()),
                };
            }
            Err(e) => {
                failed += 1;
                eprintln!("{e}");
            }
        });
        if !matches!(result, Ok(true)) {
            break;
        }
    }
    result?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
