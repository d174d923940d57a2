//! Number words: the values of single words ("forty", "million", "lakh", "twenty-first"), runs
//! of cardinal words ("three hundred and five"), and a word core with what may follow its run
//! (decimals after "point", a fraction, an ordinal, "dozen").

use super::{Core, Cx, Form};
use crate::numwords;
use crate::types::TokenKind;

/// A run of cardinal words.
#[derive(Debug, Clone, Copy)]
struct Run {
    value: f64,
    end: usize,
    last: Last,
    /// Where the run ends in "and" and a small number: the value before, its multiplier and
    /// the small number ("two million and three" → (2e6, 1e6, 3)).
    head: Option<(f64, f64, f64)>,
    /// The multiplier ending the run, or 1.
    last_big: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Last {
    Start,
    A,
    Unit,
    Ten,
    TenUnit,
    Hundred,
    Big,
    And,
}

/// The value of a single small number word, "zero" to "ninety".
pub(super) fn small(w: &str) -> Option<f64> {
    match w {
        "nought" | "naught" => Some(0.0),
        _ => numwords::unit_or_ten(w),
    }
}

/// The value of one ordinal word, with the large ones and a common misspelling.
pub(super) fn ordinal_word(w: &str) -> Option<f64> {
    match w {
        "billionth" => Some(1e9),
        "trillionth" => Some(1e12),
        "nineth" => Some(9.0),
        _ => numwords::ordinal(&[w]),
    }
}

/// A multiplier of a thousand or more.
pub(super) fn big(w: &str) -> Option<f64> {
    match w {
        "lakh" => Some(1e5),
        "crore" => Some(1e7),
        "hundred" => None,
        _ => numwords::multiplier(w),
    }
}

impl Cx<'_, '_> {
    pub(super) fn word_core(&self, i: usize) -> Option<Core> {
        let lw = self.w(i);
        if !self.lex.starters.contains(lw) {
            return None;
        }
        if let Some(c) = self.vague_core(i) {
            return Some(c);
        }
        match lw {
            "minus" | "negative" => {
                let c = self.core_at(i + 1)?;
                if matches!(c.form, Form::Ordinal | Form::Clock | Form::Decade) {
                    return None;
                }
                return Some(Core {
                    s: i,
                    value: -c.value,
                    ..c
                });
            }
            "a" | "an" => return self.a_core(i),
            "half" | "quarter" => return self.half_core(i),
            _ => {}
        }
        if let Some(c) = self.words_core(i) {
            return Some(c);
        }
        let v = ordinal_word(lw)?;
        Some(Core {
            s: i,
            e: i + 1,
            value: v,
            vague: false,
            form: Form::Ordinal,
            mult: 1.0,
        })
    }

    /// A run of number words with what may follow it: decimals ("point five"), a fraction
    /// ("two thirds", "one and a half"), an ordinal ("twenty-first"), "dozen", a multiplier
    /// after a fraction ("two and a half million").
    pub(super) fn words_core(&self, i: usize) -> Option<Core> {
        let r = self.run_parts(i)?;
        let (mut value, mut e, last) = (r.value, r.end, r.last);
        let mut form = Form::Words;
        let mut mult = 1.0;
        // "two hundred point zero three"
        if self.w(e) == "point"
            && let Some((frac, end)) = self.decimal_words(e + 1)
        {
            value += frac;
            e = end;
        } else {
            let d_at = if self.w(e) == "-" { e + 1 } else { e };
            if let Some(((den, plural), end)) = self.denominator_at(d_at) {
                // "one hundred and three quarters" is 100.75; "two million and three fifths"
                // is 2.6 million.
                if let Some((head, head_mult, tail)) = r.head
                    && (plural || tail == 1.0)
                    && tail < den
                {
                    // "one billion and three quarters million": a smaller multiplier after.
                    let (m, end) = match big(self.w(end)) {
                        Some(m) if m < head_mult => (m, end + 1),
                        _ => (head_mult, end),
                    };
                    return Some(Core {
                        s: i,
                        e: end,
                        value: head + tail / den * m,
                        vague: false,
                        form: Form::Words,
                        mult: 1.0,
                    });
                }
                if plural || value == 1.0 {
                    return Some(self.fraction_mult(Core {
                        s: i,
                        e: end,
                        value: value / den,
                        vague: false,
                        form: Form::Fraction,
                        mult: 1.0,
                    }));
                }
            }
            // "twenty-first", "one hundred and fifth"
            if let Some(o) = ordinal_word(self.w(d_at))
                && ((matches!(last, Last::Ten | Last::Hundred | Last::Big | Last::And) && o < 10.0)
                    || o >= 100.0)
            {
                let v = if o >= 100.0 { value * o } else { value + o };
                return Some(Core {
                    s: i,
                    e: d_at + 1,
                    value: v,
                    vague: false,
                    form: Form::Ordinal,
                    mult: 1.0,
                });
            }
            // "one hundred and first", "a thousand and tenth"
            if self.w(e) == "and"
                && matches!(last, Last::Hundred | Last::Big)
                && let Some(o) = ordinal_word(self.w(e + 1))
                && o < 100.0
            {
                return Some(Core {
                    s: i,
                    e: e + 2,
                    value: value + o,
                    vague: false,
                    form: Form::Ordinal,
                    mult: 1.0,
                });
            }
            // "one and a half", "twenty and three fifths"
            if self.w(e) == "and"
                && let Some(f) = self.small_fraction(e + 1)
            {
                e = f.e;
                if let Some(m) = big(self.w(e)) {
                    e += 1;
                    if r.last_big > m {
                        // "one billion and a half million"
                        value += f.value * m;
                    } else {
                        // "two and a half million"
                        value = (value + f.value) * m;
                        mult = m;
                    }
                } else {
                    // "one million and a half"
                    value += f.value * r.last_big;
                }
            }
        }
        if matches!(self.w(e), "dozen" | "dozens" | "doz" | "dozs" | "dzs") {
            value *= 12.0;
            mult *= 12.0;
            e += 1;
        }
        if form == Form::Words && e == i + 1 && self.w(i) == "one" {
            // "one-off", "one-way", "one-sided": adjectives, not counts.
            if self.w(e) == "-"
                && self.glued(e)
                && self
                    .suffix(
                        e,
                        &Core {
                            s: i,
                            e,
                            value,
                            vague: false,
                            form,
                            mult,
                        },
                        false,
                    )
                    .is_none()
            {
                return None;
            }
            // "no one", "the one": a pronoun, not a count.
            let prev = self.w(i.wrapping_sub(1));
            if i > 0
                && matches!(
                    prev,
                    "no" | "any" | "every" | "which" | "this" | "that" | "the"
                )
                // "that one mile" measures.
                && self.phrase_fwd(&self.lex.units, e).is_none()
            {
                return None;
            }
            form = Form::Words;
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

    /// "zero three", "seventy-one", "five": the decimals after "point".
    fn decimal_words(&self, i: usize) -> Option<(f64, usize)> {
        let mut s = String::from("0.");
        let mut k = i;
        while let Some(v) = small(self.w(k)) {
            let mut v = v;
            k += 1;
            if v >= 20.0 {
                let skip = usize::from(self.w(k) == "-");
                if let Some(u) = small(self.w(k + skip))
                    && (1.0..10.0).contains(&u)
                {
                    v += u;
                    k += skip + 1;
                }
            }
            s.push_str(&format!("{v}"));
        }
        if k == i {
            return None;
        }
        Some((s.parse().ok()?, k))
    }

    /// A well-formed run of cardinal words from piece `i`: value, end and its last element.
    pub(super) fn run(&self, i: usize) -> Option<(f64, usize, Last)> {
        self.run_parts(i).map(|r| (r.value, r.end, r.last))
    }

    fn run_parts(&self, i: usize) -> Option<Run> {
        let mut total = 0.0;
        let mut current = 0.0;
        let mut last = Last::Start;
        let mut last_big = f64::INFINITY;
        let mut j = i;
        let mut end = i;
        // The value before the last "and" and its multiplier, and the small group after it.
        let mut head = 0.0;
        let mut head_mult = 1.0;
        let mut tail_start = i;
        while let Some(pc) = self.p.get(j) {
            let lw: &str = &pc.lower;
            if pc.kind == TokenKind::Punct {
                // "forty-five", "fifty - two"
                if lw == "-"
                    && last == Last::Ten
                    && small(self.w(j + 1)).is_some_and(|u| (1.0..10.0).contains(&u))
                {
                    j += 1;
                    continue;
                }
                break;
            }
            if pc.kind != TokenKind::Word {
                break;
            }
            if let Some(v) = small(lw) {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Big | Last::And => true,
                    Last::Ten => (1.0..10.0).contains(&v),
                    _ => false,
                };
                if !ok {
                    break;
                }
                last = if v >= 20.0 {
                    Last::Ten
                } else if last == Last::Ten {
                    Last::TenUnit
                } else {
                    Last::Unit
                };
                current += v;
            } else if lw == "hundred" {
                if !matches!(last, Last::Unit | Last::Ten | Last::TenUnit | Last::A)
                    || current >= 100.0
                {
                    break;
                }
                current *= 100.0;
                last = Last::Hundred;
            } else if let Some(m) = big(lw) {
                match last {
                    Last::Unit | Last::Ten | Last::TenUnit | Last::A | Last::Hundred => {
                        if m >= last_big {
                            total = (total + current) * m;
                        } else {
                            total += current * m;
                        }
                    }
                    Last::Big if m > last_big && current == 0.0 => total *= m,
                    _ => break,
                }
                current = 0.0;
                last_big = m;
                last = Last::Big;
            } else if lw == "and" {
                if matches!(last, Last::Hundred | Last::Big)
                    && small(self.w(j + 1)).is_some_and(|v| v > 0.0)
                {
                    head = total + current;
                    head_mult = if last == Last::Big { last_big } else { 1.0 };
                    tail_start = j + 1;
                    last = Last::And;
                    j += 1;
                    continue;
                }
                break;
            } else if matches!(lw, "a" | "an")
                && last == Last::Start
                && (self.w(j + 1) == "hundred" || big(self.w(j + 1)).is_some())
            {
                current = 1.0;
                last = Last::A;
            } else {
                break;
            }
            j += 1;
            end = j;
        }
        if matches!(last, Last::Start | Last::A | Last::And) {
            return None;
        }
        let value = total + current;
        let tail_small = tail_start > i
            && (tail_start..end).all(|k| small(self.w(k)).is_some() || self.w(k) == "-");
        Some(Run {
            value,
            end,
            last,
            head: if tail_small {
                Some((head, head_mult, value - head))
            } else {
                None
            },
            last_big: if last == Last::Big { last_big } else { 1.0 },
        })
    }
}
