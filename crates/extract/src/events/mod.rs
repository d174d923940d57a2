//! Events: talks, contacts, ceasefires, corridors, evacuations, attacks, captures, accusations
//! and denials, read from trigger phrases over the annotation layer.
//!
//! [`EventExtractor::events`] finds the trigger phrases of `data/events/triggers.tsv` in each
//! sentence (the longest at each word, one event per type and sentence), fills each event from
//! its sentence ([`build`]: date and window from time expressions, places with the role their
//! preposition gives, actors by position, status from `status.tsv`, type attributes from the
//! other lexicons, casualty and evacuee counts from the sentence's claims), then merges the
//! mentions of one happening within the article ([`merge`]).

mod build;
mod lexicon;
mod merge;
mod view;

use annotate::Annotations;
use chrono::NaiveDate;

use crate::{Claim, Event, EventKind};
use build::{Builder, Found};
use lexicon::{EventLexicon, Trigger};
use view::View;

/// The event rules with their lexicons, loaded once.
#[derive(Debug, Clone)]
pub struct EventExtractor {
    lex: EventLexicon,
    /// The trigger of an evacuation read from a claim of people evacuated.
    evacuated_claim: Trigger,
}

impl Default for EventExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl EventExtractor {
    pub fn new() -> Self {
        EventExtractor {
            lex: EventLexicon::load(),
            evacuated_claim: Trigger {
                kind: EventKind::Evacuation,
                verb: false,
                weak: false,
                needs_charge: false,
                from_claim: true,
                words: vec!["<claim:evacuated>".to_owned()],
            },
        }
    }

    /// The events of `text`, in text order, one per happening; `claims` are the text's claims,
    /// from which events take their counts.
    pub fn events(
        &self,
        text: &str,
        ann: &Annotations,
        _published: Option<NaiveDate>,
        claims: &[Claim],
    ) -> Vec<Event> {
        let view = View::new(text, ann);
        let mut events = Vec::new();
        for si in 0..ann.sentences.len() {
            let mut kinds = Vec::new();
            for found in self.triggers(&view, si) {
                if kinds.contains(&found.trigger.kind) {
                    continue;
                }
                if let Some(event) = self.build(&view, claims, si, found) {
                    kinds.push(event.kind);
                    events.push(event);
                }
            }
            // "About 30,000 people left Mariupol through a corridor": the claim is the trigger.
            if !kinds.contains(&EventKind::Evacuation)
                && let Some(found) = self.evacuated_claim(&view, si, claims)
            {
                events.extend(self.build(&view, claims, si, found));
            }
        }
        merge::merge(events)
    }

    /// The event a trigger opens in sentence `si`, if its sentence holds what its type needs.
    fn build(&self, view: &View, claims: &[Claim], si: usize, found: Found) -> Option<Event> {
        Builder {
            lex: &self.lex,
            view,
            claims,
            si,
            found,
        }
        .build()
    }

    /// The first claim of people evacuated in sentence `si`, as a trigger.
    fn evacuated_claim<'l>(
        &'l self,
        view: &View,
        si: usize,
        claims: &[Claim],
    ) -> Option<Found<'l>> {
        let s = view.ann.sentences[si];
        let c = claims
            .iter()
            .find(|c| c.metric == "evacuated" && c.start >= s.start && c.end <= s.end)?;
        let (a, b) = view.token_range(c.start, c.end)?;
        Some(Found {
            a,
            b,
            trigger: &self.evacuated_claim,
        })
    }

    /// The triggers of sentence `si`: the longest at each word, not overlapping.
    fn triggers<'l>(&'l self, view: &View, si: usize) -> Vec<Found<'l>> {
        let (s0, s1) = view.sentence_tokens[si];
        let mut out: Vec<Found> = Vec::new();
        let mut k = s0;
        while k < s1 {
            let best = self
                .lex
                .triggers_by_first
                .get(view.word(k))
                .into_iter()
                .flatten()
                .map(|&i| &self.lex.triggers[i])
                .filter(|t| view.phrase_at(k, &t.words, s1))
                .max_by_key(|t| t.words.len());
            match best {
                Some(t) => {
                    out.push(Found {
                        a: k,
                        b: k + t.words.len(),
                        trigger: t,
                    });
                    k += t.words.len();
                }
                None => k += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
