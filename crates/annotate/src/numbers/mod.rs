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
//!
//! Layout: this file holds the public tagger, its main loop and the cursor over the pieces
//! (`Cx`) with the look-ups every reader shares. The readers of a number core are in
//! `digit_reader` (digits, glued multipliers, currency codes), `word_reader` (number words) and
//! `shares` (fractions, ratios and vague quantities); `mention` widens a core into a mention,
//! with `kinds` (units, currencies after, and what a number measures) and `ranges` (ranges and
//! paired bounds). `pieces` cuts the tokens into pieces; `digits` parses digit strings;
//! `lexicon` holds the word lists.

mod digit_reader;
mod digits;
mod kinds;
mod lexicon;
mod mention;
mod pieces;
mod ranges;
mod shares;
mod word_reader;

#[cfg(test)]
mod tests;

#[cfg(test)]
use digits::group_thousands;

use crate::types::{NumberKind, NumberMention, NumberModifier, Token, TokenKind};
use lexicon::{Lexicon, Phrases, Role};
use pieces::{Piece, pieces};
use shares::vulgar;

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

    fn single_space_before(&self, k: usize) -> bool {
        let (Some(a), Some(b)) = (self.p.get(k.wrapping_sub(1)), self.p.get(k)) else {
            return false;
        };
        matches!(
            self.text.get(a.end..b.start),
            Some(" " | "\u{a0}" | "\u{202f}" | "\u{2009}")
        )
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
}
