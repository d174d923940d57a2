use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use store::{ArticleFilter, Store};

pub fn run(db: &Path, filter: &ArticleFilter, json: bool) -> Result<ExitCode> {
    let store = super::open_existing(db)?;
    let rows = store.articles(filter)?;
    if json {
        for r in &rows {
            if !super::out(format_args!("{}", serde_json::to_string(r)?))? {
                break;
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    super::out(format_args!(
        "{:<11} {:<24} {:>6}  {:<16}  TITLE",
        "DATE", "OUTLET", "COPIES", "ID"
    ))?;
    for r in &rows {
        let date = match r.published {
            Some(d) if r.published_inferred => format!("~{d}"),
            Some(d) => d.to_string(),
            None => "-".into(),
        };
        let outlet = truncate(r.outlet.as_deref().unwrap_or("-"), 24);
        let mut title = r.title.clone().unwrap_or_else(|| "(untitled)".into());
        if let Some(orig) = &r.copy_of {
            title = format!(
                "{title}  [copy of {}]",
                &orig.as_str()[..orig.as_str().len().min(8)]
            );
        }
        if !super::out(format_args!(
            "{date:<11} {outlet:<24} {:>6}  {:<16}  {title}",
            r.copies, r.id
        ))? {
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Cuts a string to `n` characters, marking the cut.
pub fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}
