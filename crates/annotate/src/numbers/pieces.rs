//! The pieces the tagger walks over: the tokens, with hyphenated words split at their hyphens,
//! each lower-cased once.

use std::borrow::Cow;

use crate::types::{Token, TokenKind};

/// A token, or a part of a hyphenated word (the hyphen is a piece of its own).
#[derive(Debug)]
pub(super) struct Piece<'t> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokenKind,
    /// Lower-cased text; every dash-like hyphen is "-".
    pub(super) lower: Cow<'t, str>,
    /// Written right after the previous piece, without space.
    pub(super) glued: bool,
    /// Starts with a capital letter.
    pub(super) capital: bool,
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

pub(super) fn pieces<'t>(text: &'t str, tokens: &[Token]) -> Vec<Piece<'t>> {
    let mut out: Vec<Piece<'t>> = Vec::with_capacity(tokens.len() + tokens.len() / 8);
    let push = |out: &mut Vec<Piece<'t>>, start: usize, end: usize, kind: TokenKind| {
        let Some(s) = text.get(start..end) else {
            return;
        };
        if s.is_empty() {
            return;
        }
        let glued = out.last().is_some_and(|p| p.end == start);
        let capital = s.chars().next().is_some_and(char::is_uppercase);
        let lower = if kind == TokenKind::Punct && s.chars().all(is_hyphen) {
            Cow::Borrowed("-")
        } else {
            lower(s)
        };
        out.push(Piece {
            start,
            end,
            kind,
            lower,
            glued,
            capital,
        });
    };
    for t in tokens {
        let Some(s) = text.get(t.start..t.end) else {
            continue;
        };
        if t.kind == TokenKind::Word && s.chars().any(is_hyphen) {
            let mut seg = t.start;
            for (k, c) in s.char_indices() {
                if is_hyphen(c) {
                    push(&mut out, seg, t.start + k, TokenKind::Word);
                    push(
                        &mut out,
                        t.start + k,
                        t.start + k + c.len_utf8(),
                        TokenKind::Punct,
                    );
                    seg = t.start + k + c.len_utf8();
                }
            }
            push(&mut out, seg, t.end, TokenKind::Word);
        } else {
            push(&mut out, t.start, t.end, t.kind);
        }
    }
    out
}
