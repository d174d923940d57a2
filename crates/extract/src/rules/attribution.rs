//! Who states a figure (shared/gold/NOTES.md, rule 1): "according to X"; the speaker of the
//! quotation that holds it; the subject of a reporting verb in its sentence ("X said",
//! ", said X", "X, head of Y, said", "..., X, the governor of Y, said", "the mayor of X said",
//! "X's general staff said"); a pronoun subject, shown as its antecedent ("He said" by
//! the annotation's coreference, "They said" by the organisation or group named just before).
//! A figure with none of these is the article's own (`None`): attribution is not carried over
//! from a neighbouring sentence, except by a pronoun or a quotation.
//!
//! Metonyms ("Moscow said", "the Kremlin") are shown as written, as readers and the gold expect;
//! people named by a pronoun or a title are shown by their canonical name.

use annotate::{Entity, EntityKind, MentionForm, TokenKind};

use super::{Doc, Found, Quote};
use crate::Evidence;

/// How far back (in tokens) an appositive subject may stand from its reporting verb; also how
/// far after a closing quotation mark its reporting verb may stand.
const SUBJECT_WINDOW: usize = 14;
/// How many words an apposition between a name and its reporting verb may take ("..., Pavlo
/// Kyrylenko, the governor of the Donetsk region, said").
const APPOSITION_WINDOW: usize = 16;
/// How many words a source phrase after "according to" may run to when no entity starts it.
const ACCORDING_WINDOW: usize = 7;
/// How many words a source noun phrase may run after a possessive ("Ukraine's general staff").
const POSSESSED_WINDOW: usize = 4;
/// How many words may stand between a reporting verb and the quotation it opens ("said in a
/// statement: “...”").
const QUOTE_LEAD: usize = 6;
/// How many words may stand between an inverted reporting verb and its subject (", said Mayor
/// Ivan Petrenko").
const INVERTED_WINDOW: usize = 4;
/// How many sentences back the antecedent of "they" or "it" is looked for.
const PRONOUN_BACK: usize = 2;
/// How many pronouns in a row ("it said ... it added") the antecedent search follows.
const PRONOUN_CHAIN: usize = 3;

/// A source found for a figure.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub text: String,
    /// The entity that names it, where one does (for a pronoun, its antecedent's).
    pub entity: Option<usize>,
    pub rule: &'static str,
    /// The words that name the source in the figure's sentence or quotation.
    pub start: usize,
    pub end: usize,
    /// For a pronoun: the sentence and byte range of the antecedent it stands for.
    pub antecedent: Option<(usize, (usize, usize))>,
}

impl Source {
    /// The evidence of the source: its words, and a pronoun's antecedent.
    pub fn evidence(&self) -> Vec<Evidence> {
        let mut ev = vec![Found::new(self.rule, (self.start, self.end)).evidence("source")];
        if let Some((_, at)) = self.antecedent {
            ev.push(Found::new("antecedent", at).evidence("source"));
        }
        ev
    }
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "«" | "»")
}

/// How many sentences a quotation left open covers, from the one it opens in: a quotation that
/// runs on to the next paragraph closes none, and text that lost its paragraph breaks must not
/// turn the rest of a long paragraph into speech.
const OPEN_QUOTE_SENTENCES: usize = 3;

/// Whether the straight quotation mark at byte `i` of `para` opens a quotation (after a space, a
/// bracket, a dash or a colon, or at the start) rather than closes one.
fn opens(para: &str, i: usize) -> bool {
    let before = para[..i].chars().next_back();
    let after = para[i + 1..].chars().next();
    match before {
        None => true,
        Some(c) if c.is_whitespace() || "([{—–-:,".contains(c) => {
            // `" ` after a space closes nothing and opens nothing useful: take it as opening
            // only when words follow.
            after.is_some_and(|c| !c.is_whitespace())
        }
        Some(_) => false,
    }
}

/// The quotations of a text, paragraph by paragraph. Typographic marks say whether they open or
/// close; a straight mark opens after a space or at the start of a paragraph and closes after a
/// word or punctuation. A quotation left open ends with its paragraph, or after
/// [`OPEN_QUOTE_SENTENCES`] sentences, or where the next one opens.
pub(super) fn find_quotes(text: &str, sentences: &[annotate::Sentence]) -> Vec<Quote> {
    let open_end = |start: usize, limit: usize| {
        let first = sentences.partition_point(|s| s.end <= start);
        sentences
            .get(first + OPEN_QUOTE_SENTENCES - 1)
            .map_or(limit, |s| s.end.min(limit))
    };
    let mut quotes = Vec::new();
    let mut base = 0;
    for para in text.split('\n') {
        let para_end = base + para.len();
        let mut open: Option<usize> = None;
        for (i, c) in para.char_indices() {
            let at = base + i;
            let opening = match c {
                '“' | '«' => true,
                '”' | '»' => false,
                '"' => opens(para, i),
                _ => continue,
            };
            if opening {
                if let Some(s) = open.replace(at) {
                    quotes.push(Quote {
                        start: s,
                        end: open_end(s, at),
                        closed: false,
                    });
                }
            } else if let Some(s) = open.take() {
                quotes.push(Quote {
                    start: s,
                    end: at + c.len_utf8(),
                    closed: true,
                });
            }
        }
        if let Some(s) = open {
            quotes.push(Quote {
                start: s,
                end: open_end(s, para_end),
                closed: false,
            });
        }
        base = para_end + 1;
    }
    quotes
}

impl Doc<'_> {
    /// How an entity is shown as a source: as written, or by its canonical name for pronouns
    /// and titles.
    fn shown(&self, i: usize) -> String {
        let e = &self.ann.entities[i];
        match e.form {
            MentionForm::Pronoun | MentionForm::Title => e.name.clone(),
            _ => self.text[e.start..e.end].to_owned(),
        }
    }

    /// A source named by entity `i`; a pronoun also points at the mention before that names
    /// its antecedent.
    fn entity_source(&self, i: usize, rule: &'static str) -> Source {
        let e = &self.ann.entities[i];
        let antecedent = (e.form == MentionForm::Pronoun)
            .then(|| {
                self.ann.entities.iter().rfind(|o| {
                    o.name == e.name && o.form != MentionForm::Pronoun && o.end <= e.start
                })
            })
            .flatten()
            .and_then(|o| {
                let (k, _) = self.token_range(o.start, o.end)?;
                let (si, _) = self.sentence_at(k)?;
                Some((si, (o.start, o.end)))
            });
        Source {
            text: self.shown(i),
            entity: Some(i),
            rule,
            start: e.start,
            end: e.end,
            antecedent,
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

    /// A source noun phrase ending at token `k` ("City authorities", "local officials"), not
    /// reaching before token `s0`.
    fn noun_phrase_ending(&self, k: usize, s0: usize) -> Option<Source> {
        if !self.lex.source_nouns.contains(self.words.get(k)?) {
            return None;
        }
        let mut first = k;
        while first > s0
            && first + 3 > k
            && self.ann.tokens[first - 1].kind == TokenKind::Word
            && !self.lex.determiners.contains(&self.words[first - 1])
            && !self.lex.breaks.contains(&self.words[first - 1])
            && !self.lex.preps.contains(&self.words[first - 1])
            && !matches!(self.words[first - 1].as_str(), "and" | "or")
            && !self.is_verb_at(first - 1)
        {
            first -= 1;
        }
        let (start, end) = self.span(first, k + 1);
        Some(Source {
            text: self.text[start..end].to_owned(),
            entity: None,
            rule: "verb-subject-phrase",
            start,
            end,
            antecedent: None,
        })
    }

    pub(super) fn is_verb_at(&self, k: usize) -> bool {
        self.verb_at(k).is_some()
    }

    /// The length of the reporting verb at token `k`, if one stands there.
    fn verb_at(&self, k: usize) -> Option<usize> {
        self.lex
            .verbs
            .iter()
            .filter(|v| self.phrase_at(k, v))
            .map(Vec::len)
            .max()
    }

    /// The quotation that holds byte `at`.
    fn quote_at(&self, at: usize) -> Option<usize> {
        self.quotes.iter().position(|q| q.start < at && at < q.end)
    }

    /// The source of a figure at tokens `a..b` (byte `at`) in sentence `si`.
    pub(super) fn source(&self, si: usize, a: usize, b: usize, at: usize) -> Option<Source> {
        // A figure inside a quotation is its speaker's. A quotation left open may run past the
        // speech into narration: there the sentence's own attribution comes first.
        let quote = self.quote_at(at);
        let closed = quote.is_some_and(|q| self.quotes[q].closed);
        if closed && let Some(src) = quote.and_then(|q| self.quote_speaker(q)) {
            return Some(src);
        }
        let own = self
            .according(si)
            .or_else(|| self.verb_source(si, a, b))
            .or_else(|| self.parenthetical_source(si, b));
        // A sentence inside it that reports words itself ("X said ...") is narration, not the
        // open quotation.
        let (s0, s1) = self.sentence_tokens[si];
        own.or_else(|| {
            quote
                .filter(|&q| {
                    !(s0..s1).any(|k| {
                        self.ann.tokens[k].start > self.quotes[q].start && self.is_verb_at(k)
                    })
                })
                .and_then(|q| self.quote_speaker(q))
        })
    }

    /// The subject of the reporting verb nearest a figure at tokens `a..b` in sentence `si`.
    fn verb_source(&self, si: usize, a: usize, b: usize) -> Option<Source> {
        let (s0, s1) = self.sentence_tokens[si];
        let mut best: Option<(usize, Source)> = None;
        for k in s0..s1 {
            let Some(len) = self.verb_at(k) else {
                continue;
            };
            let vend = k + len;
            // A clause of the article's own between the verb and the figure ends the verb's
            // reach, unless a second "that" picks up its report again ("X said the hospital
            // had received 1,315 wounded since fighting began, and that 208 had died").
            let resumed = (vend..a)
                .rev()
                .find(|&j| self.words[j] == "that" && j > vend && self.words[j - 1] == "and")
                .unwrap_or(vend);
            if vend <= a && (resumed..a).any(|j| self.opens_clause(j)) {
                continue;
            }
            if k < b && vend > a {
                continue;
            }
            // A verb after the figure in another clause reports another figure: ", and X
            // said", ", while X reported".
            if k >= b
                && (b..k).any(|j| {
                    (self.words[j] == "and" && j > 0 && self.words[j - 1] == ",")
                        || matches!(self.words[j].as_str(), "while" | "whereas")
                })
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

    /// Whether the word at token `j` opens a clause of the article's own narration: a break
    /// word (`attribution.tsv`), but not the "as" of "as many as" or "as of", nor "since",
    /// "after", "before" or "until" before a date ("since October 7" is a phrase).
    pub(super) fn opens_clause(&self, j: usize) -> bool {
        self.lex.breaks.contains(&self.words[j]) && self.opens_clause_word(j)
    }

    /// Whether the word at token `j`, taken for a clause opener, opens one: not the "as" of
    /// "as many as" or "as of", nor "since", "after", "before" or "until" before a date.
    pub(super) fn opens_clause_word(&self, j: usize) -> bool {
        let w = self.words[j].as_str();
        let next = self.words.get(j + 1).map_or("", String::as_str);
        if w == "as"
            && (matches!(next, "many" | "much" | "few" | "of" | "well" | "at")
                || (j > 0 && matches!(self.words[j - 1].as_str(), "many" | "much" | "few")))
        {
            return false;
        }
        if matches!(w, "since" | "after" | "before" | "until")
            && let Some(t) = self.ann.tokens.get(j + 1)
        {
            // "hours after the earthquake": a phrase, not a clause.
            if matches!(w, "after" | "before")
                && matches!(next, "the" | "a" | "an" | "its" | "their" | "his" | "her")
            {
                return false;
            }
            return !self.ann.times.iter().any(|x| x.start == t.start);
        }
        true
    }

    /// A source in brackets after the figure, as situation reports write it: "1,191 people
    /// killed since 14 June (NDMA, as of 1 September)", "634,000 displaced (IOM)". An
    /// organisation or an acronym opens the brackets.
    fn parenthetical_source(&self, si: usize, b: usize) -> Option<Source> {
        let (_, s1) = self.sentence_tokens[si];
        let open = (b..s1).find(|&k| self.words[k] == "(")?;
        let k = open + 1;
        if k >= s1 {
            return None;
        }
        let src = match self.entity_starting(k) {
            Some(e)
                if matches!(
                    self.ann.entities[e].kind,
                    EntityKind::Org | EntityKind::Person | EntityKind::Group
                ) =>
            {
                self.entity_source(e, "parenthetical")
            }
            _ => {
                let mut s = self.acronym_at(k)?;
                s.rule = "parenthetical-acronym";
                s
            }
        };
        let (_, end) = self.token_range(src.start, src.end)?;
        matches!(
            self.words.get(end).map(String::as_str),
            Some(")" | "," | ";")
        )
        .then_some(src)
    }

    /// "according to X" anywhere in sentence `si`.
    fn according(&self, si: usize) -> Option<Source> {
        let (s0, s1) = self.sentence_tokens[si];
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
                    if let Some(src) = self.possessed_phrase(e, j, s1) {
                        return Some(src);
                    }
                    return Some(self.entity_source(e, "according-to"));
                }
                if j < s1 && self.lex.pronouns.contains(&self.words[j]) {
                    return self.pronoun_antecedent(j);
                }
                // "according to him" that coreference left unresolved names no one.
                if j < s1 && self.lex.personal.contains(&self.words[j]) {
                    return None;
                }
                // "figures from government agencies and rescue groups", "the latest toll of
                // the interior ministry": the figures' makers.
                let mut d = j;
                while d < s1 && self.lex.figure_adjectives.contains(&self.words[d]) {
                    d += 1;
                }
                if d + 1 < s1
                    && self.lex.drop_words.contains(&self.words[d])
                    && matches!(self.words[d + 1].as_str(), "from" | "by" | "of")
                {
                    j = d + 2;
                    while j < s1 && self.lex.determiners.contains(&self.words[j]) {
                        j += 1;
                    }
                    if let Some(e) = self.entity_starting(j) {
                        return Some(self.entity_source(e, "according-to"));
                    }
                }
                let mut end = j;
                while end < s1
                    && end < j + ACCORDING_WINDOW
                    && self.ann.tokens[end].kind == TokenKind::Word
                    && !self.lex.breaks.contains(&self.words[end])
                    && !(end > j && self.lex.preps.contains(&self.words[end]))
                {
                    end += 1;
                }
                while end > j && self.lex.drop_words.contains(&self.words[end - 1]) {
                    end -= 1;
                }
                if end > j {
                    let (start, stop) = self.span(j, end);
                    return Some(Source {
                        text: self.text[start..stop].to_owned(),
                        entity: None,
                        rule: "according-to-phrase",
                        start,
                        end: stop,
                        antecedent: None,
                    });
                }
            }
        }
        None
    }

    /// The subject that ends just before a reporting verb at token `k`, not before token `lo`:
    /// an entity, a source noun phrase or a pronoun, with "also", "has"... between.
    fn subject_before(&self, k: usize, lo: usize) -> Option<Source> {
        let mut p = k;
        while p > lo && self.lex.aux.contains(&self.words[p - 1]) {
            p -= 1;
        }
        // "The UN office, which has confirmed 227 deaths": the relative pronoun stands for
        // the phrase before its comma.
        if p >= lo + 3
            && matches!(self.words[p - 1].as_str(), "which" | "who")
            && self.words[p - 2] == ","
        {
            p -= 2;
        }
        if p <= lo {
            return None;
        }
        if let Some(src) = self.of_phrase_ending(p - 1, lo) {
            return Some(src);
        }
        if let Some(e) = self.entity_ending(p - 1)
            && self.ann.entities[e].start >= self.ann.tokens[lo].start
        {
            return Some(self.entity_source(e, "verb-subject"));
        }
        if let Some(src) = self.noun_phrase_ending(p - 1, lo) {
            return Some(src);
        }
        // An acronym the annotation does not know ("AFAD said"): an organisation.
        if let Some(src) = self.acronym_at(p - 1) {
            return Some(src);
        }
        if self.lex.pronouns.contains(&self.words[p - 1]) {
            return self.pronoun_antecedent(p - 1);
        }
        None
    }

    /// The subject after an inverted reporting verb ending at token `vend` (", said X",
    /// ", said Mayor X", ", said local officials"), before token `s1`.
    fn subject_after(&self, vend: usize, s1: usize) -> Option<Source> {
        let limit = (vend + INVERTED_WINDOW).min(s1);
        let words = (vend..limit).take_while(|&j| self.ann.tokens[j].kind == TokenKind::Word);
        // A name first, so that a title before it ("said Mayor Ivan Petrenko") is not taken for
        // a noun phrase.
        if let Some(e) = words.clone().find_map(|j| self.entity_starting(j)) {
            return Some(self.entity_source(e, "verb-subject-inverted"));
        }
        words
            .filter_map(|j| self.noun_phrase_ending(j, vend))
            .find(|src| {
                // The whole phrase: "said local officials", not "said local" + noun; and not
                // the subject of a reported clause ("said the hospital had received").
                self.token_range(src.end, self.text.len())
                    .is_none_or(|(k, _)| {
                        !self.lex.source_nouns.contains(&self.words[k])
                            && !self.lex.aux.contains(&self.words[k])
                            && !matches!(
                                self.words[k].as_str(),
                                "had" | "has" | "have" | "was" | "were" | "is" | "are" | "would"
                            )
                    })
            })
            .map(|mut src| {
                src.rule = "verb-subject-inverted-phrase";
                src
            })
    }

    /// An all-capital word of two to eight letters at token `k` that no entity or time covers:
    /// the acronym of an organisation ("AFAD", "OCHA").
    fn acronym_at(&self, k: usize) -> Option<Source> {
        let capitals = |k: usize| {
            self.ann.tokens.get(k).is_some_and(|t| {
                let word = &self.text[t.start..t.end];
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                (2..=8).contains(&letters)
                    && word
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c == '.' || c == '-')
            })
        };
        let t = self.ann.tokens.get(k)?;
        let word = &self.text[t.start..t.end];
        // Text set all in capitals ("LOCAL PAPERS REPORTED") has no acronyms.
        let acronym = capitals(k) && !(k > 0 && capitals(k - 1)) && !capitals(k + 1);
        let covered = self
            .ann
            .entities
            .iter()
            .any(|e| e.start < t.end && e.end > t.start)
            || self
                .ann
                .times
                .iter()
                .any(|x| x.start < t.end && x.end > t.start);
        (acronym && !covered).then(|| Source {
            text: word.to_owned(),
            entity: None,
            rule: "verb-subject-acronym",
            start: t.start,
            end: t.end,
            antecedent: None,
        })
    }

    /// The name of an apposition that ends at the comma at token `comma`: the name before it
    /// ("Pavlo Kyrylenko" in ", Pavlo Kyrylenko, the governor of the region,"), or the
    /// apposition itself when it is a name (", UNRWA,"), not before token `s0`. Only people and
    /// organisations are taken: a list of places or groups ends the same way.
    fn apposition_before(&self, comma: usize, s0: usize) -> Option<Source> {
        let lo = comma.saturating_sub(APPOSITION_WINDOW).max(s0 + 1);
        let open = (lo..comma).rev().find(|&j| self.words[j] == ",")?;
        // "known as AFAD": the "as" of a naming phrase opens no clause.
        let naming =
            |j: usize| j > open + 1 && self.words[j] == "as" && self.words[j - 1] == "known";
        if open + 1 == comma
            || (open + 1..comma).any(|j| {
                (self.lex.breaks.contains(&self.words[j]) && !naming(j))
                    || is_quote_mark(&self.words[j])
                    || self.is_verb_at(j)
            })
        {
            return None;
        }
        // The apposition is itself the name: "The UN agency for Palestinian refugees, UNRWA,
        // said".
        if let Some(e) = self.entity_starting(open + 1)
            && self
                .token_range(self.ann.entities[e].start, self.ann.entities[e].end)
                .is_some_and(|(_, b)| b == comma)
            && self.ann.entities[e].kind != EntityKind::Place
        {
            return Some(self.entity_source(e, "verb-subject-apposition"));
        }
        let e = self.entity_ending(open - 1)?;
        matches!(
            self.ann.entities[e].kind,
            EntityKind::Person | EntityKind::Org
        )
        .then(|| self.entity_source(e, "verb-subject-apposition"))
    }

    /// A source noun phrase with its complement after "of", "in" or "for", ending at token `k`
    /// and not before token `lo`: "the mayor of Kharkiv", "the health ministry of Ukraine",
    /// "the general staff of Ukraine's armed forces", "the US embassy in Kyiv". The complement is
    /// the entity that ends at `k`, or its word.
    fn of_phrase_ending(&self, k: usize, lo: usize) -> Option<Source> {
        // A phrase ends on a word ("... in Jabalia, said" is an apposition's end).
        if self.ann.tokens.get(k)?.kind != TokenKind::Word {
            return None;
        }
        let at = self.ann.tokens.get(k)?.end;
        let first = self
            .ann
            .entities
            .iter()
            .filter(|e| e.end <= at && at - e.end <= 3)
            .filter(|e| {
                self.token_range(e.start, at)
                    .is_some_and(|(_, b)| b == k + 1)
            })
            .map(|e| e.start)
            .min()
            .and_then(|start| self.token_range(start, at))
            .map_or(k, |(a, _)| a);
        let prep = |j: usize| matches!(self.words[j - 1].as_str(), "of" | "in" | "for");
        // Without an entity, a short common-noun complement: "rescuers in the rebel-held
        // northwest".
        let first = if first == k && k > lo + 2 && !prep(k) {
            (k.saturating_sub(2).max(lo + 2)..k)
                .find(|&j| {
                    prep(j)
                        && (j..=k).all(|m| {
                            self.ann.tokens[m].kind == TokenKind::Word
                                && !self.lex.preps.contains(&self.words[m])
                                && !self.lex.breaks.contains(&self.words[m])
                                && !self.is_verb_at(m)
                                && !self.text[self.ann.tokens[m].start..]
                                    .starts_with(char::is_uppercase)
                        })
                })
                .unwrap_or(k)
        } else {
            first
        };
        if first < lo + 2 || !prep(first) {
            return None;
        }
        let head = self.noun_phrase_ending(first - 2, lo)?;
        let (_, end) = self.span(first, k + 1);
        Some(Source {
            text: self.text[head.start..end].to_owned(),
            entity: None,
            rule: "verb-subject-of-phrase",
            start: head.start,
            end,
            antecedent: None,
        })
    }

    /// A source noun phrase owned by entity `e`, which starts at token `j` and ends in it with a
    /// possessive ("Ukraine's general staff", "Russia's defence ministry"), within sentence
    /// tokens before `s1`.
    fn possessed_phrase(&self, e: usize, j: usize, s1: usize) -> Option<Source> {
        let ent = &self.ann.entities[e];
        let tok = self.ann.tokens.get(j)?;
        let rest = self.text.get(ent.end..tok.end)?;
        if !matches!(rest, "'s" | "’s") {
            return None;
        }
        let last = (j + 1..(j + 1 + POSSESSED_WINDOW).min(s1))
            .take_while(|&m| {
                self.ann.tokens[m].kind == TokenKind::Word
                    && !self.lex.breaks.contains(&self.words[m])
                    && !self.lex.preps.contains(&self.words[m])
                    && !self.is_verb_at(m)
            })
            .filter(|&m| self.lex.source_nouns.contains(&self.words[m]))
            .last()?;
        let (start, end) = self.span(j, last + 1);
        Some(Source {
            text: self.text[start..end].to_owned(),
            entity: None,
            rule: "according-to-possessive",
            start,
            end,
            antecedent: None,
        })
    }

    /// The subject of a reporting verb at tokens `k..vend` of a sentence `s0..s1`.
    fn subject(&self, k: usize, vend: usize, s0: usize, s1: usize) -> Option<Source> {
        if k <= s0 {
            return None;
        }
        if let Some(src) = self.subject_before(k, s0) {
            return Some(src);
        }
        // A name, then its apposition, then the verb: "..., X, the governor of Y, said".
        if self.words[k - 1] == ","
            && let Some(src) = self.apposition_before(k - 1, s0)
        {
            return Some(src);
        }
        // Inverted: ", said X".
        if self.ann.tokens[k - 1].kind == TokenKind::Punct
            && let Some(src) = self.subject_after(vend, s1)
        {
            return Some(src);
        }
        // Apposition or an adverb between: "X, head of Y, said", "X angrily said".
        if !(s0..k).any(|j| {
            self.lex.breaks.contains(&self.words[j])
                || matches!(self.words[j].as_str(), "that" | "which" | "who")
                || is_quote_mark(&self.words[j])
        }) {
            // Skip determiners and honorifics, with their dot ("Mr." may be two tokens).
            let mut j = s0;
            while j < k && (self.lex.determiners.contains(&self.words[j]) || self.words[j] == ".") {
                j += 1;
            }
            if let Some(e) = self.entity_starting(j)
                && k - j <= SUBJECT_WINDOW
            {
                return Some(self.entity_source(e, "verb-subject-apposition"));
            }
        }
        None
    }

    /// What "they", "them" or "it" at token `p` stands for: in a sentence before, the
    /// organisation or group that sentence is attributed to ("..., eyewitnesses said. ..., they
    /// added"), else its first organisation, group or source noun phrase that is not the object
    /// of a preposition; in its own sentence, such a subject before it ("Officials said they
    /// had counted ..."). People are left to the annotation's coreference ("he", "she").
    fn pronoun_antecedent(&self, p: usize) -> Option<Source> {
        let depth = self.resolving.get();
        if depth >= PRONOUN_CHAIN {
            return None;
        }
        self.resolving.set(depth + 1);
        let found = self.find_antecedent(p);
        self.resolving.set(depth);
        found
    }

    fn find_antecedent(&self, p: usize) -> Option<Source> {
        let (si, _) = self.sentence_at(p)?;
        let singular = self.words[p] == "it";
        let (pstart, pend) = self.span(p, p + 1);
        let fits = |e: &Entity| match e.kind {
            EntityKind::Org => true,
            // "it" for "the military", not for "militants".
            EntityKind::Group => !singular || !self.text[e.start..e.end].ends_with('s'),
            EntityKind::Place => e.geo.as_ref().is_some_and(|g| g.level == "country"),
            EntityKind::Person => false,
        };
        // A name inside a quotation is not the speaker the pronoun stands for ("“The
        // government has agreed ...,” it added").
        let quoted = |at: usize| {
            self.quote_at(at)
                .is_some_and(|q| self.quote_at(pstart) != Some(q))
        };
        for back in 0..=PRONOUN_BACK.min(si) {
            let sj = si - back;
            let (t0, mut t1) = self.sentence_tokens[sj];
            if back == 0 {
                t1 = p;
            }
            if t1 <= t0 {
                continue;
            }
            // The source of an earlier sentence that is itself attributed.
            let attributed = (back > 0)
                .then(|| self.sentence_source(sj))
                .flatten()
                .filter(|s| s.entity.is_none_or(|i| fits(&self.ann.entities[i])))
                .filter(|s| !quoted(s.start));
            let found = attributed
                .map(|s| (s.text, s.entity, (s.start, s.end)))
                .or_else(|| {
                    (t0..t1).find_map(|k| {
                        if quoted(self.ann.tokens[k].start) {
                            return None;
                        }
                        // Countries only as the attributed source of a sentence ("Ukraine said"):
                        // elsewhere they are places or modifiers ("U.S.-led").
                        let e = self.entity_starting(k).filter(|&i| {
                            let e = &self.ann.entities[i];
                            e.form != MentionForm::Pronoun && e.kind != EntityKind::Place && fits(e)
                        });
                        let (text, entity, at) = match e {
                            Some(i) => {
                                let e = &self.ann.entities[i];
                                (self.shown(i), Some(i), (e.start, e.end))
                            }
                            None => {
                                let ph = self.noun_phrase_ending(k, t0)?;
                                (ph.text, None, (ph.start, ph.end))
                            }
                        };
                        // Not the object of a preposition ("by official count", "in Kyiv").
                        let (first, _) = self.token_range(at.0, at.1)?;
                        let mut j = first;
                        while j > t0 && self.lex.determiners.contains(&self.words[j - 1]) {
                            j -= 1;
                        }
                        let object = j > t0 && self.lex.preps.contains(&self.words[j - 1]);
                        (!object).then_some((text, entity, at))
                    })
                });
            if let Some((text, entity, at)) = found {
                return Some(Source {
                    text,
                    entity,
                    rule: "pronoun-antecedent",
                    start: pstart,
                    end: pend,
                    antecedent: Some((sj, at)),
                });
            }
        }
        None
    }

    /// The source sentence `si` is attributed to, by "according to" or the subject of its
    /// first reporting verb that has one.
    fn sentence_source(&self, si: usize) -> Option<Source> {
        let (s0, s1) = self.sentence_tokens[si];
        self.according(si).or_else(|| {
            (s0..s1).find_map(|k| {
                let len = self.verb_at(k)?;
                self.subject(k, k + len, s0, s1)
            })
        })
    }

    /// The speaker of quotation `qi`: named after its closing mark ("“...,” said X", "“...,”
    /// X said"), else before its opening mark ("X said: “...”"), else the speaker of the
    /// quotation just before it in the paragraph, which it continues.
    fn quote_speaker(&self, qi: usize) -> Option<Source> {
        let own = |q: &Quote| {
            q.closed
                .then(|| self.speaker_after(q.end))
                .flatten()
                .or_else(|| self.speaker_before(q.start))
        };
        let q = self.quotes.get(qi)?;
        if let Some(src) = own(q) {
            return Some(src);
        }
        // A quotation that continues the one just before it: in the same paragraph, in the
        // sentence after the one where that one ends.
        let prev = self.quotes.get(qi.checked_sub(1)?)?;
        let sentence = |at: usize| self.ann.sentences.partition_point(|s| s.end <= at);
        if !self.text[prev.end..q.start].contains('\n')
            && sentence(q.start) <= sentence(prev.end.saturating_sub(1)) + 1
        {
            return own(prev).map(|mut src| {
                src.rule = "quote-continued";
                src
            });
        }
        None
    }

    /// The speaker named after a closing quotation mark ending at byte `pos`.
    fn speaker_after(&self, pos: usize) -> Option<Source> {
        let toks = &self.ann.tokens;
        let t = toks.partition_point(|x| x.start < pos);
        let para_end = self.text[pos..]
            .find('\n')
            .map_or(self.text.len(), |i| pos + i);
        let mut lo = t;
        while lo < toks.len() && matches!(self.words[lo].as_str(), "," | "–" | "—") {
            lo += 1;
        }
        let end = (lo + SUBJECT_WINDOW).min(toks.len());
        for (k, tok) in toks.iter().enumerate().take(end).skip(lo) {
            if tok.start >= para_end
                || is_quote_mark(&self.words[k])
                || matches!(self.words[k].as_str(), "." | "!" | "?")
            {
                return None;
            }
            let Some(len) = self.verb_at(k) else {
                continue;
            };
            // "..." Diane Granger said: "..." introduces the next quotation.
            if self
                .words
                .get(k + len)
                .is_some_and(|w| w == ":" || is_quote_mark(w))
            {
                return None;
            }
            let (_, (_, s1)) = self.sentence_at(k)?;
            let src = if k == lo {
                self.subject_after(k + len, s1)
            } else {
                // "X said", else "X, the town's mayor, said" with X right after the quotation.
                self.subject_before(k, lo).or_else(|| {
                    let mut j = lo;
                    while j < k && self.lex.determiners.contains(&self.words[j]) {
                        j += 1;
                    }
                    self.entity_starting(j)
                        .map(|e| self.entity_source(e, "quote-speaker"))
                })
            };
            return src.map(|mut s| {
                s.rule = "quote-speaker";
                s
            });
        }
        None
    }

    /// The speaker named before an opening quotation mark at byte `pos` ("X said: “",
    /// "X told reporters, “").
    fn speaker_before(&self, pos: usize) -> Option<Source> {
        let t0 = self.ann.tokens.partition_point(|x| x.start < pos);
        let mut p = t0;
        if p > 0 && matches!(self.words[p - 1].as_str(), ":" | ",") {
            p -= 1;
        }
        let para_start = self.text[..pos].rfind('\n').map_or(0, |i| i + 1);
        for k in (p.saturating_sub(QUOTE_LEAD)..p).rev() {
            if self.ann.tokens[k].start < para_start || self.ann.tokens[k].kind != TokenKind::Word {
                return None;
            }
            let Some(len) = self.verb_at(k) else {
                continue;
            };
            if k + len > p {
                continue;
            }
            let (_, (s0, s1)) = self.sentence_at(k)?;
            return self.subject(k, k + len, s0, s1).map(|mut s| {
                s.rule = "quote-speaker";
                s
            });
        }
        None
    }
}
