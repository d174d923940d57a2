//! What a number measures: the unit or currency after it, feet and inches as one length, the
//! value of a time of day, and the typing of a mention into a [`NumberKind`].

use super::lexicon::{Currency, Role, UnitKind};
use super::{Core, Cx, Form};
use crate::types::{NumberKind, TokenKind};

/// The unit or currency after a number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Suffix {
    pub(super) kind: UnitKind,
    pub(super) unit: &'static str,
    pub(super) currency: Option<Currency>,
    /// Extra multiplier ("$1.5m").
    pub(super) mult: f64,
    pub(super) end: usize,
}

impl Cx<'_, '_> {
    /// The unit or currency after a number ending at piece `j`.
    pub(super) fn suffix(&self, j: usize, core: &Core, money_before: bool) -> Option<Suffix> {
        // "19-year-old", "12-cent", "six-mile": a hyphen between number and unit.
        let j = if self.w(j) == "-" && self.glued(j) && self.glued(j + 1) && self.is_word(j + 1) {
            j + 1
        } else {
            j
        };
        let glued = self.glued(j);
        let w = self.w(j);
        // "$1.5m": a million after money; "3.4m people": a million after a decimal.
        if w == "m" && glued && self.raw(j) == "m" {
            let decimal = self.w(core.e.wrapping_sub(1)).contains('.');
            if money_before
                || (decimal && self.lex.roles.get(self.w(j + 1)) != Some(&Role::Dimension))
            {
                return Some(Suffix {
                    kind: UnitKind::Kind(NumberKind::Count),
                    unit: "",
                    currency: None,
                    mult: 1e6,
                    end: j + 1,
                });
            }
        }
        let cur = self
            .phrase_fwd(&self.lex.currencies, j)
            .filter(|(c, _)| c.after);
        let unit = self.phrase_fwd(&self.lex.units, j);
        let single_letter =
            |end: usize| end == j + 1 && w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic();
        if let Some((c, end)) = cur {
            let pounds = matches!(w, "pound" | "pounds") && end == j + 1;
            let weighty = pounds && core.mult == 1.0 && core.value < 1000.0;
            let letter_ok = !single_letter(end) || glued;
            if !weighty && letter_ok && unit.is_none_or(|(_, ue)| ue <= end) {
                return Some(Suffix {
                    kind: UnitKind::Kind(NumberKind::Money),
                    unit: c.iso,
                    currency: Some(c),
                    mult: 1.0,
                    end,
                });
            }
        }
        if let Some(((kind, u), end)) = unit {
            if single_letter(end) && !glued {
                return None;
            }
            return Some(Suffix {
                kind,
                unit: u,
                currency: None,
                mult: 1.0,
                end,
            });
        }
        None
    }

    /// The inches after a length in feet ending at piece `e`: "2 in", "and 3 inches".
    pub(super) fn inches_after(&self, e: usize) -> Option<(f64, usize)> {
        let k = if self.w(e) == "and" { e + 1 } else { e };
        let c = self.core_at(k)?;
        if !matches!(c.form, Form::Plain | Form::Digits | Form::Words)
            || !(0.0..12.0).contains(&c.value)
        {
            return None;
        }
        let u = c.e;
        let end = match self.w(u) {
            "inch" | "inches" => u + 1,
            // "in" is inches only where nothing that it could govern follows.
            "in" => {
                let next = self.w(u + 1);
                let free = self.kind(u + 1).is_none_or(|t| t == TokenKind::Punct)
                    && !matches!(next, "$" | "£" | "€" | "-" | "/");
                let described = matches!(
                    next,
                    "more" | "less" | "tall" | "long" | "high" | "wide" | "deep" | "and" | "or"
                );
                if !(free || described) {
                    return None;
                }
                u + 1
            }
            _ => return None,
        };
        Some((c.value, end))
    }

    pub(super) fn clock_value(&self, core: &Core, value: f64, e: usize) -> f64 {
        let mut v = value;
        if core.form == Form::Plain && self.w(core.s).len() >= 3 {
            // "0700 GMT"
            v = (value / 100.0).floor() + (value % 100.0) / 60.0;
        }
        let pm = (core.e..e).any(|k| matches!(self.w(k), "pm" | "p.m." | "p.m"));
        if pm && v < 12.0 {
            v += 12.0;
        }
        v
    }

    pub(super) fn kind_of(
        &self,
        core: &Core,
        s: usize,
        e: usize,
        unit: Option<(UnitKind, &'static str)>,
        currency: Option<Currency>,
        high: Option<f64>,
    ) -> NumberKind {
        if currency.is_some() {
            return NumberKind::Money;
        }
        match unit {
            Some((UnitKind::Time, _)) => return NumberKind::TimeOfDay,
            Some((UnitKind::Kind(k), _)) if k != NumberKind::Count => return k,
            _ => {}
        }
        let before = core.s.wrapping_sub(1);
        // "Feb. 24": the abbreviation's dot stands between the month and the day.
        let month_near = self.role(before) == Some(Role::Month)
            || (self.w(before) == "." && self.role(before.wrapping_sub(1)) == Some(Role::Month))
            || self.role(core.e) == Some(Role::Month)
            || (self.w(core.e) == "of" && self.role(core.e + 1) == Some(Role::Month));
        let int = core.value.fract() == 0.0;
        match core.form {
            Form::Clock => return NumberKind::TimeOfDay,
            Form::Decade => return NumberKind::Year,
            Form::Fraction => return NumberKind::Share,
            Form::Ordinal => {
                if month_near && (1.0..=31.0).contains(&core.value) {
                    return NumberKind::Date;
                }
                return NumberKind::Ordinal;
            }
            _ => {}
        }
        if s > 0 && self.role(s - 1) == Some(Role::AgePrep) && int && core.value < 130.0 {
            return NumberKind::Age;
        }
        if core.form != Form::Plain {
            return NumberKind::Count;
        }
        if month_near && (1.0..=31.0).contains(&core.value) && self.w(core.s).len() <= 2 {
            return NumberKind::Date;
        }
        let digits = self.w(core.s).len();
        if digits == 4 && (1000.0..=2100.0).contains(&core.value) && (s == core.s || high.is_some())
        {
            let prev_role = self.role(before);
            // "2,000 people" is a count, but "2000 people" is too; a year is followed by
            // punctuation, a capital, or a function word ("in 2005 to", "2003 elections").
            let next_noun = self.is_word(e)
                && !self.p.get(e).is_some_and(|p| p.capital)
                && self.role(e) != Some(Role::YearNext);
            // "between 2014 and 2016"
            let year_range = high.is_some_and(|h| {
                h.fract() == 0.0 && (1000.0..=2100.0).contains(&h) && h - core.value < 100.0
            });
            if matches!(prev_role, Some(Role::YearPrep | Role::Month))
                || year_range
                || self.w(before) == "the"
                || !next_noun
            {
                return NumberKind::Year;
            }
        }
        // "Jane Doe, 19, said": an age in commas after a name.
        if s == core.s
            && s >= 2
            && self.w(s - 1) == ","
            && self
                .p
                .get(s - 2)
                .is_some_and(|p| p.capital && p.kind == TokenKind::Word)
            && matches!(self.w(e), "," | ")")
            && digits <= 3
            && (1.0..=120.0).contains(&core.value)
        {
            return NumberKind::Age;
        }
        NumberKind::Count
    }
}
