//! Relative expressions: weekdays with tense, days and units relative to the anchor, counts
//! back and forward, and general references.
//!
//! Owns: "Thursday", "last Friday", "Monday, March 21", "Tuesday the 26th", "Friday of next
//! week", "today", "last night", "last week", "next year", "the past two weeks", "last
//! March", "last summer", "on the 18th", "a week ago", "two days later", "now",
//! "recently", "the past". Without an anchor they get underspecified values (`XXXX-WXX-4`,
//! `PAST_REF`).

use chrono::{Datelike, NaiveDate};

use super::anchor::{add_days, add_months, fmt_day, fmt_week, is_day};
use super::durations::dur_value;
use super::{Hit, P};
use crate::types::{TimeType, TokenKind};

impl<'a, 't> P<'a, 't> {
    /// Weekdays: "Thursday", "last Friday", "next Monday", "Monday, March 21".
    pub(super) fn weekday_expr(&self, i: usize) -> Option<Hit> {
        let (which, j) = match self.w(i) {
            "this" if self.is(i + 1, "coming") => (1, i + 2),
            "last" | "past" | "previous" => (-1, i + 1),
            "next" | "coming" => (1, i + 1),
            "this" => (2, i + 1),
            _ => (0, i),
        };
        let w = self.w(j);
        let (wd, abbrev) = match self.lex.weekdays.get(w) {
            Some(&n) => (n, false),
            None => (*self.lex.weekday_abbrevs.get(w)?, true),
        };
        let mut e = j + 1;
        if abbrev && self.d.adjacent(j) && self.is(e, ".") {
            e += 1;
        }
        // An explicit date after the weekday wins: "Monday, March 21", "Tue May 9".
        let e2 = if self.is(e, ",") { e + 1 } else { e };
        if (which == 0 || e2 > e)
            && let Some(h) = self
                .month_date(e2)
                .or_else(|| self.numeric_date(e2))
                .or_else(|| self.numeric_day_month(e2))
            && is_day(&h.value)
        {
            return Some(Hit { end: h.end, ..h });
        }
        if which == 0
            && !w.ends_with('s')
            && let Some(h) = self.weekday_with_day(wd, e)
        {
            return Some(h);
        }
        if abbrev {
            return None;
        }
        if w.ends_with('s') {
            if which != 0 {
                return None;
            }
            return Some(self.weekday_set(wd, e));
        }
        // "Friday mornings": a set.
        if which == 0
            && self.w(e).ends_with('s')
            && let Some(&p) = self.lex.parts.get(self.w(e))
        {
            return Some(Hit::new(e + 1, TimeType::Set, format!("XXXX-WXX-{wd}T{p}")));
        }
        let Some(a) = self.anchor else {
            return Some(Hit::new(e, TimeType::Date, format!("XXXX-WXX-{wd}")));
        };
        let awd = a.weekday().number_from_monday();
        let back = i64::from((awd + 7 - wd) % 7);
        let fwd = i64::from((wd + 7 - awd) % 7);
        let off = match which {
            -1 => -(if back == 0 { 7 } else { back }),
            1 => {
                if fwd == 0 {
                    7
                } else {
                    fwd
                }
            }
            2 => {
                if self.future_at(i) || back > 3 {
                    fwd
                } else {
                    -back
                }
            }
            _ => {
                if self.future_at(i) {
                    fwd
                } else {
                    -back
                }
            }
        };
        let d = add_days(a, off)?;
        Some(Hit::new(e, TimeType::Date, fmt_day(d)))
    }

    /// After a weekday ending at `e`: "the 26th" / "the twenty-sixth" (the nearest month whose
    /// day falls on that weekday) or "of next week", "of the following week", "of last week".
    fn weekday_with_day(&self, wd: u32, e: usize) -> Option<Hit> {
        if self.is(e, "the") {
            let (day, end) = self
                .ordinal_at(e + 1)
                .filter(|&(n, _)| (1..=31).contains(&n))
                .or_else(|| self.word_day_at(e + 1))?;
            let Some(a) = self.anchor else {
                return Some(Hit::new(end, TimeType::Date, format!("XXXX-XX-{day:02}")));
            };
            let future = self.future_at(e);
            let first = NaiveDate::from_ymd_opt(a.year(), a.month(), 1)?;
            let mut offsets = vec![0i64];
            for k in 1..=6 {
                if future {
                    offsets.extend([k, -k]);
                } else {
                    offsets.extend([-k, k]);
                }
            }
            let d = offsets
                .into_iter()
                .filter_map(|k| add_months(first, k))
                .filter_map(|m| NaiveDate::from_ymd_opt(m.year(), m.month(), day))
                .find(|d| d.weekday().number_from_monday() == wd)?;
            return Some(Hit::new(end, TimeType::Date, fmt_day(d)));
        }
        if !self.is(e, "of") {
            return None;
        }
        let j = if self.is(e + 1, "the") { e + 2 } else { e + 1 };
        let shift = match self.w(j) {
            "next" | "following" | "coming" => 1,
            "last" | "previous" | "past" => -1,
            "this" => 0,
            _ => return None,
        };
        if !self.is(j + 1, "week") || (self.is(e + 1, "the") && shift == 0) {
            return None;
        }
        let a = self.anchor?;
        let monday = add_days(a, 7 * shift - i64::from(a.weekday().num_days_from_monday()))?;
        let d = add_days(monday, i64::from(wd) - 1)?;
        Some(Hit::new(j + 2, TimeType::Date, fmt_day(d)))
    }

    /// "today", "yesterday", "tonight"; "this morning", "last night".
    pub(super) fn relative_day(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if let Some(&(off, part)) = self.lex.rel_days.get(w) {
            if w == "overnight" {
                return None;
            }
            let kind = if part.is_some() {
                TimeType::Time
            } else {
                TimeType::Date
            };
            let v = match self.anchor.and_then(|a| add_days(a, off)) {
                Some(d) => fmt_day(d),
                None => match off {
                    0 => "PRESENT_REF".into(),
                    n if n < 0 => "PAST_REF".into(),
                    _ => "FUTURE_REF".into(),
                },
            };
            let v = match part {
                Some(p) if is_day(&v) => format!("{v}T{p}"),
                _ => v,
            };
            return Some(Hit::new(i + 1, kind, v));
        }
        // "this morning", "last night", "tomorrow evening" is handled by extension.
        let off = match w {
            "this" => 0,
            "last" => -1,
            _ => return None,
        };
        let part = *self.lex.parts.get(self.w(i + 1))?;
        if off == -1 && part != "NI" {
            return None;
        }
        let v = match self.anchor.and_then(|a| add_days(a, off)) {
            Some(d) => format!("{}T{part}", fmt_day(d)),
            None => format!("XXXX-XX-XXT{part}"),
        };
        Some(Hit::new(i + 2, TimeType::Time, v))
    }

    /// "last week", "this month", "next year", "the past two weeks", "last March", "this
    /// summer", "the past year".
    pub(super) fn relative_unit(&self, i: usize, det: bool) -> Option<Hit> {
        let shift: i64 = match self.w(i) {
            "this" | "current" => 0,
            "last" | "past" | "previous" | "latest" => -1,
            "next" | "coming" | "upcoming" | "following" => 1,
            "first" | "final" => 0,
            _ => return None,
        };
        let first_or_final = matches!(self.w(i), "first" | "final");
        // With a count: a duration ("the past two weeks", "the next 48 hours").
        if let Some((n, e, cmod)) = self.count_at(i + 1)
            && !matches!(self.w(i + 1), "a" | "an")
            && let Some((code, end)) = self.unit_at(e)
        {
            return Some(
                Hit::new(end, TimeType::Duration, dur_value(n, code))
                    .det()
                    .with_mod(cmod),
            );
        }
        if first_or_final {
            return None;
        }
        let j = i + 1;
        let w = self.w(j);
        if let Some(&code) = self.lex.units.get(w) {
            if w.ends_with('s') && code != "TS" {
                return None;
            }
            // "the next day", "the following day" count from the day last named (`bare`).
            if det && code == "D" && matches!(self.w(i), "next" | "following" | "previous") {
                return None;
            }
            // "the past week" is a duration; "the coming week" is next week.
            if det && matches!(self.w(i), "past" | "last" | "next" | "previous") {
                return Some(Hit::new(j + 1, TimeType::Duration, dur_value(Some(1.0), code)).det());
            }
            let a = match self.anchor {
                Some(a) => a,
                None => {
                    let v = match shift {
                        0 => "PRESENT_REF",
                        s if s < 0 => "PAST_REF",
                        _ => "FUTURE_REF",
                    };
                    return Some(Hit::new(j + 1, TimeType::Date, v.into()).det());
                }
            };
            // "next week Wednesday", "last week - Monday": that weekday of that week.
            if code == "W" {
                let k = if matches!(self.w(j + 1), "-" | ",") {
                    j + 2
                } else {
                    j + 1
                };
                if let Some(&wd) = self.lex.weekdays.get(self.w(k)) {
                    let monday =
                        add_days(a, 7 * shift - i64::from(a.weekday().num_days_from_monday()))?;
                    let d = add_days(monday, i64::from(wd) - 1)?;
                    return Some(Hit::new(k + 1, TimeType::Date, fmt_day(d)).det());
                }
            }
            let v = match code {
                "D" => fmt_day(add_days(a, shift)?),
                "W" => fmt_week(add_days(a, 7 * shift)?),
                "WE" => {
                    let d = add_days(a, 7 * shift)?;
                    format!("{}-WE", fmt_week(d))
                }
                "M" => {
                    let d = add_months(a, shift)?;
                    format!("{:04}-{:02}", d.year(), d.month())
                }
                "Y" => format!("{:04}", a.year() + i32::try_from(shift).ok()?),
                "Q" => {
                    let d = add_months(a, 3 * shift)?;
                    format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
                }
                "DE" => format!("{}", (a.year() + 10 * i32::try_from(shift).ok()?) / 10),
                "CE" => format!("{:02}", (a.year() + 100 * i32::try_from(shift).ok()?) / 100),
                _ => return None,
            };
            return Some(Hit::new(j + 1, TimeType::Date, v).det());
        }
        // "last March", "next May".
        if let Some((m, e, _, _)) = self.month_at(j) {
            let a = match self.anchor {
                Some(a) => a,
                None => return Some(Hit::new(e, TimeType::Date, format!("XXXX-{m:02}"))),
            };
            let y = match shift {
                -1 => a.year() - 1,
                1 => {
                    if m > a.month() {
                        a.year()
                    } else {
                        a.year() + 1
                    }
                }
                _ => a.year(),
            };
            return Some(Hit::new(e, TimeType::Date, format!("{y:04}-{m:02}")));
        }
        // "last summer".
        if let Some(&s) = self.lex.seasons.get(w) {
            let v = match self.anchor {
                Some(a) => format!("{:04}-{s}", self.season_year(a, s, shift)),
                None => format!("XXXX-{s}"),
            };
            return Some(Hit::new(j + 1, TimeType::Date, v).det());
        }
        None
    }

    /// A bare day of month after "on the", "by the", "until the": "on the 18th." — in the
    /// publication month, or the month before or after as the tense says. Needs the clause
    /// to end after it ("on the 18th floor" is no date).
    pub(super) fn day_of_month(&self, i: usize) -> Option<Hit> {
        if i < 2
            || !self.is(i - 1, "the")
            || !matches!(
                self.w(i - 2),
                "on" | "by" | "until" | "till" | "since" | "before" | "after"
            )
        {
            return None;
        }
        let (day, end) = self
            .ordinal_at(i)
            .or_else(|| self.word_day_at(i))
            .filter(|&(n, _)| (1..=31).contains(&n))?;
        if self.d.kind(end) == Some(TokenKind::Word) || self.is(end, "-") {
            return None;
        }
        let Some(a) = self.anchor else {
            return Some(Hit::new(end, TimeType::Date, format!("XXXX-XX-{day:02}")).det());
        };
        let first = NaiveDate::from_ymd_opt(a.year(), a.month(), 1)?;
        let this = NaiveDate::from_ymd_opt(a.year(), a.month(), day);
        let next = add_months(first, 1).and_then(|m| m.with_day(day));
        let prev = add_months(first, -1).and_then(|m| m.with_day(day));
        let d = match (self.tense_at(i), this) {
            (_, Some(t)) if t == a => t,
            (Some(true), Some(t)) if t > a => t,
            (Some(true), _) => next?,
            (Some(false), Some(t)) if t < a => t,
            (Some(false), _) => prev?,
            (None, Some(t)) => t,
            (None, None) => prev?,
        };
        Some(Hit::new(end, TimeType::Date, fmt_day(d)).det())
    }

    /// "a week ago", "three years earlier", "two days later", "a month from now".
    pub(super) fn ago_expr(&self, i: usize) -> Option<Hit> {
        let (n, e, cmod) = self.count_at(i)?;
        let (code, e2) = self.unit_at(e)?;
        let (dir, end) = match self.w(e2) {
            "ago" | "earlier" | "back" | "before" if self.w(e2) != "before" => (-1, e2 + 1),
            "later" | "hence" => (1, e2 + 1),
            "from" if self.is(e2 + 1, "now") || self.is(e2 + 1, "today") => (1, e2 + 2),
            _ => return None,
        };
        if self.w(e2) == "earlier" && self.is(end, "this") {
            return None;
        }
        let refv = if dir < 0 { "PAST_REF" } else { "FUTURE_REF" };
        let (Some(a), Some(n)) = (self.anchor, n) else {
            return Some(Hit::new(end, TimeType::Date, refv.into()).with_mod(cmod));
        };
        if n.fract() != 0.0 || !(0.0..=10000.0).contains(&n) {
            return Some(Hit::new(end, TimeType::Date, refv.into()).with_mod(cmod));
        }
        let k = n as i64 * dir;
        let v = match code {
            "D" => fmt_day(add_days(a, k)?),
            "W" => fmt_day(add_days(a, 7 * k)?),
            "2W" => fmt_day(add_days(a, 14 * k)?),
            "WE" => fmt_week(add_days(a, 7 * k)?),
            "M" => {
                let d = add_months(a, k)?;
                format!("{:04}-{:02}", d.year(), d.month())
            }
            "Q" => {
                let d = add_months(a, 3 * k)?;
                format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
            }
            "Y" => match self.last_quarter.get() {
                Some((at, y, q)) if i.saturating_sub(at) < 120 && dir < 0 && cmod.is_none() => {
                    format!("{:04}-Q{}", y + i32::try_from(k).ok()?, char::from(q))
                }
                _ => format!("{:04}", a.year() + i32::try_from(k).ok()?),
            },
            "DE" => format!("{:04}", a.year() + 10 * i32::try_from(k).ok()?),
            "CE" => format!("{:04}", a.year() + 100 * i32::try_from(k).ok()?),
            _ => fmt_day(a),
        };
        Some(Hit::new(end, TimeType::Date, v).with_mod(cmod))
    }

    /// "now", "recently", "the past", "the future", "these days", "recent years".
    pub(super) fn ref_expr(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if let Some(&v) = self.lex.refs.get(w) {
            if w == "now" && self.is(i + 1, "-") {
                return None;
            }
            return Some(Hit::new(i + 1, TimeType::Date, v.into()));
        }
        match (w, self.w(i + 1)) {
            ("these", "days") => Some(Hit::new(i + 2, TimeType::Date, "PRESENT_REF".into())),
            ("past", _) if i > 0 && self.is(i - 1, "the") => {
                Some(Hit::new(i + 1, TimeType::Date, "PAST_REF".into()).det())
            }
            ("future", _) if i > 0 && self.is(i - 1, "the") => {
                Some(Hit::new(i + 1, TimeType::Date, "FUTURE_REF".into()).det())
            }
            ("recent", u) => {
                let &code = self.lex.units.get(u)?;
                if !u.ends_with('s') || code.starts_with('T') {
                    return None;
                }
                Some(Hit::new(i + 2, TimeType::Date, "PAST_REF".into()))
            }
            _ => None,
        }
    }
}
