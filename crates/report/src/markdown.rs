//! The report as Markdown: headings, one bullet per line, citations as `[n]`.

use std::fmt::Write;

use crate::Brief;
use crate::lines::{Block, Part, blocks, date};

fn line(parts: &[Part]) -> String {
    let mut s = String::new();
    for p in parts {
        match p {
            Part::Text(t) | Part::Em(t) => s.push_str(t),
            Part::Strong(t) | Part::Flag(t) => {
                let _ = write!(s, "**{t}**");
            }
            Part::Hedge => s.push_str("unverified"),
            Part::Cites(c) => {
                for n in c {
                    let _ = write!(s, "[{n}]");
                }
            }
        }
    }
    s
}

/// Renders the report.
pub fn render(b: &Brief) -> String {
    let mut s = String::new();
    for block in blocks(b) {
        match block {
            Block::Title(t) => {
                let _ = writeln!(s, "# {t}");
            }
            Block::Heading(t) => {
                let _ = writeln!(s, "\n## {t}");
            }
            Block::Subheading { text, .. } => {
                let _ = writeln!(s, "\n### {text}");
            }
            Block::Para(parts) => {
                let _ = writeln!(s, "\n{}", line(&parts));
            }
            Block::List { items, empty } => {
                s.push('\n');
                if items.is_empty() {
                    let _ = writeln!(s, "{empty}");
                }
                for item in &items {
                    let _ = writeln!(s, "- {}", line(item));
                }
            }
            Block::Sources(refs) => {
                s.push('\n');
                for r in &refs {
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
            }
        }
    }
    s
}
