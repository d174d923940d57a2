//! Ingest: turns inputs (files, folders, standard input, URLs) into clean [`model::Article`]s.
//!
//! The entry point is [`Ingestor::read`], which streams the articles of one [`Input`] to a
//! callback, one `Result` per article or failure, so a bad record never stops the rest of its
//! batch. [`resolve`] expands command-line arguments (folders recursively) into inputs. Each
//! format sits behind the [`readers::Reader`] trait; [`clean`] owns text normalisation and
//! boilerplate removal. This crate never writes anywhere: storing is the `store` crate's job.

pub mod clean;
pub mod dates;
mod error;
pub mod fetch;
pub mod html;
pub mod readers;
mod source;

pub use error::{ReadError, ReadErrorKind};
pub use fetch::{FetchOptions, Fetcher};
pub use source::{Ingestor, Input, ReadOptions, Resolved, resolve};

/// Default cap on one document (a page, a text file, a feed, a record): 16 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 16 << 20;
