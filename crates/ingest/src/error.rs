use std::fmt;

/// Why one input (a file, a URL, a feed item, a JSON line, a WARC record) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadErrorKind {
    #[error("not found")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("I/O error: {0}")]
    Io(String),
    #[error("empty input")]
    Empty,
    #[error("over the size cap ({size} bytes > {cap} bytes)")]
    TooLarge { size: u64, cap: u64 },
    #[error("undecodable bytes: {0}")]
    Undecodable(String),
    #[error("HTML nested more than {limit} elements deep; refused as hostile")]
    TooDeep { limit: usize },
    #[error("binary content, not an article")]
    Binary,
    #[error("truncated or corrupt gzip: {0}")]
    Gzip(String),
    #[error("malformed feed: {0}")]
    Feed(String),
    #[error("malformed JSON: {0}")]
    Json(String),
    #[error("malformed WARC: {0}")]
    Warc(String),
    #[error("no article text found")]
    NoText,
    #[error("unsupported URL scheme '{0}' (only http and https are fetched)")]
    Scheme(String),
    #[error("invalid URL: {0}")]
    Url(String),
    #[error("HTTP {0}")]
    HttpStatus(u16),
    #[error("timed out")]
    Timeout,
    #[error("too many redirects (more than {0})")]
    Redirects(u32),
    #[error("fetch failed: {0}")]
    Fetch(String),
    #[error("unrecognised format: {0}")]
    Format(String),
}

impl ReadErrorKind {
    pub(crate) fn from_io(e: &std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => ReadErrorKind::NotFound,
            std::io::ErrorKind::PermissionDenied => ReadErrorKind::PermissionDenied,
            std::io::ErrorKind::InvalidData => ReadErrorKind::Undecodable(e.to_string()),
            _ => ReadErrorKind::Io(e.to_string()),
        }
    }
}

/// A failed input: its name (path, URL, `path:line`, `path#record`) and the reason.
/// `Display` gives the one line that sitrep prints on standard error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ReadError {
    pub input: String,
    pub kind: ReadErrorKind,
}

impl ReadError {
    pub fn new(input: impl Into<String>, kind: ReadErrorKind) -> Self {
        ReadError {
            input: input.into(),
            kind,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Keep the line single: reasons from parsers may carry newlines.
        let reason = self.kind.to_string().replace(['\n', '\r'], " ");
        write!(f, "{}: {}", self.input, reason)
    }
}
