//! Collective actors: "Russian forces" (with a side), "civilians", "local officials", and the
//! check that "military" or "army" names an actor rather than qualifying a noun.

use super::orgs::SideCtx;
use super::words::words;
use super::{Doc, Raw, entity};
use crate::types::{EntityKind, MentionForm};

impl Doc<'_, '_> {
    /// Collective nouns: "Russian forces" (with a side), "civilians", "local officials".
    pub(super) fn rule_group(
        &self,
        i: usize,
        ctx: Option<(&SideCtx, usize)>,
    ) -> Option<(usize, Vec<Raw>)> {
        if ctx.is_none()
            && self.group_at[i].is_none()
            && !matches!(
                self.low(i),
                "local" | "city" | "regional" | "municipal" | "town" | "village"
            )
        {
            return None;
        }
        let mut j = i;
        let mut local = false;
        if ctx.is_none()
            && matches!(
                self.low(i),
                "local" | "city" | "regional" | "municipal" | "town" | "village"
            )
        {
            local = true;
            j += 1;
        }
        // Modifiers between the side and the noun: "British defence officials".
        let start_j = j;
        loop {
            if let Some((gid, e)) = self.group_at.get(j).copied().flatten() {
                let g = self.lx().groups.get(gid)?;
                let ok = !g.check || self.group_check(e);
                if ok {
                    let bare_ok = !g.needs_side || g.head == "officials" || local;
                    if ctx.is_none() && !bare_ok {
                        return None;
                    }
                    if ctx.is_none() && j > start_j && !local {
                        return None;
                    }
                    let (name, side, start) = match ctx {
                        Some((c, s)) => {
                            let adj = if g.head == "separatists"
                                && c.code.is_some()
                                && !c.adj.starts_with("pro-")
                                && c.country.is_some()
                            {
                                format!("pro-{}", c.adj)
                            } else {
                                c.adj.clone()
                            };
                            (format!("{adj} {}", g.head), c.code.clone(), s)
                        }
                        None if local && g.head == "officials" => {
                            (format!("local {}", g.head), None, i)
                        }
                        None => (g.head.clone(), None, i),
                    };
                    let name = if g.head == "side" && ctx.is_none() {
                        return None;
                    } else {
                        name
                    };
                    let ent = entity(
                        self.toks[start].start,
                        self.toks[e - 1].base_end,
                        EntityKind::Group,
                        name,
                        MentionForm::Name,
                        side,
                    );
                    return Some((e, vec![Raw::Done(ent)]));
                }
            }
            if j < i + 3
                && self.lx().group_modifiers.contains(self.low(j))
                && self.same_sentence(i, j + 1)
            {
                j += 1;
                continue;
            }
            return None;
        }
    }

    /// "military", "army" name an actor only when no noun follows ("the Russian military said",
    /// not "Russian military gains").
    fn group_check(&self, e: usize) -> bool {
        let Some(t) = self.toks.get(e) else {
            return true;
        };
        if !t.word || t.cap {
            return true;
        }
        let w = t.low.as_ref();
        self.lx().speech.contains(w)
            || self.lx().act.contains(w)
            || words().aux.contains(&w)
            || words().modals.contains(&w)
            || (w.ends_with("ed") && w.len() > 4)
            || matches!(
                w,
                "and"
                    | "or"
                    | "in"
                    | "on"
                    | "at"
                    | "to"
                    | "of"
                    | "that"
                    | "which"
                    | "who"
                    | "continues"
                    | "says"
                    | "has"
                    | "have"
                    | "is"
                    | "was"
                    | "were"
                    | "are"
                    | "for"
                    | "from"
                    | "with"
                    | "near"
                    | "around"
                    | "into"
            )
    }
}
