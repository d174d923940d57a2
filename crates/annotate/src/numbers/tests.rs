use super::*;
use crate::text::tokenize;
use NumberKind as K;
use NumberModifier as M;

fn find(text: &str) -> Vec<NumberMention> {
    NumberTagger::new().find(text, &tokenize(text))
}

/// The mentions as (text, value, kind, modifier).
fn brief(text: &str) -> Vec<(String, f64, K, M)> {
    find(text)
        .into_iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                m.value,
                m.kind,
                m.modifier,
            )
        })
        .collect()
}

/// The only mention of `text`.
fn one(text: &str) -> NumberMention {
    let mut found = find(text);
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found.remove(0)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// Checks the one mention's span text, value, kind and modifier.
fn check(text: &str, span: &str, value: f64, kind: K, modifier: M) {
    let m = one(text);
    assert_eq!(&text[m.start..m.end], span, "{text}: {m:?}");
    assert!(
        close(m.value, value),
        "{text}: value {} not {value}",
        m.value
    );
    assert_eq!(m.kind, kind, "{text}: {m:?}");
    assert_eq!(m.modifier, modifier, "{text}: {m:?}");
}

#[test]
fn digits_with_separators_and_multipliers() {
    check(
        "at least 2,000 civilians died",
        "at least 2,000",
        2000.0,
        K::Count,
        M::AtLeast,
    );
    check(
        "2.1 million displaced",
        "2.1 million",
        2.1e6,
        K::Count,
        M::Exact,
    );
    check("a 1.5bn aid package", "1.5bn", 1.5e9, K::Count, M::Exact);
    check("40k troops massed", "40k", 40e3, K::Count, M::Exact);
    check(
        "2,90,000 homes damaged",
        "2,90,000",
        290_000.0,
        K::Count,
        M::Exact,
    );
    check(
        "the toll rose to 14,000.",
        "14,000",
        14_000.0,
        K::Count,
        M::Exact,
    );
    check("a 0.75 share", "0.75", 0.75, K::Count, M::Exact);
    check("3.4m people fled", "3.4m", 3.4e6, K::Count, M::Exact);
    check(
        "some 13 lakh pilgrims",
        "some 13 lakh",
        1.3e6,
        K::Count,
        M::Approximately,
    );
}

#[test]
fn number_words() {
    check(
        "forty-five bodies were found",
        "forty-five",
        45.0,
        K::Count,
        M::Exact,
    );
    check("a hundred villages", "a hundred", 100.0, K::Count, M::Exact);
    check(
        "two million refugees",
        "two million",
        2e6,
        K::Count,
        M::Exact,
    );
    check(
        "three hundred and five soldiers",
        "three hundred and five",
        305.0,
        K::Count,
        M::Exact,
    );
    check(
        "nearly two and a half million",
        "nearly two and a half million",
        2.5e6,
        K::Count,
        M::Approximately,
    );
    check(
        "half a million fled",
        "half a million",
        5e5,
        K::Count,
        M::Exact,
    );
    check("a dozen drones", "a dozen", 12.0, K::Count, M::Exact);
    assert!(find("no one was hurt").is_empty());
}

#[test]
fn shares() {
    check(
        "a quarter of the city",
        "a quarter",
        0.25,
        K::Share,
        M::Exact,
    );
    check("half of the residents", "half", 0.5, K::Share, M::Exact);
    check(
        "one in five children",
        "one in five",
        0.2,
        K::Share,
        M::Exact,
    );
    check("1 in 3 homes", "1 in 3", 1.0 / 3.0, K::Share, M::Exact);
    check(
        "two-thirds of the region",
        "two-thirds",
        2.0 / 3.0,
        K::Share,
        M::Exact,
    );
    check(
        "more than half the staff",
        "more than half",
        0.5,
        K::Share,
        M::MoreThan,
    );
    // "the second half" is no share, and a year after "in" is no denominator.
    assert!(brief("the second half").iter().all(|m| m.2 != K::Share));
    assert!(brief("3 in 2014").iter().all(|m| m.2 != K::Share));
}

#[test]
fn vague_quantities() {
    let v = |t: &str, span: &str, value: f64| {
        let m = one(t);
        assert_eq!(&t[m.start..m.end], span);
        assert!(m.vague, "{t}");
        assert!(close(m.value, value), "{t}: {}", m.value);
    };
    v("dozens of wounded", "dozens", 24.0);
    v("hundreds were detained", "hundreds", 200.0);
    v("thousands marched", "thousands", 2000.0);
    v("tens of thousands fled", "tens of thousands", 20_000.0);
    v(
        "hundreds of thousands of people",
        "hundreds of thousands",
        200_000.0,
    );
    v("scores of homes", "scores", 40.0);
    v("several hundred protesters", "several hundred", 300.0);
    assert!(!one("500 people").vague);
}

#[test]
fn modifiers() {
    let m = |t: &str, modifier: M| assert_eq!(one(t).modifier, modifier, "{t}");
    m("more than 3.4 million refugees", M::MoreThan);
    m("some 400 people", M::Approximately);
    m("nearly 90 tanks", M::Approximately);
    m("almost 20 villages", M::Approximately);
    m("about 70 wounded", M::Approximately);
    m("around 1,000 troops", M::Approximately);
    m("roughly 5,000 homes", M::Approximately);
    m("an estimated 12,000 fighters", M::Approximately);
    m("up to 700 workers", M::AtMost);
    m("no fewer than 60 dead", M::AtLeast);
    m("fewer than 10 survivors", M::LessThan);
    m("under 50 doctors", M::LessThan);
    m("over 100 missiles", M::MoreThan);
    m("500 or more casualties", M::AtLeast);
    check(
        "at least 2,000 civilians",
        "at least 2,000",
        2000.0,
        K::Count,
        M::AtLeast,
    );
}

#[test]
fn ranges() {
    let r = |t: &str, span: &str, low: f64, high: f64| {
        let m = one(t);
        assert_eq!(&t[m.start..m.end], span, "{t}");
        assert_eq!(m.modifier, M::Range, "{t}");
        assert!(
            close(m.value, low) && m.high.is_some_and(|h| close(h, high)),
            "{t}: {m:?}"
        );
    };
    r(
        "between 1,300 and 1,500 dead",
        "between 1,300 and 1,500",
        1300.0,
        1500.0,
    );
    r("30 to 40 bodies", "30 to 40", 30.0, 40.0);
    r("from 200 to 300 families", "from 200 to 300", 200.0, 300.0);
    r("10-15 shells", "10-15", 10.0, 15.0);
    r(
        "between 2 and 3 million people",
        "between 2 and 3 million",
        2e6,
        3e6,
    );
    r("$5-10 million in aid", "$5-10 million", 5e6, 1e7);
    r(
        "more than 10 and less than 20 rockets",
        "more than 10 and less than 20",
        10.0,
        20.0,
    );
    // A fall is no range, nor a phone number.
    assert!(find("from 40 to 30 tanks").iter().all(|m| m.high.is_none()));
    assert!(find("call 555-1234-5678").iter().all(|m| m.high.is_none()));
}

#[test]
fn kinds() {
    let k = |t: &str, span: &str, value: f64, kind: K| {
        let found = find(t);
        let m = found
            .iter()
            .find(|m| &t[m.start..m.end] == span)
            .unwrap_or_else(|| panic!("{t}: no {span:?} in {found:?}"));
        assert_eq!(m.kind, kind, "{t}: {m:?}");
        assert!(close(m.value, value), "{t}: {m:?}");
    };
    k("the war began in 2014", "2014", 2014.0, K::Year);
    k("exiled since 1991, he", "1991", 1991.0, K::Year);
    k("a boy aged 19 was shot", "19", 19.0, K::Age);
    k("a 19-year-old soldier", "19-year-old", 19.0, K::Age);
    k("Anna Petrova, 34, said", "34", 34.0, K::Age);
    k("shelling began at 10 am", "10 am", 10.0, K::TimeOfDay);
    k("curfew from 0700 GMT", "0700 GMT", 7.0, K::TimeOfDay);
    k("at 14:30 sirens sounded", "14:30", 14.5, K::TimeOfDay);
    k("on March 20 troops entered", "20", 20.0, K::Date);
    k("on 20 March troops entered", "20", 20.0, K::Date);
    k("the third convoy", "third", 3.0, K::Ordinal);
    k("the 21st brigade", "21st", 21.0, K::Ordinal);
    k("prices rose 40 percent", "40 percent", 40.0, K::Percent);
    k("turnout was 1%", "1%", 1.0, K::Percent);
    k("a rise of 7 per cent", "7 per cent", 7.0, K::Percent);
    k("pledged $5 million", "$5 million", 5e6, K::Money);
    k("a €2bn loan", "€2bn", 2e9, K::Money);
    k(
        "5 million dollars in cash",
        "5 million dollars",
        5e6,
        K::Money,
    );
    k("it costs 50 cents", "50 cents", 0.5, K::Money);
    k("30 km from the border", "30 km", 30.0, K::Distance);
    k("5 miles south", "5 miles", 5.0, K::Distance);
    k("a six-mile convoy", "six-mile", 6.0, K::Distance);
    k("for three weeks", "three weeks", 3.0, K::Duration);
    k("within 48 hours", "48 hours", 48.0, K::Duration);
    k("500 tonnes of grain", "500 tonnes", 500.0, K::Measure);
    k("temperatures of 40 degrees", "40 degrees", 40.0, K::Measure);
    k("one in five children", "one in five", 0.2, K::Share);
    k("2,000 people", "2,000", 2000.0, K::Count);
}

#[test]
fn units_and_currency_codes() {
    let m = one("a £ 8.10 million deal");
    assert_eq!(m.unit.as_deref(), Some("GBP"));
    assert_eq!(one("the US$ 150 million loan").unit.as_deref(), Some("USD"));
    assert_eq!(one("30 km away").unit.as_deref(), Some("km"));
    assert_eq!(one("5 miles away").unit.as_deref(), Some("mi"));
    assert_eq!(one("up 40 percent").unit.as_deref(), Some("%"));
}

#[test]
fn lists_and_odd_digits() {
    let v: Vec<f64> = find("exits 12,14,16").iter().map(|m| m.value).collect();
    assert_eq!(v, vec![12.0, 14.0, 16.0]);
    assert!(close(one("a value of .5").value, 0.5));
    assert!(close(one("population 1 234 567").value, 1_234_567.0));
    assert!(close(one("1/4 of the town").value, 0.25));
    assert!(find("see https://example.org/a?b=30%25%20").is_empty());
}

#[test]
fn mentions_follow_text_order_without_overlap() {
    let t = "Between 1,300 and 1,500 dead, some 400 people missing, dozens of wounded and \
             more than 3.4 million refugees since 2022; one in five homes was hit.";
    let found = find(t);
    assert_eq!(found.len(), 6, "{found:?}");
    for w in found.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}

proptest::proptest! {
    #[test]
    fn find_never_panics_and_spans_are_ordered(t in "\\PC{0,120}") {
        let found = find(&t);
        let mut last = 0;
        for m in &found {
            proptest::prop_assert!(m.start >= last && m.end > m.start);
            proptest::prop_assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
            last = m.end;
        }
    }

    #[test]
    fn find_never_panics_on_number_like_text(
        t in "([0-9]{1,4}|[,.\\-/:%$ ]|million|and|a|half|to|between|one|twenty|-|thirds|k|m|M){0,14}"
    ) {
        let found = find(&t);
        let mut last = 0;
        for m in &found {
            proptest::prop_assert!(m.start >= last && m.end > m.start);
            proptest::prop_assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end));
            last = m.end;
        }
    }

    #[test]
    fn formatted_integers_parse_back(n in 0u64..10_000_000_000) {
        let t = format!("they counted {} people", group_thousands(n, ','));
        let m = one(&t);
        proptest::prop_assert!(close(m.value, n as f64), "{} → {}", t, m.value);
    }

    #[test]
    fn x_point_y_million_parses_back(x in 1u32..1000, y in 0u32..10) {
        let t = format!("about {x}.{y} million people");
        let m = one(&t);
        let want = (f64::from(x) + f64::from(y) / 10.0) * 1e6;
        proptest::prop_assert!(close(m.value, want), "{} → {}", t, m.value);
    }
}

/// Throughput on a JSON-lines news corpus (`{"text": ...}` per line) named by
/// `SITREP_NEWS_JSONL`; run with `cargo test -p annotate --release -- --ignored throughput
/// --nocapture`. The tokenizer's time is measured apart.
#[test]
#[ignore]
fn throughput() {
    let Ok(path) = std::env::var("SITREP_NEWS_JSONL") else {
        return;
    };
    let data = std::fs::read_to_string(path).expect("corpus");
    // The "text" fields, unescaped just enough for measuring.
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| {
            let start = l.find("\"text\": \"")? + 9;
            let rest = &l[start..];
            let end = rest.find("\"}").or_else(|| rest.find("\", \""))?;
            Some(rest[..end].replace("\\n", "\n").replace("\\\"", "\""))
        })
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let tagger = NumberTagger::new();
    let tokens: Vec<Vec<Token>> = texts.iter().map(|t| tokenize(t)).collect();
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for (t, toks) in texts.iter().zip(&tokens) {
        n += tagger.find(t, toks).len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{} texts, {:.1} MB, {n} numbers, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs
    );
}

/// Prints the mentions found in the first texts of `SITREP_NEWS_JSONL`, for reading.
#[test]
#[ignore]
fn show_news() {
    let Ok(path) = std::env::var("SITREP_NEWS_JSONL") else {
        return;
    };
    let skip: usize = std::env::var("SKIP")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let data = std::fs::read_to_string(path).expect("corpus");
    let tagger = NumberTagger::new();
    for l in data.lines().skip(skip).take(40) {
        let Some(start) = l.find("\"text\": \"").map(|s| s + 9) else {
            continue;
        };
        let t = l[start..].replace("\\n", "\n").replace("\\\"", "\"");
        for m in tagger.find(&t, &tokenize(&t)) {
            let a = t[..m.start].char_indices().rev().nth(25).map_or(0, |x| x.0);
            let b = t[m.end..]
                .char_indices()
                .nth(25)
                .map_or(t.len(), |x| m.end + x.0);
            println!(
                "{:>40} [{}] {:<30} | {} {:?} {:?} {:?}{}",
                t[a..m.start].replace('\n', " "),
                &t[m.start..m.end],
                t[m.end..b].replace('\n', " "),
                m.value,
                m.kind,
                m.modifier,
                m.unit,
                if m.vague { " vague" } else { "" }
            );
        }
    }
}

#[test]
fn news_kinds_in_context() {
    let kinds = |t: &str| -> Vec<K> { find(t).iter().map(|m| m.kind).collect() };
    assert_eq!(
        kinds("fighting between 2014 and 2016 killed 300"),
        vec![K::Year, K::Count]
    );
    assert_eq!(kinds("youths aged 18 to 25-year-olds"), vec![K::Age]);
    assert_eq!(kinds("a $900m loan"), vec![K::Money]);
    assert_eq!(find("a $900m loan")[0].unit.as_deref(), Some("USD"));
    assert_eq!(find("an A$900m loan")[0].unit.as_deref(), Some("AUD"));
    assert_eq!(
        kinds("for 2005 to be 387,500 tonnes"),
        vec![K::Year, K::Measure]
    );
    assert!(kinds("a one-off payment").is_empty());
    // A duration before a date is no range.
    assert_eq!(
        kinds("in the three months to 31 December"),
        vec![K::Duration, K::Date]
    );
    assert_eq!(find("8.2bn euros")[0].value, 8.2e9);
}

#[test]
fn designations_and_ordinals_take_no_units() {
    assert!(find("F-16 jets and AK-47 rifles").is_empty());
    let m = one("a 15th-century fortress");
    assert_eq!(m.kind, K::Ordinal);
}

#[test]
fn one_as_pronoun_or_number() {
    assert!(find("the one who fled").is_empty());
    assert_eq!(one("that one mile of road").kind, K::Distance);
    assert!(close(
        one("it cost thirteen dollars forty-five.").value,
        13.45
    ));
}

#[test]
fn decimals_keep_their_cents() {
    check(
        "a fund of 7,654,321.25 dollars",
        "7,654,321.25 dollars",
        7_654_321.25,
        K::Money,
        M::Exact,
    );
}

#[test]
fn vulgar_fractions() {
    check("only ¼ of the wells work", "¼", 0.25, K::Share, M::Exact);
    check("after 3½ years", "3½ years", 3.5, K::Duration, M::Exact);
    check("a 2 ¾ mile walk", "2 ¾ mile", 2.75, K::Distance, M::Exact);
    check("½ million people", "½ million", 5e5, K::Count, M::Exact);
}

#[test]
fn digits_and_multiplier_words_in_groups() {
    check(
        "they counted 7 thousand 5 hundred and 12 tents",
        "7 thousand 5 hundred and 12",
        7512.0,
        K::Count,
        M::Exact,
    );
    check(
        "some 6 hundred and forty families",
        "some 6 hundred and forty",
        640.0,
        K::Count,
        M::Approximately,
    );
    // A larger group after a smaller one is a number of its own.
    assert_eq!(
        brief("2 hundred 5 thousand")
            .iter()
            .map(|b| b.1)
            .collect::<Vec<_>>(),
        vec![200.0, 5000.0]
    );
}

#[test]
fn fraction_of_a_smaller_multiplier() {
    check(
        "two billion and one quarter million",
        "two billion and one quarter million",
        2_000_250_000.0,
        K::Count,
        M::Exact,
    );
}

#[test]
fn ordinal_after_and() {
    check(
        "the two hundred and third day",
        "two hundred and third",
        203.0,
        K::Ordinal,
        M::Exact,
    );
}

#[test]
fn currency_code_on_the_digits() {
    let m = one("a loan of EUR2.5bn was agreed");
    assert_eq!(m.kind, K::Money);
    assert_eq!(m.unit.as_deref(), Some("EUR"));
    assert!(close(m.value, 2.5e9), "{m:?}");
    check("tickets at GBP45.", "GBP45", 45.0, K::Money, M::Exact);
}

#[test]
fn scientific_notation_with_times_ten() {
    check(
        "about 2.5x10^4 cells",
        "about 2.5x10^4",
        25_000.0,
        K::Count,
        M::Approximately,
    );
    check("7x10^-3", "7x10^-3", 0.007, K::Count, M::Exact);
}

#[test]
fn feet_and_inches() {
    check(
        "she is 5 ft 7 in",
        "5 ft 7 in",
        5.0 + 7.0 / 12.0,
        K::Distance,
        M::Exact,
    );
    check(
        "a wall 9 feet and 6 inches high",
        "9 feet and 6 inches",
        9.5,
        K::Distance,
        M::Exact,
    );
    // "in" that governs what follows is a preposition.
    assert_eq!(brief("6 feet 3 in the yard").len(), 2);
}

#[test]
fn plus_after_a_number() {
    check("40+ wounded", "40+", 40.0, K::Count, M::AtLeast);
    assert_eq!(brief("4+4").len(), 2);
}

#[test]
fn unknown_comparison_signs() {
    check("x <>7", "7", 7.0, K::Count, M::Exact);
    check("x >=7", ">=7", 7.0, K::Count, M::AtLeast);
}

#[test]
fn ordinal_range_with_articles() {
    let m = one("from the third to the ninth");
    assert_eq!(m.modifier, M::Range);
    assert_eq!((m.value, m.high), (3.0, Some(9.0)));
}

#[test]
fn spaced_minus_before_a_temperature() {
    check(
        "it fell to - 12 degrees celsius",
        "- 12 degrees celsius",
        -12.0,
        K::Measure,
        M::Exact,
    );
    // A dateline dash is no minus sign.
    check(
        "KYIV - 12 degrees celsius",
        "12 degrees celsius",
        12.0,
        K::Measure,
        M::Exact,
    );
}

#[test]
fn a_day_after_an_abbreviated_month_is_a_date() {
    let text = "Since Feb. 24, at least 902 civilians have been killed; on Sept. 3 more died.";
    let found = NumberTagger::new().find(text, &crate::text::tokenize(text));
    let kind = |s: &str| {
        found
            .iter()
            .find(|n| &text[n.start..n.end] == s)
            .map(|n| n.kind)
            .unwrap_or_else(|| panic!("{s} not found in {found:?}"))
    };
    assert_eq!(kind("24"), NumberKind::Date);
    assert_eq!(kind("3"), NumberKind::Date);
    assert_eq!(kind("at least 902"), NumberKind::Count);
}

#[test]
fn one_in_every_n_is_a_share() {
    for (text, share, value) in [
        (
            "Two out of every three children have fled their homes.",
            "Two out of every three",
            2.0 / 3.0,
        ),
        (
            "One in every five houses was damaged.",
            "One in every five",
            0.2,
        ),
    ] {
        let found = NumberTagger::new().find(text, &tokenize(text));
        let n = found
            .iter()
            .find(|n| &text[n.start..n.end] == share)
            .unwrap_or_else(|| panic!("{share} not found in {found:?}"));
        assert_eq!(n.kind, NumberKind::Share);
        assert!((n.value - value).abs() < 1e-9, "{share} = {}", n.value);
    }
}
