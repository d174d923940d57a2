//! Inputs that once crashed a reader (found by the fuzz targets in `fuzz/`, kept in
//! `fuzz/regressions/<target>-<name>`): each must now be read without a panic, and every
//! failure must be one line.

use std::path::Path;

#[test]
fn fuzz_findings_no_longer_crash() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/regressions");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("regressions folder")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    assert!(!entries.is_empty());
    let ing = ingest::Ingestor::new(ingest::ReadOptions {
        max_bytes: 1 << 20,
        max_container_bytes: 8 << 20,
        ..Default::default()
    });
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let bytes = std::fs::read(e.path()).expect("readable");
        // The target named before the first '-' chose the reader by file name.
        let file_name = match name.split('-').next() {
            Some("html") => Some("x.html"),
            Some("feed") => Some("x.rss"),
            Some("jsonl") => Some("x.jsonl"),
            Some("warc") => Some("x.warc"),
            _ => None,
        };
        ing.read_bytes(&name, file_name, &bytes, &mut |r| match r {
            Ok(a) => assert!(!a.text.trim().is_empty(), "{name}: empty article"),
            Err(err) => assert!(!err.to_string().contains('\n'), "{name}: {err}"),
        });
    }
}
