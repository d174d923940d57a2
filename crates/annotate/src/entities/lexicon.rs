//! The entity lexicons (`data/entities/*`), parsed once, and the phrase tables that match them on
//! tokens. Pure: the data is compiled in with `include_str!`.

use std::borrow::Cow;

use super::names::{fold_lower, name_key};
use crate::text::tokenize;

pub(crate) use crate::gazetteer::{FxMap, FxSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    M,
    F,
}

pub(crate) fn gender(s: &str) -> Option<Gender> {
    match s.trim() {
        "m" => Some(Gender::M),
        "f" => Some(Gender::F),
        _ => None,
    }
}

/// A country or bloc: its side code, adjective and name.
#[derive(Debug, Clone)]
pub(crate) struct Country {
    pub code: Option<String>,
    pub adj: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub(crate) struct Org {
    pub name: String,
    pub side: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Seat {
    pub gov: String,
    pub side: Option<String>,
    /// A seat word ("the Kremlin") stands for the government anywhere; a capital only as the
    /// subject of a reporting or acting verb.
    pub always: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Title {
    pub role: Option<String>,
    pub gender: Option<Gender>,
}

#[derive(Debug, Clone)]
pub(crate) struct GroupNoun {
    pub head: String,
    pub needs_side: bool,
    pub check: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub name: String,
    pub side: Option<String>,
    pub gender: Option<Gender>,
    pub role: Option<String>,
}

/// One way of writing a phrase: the lower-cased tokens it needs, which tokens must match exactly
/// (acronyms) and whether the first must be capitalised.
#[derive(Debug, Clone)]
struct PhraseEntry {
    id: usize,
    exact: Vec<(usize, String)>,
    /// Tokens written with a capital in the lexicon need one in the text.
    caps: Vec<usize>,
}

/// Lower-cased token sequences → ids, matched longest first.
#[derive(Debug, Default)]
pub(crate) struct PhraseTable {
    map: FxMap<String, Vec<PhraseEntry>>,
    /// Every proper prefix of a phrase, so that matching stops as soon as no phrase can follow.
    prefixes: FxSet<String>,
    max_len: usize,
}

/// The view of a token the matchers need.
#[derive(Debug)]
pub(crate) struct Tk<'a> {
    pub s: &'a str,
    /// Lower case (borrowed when the token already is).
    pub low: Cow<'a, str>,
    /// Lower case without a possessive "'s" (empty when there is none: see [`Tk::base`]).
    pub base: String,
    pub start: usize,
    pub end: usize,
    /// End without a possessive "'s".
    pub base_end: usize,
    pub word: bool,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper case ("KYIV", "WATCH").
    pub caps: bool,
    pub poss: bool,
}

impl Tk<'_> {
    /// Lower case without a possessive "'s".
    pub fn base(&self) -> &str {
        if self.poss { &self.base } else { &self.low }
    }
}

fn is_cap_word(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

impl PhraseTable {
    /// The folded first words of the phrases.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.map
            .keys()
            .chain(self.prefixes.iter())
            .map(|k| k.split(' ').next().unwrap_or(""))
    }

    pub fn add(&mut self, phrase: &str, id: usize) {
        let toks = tokenize(phrase);
        if toks.is_empty() {
            return;
        }
        let words: Vec<&str> = toks.iter().map(|t| t.text(phrase)).collect();
        let key = words
            .iter()
            .map(|w| fold_lower(w))
            .collect::<Vec<_>>()
            .join(" ");
        let exact = words
            .iter()
            .enumerate()
            .filter(|(_, w)| {
                w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !w.chars().any(char::is_lowercase)
            })
            .map(|(k, w)| (k, (*w).to_string()))
            .collect();
        let caps = words
            .iter()
            .enumerate()
            .filter(|(_, w)| is_cap_word(w))
            .map(|(k, _)| k)
            .collect();
        self.max_len = self.max_len.max(words.len());
        let lows: Vec<String> = words.iter().map(|w| fold_lower(w)).collect();
        for k in 1..lows.len() {
            self.prefixes.insert(lows[..k].join(" "));
        }
        let entry = PhraseEntry { id, exact, caps };
        let v = self.map.entry(key).or_default();
        if !v.iter().any(|e| e.id == id && e.exact == entry.exact) {
            v.push(entry);
        }
    }

    /// The longest phrase starting at token `i`: (id, end token exclusive). The last token may
    /// carry a possessive ("the Kremlin's").
    pub fn longest(&self, toks: &[Tk], i: usize) -> Option<(usize, usize)> {
        let max = self.max_len.min(toks.len().saturating_sub(i));
        let mut key = String::with_capacity(48);
        let mut best = None;
        for n in 1..=max {
            let t = &toks[i + n - 1];
            if n > 1 {
                key.push(' ');
            }
            let len = key.len();
            if t.poss {
                key.push_str(&t.base);
                if let Some(id) = self.hit(&key, toks, i) {
                    best = Some((id, i + n));
                }
                key.truncate(len);
            }
            key.push_str(&t.low);
            if let Some(id) = self.hit(&key, toks, i) {
                best = Some((id, i + n));
            }
            if !self.prefixes.contains(key.as_str()) {
                break;
            }
        }
        best
    }

    fn hit(&self, key: &str, toks: &[Tk], i: usize) -> Option<usize> {
        self.map
            .get(key)?
            .iter()
            .find(|e| self.fits(e, toks, i))
            .map(|e| e.id)
    }

    fn fits(&self, e: &PhraseEntry, toks: &[Tk], i: usize) -> bool {
        if !e
            .caps
            .iter()
            .all(|k| toks.get(i + k).is_some_and(|t| t.cap))
        {
            return false;
        }
        e.exact.iter().all(|(k, w)| {
            toks.get(i + k).is_some_and(|t| {
                t.s == w || t.s.strip_suffix("'s").or(t.s.strip_suffix("’s")) == Some(w)
            })
        })
    }
}

fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn opt(s: Option<&&str>) -> Option<String> {
    s.filter(|s| !s.is_empty() && **s != "-")
        .map(|s| (*s).to_string())
}

/// Title case of a lower-case phrase: "deputy prime minister" → "Deputy Prime Minister".
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            if matches!(w, "of" | "the" | "for" | "and" | "in") {
                return w.to_string();
            }
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// All the lexicons.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub countries: Vec<Country>,
    pub country_phrases: PhraseTable,
    /// One-word country names and adjectives, folded lower case ("russian" for "pro-Russian").
    pub country_single: FxMap<String, usize>,
    pub orgs: Vec<Org>,
    pub org_phrases: PhraseTable,
    pub seats: Vec<Seat>,
    pub seat_phrases: PhraseTable,
    pub seat_single: FxMap<String, usize>,
    pub titles: Vec<Title>,
    pub title_phrases: PhraseTable,
    pub groups: Vec<GroupNoun>,
    pub group_phrases: PhraseTable,
    pub group_modifiers: FxSet<String>,
    pub honorifics: FxMap<String, Option<Gender>>,
    pub given: FxMap<String, Option<Gender>>,
    pub people: Vec<Person>,
    /// Name key of a full name ("volodimir zelenski") → person.
    pub people_full: FxMap<String, usize>,
    /// Name key of a surname or one-word alias → person (left out where two people share it).
    pub people_surname: FxMap<String, usize>,
    pub speech: FxSet<String>,
    pub act: FxSet<String>,
    pub object: FxSet<String>,
    pub ministry_topics: FxMap<String, String>,
    /// For each word that starts a phrase in some table, which tables (bits: country, org,
    /// seat, title, group): most tokens start none and skip every table.
    pub first_mask: FxMap<String, u8>,
}

impl Lexicon {
    pub fn load() -> Self {
        let mut lx = Lexicon::default();
        for r in rows(include_str!("../../data/entities/countries.tsv")) {
            let (Some(code), Some(adj), Some(name)) = (r.first(), r.get(1), r.get(2)) else {
                continue;
            };
            let id = lx.countries.len();
            lx.countries.push(Country {
                code: opt(Some(code)),
                adj: (*adj).to_string(),
                name: (*name).to_string(),
            });
            for a in r.get(3).map_or("", |s| s).split('|').chain([*adj]) {
                lx.country_phrases.add(a, id);
                if !a.contains(' ') {
                    lx.country_single.entry(fold_lower(a)).or_insert(id);
                }
            }
        }
        for r in rows(include_str!("../../data/entities/orgs.tsv")) {
            let (Some(name), Some(side)) = (r.first(), r.get(1)) else {
                continue;
            };
            let id = lx.orgs.len();
            lx.orgs.push(Org {
                name: (*name).to_string(),
                side: opt(Some(side)),
            });
            for a in r.get(2).map_or("", |s| s).split('|').chain([*name]) {
                lx.org_phrases.add(a, id);
            }
        }
        for r in rows(include_str!("../../data/entities/seats.tsv")) {
            let (Some(word), Some(code), Some(kind)) = (r.first(), r.get(1), r.get(2)) else {
                continue;
            };
            let country = lx
                .countries
                .iter()
                .find(|c| c.code.as_deref() == Some(*code));
            let gov = opt(r.get(3)).unwrap_or_else(|| {
                format!(
                    "Government of {}",
                    country.map_or(*code, |c| c.name.as_str())
                )
            });
            let id = lx.seats.len();
            lx.seats.push(Seat {
                gov,
                side: Some((*code).to_string()),
                always: *kind == "seat",
            });
            lx.seat_phrases.add(word, id);
            if !word.contains(' ') {
                lx.seat_single.entry(fold_lower(word)).or_insert(id);
            }
        }
        for r in rows(include_str!("../../data/entities/titles.tsv")) {
            let Some(phrase) = r.first() else { continue };
            let role = match r.get(1).copied() {
                Some("-") => None,
                Some(s) if !s.is_empty() => Some(s.to_string()),
                _ => Some(title_case(&phrase.to_lowercase())),
            };
            let id = lx.titles.len();
            lx.titles.push(Title {
                role,
                gender: r.get(2).and_then(|g| gender(g)),
            });
            lx.title_phrases.add(phrase, id);
        }
        for r in rows(include_str!("../../data/entities/groups.tsv")) {
            let (Some(noun), Some(head), Some(alone)) = (r.first(), r.get(1), r.get(2)) else {
                continue;
            };
            let id = lx.groups.len();
            lx.groups.push(GroupNoun {
                head: (*head).to_string(),
                needs_side: *alone == "side",
                check: r.get(3) == Some(&"check"),
            });
            lx.group_phrases.add(noun, id);
        }
        lx.group_modifiers = rows(include_str!("../../data/entities/group_modifiers.txt"))
            .filter_map(|r| r.first().map(|s| s.to_lowercase()))
            .collect();
        for r in rows(include_str!("../../data/entities/honorifics.tsv")) {
            if let Some(w) = r.first() {
                lx.honorifics
                    .insert(w.to_lowercase(), r.get(1).and_then(|g| gender(g)));
            }
        }
        for r in rows(include_str!("../../data/entities/given_names.tsv")) {
            let Some(w) = r.first() else { continue };
            let g = r.get(1).and_then(|g| gender(g));
            let key = name_key(w);
            match lx.given.get(&key) {
                Some(old) if *old != g => {
                    lx.given.insert(key, None);
                }
                Some(_) => {}
                None => {
                    lx.given.insert(key, g);
                }
            }
        }
        let mut ambiguous = FxSet::default();
        for r in rows(include_str!("../../data/entities/people.tsv")) {
            let Some(name) = r.first() else { continue };
            let id = lx.people.len();
            lx.people.push(Person {
                name: (*name).to_string(),
                side: opt(r.get(1)),
                gender: r.get(2).and_then(|g| gender(g)),
                role: opt(r.get(3)),
            });
            let aliases = r.get(4).map_or("", |s| s);
            for a in std::iter::once(*name).chain(aliases.split('|')) {
                if a.is_empty() || a == "-" {
                    continue;
                }
                let words: Vec<&str> = a.split_whitespace().filter(|w| !is_initial(w)).collect();
                if words.len() == 1 {
                    let k = name_key(words[0]);
                    if lx.people_surname.get(&k).is_some_and(|&o| o != id) {
                        ambiguous.insert(k);
                    } else {
                        lx.people_surname.insert(k, id);
                    }
                } else if let Some(last) = words.last() {
                    lx.people_full.insert(full_key(&words), id);
                    let k = name_key(last);
                    // Multi-word surnames ("von der Leyen") are listed as their own alias.
                    if lx.people_surname.get(&k).is_some_and(|&o| o != id) {
                        ambiguous.insert(k);
                    } else {
                        lx.people_surname.insert(k, id);
                    }
                }
            }
        }
        for k in ambiguous {
            lx.people_surname.remove(&k);
        }
        for r in rows(include_str!("../../data/entities/verbs.tsv")) {
            let (Some(w), Some(c)) = (r.first(), r.get(1)) else {
                continue;
            };
            let set = match *c {
                "s" => &mut lx.speech,
                "a" => &mut lx.act,
                _ => &mut lx.object,
            };
            set.insert((*w).to_string());
        }
        for r in rows(include_str!("../../data/entities/ministry_topics.tsv")) {
            if let (Some(w), Some(c)) = (r.first(), r.get(1)) {
                lx.ministry_topics.insert(fold_lower(w), (*c).to_string());
            }
        }
        let mut mask: FxMap<String, u8> = FxMap::default();
        for (bit, table) in [
            &lx.country_phrases,
            &lx.org_phrases,
            &lx.seat_phrases,
            &lx.title_phrases,
            &lx.group_phrases,
        ]
        .into_iter()
        .enumerate()
        {
            for w in table.first_words() {
                *mask.entry(w.to_string()).or_default() |= 1 << bit;
            }
        }
        // Possessive forms reach the tables through their base.
        lx.first_mask = mask;
        lx
    }
}

/// "S." or "S": an initial inside a name.
pub(crate) fn is_initial(w: &str) -> bool {
    let mut c = w.trim_end_matches('.').chars();
    matches!((c.next(), c.next()), (Some(a), None) if a.is_uppercase())
}

/// The key of a full name: the keys of its words, initials left out.
pub(crate) fn full_key(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| !is_initial(w))
        .map(|w| name_key(w))
        .collect::<Vec<_>>()
        .join(" ")
}
