use std::collections::HashMap;
use std::io::{BufRead, Read};

use model::{Article, InputFormat};

use super::{Document, Reader, read_page};
use crate::error::{ReadError, ReadErrorKind};
use crate::source::Ingestor;

/// WARC files (`.warc`, `.warc.gz`): every `response` record that holds a successful HTML HTTP
/// response, and every HTML `resource` record, is read as a page; other records are passed
/// over. Records are framed here (version line, headers, `Content-Length` bytes, blank line),
/// bounded in memory, and HTTP blocks are parsed by `httparse`. The `warc` crate was dropped
/// after fuzzing found it panicking on non-UTF-8 header values and on an overflowing
/// `Content-Length`. A record whose framing is broken ends the file (a WARC stream cannot be
/// resynchronised), after the records before it have been kept.
#[derive(Debug)]
pub struct WarcReader;

/// Largest header block of one record.
const MAX_HEADER_BYTES: usize = 64 << 10;

/// One WARC record's headers (names lower-cased) and its block.
struct Record {
    headers: HashMap<String, String>,
    block: Vec<u8>,
}

impl Record {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(String::as_str)
    }
}

/// What reading the next record gave.
enum Next {
    Record(Record),
    /// A record too large to hold: its block was skipped.
    Skipped {
        content_length: u64,
    },
    End,
}

/// Why the framing of a record failed.
#[derive(Debug)]
enum FrameError {
    /// Reading the stream failed (for a gzipped file: a corrupt or truncated archive).
    Io(std::io::Error),
    /// The bytes are not a well-formed record.
    Format(String),
}

impl From<std::io::Error> for FrameError {
    fn from(e: std::io::Error) -> Self {
        FrameError::Io(e)
    }
}

impl From<&str> for FrameError {
    fn from(s: &str) -> Self {
        FrameError::Format(s.to_owned())
    }
}

/// Reads the next record from a WARC stream.
fn next_record(r: &mut dyn BufRead, max_block: u64) -> Result<Next, FrameError> {
    let mut line = Vec::new();
    // Blank lines may separate records.
    loop {
        line.clear();
        let n = r
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(Next::End);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        return Err("not a WARC record (no WARC/ version line)".into());
    }
    let mut headers: HashMap<String, String> = HashMap::new();
    let mut last: Option<String> = None;
    let mut header_bytes = line.len();
    loop {
        line.clear();
        let n = r
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', &mut line)?;
        header_bytes += n;
        if n == 0 {
            return Err("truncated in its headers".into());
        }
        if header_bytes > MAX_HEADER_BYTES {
            return Err(FrameError::Format(format!(
                "headers longer than {MAX_HEADER_BYTES} bytes"
            )));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if text.starts_with([' ', '\t']) {
            // A folded continuation of the previous header.
            if let Some(v) = last.as_ref().and_then(|name| headers.get_mut(name)) {
                v.push(' ');
                v.push_str(text.trim());
            }
            continue;
        }
        let Some((name, value)) = text.split_once(':') else {
            let shown: String = text.chars().take(60).collect();
            return Err(FrameError::Format(format!("bad header line '{shown}'")));
        };
        let name = name.trim().to_ascii_lowercase();
        headers.insert(name.clone(), value.trim().to_owned());
        last = Some(name);
    }
    let length: u64 = headers
        .get("content-length")
        .ok_or("no Content-Length")?
        .parse()
        .map_err(|_| FrameError::from("bad Content-Length"))?;
    if length > max_block {
        let skipped = std::io::copy(&mut r.take(length), &mut std::io::sink())?;
        if skipped < length {
            return Err("truncated in its block".into());
        }
        skip_record_end(r)?;
        return Ok(Next::Skipped {
            content_length: length,
        });
    }
    let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
    r.take(length).read_to_end(&mut block)?;
    if (block.len() as u64) < length {
        return Err("truncated in its block".into());
    }
    skip_record_end(r)?;
    Ok(Next::Record(Record { headers, block }))
}

fn doc_io_error(gzip: bool, e: &std::io::Error) -> ReadErrorKind {
    if gzip {
        ReadErrorKind::Gzip(e.to_string())
    } else {
        ReadErrorKind::from_io(e)
    }
}

/// Consumes the blank line(s) that end a record, without reading into the next one.
fn skip_record_end(r: &mut dyn BufRead) -> Result<(), FrameError> {
    loop {
        let buf = r.fill_buf()?;
        match buf.first() {
            Some(b'\r' | b'\n') => r.consume(1),
            _ => return Ok(()),
        }
    }
}

impl Reader for WarcReader {
    fn read(
        &self,
        mut doc: Document<'_>,
        ing: &Ingestor,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind> {
        let cap = doc
            .container_cap
            .unwrap_or(ing.options().max_container_bytes);
        let max_block = ing.options().max_bytes.saturating_mul(2);
        let gzip = doc.gzip;
        let mut limited = (&mut doc.body).take(cap.saturating_add(1));
        let mut records = 0usize;
        loop {
            let name = format!("{}#record{}", doc.name, records + 1);
            let record = match next_record(&mut limited, max_block) {
                Ok(Next::End) => break,
                Ok(Next::Skipped { content_length }) => {
                    records += 1;
                    let kind = ReadErrorKind::TooLarge {
                        size: content_length,
                        cap: max_block,
                    };
                    emit(Err(ReadError::new(&name, kind)));
                    continue;
                }
                Ok(Next::Record(r)) => r,
                Err(_) if limited.limit() == 0 => {
                    return Err(ReadErrorKind::TooLarge {
                        size: cap.saturating_add(1),
                        cap,
                    });
                }
                Err(FrameError::Io(e)) => return Err(doc_io_error(gzip, &e)),
                Err(FrameError::Format(reason)) => {
                    let at = records + 1;
                    return Err(ReadErrorKind::Warc(format!("record {at}: {reason}")));
                }
            };
            records += 1;
            let url = record
                .header("warc-target-uri")
                .map(|u| u.trim_matches(['<', '>']).to_owned());
            let page = match record
                .header("warc-type")
                .map(str::to_ascii_lowercase)
                .as_deref()
            {
                Some("response") => match http_payload(&record.block) {
                    Ok(Some(p)) => p,
                    Ok(None) => continue,
                    Err(kind) => {
                        emit(Err(ReadError::new(&name, kind)));
                        continue;
                    }
                },
                Some("resource") => {
                    let ct = record.header("content-type").map(str::to_owned);
                    if !ct.as_deref().is_some_and(is_html) {
                        continue;
                    }
                    Payload {
                        content_type: ct,
                        body: record.block,
                    }
                }
                _ => continue,
            };
            if page.body.len() as u64 > ing.options().max_bytes {
                let kind = ReadErrorKind::TooLarge {
                    size: page.body.len() as u64,
                    cap: ing.options().max_bytes,
                };
                emit(Err(ReadError::new(&name, kind)));
                continue;
            }
            let mut result = read_page(
                &page.body,
                page.content_type.as_deref(),
                url.as_deref(),
                &doc.name,
                InputFormat::Warc,
                ing,
            );
            if let Ok(article) = &mut result {
                for (header, key) in [
                    ("warc-date", "warc_date"),
                    ("warc-record-id", "warc_record_id"),
                ] {
                    if let Some(v) = record.headers.get(header) {
                        article
                            .meta
                            .insert(key.into(), serde_json::Value::String(v.clone()));
                    }
                }
            }
            emit(result.map_err(|k| ReadError::new(&name, k)));
        }
        if records == 0 {
            return Err(ReadErrorKind::Warc("no records".into()));
        }
        Ok(())
    }
}

struct Payload {
    content_type: Option<String>,
    body: Vec<u8>,
}

fn is_html(ct: &str) -> bool {
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime == "text/html" || mime == "application/xhtml+xml"
}

/// The body of an HTTP response block (headers parsed by `httparse`), de-chunked and
/// decompressed; `None` for responses that are not successful HTML.
fn http_payload(block: &[u8]) -> Result<Option<Payload>, ReadErrorKind> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut resp = httparse::Response::new(&mut headers);
    let offset = match resp.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Err(ReadErrorKind::Warc("truncated HTTP headers".into()));
        }
        Err(e) => return Err(ReadErrorKind::Warc(format!("bad HTTP response: {e}"))),
    };
    if !resp.code.is_some_and(|c| (200..300).contains(&c)) {
        return Ok(None);
    }
    let header = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .and_then(|h| std::str::from_utf8(h.value).ok())
            .map(|v| v.trim().to_owned())
    };
    let content_type = header("content-type");
    if !content_type.as_deref().is_some_and(is_html) {
        return Ok(None);
    }
    let mut body = block[offset..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).ok_or_else(|| ReadErrorKind::Warc("bad chunked encoding".into()))?;
    }
    match header("content-encoding")
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(body.as_slice())
                .take(crate::DEFAULT_MAX_BYTES * 4)
                .read_to_end(&mut out)
                .map_err(|e| ReadErrorKind::Gzip(e.to_string()))?;
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(body.as_slice())
                .take(crate::DEFAULT_MAX_BYTES * 4)
                .read_to_end(&mut out)
                .map_err(|e| ReadErrorKind::Gzip(e.to_string()))?;
            body = out;
        }
        _ => {}
    }
    Ok(Some(Payload { content_type, body }))
}

/// Decodes HTTP/1.1 chunked transfer encoding.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let mut line = Vec::new();
        let n = data.read_until(b'\n', &mut line).ok()?;
        if n == 0 {
            return Some(out); // tolerate a missing last chunk
        }
        let size_str = std::str::from_utf8(&line).ok()?.trim();
        let size_str = size_str.split(';').next()?.trim();
        let size = usize::from_str_radix(size_str, 16).ok()?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(data: &[u8], max_block: u64) -> Vec<Result<Option<Record>, String>> {
        let text = |e: FrameError| match e {
            FrameError::Io(e) => e.to_string(),
            FrameError::Format(s) => s,
        };
        let mut r: &[u8] = data;
        let mut out = Vec::new();
        loop {
            match next_record(&mut r, max_block) {
                Ok(Next::End) => break,
                Ok(Next::Record(rec)) => out.push(Ok(Some(rec))),
                Ok(Next::Skipped { .. }) => out.push(Ok(None)),
                Err(e) => {
                    out.push(Err(text(e)));
                    break;
                }
            }
        }
        out
    }

    #[test]
    fn frames_records_and_survives_hostile_headers() {
        let two = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n\
WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: <https://a.example/x>\r\n \
continued\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
        let got = records(two, 100);
        assert_eq!(got.len(), 2);
        let first = got[0].as_ref().unwrap().as_ref().unwrap();
        assert_eq!(first.header("warc-type"), Some("warcinfo"));
        assert_eq!(first.block, b"abc");
        let second = got[1].as_ref().unwrap().as_ref().unwrap();
        assert_eq!(
            second.header("warc-target-uri"),
            Some("<https://a.example/x> continued")
        );
        // Non-UTF-8 header values, an overflowing length, a truncated block: errors, no panic.
        let bad_utf8 =
            b"WARC/1.0\r\nWARC-Target-URI: \xff\xfe\r\nContent-Length: 1\r\n\r\nx\r\n\r\n";
        assert!(records(bad_utf8, 100)[0].is_ok());
        let overflow = b"WARC/1.0\r\nContent-Length: 18446744073709551615\r\n\r\nabc";
        assert_eq!(
            records(overflow, 100)[0].as_ref().err().map(String::as_str),
            Some("truncated in its block")
        );
        let huge = b"WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n";
        assert!(records(huge, 100)[0].is_err());
        assert!(records(b"WARC/1.0\r\nContent-Length: 10\r\n\r\nshort", 100)[0].is_err());
        assert!(records(b"HTTP/1.1 200 OK\r\n\r\n", 100)[0].is_err());
        // A block over the cap is skipped, and the next record still read.
        let big = b"WARC/1.0\r\nContent-Length: 5\r\n\r\n12345\r\n\r\nWARC/1.0\r\nContent-Length: 1\r\n\r\nz\r\n\r\n";
        let got = records(big, 4);
        assert!(matches!(got[0], Ok(None)));
        assert_eq!(got[1].as_ref().unwrap().as_ref().unwrap().block, b"z");
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
        assert_eq!(dechunk(b"10\r\nshort"), None);
    }

    #[test]
    fn http_payload_keeps_html_only() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>";
        assert_eq!(http_payload(ok).unwrap().unwrap().body, b"<p>hi</p>");
        let img = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert!(http_payload(img).unwrap().is_none());
        let missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>";
        assert!(http_payload(missing).unwrap().is_none());
        assert!(http_payload(b"HTTP/1.1 200 OK\r\nContent-Ty").is_err());
    }
}
