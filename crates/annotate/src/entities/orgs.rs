//! Organisations and sides: lexicon organisations, side prefixes (a country, "pro-Russian",
//! "Kremlin-backed", an organisation or seat) and what they qualify — ministries, governments,
//! titles, groups and capitalised organisation names ending in an organisation word
//! ("Security Council", "Ministry of Defence").

use super::names::strip_possessive;
use super::{Doc, Raw, entity};
use crate::types::{Entity, EntityKind, MentionForm};

/// What a side prefix says: a country or body, how to write it in a group name, and an entity
/// to emit for it (an organisation or a seat).
#[derive(Debug, Clone)]
pub(super) struct SideCtx {
    pub(super) code: Option<String>,
    pub(super) adj: String,
    pub(super) country: Option<usize>,
    pub(super) end: usize,
    pub(super) emit: Option<Entity>,
}

impl Doc<'_, '_> {
    pub(super) fn rule_org(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let (id, e) = self.org_at[i]?;
        let org = self.lx().orgs.get(id)?;
        let ent = entity(
            self.toks[i].start,
            self.toks[e - 1].base_end,
            EntityKind::Org,
            org.name.clone(),
            MentionForm::Name,
            org.side.clone(),
        );
        Some((e, vec![Raw::Done(ent)]))
    }

    /// A side prefix at `i`.
    pub(super) fn side_at(&self, i: usize) -> Option<SideCtx> {
        let t = self.toks.get(i)?;
        if !t.word {
            return None;
        }
        if let Some((cid, e)) = self.country_at[i] {
            let c = self.lx().countries.get(cid)?;
            return Some(SideCtx {
                code: c.code.clone(),
                adj: c.adj.clone(),
                country: Some(cid),
                end: e,
                emit: None,
            });
        }
        // "pro-Russian", "Kremlin-backed", "Russian-controlled", "Moscow-installed".
        let low = t.low.as_ref();
        let inner = low.strip_prefix("pro-").or_else(|| {
            [
                "-backed",
                "-controlled",
                "-installed",
                "-appointed",
                "-led",
                "-allied",
            ]
            .iter()
            .find_map(|s| low.strip_suffix(s))
        });
        if let Some(inner) = inner {
            let cid = self.lx().country_single.get(inner).copied().or_else(|| {
                let sid = self.lx().seat_single.get(inner)?;
                let code = self.lx().seats.get(*sid)?.side.as_deref()?;
                self.lx()
                    .countries
                    .iter()
                    .position(|c| c.code.as_deref() == Some(code))
            })?;
            let c = self.lx().countries.get(cid)?;
            return Some(SideCtx {
                code: c.code.clone(),
                adj: format!("pro-{}", c.adj),
                country: Some(cid),
                end: i + 1,
                emit: None,
            });
        }
        if let Some((oid, e)) = self.org_at[i] {
            let org = self.lx().orgs.get(oid)?;
            return Some(self.named_side(i, e, &org.name, MentionForm::Name, &org.side));
        }
        if let Some((sid, e)) = self.seat_at[i] {
            let seat = self.lx().seats.get(sid)?;
            if seat.always {
                return Some(self.named_side(i, e, &seat.gov, MentionForm::Metonym, &seat.side));
            }
        }
        None
    }

    /// The side given by an organisation or a seat of government over tokens `i..e`, which is
    /// also a mention of it ("the Kremlin's", "NATO").
    fn named_side(
        &self,
        i: usize,
        e: usize,
        name: &str,
        form: MentionForm,
        side: &Option<String>,
    ) -> SideCtx {
        let words: Vec<&str> = self.toks[i..e].iter().map(|t| t.s).collect();
        let ent = entity(
            self.toks[i].start,
            self.toks[e - 1].base_end,
            EntityKind::Org,
            name.to_owned(),
            form,
            side.clone(),
        );
        SideCtx {
            code: side.clone(),
            adj: strip_possessive(&words.join(" ")).to_string(),
            country: None,
            end: e,
            emit: Some(ent),
        }
    }

    /// A side followed by what it qualifies.
    pub(super) fn rule_side(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let ctx = self.side_at(i)?;
        let j = ctx.end;
        if j >= self.toks.len() || !self.same_sentence(i, j) {
            return None;
        }
        let mut best: Option<(usize, Vec<Raw>)> = None;
        let mut consider = |c: Option<(usize, Vec<Raw>)>| {
            if let Some((e, r)) = c
                && best.as_ref().is_none_or(|(be, _)| e > *be)
            {
                best = Some((e, r));
            }
        };
        consider(self.rule_ministry(i, &ctx));
        consider(self.rule_government(i, &ctx));
        consider(self.rule_title(j, Some(&ctx), i));
        consider(self.rule_group(j, Some((&ctx, i))));
        consider(
            self.rule_generic_org(j, Some((&ctx, i)))
                .map(|(e, ent)| (e, vec![Raw::Done(ent)])),
        );
        // "Russian and Ukrainian negotiators": the first side shares the second's noun.
        if matches!(self.low(j), "and" | "or")
            && ctx.emit.is_none()
            && let Some((e, raws)) = self.rule_side(j + 1)
            && let Some(Raw::Done(g)) = raws.last()
            && g.kind == EntityKind::Group
            && let Some(head) = g.name.split(' ').next_back()
        {
            let name = if head == "separatists" && !ctx.adj.starts_with("pro-") {
                format!("pro-{} {head}", ctx.adj)
            } else {
                format!("{} {head}", ctx.adj)
            };
            let first = entity(
                self.toks[i].start,
                self.toks[j - 1].base_end,
                EntityKind::Group,
                name,
                MentionForm::Name,
                ctx.code.clone(),
            );
            let mut v = vec![Raw::Done(first)];
            v.extend(raws);
            consider(Some((e, v)));
        }
        let (e, mut raws) = best?;
        if let Some(emit) = ctx.emit.clone() {
            // Keep the prefix entity unless the match already covers it.
            let covered = raws.iter().any(|r| r.span().0 <= emit.start);
            if !covered {
                raws.insert(0, Raw::Done(emit));
            }
        }
        Some((e, raws))
    }

    /// Name of a country side for canonical names: "Russian".
    fn adj_of(ctx: &SideCtx) -> &str {
        &ctx.adj
    }

    /// "Russian Defence Ministry", "Russia's Ministry of Defence", "the Ukrainian Foreign Ministry".
    fn rule_ministry(&self, i: usize, ctx: &SideCtx) -> Option<(usize, Vec<Raw>)> {
        let j = ctx.end;
        let (topic, e) = if self.low(j) == "ministry" && self.low(j + 1) == "of" {
            let (t, k) = self.topic_at(j + 2)?;
            (t, k)
        } else {
            let (t, k) = self.topic_at(j)?;
            if !matches!(self.low(k), "ministry" | "department") {
                return None;
            }
            (t, k + 1)
        };
        let name = format!("{} Ministry of {topic}", Self::adj_of(ctx));
        let ent = entity(
            self.toks[i].start,
            self.toks[e - 1].base_end,
            EntityKind::Org,
            name,
            MentionForm::Name,
            ctx.code.clone(),
        );
        Some((e, vec![Raw::Done(ent)]))
    }

    fn topic_at(&self, j: usize) -> Option<(String, usize)> {
        let mut key = String::new();
        let mut best = None;
        for k in j..(j + 5).min(self.toks.len()) {
            if !self.toks[k].word {
                break;
            }
            if k > j {
                key.push(' ');
            }
            key.push_str(&self.toks[k].low);
            if let Some(t) = self.lx().ministry_topics.get(&key) {
                best = Some((t.clone(), k + 1));
            }
        }
        best
    }

    /// "the Russian government", "Ukraine's central government" → "Government of Russia".
    fn rule_government(&self, i: usize, ctx: &SideCtx) -> Option<(usize, Vec<Raw>)> {
        let cid = ctx.country?;
        let mut j = ctx.end;
        if matches!(self.low(j), "central" | "federal" | "national") {
            j += 1;
        }
        if !matches!(self.low(j), "government" | "administration" | "leadership") {
            return None;
        }
        let c = self.lx().countries.get(cid)?;
        c.code.as_ref()?;
        let ent = entity(
            self.toks[i].start,
            self.toks[j].base_end,
            EntityKind::Org,
            format!("Government of {}", c.name),
            MentionForm::Name,
            c.code.clone(),
        );
        Some((j + 1, vec![Raw::Done(ent)]))
    }

    /// A run of capitalised words ending in an organisation word: "Security Council",
    /// "Georgetown University", "Ministry of Defence", "State Emergency Service".
    pub(super) fn rule_generic_org(
        &self,
        i: usize,
        ctx: Option<(&SideCtx, usize)>,
    ) -> Option<(usize, Entity)> {
        let t = self.toks.get(i)?;
        if !t.word
            || !t.cap
            || self.tagger.stop.contains(t.low.as_ref())
                && !self.tagger.org_heads.contains(t.low.as_ref())
        {
            return None;
        }
        let mut j = i;
        let mut head_end = None;
        while j < self.toks.len() && j < i + 8 && self.same_sentence(i, j) {
            let tj = &self.toks[j];
            if tj.word && tj.cap && !tj.caps
                || (tj.caps && j > i)
                || (tj.word && tj.caps && j == i && tj.s.len() <= 4)
            {
                if self.tagger.org_heads.contains(tj.base()) {
                    head_end = Some(j + 1);
                }
                j += 1;
                if tj.poss && !tj.low.starts_with("prosecutor") {
                    break;
                }
                continue;
            }
            if j > i
                && tj.word
                && matches!(tj.low.as_ref(), "of" | "for" | "and" | "on" | "the")
                && self.toks.get(j + 1).is_some_and(|n| n.word && n.cap)
            {
                j += 1;
                continue;
            }
            break;
        }
        let mut end = head_end?;
        // Keep an "of ..." tail: "Ministry of Internal Affairs".
        if self.low(end) == "of" && j > end + 1 {
            end = j;
        }
        let start_tok = ctx.map_or(i, |(_, s)| s);
        if end - start_tok < 2 {
            return None;
        }
        let body: Vec<&str> = self.toks[i..end].iter().map(|t| t.s).collect();
        let mut name = body.join(" ").replace(" 's", "'s");
        if let Some(last) = body.last() {
            let stripped = strip_possessive(last);
            if stripped.len() != last.len() && !last.to_lowercase().starts_with("prosecutor") {
                name.truncate(name.len() - (last.len() - stripped.len()));
            }
        }
        let (side, name) = match ctx {
            Some((c, s)) if self.toks[i - 1].poss || c.adj.starts_with("pro-") => {
                let _ = s;
                (c.code.clone(), format!("{} {name}", c.adj))
            }
            Some((c, s)) => {
                let pre: Vec<&str> = self.toks[s..i].iter().map(|t| t.s).collect();
                (c.code.clone(), format!("{} {name}", pre.join(" ")))
            }
            None => (None, name),
        };
        Some((
            end,
            entity(
                self.toks[start_tok].start,
                self.toks[end - 1].base_end,
                EntityKind::Org,
                name,
                MentionForm::Name,
                side,
            ),
        ))
    }
}
