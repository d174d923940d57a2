//! JSON records printed by the commands. `ExtractRecord` follows the contract of
//! `sitrep extract` (shared/spec/extract-output.md): the minimum fields, plus a few more.

use std::collections::BTreeMap;

use model::Article;

use crate::annotation::{AnnotatedRecords, EntityRecord, NumberRecord, TimeRecord};
use annotate::text::CharOffsets;
use serde::Serialize;

/// A claim as printed (shared/spec/claims.md), with character offsets of its number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRecord {
    pub metric: String,
    pub value: f64,
    pub value_kind: &'static str,
    pub value_max: Option<f64>,
    pub unit: String,
    pub group: Option<String>,
    pub side: Option<String>,
    pub place: Option<String>,
    pub as_of: Option<String>,
    pub source: Option<String>,
    pub hedged: bool,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    /// The text of the number.
    pub text: String,
    /// The rules that produced the claim.
    pub rule: String,
}

/// The output records of `claims` over `text`.
pub fn claim_records(text: &str, claims: &[extract::Claim]) -> Vec<ClaimRecord> {
    let chars = CharOffsets::new(text);
    claims
        .iter()
        .map(|c| ClaimRecord {
            metric: c.metric.clone(),
            value: c.value,
            value_kind: c.value_kind,
            value_max: c.value_max,
            unit: c.unit.clone(),
            group: c.group.clone(),
            side: c.side.clone(),
            place: c.place.clone(),
            as_of: c.as_of.clone(),
            source: c.source.clone(),
            hedged: c.hedged,
            sentence: c.sentence(text).to_owned(),
            start: chars.of(c.start),
            end: chars.of(c.end),
            text: text[c.start..c.end].to_owned(),
            rule: c.rule.clone(),
        })
        .collect()
}

/// One line of `sitrep extract`.
#[derive(Debug, Serialize)]
pub struct ExtractRecord<'a> {
    pub id: &'a str,
    pub path: &'a str,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub published: Option<String>,
    pub published_inferred: bool,
    pub format: &'static str,
    pub byline: Option<&'a str>,
    pub language: Option<&'a str>,
    pub text: &'a str,
    pub times: &'a [TimeRecord],
    pub entities: &'a [EntityRecord],
    /// Every number found, typed (beyond the contract: the material claims are built from).
    pub numbers: &'a [NumberRecord],
    pub claims: Vec<ClaimRecord>,
    pub events: Vec<serde_json::Value>,
    pub meta: &'a BTreeMap<String, serde_json::Value>,
}

impl<'a> ExtractRecord<'a> {
    /// The record of an article and its annotations; claims are added with [`claim_records`],
    /// events stay empty until the events stage exists.
    pub fn new(a: &'a Article, ann: &'a AnnotatedRecords) -> Self {
        ExtractRecord {
            id: a.id.as_str(),
            path: &a.path,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            outlet: a.outlet.as_deref(),
            published: a.published.map(|p| p.date.to_string()),
            published_inferred: a.published.is_some_and(|p| p.inferred),
            format: a.format.as_str(),
            byline: a.byline.as_deref(),
            language: a.language.as_deref(),
            text: &a.text,
            times: &ann.times,
            entities: &ann.entities,
            numbers: &ann.numbers,
            claims: Vec::new(),
            events: Vec::new(),
            meta: &a.meta,
        }
    }
}
