//! Time expressions normalised to TIMEX3 against the publication date. Entry points:
//! [`TimeTagger::find`] and [`TimeTagger::infer_published`]. (Being built.)

use chrono::NaiveDate;

use crate::types::{Sentence, TimeMention, Token};

/// Finds and normalises time expressions. Build once, use for many texts.
#[derive(Debug, Default)]
pub struct TimeTagger {}

impl TimeTagger {
    pub fn new() -> Self {
        TimeTagger {}
    }

    /// Every time expression in `text`, in text order, without overlaps, normalised against
    /// `anchor` (the publication date); without an anchor, relative expressions get
    /// underspecified values.
    pub fn find(
        &self,
        _text: &str,
        _sentences: &[Sentence],
        _tokens: &[Token],
        _anchor: Option<NaiveDate>,
    ) -> Vec<TimeMention> {
        Vec::new()
    }

    /// A publication date inferred from the text (datelines, the latest explicit full date).
    pub fn infer_published(&self, _text: &str) -> Option<NaiveDate> {
        None
    }
}
