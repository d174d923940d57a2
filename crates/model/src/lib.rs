//! Shared types of sitrep's pipeline (ingest → annotate → extract → reconcile → store → report).
//!
//! This crate owns the vocabulary every other crate speaks: an [`Article`] as read from an input,
//! its [`ArticleId`], the [`Fingerprint`] used to find copies of one story, and the records the
//! store gives back. It performs no I/O and depends on no parser.

mod article;
pub mod facts;
mod id;

pub use article::{
    Article, ArticleRow, CopyFingerprint, Fingerprint, InputFormat, Published, StoredArticle,
};
pub use facts::{
    ActorRow, ArticleFacts, ArticleRef, ClaimRow, EventPlaceRow, EventRow, GeoPoint, Observed,
    Span, timex_day,
};
pub use id::{ArticleId, content_hash};
