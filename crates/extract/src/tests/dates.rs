//! The date a figure is valid for.

use super::{evidence, one};

fn as_of(text: &str, metric: &str) -> (Option<String>, String) {
    let c = one(text, metric);
    let rule = evidence(text, &c, "as_of")
        .first()
        .map(|(r, _)| r.clone())
        .unwrap_or_default();
    (c.as_of, rule)
}

fn day(d: &str, rule: &str) -> (Option<String>, String) {
    (Some(d.to_owned()), rule.to_owned())
}

// The tests' publication date is Friday 2023-05-12.

#[test]
fn an_explicit_cutoff() {
    assert_eq!(
        as_of(
            "As of March 14, 2,000 people had been displaced by the fighting.",
            "displaced"
        ),
        day("2023-03-14", "cutoff")
    );
    assert_eq!(
        as_of(
            "By the end of Sunday, 61 people had been killed in the region.",
            "killed"
        ),
        day("2023-05-07", "cutoff")
    );
    assert_eq!(
        as_of(
            "Through Tuesday, 45 people were wounded in the city.",
            "injured"
        ),
        day("2023-05-09", "cutoff")
    );
}

#[test]
fn the_date_of_the_counted_event() {
    assert_eq!(
        as_of(
            "Some 3,100 people were evacuated on Wednesday from the town.",
            "evacuated"
        ),
        day("2023-05-10", "event-date")
    );
    // The event's date before the date the source spoke.
    assert_eq!(
        as_of(
            "Officials said on Monday that 40 people were killed on Saturday.",
            "killed"
        ),
        day("2023-05-06", "event-date")
    );
}

#[test]
fn the_date_the_source_spoke() {
    assert_eq!(
        as_of(
            "Officials said on Monday that 40 people had been killed.",
            "killed"
        ),
        day("2023-05-08", "statement-date")
    );
    assert_eq!(
        as_of(
            "Some 40 people were killed, the governor told reporters on Tuesday.",
            "killed"
        ),
        day("2023-05-09", "statement-date")
    );
}

#[test]
fn the_start_of_a_period_is_not_the_date_of_the_figure() {
    assert_eq!(
        as_of(
            "Since February 24, 3,000 people have been displaced.",
            "displaced"
        ),
        day("2023-05-12", "published")
    );
    assert_eq!(
        as_of(
            "Officials said 30 people have died since the war began on February 24.",
            "killed"
        ),
        day("2023-05-12", "published")
    );
}

#[test]
fn else_the_publication_date() {
    assert_eq!(
        as_of(
            "More than 800 people have been killed in the war.",
            "killed"
        ),
        day("2023-05-12", "published")
    );
}

#[test]
fn a_possessive_date_names_the_event_even_after_from() {
    assert_eq!(
        as_of(
            "The toll from Saturday's bombing rose to 60 dead, the ministry said.",
            "killed"
        ),
        day("2023-05-06", "event-date")
    );
}

#[test]
fn a_pronoun_source_takes_the_date_of_its_antecedent() {
    let text = "The regional police published new figures on Wednesday. They said 120 people \
                had been detained.";
    assert_eq!(
        as_of(text, "detained"),
        day("2023-05-10", "pronoun-antecedent-date")
    );
}

#[test]
fn a_time_on_a_named_day_dates_the_figure_by_its_day() {
    // Publication Friday 2023-05-12: Wednesday is the 10th.
    assert_eq!(
        as_of(
            "At least 40 civilians were killed by Wednesday evening, the regional prosecutor said.",
            "killed"
        ),
        day("2023-05-10", "cutoff")
    );
    assert_eq!(
        as_of(
            "Rockets hit an apartment block late on Wednesday night, killing at least eight people.",
            "killed"
        ),
        day("2023-05-10", "event-date")
    );
}
