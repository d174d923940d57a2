//! Calendar periods: quarters, halves, weeks of a month, the weekend and seasons.
//!
//! Owns: "the third quarter", "Q1 2022", "the first half of 2022", "the 1988 second
//! quarter", "the quarter" (the last completed one), "the first week of October", "the
//! weekend", "summer 2014", "in winter", and which year a season or quarter named without one
//! falls in.

use chrono::{Datelike, NaiveDate};

use super::anchor::{add_days, add_months, fmt_week};
use super::{Hit, P};
use crate::types::TimeType;

impl<'a, 't> P<'a, 't> {
    /// Quarters and halves: "the third quarter", "third-quarter", "Q1 2022", "the first half of
    /// 2022".
    pub(super) fn quarter_expr(&self, i: usize) -> Option<Hit> {
        // "the quarter", "the latest quarter": the last completed quarter.
        if (self.is(i, "quarter") || (self.is(i, "latest") && self.is(i + 1, "quarter")))
            && i > 0
            && self.is(i - 1, "the")
        {
            let end = if self.is(i, "quarter") { i + 1 } else { i + 2 };
            let v = match self.anchor.and_then(|a| add_months(a, -3)) {
                Some(d) => format!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
                None => "XXXX-QX".into(),
            };
            return Some(Hit::new(end, TimeType::Date, v).det());
        }
        // "the weekend": the latest one, or the next in a future clause.
        if self.is(i, "weekend") && i > 0 && self.is(i - 1, "the") {
            let v = match self.anchor {
                Some(a) => {
                    let wd = i64::from(a.weekday().number_from_monday());
                    let sat = if self.future_at(i) || wd < 6 && self.future_at(i) {
                        add_days(a, 6 - wd)?
                    } else if wd >= 6 {
                        a
                    } else {
                        add_days(a, -(wd + 1))?
                    };
                    format!("{}-WE", fmt_week(sat))
                }
                None => "XXXX-WXX-WE".into(),
            };
            return Some(Hit::new(i + 1, TimeType::Date, v).det());
        }
        // "the 1988 second quarter", "1990 first half".
        if let Some((y, e)) = self.year_at(i)
            && let Some((code, end)) = self.quarter_code_at(e)
        {
            return Some(Hit::new(end, TimeType::Date, format!("{y:04}-{code}")).det());
        }
        let e0 = if self.is(i, "fiscal") { i + 1 } else { i };
        let (code, e) = self.quarter_code_at(e0)?;
        let mut h = self.quarter_year(i, code, e)?;
        // "the third-quarter results": the article belongs to the noun.
        if self.w(e0).contains('-') {
            h.det = false;
        }
        Some(h)
    }

    /// "the first week of October (2016)": "2016-10-W01".
    pub(super) fn week_of_month(&self, i: usize) -> Option<Hit> {
        let n = ordinal_word(self.w(i))?;
        if !self.is(i + 1, "week") || !self.is(i + 2, "of") {
            return None;
        }
        let (m, e, _, _) = self.month_at(i + 3)?;
        let (y, end) = match self.year_at(e) {
            Some((y, end)) => (Some(y), end),
            None => (self.year_for(m, None, i), e),
        };
        let v = match y {
            Some(y) => format!("{y:04}-{m:02}-W{n:02}"),
            None => format!("XXXX-{m:02}-W{n:02}"),
        };
        Some(Hit::new(end, TimeType::Date, v).det())
    }

    /// "third quarter", "Q3", "first-half": ("Q3", end).
    pub(super) fn quarter_code_at(&self, i: usize) -> Option<(String, usize)> {
        let w = self.w(i);
        Some(if let Some(q) = quarter_code(w) {
            (q.to_string(), i + 1)
        } else {
            let (n, e, word) = match w.split_once('-') {
                Some((head, tail @ ("quarter" | "half"))) => {
                    (ordinal_word(head).or_else(|| last_word(head))?, i + 1, tail)
                }
                _ => {
                    let n = ordinal_word(w)
                        .or_else(|| last_word(w))
                        .or_else(|| self.ordinal_at(i).map(|(n, _)| n))?;
                    let e = self.ordinal_at(i).map_or(i + 1, |(_, e)| e);
                    let word = match self.w(e) {
                        "quarter" => "quarter",
                        "half" => "half",
                        _ => return None,
                    };
                    (n, e + 1, word)
                }
            };
            match (word, n) {
                ("quarter", 1..=4) => (format!("Q{n}"), e),
                ("half", 1..=2) => (format!("H{n}"), e),
                ("quarter", 99) => ("Q4".into(), e),
                ("half", 99) => ("H2".into(), e),
                _ => return None,
            }
        })
    }

    /// The year of a quarter at `i` named by `code` up to `e`: "of 2022", "of last year", or
    /// the latest such quarter that has begun.
    fn quarter_year(&self, i: usize, code: String, e: usize) -> Option<Hit> {
        // "of 2022", "2022", "of this year", "of last year".
        let ey = if self.is(e, "of") { e + 1 } else { e };
        if let Some((y, end)) = self.year_at(ey) {
            return Some(Hit::new(end, TimeType::Date, format!("{y:04}-{code}")).det());
        }
        let (shift, end) = if self.is(e, "of") && self.is(e + 2, "year") {
            match self.w(e + 1) {
                "this" | "the" => (Some(0), e + 3),
                "last" | "previous" => (Some(-1), e + 3),
                "next" => (Some(1), e + 3),
                _ => (None, e),
            }
        } else {
            (None, e)
        };
        let Some(a) = self.anchor else {
            return Some(Hit::new(end, TimeType::Date, format!("XXXX-{code}")).det());
        };
        let y = match shift {
            Some(s) => a.year() + s,
            None => {
                let first_month = match code.as_str() {
                    "Q2" => 4,
                    "Q3" | "H2" => 7,
                    "Q4" => 10,
                    _ => 1,
                };
                if first_month > a.month() && !self.future_at(i) {
                    a.year() - 1
                } else {
                    a.year()
                }
            }
        };
        Some(Hit::new(end, TimeType::Date, format!("{y:04}-{code}")).det())
    }

    pub(super) fn season_year(&self, a: NaiveDate, s: &str, shift: i64) -> i32 {
        let start = match s {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        // The latest season of that name that has begun (winter begins in December).
        let cur = if start > a.month() || (s == "WI" && a.month() <= 2) {
            a.year() - 1
        } else {
            a.year()
        };
        match shift {
            0 => {
                if start > a.month() && s != "WI" {
                    a.year()
                } else {
                    cur
                }
            }
            s if s < 0 => {
                if cur == a.year() && start <= a.month() {
                    cur - 1
                } else {
                    cur
                }
            }
            _ => cur + 1,
        }
    }

    /// Seasons: "summer 2014", "the spring of 2015", "in winter".
    pub(super) fn season_expr(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let &s = self.lex.seasons.get(w)?;
        let ey = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        if let Some((y, end)) = self.year_at(ey) {
            return Some(Hit::new(end, TimeType::Date, format!("{y:04}-{s}")).det());
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if w == "fall" || !(self.lex.month_cues.contains(&prev) || prev == "the") {
            return None;
        }
        let v = match self.anchor {
            Some(a) => {
                let shift = if self.future_at(i) { 0 } else { -1 };
                let y = self.season_year(a, s, 0);
                // Without a cue, the latest season that has begun.
                let y = if shift < 0 && self.season_start(y, s) > a {
                    y - 1
                } else {
                    y
                };
                format!("{y:04}-{s}")
            }
            None => format!("XXXX-{s}"),
        };
        Some(Hit::new(i + 1, TimeType::Date, v).det())
    }

    fn season_start(&self, y: i32, s: &str) -> NaiveDate {
        let m = match s {
            "SP" => 3,
            "SU" => 6,
            "FA" => 9,
            _ => 12,
        };
        NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(NaiveDate::MIN)
    }
}

pub(super) fn quarter_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "q1" => "Q1",
        "q2" => "Q2",
        "q3" => "Q3",
        "q4" => "Q4",
        "h1" => "H1",
        "h2" => "H2",
        _ => return None,
    })
}

fn ordinal_word(w: &str) -> Option<u32> {
    Some(match w {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        _ => return None,
    })
}

/// "final"/"last" quarter: the fourth (coded 99).
fn last_word(w: &str) -> Option<u32> {
    matches!(w, "final").then_some(99)
}
