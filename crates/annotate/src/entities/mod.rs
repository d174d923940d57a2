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

mod coref;
mod doc;
mod groups;
mod lexicon;
mod names;
mod orgs;
mod people;
mod pronouns;
mod seats;
#[cfg(test)]
mod tests;
mod words;

use doc::Doc;
use lexicon::{FxSet, Gender, Lexicon};
use words::words;

use crate::types::{Entity, EntityKind, MentionForm, Sentence, Token};

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

impl EntityTagger {
    pub fn new() -> Self {
        EntityTagger {
            lx: Lexicon::load(),
            stop: words().stop.iter().copied().collect(),
            org_heads: words().org_heads.iter().copied().collect(),
            not_names: include_str!("../../data/entities/not_names.txt")
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

impl Doc<'_, '_> {
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
}
