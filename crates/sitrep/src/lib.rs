//! The `sitrep` application: wires the pipeline crates together behind the command line.
//!
//! [`pipeline`] runs ingest end to end (read → clean → annotate → fingerprint → store) and is shared by the
//! `ingest` command, the tests and the benchmarks; [`output`] defines the JSON records the
//! commands print; [`annotation`] runs the annotation layer on articles and gives its records; [`extraction`] takes
//! one article through annotation and extraction as `sitrep extract` prints it; [`record`] reads
//! the store back as a reconciled record and streams the exports; [`eval`] measures parts of the
//! pipeline against benchmark data.

pub mod annotation;
pub mod eval;
pub mod extraction;
pub mod output;
pub mod pipeline;
pub mod record;
