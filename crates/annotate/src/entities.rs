//! People, organisations and collective actors, with canonical names, sides, roles and
//! coreference within one text.
//!
//! Entry point: [`EntityTagger::find`]. The tagger owns person, organisation and group mentions
//! and the metonymic use of capitals and seats of government ("Moscow said", "the Kremlin");
//! ordinary place names are left untagged for the place tagger.
//!
//! How it works, in three passes over the tokens:
//! 1. **Matching.** At each token the rules below are tried and the one that reaches furthest
//!    wins: organisation lexicon (`orgs.tsv`), a side (demonym, "Russia's", "pro-Russian",
//!    "Kremlin-backed", an organisation or seat) followed by a ministry, "government", a title,
//!    a collective noun or a capitalised organisation name ending in "Council", "Agency"...;
//!    a title followed by a name ("Deputy Prime Minister Iryna Vereshchuk"); seats and capitals
//!    used as governments; honorifics ("Mr. Sullivan"); runs of capitalised words that are names
//!    when the evidence is strong (a known given name, a speech verb next to them, a lexicon
//!    person); speech pronouns ("he said", "according to her"); bare collective nouns.
//! 2. **People.** Full names are grouped by normalised name key ([`names::name_key`]: case,
//!    diacritics, y/i, kh/h, doubled letters) and the people lexicon; the canonical name is the
//!    lexicon's, else the fullest form in the text. Single capitalised words that are the surname
//!    of a person in the text (or in the lexicon) become short mentions.
//! 3. **Coreference.** Titles ("the mayor", "Turkey's foreign minister") go to the nearest person
//!    holding that role; speech pronouns go to the nearest fitting person in the same or the two
//!    preceding sentences, preferring one who was reported speaking.
//!
//! Canonical names and sides:
//! - people: the lexicon's name (`people.tsv`), else the fullest form in the text; the side from
//!   the lexicon, a demonym or possessive before the title ("Ukrainian President", "Turkey's"),
//!   "of Israel" after the name, or the organisation right before the title ("Kremlin
//!   spokesman"). A title alone with a side and no one in the text holding it goes to the one
//!   lexicon person with that role and side, else to "<Role> of <Country>".
//! - groups: "<Adjective> <head>", where troops, soldiers, army, military, servicemen and units
//!   are all "forces" (one armed actor per side); officials and authorities are "officials";
//!   negotiators, delegation and side are "side"; separatists with a side are "pro-<Adjective>
//!   separatists". Civilians, residents (locals), refugees... stand alone with no side.
//! - organisations: the lexicon's canonical name (`orgs.tsv`: "UN refugee agency" → "UNHCR");
//!   ministries as "<Adjective> Ministry of <Topic>"; "the Russian government" and the seats and
//!   capitals used as governments as "Government of <Country>" (form Metonym for seats/capitals).
//! - sides are ISO 3166-1 alpha-2 codes or a body's own short name ("UN", "NATO", "ICRC", "EU").
//!   Media carry a side only when state-owned or state-controlled.
//!
//! It never does I/O (the lexicons are compiled in), never panics on any input, and returns spans
//! in text order without overlaps, on `char` boundaries. A person mention's span is the name
//! only, so that a place before a title ("Mariupol Mayor ...") stays free for the place tagger.

mod lexicon;
mod names;
#[cfg(test)]
mod tests;

use lexicon::{FxMap, FxSet, Gender, Lexicon, Tk, full_key, is_initial};
use names::{fold_lower, name_key, strip_possessive};

use crate::types::{Entity, EntityKind, MentionForm, Sentence, Token, TokenKind};

/// Finds people, organisations and groups. Build once, use for many texts.
#[derive(Debug)]
pub struct EntityTagger {
    lx: Lexicon,
    stop: FxSet<&'static str>,
    org_heads: FxSet<&'static str>,
    not_names: FxSet<&'static str>,
}

impl Default for EntityTagger {
    fn default() -> Self {
        Self::new()
    }
}

const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "as",
    "if",
    "for",
    "of",
    "to",
    "by",
    "with",
    "from",
    "after",
    "before",
    "during",
    "while",
    "when",
    "where",
    "since",
    "until",
    "this",
    "that",
    "these",
    "those",
    "there",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "today",
    "yesterday",
    "tomorrow",
    "according",
    "meanwhile",
    "however",
    "also",
    "earlier",
    "later",
    "separately",
    "asked",
    "live",
    "watch",
    "read",
    "more",
    "related",
    "image",
    "photo",
    "video",
    "source",
    "update",
    "breaking",
    "new",
    "latest",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "no",
    "not",
    "only",
    "then",
    "thus",
    "so",
    "yet",
    "still",
    "even",
    "just",
    "now",
    "here",
    "what",
    "who",
    "why",
    "how",
    "which",
    "whose",
    "although",
    "though",
    "because",
    "amid",
    "despite",
    "against",
    "between",
    "among",
    "under",
    "over",
    "about",
    "around",
    "near",
    "into",
    "through",
    "across",
    "without",
    "within",
    "upon",
    "via",
    "per",
    "once",
    "again",
    "further",
    "first",
    "last",
    "next",
    "other",
    "another",
    "such",
    "than",
    "said",
    "says",
    "god",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "north",
    "south",
    "east",
    "west",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "city",
    "region",
    "oblast",
    "district",
    "street",
    "square",
    "avenue",
    "river",
    "sea",
    "lake",
    "mount",
    "island",
    "bridge",
    "airport",
    "station",
    "plant",
    "port",
    "comments",
    "home",
    "top",
    "news",
    "world",
    "europe",
    "africa",
    "asia",
    "crimea",
    "donbas",
    "donbass",
    "covid",
    "christmas",
    "easter",
    "olympics",
    "war",
    "world war",
    "ii",
    "day",
    "government",
    "ministry",
    "council",
    "a.m.",
    "p.m.",
    "km",
    "ukraine-russia",
    "russia-ukraine",
    "please",
    "click",
    "share",
    "follow",
    "subscribe",
    "getty",
    "ap",
    "afp",
    "reuters",
    "credit",
    "editing",
    "reporting",
    "writing",
];

const ORG_HEADS: &[&str] = &[
    "ministry",
    "council",
    "agency",
    "committee",
    "commission",
    "service",
    "office",
    "guard",
    "staff",
    "department",
    "bureau",
    "court",
    "parliament",
    "administration",
    "directorate",
    "institute",
    "university",
    "foundation",
    "fund",
    "organization",
    "organisation",
    "union",
    "party",
    "bank",
    "corporation",
    "association",
    "command",
    "navy",
    "police",
    "assembly",
    "cabinet",
    "mission",
    "brigade",
    "regiment",
    "battalion",
    "division",
    "corps",
    "centre",
    "center",
    "authority",
    "inspectorate",
    "prosecutor's",
    "forces",
    "company",
    "airlines",
    "federation",
    "secretariat",
    "watch",
    "network",
    "fleet",
];

/// Auxiliaries and adverbs allowed between a subject and its verb ("Kyiv has also indicated").
const AUX: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "repeatedly",
    "previously",
    "already",
    "now",
    "still",
    "reportedly",
    "officially",
    "publicly",
    "again",
    "never",
    "not",
    "later",
    "then",
    "further",
    "earlier",
    "too",
    "separately",
    "again",
    "firmly",
    "strongly",
    "flatly",
];

const MODALS: &[&str] = &[
    "would", "will", "could", "may", "might", "must", "should", "can", "cannot", "won't", "is",
    "was",
];

const PLACE_PREPS: &[&str] = &[
    "in", "at", "from", "to", "near", "into", "toward", "towards", "outside", "around", "across",
    "via", "through", "of", "between", "and", "inside", "over", "on", "for", "visit", "visited",
    "reached", "left", "entered", "about",
];

/// One word of a run of name words, as it stands in the text.
#[derive(Debug, Clone, Copy)]
enum NameWord<'t> {
    /// A capitalised name word, perhaps with a possessive "'s".
    Name(&'t str),
    /// The letter of an initial, followed by its dot.
    Initial(&'t str),
    /// "de", "van", "bin"...
    Particle(&'t str),
}

#[derive(Debug, Clone)]
struct PersonMention {
    start: usize,
    end: usize,
    words: Vec<String>,
    role: Option<String>,
    side: Option<String>,
    gender: Option<Gender>,
    speaker: bool,
    /// Found by strong evidence (a title, an honorific, a given name, a speech verb, the
    /// lexicon); a weak run is kept only if it names someone found otherwise.
    strong: bool,
}

#[derive(Debug, Clone)]
enum Raw {
    Done(Entity),
    Person(PersonMention),
    /// A single capitalised word that may be the surname of someone named elsewhere.
    Short {
        start: usize,
        end: usize,
        speaker: bool,
    },
    /// A role standing for a person ("the mayor", "Turkey's foreign minister").
    TitleRef {
        start: usize,
        end: usize,
        role: String,
        side: Option<String>,
    },
    Pronoun {
        start: usize,
        end: usize,
        gender: Gender,
    },
}

impl Raw {
    fn span(&self) -> (usize, usize) {
        match self {
            Raw::Done(e) => (e.start, e.end),
            Raw::Person(p) => (p.start, p.end),
            Raw::Short { start, end, .. }
            | Raw::TitleRef { start, end, .. }
            | Raw::Pronoun { start, end, .. } => (*start, *end),
        }
    }
}

/// What a side prefix says: a country or body, how to write it in a group name, and an entity
/// to emit for it (an organisation or a seat).
#[derive(Debug, Clone)]
struct SideCtx {
    code: Option<String>,
    adj: String,
    country: Option<usize>,
    end: usize,
    emit: Option<Entity>,
}

/// The per-text working state.
struct Doc<'t, 'l> {
    text: &'t str,
    toks: Vec<Tk<'t>>,
    sent: Vec<usize>,
    tagger: &'l EntityTagger,
    country_at: Vec<Option<(usize, usize)>>,
    org_at: Vec<Option<(usize, usize)>>,
    seat_at: Vec<Option<(usize, usize)>>,
    title_at: Vec<Option<(usize, usize)>>,
    group_at: Vec<Option<(usize, usize)>>,
    /// Whether each token can be part of a name (see [`Doc::name_word_at`]), worked out once:
    /// the rules ask about the same tokens many times.
    name_word: Vec<bool>,
    /// Words seen in lower case in this text, collected when first needed.
    lower_words: std::cell::OnceCell<FxSet<&'t str>>,
}

impl EntityTagger {
    pub fn new() -> Self {
        EntityTagger {
            lx: Lexicon::load(),
            stop: STOP.iter().copied().collect(),
            org_heads: ORG_HEADS.iter().copied().collect(),
            not_names: include_str!("../data/entities/not_names.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect(),
        }
    }

    /// Every person, organisation and group mention in `text`, in text order, without overlaps.
    pub fn find(&self, text: &str, sentences: &[Sentence], tokens: &[Token]) -> Vec<Entity> {
        let doc = Doc::new(self, text, sentences, tokens);
        let raws = doc.scan();
        let mut out = doc.resolve(raws);
        out.sort_by_key(|e| (e.start, e.end));
        let mut last = 0;
        out.retain(|e| {
            let ok = e.start >= last
                && e.end > e.start
                && text.is_char_boundary(e.start)
                && text.is_char_boundary(e.end);
            if ok {
                last = e.end;
            }
            ok
        });
        out
    }
}

fn make_tk<'t>(text: &'t str, t: &Token) -> Option<Tk<'t>> {
    let s = text.get(t.start..t.end)?;
    let low = if s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(fold_lower(s))
    };
    let b = strip_possessive(s);
    let poss = b.len() != s.len();
    let base = if poss { fold_lower(b) } else { String::new() };
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    Some(Tk {
        s,
        low,
        base,
        start: t.start,
        end: t.end,
        base_end: t.start + b.len(),
        word: t.kind == TokenKind::Word,
        cap: s.chars().next().is_some_and(char::is_uppercase),
        caps: letters >= 2 && !s.chars().any(char::is_lowercase),
        poss,
    })
}

fn entity(
    start: usize,
    end: usize,
    kind: EntityKind,
    name: String,
    form: MentionForm,
    side: Option<String>,
) -> Entity {
    Entity {
        start,
        end,
        kind,
        name,
        form,
        side,
        role: None,
        geo: None,
    }
}

impl<'t, 'l> Doc<'t, 'l> {
    fn new(
        tagger: &'l EntityTagger,
        text: &'t str,
        sentences: &[Sentence],
        tokens: &[Token],
    ) -> Self {
        let toks: Vec<Tk> = tokens.iter().filter_map(|t| make_tk(text, t)).collect();
        let mut sent = Vec::with_capacity(toks.len());
        let mut si = 0;
        for t in &toks {
            while si < sentences.len() && sentences[si].end <= t.start {
                si += 1;
            }
            sent.push(si);
        }
        let lx = &tagger.lx;
        let n = toks.len();
        let mut d = Doc {
            text,
            toks,
            sent,
            tagger,
            country_at: vec![None; n],
            org_at: vec![None; n],
            seat_at: vec![None; n],
            title_at: vec![None; n],
            group_at: vec![None; n],
            name_word: Vec::new(),
            lower_words: std::cell::OnceCell::new(),
        };
        for i in 0..n {
            if !d.toks[i].word {
                continue;
            }
            let t = &d.toks[i];
            let mask = lx.first_mask.get(t.low.as_ref()).copied().unwrap_or(0)
                | if t.poss {
                    lx.first_mask.get(t.base.as_str()).copied().unwrap_or(0)
                } else {
                    0
                };
            if mask == 0 {
                continue;
            }
            if mask & 1 != 0 {
                d.country_at[i] = d.within(i, lx.country_phrases.longest(&d.toks, i));
            }
            if mask & 2 != 0 {
                d.org_at[i] = d.within(i, lx.org_phrases.longest(&d.toks, i));
            }
            if mask & 4 != 0 {
                d.seat_at[i] = d.within(i, lx.seat_phrases.longest(&d.toks, i));
            }
            if mask & 8 != 0 {
                d.title_at[i] = d.within(i, lx.title_phrases.longest(&d.toks, i));
            }
            if mask & 16 != 0 {
                d.group_at[i] = d.within(i, lx.group_phrases.longest(&d.toks, i));
            }
            // A capitalised phrase needs capitals on its words ("the Red Cross", not "red cross").
            if let Some((_, e)) = d.country_at[i]
                && !d.toks[i..e].iter().all(|t| t.cap || !t.word)
            {
                d.country_at[i] = None;
            }
        }
        d.name_word = (0..n).map(|i| d.name_word_at(i)).collect();
        d
    }

    /// Keeps a phrase match only inside one sentence, and only if no inner token but the last
    /// carries a possessive.
    fn within(&self, i: usize, m: Option<(usize, usize)>) -> Option<(usize, usize)> {
        let (id, e) = m?;
        let s = self.sent[i];
        (self.sent[e - 1] == s).then_some((id, e))
    }

    fn lx(&self) -> &'l Lexicon {
        &self.tagger.lx
    }

    fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.low.as_ref())
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word && t.s == p)
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.sent.get(a), self.sent.get(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    fn is_speech(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.word && self.lx().speech.contains(t.low.as_ref()))
    }

    /// A capitalised word that can be part of a name.
    fn is_name_word(&self, i: usize) -> bool {
        self.name_word.get(i).copied().unwrap_or(false)
    }

    /// Works out [`Doc::is_name_word`]; needs `title_at` and `country_at`.
    fn name_word_at(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        t.word
            && t.cap
            && !t.caps
            && !self.tagger.stop.contains(t.base())
            && self.title_at[i].is_none()
            && self.country_at[i].is_none()
            && !self.tagger.org_heads.contains(t.base())
            && !self
                .lx()
                .honorifics
                .contains_key(t.base().trim_end_matches('.'))
            && !t.s.ends_with('.')
            && t.s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.s
                .split('-')
                .all(|seg| seg.chars().next().is_some_and(char::is_uppercase))
            && !t.s.chars().any(|c| c.is_ascii_digit())
    }

    /// A run of name words from `i`: (end token, words). Initials ("S.") and particles ("von")
    /// may sit inside; a possessive word ends the run.
    fn name_run(&self, i: usize) -> Option<(usize, Vec<String>)> {
        let mut words = Vec::new();
        let end = self.walk_name_run(i, |w| {
            words.push(match w {
                NameWord::Name(s) => strip_possessive(s).to_string(),
                NameWord::Initial(s) => format!("{s}."),
                NameWord::Particle(s) => s.to_string(),
            });
        })?;
        Some((end, words))
    }

    /// The end token and number of words of the run [`Doc::name_run`] finds, without making
    /// its words.
    fn name_run_len(&self, i: usize) -> Option<(usize, usize)> {
        let mut n = 0;
        let end = self.walk_name_run(i, |_| n += 1)?;
        Some((end, n))
    }

    /// Walks the run of name words from `i`, giving each word to `word`; returns the end token.
    fn walk_name_run(&self, i: usize, mut word: impl FnMut(NameWord<'t>)) -> Option<usize> {
        if !self.is_name_word(i) {
            return None;
        }
        let mut words = 0;
        let mut j = i;
        while j < self.toks.len() && words < 5 {
            if j > i && !self.same_sentence(i, j) {
                break;
            }
            if j > i && self.text[self.toks[j - 1].end..self.toks[j].start].contains('\n') {
                break;
            }
            let t = &self.toks[j];
            if self.is_name_word(j) {
                word(NameWord::Name(t.s));
                words += 1;
                j += 1;
                if t.poss {
                    break;
                }
                continue;
            }
            // An initial: "S" followed by "." and another name word.
            if words > 0
                && t.word
                && is_initial(t.s)
                && self.is_punct(j + 1, ".")
                && self.is_name_word(j + 2)
            {
                word(NameWord::Initial(t.s));
                words += 1;
                j += 2;
                continue;
            }
            if words > 0
                && t.word
                && matches!(
                    t.s,
                    "de" | "van"
                        | "von"
                        | "der"
                        | "bin"
                        | "ibn"
                        | "al"
                        | "da"
                        | "dos"
                        | "del"
                        | "la"
                        | "le"
                )
                && self.is_name_word(j + 1)
            {
                word(NameWord::Particle(t.s));
                words += 1;
                j += 1;
                continue;
            }
            break;
        }
        (words > 0).then_some(j)
    }

    /// Whether a speech verb reports the words of the subject ending before token `end`:
    /// "X said", "X, 30, said", "X, an adviser to the mayor, told".
    fn speech_after(&self, end: usize) -> bool {
        if self.is_speech(end) {
            return true;
        }
        // "X also said", "X has said".
        if matches!(
            self.low(end),
            "also" | "has" | "had" | "later" | "then" | "further"
        ) && self.is_speech(end + 1)
        {
            return true;
        }
        if self.is_punct(end, ",") {
            let mut k = end + 1;
            let limit = (end + 18).min(self.toks.len());
            while k < limit && self.same_sentence(end, k) {
                if self.is_punct(k, ",") {
                    return self.is_speech(k + 1)
                        || (self.low(k + 1) == "also" && self.is_speech(k + 2));
                }
                if self.is_punct(k, "(") || self.is_punct(k, ")") || self.toks[k].word {
                    k += 1;
                    continue;
                }
                if self.toks[k].word || self.toks[k].s.chars().all(|c| c.is_ascii_digit()) {
                    k += 1;
                    continue;
                }
                if matches!(self.toks[k].s, "-" | "’" | "'" | "/") {
                    k += 1;
                    continue;
                }
                break;
            }
        }
        false
    }

    /// Whether a speech verb or "according to" just before token `i` introduces its words.
    fn speech_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if self.is_speech(i - 1) && self.same_sentence(i - 1, i) {
            return true;
        }
        i >= 2 && self.low(i - 2) == "according" && self.low(i - 1) == "to"
    }

    /// The first pass: every rule at every token, the furthest-reaching match kept.
    fn scan(&self) -> Vec<Raw> {
        let mut out = Vec::new();
        let mut i = 0;
        let n = self.toks.len();
        while i < n {
            if !self.toks[i].word {
                i += 1;
                continue;
            }
            let mut best: Option<(usize, Vec<Raw>)> = None;
            let mut consider = |c: Option<(usize, Vec<Raw>)>| {
                if let Some((e, r)) = c
                    && e > i
                    && best.as_ref().is_none_or(|(be, _)| e > *be)
                {
                    best = Some((e, r));
                }
            };
            consider(self.rule_org(i));
            consider(self.rule_side(i));
            consider(self.rule_title(i, None, i));
            consider(self.rule_seat(i));
            consider(self.rule_honorific(i));
            consider(
                self.rule_generic_org(i, None)
                    .map(|(e, ent)| (e, vec![Raw::Done(ent)])),
            );
            consider(self.rule_pronoun(i));
            consider(self.rule_group(i, None));
            let name = self.rule_name(i);
            let (e, mut r) = match (best, name) {
                (Some((e, r)), Some((ne, _))) if e >= ne => (e, r),
                (_, Some((ne, r))) => (ne, r),
                (Some((e, r)), None) => (e, r),
                (None, None) => {
                    i += 1;
                    continue;
                }
            };
            // "Russian Defence Ministry spokesman Igor Konashenkov": the person takes the side
            // of the organisation just before the title.
            if let Some(Raw::Done(prev)) = out.last()
                && prev.kind == EntityKind::Org
                && prev.side.is_some()
                && i > 0
                && (prev.end == self.toks[i - 1].end || prev.end == self.toks[i - 1].base_end)
                && self.title_at[i].is_some()
            {
                for raw in &mut r {
                    if let Raw::Person(p) = raw
                        && p.side.is_none()
                    {
                        p.side = prev.side.clone();
                    }
                }
            }
            out.extend(r);
            i = e;
        }
        out
    }

    fn rule_org(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let (id, e) = self.org_at[i]?;
        let org = self.lx().orgs.get(id)?;
        let ent = entity(
            self.toks[i].start,
            self.toks[e - 1].base_end,
            EntityKind::Org,
            org.name.clone(),
            MentionForm::Name,
            org.side.clone(),
        );
        Some((e, vec![Raw::Done(ent)]))
    }

    /// A side prefix at `i`.
    fn side_at(&self, i: usize) -> Option<SideCtx> {
        let t = self.toks.get(i)?;
        if !t.word {
            return None;
        }
        if let Some((cid, e)) = self.country_at[i] {
            let c = self.lx().countries.get(cid)?;
            return Some(SideCtx {
                code: c.code.clone(),
                adj: c.adj.clone(),
                country: Some(cid),
                end: e,
                emit: None,
            });
        }
        // "pro-Russian", "Kremlin-backed", "Russian-controlled", "Moscow-installed".
        let low = t.low.as_ref();
        let inner = low.strip_prefix("pro-").or_else(|| {
            [
                "-backed",
                "-controlled",
                "-installed",
                "-appointed",
                "-led",
                "-allied",
            ]
            .iter()
            .find_map(|s| low.strip_suffix(s))
        });
        if let Some(inner) = inner {
            let cid = self.lx().country_single.get(inner).copied().or_else(|| {
                let sid = self.lx().seat_single.get(inner)?;
                let code = self.lx().seats.get(*sid)?.side.as_deref()?;
                self.lx()
                    .countries
                    .iter()
                    .position(|c| c.code.as_deref() == Some(code))
            })?;
            let c = self.lx().countries.get(cid)?;
            return Some(SideCtx {
                code: c.code.clone(),
                adj: format!("pro-{}", c.adj),
                country: Some(cid),
                end: i + 1,
                emit: None,
            });
        }
        if let Some((oid, e)) = self.org_at[i] {
            let org = self.lx().orgs.get(oid)?;
            return Some(self.named_side(i, e, &org.name, MentionForm::Name, &org.side));
        }
        if let Some((sid, e)) = self.seat_at[i] {
            let seat = self.lx().seats.get(sid)?;
            if seat.always {
                return Some(self.named_side(i, e, &seat.gov, MentionForm::Metonym, &seat.side));
            }
        }
        None
    }

    /// A side followed by what it qualifies.
    /// The side given by an organisation or a seat of government over tokens `i..e`, which is
    /// also a mention of it ("the Kremlin's", "NATO").
    fn named_side(
        &self,
        i: usize,
        e: usize,
        name: &str,
        form: MentionForm,
        side: &Option<String>,
    ) -> SideCtx {
        let words: Vec<&str> = self.toks[i..e].iter().map(|t| t.s).collect();
        let ent = entity(
            self.toks[i].start,
            self.toks[e - 1].base_end,
            EntityKind::Org,
            name.to_owned(),
            form,
            side.clone(),
        );
        SideCtx {
            code: side.clone(),
            adj: strip_possessive(&words.join(" ")).to_string(),
            country: None,
            end: e,
            emit: Some(ent),
        }
    }

    fn rule_side(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let ctx = self.side_at(i)?;
        let j = ctx.end;
        if j >= self.toks.len() || !self.same_sentence(i, j) {
            return None;
        }
        let mut best: Option<(usize, Vec<Raw>)> = None;
        let mut consider = |c: Option<(usize, Vec<Raw>)>| {
            if let Some((e, r)) = c
                && best.as_ref().is_none_or(|(be, _)| e > *be)
            {
                best = Some((e, r));
            }
        };
        consider(self.rule_ministry(i, &ctx));
        consider(self.rule_government(i, &ctx));
        consider(self.rule_title(j, Some(&ctx), i));
        consider(self.rule_group(j, Some((&ctx, i))));
        consider(
            self.rule_generic_org(j, Some((&ctx, i)))
                .map(|(e, ent)| (e, vec![Raw::Done(ent)])),
        );
        // "Russian and Ukrainian negotiators": the first side shares the second's noun.
        if matches!(self.low(j), "and" | "or")
            && ctx.emit.is_none()
            && let Some((e, raws)) = self.rule_side(j + 1)
            && let Some(Raw::Done(g)) = raws.last()
            && g.kind == EntityKind::Group
            && let Some(head) = g.name.split(' ').next_back()
        {
            let name = if head == "separatists" && !ctx.adj.starts_with("pro-") {
                format!("pro-{} {head}", ctx.adj)
            } else {
                format!("{} {head}", ctx.adj)
            };
            let first = entity(
                self.toks[i].start,
                self.toks[j - 1].base_end,
                EntityKind::Group,
                name,
                MentionForm::Name,
                ctx.code.clone(),
            );
            let mut v = vec![Raw::Done(first)];
            v.extend(raws);
            consider(Some((e, v)));
        }
        let (e, mut raws) = best?;
        if let Some(emit) = ctx.emit.clone() {
            // Keep the prefix entity unless the match already covers it.
            let covered = raws.iter().any(|r| r.span().0 <= emit.start);
            if !covered {
                raws.insert(0, Raw::Done(emit));
            }
        }
        Some((e, raws))
    }

    /// Name of a country side for canonical names: "Russian".
    fn adj_of(ctx: &SideCtx) -> &str {
        &ctx.adj
    }

    /// "Russian Defence Ministry", "Russia's Ministry of Defence", "the Ukrainian Foreign Ministry".
    fn rule_ministry(&self, i: usize, ctx: &SideCtx) -> Option<(usize, Vec<Raw>)> {
        let j = ctx.end;
        let (topic, e) = if self.low(j) == "ministry" && self.low(j + 1) == "of" {
            let (t, k) = self.topic_at(j + 2)?;
            (t, k)
        } else {
            let (t, k) = self.topic_at(j)?;
            if !matches!(self.low(k), "ministry" | "department") {
                return None;
            }
            (t, k + 1)
        };
        let name = format!("{} Ministry of {topic}", Self::adj_of(ctx));
        let ent = entity(
            self.toks[i].start,
            self.toks[e - 1].base_end,
            EntityKind::Org,
            name,
            MentionForm::Name,
            ctx.code.clone(),
        );
        Some((e, vec![Raw::Done(ent)]))
    }

    fn topic_at(&self, j: usize) -> Option<(String, usize)> {
        let mut key = String::new();
        let mut best = None;
        for k in j..(j + 5).min(self.toks.len()) {
            if !self.toks[k].word {
                break;
            }
            if k > j {
                key.push(' ');
            }
            key.push_str(&self.toks[k].low);
            if let Some(t) = self.lx().ministry_topics.get(&key) {
                best = Some((t.clone(), k + 1));
            }
        }
        best
    }

    /// "the Russian government", "Ukraine's central government" → "Government of Russia".
    fn rule_government(&self, i: usize, ctx: &SideCtx) -> Option<(usize, Vec<Raw>)> {
        let cid = ctx.country?;
        let mut j = ctx.end;
        if matches!(self.low(j), "central" | "federal" | "national") {
            j += 1;
        }
        if !matches!(self.low(j), "government" | "administration" | "leadership") {
            return None;
        }
        let c = self.lx().countries.get(cid)?;
        c.code.as_ref()?;
        let ent = entity(
            self.toks[i].start,
            self.toks[j].base_end,
            EntityKind::Org,
            format!("Government of {}", c.name),
            MentionForm::Name,
            c.code.clone(),
        );
        Some((j + 1, vec![Raw::Done(ent)]))
    }

    /// A title, then a name: "Foreign Minister Sergei Lavrov", "the head of the delegation,
    /// David Arakhamia", "Prime Minister Naftali Bennett of Israel"; or a title alone after "the"
    /// or a side ("Turkey's foreign minister").
    fn rule_title(
        &self,
        i: usize,
        ctx: Option<&SideCtx>,
        from: usize,
    ) -> Option<(usize, Vec<Raw>)> {
        let (tid, j) = self.title_at[i]?;
        let title = self.lx().titles.get(tid)?;
        // "Deputy Defence Minister Hanna Maliar": a prefix title joins the title after it.
        if matches!(title.role.as_deref(), Some("Deputy" | "Chief" | "Head"))
            && self.title_at.get(j).is_some_and(Option::is_some)
            && self.same_sentence(i, j)
            && let Some((e, mut raws)) = self.rule_title(j, ctx, from)
        {
            let prefix = title.role.as_deref().unwrap_or("");
            for r in &mut raws {
                match r {
                    Raw::Person(p) => {
                        p.role = p.role.as_ref().map(|x| format!("{prefix} {x}"));
                    }
                    Raw::TitleRef { role, .. } => *role = format!("{prefix} {role}"),
                    _ => {}
                }
            }
            return Some((e, raws));
        }
        let mut side = ctx.and_then(|c| c.code.clone());
        let mut country = ctx.and_then(|c| c.country);
        let person = |s: usize, e: usize, words: Vec<String>, side: Option<String>| PersonMention {
            start: self.toks[s].start,
            end: self.toks[e - 1].base_end,
            words,
            role: title.role.clone(),
            side,
            gender: title.gender,
            speaker: self.speech_after(e),
            strong: true,
        };
        // Title directly followed by the name.
        if let Some((k, words)) = self.name_run(j)
            && self.same_sentence(i, j)
            && self.org_at[j].is_none()
        {
            let mut end = k;
            if self.low(k) == "of"
                && let Some(c) = self.side_at(k + 1).filter(|c| c.country.is_some())
            {
                side = side.or(c.code.clone());
                end = c.end;
            }
            let mut p = person(j, k, words, side);
            p.speaker = p.speaker || self.speech_after(end) || self.speech_before(from);
            return Some((end, vec![Raw::Person(p)]));
        }
        // "the head of the Ukrainian delegation, David Arakhamia": the side from the "of" phrase.
        let mut k = j;
        let mut of_side_end = None;
        if matches!(self.low(j), "of" | "for" | "at" | "with") {
            k = j + 1;
            let limit = (j + 10).min(self.toks.len());
            while k < limit && self.same_sentence(j, k) && !self.is_punct(k, ",") {
                if let Some(c) = self.side_at(k) {
                    side = side.or(c.code.clone());
                    if country.is_none() {
                        country = c.country;
                    }
                    if of_side_end.is_none() {
                        of_side_end = Some(c.end);
                    }
                    k = c.end;
                    continue;
                }
                if !self.toks[k].word || self.is_punct(k, ".") {
                    break;
                }
                k += 1;
            }
        }
        if self.is_punct(k, ",")
            && let Some((e, words)) = self.name_run(k + 1)
            && words.len() >= 2
            && self.same_sentence(i, e - 1)
        {
            let mut p = person(k + 1, e, words, side);
            p.speaker = p.speaker
                || self.speech_before(from)
                || (self.is_punct(e, ",") && self.is_speech(e + 1));
            return Some((e, vec![Raw::Person(p)]));
        }
        // A title alone refers to someone named elsewhere (not the vaguest ones: "the head").
        let role = title.role.clone()?;
        if matches!(
            role.as_str(),
            "Head"
                | "Chief"
                | "Leader"
                | "Deputy"
                | "Expert"
                | "Analyst"
                | "Correspondent"
                | "Journalist"
                | "Reporter"
                | "Photographer"
                | "Activist"
                | "Professor"
                | "Director"
                | "Chair"
                | "Secretary"
                | "Captain"
                | "General"
        ) && ctx.is_none()
        {
            return None;
        }
        let after_the = from > 0 && matches!(self.low(from - 1), "the" | "his" | "her" | "its");
        if ctx.is_none() && !after_the && self.low(from) != "the" {
            return None;
        }
        // The title must end the noun phrase: "the president's plan" is fine, "the president
        // Emmanuel" is handled above, "the mayor office" is not a person.
        let end = match of_side_end {
            Some(e) if ctx.is_none() && country.is_some() => e,
            _ => j,
        };
        if self.toks.get(end).is_some_and(|t| {
            t.word
                && !t.cap
                && !self.lx().speech.contains(t.low.as_ref())
                && !AUX.contains(&t.low.as_ref())
                && !MODALS.contains(&t.low.as_ref())
                && !matches!(
                    t.low.as_ref(),
                    "and" | "who" | "on" | "in" | "at" | "that" | "of"
                )
        }) {
            return None;
        }
        let r = Raw::TitleRef {
            start: self.toks[from].start,
            end: self.toks[end - 1].base_end,
            role,
            side,
        };
        Some((end, vec![r]))
    }

    /// Seats ("the Kremlin") always; capitals only as the subject or object of a government's
    /// act ("Moscow said", "Kyiv has indicated", "urged Beijing to").
    fn rule_seat(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let (sid, e) = self.seat_at[i]?;
        let seat = self.lx().seats.get(sid)?;
        let t = &self.toks[i];
        if !t.cap || t.caps {
            return None;
        }
        let make = |s: usize, e: usize, seat: &lexicon::Seat| {
            Raw::Done(entity(
                self.toks[s].start,
                self.toks[e - 1].base_end,
                EntityKind::Org,
                seat.gov.clone(),
                MentionForm::Metonym,
                seat.side.clone(),
            ))
        };
        if seat.always {
            return Some((e, vec![make(i, e, seat)]));
        }
        if self.toks[e - 1].poss {
            return None;
        }
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        let after_prep = i > 0 && PLACE_PREPS.contains(&prev);
        if i > 0
            && self.lx().object.contains(prev)
            && matches!(self.low(e), "to" | "of" | "for" | "over" | "not")
        {
            return Some((e, vec![make(i, e, seat)]));
        }
        if after_prep {
            return None;
        }
        if self.acts_after(e) {
            return Some((e, vec![make(i, e, seat)]));
        }
        // "Kyiv and Moscow have accused each other".
        if self.low(e) == "and"
            && let Some((sid2, e2)) = self.seat_at.get(e + 1).copied().flatten()
            && let Some(seat2) = self.lx().seats.get(sid2)
            && self.acts_after(e2)
        {
            return Some((e2, vec![make(i, e, seat), make(e + 1, e2, seat2)]));
        }
        None
    }

    /// Whether a government's verb follows at `k`, after auxiliaries and adverbs.
    fn acts_after(&self, mut k: usize) -> bool {
        let limit = k + 4;
        while k < limit && k < self.toks.len() {
            let t = &self.toks[k];
            if !t.word || t.cap {
                return false;
            }
            let w = t.low.as_ref();
            if self.lx().speech.contains(w) || self.lx().act.contains(w) {
                return true;
            }
            if MODALS.contains(&w) {
                let next = self.low(k + 1);
                return !next.is_empty()
                    && self.toks[k + 1].word
                    && !self.toks[k + 1].cap
                    && !matches!(
                        next,
                        "a" | "an"
                            | "the"
                            | "located"
                            | "home"
                            | "one"
                            | "situated"
                            | "known"
                            | "also"
                    );
            }
            if AUX.contains(&w) {
                k += 1;
                continue;
            }
            return w.len() > 4 && w.ends_with("ed");
        }
        false
    }

    /// "Mr. Sullivan", "Ms Stefanishyna", "Dr. Tedros".
    fn rule_honorific(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let t = &self.toks[i];
        if !t.cap {
            return None;
        }
        let g = self.lx().honorifics.get(t.low.as_ref())?;
        let mut j = i + 1;
        if self.is_punct(j, ".") {
            j += 1;
        }
        let (e, words) = self.name_run(j)?;
        let p = PersonMention {
            start: self.toks[j].start,
            end: self.toks[e - 1].base_end,
            words,
            role: None,
            side: None,
            gender: *g,
            speaker: self.speech_after(e) || self.speech_before(i),
            strong: true,
        };
        Some((e, vec![Raw::Person(p)]))
    }

    /// A run of capitalised words ending in an organisation word: "Security Council",
    /// "Georgetown University", "Ministry of Defence", "State Emergency Service".
    fn rule_generic_org(
        &self,
        i: usize,
        ctx: Option<(&SideCtx, usize)>,
    ) -> Option<(usize, Entity)> {
        let t = self.toks.get(i)?;
        if !t.word
            || !t.cap
            || self.tagger.stop.contains(t.low.as_ref())
                && !self.tagger.org_heads.contains(t.low.as_ref())
        {
            return None;
        }
        let mut j = i;
        let mut head_end = None;
        while j < self.toks.len() && j < i + 8 && self.same_sentence(i, j) {
            let tj = &self.toks[j];
            if tj.word && tj.cap && !tj.caps
                || (tj.caps && j > i)
                || (tj.word && tj.caps && j == i && tj.s.len() <= 4)
            {
                if self.tagger.org_heads.contains(tj.base()) {
                    head_end = Some(j + 1);
                }
                j += 1;
                if tj.poss && !tj.low.starts_with("prosecutor") {
                    break;
                }
                continue;
            }
            if j > i
                && tj.word
                && matches!(tj.low.as_ref(), "of" | "for" | "and" | "on" | "the")
                && self.toks.get(j + 1).is_some_and(|n| n.word && n.cap)
            {
                j += 1;
                continue;
            }
            break;
        }
        let mut end = head_end?;
        // Keep an "of ..." tail: "Ministry of Internal Affairs".
        if self.low(end) == "of" && j > end + 1 {
            end = j;
        }
        let start_tok = ctx.map_or(i, |(_, s)| s);
        if end - start_tok < 2 {
            return None;
        }
        let body: Vec<&str> = self.toks[i..end].iter().map(|t| t.s).collect();
        let mut name = body.join(" ").replace(" 's", "'s");
        if let Some(last) = body.last() {
            let stripped = strip_possessive(last);
            if stripped.len() != last.len() && !last.to_lowercase().starts_with("prosecutor") {
                name.truncate(name.len() - (last.len() - stripped.len()));
            }
        }
        let (side, name) = match ctx {
            Some((c, s)) if self.toks[i - 1].poss || c.adj.starts_with("pro-") => {
                let _ = s;
                (c.code.clone(), format!("{} {name}", c.adj))
            }
            Some((c, s)) => {
                let pre: Vec<&str> = self.toks[s..i].iter().map(|t| t.s).collect();
                (c.code.clone(), format!("{} {name}", pre.join(" ")))
            }
            None => (None, name),
        };
        Some((
            end,
            entity(
                self.toks[start_tok].start,
                self.toks[end - 1].base_end,
                EntityKind::Org,
                name,
                MentionForm::Name,
                side,
            ),
        ))
    }

    /// "he said", "she told", "He also noted", "according to him".
    fn rule_pronoun(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let t = &self.toks[i];
        let g = match t.low.as_ref() {
            "he" | "him" => Gender::M,
            "she" | "her" => Gender::F,
            _ => return None,
        };
        let speech = match t.low.as_ref() {
            "he" | "she" => {
                let mut k = i + 1;
                while k < i + 3 && AUX.contains(&self.low(k)) {
                    k += 1;
                }
                (self.is_speech(k) && self.same_sentence(i, k))
                    || (i > 0
                        && self.is_speech(i - 1)
                        && self.same_sentence(i - 1, i)
                        && !self.toks.get(i + 1).is_some_and(|n| n.word))
            }
            _ => i >= 2 && self.low(i - 2) == "according" && self.low(i - 1) == "to",
        };
        if !speech {
            return None;
        }
        Some((
            i + 1,
            vec![Raw::Pronoun {
                start: t.start,
                end: t.end,
                gender: g,
            }],
        ))
    }

    /// Collective nouns: "Russian forces" (with a side), "civilians", "local officials".
    fn rule_group(&self, i: usize, ctx: Option<(&SideCtx, usize)>) -> Option<(usize, Vec<Raw>)> {
        if ctx.is_none()
            && self.group_at[i].is_none()
            && !matches!(
                self.low(i),
                "local" | "city" | "regional" | "municipal" | "town" | "village"
            )
        {
            return None;
        }
        let mut j = i;
        let mut local = false;
        if ctx.is_none()
            && matches!(
                self.low(i),
                "local" | "city" | "regional" | "municipal" | "town" | "village"
            )
        {
            local = true;
            j += 1;
        }
        // Modifiers between the side and the noun: "British defence officials".
        let start_j = j;
        loop {
            if let Some((gid, e)) = self.group_at.get(j).copied().flatten() {
                let g = self.lx().groups.get(gid)?;
                let ok = !g.check || self.group_check(e);
                if ok {
                    let bare_ok = !g.needs_side || g.head == "officials" || local;
                    if ctx.is_none() && !bare_ok {
                        return None;
                    }
                    if ctx.is_none() && j > start_j && !local {
                        return None;
                    }
                    let (name, side, start) = match ctx {
                        Some((c, s)) => {
                            let adj = if g.head == "separatists"
                                && c.code.is_some()
                                && !c.adj.starts_with("pro-")
                                && c.country.is_some()
                            {
                                format!("pro-{}", c.adj)
                            } else {
                                c.adj.clone()
                            };
                            (format!("{adj} {}", g.head), c.code.clone(), s)
                        }
                        None if local && g.head == "officials" => {
                            (format!("local {}", g.head), None, i)
                        }
                        None => (g.head.clone(), None, i),
                    };
                    let name = if g.head == "side" && ctx.is_none() {
                        return None;
                    } else {
                        name
                    };
                    let ent = entity(
                        self.toks[start].start,
                        self.toks[e - 1].base_end,
                        EntityKind::Group,
                        name,
                        MentionForm::Name,
                        side,
                    );
                    return Some((e, vec![Raw::Done(ent)]));
                }
            }
            if j < i + 3
                && self.lx().group_modifiers.contains(self.low(j))
                && self.same_sentence(i, j + 1)
            {
                j += 1;
                continue;
            }
            return None;
        }
    }

    /// "military", "army" name an actor only when no noun follows ("the Russian military said",
    /// not "Russian military gains").
    fn group_check(&self, e: usize) -> bool {
        let Some(t) = self.toks.get(e) else {
            return true;
        };
        if !t.word || t.cap {
            return true;
        }
        let w = t.low.as_ref();
        self.lx().speech.contains(w)
            || self.lx().act.contains(w)
            || AUX.contains(&w)
            || MODALS.contains(&w)
            || (w.ends_with("ed") && w.len() > 4)
            || matches!(
                w,
                "and"
                    | "or"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "of"
                    | "that"
                    | "which"
                    | "who"
                    | "continues"
                    | "says"
                    | "has"
                    | "have"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "for"
                    | "from"
                    | "with"
                    | "near"
                    | "around"
                    | "into"
            )
    }

    /// A role given after a name: "Jen Psaki, the White House press secretary," → role and side.
    fn appositive(&self, e: usize) -> (Option<String>, Option<String>, Option<Gender>) {
        let none = (None, None, None);
        if !self.is_punct(e, ",") {
            return none;
        }
        let mut k = e + 1;
        if matches!(self.low(k), "the" | "a" | "an") {
            k += 1;
        }
        let mut side = None;
        let mut loose = 0;
        let limit = (k + 6).min(self.toks.len());
        while k < limit && self.same_sentence(e, k) {
            if let Some((tid, te)) = self.title_at[k] {
                let t = &self.lx().titles[tid];
                if self.name_run_len(te).is_some() {
                    return none;
                }
                return (t.role.clone(), side, t.gender);
            }
            if let Some(c) = self.side_at(k) {
                side = side.or(c.code);
                k = c.end;
                continue;
            }
            let tk = &self.toks[k];
            if !tk.word || tk.cap || self.is_speech(k) || loose >= 1 {
                break;
            }
            loose += 1;
            k += 1;
        }
        none
    }

    /// A run of capitalised words that is a person's name on strong evidence.
    fn rule_name(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let (e, n) = self.name_run_len(i)?;
        if n == 1 {
            let t = &self.toks[i];
            let speaker = self.speech_after(e) || self.speech_before(i);
            return Some((
                e,
                vec![Raw::Short {
                    start: t.start,
                    end: t.base_end,
                    speaker,
                }],
            ));
        }
        let (_, words) = self.name_run(i)?;
        let lx = self.lx();
        if words.len() >= 3
            && !lx.given.contains_key(&name_key(&words[0]))
            && lx.given.contains_key(&name_key(&words[1]))
        {
            return Some((i + 1, Vec::new()));
        }
        let speaker = self.speech_after(e) || self.speech_before(i);
        let key = full_key(&words.iter().map(String::as_str).collect::<Vec<_>>());
        let given = words.first().and_then(|w| lx.given.get(&name_key(w)));
        // A speech verb alone is weak evidence when a word of the run is an ordinary word of
        // the text ("Foreign Policy reported": "policy" appears in lower case).
        let common = || {
            let set = self.lower_words.get_or_init(|| {
                self.toks
                    .iter()
                    .filter(|t| t.word && !t.cap)
                    .map(|t| t.s)
                    .collect()
            });
            words
                .iter()
                .any(|w| set.contains(w.to_lowercase().as_str()))
        };
        let not_name = || {
            words
                .iter()
                .any(|w| self.tagger.not_names.contains(fold_lower(w).as_str()))
        };
        // A given name does not make "Madison County" or "Virginia State Board" a person.
        let strong = lx.people_full.contains_key(&key)
            || (given.is_some() && !not_name())
            || (speaker && !not_name() && !common());
        let (role, side, g) = self.appositive(e);
        let p = PersonMention {
            start: self.toks[i].start,
            end: self.toks[e - 1].base_end,
            words,
            role,
            side,
            gender: g.or(given.copied().flatten()),
            speaker,
            strong,
        };
        Some((e, vec![Raw::Person(p)]))
    }
}

/// One person in the text.
#[derive(Debug, Clone)]
struct Cluster {
    name: String,
    name_words: usize,
    lex: Option<usize>,
    surname: String,
    first: Option<String>,
    side: Option<String>,
    gender: Option<Gender>,
    roles: Vec<String>,
}

fn first_compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let fa = a.chars().next().map(|c| if c == 'h' { 'g' } else { c });
            let fb = b.chars().next().map(|c| if c == 'h' { 'g' } else { c });
            fa == fb
        }
        _ => true,
    }
}

fn role_fits(roles: &[String], role: &str) -> bool {
    let r = role.to_lowercase();
    roles.iter().any(|x| {
        let x = x.to_lowercase();
        x == r || x.ends_with(&format!(" {r}")) || (r.len() > 4 && x.contains(&r))
    })
}

impl Doc<'_, '_> {
    fn resolve(&self, raws: Vec<Raw>) -> Vec<Entity> {
        let lx = self.lx();
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut by_lex: FxMap<usize, usize> = FxMap::default();
        // Mention index → cluster.
        let mut assigned: Vec<Option<usize>> = vec![None; raws.len()];

        let new_cluster = |clusters: &mut Vec<Cluster>,
                           by_lex: &mut FxMap<usize, usize>,
                           lex: Option<usize>,
                           words: &[String],
                           side: Option<String>,
                           gender: Option<Gender>|
         -> usize {
            let id = clusters.len();
            let (name, side, gender, roles) = match lex.and_then(|l| lx.people.get(l)) {
                Some(p) => (
                    p.name.clone(),
                    p.side.clone().or(side),
                    p.gender.or(gender),
                    p.role.iter().cloned().collect(),
                ),
                None => (words.join(" "), side, gender, Vec::new()),
            };
            let nw: Vec<&str> = name.split(' ').filter(|w| !is_initial(w)).collect();
            clusters.push(Cluster {
                name_words: nw.len(),
                surname: nw.last().map(|w| name_key(w)).unwrap_or_default(),
                first: (nw.len() > 1).then(|| name_key(nw[0])),
                name,
                lex,
                side,
                gender,
                roles,
            });
            if let Some(l) = lex {
                by_lex.insert(l, id);
            }
            id
        };

        let lex_of = |words: &[String]| -> Option<usize> {
            let ws: Vec<&str> = words.iter().map(String::as_str).collect();
            if ws.len() == 1 {
                return lx.people_surname.get(&name_key(ws[0])).copied();
            }
            if let Some(&l) = lx.people_full.get(&full_key(&ws)) {
                return Some(l);
            }
            let last = ws.iter().rev().find(|w| !is_initial(w))?;
            let l = *lx.people_surname.get(&name_key(last))?;
            let p = lx.people.get(l)?;
            let pf = p.name.split(' ').next().map(name_key);
            first_compatible(&pf, &Some(name_key(ws[0]))).then_some(l)
        };

        // Full names: strong ones first, then weak ones that match a person already found.
        for pass in 0..2 {
            for (mi, r) in raws.iter().enumerate() {
                let Raw::Person(p) = r else { continue };
                if p.words.len() < 2 || p.strong != (pass == 0) {
                    continue;
                }
                let ws: Vec<&str> = p.words.iter().map(String::as_str).collect();
                let surname = ws
                    .iter()
                    .rev()
                    .find(|w| !is_initial(w))
                    .map(|w| name_key(w))
                    .unwrap_or_default();
                let first = Some(name_key(ws[0]));
                let found = if let Some(l) = lex_of(&p.words) {
                    Some(*by_lex.entry(l).or_insert_with(|| usize::MAX))
                } else {
                    clusters
                        .iter()
                        .position(|c| c.surname == surname && first_compatible(&c.first, &first))
                };
                let cid = match found {
                    Some(usize::MAX) => {
                        let l = lex_of(&p.words);
                        by_lex.remove(&l.unwrap_or(usize::MAX));
                        new_cluster(
                            &mut clusters,
                            &mut by_lex,
                            l,
                            &p.words,
                            p.side.clone(),
                            p.gender,
                        )
                    }
                    Some(c) => c,
                    None if pass == 0 => new_cluster(
                        &mut clusters,
                        &mut by_lex,
                        None,
                        &p.words,
                        p.side.clone(),
                        p.gender,
                    ),
                    None => continue,
                };
                assigned[mi] = Some(cid);
                let c = &mut clusters[cid];
                if c.lex.is_none() {
                    let nw = ws.iter().filter(|w| !is_initial(w)).count();
                    if nw > c.name_words
                        || (nw == c.name_words && p.words.join(" ").len() > c.name.len())
                    {
                        c.name = p.words.join(" ");
                        c.name_words = nw;
                        c.first = Some(name_key(ws[0]));
                    }
                }
                c.side = c.side.clone().or(p.side.clone());
                c.gender = c.gender.or(p.gender);
                if let Some(r) = &p.role
                    && !c.roles.contains(r)
                {
                    c.roles.push(r.clone());
                }
            }
        }

        // Given-name gender for people not otherwise known.
        for c in &mut clusters {
            if c.gender.is_none()
                && let Some(f) = c.name.split(' ').next()
                && c.name_words > 1
            {
                c.gender = lx.given.get(&name_key(f)).copied().flatten();
            }
        }

        // Surnames: a single word after a title or honorific, or bare.
        let find_by_surname = |clusters: &Vec<Cluster>, key: &str| -> Option<usize> {
            clusters
                .iter()
                .position(|c| c.surname == key && c.name_words >= 1)
        };
        for (mi, r) in raws.iter().enumerate() {
            let (word, p) = match r {
                Raw::Person(p) if p.words.len() == 1 => (p.words[0].clone(), Some(p)),
                Raw::Short { start, end, .. } => {
                    (self.text.get(*start..*end).unwrap_or("").to_string(), None)
                }
                _ => continue,
            };
            let key = name_key(&word);
            if key.is_empty() {
                continue;
            }
            let cid = if let Some(c) = find_by_surname(&clusters, &key) {
                Some(c)
            } else if let Some(&l) = lx.people_surname.get(&key) {
                Some(match by_lex.get(&l) {
                    Some(&c) => c,
                    None => new_cluster(
                        &mut clusters,
                        &mut by_lex,
                        Some(l),
                        std::slice::from_ref(&word),
                        None,
                        None,
                    ),
                })
            } else {
                p.map(|p| {
                    new_cluster(
                        &mut clusters,
                        &mut by_lex,
                        None,
                        std::slice::from_ref(&word),
                        p.side.clone(),
                        p.gender,
                    )
                })
            };
            let Some(cid) = cid else { continue };
            assigned[mi] = Some(cid);
            if let Some(p) = p {
                let c = &mut clusters[cid];
                c.side = c.side.clone().or(p.side.clone());
                c.gender = c.gender.or(p.gender);
                if let Some(r) = &p.role
                    && !c.roles.contains(r)
                {
                    c.roles.push(r.clone());
                }
            }
        }

        // Titles and pronouns, in text order.
        struct Seen {
            cluster: usize,
            sent: usize,
            speaker: bool,
            /// Where the mention ends, to see whether it sits inside a quotation.
            end: usize,
        }
        let mut history: Vec<Seen> = Vec::new();
        let mut out = Vec::with_capacity(raws.len());
        let sent_of = |start: usize| -> usize {
            let k = self.toks.partition_point(|t| t.start < start);
            self.sent.get(k).copied().unwrap_or(usize::MAX)
        };
        for (mi, r) in raws.iter().enumerate() {
            match r {
                Raw::Done(e) => out.push(e.clone()),
                Raw::Person(p) => {
                    let Some(cid) = assigned[mi] else { continue };
                    let c = &clusters[cid];
                    let form = if p.words.len() >= 2 {
                        MentionForm::Name
                    } else {
                        MentionForm::Short
                    };
                    out.push(Entity {
                        start: p.start,
                        end: p.end,
                        kind: EntityKind::Person,
                        name: c.name.clone(),
                        form,
                        side: c.side.clone(),
                        role: p.role.clone().or_else(|| c.roles.first().cloned()),
                        geo: None,
                    });
                    history.push(Seen {
                        cluster: cid,
                        sent: sent_of(p.start),
                        speaker: p.speaker,
                        end: p.end,
                    });
                }
                Raw::Short {
                    start,
                    end,
                    speaker,
                } => {
                    let Some(cid) = assigned[mi] else { continue };
                    let c = &clusters[cid];
                    out.push(Entity {
                        start: *start,
                        end: *end,
                        kind: EntityKind::Person,
                        name: c.name.clone(),
                        form: MentionForm::Short,
                        side: c.side.clone(),
                        role: c.roles.first().cloned(),
                        geo: None,
                    });
                    history.push(Seen {
                        cluster: cid,
                        sent: sent_of(*start),
                        speaker: *speaker,
                        end: *end,
                    });
                }
                Raw::TitleRef {
                    start,
                    end,
                    role,
                    side,
                } => {
                    let side_ok =
                        |c: &Cluster| side.is_none() || c.side.is_none() || c.side == *side;
                    let back = history
                        .iter()
                        .rev()
                        .take(500)
                        .map(|h| h.cluster)
                        .find(|&c| role_fits(&clusters[c].roles, role) && side_ok(&clusters[c]));
                    let fwd = || {
                        raws[mi + 1..]
                            .iter()
                            .take(500)
                            .enumerate()
                            .find_map(|(k, r2)| match r2 {
                                Raw::Person(p)
                                    if p.role
                                        .as_deref()
                                        .is_some_and(|pr| role_fits(&[pr.to_string()], role)) =>
                                {
                                    assigned[mi + 1 + k].filter(|&c| {
                                        side.is_some()
                                            && side_ok(&clusters[c])
                                            && (side == &clusters[c].side
                                                || clusters[c].side.is_none())
                                    })
                                }
                                _ => None,
                            })
                    };
                    // A role held by exactly one lexicon person of that side.
                    let lexical = || {
                        let code = side.as_deref()?;
                        let mut it = lx.people.iter().enumerate().filter(|(_, p)| {
                            p.side.as_deref() == Some(code)
                                && p.role
                                    .as_ref()
                                    .is_some_and(|r| r.eq_ignore_ascii_case(role))
                        });
                        let (l, _) = it.next()?;
                        it.next().is_none().then_some(l)
                    };
                    let cid = back.or_else(fwd).or_else(|| {
                        let l = lexical()?;
                        Some(match by_lex.get(&l) {
                            Some(&c) => c,
                            None => {
                                new_cluster(&mut clusters, &mut by_lex, Some(l), &[], None, None)
                            }
                        })
                    });
                    let cid = cid.or_else(|| {
                        let code = side.as_deref()?;
                        let country = lx
                            .countries
                            .iter()
                            .find(|c| c.code.as_deref() == Some(code))?;
                        let name = format!("{role} of {}", country.name);
                        let found = clusters.iter().position(|c| c.name == name);
                        Some(found.unwrap_or_else(|| {
                            let id = clusters.len();
                            clusters.push(Cluster {
                                name,
                                name_words: 0,
                                lex: None,
                                surname: String::new(),
                                first: None,
                                side: side.clone(),
                                gender: None,
                                roles: vec![role.clone()],
                            });
                            id
                        }))
                    });
                    let Some(cid) = cid else { continue };
                    let c = &mut clusters[cid];
                    if c.side.is_none() {
                        c.side = side.clone();
                    }
                    out.push(Entity {
                        start: *start,
                        end: *end,
                        kind: EntityKind::Person,
                        name: c.name.clone(),
                        form: MentionForm::Title,
                        side: c.side.clone(),
                        role: Some(role.clone()),
                        geo: None,
                    });
                    history.push(Seen {
                        cluster: cid,
                        sent: sent_of(*start),
                        speaker: self.speech_after(self.toks.partition_point(|t| t.start < *end)),
                        end: *end,
                    });
                }
                Raw::Pronoun { start, end, gender } => {
                    let s = sent_of(*start);
                    let fits = |h: &&Seen| {
                        h.sent + 2 >= s && clusters[h.cluster].gender.is_none_or(|g| g == *gender)
                    };
                    // A name inside the quotation the pronoun closes is not its speaker:
                    // "“... Putin's invasion,” he said".
                    let outside = |h: &&Seen| {
                        let between = self.text.get(h.end..*start).unwrap_or("");
                        between
                            .chars()
                            .filter(|c| matches!(c, '"' | '“' | '”'))
                            .count()
                            % 2
                            == 0
                    };
                    let same = history
                        .iter()
                        .rev()
                        .take_while(|h| h.sent == s)
                        .filter(outside)
                        .find(fits);
                    let back = |d: usize| {
                        let mut it = history
                            .iter()
                            .rev()
                            .take_while(|h| h.sent + 2 >= s)
                            .filter(|h| h.sent + d == s)
                            .filter(fits);
                        let any = it.clone().next();
                        it.find(|h| h.speaker).or(any)
                    };
                    let pick = same.or_else(|| back(1)).or_else(|| back(2));
                    let Some(h) = pick else { continue };
                    let cid = h.cluster;
                    let c = &clusters[cid];
                    out.push(Entity {
                        start: *start,
                        end: *end,
                        kind: EntityKind::Person,
                        name: c.name.clone(),
                        form: MentionForm::Pronoun,
                        side: c.side.clone(),
                        role: c.roles.first().cloned(),
                        geo: None,
                    });
                    history.push(Seen {
                        cluster: cid,
                        sent: s,
                        speaker: true,
                        end: *end,
                    });
                }
            }
        }
        out
    }
}
