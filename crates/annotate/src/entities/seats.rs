//! Seats of government and capitals used for their governments: "the Kremlin" always,
//! "Moscow said", "Kyiv has indicated", "urged Beijing to".

use super::lexicon;
use super::words::words;
use super::{Doc, Raw, entity};
use crate::types::{EntityKind, MentionForm};

impl Doc<'_, '_> {
    /// Seats ("the Kremlin") always; capitals only as the subject or object of a government's
    /// act ("Moscow said", "Kyiv has indicated", "urged Beijing to").
    pub(super) fn rule_seat(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let (sid, e) = self.seat_at[i]?;
        let seat = self.lx().seats.get(sid)?;
        let t = &self.toks[i];
        if !t.cap || t.caps {
            return None;
        }
        let make = |s: usize, e: usize, seat: &lexicon::Seat| {
            Raw::Done(entity(
                self.toks[s].start,
                self.toks[e - 1].base_end,
                EntityKind::Org,
                seat.gov.clone(),
                MentionForm::Metonym,
                seat.side.clone(),
            ))
        };
        if seat.always {
            return Some((e, vec![make(i, e, seat)]));
        }
        if self.toks[e - 1].poss {
            return None;
        }
        let prev = if i > 0 { self.low(i - 1) } else { "" };
        let after_prep = i > 0 && words().place_preps.contains(&prev);
        if i > 0
            && self.lx().object.contains(prev)
            && matches!(self.low(e), "to" | "of" | "for" | "over" | "not")
        {
            return Some((e, vec![make(i, e, seat)]));
        }
        if after_prep {
            return None;
        }
        if self.acts_after(e) {
            return Some((e, vec![make(i, e, seat)]));
        }
        // "Kyiv and Moscow have accused each other".
        if self.low(e) == "and"
            && let Some((sid2, e2)) = self.seat_at.get(e + 1).copied().flatten()
            && let Some(seat2) = self.lx().seats.get(sid2)
            && self.acts_after(e2)
        {
            return Some((e2, vec![make(i, e, seat), make(e + 1, e2, seat2)]));
        }
        None
    }

    /// Whether a government's verb follows at `k`, after auxiliaries, adverbs and a day ("on
    /// Wednesday").
    fn acts_after(&self, mut k: usize) -> bool {
        let mut limit = k + 4;
        while k < limit && k < self.toks.len() {
            if self.low(k) == "on" && words().days.contains(&self.low(k + 1)) {
                k += 2;
                limit += 2;
                continue;
            }
            let t = &self.toks[k];
            if !t.word || t.cap {
                return false;
            }
            let w = t.low.as_ref();
            if self.lx().speech.contains(w) || self.lx().act.contains(w) {
                return true;
            }
            if words().modals.contains(&w) {
                let next = self.low(k + 1);
                return !next.is_empty()
                    && self.toks[k + 1].word
                    && !self.toks[k + 1].cap
                    && !matches!(
                        next,
                        "a" | "an"
                            | "the"
                            | "located"
                            | "home"
                            | "one"
                            | "situated"
                            | "known"
                            | "also"
                    );
            }
            if words().aux.contains(&w) {
                k += 1;
                continue;
            }
            return w.len() > 4 && w.ends_with("ed");
        }
        false
    }
}
