//! The lower-cased view of one text's tokens that the parser reads.
//!
//! Owns: `Doc` (lower-cased token words with possessive "'s" cut off, the first token of
//! each token's sentence, adjacency and digit-string tests) and `day_first`, the text-wide
//! day/month order for ambiguous all-numeric dates.

use std::borrow::Cow;

use crate::types::{Sentence, Token, TokenKind};

/// The lower-cased tokens of one text, with the sentence each token starts in.
pub(super) struct Doc<'t> {
    text: &'t str,
    toks: &'t [Token],
    low: Vec<Cow<'t, str>>,
    /// Bytes of a possessive "'s" left out of `low`.
    pub(super) poss: Vec<u8>,
    /// Index of the first token of each token's sentence.
    pub(super) sent: Vec<usize>,
}

impl<'t> Doc<'t> {
    pub(super) fn new(text: &'t str, toks: &'t [Token], sentences: &[Sentence]) -> Self {
        let mut low = Vec::with_capacity(toks.len());
        let mut poss = Vec::with_capacity(toks.len());
        let mut sent = Vec::with_capacity(toks.len());
        let mut s = 0;
        let mut first = 0;
        for (k, t) in toks.iter().enumerate() {
            let raw = text.get(t.start..t.end).unwrap_or("");
            let (body, p) = if t.kind == TokenKind::Word {
                if let Some(b) = raw.strip_suffix("'s").or_else(|| raw.strip_suffix("'S")) {
                    (b, 2)
                } else if let Some(b) = raw.strip_suffix("’s") {
                    (b, "’s".len())
                } else {
                    (raw, 0)
                }
            } else {
                (raw, 0)
            };
            let l = if body.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                Cow::Owned(body.to_lowercase())
            } else {
                Cow::Borrowed(body)
            };
            low.push(l);
            poss.push(p as u8);
            while s < sentences.len() && sentences[s].end <= t.start {
                s += 1;
                first = k;
            }
            sent.push(first);
        }
        Doc {
            text,
            toks,
            low,
            poss,
            sent,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(super) fn w(&self, i: usize) -> &str {
        self.low.get(i).map_or("", |c| c.as_ref())
    }

    pub(super) fn raw(&self, i: usize) -> &'t str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    pub(super) fn is(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }

    /// Whether tokens `i` and `i + 1` touch (no space between).
    pub(super) fn adjacent(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }

    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// A plain digit string token (no separators): its value and digit count.
    pub(super) fn int(&self, i: usize) -> Option<(u32, usize)> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let r = self.raw(i);
        if r.len() > 9 || !r.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        r.parse().ok().map(|n| (n, r.len()))
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// The order of an ambiguous all-numeric date in this text: day first if some unambiguous
/// numeric date in the text puts the day first.
pub(super) fn day_first(doc: &Doc<'_>) -> bool {
    let mut dmy = 0i32;
    for i in 0..doc.len().saturating_sub(4) {
        if doc.kind(i) != Some(TokenKind::Number) || !matches!(doc.w(i + 1), "/" | ".") {
            continue;
        }
        if let (Some((a, al)), Some((b, _))) = (doc.int(i), doc.int(i + 2))
            && al <= 2
            && doc.adjacent(i)
            && doc.adjacent(i + 1)
            && doc.w(i + 3) == doc.w(i + 1)
        {
            if a > 12 && b <= 12 {
                dmy += 1;
            } else if b > 12 && a <= 12 {
                dmy -= 1;
            }
        }
    }
    dmy > 0
}
