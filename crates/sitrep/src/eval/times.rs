//! `sitrep eval times PATH`: the time-expression tagger against annotated corpora.
//!
//! * A folder of TimeML files (`*.tml`, e.g. TimeBank) or one such file: tags are stripped from
//!   the `<TEXT>` part (keeping the offsets of the inline `<TIMEX3>` tags), the tagger runs with
//!   the document creation time as anchor, and the report gives strict (exact span) and relaxed
//!   (overlap) span precision/recall/F1, type and value accuracy on relaxed matches, and value
//!   accuracy of matched gold DATEs. The creation-time tag itself is not scored.
//! * A folder of Microsoft Recognizers-Text date/time test files (`*.json`) or one such file:
//!   the share of in-scope expected results that a mention overlaps with an equal value. In
//!   scope: cases marked neither `NotSupported` nor `NotSupportedByDesign` (by any port), outside
//!   the holiday file, whose expected result has a single-point value (date, time, date-time,
//!   duration, set, or a period written as one value such as `2017-04`, `2019-W10`); explicit
//!   ranges (`(start,end,duration)`) are left out, as the tagger marks the ends of a range as
//!   separate expressions. Cases without any expected result count as false-alarm checks.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use annotate::times::TimeTagger;
use annotate::{TimeMention, TimeType};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use super::Prf;

/// Scores of the times evaluation.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeml: Option<TimemlScores>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognizers: Option<RecognizersScores>,
}

/// Scores on TimeML documents.
#[derive(Debug, Default, Serialize)]
pub struct TimemlScores {
    pub documents: usize,
    pub gold: usize,
    pub predicted: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    /// Share of relaxed matches with the gold type.
    pub type_accuracy: f64,
    /// Share of relaxed matches with the gold value.
    pub value_accuracy: f64,
    /// Share of gold DATEs matched by overlap whose value is the gold value.
    pub date_value_accuracy: f64,
    pub date_matched: usize,
    /// Characters of text per second through the tagger (tokenising included).
    pub mb_per_s: f64,
}

/// Scores on Recognizers-Text cases.
#[derive(Debug, Default, Serialize)]
pub struct RecognizersScores {
    pub cases: usize,
    pub in_scope_results: usize,
    /// Expected results found with an equal value.
    pub value_matched: usize,
    pub value_accuracy: f64,
    /// Expected results overlapped by some mention (any value).
    pub span_found: usize,
    /// Cases with no expected result, and how many of them got no mention.
    pub empty_cases: usize,
    pub empty_cases_clean: usize,
    pub skipped_cases: usize,
    /// The same scores by TimeML type of the expected result (Recognizers-Text `date` and
    /// single-valued `daterange` are DATE; `time` and `datetime` are TIME).
    pub by_type: BTreeMap<String, TypeScore>,
}

/// In-scope results of one type and how many got the expected value.
#[derive(Debug, Default, Serialize)]
pub struct TypeScore {
    pub results: usize,
    pub value_matched: usize,
    pub value_accuracy: f64,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(t) = &self.timeml {
            writeln!(
                f,
                "times (TimeML): {} documents, {} gold, {} predicted",
                t.documents, t.gold, t.predicted
            )?;
            writeln!(
                f,
                "  strict span   P {:.3} R {:.3} F1 {:.3}",
                t.strict.precision, t.strict.recall, t.strict.f1
            )?;
            writeln!(
                f,
                "  relaxed span  P {:.3} R {:.3} F1 {:.3}",
                t.relaxed.precision, t.relaxed.recall, t.relaxed.f1
            )?;
            writeln!(
                f,
                "  type accuracy {:.3}  value accuracy {:.3}  DATE value accuracy {:.3} ({} DATEs)",
                t.type_accuracy, t.value_accuracy, t.date_value_accuracy, t.date_matched
            )?;
            writeln!(f, "  speed {:.1} MB/s", t.mb_per_s)?;
        }
        if let Some(r) = &self.recognizers {
            writeln!(
                f,
                "times (Recognizers-Text): {} cases, {} skipped; {} in-scope results",
                r.cases, r.skipped_cases, r.in_scope_results
            )?;
            writeln!(
                f,
                "  value matched {} ({:.3}); span found {}; empty cases clean {}/{}",
                r.value_matched, r.value_accuracy, r.span_found, r.empty_cases_clean, r.empty_cases
            )?;
            for (kind, t) in &r.by_type {
                writeln!(
                    f,
                    "  {kind:<8} {}/{} values right ({:.3})",
                    t.value_matched, t.results, t.value_accuracy
                )?;
            }
        }
        if self.timeml.is_none() && self.recognizers.is_none() {
            write!(f, "times: no scores")?;
        }
        Ok(())
    }
}

fn verbose() -> bool {
    std::env::var_os("SITREP_EVAL_VERBOSE").is_some()
}

/// Runs the evaluation on the data at `path`.
pub fn run(path: &Path) -> Result<Report> {
    let mut tml = Vec::new();
    let mut json = Vec::new();
    let files: Vec<PathBuf> = if path.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        v.sort();
        v
    } else {
        vec![path.to_path_buf()]
    };
    for f in files {
        match f.extension().and_then(|e| e.to_str()) {
            Some("tml") | Some("xml") => tml.push(f),
            Some("json") => json.push(f),
            _ => {}
        }
    }
    if tml.is_empty() && json.is_empty() {
        bail!("{}: no .tml or .json files", path.display());
    }
    let tagger = TimeTagger::new();
    let mut report = Report::default();
    if !tml.is_empty() {
        report.timeml = Some(run_timeml(&tagger, &tml)?);
    }
    if !json.is_empty() {
        report.recognizers = Some(run_recognizers(&tagger, &json)?);
    }
    Ok(report)
}

// ---- TimeML -----------------------------------------------------------------------------

/// A gold TIMEX3: byte span in the stripped text, type, value.
#[derive(Debug, Clone)]
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

/// The value of attribute `name` in the inside of a tag (`TIMEX3 tid="t1" type="DATE"`).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before_ok = at == 0 || rest[..at].ends_with(|c: char| c.is_whitespace());
        let after = rest[at + name.len()..].trim_start();
        if before_ok && let Some(v) = after.strip_prefix('=') {
            let v = v.trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let body = &v[1..];
                let close = body.find(q)?;
                return Some(&body[..close]);
            }
            let close = v
                .find(|c: char| c.is_whitespace() || c == '>')
                .unwrap_or(v.len());
            return Some(&v[..close]);
        }
        rest = &rest[at + name.len()..];
    }
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    for (ent, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if s.starts_with(ent) {
            return Some((c, ent.len()));
        }
    }
    None
}

/// A parsed TimeML document: stripped text of `<TEXT>`, gold TIMEX3s, creation date.
struct TimemlDoc {
    text: String,
    gold: Vec<Gold>,
    dct: Option<NaiveDate>,
}

fn parse_timeml(src: &str) -> TimemlDoc {
    let mut dct = None;
    // The creation time: the TIMEX3 with functionInDocument="CREATION_TIME".
    let mut pos = 0;
    while let Some(k) = src[pos..].find("<TIMEX3") {
        let s = pos + k;
        let e = src[s..].find('>').map_or(src.len(), |x| s + x);
        let tag = &src[s + 1..e];
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            dct = attr(tag, "value")
                .and_then(|v| v.get(..10))
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
            break;
        }
        pos = e;
    }
    let body = match (src.find("<TEXT>"), src.find("</TEXT>")) {
        (Some(a), Some(b)) if b > a => &src[a + 6..b],
        _ => src,
    };
    let mut text = String::with_capacity(body.len());
    let mut gold = Vec::new();
    let mut open: Vec<(usize, String, String, bool)> = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with('<') {
            let e = rest.find('>').unwrap_or(rest.len());
            let tag = rest[1..e].trim();
            if let Some(t) = tag.strip_prefix("TIMEX3") {
                let creation = attr(t, "functionInDocument") == Some("CREATION_TIME");
                let kind = attr(t, "type").unwrap_or("").to_string();
                let value = attr(t, "value").unwrap_or("").to_string();
                if !tag.ends_with('/') {
                    open.push((text.len(), kind, value, creation));
                }
            } else if tag.starts_with("/TIMEX3")
                && let Some((start, kind, value, creation)) = open.pop()
                && !creation
            {
                gold.push(Gold {
                    start,
                    end: text.len(),
                    kind,
                    value,
                });
            }
            i += (e + 1).min(rest.len());
            continue;
        }
        if rest.starts_with('&')
            && let Some((c, n)) = decode_entity(rest)
        {
            text.push(c);
            i += n;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        text.push(c);
        i += c.len_utf8();
    }
    // Trim white space at span ends (gold spans are tight; be safe).
    for g in &mut gold {
        let s = &text[g.start..g.end];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        g.start += lead;
        g.end = (g.end - trail).max(g.start);
    }
    TimemlDoc { text, gold, dct }
}

fn kind_name(k: TimeType) -> &'static str {
    match k {
        TimeType::Date => "DATE",
        TimeType::Time => "TIME",
        TimeType::Duration => "DURATION",
        TimeType::Set => "SET",
    }
}

fn tag_text(tagger: &TimeTagger, text: &str, anchor: Option<NaiveDate>) -> Vec<TimeMention> {
    let tokens = annotate::text::tokenize(text);
    let sentences = annotate::text::sentences(text);
    tagger.find(text, &sentences, &tokens, anchor)
}

fn run_timeml(tagger: &TimeTagger, files: &[PathBuf]) -> Result<TimemlScores> {
    let mut s = TimemlScores::default();
    let (mut strict_tp, mut relaxed_tp) = (0usize, 0usize);
    let (mut type_ok, mut value_ok) = (0usize, 0usize);
    let (mut date_n, mut date_ok) = (0usize, 0usize);
    let mut bytes = 0usize;
    let mut secs = 0f64;
    let verbose = verbose();
    for f in files {
        let src = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let doc = parse_timeml(src.trim_start_matches('\u{feff}'));
        let t0 = std::time::Instant::now();
        let pred = tag_text(tagger, &doc.text, doc.dct);
        secs += t0.elapsed().as_secs_f64();
        bytes += doc.text.len();
        s.documents += 1;
        s.gold += doc.gold.len();
        s.predicted += pred.len();
        let mut used = vec![false; pred.len()];
        for g in &doc.gold {
            if pred.iter().any(|p| p.start == g.start && p.end == g.end) {
                strict_tp += 1;
            }
            let m = pred
                .iter()
                .enumerate()
                .find(|(k, p)| !used[*k] && p.start < g.end && g.start < p.end);
            match m {
                Some((k, p)) => {
                    used[k] = true;
                    relaxed_tp += 1;
                    let tok = kind_name(p.kind) == g.kind;
                    let vok = p.value == g.value;
                    type_ok += usize::from(tok);
                    value_ok += usize::from(vok);
                    if g.kind == "DATE" {
                        date_n += 1;
                        date_ok += usize::from(vok);
                    }
                    if verbose && (!vok || p.start != g.start || p.end != g.end) {
                        eprintln!(
                            "DIFF\t{}\t{:?}\t{} {}\t{:?}\t{} {}",
                            doc.dct.map(|d| d.to_string()).unwrap_or_default(),
                            &doc.text[g.start..g.end],
                            g.kind,
                            g.value,
                            &doc.text[p.start..p.end],
                            kind_name(p.kind),
                            p.value
                        );
                    }
                }
                None if verbose => eprintln!(
                    "MISS\t{}\t{:?}\t{} {}\t{}",
                    doc.dct.map(|d| d.to_string()).unwrap_or_default(),
                    &doc.text[g.start..g.end],
                    g.kind,
                    g.value,
                    context(&doc.text, g.start, g.end)
                ),
                None => {}
            }
        }
        if verbose {
            for (k, p) in pred.iter().enumerate() {
                if !used[k] {
                    eprintln!(
                        "FALSE\t{:?}\t{} {}\t{}",
                        &doc.text[p.start..p.end],
                        kind_name(p.kind),
                        p.value,
                        context(&doc.text, p.start, p.end)
                    );
                }
            }
        }
    }
    s.strict = Prf::new(strict_tp as f64, s.predicted as f64, s.gold as f64);
    s.relaxed = Prf::new(relaxed_tp as f64, s.predicted as f64, s.gold as f64);
    let ratio = |a: usize, b: usize| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    s.type_accuracy = ratio(type_ok, relaxed_tp);
    s.value_accuracy = ratio(value_ok, relaxed_tp);
    s.date_value_accuracy = ratio(date_ok, date_n);
    s.date_matched = date_n;
    s.mb_per_s = if secs > 0.0 {
        bytes as f64 / 1e6 / secs
    } else {
        0.0
    };
    Ok(s)
}

/// Up to 60 bytes of text around a span, on one line.
fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(60);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (end + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    text[a..b].replace('\n', " ")
}

// ---- Recognizers-Text -------------------------------------------------------------------

/// Normalises a value for comparison: "2016-11-07 10:00:00" → "2016-11-07T10:00", "T07" →
/// "T07:00".
fn norm(v: &str) -> String {
    let mut v = v.trim().replace(' ', "T");
    if v.len() >= 3 && v.ends_with(":00") && v.matches(':').count() == 2 {
        v.truncate(v.len() - 3);
    }
    if let Some(t) = v.rfind('T') {
        let time = &v[t + 1..];
        if time.len() == 2 && time.bytes().all(|b| b.is_ascii_digit()) {
            v.push_str(":00");
        }
    }
    v
}

/// The acceptable values of one expected result (its timex and resolved values).
fn expected_values(r: &serde_json::Value) -> (Vec<String>, bool) {
    let mut out = Vec::new();
    let mut range = false;
    let mut push = |s: &str| {
        if s.starts_with('(') {
            range = true;
        } else if !s.is_empty() {
            out.push(norm(s));
        }
    };
    // Model files: Resolution.values[].{timex,value}.
    if let Some(vals) = r
        .get("Resolution")
        .and_then(|x| x.get("values"))
        .and_then(|x| x.as_array())
    {
        for v in vals {
            for k in ["timex", "value"] {
                if let Some(s) = v.get(k).and_then(|x| x.as_str()) {
                    push(s);
                }
            }
            if v.get("start").is_some() && v.get("value").is_none() {
                push("(range");
            }
        }
    }
    // Parser files: Value.Timex and the resolutions.
    if let Some(val) = r.get("Value") {
        if let Some(s) = val.get("Timex").and_then(|x| x.as_str()) {
            push(s);
        }
        for res in ["FutureResolution", "PastResolution"] {
            if let Some(o) = val.get(res).and_then(|x| x.as_object()) {
                for (k, x) in o {
                    if let Some(s) = x.as_str()
                        && matches!(k.as_str(), "date" | "time" | "datetime")
                    {
                        push(s);
                    }
                }
            }
        }
    }
    (out, range)
}

/// A duration with fractions carried down to smaller units, so that equal lengths compare
/// equal: "PT1.5H" → "PT1H30M", "P0.5Y" → "P6M". Other values are returned unchanged.
fn canonical_duration(v: &str) -> String {
    let Some(body) = v.strip_prefix('P') else {
        return v.to_string();
    };
    // (designator, amount) in order, with the time part's minutes told from months.
    let mut parts: Vec<(char, f64)> = Vec::new();
    let mut time = false;
    let mut num = String::new();
    for c in body.chars() {
        match c {
            'T' if num.is_empty() => time = true,
            '0'..='9' | '.' => num.push(c),
            'Y' | 'M' | 'W' | 'D' | 'H' | 'S' => {
                let Ok(n) = num.parse::<f64>() else {
                    return v.to_string();
                };
                num.clear();
                let unit = match (c, time) {
                    ('M', true) => 'm',
                    (u, _) => u,
                };
                parts.push((unit, n));
            }
            _ => return v.to_string(),
        }
    }
    if !num.is_empty() || parts.is_empty() {
        return v.to_string();
    }
    // Each unit's next smaller one and how many of it make one.
    let smaller = |u: char| match u {
        'Y' => Some(('M', 12.0)),
        'M' => Some(('D', 30.0)),
        'W' => Some(('D', 7.0)),
        'D' => Some(('H', 24.0)),
        'H' => Some(('m', 60.0)),
        'm' => Some(('S', 60.0)),
        _ => None,
    };
    let order = ['Y', 'M', 'W', 'D', 'H', 'm', 'S'];
    let mut amounts = [0.0f64; 7];
    for (u, n) in parts {
        if let Some(k) = order.iter().position(|&o| o == u) {
            amounts[k] += n;
        }
    }
    for k in 0..order.len() {
        let frac = amounts[k].fract();
        if frac > 1e-9
            && let Some((to, per)) = smaller(order[k])
            && let Some(t) = order.iter().position(|&o| o == to)
        {
            amounts[k] -= frac;
            amounts[t] += frac * per;
        }
    }
    let mut out = String::from("P");
    for (k, &u) in order.iter().enumerate() {
        if u == 'H' && amounts[4..].iter().any(|&a| a > 1e-9) {
            out.push('T');
        }
        if amounts[k] > 1e-9 {
            let d = if u == 'm' { 'M' } else { u };
            out.push_str(&format!("{}{d}", amounts[k]));
        }
    }
    out
}

fn value_matches(ours: &str, expected: &[String]) -> bool {
    let ours = norm(ours);
    let ours_dur = canonical_duration(&ours);
    expected.iter().any(|e| {
        if *e == ours || (e.starts_with('P') && canonical_duration(e) == ours_dur) {
            return true;
        }
        // A bare time: compare the time part.
        if e.starts_with('T') {
            return ours.rfind('T').is_some_and(|t| ours[t..] == **e);
        }
        // A day against our day with its time ("Christmas Eve at 6 p.m." is one mention
        // here, two results there): compare the day part.
        if e.len() == 10
            && ours.len() > 11
            && ours.as_bytes()[10] == b'T'
            && value_matches(&ours[..10], std::slice::from_ref(e))
        {
            return true;
        }
        // "XXXX-10-02" against a resolved "2016-10-02".
        if let Some(rest) = e.strip_prefix("XXXX") {
            return ours.len() == e.len() && ours.ends_with(rest);
        }
        false
    })
}

fn run_recognizers(tagger: &TimeTagger, files: &[PathBuf]) -> Result<RecognizersScores> {
    let mut s = RecognizersScores::default();
    let verbose = verbose();
    for f in files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let raw = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(raw.trim_start_matches('\u{feff}'))
                .with_context(|| format!("parsing {}", f.display()))?;
        let holiday = name.to_lowercase().contains("holiday");
        for case in &cases {
            s.cases += 1;
            let skip = holiday
                || case.get("NotSupported").is_some()
                || case.get("NotSupportedByDesign").is_some();
            let input = case.get("Input").and_then(|x| x.as_str()).unwrap_or("");
            if skip || input.is_empty() {
                s.skipped_cases += 1;
                continue;
            }
            let anchor = case
                .get("Context")
                .and_then(|c| c.get("ReferenceDateTime"))
                .and_then(|x| x.as_str())
                .and_then(|x| x.get(..10))
                .and_then(|x| NaiveDate::parse_from_str(x, "%Y-%m-%d").ok());
            let pred = tag_text(tagger, input, anchor);
            let results = case
                .get("Results")
                .and_then(|x| x.as_array())
                .cloned()
                .unwrap_or_default();
            if results.is_empty() {
                s.empty_cases += 1;
                s.empty_cases_clean += usize::from(pred.is_empty());
                continue;
            }
            for r in &results {
                let (vals, range) = expected_values(r);
                if range || vals.is_empty() {
                    continue;
                }
                let Some((start, end)) = span_of(input, r) else {
                    continue;
                };
                s.in_scope_results += 1;
                let kind = timeml_type(r);
                let over: Vec<&TimeMention> = pred
                    .iter()
                    .filter(|p| p.start < end && start < p.end)
                    .collect();
                s.span_found += usize::from(!over.is_empty());
                let ok = over.iter().any(|p| value_matches(&p.value, &vals));
                s.value_matched += usize::from(ok);
                let t = s.by_type.entry(kind.to_string()).or_default();
                t.results += 1;
                t.value_matched += usize::from(ok);
                if verbose && !ok {
                    let got: Vec<String> = over.iter().map(|p| p.value.clone()).collect();
                    eprintln!("RT\t{kind}\t{input}\t{vals:?}\t{got:?}\t{anchor:?}");
                }
            }
        }
    }
    for t in s.by_type.values_mut() {
        t.value_accuracy = t.value_matched as f64 / t.results.max(1) as f64;
    }
    s.value_accuracy = if s.in_scope_results > 0 {
        s.value_matched as f64 / s.in_scope_results as f64
    } else {
        0.0
    };
    Ok(s)
}

/// The TimeML type of an expected result, from its Recognizers-Text type name
/// ("datetimeV2.daterange" → DATE).
fn timeml_type(r: &serde_json::Value) -> &'static str {
    let name = r
        .get("TypeName")
        .or_else(|| r.get("Type"))
        .and_then(|x| x.as_str())
        .unwrap_or("");
    match name.rsplit('.').next().unwrap_or("") {
        "date" | "daterange" => "DATE",
        "time" | "datetime" | "timerange" | "datetimerange" => "TIME",
        "duration" => "DURATION",
        "set" => "SET",
        _ => "OTHER",
    }
}

/// The byte span of an expected result in the input: from Start/Length (characters) or by
/// finding its text case-insensitively.
fn span_of(input: &str, r: &serde_json::Value) -> Option<(usize, usize)> {
    let text = r.get("Text").and_then(|x| x.as_str()).unwrap_or("");
    let lower = input.to_lowercase();
    if lower.len() == input.len()
        && !text.is_empty()
        && let Some(at) = lower.find(&text.to_lowercase())
    {
        return Some((at, at + text.len()));
    }
    let chars: HashMap<usize, usize> = input
        .char_indices()
        .enumerate()
        .map(|(ci, (bi, _))| (ci, bi))
        .collect();
    let start = r.get("Start").and_then(|x| x.as_u64())? as usize;
    let len = r
        .get("Length")
        .and_then(|x| x.as_u64())
        .map(|l| l as usize)
        .or_else(|| {
            r.get("End")
                .and_then(|x| x.as_u64())
                .map(|e| (e as usize + 1).saturating_sub(start))
        })?;
    let a = *chars.get(&start)?;
    let b = chars.get(&(start + len)).copied().unwrap_or(input.len());
    (a < b).then_some((a, b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_of_equal_length_compare_equal() {
        assert_eq!(canonical_duration("PT1.5H"), "PT1H30M");
        assert_eq!(canonical_duration("PT1H30M"), "PT1H30M");
        assert_eq!(canonical_duration("P0.5Y"), "P6M");
        assert_eq!(canonical_duration("P1.25Y"), "P1Y3M");
        assert_eq!(canonical_duration("PT0.5H"), "PT30M");
        assert_eq!(canonical_duration("P3D"), "P3D");
        assert!(value_matches("PT2H30M", &["PT2.5H".into()]));
        assert!(!value_matches("PT2H", &["PT2.5H".into()]));
        // Not merged upwards: a day is not 24 hours in TIMEX3.
        assert!(!value_matches("P1D", &["PT24H".into()]));
        // The day of a day with a time, against a day.
        assert!(value_matches("2019-12-24T18:00", &["2019-12-24".into()]));
        assert!(value_matches("2019-12-24T18:00", &["XXXX-12-24".into()]));
        assert!(!value_matches("2019-12-25T18:00", &["2019-12-24".into()]));
        // Vague durations are left as they are.
        assert_eq!(canonical_duration("PTXH"), "PTXH");
    }
}
