//! `annotate`: the whole annotation layer (`annotate::Annotator::annotate`) on one string, with a
//! publication date taken from the input's first bytes (none, or any day from 1900 to 2100), and
//! `TimeTagger::infer_published`, then the claims and events built on it
//! (`extract::Extractor::extract`). Checks the records' invariants: spans on character
//! boundaries, inside the text, in order and without overlap within each layer; every claim
//! and event inside its sentence, with evidence inside the text.
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fn annotator() -> &'static annotate::Annotator {
    static A: OnceLock<annotate::Annotator> = OnceLock::new();
    A.get_or_init(annotate::Annotator::new)
}

fn extractor() -> &'static extract::Extractor {
    static E: OnceLock<extract::Extractor> = OnceLock::new();
    E.get_or_init(extract::Extractor::new)
}

fn check(text: &str, what: &str, spans: impl Iterator<Item = (usize, usize)>, ordered: bool) {
    let mut last = 0;
    for (s, e) in spans {
        assert!(
            s < e && e <= text.len(),
            "{what} span {s}..{e} outside {}",
            text.len()
        );
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{what} {s}..{e}"
        );
        if ordered {
            assert!(s >= last, "{what} spans overlap or go back at {s}");
            last = e;
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (anchor, rest) = match data.split_first() {
        Some((&b, rest)) if b % 2 == 1 && rest.len() >= 2 => {
            let days = u32::from(u16::from_le_bytes([rest[0], rest[1]])) % 73_000;
            let base = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date");
            (
                base.checked_add_days(chrono::Days::new(u64::from(days))),
                &rest[2..],
            )
        }
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    let text = String::from_utf8_lossy(rest);
    let a = annotator().annotate(&text, anchor);
    check(
        &text,
        "sentence",
        a.sentences.iter().map(|s| (s.start, s.end)),
        true,
    );
    check(
        &text,
        "token",
        a.tokens.iter().map(|t| (t.start, t.end)),
        true,
    );
    check(
        &text,
        "number",
        a.numbers.iter().map(|n| (n.start, n.end)),
        true,
    );
    check(
        &text,
        "time",
        a.times.iter().map(|t| (t.start, t.end)),
        true,
    );
    // People, organisations and groups may contain places ("Mariupol city council").
    check(
        &text,
        "entity",
        a.entities.iter().map(|e| (e.start, e.end)),
        false,
    );
    for n in &a.numbers {
        assert!(
            !n.value.is_nan(),
            "NaN value for {:?}",
            &text[n.start..n.end]
        );
    }
    let _ = annotator().times.infer_published(&text);
    let found = extractor().extract(&text, &a, anchor);
    for c in &found.claims {
        check(
            &text,
            "claim",
            [(c.start, c.end), (c.sentence_start, c.sentence_end)].into_iter(),
            false,
        );
        assert!(
            c.sentence_start <= c.start && c.end <= c.sentence_end,
            "claim outside its sentence"
        );
        assert!(c.value.is_finite(), "claim value {}", c.value);
        for e in &c.evidence {
            assert!(
                e.start <= e.end
                    && e.end <= text.len()
                    && text.is_char_boundary(e.start)
                    && text.is_char_boundary(e.end)
            );
        }
    }
    for e in &found.events {
        check(
            &text,
            "event",
            [(e.start, e.end), (e.sentence_start, e.sentence_end)].into_iter(),
            false,
        );
        assert!(
            e.sentence_start <= e.start && e.end <= e.sentence_end,
            "event outside its sentence"
        );
        for x in &e.evidence {
            assert!(
                x.start <= x.end
                    && x.end <= text.len()
                    && text.is_char_boundary(x.start)
                    && text.is_char_boundary(x.end)
            );
        }
    }
});
