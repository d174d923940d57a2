//! Tokens and sentences, with byte offsets into the text.
//!
//! Entry points: [`tokenize`] and [`sentences`]. Sentences end at `.`, `!`, `?` or `…` (with any
//! closing quotes and brackets) followed by white space and a capital, digit or opening quote, and
//! at every line break. A full stop does not end a sentence after a listed abbreviation
//! (`data/abbreviations.txt`), an initial ("J. Smith"), a dotted acronym ("U.S."), or inside a
//! number. Machine-translated copies often lose the space ("said.The") or double the stop
//! ("soon. ."): a stop glued to a capitalised word after a lower-case word of two letters or more
//! still ends the sentence, and stray stops join the sentence before them.

use foldhash::HashSet;
use std::sync::OnceLock;

use crate::types::{Sentence, Token, TokenKind};

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../data/abbreviations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‐' || c == '‑'
}

/// Splits `text` into word, number and punctuation tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            // Digits with inner separators: a ',' or '.' followed by a digit continues the number.
            let mut end = start + 1;
            while end < bytes.len() {
                let b = bytes[end];
                if b.is_ascii_digit() {
                    end += 1;
                } else if (b == b',' || b == b'.')
                    && end + 1 < bytes.len()
                    && bytes[end + 1].is_ascii_digit()
                {
                    end += 2;
                } else {
                    break;
                }
            }
            while it.peek().is_some_and(|&(i, _)| i < end) {
                it.next();
            }
            tokens.push(Token {
                start,
                end,
                kind: TokenKind::Number,
            });
            continue;
        }
        if c.is_alphabetic() {
            let mut end = start + c.len_utf8();
            let mut prev = c;
            while let Some(&(i, d)) = it.peek() {
                let joins = d.is_alphanumeric() || d.is_mark();
                let inner = (is_apostrophe(d) || is_hyphen(d) || d == '.')
                    && text[i + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphabetic);
                // "U.S", "a.m": a dot joins only single letters.
                let dot_ok = d != '.' || (prev.is_alphabetic() && is_single_letter(text, start, i));
                if joins || (inner && dot_ok) {
                    end = i + d.len_utf8();
                    prev = d;
                    it.next();
                } else {
                    break;
                }
            }
            // A trailing dot of a dotted acronym belongs to it: "U.S." but not "Kyiv.".
            if text[start..end].contains('.') && text[end..].starts_with('.') {
                end += 1;
                it.next();
            }
            tokens.push(Token {
                start,
                end,
                kind: TokenKind::Word,
            });
            continue;
        }
        tokens.push(Token {
            start,
            end: start + c.len_utf8(),
            kind: TokenKind::Punct,
        });
    }
    tokens
}

trait IsMark {
    fn is_mark(&self) -> bool;
}

impl IsMark for char {
    /// Combining marks that follow a letter (NFC leaves a few, e.g. in transliterations).
    fn is_mark(&self) -> bool {
        matches!(*self as u32, 0x0300..=0x036F)
    }
}

/// Whether the letters since the last dot (or the token start) before `i` are a single letter.
fn is_single_letter(text: &str, token_start: usize, i: usize) -> bool {
    let seg = &text[token_start..i];
    let last = seg.rsplit('.').next().unwrap_or(seg);
    last.chars().count() == 1
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '-' | '–' | '—'
    )
}

/// Whether the word before a full stop at byte `dot` keeps the sentence going.
fn dot_continues(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // A decimal point is inside a number token and never reaches here; an initial does.
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // Dotted acronyms: "U.S", "a.m".
    if word.contains('.') {
        return !word.ends_with('.');
    }
    let set = abbreviations();
    set.contains(word) || set.contains(word.to_lowercase().as_str())
}

/// Splits `text` into sentences. Every non-blank part of the text lies in exactly one sentence;
/// leading and trailing white space is left out.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::with_capacity(text.len() / 100 + 1);
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    let push = |out: &mut Vec<Sentence>, s: usize, e: usize| {
        let trimmed = text[s..e].trim_end();
        if !trimmed.trim().is_empty() {
            out.push(Sentence {
                start: s,
                end: s + trimmed.len(),
            });
        }
    };
    while k < chars.len() {
        let (i, c) = chars[k];
        if start.is_none() {
            if c.is_whitespace() {
                k += 1;
                continue;
            }
            // Stray stops left by machine translation ("soon. .") join the sentence before.
            if matches!(c, '.' | '…')
                && let Some(last) = out.last_mut()
                && text[last.end..i].chars().all(|w| w == ' ' || w == '\t')
            {
                last.end = i + c.len_utf8();
                k += 1;
                continue;
            }
            start = Some(i);
        }
        let s = start.unwrap_or(i);
        if c == '\n' {
            push(&mut out, s, i);
            start = None;
            k += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            // Take any run of terminators and closers.
            let mut j = k + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closer(chars[j].1))
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let next = chars.get(j).map(|&(_, d)| d);
            let boundary = match next {
                None => true,
                Some(d) if d.is_whitespace() => {
                    // Look at the first non-space character.
                    let mut m = j;
                    while m < chars.len() && chars[m].1.is_whitespace() && chars[m].1 != '\n' {
                        m += 1;
                    }
                    match chars.get(m).map(|&(_, e)| e) {
                        None | Some('\n') => true,
                        Some(e) => {
                            (e.is_uppercase() || e.is_ascii_digit() || is_opener(e))
                                && !(c == '.' && dot_continues(text, i))
                        }
                    }
                }
                // "said.The": a glued stop between a lower-case word and a capitalised one.
                Some(d) if c == '.' && d.is_uppercase() => {
                    let before = &text[..i];
                    let word: String = before
                        .chars()
                        .rev()
                        .take_while(|x| x.is_alphabetic())
                        .collect();
                    word.chars().count() >= 2
                        && word.chars().all(char::is_lowercase)
                        && !dot_continues(text, i)
                }
                _ => false,
            };
            if boundary {
                push(&mut out, s, end);
                start = None;
            }
            k = j;
            continue;
        }
        k += 1;
    }
    if let Some(s) = start {
        push(&mut out, s, text.len());
    }
    out
}

/// The index of the sentence that contains byte `offset`, if any.
pub fn sentence_at(sentences: &[Sentence], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= offset);
    (i < sentences.len() && sentences[i].start <= offset).then_some(i)
}

/// Converts byte offsets of a text into character (code point) offsets, as the output contract
/// counts them. Identity for ASCII text; otherwise one table lookup per offset.
#[derive(Debug)]
pub struct CharOffsets {
    /// Character index at each byte offset (empty for ASCII text).
    table: Vec<u32>,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharOffsets { table: Vec::new() };
        }
        let mut table = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (i, c) in text.char_indices() {
            for slot in &mut table[i..i + c.len_utf8()] {
                *slot = n;
            }
            n += 1;
        }
        table[text.len()] = n;
        CharOffsets { table }
    }

    /// The character offset of byte offset `byte` (a byte inside a character maps to that
    /// character; offsets past the end map to the end).
    pub fn of(&self, byte: usize) -> usize {
        if self.table.is_empty() {
            return byte;
        }
        self.table
            .get(byte)
            .or(self.table.last())
            .map_or(0, |&c| c as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let t = "Kyiv’s “mayor” said";
        let m = CharOffsets::new(t);
        let b = t.find("mayor").unwrap();
        assert_eq!(m.of(b), t[..b].chars().count());
        assert_eq!(m.of(t.len()), t.chars().count());
        assert_eq!(CharOffsets::new("plain").of(3), 3);
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn abbreviations_initials_and_acronyms_do_not_end_sentences() {
        let t = "Mr. Sullivan met Gen. Mark Milley in the U.S. on Jan. 5. J. R. Smith said No. 10 \
                 agreed. The talks resumed.";
        assert_eq!(
            split(t),
            vec![
                "Mr. Sullivan met Gen. Mark Milley in the U.S. on Jan. 5.",
                "J. R. Smith said No. 10 agreed.",
                "The talks resumed."
            ]
        );
    }

    #[test]
    fn acronym_at_the_end_of_a_sentence_before_a_capital_is_kept_whole() {
        // "U.S. Officials" is ambiguous; the acronym rule keeps it in one sentence, which loses
        // a boundary rather than cutting a name.
        assert_eq!(words("the U.S. said"), vec!["the", "U.S.", "said"]);
        assert_eq!(words("at 5 a.m. local"), vec!["at", "5", "a.m.", "local"]);
        assert_eq!(words("he said.the"), vec!["he", "said", ".", "the"]);
    }

    #[test]
    fn decimals_and_separators_stay_in_one_number() {
        assert_eq!(
            words("2.1 million, 14,000 and 2,90,000 people; 1.5bn"),
            vec![
                "2.1", "million", ",", "14,000", "and", "2,90,000", "people", ";", "1.5", "bn"
            ]
        );
        assert_eq!(
            split("About 2.1 million fled. Then 3.4 million."),
            vec!["About 2.1 million fled.", "Then 3.4 million."]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        let t = "“I am ready,” he said. “We cannot end this war.” Talks resumed.";
        assert_eq!(
            split(t),
            vec![
                "“I am ready,” he said.",
                "“We cannot end this war.”",
                "Talks resumed."
            ]
        );
    }

    #[test]
    fn dateline_stays_with_its_sentence() {
        let t = "KYIV, March 3 (Reuters) - Russian forces shelled the city. Officials said so.";
        assert_eq!(
            split(t),
            vec![
                "KYIV, March 3 (Reuters) - Russian forces shelled the city.",
                "Officials said so."
            ]
        );
    }

    #[test]
    fn machine_translation_scars() {
        assert_eq!(
            split("He hoped for a ceasefire soon. . Officials said.The city fell"),
            vec![
                "He hoped for a ceasefire soon. .",
                "Officials said.",
                "The city fell"
            ]
        );
    }

    #[test]
    fn lines_end_sentences_and_blank_text_has_none() {
        assert_eq!(
            split("Headline without stop\nBody text here."),
            vec!["Headline without stop", "Body text here."]
        );
        assert!(sentences("  \n \n").is_empty());
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        assert_eq!(
            words("Russia’s Kremlin-backed forty-five O'Neill"),
            vec!["Russia’s", "Kremlin-backed", "forty-five", "O'Neill"]
        );
    }

    #[test]
    fn sentence_at_finds_the_containing_sentence() {
        let t = "One. Two three.";
        let s = sentences(t);
        assert_eq!(sentence_at(&s, 0), Some(0));
        assert_eq!(sentence_at(&s, 6), Some(1));
        assert_eq!(sentence_at(&s, 4), None);
    }

    proptest::proptest! {
        #[test]
        fn offsets_are_ordered_char_boundaries(t in "\\PC{0,200}") {
            let toks = tokenize(&t);
            let mut last = 0;
            for tok in &toks {
                proptest::prop_assert!(tok.start >= last && tok.end > tok.start);
                proptest::prop_assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
                last = tok.end;
            }
            let sents = sentences(&t);
            let mut last = 0;
            for s in &sents {
                proptest::prop_assert!(s.start >= last && s.end > s.start);
                proptest::prop_assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
                last = s.end;
            }
            // Every token lies inside a sentence (stray stops may be joined, never dropped).
            for tok in &toks {
                proptest::prop_assert!(sentence_at(&sents, tok.start).is_some(), "token {:?} outside sentences", tok);
            }
        }
    }
}
