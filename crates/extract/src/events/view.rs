//! Per-token views of one annotated text that the event rules read.

use std::borrow::Cow;

use annotate::{Annotations, Entity, EntityKind, MentionForm, TokenKind};

/// One text, its annotations, lower-case words and sentence bounds in tokens.
pub(crate) struct View<'a> {
    pub text: &'a str,
    pub ann: &'a Annotations,
    /// Lower-case token texts, with typographic apostrophes made plain (borrowed from the text
    /// when it is already so, as most words are).
    pub words: Vec<Cow<'a, str>>,
    /// Token range of each sentence.
    pub sentence_tokens: Vec<(usize, usize)>,
    /// Entities with their token ranges, in text order.
    pub entities: Vec<(usize, usize, usize)>,
}

impl<'a> View<'a> {
    pub fn new(text: &'a str, ann: &'a Annotations) -> Self {
        let words = ann
            .tokens
            .iter()
            .map(|t| {
                let w = t.text(text);
                if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                    Cow::Borrowed(w)
                } else {
                    Cow::Owned(w.to_lowercase().replace(['’', '‘'], "'"))
                }
            })
            .collect();
        let mut sentence_tokens = Vec::with_capacity(ann.sentences.len());
        let mut t = 0;
        for s in &ann.sentences {
            while t < ann.tokens.len() && ann.tokens[t].start < s.start {
                t += 1;
            }
            let first = t;
            while t < ann.tokens.len() && ann.tokens[t].end <= s.end {
                t += 1;
            }
            sentence_tokens.push((first, t));
        }
        let mut view = View {
            text,
            ann,
            words,
            sentence_tokens,
            entities: Vec::new(),
        };
        view.entities = ann
            .entities
            .iter()
            .enumerate()
            .filter_map(|(i, e)| view.token_range(e.start, e.end).map(|(a, b)| (i, a, b)))
            .collect();
        view
    }

    /// The lower-case word of token `k`.
    pub fn word(&self, k: usize) -> &str {
        &self.words[k]
    }

    /// Token range covered by a byte range.
    pub fn token_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let toks = &self.ann.tokens;
        let a = toks.partition_point(|t| t.start < start);
        let mut b = a;
        while b < toks.len() && toks[b].end <= end {
            b += 1;
        }
        (b > a).then_some((a, b))
    }

    /// Whether `phrase` stands at token `i`, inside `..end`.
    pub fn phrase_at(&self, i: usize, phrase: &[String], end: usize) -> bool {
        i + phrase.len() <= end
            && phrase
                .iter()
                .zip(&self.words[i..])
                .all(|(p, w)| p.as_str() == w.as_ref())
    }

    /// The byte range of tokens `a..b`.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let toks = &self.ann.tokens;
        match (toks.get(a), b.checked_sub(1).and_then(|l| toks.get(l))) {
            (Some(x), Some(y)) if a < b => (x.start, y.end),
            _ => (0, 0),
        }
    }

    /// The text of tokens `a..b`.
    pub fn words_text(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.span(a, b);
        &self.text[s..e]
    }

    pub fn entity(&self, i: usize) -> &'a Entity {
        &self.ann.entities[i]
    }

    /// The entities of sentence `si` after its dateline: (entity, first token, end token).
    pub fn entities_in(&self, si: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let (s0, s1) = self.sentence_tokens[si];
        let from = self.dateline_end(si);
        self.entities
            .iter()
            .copied()
            .filter(move |&(_, a, b)| a >= s0.max(from) && b <= s1)
    }

    /// The first token after the dateline of sentence `si` ("GENEVA, March 22 (Agency) —"),
    /// or its first token. A dateline says where the reporter is, not where an event is.
    pub fn dateline_end(&self, si: usize) -> usize {
        let (s0, s1) = self.sentence_tokens[si];
        let Some(comma) = (s0..s1.min(s0 + 4)).find(|&k| self.words[k] == ",") else {
            return s0;
        };
        let caps = (s0..comma).all(|k| {
            let w = self.ann.tokens[k].text(self.text);
            w.chars().all(|c| !c.is_lowercase())
        });
        if !caps {
            return s0;
        }
        (comma..s1.min(comma + 16))
            .find(|&k| matches!(self.word(k), "—" | "–" | "-"))
            .map_or(s0, |k| k + 1)
    }

    /// Whether token `k` ends a clause: a semicolon, a colon or a dash.
    pub fn clause_break(&self, k: usize) -> bool {
        self.ann.tokens[k].kind == TokenKind::Punct && matches!(self.word(k), ";" | ":" | "—" | "–")
    }
}

/// Entities that can act: people, organisations, groups, capitals standing for governments
/// and countries.
pub(crate) fn can_act(e: &Entity) -> bool {
    match e.kind {
        EntityKind::Person | EntityKind::Org | EntityKind::Group => true,
        EntityKind::Place => e.geo.as_ref().is_some_and(|g| g.level == "country"),
    }
}

/// A government, a force or a country: an actor that can be a party to talks or a war.
pub(crate) fn is_party(e: &Entity) -> bool {
    match e.kind {
        EntityKind::Group => e.side.is_some(),
        EntityKind::Org => e.side.is_some() || e.form == MentionForm::Metonym,
        EntityKind::Place => e.geo.as_ref().is_some_and(|g| g.level == "country"),
        EntityKind::Person => false,
    }
}
