//! One article through annotation and extraction, as `sitrep extract` prints it. Shared by the
//! `extract` command, the `eval claims` and `eval events` commands and the benchmark, so that
//! what is measured is what is printed.

use std::path::Path;

use annotate::Annotator;
use chrono::NaiveDate;
use extract::Extractor;
use ingest::{Ingestor, ReadError, ReadOptions};
use model::Article;

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
