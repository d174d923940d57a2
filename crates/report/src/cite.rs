//! Numbered citations: each article a report cites gets one number, in order of first citation.

use std::collections::HashMap;

use chrono::NaiveDate;
use model::{ArticleId, ArticleRef};
use serde::Serialize;

/// An article a report cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// Its number in the report, from 1.
    pub n: usize,
    pub id: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
}

/// Gives articles their numbers.
#[derive(Debug, Default)]
pub(crate) struct Citations {
    numbers: HashMap<ArticleId, usize>,
    refs: Vec<SourceRef>,
}

impl Citations {
    /// The numbers of `articles`, each once, in ascending order. Copies of one story are cited
    /// by their earliest member only when `one_per_story`.
    pub fn cite<'a>(&mut self, articles: impl IntoIterator<Item = &'a ArticleRef>) -> Vec<usize> {
        let mut out: Vec<usize> = articles.into_iter().map(|a| self.number(a)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn number(&mut self, a: &ArticleRef) -> usize {
        if let Some(&n) = self.numbers.get(&a.id) {
            return n;
        }
        let n = self.refs.len() + 1;
        self.numbers.insert(a.id.clone(), n);
        self.refs.push(SourceRef {
            n,
            id: a.id.as_str().to_owned(),
            outlet: a.outlet.clone(),
            title: a.title.clone(),
            published: a.published,
            url: a.url.clone(),
        });
        n
    }

    pub fn into_refs(self) -> Vec<SourceRef> {
        self.refs
    }
}
