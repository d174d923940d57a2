//! The claim rules over one annotated text.

use annotate::{
    Annotations, Entity, EntityKind, MentionForm, NumberKind, NumberMention, NumberModifier,
    TimeType, TokenKind,
};
use chrono::NaiveDate;

use crate::Claim;
use crate::lexicon::{Lexicon, Position};

/// How far (in tokens) a `near` cue may stand from its number.
const CUE_WINDOW: usize = 12;
/// How far back (in tokens) an appositive subject may stand from its reporting verb.
const SUBJECT_WINDOW: usize = 14;
/// How many sentences a stand-alone hedge about figures in general covers after it.
const HEDGE_SCOPE: usize = 10;
/// How many sentences back a pronoun source's date is looked for.
const PRONOUN_DATE_BACK: usize = 3;

/// Metrics that count a toll, for which plural demonyms stand for soldiers.
const TOLL_METRICS: [&str; 4] = ["killed", "injured", "casualties", "missing"];

/// A cue found in the text: token range and index into the lexicon's cues.
#[derive(Debug, Clone, Copy)]
struct CueHit {
    start: usize,
    end: usize,
    cue: usize,
}

/// A source found for a figure.
#[derive(Debug, Clone)]
struct Source {
    text: String,
    /// The entity that names it, where one does.
    entity: Option<usize>,
    rule: &'static str,
}

/// One text, its annotations and the per-token views the rules read.
pub(crate) struct Doc<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    ann: &'a Annotations,
    published: Option<NaiveDate>,
    /// Lower-case token texts, with typographic apostrophes made plain.
    words: Vec<String>,
    /// The sentence of each token.
    sentence_of: Vec<usize>,
    /// Token range of each sentence.
    sentence_tokens: Vec<(usize, usize)>,
    /// Paragraph (line) number of each sentence.
    paragraph: Vec<usize>,
    cues: Vec<CueHit>,
}

impl<'a> Doc<'a> {
    pub fn new(
        lex: &'a Lexicon,
        text: &'a str,
        ann: &'a Annotations,
        published: Option<NaiveDate>,
    ) -> Self {
        let words: Vec<String> = ann
            .tokens
            .iter()
            .map(|t| t.text(text).to_lowercase().replace(['’', '‘'], "'"))
            .collect();
        let mut sentence_of = vec![usize::MAX; ann.tokens.len()];
        let mut sentence_tokens = Vec::with_capacity(ann.sentences.len());
        let mut t = 0;
        for (i, s) in ann.sentences.iter().enumerate() {
            while t < ann.tokens.len() && ann.tokens[t].start < s.start {
                t += 1;
            }
            let first = t;
            while t < ann.tokens.len() && ann.tokens[t].end <= s.end {
                sentence_of[t] = i;
                t += 1;
            }
            sentence_tokens.push((first, t));
        }
        let mut paragraph = Vec::with_capacity(ann.sentences.len());
        let mut line = 0;
        let mut pos = 0;
        for s in &ann.sentences {
            line += text[pos..s.start].matches('\n').count();
            pos = s.start;
            paragraph.push(line);
        }
        let mut doc = Doc {
            lex,
            text,
            ann,
            published,
            words,
            sentence_of,
            sentence_tokens,
            paragraph,
            cues: Vec::new(),
        };
        doc.cues = doc.find_phrases_cues();
        doc
    }

    /// Whether the phrase `words` stands at token `i`; `<country>` matches the first token of
    /// a country named in the text.
    fn phrase_at(&self, i: usize, phrase: &[String]) -> bool {
        i + phrase.len() <= self.words.len()
            && phrase.iter().enumerate().all(|(k, w)| {
                if w == "<country>" {
                    self.country_starts(i + k)
                } else {
                    self.words[i + k] == *w
                }
            })
            && self.sentence_of[i] == self.sentence_of[i + phrase.len() - 1]
    }

    /// Whether a country-level place starts at token `k`.
    fn country_starts(&self, k: usize) -> bool {
        let at = self.ann.tokens[k].start;
        self.ann.entities.iter().any(|e| {
            e.start == at
                && e.kind == EntityKind::Place
                && e.geo.as_ref().is_some_and(|g| g.level == "country")
        })
    }

    /// Every metric cue, the longest at each token.
    fn find_phrases_cues(&self) -> Vec<CueHit> {
        let mut hits = Vec::new();
        for i in 0..self.words.len() {
            let mut best: Vec<CueHit> = Vec::new();
            for (c, cue) in self.lex.cues.iter().enumerate() {
                if self.phrase_at(i, &cue.words) {
                    let len = cue.words.len();
                    let longest = best.first().map_or(0, |b| b.end - b.start);
                    if len > longest {
                        best.clear();
                    }
                    if len >= longest {
                        best.push(CueHit {
                            start: i,
                            end: i + len,
                            cue: c,
                        });
                    }
                }
            }
            hits.extend(best);
        }
        hits
    }

    /// Token range covered by a byte range.
    fn token_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let toks = &self.ann.tokens;
        let a = toks.partition_point(|t| t.start < start);
        let mut b = a;
        while b < toks.len() && toks[b].end <= end {
            b += 1;
        }
        (b > a).then_some((a, b))
    }

    /// The first word tokens after token `b` in its sentence, skipping "of".
    fn next_words(&self, b: usize, n: usize) -> Vec<usize> {
        let s = self.sentence_of.get(b.wrapping_sub(1)).copied();
        let end = s.map_or(b, |s| self.sentence_tokens[s].1);
        (b..end)
            .filter(|&k| self.ann.tokens[k].kind == TokenKind::Word && self.words[k] != "of")
            .take(n)
            .collect()
    }

    /// The claims of the text.
    pub fn claims(&self) -> Vec<Claim> {
        let mut claims: Vec<Claim> = Vec::new();
        let fallback_place = self.country_of_text();
        for n in &self.ann.numbers {
            let Some((a, b)) = self.token_range(n.start, n.end) else {
                continue;
            };
            let si = self.sentence_of[a];
            if si == usize::MAX {
                continue;
            }
            let Some((value, unit_hint)) = self.eligible(n, b) else {
                continue;
            };
            // "8,000 were evacuated, including about 3,000 from the port": a part of the
            // figure before it in the sentence counts in its metric.
            let subset_of = claims
                .last()
                .filter(|c| c.sentence_start == self.sentences_start(si) && self.subset_before(a))
                .map(|c| (c.metric.clone(), format!("subset-of:{}", c.metric)));
            let Some((metric, cue_rule)) = subset_of.or_else(|| self.metric(a, b, si)) else {
                continue;
            };
            let unit = self.unit(&metric, b, unit_hint);
            // Aid is counted in tonnes, attacks in attacks or facilities: a count of people
            // near their cues belongs to no metric.
            if (metric == "aid") != (unit == "tonnes")
                || (metric == "attacks" && unit != "attacks" && unit != "facilities")
                || (metric == "attacks" && self.counts_people(b))
            {
                continue;
            }
            let (value_kind, value_max) = value_kind(n);
            let mut rule = format!("{cue_rule}; kind:{value_kind}");
            let (mut group, explicit) = self.group(&metric, &unit, b);
            if !explicit
                && let Some(prev) = claims.iter().rev().find(|c| {
                    c.sentence_start == self.ann.sentences[si].start
                        && c.rule.contains("group:noun")
                        && c.unit == unit
                })
            {
                group = prev.group.clone();
                rule.push_str("; group:ellipsis");
            } else if explicit {
                rule.push_str("; group:noun");
            }
            let source = self.source(si, a, b);
            let mut side = None;
            if group.as_deref() == Some("soldiers") {
                side = self.side(b, source.as_ref());
            }
            let place = self.place(si, n.start).or_else(|| fallback_place.clone());
            let (as_of, date_rule) = self.as_of(si, n.start, source.as_ref());
            rule.push_str(&format!("; as_of:{date_rule}"));
            if let Some(s) = &source {
                rule.push_str(&format!("; source:{}", s.rule));
            }
            let hedged = self.hedged(si, &metric);
            if hedged {
                rule.push_str("; hedged");
            }
            let sentence = self.ann.sentences[si];
            let claim = Claim {
                metric,
                value,
                value_kind,
                value_max,
                unit,
                group,
                side,
                place,
                as_of,
                source: source.map(|s| s.text),
                hedged,
                sentence_start: sentence.start,
                sentence_end: sentence.end,
                start: n.start,
                end: n.end,
                rule,
                evidence: Vec::new(),
            };
            if let Some(first) = claims.iter_mut().find(|c| {
                c.metric == claim.metric
                    && c.unit == claim.unit
                    && (c.value - claim.value).abs() <= 1e-9 * c.value.abs().max(1.0)
            }) {
                // A repeated figure is kept at its first mention; an attribution found only in
                // a later mention is carried to it.
                if first.source.is_none() && claim.source.is_some() {
                    first.source = claim.source;
                    first.rule.push_str("; source:repeat");
                }
                continue;
            }
            claims.push(claim);
        }
        claims
    }

    /// The value of a number that can be a claim, with the unit its kind implies; `None` for
    /// years, dates, ages, money, distances and other non-counts, and for counts of things.
    fn eligible(&self, n: &NumberMention, b: usize) -> Option<(f64, Option<&'static str>)> {
        let next = self.next_words(b, 3);
        let population_follows = next
            .iter()
            .any(|&k| self.words[k].starts_with("population"));
        let (value, unit) = match n.kind {
            NumberKind::Count => (n.value, None),
            NumberKind::Share if population_follows => (n.value, Some("share")),
            NumberKind::Percent if population_follows => (n.value / 100.0, Some("share")),
            NumberKind::Measure
                if n.unit
                    .as_ref()
                    .and_then(|u| self.lex.units.get(&u.to_lowercase()))
                    .map(String::as_str)
                    == Some("tonnes") =>
            {
                (n.value, Some("tonnes"))
            }
            _ => return None,
        };
        // A count of things, not people: "50 buses", or with one word between, "two large
        // steelworks". A people noun first ("400 civilians in cars") keeps the claim.
        if unit.is_none() {
            let first_people = next
                .first()
                .is_some_and(|&k| self.lex.groups.contains_key(&self.words[k]));
            if !first_people
                && next
                    .iter()
                    .take(2)
                    .any(|&k| self.lex.excluded.contains(&self.words[k]))
            {
                return None;
            }
        }
        // "one of dozens": a selector, not a count.
        if n.value == 1.0 && self.words.get(b).is_some_and(|w| w == "of") {
            return None;
        }
        Some((value, unit))
    }

    /// The metric of the number at tokens `a..b` in sentence `si`, and the rule that gave it.
    fn metric(&self, a: usize, b: usize, si: usize) -> Option<(String, String)> {
        let (s0, _) = self.sentence_tokens[si];
        let in_sentence = |h: &&CueHit| self.sentence_of[h.start] == si;
        let cue = |h: &CueHit| &self.lex.cues[h.cue];
        // A cue directly before the number, allowing two modifier words in between.
        if let Some(h) = self.cues.iter().filter(in_sentence).find(|h| {
            cue(h).position == Position::Before && h.end <= a && a - h.end <= 2 && h.end >= s0
        }) {
            return Some((
                cue(h).metric.clone(),
                format!("cue-before:{}", cue(h).metric),
            ));
        }
        // A cue directly after the number, or after its group noun.
        let after = |pos: Position| {
            self.cues.iter().filter(in_sentence).find(|h| {
                cue(h).position == pos
                    && (h.start == b
                        || (h.start == b + 1 && self.lex.groups.contains_key(&self.words[b])))
            })
        };
        if let Some(h) = after(Position::After) {
            return Some((
                cue(h).metric.clone(),
                format!("cue-after:{}", cue(h).metric),
            ));
        }
        // The nearest cue in the clause.
        let mut best: Option<(usize, bool, &CueHit)> = None;
        for h in self.cues.iter().filter(in_sentence) {
            if cue(h).position != Position::Near || (h.start < b && h.end > a) {
                continue;
            }
            let (dist, right) = if h.end <= a {
                (a - h.end, false)
            } else {
                (h.start - b, true)
            };
            if dist > CUE_WINDOW || self.clause_break(h.end.min(b), h.start.max(a)) {
                continue;
            }
            let better = match best {
                None => true,
                Some((d, r, _)) => dist < d || (dist == d && right && !r),
            };
            if better {
                best = Some((dist, right, h));
            }
        }
        if let Some((_, _, h)) = best {
            return Some((cue(h).metric.clone(), format!("cue-near:{}", cue(h).metric)));
        }
        after(Position::Fallback).map(|h| {
            (
                cue(h).metric.clone(),
                format!("cue-fallback:{}", cue(h).metric),
            )
        })
    }

    /// Whether a subset phrase ("including", "among them") ends just before token `a`.
    fn subset_before(&self, a: usize) -> bool {
        self.lex.subset.iter().any(|p| {
            a >= p.len()
                && self.words[a - p.len()..a]
                    .iter()
                    .zip(p)
                    .all(|(w, x)| w == x)
        })
    }

    /// Byte offset where sentence `si` starts.
    fn sentences_start(&self, si: usize) -> usize {
        self.ann.sentences.get(si).map_or(usize::MAX, |s| s.start)
    }

    /// Whether tokens `from..to` hold a semicolon, a colon or a dash that ends a clause.
    fn clause_break(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| matches!(self.words[k].as_str(), ";" | ":" | "–" | "—"))
    }

    /// The unit of a claim.
    fn unit(&self, metric: &str, b: usize, hint: Option<&'static str>) -> String {
        if let Some(u) = hint {
            return u.to_owned();
        }
        for k in self.next_words(b, 3) {
            if let Some(u) = self.lex.units.get(&self.words[k]) {
                return u.clone();
            }
        }
        match metric {
            "attacks" => "attacks",
            _ => "people",
        }
        .to_owned()
    }

    /// Whether a group noun of people follows the number.
    fn counts_people(&self, b: usize) -> bool {
        self.next_words(b, 3)
            .iter()
            .any(|&k| self.lex.groups.contains_key(&self.words[k]))
    }

    /// Who is counted, and whether a noun said so.
    fn group(&self, metric: &str, unit: &str, b: usize) -> (Option<String>, bool) {
        if unit != "people" && unit != "share" {
            return (None, false);
        }
        for k in self.next_words(b, 3) {
            let w = &self.words[k];
            if let Some(g) = self.lex.groups.get(w) {
                return (Some(g.clone()), true);
            }
            if TOLL_METRICS.contains(&metric) && self.lex.demonym_soldiers.contains(w) {
                return (Some("soldiers".into()), true);
            }
        }
        (Some("people".into()), false)
    }

    /// The side of soldiers: a demonym before or as the group noun, else "its"/"their"
    /// pointing at the source.
    fn side(&self, b: usize, source: Option<&Source>) -> Option<String> {
        let next = self.next_words(b, 3);
        for (i, &k) in next.iter().enumerate() {
            let w = &self.words[k];
            if let Some(s) = self.lex.sides.get(w) {
                return Some(s.clone());
            }
            if (w == "its" || w == "their")
                && let Some(src) = source
            {
                return self.entity_side(src);
            }
            if self.lex.groups.contains_key(w) || i == 2 {
                break;
            }
        }
        None
    }

    fn entity_side(&self, src: &Source) -> Option<String> {
        let e = &self.ann.entities[src.entity?];
        let key = e
            .side
            .as_deref()
            .map(str::to_lowercase)
            .unwrap_or_else(|| e.name.to_lowercase());
        self.lex.sides.get(&key).cloned()
    }

    /// The place a figure is about: the nearest place in its sentence named after a locative
    /// word ("in", "from") or in the possessive; else a city named in the sentence before, in
    /// the same paragraph ("the city"); else `None`.
    fn place(&self, si: usize, at: usize) -> Option<String> {
        let located = |e: &&Entity| {
            let after = &self.text[e.end..];
            let possessive = after.starts_with("'s") || after.starts_with("’s");
            let a = self.ann.tokens.partition_point(|t| t.start < e.start);
            possessive || (a > 0 && self.lex.locatives.contains(&self.words[a - 1]))
        };
        let nearest = self
            .places_in(si)
            .filter(located)
            .min_by_key(|e| e.start.abs_diff(at).min(e.end.abs_diff(at)))
            .map(|e| e.name.clone());
        if nearest.is_some() {
            return nearest;
        }
        // A place below country level, even without a locative word: cities seldom act.
        let local = self
            .places_in(si)
            .filter(|e| e.geo.as_ref().is_some_and(|g| g.level != "country"))
            .min_by_key(|e| e.start.abs_diff(at).min(e.end.abs_diff(at)))
            .map(|e| e.name.clone());
        if local.is_some() {
            return local;
        }
        if si > 0 && self.paragraph[si - 1] == self.paragraph[si] {
            let city = self
                .places_in(si - 1)
                .find(|e| e.geo.as_ref().is_some_and(|g| g.level == "city"))
                .map(|e| e.name.clone());
            if city.is_some() {
                return city;
            }
        }
        None
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

    /// The country the text is most about: the country of most of its places, by name.
    fn country_of_text(&self) -> Option<String> {
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
            .map(|e| e.name.clone())
    }

    /// The full-day dates of sentence `si`: (byte start, date).
    fn dates(&self, si: usize) -> Vec<(usize, NaiveDate)> {
        let s = self.ann.sentences[si];
        self.ann
            .times
            .iter()
            .filter(|t| t.kind == TimeType::Date && t.start >= s.start && t.end <= s.end)
            .filter_map(|t| {
                let day = t.value.get(..10)?;
                NaiveDate::parse_from_str(day, "%Y-%m-%d")
                    .ok()
                    .map(|d| (t.start, d))
            })
            .collect()
    }

    /// The date a figure is valid for, and the rule that gave it.
    fn as_of(
        &self,
        si: usize,
        at: usize,
        source: Option<&Source>,
    ) -> (Option<String>, &'static str) {
        let dates = self.dates(si);
        let s = self.ann.sentences[si];
        // An explicit cut-off: "by (the end of) D", "as of D", "through D".
        for &(start, d) in &dates {
            let before = self.text[s.start..start].to_lowercase();
            let before = before.trim_end();
            if before.ends_with(" by")
                || before.ends_with("by the end of")
                || before.ends_with("as of")
                || before.ends_with("through")
                || before.ends_with("as at")
            {
                return (Some(d.to_string()), "cutoff");
            }
        }
        if let Some(&(_, d)) = dates.iter().min_by_key(|(start, _)| start.abs_diff(at)) {
            return (Some(d.to_string()), "sentence-date");
        }
        // A pronoun source takes the date of the sentence that names its antecedent.
        if let Some(src) = source
            && let Some(e) = src.entity.map(|i| &self.ann.entities[i])
            && e.form == MentionForm::Pronoun
        {
            for back in 1..=PRONOUN_DATE_BACK.min(si) {
                let sj = si - back;
                let sent = self.ann.sentences[sj];
                let names = self.ann.entities.iter().any(|o| {
                    o.name == e.name
                        && o.form != MentionForm::Pronoun
                        && o.start >= sent.start
                        && o.end <= sent.end
                });
                if names {
                    if let Some(&(_, d)) = self.dates(sj).first() {
                        return (Some(d.to_string()), "pronoun-antecedent-date");
                    }
                    break;
                }
            }
        }
        (self.published.map(|d| d.to_string()), "published")
    }

    /// How an entity is shown as a source: as written, or by its canonical name for pronouns
    /// and titles.
    fn shown(&self, i: usize) -> String {
        let e = &self.ann.entities[i];
        match e.form {
            MentionForm::Pronoun | MentionForm::Title => e.name.clone(),
            _ => self.text[e.start..e.end].to_owned(),
        }
    }

    /// Entities that can state a figure.
    fn speaker(e: &Entity) -> bool {
        match e.kind {
            EntityKind::Person | EntityKind::Org | EntityKind::Group => true,
            EntityKind::Place => e.geo.as_ref().is_some_and(|g| g.level == "country"),
        }
    }

    /// The longest speaker entity starting at token `k`.
    fn entity_starting(&self, k: usize) -> Option<usize> {
        let at = self.ann.tokens.get(k)?.start;
        self.ann
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.start == at && Self::speaker(e))
            .max_by_key(|(_, e)| (e.end, e.kind != EntityKind::Place))
            .map(|(i, _)| i)
    }

    /// The longest speaker entity ending at token `k` (inclusive).
    fn entity_ending(&self, k: usize) -> Option<usize> {
        let at = self.ann.tokens.get(k)?.end;
        self.ann
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.end == at && Self::speaker(e))
            .min_by_key(|(_, e)| (e.start, e.kind == EntityKind::Place))
            .map(|(i, _)| i)
    }

    /// A source noun phrase ending at token `k` ("City authorities", "local officials").
    fn noun_phrase_ending(&self, k: usize, s0: usize) -> Option<Source> {
        if !self.lex.source_nouns.contains(&self.words[k]) {
            return None;
        }
        let mut first = k;
        while first > s0
            && first + 3 > k
            && self.ann.tokens[first - 1].kind == TokenKind::Word
            && !self.lex.determiners.contains(&self.words[first - 1])
            && !self.lex.breaks.contains(&self.words[first - 1])
            && !self.is_verb_at(first - 1)
        {
            first -= 1;
        }
        let text = &self.text[self.ann.tokens[first].start..self.ann.tokens[k].end];
        Some(Source {
            text: text.to_owned(),
            entity: None,
            rule: "verb-subject-phrase",
        })
    }

    fn is_verb_at(&self, k: usize) -> bool {
        self.lex.verbs.iter().any(|v| self.phrase_at(k, v))
    }

    /// The source of a figure at tokens `a..b` in sentence `si`.
    fn source(&self, si: usize, a: usize, b: usize) -> Option<Source> {
        let (s0, s1) = self.sentence_tokens[si];
        // "according to X" anywhere in the sentence.
        for k in s0..s1 {
            for p in &self.lex.according {
                if !self.phrase_at(k, p) {
                    continue;
                }
                let mut j = k + p.len();
                while j < s1 && self.lex.determiners.contains(&self.words[j]) {
                    j += 1;
                }
                if let Some(e) = self.entity_starting(j) {
                    return Some(Source {
                        text: self.shown(e),
                        entity: Some(e),
                        rule: "according-to",
                    });
                }
                let mut end = j;
                while end < s1
                    && end < j + 5
                    && self.ann.tokens[end].kind == TokenKind::Word
                    && !self.lex.breaks.contains(&self.words[end])
                {
                    end += 1;
                }
                while end > j && self.lex.drop_words.contains(&self.words[end - 1]) {
                    end -= 1;
                }
                if end > j {
                    let text = &self.text[self.ann.tokens[j].start..self.ann.tokens[end - 1].end];
                    return Some(Source {
                        text: text.to_owned(),
                        entity: None,
                        rule: "according-to-phrase",
                    });
                }
            }
        }
        // The subject of the reporting verb nearest the figure.
        let mut best: Option<(usize, Source)> = None;
        for k in s0..s1 {
            let Some(v) = self.lex.verbs.iter().find(|v| self.phrase_at(k, v)) else {
                continue;
            };
            let vend = k + v.len();
            if vend <= a && (vend..a).any(|j| self.lex.breaks.contains(&self.words[j])) {
                continue;
            }
            if k < b && vend > a {
                continue;
            }
            if k >= b && (b..k).any(|j| self.words[j] == "and" && j > 0 && self.words[j - 1] == ",")
            {
                continue;
            }
            let Some(src) = self.subject(k, vend, s0, s1) else {
                continue;
            };
            // The people counted are not the speaker ("the mayor of 5,000 residents said").
            if let Some(e) = src.entity.map(|i| &self.ann.entities[i])
                && self
                    .token_range(e.start, e.end)
                    .is_some_and(|(ea, _)| ea == b)
            {
                continue;
            }
            let dist = if vend <= a { a - vend } else { k - b };
            if best.as_ref().is_none_or(|(d, _)| dist < *d) {
                best = Some((dist, src));
            }
        }
        best.map(|(_, s)| s)
    }

    /// The subject of a reporting verb at tokens `k..vend`.
    fn subject(&self, k: usize, vend: usize, s0: usize, s1: usize) -> Option<Source> {
        if k > s0 {
            if let Some(e) = self.entity_ending(k - 1) {
                return Some(Source {
                    text: self.shown(e),
                    entity: Some(e),
                    rule: "verb-subject",
                });
            }
            if let Some(src) = self.noun_phrase_ending(k - 1, s0) {
                return Some(src);
            }
            // Inverted: ", said X".
            if self.ann.tokens[k - 1].kind == TokenKind::Punct
                && vend < s1
                && let Some(e) = self.entity_starting(vend)
            {
                return Some(Source {
                    text: self.shown(e),
                    entity: Some(e),
                    rule: "verb-subject-inverted",
                });
            }
            // Apposition or an adverb between: "X, head of Y, said", "X angrily said".
            if !(s0..k).any(|j| {
                self.lex.breaks.contains(&self.words[j])
                    || matches!(
                        self.words[j].as_str(),
                        "that" | "which" | "who" | "\"" | "“" | "”"
                    )
            }) {
                let mut j = s0;
                while j < k && self.lex.determiners.contains(&self.words[j]) {
                    j += 1;
                }
                if let Some(e) = self.entity_starting(j)
                    && k - j <= SUBJECT_WINDOW
                {
                    return Some(Source {
                        text: self.shown(e),
                        entity: Some(e),
                        rule: "verb-subject-apposition",
                    });
                }
            }
        }
        None
    }

    /// Whether a hedge covers a figure of `metric` in sentence `si`: in its sentence or
    /// paragraph, or a stand-alone hedge about figures in general shortly before (tolls only).
    fn hedged(&self, si: usize, metric: &str) -> bool {
        let para = self.paragraph[si];
        let same_para = (0..self.ann.sentences.len()).filter(|&j| self.paragraph[j] == para);
        if same_para.clone().any(|j| self.has_hedge(j)) {
            return true;
        }
        if !TOLL_METRICS.contains(&metric) && metric != "casualties" {
            return false;
        }
        (si.saturating_sub(HEDGE_SCOPE)..si).any(|j| {
            self.has_hedge(j)
                && self.paragraph[j] != para
                && self
                    .paragraph
                    .iter()
                    .filter(|&&p| p == self.paragraph[j])
                    .count()
                    == 1
                && {
                    let (t0, t1) = self.sentence_tokens[j];
                    (t0..t1).any(|t| self.lex.figure_words.contains(&self.words[t]))
                }
        })
    }

    fn has_hedge(&self, si: usize) -> bool {
        let (t0, t1) = self.sentence_tokens[si];
        (t0..t1).any(|k| self.lex.hedges.iter().any(|h| self.phrase_at(k, h)))
    }
}

/// The value kind and upper bound of a number.
fn value_kind(n: &NumberMention) -> (&'static str, Option<f64>) {
    if n.vague {
        return ("vague", None);
    }
    match n.modifier {
        NumberModifier::Exact => ("exact", None),
        NumberModifier::AtLeast | NumberModifier::MoreThan => ("at_least", None),
        NumberModifier::AtMost | NumberModifier::LessThan => ("at_most", None),
        NumberModifier::Approximately => ("approx", None),
        NumberModifier::Range => ("range", n.high),
    }
}
