//! `sitrep eval places PATH`: scores the place tagger on a geoparsing corpus in the LGL XML
//! format (`<article>` with `<text>` and `<toponym>`s that carry character offsets and a
//! `<gaztag>` with GeoNames coordinates).
//!
//! Recognition is scored by exact span and by overlap; resolution as the share of gold toponyms
//! placed within 161 km (100 miles) of the gold coordinates, among those recognised and among
//! all. Set `SITREP_EVAL_MISSES=1` to list misses on standard error.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, bail};
use serde::Serialize;

use annotate::gazetteer::distance_km;

/// Scores of the places evaluation.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    pub articles: usize,
    pub gold_toponyms: usize,
    /// Gold toponyms with coordinates.
    pub gold_with_coordinates: usize,
    pub predicted: usize,
    pub exact_precision: f64,
    pub exact_recall: f64,
    pub exact_f1: f64,
    pub overlap_precision: f64,
    pub overlap_recall: f64,
    pub overlap_f1: f64,
    /// Share of recognised gold toponyms (with coordinates) resolved within 161 km.
    pub acc161_recognised: f64,
    /// Share of all gold toponyms (with coordinates) recognised and resolved within 161 km.
    pub acc161_all: f64,
    /// Median error in km over recognised gold toponyms.
    pub median_error_km: f64,
    /// Place tagger throughput on the corpus text, single thread (MB/s, tagging only).
    pub mb_per_s: f64,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "places: {} articles, {} gold toponyms ({} with coordinates), {} predicted",
            self.articles, self.gold_toponyms, self.gold_with_coordinates, self.predicted
        )?;
        writeln!(
            f,
            "  recognition exact:   P {:.3}  R {:.3}  F1 {:.3}",
            self.exact_precision, self.exact_recall, self.exact_f1
        )?;
        writeln!(
            f,
            "  recognition overlap: P {:.3}  R {:.3}  F1 {:.3}",
            self.overlap_precision, self.overlap_recall, self.overlap_f1
        )?;
        writeln!(
            f,
            "  within 161 km: {:.1}% of recognised, {:.1}% of all; median error {:.0} km",
            100.0 * self.acc161_recognised,
            100.0 * self.acc161_all,
            self.median_error_km
        )?;
        write!(f, "  speed: {:.1} MB/s (place tagging only)", self.mb_per_s)
    }
}

#[derive(Debug)]
struct Gold {
    start: usize,
    end: usize,
    coords: Option<(f64, f64)>,
    phrase: String,
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let a = s.find(open)? + open.len();
    let b = s[a..].find(close)? + a;
    Some(&s[a..b])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Byte offset of each char offset (and of the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn parse(xml: &str) -> Vec<(String, Vec<Gold>)> {
    let mut out = Vec::new();
    for art in xml.split("<article ").skip(1) {
        let Some(raw) = between(art, "<text>", "</text>") else {
            continue;
        };
        let text = match raw.trim().strip_prefix("<![CDATA[") {
            Some(t) => t.strip_suffix("]]>").unwrap_or(t).to_string(),
            None => unescape(raw),
        };
        let map = char_to_byte(&text);
        let mut gold = Vec::new();
        for t in art.split("<toponym>").skip(1) {
            let num = |tag: &str| -> Option<usize> {
                between(t, &format!("<{tag}>"), &format!("</{tag}>"))?
                    .trim()
                    .parse()
                    .ok()
            };
            let (Some(s), Some(e)) = (num("start"), num("end")) else {
                continue;
            };
            let (Some(&bs), Some(&be)) = (map.get(s), map.get(e)) else {
                continue;
            };
            let coords = if t.contains("<gaztag") {
                let lat = between(t, "<lat>", "</lat>").and_then(|x| x.trim().parse().ok());
                let lon = between(t, "<lon>", "</lon>").and_then(|x| x.trim().parse().ok());
                lat.zip(lon)
            } else {
                None
            };
            let phrase = between(t, "<phrase>", "</phrase>")
                .map(unescape)
                .unwrap_or_default();
            gold.push(Gold {
                start: bs,
                end: be,
                coords,
                phrase,
            });
        }
        out.push((text, gold));
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Runs the evaluation on the data at `path`.
pub fn run(path: &Path) -> Result<Report> {
    let xml =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let articles = parse(&xml);
    if articles.is_empty() {
        bail!("{}: no <article> with <text> found", path.display());
    }
    let show = std::env::var_os("SITREP_EVAL_MISSES").is_some();
    let annotator = annotate::Annotator::new();
    let mut r = Report {
        articles: articles.len(),
        ..Report::default()
    };
    let (mut exact, mut pred_overlap, mut gold_overlap) = (0usize, 0usize, 0usize);
    let (mut recog_coord, mut within_recog) = (0usize, 0usize);
    let mut errors = Vec::new();
    let mut tag_time = 0.0;
    let mut bytes = 0usize;
    for (text, gold) in &articles {
        let tokens = annotate::text::tokenize(text);
        let sentences = annotate::text::sentences(text);
        let taken = annotator.entities.find(text, &sentences, &tokens);
        let t = Instant::now();
        let pred = annotator.places_among(text, &sentences, &tokens, &taken);
        tag_time += t.elapsed().as_secs_f64();
        bytes += text.len();
        r.gold_toponyms += gold.len();
        r.predicted += pred.len();
        for p in &pred {
            if gold.iter().any(|g| g.start == p.start && g.end == p.end) {
                exact += 1;
            }
            if gold.iter().any(|g| g.start < p.end && p.start < g.end) {
                pred_overlap += 1;
            } else if show {
                let a = floor_boundary(text, p.start.saturating_sub(40));
                let b = ceil_boundary(text, (p.end + 30).min(text.len()));
                eprintln!(
                    "FP  {:?} -> {}  [{}]",
                    &text[p.start..p.end],
                    p.name,
                    text[a..b].replace('\n', " ")
                );
            }
        }
        for g in gold {
            if g.coords.is_some() {
                r.gold_with_coordinates += 1;
            }
            let hit = pred.iter().find(|p| g.start < p.end && p.start < g.end);
            let Some(p) = hit else {
                if show {
                    let a = floor_boundary(text, g.start.saturating_sub(40));
                    let b = ceil_boundary(text, (g.end + 30).min(text.len()));
                    let by = taken
                        .iter()
                        .find(|e| g.start < e.end && e.start < g.end)
                        .map(|e| format!(" (taken as {:?} {})", e.kind, e.name))
                        .unwrap_or_default();
                    eprintln!(
                        "FN  {:?}{by}  [{}]",
                        g.phrase,
                        text[a..b].replace('\n', " ")
                    );
                }
                continue;
            };
            gold_overlap += 1;
            if let (Some((lat, lon)), Some(geo)) = (g.coords, p.geo.as_ref()) {
                recog_coord += 1;
                let d = distance_km(lat, lon, geo.lat, geo.lon);
                errors.push(d);
                if d <= 161.0 {
                    within_recog += 1;
                } else if show {
                    eprintln!(
                        "GEO {:?} -> {} {} ({:.2},{:.2}) gold ({lat:.2},{lon:.2}) {d:.0} km",
                        g.phrase,
                        p.name,
                        geo.country.as_deref().unwrap_or("?"),
                        geo.lat,
                        geo.lon
                    );
                }
            }
        }
    }
    r.exact_precision = ratio(exact, r.predicted);
    r.exact_recall = ratio(exact, r.gold_toponyms);
    r.exact_f1 = f1(r.exact_precision, r.exact_recall);
    r.overlap_precision = ratio(pred_overlap, r.predicted);
    r.overlap_recall = ratio(gold_overlap, r.gold_toponyms);
    r.overlap_f1 = f1(r.overlap_precision, r.overlap_recall);
    r.acc161_recognised = ratio(within_recog, recog_coord);
    r.acc161_all = ratio(within_recog, r.gold_with_coordinates);
    errors.sort_by(f64::total_cmp);
    r.median_error_km = errors.get(errors.len() / 2).copied().unwrap_or(0.0);
    // Throughput: the fastest of the pass above and three more over the same inputs.
    let inputs: Vec<_> = articles
        .iter()
        .map(|(text, _)| {
            let tokens = annotate::text::tokenize(text);
            let sentences = annotate::text::sentences(text);
            let taken = annotator.entities.find(text, &sentences, &tokens);
            (text, tokens, sentences, taken)
        })
        .collect();
    for _ in 0..3 {
        let t = Instant::now();
        let mut n = 0;
        for (text, tokens, sentences, taken) in &inputs {
            n += annotator.places_among(text, sentences, tokens, taken).len();
        }
        let el = t.elapsed().as_secs_f64();
        if n > 0 && el < tag_time {
            tag_time = el;
        }
    }
    r.mb_per_s = if tag_time > 0.0 {
        bytes as f64 / 1e6 / tag_time
    } else {
        0.0
    };
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lgl_records() {
        let xml = r#"<articles><article docid="1"><text><![CDATA[Kyiv é Paris, Texas.]]></text>
        <toponyms><toponym><start>7</start><end>12</end><phrase>Paris</phrase>
        <gaztag geonameid="1"><lat>33.66</lat><lon>-95.55</lon></gaztag></toponym>
        <toponym><start>14</start><end>19</end><phrase>Texas</phrase></toponym></toponyms>
        </article></articles>"#;
        let a = parse(xml);
        assert_eq!(a.len(), 1);
        let (text, gold) = &a[0];
        assert_eq!(&text[gold[0].start..gold[0].end], "Paris");
        assert_eq!(gold[0].coords, Some((33.66, -95.55)));
        assert_eq!(&text[gold[1].start..gold[1].end], "Texas");
        assert_eq!(gold[1].coords, None);
    }
}
