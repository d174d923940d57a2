//! End-to-end tests of the `sitrep` binary on the sample articles in `examples/`, on bad
//! inputs, and on a killed ingest. Each runs the real binary against a real SQLite file.

use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn examples() -> PathBuf {
    repo().join("examples")
}

fn sitrep(db: &Path) -> Command {
    let mut c = Command::cargo_bin("sitrep").expect("binary built");
    c.env_remove("SITREP_DB").arg("--db").arg(db);
    c
}

fn json_lines(out: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// Runs `sitrep extract` with `args`, expects success, and returns its records.
fn extract_ok<I, S>(args: I) -> Vec<Value>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut cmd = Command::cargo_bin("sitrep").expect("binary built");
    records_of(cmd.arg("extract").args(args))
}

/// Runs a command that must succeed and returns the JSON lines it prints.
fn records_of(cmd: &mut Command) -> Vec<Value> {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out.stdout)
}

fn stored(db: &Path) -> Vec<Value> {
    records_of(sitrep(db).args(["articles", "--all", "--json"]))
}

fn by_path<'a>(rows: &'a [Value], file: &str) -> &'a Value {
    rows.iter()
        .find(|r| r["path"].as_str().is_some_and(|p| p.ends_with(file)))
        .unwrap_or_else(|| panic!("{file} not among {} rows", rows.len()))
}

#[test]
fn ingest_examples_groups_copies_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let out = sitrep(&db).arg("ingest").arg(examples()).output().unwrap();
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{summary} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 14 single-article files, 3 + 3 feed items, 3 JSON lines, 2 WARC responses.
    assert!(
        summary.starts_with("read 25, new 25, copies 3, failed 0"),
        "{summary}"
    );
    let rows = stored(&db);
    assert_eq!(rows.len(), 25);

    // The syndicated copies and the rewrite sit in their originals' groups.
    let wire = by_path(&rows, "antalya_talks_wire.txt");
    for copy in [
        "antalya_talks_syndicated.txt",
        "antalya_talks_northgate.html",
    ] {
        let c = by_path(&rows, copy);
        assert_eq!(c["copy_group"], wire["copy_group"], "{copy}");
        assert_eq!(
            c["copy_of"], wire["id"],
            "{copy} names the wire story as its original"
        );
    }
    assert_eq!(wire["copies"], 2);
    assert!(
        wire["copy_of"].is_null(),
        "the earliest published is the original"
    );
    let original = by_path(&rows, "mariupol_corridor_evacuations.txt");
    let spun = by_path(&rows, "mariupol_corridor_spun.txt");
    assert_eq!(spun["copy_group"], original["copy_group"]);
    assert_eq!(
        spun["copy_of"], original["id"],
        "the rewrite, published later, is the copy"
    );
    // Two independent reports of one event stay apart.
    let a = by_path(&rows, "mariupol_theatre_strike.txt");
    let b = by_path(&rows, "theatre_strike_meridian.html");
    assert_ne!(a["copy_group"], b["copy_group"]);
    let groups: std::collections::BTreeSet<&str> = rows
        .iter()
        .filter_map(|r| r["copy_group"].as_str())
        .collect();
    assert_eq!(groups.len(), 22, "25 articles in 22 stories");

    // A second run stores nothing new and changes nothing.
    let again = sitrep(&db).arg("ingest").arg(examples()).output().unwrap();
    let summary = String::from_utf8_lossy(&again.stdout);
    assert!(
        summary.starts_with("read 25, new 0, copies 0, failed 0"),
        "{summary}"
    );
    assert_eq!(stored(&db), rows);
}

#[test]
fn articles_lists_stories_with_filters_and_show_gives_copies() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sitrep(&db).arg("ingest").arg(examples()).assert().success();
    let out = sitrep(&db).args(["articles", "--json"]).output().unwrap();
    let stories = json_lines(&out.stdout);
    assert_eq!(stories.len(), 22, "one line per story by default");
    let table = sitrep(&db)
        .args([
            "articles",
            "--outlet",
            "danube",
            "--since",
            "2022-03-01",
            "--until",
            "2022-03-31",
        ])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&table.stdout);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("DATE"), "{table}");
    assert!(
        lines[1..]
            .iter()
            .all(|l| l.contains("Danube Wire") && l.contains("2022-03")),
        "{table}"
    );
    assert!(
        table.contains("Moscow pledges to cut back near Kyiv"),
        "{table}"
    );
    assert!(!table.contains("2023-"), "{table}");

    let wire = stories
        .iter()
        .find(|r| {
            r["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("antalya_talks_wire.txt"))
        })
        .unwrap();
    let id = wire["id"].as_str().unwrap();
    let show = sitrep(&db).args(["show", &id[..8]]).output().unwrap();
    let show = String::from_utf8_lossy(&show.stdout);
    assert!(show.contains("Lavrov and Kuleba meet in Antalya"), "{show}");
    assert!(show.contains("Copies of this story (3)"), "{show}");
    assert!(
        show.contains("Northgate Post") && show.contains("Russia, Ukraine top diplomats"),
        "{show}"
    );
    let missing = sitrep(&db)
        .args(["show", "0000000000000000"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn readers_fill_the_article_from_each_format() {
    let recs = extract_ok([examples()]);
    let find = |title_part: &str| {
        recs.iter()
            .find(|r| r["title"].as_str().is_some_and(|t| t.contains(title_part)))
            .unwrap_or_else(|| panic!("no article titled like {title_part}"))
    };
    // HTML: og/article meta, JSON-LD, <time>, canonical URL date; byline; boilerplate gone.
    let html = find("No ceasefire deal as Russian and Ukrainian ministers meet");
    assert_eq!(html["outlet"], "Northgate Post");
    assert_eq!(html["published"], "2022-03-10");
    assert_eq!(html["published_inferred"], false);
    assert_eq!(html["language"], "en");
    let text = html["text"].as_str().unwrap();
    for junk in [
        "Subscribe",
        "Leave a Reply",
        "Related",
        "cookies",
        "Share on",
    ] {
        assert!(
            !text.contains(junk),
            "HTML boilerplate {junk:?} left in {text}"
        );
    }
    let ld = find("Moscow pledges to cut back near Kyiv");
    assert_eq!(ld["published"], "2022-03-29");
    assert!(
        ld["byline"].as_str().is_some_and(|b| b.contains(',')),
        "two JSON-LD authors: {}",
        ld["byline"]
    );
    assert_eq!(
        find("Russian strike flattens Mariupol theatre")["published"],
        "2022-03-16",
        "date from the canonical URL"
    );
    assert_eq!(
        find("Aid trickles into northwest Syria")["published"],
        "2023-02-10",
        "date from <time>"
    );
    // RSS: items with full content and with a description only.
    let rss: Vec<&Value> = recs
        .iter()
        .filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with(".rss")))
        .collect();
    assert_eq!(rss.len(), 3);
    assert!(
        rss.iter()
            .all(|r| r["url"].as_str().is_some_and(|u| u.starts_with("http"))
                && !r["published"].is_null())
    );
    // Atom.
    let atom: Vec<&Value> = recs
        .iter()
        .filter(|r| r["path"].as_str().is_some_and(|p| p.ends_with(".atom")))
        .collect();
    assert_eq!(atom.len(), 3);
    assert_eq!(
        find("Russia acknowledges 498 soldiers killed")["published"],
        "2022-03-02"
    );
    // JSON Lines: named fields, the rest as metadata.
    let jl = find("Missile strikes Kharkiv");
    assert_eq!(jl["outlet"], "Danube Wire");
    assert_eq!(jl["published"], "2022-03-01");
    assert!(
        jl["meta"]["section"].is_string(),
        "extra fields are kept: {}",
        jl["meta"]
    );
    // WARC: the two HTML responses, with their target URIs.
    let warc: Vec<&Value> = recs.iter().filter(|r| r["format"] == "warc").collect();
    assert_eq!(warc.len(), 2);
    assert!(
        warc.iter()
            .all(|r| r["url"].as_str().is_some_and(|u| u.starts_with("http")))
    );
    // Plain text: title line, dateline date inferred, copy-site junk gone.
    let txt = find("Russia, Ukraine top diplomats fail to agree truce");
    assert_eq!(txt["published"], "2022-03-10");
    assert_eq!(txt["published_inferred"], true);
    let text = txt["text"].as_str().unwrap();
    for junk in ["Source link", "Leave a Reply", "Related Articles"] {
        assert!(!text.contains(junk), "{junk:?} left in {text}");
    }
    // Every record follows the extract contract.
    for r in &recs {
        for key in [
            "id",
            "path",
            "url",
            "title",
            "outlet",
            "published",
            "published_inferred",
            "text",
            "times",
            "entities",
            "claims",
            "events",
        ] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
        assert_eq!(r["id"].as_str().map(str::len), Some(16));
    }
}

#[test]
fn extract_reads_standard_input_and_applies_published_only_without_a_date() {
    let out = Command::cargo_bin("sitrep")
        .unwrap()
        .args(["extract", "--published", "2022-03-21", "-"])
        .write_stdin("Convoy reaches the city\n\nBuses carrying families arrived after a long night on the road, officials said.\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let r = &json_lines(&out.stdout)[0];
    assert_eq!(r["path"], "-");
    assert_eq!(r["title"], "Convoy reaches the city");
    assert_eq!(r["published"], "2022-03-21");
    assert_eq!(r["published_inferred"], false);
    // A page with its own date keeps it.
    let page = examples().join("istanbul_talks_danube.html");
    let out = Command::cargo_bin("sitrep")
        .unwrap()
        .args(["extract", "--published", "2000-01-01"])
        .arg(page)
        .output()
        .unwrap();
    assert_eq!(json_lines(&out.stdout)[0]["published"], "2022-03-29");
}

/// The seeds are real copied reports: `extract` must keep their reporting and drop the junk
/// copy sites append. Skips when ../shared is absent.
#[test]
fn extract_seeds_drops_trailing_site_boilerplate() {
    let seeds = repo().join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        eprintln!("skipped: {} not present", seeds.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut args: Vec<PathBuf> = vec!["--published".into(), "2022-03-21".into()];
    args.extend(files.iter().cloned());
    let recs = extract_ok(&args);
    assert_eq!(recs.len(), files.len());
    for r in &recs {
        let text = r["text"].as_str().unwrap();
        assert!(text.len() > 1500, "reporting kept: {}", r["path"]);
        for junk in [
            "Source link",
            "Leave a Reply",
            "Related Articles",
            "Comments are closed",
            "Latest articles",
            "More like this",
            "Back to top",
            "Image Credit",
            "becoming a member",
            "You were reading",
        ] {
            assert!(
                !text.to_lowercase().contains(&junk.to_lowercase()),
                "{junk:?} left in {}",
                r["path"]
            );
        }
        assert!(
            !text.contains("\n\n\n") && !text.starts_with(char::is_whitespace),
            "normalised whitespace"
        );
    }
}

#[test]
fn bad_inputs_are_reported_one_line_each_and_good_ones_stored() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    for good in [
        "antalya_talks_wire.txt",
        "istanbul_talks_danube.html",
        "northgate_world.rss",
    ] {
        std::fs::copy(examples().join(good), inbox.join(good)).unwrap();
    }
    // Binary junk with an article extension, a truncated gzip, a malformed feed, an empty
    // file, a Latin-1 text, an oversized page, a JSON Lines file with one bad line.
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(inbox.join("junk.html"), &junk).unwrap();
    let mut gz = Vec::new();
    {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
        enc.write_all(
            std::fs::read(examples().join("refugees_unhcr_3_4m.txt"))
                .unwrap()
                .as_slice(),
        )
        .unwrap();
        enc.finish().unwrap();
    }
    std::fs::write(inbox.join("cut.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    std::fs::write(inbox.join("broken.rss"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title><description>half").unwrap();
    std::fs::write(inbox.join("empty.txt"), "").unwrap();
    std::fs::write(
        inbox.join("latin1.txt"),
        b"Caf\xe9 r\xe9fugi\xe9s\n\nLes r\xe9fugi\xe9s arrivent.\n",
    )
    .unwrap();
    std::fs::write(
        inbox.join("huge.html"),
        format!(
            "<html><body>{}</body></html>",
            "<p>word </p>".repeat(30_000)
        ),
    )
    .unwrap();
    std::fs::write(inbox.join("mixed.jsonl"), "{\"title\":\"Fine\",\"text\":\"A valid record about a corridor that opened on Monday.\"}\n{not json\n").unwrap();

    let db = dir.path().join("s.db");
    let out = sitrep(&db)
        .args(["ingest", "--max-bytes", "200000"])
        .arg(&inbox)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "exit 1 when an input failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    let expect = [
        ("broken.rss", "malformed feed"),
        ("cut.txt.gz", "gzip"),
        ("empty.txt", "empty"),
        ("huge.html", "over the size cap"),
        ("junk.html", "binary"),
        ("latin1.txt", "not UTF-8"),
        ("mixed.jsonl:2", "malformed JSON"),
    ];
    assert_eq!(
        lines.len(),
        expect.len(),
        "one line per bad input:\n{stderr}"
    );
    for (name, reason) in expect {
        assert!(
            lines.iter().any(|l| l.contains(name) && l.contains(reason)),
            "no line for {name} ({reason}):\n{stderr}"
        );
    }
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.starts_with("read 6, new 6, copies 0, failed 7"),
        "{summary}"
    );
    assert_eq!(stored(&db).len(), 6, "the good files are stored");

    // Nothing stored is lost when a later batch fails.
    let again = sitrep(&db)
        .arg("ingest")
        .arg(inbox.join("empty.txt"))
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(stored(&db).len(), 6);
    // A missing path is one line too.
    let missing = sitrep(&db)
        .arg("ingest")
        .arg(dir.path().join("nope.txt"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.txt: not found"));
}

#[test]
fn killed_ingest_leaves_a_valid_database_and_the_next_run_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let total = 6000;
    for i in 0..total {
        let body = format!(
            "Report number {i}\n\nOfficials in district {i} said {} families had been moved to shelters on day {} \
             of the operation, while aid convoy {} waited at checkpoint {}. Volunteers counted {} tents.\n",
            i * 7 % 1000,
            i % 30,
            i * 13 % 97,
            i % 11,
            i * 3 % 500
        );
        std::fs::write(corpus.join(format!("{i:05}.txt")), body).unwrap();
    }
    let db = dir.path().join("s.db");
    let bin = assert_cmd::cargo::cargo_bin("sitrep");
    let mut child = StdCommand::new(&bin)
        .arg("--db")
        .arg(&db)
        .args(["ingest", "--batch", "50"])
        .arg(&corpus)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill without warning.
    let count = |db: &Path| -> i64 {
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while count(&db) < 100 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let after_kill = count(&db);
    assert!(
        after_kill >= 100,
        "batches committed before the kill stay: {after_kill}"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    drop(conn);
    let out = sitrep(&db).arg("ingest").arg(&corpus).output().unwrap();
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stdout);
    let stored_now = count(&db);
    assert_eq!(stored_now, total as i64, "{summary}");
    assert!(
        summary.contains(&format!("({after_kill} already stored)")) || after_kill as usize == total,
        "{summary}"
    );
}

#[test]
fn help_explains_each_command() {
    let out = Command::cargo_bin("sitrep")
        .unwrap()
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in ["ingest", "articles", "show", "extract", "eval"] {
        assert!(help.contains(cmd), "{help}");
    }
    let out = Command::cargo_bin("sitrep")
        .unwrap()
        .args(["ingest", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("--published") && help.contains("--follow") && help.contains("summary line"),
        "{help}"
    );
}

#[test]
fn a_pathologically_nested_page_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("nest.html");
    let depth = 50_000;
    std::fs::write(
        &page,
        format!(
            "<html><body>{}<p>x</p>{}</body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    )
    .unwrap();
    let good = examples().join("istanbul_talks_danube.html");
    let out = Command::cargo_bin("sitrep")
        .unwrap()
        .arg("extract")
        .arg(&page)
        .arg(&good)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("nest.html") && stderr.contains("nested more than"),
        "{stderr}"
    );
    assert_eq!(
        json_lines(&out.stdout).len(),
        1,
        "the good page is still read"
    );
}

/// `show` lists what an article names, from the annotations stored at ingest; `reindex` finds
/// nothing to redo right after an ingest.
#[test]
fn show_lists_stored_annotations_and_reindex_has_nothing_to_redo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    sitrep(&db)
        .arg("ingest")
        .arg(examples().join("zelenskiy_ready_to_negotiate.txt"))
        .assert()
        .success();
    let rows = json_lines(
        &sitrep(&db)
            .args(["articles", "--json"])
            .output()
            .unwrap()
            .stdout,
    );
    let id = rows[0]["id"].as_str().unwrap().to_owned();
    let out = sitrep(&db).args(["show", &id]).output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    let line = |label: &str| {
        shown
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no {label} line in {shown}"))
            .to_owned()
    };
    assert!(line("persons").contains("Volodymyr Zelenskiy"));
    assert!(
        !line("persons").contains("Zelensky;"),
        "one name for every spelling"
    );
    assert!(line("places").contains("Kyiv (50.45, 30.52)"));
    assert!(line("times").contains("a week ago = 2022-03-14"));
    let json: Value = serde_json::from_slice(
        &sitrep(&db)
            .args(["show", &id, "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(json["entities"].as_array().is_some_and(|e| !e.is_empty()));
    // The article's claims and events, as ingest extracted them.
    assert!(shown.contains("Vitali Klitschko"), "{shown}");
    assert!(line("Claims (").contains("Claims"));
    assert!(line("Events (").contains("Events"));
    let claims = json["claims"].as_array().expect("claims");
    assert!(
        claims
            .iter()
            .any(|c| c["metric"] == "killed" && c["value"] == 8.0)
    );
    assert!(
        json["events"]
            .as_array()
            .is_some_and(|e| e.iter().any(|e| e["kind"] == "talks"))
    );
    let out = sitrep(&db).arg("reindex").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "analysed 0 articles"
    );
}
