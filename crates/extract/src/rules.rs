//! The claim rules over one annotated text.
//!
//! Each field of a claim is read by one rule, which also returns the words that gave it
//! ([`Found`]); they become the claim's [`Evidence`] for `--explain`. Where no word gave a field,
//! the evidence is an empty span:
//! - `group` "default" (no noun names who is counted): an empty span just after the number;
//! - `as_of` "published" (the publication date): an empty span at the start of the number.
//!
//! The rules are split by field: [`attribution`] (source, quotes, pronouns), [`dates`]
//! (as_of), [`hedges`] (hedged, and the topic a framing paragraph sets) and [`places`].

mod attribution;
mod dates;
mod hedges;
mod places;

use annotate::{Annotations, NumberKind, NumberMention, NumberModifier, TokenKind};
use chrono::NaiveDate;

use crate::lexicon::{Lexicon, Position};
use crate::{Claim, Evidence};

/// How far (in tokens) a `near` cue may stand from its number.
const CUE_WINDOW: usize = 12;
/// How many tokens before "reached" or "rose to" the cue of the total may stand ("the
/// number of Palestinians killed in Gaza since October 7 had reached").
const TOTAL_WINDOW: usize = 12;
/// How many tokens after a part ("among them hundreds of thousands who fled") its own cue may
/// stand to keep its own metric.
const PART_PREDICATE: usize = 3;

/// Metrics that count a toll, for which plural demonyms stand for soldiers.
const TOLL_METRICS: [&str; 4] = ["killed", "injured", "casualties", "missing"];

/// A cue found in the text: token range and index into the lexicon's cues.
#[derive(Debug, Clone, Copy)]
struct CueHit {
    start: usize,
    end: usize,
    cue: usize,
}

/// The words that gave a field (byte range, possibly empty) and the rule that read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    rule: String,
    start: usize,
    end: usize,
}

impl Found {
    fn new(rule: impl Into<String>, (start, end): (usize, usize)) -> Self {
        Found {
            rule: rule.into(),
            start,
            end,
        }
    }

    fn evidence(&self, field: &'static str) -> Evidence {
        Evidence {
            field,
            rule: self.rule.clone(),
            start: self.start,
            end: self.end,
        }
    }
}

/// A quotation: byte range from its opening mark to the end of its closing mark (or to the end
/// of its paragraph when it stays open, as quotes that run on to the next paragraph do).
#[derive(Debug, Clone, Copy)]
struct Quote {
    start: usize,
    end: usize,
    closed: bool,
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
    quotes: Vec<Quote>,
    /// How many pronoun antecedents are being looked for, one inside the other ("..., it
    /// said. ..., it added."): the search follows a chain of pronouns only so far.
    resolving: std::cell::Cell<usize>,
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
            quotes: attribution::find_quotes(text, &ann.sentences),
            resolving: std::cell::Cell::new(0),
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

    /// The first of `phrases` that ends just before token `k`, in the sentence of `k`, as a
    /// token range.
    fn phrase_ending(&self, k: usize, phrases: &[Vec<String>]) -> Option<(usize, usize)> {
        phrases
            .iter()
            .filter(|p| !p.is_empty() && p.len() <= k)
            .filter(|p| self.phrase_at(k - p.len(), p))
            .filter(|_| self.sentence_of.get(k) == self.sentence_of.get(k - 1))
            .max_by_key(|p| p.len())
            .map(|p| (k - p.len(), k))
    }

    /// The sentence of token `k` and its token range, if `k` is in one.
    fn sentence_at(&self, k: usize) -> Option<(usize, (usize, usize))> {
        let si = *self.sentence_of.get(k)?;
        Some((si, *self.sentence_tokens.get(si)?))
    }

    /// Whether a country-level place starts at token `k`.
    fn country_starts(&self, k: usize) -> bool {
        let at = self.ann.tokens[k].start;
        self.ann.entities.iter().any(|e| {
            e.start == at
                && e.kind == annotate::EntityKind::Place
                && e.geo.as_ref().is_some_and(|g| g.level == "country")
        })
    }

    /// Every metric cue, the longest at each token.
    fn find_phrases_cues(&self) -> Vec<CueHit> {
        // Only the cues whose first word stands at a token are tried there; cues that start
        // with `<country>` are tried everywhere.
        let mut by_first: foldhash::HashMap<&str, Vec<usize>> = foldhash::HashMap::default();
        let mut anywhere = Vec::new();
        for (c, cue) in self.lex.cues.iter().enumerate() {
            match cue.words.first().map(String::as_str) {
                Some("<country>") => anywhere.push(c),
                Some(first) => by_first.entry(first).or_default().push(c),
                None => {}
            }
        }
        let mut hits = Vec::new();
        for i in 0..self.words.len() {
            let mut best: Vec<CueHit> = Vec::new();
            let candidates = by_first
                .get(self.words[i].as_str())
                .into_iter()
                .flatten()
                .chain(&anywhere);
            for &c in candidates {
                let cue = &self.lex.cues[c];
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
            // In lexicon order, as the rules expect when two cues tie.
            best.sort_by_key(|h| h.cue);
            hits.extend(best);
        }
        // A cue that qualifies a speaker says nothing of a figure: "aid workers estimate",
        // "evacuation officials said".
        hits.retain(|h| {
            !self
                .words
                .get(h.end)
                .is_some_and(|w| self.lex.source_nouns.contains(w))
        });
        // A cue inside an organisation's name says nothing of a figure ("the UN agency for
        // Palestinian refugees").
        let orgs: Vec<(usize, usize)> = self
            .ann
            .entities
            .iter()
            .filter(|e| e.kind == annotate::EntityKind::Org)
            .map(|e| (e.start, e.end))
            .collect();
        if !orgs.is_empty() {
            hits.retain(|h| {
                let (a, b) = (
                    self.ann.tokens[h.start].start,
                    self.ann.tokens[h.end - 1].end,
                );
                !orgs.iter().any(|&(s, e)| s <= a && b <= e)
            });
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

    /// Byte range of tokens `a..b` (`a < b`).
    fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let toks = &self.ann.tokens;
        match (toks.get(a), toks.get(b.wrapping_sub(1))) {
            (Some(x), Some(y)) if a < b => (x.start, y.end),
            (Some(x), _) => (x.start, x.start),
            _ => (self.text.len(), self.text.len()),
        }
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

    /// Up to `n` words after token `b` that may name what a figure counts: words of its own
    /// phrase, up to a comma, another number or a part phrase ("558 killed, including 50
    /// children": the children are the part's, not the whole's). "of" is passed over.
    fn noun_words(&self, b: usize, n: usize) -> Vec<usize> {
        let s = self.sentence_of.get(b.wrapping_sub(1)).copied();
        let end = s.map_or(b, |s| self.sentence_tokens[s].1);
        (b..end)
            .take_while(|&k| {
                self.ann.tokens[k].kind == TokenKind::Word
                    && !matches!(self.words[k].as_str(), "including" | "among")
            })
            .filter(|&k| self.words[k] != "of")
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
            // A number that runs over a sentence's end (broken punctuation) is no claim: its
            // sentence would not hold it.
            if si == usize::MAX || self.sentence_of[b - 1] != si {
                continue;
            }
            let Some((value, unit_hint)) = self.eligible(n, b) else {
                continue;
            };
            // "8,000 were evacuated, including about 3,000 from the port": a part of the
            // figure before it in the sentence counts in its metric.
            let subset_of = claims
                .last()
                .filter(|c| c.sentence_start == self.sentences_start(si))
                .and_then(|c| {
                    let (p0, p1) = self.subset_before(a)?;
                    let rule = format!("subset-of:{}", c.metric);
                    Some((c.metric.clone(), Found::new(rule, self.span(p0, p1))))
                })
                .or_else(|| {
                    // "including 10 women and three infants": the next part of one list.
                    let c = claims
                        .last()
                        .filter(|c| c.sentence_start == self.sentences_start(si))
                        .filter(|c| c.rule.starts_with("subset-of:"))?;
                    let prev = self.token_range(c.start, c.end)?.1;
                    let between = &self.words[prev..a];
                    let joiner = match between {
                        [_, j] => matches!(j.as_str(), "and" | ","),
                        [_, c, j] => c == "," && j == "and",
                        _ => false,
                    };
                    // Both name who they count ("10 women and three infants"); a figure
                    // with a cue of its own is not a part: "..., and 1,645 wounded".
                    let counts_group = self
                        .words
                        .get(b)
                        .is_some_and(|w| self.lex.groups.contains_key(w));
                    let joined =
                        joiner && counts_group && self.lex.groups.contains_key(&between[0]);
                    joined.then(|| {
                        let rule = format!("subset-of:{}", c.metric);
                        (c.metric.clone(), Found::new(rule, self.span(prev, a)))
                    })
                });
            // A part with a predicate of its own keeps it: "1.8 million people live in the
            // city, among them hundreds of thousands who fled".
            let own = self.metric(a, b, si);
            let own_after = own.as_ref().filter(|(_, f)| {
                (f.rule.starts_with("cue-after") || f.rule.starts_with("cue-fallback"))
                    && self
                        .token_range(f.start, f.end)
                        .is_some_and(|(k, _)| k >= b && k - b <= PART_PREDICATE)
            });
            let subset_of = match (subset_of, own_after) {
                (Some((m, _)), Some(o)) if o.0 != m => Some(o.clone()),
                (s, _) => s,
            };
            let Some((metric, metric_found)) = subset_of.or(own) else {
                continue;
            };
            let (unit, unit_found) = self.unit(&metric, b, unit_hint);
            // Aid is counted in tonnes, attacks in attacks or facilities: a count of people
            // near their cues belongs to no metric.
            if (metric == "aid") != (unit == "tonnes")
                || (metric == "attacks" && unit != "attacks" && unit != "facilities")
                || (metric == "attacks" && self.counts_people(b))
            {
                continue;
            }
            let (value_kind, value_max) = value_kind(n);
            let mut evidence = vec![
                Found::new(format!("modifier:{value_kind}"), (n.start, n.end)).evidence("value"),
                metric_found.evidence("metric"),
            ];
            if let Some(f) = unit_found {
                evidence.push(f.evidence("unit"));
            }
            let mut rule = format!("{}; kind:{value_kind}", metric_found.rule);
            let source = self.source(si, a, b, n.start);
            let (mut group, group_found) = match self.group(&metric, &unit, b) {
                (g, Some(f)) => {
                    rule.push_str("; group:noun");
                    (g, f)
                }
                (g, None) => {
                    // Not from a part: "492 dead, among them 35 children, and 1,645
                    // wounded" counts people.
                    let ellipsis = claims
                        .iter()
                        .rev()
                        .filter(|c| c.sentence_start == self.ann.sentences[si].start)
                        .find(|c| !c.rule.starts_with("subset-of:"))
                        .filter(|c| c.rule.contains("group:noun") && c.unit == unit);
                    if let Some(prev) = ellipsis {
                        rule.push_str("; group:ellipsis");
                        let at = prev
                            .evidence
                            .iter()
                            .find(|e| e.field == "group")
                            .map_or((prev.start, prev.end), |e| (e.start, e.end));
                        (prev.group.clone(), Found::new("ellipsis", at))
                    } else {
                        (g, Found::new("default", (n.end, n.end)))
                    }
                }
            };
            // A toll counted with no noun ("498 dead") under a paragraph that frames military
            // figures counts soldiers.
            let mut topic = false;
            if group_found.rule == "default"
                && group.is_some()
                && TOLL_METRICS.contains(&metric.as_str())
                && let Some(f) = self.military_topic(si)
            {
                group = Some("soldiers".into());
                rule.push_str("; group:topic");
                evidence.push(f.evidence("group"));
                topic = true;
            } else if group.is_some() {
                evidence.push(group_found.evidence("group"));
            }
            let mut side = None;
            if group.as_deref() == Some("soldiers") {
                let found = self.side(b, source.as_ref()).or_else(|| {
                    // Soldiers known only from the topic: those of the side that reports them.
                    let src = source.as_ref().filter(|_| topic)?;
                    let side = self.entity_side(src)?;
                    Some((side, Found::new("source-side", (src.start, src.end))))
                });
                if let Some((s, f)) = found {
                    evidence.push(f.evidence("side"));
                    side = Some(s);
                }
            }
            let place = self
                .place(si, n.start, source.as_ref(), metric == "evacuated")
                .or_else(|| self.previous_claim_place(&claims, si))
                .or_else(|| fallback_place.clone());
            if let Some((_, f)) = &place {
                evidence.push(f.evidence("place"));
            }
            let scope = self.scope(si, a, b, source.as_ref());
            if let Some((_, f)) = &scope {
                rule.push_str("; scope");
                evidence.push(f.evidence("scope"));
            }
            let (as_of, date_found) = self.as_of(si, a, n.start, source.as_ref());
            rule.push_str(&format!("; as_of:{}", date_found.rule));
            evidence.push(date_found.evidence("as_of"));
            if let Some(s) = &source {
                rule.push_str(&format!("; source:{}", s.rule));
                evidence.extend(s.evidence());
            }
            let group_name = group.as_deref().unwrap_or("");
            let hedge = self.hedged(si, &metric, group_name);
            if let Some(f) = &hedge {
                rule.push_str("; hedged");
                evidence.push(f.evidence("hedged"));
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
                place: place.map(|(p, _)| p),
                scope: scope.map(|(s, _)| s),
                as_of,
                source: source.as_ref().map(|s| s.text.clone()),
                hedged: hedge.is_some(),
                sentence_start: sentence.start,
                sentence_end: sentence.end,
                start: n.start,
                end: n.end,
                rule,
                evidence,
            };
            if let Some(first) = claims.iter_mut().find(|c| {
                c.metric == claim.metric
                    && c.unit == claim.unit
                    && (c.value - claim.value).abs() <= 1e-9 * c.value.abs().max(1.0)
            }) {
                // A repeated figure is kept at its first mention; an attribution found only in
                // a later mention is carried to it.
                if first.source.is_none()
                    && let Some(s) = source
                {
                    first.source = Some(s.text.clone());
                    first.rule.push_str("; source:repeat");
                    first.evidence.extend(s.evidence().into_iter().map(|mut e| {
                        e.rule = format!("repeat:{}", e.rule);
                        e
                    }));
                }
                continue;
            }
            claims.push(claim);
        }
        claims
    }

    /// The value of a number that can be a claim, with the unit its kind implies and the words
    /// that gave it; `None` for years, dates, ages, money, distances and other non-counts, and
    /// for counts of things.
    fn eligible(
        &self,
        n: &NumberMention,
        b: usize,
    ) -> Option<(f64, Option<(&'static str, Found)>)> {
        // "+218 91 555 0142": digits beside digits are a telephone number or a code.
        let toks = &self.ann.tokens;
        let a = toks.partition_point(|t| t.start < n.start);
        let digits = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Number);
        if (a > 0 && (digits(a - 1) || self.words[a - 1] == "+")) || digits(b) {
            return None;
        }
        // "the last one", "in one day": the word "one" counts people only before a people
        // noun ("one child").
        if n.value == 1.0
            && self.text[n.start..n.end].eq_ignore_ascii_case("one")
            && !self
                .next_words(b, 1)
                .first()
                .is_some_and(|&k| self.lex.groups.contains_key(&self.words[k]))
        {
            return None;
        }
        let next = self.next_words(b, 3);
        let population = next
            .iter()
            .find(|&&k| self.words[k].starts_with("population"))
            .map(|&k| Found::new("share-of-population", self.span(k, k + 1)));
        let (value, unit) = match n.kind {
            NumberKind::Count => (n.value, None),
            NumberKind::Share if population.is_some() => (n.value, Some("share")),
            NumberKind::Percent if population.is_some() => (n.value / 100.0, Some("share")),
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
        // "according to two aid workers", "three officials said": a count of speakers.
        if let Some(noun) = (b..(b + 3).min(self.words.len()))
            .find(|&k| self.lex.source_nouns.contains(&self.words[k]))
        {
            let according = a >= 2 && self.words[a - 2] == "according" && self.words[a - 1] == "to";
            if according || self.is_verb_at(noun + 1) {
                return None;
            }
        }
        // People come whole: "a magnitude-7.7 earthquake", "7.7 magnitude" are measures.
        let magnitude = (a > 0 && self.words[a - 1].starts_with("magnitude"))
            || (a > 1 && self.words[a - 1] == "-" && self.words[a - 2] == "magnitude")
            || self
                .words
                .get(b)
                .is_some_and(|w| w.starts_with("magnitude"));
        if unit.is_none() && (value.fract() != 0.0 || magnitude) {
            return None;
        }
        let unit = unit.map(|u| {
            let found = match (u, population) {
                ("share", Some(f)) => f,
                _ => Found::new("measure", (n.start, n.end)),
            };
            (u, found)
        });
        Some((value, unit))
    }

    /// The metric of the number at tokens `a..b` in sentence `si`, and the cue that gave it.
    fn metric(&self, a: usize, b: usize, si: usize) -> Option<(String, Found)> {
        let found = self.cue_metric(a, b, si)?;
        // The dead are counted as dead whatever was done with them ("180 bodies had been
        // pulled from the ruins"): a toll's own noun keeps its metric.
        let own_noun = self
            .token_range(found.1.start, found.1.end)
            .is_some_and(|(k, _)| k >= b && k <= b + 1);
        if found.0 == "killed" && own_noun {
            return Some(found);
        }
        // "300 wounded were evacuated": the predicate's metric, not the noun's.
        Some(self.predicate_metric(b, si, &found.0).unwrap_or(found))
    }

    /// After a number counted by a metric's noun ("300 wounded"), a passive predicate of
    /// another metric ("were evacuated", "have been rescued"): that metric and its cue.
    fn predicate_metric(&self, b: usize, si: usize, metric: &str) -> Option<(String, Found)> {
        let (_, s1) = self.sentence_tokens[si];
        let end = (b + 6).min(s1);
        // A linking verb: "were evacuated", "remain displaced".
        let aux = (b..end).find(|&k| {
            matches!(
                self.words[k].as_str(),
                "were" | "was" | "are" | "is" | "remain" | "remains" | "remained"
            ) || (matches!(self.words[k].as_str(), "been") && k > b)
        })?;
        // Only the noun's words between the number and the verb: "wounded", "seriously
        // injured people".
        if (b..aux).any(|k| self.ann.tokens[k].kind != TokenKind::Word || self.opens_clause(k)) {
            return None;
        }
        // "are still listed as missing", "were later evacuated".
        let mut at = aux + 1;
        while at < s1
            && at <= aux + 4
            && matches!(
                self.words[at].as_str(),
                "still" | "now" | "later" | "also" | "listed" | "reported" | "as" | "being"
            )
        {
            at += 1;
        }
        let h = self
            .cues
            .iter()
            .find(|h| h.start == at && self.sentence_of[h.start] == si)?;
        let c = &self.lex.cues[h.cue];
        (c.metric != metric).then(|| {
            (
                c.metric.clone(),
                Found::new(format!("predicate:{}", c.metric), self.span(h.start, h.end)),
            )
        })
    }

    /// The metric of the number at tokens `a..b` by the cues around it.
    fn cue_metric(&self, a: usize, b: usize, si: usize) -> Option<(String, Found)> {
        let (s0, _) = self.sentence_tokens[si];
        let in_sentence = |h: &&CueHit| self.sentence_of[h.start] == si;
        let cue = |h: &CueHit| &self.lex.cues[h.cue];
        let found = |h: &CueHit, how: &str| {
            let c = cue(h);
            let rule = format!("{how}:{}", c.metric);
            (
                c.metric.clone(),
                Found::new(rule, self.span(h.start, h.end)),
            )
        };
        // A cue directly before the number, allowing two modifier words in between.
        // Not across a name: "the province of Taroudant with 764 dead" is no population.
        let named = |from: usize, to: usize| {
            (from..to).any(|k| {
                let t = &self.ann.tokens[k];
                self.text[t.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    && !self
                        .ann
                        .times
                        .iter()
                        .any(|x| x.start <= t.start && t.end <= x.end)
            })
        };
        if let Some(h) = self.cues.iter().filter(in_sentence).find(|h| {
            cue(h).position == Position::Before
                && h.end <= a
                && a - h.end <= 2
                && h.end >= s0
                && !named(h.end, a)
        }) {
            return Some(found(h, "cue-before"));
        }
        // A cue directly after the number, or after its group noun.
        // The cue right after the number, its group noun, or a "who" ("hundreds of thousands
        // who fled", "people who have lost their homes").
        let mut at = b;
        // "hundreds of thousands of people who fled".
        if self.words.get(at).is_some_and(|w| w == "of") {
            at += 1;
        }
        if self
            .lex
            .groups
            .contains_key(self.words.get(at).map_or("", String::as_str))
        {
            at += 1;
        }
        if self.words.get(at).is_some_and(|w| w == "who") {
            at += 1;
            if self
                .words
                .get(at)
                .is_some_and(|w| matches!(w.as_str(), "have" | "had" | "has"))
            {
                at += 1;
            }
        }
        let after = |pos: Position| {
            self.cues.iter().filter(in_sentence).find(|h| {
                cue(h).position == pos
                    && (h.start == b
                        || (h.start == b + 1 && self.lex.groups.contains_key(&self.words[b]))
                        || h.start == at)
            })
        };
        if let Some(h) = after(Position::After) {
            return Some(found(h, "cue-after"));
        }
        // "the number of Palestinians killed ... had reached 30,035", "the toll from Saturday's
        // strike rose to 12": a figure a total reached takes the total's cue before it.
        if let Some(h) = self.reached_total(a, si) {
            return Some(found(h, "cue-total"));
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
            if dist > CUE_WINDOW
                || self.clause_break(h.end.min(b), h.start.max(a))
                || self.subordinate_between(h.end.min(b), h.start.max(a))
            {
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
            return Some(found(h, "cue-near"));
        }
        after(Position::Fallback).map(|h| found(h, "cue-fallback"))
    }

    /// For a figure whose sentence names no place: the place the claim before it took from
    /// its own words, when that claim stands shortly before in the same paragraph ("Rescuers
    /// pulled 69 people from a boat off Aceh province. Fishermen had rescued six others."). A
    /// story goes on where it was.
    fn previous_claim_place(&self, claims: &[Claim], si: usize) -> Option<(String, Found)> {
        let prev = claims.last()?;
        let pj = self.sentence_of_byte(prev.sentence_start)?;
        if pj >= si || si - pj > places::CITY_BACK || self.paragraph[pj] != self.paragraph[si] {
            return None;
        }
        let e = prev.evidence.iter().find(|e| e.field == "place")?;
        // Only a place read in the claim's own sentence carries on.
        if !matches!(
            e.rule.as_str(),
            "locative" | "local-place" | "apposition-place"
        ) {
            return None;
        }
        let place = prev.place.clone()?;
        Some((place, Found::new("previous-claim-place", (e.start, e.end))))
    }

    /// The index of the sentence starting at byte `start`.
    fn sentence_of_byte(&self, start: usize) -> Option<usize> {
        self.ann.sentences.iter().position(|s| s.start == start)
    }

    /// The cue of a total that the figure at token `a` is the new value of: "reached", "rose
    /// to", "stood at"... directly before the figure, and a cue before those in the clause.
    fn reached_total(&self, a: usize, si: usize) -> Option<&CueHit> {
        let (s0, _) = self.sentence_tokens[si];
        let w = |k: usize| self.words.get(k).map_or("", String::as_str);
        let verb = |k: usize| {
            matches!(
                w(k),
                "rose" | "risen" | "climbed" | "jumped" | "increased" | "grown" | "grew" | "stood"
            )
        };
        let k = if a > s0 && w(a - 1) == "reached" {
            a - 1
        } else if a > s0 + 1 && matches!(w(a - 1), "to" | "at") && verb(a - 2) {
            a - 2
        } else {
            return None;
        };
        self.cues
            .iter()
            .filter(|h| self.sentence_of[h.start] == si && h.end <= k && k - h.end <= TOTAL_WINDOW)
            .filter(|h| !self.clause_break(h.end, k) && !self.subordinate_between(h.end, k))
            .max_by_key(|h| h.end)
    }

    /// Whether tokens `from..to` hold a word that opens a subordinate clause ("as", "while",
    /// "when", "because"...): a cue across it belongs to the other clause ("dozens had died in
    /// a stampede as thousands rushed the trucks"). "as many as" is a modifier.
    fn subordinate_between(&self, from: usize, to: usize) -> bool {
        (from..to).any(|k| {
            matches!(
                self.words[k].as_str(),
                "as" | "while" | "whereas" | "because" | "when" | "where" | "although" | "though"
            ) && self.opens_clause_word(k)
        })
    }

    /// The subset phrase ("including", "among them") that ends just before token `a`, as a
    /// token range.
    /// A word the number reader may leave out of the figure ("round 3,000" in a spun copy)
    /// may stand between.
    fn subset_before(&self, a: usize) -> Option<(usize, usize)> {
        let ends = |e: usize| {
            self.lex
                .subset
                .iter()
                .find(|p| {
                    e >= p.len()
                        && self.words[e - p.len()..e]
                            .iter()
                            .zip(p.iter())
                            .all(|(w, x)| w == x)
                })
                .map(|p| (e - p.len(), e))
        };
        ends(a).or_else(|| {
            let loose = a > 0
                && matches!(
                    self.words[a - 1].as_str(),
                    "round" | "around" | "about" | "some" | "roughly" | "approximately"
                );
            loose.then(|| ends(a - 1)).flatten()
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

    /// The unit of a claim, and the word that gave it where one did.
    fn unit(
        &self,
        metric: &str,
        b: usize,
        hint: Option<(&'static str, Found)>,
    ) -> (String, Option<Found>) {
        if let Some((u, f)) = hint {
            return (u.to_owned(), Some(f));
        }
        for k in self.next_words(b, 3) {
            if let Some(u) = self.lex.units.get(&self.words[k]) {
                return (u.clone(), Some(Found::new("noun", self.span(k, k + 1))));
            }
        }
        let unit = match metric {
            "attacks" => "attacks",
            _ => "people",
        };
        (unit.to_owned(), None)
    }

    /// The part of its place a figure at tokens `a..b` of sentence `si` covers: the control
    /// phrase ("in government-held areas", "across the opposition-held northwest") nearest it
    /// in its clause (`scopes.tsv`), lower-cased. The phrase follows "in", "across",
    /// "throughout" or "within" (with "the" between or not); one in a relative clause or in the
    /// source's words ("the White Helmets, which operates in the rebel-held northwest") is
    /// about the source, and one across "while" is another figure's.
    fn scope(
        &self,
        si: usize,
        a: usize,
        b: usize,
        source: Option<&attribution::Source>,
    ) -> Option<(String, Found)> {
        let (s0, s1) = self.sentence_tokens[si];
        let control = |w: &str| {
            self.lex.scope_words.contains(w)
                || w.rsplit_once('-')
                    .is_some_and(|(_, tail)| self.lex.scope_suffixes.contains(tail))
        };
        let after_locative = |k: usize| {
            let j = if k > s0 && self.words[k - 1] == "the" {
                k - 1
            } else {
                k
            };
            j > s0
                && matches!(
                    self.words[j - 1].as_str(),
                    "in" | "across" | "throughout" | "within"
                )
        };
        let apart = |from: usize, to: usize| {
            (from..to).any(|k| {
                matches!(
                    self.words[k].as_str(),
                    "while" | "whereas" | ";" | "which" | "that" | "who"
                )
            })
        };
        let in_source = |k: usize| {
            let t = &self.ann.tokens[k];
            source.is_some_and(|s| t.start < s.end && t.end > s.start)
        };
        (s0..s1.saturating_sub(1))
            .filter(|&k| {
                control(&self.words[k])
                    && self.lex.scope_parts.contains(&self.words[k + 1])
                    && !(a..b).contains(&k)
                    && after_locative(k)
                    && !in_source(k)
            })
            .filter(|&k| if k < a { !apart(k, a) } else { !apart(b, k) })
            .min_by_key(|&k| if k < a { a - k } else { k - b })
            .map(|k| {
                let (start, end) = self.span(k, k + 2);
                (
                    self.text[start..end].to_lowercase(),
                    Found::new("control-phrase", (start, end)),
                )
            })
    }

    /// Whether a group noun of people follows the number.
    fn counts_people(&self, b: usize) -> bool {
        self.next_words(b, 3)
            .iter()
            .any(|&k| self.lex.groups.contains_key(&self.words[k]))
    }

    /// Who is counted, and the noun that said so (`None` for the default).
    fn group(&self, metric: &str, unit: &str, b: usize) -> (Option<String>, Option<Found>) {
        if unit != "people" && unit != "share" {
            return (None, None);
        }
        // "1.5 million of the refugees are children": the group is the predicate's.
        if self.words.get(b).is_some_and(|w| w == "of") {
            let next = self.next_words(b, 8);
            if let Some(i) = next
                .iter()
                .position(|&k| matches!(self.words[k].as_str(), "are" | "were"))
                && let Some(&k) = next.get(i + 1)
                && let Some(g) = self.lex.groups.get(&self.words[k])
            {
                return (
                    Some(g.clone()),
                    Some(Found::new("predicate", self.span(k, k + 1))),
                );
            }
        }
        for k in self.noun_words(b, 3) {
            let w = &self.words[k];
            let at = self.span(k, k + 1);
            if let Some(g) = self.lex.groups.get(w) {
                return (Some(g.clone()), Some(Found::new("noun", at)));
            }
            if TOLL_METRICS.contains(&metric) && self.lex.demonym_soldiers.contains(w) {
                return (Some("soldiers".into()), Some(Found::new("demonym", at)));
            }
        }
        (Some("people".into()), None)
    }

    /// The side of soldiers: a demonym before or as the group noun, else "its"/"their"
    /// pointing at the source.
    fn side(&self, b: usize, source: Option<&attribution::Source>) -> Option<(String, Found)> {
        let next = self.next_words(b, 3);
        for (i, &k) in next.iter().enumerate() {
            let w = &self.words[k];
            let at = self.span(k, k + 1);
            if let Some(s) = self.lex.sides.get(w) {
                return Some((s.clone(), Found::new("demonym", at)));
            }
            if (w == "its" || w == "their")
                && let Some(src) = source
            {
                let side = self.entity_side(src)?;
                return Some((side, Found::new("possessive-of-source", at)));
            }
            if self.lex.groups.contains_key(w) || i == 2 {
                break;
            }
        }
        None
    }

    fn entity_side(&self, src: &attribution::Source) -> Option<String> {
        let e = &self.ann.entities[src.entity?];
        let key = e
            .side
            .as_deref()
            .map(str::to_lowercase)
            .unwrap_or_else(|| e.name.to_lowercase());
        self.lex.sides.get(&key).cloned()
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
