use model::{Article, InputFormat};

use super::{Document, Draft, Reader};
use crate::error::{ReadError, ReadErrorKind};
use crate::html::{self, PageMeta};
use crate::source::Ingestor;

/// HTML pages: main text with boilerplate removed, and the page's metadata.
#[derive(Debug)]
pub struct PageReader;

impl Reader for PageReader {
    fn read(
        &self,
        mut doc: Document<'_>,
        ing: &Ingestor,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind> {
        let bytes = doc.read_all(ing.options().max_bytes)?;
        if crate::source::looks_binary(&bytes) {
            return Err(ReadErrorKind::Binary);
        }
        let article = read_page(
            &bytes,
            doc.content_type.as_deref(),
            doc.url.as_deref(),
            &doc.name,
            InputFormat::Html,
            ing,
        )?;
        emit(Ok(article));
        Ok(())
    }
}

/// Reads one HTML page from its bytes (shared by the page, WARC and feed `--follow` paths).
pub fn read_page(
    bytes: &[u8],
    content_type: Option<&str>,
    page_url: Option<&str>,
    path: &str,
    format: InputFormat,
    ing: &Ingestor,
) -> Result<Article, ReadErrorKind> {
    let source = html::decode(bytes, content_type);
    let depth = html::nesting_depth(&source, html::MAX_NESTING);
    if depth > html::MAX_NESTING {
        return Err(ReadErrorKind::TooDeep {
            limit: html::MAX_NESTING,
        });
    }
    let dom = dom_query::Document::from(source.as_str());
    let meta = PageMeta::read(&dom, page_url);
    let body = html::main_text(&source, dom, page_url);
    let titled = crate::clean::paragraphs(&body);
    let url = meta
        .canonical
        .clone()
        .or_else(|| page_url.map(str::to_owned));
    let draft = Draft {
        url,
        title: meta.title,
        outlet: meta.outlet,
        byline: meta.byline,
        language: meta.language,
        published: meta.published,
        paragraphs: titled,
        meta: Default::default(),
    };
    draft.finish(path, format, ing)
}
