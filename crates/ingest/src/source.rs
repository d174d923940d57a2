//! Inputs and how their bytes are reached: paths, folders, standard input and URLs; gzip;
//! the size cap; and the choice of reader by extension, content type or content.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use model::{Article, InputFormat};

use crate::error::{ReadError, ReadErrorKind};
use crate::fetch::{FetchOptions, Fetcher};
use crate::readers::{self, Document};

/// One input named on the command line or found in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
    Url(String),
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Path(p) => write!(f, "{}", p.display()),
            Input::Stdin => f.write_str("-"),
            Input::Url(u) => f.write_str(u),
        }
    }
}

/// Command-line arguments expanded into inputs.
#[derive(Debug, Default)]
pub struct Resolved {
    pub inputs: Vec<Input>,
    /// Arguments that name nothing readable (a missing path, a refused URL scheme).
    pub errors: Vec<ReadError>,
    /// Files inside folders whose extension is not an article format (images, scripts…).
    pub skipped: Vec<PathBuf>,
}

/// Extensions read inside folders. Files without an extension are sniffed; others skipped.
const FOLDER_EXTENSIONS: &[&str] = &[
    "txt", "text", "html", "htm", "xhtml", "shtml", "rss", "atom", "xml", "rdf", "jsonl", "ndjson",
    "json", "warc", "gz",
];

/// Expands arguments: `-` is standard input, a URL-like argument is fetched (any scheme but
/// http and https is refused here), a folder is walked recursively in name order.
pub fn resolve(args: &[String]) -> Resolved {
    let mut out = Resolved::default();
    for arg in args {
        if arg == "-" {
            out.inputs.push(Input::Stdin);
        } else if arg.split_once("://").is_some_and(|(s, _)| is_scheme(s)) {
            match crate::fetch::check_url(arg) {
                Ok(_) => out.inputs.push(Input::Url(arg.clone())),
                Err(kind) => out.errors.push(ReadError::new(arg, kind)),
            }
        } else {
            let path = PathBuf::from(arg);
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => walk(&path, &mut out),
                Ok(_) => out.inputs.push(Input::Path(path)),
                Err(e) => out
                    .errors
                    .push(ReadError::new(arg, ReadErrorKind::from_io(&e))),
            }
        }
    }
    out
}

fn is_scheme(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && s.starts_with(|c: char| c.is_ascii_alphabetic())
}

fn walk(dir: &Path, out: &mut Resolved) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.errors.push(ReadError::new(
                dir.display().to_string(),
                ReadErrorKind::from_io(&e),
            ));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // Follow symlinks to files, but do not descend symlinked folders (no cycles).
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if is_dir {
            walk(&path, out);
        } else if path.is_file() {
            match path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
            {
                None => out.inputs.push(Input::Path(path)),
                Some(ext) if FOLDER_EXTENSIONS.contains(&ext.as_str()) => {
                    out.inputs.push(Input::Path(path))
                }
                Some(_) => out.skipped.push(path),
            }
        }
    }
}

/// Options of a read.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Cap on one document: a page, a text file, a feed, one JSON line or WARC record.
    pub max_bytes: u64,
    /// Cap on a streamed container (a JSON Lines or WARC file, or a gzip stream).
    pub max_container_bytes: u64,
    /// Publication date for inputs that carry none (`--published`).
    pub default_published: Option<NaiveDate>,
    /// Fetch the page each feed item links to (`--follow`).
    pub follow: bool,
    pub fetch: FetchOptions,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: crate::DEFAULT_MAX_BYTES,
            max_container_bytes: 64 * crate::DEFAULT_MAX_BYTES,
            default_published: None,
            follow: false,
            fetch: FetchOptions::default(),
        }
    }
}

/// Reads inputs into articles. Holds the HTTP client, reused across inputs.
#[derive(Debug)]
pub struct Ingestor {
    pub(crate) opts: ReadOptions,
    pub(crate) fetcher: Fetcher,
}

impl Ingestor {
    pub fn new(opts: ReadOptions) -> Self {
        let fetcher = Fetcher::new(opts.fetch.clone());
        Ingestor { opts, fetcher }
    }

    pub fn options(&self) -> &ReadOptions {
        &self.opts
    }

    /// Reads one input, giving each article or failure to `emit` as soon as it is read.
    pub fn read(&self, input: &Input, emit: &mut dyn FnMut(Result<Article, ReadError>)) {
        let name = input.to_string();
        let result = match input {
            Input::Path(p) => self.read_path(p, &name, emit),
            Input::Stdin => {
                let stdin = io::stdin();
                let doc = Document::new(name.clone(), Box::new(stdin.lock()));
                self.dispatch(doc, emit)
            }
            Input::Url(u) => self.read_url(u, &name, emit),
        };
        if let Err(kind) = result {
            emit(Err(ReadError::new(name, kind)));
        }
    }

    /// Reads an in-memory input as if it were a file called `file_name` (its extension chooses
    /// the reader, else the content does). For tests, fuzzing and embedding.
    pub fn read_bytes(
        &self,
        name: &str,
        file_name: Option<&str>,
        bytes: &[u8],
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) {
        let mut doc = Document::new(name.to_owned(), Box::new(bytes));
        doc.file_name = file_name.map(str::to_owned);
        doc.size_hint = Some(bytes.len() as u64);
        if let Err(kind) = self.dispatch(doc, emit) {
            emit(Err(ReadError::new(name, kind)));
        }
    }

    fn read_path(
        &self,
        path: &Path,
        name: &str,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind> {
        let file = File::open(path).map_err(|e| ReadErrorKind::from_io(&e))?;
        let meta = file.metadata().map_err(|e| ReadErrorKind::from_io(&e))?;
        if meta.is_dir() {
            return Err(ReadErrorKind::Io("is a folder".into()));
        }
        let mut doc = Document::new(
            name.to_owned(),
            Box::new(BufReader::with_capacity(64 << 10, file)),
        );
        doc.file_name = path.file_name().and_then(|n| n.to_str()).map(str::to_owned);
        doc.size_hint = Some(meta.len());
        self.dispatch(doc, emit)
    }

    fn read_url(
        &self,
        url: &str,
        name: &str,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind> {
        let fetched = self.fetcher.fetch(url)?;
        let mut doc = Document::new(name.to_owned(), Box::new(io::Cursor::new(fetched.body)));
        doc.file_name = url::Url::parse(&fetched.url).ok().and_then(|u| {
            u.path_segments()
                .and_then(|mut s| s.next_back().map(str::to_owned))
        });
        doc.url = Some(fetched.url);
        doc.content_type = fetched.content_type;
        self.dispatch(doc, emit)
    }

    /// Chooses a reader by gzip magic, extension, content type and content, in that order.
    pub(crate) fn dispatch(
        &self,
        mut doc: Document<'_>,
        emit: &mut dyn FnMut(Result<Article, ReadError>),
    ) -> Result<(), ReadErrorKind> {
        let gzip = doc.gzip;
        let head = match doc.body.fill_buf() {
            Ok(h) => h,
            Err(e) if gzip => return Err(ReadErrorKind::Gzip(e.to_string())),
            Err(e) => return Err(ReadErrorKind::from_io(&e)),
        };
        if head.is_empty() {
            return Err(ReadErrorKind::Empty);
        }
        if head.starts_with(&[0x1f, 0x8b]) && !doc.gzip {
            let inner = flate2::bufread::MultiGzDecoder::new(doc.body);
            let limited = inner.take(self.opts.max_container_bytes + 1);
            let mut unzipped = Document::new(
                doc.name,
                Box::new(BufReader::with_capacity(64 << 10, limited)),
            );
            unzipped.file_name = doc.file_name.map(|n| strip_gz(&n));
            unzipped.url = doc.url;
            unzipped.gzip = true;
            unzipped.container_cap = Some(self.opts.max_container_bytes);
            return self.dispatch(unzipped, emit);
        }
        let format = doc
            .file_name
            .as_deref()
            .and_then(format_by_extension)
            .or_else(|| doc.content_type.as_deref().and_then(format_by_content_type))
            .map_or_else(|| sniff(head), Ok)?;
        readers::for_format(format).read(doc, self, emit)
    }
}

fn strip_gz(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".gz") {
        name[..name.len() - 3].to_owned()
    } else {
        name.to_owned()
    }
}

/// The format an extension names, if any.
pub(crate) fn format_by_extension(name: &str) -> Option<InputFormat> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" => InputFormat::Text,
        "html" | "htm" | "xhtml" | "shtml" => InputFormat::Html,
        "rss" | "atom" | "xml" | "rdf" => InputFormat::Feed,
        "jsonl" | "ndjson" | "json" => InputFormat::Jsonl,
        "warc" => InputFormat::Warc,
        _ => return None,
    })
}

fn format_by_content_type(ct: &str) -> Option<InputFormat> {
    let mime = ct.split(';').next()?.trim().to_ascii_lowercase();
    Some(match mime.as_str() {
        "text/html" | "application/xhtml+xml" => InputFormat::Html,
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => InputFormat::Feed,
        "text/plain" => InputFormat::Text,
        "application/x-ndjson" | "application/jsonl" | "application/json" => InputFormat::Jsonl,
        "application/warc" => InputFormat::Warc,
        // text/xml and application/xml may be feeds or XHTML: let the content decide.
        _ => return None,
    })
}

/// Decides the format from the first bytes of the content.
pub(crate) fn sniff(head: &[u8]) -> Result<InputFormat, ReadErrorKind> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if looks_binary(head) {
        return Err(ReadErrorKind::Binary);
    }
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let body = &head[start..];
    if body.starts_with(b"WARC/") {
        return Ok(InputFormat::Warc);
    }
    if body.starts_with(b"{") {
        return Ok(InputFormat::Jsonl);
    }
    if body.starts_with(b"<") {
        let lower: Vec<u8> = body.iter().take(4096).map(u8::to_ascii_lowercase).collect();
        let find = |needle: &[u8]| lower.windows(needle.len()).position(|w| w == needle);
        let feed = [&b"<rss"[..], b"<feed", b"<rdf:rdf"]
            .iter()
            .filter_map(|n| find(n))
            .min();
        let html = [&b"<html"[..], b"<!doctype html", b"<head", b"<body"]
            .iter()
            .filter_map(|n| find(n))
            .min();
        return Ok(match (feed, html) {
            (Some(f), Some(h)) if f < h => InputFormat::Feed,
            (Some(_), None) => InputFormat::Feed,
            (None, None) if lower.starts_with(b"<?xml") => InputFormat::Feed,
            _ => InputFormat::Html,
        });
    }
    Ok(InputFormat::Text)
}

/// NUL bytes, or many control characters, in the first bytes: not text. UTF-16 with a byte
/// order mark is text.
pub(crate) fn looks_binary(head: &[u8]) -> bool {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return false;
    }
    let sample = &head[..head.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(sniff(b"WARC/1.0\r\n"), Ok(InputFormat::Warc));
        assert_eq!(sniff(b"  {\"text\": 1}"), Ok(InputFormat::Jsonl));
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><rss version=\"2.0\">"),
            Ok(InputFormat::Feed)
        );
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Ok(InputFormat::Feed)
        );
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>rss feed</body>"),
            Ok(InputFormat::Html)
        );
        assert_eq!(sniff(b"<p>fragment"), Ok(InputFormat::Html));
        assert_eq!(
            sniff("\u{FEFF}Plain title\n\nBody.".as_bytes()),
            Ok(InputFormat::Text)
        );
        assert_eq!(
            sniff(b"\x7fELF\x02\x01\x01\x00\x00"),
            Err(ReadErrorKind::Binary)
        );
    }

    #[test]
    fn extensions_and_types() {
        assert_eq!(format_by_extension("a.HTM"), Some(InputFormat::Html));
        assert_eq!(format_by_extension("feed.atom"), Some(InputFormat::Feed));
        assert_eq!(format_by_extension("x.ndjson"), Some(InputFormat::Jsonl));
        assert_eq!(format_by_extension("noext"), None);
        assert_eq!(
            format_by_content_type("text/html; charset=utf-8"),
            Some(InputFormat::Html)
        );
        assert_eq!(format_by_content_type("text/xml"), None);
        assert_eq!(strip_gz("crawl.warc.gz"), "crawl.warc");
    }

    #[test]
    fn resolve_refuses_other_schemes_and_reports_missing_paths() {
        let r = resolve(&[
            "ftp://example.org/x".into(),
            "/definitely/not/here".into(),
            "-".into(),
        ]);
        assert_eq!(r.inputs, vec![Input::Stdin]);
        assert_eq!(r.errors.len(), 2);
        assert!(matches!(r.errors[0].kind, ReadErrorKind::Scheme(_)));
        assert_eq!(r.errors[1].kind, ReadErrorKind::NotFound);
    }
}
