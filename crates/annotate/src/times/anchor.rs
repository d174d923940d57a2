//! Anchoring: calendar arithmetic against the publication date and the tense that picks a
//! past or future occurrence.
//!
//! Owns: checked day/month arithmetic (`add_days`, `add_months`), day and ISO-week
//! values (`fmt_day`, `fmt_week`, `is_day`), the tense of the clause before a token,
//! and the year of a month (and day) named without one.

use chrono::{Datelike, Months, NaiveDate, TimeDelta};

use super::P;

/// Whether a value names a single day ("2022-03-20", "XXXX-03-20", "XXXX-WXX-4").
pub(super) fn is_day(v: &str) -> bool {
    let b = v.as_bytes();
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-') || v.starts_with("XXXX-WXX-")
}

pub(super) fn fmt_day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub(super) fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

pub(super) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(n)?)
}

pub(super) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(m))
    } else {
        d.checked_sub_months(Months::new(m))
    }
}

impl<'a, 't> P<'a, 't> {
    /// Whether the clause before token `i` points to the future (nearest tense cue wins).
    pub(super) fn future_at(&self, i: usize) -> bool {
        self.tense_at(i) == Some(true)
    }

    /// The tense of the clause before token `i`: Some(true) future, Some(false) past, None
    /// unknown. The nearest cue wins; a verb in "-ed" counts as past.
    pub(super) fn tense_at(&self, i: usize) -> Option<bool> {
        let first = self.d.sent.get(i).copied().unwrap_or(0);
        let mut k = i;
        let mut steps = 0;
        while k > first && steps < 12 {
            k -= 1;
            steps += 1;
            let w = self.w(k);
            // After "to" a cue word is an infinitive ("due to last until"), not a tense.
            let infinitive = k > first && self.w(k - 1) == "to";
            if let Some(&f) = self.lex.cues.get(w)
                && !infinitive
            {
                return Some(f);
            }
            if w == "," && steps > 3 {
                // Another clause.
                break;
            }
        }
        None
    }

    /// The year of a month (and day) named without one: the next occurrence in a future
    /// clause; the previous one in a past clause unless the date lies within 45 days ahead
    /// (past-tense reports of scheduled dates); otherwise the nearest occurrence.
    pub(super) fn year_for(&self, m: u32, day: Option<u32>, i: usize) -> Option<i32> {
        let a = self.anchor?;
        let tense = self.tense_at(i);
        let (ahead, back) = match day {
            Some(d) => {
                let this = NaiveDate::from_ymd_opt(a.year(), m, d.min(28))?;
                let delta = (this - a).num_days();
                if delta >= 0 {
                    (delta, 365 - delta)
                } else {
                    (365 + delta, -delta)
                }
            }
            None => {
                let ahead = i64::from((m + 12 - a.month()) % 12) * 30;
                (ahead, if ahead == 0 { 0 } else { 360 - ahead })
            }
        };
        if ahead == 0 || back == 0 {
            return Some(a.year());
        }
        let later = (m, day.unwrap_or(1)) > (a.month(), a.day());
        let next = if later { a.year() } else { a.year() + 1 };
        let prev = if later { a.year() - 1 } else { a.year() };
        Some(match tense {
            Some(true) => next,
            Some(false) if ahead <= 45 => next,
            Some(false) => prev,
            None if ahead < back => next,
            None => prev,
        })
    }

    /// The year of a day named without one, as `year_for` picks it; 29 February moves to the
    /// nearest leap year in the same direction.
    pub(super) fn year_for_day(&self, m: u32, d: u32, i: usize) -> Option<i32> {
        let y = self.year_for(m, Some(d), i)?;
        if m != 2 || d != 29 || NaiveDate::from_ymd_opt(y, 2, 29).is_some() {
            return Some(y);
        }
        let step = if self.anchor.is_some_and(|a| y > a.year()) {
            1
        } else {
            -1
        };
        (1..=8)
            .map(|k| y + step * k)
            .find(|&c| NaiveDate::from_ymd_opt(c, 2, 29).is_some())
    }

    pub(super) fn day_value(&self, y: Option<i32>, m: u32, d: u32) -> Option<String> {
        match y {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(fmt_day),
            None => NaiveDate::from_ymd_opt(2000, m, d).map(|_| format!("XXXX-{m:02}-{d:02}")),
        }
    }
}
