//! `sitrep eval numbers`: (being built).

use std::fmt;
use std::path::Path;

use anyhow::{Result, bail};
use serde::Serialize;

/// Scores of the numbers evaluation.
#[derive(Debug, Default, Serialize)]
pub struct Report {}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "numbers: no scores")
    }
}

/// Runs the evaluation on the data at `path`.
pub fn run(path: &Path) -> Result<Report> {
    bail!(
        "{}: the numbers evaluation is not built yet",
        path.display()
    )
}
