//! One module per command; `run` dispatches.

mod articles;
mod brief;
mod eval;
mod export;
mod extract;
mod ingest;
mod query;
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
            out(format_args!("analysed {n} articles"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(cmd) => eval::run(cmd),
        Command::Brief {
            inputs,
            read,
            as_of,
            since,
            place,
            top,
            format,
            output,
            window,
        } => brief::run(
            &db,
            brief::Args {
                inputs: &inputs,
                read: &read,
                options: report::Options {
                    as_of,
                    since,
                    place,
                    top: (top > 0).then_some(top),
                },
                format,
                output: output.as_ref(),
                config: window.config(),
            },
        ),
        Command::Claims { filter, json } => query::claims(&db, &filter, json),
        Command::Events { filter, json } => query::events(&db, &filter, json),
        Command::Conflicts { filter, json } => query::conflicts(&db, &filter, json),
        Command::Series { name, filter, json } => query::series(&db, &name, &filter, json),
        Command::Search {
            query,
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
                limit: Some(limit),
            };
            query::search(&db, &query.join(" "), &filter, json)
        }
        Command::Export {
            what,
            format,
            output,
            filter,
        } => export::run(&db, what, format, output.as_ref(), &filter),
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
