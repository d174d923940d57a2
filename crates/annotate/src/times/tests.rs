use super::anchor::fmt_day;
use super::*;
use proptest::prelude::*;

type Found = (String, TimeType, String, Option<String>);

fn tag(text: &str, anchor: Option<NaiveDate>) -> Vec<Found> {
    let t = TimeTagger::new();
    let toks = crate::text::tokenize(text);
    let sents = crate::text::sentences(text);
    t.find(text, &sents, &toks, anchor)
        .into_iter()
        .map(|m| {
            (
                text[m.start..m.end].to_string(),
                m.kind,
                m.value,
                m.modifier,
            )
        })
        .collect()
}

/// Monday 21 March 2022.
fn anchor() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2022, 3, 21)
}

/// The value of the expression whose text is `span`.
fn value_of(text: &str, span: &str) -> (TimeType, String, Option<String>) {
    let found = tag(text, anchor());
    match found.into_iter().find(|f| f.0 == span) {
        Some((_, k, v, m)) => (k, v, m),
        None => panic!("{span:?} not found in {:?}", tag(text, anchor())),
    }
}

fn val(text: &str, span: &str) -> String {
    value_of(text, span).1
}

#[test]
fn absolute_dates() {
    let s = "Artillery hit the bridge on March 20, rebels said.";
    assert_eq!(val(s, "March 20"), "2022-03-20");
    assert_eq!(
        val("The siege began on 2 March 2022.", "2 March 2022"),
        "2022-03-02"
    );
    assert_eq!(
        val("Talks stalled on Mar. 14 in Minsk.", "Mar. 14"),
        "2022-03-14"
    );
    assert_eq!(
        val(
            "The deal was signed March 14, 2021, in Ankara.",
            "March 14, 2021"
        ),
        "2021-03-14"
    );
    assert_eq!(
        val("A report dated 2022-03-18 was leaked.", "2022-03-18"),
        "2022-03-18"
    );
    assert_eq!(
        val("A decree of 18/03/2022 banned exports.", "18/03/2022"),
        "2022-03-18"
    );
    assert_eq!(val("Fighting flared in January.", "January"), "2022-01");
    assert_eq!(
        val("The dam was built in March 2014.", "March 2014"),
        "2014-03"
    );
    assert_eq!(val("The peninsula was annexed in 2014.", "2014"), "2014");
    assert_eq!(val("Refugees arrived in the 1990s.", "the 1990s"), "199");
    // A count is not a year.
    assert!(tag("About 2000 troops crossed the river.", anchor()).is_empty());
}

#[test]
fn weekdays() {
    let s = "Shelling resumed on Thursday near the airport.";
    assert_eq!(val(s, "Thursday"), "2022-03-17");
    let s = "Foreign ministers will meet on Thursday in Antalya.";
    assert_eq!(val(s, "Thursday"), "2022-03-24");
    let s = "The evacuation is scheduled for Thursday morning.";
    assert_eq!(
        value_of(s, "Thursday morning"),
        (TimeType::Time, "2022-03-24TMO".into(), None)
    );
    let s = "Sirens sounded on Thursday morning across the city.";
    assert_eq!(val(s, "Thursday morning"), "2022-03-17TMO");
    let s = "The mayor spoke late Wednesday.";
    assert_eq!(
        value_of(s, "late Wednesday"),
        (TimeType::Date, "2022-03-16".into(), Some("END".into()))
    );
    assert_eq!(val("A convoy left on Monday.", "Monday"), "2022-03-21");
    assert_eq!(
        val("Strikes hit the port last Friday.", "last Friday"),
        "2022-03-18"
    );
    assert_eq!(
        val("Blasts were heard Monday night.", "Monday night"),
        "2022-03-21TNI"
    );
}

#[test]
fn relative_expressions() {
    assert_eq!(
        val("The mayor said today the city holds.", "today"),
        "2022-03-21"
    );
    assert_eq!(
        val("A hospital was hit yesterday.", "yesterday"),
        "2022-03-20"
    );
    assert_eq!(val("Aid will arrive tomorrow.", "tomorrow"), "2022-03-22");
    assert_eq!(
        val("The column was spotted a week ago.", "a week ago"),
        "2022-03-14"
    );
    let (k, v, m) = value_of(
        "The siege began almost five weeks ago.",
        "almost five weeks ago",
    );
    assert_eq!(
        (k, v.as_str(), m.as_deref()),
        (TimeType::Date, "2022-02-14", Some("APPROX"))
    );
    assert_eq!(val("Prices doubled last month.", "last month"), "2022-02");
    assert_eq!(
        val("He visited earlier this month.", "earlier this month"),
        "2022-03"
    );
    assert_eq!(val("Talks resume this week.", "this week"), "2022-W12");
    assert_eq!(val("Exports fell last year.", "last year"), "2021");
    assert_eq!(
        val("Since February 24, thousands have fled.", "February 24"),
        "2022-02-24"
    );
    let (k, v, _) = value_of(
        "Over the past two weeks the front barely moved.",
        "the past two weeks",
    );
    assert_eq!((k, v.as_str()), (TimeType::Duration, "P2W"));
    assert_eq!(
        val("The town was recently retaken.", "recently"),
        "PAST_REF"
    );
    assert_eq!(val("The town is now under siege.", "now"), "PRESENT_REF");
    assert_eq!(val("Power is currently out.", "currently"), "PRESENT_REF");
    assert_eq!(val("The deadline is next week.", "next week"), "2022-W13");
}

#[test]
fn parts_of_day_and_clock_times() {
    let (k, v, m) = value_of(
        "Missiles struck in the early hours of March 21.",
        "the early hours of March 21",
    );
    assert_eq!(k, TimeType::Date);
    assert_eq!(v, "2022-03-21");
    assert_eq!(m.as_deref(), Some("START"));
    let found = tag("The curfew starts at 10 am (0700 GMT).", anchor());
    let values: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(values, ["2022-03-21T10:00", "2022-03-21T07:00Z"]);
    assert_eq!(
        val(
            "The ceasefire began at 14:30 local time.",
            "14:30 local time"
        ),
        "2022-03-21T14:30"
    );
    assert_eq!(
        val("Shots rang out this morning.", "this morning"),
        "2022-03-21TMO"
    );
    assert_eq!(
        val("Drones flew over last night.", "last night"),
        "2022-03-20TNI"
    );
    assert_eq!(
        val("Troops moved at 3 p.m. on Saturday.", "3 p.m. on Saturday"),
        "2022-03-19T15:00"
    );
}

#[test]
fn durations_and_sets() {
    assert_eq!(val("The siege lasted three weeks.", "three weeks"), "P3W");
    assert_eq!(val("A truce for 48 hours was agreed.", "48 hours"), "PT48H");
    assert_eq!(
        val("After a month-long siege the city fell.", "month-long"),
        "P1M"
    );
    assert_eq!(val("The road was closed for two days.", "two days"), "P2D");
    assert_eq!(val("A two-week pause was proposed.", "two-week"), "P2W");
    let (k, v, _) = value_of("Convoys run every day.", "every day");
    assert_eq!((k, v.as_str()), (TimeType::Set, "P1D"));
    assert_eq!(value_of("Briefings are held daily.", "daily").1, "P1D");
    assert_eq!(
        value_of("The report is published weekly.", "weekly").1,
        "P1W"
    );
    let (_, v, m) = value_of(
        "Shelling went on for more than 12 hours.",
        "more than 12 hours",
    );
    assert_eq!((v.as_str(), m.as_deref()), ("PT12H", Some("MORE_THAN")));
    // A fraction is not a duration.
    assert!(tag("A quarter of the population has fled.", anchor()).is_empty());
}

#[test]
fn quarters_and_seasons() {
    assert_eq!(
        val(
            "Output fell in the first quarter of 2022.",
            "the first quarter of 2022"
        ),
        "2022-Q1"
    );
    assert_eq!(
        val("Grain sales collapsed last summer.", "last summer"),
        "2021-SU"
    );
    assert_eq!(
        val(
            "The offensive stalled in the summer of 2014.",
            "the summer of 2014"
        ),
        "2014-SU"
    );
}

#[test]
fn without_anchor() {
    let found = tag(
        "On March 20 the mayor spoke; yesterday he left. On Thursday talks resume.",
        None,
    );
    let values: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
    assert_eq!(values, ["XXXX-03-20", "PAST_REF", "XXXX-WXX-4"]);
}

#[test]
fn infer_published() {
    let t = TimeTagger::new();
    let text = "KYIV, March 3 (Newswire) - Troops shelled the suburb. On February 24, 2022, the \
                invasion began.";
    assert_eq!(t.infer_published(text), NaiveDate::from_ymd_opt(2022, 3, 3));
    let text = "Posted March 5, 2022\nThe bridge was blown up on March 4.";
    assert_eq!(t.infer_published(text), NaiveDate::from_ymd_opt(2022, 3, 5));
    assert_eq!(
        t.infer_published("Troops shelled the suburb on Monday."),
        None
    );
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

proptest! {
    #[test]
    fn full_dates_parse_back(y in 1900i32..2100, m in 1u32..=12, d in 1u32..=31, form in 0usize..3) {
        let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else { return Ok(()); };
        let name = MONTHS[(m - 1) as usize];
        let text = match form {
            0 => format!("It happened on {name} {d}, {y} in the east."),
            1 => format!("It happened on {d} {name} {y} in the east."),
            _ => format!("It happened on {} in the east.", fmt_day(date)),
        };
        let found = tag(&text, anchor());
        prop_assert_eq!(found.len(), 1, "{:?}", found);
        prop_assert_eq!(&found[0].2, &fmt_day(date));
    }

    #[test]
    fn find_never_panics(text in "\\PC{0,200}", words in proptest::collection::vec(
        prop_oneof![
            Just("March"), Just("20"), Just("2022"), Just("ago"), Just("week"), Just("the"),
            Just("last"), Just("Thursday"), Just("morning"), Just("-"), Just("/"), Just(":"),
            Just("am"), Just("GMT"), Just("early"), Just("of"), Just("quarter"), Just("'s"),
            Just("99999"), Just("31"), Just("a"), Just("2"), Just("every"), Just("."),
        ], 0..30),
        days in -5_000_000i32..5_000_000, has_anchor in any::<bool>())
    {
        let joined = format!("{} {}", text, words.join(" "));
        let glued = words.concat();
        let anchor = if has_anchor {
            NaiveDate::from_num_days_from_ce_opt(days.rem_euclid(3_000_000))
        } else {
            None
        };
        let t = TimeTagger::new();
        for s in [joined.as_str(), glued.as_str()] {
            let toks = crate::text::tokenize(s);
            let sents = crate::text::sentences(s);
            let found = t.find(s, &sents, &toks, anchor);
            let mut last_end = 0;
            for m in &found {
                prop_assert!(m.start >= last_end && m.start < m.end && m.end <= s.len());
                prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
                last_end = m.end;
            }
            let _ = t.infer_published(s);
        }
        // Extreme anchors.
        for a in [NaiveDate::MIN, NaiveDate::MAX] {
            let toks = crate::text::tokenize(&joined);
            let sents = crate::text::sentences(&joined);
            let _ = t.find(&joined, &sents, &toks, Some(a));
        }
    }
}

/// Throughput on news-like text: `cargo test --release -p annotate times_speed -- --ignored`.
#[test]
#[ignore]
fn times_speed() {
    let para = "KYIV, March 3 - Russian forces shelled the southern port city on Thursday, \
        regional officials said, as talks between the two sides stalled. More than 2,000 \
        civilians have been evacuated over the past two weeks, the mayor told reporters, adding \
        that a convoy of 40 buses would leave at 10 am (0800 GMT) on Friday. The United Nations \
        said on Wednesday that about 1.5 million people had fled since February 24, and that \
        the number could double in the coming months. Power and water supplies were cut three \
        days ago and have not been restored, residents said. A spokesman for the defence \
        ministry said troops had advanced 12 km in the east, a claim that could not be \
        independently verified.\n";
    let text = para.repeat(4000);
    let t = TimeTagger::new();
    let toks = crate::text::tokenize(&text);
    let sents = crate::text::sentences(&text);
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 {
        n += t.find(&text, &sents, &toks, anchor()).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = 5.0 * text.len() as f64 / 1e6;
    eprintln!("times: {:.1} MB/s ({n} mentions)", mb / secs);
    let start = std::time::Instant::now();
    let toks = crate::text::tokenize(&text);
    let sents = crate::text::sentences(&text);
    let found = t.find(&text, &sents, &toks, anchor()).len();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "times incl. tokenising: {:.1} MB/s ({found} mentions)",
        text.len() as f64 / 1e6 / secs
    );
}

#[test]
fn a_cue_word_after_to_is_an_infinitive_not_a_tense() {
    // "last" is a verb here; "due" makes the clause future.
    assert_eq!(
        val(
            "The curfew was due to last until Wednesday morning.",
            "Wednesday morning"
        ),
        "2022-03-23TMO"
    );
    assert_eq!(
        val("The shops stayed shut last Wednesday.", "last Wednesday").get(..10),
        Some("2022-03-16")
    );
}

#[test]
fn clock_times_with_seconds_dots_and_words() {
    assert_eq!(
        val(
            "The blast was recorded at 9:14:05 pm near the port.",
            "9:14:05 pm"
        ),
        "2022-03-21T21:14:05"
    );
    assert_eq!(
        val("Polls close at 21:00:30 on the coast.", "21:00:30"),
        "2022-03-21T21:00:30"
    );
    assert_eq!(
        val("The curfew starts at 10.15pm in the capital.", "10.15pm"),
        "2022-03-21T22:15"
    );
    assert_eq!(
        val(
            "Sirens sounded at nine o'clock across the city.",
            "nine o'clock"
        ),
        "2022-03-21T09:00"
    );
    assert_eq!(
        val("Shelling began at 4 in the morning.", "4 in the morning"),
        "2022-03-21T04:00"
    );
    assert_eq!(
        val("Crowds gathered at 8 in the evening.", "8 in the evening"),
        "2022-03-21T20:00"
    );
    // A price is not a clock time without a marker.
    assert!(tag("Shares closed at 5.25 on the exchange.", anchor()).is_empty());
}

#[test]
fn clock_times_past_and_to_the_hour() {
    assert_eq!(
        val("The convoy left at half past six.", "half past six"),
        "2022-03-21T06:30"
    );
    assert_eq!(
        val(
            "Talks resumed at a quarter to eleven pm.",
            "a quarter to eleven pm"
        ),
        "2022-03-21T22:45"
    );
    assert_eq!(
        val(
            "The strike came 25 minutes past three in the afternoon.",
            "25 minutes past three in the afternoon"
        ),
        "2022-03-21T15:25"
    );
    // A range of numbers is no clock time.
    assert!(
        tag("Casualties rose from 10 to 9 hundred.", anchor())
            .iter()
            .all(|f| f.1 != TimeType::Time)
    );
}

#[test]
fn numeric_months_with_years() {
    assert_eq!(
        val("The census of 04/2019 counted more.", "04/2019"),
        "2019-04"
    );
    assert_eq!(
        val("Figures for 2020-07 were revised.", "2020-07"),
        "2020-07"
    );
    assert_eq!(
        val("The plan ran until 2021/9 at least.", "2021/9"),
        "2021-09"
    );
    // Spans of years stay years.
    assert_eq!(val("The 2019-20 budget passed.", "2019"), "2019");
    assert_eq!(val("In the 2010/11 season he scored.", "2010"), "2010");
}

#[test]
fn days_of_month_in_words_and_after_weekdays() {
    assert_eq!(
        val("The vote is set for the third of May.", "third of May"),
        "2022-05-03"
    );
    assert_eq!(
        val(
            "It opened on January twenty-second.",
            "January twenty-second"
        ),
        "2022-01-22"
    );
    assert_eq!(
        val(
            "Results come on April eleventh, officials said.",
            "April eleventh"
        ),
        "2022-04-11"
    );
    // Monday 21 March 2022: "Thursday the 10th" is 10 March, "Friday the 1st" 1 April.
    assert_eq!(
        val(
            "They met on Thursday the 10th in Vienna.",
            "Thursday the 10th"
        ),
        "2022-03-10"
    );
    assert_eq!(
        val("They will meet Friday the first.", "Friday the first"),
        "2022-04-01"
    );
    assert_eq!(
        val("The envoy arrives on the 25th.", "the 25th"),
        "2022-03-25"
    );
    assert_eq!(
        val("The envoy arrived on the 2nd.", "the 2nd"),
        "2022-03-02"
    );
    assert!(
        tag("He lives on the 14th floor.", anchor()).is_empty(),
        "a floor is no date"
    );
    // Not a day: "second" before a noun.
    assert!(
        tag("In March second thoughts prevailed.", anchor())
            .iter()
            .all(|f| f.2.len() != 10)
    );
}

#[test]
fn weekdays_of_named_weeks_and_weeks_of_months() {
    assert_eq!(
        val(
            "Talks resume on Wednesday of next week.",
            "Wednesday of next week"
        ),
        "2022-03-30"
    );
    assert_eq!(
        val(
            "The decree came on Friday of the previous week.",
            "Friday of the previous week"
        ),
        "2022-03-18"
    );
    assert_eq!(
        val(
            "Aid arrives in the second week of June.",
            "the second week of June"
        ),
        "2022-06-W02"
    );
    assert_eq!(
        val("Talks resume in the coming week.", "the coming week"),
        "2022-W13"
    );
    assert_eq!(
        val("Markets rose in the upcoming month.", "the upcoming month"),
        "2022-04"
    );
}

#[test]
fn weekly_sets_with_times() {
    assert_eq!(
        value_of(
            "Patrols leave every Tuesday at 6 am.",
            "every Tuesday at 6 am"
        ),
        (TimeType::Set, "XXXX-WXX-2T06:00".into(), None)
    );
    assert_eq!(
        value_of("The market opens Saturday mornings.", "Saturday mornings"),
        (TimeType::Set, "XXXX-WXX-6TMO".into(), None)
    );
    assert_eq!(
        value_of("Briefings are held Thursdays at 5 pm.", "Thursdays at 5 pm"),
        (TimeType::Set, "XXXX-WXX-4T17:00".into(), None)
    );
}

#[test]
fn durations_with_halves() {
    assert_eq!(
        val(
            "The siege lasted two and a half years.",
            "two and a half years"
        ),
        "P2Y6M"
    );
    assert_eq!(
        val("The talks took an hour and a half.", "an hour and a half"),
        "PT1H30M"
    );
    assert_eq!(val("They waited half an hour.", "half an hour"), "PT30M");
    assert_eq!(
        val("The fire burned for a day and a half.", "a day and a half"),
        "P1DT12H"
    );
}

#[test]
fn an_amount_before_a_month_is_not_a_day() {
    assert_eq!(val("It was sold for $40 March 3.", "March 3"), "2022-03-03");
}

#[test]
fn function_word_sections_load() {
    let lex = super::lex::Lex::load();
    assert!(lex.month_cues.contains(&"since") && lex.count_nouns.contains(&"people"));
    assert!(lex.starters.contains("the"));
    let src = include_str!("../../data/times/function_words.txt");
    for line in src.lines().filter(|l| l.starts_with('[')) {
        assert!(
            ["[starters]", "[month_cues]", "[count_nouns]"].contains(&line),
            "unknown section {line}"
        );
    }
}

#[test]
fn dates_written_with_separators_around_a_month_name() {
    assert_eq!(
        val("Filed on 05-Aug-2016 in Kyiv.", "05-Aug-2016"),
        "2016-08-05"
    );
    assert_eq!(val("Due 2019/aug/01.", "2019/aug/01"), "2019-08-01");
    assert_eq!(val("Due Sep-23-2020.", "Sep-23-2020"), "2020-09-23");
    assert_eq!(val("Due 23/Sep/2020.", "23/Sep/2020"), "2020-09-23");
    assert_eq!(val("Due 2020/Sep/23.", "2020/Sep/23"), "2020-09-23");
    // Without a year, the year comes from the anchor (past first).
    assert_eq!(val("It opened Oct/2.", "Oct/2"), "2021-10-02");
    // Two month names, or a long numeric run, are no date.
    assert!(
        tag("Sep-Oct-2020 figures", anchor())
            .iter()
            .all(|f| f.0 != "Sep-Oct-2020")
    );
    assert!(
        tag("code Sep-23-2020-11 was", anchor())
            .iter()
            .all(|f| !f.0.starts_with("Sep-23"))
    );
}

#[test]
fn digit_only_and_spaced_dates() {
    assert_eq!(val("Report 20161016 is out.", "20161016"), "2016-10-16");
    assert_eq!(val("On 2016 10 16, it began.", "2016 10 16"), "2016-10-16");
    assert_eq!(val("Away 2016 / 11 again.", "2016 / 11"), "2016-11");
    assert_eq!(val("Away 11 - 2016 again.", "11 - 2016"), "2016-11");
    // Not a date: an impossible month, a count after a year.
    assert!(
        tag("Report 20161316 is out.", anchor())
            .iter()
            .all(|f| f.0 != "20161316")
    );
    assert!(
        tag("In 2016 10 people died.", anchor())
            .iter()
            .all(|f| f.0 == "2016")
    );
    assert!(
        tag("The score was 2016 - 13.", anchor())
            .iter()
            .all(|f| f.2 != "2016-13")
    );
}

#[test]
fn day_and_month_in_digits_need_a_cue() {
    assert_eq!(
        val("The talks will resume on 22/04 in Minsk.", "22/04"),
        "2022-04-22"
    );
    // Month first unless the day exceeds 12 or the text writes its dates day first.
    assert_eq!(
        val("It closed on 2/12, officials said.", "2/12"),
        "2022-02-12"
    );
    assert_eq!(
        val("It closed on 13/01/2022 and reopened on 2/12.", "2/12"),
        "2021-12-02"
    );
    // A ratio or "24/7" without a preposition is no date.
    assert!(tag("Crews worked 24/7 to clear it.", anchor()).is_empty());
}

#[test]
fn leap_days_and_impossible_days() {
    // 29 February without a year: the nearest leap year in the tense's direction.
    assert_eq!(
        val("It was signed on Feb 29, they said.", "Feb 29"),
        "2020-02-29"
    );
    // A day the month never has keeps its written value.
    assert_eq!(
        val("They cited February 30 as the date.", "February 30"),
        "XXXX-02-30"
    );
    assert_eq!(
        val("A memo dated Feb 30 2019 surfaced.", "Feb 30 2019"),
        "2019-02-30"
    );
}

#[test]
fn fixed_date_holidays() {
    assert_eq!(
        val(
            "A truce was proposed for Orthodox Christmas.",
            "Orthodox Christmas"
        ),
        "2022-01-07"
    );
    assert_eq!(
        val(
            "Shelling continued on Christmas Eve 2022.",
            "Christmas Eve 2022"
        ),
        "2022-12-24"
    );
    assert_eq!(
        val("They will meet before New Year's Eve.", "New Year's Eve"),
        "2022-12-31"
    );
}

#[test]
fn days_counted_from_another_day() {
    let s = "The convoy left on March 3. It reached Zaporizhzhia the next day.";
    assert_eq!(val(s, "the next day"), "2022-03-04");
    let s = "The strike hit on March 9. The day before, talks had failed.";
    assert_eq!(val(s, "The day before"), "2022-03-08");
    // Without a day named nearby, the anchor.
    assert_eq!(
        val("What happened the day before?", "the day before"),
        "2022-03-20"
    );
    assert_eq!(
        val("Are you free two days after today?", "two days after today"),
        "2022-03-23"
    );
    // "The day after the attack" is that attack's day, not a count from the anchor.
    assert!(
        tag("The day after the attack, crowds gathered.", anchor())
            .iter()
            .all(|f| f.0.to_lowercase() != "the day after")
    );
    assert_eq!(
        val("Prices fell later in the day.", "the day"),
        "2022-03-21"
    );
}

#[test]
fn bare_units_after_the() {
    assert_eq!(val("Shares rose 3% for the week.", "the week"), "2022-W12");
    assert_eq!(
        val("Output is up for the year, it said.", "the year"),
        "2022"
    );
    assert_eq!(
        value_of("Sales for the year ended June 30 rose.", "the year").0,
        TimeType::Duration
    );
    assert_eq!(
        val("It forecast a gain for the full year.", "the full year"),
        "2022"
    );
    // "the year 2000": the number is the year.
    assert!(
        tag("Born in the year 2000, he", anchor())
            .iter()
            .all(|f| f.0 != "the year")
    );
    assert_eq!(
        val(
            "Payment is due before the thirty-first day of the month.",
            "the thirty-first day of the month"
        ),
        "2022-03-31"
    );
    assert_eq!(
        val("What about next week Wednesday?", "next week Wednesday"),
        "2022-03-30"
    );
    assert_eq!(
        val("Was it last week - Monday?", "last week - Monday"),
        "2022-03-14"
    );
}

#[test]
fn whole_units_and_another() {
    assert_eq!(val("Shelling went on all day.", "all day"), "P1D");
    assert_eq!(
        val("The city had no power for a full week.", "full week"),
        "P1W"
    );
    assert_eq!(val("It was an all-day siege.", "all-day"), "P1D");
    assert_eq!(val("The truce held another month.", "another month"), "P1M");
    assert_eq!(
        val("Talks need another two weeks.", "another two weeks"),
        "P2W"
    );
    assert_eq!(
        val("They met on 28 June in 2020.", "28 June in 2020"),
        "2020-06-28"
    );
    // "all" and "another" alone are no time.
    assert!(tag("All of them left; another stayed.", anchor()).is_empty());
}

#[test]
fn clock_times_after_a_part_of_the_day() {
    // The part of the day makes a bare hour am or pm.
    assert_eq!(
        val("Sirens sounded tonight around 7.", "tonight around 7"),
        "2022-03-21T19:00"
    );
    assert_eq!(
        val(
            "The convoy moved on Sunday late evening at 10:00.",
            "Sunday late evening at 10:00"
        ),
        "2022-03-20T22:00"
    );
    assert_eq!(
        val("Crews return in the morning at 7.", "morning at 7"),
        "2022-03-21T07:00"
    );
    assert_eq!(
        val("Crews return in the afternoon at 3.", "afternoon at 3"),
        "2022-03-21T15:00"
    );
    // Written am/pm wins over the part.
    assert_eq!(
        val("It hit tonight at 11 pm.", "tonight at 11 pm"),
        "2022-03-21T23:00"
    );
    // A word hour with its part: "one in the morning".
    assert_eq!(
        val(
            "The blast came at one in the morning.",
            "one in the morning"
        ),
        "2022-03-21T01:00"
    );
    // A bare hour after a day and "at" is kept as written.
    assert_eq!(
        val("They meet on Friday the 25th at 4.", "Friday the 25th at 4"),
        "2022-03-25T04:00"
    );
}

#[test]
fn clock_times_in_dotted_and_scarred_forms() {
    assert_eq!(val("The train leaves at 6.45.", "6.45"), "2022-03-21T06:45");
    assert_eq!(
        val(
            "Talks start at 17.30 Kyiv time, aides said.",
            "17.30 Kyiv time"
        ),
        "2022-03-21T17:30"
    );
    assert_eq!(
        val("Back at 9.am tomorrow.", "9.am tomorrow"),
        "2022-03-22T09:00"
    );
    assert_eq!(
        val("The curfew starts at 3 p . m . today", "3 p . m . today"),
        "2022-03-21T15:00"
    );
    assert_eq!(val("See you 11ish.", "11ish"), "2022-03-21T11:00");
    assert_eq!(val("See you noonish.", "noonish"), "2022-03-21T12:00");
    // A dotted number followed by a word is an amount, not a time.
    assert!(tag("Rates rose at 6.45 percent.", anchor()).is_empty());
    assert!(tag("Prices rose at 2.30 euros a litre.", anchor()).is_empty());
}
