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
        let places: Vec<Entity> = places
            .into_iter()
            .filter(|p| !inside_a_name(text, p, &entities))
            .collect();
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

/// Whether place mention `p` is a word of an organisation's name rather than a place the
/// name is about: "Save" in "Save the Children", "Liberation" in "... Liberation Front". A place
/// that starts the name before a noun ("Mariupol city council", "Tigray People's Liberation
/// Front") or follows "of", "in" or "for" in it ("State Emergency Service of Ukraine") stays.
fn inside_a_name(text: &str, p: &Entity, entities: &[Entity]) -> bool {
    entities.iter().any(|o| {
        if o.kind != EntityKind::Org
            || o.start > p.start
            || p.end > o.end
            || o.end == p.end && o.start == p.start
        {
            return false;
        }
        let after = text.get(p.end..o.end).unwrap_or("").trim_start();
        let before = text.get(o.start..p.start).unwrap_or("").trim_end();
        let function = |w: &str| matches!(w, "the" | "of" | "and" | "for");
        let starts_name = p.start == o.start
            && !after
                .split_whitespace()
                .next()
                .is_some_and(|w| function(&w.to_lowercase()));
        let after_preposition = before
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "of" | "in" | "for"));
        !(starts_name || after_preposition)
    })
}

/// The annotator is shared by the threads of a batch: it must stay `Send + Sync`.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<Annotator>();
};

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<String> {
        Annotator::new()
            .annotate(text, None)
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .map(|e| text[e.start..e.end].to_owned())
            .collect()
    }

    #[test]
    fn a_word_of_an_organisations_name_is_no_place() {
        assert_eq!(
            places("Three children died, according to Save the Children."),
            Vec::<String>::new()
        );
        // A place the name is about stays: at its start before a noun, or after "of".
        assert_eq!(
            places("A spokesman for the Tigray People's Liberation Front spoke."),
            ["Tigray"]
        );
        assert_eq!(
            places("The State Emergency Service of Ukraine said so."),
            ["Ukraine"]
        );
    }
}
