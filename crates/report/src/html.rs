//! The report as one self-contained HTML page: inline style, no scripts, no external assets,
//! laid out for print. Citations link to the source list.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::markdown::subject;
use crate::{Brief, Claimant};

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

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "undated".into())
}

fn cites(c: &[usize]) -> String {
    c.iter()
        .map(|n| format!("<a class=\"cite\" href=\"#src-{n}\">[{n}]</a>"))
        .collect()
}

fn source(s: &Option<String>) -> String {
    escape(s.as_deref().unwrap_or("unattributed"))
}

const STYLE: &str = "body{font:15px/1.45 Georgia,'Times New Roman',serif;max-width:52em;\
margin:2em auto;padding:0 1em;color:#111}h1{font-size:1.7em;margin-bottom:.2em}\
h2{font-size:1.25em;border-bottom:1px solid #999;margin-top:1.6em}h3{font-size:1.05em}\
ul{padding-left:1.2em}li{margin:.25em 0}.meta{color:#555}.cite{color:#1a4f8b;\
text-decoration:none;font-size:.85em}.flag{color:#a40000;font-weight:bold}\
.hedge{color:#8a5a00}ol.sources{font-size:.9em}\
@media print{body{margin:0;max-width:none}a{color:#000}h2{break-after:avoid}li{break-inside:avoid}}";

fn claimant(c: &Claimant) -> String {
    format!(
        "{} says <b>{}</b> (as of {}{}) {}",
        source(&c.source),
        escape(&c.figure),
        date(c.as_of),
        if c.hedged {
            ", <span class=\"hedge\">unverified</span>"
        } else {
            ""
        },
        cites(&c.cites)
    )
}

/// One timeline entry as a list item.
fn event_item(e: &crate::TimelineEntry) -> String {
    let mut li = format!(
        "<li>{}{}: {}",
        date(e.day),
        if e.day_reported { " (reported)" } else { "" },
        escape(&e.summary)
    );
    if let Some(st) = &e.status {
        let _ = write!(li, " — <i>{}</i>", escape(st));
        if e.statuses.len() > 1 {
            let _ = write!(li, " (reports: {})", escape(&e.statuses.join(", ")));
        }
    }
    if e.hedged {
        li.push_str("; <span class=\"hedge\">unverified</span>");
    }
    format!("{li} {}</li>", cites(&e.cites))
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
    let _ = writeln!(
        s,
        "<h1>{}</h1>\n<p class=\"meta\">As of {}. From {} articles ({} independent stories). \
         Figures are as the sources state them; each line cites the articles that report it.</p>",
        escape(&b.title),
        date(b.as_of),
        b.articles,
        b.stories
    );

    let _ = writeln!(s, "<h2>Headline figures</h2>\n<ul>");
    for h in &b.headlines {
        let mut li = format!(
            "<li><b>{}</b>: {} ({}, as of {}; {} witness{})",
            escape(&subject(
                &h.label,
                h.group.as_deref(),
                h.side.as_deref(),
                h.place.as_deref()
            )),
            escape(&h.figure),
            source(&h.source),
            date(h.as_of),
            h.witnesses,
            if h.witnesses == 1 { "" } else { "es" }
        );
        if let Some((lo, hi)) = h.range {
            let _ = write!(
                li,
                "; sources range from {} to {} ({} sources)",
                crate::figures::number(lo),
                crate::figures::number(hi),
                h.sources
            );
        }
        if h.hedged {
            li.push_str("; <span class=\"hedge\">unverified</span>");
        }
        let _ = writeln!(s, "{li} {}</li>", cites(&h.cites));
    }
    if b.headlines.is_empty() {
        s.push_str("<li>No figures reported.</li>\n");
    }
    s.push_str("</ul>\n");

    let _ = writeln!(s, "<h2>Changes since {}</h2>\n<ul>", date(b.since));
    for c in &b.changes {
        let mut li = format!(
            "<li><b>{}</b>: {} ({}, as of {})",
            escape(&subject(
                &c.label,
                c.group.as_deref(),
                c.side.as_deref(),
                c.place.as_deref()
            )),
            escape(&c.figure),
            source(&c.source),
            date(c.as_of)
        );
        match &c.previous {
            Some(p) => {
                let _ = write!(
                    li,
                    ", {} from {} ({}, as of {}) {}",
                    match c.direction {
                        "up" => "up",
                        "down" => "down",
                        _ => "against",
                    },
                    escape(&p.figure),
                    source(&p.source),
                    date(p.as_of),
                    cites(&p.cites)
                );
            }
            None => li.push_str(", first reported"),
        }
        if c.fell {
            li.push_str(
                "; <span class=\"flag\">this running total fell below the source's earlier \
                 figure</span>",
            );
        }
        let _ = writeln!(s, "{li} {}</li>", cites(&c.cites));
    }
    if b.changes.is_empty() {
        s.push_str("<li>No new figures.</li>\n");
    }
    s.push_str("</ul>\n");

    if !b.new_events.is_empty() {
        s.push_str("<p>New events reported:</p>\n<ul>\n");
        for e in &b.new_events {
            let _ = writeln!(s, "{}", event_item(e));
        }
        s.push_str("</ul>\n");
    }

    let _ = writeln!(s, "<h2>Contradictions</h2>\n<ul>");
    for c in &b.contradictions {
        let _ = writeln!(
            s,
            "<li><b>{}</b>: {}; {}</li>",
            escape(&subject(
                &c.label,
                c.group.as_deref(),
                c.side.as_deref(),
                c.place.as_deref()
            )),
            claimant(&c.a),
            claimant(&c.b)
        );
    }
    if b.contradictions.is_empty() {
        s.push_str("<li>None found.</li>\n");
    }
    s.push_str("</ul>\n<h2>Timeline</h2>\n");
    for sec in &b.timeline {
        let _ = writeln!(
            s,
            "<h3 id=\"{}\">{}</h3>\n<ul>",
            escape(&sec.id),
            escape(&sec.title)
        );
        for e in &sec.entries {
            let _ = writeln!(s, "{}", event_item(e));
        }
        if sec.entries.is_empty() {
            s.push_str("<li>Nothing reported.</li>\n");
        }
        s.push_str("</ul>\n");
    }

    s.push_str("<h2>Sources</h2>\n<ol class=\"sources\">\n");
    for r in &b.sources {
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
    s.push_str("</ol>\n</body>\n</html>\n");
    s
}
