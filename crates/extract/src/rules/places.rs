//! The place a figure is about, as the text names it (shared/spec/claims.md: "as named"):
//! "Kiev" stays "Kiev"; the place's canonical name and geocode stay with its entity.

use annotate::{Entity, EntityKind};

use super::attribution::Source;

/// How many sentences back, within its paragraph, the city a figure is about may be named ("The
/// city ..."). Text that lost its paragraph breaks has paragraphs of dozens of sentences.
pub(super) const CITY_BACK: usize = 2;
use super::{Doc, Found};

impl<'a> Doc<'a> {
    /// The place a figure is about: the place a comma apposition holding the figure describes
    /// ("Derna, a city of about 100,000 people,"); else the nearest place in its sentence named
    /// after a locative word ("in", "from") or in the possessive (a country in the possessive
    /// yields to a place of its own below country level: "Kharkiv, Ukraine's second city"); for
    /// people moved to safety (`moving`), a destination ("to", "into", "towards") is not the
    /// figure's place; else a place below country level in the sentence; else, for a figure stated through a pronoun ("He said ..."), a place below
    /// country level in the sentence that names the pronoun's antecedent (its first); else the
    /// first city of the nearest of the [`CITY_BACK`] sentences before, in the same paragraph,
    /// that names one ("the city"); else `None`.
    pub(super) fn place(
        &self,
        si: usize,
        at: usize,
        source: Option<&Source>,
        moving: bool,
    ) -> Option<(String, Found)> {
        let possessive = |e: &Entity| {
            let after = &self.text[e.end..];
            after.starts_with("'s") || after.starts_with("’s")
        };
        // "in southern Turkey": a compass adjective may stand between.
        let compass = |w: &str| {
            matches!(
                w,
                "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "north-eastern"
                    | "north-western"
                    | "south-eastern"
                    | "south-western"
                    | "northeastern"
                    | "northwestern"
                    | "southeastern"
                    | "southwestern"
            )
        };
        let located = |e: &&Entity| {
            let a = self.ann.tokens.partition_point(|t| t.start < e.start);
            let cued = |k: usize| k > 0 && self.lex.locatives.contains(&self.words[k - 1]);
            possessive(e) || cued(a) || (a > 1 && compass(&self.words[a - 1]) && cued(a - 1))
        };
        // "the High Atlas south of Marrakech", "40 km west of Kyiv": a point of reference,
        // not where the figure is.
        let reference = |e: &Entity| {
            let a = self.ann.tokens.partition_point(|t| t.start < e.start);
            a >= 2 && self.words[a - 1] == "of" && {
                let w = self.words[a - 2].trim_start_matches(['-', '–']);
                matches!(
                    w,
                    "north"
                        | "south"
                        | "east"
                        | "west"
                        | "northeast"
                        | "northwest"
                        | "southeast"
                        | "southwest"
                        | "north-east"
                        | "north-west"
                        | "south-east"
                        | "south-west"
                )
            }
        };
        // Where people were taken: "to Benghazi and Al Bayda" (a list after "to" included).
        let destination = |e: &Entity| {
            if !moving {
                return false;
            }
            let mut k = self.ann.tokens.partition_point(|t| t.start < e.start);
            // A few words of a noun phrase may stand between: "towards the hospitals of
            // Marrakech".
            let mut words = 0;
            while k > 0 {
                k -= 1;
                let w = self.words[k].as_str();
                let in_place = self.ann.entities.iter().any(|p| {
                    p.kind == EntityKind::Place
                        && p.start <= self.ann.tokens[k].start
                        && self.ann.tokens[k].end <= p.end
                });
                if in_place || matches!(w, "and" | "or" | ",") {
                    continue;
                }
                if matches!(w, "to" | "into" | "towards") {
                    return true;
                }
                words += 1;
                if words > 3 || matches!(w, "from" | "in" | "out") || self.is_verb_at(k) {
                    return false;
                }
            }
            false
        };
        let country = |e: &Entity| e.geo.as_ref().is_some_and(|g| g.level == "country");
        if let Some(e) = self.apposition_place(si, at) {
            return Some((
                self.place_text(e),
                Found::new("apposition-place", (e.start, e.end)),
            ));
        }
        let found =
            |e: &Entity, rule: &str| (self.place_text(e), Found::new(rule, (e.start, e.end)));
        let distance = |e: &&Entity| e.start.abs_diff(at).min(e.end.abs_diff(at));
        let local = |e: &&Entity| e.geo.as_ref().is_some_and(|g| g.level != "country");
        // A place in the source's own name places the speaker, not the figure, when the
        // sentence names another ("Russia's defence ministry said 1,351 soldiers were killed in
        // Ukraine"); alone, it is the speaker's own ground ("Mariupol's city council says 2,400
        // died in the city"), unless it is the whole source: a capital or a country speaking
        // for its government ("Moscow gave its first casualty figures") is no location.
        let in_source = |e: &Entity| source.is_some_and(|s| e.start < s.end && e.end > s.start);
        let is_source = |e: &Entity| source.is_some_and(|s| e.start == s.start && e.end == s.end);
        // A place in a contrasting clause is another figure's ("..., while officials in Syria
        // reported ...").
        let contrasted = |e: &Entity| {
            let (lo, hi) = if e.start > at {
                (at, e.start)
            } else {
                (e.end, at)
            };
            let a = self.ann.tokens.partition_point(|t| t.start < lo);
            let b = self.ann.tokens.partition_point(|t| t.start < hi);
            (a..b).any(|k| matches!(self.words[k].as_str(), "while" | "whereas" | ";"))
        };
        for outside in [true, false] {
            let candidates = || {
                self.places_in(si).filter(|e| {
                    !is_source(e)
                        && !destination(e)
                        && !reference(e)
                        && !contrasted(e)
                        && (!outside || !in_source(e))
                })
            };
            if let Some(e) = candidates().filter(located).min_by_key(distance) {
                // "mainly in the provinces of Aleppo, Hama and Latakia": a list of places of one
                // country is about that country, as the text names it.
                if let Some(parent) = self.list_country(e) {
                    return Some(found(parent, "list-country"));
                }
                // "in southern Turkey and northern Syria": a figure for two countries is for
                // both, named together, and never compared with either alone.
                if let Some(other) = self.second_country(e, &compass) {
                    let text = format!("{} and {}", self.place_text(e), self.place_text(other));
                    return Some((text, Found::new("two-countries", (e.start, other.end))));
                }
                // "Ukraine's second-largest city": a country that only qualifies yields to its
                // own place below country level.
                let code = |x: &Entity| x.geo.as_ref().and_then(|g| g.country.clone());
                if country(e)
                    && possessive(e)
                    && let Some(local_place) = candidates()
                        .filter(local)
                        .filter(|x| code(x).is_some() && code(x) == code(e))
                        .min_by_key(distance)
                {
                    return Some(found(local_place, "local-place"));
                }
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
        let (s0, s1) = self.sentence_tokens[si];
        let says_city =
            (s0..s1).any(|k| matches!(self.words[k].as_str(), "city" | "city's" | "city’s"));
        // "In Syria, ...": a paragraph that opens on a place is about it throughout.
        if !says_city && let Some(e) = self.paragraph_scope(si) {
            return Some(found(e, "paragraph-scope"));
        }
        (si.saturating_sub(CITY_BACK)..si)
            .rev()
            .take_while(|&j| self.paragraph[j] == para)
            .find_map(|j| {
                self.places_in(j).find(|e| {
                    e.geo.as_ref().is_some_and(|g| g.level == "city") && !self.source_seat(e)
                })
            })
            .map(|e| found(e, "city-earlier-in-paragraph"))
            .or_else(|| {
                // "the city", "city officials", "the city's bridges": the city the article is
                // about.
                says_city
                    .then(|| self.main_city())
                    .flatten()
                    .map(|e| found(e, "city-of-text"))
            })
    }

    /// The place a paragraph opens on ("In Syria, the picture is split ..."), for sentence `si`
    /// after the paragraph's first: a locative word, a place, and a comma at the start of the
    /// paragraph's first sentence.
    fn paragraph_scope(&self, si: usize) -> Option<&'a Entity> {
        let para = self.paragraph[si];
        let first = (0..si)
            .rev()
            .take_while(|&j| self.paragraph[j] == para)
            .last()?;
        let (s0, s1) = self.sentence_tokens[first];
        if s0 + 2 >= s1 || !self.lex.locatives.contains(&self.words[s0]) {
            return None;
        }
        let e = self
            .places_in(first)
            .find(|e| e.start == self.ann.tokens[s0 + 1].start)?;
        let (_, b) = self.token_range(e.start, e.end)?;
        (self.words.get(b).map(String::as_str) == Some(",")).then_some(e)
    }

    /// Whether place `e` is the seat of a source named before it ("the health ministry in
    /// Damascus", "the mayor of Kharkiv"): it places the speaker, not what was counted.
    fn source_seat(&self, e: &Entity) -> bool {
        let k = self.ann.tokens.partition_point(|t| t.start < e.start);
        k >= 2
            && matches!(self.words[k - 1].as_str(), "in" | "of")
            && self.lex.source_nouns.contains(&self.words[k - 2])
    }

    /// The country of a list of three or more places below country level that starts at `e`
    /// ("Aleppo, Hama and Latakia"), as the text names that country; `None` when the list
    /// spans countries or the text never names its country.
    fn list_country(&self, e: &Entity) -> Option<&'a Entity> {
        let code = |x: &Entity| x.geo.as_ref().and_then(|g| g.country.clone());
        let below = |x: &Entity| x.geo.as_ref().is_some_and(|g| g.level != "country");
        let country = code(e).filter(|_| below(e))?;
        let places: Vec<&Entity> = self
            .ann
            .entities
            .iter()
            .filter(|x| x.kind == EntityKind::Place && x.start >= e.start)
            .collect();
        let mut members = 1;
        let mut end = e.end;
        for x in places.iter().skip(1) {
            let gap = self.text.get(end..x.start).unwrap_or("x").trim();
            if !matches!(gap, "," | "and" | ", and" | "or" | ", or") {
                break;
            }
            if code(x).as_deref() != Some(country.as_str()) || !below(x) {
                return None;
            }
            members += 1;
            end = x.end;
        }
        if members < 3 {
            return None;
        }
        self.ann.entities.iter().find(|x| {
            x.kind == EntityKind::Place
                && x.geo
                    .as_ref()
                    .is_some_and(|g| g.level == "country" && g.country.as_deref() == Some(&country))
        })
    }

    /// The place of another country joined to place `e` by "and" ("Turkey and northern
    /// Syria"), when `e` is a country or the other is.
    fn second_country(&self, e: &Entity, compass: &dyn Fn(&str) -> bool) -> Option<&'a Entity> {
        let code = |x: &Entity| x.geo.as_ref().and_then(|g| g.country.clone());
        let is_country = |x: &Entity| x.geo.as_ref().is_some_and(|g| g.level == "country");
        let (_, b) = self.token_range(e.start, e.end)?;
        if self.words.get(b).map(String::as_str) != Some("and") {
            return None;
        }
        let k = if self.words.get(b + 1).is_some_and(|w| compass(w)) {
            b + 2
        } else {
            b + 1
        };
        let start = self.ann.tokens.get(k)?.start;
        let other = self
            .ann
            .entities
            .iter()
            .find(|x| x.kind == EntityKind::Place && x.start == start)?;
        (code(e).is_some()
            && code(other).is_some()
            && code(e) != code(other)
            && (is_country(e) || is_country(other)))
        .then_some(other)
    }

    /// The city the text names most (the first of those named as often), by canonical name.
    fn main_city(&self) -> Option<&Entity> {
        let cities = || {
            self.ann.entities.iter().filter(|e| {
                e.kind == EntityKind::Place && e.geo.as_ref().is_some_and(|g| g.level == "city")
            })
        };
        let count = |name: &str| cities().filter(|e| e.name == name).count();
        let best = cities().map(|e| count(&e.name)).max()?;
        cities().find(|e| count(&e.name) == best)
    }

    /// A place as the text names it, without a possessive the entity runs over ("Mariupol's
    /// city" is "Mariupol"); a name set in capitals by its canonical name.
    fn place_text(&self, e: &Entity) -> String {
        let text = &self.text[e.start..e.end];
        // A dateline's capitals ("LVIV") are typography, not a spelling.
        if text.chars().filter(|c| c.is_alphabetic()).count() > 3
            && !text.chars().any(char::is_lowercase)
        {
            return e.name.clone();
        }
        let cut = ["'s ", "’s "]
            .iter()
            .filter_map(|p| text.find(p))
            .min()
            .unwrap_or(text.len());
        text[..cut].to_owned()
    }

    /// The place a comma apposition holding byte `at` describes: "Derna, a city of about
    /// 100,000 people, lies ..." (the place ends just before the comma that opens it, and the
    /// apposition is closed by another comma).
    fn apposition_place(&self, si: usize, at: usize) -> Option<&Entity> {
        let (s0, s1) = self.sentence_tokens[si];
        let k = self.ann.tokens.partition_point(|t| t.start < at);
        let open = (s0..k).rev().find(|&j| self.words[j] == ",")?;
        let closed = (k..s1).any(|j| self.words[j] == ",");
        let article = matches!(
            self.words.get(open + 1).map(String::as_str),
            Some("a" | "an")
        );
        if open == s0 || !closed || !article {
            return None;
        }
        let end = self.ann.tokens[open - 1].end;
        self.places_in(si).find(|e| e.end == end)
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
        // "ADDIS ABABA (Agency) — ...", "MARRAKECH — ...": capitals up to a dash.
        if let Some(i) = [" — ", " – "].iter().filter_map(|d| sentence.find(d)).min()
            && i <= 60
        {
            let head = sentence[..i].split(" (").next().unwrap_or("");
            let letters = head.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 3 && !head.chars().any(char::is_lowercase) {
                return start + i;
            }
        }
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
                    self.place_text(e),
                    Found::new("country-of-text", (e.start, e.end)),
                )
            })
    }
}
