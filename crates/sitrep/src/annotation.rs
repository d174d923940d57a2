//! Annotation of articles inside the application: fills in a missing publication date from the
//! text, runs the [`annotate::Annotator`], and turns its records (byte offsets) into the records
//! of the output contract (character offsets into `text`), for `extract` and for the store.

use std::collections::BTreeMap;

use annotate::text::CharOffsets;
use annotate::{Annotations, Annotator, EntityKind, MentionForm, NumberKind, NumberModifier};
use model::{Article, Published};
use serde::Serialize;
use store::{ArticleAnnotations, EntityName};

/// Version of the annotation rules; stored with each article's annotations. Raise it when the
/// rules change what they find, so that stored articles can be found and annotated again.
pub const ANNOTATION_VERSION: u32 = 5;

/// A time expression as printed and stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimeRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: annotate::TimeType,
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

/// Where a place is; present (possibly all null) on places only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GeoRecord {
    pub geonameid: Option<u32>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    /// "country", "admin1", "admin2" or "city".
    pub level: Option<&'static str>,
}

/// An entity mention as printed and stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: EntityKind,
    pub name: String,
    pub form: MentionForm,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(flatten)]
    pub geo: Option<GeoRecord>,
}

/// A number as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    pub modifier: NumberModifier,
    pub kind: NumberKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub vague: bool,
}

/// The annotations of one article in output form.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AnnotatedRecords {
    pub times: Vec<TimeRecord>,
    pub entities: Vec<EntityRecord>,
    pub numbers: Vec<NumberRecord>,
}

/// Gives an undated article the publication date its text implies, marked as inferred.
pub fn infer_published(annotator: &Annotator, article: &mut Article) {
    if article.published.is_none()
        && let Some(date) = annotator.times.infer_published(&article.text)
    {
        article.published = Some(Published {
            date,
            inferred: true,
        });
    }
}

/// Annotates an article's text against its publication date.
pub fn annotate(annotator: &Annotator, article: &Article) -> Annotations {
    annotator.annotate(&article.text, article.published.map(|p| p.date))
}

/// The records of `ann` over `text`, with character offsets.
pub fn records(text: &str, ann: &Annotations) -> AnnotatedRecords {
    let chars = CharOffsets::new(text);
    let span = |s: usize, e: usize| (chars.of(s), chars.of(e), text[s..e].to_owned());
    let times = ann
        .times
        .iter()
        .map(|t| {
            let (start, end, text) = span(t.start, t.end);
            TimeRecord {
                start,
                end,
                text,
                kind: t.kind,
                value: t.value.clone(),
                modifier: t.modifier.clone(),
            }
        })
        .collect();
    let entities = ann
        .entities
        .iter()
        .map(|e| {
            let (start, end, text) = span(e.start, e.end);
            let geo = (e.kind == EntityKind::Place).then(|| GeoRecord {
                geonameid: e.geo.as_ref().and_then(|g| g.geonameid),
                lat: e.geo.as_ref().map(|g| round5(g.lat)),
                lon: e.geo.as_ref().map(|g| round5(g.lon)),
                country: e.geo.as_ref().and_then(|g| g.country.clone()),
                level: e.geo.as_ref().map(|g| g.level),
            });
            EntityRecord {
                start,
                end,
                text,
                kind: e.kind,
                name: e.name.clone(),
                form: e.form,
                side: e.side.clone(),
                role: e.role.clone(),
                geo,
            }
        })
        .collect();
    let numbers = ann
        .numbers
        .iter()
        .map(|n| {
            let (start, end, text) = span(n.start, n.end);
            NumberRecord {
                start,
                end,
                text,
                value: n.value,
                high: n.high,
                modifier: n.modifier,
                kind: n.kind,
                unit: n.unit.clone(),
                vague: n.vague,
            }
        })
        .collect();
    AnnotatedRecords {
        times,
        entities,
        numbers,
    }
}

/// Coordinates to five decimals (about a metre): the gazetteer stores single precision, whose
/// extra digits are noise.
fn round5(x: f64) -> f64 {
    (x * 1e5).round() / 1e5
}

/// The stored form of an article's annotations.
pub fn stored(records: &AnnotatedRecords) -> ArticleAnnotations {
    let mut names: BTreeMap<(String, String), EntityName> = BTreeMap::new();
    for e in &records.entities {
        let kind = match e.kind {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
        };
        names
            .entry((kind.to_owned(), e.name.clone()))
            .and_modify(|n| n.mentions += 1)
            .or_insert_with(|| EntityName {
                kind: kind.to_owned(),
                name: e.name.clone(),
                mentions: 1,
                geonameid: e.geo.as_ref().and_then(|g| g.geonameid),
                lat: e.geo.as_ref().and_then(|g| g.lat),
                lon: e.geo.as_ref().and_then(|g| g.lon),
                country: e.geo.as_ref().and_then(|g| g.country.clone()),
            });
    }
    ArticleAnnotations {
        version: ANNOTATION_VERSION,
        // Serialising plain records cannot fail; an empty array is the safe fallback.
        times: serde_json::to_string(&records.times).unwrap_or_else(|_| "[]".into()),
        entities: serde_json::to_string(&records.entities).unwrap_or_else(|_| "[]".into()),
        names: names.into_values().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotate::{Entity, Geo, TimeMention, TimeType};

    #[test]
    fn records_count_characters_and_keep_geo_on_places_only() {
        let text = "“Kyiv” said on Sunday";
        let kyiv = text.find("Kyiv").expect("in text");
        let sunday = text.find("Sunday").expect("in text");
        let ann = Annotations {
            times: vec![TimeMention {
                start: sunday,
                end: sunday + 6,
                kind: TimeType::Date,
                value: "2022-03-20".into(),
                modifier: None,
            }],
            entities: vec![
                Entity {
                    start: kyiv,
                    end: kyiv + 4,
                    kind: EntityKind::Place,
                    name: "Kyiv".into(),
                    form: MentionForm::Name,
                    side: None,
                    role: None,
                    geo: Some(Geo {
                        geonameid: Some(703448),
                        lat: 50.45,
                        lon: 30.52,
                        country: Some("UA".into()),
                        level: "city",
                        population: 2_952_301,
                    }),
                },
                Entity {
                    start: kyiv,
                    end: kyiv + 4,
                    kind: EntityKind::Org,
                    name: "Government of Ukraine".into(),
                    form: MentionForm::Metonym,
                    side: Some("UA".into()),
                    role: None,
                    geo: None,
                },
            ],
            ..Default::default()
        };
        let r = records(text, &ann);
        assert_eq!((r.times[0].start, r.times[0].end), (15, 21));
        assert_eq!(r.times[0].text, "Sunday");
        assert_eq!((r.entities[0].start, r.entities[0].end), (1, 5));
        let place = serde_json::to_value(&r.entities[0]).expect("json");
        assert_eq!(place["geonameid"], 703448);
        assert_eq!(place["country"], "UA");
        let org = serde_json::to_value(&r.entities[1]).expect("json");
        assert!(org.get("geonameid").is_none() && org["side"] == "UA");
        let s = stored(&r);
        assert_eq!(s.names.len(), 2);
        assert_eq!(s.version, ANNOTATION_VERSION);
    }
}
