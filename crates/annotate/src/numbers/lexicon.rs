//! The number lexicons (`data/numbers/*.txt`), parsed once.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast hash for short lexicon keys (FxHash's mixing); the keys are our own words, so
/// hash flooding is no concern.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
pub type Set<K> = HashSet<K, BuildHasherDefault<Fx>>;

use crate::types::{NumberKind, NumberModifier};

/// What a vague word needs after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    Of,
    OfMultiplier,
    Multiplier,
}

#[derive(Debug, Clone, Copy)]
pub struct Vague {
    pub base: f64,
    pub least: f64,
    pub needs: Needs,
}

#[derive(Debug, Clone, Copy)]
pub struct Multiplier {
    pub value: f64,
    pub glued: bool,
    pub word: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Kind(NumberKind),
    /// A time of day ("10 am", "0700 GMT").
    Time,
}

#[derive(Debug, Clone, Copy)]
pub struct Currency {
    pub iso: &'static str,
    pub before: bool,
    pub after: bool,
    pub scale: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Month,
    YearPrep,
    AgePrep,
    YearNext,
    /// A dimension word after "3.4m": the m is metres ("2.5m tall").
    Dimension,
}

/// A table of phrases of one or more words, keyed by the words joined with single spaces.
#[derive(Debug)]
pub struct Phrases<V> {
    pub map: Map<&'static str, V>,
    pub max_words: usize,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            map: Map::default(),
            max_words: 0,
        }
    }
}

impl<V> Phrases<V> {
    fn insert(&mut self, phrase: &'static str, v: V) {
        self.max_words = self.max_words.max(phrase.split(' ').count());
        self.map.insert(phrase, v);
    }
}

#[derive(Debug, Default)]
pub struct Lexicon {
    pub modifiers_before: Phrases<NumberModifier>,
    pub modifiers_after: Phrases<NumberModifier>,
    pub vague: Map<&'static str, Vague>,
    pub multipliers: Map<&'static str, Multiplier>,
    pub units: Phrases<(UnitKind, &'static str)>,
    pub currencies: Phrases<Currency>,
    pub roles: Map<&'static str, Role>,
    /// Every word that can begin a number: number words, ordinals, vague words, "a", "half"...
    pub starters: Set<&'static str>,
}

/// The fields of the data lines of a lexicon file (comments and blank lines skipped).
fn lines(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').map(str::trim).collect())
}

fn modifier(name: &str) -> Option<NumberModifier> {
    Some(match name {
        "exact" => NumberModifier::Exact,
        "at_least" => NumberModifier::AtLeast,
        "more_than" => NumberModifier::MoreThan,
        "at_most" => NumberModifier::AtMost,
        "less_than" => NumberModifier::LessThan,
        "approximately" => NumberModifier::Approximately,
        _ => return None,
    })
}

fn unit_kind(name: &str) -> Option<UnitKind> {
    Some(match name {
        "percent" => UnitKind::Kind(NumberKind::Percent),
        "distance" => UnitKind::Kind(NumberKind::Distance),
        "duration" => UnitKind::Kind(NumberKind::Duration),
        "measure" => UnitKind::Kind(NumberKind::Measure),
        "age" => UnitKind::Kind(NumberKind::Age),
        "time" => UnitKind::Time,
        _ => return None,
    })
}

impl Lexicon {
    /// Parses the compiled-in data files. Malformed lines are skipped (a unit test checks there
    /// are none).
    pub fn load() -> Self {
        let mut lex = Lexicon::default();
        for f in lines(include_str!("../../data/numbers/modifiers.txt")) {
            if let [phrase, m, side] = f[..]
                && let Some(m) = modifier(m)
            {
                match side {
                    "before" => lex.modifiers_before.insert(phrase, m),
                    "after" => lex.modifiers_after.insert(phrase, m),
                    _ => {}
                }
            }
        }
        for f in lines(include_str!("../../data/numbers/vague.txt")) {
            if let [word, base, least, needs] = f[..]
                && let (Ok(base), Ok(least)) = (base.parse(), least.parse())
            {
                let needs = match needs {
                    "of" => Needs::Of,
                    "of-mult" => Needs::OfMultiplier,
                    "mult" => Needs::Multiplier,
                    _ => Needs::Nothing,
                };
                lex.vague.insert(word, Vague { base, least, needs });
            }
        }
        for f in lines(include_str!("../../data/numbers/multipliers.txt")) {
            if let [word, value, place] = f[..]
                && let Ok(value) = value.parse()
            {
                lex.multipliers.insert(
                    word,
                    Multiplier {
                        value,
                        glued: place != "word",
                        word: place != "glued",
                    },
                );
            }
        }
        for f in lines(include_str!("../../data/numbers/units.txt")) {
            if let [phrase, kind, unit] = f[..]
                && let Some(kind) = unit_kind(kind)
            {
                lex.units.insert(phrase, (kind, unit));
            }
        }
        for f in lines(include_str!("../../data/numbers/currencies.txt")) {
            if let [phrase, iso, place, scale] = f[..]
                && let Ok(scale) = scale.parse()
            {
                lex.currencies.insert(
                    phrase,
                    Currency {
                        iso,
                        before: place != "after",
                        after: place != "before",
                        scale,
                    },
                );
            }
        }
        for f in lines(include_str!("../../data/numbers/context.txt")) {
            if let [word, role] = f[..] {
                let role = match role {
                    "month" => Role::Month,
                    "year_prep" => Role::YearPrep,
                    "age_prep" => Role::AgePrep,
                    "year_next" => Role::YearNext,
                    "dimension" => Role::Dimension,
                    _ => continue,
                };
                lex.roles.insert(word, role);
            }
        }
        let fixed: &[&'static str] = &[
            "a",
            "an",
            "half",
            "quarter",
            "minus",
            "negative",
            "nought",
            "naught",
            "zero",
            "nil",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "nineth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
            "thirtieth",
            "fortieth",
            "fiftieth",
            "sixtieth",
            "seventieth",
            "eightieth",
            "ninetieth",
            "hundredth",
            "thousandth",
            "millionth",
            "billionth",
            "trillionth",
        ];
        lex.starters = fixed
            .iter()
            .copied()
            .chain(lex.vague.keys().copied())
            .collect();
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_line_is_well_formed() {
        let lex = Lexicon::load();
        let count = |data: &'static str| lines(data).count();
        assert_eq!(
            lex.modifiers_before.map.len() + lex.modifiers_after.map.len(),
            count(include_str!("../../data/numbers/modifiers.txt"))
        );
        assert_eq!(
            lex.vague.len(),
            count(include_str!("../../data/numbers/vague.txt"))
        );
        assert_eq!(
            lex.multipliers.len(),
            count(include_str!("../../data/numbers/multipliers.txt"))
        );
        assert_eq!(
            lex.units.map.len(),
            count(include_str!("../../data/numbers/units.txt"))
        );
        assert_eq!(
            lex.currencies.map.len(),
            count(include_str!("../../data/numbers/currencies.txt"))
        );
        assert_eq!(
            lex.roles.len(),
            count(include_str!("../../data/numbers/context.txt"))
        );
    }
}
