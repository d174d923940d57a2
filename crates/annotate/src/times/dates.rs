//! Absolute dates: month names, days of month, years, decades and centuries, and
//! all-numeric dates.
//!
//! Owns: "March 20", "20th of March 2022", "the second of August", "March 2022", "June last
//! year", "in March", "2022-03-20", "20/03/2022", "11/2016", "2014", "the 1990s", "'90s",
//! "the nineties", "the 20th century", and the pieces they are built from (month, day, year,
//! ordinal). Dates without a year take one from `P::year_for`.

use chrono::{Datelike, NaiveDate};

use super::anchor::fmt_day;
use super::periods::quarter_code;
use super::{Hit, P};
use crate::numwords;
use crate::types::{TimeType, TokenKind};

impl<'a, 't> P<'a, 't> {
    /// A month name at `i`: (month, end, mod from "mid-March").
    pub(super) fn month_at(&self, i: usize) -> Option<(u32, usize, Option<&'static str>, bool)> {
        let w = self.w(i);
        let (w, m_mod) = match w.split_once('-') {
            Some(("mid", rest)) => (rest, Some("MID")),
            Some(("early", rest)) => (rest, Some("START")),
            Some(("late", rest)) => (rest, Some("END")),
            _ => (w, None),
        };
        let &m = self.lex.months.get(w)?;
        if (w == "may" || w == "march") && !self.d.capitalised(i) {
            return None;
        }
        let full = w.len() > 4 || w == "june" || w == "july" || w == "may";
        let mut end = i + 1;
        let mut dotted = false;
        if !full && self.d.adjacent(i) && self.w(end) == "." {
            end += 1;
            dotted = true;
        }
        Some((m, end, m_mod, full || dotted))
    }

    /// A day of month at `i` ("20", "20th"): (day, end).
    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let (n, len) = self.d.int(i)?;
        if len > 2 || !(1..=31).contains(&n) {
            return None;
        }
        let mut end = i + 1;
        if self.d.adjacent(i) && matches!(self.w(end), "st" | "nd" | "rd" | "th") {
            end += 1;
        } else if self.d.adjacent(i) && matches!(self.w(end), ":" | "%" | "/") {
            return None;
        }
        Some((n, end))
    }

    /// A day of month as an ordinal in words at `i`: "second", "twenty-first", "thirty first":
    /// (day, end).
    pub(super) fn word_day_at(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.w(i);
        let v = if matches!(w, "twenty" | "thirty") {
            numwords::ordinal(&[w, self.w(i + 1)]).map(|v| (v, i + 2))
        } else if !(w.ends_with("st")
            || w.ends_with("nd")
            || w.ends_with("rd")
            || w.ends_with("th"))
        {
            None
        } else {
            match w.split_once('-') {
                Some((a, b)) => numwords::ordinal(&[a, b]),
                None => numwords::ordinal(&[w]),
            }
            .map(|v| (v, i + 1))
        };
        let (v, end) = v?;
        (v.fract() == 0.0 && (1.0..=31.0).contains(&v)).then_some((v as u32, end))
    }

    /// A day of month after a month name in words ("March eighteenth"), unless a noun follows
    /// ("March second-quarter", "February second round").
    fn word_day_after_month(&self, i: usize) -> Option<(u32, usize)> {
        let (d, e) = self.word_day_at(i)?;
        let next_ok = self.d.kind(e) != Some(TokenKind::Word)
            || matches!(
                self.w(e),
                "at" | "in" | "on" | "and" | "or" | "to" | "until" | "through" | "from" | "when"
            );
        next_ok.then_some((d, e))
    }

    /// A four-digit year at `i`.
    pub(super) fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let (n, len) = self.d.int(i)?;
        if len != 4 || !(1000..=2999).contains(&n) {
            return None;
        }
        Some((i32::try_from(n).ok()?, i + 1))
    }

    /// An ordinal at `i`: "3rd", "third", "twenty-first": (value, end).
    pub(super) fn ordinal_at(&self, i: usize) -> Option<(u32, usize)> {
        if let Some((n, len)) = self.d.int(i) {
            if len <= 2 && self.d.adjacent(i) && matches!(self.w(i + 1), "st" | "nd" | "rd" | "th")
            {
                return Some((n, i + 2));
            }
            return None;
        }
        let w = self.w(i);
        let parts: Vec<&str> = w.split('-').collect();
        let v = numwords::ordinal(&parts)?;
        if (1.0..=100.0).contains(&v) {
            Some((v as u32, i + 1))
        } else {
            None
        }
    }

    /// Dates built on a month name: "March 20", "20 March 2022", "March 2022", "in March".
    pub(super) fn month_date(&self, i: usize) -> Option<Hit> {
        // Day first: "20 March 2022", "20th of March"; not an amount ("$12 December 27").
        let money = i > 0 && matches!(self.w(i - 1), "$" | "£" | "€" | "¥");
        if let Some((day, e)) = self.day_at(i).filter(|_| !money) {
            let e2 = if self.is(e, "of") { e + 1 } else { e };
            let (m, e3, _, _) = self.month_at(e2)?;
            let (y, end) = self.opt_year(e3);
            let v = self.day_or_written(y, m, day, i)?;
            return Some(Hit::new(end, TimeType::Date, v));
        }
        // "the second of August".
        if let Some((day, e)) = self.word_day_at(i)
            && self.is(e, "of")
            && let Some((m, e3, _, _)) = self.month_at(e + 1)
        {
            let (y, end) = self.opt_year(e3);
            let v = self.day_or_written(y, m, day, i)?;
            return Some(Hit::new(end, TimeType::Date, v));
        }
        let (m, e, mmod, strong) = self.month_at(i)?;
        let word_day = if strong {
            self.word_day_after_month(e)
        } else {
            None
        };
        if let Some((day, e2)) = self.day_at(e).or(word_day) {
            let (y, end) = self.opt_year(e2);
            let v = self.day_or_written(y, m, day, i)?;
            return Some(Hit::new(end, TimeType::Date, v).with_mod(mmod));
        }
        // "October, 1st." (an ordinal in digits closing the phrase).
        if self.is(e, ",")
            && self.d.kind(e + 1) == Some(TokenKind::Number)
            && let Some((day, e2)) = self
                .ordinal_at(e + 1)
                .filter(|&(n, _)| (1..=31).contains(&n))
            && self.d.kind(e2) != Some(TokenKind::Word)
        {
            let (y, end) = self.opt_year(e2);
            let v = self.day_or_written(y, m, day, i)?;
            return Some(Hit::new(end, TimeType::Date, v).with_mod(mmod));
        }
        // "March 2022", "March of 2022".
        let ey = if self.is(e, "of") || self.is(e, ",") {
            e + 1
        } else {
            e
        };
        if let Some((y, end)) = self.year_at(ey) {
            return Some(Hit::new(end, TimeType::Date, format!("{y:04}-{m:02}")).with_mod(mmod));
        }
        // "June last year", "January this year".
        if let Some(a) = self.anchor
            && self.is(e + 1, "year")
        {
            let y = match self.w(e) {
                "this" => Some(a.year()),
                "last" => Some(a.year() - 1),
                "next" => Some(a.year() + 1),
                _ => None,
            };
            if let Some(y) = y {
                return Some(
                    Hit::new(e + 2, TimeType::Date, format!("{y:04}-{m:02}")).with_mod(mmod),
                );
            }
        }
        if !strong {
            return None;
        }
        let w = self.w(i);
        if (w == "may" || w == "march")
            && !(i > 0 && self.lex.month_cues.contains(&self.w(i - 1)))
            && mmod.is_none()
        {
            return None;
        }
        let v = match self.year_for(m, None, i) {
            Some(y) => format!("{y:04}-{m:02}"),
            None => format!("XXXX-{m:02}"),
        };
        Some(Hit::new(e, TimeType::Date, v).with_mod(mmod))
    }

    /// The value of day `d` of month `m` in year `y` (written) or the year `year_for_day`
    /// gives. A day the month never has ("February 30") keeps its written value with the year
    /// unresolved ("XXXX-02-30") or as written.
    fn day_or_written(&self, y: Option<i32>, m: u32, d: u32, i: usize) -> Option<String> {
        if NaiveDate::from_ymd_opt(2000, m, d).is_none() {
            return (1..=31).contains(&d).then(|| match y {
                Some(y) => format!("{y:04}-{m:02}-{d:02}"),
                None => format!("XXXX-{m:02}-{d:02}"),
            });
        }
        let y = y.or_else(|| self.year_for_day(m, d, i));
        self.day_value(y, m, d)
    }

    /// An optional ", 2022" / " 2022" / " in 2022" after a day and month.
    fn opt_year(&self, e: usize) -> (Option<i32>, usize) {
        let ey = if self.is(e, ",") || self.is(e, "of") || self.is(e, "in") {
            e + 1
        } else {
            e
        };
        match self.year_at(ey) {
            Some((y, end)) if !self.d.adjacent(end - 1) || !self.is(end, ":") => (Some(y), end),
            _ => (None, e),
        }
    }

    /// All-numeric dates: "2022-03-20", "20/03/2022", "3/20/22", "20.03.2022".
    pub(super) fn numeric_date(&self, i: usize) -> Option<Hit> {
        let (a, alen) = self.d.int(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.d.adjacent(i) || !self.d.adjacent(i + 1) {
            return None;
        }
        let (b, blen) = self.d.int(i + 2)?;
        if self.w(i + 3) != sep || !self.d.adjacent(i + 2) || !self.d.adjacent(i + 3) {
            return self.month_year_numeric(i, (a, alen), sep, (b, blen));
        }
        let (c, clen) = self.d.int(i + 4)?;
        if blen > 2 {
            return None;
        }
        let end = i + 5;
        // Not part of a longer numeric run.
        if self.d.adjacent(i + 4)
            && matches!(self.w(end), "-" | "/" | ".")
            && self.d.int(end + 1).is_some()
            && self.d.adjacent(end)
        {
            return None;
        }
        let (y, m, d) = if alen == 4 {
            if sep == "." && clen > 2 {
                return None;
            }
            (i32::try_from(a).ok()?, b, c)
        } else {
            if alen > 2 || !(clen == 4 || clen == 2) {
                return None;
            }
            let y = if clen == 2 {
                if c < 50 { 2000 + c } else { 1900 + c }
            } else {
                c
            };
            let (m, d) = if a > 12 {
                (b, a)
            } else if b > 12 {
                (a, b)
            } else if self.dmy || sep == "." {
                (b, a)
            } else {
                (a, b)
            };
            (i32::try_from(y).ok()?, m, d)
        };
        if !(1000..=2999).contains(&y) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Hit::new(end, TimeType::Date, fmt_day(date)))
    }

    /// Dates written as parts joined by one separator, one of them a month name:
    /// "05-Aug-2016", "2019/aug/01", "Sep-23-2020", "23/Sep/2020", "2020/Sep/23",
    /// "September-2020-23", "Oct/2", "Sep-2020". Separators touch their parts. A four-digit
    /// part is the year, a part up to 31 the day; with two short numbers the day comes first
    /// and the last is a two-digit year.
    pub(super) fn delimited_date(&self, i: usize) -> Option<Hit> {
        #[derive(Clone, Copy)]
        enum Part {
            Num(u32, usize),
            Month(u32),
        }
        let mut parts: Vec<Part> = Vec::with_capacity(3);
        let mut sep: Option<&str> = None;
        let mut k = i;
        let mut end = i;
        loop {
            let part = if let Some((n, len)) = self.d.int(k) {
                Part::Num(n, len)
            } else if let Some(&m) = self.lex.months.get(self.w(k)) {
                Part::Month(m)
            } else {
                break;
            };
            parts.push(part);
            k += 1;
            if matches!(part, Part::Num(..))
                && self.d.adjacent(k - 1)
                && matches!(self.w(k), "st" | "nd" | "rd" | "th")
            {
                k += 1;
            }
            end = k;
            let s = self.w(k);
            if parts.len() == 3
                || !matches!(s, "-" | "/" | ".")
                || sep.is_some_and(|x| x != s)
                || !self.d.adjacent(k - 1)
                || !self.d.adjacent(k)
            {
                break;
            }
            sep = Some(s);
            k += 1;
        }
        if parts.len() < 2 {
            return None;
        }
        // Not part of a longer run ("Sep-23-2020-11").
        if self.d.adjacent(end - 1)
            && matches!(self.w(end), "-" | "/")
            && self.d.kind(end + 1) == Some(TokenKind::Number)
        {
            return None;
        }
        let months: Vec<(usize, u32)> = parts
            .iter()
            .enumerate()
            .filter_map(|(k, p)| match p {
                Part::Month(m) => Some((k, *m)),
                Part::Num(..) => None,
            })
            .collect();
        let &[(mpos, m)] = months.as_slice() else {
            return None;
        };
        let nums: Vec<(u32, usize)> = parts
            .iter()
            .filter_map(|p| match p {
                Part::Num(n, len) => Some((*n, *len)),
                Part::Month(_) => None,
            })
            .collect();
        let is_day = |&(n, len): &(u32, usize)| len <= 2 && (1..=31).contains(&n);
        let (year, day) = match nums.as_slice() {
            [y] if y.1 == 4 => (Some(y.0), None),
            [d] if is_day(d) => (None, Some(d.0)),
            [a, b] if a.1 == 4 && is_day(b) => (Some(a.0), Some(b.0)),
            [a, b] if b.1 == 4 && is_day(a) => (Some(b.0), Some(a.0)),
            // "05-Aug-16": day, month, two-digit year.
            [a, b] if mpos == 1 && is_day(a) && b.1 == 2 => (
                Some(if b.0 < 50 { 2000 + b.0 } else { 1900 + b.0 }),
                Some(a.0),
            ),
            _ => return None,
        };
        let year = year.map(i32::try_from).transpose().ok()?;
        if year.is_some_and(|y| !(1800..=2100).contains(&y)) {
            return None;
        }
        let v = match day {
            Some(d) => {
                let y = year.or_else(|| self.year_for_day(m, d, i));
                self.day_value(y, m, d)?
            }
            None => format!("{:04}-{m:02}", year?),
        };
        Some(Hit::new(end, TimeType::Date, v))
    }

    /// Digits alone: "20161016" (year, month, day), and "2016 10 16" (written with two-digit
    /// month and day).
    pub(super) fn compact_date(&self, i: usize) -> Option<Hit> {
        let (n, len) = self.d.int(i)?;
        let (y, m, d, end) = if len == 8 {
            (n / 10000, n / 100 % 100, n % 100, i + 1)
        } else if len == 4 {
            let (mm, ml) = self.d.int(i + 1)?;
            let (dd, dl) = self.d.int(i + 2)?;
            if ml != 2 || dl != 2 || self.d.kind(i + 3) == Some(TokenKind::Number) {
                return None;
            }
            (n, mm, dd, i + 3)
        } else {
            return None;
        };
        let y = i32::try_from(y)
            .ok()
            .filter(|y| (1900..=2100).contains(y))?;
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Hit::new(end, TimeType::Date, fmt_day(date)))
    }

    /// A month and year in digits with spaces around the separator: "2016 / 11", "11 - 2016".
    pub(super) fn spaced_month_year(&self, i: usize) -> Option<Hit> {
        let (a, alen) = self.d.int(i)?;
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/") || (self.d.adjacent(i) && self.d.adjacent(i + 1)) {
            return None;
        }
        let (b, blen) = self.d.int(i + 2)?;
        if self.d.adjacent(i + 2) && matches!(self.w(i + 3), "-" | "/" | ":" | "%") {
            return None;
        }
        let (y, m) = match (alen, blen) {
            (4, 1 | 2) => (a, b),
            (1 | 2, 4) => (b, a),
            _ => return None,
        };
        if !(1..=12).contains(&m) || !(1900..=2100).contains(&y) {
            return None;
        }
        Some(Hit::new(i + 3, TimeType::Date, format!("{y:04}-{m:02}")))
    }

    /// A day and month in digits without a year after a preposition or weekday: "on 22/04",
    /// "Friday 5/12". The day comes first when the first number exceeds 12 or the text
    /// writes its dates so.
    pub(super) fn numeric_day_month(&self, i: usize) -> Option<Hit> {
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        let cue = matches!(
            prev,
            "on" | "by" | "since" | "until" | "till" | "from" | "before" | "after"
        ) || self.lex.weekdays.contains_key(prev);
        if !cue {
            return None;
        }
        let (a, alen) = self.d.int(i)?;
        let sep = self.w(i + 1);
        if sep != "/" || !self.d.adjacent(i) || !self.d.adjacent(i + 1) || alen > 2 {
            return None;
        }
        let (b, blen) = self.d.int(i + 2)?;
        if blen > 2 || (self.d.adjacent(i + 2) && matches!(self.w(i + 3), "/" | "-" | "%")) {
            return None;
        }
        let (m, d) = if a > 12 {
            (b, a)
        } else if b > 12 || !self.dmy {
            (a, b)
        } else {
            (b, a)
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let y = self.year_for_day(m, d, i);
        Some(Hit::new(i + 3, TimeType::Date, self.day_value(y, m, d)?))
    }

    /// A month and year in digits: "11/2016", "3-2015", "2016-11", "2016/3". A year first
    /// with '-' needs a two-digit month (ISO); "2010-11", "2010/11" are spans of years.
    fn month_year_numeric(
        &self,
        i: usize,
        (a, alen): (u32, usize),
        sep: &str,
        (b, blen): (u32, usize),
    ) -> Option<Hit> {
        if sep == "." || (i > 0 && self.d.adjacent(i - 1) && matches!(self.w(i - 1), "-" | "/")) {
            return None;
        }
        if self.d.adjacent(i + 2) && matches!(self.w(i + 3), "-" | "/" | ":" | "%") {
            return None;
        }
        let (y, m) = match (alen, blen) {
            (4, 1 | 2) => {
                if (sep == "-" && blen != 2) || b == (a + 1) % 100 {
                    return None;
                }
                (a, b)
            }
            (1 | 2, 4) => (b, a),
            _ => return None,
        };
        if !(1..=12).contains(&m) || !(1800..=2100).contains(&y) {
            return None;
        }
        Some(Hit::new(i + 3, TimeType::Date, format!("{y:04}-{m:02}")))
    }

    /// A year, decade or century: "2014", "1990s", "'90s", "the nineties", "the 20th century".
    pub(super) fn year_expr(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        if let Some(dec) = decade_word(w) {
            return Some(Hit::new(i + 1, TimeType::Date, dec.to_string()).det());
        }
        if w == "'" || w == "’" {
            let (n, len) = self.d.int(i + 1)?;
            if len == 2 && n % 10 == 0 && self.d.adjacent(i + 1) && self.is(i + 2, "s") {
                return Some(Hit::new(i + 3, TimeType::Date, format!("19{}", n / 10)).det());
            }
            return None;
        }
        // Centuries: "20th century", "the twenty-first century".
        if let Some((n, e)) = self.ordinal_at(i)
            && self.is(e, "century")
            && (1..=30).contains(&n)
        {
            return Some(Hit::new(e + 1, TimeType::Date, format!("{:02}", n - 1)).det());
        }
        let (y, e) = self.year_at(i)?;
        if self.d.raw(i).contains(',') {
            return None;
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if matches!(prev, "$" | "£" | "€" | "#" | "no" | "number") {
            return None;
        }
        if self.d.adjacent(i) && self.is(e, "s") {
            return Some(Hit::new(e + 1, TimeType::Date, format!("{}", y / 10)).det());
        }
        if !(1800..=2100).contains(&y) && !self.lex.month_cues.contains(&prev) {
            return None;
        }
        let next = self.w(e);
        if next == "%" || self.lex.count_nouns.contains(&next) {
            return None;
        }
        if self.d.kind(e) == Some(TokenKind::Word)
            && !self.d.capitalised(e)
            && next.len() > 3
            && next.ends_with('s')
            && !self.lex.month_cues.contains(&prev)
            && !self.lex.cues.contains_key(next)
        {
            return None;
        }
        // "2017 q1"
        if let Some(q) = quarter_code(self.w(e)) {
            return Some(Hit::new(e + 1, TimeType::Date, format!("{y:04}-{q}")));
        }
        Some(Hit::new(e, TimeType::Date, format!("{y:04}")))
    }
}

fn decade_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "twenties" => "192",
        "thirties" => "193",
        "forties" => "194",
        "fifties" => "195",
        "sixties" => "196",
        "seventies" => "197",
        "eighties" => "198",
        "nineties" => "199",
        _ => return None,
    })
}
