//! Place names found in text and resolved against the [`gazetteer`](crate::gazetteer), using the
//! context of the text.
//!
//! Entry point: [`PlaceTagger::find`]. Owns recognition (capitalised sequences of one to four
//! words looked up by folded name, then by transliteration skeleton; region words such as
//! "oblast" or "county" and cues such as "in", "near", "city of"; the stop-lists
//! `data/gazetteer/never.txt` (never places), `weak.txt` and `given.txt` (common words and given
//! names: places only after a locative cue or before ", Region") and `demonyms.txt`; care with
//! sentence-initial words, titles, given names, surnames and speakers) and disambiguation
//! (population, admin level, own name over alternate name, "Place, Region", the countries and
//! regions the text is about, nearness to the other places and to their other readings).
//!
//! Places inside organisation names are kept ("Kyiv Mayor", "Texas Department of Health"): they
//! say where. A name may be only partly matched when the rest is a level word: "Kherson region"
//! is one mention of the admin1 region, bare "Kherson" the city.
//!
//! Never does I/O and never panics on any input: spans are byte offsets on `char` boundaries,
//! ordered and non-overlapping, and none overlaps an entity in `taken`.

use std::collections::{HashMap, HashSet};

use crate::gazetteer::{FastSet, Gazetteer, Level, fold, fuzzy, key_hash};
use crate::types::{Entity, EntityKind, Geo, MentionForm, Sentence, Token, TokenKind};

static NEVER: &str = include_str!("../data/gazetteer/never.txt");
static WEAK: &str = include_str!("../data/gazetteer/weak.txt");
static GIVEN: &str = include_str!("../data/gazetteer/given.txt");
static NEIGHBOURS: &str = include_str!("../data/gazetteer/neighbours.txt");
static DEMONYMS: &str = include_str!("../data/gazetteer/demonyms.txt");

/// Words before a place that make a place reading likely.
const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "from",
    "outside",
    "at",
    "to",
    "across",
    "into",
    "toward",
    "towards",
    "around",
    "via",
    "between",
    "through",
    "throughout",
    "of",
    "and",
    "visited",
    "leaving",
    "left",
    "entered",
    "reached",
    "shelled",
    "struck",
    "hit",
    "captured",
    "liberated",
    "occupied",
    "attacked",
    "bombed",
    "besieged",
    "surrounded",
    "north",
    "south",
    "east",
    "west",
    "above",
    "over",
    "under",
    "inside",
    "within",
    "beyond",
    "along",
];

/// Words before a capitalised word that do not make it part of a longer name.
const NEUTRAL_CAPS: &[&str] = &[
    "in",
    "at",
    "on",
    "from",
    "to",
    "near",
    "the",
    "and",
    "for",
    "with",
    "by",
    "of",
    "but",
    "as",
    "after",
    "before",
    "while",
    "when",
    "if",
    "since",
    "across",
    "outside",
    "inside",
    "into",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upper",
    "lower",
    "greater",
    "downtown",
    "metro",
    "rural",
    "suburban",
    "occupied",
    "liberated",
    "besieged",
    "both",
    "all",
    "between",
    "around",
    "via",
    "throughout",
    "like",
    "including",
    "unlike",
    "than",
    "where",
    "why",
    "how",
    "what",
    "then",
    "today",
    "yesterday",
    "meanwhile",
    "also",
    "only",
    "even",
    "now",
    "here",
    "there",
    "said",
    "says",
    "says:",
    "breaking",
    "update",
    "updated",
    "live",
    "photos",
    "video",
    "watch",
];

/// Titles before a person's name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "gov",
    "sen",
    "rep",
    "president",
    "judge",
    "sgt",
    "lt",
    "capt",
    "officer",
    "deputy",
    "chief",
    "det",
    "detective",
    "coach",
    "rev",
    "father",
    "sister",
    "brother",
    "gen",
    "col",
    "maj",
    "pvt",
    "cpl",
    "prof",
    "professor",
    "sir",
    "lady",
    "lord",
    "king",
    "queen",
    "prince",
    "princess",
    "saint",
    "pope",
    "minister",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "commissioner",
    "attorney",
    "trooper",
    "sheriff",
    "chairman",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "agent",
    "pastor",
    "bishop",
    "uncle",
    "aunt",
    "mrs.",
    "mr.",
];

/// Capitalised words after a place that keep the place inside a longer name ("Kyiv Mayor",
/// "Alexandria Police Department", "Rapides Parish Fire District").
const AFTER_OK: &[&str] = &[
    "police",
    "fire",
    "sheriff",
    "sheriffs",
    "city",
    "department",
    "schools",
    "school",
    "high",
    "university",
    "college",
    "hospital",
    "council",
    "board",
    "airport",
    "mayor",
    "governor",
    "regional",
    "municipal",
    "community",
    "area",
    "chamber",
    "public",
    "county",
    "parish",
    "region",
    "oblast",
    "province",
    "state",
    "district",
    "military",
    "administration",
    "authorities",
    "officials",
    "residents",
    "prosecutor",
    "prosecutors",
    "court",
    "courthouse",
    "library",
    "zoo",
    "museum",
    "port",
    "harbor",
    "station",
    "metro",
    "airbase",
    "power",
    "nuclear",
    "front",
    "direction",
    "axis",
    "counteroffensive",
    "offensive",
    "attack",
    "strike",
    "governorate",
    "raion",
    "district's",
    "bureau",
    "health",
    "emergency",
    "water",
    "housing",
    "township",
    "village",
    "town",
    "borough",
    "center",
    "centre",
    "memorial",
    "mall",
    "square",
    "bridge",
    "dam",
    "plant",
    "hotel",
    "arena",
    "stadium",
    "church",
    "cathedral",
    "high-school",
    "middle",
    "elementary",
    "academy",
    "institute",
    "branch",
    "office",
    "post",
    "times",
    "tribune",
    "herald",
    "gazette",
    "daily",
    "news",
    "journal",
    "register",
    "courier",
    "star",
];

/// Words after a name that make it a street or a natural feature: "Dublin Road".
const STREET: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "highway",
    "hwy",
    "way",
    "court",
    "ct",
    "pike",
    "parkway",
    "pkwy",
    "place",
    "pl",
    "circle",
    "trail",
    "terrace",
    "creek",
    "river",
    "lake",
    "mountain",
    "mountains",
    "bay",
    "island",
    "islands",
    "valley",
    "canyon",
    "forest",
    "beach",
    "hills",
    "ridge",
    "expressway",
    "freeway",
    "turnpike",
    "bayou",
    "sea",
    "strait",
    "gulf",
    "channel",
    "peninsula",
    "desert",
];

/// A word after a place name that names its level: "Kherson region", "Donetsk oblast".
fn level_word(w: &str) -> Option<Level> {
    Some(match w {
        "region" | "oblast" | "province" | "governorate" | "state" | "prefecture" | "krai"
        | "territory" | "regions" | "oblasts" | "provinces" => Level::Admin1,
        "county" | "parish" | "district" | "raion" | "borough" => Level::Admin2,
        "city" => Level::City,
        _ => return None,
    })
}

/// Words before "of" that name a level: "the city of Kherson", "the region of Donetsk".
fn level_before_of(w: &str) -> Option<Level> {
    Some(match w {
        "city" | "town" | "village" | "port" | "settlement" | "suburb" => Level::City,
        "region" | "province" | "oblast" | "state" | "governorate" => Level::Admin1,
        "county" | "district" | "parish" => Level::Admin2,
        _ => return None,
    })
}

/// Finds and geocodes places. Build once (it loads the gazetteer), use for many texts.
#[derive(Debug)]
pub struct PlaceTagger {
    gaz: &'static Gazetteer,
    never: FastSet<String>,
    weak: FastSet<String>,
    given: FastSet<String>,
    /// Country → its land neighbours.
    neighbours: HashMap<[u8; 2], Vec<[u8; 2]>>,
    locative: FastSet<&'static str>,
    neutral: FastSet<&'static str>,
    titles: FastSet<&'static str>,
    after_ok: FastSet<&'static str>,
    street: FastSet<&'static str>,
}

impl Default for PlaceTagger {
    fn default() -> Self {
        PlaceTagger::new()
    }
}

fn word_list(texts: &[&str]) -> FastSet<String> {
    let mut set = FastSet::default();
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

/// One recognised place name, before resolution.
#[derive(Debug, Clone)]
struct Mention {
    start: usize,
    end: usize,
    key: String,
    ids: Vec<u32>,
    /// The level a region word or "city of" asks for.
    want: Option<Level>,
    /// Resolved through "Place, Region": candidates already restricted.
    qualified: bool,
    chosen: Option<u32>,
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// The byte end of a word without a possessive "'s" / "’s".
fn strip_possessive(text: &str, start: usize, end: usize) -> usize {
    let w = text.get(start..end).unwrap_or("");
    for suf in ["'s", "’s", "'S", "’S"] {
        if w.len() > suf.len() + 1 && w.ends_with(suf) {
            return end - suf.len();
        }
    }
    if w.len() > 2 && (w.ends_with("s'") || w.ends_with("s’")) {
        return end - if w.ends_with('\'') { 1 } else { 3 };
    }
    end
}

fn strip_possessive_str(w: &str) -> &str {
    let end = strip_possessive(w, 0, w.len());
    w.get(..end).unwrap_or(w)
}

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "of"
            | "de"
            | "del"
            | "la"
            | "le"
            | "du"
            | "upon"
            | "on"
            | "el"
            | "al"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "di"
            | "des"
            | "the"
            | "y"
    )
}

fn is_abbrev_dot_word(w: &str) -> bool {
    matches!(w, "St" | "Ft" | "Mt" | "Pt" | "Ste" | "N" | "S" | "E" | "W")
}

impl PlaceTagger {
    pub fn new() -> Self {
        PlaceTagger {
            gaz: Gazetteer::get(),
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
            locative: LOCATIVE.iter().copied().collect(),
            neutral: NEUTRAL_CAPS.iter().copied().collect(),
            titles: TITLES.iter().copied().collect(),
            after_ok: AFTER_OK.iter().copied().collect(),
            street: STREET.iter().copied().collect(),
        }
    }

    /// Every place mention in `text` that does not overlap `taken` (entities already found), in
    /// text order, each resolved to one gazetteer entry where one fits.
    pub fn find(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        taken: &[Entity],
    ) -> Vec<Entity> {
        let mut mentions = self.recognise(text, sentences, tokens, taken);
        self.resolve(&mut mentions);
        let mut out = Vec::with_capacity(mentions.len());
        let mut last_end = 0;
        for m in mentions {
            let Some(id) = m.chosen else { continue };
            let Some(p) = self.gaz.place(id) else {
                continue;
            };
            if m.start < last_end
                || m.start >= m.end
                || !text.is_char_boundary(m.start)
                || !text.is_char_boundary(m.end)
            {
                continue;
            }
            last_end = m.end;
            out.push(Entity {
                start: m.start,
                end: m.end,
                kind: EntityKind::Place,
                name: self.gaz.name(id).to_string(),
                form: MentionForm::Name,
                side: None,
                role: None,
                geo: Some(Geo {
                    geonameid: (p.geonameid != 0).then_some(p.geonameid),
                    lat: f64::from(p.lat),
                    lon: f64::from(p.lon),
                    country: Some(p.country_str().to_string()),
                    level: p.level.as_str(),
                    population: u64::from(p.population),
                }),
            });
        }
        out
    }

    /// Entry ids for a folded key. A small town counts only under its own name: its
    /// alternate names (old names, other languages) collide with common words and surnames.
    fn lookup(&self, key: &str, allow_fuzzy: bool) -> Vec<u32> {
        let g = self.gaz;
        let h = key_hash(key);
        let ok = |id: u32, min_pop: u32| -> bool {
            let Some(p) = g.place(id) else { return false };
            p.level == Level::Country
                || (p.population >= min_pop && key.len() >= 4)
                || p.name_hash == h
        };
        let all = g.exact_ids(key);
        if all.is_empty() && (!allow_fuzzy || key.len() < 6) {
            return Vec::new();
        }
        let ids: Vec<u32> = all
            .iter()
            .copied()
            .filter(|&id| ok(id, 200_000))
            .take(64)
            .collect();
        // No place has this as its own name: an exonym of a mid-sized town ("Jenin").
        let ids = if ids.is_empty() && key.len() >= 5 {
            all.iter()
                .copied()
                .filter(|&id| ok(id, 20_000))
                .take(64)
                .collect()
        } else {
            ids
        };
        if !ids.is_empty() || !allow_fuzzy || key.len() < 6 {
            return ids;
        }
        g.fuzzy_ids(&fuzzy(key))
            .iter()
            .copied()
            .filter(|&id| {
                g.place(id)
                    .is_some_and(|p| p.level <= Level::Admin1 || p.population >= 100_000)
            })
            .take(64)
            .collect()
    }

    fn recognise(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        taken: &[Entity],
    ) -> Vec<Mention> {
        let word = |i: usize| -> &str {
            tokens
                .get(i)
                .filter(|t| t.kind == TokenKind::Word)
                .and_then(|t| text.get(t.start..t.end))
                .unwrap_or("")
        };
        let tok_text = |i: usize| -> &str {
            tokens
                .get(i)
                .and_then(|t| text.get(t.start..t.end))
                .unwrap_or("")
        };
        // Sentence-initial tokens: the first word of each sentence, and a word after an
        // opening quote or bracket at the start.
        let mut initial = vec![false; tokens.len()];
        {
            let mut s = 0;
            let mut first_done = false;
            for (i, t) in tokens.iter().enumerate() {
                while s < sentences.len() && sentences[s].end <= t.start {
                    s += 1;
                    first_done = false;
                }
                if t.kind == TokenKind::Word && !first_done {
                    initial[i] = true;
                    first_done = true;
                }
                if t.kind == TokenKind::Punct
                    && matches!(tok_text(i), "\"" | "“" | "‘" | "(" | ":" | "—" | "-")
                {
                    first_done = false;
                }
            }
        }
        // Words seen in lower case anywhere in the text: a sign a capitalised one is a word.
        let mut lower_words: FastSet<&str> = FastSet::default();
        let mut non_initial: FastSet<&str> = FastSet::default();
        for (ti, t) in tokens.iter().enumerate() {
            if t.kind == TokenKind::Word
                && let Some(w) = text.get(t.start..t.end)
            {
                if w.starts_with(|c: char| c.is_lowercase()) {
                    lower_words.insert(w);
                } else if !initial[ti] {
                    non_initial.insert(w);
                }
            }
        }
        let overlaps_taken = |s: usize, e: usize| taken.iter().any(|t| t.start < e && s < t.end);
        // Surnames: a capitalised word after a title or after another capitalised word that is
        // not a place word ("Sgt. Mark Jones", "Chiquita Henry").
        let mut persons: FastSet<String> = FastSet::default();
        for i in 1..tokens.len() {
            let w = word(i);
            if w.is_empty() || !starts_upper(w) || w.chars().all(|c| !c.is_lowercase()) {
                continue;
            }
            let pw = tok_text(i - 1).trim_end_matches('.');
            let gap = text.get(tokens[i - 1].end..tokens[i].start).unwrap_or(" ");
            if gap.len() > 1 || gap.contains('\n') {
                continue;
            }
            let pl = lower(pw);
            let titled = self.titles.contains(pl.as_str())
                || (tok_text(i - 1) == "."
                    && i >= 2
                    && self.titles.contains(lower(tok_text(i - 2)).as_str()));
            let wl = lower(strip_possessive_str(w));
            if self.after_ok.contains(wl.as_str())
                || self.street.contains(wl.as_str())
                || level_word(&wl).is_some()
                || self.never.contains(wl.as_str())
            {
                continue;
            }
            // Only a small town's name is doubted after an unknown capitalised word.
            let small = || {
                let mut k = String::new();
                fold(strip_possessive_str(w), &mut k);
                let ids = self.gaz.exact_ids(&k);
                !ids.is_empty()
                    && !ids.iter().any(|&id| {
                        self.gaz
                            .place(id)
                            .is_some_and(|p| p.level <= Level::Admin2 || p.population >= 100_000)
                    })
            };
            // "Boyd J. Jones": a middle initial.
            let after_initial = tok_text(i - 1) == "."
                && i >= 2
                && tok_text(i - 2).chars().count() == 1
                && starts_upper(tok_text(i - 2));
            let after_name = tokens[i - 1].kind == TokenKind::Word
                && starts_upper(pw)
                && !initial[i - 1]
                && !self.neutral.contains(pl.as_str())
                && !self.never.contains(pl.as_str())
                && !pw.contains('.')
                && (self.given.contains(pl.as_str()) || small())
                && self
                    .gaz
                    .exact_ids(&{
                        let mut k = String::new();
                        fold(&format!("{pw} {}", strip_possessive_str(w)), &mut k);
                        k
                    })
                    .is_empty();
            let followed_by_cap = starts_upper(word(i + 1));
            if titled || ((after_name || after_initial) && !followed_by_cap) {
                let mut k = String::new();
                fold(strip_possessive_str(w), &mut k);
                persons.insert(k);
            }
        }

        // "Walton and Oconee counties", "Clarke, Madison and Oconee counties": each name before
        // a plural level word is a region of that level.
        let mut listed: HashMap<usize, (String, usize)> = HashMap::new();
        for (ti, t) in tokens.iter().enumerate() {
            let lw = text.get(t.start..t.end).unwrap_or("");
            let suffix = match lw {
                "counties" | "Counties" => "county",
                "parishes" | "Parishes" => "parish",
                "oblasts" | "Oblasts" => "oblast",
                _ => continue,
            };
            let mut j = ti;
            while j > 0 {
                j -= 1;
                let w = tok_text(j);
                if w == "," || w == "and" || w == "or" {
                    continue;
                }
                if tokens[j].kind != TokenKind::Word || !starts_upper(w) {
                    break;
                }
                let mut k = String::new();
                fold(w, &mut k);
                k.push(' ');
                k.push_str(suffix);
                listed.insert(j, (k, if j + 1 == ti { t.end } else { tokens[j].end }));
            }
        }
        let mut out: Vec<Mention> = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < tokens.len() {
            let w = word(i);
            if w.is_empty() || !starts_upper(w) {
                i += 1;
                continue;
            }
            if let Some((k, end)) = listed.get(&i) {
                let mut ids: Vec<u32> = self.gaz.exact_ids(k).to_vec();
                if ids.is_empty() && k.ends_with(" oblast") {
                    ids = self.gaz.exact_ids(k.trim_end_matches(" oblast")).to_vec();
                }
                if !ids.is_empty() && !overlaps_taken(tokens[i].start, *end) {
                    out.push(Mention {
                        start: tokens[i].start,
                        end: *end,
                        key: k.clone(),
                        ids,
                        want: Some(if k.ends_with(" oblast") {
                            Level::Admin1
                        } else {
                            Level::Admin2
                        }),
                        qualified: false,
                        chosen: None,
                    });
                    i += 1;
                    continue;
                }
            }
            // The longest run of eligible tokens from i: capitalised words, connectors between
            // capitalised words, the dot after "St".
            let mut run = vec![i];
            let mut words = 1;
            let mut j = i + 1;
            while j < tokens.len() && words < 4 {
                let t = &tokens[j];
                let prev = &tokens[j - 1];
                let gap = text.get(prev.end..t.start).unwrap_or(" ");
                if gap.contains('\n') || gap.len() > 1 {
                    break;
                }
                let tw = tok_text(j);
                if t.kind == TokenKind::Punct && tw == "." && is_abbrev_dot_word(tok_text(j - 1)) {
                    run.push(j);
                    j += 1;
                    continue;
                }
                if t.kind != TokenKind::Word {
                    break;
                }
                if starts_upper(tw) || is_connector(tw) {
                    run.push(j);
                    words += 1;
                    j += 1;
                    continue;
                }
                break;
            }
            // Longest match first.
            let mut found: Option<(usize, Vec<u32>, String, usize)> = None;
            for n in (1..=run.len()).rev() {
                let last = run[n - 1];
                if !starts_upper(word(last)) {
                    continue;
                }
                let start = tokens[i].start;
                let end = strip_possessive(text, tokens[last].start, tokens[last].end);
                key.clear();
                fold(text.get(start..end).unwrap_or(""), &mut key);
                if key.is_empty() {
                    continue;
                }
                let ids = self.lookup(&key, n <= 2);
                if !ids.is_empty() {
                    found = Some((last, ids, key.clone(), end));
                    break;
                }
            }
            // "…, Kan." / "…, S.C.": a US state abbreviation after a comma.
            let inner_dot = w.trim_end_matches('.').contains('.');
            if (i > 0 && tok_text(i - 1) == ",") || inner_dot {
                let dotted = tok_text(i + 1) == "."
                    && tokens.get(i + 1).is_some_and(|t| t.start == tokens[i].end);
                let end = if dotted {
                    tokens[i + 1].end
                } else {
                    tokens[i].end
                };
                key.clear();
                fold(w, &mut key);
                let ab = self.gaz.abbrev_ids(&key);
                let plain = found.as_ref().is_some_and(|f| {
                    f.1.iter()
                        .any(|&id| self.gaz.place(id).is_some_and(|p| p.level <= Level::Admin1))
                });
                let before_name = starts_upper(word(i + if dotted { 2 } else { 1 }));
                if !ab.is_empty()
                    && !plain
                    && (inner_dot || !before_name)
                    && (dotted || w.contains('.') || w.chars().all(|c| c.is_uppercase()))
                    && !overlaps_taken(tokens[i].start, end)
                {
                    out.push(Mention {
                        start: tokens[i].start,
                        end,
                        key: key.clone(),
                        ids: ab.to_vec(),
                        want: None,
                        qualified: true,
                        chosen: None,
                    });
                    i += if dotted { 2 } else { 1 };
                    continue;
                }
            }
            let Some((last, ids, k, end)) = found else {
                // Hyphenated words: "Kherson-based", "Russia-Ukraine".
                if w.contains('-') {
                    let mut off = tokens[i].start;
                    for part in w.split('-') {
                        let pend = off + part.len();
                        let caps = part.len() >= 2 && part.chars().all(|c| c.is_ascii_uppercase());
                        if (part.len() >= 3 || caps)
                            && starts_upper(part)
                            && !overlaps_taken(off, pend)
                        {
                            key.clear();
                            fold(part, &mut key);
                            let ids = self.lookup(&key, false);
                            let country = ids.iter().any(|&id| {
                                self.gaz
                                    .place(id)
                                    .is_some_and(|p| p.level == Level::Country)
                            });
                            if !ids.is_empty()
                                && (country || !caps)
                                && !self.never.contains(&key)
                                && !self.weak.contains(&key)
                            {
                                out.push(Mention {
                                    start: off,
                                    end: pend,
                                    key: key.clone(),
                                    ids,
                                    want: None,
                                    qualified: false,
                                    chosen: None,
                                });
                            }
                        }
                        off = pend + 1;
                    }
                }
                i += 1;
                continue;
            };
            let start = tokens[i].start;
            let mut m_end = end;
            let mut next = last + 1;
            // A level word after the name: "Kherson region", "Donetsk Oblast".
            let mut want = None;
            let mut ids = ids;
            let nw = lower(word(next));
            let org_after = nw == "state" && starts_upper(word(next + 1));
            if let Some(l) = level_word(&nw).filter(|_| !org_after) {
                let whole = self.gaz.exact_ids(&format!("{k} {nw}"));
                if !whole.is_empty() {
                    ids = whole.to_vec();
                }
                want = Some(l);
                m_end = strip_possessive(text, tokens[next].start, tokens[next].end);
                next += 1;
            }
            // Context before.
            let prev_w = if i > 0 { word(i - 1) } else { "" };
            let prev_l = lower(prev_w.trim_end_matches('.'));
            if want.is_none() && prev_l == "of" && i >= 2 {
                want = level_before_of(&lower(word(i - 2)));
            }
            // "the Sea of Azov", "the Gulf of Mexico": a feature named after the place.
            if prev_l == "of" && i >= 2 && self.street.contains(lower(word(i - 2)).as_str()) {
                i = last + 1;
                continue;
            }
            let cue = self.locative.contains(prev_l.as_str()) || want.is_some();
            let single = run.iter().take_while(|&&t| t <= last).count() == 1;
            let all_caps = w.chars().all(|c| !c.is_lowercase()) && w.chars().count() > 1;

            let mut keep = !overlaps_taken(start, m_end);
            if keep && (self.never.contains(&k) || (k.chars().count() < 3 && !all_caps)) {
                keep = false;
            }
            // A dateline opens a paragraph in capitals: "KYIV, March 3 -".
            let dateline = initial[i] && tok_text(next) == ",";
            // Acronyms: only countries ("US", "UK", "UAE").
            if keep && all_caps && single && w.chars().count() <= 5 && !dateline {
                keep = ids.iter().any(|&id| {
                    self.gaz
                        .place(id)
                        .is_some_and(|p| p.level == Level::Country)
                });
            }
            // A title or another capitalised name before: a person ("Mr. Jackson",
            // "Chiquita Raquel Henry").
            if keep && i > 0 {
                let pt = &tokens[i - 1];
                let gap = text.get(pt.end..start).unwrap_or("");
                let pw = tok_text(i - 1);
                let ptitle = lower(pw.trim_end_matches('.'));
                let prev_is_dot = pw == "." && i >= 2;
                let title_before = self.titles.contains(ptitle.as_str())
                    || (prev_is_dot && self.titles.contains(lower(tok_text(i - 2)).as_str()));
                // After a capitalised word: a given name makes a surname; otherwise only a
                // small town's name is doubted ("Historic Dublin", "Metropolitan Atlanta" stay).
                let small = !ids.iter().any(|&id| {
                    self.gaz
                        .place(id)
                        .is_some_and(|p| p.level <= Level::Admin2 || p.population >= 20_000)
                });
                let name_before = pt.kind == TokenKind::Word
                    && gap.len() <= 1
                    && starts_upper(pw)
                    && !initial[i - 1]
                    && !self.neutral.contains(ptitle.as_str())
                    && !pw.ends_with("'s")
                    && !pw.ends_with("’s")
                    && (self.given.contains(ptitle.as_str()) || (small && single));
                if title_before || name_before {
                    keep = false;
                }
            }
            // A capitalised word after that is not part of a place-bound name: a person or
            // organisation ("Paris Hilton", "Washington Post").
            let nxt = word(next);
            if keep && want.is_none() && !nxt.is_empty() && starts_upper(nxt) {
                let gap = text
                    .get(tokens[next - 1].end..tokens[next].start)
                    .unwrap_or(" ");
                let nl = lower(nxt.trim_end_matches('.'));
                let nl = nl.trim_end_matches("'s").trim_end_matches("’s");
                if gap.len() <= 1 && !gap.contains('\n') {
                    let mut nk = String::new();
                    fold(nl, &mut nk);
                    if persons.contains(nk.as_str()) && single {
                        // "David Jones": a given name.
                        keep = false;
                    } else if self.street.contains(nl) && !starts_upper(word(next + 1)) {
                        // "Dublin Road", "Red River": a street or a feature, not the town.
                        keep = false;
                    } else if !self.after_ok.contains(nl) && single {
                        // "Henry Smith": a small place's name before another name.
                        keep = ids.iter().any(|&id| {
                            self.gaz
                                .place(id)
                                .is_some_and(|p| p.level <= Level::Admin1 || p.population >= 20_000)
                        });
                    }
                }
            }
            // "Jones said", "said Webb": a speaker is a person, not a small town.
            if keep && single && want.is_none() {
                let speech = |w: &str| {
                    matches!(
                        w,
                        "said"
                            | "says"
                            | "told"
                            | "added"
                            | "stated"
                            | "explained"
                            | "noted"
                            | "wrote"
                            | "testified"
                            | "asked"
                            | "argued"
                            | "recalled"
                            | "replied"
                    )
                };
                let nl = word(next);
                if speech(nl) || speech(&prev_l) {
                    keep = ids.iter().any(|&id| {
                        self.gaz
                            .place(id)
                            .is_some_and(|p| p.level <= Level::Admin1 || p.population >= 100_000)
                    });
                }
            }
            // A known person's name ("Jones" after "Sgt. Mark Jones" earlier).
            // "Place, Region" follows: a region or country, or a US state abbreviation.
            let region_follows = || {
                if tok_text(next) != "," {
                    return false;
                }
                let nw = word(next + 1);
                if !starts_upper(nw) {
                    return false;
                }
                let mut nk = String::new();
                fold(nw, &mut nk);
                !self.gaz.abbrev_ids(&nk).is_empty()
                    || self
                        .gaz
                        .exact_ids(&nk)
                        .iter()
                        .any(|&id| self.gaz.place(id).is_some_and(|p| p.level <= Level::Admin1))
            };
            if keep && single && persons.contains(k.as_str()) {
                keep = region_follows();
            }
            if keep && !cue && self.weak.contains(&k) {
                keep = region_follows();
            }
            // A sentence-initial single word that is also a common word, or a small place
            // named only here at the start of a sentence.
            if keep && !cue && single {
                let surface = text.get(start..end).unwrap_or("");
                let lw = lower(surface);
                let big = ids.iter().any(|&id| {
                    self.gaz
                        .place(id)
                        .is_some_and(|p| p.level <= Level::Admin1 || p.population >= 100_000)
                });
                // Copies and machine translations lower-case names ("kyiv's response"): a big
                // place inside a sentence stays a place even so.
                if lower_words.contains(lw.as_str()) && !all_caps && (initial[i] || !big) {
                    keep = false;
                } else if initial[i] {
                    let elsewhere = non_initial.contains(surface);
                    keep = big || elsewhere;
                }
            }
            if keep {
                out.push(Mention {
                    start,
                    end: m_end,
                    key: k,
                    ids,
                    want,
                    qualified: false,
                    chosen: None,
                });
                // "Paris, Texas" / "Paris, Tenn.": the region after the comma.
                if tok_text(next) == "," {
                    self.qualifier(text, tokens, next + 1, &mut out, &overlaps_taken);
                    if let Some(q) = out.last()
                        && q.qualified
                    {
                        i = tokens
                            .iter()
                            .position(|t| t.start >= q.end)
                            .unwrap_or(tokens.len());
                        continue;
                    }
                }
            }
            i = next.max(i + 1);
        }
        out
    }

    /// After "Place," at token `q`: a region or country (or a US state abbreviation) that
    /// contains one of the place's candidates. Narrows the place and adds the region.
    fn qualifier(
        &self,
        text: &str,
        tokens: &[Token],
        q: usize,
        out: &mut Vec<Mention>,
        overlaps_taken: &dyn Fn(usize, usize) -> bool,
    ) {
        let Some(first) = tokens.get(q) else { return };
        let w = text.get(first.start..first.end).unwrap_or("");
        if first.kind != TokenKind::Word || !starts_upper(w) {
            return;
        }
        let mut key = String::new();
        for n in (1..=4).rev() {
            let Some(last) = tokens.get(q + n - 1) else {
                continue;
            };
            let end = strip_possessive(text, last.start, last.end);
            // Include the dot of an abbreviation ("Tenn.").
            let dot_end = tokens
                .get(q + n)
                .filter(|t| text.get(t.start..t.end) == Some(".") && t.start == last.end)
                .map(|t| t.end);
            key.clear();
            fold(text.get(first.start..end).unwrap_or(""), &mut key);
            let mut ids: Vec<u32> = self
                .gaz
                .exact_ids(&key)
                .iter()
                .copied()
                .filter(|&id| self.gaz.place(id).is_some_and(|p| p.level <= Level::Admin1))
                .collect();
            let mut span_end = end;
            if ids.is_empty() {
                ids = self.gaz.abbrev_ids(&key).to_vec();
                if let Some(d) = dot_end {
                    span_end = d;
                }
            }
            if ids.is_empty() || overlaps_taken(first.start, span_end) {
                continue;
            }
            let Some(place) = out.last_mut() else { return };
            let inside: Vec<u32> = place
                .ids
                .iter()
                .copied()
                .filter(|&c| {
                    self.gaz.place(c).is_some_and(|cp| {
                        ids.iter().any(|&r| {
                            self.gaz.place(r).is_some_and(|rp| match rp.level {
                                Level::Country => rp.country == cp.country && r != c,
                                Level::City => c == r,
                                _ => cp.admin1 == r,
                            })
                        })
                    })
                })
                .collect();
            if inside.is_empty() {
                return;
            }
            // The region the place lies in.
            let region = ids
                .iter()
                .copied()
                .find(|&r| {
                    inside.iter().any(|&c| {
                        self.gaz.place(c).is_some_and(|cp| {
                            self.gaz.place(r).is_some_and(|rp| {
                                cp.admin1 == r
                                    || c == r
                                    || (rp.level == Level::Country && rp.country == cp.country)
                            })
                        })
                    })
                })
                .unwrap_or(ids[0]);
            place.ids = inside;
            place.qualified = true;
            out.push(Mention {
                start: first.start,
                end: span_end,
                key: key.clone(),
                ids: vec![region],
                want: None,
                qualified: true,
                chosen: None,
            });
            return;
        }
    }

    /// Picks one entry per mention: population and level, then the countries, regions and
    /// neighbourhood the other mentions point to.
    fn resolve(&self, mentions: &mut [Mention]) {
        let g = self.gaz;
        // Narrow by wanted level where that leaves something.
        for m in mentions.iter_mut() {
            if let Some(l) = m.want {
                let at_level = |ids: &[u32]| -> Vec<u32> {
                    ids.iter()
                        .copied()
                        .filter(|&id| g.place(id).is_some_and(|p| p.level == l))
                        .collect()
                };
                let mut at = at_level(&m.ids);
                if at.is_empty() && m.key.len() >= 4 {
                    at = at_level(g.fuzzy_ids(&fuzzy(&m.key)));
                }
                if !at.is_empty() {
                    m.ids = at;
                }
            }
            m.ids.truncate(64);
        }
        let prior_of = |m: &Mention, id: u32| -> f64 {
            let Some(p) = g.place(id) else {
                return f64::MIN;
            };
            let mut s = (f64::from(p.population) + 1.0).log10();
            if p.name_hash == key_hash(&m.key) {
                s += 0.5;
            }
            s += match p.level {
                Level::Country => 1.5,
                Level::Admin1 => 0.5,
                Level::Admin2 => 0.3,
                Level::City => 0.0,
            };
            // A bare name shared by a region and its main city is the city.
            if m.want.is_none() && p.level == Level::Admin1 {
                let city_same = m.ids.iter().any(|&o| {
                    g.place(o).is_some_and(|op| {
                        op.level == Level::City
                            && op.country == p.country
                            && op.population >= 50_000
                    })
                });
                if city_same {
                    s -= 3.0;
                }
            }
            s
        };
        let priors: Vec<HashMap<u32, f64>> = mentions
            .iter()
            .map(|m| m.ids.iter().map(|&id| (id, prior_of(m, id))).collect())
            .collect();
        let prior = |mi: usize, id: u32| -> f64 {
            priors
                .get(mi)
                .and_then(|p| p.get(&id))
                .copied()
                .unwrap_or(f64::MIN)
        };
        let key_hashes: Vec<u64> = mentions.iter().map(|m| key_hash(&m.key)).collect();
        // Pass 1: prior only.
        for (mi, m) in mentions.iter_mut().enumerate() {
            m.chosen = m
                .ids
                .iter()
                .copied()
                .max_by(|&a, &b| prior(mi, a).total_cmp(&prior(mi, b)));
        }
        // Context from pass 1: countries and regions named, weighted by how sure each is.
        for _round in 0..2 {
            let mut countries: HashMap<[u8; 2], f64> = HashMap::new();
            let mut regions: HashMap<u32, f64> = HashMap::new();
            let mut points: Vec<(usize, f64, f64, f64)> = Vec::new();
            let mut keys_seen: HashSet<&str> = HashSet::new();
            for (mi, m) in mentions.iter().enumerate() {
                let Some(id) = m.chosen else { continue };
                let Some(p) = g.place(id) else { continue };
                let distinct: HashSet<[u8; 2]> = m
                    .ids
                    .iter()
                    .filter_map(|&c| g.place(c).map(|cp| cp.country))
                    .collect();
                let sure = if m.ids.len() == 1 || m.qualified {
                    1.0
                } else if distinct.len() == 1 {
                    0.8
                } else {
                    0.4
                };
                // Repeated names count once.
                let first = keys_seen.insert(m.key.as_str());
                let w = if first { sure } else { sure * 0.3 };
                *countries.entry(p.country).or_default() +=
                    w * if p.level == Level::Country { 1.5 } else { 1.0 };
                if p.level == Level::Admin1 {
                    *regions.entry(id).or_default() += w;
                } else if p.admin1 != u32::MAX {
                    *regions.entry(p.admin1).or_default() += w * 0.5;
                }
                if p.level == Level::Country {
                    // A country's centre counts weakly and only nearby.
                    points.push((mi, f64::from(p.lat), f64::from(p.lon), -sure));
                } else {
                    points.push((mi, f64::from(p.lat), f64::from(p.lon), sure));
                }
                // The other readings of a short ambiguous name count too, more weakly: two
                // ambiguous names near each other ("Huntsville" and "Walker County") pull
                // towards the pair that lies together.
                if first && m.ids.len() <= 8 {
                    for &c in &m.ids {
                        if Some(c) == m.chosen {
                            continue;
                        }
                        if let Some(cp) = g.place(c).filter(|cp| cp.level != Level::Country) {
                            points.push((mi, f64::from(cp.lat), f64::from(cp.lon), 0.6));
                        }
                    }
                }
            }
            let top = countries.values().copied().fold(0.0, f64::max).max(1e-9);
            let mut changed = false;
            for mi in 0..mentions.len() {
                let m = &mentions[mi];
                if m.ids.len() <= 1 {
                    continue;
                }
                let own_key = key_hashes[mi];
                let score = |id: u32| -> f64 {
                    let Some(p) = g.place(id) else {
                        return f64::MIN;
                    };
                    let mut s = prior(mi, id);
                    // Evidence from this mention itself is left out.
                    let own = if m
                        .chosen
                        .and_then(|c| g.place(c))
                        .is_some_and(|c| c.country == p.country)
                    {
                        1.0
                    } else {
                        0.0
                    };
                    let c = (countries.get(&p.country).copied().unwrap_or(0.0) - own).max(0.0);
                    s += 3.0 * (c / top).min(1.0);
                    // A neighbour of a country the text is about.
                    if let Some(ns) = self.neighbours.get(&p.country) {
                        let nb = ns
                            .iter()
                            .filter_map(|n| countries.get(n))
                            .copied()
                            .fold(0.0, f64::max);
                        s += (nb / top).min(1.0);
                    }
                    let a1 = if p.level == Level::Admin1 {
                        id
                    } else {
                        p.admin1
                    };
                    if a1 != u32::MAX {
                        let own_r = if m.chosen == Some(id) { 1.0 } else { 0.0 };
                        let r = (regions.get(&a1).copied().unwrap_or(0.0) - own_r).max(0.0);
                        s += 2.0 * r.min(1.0);
                    }
                    if p.level != Level::Country {
                        let mut best: f64 = 0.0;
                        let (plat, plon) = (f64::from(p.lat), f64::from(p.lon));
                        let coslat = plat.to_radians().cos();
                        for &(oi, lat, lon, sure) in &points {
                            if oi == mi || (lat - plat).abs() > 5.0 || key_hashes[oi] == own_key {
                                continue;
                            }
                            // Equirectangular distance: exact enough below 500 km.
                            let mut dlon = (lon - plon).abs();
                            if dlon > 180.0 {
                                dlon = 360.0 - dlon;
                            }
                            let dx = dlon * coslat * 111.32;
                            let dy = (lat - plat) * 110.57;
                            let d = (dx * dx + dy * dy).sqrt();
                            if sure < 0.0 {
                                let b = if d < 300.0 { 0.8 } else { 0.0 };
                                best = best.max(b * -sure);
                                continue;
                            }
                            let b = if d < 50.0 {
                                2.0
                            } else if d < 200.0 {
                                1.2
                            } else if d < 500.0 {
                                0.4
                            } else {
                                0.0
                            };
                            best = best.max(b * sure);
                        }
                        s += best;
                    }
                    s
                };
                let best = m
                    .ids
                    .iter()
                    .copied()
                    .max_by(|&a, &b| score(a).total_cmp(&score(b)));
                if best != m.chosen {
                    changed = true;
                }
                mentions[mi].chosen = best;
            }
            if !changed {
                break;
            }
        }
        // One place per name in a text: repeated bare names follow the most specific reading.
        let mut by_key: HashMap<String, u32> = HashMap::new();
        for m in mentions.iter() {
            if (m.qualified || m.ids.len() == 1)
                && let Some(c) = m.chosen
            {
                by_key.entry(m.key.clone()).or_insert(c);
            }
        }
        for m in mentions.iter_mut() {
            if !m.qualified
                && m.want.is_none()
                && let Some(&c) = by_key.get(&m.key)
                && m.ids.contains(&c)
            {
                m.chosen = Some(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::distance_km;
    use crate::text::{sentences, tokenize};

    fn places(text: &str, taken: &[Entity]) -> Vec<Entity> {
        let t = PlaceTagger::new();
        t.find(text, &sentences(text), &tokenize(text), taken)
    }

    pub fn places_pub(text: &str) -> Vec<Entity> {
        places(text, &[])
    }

    fn near(e: &Entity, lat: f64, lon: f64, km: f64) -> bool {
        e.geo
            .as_ref()
            .is_some_and(|g| distance_km(g.lat, g.lon, lat, lon) < km)
    }

    #[test]
    fn war_news_places() {
        let text =
            "Russian missiles struck Mariupol and Zaporizhzhya overnight, officials in Kiev said.";
        let p = places(text, &[]);
        let names: Vec<&str> = p.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Mariupol", "Zaporizhzhya", "Kyiv"], "{p:?}");
        assert!(near(&p[0], 47.10, 37.55, 10.0));
        assert!(near(&p[1], 47.84, 35.14, 10.0));
        assert!(near(&p[2], 50.45, 30.52, 10.0));
        assert_eq!(&text[p[2].start..p[2].end], "Kiev");
        assert!(p.iter().all(|e| {
            e.geo
                .as_ref()
                .is_some_and(|g| g.country.as_deref() == Some("UA"))
        }));
    }

    #[test]
    fn region_and_city() {
        let p = places("Shelling hit the Kherson region on Sunday.", &[]);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].geo.as_ref().map(|g| g.level), Some("admin1"));
        let p = places("Shelling hit Kherson on Sunday.", &[]);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].geo.as_ref().map(|g| g.level), Some("city"));
        assert!(near(&p[0], 46.64, 32.61, 10.0));
        let p = places(
            "Fighting continued in the Donetsk oblast and in Zaporizhzhia Oblast.",
            &[],
        );
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p.iter()
                .all(|e| e.geo.as_ref().is_some_and(|g| g.level == "admin1")),
            "{p:?}"
        );
    }

    #[test]
    fn ambiguous_us_name_follows_co_mentions() {
        let p = places(
            "The storm moved from Shreveport toward Alexandria, where officials in Rapides Parish opened shelters.",
            &[],
        );
        let alex = p
            .iter()
            .find(|e| e.name == "Alexandria")
            .expect("Alexandria");
        assert_eq!(
            alex.geo.as_ref().and_then(|g| g.country.as_deref()),
            Some("US")
        );
        assert!(near(alex, 31.31, -92.45, 30.0), "{alex:?}");
        let p = places("He grew up in Paris, Texas, far from Europe.", &[]);
        assert!(near(&p[0], 33.66, -95.56, 20.0), "{p:?}");
    }

    #[test]
    fn variants_meet() {
        let text = "Strikes hit Kharkov, Nikolaev, Berdiansk and Odessa, and Zaporizhia Oblast.";
        let p = places(text, &[]);
        let names: Vec<&str> = p.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names[..4],
            ["Kharkiv", "Mykolayiv", "Berdyansk", "Odesa"],
            "{p:?}"
        );
        assert_eq!(p[4].geo.as_ref().map(|g| g.level), Some("admin1"), "{p:?}");
        assert!(near(&p[0], 49.99, 36.23, 15.0));
        assert!(near(&p[1], 46.97, 32.0, 15.0));
    }

    #[test]
    fn multi_word_names() {
        let p = places(
            "Refugees reached Bosnia and Herzegovina and New York after leaving Luhansk.",
            &[],
        );
        let names: Vec<&str> = p.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            ["Bosnia and Herzegovina", "New York City", "Luhansk"],
            "{p:?}"
        );
        assert_eq!(p[0].geo.as_ref().map(|g| g.level), Some("country"));
        assert_eq!(p[2].geo.as_ref().map(|g| g.level), Some("city"));
    }

    #[test]
    fn lists_before_a_plural_level_word() {
        let p = places(
            "The bridge links Walton and Oconee counties in Georgia.",
            &[],
        );
        let levels: Vec<&str> = p
            .iter()
            .filter_map(|e| e.geo.as_ref().map(|g| g.level))
            .collect();
        assert_eq!(levels, ["admin2", "admin2", "admin1"], "{p:?}");
        assert!(
            p.iter()
                .all(|e| e.geo.as_ref().and_then(|g| g.country.as_deref()) == Some("US"))
        );
    }

    #[test]
    fn taken_spans_are_skipped() {
        let text = "Moscow said the strikes on Odessa were justified.";
        let taken = [Entity {
            start: 0,
            end: 6,
            kind: EntityKind::Org,
            name: "Russia".into(),
            form: MentionForm::Metonym,
            side: Some("RU".into()),
            role: None,
            geo: None,
        }];
        let p = places(text, &taken);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].name, "Odesa");
    }

    #[test]
    fn demonyms_and_months_are_not_places() {
        let p = places(
            "Ukrainian troops advanced in May, a Russian officer said.",
            &[],
        );
        assert!(p.is_empty(), "{p:?}");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let p = places(&s, &[]);
            let mut last = 0;
            for e in &p {
                proptest::prop_assert!(e.start >= last && e.start < e.end && e.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(e.start) && s.is_char_boundary(e.end));
                last = e.end;
            }
        }

        #[test]
        fn never_panics_on_capitalised_words(words in proptest::collection::vec("(Kyiv|Kherson|Paris|Texas|,|region|Oblast|St|\\.|in|New|York|Mr|’s|-|[A-Z][a-zé]{1,8})", 0..30)) {
            let s = words.join(" ");
            let p = places(&s, &[]);
            let mut last = 0;
            for e in &p {
                proptest::prop_assert!(e.start >= last && e.start < e.end && e.end <= s.len());
                last = e.end;
            }
        }
    }
}

#[cfg(test)]
mod debug {
    #[test]
    #[ignore]
    fn show() {
        let text = std::env::var("PLACES_TEXT").unwrap_or_default();
        for e in super::tests::places_pub(&text) {
            eprintln!("{:?} {} {:?}", &text[e.start..e.end], e.name, e.geo);
        }
    }
}
