//! Publication-date inference from a dateline or the explicit dates near the top of a text.
//!
//! Owns: [`TimeTagger::infer_published`] ("KYIV, March 3 (Reuters) -" with the year of the
//! text's explicit full dates; else the latest explicit full date near the top).

use chrono::{Datelike, NaiveDate};

use super::TimeTagger;
use crate::types::TimeType;

impl TimeTagger {
    /// A publication date inferred from the text: a dateline ("KYIV, March 3 (Reuters) -")
    /// with the year of the explicit full dates in the text, else the latest explicit full date
    /// near the top. None if nothing is safe.
    pub fn infer_published(&self, text: &str) -> Option<NaiveDate> {
        let tokens = crate::text::tokenize(text);
        let sentences = crate::text::sentences(text);
        let found = self.find(text, &sentences, &tokens, None);
        let full = |v: &str| {
            v.get(..10)
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        };
        // A dateline: a date in the first 200 bytes followed by "(Agency)" or a dash.
        let top = 200.min(text.len());
        for m in found.iter().filter(|m| m.start < top) {
            let after = text.get(m.end..).unwrap_or("").trim_start();
            let dateline = after.starts_with('(')
                || after.starts_with('-')
                || after.starts_with('–')
                || after.starts_with('—')
                || after.starts_with('/');
            if !dateline {
                continue;
            }
            if let Some(d) = full(&m.value) {
                return Some(d);
            }
            let b = m.value.as_bytes();
            if m.value.starts_with("XXXX-") && b.len() == 10 {
                let mm: u32 = m.value.get(5..7)?.parse().ok()?;
                let dd: u32 = m.value.get(8..10)?.parse().ok()?;
                // The most frequent year of the explicit full dates, the later on a tie.
                let mut years: Vec<i32> = found
                    .iter()
                    .filter_map(|x| full(&x.value))
                    .map(|d| d.year())
                    .collect();
                years.sort_unstable();
                let mut best: Option<(usize, i32)> = None;
                for chunk in years.chunk_by(|a, b| a == b) {
                    let c = (chunk.len(), chunk[0]);
                    if best.is_none_or(|b| c >= b) {
                        best = Some(c);
                    }
                }
                let (_, y) = best?;
                return NaiveDate::from_ymd_opt(y, mm, dd);
            }
        }
        // The latest explicit full date near the top.
        let near = 600.min(text.len());
        found
            .iter()
            .filter(|m| m.start < near && m.kind == TimeType::Date)
            .filter_map(|m| full(&m.value))
            .max()
    }
}
