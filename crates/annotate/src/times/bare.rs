//! Units named with "the" alone, and days counted from another day.
//!
//! Owns: "the week", "the month", "the year" (the anchor's; "the year ended ..." is a
//! duration), "the day before", "the day after", "the next day", "the following day", "the
//! previous day" (from the last day named nearby, else the anchor), and "two days after
//! today".

use chrono::{Datelike, NaiveDate};

use super::anchor::{add_days, fmt_day, fmt_week};
use super::{Hit, P};
use crate::numwords;
use crate::types::{TimeType, TokenKind};

/// How many tokens back a day named earlier still anchors "the next day".
const DAY_REACH: usize = 120;

impl<'a, 't> P<'a, 't> {
    /// "the week", "the year", "the day before", "the next day" (after "the" only).
    pub(super) fn bare_unit(&self, i: usize, det: bool) -> Option<Hit> {
        if !det {
            return None;
        }
        // "the next day", "the following day", "the previous day".
        let shift = match self.w(i) {
            "next" | "following" => Some(1),
            "previous" => Some(-1),
            _ => None,
        };
        if let Some(shift) = shift {
            if !self.is(i + 1, "day") {
                return None;
            }
            return self.day_from_reference(i, shift, i + 2);
        }
        let w = self.w(i);
        let next = self.w(i + 1);
        match w {
            // Not "the day after the attack": that day is the attack's.
            "day" if matches!(next, "before" | "after") && !self.names_something(i + 2) => {
                let shift = if next == "before" { -1 } else { 1 };
                self.day_from_reference(i, shift, i + 2)
            }
            // "later in the day", "for the day.": the day last named, else the anchor.
            "day"
                if matches!(self.w(i.wrapping_sub(2)), "in" | "for")
                    && self.d.kind(i + 1) != Some(TokenKind::Word) =>
            {
                self.day_from_reference(i, 0, i + 1)
            }
            // "the full year": the anchor's year (of accounts).
            "full" if next == "year" => self.this_unit("year", i + 2),
            "week" | "month" | "year" => {
                // "the year 2000", "the year two thousand", "the week of March 7", "the
                // year-earlier".
                if self.d.kind(i + 1) == Some(TokenKind::Number)
                    || numwords::unit_or_ten(next).is_some()
                    || matches!(next, "of" | "-" | "before" | "after" | "ago" | "earlier")
                {
                    return None;
                }
                if w == "year" && matches!(next, "ended" | "ending" | "to" | "through") {
                    return Some(Hit::new(i + 1, TimeType::Duration, "P1Y".into()).det());
                }
                self.this_unit(w, i + 1)
            }
            _ => None,
        }
    }

    /// "the thirty-first day of the month", "the 10th day of March": a day of the anchor's
    /// month or of a named one.
    pub(super) fn nth_day_of(&self, i: usize, det: bool) -> Option<Hit> {
        if !det {
            return None;
        }
        let (day, e) = self
            .ordinal_at(i)
            .or_else(|| self.word_day_at(i))
            .filter(|&(n, _)| (1..=31).contains(&n))?;
        if !self.is(e, "day") || !self.is(e + 1, "of") {
            return None;
        }
        let k = e + 2;
        if matches!(self.w(k), "the" | "this") && self.is(k + 1, "month") {
            let v = match self.anchor {
                Some(a) => fmt_day(NaiveDate::from_ymd_opt(a.year(), a.month(), day)?),
                None => format!("XXXX-XX-{day:02}"),
            };
            return Some(Hit::new(k + 2, TimeType::Date, v).det());
        }
        let (m, end, _, _) = self.month_at(k)?;
        let (y, end) = match self.year_at(end) {
            Some((y, e2)) => (Some(y), e2),
            None => (self.year_for_day(m, day, i), end),
        };
        Some(Hit::new(end, TimeType::Date, self.day_value(y, m, day)?).det())
    }

    /// The anchor's week, month or year, ending at `end`.
    fn this_unit(&self, unit: &str, end: usize) -> Option<Hit> {
        let v = match self.anchor {
            Some(a) => match unit {
                "week" => fmt_week(a),
                "month" => format!("{:04}-{:02}", a.year(), a.month()),
                _ => format!("{:04}", a.year()),
            },
            None => "PRESENT_REF".into(),
        };
        Some(Hit::new(end, TimeType::Date, v).det())
    }

    /// Whether a noun phrase or a date starts at `i` ("the day after the attack", "the day
    /// before March 3"): then "the day before/after" is a day of its own, not one counted
    /// from the day last named.
    fn names_something(&self, i: usize) -> bool {
        if self.d.kind(i) != Some(TokenKind::Word) {
            return self.d.kind(i) == Some(TokenKind::Number);
        }
        matches!(
            self.w(i),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "this" | "that"
        ) || self.d.capitalised(i)
            || self.day_expr(i).is_some()
    }

    /// The day `shift` days from the last day named within reach of token `i`, else from the
    /// anchor.
    fn day_from_reference(&self, i: usize, shift: i64, end: usize) -> Option<Hit> {
        let base: Option<NaiveDate> = match self.last_day.get() {
            Some((s, d)) if i.saturating_sub(s) <= DAY_REACH => Some(d),
            _ => self.anchor,
        };
        let v = match base.and_then(|d| add_days(d, shift)) {
            Some(d) => fmt_day(d),
            None => "XXXX-XX-XX".into(),
        };
        Some(Hit::new(end, TimeType::Date, v).det())
    }

    /// "two days after today", "a week before tomorrow".
    pub(super) fn count_from_today(&self, i: usize) -> Option<Hit> {
        let (n, e, cmod) = self.count_at(i)?;
        let (code, e2) = self.unit_at(e)?;
        let dir = match self.w(e2) {
            "after" => 1,
            "before" => -1,
            _ => return None,
        };
        let base = match self.w(e2 + 1) {
            "today" => 0,
            "tomorrow" => 1,
            "yesterday" => -1,
            _ => return None,
        };
        let days = match code {
            "D" => 1,
            "W" => 7,
            _ => return None,
        };
        let n = n.filter(|n| n.fract() == 0.0 && (0.0..=1000.0).contains(n))? as i64;
        let v = match self.anchor.and_then(|a| add_days(a, base + dir * n * days)) {
            Some(d) => fmt_day(d),
            None => "XXXX-XX-XX".into(),
        };
        Some(Hit::new(e2 + 2, TimeType::Date, v).with_mod(cmod))
    }
}
