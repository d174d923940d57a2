//! People, organisations and collective actors, with canonical names, sides, roles and
//! coreference within one text. Entry point: [`EntityTagger::find`]. (Being built.)

use crate::types::{Entity, Sentence, Token};

/// Finds people, organisations and groups. Build once, use for many texts.
#[derive(Debug, Default)]
pub struct EntityTagger {}

impl EntityTagger {
    pub fn new() -> Self {
        EntityTagger {}
    }

    /// Every person, organisation and group mention in `text`, in text order, without overlaps.
    pub fn find(&self, _text: &str, _sentences: &[Sentence], _tokens: &[Token]) -> Vec<Entity> {
        Vec::new()
    }
}
