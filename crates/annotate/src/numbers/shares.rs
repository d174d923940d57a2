//! Shares and vague quantities: vulgar fractions ("¾"), fractions in digits ("3/4") and in
//! words ("a quarter of", "two-thirds", "half a million"), ratios ("one in five"), and vague
//! words ("dozens", "tens of thousands", "several hundred").

use super::lexicon::Needs;
use super::word_reader::{big, ordinal_word, small};
use super::{Core, Cx, Form};
use crate::types::TokenKind;

/// The value of a vulgar fraction character: "½" → 0.5.
pub(super) fn vulgar(w: &str) -> Option<f64> {
    // Each is U+00BC..U+00BE or U+2150..U+215E: a cheap test of the first byte first.
    if !matches!(w.as_bytes().first(), Some(0xC2 | 0xE2)) {
        return None;
    }
    let v = match w {
        "½" => 1.0 / 2.0,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 1.0 / 4.0,
        "¾" => 3.0 / 4.0,
        "⅕" => 1.0 / 5.0,
        "⅖" => 2.0 / 5.0,
        "⅗" => 3.0 / 5.0,
        "⅘" => 4.0 / 5.0,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅐" => 1.0 / 7.0,
        "⅛" => 1.0 / 8.0,
        "⅜" => 3.0 / 8.0,
        "⅝" => 5.0 / 8.0,
        "⅞" => 7.0 / 8.0,
        "⅑" => 1.0 / 9.0,
        "⅒" => 1.0 / 10.0,
        _ => return None,
    };
    Some(v)
}

/// The denominator named by an ordinal word, and whether it is plural: "thirds" → (3, true).
fn denominator(w: &str) -> Option<(f64, bool)> {
    let single = |w: &str| -> Option<f64> {
        match w {
            "half" => Some(2.0),
            "quarter" => Some(4.0),
            "first" | "second" => None,
            _ => ordinal_word(w),
        }
    };
    if w == "halves" {
        return Some((2.0, true));
    }
    if let Some(v) = single(w) {
        return Some((v, false));
    }
    let stem = w.strip_suffix('s')?;
    single(stem).map(|v| (v, true))
}

impl Cx<'_, '_> {
    /// "one in five", "1 in 5", "one out of three": a share.
    pub(super) fn ratio(&self, c: Core) -> Option<Core> {
        if !matches!(c.form, Form::Plain | Form::Words) || c.value.fract() != 0.0 || c.value < 1.0 {
            return None;
        }
        let over = self.w(c.e) == "over";
        let k = match self.w(c.e) {
            "in" | "over" => c.e + 1,
            "out" if self.w(c.e + 1) == "of" => c.e + 2,
            _ => return None,
        };
        // "one in every five", "two out of every three".
        let k = if !over && self.w(k) == "every" {
            k + 1
        } else {
            k
        };
        let d = match self.kind(k)? {
            TokenKind::Number => self.digit_core(k)?,
            TokenKind::Word => self.word_core(k)?,
            TokenKind::Punct => return None,
        };
        let year_like = d.form == Form::Plain && self.w(k).len() == 4;
        if !matches!(d.form, Form::Plain | Form::Words) || year_like || d.value == 0.0 {
            return None;
        }
        if over {
            // "one over three" is a quotient only where nothing is measured after it: "over 3
            // years" bounds a duration.
            let ends = self.kind(d.e).is_none_or(|k| k == TokenKind::Punct)
                && !matches!(self.w(d.e), "%" | "$" | "€" | "£");
            let money = matches!(self.w(c.s.wrapping_sub(1)), "$" | "€" | "£");
            if !ends || money {
                return None;
            }
        } else if d.value <= c.value {
            return None;
        }
        Some(Core {
            e: d.e,
            value: c.value / d.value,
            form: Form::Fraction,
            ..c
        })
    }

    /// "3/4" at piece `i`.
    pub(super) fn slash_fraction(&self, i: usize) -> Option<Core> {
        let plain_num = |k: usize| self.is_num(k) && self.w(k).bytes().all(|b| b.is_ascii_digit());
        if !(plain_num(i)
            && self.w(i + 1) == "/"
            && self.glued(i + 1)
            && plain_num(i + 2)
            && self.glued(i + 2))
        {
            return None;
        }
        // Dates and paths: "5/17/2018", "a/b/c".
        if (self.w(i + 3) == "/" && self.glued(i + 3))
            || (self.w(i.wrapping_sub(1)) == "/" && self.glued(i))
        {
            return None;
        }
        let a: f64 = self.w(i).parse().ok()?;
        let b: f64 = self.w(i + 2).parse().ok()?;
        if !(2.0..=100.0).contains(&b) || a > 100.0 {
            return None;
        }
        Some(Core {
            s: i,
            e: i + 3,
            value: a / b,
            vague: false,
            form: Form::Fraction,
            mult: 1.0,
        })
    }

    /// "dozens", "hundreds of thousands", "tens of thousands", "several hundred", "scores of".
    pub(super) fn vague_core(&self, i: usize) -> Option<Core> {
        let v = self.lex.vague.get(self.w(i))?;
        // The base of a plural multiplier word ("thousands" → 1000) or a multiplier ("thousand").
        let base_at = |k: usize| -> Option<f64> {
            let w = self.w(k);
            if let Some(v) = self.lex.vague.get(w)
                && v.needs == Needs::Nothing
            {
                return Some(v.base);
            }
            match w {
                "hundred" => Some(100.0),
                "dozen" => Some(12.0),
                _ => big(w),
            }
        };
        let (mut value, mut e) = match v.needs {
            Needs::Nothing => (v.least * v.base, i + 1),
            Needs::Of => {
                if self.w(i + 1) != "of" {
                    return None;
                }
                (v.least * v.base, i + 1)
            }
            Needs::OfMultiplier => {
                let b = base_at(i + 2).filter(|_| self.w(i + 1) == "of")?;
                (v.least * v.base * b, i + 3)
            }
            Needs::Multiplier => (v.least * base_at(i + 1)?, i + 2),
        };
        // "several hundred thousand", "hundreds of thousands".
        let last_base = value / v.least;
        if let Some(b) = base_at(e).filter(|&b| b > last_base) {
            value *= b;
            e += 1;
        } else if self.w(e) == "of"
            && let Some(b) = base_at(e + 1).filter(|&b| b > last_base && b >= 1000.0)
            && self.w(e + 1).ends_with('s')
        {
            value *= b;
            e += 2;
        }
        Some(Core {
            s: i,
            e,
            value,
            vague: true,
            form: Form::Words,
            mult: 1.0,
        })
    }

    /// "a hundred", "a dozen", "a quarter", "a third of", "a fifth".
    pub(super) fn a_core(&self, i: usize) -> Option<Core> {
        let next = self.w(i + 1);
        if next == "hundred" || big(next).is_some() {
            return self.words_core(i);
        }
        if matches!(next, "dozen" | "doz") {
            return Some(Core {
                s: i,
                e: i + 2,
                value: 12.0,
                vague: false,
                form: Form::Words,
                mult: 12.0,
            });
        }
        let (den, end) = self.denominator_at(i + 1)?;
        if den.1 {
            return None;
        }
        let after = self.w(end);
        let clear = matches!(self.w(i + 1), "half" | "quarter")
            || after == "of"
            || after.is_empty()
            || self.kind(end) == Some(TokenKind::Punct);
        if !clear {
            return None;
        }
        Some(self.fraction_mult(Core {
            s: i,
            e: end,
            value: 1.0 / den.0,
            vague: false,
            form: Form::Fraction,
            mult: 1.0,
        }))
    }

    /// "half of", "half a dozen", "half a million", "quarter million".
    pub(super) fn half_core(&self, i: usize) -> Option<Core> {
        let value = if self.w(i) == "half" { 0.5 } else { 0.25 };
        let core = Core {
            s: i,
            e: i + 1,
            value,
            vague: false,
            form: Form::Fraction,
            mult: 1.0,
        };
        let multiplied = self.fraction_mult(core);
        if multiplied.e > core.e {
            return Some(multiplied);
        }
        let next = self.w(i + 1);
        let prev = self.w(i.wrapping_sub(1));
        let bounded = i > 0
            && matches!(
                prev,
                "than"
                    | "nearly"
                    | "almost"
                    | "about"
                    | "around"
                    | "roughly"
                    | "over"
                    | "under"
                    | "least"
                    | "most"
                    | "some"
                    | "approximately"
                    | "only"
                    | "just"
            );
        if next == "of" || bounded {
            return Some(core);
        }
        None
    }

    /// A fraction followed by a multiplier: "half a million", "a quarter of a million",
    /// "half a dozen", "quarter million".
    pub(super) fn fraction_mult(&self, c: Core) -> Core {
        let mut k = c.e;
        if self.w(k) == "of" {
            k += 1;
        }
        if matches!(self.w(k), "a" | "an") {
            k += 1;
        }
        let m = match self.w(k) {
            "dozen" => Some(12.0),
            "hundred" => Some(100.0),
            w => big(w),
        };
        match m {
            Some(m) if k > c.e || self.w(k) != "dozen" => Core {
                e: k + 1,
                value: c.value * m,
                form: Form::Words,
                mult: m,
                ..c
            },
            _ => c,
        }
    }

    /// A denominator at piece `i`: an ordinal word, maybe compound ("twenty-fifths").
    /// Returns ((value, plural), end).
    pub(super) fn denominator_at(&self, i: usize) -> Option<((f64, bool), usize)> {
        let mut k = i;
        let mut prefix = 0.0;
        if let Some(v) = small(self.w(k))
            && v >= 20.0
            && v % 10.0 == 0.0
        {
            prefix = v;
            k += 1;
            if self.w(k) == "-" {
                k += 1;
            }
        }
        let w = self.w(k);
        let (v, plural) = match denominator(w) {
            Some(d) => d,
            None if prefix > 0.0 => {
                // "twenty-first": first and second only count inside a compound.
                let stem = w.strip_suffix('s').unwrap_or(w);
                match stem {
                    "first" => (1.0, stem.len() < w.len()),
                    "second" => (2.0, stem.len() < w.len()),
                    _ => return None,
                }
            }
            None => return None,
        };
        let den = if prefix > 0.0 {
            if v >= 10.0 {
                return None;
            }
            prefix + v
        } else {
            v
        };
        Some(((den, plural), k + 1))
    }

    /// A fraction of one: "a half", "a quarter", "three fifths", "one third".
    pub(super) fn small_fraction(&self, i: usize) -> Option<Core> {
        let (num, k) = if matches!(self.w(i), "a" | "an") {
            (1.0, i + 1)
        } else {
            let (v, e, _) = self.run(i)?;
            (v, e)
        };
        let k = if self.w(k) == "-" { k + 1 } else { k };
        let ((den, plural), end) = self.denominator_at(k)?;
        if !(plural || num == 1.0) || num >= den {
            return None;
        }
        Some(Core {
            s: i,
            e: end,
            value: num / den,
            vague: false,
            form: Form::Fraction,
            mult: 1.0,
        })
    }
}
