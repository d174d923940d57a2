//! The report as Markdown: headings, one bullet per line, citations as `[n]`.

use std::fmt::Write;

use chrono::NaiveDate;

use crate::{Brief, Claimant, Headline};

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "undated".into())
}

fn cites(c: &[usize]) -> String {
    c.iter().map(|n| format!("[{n}]")).collect()
}

/// Who is counted and where: "civilians, Mariupol", "soldiers (russia)".
pub(crate) fn subject(
    label: &str,
    group: Option<&str>,
    side: Option<&str>,
    place: Option<&str>,
) -> String {
    let mut s = label.to_owned();
    let mut q = Vec::new();
    if let Some(g) = group {
        q.push(match side {
            Some(side) => format!("{g} ({side})"),
            None => g.to_owned(),
        });
    }
    if let Some(p) = place {
        q.push(format!("in {p}"));
    }
    if !q.is_empty() {
        s.push_str(&format!(" — {}", q.join(", ")));
    }
    s
}

fn source(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("unattributed")
}

fn headline(h: &Headline) -> String {
    let mut line = format!(
        "- **{}**: {} ({}, as of {}; {} witness{})",
        subject(
            &h.label,
            h.group.as_deref(),
            h.side.as_deref(),
            h.place.as_deref()
        ),
        h.figure,
        source(&h.source),
        date(h.as_of),
        h.witnesses,
        if h.witnesses == 1 { "" } else { "es" }
    );
    if let Some((lo, hi)) = h.range {
        let _ = write!(
            line,
            "; sources range from {} to {} ({} sources)",
            crate::figures::number(lo),
            crate::figures::number(hi),
            h.sources
        );
    }
    if h.hedged {
        line.push_str("; unverified");
    }
    let _ = write!(line, " {}", cites(&h.cites));
    line
}

fn claimant(c: &Claimant) -> String {
    format!(
        "{} says {} (as of {}{}) {}",
        source(&c.source),
        c.figure,
        date(c.as_of),
        if c.hedged { ", unverified" } else { "" },
        cites(&c.cites)
    )
}

/// One timeline entry as a bullet.
fn event_line(e: &crate::TimelineEntry) -> String {
    let mut line = format!(
        "- {}{}: {}",
        date(e.day),
        if e.day_reported { " (reported)" } else { "" },
        e.summary
    );
    if let Some(st) = &e.status {
        let _ = write!(line, " — {st}");
        if e.statuses.len() > 1 {
            let _ = write!(line, " (reports: {})", e.statuses.join(", "));
        }
    }
    if e.hedged {
        line.push_str("; unverified");
    }
    let _ = write!(line, " {}", cites(&e.cites));
    line
}

/// Renders the report.
pub fn render(b: &Brief) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# {}", b.title);
    let _ = writeln!(
        s,
        "\nAs of {}. From {} articles ({} independent stories). Figures are as the sources state \
         them; each line cites the articles that report it.",
        date(b.as_of),
        b.articles,
        b.stories
    );

    let _ = writeln!(s, "\n## Headline figures\n");
    if b.headlines.is_empty() {
        let _ = writeln!(s, "No figures reported.");
    }
    for h in &b.headlines {
        let _ = writeln!(s, "{}", headline(h));
    }

    let _ = writeln!(s, "\n## Changes since {}\n", date(b.since));
    if b.changes.is_empty() {
        let _ = writeln!(s, "No new figures.");
    }
    for c in &b.changes {
        let mut line = format!(
            "- **{}**: {} ({}, as of {})",
            subject(
                &c.label,
                c.group.as_deref(),
                c.side.as_deref(),
                c.place.as_deref()
            ),
            c.figure,
            source(&c.source),
            date(c.as_of)
        );
        match &c.previous {
            Some(p) => {
                let _ = write!(
                    line,
                    ", {} from {} ({}, as of {}) {}",
                    match c.direction {
                        "up" => "up",
                        "down" => "down",
                        _ => "against",
                    },
                    p.figure,
                    source(&p.source),
                    date(p.as_of),
                    cites(&p.cites)
                );
            }
            None => line.push_str(", first reported"),
        }
        if c.fell {
            line.push_str("; **this running total fell below the source's earlier figure**");
        }
        let _ = write!(line, " {}", cites(&c.cites));
        let _ = writeln!(s, "{line}");
    }

    if !b.new_events.is_empty() {
        let _ = writeln!(s, "\nNew events reported:\n");
        for e in &b.new_events {
            let _ = writeln!(s, "{}", event_line(e));
        }
    }

    let _ = writeln!(s, "\n## Contradictions\n");
    if b.contradictions.is_empty() {
        let _ = writeln!(s, "None found.");
    }
    for c in &b.contradictions {
        let _ = writeln!(
            s,
            "- **{}**: {}; {}",
            subject(
                &c.label,
                c.group.as_deref(),
                c.side.as_deref(),
                c.place.as_deref()
            ),
            claimant(&c.a),
            claimant(&c.b)
        );
    }

    let _ = writeln!(s, "\n## Timeline");
    for sec in &b.timeline {
        let _ = writeln!(s, "\n### {}\n", sec.title);
        if sec.entries.is_empty() {
            let _ = writeln!(s, "Nothing reported.");
        }
        for e in &sec.entries {
            let _ = writeln!(s, "{}", event_line(e));
        }
    }

    let _ = writeln!(s, "\n## Sources\n");
    for r in &b.sources {
        let _ = writeln!(
            s,
            "{}. {}, “{}”, {}{}",
            r.n,
            r.outlet.as_deref().unwrap_or("unknown outlet"),
            r.title.as_deref().unwrap_or("untitled"),
            date(r.published),
            r.url
                .as_deref()
                .map(|u| format!(", <{u}>"))
                .unwrap_or_default()
        );
    }
    s
}
