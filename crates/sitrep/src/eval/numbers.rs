//! `sitrep eval numbers PATH`: the number tagger against the English test cases of Microsoft
//! Recognizers-Text (`NumberModel.json`, `NumberRangeModel.json`, `OrdinalModel.json`,
//! `PercentModel.json`, `AgeModel.json`, `CurrencyModel.json`, `DimensionModel.json`,
//! `TemperatureModel.json`; PATH is their folder or one file).
//!
//! Each gold result with a value is compared with the mentions found over the same characters
//! (any overlap); it is right when one of them has the same value (relative tolerance 1e-4). A
//! range compares its low and high ends; a one-sided range ("more than 30") compares the value
//! and the direction and strictness of the modifier. Money compares in whole currency units (the
//! gold's cents and pence are divided by 100). Relative ordinals ("last", "next") are not
//! numbers and are left out.
//!
//! Two scopes: `strict` leaves out every case flagged `NotSupported` or `NotSupportedByDesign`
//! (for any port); `reference` also keeps cases flagged only for the Java, JavaScript or Python
//! ports, which the reference .NET implementation passes (the flags name the ports that fail).
//!
//! Spurious mentions are counted where the gold marks every number of its kind: counts and
//! shares in `NumberModel`, mentions of the model's kind elsewhere (money in `CurrencyModel`,
//! temperatures in `TemperatureModel`, other measures in `DimensionModel`...), and bounded or
//! ranged mentions in `NumberRangeModel`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use annotate::{NumberKind, NumberMention, NumberModifier};
use anyhow::{Context, Result, bail};
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
struct Case {
    #[serde(rename = "Input")]
    input: String,
    #[serde(rename = "Results", default)]
    results: Vec<Gold>,
    #[serde(rename = "NotSupported")]
    not_supported: Option<String>,
    #[serde(rename = "NotSupportedByDesign")]
    not_supported_by_design: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Gold {
    #[serde(rename = "Text")]
    text: String,
    #[serde(rename = "TypeName", default)]
    type_name: String,
    #[serde(rename = "Resolution")]
    resolution: Option<serde_json::Value>,
    #[serde(rename = "Start")]
    start: usize,
    #[serde(rename = "End")]
    end: usize,
}

/// Counts of one model in one scope.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Score {
    pub cases: usize,
    /// Gold results with a value.
    pub gold: usize,
    /// Gold values found right.
    pub right: usize,
    /// Gold values with an overlapping mention of another value.
    pub wrong: usize,
    /// Gold values with no overlapping mention.
    pub missed: usize,
    pub spurious: usize,
    pub accuracy: f64,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.cases += o.cases;
        self.gold += o.gold;
        self.right += o.right;
        self.wrong += o.wrong;
        self.missed += o.missed;
        self.spurious += o.spurious;
    }

    fn finish(&mut self) {
        self.accuracy = if self.gold > 0 {
            self.right as f64 / self.gold as f64
        } else {
            0.0
        };
    }
}

/// Scores of the numbers evaluation.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    /// Cases flagged for any port left out.
    pub strict: BTreeMap<String, Score>,
    pub strict_overall: Score,
    /// Cases flagged only for non-.NET ports kept.
    pub reference: BTreeMap<String, Score>,
    pub reference_overall: Score,
    /// Cases left out of both scopes, by model.
    pub skipped: BTreeMap<String, usize>,
    /// Gold values not found right (reference scope): "model: input | gold text = value | found".
    pub misses: Vec<String>,
    /// Spurious mentions (reference scope).
    pub spurious_mentions: Vec<String>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (name, scores, overall) in [
            (
                "strict (no flagged case)",
                &self.strict,
                &self.strict_overall,
            ),
            (
                "reference (cases the .NET implementation passes)",
                &self.reference,
                &self.reference_overall,
            ),
        ] {
            writeln!(f, "numbers, scope {name}:")?;
            writeln!(
                f,
                "  {:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9} {:>8}",
                "model", "cases", "gold", "right", "wrong", "missed", "spurious", "accuracy"
            )?;
            for (model, s) in scores.iter().chain([(&"overall".to_string(), overall)]) {
                writeln!(
                    f,
                    "  {:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>9} {:>7.1}%",
                    model,
                    s.cases,
                    s.gold,
                    s.right,
                    s.wrong,
                    s.missed,
                    s.spurious,
                    100.0 * s.accuracy
                )?;
            }
        }
        writeln!(
            f,
            "in scope: every model but relative ordinals (\"last\", \"next\"); gold results \
             without a value (a bare unit) are not scored"
        )?;
        let skipped: Vec<String> = self
            .skipped
            .iter()
            .map(|(m, n)| format!("{m} {n}"))
            .collect();
        writeln!(f, "left out of both scopes: {}", skipped.join(", "))?;
        for m in &self.misses {
            writeln!(f, "  miss: {m}")?;
        }
        for m in &self.spurious_mentions {
            writeln!(f, "  spurious: {m}")?;
        }
        Ok(())
    }
}

/// What the gold says a result is worth.
#[derive(Debug, Clone, Copy)]
enum Want {
    Value(f64),
    /// Low and high ends, with their closedness; `None` for an open side.
    Interval {
        low: Option<(f64, bool)>,
        high: Option<(f64, bool)>,
    },
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-4 * b.abs().max(1e-9) || (a - b).abs() < 1e-9
}

fn parse_interval(s: &str) -> Option<Want> {
    let s = s.trim();
    let open_low = s.starts_with('(');
    let open_high = s.ends_with(')');
    let inner = s.get(1..s.len().checked_sub(1)?)?;
    let (a, b) = inner.split_once(',')?;
    let num = |x: &str| -> Option<Option<f64>> {
        let x = x.trim();
        if x.is_empty() {
            Some(None)
        } else {
            x.parse().ok().map(Some)
        }
    };
    Some(Want::Interval {
        low: num(a)?.map(|v| (v, !open_low)),
        high: num(b)?.map(|v| (v, !open_high)),
    })
}

/// The gold value of a result, or `None` when it has none in scope.
fn want(model: &str, g: &Gold) -> Option<Want> {
    let res = g.resolution.as_ref()?;
    let value = res.get("value")?;
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Number(n) => n.to_string(),
        _ => return None,
    };
    if model == "NumberRangeModel" {
        return parse_interval(&text);
    }
    if g.type_name.starts_with("ordinal.relative") {
        return None;
    }
    let mut v: f64 = text.trim_end_matches('%').trim().parse().ok()?;
    if model == "CurrencyModel" {
        let unit = res.get("unit").and_then(|u| u.as_str()).unwrap_or("");
        if matches!(unit, "Cent" | "Pence" | "Penny") {
            v /= 100.0;
        }
    }
    Some(Want::Value(v))
}

fn matches(w: Want, m: &NumberMention) -> bool {
    match w {
        Want::Value(v) => close(m.value, v) || m.high.is_some_and(|h| close(h, v)),
        Want::Interval { low, high } => match (low, high) {
            (Some((l, _)), Some((h, _))) if close(l, h) => {
                close(m.value, l) && m.modifier == NumberModifier::Exact
            }
            (Some((l, _)), Some((h, _))) => {
                close(m.value, l) && m.high.is_some_and(|x| close(x, h))
            }
            (Some((l, closed)), None) => {
                close(m.value, l)
                    && m.modifier
                        == if closed {
                            NumberModifier::AtLeast
                        } else {
                            NumberModifier::MoreThan
                        }
            }
            (None, Some((h, closed))) => {
                close(m.value, h)
                    && m.modifier
                        == if closed {
                            NumberModifier::AtMost
                        } else {
                            NumberModifier::LessThan
                        }
            }
            (None, None) => false,
        },
    }
}

/// Whether a mention is of the kind the model marks everywhere.
fn marked_kind(model: &str, m: &NumberMention) -> bool {
    match model {
        // The number model leaves out numbers with units, dates and ordinals.
        "NumberModel" => matches!(m.kind, NumberKind::Count | NumberKind::Share),
        "NumberRangeModel" => m.modifier != NumberModifier::Exact,
        "OrdinalModel" => m.kind == NumberKind::Ordinal,
        "PercentModel" => m.kind == NumberKind::Percent,
        "AgeModel" => m.kind == NumberKind::Age,
        "CurrencyModel" => m.kind == NumberKind::Money,
        // A temperature is no dimension, and only a temperature (or a bare degree) is one.
        "DimensionModel" => {
            matches!(m.kind, NumberKind::Distance | NumberKind::Measure)
                && !matches!(m.unit.as_deref(), Some("degC" | "degF"))
        }
        "TemperatureModel" => {
            m.kind == NumberKind::Measure
                && matches!(m.unit.as_deref(), Some("deg" | "degC" | "degF"))
        }
        _ => false,
    }
}

fn files(path: &Path) -> Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(path)
        .with_context(|| format!("{}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    if out.is_empty() {
        bail!("{}: no .json case files", path.display());
    }
    Ok(out)
}

/// Runs the evaluation on the data at `path`.
pub fn run(path: &Path) -> Result<Report> {
    let tagger = annotate::numbers::NumberTagger::new();
    let mut report = Report::default();
    for file in files(path)? {
        let model = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let raw = std::fs::read_to_string(&file).with_context(|| format!("{}", file.display()))?;
        let cases: Vec<Case> = serde_json::from_str(raw.trim_start_matches('\u{feff}'))
            .with_context(|| format!("{}: not a list of test cases", file.display()))?;
        let mut strict = Score::default();
        let mut reference = Score::default();
        for case in &cases {
            let flags = [&case.not_supported, &case.not_supported_by_design];
            let flagged = flags.iter().any(|f| f.is_some());
            let out_of_reference = case.not_supported_by_design.is_some()
                || case
                    .not_supported
                    .as_deref()
                    .is_some_and(|f| f.to_lowercase().contains("dotnet"));
            if out_of_reference {
                *report.skipped.entry(model.clone()).or_insert(0) += 1;
                continue;
            }
            let tokens = annotate::text::tokenize(&case.input);
            let found = tagger.find(&case.input, &tokens);
            // Character offsets of the mentions.
            let chars = |b: usize| case.input.get(..b).map_or(0, |s| s.chars().count());
            let spans: Vec<(usize, usize)> = found
                .iter()
                .map(|m| (chars(m.start), chars(m.end)))
                .collect();
            let mut score = Score {
                cases: 1,
                ..Score::default()
            };
            let mut used = vec![false; found.len()];
            for g in &case.results {
                let (gs, ge) = (g.start, g.end + 1);
                let overlapping: Vec<usize> = (0..found.len())
                    .filter(|&k| spans[k].0 < ge && gs < spans[k].1)
                    .collect();
                for &k in &overlapping {
                    used[k] = true;
                }
                let Some(w) = want(&model, g) else {
                    continue;
                };
                score.gold += 1;
                if overlapping.iter().any(|&k| matches(w, &found[k])) {
                    score.right += 1;
                    continue;
                }
                if overlapping.is_empty() {
                    score.missed += 1;
                } else {
                    score.wrong += 1;
                }
                let got: Vec<String> = overlapping
                    .iter()
                    .map(|&k| {
                        let m = &found[k];
                        format!(
                            "{:?} {} {:?} {:?}{}",
                            case.input.get(m.start..m.end).unwrap_or(""),
                            m.value,
                            m.modifier,
                            m.kind,
                            m.high.map(|h| format!(" high {h}")).unwrap_or_default()
                        )
                    })
                    .collect();
                report.misses.push(format!(
                    "{model}: {:?} | {:?} = {w:?} | found {}",
                    case.input,
                    g.text,
                    got.join("; ")
                ));
            }
            for (k, m) in found.iter().enumerate() {
                if !used[k] && marked_kind(&model, m) {
                    score.spurious += 1;
                    report.spurious_mentions.push(format!(
                        "{model}: {:?} | {:?} {} {:?}",
                        case.input,
                        case.input.get(m.start..m.end).unwrap_or(""),
                        m.value,
                        m.kind
                    ));
                }
            }
            reference.add(&score);
            if !flagged {
                strict.add(&score);
            }
        }
        strict.finish();
        reference.finish();
        report.strict_overall.add(&strict);
        report.reference_overall.add(&reference);
        report.strict.insert(model.clone(), strict);
        report.reference.insert(model, reference);
    }
    report.strict_overall.finish();
    report.reference_overall.finish();
    Ok(report)
}
