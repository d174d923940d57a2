//! Fetching `http(s)://` inputs: connect and read timeouts, a size cap, at most five redirects,
//! gzip. Every other scheme is refused before any connection is made.

use std::time::Duration;

use crate::error::ReadErrorKind;

/// Limits of one fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    /// The whole exchange, redirects included.
    pub total_timeout: Duration,
    pub max_redirects: u32,
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(20),
            total_timeout: Duration::from_secs(60),
            max_redirects: 5,
            max_bytes: crate::DEFAULT_MAX_BYTES,
        }
    }
}

/// A fetched page: its final URL (after redirects), content type and body bytes.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub url: String,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

const ACCEPT: &str = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,\
application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

/// Checks that a URL is one sitrep fetches: absolute, http or https, with a host.
pub fn check_url(raw: &str) -> Result<url::Url, ReadErrorKind> {
    let u = url::Url::parse(raw).map_err(|e| ReadErrorKind::Url(e.to_string()))?;
    match u.scheme() {
        "http" | "https" => {}
        other => return Err(ReadErrorKind::Scheme(other.to_owned())),
    }
    if u.host_str().is_none_or(str::is_empty) {
        return Err(ReadErrorKind::Url("no host".into()));
    }
    Ok(u)
}

/// An HTTP client configured once and reused for every URL of a run.
#[derive(Debug, Clone)]
pub struct Fetcher {
    agent: ureq::Agent,
    opts: FetchOptions,
}

impl Fetcher {
    pub fn new(opts: FetchOptions) -> Self {
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(opts.connect_timeout))
            .timeout_recv_response(Some(opts.read_timeout))
            .timeout_recv_body(Some(opts.read_timeout))
            .timeout_global(Some(opts.total_timeout))
            // Redirects are followed here, not by ureq, so that every hop is checked (ureq
            // resolves a `file:` Location as a relative path on the same server).
            .max_redirects(0)
            .max_redirects_will_error(false)
            .http_status_as_error(false)
            .user_agent(concat!("sitrep/", env!("CARGO_PKG_VERSION")))
            .build();
        Fetcher {
            agent: config.into(),
            opts,
        }
    }

    /// Fetches one URL, following at most `max_redirects` redirects, each to an http(s) URL.
    /// A body over the cap fails.
    pub fn fetch(&self, raw: &str) -> Result<Fetched, ReadErrorKind> {
        let started = std::time::Instant::now();
        let mut url = check_url(raw)?;
        for _hop in 0..=self.opts.max_redirects {
            if started.elapsed() > self.opts.total_timeout {
                return Err(ReadErrorKind::Timeout);
            }
            let mut resp = self
                .agent
                .get(url.as_str())
                .header("Accept", ACCEPT)
                .call()
                .map_err(|e| self.map_error(e, None))?;
            let status = resp.status().as_u16();
            let header = |name: &str| {
                resp.headers()
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_owned)
            };
            if matches!(status, 301 | 302 | 303 | 307 | 308) {
                let location = header("location").ok_or_else(|| {
                    ReadErrorKind::Fetch(format!("HTTP {status} without Location"))
                })?;
                let next = url
                    .join(location.trim())
                    .map_err(|e| ReadErrorKind::Url(e.to_string()))?;
                url = check_url(next.as_str())?;
                continue;
            }
            if !(200..300).contains(&status) {
                return Err(ReadErrorKind::HttpStatus(status));
            }
            let content_type = header("content-type");
            let length = header("content-length").and_then(|l| l.trim().parse::<u64>().ok());
            let body = resp
                .body_mut()
                .with_config()
                .limit(self.opts.max_bytes)
                .read_to_vec()
                .map_err(|e| self.map_error(e, length))?;
            return Ok(Fetched {
                url: url.to_string(),
                content_type,
                body,
            });
        }
        Err(ReadErrorKind::Redirects(self.opts.max_redirects))
    }

    /// `length`: the declared body length, to report the real size of an oversized body.
    fn map_error(&self, e: ureq::Error, length: Option<u64>) -> ReadErrorKind {
        match e {
            ureq::Error::StatusCode(s) => ReadErrorKind::HttpStatus(s),
            ureq::Error::Timeout(_) => ReadErrorKind::Timeout,
            ureq::Error::TooManyRedirects => ReadErrorKind::Redirects(self.opts.max_redirects),
            ureq::Error::BodyExceedsLimit(_) => ReadErrorKind::TooLarge {
                // The declared length when the server gave one, else "just over".
                size: length
                    .filter(|&l| l > self.opts.max_bytes)
                    .unwrap_or(self.opts.max_bytes + 1),
                cap: self.opts.max_bytes,
            },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                ReadErrorKind::Timeout
            }
            ureq::Error::Decompress(_, io) => ReadErrorKind::Gzip(io.to_string()),
            ureq::Error::BadUri(u) => ReadErrorKind::Url(u),
            other => ReadErrorKind::Fetch(other.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_are_fetched() {
        assert!(check_url("https://example.org/a").is_ok());
        assert!(check_url("http://127.0.0.1:8080/a").is_ok());
        for bad in [
            "file:///etc/passwd",
            "ftp://example.org/x",
            "javascript:alert(1)",
            "gopher://x/",
        ] {
            assert!(
                matches!(check_url(bad), Err(ReadErrorKind::Scheme(_))),
                "{bad}"
            );
        }
        assert!(matches!(check_url("http://"), Err(ReadErrorKind::Url(_))));
        assert!(matches!(check_url("not a url"), Err(ReadErrorKind::Url(_))));
    }
}
