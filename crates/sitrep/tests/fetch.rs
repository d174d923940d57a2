//! URL fetching, end to end: the `sitrep` binary against a real HTTP/1.1 server on loopback.
//!
//! The server below is deliberately small: one thread per connection, the request head read
//! up to the blank line, one response with `Content-Length` (or a deliberate stall), then the
//! connection is closed. Each test starts its own server on `127.0.0.1:0`, so tests run in
//! parallel without fixed ports, and each server logs the paths it was asked for.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// Documents served
// ---------------------------------------------------------------------------------------------

const OUTLET: &str = "The Lakeshore Courier";
const ARTICLE_TITLE: &str = "Evacuation corridor from Veldara opens for a second day";
const ARTICLE_FIRST: &str = "Buses carrying about 1,200 civilians left the besieged river town of Veldara on Thursday morning";
const ARTICLE_QUOTE: &str =
    "Every hour we are told the guns will stay silent, and every hour we check again";
const ARTICLE_LAST: &str =
    "asked residents with spare rooms to register them with the city council";

/// An article page: a fictional outlet, metadata in meta tags, navigation and footer around
/// the story. No canonical link and no `og:url`, so the article's `url` is the fetched one.
const ARTICLE_HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Evacuation corridor from Veldara opens for a second day | The Lakeshore Courier</title>
<meta property="og:title" content="Evacuation corridor from Veldara opens for a second day">
<meta property="og:site_name" content="The Lakeshore Courier">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-03-14T08:30:00+00:00">
<meta name="author" content="Tomas Lindqvist">
</head>
<body>
<header>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/climate">Climate</a> <a href="/subscribe">Subscribe</a></nav>
</header>
<main>
<article>
<h1>Evacuation corridor from Veldara opens for a second day</h1>
<p class="byline">By Tomas Lindqvist</p>
<p>Buses carrying about 1,200 civilians left the besieged river town of Veldara on Thursday morning, the second day that a humanitarian corridor agreed by both sides held, according to the regional emergency office.</p>
<p>The convoy of 34 buses and a dozen private cars travelled along the northern highway towards Dorniv, stopping at three checkpoints where volunteers handed out water, blankets and baby formula. Most of those on board were women, children and elderly residents who had sheltered in basements for nearly three weeks.</p>
<p>Mira Ostrowska, who coordinates the corridor for the regional emergency office, said the route had been quiet overnight but warned that the arrangement remained fragile. "Every hour we are told the guns will stay silent, and every hour we check again," she said by telephone from the assembly point near the old grain terminal.</p>
<p>Aid agencies said they hoped to send trucks with food and medicine back into the town along the same road on Friday. The local branch of the Red Cross said it had registered more than 400 people with chronic illnesses who still needed to be moved, including patients who depend on dialysis.</p>
<p>Officials in Dorniv said reception centres in two schools and a sports hall could take another 3,000 people. The town's mayor asked residents with spare rooms to register them with the city council.</p>
</article>
</main>
<footer><p>&copy; 2024 The Lakeshore Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body>
</html>
"#;

const WATER_OUTLET: &str = "Harbour Evening Post";
const WATER_FIRST: &str =
    "Twelve water trucks reached the flooded eastern districts of Port Anselm";
const WATER_LAST: &str = "pumping stations would not run again before the end of the month";

/// A second page, served gzip-encoded.
const WATER_HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Water trucks reach flooded districts of Port Anselm</title>
<meta property="og:site_name" content="Harbour Evening Post">
<meta property="article:published_time" content="2023-11-02T16:05:00+00:00">
</head>
<body>
<article>
<h1>Water trucks reach flooded districts of Port Anselm</h1>
<p>Twelve water trucks reached the flooded eastern districts of Port Anselm on Wednesday, four days after the river burst its banks and cut the mains supply to some 40,000 homes, the city's civil protection service said.</p>
<p>Residents queued with buckets and plastic canisters at the distribution points set up outside the market hall and the bus depot. Volunteers from the sailing club ferried bottled water by boat to streets that the trucks could not reach.</p>
<p>The service said the water company's engineers had begun to inspect the damage but that the pumping stations would not run again before the end of the month.</p>
</article>
</body>
</html>
"#;

const FEED_TITLE: &str = "The Lakeshore Courier - World";
const FEED_SUMMARY_1: &str = "Short summary from the feed: civilians leave Veldara by bus.";
const FEED_SUMMARY_2: &str = "A field hospital with forty beds was moved to the village of Krasne on Tuesday after shelling damaged its previous site, its staff said.";

/// An RSS feed whose first item links to the article page and whose second links to a page
/// that is gone (404).
fn feed_rss(base: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>{FEED_TITLE}</title>
<link>{base}/</link>
<description>World news from The Lakeshore Courier</description>
<language>en</language>
<item>
  <title>{ARTICLE_TITLE}</title>
  <link>{base}/article.html</link>
  <guid isPermaLink="false">courier-veldara-2</guid>
  <pubDate>Wed, 13 Mar 2024 18:00:00 GMT</pubDate>
  <description>{FEED_SUMMARY_1}</description>
</item>
<item>
  <title>Field hospital moves closer to the front line</title>
  <link>{base}/gone.html</link>
  <guid isPermaLink="false">courier-krasne-hospital</guid>
  <pubDate>Tue, 12 Mar 2024 17:00:00 GMT</pubDate>
  <description>{FEED_SUMMARY_2}</description>
</item>
</channel>
</rss>
"#
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).expect("gzip in memory");
    enc.finish().expect("gzip in memory")
}

/// The article page padded with an HTML comment to `len` bytes.
fn padded_article(len: usize) -> Vec<u8> {
    let mut page = ARTICLE_HTML.as_bytes().to_vec();
    page.extend_from_slice(b"<!--");
    while page.len() < len - 3 {
        page.extend_from_slice(b" padding");
    }
    page.truncate(len - 3);
    page.extend_from_slice(b"-->");
    page
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

/// The server's deliberate delay on the slow routes: far longer than `--timeout 1`.
const SERVER_DELAY: Duration = Duration::from_secs(8);

struct Server {
    base: String,
    port: u16,
    hits: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        let base = format!("http://127.0.0.1:{port}");
        let hits = Arc::new(Mutex::new(Vec::new()));
        {
            let hits = Arc::clone(&hits);
            let base = base.clone();
            thread::spawn(move || {
                for conn in listener.incoming() {
                    let Ok(stream) = conn else { continue };
                    let hits = Arc::clone(&hits);
                    let base = base.clone();
                    thread::spawn(move || {
                        let _ = handle(stream, &base, &hits);
                    });
                }
            });
        }
        Server { base, port, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Request targets received so far, in order.
    fn hits(&self) -> Vec<String> {
        self.hits.lock().expect("hits lock").clone()
    }
}

struct Response {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Response {
    fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status: 200,
            headers: vec![("Content-Type", content_type.to_owned())],
            body: body.into(),
        }
    }

    fn html(body: impl Into<Vec<u8>>) -> Response {
        Response::ok("text/html; charset=utf-8", body)
    }

    fn gzipped_html(body: Vec<u8>) -> Response {
        let mut r = Response::html(body);
        r.headers.push(("Content-Encoding", "gzip".into()));
        r
    }

    fn redirect(location: String) -> Response {
        Response {
            status: 302,
            headers: vec![
                ("Location", location),
                ("Content-Type", "text/plain".into()),
            ],
            body: b"moved".to_vec(),
        }
    }

    fn not_found() -> Response {
        Response {
            status: 404,
            headers: vec![("Content-Type", "text/html; charset=utf-8".into())],
            body: b"<html><body><h1>Not found</h1><p>No page here.</p></body></html>".to_vec(),
        }
    }

    fn head(&self, content_length: usize) -> Vec<u8> {
        let reason = match self.status {
            200 => "OK",
            302 => "Found",
            404 => "Not Found",
            _ => "Status",
        };
        let mut head = format!("HTTP/1.1 {} {reason}\r\n", self.status);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {content_length}\r\nConnection: close\r\n\r\n"
        ));
        head.into_bytes()
    }
}

/// Reads the request head, logs its target, answers, closes.
fn handle(mut stream: TcpStream, base: &str, hits: &Mutex<Vec<String>>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf)?;
        if n == 0 || head.len() > 64 << 10 {
            return Ok(());
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head);
    let target = head
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("")
        .to_owned();
    hits.lock().expect("hits lock").push(target.clone());

    let response = match target.as_str() {
        "/article.html" => Response::html(ARTICLE_HTML),
        "/feed.rss" => Response::ok("application/rss+xml; charset=utf-8", feed_rss(base)),
        "/pdf-feed.rss" => Response::ok(
            "application/rss+xml",
            feed_rss(base).replace("/gone.html", "/report.pdf"),
        ),
        "/report.pdf" => Response::ok(
            "application/pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj".to_vec(),
        ),
        "/gzip.html" => Response::gzipped_html(gzip(WATER_HTML.as_bytes())),
        // A gzip file served as such (no Content-Encoding): sitrep's own gzip sniffing reads it.
        "/archive.html.gz" => Response::ok("application/gzip", gzip(WATER_HTML.as_bytes())),
        "/truncated-gzip.html" => {
            let full = gzip(WATER_HTML.as_bytes());
            Response::gzipped_html(full[..full.len() / 2].to_vec())
        }
        "/truncated.html.gz" => {
            let full = gzip(WATER_HTML.as_bytes());
            Response::ok("application/gzip", full[..full.len() / 2].to_vec())
        }
        // 300 000 bytes on the wire.
        "/big.html" => Response::html(padded_article(300_000)),
        // About 2 kB on the wire, 3 MB once decoded.
        "/bomb.html" => Response::gzipped_html(gzip(&padded_article(3_000_000))),
        "/to-ftp" => Response::redirect(format!("ftp://127.0.0.1:{}/article.html", port_of(base))),
        "/to-file" => Response::redirect("file:///etc/passwd".into()),
        "/slow.html" => {
            // Nothing at all until long after the client's timeout.
            thread::sleep(SERVER_DELAY);
            Response::html(ARTICLE_HTML)
        }
        "/stall.html" => {
            // The head and part of the body at once, then silence.
            let body = padded_article(50_000);
            stream.write_all(&Response::html(Vec::new()).head(body.len()))?;
            stream.write_all(&body[..1_000])?;
            stream.flush()?;
            thread::sleep(SERVER_DELAY);
            return Ok(());
        }
        t => match t
            .strip_prefix("/chain/")
            .and_then(|n| n.parse::<u32>().ok())
        {
            // `/chain/N` redirects N times, the last time to the article.
            Some(n) if n > 1 => Response::redirect(format!("/chain/{}", n - 1)),
            Some(1) => Response::redirect(format!("{base}/article.html")),
            _ => Response::not_found(),
        },
    };
    stream.write_all(&response.head(response.body.len()))?;
    stream.write_all(&response.body)?;
    stream.flush()?;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(())
}

fn port_of(base: &str) -> &str {
    base.rsplit(':').next().unwrap_or("")
}

// ---------------------------------------------------------------------------------------------
// Running sitrep
// ---------------------------------------------------------------------------------------------

/// No test may take this long; if sitrep hangs, the test fails instead of hanging too.
const WATCHDOG: Duration = Duration::from_secs(30);

#[derive(Debug)]
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    fn stdout_lines(&self) -> Vec<&str> {
        self.stdout
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect()
    }

    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect()
    }

    /// The JSON objects printed by `extract` (one per line).
    fn records(&self) -> Vec<Value> {
        self.stdout_lines()
            .iter()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
            .collect()
    }
}

/// Runs the `sitrep` binary with a clean environment for fetching: no proxy (ureq reads the
/// proxy variables) and no `SITREP_DB`.
fn sitrep(args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for var in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "no_proxy",
        "NO_PROXY",
        "SITREP_DB",
    ] {
        cmd.env_remove(var);
    }
    let started = Instant::now();
    let child = cmd.spawn().expect("run sitrep");
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    let output = rx
        .recv_timeout(WATCHDOG)
        .unwrap_or_else(|_| panic!("sitrep {args:?} did not finish within {WATCHDOG:?}"))
        .expect("wait for sitrep");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

fn extract(args: &[&str]) -> Run {
    let mut all = vec!["extract"];
    all.extend_from_slice(args);
    sitrep(&all)
}

fn str_field<'a>(record: &'a Value, field: &str) -> &'a str {
    record[field]
        .as_str()
        .unwrap_or_else(|| panic!("field {field} is not a string in {record}"))
}

/// Asserts the run failed with status 1, printed nothing on stdout and exactly one stderr line
/// `<input>: <reason>`; returns the reason.
fn assert_single_failure(run: &Run, input: &str) -> String {
    assert_eq!(run.code, Some(1), "exit status, {run:#?}");
    assert_eq!(run.stdout_lines(), Vec::<&str>::new(), "stdout, {run:#?}");
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 1, "exactly one stderr line, {run:#?}");
    let prefix = format!("{input}: ");
    let reason = lines[0]
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("stderr line does not start with {prefix:?}: {run:#?}"));
    assert!(!reason.trim().is_empty(), "empty reason, {run:#?}");
    reason.to_owned()
}

/// Asserts a record is the Veldara article page.
fn assert_is_article(record: &Value, url: &str) {
    assert_eq!(str_field(record, "url"), url, "{record:#}");
    assert_eq!(str_field(record, "outlet"), OUTLET, "{record:#}");
    assert_eq!(str_field(record, "title"), ARTICLE_TITLE, "{record:#}");
    assert_eq!(str_field(record, "published"), "2024-03-14", "{record:#}");
    assert_eq!(
        record["published_inferred"],
        Value::Bool(false),
        "{record:#}"
    );
    let text = str_field(record, "text");
    for needle in [ARTICLE_FIRST, ARTICLE_QUOTE, ARTICLE_LAST] {
        assert!(text.contains(needle), "text lacks {needle:?}: {text}");
    }
    assert!(!text.contains('<'), "markup left in the text: {text}");
    assert!(!text.contains("All rights reserved"), "footer kept: {text}");
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[test]
fn fetched_page_gives_text_and_metadata() {
    let srv = Server::start();
    let url = srv.url("/article.html");
    let run = extract(&[&url]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stderr_lines(), Vec::<&str>::new(), "{run:#?}");
    let records = run.records();
    assert_eq!(records.len(), 1, "{run:#?}");
    assert_is_article(&records[0], &url);
    assert_eq!(str_field(&records[0], "path"), url);
    assert_eq!(str_field(&records[0], "format"), "html");
    assert_eq!(srv.hits(), ["/article.html"]);
}

#[test]
fn http_404_is_one_line_and_the_batch_goes_on() {
    let srv = Server::start();
    let missing = srv.url("/missing.html");
    let good = srv.url("/article.html");
    let run = extract(&[&missing, &good]);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert_eq!(
        run.stderr_lines(),
        [format!("{missing}: HTTP 404").as_str()],
        "{run:#?}"
    );
    let records = run.records();
    assert_eq!(records.len(), 1, "{run:#?}");
    assert_is_article(&records[0], &good);
    assert_eq!(srv.hits(), ["/missing.html", "/article.html"]);
}

#[test]
fn three_redirects_are_followed_and_url_is_the_final_one() {
    let srv = Server::start();
    let start = srv.url("/chain/3");
    let run = extract(&[&start]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stderr_lines(), Vec::<&str>::new(), "{run:#?}");
    let records = run.records();
    assert_eq!(records.len(), 1, "{run:#?}");
    // `url` is where the page was found; `path` is the input as given.
    assert_is_article(&records[0], &srv.url("/article.html"));
    assert_eq!(str_field(&records[0], "path"), start);
    assert_eq!(
        srv.hits(),
        ["/chain/3", "/chain/2", "/chain/1", "/article.html"]
    );
}

#[test]
fn five_redirects_are_the_limit() {
    let srv = Server::start();
    let run = extract(&[&srv.url("/chain/5")]);
    assert_eq!(
        run.code,
        Some(0),
        "five redirects must be followed: {run:#?}"
    );
    assert_eq!(run.records().len(), 1, "{run:#?}");

    let six = srv.url("/chain/6");
    let run = extract(&[&six]);
    let reason = assert_single_failure(&run, &six);
    assert_eq!(reason, "too many redirects (more than 5)");
}

#[test]
fn seven_redirects_fail() {
    let srv = Server::start();
    let start = srv.url("/chain/7");
    let run = extract(&[&start]);
    let reason = assert_single_failure(&run, &start);
    assert_eq!(reason, "too many redirects (more than 5)");
    let hits = srv.hits();
    assert!(
        !hits.iter().any(|h| h == "/article.html"),
        "the end of the chain must not be fetched: {hits:?}"
    );
    assert!(
        hits.len() <= 6,
        "at most the first redirect and five more: {hits:?}"
    );
}

#[test]
fn redirect_to_ftp_fails() {
    let srv = Server::start();
    let start = srv.url("/to-ftp");
    let run = extract(&[&start]);
    let reason = assert_single_failure(&run, &start);
    assert!(
        reason.contains("ftp"),
        "reason should name the scheme: {reason}"
    );
    // The ftp:// target is this server's port: nothing may have connected there.
    assert_eq!(srv.hits(), ["/to-ftp"]);
}

#[test]
fn redirect_to_file_fails() {
    let srv = Server::start();
    let start = srv.url("/to-file");
    let run = extract(&[&start]);
    let reason = assert_single_failure(&run, &start);
    assert!(
        reason.contains("file"),
        "reason should name the scheme: {reason}"
    );
    assert!(!run.stdout.contains("root:"), "{run:#?}");
    // Nothing but the redirect itself may be requested.
    assert_eq!(srv.hits(), ["/to-file"]);
}

#[test]
fn gzip_content_encoding_is_decoded() {
    let srv = Server::start();
    let url = srv.url("/gzip.html");
    let run = extract(&[&url]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stderr_lines(), Vec::<&str>::new(), "{run:#?}");
    let records = run.records();
    assert_eq!(records.len(), 1, "{run:#?}");
    let r = &records[0];
    assert_eq!(str_field(r, "url"), url);
    assert_eq!(str_field(r, "outlet"), WATER_OUTLET);
    assert_eq!(str_field(r, "published"), "2023-11-02");
    let text = str_field(r, "text");
    assert!(text.contains(WATER_FIRST), "{text}");
    assert!(text.contains(WATER_LAST), "{text}");
}

#[test]
fn gzip_file_without_content_encoding_is_decoded() {
    let srv = Server::start();
    let url = srv.url("/archive.html.gz");
    let run = extract(&[&url]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    let records = run.records();
    assert_eq!(records.len(), 1, "{run:#?}");
    let text = str_field(&records[0], "text");
    assert!(text.contains(WATER_FIRST), "{text}");
    assert_eq!(str_field(&records[0], "outlet"), WATER_OUTLET);
}

#[test]
fn truncated_gzip_content_encoding_fails() {
    let srv = Server::start();
    let url = srv.url("/truncated-gzip.html");
    let run = extract(&[&url]);
    let reason = assert_single_failure(&run, &url);
    assert!(
        reason.starts_with("truncated or corrupt gzip: "),
        "reason: {reason}"
    );
}

#[test]
fn truncated_gzip_file_fails() {
    let srv = Server::start();
    let url = srv.url("/truncated.html.gz");
    let run = extract(&[&url]);
    let reason = assert_single_failure(&run, &url);
    assert!(
        reason.starts_with("truncated or corrupt gzip: "),
        "reason: {reason}"
    );
}

/// With `--timeout 1`, the route fails with exactly "timed out", within a few seconds.
fn assert_times_out(route: &str) {
    let srv = Server::start();
    let url = srv.url(route);
    let run = extract(&["--timeout", "1", &url]);
    let reason = assert_single_failure(&run, &url);
    assert_eq!(reason, "timed out");
    assert!(
        run.elapsed < Duration::from_secs(5),
        "took {:?} with --timeout 1",
        run.elapsed
    );
}

#[test]
fn silent_server_times_out() {
    assert_times_out("/slow.html");
}

#[test]
fn stalled_body_times_out() {
    assert_times_out("/stall.html");
}

#[test]
fn body_over_max_bytes_fails() {
    let srv = Server::start();
    let url = srv.url("/big.html");
    let run = extract(&["--max-bytes", "50000", &url]);
    let reason = assert_single_failure(&run, &url);
    assert!(
        reason.starts_with("over the size cap (") && reason.ends_with("> 50000 bytes)"),
        "reason: {reason}"
    );

    // The same page under the default cap is read: the cap is what refused it.
    let run = extract(&[&url]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    let records = run.records();
    assert_eq!(records.len(), 1, "{run:#?}");
    assert_is_article(&records[0], &url);
}

#[test]
fn gzip_encoded_body_is_capped_once_decoded() {
    let srv = Server::start();
    let url = srv.url("/bomb.html");
    let run = extract(&["--max-bytes", "100000", &url]);
    let reason = assert_single_failure(&run, &url);
    assert!(
        reason.starts_with("over the size cap (") && reason.ends_with("> 100000 bytes)"),
        "reason: {reason}"
    );
}

#[test]
fn unsupported_schemes_on_the_command_line_fail_without_network() {
    let srv = Server::start();
    // Point the ftp URL at the test server: a connection would show up in its log.
    let ftp = format!("ftp://127.0.0.1:{}/article.html", srv.port);
    for (input, scheme) in [(ftp.as_str(), "ftp"), ("file:///etc/passwd", "file")] {
        let run = extract(&[input]);
        let reason = assert_single_failure(&run, input);
        assert_eq!(
            reason,
            format!("unsupported URL scheme '{scheme}' (only http and https are fetched)")
        );
        assert!(!run.stdout.contains("root:"), "{run:#?}");
    }

    // Alongside a good URL: the good one is read, the refused one is one line, status 1.
    let good = srv.url("/article.html");
    let run = extract(&[&ftp, &good, "file:///etc/passwd"]);
    assert_eq!(run.code, Some(1), "{run:#?}");
    let mut lines = run.stderr_lines();
    lines.sort_unstable();
    let mut expected = vec![
        format!("{ftp}: unsupported URL scheme 'ftp' (only http and https are fetched)"),
        "file:///etc/passwd: unsupported URL scheme 'file' (only http and https are fetched)"
            .to_owned(),
    ];
    expected.sort_unstable();
    assert_eq!(lines, expected, "{run:#?}");
    let records = run.records();
    assert_eq!(records.len(), 1, "{run:#?}");
    assert_is_article(&records[0], &good);

    assert_eq!(
        srv.hits(),
        ["/article.html"],
        "only the http URL may be fetched"
    );
}

#[test]
fn feed_without_follow_uses_the_feed_text() {
    let srv = Server::start();
    let feed = srv.url("/feed.rss");
    let run = extract(&[&feed]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stderr_lines(), Vec::<&str>::new(), "{run:#?}");
    let records = run.records();
    assert_eq!(records.len(), 2, "{run:#?}");
    assert_eq!(str_field(&records[0], "url"), srv.url("/article.html"));
    assert_eq!(str_field(&records[0], "text"), FEED_SUMMARY_1);
    assert_eq!(str_field(&records[1], "url"), srv.url("/gone.html"));
    assert_eq!(str_field(&records[1], "text"), FEED_SUMMARY_2);
    assert_eq!(srv.hits(), ["/feed.rss"], "no linked page may be fetched");
}

#[test]
fn feed_follow_reads_linked_pages_and_keeps_the_feed_text_of_a_404_item() {
    let srv = Server::start();
    let feed = srv.url("/feed.rss");
    let gone = srv.url("/gone.html");
    let run = extract(&["--follow", &feed]);

    assert_eq!(
        run.code,
        Some(1),
        "the 404 item counts as a failure: {run:#?}"
    );
    assert_eq!(
        run.stderr_lines(),
        [format!("{gone}: HTTP 404").as_str()],
        "{run:#?}"
    );
    let records = run.records();
    assert_eq!(records.len(), 2, "both items are printed: {run:#?}");

    // Item 1: the linked page's text and metadata, not the feed's summary.
    let first = &records[0];
    assert_is_article(first, &srv.url("/article.html"));
    assert!(
        !str_field(first, "text").contains("Short summary from the feed"),
        "{first:#}"
    );
    assert_eq!(str_field(first, "path"), feed);

    // Item 2: its page is gone, so the feed's own description stands.
    let second = &records[1];
    assert_eq!(str_field(second, "url"), gone);
    assert_eq!(str_field(second, "text"), FEED_SUMMARY_2);
    assert_eq!(str_field(second, "outlet"), FEED_TITLE);
    assert_eq!(str_field(second, "published"), "2024-03-12");
    assert_eq!(str_field(second, "path"), feed);

    let mut hits = srv.hits();
    hits.sort_unstable();
    assert_eq!(hits, ["/article.html", "/feed.rss", "/gone.html"]);
}

#[test]
fn feed_follow_refuses_a_linked_page_that_is_not_html() {
    let srv = Server::start();
    let feed = srv.url("/pdf-feed.rss");
    let pdf = srv.url("/report.pdf");
    let run = extract(&["--follow", &feed]);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert_eq!(
        run.stderr_lines(),
        [
            format!("{pdf}: unrecognised format: linked page is application/pdf, not HTML")
                .as_str()
        ],
        "{run:#?}"
    );
    let records = run.records();
    assert_eq!(records.len(), 2, "{run:#?}");
    assert_eq!(
        str_field(&records[1], "text"),
        FEED_SUMMARY_2,
        "the feed's text stands"
    );
}

fn ingest(db: &Path, args: &[&str]) -> Run {
    let db = db.to_str().expect("UTF-8 temp path");
    let mut all = vec!["--db", db, "ingest"];
    all.extend_from_slice(args);
    sitrep(&all)
}

/// The stored articles, as `sitrep articles --all --json` lists them.
fn stored(db: &Path) -> Vec<Value> {
    let run = sitrep(&[
        "--db",
        db.to_str().expect("UTF-8 temp path"),
        "articles",
        "--all",
        "--json",
    ]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    run.records()
}

/// One stored article in full, as `sitrep show ID --json` prints it.
fn show(db: &Path, id: &str) -> Value {
    let run = sitrep(&[
        "--db",
        db.to_str().expect("UTF-8 temp path"),
        "show",
        id,
        "--json",
    ]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {run:#?}"))
}

#[test]
fn ingest_of_a_url_is_stored_once() {
    let srv = Server::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("sitrep.db");
    let url = srv.url("/article.html");

    let run = ingest(&db, &[&url]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    assert_eq!(run.stderr_lines(), Vec::<&str>::new(), "{run:#?}");
    assert_eq!(
        run.stdout_lines(),
        ["read 1, new 1, copies 0, failed 0"],
        "{run:#?}"
    );

    let list = stored(&db);
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(str_field(&list[0], "url"), url, "{:#}", list[0]);

    let run = ingest(&db, &[&url]);
    assert_eq!(run.code, Some(0), "{run:#?}");
    let summary = run.stdout_lines();
    assert_eq!(summary.len(), 1, "{run:#?}");
    assert!(
        summary[0].starts_with("read 1, new 0, ") && summary[0].contains("failed 0"),
        "second ingest must store nothing new: {run:#?}"
    );
    assert_eq!(stored(&db).len(), 1);
    assert_eq!(srv.hits(), ["/article.html", "/article.html"]);
}

#[test]
fn ingest_reports_a_404_and_stores_the_rest() {
    let srv = Server::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("sitrep.db");
    let missing = srv.url("/missing.html");
    let good = srv.url("/article.html");

    let run = ingest(&db, &[&missing, &good]);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert_eq!(
        run.stderr_lines(),
        [format!("{missing}: HTTP 404").as_str()],
        "{run:#?}"
    );
    assert_eq!(
        run.stdout_lines(),
        ["read 1, new 1, copies 0, failed 1"],
        "{run:#?}"
    );
    let list = stored(&db);
    assert_eq!(list.len(), 1, "{list:#?}");
    assert_eq!(str_field(&list[0], "url"), good);
}

#[test]
fn ingest_follow_stores_the_linked_page_text() {
    let srv = Server::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("sitrep.db");
    let feed = srv.url("/feed.rss");
    let gone = srv.url("/gone.html");

    let run = ingest(&db, &["--follow", &feed]);
    assert_eq!(run.code, Some(1), "{run:#?}");
    assert_eq!(
        run.stderr_lines(),
        [format!("{gone}: HTTP 404").as_str()],
        "{run:#?}"
    );
    assert_eq!(
        run.stdout_lines(),
        ["read 2, new 2, copies 0, failed 1"],
        "{run:#?}"
    );

    let list = stored(&db);
    assert_eq!(list.len(), 2, "{list:#?}");
    let by_url = |url: &str| -> Value {
        let found = list
            .iter()
            .find(|a| a["url"].as_str() == Some(url))
            .unwrap_or_else(|| panic!("no stored article with url {url}: {list:#?}"));
        let id = str_field(found, "id");
        show(&db, id)
    };
    let page = by_url(&srv.url("/article.html"));
    let text = page["article"]["text"].as_str().expect("text");
    assert!(text.contains(ARTICLE_FIRST), "{page:#}");
    assert!(text.contains(ARTICLE_LAST), "{page:#}");
    assert!(!text.contains("Short summary from the feed"), "{page:#}");
    assert_eq!(page["article"]["outlet"].as_str(), Some(OUTLET), "{page:#}");

    let kept = by_url(&gone);
    assert_eq!(
        kept["article"]["text"].as_str(),
        Some(FEED_SUMMARY_2),
        "{kept:#}"
    );

    // Ingesting the feed again stores nothing new.
    let run = ingest(&db, &["--follow", &feed]);
    assert_eq!(run.code, Some(1), "{run:#?}");
    let summary = run.stdout_lines();
    assert_eq!(summary.len(), 1, "{run:#?}");
    assert!(summary[0].starts_with("read 2, new 0, "), "{run:#?}");
    assert_eq!(stored(&db).len(), 2);
}
