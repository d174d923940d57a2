//! JSON records printed by the commands. `ExtractRecord` follows the contract of
//! `sitrep extract` (shared/spec/extract-output.md): the minimum fields, plus a few more.

use std::collections::BTreeMap;

use model::Article;

use crate::annotation::{AnnotatedRecords, EntityRecord, NumberRecord, TimeRecord};
use annotate::text::CharOffsets;
use serde::Serialize;

/// A claim as printed (shared/spec/claims.md): the claim's fields, then its sentence, the
/// character offsets and text of its number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRecord {
    #[serde(flatten)]
    pub claim: extract::Claim,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    /// The text of the number.
    pub text: String,
}

/// The output records of `claims` over `text`.
pub fn claim_records(text: &str, claims: &[extract::Claim]) -> Vec<ClaimRecord> {
    let chars = CharOffsets::new(text);
    claims
        .iter()
        .map(|c| ClaimRecord {
            sentence: c.sentence(text).to_owned(),
            start: chars.of(c.start),
            end: chars.of(c.end),
            text: text[c.start..c.end].to_owned(),
            claim: c.clone(),
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
