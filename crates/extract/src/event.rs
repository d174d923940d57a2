//! The event record: what happened, when, where, who took part and how firmly it is reported.
//! Types and their codes are listed in `data/events/types.tsv`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::Evidence;

/// The kinds of event sitrep reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// A round of negotiations between parties.
    Talks,
    /// A call or meeting between leaders or officials.
    Contact,
    /// A ceasefire or truce, declared, proposed, agreed or violated.
    Ceasefire,
    /// A humanitarian corridor.
    Corridor,
    /// People moved to safety.
    Evacuation,
    /// A strike on a place or facility.
    Attack,
    /// A place seized or held.
    Capture,
    /// One party accuses another of something.
    Accusation,
    /// A party denies something.
    Denial,
}

impl EventKind {
    pub const ALL: [EventKind; 9] = [
        EventKind::Talks,
        EventKind::Contact,
        EventKind::Ceasefire,
        EventKind::Corridor,
        EventKind::Evacuation,
        EventKind::Attack,
        EventKind::Capture,
        EventKind::Accusation,
        EventKind::Denial,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Talks => "talks",
            EventKind::Contact => "contact",
            EventKind::Ceasefire => "ceasefire",
            EventKind::Corridor => "corridor",
            EventKind::Evacuation => "evacuation",
            EventKind::Attack => "attack",
            EventKind::Capture => "capture",
            EventKind::Accusation => "accusation",
            EventKind::Denial => "denial",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A place an event happened at or involves, with its role and geocode.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventPlace {
    /// `location`, `venue`, `from`, `to`, `via` or `target`.
    pub role: &'static str,
    /// Canonical name.
    pub name: String,
    /// The place as the text names it ("Zaporizhzhia" for the canonical "Zaporizhzhya").
    pub text: String,
    pub geonameid: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
}

/// Someone who takes part in an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Canonical name.
    pub name: String,
    /// The actor as the text names it ("Moscow" for the Government of Russia).
    pub text: String,
    /// `party`, `participant`, `mediator`, `perpetrator`, `accuser`, `accused`, `denier`,
    /// `victim`.
    pub role: &'static str,
    /// `russia`, `ukraine`, ... where known.
    pub side: Option<String>,
}

/// The codes an event carries for export: ACLED's event and sub-event type, CAMEO and PLOVER.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventCodes {
    pub acled_event_type: String,
    pub acled_sub_event_type: String,
    pub cameo: String,
    pub plover: String,
}

/// One event as one article reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: EventKind,
    /// TIMEX3 value of the day (or month, week) the event happened or starts.
    pub date: Option<String>,
    /// End of the event's window, where it has one (a ceasefire from 09:00 to 21:00).
    pub date_end: Option<String>,
    /// The main place, by canonical name.
    pub place: Option<String>,
    pub places: Vec<EventPlace>,
    pub actors: Vec<Actor>,
    /// Type-specific: `proposed`, `agreed`, `declared`, `opened`, `held`, `failed`...
    pub status: Option<String>,
    /// Type-specific attributes (venue mode, target kind, count, means, topic...).
    pub attributes: BTreeMap<String, serde_json::Value>,
    /// Who reports the event, where the article names someone; null in its own voice.
    pub source: Option<String>,
    pub hedged: bool,
    #[serde(flatten)]
    pub codes: EventCodes,
    /// The rules that produced the event and its attributes, for `--explain`.
    pub rule: String,
    /// Which words filled each field (byte offsets; printed by `--explain`).
    #[serde(skip)]
    pub evidence: Vec<Evidence>,
    /// Byte range of the sentence that reports the event.
    #[serde(skip)]
    pub sentence_start: usize,
    #[serde(skip)]
    pub sentence_end: usize,
    /// Byte range of the trigger words.
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

impl crate::Located for Event {
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

impl Actor {
    /// An actor named by a phrase of the text rather than a known entity.
    pub fn phrase(name: String, role: &'static str, side: Option<String>) -> Actor {
        Actor {
            text: name.clone(),
            name,
            role,
            side,
        }
    }
}
