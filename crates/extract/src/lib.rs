//! Claims: figures about the human toll or the humanitarian situation of a crisis, with who
//! states them, about where and as of when (shared/spec/claims.md).
//!
//! [`ClaimExtractor::claims`] works over the annotation layer ([`annotate::Annotations`]):
//! a count-like number becomes a claim when a metric cue stands in its clause; its value kind
//! comes from the number's modifier, its group from the noun after it, its place from the
//! nearest place, its date from the sentence's dates, its source from "according to" or the
//! subject of a reporting verb, and its hedge from hedge phrases around it. Lexicons live in
//! `data/` and are compiled in. The crate performs no I/O.

mod event;
mod events;
mod lexicon;
mod rules;

use serde::Serialize;

pub use event::{Actor, Event, EventCodes, EventKind, EventPlace};

use lexicon::Lexicon;

/// One claim. Offsets are byte offsets of the number in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub metric: String,
    pub value: f64,
    pub value_kind: &'static str,
    pub value_max: Option<f64>,
    pub unit: String,
    pub group: Option<String>,
    pub side: Option<String>,
    pub place: Option<String>,
    /// The part of the place the figure covers, where its clause says so ("government-held
    /// areas"): figures of different scopes count different things.
    pub scope: Option<String>,
    /// ISO date the figure is valid for.
    pub as_of: Option<String>,
    pub source: Option<String>,
    pub hedged: bool,
    /// Byte range of the sentence that holds the figure (not serialised: byte offsets are
    /// internal; the application prints the sentence and character offsets).
    #[serde(skip)]
    pub sentence_start: usize,
    #[serde(skip)]
    pub sentence_end: usize,
    /// Byte range of the number (not serialised, as above).
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
    /// The rules that produced the claim and its attributes, for `--explain`.
    pub rule: String,
    /// Which words filled each field (byte offsets; printed by `--explain`).
    #[serde(skip)]
    pub evidence: Vec<Evidence>,
}

/// The words that filled one field of a claim or an event, and the rule that read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The field: `metric`, `value`, `group`, `place`, `as_of`, `source`, `hedged`, ...
    pub field: &'static str,
    /// The rule that read the words.
    pub rule: String,
    /// Byte range of the words in the text.
    pub start: usize,
    pub end: usize,
}

/// What claims and events share for output: where they stand in the text and the evidence of
/// their fields.
pub trait Located {
    /// Byte range of the figure or the trigger words.
    fn span(&self) -> (usize, usize);
    /// Byte range of the sentence that holds it.
    fn sentence_span(&self) -> (usize, usize);
    /// Which words filled each field.
    fn evidence(&self) -> &[Evidence];

    /// The sentence that holds it.
    fn sentence<'t>(&self, text: &'t str) -> &'t str {
        let (a, b) = self.sentence_span();
        &text[a..b]
    }
}

impl Located for Claim {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
    fn sentence_span(&self) -> (usize, usize) {
        (self.sentence_start, self.sentence_end)
    }
    fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }
}

/// The claim rules with their lexicons, loaded once.
#[derive(Debug, Clone)]
pub struct ClaimExtractor {
    lex: Lexicon,
}

impl Default for ClaimExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl ClaimExtractor {
    pub fn new() -> Self {
        ClaimExtractor {
            lex: Lexicon::load(),
        }
    }

    /// The claims of `text`, given its annotations and publication date, in text order, each
    /// figure once (at its first mention).
    pub fn claims(
        &self,
        text: &str,
        ann: &annotate::Annotations,
        published: Option<chrono::NaiveDate>,
    ) -> Vec<Claim> {
        rules::Doc::new(&self.lex, text, ann, published).claims()
    }
}

/// What one article yields: its claims and its events.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
}

/// Version of the claim and event rules; stored with each article's claims and events. Raise it
/// when the rules change what they find, so that `sitrep reindex` extracts stored articles again.
pub const RULES_VERSION: u32 = 23;

/// Claims and events together: the one entry point the application uses.
#[derive(Debug, Clone)]
pub struct Extractor {
    claims: ClaimExtractor,
    events: events::EventExtractor,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    pub fn new() -> Self {
        Extractor {
            claims: ClaimExtractor::new(),
            events: events::EventExtractor::new(),
        }
    }

    /// The claims and events of `text`, given its annotations and publication date.
    pub fn extract(
        &self,
        text: &str,
        ann: &annotate::Annotations,
        published: Option<chrono::NaiveDate>,
    ) -> Extraction {
        let claims = self.claims.claims(text, ann, published);
        let events = self.events.events(text, ann, published, &claims);
        Extraction { claims, events }
    }
}

/// The extractors are shared by threads: they must stay `Send + Sync`.
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<ClaimExtractor>();
    shared::<Extractor>();
};

#[cfg(test)]
mod tests;
