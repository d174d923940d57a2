//! Expression dispatch: which parser runs at a token, modifiers and determiners, the longest
//! match, and extensions of a matched day.
//!
//! Owns: `P::parse` (modifier phrases such as "the end of" and "more than", a leading
//! "the"/"a", "earlier this", "fiscal 2022"), the longest of all core parsers at a token,
//! "this year's third quarter", and a day followed by a part of day or a clock time
//! ("Thursday morning", "March 21 at 10 am").

use super::anchor::is_day;
use super::{Hit, P};
use crate::types::{TimeType, TokenKind};

impl<'a, 't> P<'a, 't> {
    /// An expression at `i`, with its modifier prefix and determiner.
    pub(super) fn parse(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        // Modifier phrases: "early", "the end of", "more than", "at least".
        if let Some(h) = self.with_modifier(i) {
            return Some(h);
        }
        if w == "the" || w == "a" || w == "an" {
            // Cheap exit: the next word must be able to start an expression.
            let next_ok = match self.d.kind(i + 1) {
                Some(TokenKind::Number) => true,
                Some(TokenKind::Word) => self.lex.may_start(self.w(i + 1)),
                _ => false,
            };
            if !next_ok {
                return None;
            }
        }
        if w == "the" {
            if let Some(h) = self.with_modifier(i + 1) {
                return Some(h);
            }
            if let Some(h) = self.core(i + 1, true)
                && h.det
            {
                return Some(h);
            }
            return None;
        }
        if matches!(w, "earlier" | "later")
            && (matches!(
                self.w(i + 1),
                "this" | "today" | "tonight" | "last" | "next" | "yesterday" | "tomorrow"
            ) || self.lex.weekdays.contains_key(self.w(i + 1)))
        {
            return self.core(i + 1, false);
        }
        if w == "fiscal"
            && let Some(h) = self.year_expr(i + 1)
        {
            return Some(h);
        }
        self.core(i, false)
    }

    fn with_modifier(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if !self.lex.mod_heads.contains(w) {
            return None;
        }
        let mut key = String::with_capacity(24);
        key.push_str(w);
        let mut found: Option<(&'static str, usize)> = None;
        for k in i + 1..(i + 6).min(self.d.len() + 1) {
            if let Some(&m) = self.lex.mods.get(key.as_str()) {
                found = Some((m, k));
            }
            if k >= self.d.len() {
                break;
            }
            key.push('_');
            key.push_str(self.w(k));
        }
        let (m, j) = found?;
        let bounds = matches!(
            m,
            "APPROX" | "MORE_THAN" | "LESS_THAN" | "EQUAL_OR_MORE" | "EQUAL_OR_LESS"
        );
        // Bounds apply to counts only ("more than two weeks", "some two months ago").
        if bounds && self.count_at(j).is_none() {
            return None;
        }
        if bounds && matches!(self.w(j), "several" | "few" | "many") {
            return None;
        }
        let j = if m == "MID" && self.is(j, "-") && self.d.adjacent(j) {
            j + 1
        } else {
            j
        };
        let h = if self.is(j, "the") {
            self.core(j + 1, true)?
        } else {
            self.core(j, false)?
        };
        if bounds && !matches!(h.kind, TimeType::Duration | TimeType::Date) && m != "APPROX" {
            return None;
        }
        if h.value.ends_with("_REF") && !bounds {
            return None;
        }
        Some(h.with_mod_force(m))
    }

    /// The longest core expression at `i` (no modifier prefix).
    fn core(&self, i: usize, det: bool) -> Option<Hit> {
        let mut h = longest([
            self.month_date(i),
            self.numeric_date(i),
            self.delimited_date(i),
            self.compact_date(i),
            self.spaced_month_year(i),
            self.numeric_day_month(i),
            self.weekday_expr(i),
            self.relative_day(i),
            self.relative_unit(i, det),
            self.bare_unit(i, det),
            self.nth_day_of(i, det),
            self.count_from_today(i),
            self.holiday(i),
            self.year_expr(i),
            self.quarter_expr(i),
            self.week_of_month(i),
            self.day_of_month(i),
            self.season_expr(i),
            self.ago_expr(i),
            self.duration(i),
            self.set_expr(i),
            self.ref_expr(i),
            self.part_of(i),
            self.clock_expr(i),
            self.part_then_clock(i),
        ])?;
        // "this year's third quarter", "next year's first half".
        if h.value.len() == 4
            && h.value.bytes().all(|b| b.is_ascii_digit())
            && self.d.poss.get(h.end - 1).is_some_and(|&p| p > 0)
            && let Some((code, end)) = self.quarter_code_at(h.end)
        {
            h = Hit::new(end, TimeType::Date, format!("{}-{code}", h.value)).det();
        }
        // A day followed by a part of day or a clock time: "Thursday morning", "March 21 at
        // 10 am".
        if is_day(&h.value) && h.kind == TimeType::Date {
            let e = h.end;
            // "Sunday late evening", "Monday early morning".
            let (pe, pmod) = match self.w(e) {
                "early" => (e + 1, Some("START")),
                "late" => (e + 1, Some("END")),
                _ => (e, None),
            };
            if let Some(&p) = self.lex.parts.get(self.w(pe)) {
                if !self.w(pe).ends_with('s') {
                    h = Hit::new(pe + 1, TimeType::Time, format!("{}T{p}", h.value))
                        .with_mod(pmod.or(h.modifier));
                }
            } else {
                let e2 = if matches!(self.w(e), "at" | ",") {
                    e + 1
                } else {
                    e
                };
                if let Some((t, end)) = self.clock_at(e2) {
                    h = Hit::new(end, TimeType::Time, format!("{}{t}", h.value))
                        .with_mod(h.modifier);
                } else if let Some((t, end)) = self.clock_after_part(None, e) {
                    // "Friday the 26th at 4": a bare hour after "at", as written.
                    h = Hit::new(end, TimeType::Time, format!("{}{t}", h.value))
                        .with_mod(h.modifier);
                }
            }
        }
        // A day's part with a clock time: "tonight around 7", "Sunday evening at 10:00".
        if h.kind == TimeType::Time
            && let Some((day, part)) = h.value.split_once('T')
            && is_day(day)
            && matches!(part, "MO" | "AF" | "EV" | "NI")
            && let Some((t, end)) = self.clock_after_part(Some(part), h.end)
        {
            h = Hit::new(end, TimeType::Time, format!("{day}{t}"));
        }
        Some(h)
    }

    /// Expressions naming one day.
    pub(super) fn day_expr(&self, i: usize) -> Option<Hit> {
        longest([
            self.month_date(i),
            self.numeric_date(i),
            self.weekday_expr(i),
            self.relative_day(i),
        ])
    }
}

fn longest<const N: usize>(hits: [Option<Hit>; N]) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for h in hits.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| h.end > b.end) {
            best = Some(h);
        }
    }
    best
}
