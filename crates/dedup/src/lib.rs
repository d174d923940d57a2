//! Copies of one story: exact copies share a content hash; near-copies (syndicated with other
//! boilerplate, lightly edited, or machine-rewritten) share MinHash band keys and are then
//! confirmed by their estimated Jaccard similarity.
//!
//! Two fingerprints are taken of each text:
//! - **words**: 3-word shingles of the lower-cased text, which survive a changed title, other
//!   boilerplate and a dropped paragraph;
//! - **skeleton**: pairs of consecutive *anchors* (names written with capitals, and numbers), which
//!   survive a machine rewrite that swaps the common words for synonyms but keeps who, where and
//!   how many, in order.
//!
//! Entry points: [`fingerprint`] for one text and [`CopyJudge`] to decide whether two
//! fingerprints are copies. Lookup of candidates by band key is the store's job; nothing here
//! compares all pairs.

mod minhash;
mod tokens;

use model::CopyFingerprint;

pub use minhash::{LshParams, estimate_jaccard};

/// LSH layout of the word fingerprint: 18 bands of 3 rows. A pair becomes a candidate with
/// probability 1 − (1 − J³)¹⁸: 0.82 at J = 0.45, 0.99 at J = 0.6, 0.07 at J = 0.15.
pub const WORD_LSH: LshParams = LshParams {
    bands: 18,
    rows: 3,
    salt: 0x5157_4f52_4453,
};
/// LSH layout of the skeleton fingerprint: 24 bands of 3 rows: 0.48 at J = 0.3, 0.74 at
/// J = 0.38. A rewrite missed here is still caught through the other copies of its story,
/// since groups are transitive.
pub const SKELETON_LSH: LshParams = LshParams {
    bands: 24,
    rows: 3,
    salt: 0x534b_454c,
};

/// Below this many word shingles a text is too short for near-copy detection.
pub const MIN_WORD_SHINGLES: usize = 12;
/// Below this many anchor pairs the skeleton says too little to judge a rewrite.
pub const MIN_ANCHOR_PAIRS: usize = 6;

/// Computes both fingerprints of a normalised text.
pub fn fingerprint(text: &str) -> CopyFingerprint {
    let toks = tokens::tokenize(text);
    let words = tokens::word_shingles(&toks, 3);
    let skeleton = tokens::anchor_shingles(&toks);
    CopyFingerprint {
        content_hash: model::content_hash(text),
        words: minhash::sign(&words, WORD_LSH, MIN_WORD_SHINGLES),
        skeleton: minhash::sign(&skeleton, SKELETON_LSH, MIN_ANCHOR_PAIRS),
    }
}

/// Decides whether two fingerprints belong to copies of one story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CopyJudge {
    /// Minimum estimated Jaccard of word shingles for a near-copy.
    pub words: f64,
    /// Minimum estimated Jaccard of anchor pairs for a rewritten copy…
    pub skeleton: f64,
    /// …provided the word shingles still overlap at least this much.
    pub skeleton_words_floor: f64,
    /// A skeleton this similar (the same names and figures in the same order) needs only a
    /// trace of shared wording: a rewrite that swapped nearly every common word.
    pub strong_skeleton: f64,
    pub strong_skeleton_words_floor: f64,
}

impl Default for CopyJudge {
    fn default() -> Self {
        // Measured on tests/data/copies (`sitrep eval copies`): rewrites score words 0.19–0.31
        // and skeleton 0.28–0.40; distinct reports of one event at most 0.08 and 0.07.
        CopyJudge {
            words: 0.45,
            skeleton: 0.25,
            skeleton_words_floor: 0.15,
            strong_skeleton: 0.6,
            strong_skeleton_words_floor: 0.05,
        }
    }
}

/// Why two articles were judged copies, and how similar they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similarity {
    pub exact: bool,
    pub words: f64,
    pub skeleton: f64,
}

impl CopyJudge {
    pub fn similarity(&self, a: &CopyFingerprint, b: &CopyFingerprint) -> Similarity {
        Similarity {
            exact: a.content_hash == b.content_hash,
            words: estimate_jaccard(&a.words, &b.words),
            skeleton: estimate_jaccard(&a.skeleton, &b.skeleton),
        }
    }

    pub fn is_copy(&self, s: &Similarity) -> bool {
        s.exact
            || s.words >= self.words
            || (s.skeleton >= self.skeleton && s.words >= self.skeleton_words_floor)
            || (s.skeleton >= self.strong_skeleton && s.words >= self.strong_skeleton_words_floor)
    }

    /// Both checks at once; the store calls this on each candidate.
    pub fn judge(&self, a: &CopyFingerprint, b: &CopyFingerprint) -> bool {
        self.is_copy(&self.similarity(a, b))
    }
}

#[cfg(test)]
mod tests;
