//! Events: talks, contacts, ceasefires, corridors, evacuations, attacks, captures, accusations
//! and denials, read from trigger phrases over the annotation layer.

use annotate::Annotations;
use chrono::NaiveDate;

use crate::Event;

/// The event rules with their lexicons, loaded once.
#[derive(Debug, Clone, Default)]
pub struct EventExtractor {}

impl EventExtractor {
    pub fn new() -> Self {
        EventExtractor {}
    }

    /// The events of `text`, in text order.
    pub fn events(
        &self,
        _text: &str,
        _ann: &Annotations,
        _published: Option<NaiveDate>,
    ) -> Vec<Event> {
        Vec::new()
    }
}
