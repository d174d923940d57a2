use std::collections::BTreeMap;
use std::io::{BufRead, Read};

use model::{Article, InputFormat};
use serde_json::Value;

use super::{Document, Draft, Reader};
use crate::error::{ReadError, ReadErrorKind};
use crate::source::Ingestor;

/// JSON Lines: one article per line, streamed. Text from `text`, `content` or `body` (HTML is
/// converted), `title`, `url`, `published` or `date`, `outlet` or `source`; every other field is
/// kept as metadata. A bad line is reported as `path:LINE` and the rest of the file goes on.
#[derive(Debug)]
pub struct JsonlReader;

const TEXT_KEYS: &[&str] = &["text", "content", "body", "article", "articleBody"];
const DATE_KEYS: &[&str] = &[
    "published",
    "date",
    "datePublished",
    "published_at",
    "pubDate",
    "dct",
];
const OUTLET_KEYS: &[&str] = &["outlet", "source", "site", "publisher"];

impl Reader for JsonlReader {
    fn read(
        &self,
        mut doc: Document<'_>,
        ing: &Ingestor,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind> {
        let cap = ing.options().max_bytes;
        let container_cap = doc
            .container_cap
            .unwrap_or(ing.options().max_container_bytes);
        let mut total: u64 = 0;
        let mut line_no = 0usize;
        let mut buf = Vec::new();
        let mut any = false;
        loop {
            buf.clear();
            line_no += 1;
            // Read one line, but never hold more than the cap of it.
            let n = match (&mut doc.body).take(cap + 1).read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => return Err(doc.io_error(&e)),
            };
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > container_cap {
                return Err(ReadErrorKind::TooLarge {
                    size: total,
                    cap: container_cap,
                });
            }
            let name = format!("{}:{}", doc.name, line_no);
            if buf.len() as u64 > cap && !buf.ends_with(b"\n") {
                emit(Err(ReadError::new(
                    &name,
                    ReadErrorKind::TooLarge { size: cap + 1, cap },
                )));
                // Skip the rest of the oversized line.
                let mut sink = Vec::new();
                loop {
                    sink.clear();
                    match (&mut doc.body).take(1 << 20).read_until(b'\n', &mut sink) {
                        Ok(0) => break,
                        Ok(_) if sink.ends_with(b"\n") => break,
                        Ok(_) => continue,
                        Err(e) => return Err(doc.io_error(&e)),
                    }
                }
                continue;
            }
            let line = match std::str::from_utf8(&buf) {
                Ok(s) => s.trim_start_matches('\u{FEFF}').trim(),
                Err(e) => {
                    emit(Err(ReadError::new(
                        &name,
                        ReadErrorKind::Undecodable(format!(
                            "not UTF-8 at byte {}",
                            e.valid_up_to()
                        )),
                    )));
                    continue;
                }
            };
            if line.is_empty() {
                continue;
            }
            any = true;
            let result = serde_json::from_str::<Value>(line)
                .map_err(|e| ReadErrorKind::Json(e.to_string()))
                .and_then(|v| record(v, &doc.name, ing));
            emit(result.map_err(|k| ReadError::new(&name, k)));
        }
        if any {
            Ok(())
        } else {
            Err(ReadErrorKind::Empty)
        }
    }
}

fn take_str(map: &mut serde_json::Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => {
            let s = s.clone();
            map.remove(*k);
            Some(s)
        }
        // An outlet given as an object: {"name": ...}
        Some(Value::Object(o)) => {
            let name = o.get("name").and_then(Value::as_str).map(str::to_owned);
            if name.is_some() {
                map.remove(*k);
            }
            name
        }
        _ => None,
    })
}

fn record(v: Value, path: &str, ing: &Ingestor) -> Result<Article, ReadErrorKind> {
    let Value::Object(mut map) = v else {
        return Err(ReadErrorKind::Json("a line must be a JSON object".into()));
    };
    let text = take_str(&mut map, TEXT_KEYS).ok_or_else(|| {
        ReadErrorKind::Json(format!("no text field (one of {})", TEXT_KEYS.join(", ")))
    })?;
    let text = if crate::html::looks_like_markup(&text) {
        crate::html::fragment_text(&text)
    } else {
        text
    };
    let title =
        take_str(&mut map, &["title", "headline"]).map(|t| crate::clean::normalize_inline(&t));
    let url = take_str(&mut map, &["url", "link", "canonical_url"]);
    let date_raw = take_str(&mut map, DATE_KEYS);
    let published = date_raw.as_deref().and_then(crate::dates::parse_date);
    if let (Some(raw), None) = (&date_raw, published) {
        // Keep a date we could not read, rather than drop it.
        map.insert("published_raw".into(), Value::String(raw.clone()));
    }
    let draft = Draft {
        url,
        title,
        outlet: take_str(&mut map, OUTLET_KEYS).map(|t| crate::clean::normalize_inline(&t)),
        byline: take_str(&mut map, &["byline", "author"]),
        language: take_str(&mut map, &["language", "lang"]),
        published,
        paragraphs: crate::clean::paragraphs(&text),
        meta: map.into_iter().collect::<BTreeMap<_, _>>(),
    };
    draft.finish(path, InputFormat::Jsonl, ing)
}
