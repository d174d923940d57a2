use xxhash_rust::xxh3::xxh3_64;

/// A word of the text: its lower-cased hash, and whether it is an anchor (a number, or a
/// capitalised word that does not open a sentence).
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub hash: u64,
    pub anchor: bool,
}

/// Splits text into alphanumeric words. Apostrophes inside words are dropped so that
/// "Ukraine's" and "Ukraines" agree; other punctuation separates words.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut word = String::new();
    let mut sentence_start = true;
    let mut capital = false;
    let mut digit = false;
    let mut flush = |word: &mut String, capital: bool, digit: bool, sentence_start: &mut bool| {
        if !word.is_empty() {
            out.push(Token {
                hash: xxh3_64(word.as_bytes()),
                anchor: digit || (capital && !*sentence_start),
            });
            word.clear();
            *sentence_start = false;
        }
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            if word.is_empty() {
                capital = c.is_uppercase();
                digit = c.is_numeric();
            }
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
        } else if matches!(c, '\'' | '’') && !word.is_empty() {
            // stays inside the word
        } else {
            flush(&mut word, capital, digit, &mut sentence_start);
            if matches!(c, '.' | '!' | '?' | '\n' | '“' | '"' | ':') {
                sentence_start = true;
            }
        }
    }
    flush(&mut word, capital, digit, &mut sentence_start);
    out
}

fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(21) ^ b).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Hashes of the distinct k-word shingles.
pub fn word_shingles(toks: &[Token], k: usize) -> Vec<u64> {
    let mut out: Vec<u64> = toks
        .windows(k)
        .map(|w| w.iter().fold(0x51u64, |acc, t| mix(acc, t.hash)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Hashes of the distinct pairs of consecutive anchors. Runs of anchors ("Vladimir Putin",
/// "2.1 million") collapse into one anchor first, so that a name shared by two different
/// articles counts once rather than as a pair of its own.
pub fn anchor_shingles(toks: &[Token]) -> Vec<u64> {
    let mut anchors = Vec::new();
    let mut run: Option<u64> = None;
    for t in toks {
        if t.anchor {
            run = Some(run.map_or(t.hash, |r| mix(r, t.hash)));
        } else if let Some(r) = run.take() {
            anchors.push(r);
        }
    }
    anchors.extend(run);
    let mut out: Vec<u64> = anchors
        .windows(2)
        .map(|w| mix(mix(0xA7, w[0]), w[1]))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
