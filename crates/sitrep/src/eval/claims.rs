//! `sitrep eval claims GOLD DIR`: the claims `sitrep extract` prints, scored against a gold file
//! (`{"file", "published", "claims": [...]}` per line, articles in DIR) exactly as
//! `shared/tools/score_claims.py` scores them.
//!
//! Within one article, gold claims are matched in gold order, each to the unmatched predicted
//! claim of the same metric and value (within 0.5% of the gold value; a vague gold figure matches
//! any vague prediction) whose sentence shares the most words with the gold sentence (first of
//! equals). Over the matched pairs, each attribute is right when: `place`, `source`: the
//! normalised names are equal or one contains the other (a list of gold names: any of them; a
//! null or empty gold: the prediction is null or empty); `hedged`: the same truth; the others:
//! equal after normalisation (lower case, `’` as `'`, whitespace collapsed). The helpers below
//! reproduce Python's `str`, `float`, `repr` and `json.dumps` of JSON values where the script
//! relies on them, so that both scorers give the same counts on any input the script accepts.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

use anyhow::Result;
use serde::Serialize;
use serde_json::Value;

use crate::extraction::ArticleExtractor;

/// The attributes scored over matched claims, in the order of `score_claims.py`.
pub const ATTRIBUTES: [&str; 7] = [
    "value_kind",
    "group",
    "side",
    "place",
    "as_of",
    "source",
    "hedged",
];

static NULL: Value = Value::Null;

/// The field `key` of a JSON object; null when absent (Python's `dict.get`).
pub fn field<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key).unwrap_or(&NULL)
}

/// Python's `str.isspace`: Unicode white space and the four information separators.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `" ".join(s.lower().replace("’", "'").split())`.
pub fn norm_str(s: &str) -> String {
    let lower = s.to_lowercase().replace('’', "'");
    let mut out = String::with_capacity(lower.len());
    for w in lower.split(py_space).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The script's `norm`: `None` for null, else the normalised `str()` of the value.
pub fn norm(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(norm_str(s)),
        other => Some(norm_str(&py_str(other))),
    }
}

/// Python's truth of a JSON value.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `==` between JSON values (numbers and booleans compare by value).
fn py_eq(a: &Value, b: &Value) -> bool {
    let num = |v: &Value| match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        _ => None,
    };
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| py_eq(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(v, w)))
        }
        _ => matches!((num(a), num(b)), (Some(x), Some(y)) if x == y),
    }
}

/// Python's `repr` of a float.
fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let a = x.abs();
    if a != 0.0 && !(1e-4..1e16).contains(&a) {
        let e = format!("{x:e}");
        let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    if x.fract() == 0.0 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

fn py_number(n: &serde_json::Number) -> String {
    if n.is_f64() {
        py_float_repr(n.as_f64().unwrap_or(f64::NAN))
    } else {
        n.to_string()
    }
}

/// Python's `repr` of a string.
fn py_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr` of a JSON value.
pub fn py_repr(v: &Value) -> String {
    match v {
        Value::String(s) => py_repr_str(s),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", py_repr_str(k), py_repr(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => py_str(other),
    }
}

/// Python's `str` of a JSON value.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => py_number(n),
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `json.dumps` with its default separators and ASCII escapes.
fn py_json(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if n.is_f64() && x.is_nan() => "NaN".into(),
            Some(x) if n.is_f64() && x.is_infinite() => {
                if x > 0.0 { "Infinity" } else { "-Infinity" }.into()
            }
            _ => py_number(n),
        },
        Value::String(s) => {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    '\u{8}' => out.push_str("\\b"),
                    '\u{c}' => out.push_str("\\f"),
                    c if c.is_ascii() && (c as u32) >= 0x20 => out.push(c),
                    c => {
                        let mut buf = [0u16; 2];
                        for unit in c.encode_utf16(&mut buf) {
                            out.push_str(&format!("\\u{unit:04x}"));
                        }
                    }
                }
            }
            out.push('"');
            out
        }
        Value::Array(a) => format!("[{}]", a.iter().map(py_json).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, v)| format!("{}: {}", py_json(&Value::String(k.clone())), py_json(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Python's `float()` of a JSON value, `None` where it raises.
fn py_float(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let t = s.trim_matches(py_space);
            // Underscores are allowed between digits only.
            let b = t.as_bytes();
            let ok = b.iter().enumerate().all(|(i, &c)| {
                c != b'_'
                    || (i > 0
                        && b[i - 1].is_ascii_digit()
                        && b.get(i + 1).is_some_and(u8::is_ascii_digit))
            });
            if !ok {
                return None;
            }
            t.replace('_', "").parse().ok()
        }
        _ => None,
    }
}

/// The script's `value_match`: both vague, or the values within 0.5% of the gold value.
pub fn value_match(gold: &Value, pred: &Value) -> bool {
    let vague = Value::String("vague".into());
    if py_eq(field(gold, "value_kind"), &vague) && py_eq(field(pred, "value_kind"), &vague) {
        return true;
    }
    let (Some(g), Some(p)) = (
        gold.get("value").and_then(py_float),
        pred.get("value").and_then(py_float),
    ) else {
        return false;
    };
    if g == 0.0 {
        return p == 0.0;
    }
    (g - p).abs() <= 0.005 * g.abs()
}

/// The script's `names_match`: a gold name (or any of a list of names) equal to the predicted
/// one or containing it or contained in it, after normalisation; a null or empty gold matches a
/// null or empty prediction only.
pub fn names_match(gold: &Value, pred: &Value) -> bool {
    let empty = |v: &Value| v.is_null() || v.as_str() == Some("");
    if gold.is_null() || gold.as_array().is_some_and(Vec::is_empty) {
        return empty(pred);
    }
    if empty(pred) {
        return false;
    }
    let p = match pred {
        Value::String(s) => norm_str(s),
        other => norm_str(&py_json(other)),
    };
    let options = match gold {
        Value::Array(a) => a.as_slice(),
        one => std::slice::from_ref(one),
    };
    // A null among the gold names would stop the script; here it matches nothing.
    options
        .iter()
        .filter_map(norm)
        .any(|o| o == p || p.contains(&o) || o.contains(&p))
}

/// The script's `attr_match` for one attribute of a matched pair.
pub fn attribute_match(attr: &str, gold: &Value, pred: &Value) -> bool {
    let (g, p) = (field(gold, attr), field(pred, attr));
    match attr {
        "place" | "source" => names_match(g, p),
        "hedged" => truthy(g) == truthy(p),
        _ => norm(g) == norm(p),
    }
}

/// The words of a sentence, normalised, as a set.
fn words(v: &Value) -> HashSet<String> {
    if !truthy(v) {
        return HashSet::new();
    }
    norm(v)
        .unwrap_or_default()
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The matching of one article's claims: pairs (gold index, predicted index) in gold order,
/// the gold claims left unmatched and the predicted claims left over, in their order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMatch {
    pub pairs: Vec<(usize, usize)>,
    pub missed: Vec<usize>,
    pub spurious: Vec<usize>,
}

/// The script's `match_article`: greedy and one-to-one in gold order; among the unmatched
/// predictions of the same metric and a matching value, the one whose sentence shares the
/// largest share of words (Jaccard) with the gold sentence, the first of equals.
pub fn match_article(gold: &[Value], pred: &[Value]) -> ArticleMatch {
    let mut used = vec![false; pred.len()];
    let mut m = ArticleMatch::default();
    for (gi, g) in gold.iter().enumerate() {
        let gw = words(field(g, "sentence"));
        let mut best: Option<(usize, f64)> = None;
        for (pi, p) in pred.iter().enumerate() {
            if used[pi] || !py_eq(field(p, "metric"), field(g, "metric")) || !value_match(g, p) {
                continue;
            }
            let pw = words(field(p, "sentence"));
            let inter = gw.intersection(&pw).count();
            let union = gw.union(&pw).count();
            let score = inter as f64 / union.max(1) as f64;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((pi, score));
            }
        }
        match best {
            Some((pi, _)) => {
                used[pi] = true;
                m.pairs.push((gi, pi));
            }
            None => m.missed.push(gi),
        }
    }
    m.spurious = (0..pred.len()).filter(|&i| !used[i]).collect();
    m
}

/// Matched, spurious and missed counts with their scores (0 where undefined, as the script).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Counts {
    fn finish(&mut self) {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        self.precision = if self.tp + self.fp > 0 {
            tp / (tp + fp)
        } else {
            0.0
        };
        self.recall = if self.tp + self.fn_ > 0 {
            tp / (tp + fn_)
        } else {
            0.0
        };
        self.f1 = if self.precision + self.recall > 0.0 {
            2.0 * self.precision * self.recall / (self.precision + self.recall)
        } else {
            0.0
        };
    }
}

/// Scores of the claims evaluation. `tp`, `fp`, `fn`, `precision`, `recall`, `f1` and
/// `attributes` are the figures of `score_claims.py --json` (unrounded).
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Articles named in the gold file (after the lines that could not be read).
    pub articles: usize,
    /// Articles of which no prediction could be made (unreadable): all their claims missed.
    pub unread: usize,
    pub gold: usize,
    pub predicted: usize,
    #[serde(flatten)]
    pub overall: Counts,
    /// By metric, in the order of their names.
    pub metrics: BTreeMap<String, Counts>,
    /// Share of matched claims with each attribute right.
    pub attributes: BTreeMap<String, f64>,
    /// Matched claims with each attribute right.
    pub attributes_right: BTreeMap<String, usize>,
    /// With `details`: each article's unread note, attribute mismatches, missed and spurious
    /// claims, in the script's words and order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<String>,
    /// Gold lines and articles that could not be read, one line each.
    pub errors: Vec<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "claims on {} articles{}: {} gold, {} predicted; {} matched, {} spurious, {} missed",
            self.articles,
            if self.unread > 0 {
                format!(" ({} unread)", self.unread)
            } else {
                String::new()
            },
            self.gold,
            self.predicted,
            self.overall.tp,
            self.overall.fp,
            self.overall.fn_
        )?;
        writeln!(
            f,
            "  {:<16} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6}",
            "metric", "tp", "fp", "fn", "P", "R", "F1"
        )?;
        let overall = "overall".to_string();
        for (m, c) in self.metrics.iter().chain([(&overall, &self.overall)]) {
            writeln!(
                f,
                "  {:<16} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3}",
                m, c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
            )?;
        }
        writeln!(
            f,
            "attribute accuracy over {} matched claims:",
            self.overall.tp
        )?;
        for a in ATTRIBUTES {
            writeln!(
                f,
                "  {a:<10} {:.3} ({}/{})",
                self.attributes.get(a).copied().unwrap_or(0.0),
                self.attributes_right.get(a).copied().unwrap_or(0),
                self.overall.tp
            )?;
        }
        write!(
            f,
            "precision {:.3}  recall {:.3}  F1 {:.3}",
            self.overall.precision, self.overall.recall, self.overall.f1
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

/// The first `n` characters of a sentence field (empty when null).
pub(crate) fn sentence_head(v: &Value, n: usize) -> String {
    if !truthy(v) {
        return String::new();
    }
    py_str(v).chars().take(n).collect()
}

/// Scores one article's predicted claims (`None`: no prediction) against its gold claims.
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
    report.gold += gold.len();
    report.predicted += pred.len();
    let m = match_article(gold, pred);
    report.overall.tp += m.pairs.len();
    report.overall.fn_ += m.missed.len();
    report.overall.fp += m.spurious.len();
    for &(gi, pi) in &m.pairs {
        let (g, p) = (&gold[gi], &pred[pi]);
        let metric = py_str(field(g, "metric"));
        report.metrics.entry(metric.clone()).or_default().tp += 1;
        for a in ATTRIBUTES {
            let right = report.attributes_right.entry(a.to_string()).or_default();
            if attribute_match(a, g, p) {
                *right += 1;
            } else {
                notes.push(format!(
                    "{name}: {metric} {}: {a} gold={} got={}",
                    py_str(field(g, "value")),
                    py_repr(field(g, a)),
                    py_repr(field(p, a))
                ));
            }
        }
    }
    for &gi in &m.missed {
        let g = &gold[gi];
        let metric = py_str(field(g, "metric"));
        report.metrics.entry(metric.clone()).or_default().fn_ += 1;
        notes.push(format!(
            "{name}: MISSED {metric} {} | {}",
            py_str(field(g, "value")),
            sentence_head(field(g, "sentence"), 100)
        ));
    }
    for &pi in &m.spurious {
        let p = &pred[pi];
        let metric = py_str(field(p, "metric"));
        report.metrics.entry(metric.clone()).or_default().fp += 1;
        notes.push(format!(
            "{name}: SPURIOUS {metric} {} | {}",
            py_str(field(p, "value")),
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
        for c in self.metrics.values_mut() {
            c.finish();
        }
        for a in ATTRIBUTES {
            let right = self.attributes_right.entry(a.to_string()).or_default();
            let share = if self.overall.tp > 0 {
                *right as f64 / self.overall.tp as f64
            } else {
                0.0
            };
            self.attributes.insert(a.to_string(), share);
        }
    }
}

/// Runs `sitrep extract` on each article the gold file names (in `dir`) and scores its claims;
/// `details` lists every mismatch.
pub fn run(gold: &Path, dir: &Path, details: bool) -> Result<Report> {
    let mut report = Report::default();
    let mut errors = Vec::new();
    let articles = super::read_gold(gold, "claims", &mut errors)?;
    let extraction = ArticleExtractor::new();
    for g in &articles {
        let pred = super::predicted(
            &extraction,
            dir,
            g,
            |e| {
                e.claims
                    .iter()
                    .map(|c| serde_json::to_value(c).unwrap_or(Value::Null))
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

    fn claim(metric: &str, value: Value, kind: &str, sentence: &str) -> Value {
        json!({"metric": metric, "value": value, "value_kind": kind, "sentence": sentence})
    }

    #[test]
    fn values_within_half_a_percent() {
        let g = claim("killed", json!(1000), "exact", "");
        for (v, want) in [
            (json!(1000.0), true),
            (json!(1005), true),
            (json!(995), true),
            (json!(1005.1), false),
            (json!(994), false),
            (json!("1000"), true),
            (json!(" 1_000 "), true),
            (json!("1__000"), false),
            (json!(null), false),
        ] {
            let p = claim("killed", v.clone(), "exact", "");
            assert_eq!(value_match(&g, &p), want, "{v}");
        }
        // Zero matches zero only.
        let z = claim("killed", json!(0), "exact", "");
        assert!(value_match(&z, &claim("killed", json!(0.0), "exact", "")));
        assert!(!value_match(
            &z,
            &claim("killed", json!(0.001), "exact", "")
        ));
        // No value on one side: no match.
        assert!(!value_match(&g, &json!({"metric": "killed"})));
    }

    #[test]
    fn vague_matches_vague() {
        let g = claim("displaced", json!(null), "vague", "");
        assert!(value_match(
            &g,
            &claim("displaced", json!(3000), "vague", "")
        ));
        assert!(!value_match(
            &g,
            &claim("displaced", json!(3000), "approx", "")
        ));
        // A vague prediction does not match a precise gold figure of another value.
        let g = claim("displaced", json!(200), "approx", "");
        assert!(!value_match(
            &g,
            &claim("displaced", json!(300), "vague", "")
        ));
    }

    #[test]
    fn names_any_of_a_list_and_by_containment() {
        let src = json!(["Kharkiv regional governor", "Oleh Synehubov"]);
        assert!(names_match(&src, &json!("Synehubov")));
        assert!(names_match(
            &src,
            &json!("the Kharkiv Regional  Governor said")
        ));
        assert!(!names_match(&src, &json!("the mayor")));
        assert!(names_match(&json!("Ukraine"), &json!("ukraine")));
        // Null or empty gold matches a null or empty prediction only.
        for gold in [json!(null), json!([])] {
            assert!(names_match(&gold, &json!(null)));
            assert!(names_match(&gold, &json!("")));
            assert!(!names_match(&gold, &json!("Kyiv")));
        }
        assert!(!names_match(&json!("Kyiv"), &json!(null)));
        // A null among the gold names matches nothing (the script would stop there).
        assert!(names_match(&json!([null, "Kyiv"]), &json!("Kyiv")));
        // A prediction that is not a string is compared as its JSON text.
        assert!(names_match(&json!("kyiv"), &json!(["Kyiv"])));
    }

    #[test]
    fn normalisation() {
        assert_eq!(
            norm(&json!("  Ukraine’s\u{a0}Armed\tForces ")),
            Some("ukraine's armed forces".into())
        );
        assert_eq!(norm(&json!("a\u{1f}b")), Some("a b".into()));
        assert_eq!(norm(&json!(null)), None);
        assert_eq!(norm(&json!(true)), Some("true".into()));
        assert_eq!(norm(&json!(5)), Some("5".into()));
        assert!(attribute_match(
            "group",
            &json!({"group": "Civilians"}),
            &json!({"group": "civilians"})
        ));
        assert!(attribute_match("side", &json!({}), &json!({"side": null})));
        assert!(!attribute_match(
            "side",
            &json!({"side": null}),
            &json!({"side": ""})
        ));
        assert!(attribute_match(
            "hedged",
            &json!({"hedged": 0}),
            &json!({"hedged": false})
        ));
    }

    #[test]
    fn python_spelling_of_values() {
        assert_eq!(py_str(&json!(400000.0)), "400000.0");
        assert_eq!(py_str(&json!(0.25)), "0.25");
        assert_eq!(py_str(&json!(1e16)), "1e+16");
        assert_eq!(py_str(&json!(0.00001)), "1e-05");
        assert_eq!(py_str(&json!(12)), "12");
        assert_eq!(py_repr(&json!("Kyiv")), "'Kyiv'");
        assert_eq!(py_repr(&json!("Ukraine's")), "\"Ukraine's\"");
        assert_eq!(py_repr(&json!(["a", null, true])), "['a', None, True]");
        assert_eq!(py_json(&json!(["Kyiv’s", 1])), "[\"Kyiv\\u2019s\", 1]");
    }

    #[test]
    fn greedy_one_to_one_in_gold_order() {
        let gold = [
            claim(
                "killed",
                json!(10),
                "exact",
                "Ten people were killed in Kharkiv.",
            ),
            claim(
                "killed",
                json!(10),
                "exact",
                "Ten soldiers were killed near Izium.",
            ),
            claim("injured", json!(4), "exact", "Four were hurt."),
        ];
        let pred = [
            claim(
                "killed",
                json!(10),
                "exact",
                "Ten soldiers were killed near Izium.",
            ),
            claim(
                "killed",
                json!(10),
                "exact",
                "Ten people were killed in Kharkiv.",
            ),
            claim("killed", json!(10), "exact", "Ten again."),
            claim("injured", json!(40), "exact", "Four were hurt."),
        ];
        let m = match_article(&gold, &pred);
        // Each gold claim takes the prediction whose sentence it shares most words with.
        assert_eq!(m.pairs, vec![(0, 1), (1, 0)]);
        assert_eq!(m.missed, vec![2]);
        assert_eq!(m.spurious, vec![2, 3]);
        // A prediction is used once: a second gold claim of the same figure is missed.
        let m = match_article(&[gold[0].clone(), gold[0].clone()], &pred[1..2]);
        assert_eq!(m.pairs, vec![(0, 0)]);
        assert_eq!(m.missed, vec![1]);
        // Equal overlap: the first prediction wins.
        let m = match_article(
            &gold[2..],
            &[
                pred[3].clone(),
                claim("injured", json!(4), "exact", "x"),
                claim("injured", json!(4), "exact", "y"),
            ],
        );
        assert_eq!(m.pairs, vec![(0, 1)]);
    }

    #[test]
    fn scores_and_details() {
        let gold = [
            json!({"metric": "killed", "value": 3, "place": ["Kharkiv", "Ukraine"], "source": null, "hedged": false, "sentence": "s"}),
            json!({"metric": "killed", "value": 9, "sentence": "gone"}),
        ];
        let pred = [
            json!({"metric": "killed", "value": 3.0, "place": "Kharkiv", "source": "police", "hedged": false, "sentence": "s"}),
        ];
        let mut r = Report::default();
        score_article(&mut r, "a.txt", &gold, Some(&pred), true);
        score_article(&mut r, "b.txt", &gold[..1], None, true);
        r.finish();
        assert_eq!((r.overall.tp, r.overall.fp, r.overall.fn_), (1, 0, 2));
        assert_eq!(r.unread, 1);
        assert!((r.overall.recall - 1.0 / 3.0).abs() < 1e-12);
        assert_eq!(r.attributes["place"], 1.0);
        assert_eq!(r.attributes["source"], 0.0);
        assert_eq!(
            r.details,
            vec![
                "a.txt: killed 3: source gold=None got='police'",
                "a.txt: MISSED killed 9 | gone",
                "b.txt: no prediction for this article",
                "b.txt: MISSED killed 3 | s",
            ]
        );
    }
}
