//! `sitrep eval places`: (being built).

use std::fmt;
use std::path::Path;

use anyhow::{Result, bail};
use serde::Serialize;

/// Scores of the places evaluation.
#[derive(Debug, Default, Serialize)]
pub struct Report {}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "places: no scores")
    }
}

/// Runs the evaluation on the data at `path`.
pub fn run(path: &Path) -> Result<Report> {
    bail!("{}: the places evaluation is not built yet", path.display())
}
