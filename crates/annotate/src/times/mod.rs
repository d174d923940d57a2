//! Time expressions (TIMEX3) normalised against the publication date.
//!
//! Owns: finding dates, times, durations and sets in article text and giving each a TIMEX3 type,
//! value and `mod` ("March 20" → `2022-03-20`, "on Thursday morning" → `2022-03-17TMO`, "the
//! past two weeks" → `P2W`, "recently" → `PAST_REF`), and inferring a publication date from a
//! dateline. Word lists live in `data/times/*.txt`, compiled in and read once by
//! [`TimeTagger::new`].
//!
//! Entry points: [`TimeTagger::find`] (every expression, in text order, without overlaps, spans
//! as byte offsets on `char` boundaries) and [`TimeTagger::infer_published`].
//!
//! Never: I/O, panics on any input or anchor (all calendar arithmetic is checked), regexes per
//! token. Tokens that cannot start an expression are skipped with one table lookup. Relative
//! expressions without an anchor get underspecified values (`XXXX-03-20`, `PAST_REF`).
//!
//! Layout: this module holds the public API, the tagger loop and the parser state (`Hit`,
//! `P`); the parsers live in submodules by kind of expression — `dates` (absolute dates),
//! `periods` (quarters, halves, weeks of a month, seasons), `bare` ("the week", "the next
//! day"), `holidays` (fixed-date feasts), `relative` (weekdays with
//! tense, expressions relative to the anchor), `clock` (clock times, zones, parts of day),
//! `durations` (durations, counts, sets), `parse` (dispatch, modifiers, longest match),
//! with `anchor` (calendar arithmetic, tense), `doc` (the token view), `lex` (the word
//! lists) and `published` (publication-date inference).

mod anchor;
mod bare;
mod clock;
mod dates;
mod doc;
mod durations;
mod holidays;
mod lex;
mod parse;
mod periods;
mod published;
mod relative;
#[cfg(test)]
mod tests;

use std::cell::Cell;

use chrono::NaiveDate;

use crate::types::{Sentence, TimeMention, TimeType, Token, TokenKind};
use anchor::is_day;
use doc::{Doc, day_first};
use lex::Lex;

/// Finds and normalises time expressions. Build once, use for many texts.
#[derive(Debug)]
pub struct TimeTagger {
    lex: Lex,
}

impl Default for TimeTagger {
    fn default() -> Self {
        Self::new()
    }
}

/// A match: tokens `start..end`, its type, value and mod.
#[derive(Debug, Clone)]
struct Hit {
    end: usize,
    kind: TimeType,
    value: String,
    modifier: Option<&'static str>,
    /// Whether a preceding "the" belongs to the expression ("the past two weeks").
    det: bool,
}

impl Hit {
    fn new(end: usize, kind: TimeType, value: String) -> Self {
        Hit {
            end,
            kind,
            value,
            modifier: None,
            det: false,
        }
    }
    fn det(mut self) -> Self {
        self.det = true;
        self
    }
    fn with_mod(mut self, m: Option<&'static str>) -> Self {
        if self.modifier.is_none() {
            self.modifier = m;
        }
        self
    }
    fn with_mod_force(mut self, m: &'static str) -> Self {
        self.modifier = Some(m);
        self.det = true;
        self
    }
}

/// Per-call state of the parser.
struct P<'a, 't> {
    lex: &'a Lex,
    d: &'a Doc<'t>,
    anchor: Option<NaiveDate>,
    /// Day/month order for all-numeric dates.
    dmy: bool,
    /// The last day named, with the first token of its sentence (for bare clock times).
    last_day: Cell<Option<(usize, NaiveDate)>>,
    /// The last quarter named ("1989-Q3"), with its token index: "a year earlier" after it
    /// means the same quarter a year before.
    last_quarter: Cell<Option<(usize, i32, u8)>>,
}

impl<'a, 't> P<'a, 't> {
    fn w(&self, i: usize) -> &str {
        self.d.w(i)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.d.is(i, w)
    }

    fn note_day(&self, i: usize, value: &str) {
        if let Some(date) = value
            .get(..10)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        {
            let first = self.d.sent.get(i).copied().unwrap_or(0);
            self.last_day.set(Some((first, date)));
        }
    }
}

impl TimeTagger {
    pub fn new() -> Self {
        TimeTagger { lex: Lex::load() }
    }

    /// Every time expression in `text`, in text order, without overlaps, normalised against
    /// `anchor` (the publication date); without an anchor, relative expressions get
    /// underspecified values.
    pub fn find(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        anchor: Option<NaiveDate>,
    ) -> Vec<TimeMention> {
        let doc = Doc::new(text, tokens, sentences);
        let p = P {
            lex: &self.lex,
            d: &doc,
            anchor,
            dmy: day_first(&doc),
            last_day: Cell::new(None),
            last_quarter: Cell::new(None),
        };
        let mut out = Vec::new();
        let n = doc.len();
        let mut i = 0;
        while i < n {
            let t = &tokens[i];
            let go = match t.kind {
                TokenKind::Number => true,
                TokenKind::Word => self.lex.may_start(doc.w(i)),
                TokenKind::Punct => matches!(doc.w(i), "'" | "’"),
            };
            if !go {
                i += 1;
                continue;
            }
            match p.parse(i) {
                Some(h) if h.end > i && h.end <= n => {
                    let last = &tokens[h.end - 1];
                    let mut end = last.end;
                    let cut = usize::from(doc.poss[h.end - 1]);
                    if cut > 0 && end - cut > last.start {
                        end -= cut;
                    }
                    if !text.is_char_boundary(end) {
                        end = last.end;
                    }
                    if is_day(&h.value) || h.value.len() > 10 && is_day(&h.value[..10]) {
                        p.note_day(i, &h.value);
                    }
                    let b = h.value.as_bytes();
                    if h.kind == TimeType::Date && b.len() == 7 && &b[4..6] == b"-Q" {
                        let y = h.value.get(..4).and_then(|y| y.parse().ok());
                        if let Some(y) = y {
                            p.last_quarter.set(Some((h.end, y, b[6])));
                        }
                    }
                    out.push(TimeMention {
                        start: t.start,
                        end,
                        kind: h.kind,
                        value: h.value,
                        modifier: h.modifier.map(str::to_string),
                    });
                    i = h.end;
                }
                _ => i += 1,
            }
        }
        out
    }
}
