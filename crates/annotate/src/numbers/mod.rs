//! Numbers: digits ("14,000", "2.1 million", "1.5bn", "40k", "2,90,000", "4 thousand 3 hundred",
//! "2½", "1.3x10^6"), number words ("forty-five", "three hundred and five"), currency codes on
//! digits ("USD1.5bn"), shares ("a quarter of", "one in five", "¾"), vague
//! quantities ("dozens", "tens of thousands"), modifiers ("at least", "nearly", "up to", "30+") and
//! ranges ("between 1,300 and 1,500", "5-10"), each typed by what it measures ([`NumberKind`]:
//! count, year, age, time of day, date, ordinal, percent, money, distance, duration, share,
//! other measure) with its unit.
//!
//! Entry point: [`NumberTagger::find`], over the tokens of [`crate::text::tokenize`]. The tagger
//! owns the lexicons in `data/numbers/` (modifiers, vague words, multipliers, units, currencies,
//! context words), compiled in and parsed once by [`NumberTagger::new`].
//!
//! How it works: one pass over "pieces" (tokens, with hyphenated words split at their hyphens).
//! At each piece it tries a number core (digits with a glued or following multiplier, a run of
//! number words, a fraction, a vague word), then widens it backwards over a currency sign and a
//! modifier phrase, and forwards over a unit or currency, a second number making a range, and a
//! trailing modifier ("or more"). Lexicon look-ups are hash-map look-ups; there are no regexes.
//!
//! Values: a range's `value` is its low end; a share is a fraction (0.25); a percent is the
//! number written (40 for "40%"); money is in whole units of its ISO 4217 currency ("50 cents"
//! is 0.5 USD); a time of day is in hours (14.5 for "14:30", 22 for "10 pm"); a vague word is
//! the least it implies ("dozens" 24). Designations ("F-16", "AK-47") and numbers inside web
//! addresses are left out.
//!
//! It must never do I/O, and never panic on any input: every index into the pieces is checked.

mod digits;
mod lexicon;

#[cfg(test)]
mod tests;

use std::borrow::Cow;

#[cfg(test)]
use digits::group_thousands;

use crate::numwords;
use crate::types::{NumberKind, NumberMention, NumberModifier, Token, TokenKind};
use lexicon::{Currency, Lexicon, Needs, Phrases, Role, UnitKind};

/// Finds numbers in text. Build once, use for many texts.
#[derive(Debug)]
pub struct NumberTagger {
    lex: Lexicon,
}

impl Default for NumberTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl NumberTagger {
    pub fn new() -> Self {
        NumberTagger {
            lex: Lexicon::load(),
        }
    }

    /// Every number in `text`, in text order, without overlaps.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<NumberMention> {
        let p = pieces(text, tokens);
        let cx = Cx {
            p: &p,
            lex: &self.lex,
            text,
        };
        let mut out = Vec::new();
        let mut i = 0;
        let mut floor = 0;
        while i < p.len() {
            // Web addresses: "https://example.org/a?q=30%25" holds no numbers worth reporting.
            if matches!(&*p[i].lower, "http" | "https" | "www")
                && p.get(i + 1)
                    .is_some_and(|n| n.glued && matches!(&*n.lower, ":" | "."))
            {
                i += 1;
                while p.get(i).is_some_and(|n| n.glued) {
                    i += 1;
                }
                floor = i;
                continue;
            }
            if p[i].kind == TokenKind::Number
                && let Some(digits::Digits::List(parts)) = digits::parse(&p[i].lower)
            {
                // "192.168.1.2", "22,24,26": each part is a number of its own.
                for (a, b) in parts {
                    if let Some(value) = p[i].lower.get(a..b).and_then(|s| s.parse().ok()) {
                        out.push(NumberMention {
                            start: p[i].start + a,
                            end: p[i].start + b,
                            value,
                            high: None,
                            modifier: NumberModifier::Exact,
                            kind: NumberKind::Count,
                            unit: None,
                            vague: false,
                        });
                    }
                }
                i += 1;
                floor = i;
                continue;
            }
            match cx.mention_at(i, floor) {
                Some((m, end)) if end > i => {
                    out.push(m);
                    i = end;
                    floor = end;
                }
                _ => i += 1,
            }
        }
        out
    }
}

/// A token, or a part of a hyphenated word (the hyphen is a piece of its own).
#[derive(Debug)]
struct Piece<'t> {
    start: usize,
    end: usize,
    kind: TokenKind,
    /// Lower-cased text; every dash-like hyphen is "-".
    lower: Cow<'t, str>,
    /// Written right after the previous piece, without space.
    glued: bool,
    /// Starts with a capital letter.
    capital: bool,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn pieces<'t>(text: &'t str, tokens: &[Token]) -> Vec<Piece<'t>> {
    let mut out: Vec<Piece<'t>> = Vec::with_capacity(tokens.len() + tokens.len() / 8);
    let push = |out: &mut Vec<Piece<'t>>, start: usize, end: usize, kind: TokenKind| {
        let Some(s) = text.get(start..end) else {
            return;
        };
        if s.is_empty() {
            return;
        }
        let glued = out.last().is_some_and(|p| p.end == start);
        let capital = s.chars().next().is_some_and(char::is_uppercase);
        let lower = if kind == TokenKind::Punct && s.chars().all(is_hyphen) {
            Cow::Borrowed("-")
        } else {
            lower(s)
        };
        out.push(Piece {
            start,
            end,
            kind,
            lower,
            glued,
            capital,
        });
    };
    for t in tokens {
        let Some(s) = text.get(t.start..t.end) else {
            continue;
        };
        if t.kind == TokenKind::Word && s.chars().any(is_hyphen) {
            let mut seg = t.start;
            for (k, c) in s.char_indices() {
                if is_hyphen(c) {
                    push(&mut out, seg, t.start + k, TokenKind::Word);
                    push(
                        &mut out,
                        t.start + k,
                        t.start + k + c.len_utf8(),
                        TokenKind::Punct,
                    );
                    seg = t.start + k + c.len_utf8();
                }
            }
            push(&mut out, seg, t.end, TokenKind::Word);
        } else {
            push(&mut out, t.start, t.end, t.kind);
        }
    }
    out
}

/// What a number core is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// Digits without separators or decimals: "2014", "0700".
    Plain,
    /// Other digits, or digits with a multiplier: "14,000", "2.1 million".
    Digits,
    /// Number words: "forty-five".
    Words,
    Ordinal,
    /// A fraction or a ratio: "two-thirds", "3/4", "one in five".
    Fraction,
    /// "14:30".
    Clock,
    /// "1990s".
    Decade,
}

/// A number without its context: pieces `s..e`.
#[derive(Debug, Clone, Copy)]
struct Core {
    s: usize,
    e: usize,
    value: f64,
    vague: bool,
    form: Form,
    /// The multiplier written with it ("million" → 1e6), or 1.
    mult: f64,
}

/// The unit or currency after a number.
#[derive(Debug, Clone, Copy)]
struct Suffix {
    kind: UnitKind,
    unit: &'static str,
    currency: Option<Currency>,
    /// Extra multiplier ("$1.5m").
    mult: f64,
    end: usize,
}

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
enum Last {
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
fn small(w: &str) -> Option<f64> {
    match w {
        "nought" | "naught" => Some(0.0),
        _ => numwords::unit_or_ten(w),
    }
}

/// Rounds away the noise of binary fractions times a multiplier: 8.2 × 1e9 is 8200000000, not
/// 8199999999.999999.
fn tidy(v: f64) -> f64 {
    if v.abs() >= 1.0 && v.abs() < 1e15 {
        let r = v.round();
        // Only the noise of the last digits: "1,234,567.89" keeps its cents.
        if (v - r).abs() <= 1e-12 * v.abs() {
            return r;
        }
    }
    v
}

/// The value of one ordinal word, with the large ones and a common misspelling.
fn ordinal_word(w: &str) -> Option<f64> {
    match w {
        "billionth" => Some(1e9),
        "trillionth" => Some(1e12),
        "nineth" => Some(9.0),
        _ => numwords::ordinal(&[w]),
    }
}

/// The value of a vulgar fraction character: "½" → 0.5.
fn vulgar(w: &str) -> Option<f64> {
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

/// A multiplier of a thousand or more.
fn big(w: &str) -> Option<f64> {
    match w {
        "lakh" => Some(1e5),
        "crore" => Some(1e7),
        "hundred" => None,
        _ => numwords::multiplier(w),
    }
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

const DIMENSION_WORDS: &[&str] = &[
    "tall", "long", "high", "wide", "deep", "away", "thick", "across", "above", "below", "high,",
];

struct Cx<'a, 't> {
    p: &'a [Piece<'t>],
    lex: &'a Lexicon,
    text: &'t str,
}

impl Cx<'_, '_> {
    fn w(&self, i: usize) -> &str {
        self.p.get(i).map_or("", |p| p.lower.as_ref())
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.p.get(i).map(|p| p.kind)
    }

    fn glued(&self, i: usize) -> bool {
        self.p.get(i).is_some_and(|p| p.glued)
    }

    fn raw(&self, i: usize) -> &str {
        self.p
            .get(i)
            .and_then(|p| self.text.get(p.start..p.end))
            .unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    fn is_num(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    fn role(&self, i: usize) -> Option<Role> {
        let r = *self.lex.roles.get(self.w(i))?;
        // Month names must be capitalised ("May", not "may").
        if r == Role::Month && !self.p.get(i).is_some_and(|p| p.capital) {
            return None;
        }
        Some(r)
    }

    /// The longest phrase of `table` starting at piece `i`, and the piece after it.
    fn phrase_fwd<V: Copy>(&self, table: &Phrases<V>, i: usize) -> Option<(V, usize)> {
        let mut key = String::new();
        let mut best = None;
        for k in 0..table.max_words {
            let Some(p) = self.p.get(i + k) else {
                break;
            };
            if k > 0 {
                key.push(' ');
            }
            key.push_str(&p.lower);
            if let Some(v) = table.map.get(key.as_str()) {
                best = Some((*v, i + k + 1));
            }
        }
        best
    }

    /// The longest phrase of `table` ending just before piece `end` and starting at or after
    /// `floor`, and its first piece.
    fn phrase_back<V: Copy>(
        &self,
        table: &Phrases<V>,
        end: usize,
        floor: usize,
    ) -> Option<(V, usize)> {
        for len in (1..=table.max_words).rev() {
            if end < floor + len {
                continue;
            }
            let s = end - len;
            let mut key = String::new();
            for k in s..end {
                if k > s {
                    key.push(' ');
                }
                key.push_str(self.w(k));
            }
            if let Some(v) = table.map.get(key.as_str()) {
                return Some((*v, s));
            }
        }
        None
    }

    fn core_at(&self, i: usize) -> Option<Core> {
        let core = match self.kind(i)? {
            TokenKind::Number => self.digit_core(i)?,
            TokenKind::Word => self.word_core(i)?,
            TokenKind::Punct => {
                // "¾", "½ of": a vulgar fraction written alone.
                let value = vulgar(self.w(i))?;
                return Some(self.fraction_mult(Core {
                    s: i,
                    e: i + 1,
                    value,
                    vague: false,
                    form: Form::Fraction,
                    mult: 1.0,
                }));
            }
        };
        Some(self.ratio(core).unwrap_or(core))
    }

    /// "one in five", "1 in 5", "one out of three": a share.
    fn ratio(&self, c: Core) -> Option<Core> {
        if !matches!(c.form, Form::Plain | Form::Words) || c.value.fract() != 0.0 || c.value < 1.0 {
            return None;
        }
        let over = self.w(c.e) == "over";
        let k = match self.w(c.e) {
            "in" | "over" => c.e + 1,
            "out" if self.w(c.e + 1) == "of" => c.e + 2,
            _ => return None,
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

    fn digit_core(&self, i: usize) -> Option<Core> {
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

    fn single_space_before(&self, k: usize) -> bool {
        let (Some(a), Some(b)) = (self.p.get(k.wrapping_sub(1)), self.p.get(k)) else {
            return false;
        };
        matches!(
            self.text.get(a.end..b.start),
            Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}")
        )
    }

    /// "3/4" at piece `i`.
    fn slash_fraction(&self, i: usize) -> Option<Core> {
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

    fn word_core(&self, i: usize) -> Option<Core> {
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

    /// "dozens", "hundreds of thousands", "tens of thousands", "several hundred", "scores of".
    fn vague_core(&self, i: usize) -> Option<Core> {
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
    fn a_core(&self, i: usize) -> Option<Core> {
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
    fn half_core(&self, i: usize) -> Option<Core> {
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
    fn fraction_mult(&self, c: Core) -> Core {
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
    fn denominator_at(&self, i: usize) -> Option<((f64, bool), usize)> {
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

    /// A run of number words with what may follow it: decimals ("point five"), a fraction
    /// ("two thirds", "one and a half"), an ordinal ("twenty-first"), "dozen", a multiplier
    /// after a fraction ("two and a half million").
    fn words_core(&self, i: usize) -> Option<Core> {
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

    /// A fraction of one: "a half", "a quarter", "three fifths", "one third".
    fn small_fraction(&self, i: usize) -> Option<Core> {
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
    fn run(&self, i: usize) -> Option<(f64, usize, Last)> {
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

    /// The unit or currency after a number ending at piece `j`.
    fn suffix(&self, j: usize, core: &Core, money_before: bool) -> Option<Suffix> {
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
            if money_before || (decimal && !DIMENSION_WORDS.contains(&self.w(j + 1))) {
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

    /// "USD115", "USD1.5bn", "Rs500": a currency code written onto its digits at piece `i`.
    fn code_core(&self, i: usize) -> Option<(Core, Currency)> {
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

    /// The inches after a length in feet ending at piece `e`: "2 in", "and 3 inches".
    fn inches_after(&self, e: usize) -> Option<(f64, usize)> {
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

    fn mention_at(&self, i: usize, floor: usize) -> Option<(NumberMention, usize)> {
        // Designations: "F-16", "AK-47", "S-300", "Covid-19" name things; they count nothing.
        if i >= 2
            && self.is_num(i)
            && self.glued(i)
            && self.w(i - 1) == "-"
            && self.glued(i - 1)
            && self.is_word(i - 2)
            && self
                .p
                .get(i - 2)
                .is_some_and(|p| p.capital && p.end - p.start <= 5)
        {
            return None;
        }
        let (mut core, coded) = match self.core_at(i) {
            Some(c) => (c, None),
            None => {
                let (c, cur) = self.code_core(i)?;
                (c, Some(cur))
            }
        };
        let mut s = core.s;
        // A minus sign: "-5", not "2014-15" or "Kremlin-5".
        if s > floor
            && self.w(s - 1) == "-"
            && self.glued(s)
            && self.is_num(s)
            && (s < 2 || !self.glued(s - 1) || self.kind(s - 2) == Some(TokenKind::Punct))
            && !(s >= 2 && self.is_num(s - 2))
        {
            core.value = -core.value;
            s -= 1;
            core.s = s;
        }
        // ".08": a decimal written without its zero.
        if core.form == Form::Plain
            && s > floor
            && s == core.s
            && self.w(s - 1) == "."
            && self.glued(s)
            && !self.glued(s - 1)
            && let Ok(v) = format!("0.{}", self.w(s)).parse::<f64>()
        {
            core.value = v;
            core.form = Form::Digits;
            s -= 1;
            core.s = s;
        }
        // Currency before: "$", "US$", "€", "c $".
        let mut currency = coded;
        let mut before = if currency.is_some() {
            None
        } else {
            self.phrase_back(&self.lex.currencies, s, floor)
        };
        if let Some((_, cs)) = before
            && matches!(self.raw(cs), "a" | "an")
            && !self.glued(cs + 1)
        {
            // "a $900m loan": the article, not the Australian dollar ("A$").
            before = self.phrase_back(&self.lex.currencies, s, cs + 1);
        }
        if let Some((c, cs)) = before
            && c.before
            && self.w(cs) != "pound"
        {
            currency = Some(c);
            s = cs;
        }
        let mut value = core.value;
        let mut e = core.e;
        let mut kind_unit: Option<(UnitKind, &'static str)> = None;
        // An ordinal takes no unit: "the 15th-century bridge".
        let sfx = if core.form == Form::Ordinal {
            None
        } else {
            self.suffix(e, &core, currency.is_some())
        };
        if let Some(sfx) = sfx {
            if sfx.mult != 1.0 {
                value *= sfx.mult;
                core.mult *= sfx.mult;
                e = sfx.end;
                if let Some(s2) = self.suffix(e, &core, currency.is_some())
                    && s2.currency.is_some()
                    && currency.is_none()
                {
                    currency = s2.currency;
                    e = s2.end;
                }
            } else if let Some(c) = sfx.currency {
                if currency.is_none() {
                    currency = Some(c);
                }
                e = sfx.end;
                // "75 USD million"
                if core.mult == 1.0
                    && let Some(m) = big(self.w(e))
                {
                    value *= m;
                    core.mult = m;
                    e += 1;
                }
            } else {
                kind_unit = Some((sfx.kind, sfx.unit));
                e = sfx.end;
            }
        }
        // "5 ft 2 in", "6 feet and 3 inches": feet and inches make one length (in feet).
        if currency.is_none()
            && let Some((UnitKind::Kind(NumberKind::Distance), "ft")) = kind_unit
            && let Some((inches, end)) = self.inches_after(e)
        {
            value += inches / 12.0;
            e = end;
        }
        // "convert - 20 degrees fahrenheit": a spaced minus before a temperature, after a word.
        if s == core.s
            && s >= floor + 2
            && value > 0.0
            && self.is_num(s)
            && self.w(s - 1) == "-"
            && !self.glued(s)
            && !self.glued(s - 1)
            && self.is_word(s - 2)
            && !self.p.get(s - 2).is_some_and(|p| p.capital)
            && matches!(kind_unit, Some((_, "degC" | "degF")))
        {
            value = -value;
            s -= 1;
        }
        if let Some(c) = currency {
            value *= c.scale;
            // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
            if c.scale == 1.0 {
                let k = if self.w(e) == "and" { e + 1 } else { e };
                if let Some(c2) = self.core_at(k)
                    && c2.value < 100.0
                    && let Some(s2) = self.suffix(c2.e, &c2, false)
                    && let Some(cur2) = s2.currency
                    && cur2.iso == c.iso
                    && cur2.scale == 0.01
                {
                    value += c2.value * 0.01;
                    e = s2.end;
                } else if let Some(c2) = self.core_at(k)
                    && ((c2.form == Form::Plain && self.w(k).len() == 2)
                        || (c2.form == Form::Words
                            && c2.value.fract() == 0.0
                            && (1.0..100.0).contains(&c2.value)))
                    && e > core.e
                    && self.kind(c2.e).is_none_or(|t| t == TokenKind::Punct)
                    && !matches!(self.w(c2.e), "%" | "$" | "€" | "£" | "-" | "/" | ":")
                {
                    // "15 dollars 50.", "thirteen dollars forty-five": a small number ending
                    // the phrase after the currency word gives its cents.
                    value += c2.value * 0.01;
                    e = c2.e;
                }
            }
        }
        // "percent of 10"
        if kind_unit.is_none()
            && currency.is_none()
            && s >= floor + 2
            && self.w(s - 1) == "of"
            && let Some(((UnitKind::Kind(NumberKind::Percent), u), ps)) =
                self.phrase_back(&self.lex.units, s - 1, floor)
        {
            kind_unit = Some((UnitKind::Kind(NumberKind::Percent), u));
            s = ps;
        }

        // Modifiers and range openers before.
        let mut modifier = NumberModifier::Exact;
        let mut opener = None;
        if s > floor && matches!(self.w(s - 1), "between" | "from") {
            opener = Some(s - 1);
        } else if core.form == Form::Ordinal
            && s > floor + 1
            && self.w(s - 1) == "the"
            && matches!(self.w(s - 2), "between" | "from")
        {
            // "between the tenth and the fifteenth"
            opener = Some(s - 2);
        }
        let mut high = None;
        // A range: "between X and Y", "X to Y", "X-Y", "from X to Y".
        if let Some((h, end, unit2, cur2)) =
            self.range_end(e, &core, value, opener, kind_unit, currency)
        {
            if h.1 > 1.0 && core.mult == 1.0 && value * h.1 < h.0 {
                value *= h.1;
            }
            high = Some(h.0);
            modifier = NumberModifier::Range;
            e = end;
            if kind_unit.is_none() {
                kind_unit = unit2;
            }
            if currency.is_none() {
                currency = cur2;
            }
            if let Some(o) = opener {
                s = o;
            }
        }
        if modifier == NumberModifier::Exact {
            if let Some((m, ms)) = self.phrase_back(&self.lex.modifiers_before, s, floor)
                // "<>30", "=>30": a comparison sign glued after another is no bound we know.
                && !(ms > 0
                    && self.kind(ms) == Some(TokenKind::Punct)
                    && self.glued(ms)
                    && matches!(self.w(ms - 1), "<" | ">" | "="))
            {
                modifier = m;
                s = ms;
            }
            // Two bounds: "more than 10 and less than 20".
            if let Some((lo, h, end)) = self.bounded_pair(e, modifier, value) {
                value = lo;
                high = Some(h);
                modifier = NumberModifier::Range;
                e = end;
            } else if let Some((m, me)) = self.phrase_fwd(&self.lex.modifiers_after, e)
                && matches!(
                    modifier,
                    NumberModifier::Exact | NumberModifier::Approximately
                )
                // "5000 or less than 6000" bounds the second number, not the first.
                && !(matches!(self.w(me), "than" | "to") && self.core_at(me + 1).is_some())
                && !self.is_num(me)
            {
                modifier = m;
                e = if matches!(self.w(me), "than" | "to") {
                    me + 1
                } else {
                    me
                };
            } else if modifier == NumberModifier::Exact
                && self.w(e) == "+"
                && self.glued(e)
                // "Athlon 3500+" names a model.
                && !(self.is_word(core.s.wrapping_sub(1))
                    && self.p.get(core.s.wrapping_sub(1)).is_some_and(|p| p.capital))
                && !(self.glued(e + 1) && self.kind(e + 1) != Some(TokenKind::Punct))
                && self.core_at(e + 1).is_none()
            {
                // "30+ dead", "aged 18+": that many or more.
                modifier = NumberModifier::AtLeast;
                e += 1;
            } else if matches!(
                modifier,
                NumberModifier::MoreThan | NumberModifier::LessThan
            ) && self.w(e) == "or"
                && self.w(e + 1) == "equal"
            {
                // "more than 5000 or equal (to)"
                let end = if self.w(e + 2) == "to" { e + 3 } else { e + 2 };
                if !self.is_num(end) && self.core_at(end).is_none() {
                    modifier = if modifier == NumberModifier::MoreThan {
                        NumberModifier::AtLeast
                    } else {
                        NumberModifier::AtMost
                    };
                    e = end;
                }
            }
        }
        let kind = self.kind_of(&core, s, e, kind_unit, currency, high);
        let unit = match (currency, kind_unit) {
            (Some(c), _) => Some(c.iso.to_string()),
            (None, Some((_, u))) if !u.is_empty() => Some(u.to_string()),
            _ => match kind {
                NumberKind::Percent => Some("%".to_string()),
                NumberKind::Age => Some("year".to_string()),
                _ => None,
            },
        };
        if kind == NumberKind::TimeOfDay {
            value = self.clock_value(&core, value, e);
        }
        let start = self.p.get(s)?.start;
        let end = self.p.get(e.checked_sub(1)?)?.end;
        let value = tidy(value);
        let high = high.map(tidy);
        Some((
            NumberMention {
                start,
                end,
                value,
                high,
                modifier,
                kind,
                unit,
                vague: core.vague,
            },
            e,
        ))
    }

    /// The high end of a range after a number ending at piece `e`: ((high, its multiplier),
    /// end, its unit, its currency).
    #[allow(clippy::type_complexity)]
    fn range_end(
        &self,
        e: usize,
        core: &Core,
        low: f64,
        opener: Option<usize>,
        unit1: Option<(UnitKind, &'static str)>,
        cur1: Option<Currency>,
    ) -> Option<(
        (f64, f64),
        usize,
        Option<(UnitKind, &'static str)>,
        Option<Currency>,
    )> {
        let between = opener.is_some_and(|o| self.w(o) == "between");
        let conn = self.w(e);
        let ok = match conn {
            "to" | "through" | "thru" => !between,
            "-" | "–" | "~" => !between,
            "and" => between,
            _ => false,
        };
        if !ok || matches!(core.form, Form::Clock | Form::Fraction) {
            return None;
        }
        if conn == "-"
            && self.glued(e)
            && self.glued(core.s)
            && self.w(core.s.wrapping_sub(1)) == "-"
        {
            return None;
        }
        let mut k = e + 1;
        if core.form == Form::Ordinal && self.w(k) == "the" {
            k += 1;
        }
        let mut cur2 = None;
        if let Some((c, end)) = self.phrase_fwd(&self.lex.currencies, k)
            && c.before
        {
            cur2 = Some(c);
            k = end;
        }
        let c2 = self.core_at(k)?;
        if matches!(c2.form, Form::Clock | Form::Fraction)
            || (c2.form == Form::Ordinal) != (core.form == Form::Ordinal)
        {
            return None;
        }
        // Phone numbers and dates: "222-2222-2222".
        if conn == "-" && self.w(c2.e) == "-" && self.glued(c2.e) {
            return None;
        }
        let mut high = c2.value;
        let mut end = c2.e;
        let mut unit2 = None;
        let mut mult = c2.mult;
        if let Some(sfx) = self.suffix(end, &c2, cur2.is_some() || cur1.is_some()) {
            if sfx.mult != 1.0 {
                high *= sfx.mult;
                mult *= sfx.mult;
                end = sfx.end;
            } else if let Some(c) = sfx.currency {
                if cur1.is_some_and(|c1| c1.iso != c.iso) {
                    return None;
                }
                cur2 = Some(c);
                end = sfx.end;
            } else {
                if unit1.is_some_and(|u| u.0 != sfx.kind) {
                    return None;
                }
                unit2 = Some((sfx.kind, sfx.unit));
                end = sfx.end;
            }
        }
        // "three months to 31 December": a unit on the first number only is no range.
        if unit1.is_some() && unit2.is_none() && cur2.is_none() {
            return None;
        }
        if unit1.is_some() && cur2.is_some() && cur1.is_none() {
            return None;
        }
        let scale = cur2.filter(|_| cur1.is_none()).map_or(1.0, |c| c.scale);
        high *= scale;
        let low_scaled = if mult > 1.0 && core.mult == 1.0 && low * mult < high {
            low * mult
        } else {
            low
        };
        if low_scaled >= high {
            return None;
        }
        Some(((high, mult), end, unit2, cur2))
    }

    /// "more than 10 and less than 20": the high end and the end of the pair.
    fn bounded_pair(&self, e: usize, m: NumberModifier, low: f64) -> Option<(f64, f64, usize)> {
        let lower = matches!(m, NumberModifier::MoreThan | NumberModifier::AtLeast);
        let upper = matches!(m, NumberModifier::LessThan | NumberModifier::AtMost);
        if !(lower || upper) {
            return None;
        }
        let k = match self.w(e) {
            "and" | "but" | "," => e + 1,
            _ => return None,
        };
        let (m2, k2) = self.phrase_fwd(&self.lex.modifiers_before, k)?;
        let lower2 = matches!(m2, NumberModifier::MoreThan | NumberModifier::AtLeast);
        let upper2 = matches!(m2, NumberModifier::LessThan | NumberModifier::AtMost);
        if !((lower && upper2) || (upper && lower2)) {
            return None;
        }
        let c2 = self.core_at(k2)?;
        let (lo, hi) = if lower {
            (low, c2.value)
        } else {
            (c2.value, low)
        };
        if lo >= hi {
            return None;
        }
        Some((lo, hi, c2.e))
    }

    fn clock_value(&self, core: &Core, value: f64, e: usize) -> f64 {
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

    fn kind_of(
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
        let month_near = self.role(before) == Some(Role::Month)
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
