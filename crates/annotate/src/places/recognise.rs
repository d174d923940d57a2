//! Recognition: runs of capitalised words (with connectors such as "and", "de") looked up in
//! the gazetteer, longest first, then kept or dropped by their context: level words ("Kherson
//! region", "the city of Kherson", "Walton and Oconee counties"), locative cues, titles and
//! names before, organisation, street and speech words around, "Place, Region" after, and
//! whether the word is sentence-initial or seen in lower case elsewhere in the text. The words
//! come from the lexicon (`data/gazetteer/cues.txt`, `levels.txt` and the stop-lists).

use std::cell::OnceCell;

use super::lexicon::Plural;
use super::{Mention, PlaceTagger};
use crate::gazetteer::{FxMap, FxSet, Level, fold, fuzzy, key_hash};
use crate::types::{Entity, Sentence, Token, TokenKind};

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// The byte end of a word without a possessive "'s" / "’s".
fn strip_possessive(text: &str, start: usize, end: usize) -> usize {
    let w = text.get(start..end).unwrap_or("");
    for suf in ["'s", "’s", "'S", "’S"] {
        if w.len() > suf.len() + 1 && w.ends_with(suf) {
            return end - suf.len();
        }
    }
    if w.len() > 2 && (w.ends_with("s'") || w.ends_with("s’")) {
        return end - if w.ends_with('\'') { 1 } else { 3 };
    }
    end
}

fn strip_possessive_str(w: &str) -> &str {
    let end = strip_possessive(w, 0, w.len());
    w.get(..end).unwrap_or(w)
}

impl PlaceTagger {
    /// Entry ids for a folded key. A small town counts only under its own name: its
    /// alternate names (old names, other languages) collide with common words and surnames.
    fn lookup(&self, key: &str, allow_fuzzy: bool) -> Vec<u32> {
        let g = self.gaz;
        let h = key_hash(key);
        let ok = |id: u32, min_pop: u32| -> bool {
            let Some(p) = g.place(id) else { return false };
            p.level == Level::Country
                || (p.population >= min_pop && key.len() >= 4)
                || p.name_hash == h
        };
        let all = g.exact_ids(key);
        if all.is_empty() && (!allow_fuzzy || key.len() < 6) {
            return Vec::new();
        }
        let ids: Vec<u32> = all
            .iter()
            .copied()
            .filter(|&id| ok(id, 200_000))
            .take(64)
            .collect();
        // No place has this as its own name: an exonym of a mid-sized town ("Jenin").
        let ids = if ids.is_empty() && key.len() >= 5 {
            all.iter()
                .copied()
                .filter(|&id| ok(id, 20_000))
                .take(64)
                .collect()
        } else {
            ids
        };
        if !ids.is_empty() || !allow_fuzzy || key.len() < 6 {
            return ids;
        }
        g.fuzzy_ids(&fuzzy(key))
            .iter()
            .copied()
            .filter(|&id| {
                g.place(id)
                    .is_some_and(|p| p.level <= Level::Admin1 || p.population >= 100_000)
            })
            .take(64)
            .collect()
    }

    /// The candidate mentions of `text`, in text order, each with its gazetteer candidates.
    pub(super) fn recognise(
        &self,
        text: &str,
        sentences: &[Sentence],
        tokens: &[Token],
        taken: &[Entity],
    ) -> Vec<Mention> {
        let word = |i: usize| -> &str {
            tokens
                .get(i)
                .filter(|t| t.kind == TokenKind::Word)
                .and_then(|t| text.get(t.start..t.end))
                .unwrap_or("")
        };
        let tok_text = |i: usize| -> &str {
            tokens
                .get(i)
                .and_then(|t| text.get(t.start..t.end))
                .unwrap_or("")
        };
        // Sentence-initial tokens: the first word of each sentence, and a word after an
        // opening quote or bracket at the start.
        let mut initial = vec![false; tokens.len()];
        {
            let mut s = 0;
            let mut first_done = false;
            for (i, t) in tokens.iter().enumerate() {
                while s < sentences.len() && sentences[s].end <= t.start {
                    s += 1;
                    first_done = false;
                }
                if t.kind == TokenKind::Word && !first_done {
                    initial[i] = true;
                    first_done = true;
                }
                if t.kind == TokenKind::Punct && self.lex.openers.contains(tok_text(i)) {
                    first_done = false;
                }
            }
        }
        // Words seen in lower case anywhere in the text (a sign a capitalised one is a word),
        // and capitalised words seen other than sentence-initially. Built when first needed:
        // many texts never ask.
        let seen_words: OnceCell<(FxSet<&str>, FxSet<&str>)> = OnceCell::new();
        let seen_words = || {
            seen_words.get_or_init(|| {
                let n = tokens.len();
                let mut lower_words = FxSet::with_capacity_and_hasher(n, Default::default());
                let mut non_initial = FxSet::with_capacity_and_hasher(n / 4, Default::default());
                for (ti, t) in tokens.iter().enumerate() {
                    if t.kind == TokenKind::Word
                        && let Some(w) = text.get(t.start..t.end)
                    {
                        if w.starts_with(|c: char| c.is_lowercase()) {
                            lower_words.insert(w);
                        } else if !initial[ti] {
                            non_initial.insert(w);
                        }
                    }
                }
                (lower_words, non_initial)
            })
        };
        let overlaps_taken = |s: usize, e: usize| taken.iter().any(|t| t.start < e && s < t.end);
        // Surnames: a capitalised word after a title or after another capitalised word that is
        // not a place word ("Sgt. Mark Jones", "Chiquita Henry").
        let mut persons: FxSet<String> = FxSet::default();
        for i in 1..tokens.len() {
            let w = word(i);
            if w.is_empty() || !starts_upper(w) || w.chars().all(|c| !c.is_lowercase()) {
                continue;
            }
            let pw = tok_text(i - 1).trim_end_matches('.');
            let gap = text.get(tokens[i - 1].end..tokens[i].start).unwrap_or(" ");
            if gap.len() > 1 || gap.contains('\n') {
                continue;
            }
            let pl = lower(pw);
            let titled = self.lex.titles.contains(pl.as_str())
                || (tok_text(i - 1) == "."
                    && i >= 2
                    && self.lex.titles.contains(lower(tok_text(i - 2)).as_str()));
            let wl = lower(strip_possessive_str(w));
            if self.lex.bound_after.contains(wl.as_str())
                || self.lex.street.contains(wl.as_str())
                || self.lex.level_after.contains_key(wl.as_str())
                || self.lex.never.contains(wl.as_str())
            {
                continue;
            }
            // Only a small town's name is doubted after an unknown capitalised word.
            let small = || {
                let mut k = String::new();
                fold(strip_possessive_str(w), &mut k);
                let ids = self.gaz.exact_ids(&k);
                !ids.is_empty()
                    && !ids.iter().any(|&id| {
                        self.gaz
                            .place(id)
                            .is_some_and(|p| p.level <= Level::Admin2 || p.population >= 100_000)
                    })
            };
            // "Boyd J. Jones": a middle initial.
            let after_initial = tok_text(i - 1) == "."
                && i >= 2
                && tok_text(i - 2).chars().count() == 1
                && starts_upper(tok_text(i - 2));
            let after_name = tokens[i - 1].kind == TokenKind::Word
                && starts_upper(pw)
                && !initial[i - 1]
                && !self.lex.neutral.contains(pl.as_str())
                && !self.lex.never.contains(pl.as_str())
                && !pw.contains('.')
                && (self.lex.given.contains(pl.as_str()) || small())
                && self
                    .gaz
                    .exact_ids(&{
                        let mut k = String::new();
                        fold(&format!("{pw} {}", strip_possessive_str(w)), &mut k);
                        k
                    })
                    .is_empty();
            let followed_by_cap = starts_upper(word(i + 1));
            if titled || ((after_name || after_initial) && !followed_by_cap) {
                let mut k = String::new();
                fold(strip_possessive_str(w), &mut k);
                persons.insert(k);
            }
        }

        // "Walton and Oconee counties", "Clarke, Madison and Oconee counties": each name before
        // a plural level word is a region of that level.
        let mut listed: FxMap<usize, (String, usize, Plural)> = FxMap::default();
        for (ti, t) in tokens.iter().enumerate() {
            let lw = text.get(t.start..t.end).unwrap_or("");
            let Some(&plural) = self.lex.plural.get(lw) else {
                continue;
            };
            let mut j = ti;
            while j > 0 {
                j -= 1;
                let w = tok_text(j);
                if self.lex.list_joiners.contains(w) {
                    continue;
                }
                if tokens[j].kind != TokenKind::Word || !starts_upper(w) {
                    break;
                }
                let mut k = String::new();
                fold(w, &mut k);
                k.push(' ');
                k.push_str(plural.singular);
                let end = if j + 1 == ti { t.end } else { tokens[j].end };
                listed.insert(j, (k, end, plural));
            }
        }
        let mut out: Vec<Mention> = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < tokens.len() {
            let w = word(i);
            if w.is_empty() || !starts_upper(w) {
                i += 1;
                continue;
            }
            if let Some((k, end, plural)) = listed.get(&i) {
                let mut ids: Vec<u32> = self.gaz.exact_ids(k).to_vec();
                if ids.is_empty() && plural.bare {
                    let bare = k.trim_end_matches(&format!(" {}", plural.singular));
                    ids = self.gaz.exact_ids(bare).to_vec();
                }
                if !ids.is_empty() && !overlaps_taken(tokens[i].start, *end) {
                    out.push(Mention {
                        start: tokens[i].start,
                        end: *end,
                        key: k.clone(),
                        ids,
                        want: Some(plural.level),
                        qualified: false,
                        chosen: None,
                    });
                    i += 1;
                    continue;
                }
            }
            // The longest run of eligible tokens from i: capitalised words, connectors between
            // capitalised words, the dot after "St".
            let mut run = vec![i];
            let mut words = 1;
            let mut j = i + 1;
            while j < tokens.len() && words < 4 {
                let t = &tokens[j];
                let prev = &tokens[j - 1];
                let gap = text.get(prev.end..t.start).unwrap_or(" ");
                if gap.contains('\n') || gap.len() > 1 {
                    break;
                }
                let tw = tok_text(j);
                if t.kind == TokenKind::Punct
                    && tw == "."
                    && self.lex.dot_abbrevs.contains(tok_text(j - 1))
                {
                    run.push(j);
                    j += 1;
                    continue;
                }
                if t.kind != TokenKind::Word {
                    break;
                }
                if starts_upper(tw) || self.lex.connectors.contains(tw) {
                    run.push(j);
                    words += 1;
                    j += 1;
                    continue;
                }
                break;
            }
            // Longest match first.
            let mut found: Option<(usize, Vec<u32>, String, usize)> = None;
            for n in (1..=run.len()).rev() {
                let last = run[n - 1];
                if !starts_upper(word(last)) {
                    continue;
                }
                let start = tokens[i].start;
                let end = strip_possessive(text, tokens[last].start, tokens[last].end);
                key.clear();
                fold(text.get(start..end).unwrap_or(""), &mut key);
                if key.is_empty() {
                    continue;
                }
                let ids = self.lookup(&key, n <= 2);
                if !ids.is_empty() {
                    found = Some((last, ids, key.clone(), end));
                    break;
                }
            }
            // "…, Kan." / "…, S.C.": a US state abbreviation after a comma.
            let inner_dot = w.trim_end_matches('.').contains('.');
            if (i > 0 && tok_text(i - 1) == ",") || inner_dot {
                let dotted = tok_text(i + 1) == "."
                    && tokens.get(i + 1).is_some_and(|t| t.start == tokens[i].end);
                let end = if dotted {
                    tokens[i + 1].end
                } else {
                    tokens[i].end
                };
                key.clear();
                fold(w, &mut key);
                let ab = self.gaz.abbrev_ids(&key);
                let plain = found.as_ref().is_some_and(|f| {
                    f.1.iter()
                        .any(|&id| self.gaz.place(id).is_some_and(|p| p.level <= Level::Admin1))
                });
                let before_name = starts_upper(word(i + if dotted { 2 } else { 1 }));
                if !ab.is_empty()
                    && !plain
                    && (inner_dot || !before_name)
                    && (dotted || w.contains('.') || w.chars().all(|c| c.is_uppercase()))
                    && !overlaps_taken(tokens[i].start, end)
                {
                    out.push(Mention {
                        start: tokens[i].start,
                        end,
                        key: key.clone(),
                        ids: ab.to_vec(),
                        want: None,
                        qualified: true,
                        chosen: None,
                    });
                    i += if dotted { 2 } else { 1 };
                    continue;
                }
            }
            let Some((last, ids, k, end)) = found else {
                // Hyphenated words: "Kherson-based", "Russia-Ukraine".
                if w.contains('-') {
                    let mut off = tokens[i].start;
                    for part in w.split('-') {
                        let pend = off + part.len();
                        let caps = part.len() >= 2 && part.chars().all(|c| c.is_ascii_uppercase());
                        if (part.len() >= 3 || caps)
                            && starts_upper(part)
                            && !overlaps_taken(off, pend)
                        {
                            key.clear();
                            fold(part, &mut key);
                            let ids = self.lookup(&key, false);
                            let country = ids.iter().any(|&id| {
                                self.gaz
                                    .place(id)
                                    .is_some_and(|p| p.level == Level::Country)
                            });
                            if !ids.is_empty()
                                && (country || !caps)
                                && !self.lex.never.contains(&key)
                                && !self.lex.weak.contains(&key)
                            {
                                out.push(Mention {
                                    start: off,
                                    end: pend,
                                    key: key.clone(),
                                    ids,
                                    want: None,
                                    qualified: false,
                                    chosen: None,
                                });
                            }
                        }
                        off = pend + 1;
                    }
                }
                i += 1;
                continue;
            };
            let start = tokens[i].start;
            let mut m_end = end;
            let mut next = last + 1;
            // A level word after the name: "Kherson region", "Donetsk Oblast".
            let mut want = None;
            let mut ids = ids;
            let nw = lower(word(next));
            let org_after =
                self.lex.org_after.contains(nw.as_str()) && starts_upper(word(next + 1));
            if let Some(&l) = self.lex.level_after.get(nw.as_str()).filter(|_| !org_after) {
                let whole = self.gaz.exact_ids(&format!("{k} {nw}"));
                if !whole.is_empty() {
                    ids = whole.to_vec();
                }
                want = Some(l);
                m_end = strip_possessive(text, tokens[next].start, tokens[next].end);
                next += 1;
            }
            // Context before.
            let prev_w = if i > 0 { word(i - 1) } else { "" };
            let prev_l = lower(prev_w.trim_end_matches('.'));
            if want.is_none() && prev_l == "of" && i >= 2 {
                want = self
                    .lex
                    .level_before_of
                    .get(lower(word(i - 2)).as_str())
                    .copied();
            }
            // "the Sea of Azov", "the Gulf of Mexico": a feature named after the place.
            if prev_l == "of" && i >= 2 && self.lex.street.contains(lower(word(i - 2)).as_str()) {
                i = last + 1;
                continue;
            }
            let cue = self.lex.locative.contains(prev_l.as_str()) || want.is_some();
            let single = run.iter().take_while(|&&t| t <= last).count() == 1;
            let all_caps = w.chars().all(|c| !c.is_lowercase()) && w.chars().count() > 1;

            let mut keep = !overlaps_taken(start, m_end);
            if keep && (self.lex.never.contains(&k) || (k.chars().count() < 3 && !all_caps)) {
                keep = false;
            }
            // A dateline opens a paragraph in capitals: "KYIV, March 3 -".
            let dateline = initial[i] && tok_text(next) == ",";
            // Acronyms: only countries ("US", "UK", "UAE").
            if keep && all_caps && single && w.chars().count() <= 5 && !dateline {
                keep = ids.iter().any(|&id| {
                    self.gaz
                        .place(id)
                        .is_some_and(|p| p.level == Level::Country)
                });
            }
            // A title or another capitalised name before: a person ("Mr. Jackson",
            // "Chiquita Raquel Henry").
            if keep && i > 0 {
                let pt = &tokens[i - 1];
                let gap = text.get(pt.end..start).unwrap_or("");
                let pw = tok_text(i - 1);
                let ptitle = lower(pw.trim_end_matches('.'));
                let prev_is_dot = pw == "." && i >= 2;
                let title_before = self.lex.titles.contains(ptitle.as_str())
                    || (prev_is_dot && self.lex.titles.contains(lower(tok_text(i - 2)).as_str()));
                // After a capitalised word: a given name makes a surname; otherwise only a
                // small town's name is doubted ("Historic Dublin", "Metropolitan Atlanta" stay).
                let small = !ids.iter().any(|&id| {
                    self.gaz
                        .place(id)
                        .is_some_and(|p| p.level <= Level::Admin2 || p.population >= 20_000)
                });
                let name_before = pt.kind == TokenKind::Word
                    && gap.len() <= 1
                    && starts_upper(pw)
                    && !initial[i - 1]
                    && !self.lex.neutral.contains(ptitle.as_str())
                    && !pw.ends_with("'s")
                    && !pw.ends_with("’s")
                    && (self.lex.given.contains(ptitle.as_str()) || (small && single));
                if title_before || name_before {
                    keep = false;
                }
            }
            // A capitalised word after that is not part of a place-bound name: a person or
            // organisation ("Paris Hilton", "Washington Post").
            let nxt = word(next);
            // "the Azov regiment": a unit named after the place; "Bab al-Hawa": a longer name.
            if keep
                && want.is_none()
                && (self.lex.unit.contains(lower(nxt).as_str())
                    || self.lex.article_prefixes.iter().any(|p| nxt.starts_with(p)))
            {
                keep = false;
            }
            if keep && want.is_none() && !nxt.is_empty() && starts_upper(nxt) {
                let gap = text
                    .get(tokens[next - 1].end..tokens[next].start)
                    .unwrap_or(" ");
                let nl = lower(nxt.trim_end_matches('.'));
                let nl = nl.trim_end_matches("'s").trim_end_matches("’s");
                if gap.len() <= 1 && !gap.contains('\n') {
                    let mut nk = String::new();
                    fold(nl, &mut nk);
                    if persons.contains(nk.as_str()) && single {
                        // "David Jones": a given name.
                        keep = false;
                    } else if self.lex.street.contains(nl) && !starts_upper(word(next + 1)) {
                        // "Dublin Road", "Red River": a street or a feature, not the town.
                        keep = false;
                    } else if !self.lex.bound_after.contains(nl) && single {
                        // "Henry Smith": a small place's name before another name.
                        keep = ids.iter().any(|&id| {
                            self.gaz
                                .place(id)
                                .is_some_and(|p| p.level <= Level::Admin1 || p.population >= 20_000)
                        });
                    }
                }
            }
            // "Jones said", "said Webb": a speaker is a person, not a small town.
            if keep && single && want.is_none() {
                let speech = |w: &str| self.lex.speech.contains(w);
                let nl = word(next);
                if speech(nl) || speech(&prev_l) {
                    keep = ids.iter().any(|&id| {
                        self.gaz
                            .place(id)
                            .is_some_and(|p| p.level <= Level::Admin1 || p.population >= 100_000)
                    });
                }
            }
            // A known person's name ("Jones" after "Sgt. Mark Jones" earlier).
            // "Place, Region" follows: a region or country, or a US state abbreviation.
            let region_follows = || {
                if tok_text(next) != "," {
                    return false;
                }
                let nw = word(next + 1);
                if !starts_upper(nw) {
                    return false;
                }
                let mut nk = String::new();
                fold(nw, &mut nk);
                !self.gaz.abbrev_ids(&nk).is_empty()
                    || self
                        .gaz
                        .exact_ids(&nk)
                        .iter()
                        .any(|&id| self.gaz.place(id).is_some_and(|p| p.level <= Level::Admin1))
            };
            if keep && single && persons.contains(k.as_str()) {
                keep = region_follows();
            }
            if keep && !cue && self.lex.weak.contains(&k) {
                keep = region_follows();
            }
            // A sentence-initial single word that is also a common word, or a small place
            // named only here at the start of a sentence.
            if keep && !cue && single {
                let surface = text.get(start..end).unwrap_or("");
                let lw = lower(surface);
                let big = ids.iter().any(|&id| {
                    self.gaz
                        .place(id)
                        .is_some_and(|p| p.level <= Level::Admin1 || p.population >= 100_000)
                });
                // Copies and machine translations lower-case names ("kyiv's response"): a big
                // place inside a sentence stays a place even so.
                if seen_words().0.contains(lw.as_str()) && !all_caps && (initial[i] || !big) {
                    keep = false;
                } else if initial[i] {
                    let elsewhere = seen_words().1.contains(surface);
                    keep = big || elsewhere;
                }
            }
            if keep {
                out.push(Mention {
                    start,
                    end: m_end,
                    key: k,
                    ids,
                    want,
                    qualified: false,
                    chosen: None,
                });
                // "Paris, Texas" / "Paris, Tenn.": the region after the comma.
                if tok_text(next) == "," {
                    self.qualifier(text, tokens, next + 1, &mut out, &overlaps_taken);
                    if let Some(q) = out.last()
                        && q.qualified
                    {
                        i = tokens
                            .iter()
                            .position(|t| t.start >= q.end)
                            .unwrap_or(tokens.len());
                        continue;
                    }
                }
            }
            i = next.max(i + 1);
        }
        out
    }

    /// After "Place," at token `q`: a region or country (or a US state abbreviation) that
    /// contains one of the place's candidates. Narrows the place and adds the region.
    fn qualifier(
        &self,
        text: &str,
        tokens: &[Token],
        q: usize,
        out: &mut Vec<Mention>,
        overlaps_taken: &dyn Fn(usize, usize) -> bool,
    ) {
        let Some(first) = tokens.get(q) else { return };
        let w = text.get(first.start..first.end).unwrap_or("");
        if first.kind != TokenKind::Word || !starts_upper(w) {
            return;
        }
        let mut key = String::new();
        for n in (1..=4).rev() {
            let Some(last) = tokens.get(q + n - 1) else {
                continue;
            };
            // The region's name is words (and the dots of abbreviations): "Turkey," stops
            // before its comma.
            let punct_inside = tokens[q..q + n]
                .iter()
                .any(|t| t.kind == TokenKind::Punct && text.get(t.start..t.end) != Some("."));
            if last.kind != TokenKind::Word || punct_inside {
                continue;
            }
            let end = strip_possessive(text, last.start, last.end);
            // Include the dot of an abbreviation ("Tenn.").
            let dot_end = tokens
                .get(q + n)
                .filter(|t| text.get(t.start..t.end) == Some(".") && t.start == last.end)
                .map(|t| t.end);
            key.clear();
            fold(text.get(first.start..end).unwrap_or(""), &mut key);
            let mut ids: Vec<u32> = self
                .gaz
                .exact_ids(&key)
                .iter()
                .copied()
                .filter(|&id| self.gaz.place(id).is_some_and(|p| p.level <= Level::Admin1))
                .collect();
            let mut span_end = end;
            if ids.is_empty() {
                ids = self.gaz.abbrev_ids(&key).to_vec();
                if let Some(d) = dot_end {
                    span_end = d;
                }
            }
            if ids.is_empty() || overlaps_taken(first.start, span_end) {
                continue;
            }
            let Some(place) = out.last_mut() else { return };
            let inside: Vec<u32> = place
                .ids
                .iter()
                .copied()
                .filter(|&c| {
                    self.gaz.place(c).is_some_and(|cp| {
                        ids.iter().any(|&r| {
                            self.gaz.place(r).is_some_and(|rp| match rp.level {
                                Level::Country => rp.country == cp.country && r != c,
                                Level::City => c == r,
                                _ => cp.admin1 == r,
                            })
                        })
                    })
                })
                .collect();
            if inside.is_empty() {
                return;
            }
            // The region the place lies in.
            let region = ids
                .iter()
                .copied()
                .find(|&r| {
                    inside.iter().any(|&c| {
                        self.gaz.place(c).is_some_and(|cp| {
                            self.gaz.place(r).is_some_and(|rp| {
                                cp.admin1 == r
                                    || c == r
                                    || (rp.level == Level::Country && rp.country == cp.country)
                            })
                        })
                    })
                })
                .unwrap_or(ids[0]);
            place.ids = inside;
            place.qualified = true;
            out.push(Mention {
                start: first.start,
                end: span_end,
                key: key.clone(),
                ids: vec![region],
                want: None,
                qualified: true,
                chosen: None,
            });
            return;
        }
    }
}
