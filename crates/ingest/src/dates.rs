//! Publication dates from metadata strings, URLs and the opening of an article.
//!
//! Entry points: [`parse_date`] for a metadata value, [`date_in_url`] for URL paths such as
//! `/2022/03/16/`, and [`date_in_opening`] for a full date written near the start of the text
//! (the result is then marked inferred).

use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use regex::Regex;

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    #[allow(clippy::expect_used)] // constant patterns, exercised by the tests below
    cell.get_or_init(|| Regex::new(pat).expect("constant regex compiles"))
}

const MONTHS: &str = "jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?";

fn month_number(name: &str) -> Option<u32> {
    let m = name.trim_end_matches('.').to_ascii_lowercase();
    let idx = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|p| m.starts_with(p))?;
    Some(idx as u32 + 1)
}

fn plausible(d: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike;
    (1900..=2100).contains(&d.year()).then_some(d)
}

/// Parses a date as metadata gives it: ISO 8601 (with or without time and zone), RFC 2822/1123,
/// `YYYY/MM/DD`, `YYYYMMDD`, `March 3, 2022`, `3 March 2022`. The calendar day is the one written
/// (local to the publisher), not converted to UTC.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return plausible(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return plausible(d.date_naive());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return plausible(d.date());
        }
    }
    static ISO_PREFIX: OnceLock<Regex> = OnceLock::new();
    if let Some(c) = re(
        &ISO_PREFIX,
        r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])",
    )
    .captures(s)
    {
        return ymd(&c[1], &c[2], &c[3]);
    }
    static COMPACT: OnceLock<Regex> = OnceLock::new();
    if let Some(c) = re(&COMPACT, r"^(\d{4})(\d{2})(\d{2})$").captures(s) {
        return ymd(&c[1], &c[2], &c[3]);
    }
    date_in_words(s)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).and_then(plausible)
}

/// The first date written in words with a year: "March 3, 2022", "Thursday 3 March 2022",
/// "Mar. 3 2022".
fn date_in_words(s: &str) -> Option<NaiveDate> {
    static MDY: OnceLock<Regex> = OnceLock::new();
    static DMY: OnceLock<Regex> = OnceLock::new();
    let mdy = re(
        &MDY,
        &format!(r"(?i)\b({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"),
    );
    let dmy = re(
        &DMY,
        &format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS}),?\s+(\d{{4}})\b"),
    );
    let a = mdy.captures(s).and_then(|c| {
        let d =
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)?;
        Some((c.get(0)?.start(), d))
    });
    let b = dmy.captures(s).and_then(|c| {
        let d =
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?)?;
        Some((c.get(0)?.start(), d))
    });
    match (a, b) {
        (Some(a), Some(b)) => plausible(if a.0 <= b.0 { a.1 } else { b.1 }),
        (a, b) => a.or(b).and_then(|x| plausible(x.1)),
    }
}

/// A date in a URL path: `/2022/03/16/`, `/2022-03-16/`, `/20220316/` or `/2022/03/` is not
/// enough (no day).
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    static URL_DATE: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &URL_DATE,
        r"[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)",
    );
    let c = r.captures(url)?;
    ymd(&c[1], &c[2], &c[3])
}

/// A full date written in the opening of an article (a dateline or a "Published" line), for
/// inputs that carry no date of their own. Only the first 400 characters are read.
pub fn date_in_opening(text: &str) -> Option<NaiveDate> {
    let end = text.char_indices().nth(400).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    static ISO_IN_TEXT: OnceLock<Regex> = OnceLock::new();
    let iso = re(&ISO_IN_TEXT, r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
        .captures(head)
        .and_then(|c| Some((c.get(0)?.start(), ymd(&c[1], &c[2], &c[3])?)));
    let words = date_in_words(head).map(|d| (usize::MAX, d));
    match (iso, words) {
        (Some(i), _) => Some(i.1),
        (None, w) => w.map(|w| w.1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn metadata_forms() {
        assert_eq!(parse_date("2022-03-16"), d(2022, 3, 16));
        assert_eq!(parse_date("2022-03-16T23:30:00+02:00"), d(2022, 3, 16));
        assert_eq!(parse_date("2022-03-16T23:30:00Z"), d(2022, 3, 16));
        assert_eq!(parse_date("2022-03-16T08:00:00.000"), d(2022, 3, 16));
        assert_eq!(parse_date("Wed, 16 Mar 2022 10:00:00 GMT"), d(2022, 3, 16));
        assert_eq!(parse_date("2022/03/16"), d(2022, 3, 16));
        assert_eq!(parse_date("20220316"), d(2022, 3, 16));
        assert_eq!(parse_date("March 16, 2022"), d(2022, 3, 16));
        assert_eq!(parse_date("Mar. 16 2022"), d(2022, 3, 16));
        assert_eq!(parse_date("16th of March, 2022"), d(2022, 3, 16));
        assert_eq!(
            parse_date("Wednesday 16 March 2022 14:00 GMT"),
            d(2022, 3, 16)
        );
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2022-02-30"), None);
        assert_eq!(parse_date("0001-01-01"), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            date_in_url("https://x.example/world/2022/03/16/theatre-strike"),
            d(2022, 3, 16)
        );
        assert_eq!(
            date_in_url("https://x.example/news/2022-03-16-theatre"),
            d(2022, 3, 16)
        );
        assert_eq!(
            date_in_url("https://x.example/a/20220316/b"),
            d(2022, 3, 16)
        );
        assert_eq!(date_in_url("https://x.example/2022/03/theatre"), None);
        assert_eq!(date_in_url("https://x.example/article/1234567890"), None);
    }

    proptest::proptest! {
        /// Any string parses without panicking, to a plausible date or to nothing.
        #[test]
        fn any_string_gives_a_plausible_date_or_none(
            s in "\\PC{0,40}|[0-9/ .,-]{0,20}|(Mar(ch)?|[0-9]{1,2}) [0-9]{1,2},? [0-9]{4}"
        ) {
            use chrono::Datelike;
            for d in [parse_date(&s), date_in_url(&s), date_in_opening(&s)].into_iter().flatten() {
                proptest::prop_assert!((1900..=2100).contains(&d.year()));
            }
        }

        /// Every real calendar day written in the common forms reads back as itself.
        #[test]
        fn written_dates_round_trip(days in 0i64..55_000) {
            let day = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap() + chrono::Duration::days(days);
            for form in ["%Y-%m-%d", "%B %-d, %Y", "%-d %B %Y", "%a, %d %b %Y 10:00:00 GMT", "%Y/%m/%d"] {
                let written = day.format(form).to_string();
                proptest::prop_assert_eq!(parse_date(&written), Some(day), "{}", written);
            }
        }
    }

    #[test]
    fn opening_dates() {
        assert_eq!(
            date_in_opening("LVIV, Ukraine, March 21, 2022 — Officials said"),
            d(2022, 3, 21)
        );
        assert_eq!(
            date_in_opening("Published 2022-03-21 09:00. Officials said"),
            d(2022, 3, 21)
        );
        assert_eq!(date_in_opening("KYIV, March 3 (Wire) - no year here"), None);
    }
}
