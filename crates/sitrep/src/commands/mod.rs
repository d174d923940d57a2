//! One module per command; `run` dispatches.

mod articles;
mod eval;
mod extract;
mod ingest;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> Result<ExitCode> {
    let db = cli.db.unwrap_or_else(|| PathBuf::from("sitrep.db"));
    match cli.command {
        Command::Ingest {
            inputs,
            read,
            batch,
        } => ingest::run(&db, &inputs, &read, batch),
        Command::Articles {
            since,
            until,
            outlet,
            all,
            limit,
            json,
        } => {
            let filter = store::ArticleFilter {
                since,
                until,
                outlet,
                include_copies: all,
                limit,
            };
            articles::run(&db, &filter, json)
        }
        Command::Show { id, json } => show::run(&db, &id, json),
        Command::Extract {
            inputs,
            read,
            format,
            explain,
        } => extract::run(&inputs, &read, format, explain),
        Command::Reindex => {
            let mut store = open_existing(&db)?;
            let n = sitrep::pipeline::reindex(&mut store)
                .with_context(|| format!("reindexing {}", db.display()))?;
            out(format_args!("annotated {n} articles"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(cmd) => eval::run(cmd),
    }
}

/// Opens the store for commands that read it; they must not create an empty database by
/// mistake.
fn open_existing(db: &std::path::Path) -> Result<store::SqliteStore> {
    if !db.exists() {
        anyhow::bail!(
            "{}: no database here (run `sitrep ingest` first, or give --db)",
            db.display()
        );
    }
    store::SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))
}

/// Writes a line to standard output, ending quietly when the reader has gone (`| head`).
fn out(line: std::fmt::Arguments<'_>) -> Result<bool> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{line}") {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e.into()),
    }
}
