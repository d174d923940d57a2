//! One reader per input format, all behind [`Reader`] and all producing [`model::Article`].

mod feed;
mod jsonl;
mod page;
mod text;
mod warc;

use std::collections::BTreeMap;
use std::io::{BufRead, Read};

use chrono::NaiveDate;
use model::{Article, ArticleId, InputFormat, Published};

use crate::error::{ReadError, ReadErrorKind};
use crate::source::Ingestor;

pub use page::read_page;

/// The bytes of one input and what is known about them.
pub struct Document<'a> {
    /// The input as named to the user (path, URL, `-`).
    pub name: String,
    /// File name, used for the extension.
    pub file_name: Option<String>,
    /// URL the bytes came from, if fetched.
    pub url: Option<String>,
    /// HTTP content type, if fetched.
    pub content_type: Option<String>,
    /// Size on disk, if a file.
    pub size_hint: Option<u64>,
    /// True when the body is a decompressed gzip stream: read errors mean a corrupt archive.
    pub gzip: bool,
    /// Cap on the whole stream when it is decompressed (limits gzip bombs).
    pub container_cap: Option<u64>,
    pub body: Box<dyn BufRead + 'a>,
}

impl std::fmt::Debug for Document<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("name", &self.name)
            .field("url", &self.url)
            .finish()
    }
}

impl<'a> Document<'a> {
    pub fn new(name: String, body: Box<dyn BufRead + 'a>) -> Self {
        Document {
            name,
            file_name: None,
            url: None,
            content_type: None,
            size_hint: None,
            gzip: false,
            container_cap: None,
            body,
        }
    }

    pub(crate) fn io_error(&self, e: &std::io::Error) -> ReadErrorKind {
        if self.gzip {
            ReadErrorKind::Gzip(e.to_string())
        } else {
            ReadErrorKind::from_io(e)
        }
    }

    /// Reads the whole body, refusing more than `cap` bytes.
    pub(crate) fn read_all(&mut self, cap: u64) -> Result<Vec<u8>, ReadErrorKind> {
        if let Some(size) = self.size_hint.filter(|&s| s > cap) {
            return Err(ReadErrorKind::TooLarge { size, cap });
        }
        let mut buf = Vec::new();
        let mut limited = (&mut self.body).take(cap + 1);
        if let Err(e) = limited.read_to_end(&mut buf) {
            return Err(self.io_error(&e));
        }
        if buf.len() as u64 > cap {
            return Err(ReadErrorKind::TooLarge {
                size: self.size_hint.unwrap_or(cap + 1),
                cap,
            });
        }
        Ok(buf)
    }
}

/// A reader of one input format.
pub trait Reader {
    /// Reads `doc`, giving each article (or each failed record of a container) to `emit`.
    /// An `Err` return is a failure of the whole document.
    fn read(
        &self,
        doc: Document<'_>,
        ing: &Ingestor,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind>;
}

/// The reader of a format.
pub fn for_format(format: InputFormat) -> &'static dyn Reader {
    match format {
        InputFormat::Text => &text::TextReader,
        InputFormat::Html => &page::PageReader,
        InputFormat::Feed => &feed::FeedReader,
        InputFormat::Jsonl => &jsonl::JsonlReader,
        InputFormat::Warc => &warc::WarcReader,
    }
}

/// The parts of an article as a reader found them, before the id and date are settled.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub language: Option<String>,
    /// Date from the input's own metadata.
    pub published: Option<NaiveDate>,
    pub paragraphs: Vec<String>,
    pub meta: BTreeMap<String, serde_json::Value>,
}

impl Draft {
    /// Settles the article: text from paragraphs (boilerplate removed), the date from metadata,
    /// else the user's default, else a date written in the opening (marked inferred).
    pub fn finish(
        mut self,
        path: &str,
        format: InputFormat,
        ing: &Ingestor,
    ) -> Result<Article, ReadErrorKind> {
        let lex = crate::clean::Lexicon::builtin();
        // A date written in the opening counts even on a line cleaning drops ("Site | World |
        // March 10, 2022", "Published on ...").
        let opening_date = || {
            let head: String = self
                .paragraphs
                .iter()
                .take(6)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join("\n");
            crate::dates::date_in_opening(&head)
        };
        let published = self
            .published
            .or(ing.options().default_published)
            .map(|date| Published {
                date,
                inferred: false,
            })
            .or_else(|| {
                opening_date().map(|date| Published {
                    date,
                    inferred: true,
                })
            });
        let mut paras = crate::clean::strip_boilerplate(std::mem::take(&mut self.paragraphs), lex);
        if paras.len() > 1 && self.title.is_some() && paras.first() == self.title.as_ref() {
            paras.remove(0);
        }
        let text = paras.join("\n\n");
        if text.trim().is_empty() {
            return Err(ReadErrorKind::NoText);
        }
        let id = ArticleId::derive(
            &text,
            self.url.as_deref(),
            self.outlet.as_deref(),
            self.title.as_deref(),
        );
        Ok(Article {
            id,
            path: path.to_owned(),
            format,
            url: self.url,
            title: self.title,
            outlet: self.outlet,
            byline: self.byline,
            language: self.language,
            published,
            text,
            meta: self.meta,
        })
    }
}
