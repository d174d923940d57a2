//! The place a figure is about.

use annotate::{Entity, EntityKind};

use super::attribution::Source;

/// How many sentences back, within its paragraph, the city a figure is about may be named ("The
/// city ..."). Text that lost its paragraph breaks has paragraphs of dozens of sentences.
const CITY_BACK: usize = 2;
use super::{Doc, Found};

impl<'a> Doc<'a> {
    /// The place a figure is about: the nearest place in its sentence named after a locative
    /// word ("in", "from") or in the possessive; else a place below country level in the
    /// sentence; else, for a figure stated through a pronoun ("He said ..."), a place below
    /// country level in the sentence that names the pronoun's antecedent (its first); else the
    /// first city of the nearest of the [`CITY_BACK`] sentences before, in the same paragraph,
    /// that names one ("the city"); else `None`.
    pub(super) fn place(
        &self,
        si: usize,
        at: usize,
        source: Option<&Source>,
    ) -> Option<(String, Found)> {
        let located = |e: &&Entity| {
            let after = &self.text[e.end..];
            let possessive = after.starts_with("'s") || after.starts_with("’s");
            let a = self.ann.tokens.partition_point(|t| t.start < e.start);
            possessive || (a > 0 && self.lex.locatives.contains(&self.words[a - 1]))
        };
        let found = |e: &Entity, rule: &str| (e.name.clone(), Found::new(rule, (e.start, e.end)));
        let distance = |e: &&Entity| e.start.abs_diff(at).min(e.end.abs_diff(at));
        let local = |e: &&Entity| e.geo.as_ref().is_some_and(|g| g.level != "country");
        // A place in the source's own name places the speaker, not the figure, when the
        // sentence names another ("Russia's defence ministry said 1,351 soldiers were killed in
        // Ukraine"); alone, it is the speaker's own ground ("Mariupol's city council says 2,400
        // died in the city"), unless it is the whole source: a capital or a country speaking
        // for its government ("Moscow gave its first casualty figures") is no location.
        let in_source = |e: &Entity| source.is_some_and(|s| e.start < s.end && e.end > s.start);
        let is_source = |e: &Entity| source.is_some_and(|s| e.start == s.start && e.end == s.end);
        for outside in [true, false] {
            let candidates = || {
                self.places_in(si)
                    .filter(|e| !is_source(e) && (!outside || !in_source(e)))
            };
            if let Some(e) = candidates().filter(located).min_by_key(distance) {
                return Some(found(e, "locative"));
            }
            // A place below country level, even without a locative word: cities seldom act.
            if let Some(e) = candidates().filter(local).min_by_key(distance) {
                return Some(found(e, "local-place"));
            }
        }
        if let Some((sj, _)) = source.and_then(|s| s.antecedent)
            && sj < si
            && let Some(e) = self.places_in(sj).find(local)
        {
            return Some(found(e, "pronoun-antecedent-place"));
        }
        let para = self.paragraph[si];
        (si.saturating_sub(CITY_BACK)..si)
            .rev()
            .take_while(|&j| self.paragraph[j] == para)
            .find_map(|j| {
                self.places_in(j)
                    .find(|e| e.geo.as_ref().is_some_and(|g| g.level == "city"))
            })
            .map(|e| found(e, "city-earlier-in-paragraph"))
    }

    fn places_in(&self, si: usize) -> impl DoubleEndedIterator<Item = &'a Entity> + '_ {
        let s = self.ann.sentences[si];
        let dateline = self.dateline_end(s.start, s.end);
        self.ann.entities.iter().filter(move |e| {
            e.kind == EntityKind::Place && e.start >= s.start && e.end <= s.end && e.end > dateline
        })
    }

    /// Where the dateline of the sentence at `start..end` ends ("GENEVA, March 22 (Agency) —"),
    /// or `start` if it has none. A dateline says where the reporter is, not where a figure is.
    fn dateline_end(&self, start: usize, end: usize) -> usize {
        let sentence = &self.text[start..end];
        let Some((first, _)) = sentence.split_once(',') else {
            return start;
        };
        let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && first.chars().all(|c| !c.is_lowercase());
        if !caps {
            return start;
        }
        let cut = (0..=sentence.len().min(160))
            .rev()
            .find(|&i| sentence.is_char_boundary(i))
            .unwrap_or(0);
        let head = &sentence[..cut];
        [" — ", " – ", " - "]
            .iter()
            .filter_map(|d| head.find(d))
            .min()
            .map_or(start, |i| start + i)
    }

    /// The country the text is most about: the country of most of its places, by name, with
    /// its first mention by name (the evidence of rule `country-of-text`).
    pub(super) fn country_of_text(&self) -> Option<(String, Found)> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for e in &self.ann.entities {
            if e.kind == EntityKind::Place
                && let Some(code) = e.geo.as_ref().and_then(|g| g.country.as_deref())
            {
                match counts.iter_mut().find(|(n, _)| *n == code) {
                    Some((_, c)) => *c += 1,
                    None => counts.push((code, 1)),
                }
            }
        }
        // The first of the most mentioned, so that ties go to the earliest.
        let max = counts.iter().map(|c| c.1).max()?;
        let code = counts.into_iter().find(|c| c.1 == max)?.0;
        self.ann
            .entities
            .iter()
            .find(|e| {
                e.kind == EntityKind::Place
                    && e.geo
                        .as_ref()
                        .is_some_and(|g| g.level == "country" && g.country.as_deref() == Some(code))
            })
            .map(|e| {
                (
                    e.name.clone(),
                    Found::new("country-of-text", (e.start, e.end)),
                )
            })
    }
}
