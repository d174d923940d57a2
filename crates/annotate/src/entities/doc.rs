//! The per-text working state: the tokens with their lexicon phrase matches, sentence numbers
//! and name-word flags, worked out once per text, and the small questions every rule asks of
//! them (the lower-cased word at a token, punctuation, sentence bounds, speech verbs before or
//! after a mention).

use super::EntityTagger;
use super::lexicon::{FxSet, Lexicon, Tk};
use super::names::{fold_lower, strip_possessive};
use crate::types::{Sentence, Token, TokenKind};

/// The per-text working state.
pub(super) struct Doc<'t, 'l> {
    pub(super) text: &'t str,
    pub(super) toks: Vec<Tk<'t>>,
    pub(super) sent: Vec<usize>,
    pub(super) tagger: &'l EntityTagger,
    pub(super) country_at: Vec<Option<(usize, usize)>>,
    pub(super) org_at: Vec<Option<(usize, usize)>>,
    pub(super) seat_at: Vec<Option<(usize, usize)>>,
    pub(super) title_at: Vec<Option<(usize, usize)>>,
    pub(super) group_at: Vec<Option<(usize, usize)>>,
    /// Whether each token can be part of a name (see [`Doc::name_word_at`]), worked out once:
    /// the rules ask about the same tokens many times.
    pub(super) name_word: Vec<bool>,
    /// Words seen in lower case in this text, collected when first needed.
    pub(super) lower_words: std::cell::OnceCell<FxSet<&'t str>>,
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

impl<'t, 'l> Doc<'t, 'l> {
    pub(super) fn new(
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

    pub(super) fn lx(&self) -> &'l Lexicon {
        &self.tagger.lx
    }

    pub(super) fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.low.as_ref())
    }

    pub(super) fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| !t.word && t.s == p)
    }

    pub(super) fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.sent.get(a), self.sent.get(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }
    }

    pub(super) fn is_speech(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.word && self.lx().speech.contains(t.low.as_ref()))
    }

    /// A capitalised word that can be part of a name.
    pub(super) fn is_name_word(&self, i: usize) -> bool {
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

    /// Whether a speech verb reports the words of the subject ending before token `end`:
    /// "X said", "X, 30, said", "X, an adviser to the mayor, told".
    pub(super) fn speech_after(&self, end: usize) -> bool {
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
    pub(super) fn speech_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if self.is_speech(i - 1) && self.same_sentence(i - 1, i) {
            return true;
        }
        i >= 2 && self.low(i - 2) == "according" && self.low(i - 1) == "to"
    }
}
