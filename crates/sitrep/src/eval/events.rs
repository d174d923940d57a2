//! `sitrep eval events GOLD DIR`: the events `sitrep extract` prints, scored against a gold file
//! (`{"file", "published", "events": [...]}` per line, articles in DIR). A gold event is
//! `{"type", "date": "YYYY-MM-DD"|null, "place": str|[str]|null, "status": str|null,
//! "actors": [{"name", "role"}], "attributes": {...}, "evidence": "words of its sentence"}`.
//!
//! Matching, within one article, one-to-one and greedy in gold order:
//! 1. by evidence: a predicted event of the same type whose sentence contains the gold
//!    `evidence` (both normalised as the claims scorer does: lower case, `’` as `'`, whitespace
//!    collapsed; an empty evidence matches nothing);
//! 2. then, for the gold events still unmatched: a predicted event of the same type, the same
//!    date (first 10 characters; null equals null) and a matching place (the claims scorer's
//!    name rule against the predicted `place` or any name in `places`).
//!
//! Over matched pairs: `date` is right when the first 10 characters are equal (null equals
//! null); `place` by the rule above; `status` when equal after normalisation (a list of gold
//! values: any of them; null equals null); `actors` when every gold actor is found among the
//! predicted actors: its name or one of its `aliases` and a predicted actor's name, one
//! containing the other after normalisation (roles and extra predicted actors are not scored; no
//! gold actor is right). Precision is undefined
//! (null, `n/a`) when nothing is predicted, recall when there is no gold event.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use serde_json::Value;

use super::claims::{field, names_match, norm, py_repr, py_str, sentence_head};
use crate::extraction::ArticleExtractor;

/// The attributes scored over matched events.
pub const ATTRIBUTES: [&str; 4] = ["date", "place", "status", "actors"];

/// How a pair was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    Evidence,
    Fallback,
}

fn same_type(gold: &Value, pred: &Value) -> bool {
    matches!((norm(field(gold, "type")), norm(field(pred, "type"))), (Some(g), Some(p)) if g == p)
}

/// Whether the predicted event's sentence holds the gold evidence (normalised).
pub fn evidence_match(gold: &Value, pred: &Value) -> bool {
    let Some(evidence) = norm(field(gold, "evidence")).filter(|e| !e.is_empty()) else {
        return false;
    };
    same_type(gold, pred) && norm(field(pred, "sentence")).is_some_and(|s| s.contains(&evidence))
}

/// Dates equal on their first 10 characters (the day of a TIMEX3 value); null equals null.
pub fn date_match(gold: &Value, pred: &Value) -> bool {
    match (field(gold, "date"), field(pred, "date")) {
        (Value::Null, Value::Null) => true,
        (Value::String(g), Value::String(p)) => g.chars().take(10).eq(p.chars().take(10)),
        _ => false,
    }
}

/// The gold place against the predicted `place`: its canonical name, or the words the text
/// used for it (the `text` of the `places` entry that is the main place).
pub fn place_match(gold: &Value, pred: &Value) -> bool {
    let g = field(gold, "place");
    let main = field(pred, "place");
    if names_match(g, main) {
        return true;
    }
    !main.is_null()
        && field(pred, "places").as_array().is_some_and(|ps| {
            ps.iter()
                .any(|p| field(p, "name") == main && names_match(g, field(p, "text")))
        })
}

/// The gold place among any of the predicted places (name or text): enough to pair events
/// when their sentences differ.
pub fn place_among(gold: &Value, pred: &Value) -> bool {
    let g = field(gold, "place");
    if place_match(gold, pred) {
        return true;
    }
    let named = !g.is_null() && !g.as_array().is_some_and(Vec::is_empty);
    named
        && field(pred, "places").as_array().is_some_and(|ps| {
            ps.iter()
                .any(|p| names_match(g, field(p, "name")) || names_match(g, field(p, "text")))
        })
}

/// Statuses equal after normalisation; a list of gold statuses: any of them.
pub fn status_match(gold: &Value, pred: &Value) -> bool {
    let p = norm(field(pred, "status"));
    match field(gold, "status") {
        Value::Array(options) if !options.is_empty() => options.iter().any(|o| norm(o) == p),
        Value::Array(_) => p.is_none(),
        g => norm(g) == p,
    }
}

/// Every gold actor found among the predicted actors: its name, or one of its `aliases`,
/// against a predicted actor's canonical name, the words the text used for it, or its side (a
/// gold "Russia" is found in "Russian forces", side russia), one containing the other after
/// normalisation.
pub fn actors_match(gold: &Value, pred: &Value) -> bool {
    let actors = |v: &Value| field(v, "actors").as_array().cloned().unwrap_or_default();
    let name = |x: &Value| match x {
        Value::String(_) => norm(x),
        _ => norm(field(x, "name")),
    };
    let predicted: Vec<String> = actors(pred)
        .iter()
        .flat_map(|a| [name(a), norm(field(a, "text")), norm(field(a, "side"))])
        .flatten()
        .filter(|n| !n.is_empty())
        .collect();
    actors(gold).iter().all(|g| {
        let aliases = field(g, "aliases").as_array().cloned().unwrap_or_default();
        let names: Vec<String> = name(g)
            .into_iter()
            .chain(aliases.iter().filter_map(norm))
            .filter(|n| !n.is_empty())
            .collect();
        // A gold actor without a name asks for nothing.
        names.is_empty()
            || names.iter().any(|g| {
                predicted
                    .iter()
                    .any(|p| p.contains(g.as_str()) || g.contains(p.as_str()))
            })
    })
}

/// Whether a gold event and a predicted one agree on the same type, date and place.
pub fn fallback_match(gold: &Value, pred: &Value) -> bool {
    same_type(gold, pred) && date_match(gold, pred) && place_among(gold, pred)
}

fn attribute_match(attr: &str, gold: &Value, pred: &Value) -> bool {
    match attr {
        "date" => date_match(gold, pred),
        "place" => place_match(gold, pred),
        "status" => status_match(gold, pred),
        _ => actors_match(gold, pred),
    }
}

/// The matching of one article's events: pairs (gold index, predicted index, how) in gold
/// order, the gold events left unmatched and the predicted events left over, in their order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventMatch {
    pub pairs: Vec<(usize, usize, MatchedBy)>,
    pub missed: Vec<usize>,
    pub spurious: Vec<usize>,
}

/// Greedy one-to-one matching: every gold event in order takes the first unused prediction
/// its evidence matches; then the gold events left take, in order, the first unused prediction
/// of the same type, date and place.
pub fn match_events(gold: &[Value], pred: &[Value]) -> EventMatch {
    let mut used = vec![false; pred.len()];
    let mut taken: Vec<Option<(usize, MatchedBy)>> = vec![None; gold.len()];
    for (how, test) in [
        (
            MatchedBy::Evidence,
            evidence_match as fn(&Value, &Value) -> bool,
        ),
        (MatchedBy::Fallback, fallback_match),
    ] {
        for (gi, g) in gold.iter().enumerate() {
            if taken[gi].is_some() {
                continue;
            }
            if let Some(pi) = (0..pred.len()).find(|&pi| !used[pi] && test(g, &pred[pi])) {
                used[pi] = true;
                taken[gi] = Some((pi, how));
            }
        }
    }
    let mut m = EventMatch::default();
    for (gi, t) in taken.into_iter().enumerate() {
        match t {
            Some((pi, how)) => m.pairs.push((gi, pi, how)),
            None => m.missed.push(gi),
        }
    }
    m.spurious = (0..pred.len()).filter(|&i| !used[i]).collect();
    m
}

/// Counts with their scores; a score is null where undefined (no prediction, no gold).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

impl Counts {
    fn finish(&mut self) {
        let tp = self.tp as f64;
        self.precision = (self.predicted > 0).then(|| tp / self.predicted as f64);
        self.recall = (self.gold > 0).then(|| tp / self.gold as f64);
        self.f1 = (self.gold + self.predicted > 0)
            .then(|| 2.0 * tp / (self.gold + self.predicted) as f64);
    }
}

/// Accuracy of one attribute over the matched pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Accuracy {
    pub right: usize,
    pub of: usize,
    /// Null when no pair was matched.
    pub accuracy: Option<f64>,
}

/// Scores of the events evaluation.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Articles named in the gold file (after the lines that could not be read).
    pub articles: usize,
    /// Articles of which no prediction could be made (unreadable): all their events missed.
    pub unread: usize,
    #[serde(flatten)]
    pub overall: Counts,
    /// Pairs matched by evidence, and by type, date and place.
    pub by_evidence: usize,
    pub by_fallback: usize,
    /// By event type, in the order of their names.
    pub types: BTreeMap<String, Counts>,
    pub attributes: BTreeMap<String, Accuracy>,
    /// With `details`: missed and spurious events and attribute mismatches.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// Gold lines and articles that could not be read, one line each.
    pub errors: Vec<String>,
}

fn share(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_string(), |x| format!("{x:.3}"))
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "events on {} articles{}: {} gold, {} predicted; {} matched ({} by evidence, {} by \
             type, date and place), {} spurious, {} missed",
            self.articles,
            if self.unread > 0 {
                format!(" ({} unread)", self.unread)
            } else {
                String::new()
            },
            self.overall.gold,
            self.overall.predicted,
            self.overall.tp,
            self.by_evidence,
            self.by_fallback,
            self.overall.fp,
            self.overall.fn_
        )?;
        writeln!(
            f,
            "  {:<12} {:>4} {:>4} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}",
            "type", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1"
        )?;
        let overall = "overall".to_string();
        for (t, c) in self.types.iter().chain([(&overall, &self.overall)]) {
            writeln!(
                f,
                "  {:<12} {:>4} {:>4} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}",
                t,
                c.gold,
                c.predicted,
                c.tp,
                c.fp,
                c.fn_,
                share(c.precision),
                share(c.recall),
                share(c.f1)
            )?;
        }
        writeln!(
            f,
            "attribute accuracy over {} matched events:",
            self.overall.tp
        )?;
        for a in ATTRIBUTES {
            let acc = self.attributes.get(a).copied().unwrap_or_default();
            writeln!(
                f,
                "  {a:<10} {} ({}/{})",
                share(acc.accuracy),
                acc.right,
                acc.of
            )?;
        }
        write!(
            f,
            "precision {}  recall {}  F1 {}",
            share(self.overall.precision),
            share(self.overall.recall),
            share(self.overall.f1)
        )?;
        if !self.details.is_empty() {
            write!(f, "\ndetails:")?;
            for d in &self.details {
                write!(f, "\n  {d}")?;
            }
        }
        Ok(())
    }
}

/// A one-line view of an event: type, date, place.
fn describe(e: &Value) -> String {
    let place = match field(e, "place") {
        Value::Null => "-".to_string(),
        p => py_str(p),
    };
    let date = match field(e, "date") {
        Value::Null => "-".to_string(),
        d => py_str(d),
    };
    format!("{} {date} {place}", py_str(field(e, "type")))
}

/// Scores one article's predicted events (`None`: no prediction) against its gold events.
pub fn score_article(
    report: &mut Report,
    name: &str,
    gold: &[Value],
    pred: Option<&[Value]>,
    details: bool,
) {
    let mut notes = Vec::new();
    if pred.is_none() {
        report.unread += 1;
        notes.push(format!("{name}: no prediction for this article"));
    }
    let pred = pred.unwrap_or_default();
    report.articles += 1;
    let type_of = |e: &Value| py_str(field(e, "type"));
    for g in gold {
        report.overall.gold += 1;
        report.types.entry(type_of(g)).or_default().gold += 1;
    }
    for p in pred {
        report.overall.predicted += 1;
        report.types.entry(type_of(p)).or_default().predicted += 1;
    }
    let m = match_events(gold, pred);
    for &(gi, pi, how) in &m.pairs {
        let (g, p) = (&gold[gi], &pred[pi]);
        report.overall.tp += 1;
        report.types.entry(type_of(g)).or_default().tp += 1;
        match how {
            MatchedBy::Evidence => report.by_evidence += 1,
            MatchedBy::Fallback => report.by_fallback += 1,
        }
        for a in ATTRIBUTES {
            let acc = report.attributes.entry(a.to_string()).or_default();
            acc.of += 1;
            if attribute_match(a, g, p) {
                acc.right += 1;
            } else {
                let got = match a {
                    "place" => format!(
                        "{} (places {})",
                        py_repr(field(p, "place")),
                        py_repr(field(p, "places"))
                    ),
                    _ => py_repr(field(p, a)),
                };
                notes.push(format!(
                    "{name}: {} | {}: {a} gold={} got={got}",
                    describe(g),
                    sentence_head(field(g, "evidence"), 100),
                    py_repr(field(g, a)),
                ));
            }
        }
    }
    for &gi in &m.missed {
        let g = &gold[gi];
        report.overall.fn_ += 1;
        report.types.entry(type_of(g)).or_default().fn_ += 1;
        notes.push(format!(
            "{name}: MISSED {} | {}",
            describe(g),
            sentence_head(field(g, "evidence"), 100)
        ));
    }
    for &pi in &m.spurious {
        let p = &pred[pi];
        report.overall.fp += 1;
        report.types.entry(type_of(p)).or_default().fp += 1;
        notes.push(format!(
            "{name}: SPURIOUS {} | {}",
            describe(p),
            sentence_head(field(p, "sentence"), 100)
        ));
    }
    if details {
        report.details.extend(notes);
    }
}

impl Report {
    /// Computes the shares once every article is scored.
    pub fn finish(&mut self) {
        self.overall.finish();
        for c in self.types.values_mut() {
            c.finish();
        }
        for a in ATTRIBUTES {
            let acc = self.attributes.entry(a.to_string()).or_default();
            acc.accuracy = (acc.of > 0).then(|| acc.right as f64 / acc.of as f64);
        }
    }
}

/// Runs `sitrep extract` on each article the gold file names (in `dir`) and scores its events;
/// `details` lists every mismatch.
pub fn run(gold: &Path, dir: &Path, details: bool) -> Result<Report> {
    let mut report = Report::default();
    let mut errors = Vec::new();
    let articles = super::read_gold(gold, "events", &mut errors)?;
    let extraction = ArticleExtractor::new();
    for g in &articles {
        let pred = super::predicted(
            &extraction,
            dir,
            g,
            |e| {
                e.events
                    .iter()
                    .map(|ev| serde_json::to_value(ev).unwrap_or(Value::Null))
                    .collect()
            },
            &mut errors,
        );
        score_article(&mut report, &g.name, &g.items, pred.as_deref(), details);
    }
    report.finish();
    report.errors = errors;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn gold(kind: &str, date: Value, place: Value, evidence: &str) -> Value {
        json!({"type": kind, "date": date, "place": place, "status": null, "actors": [],
               "attributes": {}, "evidence": evidence})
    }

    fn pred(kind: &str, date: Value, place: Value, sentence: &str) -> Value {
        json!({"type": kind, "date": date, "place": place, "places": [], "actors": [],
               "status": null, "attributes": {}, "sentence": sentence, "rule": "test"})
    }

    #[test]
    fn evidence_inside_the_sentence() {
        let g = gold("attack", json!(null), json!(null), "drone  struck a DEPOT");
        let p = pred(
            "attack",
            json!(null),
            json!(null),
            "On Monday a drone struck a depot\nnear the port.",
        );
        assert!(evidence_match(&g, &p));
        // Another type, or words not in the sentence: no match.
        assert!(!evidence_match(
            &g,
            &pred(
                "capture",
                json!(null),
                json!(null),
                "a drone struck a depot"
            )
        ));
        assert!(!evidence_match(
            &g,
            &pred("attack", json!(null), json!(null), "a drone hit a depot")
        ));
        // An empty evidence matches nothing.
        let e = gold("attack", json!(null), json!(null), " ");
        assert!(!evidence_match(&e, &p));
    }

    #[test]
    fn dates_places_statuses_actors() {
        let g = gold(
            "attack",
            json!("2024-05-02"),
            json!(["Kharkiv", "Ukraine"]),
            "x",
        );
        let mut p = pred(
            "attack",
            json!("2024-05-02TNI"),
            json!("Kharkiv Oblast"),
            "y",
        );
        assert!(date_match(&g, &p));
        assert!(place_match(&g, &p));
        p["date"] = json!("2024-05");
        assert!(!date_match(&g, &p));
        assert!(date_match(
            &gold("attack", json!(null), json!(null), "x"),
            &pred("attack", json!(null), json!(null), "y")
        ));
        // A place found among `places` pairs events, but the main place is what is scored;
        // the words the text used for the main place count as its name.
        p["place"] = json!("Izium");
        assert!(!place_match(&g, &p));
        p["places"] = json!([{"role": "location", "name": "Ukraine", "text": "Ukraine"}]);
        assert!(!place_match(&g, &p) && place_among(&g, &p));
        p["place"] = json!("Kharkov Oblast");
        p["places"] = json!([{"role": "location", "name": "Kharkov Oblast", "text": "Kharkiv"}]);
        assert!(place_match(&g, &p));
        // Statuses: normalised equality, list as any of.
        let s = json!({"status": ["agreed", "Declared"]});
        assert!(status_match(&s, &json!({"status": "declared"})));
        assert!(!status_match(&s, &json!({"status": "proposed"})));
        assert!(status_match(&json!({"status": null}), &json!({})));
        // Actors: every gold name among the predicted names, by containment.
        let ga = json!({"actors": [{"name": "Russia", "role": "perpetrator"}, {"name": "Ukrainian army", "role": "victim"}]});
        let pa = json!({"actors": [{"name": "Russian forces", "role": "perpetrator", "side": "russia"}, {"name": "army", "role": "victim"}]});
        assert!(actors_match(&ga, &pa));
        let pa = json!({"actors": [{"name": "Russian forces", "role": "perpetrator"}]});
        assert!(!actors_match(&ga, &pa));
        // The words of the text and the side are names too.
        let gk = json!({"actors": [{"name": "Kyiv"}, {"name": "Russia"}]});
        let pk = json!({"actors": [
            {"name": "Government of Ukraine", "text": "Kyiv", "side": "ukraine"},
            {"name": "Russian Ministry of Defence", "text": "the ministry", "side": "russia"}
        ]});
        assert!(actors_match(&gk, &pk));
        // A gold actor's aliases are acceptable names too.
        let ga = json!({"actors": [{"name": "Russia", "aliases": ["Moscow", "Kremlin"]}]});
        assert!(actors_match(
            &ga,
            &json!({"actors": [{"name": "the Kremlin"}]})
        ));
        assert!(!actors_match(&ga, &json!({"actors": [{"name": "Kyiv"}]})));
        assert!(actors_match(&json!({"actors": []}), &pa));
    }

    #[test]
    fn one_to_one_evidence_first() {
        let golds = [
            gold(
                "attack",
                json!("2024-05-02"),
                json!("Kharkiv"),
                "shelled the market",
            ),
            gold(
                "attack",
                json!("2024-05-02"),
                json!("Kharkiv"),
                "hit a school",
            ),
            gold("ceasefire", json!(null), json!(null), "agreed to a truce"),
        ];
        let preds = [
            // Matches gold 0 by type, date and place, and gold 1 by evidence.
            pred(
                "attack",
                json!("2024-05-02"),
                json!("Kharkiv"),
                "Missiles hit a school.",
            ),
            pred(
                "attack",
                json!("2024-05-02"),
                json!("Kharkiv"),
                "Troops shelled the market.",
            ),
            pred(
                "attack",
                json!("2024-05-02"),
                json!("Kharkiv"),
                "Another strike.",
            ),
        ];
        let m = match_events(&golds, &preds);
        assert_eq!(
            m.pairs,
            vec![(0, 1, MatchedBy::Evidence), (1, 0, MatchedBy::Evidence)]
        );
        assert_eq!(m.missed, vec![2]);
        assert_eq!(m.spurious, vec![2]);
        // Without evidence in any sentence, the fallback pairs them in order, once each.
        let golds = [
            gold("attack", json!("2024-05-02"), json!("Kharkiv"), "zzz"),
            gold("attack", json!("2024-05-02"), json!("Kharkiv"), "yyy"),
            gold("attack", json!("2024-05-02"), json!("Kharkiv"), "xxx"),
        ];
        let m = match_events(&golds, &preds[..2]);
        assert_eq!(
            m.pairs,
            vec![(0, 0, MatchedBy::Fallback), (1, 1, MatchedBy::Fallback)]
        );
        assert_eq!(m.missed, vec![2]);
        assert!(m.spurious.is_empty());
    }

    #[test]
    fn no_prediction_scores() {
        let golds = [gold("attack", json!(null), json!(null), "x")];
        let mut r = Report::default();
        score_article(&mut r, "a.txt", &golds, Some(&[]), true);
        r.finish();
        assert_eq!(r.overall.precision, None);
        assert_eq!(r.overall.recall, Some(0.0));
        assert_eq!(r.overall.f1, Some(0.0));
        assert_eq!(r.attributes["date"].accuracy, None);
        assert_eq!(r.details, vec!["a.txt: MISSED attack - - | x"]);
        let text = r.to_string();
        assert!(
            text.contains("precision n/a  recall 0.000  F1 0.000"),
            "{text}"
        );
    }
}
