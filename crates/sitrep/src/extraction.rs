//! One article through annotation and extraction, as `sitrep extract` prints it. Shared by the
//! `extract` command, the `eval claims` and `eval events` commands and the benchmark, so that
//! what is measured is what is printed.

use std::path::Path;

use annotate::Annotator;
use chrono::NaiveDate;
use extract::Extractor;
use ingest::{Ingestor, ReadError, ReadOptions};
use model::{
    ActorRow, Article, ArticleFacts, ClaimRow, EventPlaceRow, EventRow, GeoPoint, Span, timex_day,
};

use crate::annotation::{self, AnnotatedRecords};
use crate::output::{ClaimRecord, EventRecord, located_records};

/// The annotator and the extraction rules, loaded once and shared by threads.
#[derive(Debug)]
pub struct ArticleExtractor {
    pub annotator: Annotator,
    pub extractor: Extractor,
}

impl Default for ArticleExtractor {
    fn default() -> Self {
        Self::new()
    }
}

/// What one article yields: its annotation records and its claim and event records.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub annotations: AnnotatedRecords,
    pub claims: Vec<ClaimRecord>,
    pub events: Vec<EventRecord>,
}

impl Extracted {
    /// The claims and events as the store keeps them: each claim's place geocoded from the
    /// article's own place mentions, each event's from its places.
    pub fn facts(&self) -> ArticleFacts {
        ArticleFacts {
            version: extract::RULES_VERSION,
            claims: self.claims.iter().map(|c| self.claim_row(c)).collect(),
            events: self.events.iter().map(event_row).collect(),
        }
    }

    fn claim_row(&self, r: &ClaimRecord) -> ClaimRow {
        let c = &r.item;
        let geo = c.place.as_deref().and_then(|place| {
            self.annotations
                .entities
                .iter()
                .filter(|e| e.kind == annotate::EntityKind::Place)
                .find(|e| e.name == place || e.text == place)
                .and_then(|e| e.geo.as_ref())
                .and_then(|g| {
                    Some(GeoPoint {
                        geonameid: g.geonameid,
                        lat: g.lat?,
                        lon: g.lon?,
                        country: g.country.clone(),
                        level: g.level.map(str::to_owned),
                    })
                })
        });
        ClaimRow {
            metric: c.metric.clone(),
            value: c.value,
            value_kind: c.value_kind.to_owned(),
            value_max: c.value_max,
            unit: c.unit.clone(),
            group: c.group.clone(),
            side: c.side.clone(),
            place: c.place.clone(),
            scope: c.scope.clone(),
            geo,
            as_of: c.as_of.as_deref().and_then(timex_day),
            source: c.source.clone(),
            hedged: c.hedged,
            span: span(r),
            rule: c.rule.clone(),
        }
    }
}

fn span<T>(r: &crate::output::Record<T>) -> Span {
    Span {
        sentence: r.sentence.clone(),
        start: r.start,
        end: r.end,
        text: r.text.clone(),
    }
}

fn event_row(r: &EventRecord) -> EventRow {
    let e = &r.item;
    let geo_of = |p: &extract::EventPlace| {
        Some(GeoPoint {
            geonameid: p.geonameid,
            lat: p.lat?,
            lon: p.lon?,
            country: p.country.clone(),
            level: None,
        })
    };
    let places: Vec<EventPlaceRow> = e
        .places
        .iter()
        .map(|p| EventPlaceRow {
            role: p.role.to_owned(),
            name: p.name.clone(),
            geo: geo_of(p),
        })
        .collect();
    let geo = e
        .place
        .as_deref()
        .and_then(|main| e.places.iter().find(|p| p.name == main))
        .and_then(geo_of);
    EventRow {
        kind: e.kind.as_str().to_owned(),
        date: e.date.clone(),
        date_end: e.date_end.clone(),
        place: e.place.clone(),
        geo,
        places,
        actors: e
            .actors
            .iter()
            .map(|a| ActorRow {
                name: a.name.clone(),
                role: a.role.to_owned(),
                side: a.side.clone(),
            })
            .collect(),
        status: e.status.clone(),
        attributes: e.attributes.clone(),
        source: e.source.clone(),
        hedged: e.hedged,
        acled_event_type: e.codes.acled_event_type.clone(),
        acled_sub_event_type: e.codes.acled_sub_event_type.clone(),
        cameo: e.codes.cameo.clone(),
        plover: e.codes.plover.clone(),
        span: span(r),
        rule: e.rule.clone(),
    }
}

impl ArticleExtractor {
    pub fn new() -> Self {
        ArticleExtractor {
            annotator: Annotator::new(),
            extractor: Extractor::new(),
        }
    }

    /// Gives `article` the publication date its text implies when it has none, annotates it
    /// and extracts its claims and events; `explain` adds each field's evidence.
    pub fn extract(&self, article: &mut Article, explain: bool) -> Extracted {
        annotation::infer_published(&self.annotator, article);
        let annotations = annotation::annotate(&self.annotator, article);
        let records = annotation::records(&article.text, &annotations);
        let found = self.extractor.extract(
            &article.text,
            &annotations,
            article.published.map(|p| p.date),
        );
        Extracted {
            annotations: records,
            claims: located_records(&article.text, &found.claims, explain),
            events: located_records(&article.text, &found.events, explain),
        }
    }

    /// What `sitrep extract --published DATE PATH` finds in each article read from `path`
    /// (`published` applies to articles that carry no date). Read failures are returned beside
    /// the articles that could be read.
    pub fn extract_path(
        &self,
        path: &Path,
        published: Option<NaiveDate>,
    ) -> (Vec<(Article, Extracted)>, Vec<ReadError>) {
        let resolved = ingest::resolve(&[path.display().to_string()]);
        let mut errors = resolved.errors;
        let ingestor = Ingestor::new(ReadOptions {
            default_published: published,
            ..ReadOptions::default()
        });
        let mut found = Vec::new();
        for input in &resolved.inputs {
            ingestor.read(input, &mut |r| match r {
                Ok(mut article) => {
                    let extracted = self.extract(&mut article, false);
                    found.push((article, extracted));
                }
                Err(e) => errors.push(e),
            });
        }
        (found, errors)
    }
}
