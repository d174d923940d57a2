//! JSON records printed by the commands. `ExtractRecord` follows the contract of
//! `sitrep extract` (shared/spec/extract-output.md): the minimum fields, plus a few more.

use std::collections::BTreeMap;

use model::Article;

use crate::annotation::{AnnotatedRecords, EntityRecord, NumberRecord, TimeRecord};
use serde::Serialize;

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
    pub claims: Vec<serde_json::Value>,
    pub events: Vec<serde_json::Value>,
    pub meta: &'a BTreeMap<String, serde_json::Value>,
}

impl<'a> ExtractRecord<'a> {
    /// The record of an article and its annotations; claims and events stay empty until the
    /// extract stage exists.
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
