//! The report as one self-contained HTML page: inline style, no scripts, no external assets,
//! laid out for print. Citations link to the source list.

use std::fmt::Write;

use crate::Brief;
use crate::lines::{Block, Part, blocks, date};

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A URL safe to link: http(s) only; anything else is shown as text.
fn safe_url(u: &str) -> Option<String> {
    let lower = u.trim().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| escape(u.trim()))
}

const STYLE: &str = "body{font:15px/1.45 Georgia,'Times New Roman',serif;max-width:52em;\
margin:2em auto;padding:0 1em;color:#111}h1{font-size:1.7em;margin-bottom:.2em}\
h2{font-size:1.25em;border-bottom:1px solid #999;margin-top:1.6em}h3{font-size:1.05em}\
ul{padding-left:1.2em}li{margin:.25em 0}.meta{color:#555}.cite{color:#1a4f8b;\
text-decoration:none;font-size:.85em}.flag{color:#a40000;font-weight:bold}\
.hedge{color:#8a5a00}ol.sources{font-size:.9em}\
@media print{body{margin:0;max-width:none}a{color:#000}h2{break-after:avoid}li{break-inside:avoid}}";

fn line(parts: &[Part]) -> String {
    let mut s = String::new();
    for p in parts {
        match p {
            Part::Text(t) => s.push_str(&escape(t)),
            Part::Strong(t) => {
                let _ = write!(s, "<b>{}</b>", escape(t));
            }
            Part::Em(t) => {
                let _ = write!(s, "<i>{}</i>", escape(t));
            }
            Part::Flag(t) => {
                let _ = write!(s, "<span class=\"flag\">{}</span>", escape(t));
            }
            Part::Hedge => s.push_str("<span class=\"hedge\">unverified</span>"),
            Part::Cites(c) => {
                for n in c {
                    let _ = write!(s, "<a class=\"cite\" href=\"#src-{n}\">[{n}]</a>");
                }
            }
        }
    }
    s
}

/// Renders the report.
pub fn render(b: &Brief) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&b.title),
        date(b.as_of)
    );
    for block in blocks(b) {
        match block {
            Block::Title(t) => {
                let _ = writeln!(s, "<h1>{}</h1>", escape(&t));
            }
            Block::Heading(t) => {
                let _ = writeln!(s, "<h2>{}</h2>", escape(&t));
            }
            Block::Subheading { id, text } => {
                let _ = writeln!(s, "<h3 id=\"{}\">{}</h3>", escape(&id), escape(&text));
            }
            Block::Para(parts) => {
                let _ = writeln!(s, "<p class=\"meta\">{}</p>", line(&parts));
            }
            Block::List { items, empty } => {
                s.push_str("<ul>\n");
                if items.is_empty() {
                    let _ = writeln!(s, "<li>{}</li>", escape(empty));
                }
                for item in &items {
                    let _ = writeln!(s, "<li>{}</li>", line(item));
                }
                s.push_str("</ul>\n");
            }
            Block::Sources(refs) => {
                s.push_str("<ol class=\"sources\">\n");
                for r in &refs {
                    let title = escape(r.title.as_deref().unwrap_or("untitled"));
                    let title = match r.url.as_deref().and_then(safe_url) {
                        Some(u) => format!("<a href=\"{u}\">{title}</a>"),
                        None => title,
                    };
                    let _ = writeln!(
                        s,
                        "<li id=\"src-{}\" value=\"{}\">{}, “{}”, {}</li>",
                        r.n,
                        r.n,
                        escape(r.outlet.as_deref().unwrap_or("unknown outlet")),
                        title,
                        date(r.published)
                    );
                }
                s.push_str("</ol>\n");
            }
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}
