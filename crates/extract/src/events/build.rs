//! Building one event from a trigger in a sentence: the fields every event has (date, places,
//! actors, status, source, hedge), then the attributes of its type.

use std::collections::BTreeMap;

use annotate::{EntityKind, MentionForm, TimeType, TokenKind};
use serde_json::Value;

use super::lexicon::{EventLexicon, Labelled, Trigger};
use super::view::{View, can_act, is_party};
use crate::{Actor, Claim, Event, EventKind, EventPlace, Evidence};

/// How far (in tokens) a verb's subject or object may stand from it.
const ARGUMENT_WINDOW: usize = 12;
/// How far (in tokens) a status word may stand from its trigger.
const STATUS_WINDOW: usize = 8;
/// How far back (in tokens) a place's role word may stand ("in the besieged city of X").
const ROLE_WINDOW: usize = 5;
/// How many words a free-text attribute (a topic, a charge, a condition) may take.
const PHRASE_WORDS: usize = 14;

/// Words that end a free-text attribute: a new clause starts.
const STOP_WORDS: [&str; 8] = [
    "and", "but", "while", "after", "as", "because", "which", "saying",
];

/// Words that are never the subject of a verb.
const FUNCTION_WORDS: [&str; 24] = [
    "the", "a", "an", "and", "or", "but", "that", "which", "who", "it", "he", "she", "they", "has",
    "have", "had", "was", "were", "is", "are", "also", "not", "later", "then",
];

/// Words that end the gap between a verb and its object, or a place's role word and the
/// place: a new phrase or clause starts.
const GAP_BREAKS: [&str; 14] = [
    "in", "when", "as", "after", "before", "by", "and", "or", "to", "from", "between", "with",
    "than", "while",
];

/// A trigger found in a sentence: token range and the trigger's entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found<'l> {
    pub a: usize,
    pub b: usize,
    pub trigger: &'l Trigger,
}

/// A place of the sentence with its role and whether a word gave the role.
struct RolePlace {
    entity: usize,
    a: usize,
    role: &'static str,
    cued: bool,
}

pub(crate) struct Builder<'v, 'a> {
    pub lex: &'v EventLexicon,
    pub view: &'v View<'a>,
    pub claims: &'v [Claim],
    pub si: usize,
    pub found: Found<'v>,
}

impl Builder<'_, '_> {
    fn s0(&self) -> usize {
        self.view.sentence_tokens[self.si].0
    }

    fn s1(&self) -> usize {
        self.view.sentence_tokens[self.si].1
    }

    /// The nearest occurrence of any labelled phrase in the sentence, by token distance to the
    /// trigger: (entry, first token, end token).
    fn nearest<'l, I>(&self, entries: I) -> Option<(&'l Labelled, usize, usize)>
    where
        I: Iterator<Item = &'l Labelled> + Clone,
    {
        let (s0, s1) = (self.s0(), self.s1());
        let mut best: Option<(usize, usize, &Labelled, usize, usize)> = None;
        for k in s0..s1 {
            for e in entries.clone() {
                if self.view.phrase_at(k, &e.words, s1) {
                    let end = k + e.words.len();
                    let dist = if end <= self.found.a {
                        self.found.a - end
                    } else {
                        k.saturating_sub(self.found.b)
                    };
                    let len = e.words.len();
                    if best
                        .as_ref()
                        .is_none_or(|&(d, l, ..)| dist < d || (dist == d && len > l))
                    {
                        best = Some((dist, len, e, k, end));
                    }
                }
            }
        }
        best.map(|(_, _, e, k, end)| (e, k, end))
    }

    fn evidence(
        &self,
        field: &'static str,
        rule: impl Into<String>,
        a: usize,
        b: usize,
    ) -> Evidence {
        let (start, end) = self.view.span(a, b);
        Evidence {
            field,
            rule: rule.into(),
            start,
            end,
        }
    }

    /// Builds the event, or `None` when the trigger lacks what its type needs (an attack
    /// without a target or a place, a capture without a place, a contact without two parties).
    pub fn build(&self) -> Option<Event> {
        let kind = self.found.trigger.kind;
        let (ta, tb) = (self.found.a, self.found.b);
        let mut evidence = vec![self.evidence(
            "type",
            format!("trigger:{}", self.found.trigger.words.join(" ")),
            ta,
            tb,
        )];
        let mut rule = format!(
            "trigger-{}:{}",
            if self.found.trigger.verb {
                "verb"
            } else {
                "noun"
            },
            kind.as_str()
        );
        // "in shelled cities", "the bombed theatre": a verb used as an adjective reports no
        // event of its own.
        if self.found.trigger.verb
            && ta > self.s0()
            && self
                .lex
                .cues("adjectival")
                .any(|c| c.words.len() == 1 && c.words[0] == self.view.words[ta - 1])
        {
            return None;
        }
        // "air raid sirens", "halt strikes": the trigger names no event that happened.
        let word_is = |k: usize, label: &str| {
            self.view.words.get(k).map(|w| w.as_ref()).is_some_and(|w| {
                self.lex
                    .cues(label)
                    .any(|c| c.words.len() == 1 && c.words[0] == w)
            })
        };
        if (tb < self.s1() && word_is(tb, "not-event-after"))
            || (ta > self.s0() && word_is(ta - 1, "not-event-before"))
            || (ta > self.s0() + 1 && word_is(ta - 2, "not-event-before"))
        {
            return None;
        }
        // "could hit exports", "threatened to seize": an attack or a capture that has not
        // happened is no event.
        if matches!(kind, EventKind::Attack | EventKind::Capture)
            && self.found.trigger.verb
            && ta > self.s0()
            && word_is(ta - 1, "modal")
        {
            return None;
        }
        // "the earthquake struck": a disaster, not an attack.
        if kind == EventKind::Attack
            && (ta.saturating_sub(3).max(self.s0())..ta).any(|k| word_is(k, "natural"))
        {
            return None;
        }
        // "called the strike a war crime": an accusation only with a charge.
        if self.found.trigger.needs_charge {
            let end = self.s1().min(tb + 8);
            let charged = (tb..end).any(|k| {
                self.lex
                    .charges
                    .iter()
                    .any(|c| self.view.phrase_at(k, &c.words, self.s1()))
            });
            if !charged {
                return None;
            }
        }
        // "its aircraft had not struck any targets": what did not happen is no event (a
        // denial reports it).
        if self.found.trigger.verb
            && matches!(
                kind,
                EventKind::Attack | EventKind::Capture | EventKind::Evacuation
            )
            && self.negated(ta)
        {
            return None;
        }
        // "rejected the claims": a rejection is a denial only of something claimed.
        if kind == EventKind::Denial && self.found.trigger.weak {
            let window = tb..self.s1().min(tb + 6);
            let claimed = self.lex.cues("claim-noun").any(|c| {
                window
                    .clone()
                    .any(|k| self.view.phrase_at(k, &c.words, self.s1()))
            });
            if !claimed {
                return None;
            }
        }
        let mut attributes: BTreeMap<String, Value> = BTreeMap::new();
        let mut actors: Vec<Actor> = Vec::new();
        let places = self.places();
        let mut variants: Vec<&str> = Vec::new();

        // Status.
        let status_cues = self.lex.status.iter().filter(|c| c.kind == kind);
        let mut status = self.lex.default_status.get(&kind).cloned();
        let (s0, s1) = (self.s0(), self.s1());
        let mut best: Option<(usize, usize, usize, &str)> = None;
        for k in s0..s1 {
            for c in status_cues.clone() {
                if self.view.phrase_at(k, &c.words, s1) && !(k >= ta && k < tb) {
                    let end = k + c.words.len();
                    let dist = if end <= ta {
                        ta - end
                    } else {
                        k.saturating_sub(tb)
                    };
                    // A status word speaks of the trigger only in its clause, close to it.
                    let (from, to) = if end <= ta { (end, ta) } else { (tb, k) };
                    if dist > STATUS_WINDOW || (from..to).any(|x| self.view.clause_break(x)) {
                        continue;
                    }
                    if best.is_none_or(|(d, ..)| dist < d) {
                        best = Some((dist, k, end, &c.status));
                    }
                }
            }
        }
        if let Some((_, k, end, s)) = best {
            // "no agreement was reached on a ceasefire": what was not agreed is only proposed.
            let negated = self.negated(k)
                && matches!(s, "agreed" | "declared" | "opened" | "held" | "completed");
            // "was not opened": a corridor that did not open failed.
            let s = match (negated, s) {
                (true, "opened") => "failed",
                (true, _) => "proposed",
                (false, s) => s,
            };
            status = Some(s.to_owned());
            let rule = if negated {
                format!("status-cue-negated:{s}")
            } else {
                format!("status-cue:{s}")
            };
            evidence.push(self.evidence("status", rule, k, end));
        }

        // Date and window.
        let (date, date_end) = self.date(&mut evidence, &mut attributes);
        let source = self.source(&mut evidence);

        let place_of = |p: &RolePlace| {
            let e = self.view.entity(p.entity);
            EventPlace {
                role: p.role,
                name: e.name.clone(),
                text: self.view.text[e.start..e.end].to_owned(),
                geonameid: e.geo.as_ref().and_then(|g| g.geonameid),
                lat: e.geo.as_ref().map(|g| g.lat),
                lon: e.geo.as_ref().map(|g| g.lon),
                country: e.geo.as_ref().and_then(|g| g.country.clone()),
            }
        };
        let main_place: Option<&RolePlace>;
        let status_text: String = status.clone().unwrap_or_default();
        let local = |p: &&RolePlace| {
            self.view
                .entity(p.entity)
                .geo
                .as_ref()
                .is_some_and(|g| g.level != "country")
        };
        let with_role = |role: &'static str| places.iter().filter(move |p| p.role == role);

        match kind {
            EventKind::Talks => {
                // The venue: a place after "in" or "at", a town before a country.
                main_place = with_role("location")
                    .filter(|p| p.cued && p.a >= tb)
                    .find(local)
                    .or_else(|| with_role("location").filter(|p| p.cued).find(local))
                    .or_else(|| with_role("location").find(|p| p.cued));
                let venue = main_place.map(|p| p.entity);
                for (i, a, b) in self.view.entities_in(self.si) {
                    let e = self.view.entity(i);
                    if Some(i) == venue || !self.negotiating_party(e) {
                        continue;
                    }
                    self.push_actor(&mut actors, e, "party");
                    evidence.push(self.evidence("actors", "party", a, b));
                }
                // "Russian and Ukrainian delegations": demonyms name the parties.
                {
                    for k in self.s0()..self.s1() {
                        let w = &self.view.words[k];
                        if w.len() > 2
                            && let Some(side) = self.lex.sides.get(w.as_ref() as &str)
                            && !actors.iter().any(|a| a.side.as_ref() == Some(side))
                        {
                            actors.push(Actor::phrase(
                                capitalised(side),
                                "party",
                                Some(side.clone()),
                            ));
                            evidence.push(self.evidence("actors", "party-demonym", k, k + 1));
                        }
                    }
                }
                if let Some((i, a, b)) = self.after_cue("mediator") {
                    let e = self.view.entity(i);
                    actors.retain(|x| x.name != e.name);
                    self.push_actor(&mut actors, e, "mediator");
                    attributes.insert("mediator".into(), Value::from(e.name.clone()));
                    evidence.push(self.evidence("actors", "mediator", a, b));
                }
                if let Some((c, a, b)) = self.nearest(self.lex.cues("mode")) {
                    attributes.insert("mode".into(), Value::from(label_value(c)));
                    evidence.push(self.evidence("attributes.mode", c.label.clone(), a, b));
                } else if main_place.is_some() {
                    attributes.insert("mode".into(), Value::from("in_person"));
                }
                for key in ["level", "outcome"] {
                    if let Some((c, a, b)) = self.nearest(self.lex.cues(key)) {
                        attributes.insert(key.into(), Value::from(label_value(c)));
                        evidence.push(self.evidence(
                            if key == "level" {
                                "attributes.level"
                            } else {
                                "attributes.outcome"
                            },
                            c.label.clone(),
                            a,
                            b,
                        ));
                    }
                }
                if status_text == "planned" {
                    variants.push("planned");
                }
            }
            EventKind::Contact => {
                for (i, a, b) in self.view.entities_in(self.si) {
                    let e = self.view.entity(i);
                    let person = e.kind == EntityKind::Person
                        || (e.kind == EntityKind::Org && e.form == MentionForm::Metonym);
                    let near = if b <= ta {
                        ta - b <= ARGUMENT_WINDOW && !(b..ta).any(|k| self.view.clause_break(k))
                    } else {
                        a.saturating_sub(tb) <= ARGUMENT_WINDOW
                            && !(tb..a).any(|k| self.view.clause_break(k))
                    };
                    if person && near {
                        self.push_actor(&mut actors, e, "participant");
                        evidence.push(self.evidence("actors", "participant", a, b));
                    }
                }
                let needed = if self.found.trigger.verb { 2 } else { 1 };
                if actors.len() < needed {
                    return None;
                }
                main_place = with_role("location").filter(|p| p.cued).find(local);
                if let Some((c, a, b)) = self.nearest(self.lex.cues("phone")) {
                    variants.push("phone");
                    attributes.insert("mode".into(), Value::from("phone"));
                    evidence.push(self.evidence("attributes.mode", c.label.clone(), a, b));
                }
                if let Some(t) = self.times(TimeType::Duration).next() {
                    attributes.insert("duration".into(), Value::from(t.value.clone()));
                }
                if let Some((_, _, end)) = self.nearest(self.lex.cues("topic"))
                    && let Some((text, a, b)) = self.phrase_from(end)
                    && !self.holds_time(a, b)
                {
                    attributes.insert("topic".into(), Value::from(text));
                    evidence.push(self.evidence("attributes.topic", "topic", a, b));
                }
            }
            EventKind::Ceasefire | EventKind::Corridor => {
                for (i, a, b) in self.view.entities_in(self.si) {
                    let e = self.view.entity(i);
                    if self.warring_party(e) && e.kind != EntityKind::Place {
                        self.push_actor(&mut actors, e, "party");
                        evidence.push(self.evidence("actors", "party", a, b));
                    }
                }
                if kind == EventKind::Corridor {
                    let routed = places.iter().any(|p| p.role != "location");
                    if self.found.trigger.weak && best.is_none() && !routed {
                        return None;
                    }
                    for role in ["from", "to", "via"] {
                        if let Some(p) = with_role(role).next() {
                            let name = self.view.entity(p.entity).name.clone();
                            attributes.insert(role.into(), Value::from(name));
                        }
                    }
                    main_place = with_role("from")
                        .next()
                        .or_else(|| with_role("location").find(local))
                        .or_else(|| with_role("to").next());
                } else {
                    main_place = with_role("location").find(local);
                    if let Some((_, k, _)) = self.nearest(self.lex.cues("condition"))
                        && k > ta
                        && let Some((text, a, b)) = self.phrase_from(k)
                    {
                        attributes.insert("conditions".into(), Value::from(text));
                        evidence.push(self.evidence("attributes.conditions", "condition", a, b));
                    }
                }
                if !status_text.is_empty() {
                    variants.push(&status_text);
                }
            }
            EventKind::Evacuation => {
                for role in ["from", "to"] {
                    if let Some(p) = with_role(role).next() {
                        let name = self.view.entity(p.entity).name.clone();
                        attributes.insert(role.into(), Value::from(name));
                    }
                }
                main_place = with_role("from")
                    .next()
                    .or_else(|| with_role("location").filter(|p| p.cued).find(local));
                if let Some(c) = self.claim_of(&["evacuated"]) {
                    attributes.insert("count".into(), number(c.value));
                    if let Some((a, b)) = self.view.token_range(c.start, c.end) {
                        evidence.push(self.evidence("attributes.count", "claim:evacuated", a, b));
                    }
                }
                let means = self.nearest(self.lex.cues("means"));
                if let Some((c, a, b)) = means {
                    attributes.insert("means".into(), Value::from(label_value(c)));
                    evidence.push(self.evidence("attributes.means", c.label.clone(), a, b));
                }
                // A figure of people evacuated is an evacuation when the sentence says how or
                // where they went; a count of people rescued from rubble is not.
                let routed = places.iter().any(|p| p.role == "from" || p.role == "to");
                let corridor = self.nearest(self.lex.cues("corridor")).is_some();
                if self.found.trigger.from_claim && !(routed || means.is_some() || corridor) {
                    return None;
                }
            }
            EventKind::Attack => {
                let target = self.nearest(self.lex.targets.iter());
                if let Some((t, a, b)) = target {
                    attributes.insert("target".into(), Value::from(t.label.clone()));
                    evidence.push(self.evidence("attributes.target", t.label.clone(), a, b));
                }
                // Without a target, the place is what was struck: it must follow the trigger
                // closely ("shelled Kharkiv", "shelling of Chernihiv"), not stand anywhere.
                main_place = if target.is_none() {
                    places.iter().filter(local).find(|p| {
                        p.a >= tb
                            && (self.plain_gap(tb, p.a, 6)
                                || (p.cued && self.plain_gap(tb, p.a.saturating_sub(1), 5)))
                    })
                } else {
                    with_role("location")
                        .filter(|p| p.a >= tb)
                        .find(local)
                        .or_else(|| with_role("location").find(local))
                        .or_else(|| places.iter().find(local))
                };
                if target.is_none() && (main_place.is_none() || self.found.trigger.weak) {
                    return None;
                }
                // "57 attacks on health care", "13 hospitals had been shelled": a count of
                // attacks is a claim, not one event.
                if self.claim_of(&["attacks"]).is_some_and(|c| {
                    self.view.token_range(c.start, c.end).is_some_and(|(a, b)| {
                        b <= ta + 1 && ta - b.min(ta) <= 3
                            || (a >= tb && a <= tb + 2)
                            || target.is_some_and(|(_, t0, _)| b <= t0 && t0 - b <= 2)
                    })
                }) {
                    return None;
                }
                let agent = self.agent();
                // "destroyed", "damaged": only with a named place and who did it or when.
                if self.found.trigger.weak
                    && !(main_place.is_some_and(|p| p.cued) && (agent.is_some() || date.is_some()))
                {
                    return None;
                }
                if let Some((i, a, b)) = agent {
                    self.push_actor(&mut actors, self.view.entity(i), "perpetrator");
                    evidence.push(self.evidence("actors", "perpetrator", a, b));
                } else if let Some((actor, k)) = self.demonym_before(ta) {
                    // "a Russian air strike", "Russian rockets struck": the demonym names who.
                    actors.push(actor);
                    evidence.push(self.evidence("actors", "perpetrator-demonym", k, k + 1));
                }
                for (metric, key) in [("killed", "killed"), ("injured", "injured")] {
                    if let Some(c) = self.claim_of(&[metric]) {
                        attributes.insert(key.into(), number(c.value));
                    }
                }
                if self.nearest(self.lex.cues("air")).is_some() {
                    variants.push("air");
                }
            }
            EventKind::Capture => {
                // "Izium fell to Russian forces", "under the control of": the place comes first.
                let passive_form = self
                    .found
                    .trigger
                    .words
                    .first()
                    .is_some_and(|w| matches!(w.as_str(), "fell" | "under"))
                    || self.passive_before();
                let plain = |from: usize, to: usize| self.plain_gap(from, to, 6);
                main_place = if passive_form {
                    places.iter().rev().find(|p| p.a < ta)
                } else {
                    places.iter().find(|p| p.a >= tb && plain(tb, p.a))
                };
                main_place?;
                let agent = if passive_form {
                    self.object()
                } else {
                    self.subject()
                };
                if let Some((i, a, b)) = agent
                    && main_place.is_none_or(|p| p.entity != i)
                {
                    self.push_actor(&mut actors, self.view.entity(i), "perpetrator");
                    evidence.push(self.evidence("actors", "perpetrator", a, b));
                }
            }
            EventKind::Accusation | EventKind::Denial => {
                let (subject_role, charge_key) = if kind == EventKind::Accusation {
                    ("accuser", "charge")
                } else {
                    ("denier", "denies")
                };
                // "X has been accused of": the subject is the accused.
                let passive = self.passive_before();
                let subject_role = if passive { "accused" } else { subject_role };
                for (i, a, b) in self.subjects() {
                    self.push_actor(&mut actors, self.view.entity(i), subject_role);
                    evidence.push(self.evidence("actors", subject_role, a, b));
                }
                // "a claim the army denied", "the RSF, which denied": a noun right before the
                // verb (or its relative pronoun), where no entity is.
                if actors.is_empty()
                    && !passive
                    && let Some((text, a, b)) = self.noun_before_trigger()
                {
                    actors.push(Actor::phrase(text, subject_role, None));
                    evidence.push(self.evidence("actors", "subject-noun", a, b));
                }
                let reciprocal = ["each other", "one another", "the other"].iter().any(|p| {
                    let words: Vec<String> = p.split(' ').map(str::to_owned).collect();
                    self.view.phrase_at(tb, &words, self.s1())
                });
                if kind == EventKind::Accusation && reciprocal {
                    // "Kyiv and Moscow each accusing the other": the places before the verb
                    // act when no actor is named.
                    if actors.is_empty() {
                        for (i, a, b) in self.view.entities_in(self.si) {
                            if b <= ta && ta - b <= 4 {
                                self.push_actor(&mut actors, self.view.entity(i), "accuser");
                                evidence.push(self.evidence("actors", "accuser-reciprocal", a, b));
                            }
                        }
                    }
                    let accusers: Vec<Actor> = actors.clone();
                    for a in accusers {
                        actors.push(Actor {
                            role: "accused",
                            ..a
                        });
                    }
                    evidence.push(self.evidence("actors", "accused-reciprocal", tb, tb + 2));
                } else if kind == EventKind::Accusation && !passive {
                    // "called the shelling a war crime": the object is the deed, not who is
                    // accused; only a named actor is ("called Putin a war criminal").
                    if let Some((i, a, b)) = self.object() {
                        self.push_actor(&mut actors, self.view.entity(i), "accused");
                        evidence.push(self.evidence("actors", "accused", a, b));
                    } else if !self.found.trigger.needs_charge
                        && let Some((text, a, b)) = self.noun_phrase_after(tb)
                    {
                        actors.push(Actor::phrase(text, "accused", None));
                        evidence.push(self.evidence("actors", "accused-phrase", a, b));
                    }
                }
                // "X has been accused of ..., according to Y": the source accuses.
                if kind == EventKind::Accusation
                    && !actors.iter().any(|a| a.role == "accuser")
                    && let Some(src) = &source
                {
                    actors.insert(0, Actor::phrase(src.clone(), "accuser", None));
                }
                if kind == EventKind::Accusation
                    && passive
                    && !actors.iter().any(|a| a.role == "accused")
                    && let Some((text, a, b)) = self.noun_phrase_before_verb()
                {
                    actors.push(Actor::phrase(text, "accused", None));
                    evidence.push(self.evidence("actors", "accused-phrase", a, b));
                }
                if actors.is_empty() {
                    return None;
                }
                let charge = self
                    .nearest(self.lex.charges.iter())
                    .filter(|(_, k, _)| *k >= tb);
                if let Some((c, a, b)) = charge {
                    attributes.insert(charge_key.into(), Value::from(c.label.clone()));
                    evidence.push(self.evidence("attributes", charge_key, a, b));
                } else if let Some((text, a, b)) = self.charge_phrase(kind) {
                    attributes.insert(charge_key.into(), Value::from(text));
                    evidence.push(self.evidence("attributes", charge_key, a, b));
                }
                main_place = with_role("location").filter(|p| p.a >= tb).find(local);
            }
        }
        if let Some(p) = main_place {
            rule.push_str(&format!("; place:{}", p.role));
            let e = self.view.entity(p.entity);
            if let Some((a, b)) = self.view.token_range(e.start, e.end) {
                evidence.push(self.evidence("place", p.role, a, b));
            }
        }
        let hedged = self.hedged(&mut evidence);
        if hedged {
            rule.push_str("; hedged");
        }
        let sentence = self.view.ann.sentences[self.si];
        let (start, end) = self.view.span(ta, tb);
        Some(Event {
            kind,
            date,
            date_end,
            place: main_place.map(|p| self.view.entity(p.entity).name.clone()),
            places: places.iter().map(place_of).collect(),
            actors,
            status,
            attributes,
            source,
            hedged,
            codes: self.lex.codes(kind, &variants),
            rule,
            evidence,
            sentence_start: sentence.start,
            sentence_end: sentence.end,
            start,
            end,
        })
    }

    /// Whether an entity is a government, a delegation or a country of the sides the lexicon
    /// knows: a party to talks. Forces and troops fight; media and aid bodies report.
    fn negotiating_party(&self, e: &annotate::Entity) -> bool {
        let armed = e.name.rsplit(' ').next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "forces" | "troops" | "military" | "army" | "soldiers"
            )
        });
        self.warring_party(e) && !armed
    }

    /// Whether an entity belongs to a side of the conflict: a country, a government (a
    /// capital standing for it), an armed organisation (`armed-org` in `cues.tsv`), or a group
    /// or body with a side in `sides.tsv`.
    fn warring_party(&self, e: &annotate::Entity) -> bool {
        let known_side = e
            .side
            .as_ref()
            .is_some_and(|s| self.lex.sides.contains_key(&s.to_lowercase()));
        match e.kind {
            EntityKind::Place => is_party(e),
            EntityKind::Org => {
                let armed = e.name.rsplit(' ').next().is_some_and(|w| {
                    let w = w.to_lowercase();
                    self.lex
                        .cues("armed-org")
                        .any(|c| c.words.len() == 1 && c.words[0] == w)
                });
                e.form == MentionForm::Metonym
                    || armed
                    || (known_side && e.name.starts_with("Government"))
            }
            EntityKind::Group => known_side,
            EntityKind::Person => false,
        }
    }

    /// The places of the sentence, each with the role its preceding word gives it.
    fn places(&self) -> Vec<RolePlace> {
        let s0 = self.s0();
        let mut out: Vec<RolePlace> = Vec::new();
        for (i, a, _) in self.view.entities_in(self.si) {
            let e = self.view.entity(i);
            if e.kind != EntityKind::Place || out.iter().any(|p| p.entity == i) {
                continue;
            }
            // A country that acts ("Russia said") is an actor, not a place of the event.
            if a + 1 < self.view.words.len()
                && self.verb_follows(a)
                && e.geo.as_ref().is_some_and(|g| g.level == "country")
            {
                continue;
            }
            let mut role = "location";
            let mut cued = false;
            'back: for k in (a.saturating_sub(ROLE_WINDOW).max(s0)..a).rev() {
                if self.view.ann.tokens[k].kind == TokenKind::Punct
                    && !matches!(self.view.word(k), "'s" | "'" | "-")
                {
                    break;
                }
                // "talks between Moscow and Kyiv": a role word further back is not this
                // place's.
                if matches!(self.view.word(k), "between" | "and" | "with" | "or") {
                    break;
                }
                for c in self.lex.cues("place") {
                    if self.view.phrase_at(k, &c.words, a) {
                        role = match label_value(c) {
                            "from" => "from",
                            "to" => "to",
                            "via" => "via",
                            _ => "location",
                        };
                        // "near X", "on X": a location, but no venue.
                        cued = label_value(c) != "near";
                        break 'back;
                    }
                }
            }
            out.push(RolePlace {
                entity: i,
                a,
                role,
                cued,
            });
        }
        out
    }

    /// Whether the word after an entity ending before token `a`… is a verb of reporting or
    /// acting: a place followed by "said", "accused", "denied" acts.
    fn verb_follows(&self, a: usize) -> bool {
        let e_end = self
            .view
            .entities
            .iter()
            .find(|&&(_, ea, _)| ea == a)
            .map_or(a + 1, |&(_, _, eb)| eb);
        let Some(w) = self.view.words.get(e_end).map(|w| w.as_ref()) else {
            return false;
        };
        self.lex
            .cues("report")
            .any(|c| c.words.first().map(String::as_str) == Some(w))
            || self
                .lex
                .status
                .iter()
                .any(|c| c.words.first().map(String::as_str) == Some(w))
            || self
                .lex
                .triggers
                .iter()
                .any(|t| t.verb && t.words.first().map(String::as_str) == Some(w))
    }

    /// The date of the event (the time expression nearest the trigger), the end of its window
    /// ("from 9 am to 9 pm"), and the window's text as an attribute.
    fn date(
        &self,
        evidence: &mut Vec<Evidence>,
        attributes: &mut BTreeMap<String, Value>,
    ) -> (Option<String>, Option<String>) {
        let s = self.view.ann.sentences[self.si];
        let (after_dateline, _) = self.view.span(self.view.dateline_end(self.si), self.s1());
        let dated: Vec<&annotate::TimeMention> = self
            .view
            .ann
            .times
            .iter()
            .filter(|t| {
                t.start >= s.start.max(after_dateline)
                    && t.end <= s.end
                    && matches!(t.kind, TimeType::Date | TimeType::Time)
                    && t.value.len() >= 4
                    && t.value.as_bytes().first().is_some_and(u8::is_ascii_digit)
                    && !self.not_date(t.start)
            })
            .collect();
        let (at, _) = self.view.span(self.found.a, self.found.b);
        let Some(first) = dated
            .iter()
            .min_by_key(|t| t.start.abs_diff(at).min(t.end.abs_diff(at)))
        else {
            return (None, None);
        };
        if let Some((a, b)) = self.view.token_range(first.start, first.end) {
            evidence.push(self.evidence("date", "time-nearest-trigger", a, b));
        }
        // A window: two times joined by "to", "until", "till", "through" or "and".
        let next = dated.iter().find(|t| t.start > first.end);
        if let Some(second) = next {
            let between = self.text_between(first.end, second.start).to_lowercase();
            let joined = matches!(
                between.trim(),
                "to" | "until" | "till" | "through" | "and" | "-" | "–"
            );
            if joined {
                // The window starts at "from" or "between" where one stands before it.
                let start = self
                    .view
                    .token_range(first.start, first.end)
                    .and_then(|(a, _)| a.checked_sub(1))
                    .filter(|&k| matches!(self.view.word(k), "from" | "between"))
                    .map_or(first.start, |k| self.view.ann.tokens[k].start);
                let window = &self.view.text[start..second.end];
                attributes.insert("window".into(), Value::from(window.trim().to_owned()));
                if let Some((a, b)) = self.view.token_range(first.start, second.end) {
                    evidence.push(self.evidence("date_end", "window", a, b));
                }
                // "from 10 am to 6 pm on March 31": a bare clock time takes the day of the
                // time that ends the window.
                let clock_only = self.view.text[first.start..first.end]
                    .to_lowercase()
                    .replace("a.m.", "")
                    .replace("p.m.", "")
                    .replace("am", "")
                    .replace("pm", "")
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | ' '));
                let start_value = match (first.value.split_once('T'), second.value.split_once('T'))
                {
                    (Some((_, clock)), Some((day, _))) if clock_only => format!("{day}T{clock}"),
                    _ => first.value.clone(),
                };
                return (Some(start_value), Some(second.value.clone()));
            }
        }
        (Some(first.value.clone()), None)
    }

    /// Whether tokens `a..b` overlap a time expression ("about an hour" is no topic).
    fn holds_time(&self, a: usize, b: usize) -> bool {
        let (start, end) = self.view.span(a, b);
        self.view
            .ann
            .times
            .iter()
            .any(|t| t.start < end && t.end > start)
    }

    /// Whether the time starting at byte `start` follows a word that makes it no date of the
    /// event ("since February 24").
    fn not_date(&self, start: usize) -> bool {
        let Some((a, _)) = self.view.token_range(start, start + 1) else {
            return false;
        };
        // The cue may stand a few words before, in the same clause: "since Moscow launched
        // its invasion two weeks ago".
        (a.saturating_sub(6).max(self.s0())..a)
            .rev()
            .take_while(|&k| self.view.ann.tokens[k].kind != TokenKind::Punct)
            .any(|k| {
                self.lex
                    .cues("not-date")
                    .any(|c| c.words.len() == 1 && c.words[0] == self.view.words[k])
            })
    }

    fn text_between(&self, a: usize, b: usize) -> &str {
        self.view.text.get(a..b).unwrap_or("")
    }

    /// The time mentions of `kind` in the sentence.
    fn times(&self, kind: TimeType) -> impl Iterator<Item = &annotate::TimeMention> + '_ {
        let s = self.view.ann.sentences[self.si];
        self.view
            .ann
            .times
            .iter()
            .filter(move |t| t.kind == kind && t.start >= s.start && t.end <= s.end)
    }

    /// The first claim of the sentence with one of `metrics`.
    fn claim_of(&self, metrics: &[&str]) -> Option<&Claim> {
        let s = self.view.ann.sentences[self.si];
        let (at, _) = self.view.span(self.found.a, self.found.b);
        self.claims
            .iter()
            .filter(|c| {
                c.start >= s.start && c.end <= s.end && metrics.contains(&c.metric.as_str())
            })
            .min_by_key(|c| c.start.abs_diff(at))
    }

    /// The words from token `k` to the end of their clause (a comma, a semicolon, a full
    /// stop), at most [`PHRASE_WORDS`] words, skipping a leading "of", "that" or "to".
    fn phrase_from(&self, k: usize) -> Option<(String, usize, usize)> {
        let s1 = self.s1();
        let mut a = k;
        while a < s1 && matches!(self.view.word(a), "of" | "that" | "to" | "the" | "for") {
            a += 1;
        }
        let mut b = a;
        while b < s1
            && b < a + PHRASE_WORDS
            && !(b > a && STOP_WORDS.contains(&self.view.word(b)))
            && !(self.view.ann.tokens[b].kind == TokenKind::Punct
                && matches!(
                    self.view.word(b),
                    "," | ";" | "." | ":" | "\"" | "”" | "—" | "(" | ")"
                ))
        {
            b += 1;
        }
        (b > a).then(|| (self.view.words_text(a, b).to_owned(), a, b))
    }

    /// What an accusation charges ("of war crimes", "for the blast"), or what a denial
    /// rejects (the words after the trigger).
    fn charge_phrase(&self, kind: EventKind) -> Option<(String, usize, usize)> {
        let tb = self.found.b;
        if kind == EventKind::Denial {
            return self.phrase_from(tb);
        }
        let s1 = self.s1();
        let of = (tb..s1.min(tb + ARGUMENT_WINDOW))
            .find(|&k| matches!(self.view.word(k), "of" | "for"))?;
        self.phrase_from(of + 1)
    }

    /// A short noun phrase right after token `k` that names no entity ("the Azov regiment"):
    /// up to "of", "for", "that" or a punctuation mark, at most six words.
    fn noun_phrase_after(&self, k: usize) -> Option<(String, usize, usize)> {
        let s1 = self.s1();
        let mut b = k;
        while b < s1
            && b < k + 6
            && self.view.ann.tokens[b].kind == TokenKind::Word
            && !matches!(self.view.word(b), "of" | "for" | "that" | "in" | "with")
        {
            b += 1;
        }
        let a = if self
            .view
            .words
            .get(k)
            .map(|w| w.as_ref())
            .is_some_and(|w| w == "the")
        {
            k + 1
        } else {
            k
        };
        (b > a).then(|| (self.view.words_text(a, b).to_owned(), a, b))
    }

    /// Whether a negation stands in the three words before token `k`, in its clause.
    fn negated(&self, k: usize) -> bool {
        let from = k.saturating_sub(3).max(self.s0());
        (from..k).any(|j| {
            self.lex
                .cues("negation")
                .any(|c| self.view.phrase_at(j, &c.words, k))
                && (j..k).all(|x| self.view.ann.tokens[x].kind != TokenKind::Punct)
        })
    }

    /// The noun right before the trigger with its determiner ("the army denied"): one or two
    /// words, not a function word.
    fn noun_before_trigger(&self) -> Option<(String, usize, usize)> {
        let mut ta = self.found.a;
        let s0 = self.s0();
        if ta >= s0 + 3
            && matches!(self.view.word(ta - 1), "which" | "who")
            && self.view.word(ta - 2) == ","
        {
            ta -= 2;
        }
        if ta == s0 || self.view.ann.tokens[ta - 1].kind != TokenKind::Word {
            return None;
        }
        let w = self.view.word(ta - 1);
        if FUNCTION_WORDS.contains(&w) {
            return None;
        }
        let mut a = ta - 1;
        if a > s0
            && self.view.ann.tokens[a - 1].kind == TokenKind::Word
            && !FUNCTION_WORDS.contains(&self.view.word(a - 1))
        {
            a -= 1;
        }
        Some((self.view.words_text(a, ta).to_owned(), a, ta))
    }

    /// A country named by a demonym in the three words before token `k`, in its clause, as a
    /// perpetrator ("a Russian air strike", "Russian rockets struck").
    fn demonym_before(&self, k: usize) -> Option<(Actor, usize)> {
        let from = k.saturating_sub(3).max(self.s0());
        (from..k).rev().find_map(|j| {
            if (j..k).any(|x| self.view.ann.tokens[x].kind == TokenKind::Punct) {
                return None;
            }
            let (code, name) = self.lex.demonyms.get(self.view.word(j))?;
            let code = code.to_lowercase();
            let side = self.lex.sides.get(&code).cloned().unwrap_or(code);
            let mut actor = Actor::phrase(name.clone(), "perpetrator", Some(side));
            actor.text = self.view.words_text(j, j + 1).to_owned();
            Some((actor, j))
        })
    }

    /// Adds an entity as an actor, once per name and role.
    fn push_actor(&self, actors: &mut Vec<Actor>, e: &annotate::Entity, role: &'static str) {
        if actors.iter().any(|a| a.name == e.name && a.role == role) {
            return;
        }
        actors.push(Actor {
            name: e.name.clone(),
            text: self.view.text[e.start..e.end].to_owned(),
            role,
            side: side_of(self.lex, e),
        });
    }

    /// Whether token `k` is an auxiliary of a passive or perfect verb.
    fn auxiliary(&self, k: usize) -> bool {
        let w = &self.view.words[k];
        matches!(w.as_ref(), "have" | "has" | "had")
            || self
                .lex
                .cues("passive")
                .any(|c| c.words.first().map(String::as_str) == Some(w))
    }

    /// The words of the subject before a passive verb ("Russian commanders have been
    /// accused"): up to six words back from the auxiliaries, stopping at punctuation.
    fn noun_phrase_before_verb(&self) -> Option<(String, usize, usize)> {
        let s0 = self.s0();
        let mut b = self.found.a;
        while b > s0 && self.auxiliary(b - 1) {
            b -= 1;
        }
        let mut a = b;
        while a > s0 && a + 6 > b && self.view.ann.tokens[a - 1].kind == TokenKind::Word {
            a -= 1;
        }
        while a < b && matches!(self.view.word(a), "the" | "a" | "an") {
            a += 1;
        }
        (b > a).then(|| (self.view.words_text(a, b).to_owned(), a, b))
    }

    /// The actor entity right after a cue of `label` (within three tokens).
    fn after_cue(&self, label: &str) -> Option<(usize, usize, usize)> {
        let (s0, s1) = (self.s0(), self.s1());
        for k in s0..s1 {
            for c in self.lex.cues(label) {
                if self.view.phrase_at(k, &c.words, s1) {
                    let end = k + c.words.len();
                    if let Some(found) = self
                        .view
                        .entities_in(self.si)
                        .find(|&(i, a, _)| a >= end && a <= end + 3 && can_act(self.view.entity(i)))
                    {
                        return Some(found);
                    }
                }
            }
        }
        None
    }

    /// The subject of the trigger: the nearest acting entity before it in its clause.
    fn subject(&self) -> Option<(usize, usize, usize)> {
        self.subjects().into_iter().next_back()
    }

    /// The subjects of the trigger: the nearest acting entity before it, with the entities
    /// joined to it by "and" or a comma ("Zelenskiy and other officials accused").
    fn subjects(&self) -> Vec<(usize, usize, usize)> {
        let ta = self.found.a;
        let s0 = self.s0();
        let before: Vec<(usize, usize, usize)> = self
            .view
            .entities_in(self.si)
            .filter(|&(i, _, b)| {
                b <= ta && ta - b <= ARGUMENT_WINDOW && can_act(self.view.entity(i))
            })
            .collect();
        let Some(&last) = before.last() else {
            return Vec::new();
        };
        // "officials said Russian shelling hit": the speaker is not the verb's subject.
        let reported = (last.2..ta).any(|k| {
            self.lex
                .cues("report")
                .any(|c| c.words.len() == 1 && c.words[0] == self.view.word(k))
        });
        if reported {
            return Vec::new();
        }
        // "the RSF, which denied": a relative pronoun right before the verb refers back.
        let relative = ta >= 2
            && last.2 + 2 == ta
            && self.view.words[ta - 2] == ","
            && matches!(self.view.word(ta - 1), "which" | "who");
        if !relative
            && (last.2..ta).any(|k| self.view.clause_break(k) || self.view.words[k] == "which")
        {
            return Vec::new();
        }
        let mut out = vec![last];
        let mut edge = last.1;
        for &(i, a, b) in before.iter().rev().skip(1) {
            let gap: Vec<&str> = (b..edge).map(|k| self.view.word(k)).collect();
            let joined = !gap.is_empty()
                && gap.len() <= 3
                && gap.iter().any(|w| matches!(*w, "and" | ","))
                && gap
                    .iter()
                    .all(|w| matches!(*w, "and" | "," | "other" | "the" | "its" | "their"));
            if !joined || a < s0 {
                break;
            }
            out.insert(0, (i, a, b));
            edge = a;
        }
        out
    }

    /// The object of the trigger: the first acting entity after it in its clause.
    fn object(&self) -> Option<(usize, usize, usize)> {
        let tb = self.found.b;
        self.view
            .entities_in(self.si)
            .filter(|&(i, a, _)| {
                a >= tb && a - tb <= ARGUMENT_WINDOW && can_act(self.view.entity(i))
            })
            .find(|&(_, a, _)| !(tb..a).any(|k| self.view.clause_break(k)))
    }

    /// Whether tokens `from..to` are at most `max` words that keep a verb next to its object:
    /// no punctuation, and no word that starts a new phrase ("in 2014 when Russia").
    fn plain_gap(&self, from: usize, to: usize, max: usize) -> bool {
        to.saturating_sub(from) <= max
            && (from..to).all(|k| {
                self.view.ann.tokens[k].kind != TokenKind::Punct
                    && !GAP_BREAKS.contains(&self.view.word(k))
            })
    }

    /// Whether a passive auxiliary stands just before the trigger ("was hit", "have been
    /// accused").
    fn passive_before(&self) -> bool {
        let ta = self.found.a;
        ta > self.s0()
            && self.lex.cues("passive").any(|c| {
                (ta.saturating_sub(2).max(self.s0())..ta)
                    .any(|k| self.view.phrase_at(k, &c.words, ta))
            })
    }

    /// Who carried out an attack: "by X" after a passive verb or a noun, else the verb's
    /// subject when it is a party.
    fn agent(&self) -> Option<(usize, usize, usize)> {
        let tb = self.found.b;
        let passive = self.passive_before();
        let by = self.view.entities_in(self.si).find(|&(i, a, _)| {
            a > tb
                && a <= tb + ARGUMENT_WINDOW
                && self.view.words[a - 1] == "by"
                && self.warring_party(self.view.entity(i))
        });
        if by.is_some() || passive || !self.found.trigger.verb {
            return by.or_else(|| {
                (!self.found.trigger.verb)
                    .then(|| self.subject())
                    .flatten()
                    .filter(|&(i, _, _)| self.warring_party(self.view.entity(i)))
            });
        }
        self.subject()
            .filter(|&(i, _, _)| self.warring_party(self.view.entity(i)))
    }

    /// Who reports the event: "according to X", or the subject of a reporting verb.
    fn source(&self, evidence: &mut Vec<Evidence>) -> Option<String> {
        let (s0, s1) = (self.s0(), self.s1());
        for k in s0..s1 {
            for c in self.lex.cues("report") {
                if !self.view.phrase_at(k, &c.words, s1) {
                    continue;
                }
                let end = k + c.words.len();
                let before = self
                    .view
                    .entities_in(self.si)
                    .filter(|&(i, _, b)| b <= k && k - b <= 2 && can_act(self.view.entity(i)))
                    .last();
                let after = self
                    .view
                    .entities_in(self.si)
                    .find(|&(i, a, _)| a >= end && a <= end + 2 && can_act(self.view.entity(i)));
                let according = c.words.first().is_some_and(|w| w == "according");
                let pick = if according { after } else { before.or(after) };
                if according && pick.is_none() {
                    // "according to the regional governor": a noun phrase names the source.
                    let mut from = end;
                    while self
                        .view
                        .words
                        .get(from)
                        .map(|w| w.as_ref())
                        .is_some_and(|w| w == "the")
                    {
                        from += 1;
                    }
                    if let Some((text, a, b)) = self.noun_phrase_after(from) {
                        evidence.push(self.evidence("source", "according-to-phrase", a, b));
                        return Some(text);
                    }
                }
                if let Some((i, a, b)) = pick {
                    let e = self.view.entity(i);
                    evidence.push(self.evidence(
                        "source",
                        format!("report:{}", c.words.join(" ")),
                        a,
                        b,
                    ));
                    return Some(match e.form {
                        MentionForm::Pronoun | MentionForm::Title => e.name.clone(),
                        _ => self.view.text[e.start..e.end].to_owned(),
                    });
                }
            }
        }
        None
    }

    /// Whether the sentence flags what it reports as unverified.
    fn hedged(&self, evidence: &mut Vec<Evidence>) -> bool {
        let (s0, s1) = (self.s0(), self.s1());
        for k in s0..s1 {
            if let Some(h) = self
                .lex
                .hedges
                .iter()
                .find(|h| self.view.phrase_at(k, h, s1))
            {
                evidence.push(self.evidence("hedged", "hedge", k, k + h.len()));
                return true;
            }
        }
        false
    }
}

/// A side's name as a party: "russia" → "Russia".
fn capitalised(side: &str) -> String {
    let mut c = side.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The value of a `key:value` label.
fn label_value(c: &Labelled) -> &str {
    c.label.split_once(':').map_or(c.label.as_str(), |(_, v)| v)
}

fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        Value::from(v as i64)
    } else {
        Value::from(v)
    }
}

/// The side of an entity, from its side code or its country (`sides.tsv`; other codes are
/// kept in lower case).
fn side_of(lex: &EventLexicon, e: &annotate::Entity) -> Option<String> {
    let code = e.side.clone().or_else(|| {
        (e.kind == EntityKind::Place)
            .then(|| e.geo.as_ref()?.country.clone())
            .flatten()
    })?;
    let code = code.to_lowercase();
    Some(lex.sides.get(&code).cloned().unwrap_or(code))
}
