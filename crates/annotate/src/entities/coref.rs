//! The second and third passes: people grouped into clusters by name key and the people
//! lexicon, with their canonical names, sides, genders and roles; then titles and speech
//! pronouns linked to the person they refer to, and every mention written out as an entity.

use super::lexicon::{FxMap, Gender, full_key, is_initial};
use super::names::name_key;
use super::{Doc, Raw};
use crate::types::{Entity, EntityKind, MentionForm};

/// One person in the text.
#[derive(Debug, Clone)]
struct Cluster {
    name: String,
    name_words: usize,
    lex: Option<usize>,
    surname: String,
    first: Option<String>,
    side: Option<String>,
    gender: Option<Gender>,
    roles: Vec<String>,
}

impl Cluster {
    /// A mention of this person over `start..end`, in `form`, with `role` if the mention gives
    /// one, else the person's first known role.
    fn mention(&self, start: usize, end: usize, form: MentionForm, role: Option<String>) -> Entity {
        Entity {
            start,
            end,
            kind: EntityKind::Person,
            name: self.name.clone(),
            form,
            side: self.side.clone(),
            role: role.or_else(|| self.roles.first().cloned()),
            geo: None,
        }
    }
}

fn first_compatible(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let fa = a.chars().next().map(|c| if c == 'h' { 'g' } else { c });
            let fb = b.chars().next().map(|c| if c == 'h' { 'g' } else { c });
            fa == fb
        }
        _ => true,
    }
}

fn role_fits(roles: &[String], role: &str) -> bool {
    let r = role.to_lowercase();
    roles.iter().any(|x| {
        let x = x.to_lowercase();
        x == r || x.ends_with(&format!(" {r}")) || (r.len() > 4 && x.contains(&r))
    })
}

impl Doc<'_, '_> {
    pub(super) fn resolve(&self, raws: Vec<Raw>) -> Vec<Entity> {
        let lx = self.lx();
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut by_lex: FxMap<usize, usize> = FxMap::default();
        // Mention index → cluster.
        let mut assigned: Vec<Option<usize>> = vec![None; raws.len()];

        let new_cluster = |clusters: &mut Vec<Cluster>,
                           by_lex: &mut FxMap<usize, usize>,
                           lex: Option<usize>,
                           words: &[String],
                           side: Option<String>,
                           gender: Option<Gender>|
         -> usize {
            let id = clusters.len();
            let (name, side, gender, roles) = match lex.and_then(|l| lx.people.get(l)) {
                Some(p) => (
                    p.name.clone(),
                    p.side.clone().or(side),
                    p.gender.or(gender),
                    p.role.iter().cloned().collect(),
                ),
                None => (words.join(" "), side, gender, Vec::new()),
            };
            let nw: Vec<&str> = name.split(' ').filter(|w| !is_initial(w)).collect();
            clusters.push(Cluster {
                name_words: nw.len(),
                surname: nw.last().map(|w| name_key(w)).unwrap_or_default(),
                first: (nw.len() > 1).then(|| name_key(nw[0])),
                name,
                lex,
                side,
                gender,
                roles,
            });
            if let Some(l) = lex {
                by_lex.insert(l, id);
            }
            id
        };

        let lex_of = |words: &[String]| -> Option<usize> {
            let ws: Vec<&str> = words.iter().map(String::as_str).collect();
            if ws.len() == 1 {
                return lx.people_surname.get(&name_key(ws[0])).copied();
            }
            if let Some(&l) = lx.people_full.get(&full_key(&ws)) {
                return Some(l);
            }
            let last = ws.iter().rev().find(|w| !is_initial(w))?;
            let l = *lx.people_surname.get(&name_key(last))?;
            let p = lx.people.get(l)?;
            let pf = p.name.split(' ').next().map(name_key);
            first_compatible(&pf, &Some(name_key(ws[0]))).then_some(l)
        };

        // Full names: strong ones first, then weak ones that match a person already found.
        for pass in 0..2 {
            for (mi, r) in raws.iter().enumerate() {
                let Raw::Person(p) = r else { continue };
                if p.words.len() < 2 || p.strong != (pass == 0) {
                    continue;
                }
                let ws: Vec<&str> = p.words.iter().map(String::as_str).collect();
                let surname = ws
                    .iter()
                    .rev()
                    .find(|w| !is_initial(w))
                    .map(|w| name_key(w))
                    .unwrap_or_default();
                let first = Some(name_key(ws[0]));
                let found = if let Some(l) = lex_of(&p.words) {
                    Some(*by_lex.entry(l).or_insert_with(|| usize::MAX))
                } else {
                    clusters
                        .iter()
                        .position(|c| c.surname == surname && first_compatible(&c.first, &first))
                };
                let cid = match found {
                    Some(usize::MAX) => {
                        let l = lex_of(&p.words);
                        by_lex.remove(&l.unwrap_or(usize::MAX));
                        new_cluster(
                            &mut clusters,
                            &mut by_lex,
                            l,
                            &p.words,
                            p.side.clone(),
                            p.gender,
                        )
                    }
                    Some(c) => c,
                    None if pass == 0 => new_cluster(
                        &mut clusters,
                        &mut by_lex,
                        None,
                        &p.words,
                        p.side.clone(),
                        p.gender,
                    ),
                    None => continue,
                };
                assigned[mi] = Some(cid);
                let c = &mut clusters[cid];
                if c.lex.is_none() {
                    let nw = ws.iter().filter(|w| !is_initial(w)).count();
                    if nw > c.name_words
                        || (nw == c.name_words && p.words.join(" ").len() > c.name.len())
                    {
                        c.name = p.words.join(" ");
                        c.name_words = nw;
                        c.first = Some(name_key(ws[0]));
                    }
                }
                c.side = c.side.clone().or(p.side.clone());
                c.gender = c.gender.or(p.gender);
                if let Some(r) = &p.role
                    && !c.roles.contains(r)
                {
                    c.roles.push(r.clone());
                }
            }
        }

        // Given-name gender for people not otherwise known.
        for c in &mut clusters {
            if c.gender.is_none()
                && let Some(f) = c.name.split(' ').next()
                && c.name_words > 1
            {
                c.gender = lx.given.get(&name_key(f)).copied().flatten();
            }
        }

        // Surnames: a single word after a title or honorific, or bare.
        let find_by_surname = |clusters: &Vec<Cluster>, key: &str| -> Option<usize> {
            clusters
                .iter()
                .position(|c| c.surname == key && c.name_words >= 1)
        };
        for (mi, r) in raws.iter().enumerate() {
            let (word, p) = match r {
                Raw::Person(p) if p.words.len() == 1 => (p.words[0].clone(), Some(p)),
                Raw::Short { start, end, .. } => {
                    (self.text.get(*start..*end).unwrap_or("").to_string(), None)
                }
                _ => continue,
            };
            let key = name_key(&word);
            if key.is_empty() {
                continue;
            }
            let cid = if let Some(c) = find_by_surname(&clusters, &key) {
                Some(c)
            } else if let Some(&l) = lx.people_surname.get(&key) {
                Some(match by_lex.get(&l) {
                    Some(&c) => c,
                    None => new_cluster(
                        &mut clusters,
                        &mut by_lex,
                        Some(l),
                        std::slice::from_ref(&word),
                        None,
                        None,
                    ),
                })
            } else {
                p.map(|p| {
                    new_cluster(
                        &mut clusters,
                        &mut by_lex,
                        None,
                        std::slice::from_ref(&word),
                        p.side.clone(),
                        p.gender,
                    )
                })
            };
            let Some(cid) = cid else { continue };
            assigned[mi] = Some(cid);
            if let Some(p) = p {
                let c = &mut clusters[cid];
                c.side = c.side.clone().or(p.side.clone());
                c.gender = c.gender.or(p.gender);
                if let Some(r) = &p.role
                    && !c.roles.contains(r)
                {
                    c.roles.push(r.clone());
                }
            }
        }

        // Titles and pronouns, in text order.
        struct Seen {
            cluster: usize,
            sent: usize,
            speaker: bool,
            /// Where the mention ends, to see whether it sits inside a quotation.
            end: usize,
        }
        let mut history: Vec<Seen> = Vec::new();
        let mut out = Vec::with_capacity(raws.len());
        let sent_of = |start: usize| -> usize {
            let k = self.toks.partition_point(|t| t.start < start);
            self.sent.get(k).copied().unwrap_or(usize::MAX)
        };
        for (mi, r) in raws.iter().enumerate() {
            match r {
                Raw::Done(e) => out.push(e.clone()),
                Raw::Person(p) => {
                    let Some(cid) = assigned[mi] else { continue };
                    let c = &clusters[cid];
                    let form = if p.words.len() >= 2 {
                        MentionForm::Name
                    } else {
                        MentionForm::Short
                    };
                    out.push(c.mention(p.start, p.end, form, p.role.clone()));
                    history.push(Seen {
                        cluster: cid,
                        sent: sent_of(p.start),
                        speaker: p.speaker,
                        end: p.end,
                    });
                }
                Raw::Short {
                    start,
                    end,
                    speaker,
                } => {
                    let Some(cid) = assigned[mi] else { continue };
                    let c = &clusters[cid];
                    out.push(c.mention(*start, *end, MentionForm::Short, None));
                    history.push(Seen {
                        cluster: cid,
                        sent: sent_of(*start),
                        speaker: *speaker,
                        end: *end,
                    });
                }
                Raw::TitleRef {
                    start,
                    end,
                    role,
                    side,
                } => {
                    let side_ok =
                        |c: &Cluster| side.is_none() || c.side.is_none() || c.side == *side;
                    let back = history
                        .iter()
                        .rev()
                        .take(500)
                        .map(|h| h.cluster)
                        .find(|&c| role_fits(&clusters[c].roles, role) && side_ok(&clusters[c]));
                    let fwd = || {
                        raws[mi + 1..]
                            .iter()
                            .take(500)
                            .enumerate()
                            .find_map(|(k, r2)| match r2 {
                                Raw::Person(p)
                                    if p.role
                                        .as_deref()
                                        .is_some_and(|pr| role_fits(&[pr.to_string()], role)) =>
                                {
                                    assigned[mi + 1 + k].filter(|&c| {
                                        side.is_some()
                                            && side_ok(&clusters[c])
                                            && (side == &clusters[c].side
                                                || clusters[c].side.is_none())
                                    })
                                }
                                _ => None,
                            })
                    };
                    // A role held by exactly one lexicon person of that side.
                    let lexical = || {
                        let code = side.as_deref()?;
                        let mut it = lx.people.iter().enumerate().filter(|(_, p)| {
                            p.side.as_deref() == Some(code)
                                && p.role
                                    .as_ref()
                                    .is_some_and(|r| r.eq_ignore_ascii_case(role))
                        });
                        let (l, _) = it.next()?;
                        it.next().is_none().then_some(l)
                    };
                    let cid = back.or_else(fwd).or_else(|| {
                        let l = lexical()?;
                        Some(match by_lex.get(&l) {
                            Some(&c) => c,
                            None => {
                                new_cluster(&mut clusters, &mut by_lex, Some(l), &[], None, None)
                            }
                        })
                    });
                    let cid = cid.or_else(|| {
                        let code = side.as_deref()?;
                        let country = lx
                            .countries
                            .iter()
                            .find(|c| c.code.as_deref() == Some(code))?;
                        let name = format!("{role} of {}", country.name);
                        let found = clusters.iter().position(|c| c.name == name);
                        Some(found.unwrap_or_else(|| {
                            let id = clusters.len();
                            clusters.push(Cluster {
                                name,
                                name_words: 0,
                                lex: None,
                                surname: String::new(),
                                first: None,
                                side: side.clone(),
                                gender: None,
                                roles: vec![role.clone()],
                            });
                            id
                        }))
                    });
                    let Some(cid) = cid else { continue };
                    let c = &mut clusters[cid];
                    if c.side.is_none() {
                        c.side = side.clone();
                    }
                    out.push(c.mention(*start, *end, MentionForm::Title, Some(role.clone())));
                    history.push(Seen {
                        cluster: cid,
                        sent: sent_of(*start),
                        speaker: self.speech_after(self.toks.partition_point(|t| t.start < *end)),
                        end: *end,
                    });
                }
                Raw::Pronoun { start, end, gender } => {
                    let s = sent_of(*start);
                    let fits = |h: &&Seen| {
                        h.sent + 2 >= s && clusters[h.cluster].gender.is_none_or(|g| g == *gender)
                    };
                    // A name inside the quotation the pronoun closes is not its speaker:
                    // "“... Putin's invasion,” he said".
                    let outside = |h: &&Seen| {
                        let between = self.text.get(h.end..*start).unwrap_or("");
                        between
                            .chars()
                            .filter(|c| matches!(c, '"' | '“' | '”'))
                            .count()
                            % 2
                            == 0
                    };
                    let same = history
                        .iter()
                        .rev()
                        .take_while(|h| h.sent == s)
                        .filter(outside)
                        .find(fits);
                    let back = |d: usize| {
                        let mut it = history
                            .iter()
                            .rev()
                            .take_while(|h| h.sent + 2 >= s)
                            .filter(|h| h.sent + d == s)
                            .filter(fits);
                        let any = it.clone().next();
                        it.find(|h| h.speaker).or(any)
                    };
                    let pick = same.or_else(|| back(1)).or_else(|| back(2));
                    let Some(h) = pick else { continue };
                    let cid = h.cluster;
                    let c = &clusters[cid];
                    out.push(c.mention(*start, *end, MentionForm::Pronoun, None));
                    history.push(Seen {
                        cluster: cid,
                        sent: s,
                        speaker: true,
                        end: *end,
                    });
                }
            }
        }
        out
    }
}
