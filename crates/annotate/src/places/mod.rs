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
//!
//! The word lists live in data files under `data/gazetteer/` (module `lexicon`), compiled in and
//! parsed once in [`PlaceTagger::new`]. The work is split in three:
//!
//! - `lexicon`: loading the stop-lists, cue words (`cues.txt`) and level words (`levels.txt`);
//! - `recognise`: finding candidate mentions and keeping or dropping each by its context;
//! - `resolve`: choosing one gazetteer entry per mention.

mod lexicon;
mod recognise;
mod resolve;
#[cfg(test)]
mod tests;

use crate::gazetteer::{Gazetteer, Level, fold};
use crate::types::{Entity, EntityKind, Geo, MentionForm, Sentence, Token};

use lexicon::Lexicon;

/// Finds and geocodes places. Build once (it loads the gazetteer), use for many texts.
#[derive(Debug)]
pub struct PlaceTagger {
    gaz: &'static Gazetteer,
    /// The word lists, from `data/gazetteer/`.
    lex: Lexicon,
}

impl Default for PlaceTagger {
    fn default() -> Self {
        PlaceTagger::new()
    }
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

impl PlaceTagger {
    /// Loads the gazetteer (once per process) and parses the word lists.
    pub fn new() -> Self {
        PlaceTagger {
            gaz: Gazetteer::get(),
            lex: Lexicon::load(),
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
                name: self.canonical_name(id),
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

    /// The canonical name of an entry. A first-level region that shares its name with a city of
    /// its country ("Kyiv", "Donetsk", "Kherson") is named "<name> region", so that the region
    /// and the city stay two entities wherever names identify them.
    fn canonical_name(&self, id: u32) -> String {
        let name = self.gaz.name(id);
        let Some(p) = self.gaz.place(id) else {
            return name.to_string();
        };
        if p.level == Level::Admin1 {
            let mut key = String::new();
            fold(name, &mut key);
            let city_too = self.gaz.exact_ids(&key).iter().any(|&o| {
                self.gaz
                    .place(o)
                    .is_some_and(|op| op.level == Level::City && op.country == p.country)
            });
            if city_too {
                return format!("{name} region");
            }
        }
        name.to_string()
    }
}
