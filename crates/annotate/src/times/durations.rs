//! Durations, counts and sets, and their TIMEX3 values.
//!
//! Owns: counts ("two", "a few", "a couple of", "48"), units, "three weeks", "48-hour",
//! "month-long", "weeks", "half an hour", "two and a half hours", "every day", "each week",
//! "every other Monday", "daily", "Mondays at 4 pm", and the duration values
//! (`dur_value`, `half_dur`: `P2W`, `PT1H30M`).

use super::{Hit, P};
use crate::numwords;
use crate::types::{TimeType, TokenKind};

/// A number for a TIMEX3 value: "2", "1.5".
fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e9 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A duration value for `n` units (None: unspecified "X").
pub(super) fn dur_value(n: Option<f64>, code: &str) -> String {
    let (n, code) = match (n, code) {
        (Some(n), "2W") => (Some(n * 2.0), "W"),
        (None, "2W") => (None, "W"),
        other => other,
    };
    let (n, code) = match (n, code) {
        (Some(n), "Q") => (Some(n * 3.0), "M"),
        other => other,
    };
    let n = n.map_or_else(|| "X".to_string(), fmt_num);
    match code {
        "TH" => format!("PT{n}H"),
        "TM" => format!("PT{n}M"),
        "TS" => format!("PT{n}S"),
        _ => format!("P{n}{code}"),
    }
}

/// A duration of `whole` units and a half, in TimeML's style of whole smaller units where
/// there is one ("an hour and a half" → `PT1H30M`, "half a year" → `P6M`).
fn half_dur(whole: f64, code: &str) -> String {
    let w = fmt_num(whole);
    let zero = whole == 0.0;
    match code {
        "Y" if zero => "P6M".into(),
        "Y" => format!("P{w}Y6M"),
        "M" if zero => "P15D".into(),
        "M" => format!("P{w}M15D"),
        "D" if zero => "PT12H".into(),
        "D" => format!("P{w}DT12H"),
        "TH" if zero => "PT30M".into(),
        "TH" => format!("PT{w}H30M"),
        "TM" if zero => "PT30S".into(),
        "TM" => format!("PT{w}M30S"),
        _ => dur_value(Some(whole + 0.5), code),
    }
}

impl<'a, 't> P<'a, 't> {
    /// A count at `i`: digits, number words, "a", "a few", "several": (value, end, mod).
    pub(super) fn count_at(&self, i: usize) -> Option<(Option<f64>, usize, Option<&'static str>)> {
        let w = self.w(i);
        match w {
            "a" | "an" => {
                if self.is(i + 1, "few") {
                    return Some((None, i + 2, None));
                }
                if self.is(i + 1, "couple") {
                    let e = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                    return Some((Some(2.0), e, Some("APPROX")));
                }
                return Some((Some(1.0), i + 1, None));
            }
            "few" | "several" | "many" => return Some((None, i + 1, None)),
            "dozens" | "hundreds" if self.is(i + 1, "of") => return Some((None, i + 2, None)),
            _ => {}
        }
        if self.d.kind(i) == Some(TokenKind::Number) {
            let r = self.d.raw(i).replace(',', "");
            let v: f64 = r.parse().ok()?;
            return Some((Some(v), i + 1, None));
        }
        // Number words, up to three tokens; hyphenated words split.
        let head = w.split('-').next().unwrap_or(w);
        numwords::unit_or_ten(head)?;
        let mut parts: Vec<&str> = Vec::new();
        let mut best = None;
        for k in i..(i + 3).min(self.d.len()) {
            let wk = self.w(k);
            let before = parts.len();
            parts.extend(wk.split('-'));
            if wk.is_empty() || (parts.len() > before + 1 && k > i) {
                break;
            }
            match numwords::cardinal(&parts) {
                Some(v) => best = Some((Some(v), k + 1, None)),
                None => break,
            }
        }
        best
    }

    pub(super) fn unit_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let u = self.lex.units.get(self.w(i))?;
        Some((u, i + 1))
    }

    /// Durations: "three weeks", "48 hours", "a few days", "two-week", "month-long", "weeks".
    pub(super) fn duration(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        // Compound adjectives: "two-week", "month-long", "five-year".
        if let Some((head, tail)) = w.split_once('-') {
            let parts: Vec<&str> = w.split('-').collect();
            let (last, init) = parts.split_last()?;
            if *last == "old" {
                return None;
            }
            if let Some(&code) = self.lex.units.get(*last)
                && code != "Q"
                && let Some(n) = numwords::cardinal(init)
            {
                return Some(Hit::new(
                    i + 1,
                    TimeType::Duration,
                    dur_value(Some(n), code),
                ));
            }
            // "all-day", "full-year", "whole-week".
            if matches!(head, "all" | "full" | "whole")
                && let Some(&code) = self.lex.units.get(tail)
                && !tail.ends_with('s')
                && !matches!(code, "Q" | "WE")
            {
                return Some(Hit::new(
                    i + 1,
                    TimeType::Duration,
                    dur_value(Some(1.0), code),
                ));
            }
            if (tail == "long")
                && let Some(&code) = self.lex.units.get(head)
            {
                return Some(Hit::new(
                    i + 1,
                    TimeType::Duration,
                    dur_value(Some(1.0), code),
                ));
            }
            return None;
        }
        // "48-hour", "24-hour"
        if self.d.kind(i) == Some(TokenKind::Number)
            && self.d.adjacent(i)
            && self.is(i + 1, "-")
            && self.d.adjacent(i + 1)
        {
            let (n, _, _) = self.count_at(i)?;
            let u = self.w(i + 2);
            let u = u.strip_suffix("-long").unwrap_or(u);
            if u.ends_with("-old") {
                return None;
            }
            let &code = self.lex.units.get(u)?;
            return Some(Hit::new(i + 3, TimeType::Duration, dur_value(n, code)));
        }
        // Bare plural unit: "weeks", "years".
        if let Some(&code) = self.lex.units.get(w) {
            if w.ends_with('s') && w.len() > 3 && !matches!(code, "Q" | "WE") {
                return Some(Hit::new(i + 1, TimeType::Duration, dur_value(None, code)));
            }
            return None;
        }
        if matches!(w, "all" | "full" | "whole" | "entire" | "another") {
            return self.whole_units(i);
        }
        // "half an hour", "half a year".
        if w == "half" {
            let e = if matches!(self.w(i + 1), "a" | "an") {
                i + 2
            } else {
                i + 1
            };
            let (code, end) = self.unit_at(e)?;
            if self.w(e).ends_with('s') || matches!(code, "Q" | "WE" | "CE" | "DE") {
                return None;
            }
            return Some(Hit::new(end, TimeType::Duration, half_dur(0.0, code)));
        }
        let (n, e, cmod) = self.count_at(i)?;
        // "two and a half hours", "an hour and a half".
        let and_half = |k: usize| -> Option<usize> {
            if !self.is(k, "and") {
                return None;
            }
            if self.is(k + 1, "half") {
                Some(k + 2)
            } else if self.is(k + 1, "a") && self.is(k + 2, "half") {
                Some(k + 3)
            } else {
                None
            }
        };
        if let Some(whole) = n.filter(|n| n.fract() == 0.0) {
            let found = match and_half(e) {
                Some(e2) => self.unit_at(e2),
                None => self
                    .unit_at(e)
                    .and_then(|(code, e2)| and_half(e2).map(|end| (code, end))),
            };
            if let Some((code, end)) = found
                && !matches!(code, "Q" | "WE" | "CE" | "DE")
            {
                return Some(
                    Hit::new(end, TimeType::Duration, half_dur(whole, code))
                        .det()
                        .with_mod(cmod),
                );
            }
        }
        let (code, end) = self.unit_at(e)?;
        let uw = self.w(e);
        if code == "WE" {
            return None;
        }
        // "a quarter of", "three quarters of", "a second round", "the 1988 second quarter".
        let article = matches!(w, "a" | "an");
        if code == "Q" && (article || self.is(end, "of")) {
            return None;
        }
        if code == "TS" && (article || matches!(self.w(end), "quarter" | "half")) {
            return None;
        }
        // "the 1988 quarter", "2014 season": a year, not a count.
        if n.is_some_and(|n| n >= 1000.0) && !uw.ends_with('s') {
            return None;
        }
        // "a week" is a duration, "one week" too; "1 weeks" is still fine.
        if n == Some(1.0) && uw.ends_with('s') && uw.len() > 2 {
            return None;
        }
        // Compound after a count: "a month-long" is handled above; "two months-long" rare.
        Some(
            Hit::new(end, TimeType::Duration, dur_value(n, code))
                .det()
                .with_mod(cmod),
        )
    }

    /// "all day", "a full week", "the entire month", "another hour", "another two weeks": one
    /// unit (or the count after "another"). After "the", "full year" is a year of accounts (a
    /// date), so that reading is left to others.
    fn whole_units(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if i > 0 && self.is(i - 1, "the") && w == "full" {
            return None;
        }
        let (n, e) = match self.count_at(i + 1) {
            Some((n, e, _)) if w == "another" && !matches!(self.w(i + 1), "a" | "an") => (n, e),
            _ => (Some(1.0), i + 1),
        };
        let (code, end) = self.unit_at(e)?;
        let plural = self.w(e).ends_with('s') && self.w(e).len() > 3;
        if matches!(code, "Q" | "WE" | "DE" | "CE") || plural != (e > i + 1 && n != Some(1.0)) {
            return None;
        }
        Some(Hit::new(end, TimeType::Duration, dur_value(n, code)))
    }

    /// Sets: "every day", "each week", "every Monday", "daily", "weekly", "on Mondays".
    pub(super) fn set_expr(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if let Some(&v) = self.lex.sets.get(w) {
            return Some(Hit::new(i + 1, TimeType::Set, v.into()));
        }
        if !matches!(w, "every" | "each") {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, "other") {
            j += 1;
        }
        let (n, e) = match self.count_at(j) {
            Some((Some(n), e, _)) if !matches!(self.w(j), "a" | "an") => (n, e),
            _ => (1.0, j),
        };
        let nw = self.w(e);
        if let Some(&code) = self.lex.units.get(nw) {
            let n = if self.is(i + 1, "other") { n * 2.0 } else { n };
            return Some(Hit::new(e + 1, TimeType::Set, dur_value(Some(n), code)));
        }
        if let Some(&wd) = self.lex.weekdays.get(nw) {
            return Some(self.weekday_set(wd, e + 1));
        }
        if let Some(&p) = self.lex.parts.get(nw) {
            return Some(Hit::new(e + 1, TimeType::Set, format!("T{p}")));
        }
        if let Some(&m) = self.lex.months.get(nw) {
            return Some(Hit::new(e + 1, TimeType::Set, format!("XXXX-{m:02}")));
        }
        None
    }

    /// A weekly set on weekday `wd` ending at `e`, with a part of day or clock time after it:
    /// "every Monday", "Mondays at 4 pm", "each Friday morning".
    pub(super) fn weekday_set(&self, wd: u32, e: usize) -> Hit {
        let base = format!("XXXX-WXX-{wd}");
        if let Some(&p) = self.lex.parts.get(self.w(e)) {
            return Hit::new(e + 1, TimeType::Set, format!("{base}T{p}"));
        }
        let e2 = if self.is(e, "at") { e + 1 } else { e };
        if let Some((t, end)) = self.clock_at(e2) {
            return Hit::new(end, TimeType::Set, format!("{base}{t}"));
        }
        Hit::new(e, TimeType::Set, base)
    }
}
