//! HTML pages: decoding, metadata (title, date, outlet, byline, canonical URL, language) and
//! block text with link density, for feed fragments and pages alike.
//!
//! Entry points: [`decode`], [`PageMeta::read`], [`fragment_text`] and [`main_text`]. Pages are
//! parsed once, with `dom_query` (html5ever), the parser `dom_smoothie` works on.

use chrono::NaiveDate;
use dom_query::{Document, NodeRef};

use crate::dates;

/// Decodes HTML bytes: byte order mark, then the charset of the HTTP content type, then a
/// `<meta charset>` in the first 2 KiB, then UTF-8 if valid, else Windows-1252 (the web's
/// default for undeclared pages).
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(2048)]))
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    if let Some(enc) = declared {
        // A page that says UTF-16 in a meta tag is really ASCII-compatible.
        let enc = if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            enc
        };
        return enc.decode_without_bom_handling(bytes).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

fn charset_param(ct: &str) -> Option<String> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

fn meta_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let rest = &lower[pos..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    (end > 0).then(|| String::from_utf8_lossy(&rest[..end]).into_owned())
}

/// Metadata of a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub canonical: Option<String>,
    pub language: Option<String>,
}

impl PageMeta {
    /// Reads metadata from meta tags, JSON-LD, `<time>`, the canonical URL and the page URL.
    pub fn read(doc: &Document, page_url: Option<&str>) -> PageMeta {
        let ld = json_ld(doc);
        let canonical = link_rel(doc, "canonical")
            .or_else(|| meta(doc, &["og:url"]))
            .and_then(|c| absolutize(&c, page_url));
        let title = meta(doc, &["og:title", "twitter:title"])
            .or_else(|| ld.iter().find_map(|v| str_field(v, "headline")))
            .or_else(|| first_text(doc, "h1"))
            .or_else(|| first_text(doc, "title"))
            .map(|t| crate::clean::normalize_inline(&t))
            .filter(|t| !t.is_empty());
        let published = meta(
            doc,
            &[
                "article:published_time",
                "og:published_time",
                "datePublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "date",
                "dc.date",
                "dc.date.issued",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date",
            ],
        )
        .and_then(|d| dates::parse_date(&d))
        .or_else(|| {
            ld.iter()
                .find_map(|v| str_field(v, "datePublished"))
                .and_then(|d| dates::parse_date(&d))
        })
        .or_else(|| time_element(doc))
        .or_else(|| canonical.as_deref().and_then(dates::date_in_url))
        .or_else(|| page_url.and_then(dates::date_in_url));
        let outlet = meta(doc, &["og:site_name", "application-name"])
            .or_else(|| ld.iter().find_map(publisher_name))
            .or_else(|| canonical.as_deref().or(page_url).and_then(domain))
            .map(|t| crate::clean::normalize_inline(&t))
            .filter(|t| !t.is_empty());
        let byline = meta(
            doc,
            &["author", "article:author", "dc.creator", "parsely-author"],
        )
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld.iter().find_map(author_name))
        .or_else(|| {
            first_text(
                doc,
                "[rel=author], [itemprop=author], .byline, .author-name",
            )
        })
        .map(|t| crate::clean::normalize_inline(&t))
        .map(|t| {
            t.trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_owned()
        })
        .filter(|t| !t.is_empty() && t.len() < 200);
        let language = doc
            .select("html")
            .nodes()
            .first()
            .and_then(|h| h.attr("lang").map(|l| l.to_string()))
            .or_else(|| meta(doc, &["og:locale", "content-language", "language"]))
            .map(|l| l.trim().replace('_', "-"))
            .and_then(|l| l.split('-').next().map(str::to_ascii_lowercase))
            .filter(|l| (2..=3).contains(&l.len()) && l.chars().all(|c| c.is_ascii_alphabetic()));
        PageMeta {
            title,
            published,
            outlet,
            byline,
            canonical,
            language,
        }
    }
}

/// The content of the first `<meta>` whose name, property or itemprop is one of `keys`
/// (compared case-insensitively), in the order of `keys`.
fn meta(doc: &Document, keys: &[&str]) -> Option<String> {
    let metas = doc.select("meta");
    let metas = metas.nodes();
    keys.iter().find_map(|key| {
        metas.iter().find_map(|m| {
            let name = m
                .attr("property")
                .or_else(|| m.attr("name"))
                .or_else(|| m.attr("itemprop"))
                .or_else(|| m.attr("http-equiv"))?;
            if !name.eq_ignore_ascii_case(key) {
                return None;
            }
            let v = m.attr("content").or_else(|| m.attr("datetime"))?;
            let v = v.trim();
            (!v.is_empty()).then(|| v.to_owned())
        })
    })
}

fn link_rel(doc: &Document, rel: &str) -> Option<String> {
    doc.select("link[rel][href]").nodes().iter().find_map(|l| {
        let rels = l.attr("rel")?;
        rels.split_whitespace()
            .any(|r| r.eq_ignore_ascii_case(rel))
            .then(|| l.attr("href").map(|h| h.to_string()))?
    })
}

fn absolutize(href: &str, base: Option<&str>) -> Option<String> {
    match url::Url::parse(href) {
        Ok(u) if matches!(u.scheme(), "http" | "https") => Some(u.to_string()),
        Ok(_) => None,
        Err(_) => url::Url::parse(base?)
            .ok()?
            .join(href)
            .ok()
            .map(|u| u.to_string()),
    }
}

fn domain(u: &str) -> Option<String> {
    let host = url::Url::parse(u).ok()?.host_str()?.to_owned();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_owned())
}

fn first_text(doc: &Document, css: &str) -> Option<String> {
    let found = doc.try_select(css)?;
    found
        .nodes()
        .iter()
        .map(|e| crate::clean::normalize_inline(&e.text()))
        .find(|t| !t.is_empty())
}

fn time_element(doc: &Document) -> Option<NaiveDate> {
    let times = doc.select("time[datetime]");
    let times = times.nodes();
    // Prefer a <time> marked as the publication date, else the first one.
    times
        .iter()
        .find(|t| {
            t.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
                || t.has_attr("pubdate")
                || t.attr("class").is_some_and(|c| c.contains("publish"))
        })
        .or(times.first())
        .and_then(|t| t.attr("datetime"))
        .and_then(|d| dates::parse_date(&d))
}

/// JSON-LD objects of the page, `@graph` members included.
fn json_ld(doc: &Document) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for script in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let raw = script.text();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
            continue;
        };
        collect_ld(v, &mut out, 0);
    }
    // Articles first: their fields beat the site's.
    out.sort_by_key(|v| !is_article_type(v));
    out
}

fn collect_ld(v: serde_json::Value, out: &mut Vec<serde_json::Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match v {
        serde_json::Value::Array(items) => items
            .into_iter()
            .for_each(|i| collect_ld(i, out, depth + 1)),
        serde_json::Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                collect_ld(graph, out, depth + 1);
            }
            out.push(serde_json::Value::Object(map));
        }
        _ => {}
    }
}

fn is_article_type(v: &serde_json::Value) -> bool {
    let t = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "Report";
    match v.get("@type") {
        Some(serde_json::Value::String(s)) => t(s),
        Some(serde_json::Value::Array(a)) => a.iter().filter_map(|x| x.as_str()).any(t),
        _ => false,
    }
}

fn str_field(v: &serde_json::Value, key: &str) -> Option<String> {
    v.get(key)?
        .as_str()
        .map(str::to_owned)
        .filter(|s| !s.trim().is_empty())
}

fn name_of(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(_) => str_field(v, "name"),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn author_name(v: &serde_json::Value) -> Option<String> {
    name_of(v.get("author")?).filter(|s| !s.starts_with("http"))
}

fn publisher_name(v: &serde_json::Value) -> Option<String> {
    name_of(v.get("publisher")?)
}

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "head",
    "menu",
    "dialog",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "img",
];
/// Elements that end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "body",
    "center",
    "address",
];

/// One block of text and how much of it sits inside links.
#[derive(Debug, Clone, Default)]
struct Block {
    text: String,
    link_chars: usize,
}

struct Walker {
    blocks: Vec<Block>,
    current: Block,
}

impl Walker {
    fn flush(&mut self) {
        let b = std::mem::take(&mut self.current);
        if !b.text.trim().is_empty() {
            self.blocks.push(b);
        }
    }

    fn walk(&mut self, node: &NodeRef<'_>, in_link: bool, depth: usize) {
        if depth > 256 {
            return; // pathological nesting: stop rather than overflow the stack
        }
        if node.is_text() {
            let t = node.text();
            self.current.text.push_str(&t);
            if in_link {
                self.current.link_chars += t.trim().chars().count();
            }
        } else if node.is_element() {
            let Some(name) = node.node_name() else { return };
            let name = name.to_ascii_lowercase();
            if SKIP.contains(&name.as_str()) || is_furniture(node) {
                return;
            }
            let block = BLOCK.contains(&name.as_str());
            if block {
                self.flush();
            }
            let link = in_link || name == "a";
            for child in node.children_it(false) {
                self.walk(&child, link, depth + 1);
            }
            if block {
                self.flush();
            }
        } else if node.is_document() || node.is_fragment() {
            for child in node.children_it(false) {
                self.walk(&child, in_link, depth + 1);
            }
        }
    }
}

/// Attributes that mark site furniture around an article: hidden parts, landmark roles other
/// than the main content, and class or id names of share bars, related links, forms and ads.
fn is_furniture(e: &NodeRef<'_>) -> bool {
    if e.has_attr("hidden") || e.attr("aria-hidden").is_some_and(|v| &*v == "true") {
        return true;
    }
    let role = e
        .attr("role")
        .map(|r| r.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(
        role.as_str(),
        "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog"
    ) {
        return true;
    }
    let class = e.attr("class").map(|c| c.to_string()).unwrap_or_default();
    let id = e.attr("id").map(|c| c.to_string()).unwrap_or_default();
    let names = format!("{class} {id}").to_ascii_lowercase();
    const MARKS: &[&str] = &[
        "share",
        "social",
        "related",
        "newsletter",
        "subscribe",
        "comment",
        "cookie",
        "advert",
        "promo",
        "sidebar",
        "breadcrumb",
        "recommend",
        "popular",
        "trending",
        "signup",
        "sponsor",
        "outbrain",
        "taboola",
        "paywall",
        "most-read",
        "read-more",
        "tags",
        "byline",
        "author",
        "bio",
        "-meta",
        "meta-",
    ];
    names.split(char::is_whitespace).any(|n| {
        !n.is_empty()
            && MARKS.iter().any(|m| n.contains(m))
            && !n.contains("article-body")
            && !n.contains("content")
    })
}

/// Removes site furniture from a parsed page before the main-text extractor sees it: landmark
/// elements around the article, forms, and elements whose class, id or role marks them as share
/// bars, related links, newsletter boxes, comments, ads or bylines.
fn strip_furniture(doc: &Document) {
    let candidates = doc.select("nav, aside, [role], [hidden], [aria-hidden], [class], [id]");
    for node in candidates.nodes() {
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "main" | "article") {
            continue;
        }
        if !(matches!(name.as_str(), "nav" | "aside") || is_furniture(node)) {
            continue;
        }
        // A name can mislead (a "share-content" wrapper around the whole story): remove only
        // what is short or mostly links.
        let text = node.text();
        let chars = text.trim().chars().count();
        let link_chars: usize = node
            .find(&["a"])
            .iter()
            .map(|a| a.text().trim().chars().count())
            .sum();
        if chars < 300 || link_chars * 3 >= chars {
            node.remove_from_parent();
        }
    }
}

/// Text blocks under a node, with blocks made mostly of links dropped.
fn blocks_text(root: &NodeRef<'_>) -> String {
    let mut w = Walker {
        blocks: Vec::new(),
        current: Block::default(),
    };
    w.walk(root, false, 0);
    w.flush();
    let paras: Vec<String> = w
        .blocks
        .into_iter()
        .filter(|b| {
            let chars = b.text.trim().chars().count().max(1);
            b.link_chars * 2 <= chars
        })
        .map(|b| crate::clean::normalize_inline(&b.text))
        .filter(|t| !t.is_empty())
        .collect();
    paras.join("\n\n")
}

/// Text of an HTML fragment (a feed item's content): blocks kept in order, link lists dropped.
pub fn fragment_text(html: &str) -> String {
    if nesting_depth(html, MAX_NESTING) > MAX_NESTING {
        return strip_tags(html);
    }
    let frag = Document::fragment(html);
    blocks_text(&frag.root())
}

/// Main text of a whole page by the block walker: the fallback when the main-text extractor
/// finds nothing.
pub fn blocks_of_page(doc: &Document) -> String {
    let scopes = doc.select("article, [itemprop=articleBody], main, [role=main]");
    let scope = scopes
        .nodes()
        .iter()
        .max_by_key(|e| e.text().len())
        .cloned();
    match scope {
        Some(el) => blocks_text(&el),
        None => blocks_text(&doc.root()),
    }
}

/// Nesting beyond which a page is read without the main-text extractor. Real pages stay far
/// below it; a page of thousands of nested elements would take minutes to score.
const MAX_DEPTH: usize = 400;

/// Whether any node lies deeper than `limit` (an iterative walk that stops early).
fn deeper_than(doc: &Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    false
}

/// All text of a page, elements that are never article text left out, in one iterative pass.
fn flat_text(doc: &Document) -> String {
    let mut out = String::new();
    let mut stack = vec![doc.root()];
    while let Some(node) = stack.pop() {
        if node.is_text() {
            out.push_str(&node.text());
            continue;
        }
        if node.is_element() {
            let name = node
                .node_name()
                .map(|n| n.to_ascii_lowercase())
                .unwrap_or_default();
            if SKIP.contains(&name.as_str()) {
                continue;
            }
            if BLOCK.contains(&name.as_str()) {
                out.push('\n');
            }
        }
        let children: Vec<_> = node.children_it(false).collect();
        stack.extend(children.into_iter().rev());
    }
    out
}

/// Deepest element nesting the HTML parser is given. html5ever checks scopes by walking the
/// stack of open elements, so parsing costs grow with depth × elements: 100,000 nested
/// elements take half a minute. Real pages stay in the low hundreds.
pub const MAX_NESTING: usize = 2_000;

/// Elements that never hold children, so their start tags do not nest.
const VOID: &[&[u8]] = &[
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// The deepest nesting of start tags in raw HTML, by a linear scan of its tags (comments and
/// the contents of scripts are not skipped, so the estimate errs high). Stops counting past
/// `limit`.
pub fn nesting_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = bytes[i..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| i + n);
                let name = bytes[i..name_end].to_ascii_lowercase();
                let tag_end = bytes[name_end..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(bytes.len(), |n| name_end + n);
                let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
                if !self_closing && !VOID.contains(&name.as_slice()) {
                    depth += 1;
                    max = max.max(depth);
                    if max > limit {
                        return max;
                    }
                }
            }
            _ => {}
        }
    }
    max
}

/// Text of markup too deeply nested to parse: tags dropped, a few entities decoded, in one
/// linear pass.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
}

/// Whether a string looks like HTML markup rather than plain text.
pub fn looks_like_markup(s: &str) -> bool {
    let lower = s.get(..s.len().min(2048)).unwrap_or(s).to_ascii_lowercase();
    ["<p", "<div", "<br", "<a ", "</", "<span", "<h2", "<ul"]
        .iter()
        .any(|t| lower.contains(t))
}

/// The main text of a page: the article body, navigation, share bars, related links, comment
/// forms and ads removed.
///
/// The main text comes from `dom_smoothie` (a port of Mozilla's Readability), chosen on the
/// article-extraction benchmark for its accuracy, speed and light build (see
/// `docs/PERFORMANCE.md`). When it finds nothing, the block walker of this module takes over.
pub fn main_text(html: &str, doc: Document, url: Option<&str>) -> String {
    if deeper_than(&doc, MAX_DEPTH) {
        // Readability's scoring is quadratic in depth: a pathological page gets a linear read.
        return flat_text(&doc);
    }
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        // Bounds the work on pathological pages; real articles have far fewer elements.
        max_elements_to_parse: 200_000,
        ..Default::default()
    };
    strip_furniture(&doc);
    // dom_smoothie refuses a relative or odd page URL; the text does not depend on it.
    let url = url.filter(|u| url::Url::parse(u).is_ok());
    let readable = dom_smoothie::Readability::with_document(doc, url, Some(cfg))
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default();
    if readable.split_whitespace().nth(20).is_some() {
        return readable;
    }
    // Readability changed the tree it worked on: walk a fresh parse.
    let blocks = blocks_of_page(&Document::from(html));
    if blocks.len() > readable.len() {
        blocks
    } else {
        readable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_declared_and_undeclared_charsets() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body></html>";
        assert!(decode(latin, None).contains("café"));
        assert!(decode(b"caf\xe9", Some("text/html; charset=windows-1252")).contains("café"));
        assert!(decode("café".as_bytes(), None).contains("café"));
        assert!(decode(b"caf\xe9 undeclared", None).contains("café"));
        assert!(decode(b"\xEF\xBB\xBFhi", None) == "hi");
    }

    #[test]
    fn reads_metadata_from_meta_ld_and_url() {
        let page = r#"<html lang="en-GB"><head>
            <title>Fallback | Site</title>
            <meta property="og:title" content="Convoy leaves the port">
            <meta property="og:site_name" content="The Example Ledger">
            <link rel="canonical" href="/world/2022/03/16/convoy">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Example"},
              {"@type":"NewsArticle","datePublished":"2022-03-15T21:00:00+02:00","author":[{"@type":"Person","name":"A. Writer"}]}]}</script>
            </head><body><p>x</p></body></html>"#;
        let doc = Document::from(page);
        let m = PageMeta::read(&doc, Some("https://www.example.org/x"));
        assert_eq!(m.title.as_deref(), Some("Convoy leaves the port"));
        assert_eq!(m.outlet.as_deref(), Some("The Example Ledger"));
        assert_eq!(
            m.canonical.as_deref(),
            Some("https://www.example.org/world/2022/03/16/convoy")
        );
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2022, 3, 15));
        assert_eq!(m.byline.as_deref(), Some("A. Writer"));
        assert_eq!(m.language.as_deref(), Some("en"));
    }

    #[test]
    fn falls_back_to_time_element_url_date_and_domain() {
        let page = r#"<html><body><h1>Headline</h1><span class="byline">By Jo Reporter</span>
            <time datetime="2022-03-09">9 March</time></body></html>"#;
        let m = PageMeta::read(&Document::from(page), Some("https://www.news.example/a"));
        assert_eq!(m.title.as_deref(), Some("Headline"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2022, 3, 9));
        assert_eq!(m.outlet.as_deref(), Some("news.example"));
        assert_eq!(m.byline.as_deref(), Some("Jo Reporter"));
        let m = PageMeta::read(
            &Document::from("<p>x</p>"),
            Some("https://a.example/2022/03/01/x"),
        );
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2022, 3, 1));
    }

    #[test]
    fn nesting_is_measured_on_raw_markup() {
        assert_eq!(
            nesting_depth("<html><body><p>a<br>b<img src=x/></p></body></html>", 100),
            3
        );
        assert_eq!(nesting_depth("<div><div/><hr></div>", 100), 1);
        assert_eq!(nesting_depth("no tags < 5 and a < b", 100), 0);
        assert!(nesting_depth(&"<div>".repeat(10_000), 2_000) > 2_000);
        let deep = format!("{}<b>Tanks &amp; trucks</b>", "<span>".repeat(5_000));
        assert_eq!(fragment_text(&deep).trim(), "Tanks & trucks");
    }

    #[test]
    fn deeply_nested_pages_are_read_linearly() {
        // Deeper than Readability is given, shallower than the parser refuses.
        let depth = 1_000;
        let page = format!(
            "<html><body>{}<p>Buses left the city at dawn.</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let doc = Document::from(page.as_str());
        assert!(deeper_than(&doc, MAX_DEPTH));
        let started = std::time::Instant::now();
        let text = main_text(&page, doc, None);
        assert_eq!(text.trim(), "Buses left the city at dawn.");
        // Not a measure of speed: a guard against the quadratic path, which takes minutes.
        assert!(started.elapsed() < std::time::Duration::from_secs(20));
        assert!(!deeper_than(
            &Document::from("<div><p>x</p></div>"),
            MAX_DEPTH
        ));
    }

    #[test]
    fn fragment_text_drops_link_lists_and_keeps_paragraphs() {
        let html = "<p>First <b>bold</b> paragraph.</p><ul><li><a href='/a'>Related one</a></li>\
            <li><a href='/b'>Related two</a></li></ul><p>Second with a <a href='/x'>link</a> inside.</p>\
            <script>var x = 1;</script>";
        assert_eq!(
            fragment_text(html),
            "First bold paragraph.\n\nSecond with a link inside."
        );
    }
}
