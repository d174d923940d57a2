//! `text`: `ingest::clean::clean_text` and the date parsers of `ingest::dates` on one string
//! (invalid UTF-8 is replaced, so every input reaches them).
#![no_main]

use chrono::Datelike;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);

    // Article text is built the same way: it must never keep a CR or a NUL.
    let cleaned = ingest::clean::clean_text(&s);
    assert!(!cleaned.contains('\r'), "clean_text left a CR: {cleaned:?}");
    assert!(
        !cleaned.contains('\0'),
        "clean_text left a NUL: {cleaned:?}"
    );

    // Every date the parsers return is plausible (1900..=2100), as `dates::plausible` promises.
    for (what, date) in [
        ("parse_date", ingest::dates::parse_date(&s)),
        ("date_in_url", ingest::dates::date_in_url(&s)),
        ("date_in_opening", ingest::dates::date_in_opening(&s)),
    ] {
        if let Some(d) = date {
            assert!(
                (1900..=2100).contains(&d.year()),
                "{what} gave an implausible date {d} for {s:?}"
            );
        }
    }
});
