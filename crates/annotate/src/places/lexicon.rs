//! The word lists place recognition reads, compiled in from `data/gazetteer/` and parsed once in
//! [`PlaceTagger::new`](super::PlaceTagger::new).
//!
//! - `never.txt` (with `demonyms.txt`): never place names. `weak.txt` and `given.txt`: common
//!   words and given names, places only after a cue. These are folded (lower case, no
//!   diacritics), one word a line.
//! - `neighbours.txt`: each country's land neighbours, `CC NN NN ...` a line.
//! - `cues.txt`: context words in `[sections]` (locative cues, titles, words that keep a place
//!   inside a longer name, street and feature words, speech verbs, connectors...). Kept as
//!   written, not folded.
//! - `levels.txt`: words that name an admin level, `word level` a line, in `[sections]`.
//!
//! Loading is lenient (a malformed line is skipped, a missing section is empty) so that building
//! a tagger never fails; the tests below hold every line of the files to the strict format.

use crate::gazetteer::{FxMap, FxSet, Level, fold};

static NEVER: &str = include_str!("../../data/gazetteer/never.txt");
static WEAK: &str = include_str!("../../data/gazetteer/weak.txt");
static GIVEN: &str = include_str!("../../data/gazetteer/given.txt");
static NEIGHBOURS: &str = include_str!("../../data/gazetteer/neighbours.txt");
static DEMONYMS: &str = include_str!("../../data/gazetteer/demonyms.txt");
static CUES: &str = include_str!("../../data/gazetteer/cues.txt");
static LEVELS: &str = include_str!("../../data/gazetteer/levels.txt");

/// A plural level word after a list of names ("Walton and Oconee counties").
#[derive(Debug, Clone, Copy)]
pub(super) struct Plural {
    /// The singular, appended to each name of the list to look it up ("walton county").
    pub singular: &'static str,
    /// The level each name of the list is.
    pub level: Level,
    /// Look the name up alone when "name singular" finds nothing.
    pub bare: bool,
}

/// Every word list of the place tagger.
#[derive(Debug)]
pub(super) struct Lexicon {
    /// Never places (`never.txt`, `demonyms.txt`), folded.
    pub never: FxSet<String>,
    /// Places only after a cue or before ", Region" (`weak.txt`, `given.txt`), folded.
    pub weak: FxSet<String>,
    /// Given names (`given.txt`), folded: the word after one is a surname.
    pub given: FxSet<String>,
    /// Country → its land neighbours.
    pub neighbours: FxMap<[u8; 2], Vec<[u8; 2]>>,
    /// `cues.txt [locative]`: words before a place that make a place reading likely.
    pub locative: FxSet<&'static str>,
    /// `cues.txt [neutral]`: words before a capitalised word that do not make it a surname.
    pub neutral: FxSet<&'static str>,
    /// `cues.txt [titles]`: titles before a person's name.
    pub titles: FxSet<&'static str>,
    /// `cues.txt [bound_after]`: capitalised words after a place that keep it inside a longer
    /// name ("Kyiv Mayor").
    pub bound_after: FxSet<&'static str>,
    /// `cues.txt [street]`: words after a name that make it a street or natural feature.
    pub street: FxSet<&'static str>,
    /// `cues.txt [unit]`: lower-case words after a name that make it something named after the
    /// place ("the Azov regiment", "Moscow time").
    pub unit: FxSet<&'static str>,
    /// `cues.txt [article_prefixes]`: prefixes of a following word that make the name part of a
    /// longer one ("Bab al-Hawa", "Sharm el-Sheikh").
    pub article_prefixes: Vec<&'static str>,
    /// `cues.txt [speech]`: speech verbs around a speaker's name.
    pub speech: FxSet<&'static str>,
    /// `cues.txt [connectors]`: lower-case words inside a name ("Bosnia and Herzegovina").
    pub connectors: FxSet<&'static str>,
    /// `cues.txt [dot_abbrevs]`: abbreviations whose dot stays in a name ("St. Louis").
    pub dot_abbrevs: FxSet<&'static str>,
    /// `cues.txt [openers]`: punctuation after which a word is sentence-initial.
    pub openers: FxSet<&'static str>,
    /// `cues.txt [list_joiners]`: tokens between the names of a list.
    pub list_joiners: FxSet<&'static str>,
    /// `levels.txt [after]`: a level word after a place name ("Kherson region").
    pub level_after: FxMap<&'static str, Level>,
    /// `levels.txt [before_of]`: a level word before "of" ("the city of Kherson").
    pub level_before_of: FxMap<&'static str, Level>,
    /// `levels.txt [plural]`: plural level words after a list, as written in the text (lower
    /// case and with a capital first letter).
    pub plural: FxMap<String, Plural>,
    /// `levels.txt [org_after]`: level words that start an organisation's name before a
    /// capitalised word ("Kansas State University").
    pub org_after: FxSet<&'static str>,
}

impl Lexicon {
    pub fn load() -> Self {
        let cues = Sections::parse(CUES);
        let levels = Sections::parse(LEVELS);
        let set = |name: &str| -> FxSet<&'static str> { cues.get(name).iter().copied().collect() };
        let level_map = |name: &str| -> FxMap<&'static str, Level> {
            levels
                .get(name)
                .iter()
                .filter_map(|l| level_entry(l))
                .collect()
        };
        let mut plural = FxMap::default();
        for l in levels.get("plural") {
            let Some((word, p)) = plural_entry(l) else {
                continue;
            };
            plural.insert(word.to_string(), p);
            plural.insert(capitalised(word), p);
        }
        Lexicon {
            never: word_list(&[NEVER, DEMONYMS]),
            weak: word_list(&[WEAK, GIVEN]),
            given: word_list(&[GIVEN]),
            neighbours: NEIGHBOURS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let mut codes = l.split_whitespace().filter_map(|c| {
                        let b = c.as_bytes();
                        (b.len() == 2).then(|| [b[0], b[1]])
                    });
                    Some((codes.next()?, codes.collect()))
                })
                .collect(),
            locative: set("locative"),
            neutral: set("neutral"),
            titles: set("titles"),
            bound_after: set("bound_after"),
            street: set("street"),
            unit: set("unit"),
            article_prefixes: set("article_prefixes").into_iter().collect(),
            speech: set("speech"),
            connectors: set("connectors"),
            dot_abbrevs: set("dot_abbrevs"),
            openers: set("openers"),
            list_joiners: set("list_joiners"),
            level_after: level_map("after"),
            level_before_of: level_map("before_of"),
            plural,
            org_after: levels.get("org_after").iter().copied().collect(),
        }
    }
}

/// A folded word list: one word a line, `#` comments and blank lines skipped.
fn word_list(texts: &[&str]) -> FxSet<String> {
    let mut set = FxSet::default();
    for t in texts {
        for line in t.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut k = String::new();
            fold(line, &mut k);
            set.insert(k);
        }
    }
    set
}

/// A data file of `[section]` headers, each followed by entries one a line. Blank lines and
/// lines starting with `#` are skipped; entries are trimmed.
#[derive(Debug, Default)]
pub(super) struct Sections {
    /// Sections in file order. Entries before the first header fall in a section named "".
    pub sections: Vec<(&'static str, Vec<&'static str>)>,
}

impl Sections {
    pub fn parse(text: &'static str) -> Self {
        let mut sections: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                sections.push((name.trim(), Vec::new()));
                continue;
            }
            match sections.last_mut() {
                Some((_, entries)) => entries.push(line),
                None => sections.push(("", vec![line])),
            }
        }
        Sections { sections }
    }

    /// The entries of the first section so named; none if there is none.
    pub fn get(&self, name: &str) -> &[&'static str] {
        self.sections
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[], |(_, e)| e.as_slice())
    }
}

/// A level by its gazetteer name ("country", "admin1", "admin2", "city").
fn level_named(name: &str) -> Option<Level> {
    [Level::Country, Level::Admin1, Level::Admin2, Level::City]
        .into_iter()
        .find(|l| l.as_str() == name)
}

/// A `word level` line.
pub(super) fn level_entry(line: &'static str) -> Option<(&'static str, Level)> {
    let mut f = line.split_whitespace();
    let (word, level) = (f.next()?, level_named(f.next()?)?);
    f.next().is_none().then_some((word, level))
}

/// A `plural singular level [bare]` line.
pub(super) fn plural_entry(line: &'static str) -> Option<(&'static str, Plural)> {
    let mut f = line.split_whitespace();
    let (word, singular, level) = (f.next()?, f.next()?, level_named(f.next()?)?);
    let bare = match f.next() {
        None => false,
        Some("bare") => true,
        Some(_) => return None,
    };
    f.next().is_none().then_some((
        word,
        Plural {
            singular,
            level,
            bare,
        },
    ))
}

/// `w` with its first letter in upper case.
fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use foldhash::{HashSet, HashSetExt};

    /// The sections of `cues.txt`, each read as a set of words.
    const CUE_SECTIONS: &[&str] = &[
        "locative",
        "neutral",
        "titles",
        "bound_after",
        "street",
        "unit",
        "article_prefixes",
        "speech",
        "connectors",
        "dot_abbrevs",
        "openers",
        "list_joiners",
    ];

    /// The sections of `levels.txt`.
    const LEVEL_SECTIONS: &[&str] = &["after", "before_of", "plural", "org_after"];

    /// Problems with a sectioned file: entries before any header, unknown, repeated or empty
    /// sections, repeated entries, entries with spaces where one word is wanted.
    fn check_sections(file: &str, s: &Sections, known: &[&str]) -> Vec<String> {
        let mut bad = Vec::new();
        let mut names = HashSet::new();
        for (name, entries) in &s.sections {
            if !known.contains(name) {
                bad.push(format!("{file}: unknown section [{name}] {entries:?}"));
            }
            if !names.insert(*name) {
                bad.push(format!("{file}: section [{name}] repeated"));
            }
            if entries.is_empty() {
                bad.push(format!("{file}: section [{name}] is empty"));
            }
            let mut seen = HashSet::new();
            for e in entries {
                let word = e.split_whitespace().next().unwrap_or("");
                if !seen.insert(word) {
                    bad.push(format!("{file} [{name}]: {word:?} repeated"));
                }
            }
        }
        for name in known {
            if !names.contains(name) {
                bad.push(format!("{file}: section [{name}] missing"));
            }
        }
        bad
    }

    #[test]
    fn cues_file_parses() {
        let s = Sections::parse(CUES);
        let mut bad = check_sections("cues.txt", &s, CUE_SECTIONS);
        for (name, entries) in &s.sections {
            for e in entries {
                if e.split_whitespace().count() != 1 {
                    bad.push(format!("cues.txt [{name}]: {e:?} is not one word"));
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn levels_file_parses() {
        let s = Sections::parse(LEVELS);
        let mut bad = check_sections("levels.txt", &s, LEVEL_SECTIONS);
        for (name, entries) in &s.sections {
            for &e in entries {
                let ok = match *name {
                    "after" | "before_of" => level_entry(e).is_some(),
                    "plural" => plural_entry(e).is_some(),
                    _ => e.split_whitespace().count() == 1,
                };
                if !ok {
                    bad.push(format!("levels.txt [{name}]: {e:?} does not parse"));
                }
            }
        }
        // An organisation-starting level word is a level word.
        for w in s.get("org_after") {
            if !s
                .get("after")
                .iter()
                .any(|l| level_entry(l).is_some_and(|(a, _)| a == *w))
            {
                bad.push(format!("levels.txt [org_after]: {w:?} is not in [after]"));
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn word_lists_have_no_repeats() {
        for (file, text) in [
            ("never.txt", NEVER),
            ("weak.txt", WEAK),
            ("given.txt", GIVEN),
        ] {
            let mut seen = HashSet::new();
            for line in text.lines().map(str::trim) {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let mut k = String::new();
                fold(line, &mut k);
                assert!(!k.is_empty(), "{file}: {line:?} folds to nothing");
                assert!(seen.insert(k), "{file}: {line:?} repeated");
            }
            assert!(!seen.is_empty(), "{file} is empty");
        }
    }

    #[test]
    fn lexicon_loads_every_list() {
        let lx = Lexicon::load();
        for (name, n) in [
            ("locative", lx.locative.len()),
            ("neutral", lx.neutral.len()),
            ("titles", lx.titles.len()),
            ("bound_after", lx.bound_after.len()),
            ("street", lx.street.len()),
            ("unit", lx.unit.len()),
            ("article_prefixes", lx.article_prefixes.len()),
            ("speech", lx.speech.len()),
            ("connectors", lx.connectors.len()),
            ("dot_abbrevs", lx.dot_abbrevs.len()),
            ("openers", lx.openers.len()),
            ("list_joiners", lx.list_joiners.len()),
            ("level_after", lx.level_after.len()),
            ("level_before_of", lx.level_before_of.len()),
            ("plural", lx.plural.len()),
            ("org_after", lx.org_after.len()),
            ("never", lx.never.len()),
            ("weak", lx.weak.len()),
            ("given", lx.given.len()),
            ("neighbours", lx.neighbours.len()),
        ] {
            assert!(n > 0, "{name} is empty");
        }
        assert_eq!(lx.level_after.get("oblast"), Some(&Level::Admin1));
        assert_eq!(lx.level_before_of.get("city"), Some(&Level::City));
        let p = lx.plural.get("Counties").copied();
        assert!(p.is_some_and(|p| p.singular == "county" && p.level == Level::Admin2 && !p.bare));
        assert!(lx.plural.get("oblasts").is_some_and(|p| p.bare));
        assert!(lx.titles.contains("mrs.") && lx.bound_after.contains("district's"));
        assert!(lx.openers.contains("\"") && lx.dot_abbrevs.contains("St"));
    }
}
