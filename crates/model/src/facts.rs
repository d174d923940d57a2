//! Claims and events as the store keeps them and reconciliation reads them: plain owned
//! records, one per claim or event of one article, with the article they come from.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ArticleId;

/// Where a place is, from the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub geonameid: Option<u32>,
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166 alpha-2 code.
    pub country: Option<String>,
    /// `country`, `admin1`, `admin2` or `city`.
    pub level: Option<String>,
}

/// Where a claim or an event stands in its article: the sentence, and the figure's or trigger's
/// words with their character offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One quantitative claim of one article (shared/spec/claims.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRow {
    pub metric: String,
    pub value: f64,
    /// `exact`, `at_least`, `at_most`, `approx`, `range` or `vague`.
    pub value_kind: String,
    pub value_max: Option<f64>,
    pub unit: String,
    pub group: Option<String>,
    pub side: Option<String>,
    pub place: Option<String>,
    /// The part of the place the figure covers ("government-held areas"), where its clause
    /// says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The place's geocode, where the article's annotations resolved it.
    pub geo: Option<GeoPoint>,
    pub as_of: Option<NaiveDate>,
    pub source: Option<String>,
    pub hedged: bool,
    pub span: Span,
    /// The rules that produced it.
    pub rule: String,
}

impl ClaimRow {
    /// The key places compare by: the GeoNames id where the gazetteer placed the claim ("Kiev"
    /// and "Kyiv" are one place), else the name in lower case with single spaces; a scope
    /// follows after '|' ("#163843|government-held areas"), so that a part of a place is never
    /// compared with the whole. Without a place, a scope alone is the key.
    pub fn place_key(&self) -> Option<String> {
        let fold = |s: &str| {
            s.split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let place =
            self.place
                .as_deref()
                .map(|place| match self.geo.as_ref().and_then(|g| g.geonameid) {
                    Some(id) => format!("#{id}"),
                    None => fold(place),
                });
        match (place, self.scope.as_deref()) {
            (p, None) => p,
            (p, Some(scope)) => Some(format!("{}|{}", p.unwrap_or_default(), fold(scope))),
        }
    }
}

/// A place an event involves, with its role (`location`, `from`, `to`, `via`...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlaceRow {
    pub role: String,
    pub name: String,
    pub geo: Option<GeoPoint>,
}

/// Someone who takes part in an event, with their role and side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorRow {
    pub name: String,
    pub role: String,
    pub side: Option<String>,
}

/// One event of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// `talks`, `contact`, `ceasefire`, `corridor`, `evacuation`, `attack`, `capture`,
    /// `accusation` or `denial`.
    pub kind: String,
    /// TIMEX3 value of the day (or month, week) it happened or starts.
    pub date: Option<String>,
    pub date_end: Option<String>,
    /// The main place, by canonical name.
    pub place: Option<String>,
    pub geo: Option<GeoPoint>,
    pub places: Vec<EventPlaceRow>,
    pub actors: Vec<ActorRow>,
    pub status: Option<String>,
    pub attributes: BTreeMap<String, serde_json::Value>,
    pub source: Option<String>,
    pub hedged: bool,
    pub acled_event_type: String,
    pub acled_sub_event_type: String,
    pub cameo: String,
    pub plover: String,
    pub span: Span,
    pub rule: String,
}

impl EventRow {
    /// The first day of the event's date, where the date names a day (`2022-03-29`, or the
    /// day part of `2022-03-29T10:00`).
    pub fn day(&self) -> Option<NaiveDate> {
        self.date.as_deref().and_then(timex_day)
    }

    /// The last day of its window: the end date where given, else its day.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.date_end
            .as_deref()
            .and_then(timex_day)
            .or_else(|| self.day())
    }
}

/// The day a TIMEX3 value names, if it names one.
pub fn timex_day(value: &str) -> Option<NaiveDate> {
    let day = value.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// The article a claim or an event comes from, as reports cite it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ArticleRef {
    pub id: ArticleId,
    /// Every copy of one story shares it: copies count as one witness.
    pub copy_group: ArticleId,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
}

/// A claim or an event with the article that reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observed<T> {
    pub article: ArticleRef,
    /// Its position among the article's claims (or events).
    pub seq: usize,
    #[serde(flatten)]
    pub item: T,
}

/// The claims and events extracted from one article, with the version of the rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleFacts {
    pub version: u32,
    pub claims: Vec<ClaimRow>,
    pub events: Vec<EventRow>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_compare_by_geonames_id_else_by_name() {
        let row = |place: Option<&str>, id: Option<u32>| ClaimRow {
            metric: "killed".into(),
            value: 1.0,
            value_kind: "exact".into(),
            value_max: None,
            unit: "people".into(),
            group: None,
            side: None,
            place: place.map(Into::into),
            scope: None,
            geo: id.map(|id| GeoPoint {
                geonameid: Some(id),
                lat: 0.0,
                lon: 0.0,
                country: None,
                level: None,
            }),
            as_of: None,
            source: None,
            hedged: false,
            span: Span {
                sentence: String::new(),
                start: 0,
                end: 0,
                text: String::new(),
            },
            rule: String::new(),
        };
        assert_eq!(
            row(Some("Kiev"), Some(703448)).place_key(),
            row(Some("Kyiv"), Some(703448)).place_key()
        );
        assert_eq!(
            row(Some("Kharkiv  Region"), None).place_key().as_deref(),
            Some("kharkiv region")
        );
        assert_eq!(row(None, Some(1)).place_key(), None);
        // A part of a place is its own key.
        let mut part = row(Some("Syria"), Some(163843));
        part.scope = Some("Government-held  areas".into());
        assert_eq!(
            part.place_key().as_deref(),
            Some("#163843|government-held areas")
        );
        part.place = None;
        assert_eq!(part.place_key().as_deref(), Some("|government-held areas"));
    }

    #[test]
    fn timex_days() {
        assert_eq!(
            timex_day("2022-03-29T10:00"),
            NaiveDate::from_ymd_opt(2022, 3, 29)
        );
        assert_eq!(timex_day("2022-03"), None);
        assert_eq!(timex_day("2022-W11"), None);
        assert_eq!(timex_day("PRESENT_REF"), None);
    }
}
