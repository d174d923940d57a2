use model::{Article, InputFormat};

use super::{Document, Draft, Reader, read_page};
use crate::error::{ReadError, ReadErrorKind};
use crate::source::Ingestor;

/// RSS 0.9x/1.0/2.0 and Atom feeds (parsed by `feed-rs`): each item an article, with its full
/// content where the feed has it, else its summary. With `--follow`, the item's linked page is
/// fetched and read instead; if that fails the failure is reported and the feed's text kept.
#[derive(Debug)]
pub struct FeedReader;

impl Reader for FeedReader {
    fn read(
        &self,
        mut doc: Document<'_>,
        ing: &Ingestor,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind> {
        let bytes = doc.read_all(ing.options().max_bytes)?;
        let feed = feed_rs::parser::parse(bytes.as_slice())
            .map_err(|e| ReadErrorKind::Feed(e.to_string()))?;
        let outlet = feed
            .title
            .as_ref()
            .map(|t| crate::clean::normalize_inline(&plain(&t.content)))
            .filter(|t| !t.is_empty());
        if feed.entries.is_empty() {
            return Err(ReadErrorKind::Feed("no items".into()));
        }
        for (i, entry) in feed.entries.into_iter().enumerate() {
            let item_name = format!("{}#item{}", doc.name, i + 1);
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(entry.links.first())
                .map(|l| l.href.clone())
                .filter(|h| crate::fetch::check_url(h).is_ok());
            let published = entry.published.or(entry.updated).map(|d| d.date_naive());
            if ing.options().follow
                && let Some(link) = &link
            {
                match follow(link, &doc.name, ing) {
                    Ok(mut article) => {
                        if article.published.is_none_or(|p| p.inferred)
                            && let Some(date) = published
                        {
                            article.published = Some(model::Published {
                                date,
                                inferred: false,
                            });
                        }
                        emit(Ok(article));
                        continue;
                    }
                    Err(kind) => emit(Err(ReadError::new(link.clone(), kind))),
                }
            }
            let body = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .unwrap_or_default();
            let mut meta = std::collections::BTreeMap::new();
            if !entry.id.is_empty() {
                meta.insert("guid".into(), serde_json::Value::String(entry.id.clone()));
            }
            let draft = Draft {
                url: link,
                title: entry
                    .title
                    .map(|t| crate::clean::normalize_inline(&plain(&t.content))),
                outlet: outlet.clone(),
                byline: entry
                    .authors
                    .first()
                    .and_then(|p| p.name.clone())
                    .filter(|n| !n.is_empty()),
                language: feed.language.clone(),
                published,
                paragraphs: crate::clean::paragraphs(&plain(&body)),
                meta,
            };
            emit(
                draft
                    .finish(&doc.name, InputFormat::Feed, ing)
                    .map_err(|k| ReadError::new(&item_name, k)),
            );
        }
        Ok(())
    }
}

/// Feed text may be HTML or plain; either way, plain text with paragraph breaks.
fn plain(s: &str) -> String {
    if crate::html::looks_like_markup(s) {
        crate::html::fragment_text(s)
    } else {
        s.to_owned()
    }
}

fn follow(link: &str, feed_name: &str, ing: &Ingestor) -> Result<Article, ReadErrorKind> {
    let page = ing.fetcher.fetch(link)?;
    let mime = page
        .content_type
        .as_deref()
        .and_then(|c| c.split(';').next())
        .map(str::trim);
    if let Some(mime) = mime.filter(|m| {
        !m.eq_ignore_ascii_case("text/html") && !m.eq_ignore_ascii_case("application/xhtml+xml")
    }) {
        return Err(ReadErrorKind::Format(format!(
            "linked page is {mime}, not HTML"
        )));
    }
    if crate::source::looks_binary(&page.body) {
        return Err(ReadErrorKind::Binary);
    }
    read_page(
        &page.body,
        page.content_type.as_deref(),
        Some(&page.url),
        feed_name,
        InputFormat::Html,
        ing,
    )
}
