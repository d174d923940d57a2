//! Numbers that are no claims.

use super::claims;

#[test]
fn numbers_that_count_no_toll_make_no_claim() {
    for text in [
        // distances
        "The shelling killed people 40 kilometers from the front.",
        "Residents fled the town, 15 miles south of the border, after it was bombed.",
        // ages
        "A 7-year-old boy was killed in the blast.",
        "A woman aged 64 was killed in the blast.",
        "Olena Shevchuk, 30, was wounded in the leg as she fled.",
        // vehicles
        "Nearly 50 buses left the city carrying evacuees.",
        "Dozens of trucks evacuated the wounded overnight.",
        // money
        "The government pledged $2 billion to rebuild the homes of the displaced.",
        // durations
        "The evacuation lasted seven hours after two weeks of fighting that killed many.",
        "The siege entered its fourth week as civilians were killed daily.",
        // a chance
        "Doctors gave the injured man a 10% chance of survival.",
        // rounds of talks
        "After three rounds of talks, the killing continues.",
        // rhetorical figures
        "“It is 9,000 mothers and 9,000 fathers who mourn,” she said of the killing.",
        // years and times of day
        "In 2014, the war killed many people.",
        "At 5:30 a.m. the missiles killed many people.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:#?}", claims(text));
    }
}

#[test]
fn telephone_numbers_and_a_lone_one_make_no_claim() {
    for text in [
        "Relatives of the missing were asked to call +380 44 555 0199 for news.",
        "Rescuers have pulled survivors from the rubble, the last one late on Tuesday.",
        "Volunteers buried the dead in one day at a single cemetery.",
    ] {
        let found = claims(text);
        assert!(found.is_empty(), "{text}: {found:#?}");
    }
    // A people noun after "one" keeps the count.
    let found = claims("One child was killed in the strike.");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_count_of_provinces_or_districts_is_no_toll() {
    let text = "The agency said more than 17,000 people had died in ten affected provinces.";
    let cs = claims(text);
    assert!(cs.iter().all(|c| c.value != 10.0), "{cs:#?}");
    assert!(cs.iter().any(|c| c.value == 17000.0), "{cs:#?}");
}
