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

mod lex;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::cell::Cell;

use chrono::{Datelike, Months, NaiveDate, TimeDelta};

use crate::numwords;
use crate::types::{Sentence, TimeMention, TimeType, Token, TokenKind};
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
}

/// Whether a value names a single day ("2022-03-20", "XXXX-03-20", "XXXX-WXX-4").
fn is_day(v: &str) -> bool {
    let b = v.as_bytes();
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-') || v.starts_with("XXXX-WXX-")
}

fn fmt_day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn fmt_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{:04}-W{:02}", w.year(), w.week())
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(TimeDelta::try_days(n)?)
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(m))
    } else {
        d.checked_sub_months(Months::new(m))
    }
}

/// A number for a TIMEX3 value: "2", "1.5".
fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e9 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A duration value for `n` units (None: unspecified "X").
fn dur_value(n: Option<f64>, code: &str) -> String {
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

/// The lower-cased tokens of one text, with the sentence each token starts in.
struct Doc<'t> {
    text: &'t str,
    toks: &'t [Token],
    low: Vec<Cow<'t, str>>,
    /// Bytes of a possessive "'s" left out of `low`.
    poss: Vec<u8>,
    /// Index of the first token of each token's sentence.
    sent: Vec<usize>,
}

impl<'t> Doc<'t> {
    fn new(text: &'t str, toks: &'t [Token], sentences: &[Sentence]) -> Self {
        let mut low = Vec::with_capacity(toks.len());
        let mut poss = Vec::with_capacity(toks.len());
        let mut sent = Vec::with_capacity(toks.len());
        let mut s = 0;
        let mut first = 0;
        for (k, t) in toks.iter().enumerate() {
            let raw = text.get(t.start..t.end).unwrap_or("");
            let (body, p) = if t.kind == TokenKind::Word {
                if let Some(b) = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("'S")) {
                    (b, 2)
                } else if let Some(b) = raw.strip_suffix("’s") {
                    (b, "’s".len())
                } else {
                    (raw, 0)
                }
            } else {
                (raw, 0)
            };
            let l = if body.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                Cow::Owned(body.to_lowercase())
            } else {
                Cow::Borrowed(body)
            };
            low.push(l);
            poss.push(p as u8);
            while s < sentences.len() && sentences[s].end <= t.start {
                s += 1;
                first = k;
            }
            sent.push(first);
        }
        Doc {
            text,
            toks,
            low,
            poss,
            sent,
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn w(&self, i: usize) -> &str {
        self.low.get(i).map_or("", |c| c.as_ref())
    }

    fn raw(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// A plain digit string token (no separators): its value and digit count.
    fn int(&self, i: usize) -> Option<(u32, usize)> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let r = self.raw(i);
        if r.len() > 9 || !r.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        r.parse().ok().map(|n| (n, r.len()))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
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

/// Words before a bare month or season that make it a date.
const MONTH_CUES: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "of",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "from",
    "to",
    "through",
    "between",
    "during",
    "before",
    "after",
    "and",
    "or",
    "last",
    "since",
    "around",
    "into",
    "throughout",
    "that",
    "each",
    "every",
];

/// Words after a number that make it a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "troops",
    "soldiers",
    "civilians",
    "men",
    "women",
    "children",
    "residents",
    "refugees",
    "fighters",
    "police",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "tonnes",
    "tons",
    "dollars",
    "euros",
    "rubles",
    "hryvnias",
    "metres",
    "meters",
    "feet",
    "persons",
    "personnel",
    "deaths",
    "dead",
    "killed",
    "wounded",
    "injured",
    "units",
    "hours",
    "hrs",
    "gmt",
    "utc",
    "local",
];

impl<'a, 't> P<'a, 't> {
    fn w(&self, i: usize) -> &str {
        self.d.w(i)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.d.is(i, w)
    }

    /// Whether the clause before token `i` points to the future (nearest tense cue wins).
    fn future_at(&self, i: usize) -> bool {
        self.tense_at(i) == Some(true)
    }

    /// The tense of the clause before token `i`: Some(true) future, Some(false) past, None
    /// unknown. The nearest cue wins; a verb in "-ed" counts as past.
    fn tense_at(&self, i: usize) -> Option<bool> {
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

    fn note_day(&self, i: usize, value: &str) {
        if let Some(date) = value
            .get(..10)
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        {
            let first = self.d.sent.get(i).copied().unwrap_or(0);
            self.last_day.set(Some((first, date)));
        }
    }

    /// The year of a month (and day) named without one: the next occurrence in a future
    /// clause; the previous one in a past clause unless the date lies within 45 days ahead
    /// (past-tense reports of scheduled dates); otherwise the nearest occurrence.
    fn year_for(&self, m: u32, day: Option<u32>, i: usize) -> Option<i32> {
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

    fn day_value(&self, y: Option<i32>, m: u32, d: u32) -> Option<String> {
        match y {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d).map(fmt_day),
            None => NaiveDate::from_ymd_opt(2000, m, d).map(|_| format!("XXXX-{m:02}-{d:02}")),
        }
    }

    // ---- pieces -------------------------------------------------------------------------

    /// A month name at `i`: (month, end, mod from "mid-March").
    fn month_at(&self, i: usize) -> Option<(u32, usize, Option<&'static str>, bool)> {
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
    fn word_day_at(&self, i: usize) -> Option<(u32, usize)> {
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
    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let (n, len) = self.d.int(i)?;
        if len != 4 || !(1000..=2999).contains(&n) {
            return None;
        }
        Some((i32::try_from(n).ok()?, i + 1))
    }

    /// A count at `i`: digits, number words, "a", "a few", "several": (value, end, mod).
    fn count_at(&self, i: usize) -> Option<(Option<f64>, usize, Option<&'static str>)> {
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

    fn unit_at(&self, i: usize) -> Option<(&'static str, usize)> {
        let u = self.lex.units.get(self.w(i))?;
        Some((u, i + 1))
    }

    /// A clock time at `i`: ("T10:30", end).
    fn clock_at(&self, i: usize) -> Option<(String, usize)> {
        let w = self.w(i);
        if w == "noon" || w == "midday" {
            return Some(("T12:00".into(), i + 1));
        }
        if w == "midnight" {
            return Some(("T24:00".into(), i + 1));
        }
        if let Some(r) = self.past_to_clock(i) {
            return Some(r);
        }
        let mut end = i + 1;
        let mut min = 0;
        let mut sec = None;
        let mut with_min = false;
        // Forms that need an explicit marker: "8.30 pm", "seven o'clock".
        let mut needs_marker = false;
        let (h, hlen) = match self.d.int(i) {
            Some(x) => x,
            None => {
                if let Some((h, m)) = self.dotted_clock(i) {
                    min = m;
                    with_min = true;
                    needs_marker = true;
                    (h, 2)
                } else {
                    needs_marker = true;
                    (hour_word(w)?, 1)
                }
            }
        };
        let mut hour = h;
        if hlen == 4 {
            // "0700 GMT", "1430 hours".
            hour = h / 100;
            min = h % 100;
            with_min = true;
        } else if hlen > 2 {
            return None;
        } else if !needs_marker
            && self.d.adjacent(i)
            && matches!(self.w(end), ":" | ".")
            && self.d.adjacent(end)
        {
            let (m, mlen) = self.d.int(end + 1)?;
            if mlen != 2 {
                return None;
            }
            min = m;
            with_min = true;
            end += 2;
            // Seconds: "7:56:30".
            if self.d.adjacent(end - 1)
                && self.is(end, ":")
                && self.d.adjacent(end)
                && let Some((s, 2)) = self.d.int(end + 1)
                && s <= 59
            {
                sec = Some(s);
                end += 2;
            }
        }
        if hour > 24 || min > 59 {
            return None;
        }
        // am / pm / o'clock / "in the morning"
        let mut marked = false;
        let mut zone = "";
        if let Some((pm, e)) = self.ampm_at(end) {
            if hour == 0 || hour > 12 {
                return None;
            }
            hour = twelve_hour(hour, Some(pm));
            end = e;
            marked = true;
        } else if matches!(self.w(end), "o'clock" | "o’clock" | "oclock") {
            end += 1;
            marked = true;
            if let Some((pm, e)) = self.day_part_at(end)
                && (1..=12).contains(&hour)
            {
                hour = twelve_hour(hour, pm);
                end = e;
            }
        } else if let Some((pm, e)) = self.day_part_at(end)
            && (1..=12).contains(&hour)
            && (with_min || self.clock_prep(i))
        {
            hour = twelve_hour(hour, pm);
            end = e;
            marked = true;
        }
        if self.lex.zones.contains(self.w(end)) {
            if matches!(self.w(end), "gmt" | "utc" | "z") {
                zone = "Z";
            }
            end += 1;
            marked = true;
        } else if self.w(end) == "local" && self.is(end + 1, "time") {
            end += 2;
            marked = true;
        } else if hlen == 4 && matches!(self.w(end), "hours" | "hrs" | "h") {
            end += 1;
            marked = true;
        }
        if !(marked || with_min && hlen <= 2 && !needs_marker) {
            return None;
        }
        let s = sec.map_or_else(String::new, |s| format!(":{s:02}"));
        Some((format!("T{hour:02}:{min:02}{s}{zone}"), end))
    }

    /// A number token "8.30" read as a clock time: (hour, minute).
    fn dotted_clock(&self, i: usize) -> Option<(u32, u32)> {
        if self.d.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let (h, m) = self.d.raw(i).split_once('.')?;
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let h: u32 = h.parse().ok()?;
        let m: u32 = m.parse().ok()?;
        (h <= 24 && m <= 59).then_some((h, m))
    }

    /// Whether the word before `i` introduces a clock time ("at 7", "until 9").
    fn clock_prep(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.w(i - 1),
                "at" | "around"
                    | "about"
                    | "by"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "from"
                    | "since"
                    | "to"
                    | "and"
            )
    }

    /// "in the morning", "in the evening", "at night" after an hour: (is pm, end). Morning
    /// hours are am; "at night" is pm from six on.
    fn day_part_at(&self, i: usize) -> Option<(Option<bool>, usize)> {
        let (part, end) = match (self.w(i), self.w(i + 1)) {
            ("in", "the") => (self.w(i + 2), i + 3),
            ("at", "night") => ("night", i + 2),
            _ => return None,
        };
        let pm = match part {
            "morning" => Some(false),
            "afternoon" | "evening" => Some(true),
            "night" => None,
            _ => return None,
        };
        Some((pm, end))
    }

    /// "half past seven", "a quarter to six", "20 minutes past eight", "ten past 9": the
    /// minutes need "half"/"quarter"/"minutes" or a marker after the hour; "to" needs the
    /// former ("from 10 to 9" is a range).
    fn past_to_clock(&self, i: usize) -> Option<(String, usize)> {
        let joined = |k: usize| matches!(self.w(k), "past" | "to");
        if !(joined(i + 1) || joined(i + 2)) {
            return None;
        }
        let w = self.w(i);
        let (mins, mut e, explicit) = match w {
            "half" => (30, i + 1, true),
            "quarter" => (15, i + 1, true),
            "a" if self.is(i + 1, "quarter") => (15, i + 2, true),
            _ => {
                let m = match self.d.int(i) {
                    Some((m, l)) if l <= 2 => m,
                    Some(_) => return None,
                    None => {
                        let parts: Vec<&str> = w.split('-').collect();
                        let v = numwords::cardinal(&parts)?;
                        if v.fract() != 0.0 {
                            return None;
                        }
                        v as u32
                    }
                };
                if !(1..=59).contains(&m) {
                    return None;
                }
                let unit = matches!(self.w(i + 1), "minutes" | "minute" | "min" | "mins");
                (m, if unit { i + 2 } else { i + 1 }, unit)
            }
        };
        let past = match self.w(e) {
            "past" => true,
            "to" if explicit && w != "half" => false,
            _ => return None,
        };
        e += 1;
        let h = match self.d.int(e) {
            Some((h, l)) if l <= 2 && !(self.d.adjacent(e) && self.is(e + 1, ":")) => h,
            Some(_) => return None,
            None => hour_word(self.w(e))?,
        };
        if !(1..=12).contains(&h) {
            return None;
        }
        e += 1;
        let mut pm = None;
        let oclock = matches!(self.w(e), "o'clock" | "o’clock" | "oclock");
        if oclock {
            e += 1;
        }
        if let Some((p, e2)) = self.ampm_at(e) {
            pm = Some(Some(p));
            e = e2;
        } else if let Some((p, e2)) = self.day_part_at(e) {
            pm = Some(p);
            e = e2;
        }
        if !explicit && !oclock && pm.is_none() && !self.clock_prep(i) {
            return None;
        }
        let (h, m) = if past {
            (h, mins)
        } else {
            (if h == 1 { 12 } else { h - 1 }, 60 - mins)
        };
        let h = match pm {
            Some(p) => twelve_hour(h, p),
            None => h,
        };
        Some((format!("T{h:02}:{m:02}"), e))
    }

    /// "am", "pm", "a.m.", "p.m.": (is pm, end).
    fn ampm_at(&self, i: usize) -> Option<(bool, usize)> {
        let w = self.w(i);
        let pm = match w {
            "am" | "a.m." | "a.m" => false,
            "pm" | "p.m." | "p.m" => true,
            "a" | "p" if self.d.adjacent(i) && self.is(i + 1, ".") && self.is(i + 2, "m") => {
                let mut e = i + 3;
                if self.d.adjacent(i + 2) && self.is(e, ".") {
                    e += 1;
                }
                return Some((w == "p", e));
            }
            _ => return None,
        };
        let mut e = i + 1;
        if !w.ends_with('.') && w.len() > 2 && self.d.adjacent(i) && self.is(e, ".") {
            e += 1;
        }
        Some((pm, e))
    }

    // ---- expressions --------------------------------------------------------------------

    /// Dates built on a month name: "March 20", "20 March 2022", "March 2022", "in March".
    fn month_date(&self, i: usize) -> Option<Hit> {
        // Day first: "20 March 2022", "20th of March"; not an amount ("$12 December 27").
        let money = i > 0 && matches!(self.w(i - 1), "$" | "£" | "€" | "¥");
        if let Some((day, e)) = self.day_at(i).filter(|_| !money) {
            let e2 = if self.is(e, "of") { e + 1 } else { e };
            let (m, e3, _, _) = self.month_at(e2)?;
            let (y, end) = self.opt_year(e3);
            let y = y.or_else(|| self.year_for(m, Some(day), i));
            let v = self.day_value(y, m, day)?;
            return Some(Hit::new(end, TimeType::Date, v));
        }
        // "the second of August".
        if let Some((day, e)) = self.word_day_at(i)
            && self.is(e, "of")
            && let Some((m, e3, _, _)) = self.month_at(e + 1)
        {
            let (y, end) = self.opt_year(e3);
            let y = y.or_else(|| self.year_for(m, Some(day), i));
            let v = self.day_value(y, m, day)?;
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
            let y = y.or_else(|| self.year_for(m, Some(day), i));
            let v = self.day_value(y, m, day)?;
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
            && !(i > 0 && MONTH_CUES.contains(&self.w(i - 1)))
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

    /// An optional ", 2022" / " 2022" after a day and month.
    fn opt_year(&self, e: usize) -> (Option<i32>, usize) {
        let ey = if self.is(e, ",") || self.is(e, "of") {
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
    fn numeric_date(&self, i: usize) -> Option<Hit> {
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
    fn year_expr(&self, i: usize) -> Option<Hit> {
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
        if !(1800..=2100).contains(&y) && !MONTH_CUES.contains(&prev) {
            return None;
        }
        let next = self.w(e);
        if next == "%" || COUNT_NOUNS.contains(&next) {
            return None;
        }
        if self.d.kind(e) == Some(TokenKind::Word)
            && !self.d.capitalised(e)
            && next.len() > 3
            && next.ends_with('s')
            && !MONTH_CUES.contains(&prev)
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

    /// An ordinal at `i`: "3rd", "third", "twenty-first": (value, end).
    fn ordinal_at(&self, i: usize) -> Option<(u32, usize)> {
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

    /// Quarters and halves: "the third quarter", "third-quarter", "Q1 2022", "the first half of
    /// 2022".
    fn quarter_expr(&self, i: usize) -> Option<Hit> {
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
    fn week_of_month(&self, i: usize) -> Option<Hit> {
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

    /// A bare day of month after "on the", "by the", "until the": "on the 18th." — in the
    /// publication month, or the month before or after as the tense says. Needs the clause
    /// to end after it ("on the 18th floor" is no date).
    fn day_of_month(&self, i: usize) -> Option<Hit> {
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

    /// "third quarter", "Q3", "first-half": ("Q3", end).
    fn quarter_code_at(&self, i: usize) -> Option<(String, usize)> {
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

    /// Weekdays: "Thursday", "last Friday", "next Monday", "Monday, March 21".
    fn weekday_expr(&self, i: usize) -> Option<Hit> {
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
            && let Some(h) = self.month_date(e2).or_else(|| self.numeric_date(e2))
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
    fn relative_day(&self, i: usize) -> Option<Hit> {
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
    fn relative_unit(&self, i: usize, det: bool) -> Option<Hit> {
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

    fn season_year(&self, a: NaiveDate, s: &str, shift: i64) -> i32 {
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
    fn season_expr(&self, i: usize) -> Option<Hit> {
        let w = self.w(i);
        let &s = self.lex.seasons.get(w)?;
        let ey = if self.is(i + 1, "of") { i + 2 } else { i + 1 };
        if let Some((y, end)) = self.year_at(ey) {
            return Some(Hit::new(end, TimeType::Date, format!("{y:04}-{s}")).det());
        }
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        if w == "fall" || !(MONTH_CUES.contains(&prev) || prev == "the") {
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

    /// "a week ago", "three years earlier", "two days later", "a month from now".
    fn ago_expr(&self, i: usize) -> Option<Hit> {
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

    /// Durations: "three weeks", "48 hours", "a few days", "two-week", "month-long", "weeks".
    fn duration(&self, i: usize) -> Option<Hit> {
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

    /// Sets: "every day", "each week", "every Monday", "daily", "weekly", "on Mondays".
    fn set_expr(&self, i: usize) -> Option<Hit> {
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
    fn weekday_set(&self, wd: u32, e: usize) -> Hit {
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

    /// "now", "recently", "the past", "the future", "these days", "recent years".
    fn ref_expr(&self, i: usize) -> Option<Hit> {
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

    /// "the early hours of March 21", "the morning of March 3".
    fn part_of(&self, i: usize) -> Option<Hit> {
        let (part, start_mod, e) = match (self.w(i), self.w(i + 1)) {
            ("early" | "small" | "wee", "hours") => ("NI", Some("START"), i + 2),
            (p, _) => (*self.lex.parts.get(p)?, None, i + 1),
        };
        if !self.is(e, "of") {
            return None;
        }
        let h = self.day_expr(e + 1)?;
        if !is_day(&h.value) {
            return None;
        }
        Some(
            Hit::new(h.end, TimeType::Time, format!("{}T{part}", h.value))
                .det()
                .with_mod(start_mod),
        )
    }

    /// Expressions naming one day.
    fn day_expr(&self, i: usize) -> Option<Hit> {
        longest([
            self.month_date(i),
            self.numeric_date(i),
            self.weekday_expr(i),
            self.relative_day(i),
        ])
    }

    /// The longest core expression at `i` (no modifier prefix).
    fn core(&self, i: usize, det: bool) -> Option<Hit> {
        let mut h = longest([
            self.month_date(i),
            self.numeric_date(i),
            self.weekday_expr(i),
            self.relative_day(i),
            self.relative_unit(i, det),
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
            if let Some(&p) = self.lex.parts.get(self.w(e)) {
                if !self.w(e).ends_with('s') {
                    h = Hit::new(e + 1, TimeType::Time, format!("{}T{p}", h.value))
                        .with_mod(h.modifier);
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
                }
            }
        }
        Some(h)
    }

    /// A clock time, joined with a following day: "10 am", "noon Thursday", "14:30 on Monday".
    fn clock_expr(&self, i: usize) -> Option<Hit> {
        let (t, e) = self.clock_at(i)?;
        let e2 = if matches!(self.w(e), "on" | ",") {
            e + 1
        } else {
            e
        };
        if let Some(h) = self.day_expr(e2)
            && is_day(&h.value)
        {
            return Some(Hit::new(h.end, TimeType::Time, format!("{}{t}", h.value)));
        }
        let first = self.d.sent.get(i).copied().unwrap_or(0);
        let day = match self.last_day.get() {
            Some((s, d)) if s == first => Some(d),
            _ => self.anchor,
        };
        let v = match day {
            Some(d) => format!("{}{t}", fmt_day(d)),
            None => format!("XXXX-XX-XX{t}"),
        };
        Some(Hit::new(e, TimeType::Time, v))
    }

    /// An expression at `i`, with its modifier prefix and determiner.
    fn parse(&self, i: usize) -> Option<Hit> {
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
}

impl Hit {
    fn with_mod_force(mut self, m: &'static str) -> Self {
        self.modifier = Some(m);
        self.det = true;
        self
    }
}

/// An hour on a 12-hour clock made 24-hour: `pm` None ("at night") is pm from six on.
fn twelve_hour(hour: u32, pm: Option<bool>) -> u32 {
    let pm = pm.unwrap_or((6..12).contains(&hour));
    match (pm, hour) {
        (true, 12) => 12,
        (true, h) if h < 12 => h + 12,
        (false, 12) => 0,
        (_, h) => h,
    }
}

/// An hour written as a word: "seven" → 7.
fn hour_word(w: &str) -> Option<u32> {
    let v = numwords::unit_or_ten(w)?;
    (1.0..=12.0).contains(&v).then_some(v as u32)
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

fn quarter_code(w: &str) -> Option<&'static str> {
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

/// The order of an ambiguous all-numeric date in this text: day first if some unambiguous
/// numeric date in the text puts the day first.
fn day_first(doc: &Doc<'_>) -> bool {
    let mut dmy = 0i32;
    for i in 0..doc.len().saturating_sub(4) {
        if doc.kind(i) != Some(TokenKind::Number) || !matches!(doc.w(i + 1), "/" | ".") {
            continue;
        }
        if let (Some((a, al)), Some((b, _))) = (doc.int(i), doc.int(i + 2))
            && al <= 2
            && doc.adjacent(i)
            && doc.adjacent(i + 1)
            && doc.w(i + 3) == doc.w(i + 1)
        {
            if a > 12 && b <= 12 {
                dmy += 1;
            } else if b > 12 && a <= 12 {
                dmy -= 1;
            }
        }
    }
    dmy > 0
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
