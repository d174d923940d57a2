//! People by name and title: runs of capitalised name words, titles followed by a name or
//! standing alone ("Foreign Minister Sergei Lavrov", "Turkey's foreign minister"), honorifics
//! ("Mr. Sullivan"), appositive roles ("Jen Psaki, the White House press secretary,") and bare
//! names on strong evidence.

use super::lexicon::{Gender, full_key, is_initial};
use super::names::{fold_lower, name_key, strip_possessive};
use super::orgs::SideCtx;
use super::words::words;
use super::{Doc, PersonMention, Raw};

/// One word of a run of name words, as it stands in the text.
#[derive(Debug, Clone, Copy)]
enum NameWord<'t> {
    /// A capitalised name word, perhaps with a possessive "'s".
    Name(&'t str),
    /// The letter of an initial, followed by its dot.
    Initial(&'t str),
    /// "de", "van", "bin"...
    Particle(&'t str),
}

impl<'t> Doc<'t, '_> {
    /// A run of name words from `i`: (end token, words). Initials ("S.") and particles ("von")
    /// may sit inside; a possessive word ends the run.
    fn name_run(&self, i: usize) -> Option<(usize, Vec<String>)> {
        let mut words = Vec::new();
        let end = self.walk_name_run(i, |w| {
            words.push(match w {
                NameWord::Name(s) => strip_possessive(s).to_string(),
                NameWord::Initial(s) => format!("{s}."),
                NameWord::Particle(s) => s.to_string(),
            });
        })?;
        Some((end, words))
    }

    /// The end token and number of words of the run [`Doc::name_run`] finds, without making
    /// its words.
    fn name_run_len(&self, i: usize) -> Option<(usize, usize)> {
        let mut n = 0;
        let end = self.walk_name_run(i, |_| n += 1)?;
        Some((end, n))
    }

    /// Walks the run of name words from `i`, giving each word to `word`; returns the end token.
    fn walk_name_run(&self, i: usize, mut word: impl FnMut(NameWord<'t>)) -> Option<usize> {
        if !self.is_name_word(i) {
            return None;
        }
        let mut words = 0;
        let mut j = i;
        while j < self.toks.len() && words < 5 {
            if j > i && !self.same_sentence(i, j) {
                break;
            }
            if j > i && self.text[self.toks[j - 1].end..self.toks[j].start].contains('\n') {
                break;
            }
            let t = &self.toks[j];
            if self.is_name_word(j) {
                word(NameWord::Name(t.s));
                words += 1;
                j += 1;
                if t.poss {
                    break;
                }
                continue;
            }
            // An initial: "S" followed by "." and another name word.
            if words > 0
                && t.word
                && is_initial(t.s)
                && self.is_punct(j + 1, ".")
                && self.is_name_word(j + 2)
            {
                word(NameWord::Initial(t.s));
                words += 1;
                j += 2;
                continue;
            }
            if words > 0
                && t.word
                && matches!(
                    t.s,
                    "de" | "van"
                        | "von"
                        | "der"
                        | "bin"
                        | "ibn"
                        | "al"
                        | "da"
                        | "dos"
                        | "del"
                        | "la"
                        | "le"
                )
                && self.is_name_word(j + 1)
            {
                word(NameWord::Particle(t.s));
                words += 1;
                j += 1;
                continue;
            }
            break;
        }
        (words > 0).then_some(j)
    }
    /// A title, then a name: "Foreign Minister Sergei Lavrov", "the head of the delegation,
    /// David Arakhamia", "Prime Minister Naftali Bennett of Israel"; or a title alone after "the"
    /// or a side ("Turkey's foreign minister").
    pub(super) fn rule_title(
        &self,
        i: usize,
        ctx: Option<&SideCtx>,
        from: usize,
    ) -> Option<(usize, Vec<Raw>)> {
        let (tid, j) = self.title_at[i]?;
        let title = self.lx().titles.get(tid)?;
        // "Deputy Defence Minister Hanna Maliar": a prefix title joins the title after it.
        if matches!(title.role.as_deref(), Some("Deputy" | "Chief" | "Head"))
            && self.title_at.get(j).is_some_and(Option::is_some)
            && self.same_sentence(i, j)
            && let Some((e, mut raws)) = self.rule_title(j, ctx, from)
        {
            let prefix = title.role.as_deref().unwrap_or("");
            for r in &mut raws {
                match r {
                    Raw::Person(p) => {
                        p.role = p.role.as_ref().map(|x| format!("{prefix} {x}"));
                    }
                    Raw::TitleRef { role, .. } => *role = format!("{prefix} {role}"),
                    _ => {}
                }
            }
            return Some((e, raws));
        }
        let mut side = ctx.and_then(|c| c.code.clone());
        let mut country = ctx.and_then(|c| c.country);
        let person = |s: usize, e: usize, words: Vec<String>, side: Option<String>| PersonMention {
            start: self.toks[s].start,
            end: self.toks[e - 1].base_end,
            words,
            role: title.role.clone(),
            side,
            gender: title.gender,
            speaker: self.speech_after(e),
            strong: true,
        };
        // Title directly followed by the name.
        if let Some((k, words)) = self.name_run(j)
            && self.same_sentence(i, j)
            && self.org_at[j].is_none()
        {
            let mut end = k;
            if self.low(k) == "of"
                && let Some(c) = self.side_at(k + 1).filter(|c| c.country.is_some())
            {
                side = side.or(c.code.clone());
                end = c.end;
            }
            let mut p = person(j, k, words, side);
            p.speaker = p.speaker || self.speech_after(end) || self.speech_before(from);
            return Some((end, vec![Raw::Person(p)]));
        }
        // "the head of the Ukrainian delegation, David Arakhamia": the side from the "of" phrase.
        let mut k = j;
        let mut of_side_end = None;
        if matches!(self.low(j), "of" | "for" | "at" | "with") {
            k = j + 1;
            let limit = (j + 10).min(self.toks.len());
            while k < limit && self.same_sentence(j, k) && !self.is_punct(k, ",") {
                if let Some(c) = self.side_at(k) {
                    side = side.or(c.code.clone());
                    if country.is_none() {
                        country = c.country;
                    }
                    if of_side_end.is_none() {
                        of_side_end = Some(c.end);
                    }
                    k = c.end;
                    continue;
                }
                if !self.toks[k].word || self.is_punct(k, ".") {
                    break;
                }
                k += 1;
            }
        }
        if self.is_punct(k, ",")
            && let Some((e, words)) = self.name_run(k + 1)
            && words.len() >= 2
            && self.same_sentence(i, e - 1)
        {
            let mut p = person(k + 1, e, words, side);
            p.speaker = p.speaker
                || self.speech_before(from)
                || (self.is_punct(e, ",") && self.is_speech(e + 1));
            return Some((e, vec![Raw::Person(p)]));
        }
        // A title alone refers to someone named elsewhere (not the vaguest ones: "the head").
        let role = title.role.clone()?;
        if matches!(
            role.as_str(),
            "Head"
                | "Chief"
                | "Leader"
                | "Deputy"
                | "Expert"
                | "Analyst"
                | "Correspondent"
                | "Journalist"
                | "Reporter"
                | "Photographer"
                | "Activist"
                | "Professor"
                | "Director"
                | "Chair"
                | "Secretary"
                | "Captain"
                | "General"
        ) && ctx.is_none()
        {
            return None;
        }
        let after_the = from > 0 && matches!(self.low(from - 1), "the" | "his" | "her" | "its");
        if ctx.is_none() && !after_the && self.low(from) != "the" {
            return None;
        }
        // The title must end the noun phrase: "the president's plan" is fine, "the president
        // Emmanuel" is handled above, "the mayor office" is not a person.
        let end = match of_side_end {
            Some(e) if ctx.is_none() && country.is_some() => e,
            _ => j,
        };
        if self.toks.get(end).is_some_and(|t| {
            t.word
                && !t.cap
                && !self.lx().speech.contains(t.low.as_ref())
                && !words().aux.contains(&t.low.as_ref())
                && !words().modals.contains(&t.low.as_ref())
                && !matches!(
                    t.low.as_ref(),
                    "and" | "who" | "on" | "in" | "at" | "that" | "of"
                )
        }) {
            return None;
        }
        let r = Raw::TitleRef {
            start: self.toks[from].start,
            end: self.toks[end - 1].base_end,
            role,
            side,
        };
        Some((end, vec![r]))
    }

    /// "Mr. Sullivan", "Ms Stefanishyna", "Dr. Tedros".
    pub(super) fn rule_honorific(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let t = &self.toks[i];
        if !t.cap {
            return None;
        }
        let g = self.lx().honorifics.get(t.low.as_ref())?;
        let mut j = i + 1;
        if self.is_punct(j, ".") {
            j += 1;
        }
        let (e, words) = self.name_run(j)?;
        let p = PersonMention {
            start: self.toks[j].start,
            end: self.toks[e - 1].base_end,
            words,
            role: None,
            side: None,
            gender: *g,
            speaker: self.speech_after(e) || self.speech_before(i),
            strong: true,
        };
        Some((e, vec![Raw::Person(p)]))
    }

    /// A role given after a name: "Jen Psaki, the White House press secretary," → role and side.
    fn appositive(&self, e: usize) -> (Option<String>, Option<String>, Option<Gender>) {
        let none = (None, None, None);
        if !self.is_punct(e, ",") {
            return none;
        }
        let mut k = e + 1;
        if matches!(self.low(k), "the" | "a" | "an") {
            k += 1;
        }
        let mut side = None;
        let mut loose = 0;
        let limit = (k + 6).min(self.toks.len());
        while k < limit && self.same_sentence(e, k) {
            if let Some((tid, te)) = self.title_at[k] {
                let t = &self.lx().titles[tid];
                if self.name_run_len(te).is_some() {
                    return none;
                }
                return (t.role.clone(), side, t.gender);
            }
            if let Some(c) = self.side_at(k) {
                side = side.or(c.code);
                k = c.end;
                continue;
            }
            let tk = &self.toks[k];
            if !tk.word || tk.cap || self.is_speech(k) || loose >= 1 {
                break;
            }
            loose += 1;
            k += 1;
        }
        none
    }

    /// A run of capitalised words that is a person's name on strong evidence.
    pub(super) fn rule_name(&self, i: usize) -> Option<(usize, Vec<Raw>)> {
        let (e, n) = self.name_run_len(i)?;
        if n == 1 {
            let t = &self.toks[i];
            let speaker = self.speech_after(e) || self.speech_before(i);
            return Some((
                e,
                vec![Raw::Short {
                    start: t.start,
                    end: t.base_end,
                    speaker,
                }],
            ));
        }
        let (_, words) = self.name_run(i)?;
        let lx = self.lx();
        if words.len() >= 3
            && !lx.given.contains_key(&name_key(&words[0]))
            && lx.given.contains_key(&name_key(&words[1]))
        {
            return Some((i + 1, Vec::new()));
        }
        let speaker = self.speech_after(e) || self.speech_before(i);
        let key = full_key(&words.iter().map(String::as_str).collect::<Vec<_>>());
        let given = words.first().and_then(|w| lx.given.get(&name_key(w)));
        // A speech verb alone is weak evidence when a word of the run is an ordinary word of
        // the text ("Foreign Policy reported": "policy" appears in lower case).
        let common = || {
            let set = self.lower_words.get_or_init(|| {
                self.toks
                    .iter()
                    .filter(|t| t.word && !t.cap)
                    .map(|t| t.s)
                    .collect()
            });
            words
                .iter()
                .any(|w| set.contains(w.to_lowercase().as_str()))
        };
        let not_name = || {
            words
                .iter()
                .any(|w| self.tagger.not_names.contains(fold_lower(w).as_str()))
        };
        // A given name does not make "Madison County" or "Virginia State Board" a person.
        let strong = lx.people_full.contains_key(&key)
            || (given.is_some() && !not_name())
            || (speaker && !not_name() && !common());
        let (role, side, g) = self.appositive(e);
        let p = PersonMention {
            start: self.toks[i].start,
            end: self.toks[e - 1].base_end,
            words,
            role,
            side,
            gender: g.or(given.copied().flatten()),
            speaker,
            strong,
        };
        Some((e, vec![Raw::Person(p)]))
    }
}
