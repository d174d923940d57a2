//! Number cores written in digits: clock times ("14:30"), mixed numbers ("2 1/4", "2½"), groups
//! split by spaces ("40 000"), glued suffixes ("21st", "1990s", "40k", "1e10", "1.3x10^6"),
//! multiplier words after digits ("2.1 million", "4 thousand 3 hundred and 21"), and currency
//! codes written onto digits ("USD1.5bn").

use super::digits;
use super::lexicon::Currency;
use super::shares::vulgar;
use super::word_reader::Last;
use super::{Core, Cx, Form};
use crate::types::TokenKind;

impl Cx<'_, '_> {
    pub(super) fn digit_core(&self, i: usize) -> Option<Core> {
        let digits::Digits::Value { mut value, plain } = digits::parse(self.w(i))? else {
            return None;
        };
        let mut e = i + 1;
        let mut form = if plain { Form::Plain } else { Form::Digits };
        let mut mult = 1.0;
        let plain_num = |k: usize| self.is_num(k) && self.w(k).bytes().all(|b| b.is_ascii_digit());
        if plain && self.w(e) == ":" && self.glued(e) && plain_num(e + 1) && self.glued(e + 1) {
            // "14:30"
            let m: f64 = self.w(e + 1).parse().ok()?;
            if value <= 24.0 && self.w(e + 1).len() == 2 && m < 60.0 {
                return Some(Core {
                    s: i,
                    e: e + 2,
                    value: value + m / 60.0,
                    vague: false,
                    form: Form::Clock,
                    mult,
                });
            }
            return None;
        }
        if let Some(f) = self.slash_fraction(i) {
            return Some(f);
        }
        // "2 1/4": a whole number and a fraction.
        if plain
            && plain_num(e)
            && !self.glued(e)
            && let Some(f) = self.slash_fraction(e)
            && f.value < 1.0
        {
            return Some(Core {
                s: i,
                value: value + f.value,
                ..f
            });
        }
        // "2½", "3 ¾": a whole number and a vulgar fraction.
        if plain
            && let Some(f) = vulgar(self.w(e))
            && (self.glued(e) || self.single_space_before(e))
        {
            value += f;
            e += 1;
            form = Form::Digits;
        }
        // "1 234 567", "40 000": groups of three digits after single spaces.
        if form == Form::Plain && self.w(i).len() <= 3 {
            let mut k = e;
            let mut v = value;
            while self.is_num(k)
                && self.single_space_before(k)
                && !(self.w(k + 1) == "/" && self.glued(k + 1))
            {
                // Groups of three digits; the last may carry decimals ("567.89").
                let g = self.w(k);
                let int = g.split('.').next().unwrap_or("");
                let ok = int.len() == 3
                    && int.bytes().all(|b| b.is_ascii_digit())
                    && g.bytes().filter(|&b| b == b'.').count() <= 1
                    && !g.contains(',');
                if !ok {
                    break;
                }
                v = v * 1000.0 + g.parse::<f64>().ok()?;
                k += 1;
                if g.contains('.') {
                    break;
                }
            }
            if k > e {
                value = v;
                e = k;
                form = Form::Digits;
            }
        }
        // Glued suffixes: "21st", "1990s", "40k", "1.5bn", "10M", "1e10".
        if self.is_word(e) && self.glued(e) {
            let raw = self.raw(e);
            let lw = self.w(e);
            if plain && matches!(lw, "st" | "nd" | "rd" | "th") {
                return Some(Core {
                    s: i,
                    e: e + 1,
                    value,
                    vague: false,
                    form: Form::Ordinal,
                    mult,
                });
            }
            if plain && lw == "s" && self.w(i).len() == 4 {
                return Some(Core {
                    s: i,
                    e: e + 1,
                    value,
                    vague: false,
                    form: Form::Decade,
                    mult,
                });
            }
            // "1.3x10^6", "6.23x10^-4"
            if lw == "x10"
                && self.w(e + 1) == "^"
                && self.glued(e + 1)
                && let Some((x, end)) = self.exponent("", e + 1).or_else(|| {
                    (plain_num(e + 2) && self.glued(e + 2) && self.w(e + 2).len() <= 3)
                        .then(|| Some((self.w(e + 2).parse().ok()?, e + 3)))
                        .flatten()
                })
            {
                return Some(Core {
                    s: i,
                    e: end,
                    value: value * 10f64.powi(x),
                    vague: false,
                    form: Form::Digits,
                    mult,
                });
            }
            let m = if raw == "M" || raw == "MM" {
                Some(1e6)
            } else if lw == "m" || lw == "mm" {
                None
            } else {
                self.lex
                    .multipliers
                    .get(lw)
                    .filter(|m| m.glued)
                    .map(|m| m.value)
            };
            if let Some(m) = m {
                value *= m;
                mult *= m;
                e += 1;
                form = Form::Digits;
            } else if let Some(exp) = lw.strip_prefix('e')
                && let Some((x, end)) = self.exponent(exp, e)
            {
                value *= 10f64.powi(x);
                e = end;
                form = Form::Digits;
            }
        } else if self.w(e) == "^" && self.glued(e) {
            // "1.1^23"
            let mut k = e + 1;
            let mut neg = false;
            while matches!(self.w(k), "-" | "+") && self.glued(k) {
                neg ^= self.w(k) == "-";
                k += 1;
            }
            if self.is_num(k) && self.glued(k) {
                let x: f64 = self.w(k).parse().ok()?;
                value = value.powf(if neg { -x } else { x });
                e = k + 1;
                form = Form::Digits;
            }
        }
        // "1,674.5 M": a capital M is a million.
        if self.raw(e) == "M" && !self.glued(e) && mult == 1.0 && !self.is_num(e + 1) {
            value *= 1e6;
            mult = 1e6;
            e += 1;
            form = Form::Digits;
        }
        // Multiplier words: "2.1 million", "13 lakh", "3 dozen".
        let mut last_m = 1.0;
        while self.is_word(e)
            && let Some(m) = self.lex.multipliers.get(self.w(e))
            && m.word
            && !self.glued(e)
        {
            value *= m.value;
            mult *= m.value;
            last_m = m.value;
            e += 1;
            form = Form::Digits;
        }
        // "4 thousand 3 hundred and 21": whole groups of digits and decreasing multiplier words.
        if plain && mult >= 100.0 && last_m >= 100.0 {
            while plain_num(e)
                && !self.glued(e)
                && self.w(e).len() <= 3
                && let Some(m) = self.lex.multipliers.get(self.w(e + 1))
                && m.word
                && m.value >= 100.0
                && m.value < last_m
                && !self.glued(e + 1)
                && let Ok(n) = self.w(e).parse::<f64>()
            {
                value += n * m.value;
                last_m = m.value;
                e += 2;
            }
            // "3 hundred and 21", "3 hundred and one"
            if last_m == 100.0 && self.w(e) == "and" {
                let tail = if plain_num(e + 1) {
                    self.w(e + 1).parse::<f64>().ok().map(|n| (n, e + 2))
                } else {
                    self.run(e + 1)
                        .filter(|r| matches!(r.2, Last::Unit | Last::Ten | Last::TenUnit))
                        .map(|r| (r.0, r.1))
                };
                if let Some((n, end)) = tail
                    && (1.0..100.0).contains(&n)
                    && !(self.glued(end) && self.kind(end) != Some(TokenKind::Punct))
                    && !self.lex.multipliers.contains_key(self.w(end))
                {
                    value += n;
                    e = end;
                }
            }
        }
        // "3 million and a half"
        if mult >= 1000.0
            && self.w(e) == "and"
            && let Some(f) = self.small_fraction(e + 1)
        {
            value += f.value * mult;
            e = f.e;
        }
        Some(Core {
            s: i,
            e,
            value,
            vague: false,
            form,
            mult,
        })
    }

    /// The exponent after "e" in "1e10", "12.32e+14", "-12e-1": its value and the piece after.
    fn exponent(&self, glued_digits: &str, e: usize) -> Option<(i32, usize)> {
        if !glued_digits.is_empty() {
            if glued_digits.bytes().all(|b| b.is_ascii_digit()) && glued_digits.len() <= 3 {
                return Some((glued_digits.parse().ok()?, e + 1));
            }
            return None;
        }
        let sign = self.w(e + 1);
        if matches!(sign, "-" | "+")
            && self.glued(e + 1)
            && self.is_num(e + 2)
            && self.glued(e + 2)
            && self.w(e + 2).len() <= 3
        {
            let x: i32 = self.w(e + 2).parse().ok()?;
            return Some((if sign == "-" { -x } else { x }, e + 3));
        }
        None
    }

    /// "USD115", "USD1.5bn", "Rs500": a currency code written onto its digits at piece `i`.
    pub(super) fn code_core(&self, i: usize) -> Option<(Core, Currency)> {
        // Cheap rejection first: a word ending in a digit, starting with a capital.
        if !self.w(i).as_bytes().last().is_some_and(u8::is_ascii_digit) || !self.is_word(i) {
            return None;
        }
        let raw = self.raw(i);
        if !raw.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
            return None;
        }
        let cut = raw.find(|c: char| c.is_ascii_digit())?;
        let (code, digits) = raw.split_at(cut);
        if !(2..=3).contains(&code.len())
            || !code.bytes().all(|b| b.is_ascii_alphabetic())
            || !code.as_bytes()[0].is_ascii_uppercase()
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let cur = *self
            .lex
            .currencies
            .map
            .get(code.to_ascii_lowercase().as_str())?;
        if !cur.before {
            return None;
        }
        let mut value: f64 = digits.parse().ok()?;
        let mut e = i + 1;
        // "USD115.5"
        if self.w(e) == "."
            && self.glued(e)
            && self.is_num(e + 1)
            && self.glued(e + 1)
            && self.w(e + 1).bytes().all(|b| b.is_ascii_digit())
        {
            value = format!("{digits}.{}", self.w(e + 1)).parse().ok()?;
            e += 2;
        }
        let mut mult = 1.0;
        // "USD1.5bn", "USD40m"
        if self.is_word(e)
            && self.glued(e)
            && let Some(m) = self.lex.multipliers.get(self.w(e)).filter(|m| m.glued)
        {
            mult = m.value;
            e += 1;
        }
        // "USD1.5 million"
        while self.is_word(e)
            && !self.glued(e)
            && let Some(m) = self.lex.multipliers.get(self.w(e)).filter(|m| m.word)
            && m.value >= 100.0
        {
            mult *= m.value;
            e += 1;
        }
        let core = Core {
            s: i,
            e,
            value: value * mult,
            vague: false,
            form: Form::Digits,
            mult,
        };
        Some((core, cur))
    }
}
