//! What the report says, line by line, before any format: headings, paragraphs and lists of
//! lines made of typed parts (plain text, emphasis, flags, citations). `markdown` and `html`
//! only decide how each block and part is written.

use chrono::NaiveDate;

use crate::figures::number;
use crate::{Brief, Claimant, SourceRef, TimelineEntry};

/// A piece of a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Text(String),
    /// What a line is about.
    Strong(String),
    /// A status.
    Em(String),
    /// The figure is unverified.
    Hedge,
    /// Something the reader must not miss.
    Flag(String),
    Cites(Vec<usize>),
}

/// A block of the report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Title(String),
    Heading(String),
    /// A section heading with an anchor.
    Subheading {
        id: String,
        text: String,
    },
    Para(Vec<Part>),
    /// A list, and what to say when it is empty.
    List {
        items: Vec<Vec<Part>>,
        empty: &'static str,
    },
    Sources(Vec<SourceRef>),
}

pub(crate) fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_else(|| "undated".into())
}

fn source(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "unattributed".into())
}

fn text(s: impl Into<String>) -> Part {
    Part::Text(s.into())
}

fn witnesses(n: usize) -> String {
    format!("{n} witness{}", if n == 1 { "" } else { "es" })
}

/// "; sources range from 498 to 14,000 (2 sources)".
fn range(range: Option<(f64, f64)>, sources: usize) -> Option<Part> {
    range.map(|(lo, hi)| {
        text(format!(
            "; sources range from {} to {} ({sources} sources)",
            number(lo),
            number(hi)
        ))
    })
}

fn claimant(c: &Claimant) -> Vec<Part> {
    let mut parts = vec![text(format!(
        "{} says {} (as of {}",
        source(&c.source),
        c.figure,
        date(c.as_of)
    ))];
    if c.hedged {
        parts.push(text(", "));
        parts.push(Part::Hedge);
    }
    parts.push(text(") "));
    parts.push(Part::Cites(c.cites.clone()));
    parts
}

/// One timeline entry.
fn event(e: &TimelineEntry) -> Vec<Part> {
    let mut parts = vec![text(format!(
        "{}{}: {}",
        date(e.day),
        if e.day_reported { " (reported)" } else { "" },
        e.summary
    ))];
    if let Some(st) = &e.status {
        parts.push(text(" — "));
        parts.push(Part::Em(st.clone()));
        if e.statuses.len() > 1 {
            parts.push(text(format!(" (reports: {})", e.statuses.join(", "))));
        }
    }
    if e.hedged {
        parts.push(text("; "));
        parts.push(Part::Hedge);
    }
    parts.push(text(" "));
    parts.push(Part::Cites(e.cites.clone()));
    parts
}

/// The report as blocks.
pub(crate) fn blocks(b: &Brief) -> Vec<Block> {
    let mut out = vec![
        Block::Title(b.title.clone()),
        Block::Para(vec![text(format!(
            "As of {}. From {} articles ({} independent stories). Figures are as the sources \
             state them; each line cites the articles that report it.",
            date(b.as_of),
            b.articles,
            b.stories
        ))]),
        Block::Heading("Headline figures".into()),
    ];
    let headlines = b
        .headlines
        .iter()
        .map(|h| {
            let mut parts = vec![
                Part::Strong(h.subject.to_string()),
                text(format!(
                    ": {} ({}, as of {}; {})",
                    h.figure,
                    source(&h.source),
                    date(h.as_of),
                    witnesses(h.witnesses)
                )),
            ];
            parts.extend(range(h.range, h.sources));
            if h.hedged {
                parts.push(text("; "));
                parts.push(Part::Hedge);
            }
            parts.push(text(" "));
            parts.push(Part::Cites(h.cites.clone()));
            parts
        })
        .collect();
    out.push(Block::List {
        items: headlines,
        empty: "No figures reported.",
    });
    if b.more_headlines > 0 {
        out.push(Block::Para(vec![text(format!(
            "{} more figures are not shown here (`sitrep claims` lists them all).",
            b.more_headlines
        ))]));
    }

    out.push(Block::Heading(format!("Changes since {}", date(b.since))));
    let changes = b
        .changes
        .iter()
        .map(|c| {
            let mut parts = vec![
                Part::Strong(c.subject.to_string()),
                text(format!(
                    ": {} ({}, as of {})",
                    c.figure,
                    source(&c.source),
                    date(c.as_of)
                )),
            ];
            match &c.previous {
                Some(p) => {
                    let direction = match c.direction {
                        "up" => "up",
                        "down" => "down",
                        _ => "against",
                    };
                    parts.push(text(format!(
                        ", {direction} from {} ({}, as of {}) ",
                        p.figure,
                        source(&p.source),
                        date(p.as_of)
                    )));
                    parts.push(Part::Cites(p.cites.clone()));
                }
                None => parts.push(text(", first reported")),
            }
            if c.fell {
                parts.push(text("; "));
                parts.push(Part::Flag(
                    "this running total fell below the source's earlier figure".into(),
                ));
            }
            parts.push(text(" "));
            parts.push(Part::Cites(c.cites.clone()));
            parts
        })
        .collect();
    out.push(Block::List {
        items: changes,
        empty: "No new figures.",
    });
    if !b.new_events.is_empty() {
        out.push(Block::Para(vec![text("New events reported:")]));
        out.push(Block::List {
            items: b.new_events.iter().map(event).collect(),
            empty: "",
        });
    }

    out.push(Block::Heading("Contradictions".into()));
    let contradictions = b
        .contradictions
        .iter()
        .map(|c| {
            let mut parts = vec![Part::Strong(c.subject.to_string()), text(": ")];
            parts.extend(claimant(&c.a));
            parts.push(text("; "));
            parts.extend(claimant(&c.b));
            parts
        })
        .collect();
    out.push(Block::List {
        items: contradictions,
        empty: "None found.",
    });
    if b.more_contradictions > 0 {
        out.push(Block::Para(vec![text(format!(
            "{} more contradictions are not shown here (`sitrep conflicts` lists them all).",
            b.more_contradictions
        ))]));
    }

    out.push(Block::Heading("Timeline".into()));
    for sec in &b.timeline {
        out.push(Block::Subheading {
            id: sec.id.clone(),
            text: sec.title.clone(),
        });
        out.push(Block::List {
            items: sec.entries.iter().map(event).collect(),
            empty: "Nothing reported.",
        });
    }
    out.push(Block::Heading("Sources".into()));
    out.push(Block::Sources(b.sources.clone()));
    out
}
