//! Annotation: the layer between clean article text and the claims and events built on it.
//!
//! [`Annotator::annotate`] runs, in order: [`text`] (tokens and sentences), [`numbers`],
//! [`times`] (TIMEX3, normalised against the publication date), [`entities`] (people,
//! organisations, collective actors, with coreference) and [`places`] (gazetteer lookup and
//! disambiguation). Each stage has one tagger type with a `find` method; lexicons, rules and the
//! gazetteer are data files compiled into the crate, loaded once when the [`Annotator`] is built.
//!
//! The crate performs no I/O. Offsets in the records are byte offsets into the annotated text.

pub mod entities;
pub mod gazetteer;
pub mod numbers;
pub mod numwords;
pub mod places;
pub mod text;
pub mod times;
mod types;

use chrono::NaiveDate;

pub use types::{
    Annotations, Entity, EntityKind, Geo, MentionForm, NumberKind, NumberMention, NumberModifier,
    Sentence, TimeMention, TimeType, Token, TokenKind,
};

/// All the taggers, built once. Building loads the lexicons and the gazetteer.
#[derive(Debug, Default)]
pub struct Annotator {
    pub numbers: numbers::NumberTagger,
    pub times: times::TimeTagger,
    pub entities: entities::EntityTagger,
    pub places: places::PlaceTagger,
}

impl Annotator {
    pub fn new() -> Self {
        Annotator {
            numbers: numbers::NumberTagger::new(),
            times: times::TimeTagger::new(),
            entities: entities::EntityTagger::new(),
            places: places::PlaceTagger::new(),
        }
    }

    /// The places of `text`, given the people, organisations and groups found in it. People,
    /// and capitals standing for governments, are not places; a place inside an organisation's
    /// or a group's name is still a place ("Mariupol city council", "Alexandria Police"), and
    /// both mentions are kept.
    pub fn places_among(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        entities: &[Entity],
    ) -> Vec<Entity> {
        let taken: Vec<Entity> = entities
            .iter()
            .filter(|e| {
                e.kind == EntityKind::Person
                    || (e.kind == EntityKind::Org && e.form == MentionForm::Metonym)
            })
            .cloned()
            .collect();
        self.places.find(text, sentences, tokens, &taken)
    }

    /// Annotates `text`, resolving relative time expressions against `published`.
    pub fn annotate(&self, text: &str, published: Option<NaiveDate>) -> Annotations {
        let tokens = text::tokenize(text);
        let sentences = text::sentences(text);
        let numbers = self.numbers.find(text, &tokens);
        let times = self.times.find(text, &sentences, &tokens, published);
        let mut entities = self.entities.find(text, &sentences, &tokens);
        let places = self.places_among(text, &sentences, &tokens, &entities);
        entities.extend(places);
        entities.sort_by_key(|e| (e.start, e.end));
        Annotations {
            sentences,
            tokens,
            numbers,
            times,
            entities,
        }
    }
}

/// The annotator is shared by the threads of a batch: it must stay `Send + Sync`.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Annotator>();
};
