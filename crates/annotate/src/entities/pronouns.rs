//! Speech pronouns: "he said", "she told", "according to him". Which person they refer to is
//! decided in [`super::coref`].

use super::lexicon::Gender;
use super::words::words;
use super::{Doc, Raw};

impl Doc<'_, '_> {
    /// "he said", "she told", "He also noted", "according to him".
    pub(super) fn rule_pronoun(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let t = &self.toks[i];
        let g = match t.low.as_ref() {
            "he" | "him" => Gender::M,
            "she" | "her" => Gender::F,
            _ => return None,
        };
        let speech = match t.low.as_ref() {
            "he" | "she" => {
                let mut k = i + 1;
                while k < i + 3 && words().aux.contains(&self.low(k)) {
                    k += 1;
                }
                (self.is_speech(k) && self.same_sentence(i, k))
                    || (i > 0
                        && self.is_speech(i - 1)
                        && self.same_sentence(i - 1, i)
                        && !self.toks.get(i + 1).is_some_and(|n| n.word))
            }
            _ => i >= 2 && self.low(i - 2) == "according" && self.low(i - 1) == "to",
        };
        if !speech {
            return None;
        }
        Some((
            i + 1,
            vec![Raw::Pronoun {
                start: t.start,
                end: t.end,
                gender: g,
            }],
        ))
    }
}
