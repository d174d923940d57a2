use std::process::ExitCode;

use anyhow::Result;
use sitrep::annotation;
use sitrep::output::{ExtractRecord, claim_records, event_records};

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
    let annotator = annotate::Annotator::new();
    let extractor = extract::Extractor::new();
    let mut result = Ok(true);
    for input in &resolved.inputs {
        ingestor.read(input, &mut |r| match r {
            Ok(mut article) => {
                if !matches!(result, Ok(true)) {
                    return;
                }
                annotation::infer_published(&annotator, &mut article);
                let annotations = annotation::annotate(&annotator, &article);
                let ann = annotation::records(&article.text, &annotations);
                let found = extractor.extract(
                    &article.text,
                    &annotations,
                    article.published.map(|p| p.date),
                );
                let mut record = ExtractRecord::new(&article, &ann);
                record.claims = claim_records(&article.text, &found.claims, explain);
                record.events = event_records(&article.text, &found.events, explain);
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
