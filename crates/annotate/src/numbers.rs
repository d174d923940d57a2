//! Numbers: digits, number words, shares, vague quantities, modifiers and ranges, each typed by
//! what it measures. Entry point: [`NumberTagger::find`]. (Being built.)

use crate::types::{NumberMention, Token};

/// Finds numbers in text. Build once, use for many texts.
#[derive(Debug, Default)]
pub struct NumberTagger {}

impl NumberTagger {
    pub fn new() -> Self {
        NumberTagger {}
    }

    /// Every number in `text`, in text order, without overlaps.
    pub fn find(&self, _text: &str, _tokens: &[Token]) -> Vec<NumberMention> {
        Vec::new()
    }
}
