//! Place names found in text and resolved against the gazetteer, using the context of the text.
//! Entry point: [`PlaceTagger::find`]. (Being built.)

use crate::types::{Entity, Sentence, Token};

/// Finds and geocodes places. Build once (it loads the gazetteer), use for many texts.
#[derive(Debug, Default)]
pub struct PlaceTagger {}

impl PlaceTagger {
    pub fn new() -> Self {
        PlaceTagger {}
    }

    /// Every place mention in `text` that does not overlap `taken` (entities already found), in
    /// text order, each resolved to one gazetteer entry where one fits.
    pub fn find(
        &self,
        _text: &str,
        _sentences: &[Sentence],
        _tokens: &[Token],
        _taken: &[Entity],
    ) -> Vec<Entity> {
        Vec::new()
    }
}
