use std::process::ExitCode;

use anyhow::Result;

use crate::cli::EvalCommand;

pub fn run(cmd: EvalCommand) -> Result<ExitCode> {
    match cmd {
        EvalCommand::Html { dir, json } => {
            let r = sitrep::eval::html(&dir)?;
            if json {
                super::out(format_args!("{}", serde_json::to_string_pretty(&r)?))?;
            } else {
                super::out(format_args!(
                    "article extraction on {} pages ({} failed): mean P {:.3} R {:.3} F1 {:.3}; micro F1 {:.3}; {:.0} pages/s, {:.1} MB/s",
                    r.pages,
                    r.failed,
                    r.mean.precision,
                    r.mean.recall,
                    r.mean.f1,
                    r.micro.f1,
                    r.pages_per_second,
                    r.megabytes_per_second
                ))?;
                for (id, f1) in &r.worst {
                    super::out(format_args!("  worst: {id} F1 {f1:.3}"))?;
                }
            }
        }
        EvalCommand::Copies { dir, json } => {
            let r = sitrep::eval::copies(&dir)?;
            if json {
                super::out(format_args!("{}", serde_json::to_string_pretty(&r)?))?;
            } else {
                super::out(format_args!(
                    "copy detection on {} articles: {} gold pairs, {} found; pair P {:.3} R {:.3} F1 {:.3}",
                    r.articles,
                    r.gold_pairs,
                    r.predicted_pairs,
                    r.pairs.precision,
                    r.pairs.recall,
                    r.pairs.f1
                ))?;
                for (label, p) in [
                    ("closest distinct by words", &r.closest_distinct_words),
                    ("closest distinct by skeleton", &r.closest_distinct_skeleton),
                ] {
                    if let Some(p) = p {
                        super::out(format_args!(
                            "  {label}: {} {} (words {:.2}, skeleton {:.2})",
                            p.a, p.b, p.words, p.skeleton
                        ))?;
                    }
                }
                for (label, pairs) in [
                    ("grouped but distinct", &r.false_pairs),
                    ("missed copy", &r.missed_pairs),
                ] {
                    for p in pairs {
                        super::out(format_args!(
                            "  {label}: {} {} (words {:.2}, skeleton {:.2})",
                            p.a, p.b, p.words, p.skeleton
                        ))?;
                    }
                }
            }
        }
        EvalCommand::Numbers { path, json } => {
            report(sitrep::eval::numbers::run(&path)?, json)?;
        }
        EvalCommand::Times { path, json } => {
            report(sitrep::eval::times::run(&path)?, json)?;
        }
        EvalCommand::Places { path, json } => {
            report(sitrep::eval::places::run(&path)?, json)?;
        }
        EvalCommand::Claims {
            gold,
            dir,
            json,
            details,
        } => {
            let r = sitrep::eval::claims::run(&gold, &dir, details || misses_wanted())?;
            return finish(&r.errors, &r, json);
        }
        EvalCommand::Events {
            gold,
            dir,
            json,
            details,
        } => {
            let r = sitrep::eval::events::run(&gold, &dir, details || misses_wanted())?;
            return finish(&r.errors, &r, json);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `SITREP_EVAL_MISSES` asks for the misses, as it does of `eval places`.
fn misses_wanted() -> bool {
    std::env::var_os("SITREP_EVAL_MISSES").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Prints each failure on standard error, then the report; exit status 1 after failures.
fn finish<R: serde::Serialize + std::fmt::Display>(
    errors: &[String],
    r: &R,
    json: bool,
) -> Result<ExitCode> {
    for e in errors {
        eprintln!("{e}");
    }
    report(r, json)?;
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Prints a report as text, or as indented JSON.
fn report<R: serde::Serialize + std::fmt::Display>(r: R, json: bool) -> Result<bool> {
    if json {
        super::out(format_args!("{}", serde_json::to_string_pretty(&r)?))
    } else {
        super::out(format_args!("{r}"))
    }
}
