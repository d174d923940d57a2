//! The word lists of the time tagger, read from `data/times/*.txt` (compiled in) once.

use std::collections::{HashMap as StdMap, HashSet as StdSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the keys are short words; SipHash would dominate the lookups.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(super) type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<Fnv>>;
pub(super) type HashSet<K> = StdSet<K, BuildHasherDefault<Fnv>>;

/// Pairs `key value` of a list file; `#` starts a comment line.
fn pairs(src: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            let k = it.next()?;
            Some((k, it.next().unwrap_or("")))
        })
}

/// `(section, word)` for each word line of a file of `[section]` headers and `#` comments.
fn sections(src: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut current = "";
    let mut out = Vec::new();
    for line in src.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => current = name,
            None => out.push((current, line)),
        }
    }
    out
}

fn map_str(src: &'static str) -> HashMap<&'static str, &'static str> {
    pairs(src).collect()
}

fn map_u32(src: &'static str) -> HashMap<&'static str, u32> {
    pairs(src)
        .filter_map(|(k, v)| v.parse().ok().map(|n| (k, n)))
        .collect()
}

/// What a word can start.
#[derive(Debug)]
pub(super) struct Lex {
    pub months: HashMap<&'static str, u32>,
    pub weekdays: HashMap<&'static str, u32>,
    pub weekday_abbrevs: HashMap<&'static str, u32>,
    pub parts: HashMap<&'static str, &'static str>,
    pub units: HashMap<&'static str, &'static str>,
    /// Day offset and an optional part of day.
    pub rel_days: HashMap<&'static str, (i64, Option<&'static str>)>,
    pub refs: HashMap<&'static str, &'static str>,
    /// Modifier phrases, words joined with '_'.
    pub mods: HashMap<&'static str, &'static str>,
    pub sets: HashMap<&'static str, &'static str>,
    pub seasons: HashMap<&'static str, &'static str>,
    pub zones: HashSet<&'static str>,
    /// Tense cue → true for future.
    pub cues: HashMap<&'static str, bool>,
    /// Words that may start an expression (besides numbers).
    pub starters: HashSet<&'static str>,
    /// First words of modifier phrases.
    pub mod_heads: HashSet<&'static str>,
    /// Words before a bare month or season that make it a date (`function_words.txt`).
    pub month_cues: Vec<&'static str>,
    /// Words after a four-digit number that make it a count (`function_words.txt`).
    pub count_nouns: Vec<&'static str>,
    /// Fixed-date feasts (words joined by '_') → (month, day).
    pub holidays: HashMap<&'static str, (u32, u32)>,
    /// First words of the feasts' names.
    pub holiday_heads: HashSet<&'static str>,
}

impl Lex {
    pub fn load() -> Self {
        let months = map_u32(include_str!("../../data/times/months.txt"));
        let weekdays = map_u32(include_str!("../../data/times/weekdays.txt"));
        let weekday_abbrevs = map_u32(include_str!("../../data/times/weekday_abbrevs.txt"));
        let parts = map_str(include_str!("../../data/times/parts.txt"));
        let units = map_str(include_str!("../../data/times/units.txt"));
        let rel_days: HashMap<&'static str, (i64, Option<&'static str>)> =
            pairs(include_str!("../../data/times/relative_days.txt"))
                .filter_map(|(k, v)| {
                    let (n, part) = match v.split_once(':') {
                        Some((n, p)) => (n, Some(p)),
                        None => (v, None),
                    };
                    n.parse().ok().map(|n| (k, (n, part)))
                })
                .collect();
        let refs = map_str(include_str!("../../data/times/refs.txt"));
        let mods = map_str(include_str!("../../data/times/modifiers.txt"));
        let sets = map_str(include_str!("../../data/times/sets.txt"));
        let seasons = map_str(include_str!("../../data/times/seasons.txt"));
        let zones = pairs(include_str!("../../data/times/zones.txt"))
            .map(|(k, _)| k)
            .collect();
        let cues = pairs(include_str!("../../data/times/cues.txt"))
            .map(|(k, v)| (k, v == "future"))
            .collect();
        let mut starters: HashSet<&'static str> = HashSet::default();
        starters.extend(months.keys());
        starters.extend(weekdays.keys());
        starters.extend(weekday_abbrevs.keys());
        starters.extend(parts.keys());
        starters.extend(units.keys());
        starters.extend(rel_days.keys());
        starters.extend(refs.keys());
        starters.extend(sets.keys());
        starters.extend(seasons.keys());
        let mod_heads: HashSet<&'static str> = mods
            .keys()
            .map(|k| k.split('_').next().unwrap_or(k))
            .collect();
        starters.extend(mod_heads.iter());
        let holidays: HashMap<&'static str, (u32, u32)> =
            pairs(include_str!("../../data/times/holidays.txt"))
                .filter_map(|(k, v)| {
                    let (m, d) = v.split_once('-')?;
                    Some((k, (m.parse().ok()?, d.parse().ok()?)))
                })
                .collect();
        let holiday_heads: HashSet<&'static str> = holidays
            .keys()
            .map(|k| k.split('_').next().unwrap_or(k))
            .collect();
        starters.extend(holiday_heads.iter());
        let words = sections(include_str!("../../data/times/function_words.txt"));
        let section = |name: &str| -> Vec<&'static str> {
            words
                .iter()
                .filter(|(s, _)| *s == name)
                .map(|(_, w)| *w)
                .collect()
        };
        starters.extend(section("starters"));
        let month_cues = section("month_cues");
        let count_nouns = section("count_nouns");
        Lex {
            months,
            weekdays,
            weekday_abbrevs,
            parts,
            units,
            rel_days,
            refs,
            mods,
            sets,
            seasons,
            zones,
            cues,
            starters,
            mod_heads,
            month_cues,
            count_nouns,
            holidays,
            holiday_heads,
        }
    }

    /// Whether a lower-case word may start an expression.
    pub fn may_start(&self, w: &str) -> bool {
        if self.starters.contains(w) {
            return true;
        }
        if let Some((head, _)) = w.split_once('-') {
            return self.starters.contains(head) || crate::numwords::unit_or_ten(head).is_some();
        }
        crate::numwords::unit_or_ten(w).is_some()
    }
}
