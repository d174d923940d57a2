//! `sitrep`: command-line entry point. Parsing and dispatch only; the work lives in the
//! pipeline crates and in `commands`.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

/// mimalloc: annotation allocates many small records, and the system allocator cost a tenth of
/// the extraction time (see docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: {e:#}");
            ExitCode::from(2)
        }
    }
}
