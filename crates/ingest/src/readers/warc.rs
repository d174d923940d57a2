use std::io::{BufRead, Read};

use model::{Article, InputFormat};
use warc::{RecordType, WarcHeader};

use super::{Document, Reader, read_page};
use crate::error::{ReadError, ReadErrorKind};
use crate::source::Ingestor;

/// WARC files (`.warc`, `.warc.gz`; records parsed by the `warc` crate): every `response`
/// record that holds a successful HTML HTTP response, and every HTML `resource` record, is read
/// as a page. Other records are passed over. A record that cannot be parsed ends the file (a WARC
/// stream cannot be resynchronised), after the records before it have been kept.
#[derive(Debug)]
pub struct WarcReader;

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
        let gzip = doc.gzip;
        let mut limited = (&mut doc.body).take(cap + 1);
        let mut records = 0usize;
        let mut failure = None;
        for (i, record) in warc::WarcReader::new(&mut limited)
            .iter_records()
            .enumerate()
        {
            let name = format!("{}#record{}", doc.name, i + 1);
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    failure = Some(match e {
                        warc::Error::ReadData(io) if gzip => ReadErrorKind::Gzip(io.to_string()),
                        warc::Error::UnexpectedEOB => {
                            ReadErrorKind::Warc(format!("record {} is truncated", i + 1))
                        }
                        other => ReadErrorKind::Warc(format!("record {}: {other}", i + 1)),
                    });
                    break;
                }
            };
            records += 1;
            let url = record
                .header(WarcHeader::TargetURI)
                .map(|u| u.trim_matches(['<', '>']).to_owned());
            let page = match record.warc_type() {
                RecordType::Response => match http_payload(record.body()) {
                    Ok(Some(p)) => p,
                    Ok(None) => continue,
                    Err(kind) => {
                        emit(Err(ReadError::new(&name, kind)));
                        continue;
                    }
                },
                RecordType::Resource => {
                    let ct = record
                        .header(WarcHeader::ContentType)
                        .map(|c| c.into_owned());
                    if !ct.as_deref().is_some_and(is_html) {
                        continue;
                    }
                    Payload {
                        content_type: ct,
                        body: record.body().to_vec(),
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
                article.meta.insert(
                    "warc_date".into(),
                    serde_json::Value::String(record.date().to_rfc3339()),
                );
                article.meta.insert(
                    "warc_record_id".into(),
                    serde_json::Value::String(record.warc_id().to_owned()),
                );
            }
            emit(result.map_err(|k| ReadError::new(&name, k)));
        }
        if limited.limit() == 0 {
            return Err(ReadErrorKind::TooLarge { size: cap + 1, cap });
        }
        match failure {
            Some(kind) => Err(kind),
            None if records == 0 => Err(ReadErrorKind::Warc("no records".into())),
            None => Ok(()),
        }
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
