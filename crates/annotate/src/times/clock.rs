//! Clock times, zones and parts of the day.
//!
//! Owns: "10:30", "7:56:30", "0700 GMT", "1430 hours", "8.30 pm", "seven o'clock", "half past
//! seven", "a quarter to six", "noon", "in the morning", "at night", time zones and "local
//! time"; a clock time joined with a day ("10 am Thursday") or the last day named in its
//! sentence; and "the morning of March 3".

use super::anchor::{fmt_day, is_day};
use super::{Hit, P};
use crate::numwords;
use crate::types::{TimeType, TokenKind};

impl<'a, 't> P<'a, 't> {
    /// A clock time at `i`: ("T10:30", end).
    pub(super) fn clock_at(&self, i: usize) -> Option<(String, usize)> {
        let w = self.w(i);
        if w == "noon" || w == "midday" || w == "noonish" {
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
        // A word hour is a time when a part of the day follows: "one in the morning".
        let word_hour = self.d.int(i).is_none() && !with_min;
        // "at 6.45", "at 17.30": a dotted time after "at" that no word follows.
        if with_min
            && needs_marker
            && self.d.int(i).is_none()
            && i > 0
            && self.is(i - 1, "at")
            && (self.d.kind(i + 1) != Some(TokenKind::Word) || self.place_time_at(i + 1))
            && !matches!(self.w(i + 1), "%" | "-")
        {
            needs_marker = false;
        }
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
            && (self.w(end) == ":" || self.d.int(end + 1).is_some())
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
        // "11ish".
        if hlen <= 2 && !needs_marker && self.d.adjacent(end - 1) && self.is(end, "ish") {
            end += 1;
            marked = true;
        }
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
            && (with_min || word_hour || self.clock_prep(i))
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
        } else if (self.w(end) == "local" && self.is(end + 1, "time")) || self.place_time_at(end) {
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

    /// "Kyiv time", "Beijing time": a capitalised place name and "time" at `i`.
    fn place_time_at(&self, i: usize) -> bool {
        self.d.kind(i) == Some(TokenKind::Word) && self.d.capitalised(i) && self.is(i + 1, "time")
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

    /// "am", "pm", "a.m.", "p.m.", "9.am", and the spaced "p . m ." of machine-translated
    /// copies: (is pm, end).
    pub(super) fn ampm_at(&self, i: usize) -> Option<(bool, usize)> {
        let w = self.w(i);
        if w == "." && i > 0 && self.d.adjacent(i - 1) && self.d.adjacent(i) {
            return self.ampm_at(i + 1).filter(|_| {
                matches!(self.w(i + 1), "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m")
            });
        }
        if matches!(w, "a" | "p")
            && !self.d.adjacent(i)
            && self.is(i + 1, ".")
            && self.is(i + 2, "m")
            && self.is(i + 3, ".")
        {
            return Some((w == "p", i + 4));
        }
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

    /// A clock time, joined with a following day: "10 am", "noon Thursday", "14:30 on Monday".
    pub(super) fn clock_expr(&self, i: usize) -> Option<Hit> {
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
        let v = self.on_sentence_day(i, &t);
        Some(Hit::new(e, TimeType::Time, v))
    }

    /// "the early hours of March 21", "the morning of March 3".
    pub(super) fn part_of(&self, i: usize) -> Option<Hit> {
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
}

impl<'a, 't> P<'a, 't> {
    /// A clock time after a part of the day (`part`, a TIMEX3 code) from token `e`: "tonight
    /// around 7", "Sunday evening at 10:00", "in the morning at 7". A bare hour needs "at",
    /// "around" or "about"; the part makes it am or pm unless "am"/"pm" is written. Without
    /// a part ("Friday the 26th at 4") the hour stays as written.
    pub(super) fn clock_after_part(&self, part: Option<&str>, e: usize) -> Option<(String, usize)> {
        let k = if matches!(self.w(e), "at" | "around" | "about") {
            e + 1
        } else {
            return None;
        };
        let (mut hour, min, end, written) = match self.clock_at(k) {
            Some((t, end)) => {
                let hour: u32 = t.get(1..3)?.parse().ok()?;
                let min: u32 = t.get(4..6)?.parse().ok()?;
                let written = (k..end).any(|j| self.ampm_at(j).is_some()) || t.len() > 6;
                (hour, min, end, written)
            }
            None => {
                let (h, len) = self.d.int(k)?;
                if len > 2 || !(1..=12).contains(&h) || self.d.kind(k + 1) == Some(TokenKind::Word)
                {
                    return None;
                }
                (h, 0, k + 1, false)
            }
        };
        if !written && (1..=12).contains(&hour) {
            hour = match part {
                Some("MO") => twelve_hour(hour, Some(false)),
                Some("AF" | "EV") => twelve_hour(hour, Some(true)),
                Some("NI") => twelve_hour(hour, None),
                _ => hour,
            };
        }
        Some((format!("T{hour:02}:{min:02}"), end))
    }

    /// Clock time `t` ("T10:30") on the day last named in the sentence of token `i`, else on
    /// the anchor, else on an unknown day.
    fn on_sentence_day(&self, i: usize, t: &str) -> String {
        let first = self.d.sent.get(i).copied().unwrap_or(0);
        let day = match self.last_day.get() {
            Some((s, d)) if s == first => Some(d),
            _ => self.anchor,
        };
        match day {
            Some(d) => format!("{}{t}", fmt_day(d)),
            None => format!("XXXX-XX-XX{t}"),
        }
    }

    /// "in the morning at 7": the clock time, on the day last named in the sentence or the
    /// anchor.
    pub(super) fn part_then_clock(&self, i: usize) -> Option<Hit> {
        let &part = self.lex.parts.get(self.w(i))?;
        if i < 2 || !self.is(i - 1, "the") || !self.is(i - 2, "in") {
            return None;
        }
        let (t, end) = self.clock_after_part(Some(part), i + 1)?;
        let v = self.on_sentence_day(i, &t);
        Some(Hit::new(end, TimeType::Time, v))
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
