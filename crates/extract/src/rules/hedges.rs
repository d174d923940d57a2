//! Whether a figure is flagged as unverified, disputed or likely wrong (shared/gold/NOTES.md,
//! rule 4), and the topic a framing paragraph sets.
//!
//! A hedge phrase (`hedges.txt`) covers the figures of its own sentence and paragraph; a
//! stand-alone paragraph that talks about figures in general (`figure_words.txt`: "Casualty
//! figures are difficult to confirm.") covers the tolls of the paragraphs shortly after it.
//! A hedge sentence that names one domain (`domains.tsv`: "Military allegations ... cannot be
//! verified") covers only the claims of that domain: soldiers are `military`, every other group
//! `civilian`.

use std::collections::BTreeSet;

use super::{Doc, Found, TOLL_METRICS};

/// How many sentences a stand-alone hedge about figures in general covers after it.
const HEDGE_SCOPE: usize = 10;

impl Doc<'_> {
    /// The hedge that covers a figure of `metric` counting `group` in sentence `si`: in its
    /// sentence, in its paragraph, or in a stand-alone paragraph about figures shortly before
    /// (tolls only).
    pub(super) fn hedged(&self, si: usize, metric: &str, group: &str) -> Option<Found> {
        let domain = if group == "soldiers" {
            "military"
        } else {
            "civilian"
        };
        let covers = |j: usize| {
            self.domain(j)
                .is_none_or(|d| d == domain)
                .then(|| self.hedge_in(j))
                .flatten()
        };
        if let Some(at) = covers(si) {
            return Some(Found::new("sentence", at));
        }
        let para = self.paragraph[si];
        // Another sentence's hedge covers the paragraph when it speaks of figures in general;
        // one that states counts of its own hedges those ("The UN, which has confirmed 227
        // deaths, says its own count is far too low").
        if let Some(at) = (0..self.ann.sentences.len())
            .filter(|&j| j != si && self.paragraph[j] == para && !self.states_counts(j))
            .find_map(covers)
        {
            return Some(Found::new("paragraph", at));
        }
        if !TOLL_METRICS.contains(&metric) {
            return None;
        }
        (si.saturating_sub(HEDGE_SCOPE)..si)
            .rev()
            .filter(|&j| self.framing(j, para))
            .find_map(covers)
            .map(|at| Found::new("framing-paragraph", at))
    }

    /// Whether sentence `j` is a stand-alone paragraph, not paragraph `para`, that talks about
    /// figures in general and states none of its own.
    fn framing(&self, j: usize, para: usize) -> bool {
        let pj = self.paragraph[j];
        // A lede that hedges its own count ("... killed at least 70, a toll that could not be
        // independently verified") hedges that count, not the paragraphs after it.
        pj != para
            && self.paragraph.iter().filter(|&&p| p == pj).count() == 1
            && !self.states_counts(j)
            && {
                let (t0, t1) = self.sentence_tokens[j];
                (t0..t1).any(|t| self.lex.figure_words.contains(&self.words[t]))
            }
    }

    /// Whether sentence `j` states counts of its own.
    fn states_counts(&self, j: usize) -> bool {
        let s = self.ann.sentences[j];
        self.ann
            .numbers
            .iter()
            .any(|n| n.kind == annotate::NumberKind::Count && n.start >= s.start && n.end <= s.end)
    }

    /// The byte range of the first hedge phrase of sentence `si`.
    fn hedge_in(&self, si: usize) -> Option<(usize, usize)> {
        let (t0, t1) = self.sentence_tokens[si];
        (t0..t1).find_map(|k| {
            self.lex
                .hedges
                .iter()
                .filter(|h| self.phrase_at(k, h))
                .map(Vec::len)
                .max()
                .map(|len| self.span(k, k + len))
        })
    }

    /// The one domain sentence `si` names, if it names exactly one.
    fn domain(&self, si: usize) -> Option<&str> {
        let (t0, t1) = self.sentence_tokens[si];
        let named: BTreeSet<&str> = (t0..t1)
            .filter_map(|k| self.lex.domains.get(&self.words[k]).map(String::as_str))
            .collect();
        let mut it = named.into_iter();
        match (it.next(), it.next()) {
            (Some(d), None) => Some(d),
            _ => None,
        }
    }

    /// The words of a stand-alone paragraph shortly before sentence `si` that hedges military
    /// figures in general ("Figures for military casualties ... remain difficult to confirm."):
    /// under it, a toll counted with no noun counts soldiers. A framing paragraph without a
    /// hedge sets no topic: wire copy is full of one-sentence paragraphs that mention
    /// casualties in passing.
    pub(super) fn military_topic(&self, si: usize) -> Option<Found> {
        let para = self.paragraph[si];
        let j = (si.saturating_sub(HEDGE_SCOPE)..si)
            .rev()
            .find(|&j| self.framing(j, para) && self.hedge_in(j).is_some())?;
        if self.domain(j) != Some("military") {
            return None;
        }
        let (t0, t1) = self.sentence_tokens[j];
        (t0..t1)
            .find(|&k| self.lex.domains.get(&self.words[k]).map(String::as_str) == Some("military"))
            .map(|k| Found::new("topic:military", self.span(k, k + 1)))
    }
}
