//! JSON records printed by the commands. `ExtractRecord` follows the contract of
//! `sitrep extract` (shared/spec/extract-output.md): the minimum fields, plus a few more.

use std::collections::BTreeMap;

use model::Article;

use crate::annotation::{AnnotatedRecords, EntityRecord, NumberRecord, TimeRecord};
use annotate::text::CharOffsets;
use extract::Located;
use serde::Serialize;

/// A claim or an event as printed: its own fields (shared/spec/claims.md for claims), then its
/// sentence, the character offsets and text of its figure or trigger words, and with
/// `--explain` the evidence of each field.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record<T> {
    #[serde(flatten)]
    pub item: T,
    pub sentence: String,
    pub start: usize,
    pub end: usize,
    /// The figure's or the trigger's words.
    pub text: String,
    /// With `--explain`: which words filled each field, and by which rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<ExplainRecord>>,
}

pub type ClaimRecord = Record<extract::Claim>;
pub type EventRecord = Record<extract::Event>;

/// The words that filled one field: `{"field", "rule", "text", "start", "end"}`, offsets in
/// characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExplainRecord {
    pub field: &'static str,
    pub rule: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

fn explain_records(
    text: &str,
    chars: &CharOffsets,
    evidence: &[extract::Evidence],
) -> Vec<ExplainRecord> {
    evidence
        .iter()
        .map(|e| ExplainRecord {
            field: e.field,
            rule: e.rule.clone(),
            text: text.get(e.start..e.end).unwrap_or_default().to_owned(),
            start: chars.of(e.start),
            end: chars.of(e.end),
        })
        .collect()
}

/// The output records of claims or events over `text`; `explain` adds each field's evidence.
pub fn located_records<T: Located + Clone>(
    text: &str,
    items: &[T],
    explain: bool,
) -> Vec<Record<T>> {
    let chars = CharOffsets::new(text);
    items
        .iter()
        .map(|x| {
            let (start, end) = x.span();
            Record {
                sentence: x.sentence(text).to_owned(),
                start: chars.of(start),
                end: chars.of(end),
                text: text[start..end].to_owned(),
                explain: explain.then(|| explain_records(text, &chars, x.evidence())),
                item: x.clone(),
            }
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
    pub events: Vec<EventRecord>,
    pub meta: &'a BTreeMap<String, serde_json::Value>,
}

impl<'a> ExtractRecord<'a> {
    /// The record of an article and its annotations; claims and events are added with
    /// [`located_records`].
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
