//! Event rules on sentences written for these tests (none is taken from an article).

use super::*;
use crate::EventKind;

fn events(text: &str, published: &str) -> Vec<Event> {
    let date = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let ann = annotate::Annotator::new().annotate(text, date);
    let claims = crate::ClaimExtractor::new().claims(text, &ann, date);
    EventExtractor::new().events(text, &ann, date, &claims)
}

fn one(text: &str, published: &str, kind: EventKind) -> Event {
    let all = events(text, published);
    let mut of_kind = all.iter().filter(|e| e.kind == kind);
    match (of_kind.next(), of_kind.next()) {
        (Some(e), None) => e.clone(),
        _ => panic!(
            "expected one {} event in {text:?}, got {all:#?}",
            kind.as_str()
        ),
    }
}

fn actors(e: &Event, role: &str) -> Vec<String> {
    e.actors
        .iter()
        .filter(|a| a.role == role)
        .map(|a| a.name.clone())
        .collect()
}

fn attr(e: &Event, key: &str) -> Option<String> {
    e.attributes.get(key).map(|v| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    })
}

#[test]
fn passive_strike_names_no_perpetrator_but_the_target_and_place() {
    let e = one(
        "A Red Cross warehouse in Kherson was hit on Monday, the aid group said.",
        "2022-03-16",
        EventKind::Attack,
    );
    assert_eq!(attr(&e, "target").as_deref(), Some("red_cross"));
    assert_eq!(e.place.as_deref(), Some("Kherson"));
    assert_eq!(e.date.as_deref(), Some("2022-03-14"));
    assert!(actors(&e, "perpetrator").is_empty(), "{e:#?}");
    assert_eq!(e.codes.acled_event_type, "Explosions/Remote violence");
}

#[test]
fn talks_round_with_venue_parties_level_and_no_progress() {
    let e = one(
        "Russian and Ukrainian delegations held a third round of talks in Brest on Monday, \
         but the negotiations ended with no breakthrough.",
        "2022-03-09",
        EventKind::Talks,
    );
    assert_eq!(e.place.as_deref(), Some("Brest"));
    assert_eq!(e.date.as_deref(), Some("2022-03-07"));
    assert_eq!(e.status.as_deref(), Some("ended"));
    assert_eq!(attr(&e, "mode").as_deref(), Some("in_person"));
    assert_eq!(attr(&e, "level").as_deref(), Some("delegations"));
    assert_eq!(attr(&e, "outcome").as_deref(), Some("no_progress"));
    let sides: Vec<_> = e.actors.iter().filter_map(|a| a.side.clone()).collect();
    assert!(
        sides.contains(&"russia".to_owned()) && sides.contains(&"ukraine".to_owned()),
        "{e:#?}"
    );
    assert_eq!(e.codes.plover, "CONSULT");
}

#[test]
fn talks_online_and_planned() {
    let e = one(
        "Negotiators from both countries will resume talks by video link on Friday, a Ukrainian \
         adviser said.",
        "2022-03-30",
        EventKind::Talks,
    );
    assert_eq!(e.status.as_deref(), Some("planned"));
    assert_eq!(attr(&e, "mode").as_deref(), Some("online"));
    assert_eq!(e.date.as_deref(), Some("2022-04-01"));
    assert_eq!(e.codes.cameo, "036");
}

#[test]
fn talks_with_a_mediator() {
    let e = one(
        "The foreign ministers of Russia and Ukraine held talks in Antalya on Thursday, hosted by \
         Turkey.",
        "2022-03-10",
        EventKind::Talks,
    );
    assert_eq!(e.place.as_deref(), Some("Antalya"));
    assert_eq!(actors(&e, "mediator"), vec!["Turkey".to_owned()]);
    let parties = actors(&e, "party");
    assert!(
        parties.contains(&"Russia".to_owned()) && parties.contains(&"Ukraine".to_owned()),
        "{e:#?}"
    );
    assert_eq!(attr(&e, "level").as_deref(), Some("foreign_ministers"));
}

#[test]
fn contact_by_phone_with_duration_and_topic() {
    let e = one(
        "French President Emmanuel Macron spoke by phone with Vladimir Putin for 90 minutes on \
         Sunday to discuss the safety of nuclear plants.",
        "2022-03-08",
        EventKind::Contact,
    );
    let who = actors(&e, "participant");
    assert!(
        who.contains(&"Emmanuel Macron".to_owned()) && who.contains(&"Vladimir Putin".to_owned()),
        "{e:#?}"
    );
    assert_eq!(e.date.as_deref(), Some("2022-03-06"));
    assert_eq!(attr(&e, "duration").as_deref(), Some("PT90M"));
    assert_eq!(
        attr(&e, "topic").as_deref(),
        Some("safety of nuclear plants")
    );
    assert_eq!(e.codes.cameo, "041");
}

#[test]
fn a_met_verb_needs_two_people() {
    let all = events(
        "The convoy met heavy resistance near the town.",
        "2022-03-08",
    );
    assert!(all.iter().all(|e| e.kind != EventKind::Contact), "{all:#?}");
}

#[test]
fn ceasefire_declared_with_window_and_conditions() {
    let e = one(
        "Russia declared a ceasefire in Mariupol from 10 am to 6 pm on Thursday on condition \
         that Kyiv sends written notice to the United Nations by 5 am.",
        "2022-03-31",
        EventKind::Ceasefire,
    );
    assert_eq!(e.status.as_deref(), Some("declared"));
    assert_eq!(e.place.as_deref(), Some("Mariupol"));
    assert!(
        e.date
            .as_deref()
            .is_some_and(|d| d.starts_with("2022-03-31T10")),
        "{e:#?}"
    );
    assert!(
        e.date_end
            .as_deref()
            .is_some_and(|d| d.starts_with("2022-03-31T18")),
        "{e:#?}"
    );
    assert_eq!(
        attr(&e, "window").as_deref(),
        Some("from 10 am to 6 pm on Thursday")
    );
    assert!(
        attr(&e, "conditions").is_some_and(|c| c.contains("written notice")),
        "{e:#?}"
    );
}

#[test]
fn ceasefire_violated() {
    let e = one(
        "Ukrainian officials said Russian forces violated the ceasefire around Volnovakha.",
        "2022-03-05",
        EventKind::Ceasefire,
    );
    assert_eq!(e.status.as_deref(), Some("violated"));
    assert_eq!(e.codes.cameo, "196");
}

#[test]
fn corridor_with_route_and_status() {
    let e = one(
        "A humanitarian corridor from Sumy to Poltava opened on Tuesday morning.",
        "2022-03-08",
        EventKind::Corridor,
    );
    assert_eq!(attr(&e, "from").as_deref(), Some("Sumy"));
    assert_eq!(attr(&e, "to").as_deref(), Some("Poltava"));
    assert_eq!(e.place.as_deref(), Some("Sumy"));
    assert_eq!(e.status.as_deref(), Some("opened"));
}

#[test]
fn corridor_that_failed_after_agreement_keeps_the_last_status() {
    let all = events(
        "Both sides agreed on a humanitarian corridor out of Mariupol on Saturday. \
         Hours later the corridor collapsed under shelling.",
        "2022-03-06",
    );
    let corridors: Vec<_> = all
        .iter()
        .filter(|e| e.kind == EventKind::Corridor)
        .collect();
    assert_eq!(corridors.len(), 1, "{all:#?}");
    assert_eq!(corridors[0].status.as_deref(), Some("failed"));
    assert_eq!(corridors[0].place.as_deref(), Some("Mariupol"));
}

#[test]
fn a_corridor_of_a_building_is_no_corridor() {
    let all = events(
        "Families slept in the corridors of the school.",
        "2022-03-06",
    );
    assert!(
        all.iter().all(|e| e.kind != EventKind::Corridor),
        "{all:#?}"
    );
}

#[test]
fn evacuation_with_count_means_and_route() {
    let e = one(
        "About 4,000 people were evacuated from Irpin to Kyiv by bus on Wednesday.",
        "2022-03-10",
        EventKind::Evacuation,
    );
    assert_eq!(attr(&e, "count").as_deref(), Some("4000"));
    assert_eq!(attr(&e, "from").as_deref(), Some("Irpin"));
    assert_eq!(attr(&e, "to").as_deref(), Some("Kyiv"));
    assert_eq!(attr(&e, "means").as_deref(), Some("buses"));
    assert_eq!(e.date.as_deref(), Some("2022-03-09"));
    assert_eq!(e.status.as_deref(), Some("completed"));
}

#[test]
fn attack_on_a_hospital_with_perpetrator_casualties_and_denial() {
    let all = events(
        "Russian forces shelled a hospital in Izium on Friday, killing four people and wounding \
         nine. The Russian defence ministry denied striking the hospital.",
        "2022-03-12",
    );
    let attack = all
        .iter()
        .find(|e| e.kind == EventKind::Attack)
        .expect("attack");
    assert_eq!(attr(attack, "target").as_deref(), Some("hospital"));
    assert_eq!(attack.place.as_deref(), Some("Izyum"));
    assert_eq!(attack.date.as_deref(), Some("2022-03-11"));
    assert_eq!(
        actors(attack, "perpetrator"),
        vec!["Russian forces".to_owned()]
    );
    assert_eq!(attr(attack, "killed").as_deref(), Some("4"));
    assert_eq!(attr(attack, "injured").as_deref(), Some("9"));
    assert!(attr(attack, "denied_by").is_some(), "{attack:#?}");
    let denial = all
        .iter()
        .find(|e| e.kind == EventKind::Denial)
        .expect("denial");
    assert_eq!(denial.codes.cameo, "016");
}

#[test]
fn air_strike_on_a_theatre_is_coded_as_an_air_strike() {
    let e = one(
        "An airstrike destroyed the drama theatre in Mariupol on Wednesday.",
        "2022-03-17",
        EventKind::Attack,
    );
    assert_eq!(attr(&e, "target").as_deref(), Some("theatre"));
    assert_eq!(e.codes.acled_sub_event_type, "Air/drone strike");
}

#[test]
fn homes_destroyed_without_place_or_actor_is_no_attack() {
    let all = events(
        "Families whose homes had been destroyed slept at the station.",
        "2022-03-17",
    );
    assert!(all.iter().all(|e| e.kind != EventKind::Attack), "{all:#?}");
}

#[test]
fn capture_claimed_and_fell_to() {
    let e = one(
        "Russian troops captured Kherson on Wednesday, the mayor said.",
        "2022-03-03",
        EventKind::Capture,
    );
    assert_eq!(e.place.as_deref(), Some("Kherson"));
    assert_eq!(actors(&e, "perpetrator"), vec!["Russian forces".to_owned()]);
    assert_eq!(e.status.as_deref(), Some("claimed"));
    let e = one(
        "The town of Izium fell to Russian forces on Friday.",
        "2022-04-02",
        EventKind::Capture,
    );
    assert_eq!(e.place.as_deref(), Some("Izyum"));
    assert_eq!(actors(&e, "perpetrator"), vec!["Russian forces".to_owned()]);
}

#[test]
fn accusation_with_charge_and_reciprocal_accusation() {
    let e = one(
        "Zelenskiy accused Moscow of war crimes on Sunday.",
        "2022-03-21",
        EventKind::Accusation,
    );
    assert_eq!(attr(&e, "charge").as_deref(), Some("war crimes"));
    assert_eq!(actors(&e, "accused").len(), 1, "{e:#?}");
    assert_eq!(e.codes.plover, "DISAPPROVE");
    let e = one(
        "Kyiv and Moscow accused each other of violating the truce.",
        "2022-03-21",
        EventKind::Accusation,
    );
    assert_eq!(actors(&e, "accuser").len(), 2, "{e:#?}");
    assert_eq!(actors(&e, "accused").len(), 2, "{e:#?}");
    assert_eq!(attr(&e, "charge").as_deref(), Some("ceasefire violation"));
}

#[test]
fn denial_of_a_false_flag_charge() {
    let e = one(
        "The Kremlin denied the accusation, calling the footage a staged provocation.",
        "2022-04-04",
        EventKind::Denial,
    );
    assert_eq!(actors(&e, "denier").len(), 1, "{e:#?}");
    assert_eq!(e.codes.plover, "REJECT");
}

#[test]
fn hedged_event_and_source() {
    let e = one(
        "According to the regional governor, Russian forces shelled a school in Okhtyrka, a claim \
         that could not be independently verified.",
        "2022-03-12",
        EventKind::Attack,
    );
    assert!(e.hedged);
    assert!(
        e.source.as_deref().is_some_and(|s| s.contains("governor")),
        "{e:#?}"
    );
    assert!(e.evidence.iter().any(|x| x.field == "hedged"));
}

#[test]
fn every_event_explains_its_trigger() {
    let all = events(
        "Russian forces shelled a school in Okhtyrka on Monday. Talks resumed in Belarus.",
        "2022-03-12",
    );
    assert!(all.len() >= 2);
    for e in &all {
        assert!(
            e.evidence
                .iter()
                .any(|x| x.field == "type" && x.end > x.start),
            "{e:#?}"
        );
        assert!(!e.codes.cameo.is_empty() && !e.codes.plover.is_empty());
    }
}

#[test]
fn shelling_in_a_city_is_an_attack_on_it_but_shelling_elsewhere_in_the_sentence_is_not() {
    let e = one(
        "Heavy shelling in Chernihiv continued overnight, officials said.",
        "2022-03-12",
        EventKind::Attack,
    );
    assert_eq!(e.place.as_deref(), Some("Chernihiv"));
    let all = events(
        "Amid another night of shelling, the two ministers met for talks in Antalya.",
        "2022-03-10",
    );
    assert!(all.iter().all(|e| e.kind != EventKind::Attack), "{all:#?}");
}

#[test]
fn a_past_participle_after_a_noun_is_no_capture() {
    let all = events(
        "Ukraine said Russian forces were laying mines captured in 2014 when Russia annexed Crimea.",
        "2022-03-30",
    );
    assert!(all.iter().all(|e| e.kind != EventKind::Capture), "{all:#?}");
}

#[test]
fn a_passive_accusation_takes_its_source_as_accuser() {
    let e = one(
        "Russian commanders have been accused of using cluster munitions, according to Human \
         Rights Watch.",
        "2022-03-30",
        EventKind::Accusation,
    );
    assert_eq!(actors(&e, "accused").len(), 1, "{e:#?}");
    assert_eq!(actors(&e, "accuser").len(), 1, "{e:#?}");
}

#[test]
fn a_relative_clause_denial_and_a_passive_capture() {
    let e = one(
        "The army blamed the militia, which denied any involvement.",
        "2023-04-25",
        EventKind::Denial,
    );
    assert_eq!(actors(&e, "denier").len(), 1, "{e:#?}");
    let e = one(
        "Local media said the town of Irpin was captured overnight.",
        "2022-03-09",
        EventKind::Capture,
    );
    assert_eq!(e.place.as_deref(), Some("Irpin"));
}

#[test]
fn strikes_on_infrastructure_without_a_preposition() {
    let e = one(
        "Russian strikes damaged the main water pumping station in Mykolaiv on Sunday.",
        "2022-03-15",
        EventKind::Attack,
    );
    assert_eq!(attr(&e, "target").as_deref(), Some("infrastructure"));
    assert_eq!(actors(&e, "perpetrator"), vec!["Russia".to_owned()]);
    // A labour strike names no target.
    let all = events(
        "Unions called national strikes over the pension reform.",
        "2022-03-15",
    );
    assert!(all.iter().all(|e| e.kind != EventKind::Attack), "{all:#?}");
}

#[test]
fn attacks_on_villages_prisons_and_buildings_and_raids() {
    let e = one(
        "Fighters from the Rapid Support Forces stormed the South Hospital in El Fasher on \
         Saturday.",
        "2024-06-10",
        EventKind::Attack,
    );
    assert_eq!(attr(&e, "target").as_deref(), Some("hospital"));
    assert_eq!(e.date.as_deref(), Some("2024-06-08"));
    assert_eq!(
        actors(&e, "perpetrator"),
        vec!["Rapid Support Forces".to_owned()]
    );
    let e = one(
        "Israeli warplanes carried out wave after wave of strikes on villages and towns across \
         southern Lebanon on Monday.",
        "2024-09-24",
        EventKind::Attack,
    );
    assert_eq!(attr(&e, "target").as_deref(), Some("civilian"));
    let e = one(
        "In Hodeidah, a strike on Friday on a telecommunications building reportedly killed \
         three children.",
        "2022-01-22",
        EventKind::Attack,
    );
    assert_eq!(attr(&e, "target").as_deref(), Some("infrastructure"));
    assert_eq!(attr(&e, "killed").as_deref(), Some("3"));
    // A port city is no port facility: shelling near it is not an attack on a target.
    assert!(
        events(
            "An attempt to lead civilians out of the besieged port city of Mariupol collapsed \
             after shelling resumed.",
            "2022-03-06",
        )
        .iter()
        .all(|e| e.kind != EventKind::Attack
            || attr(e, "target").as_deref() != Some("infrastructure"))
    );
}

#[test]
fn rejecting_criticism_or_suggestions_is_a_denial() {
    let e = one(
        "Erdogan rejected the criticism, saying that no country could have been prepared.",
        "2023-02-10",
        EventKind::Denial,
    );
    assert_eq!(e.kind, EventKind::Denial);
    let e = one(
        "The Kremlin rejected suggestions that the leaders had been the target.",
        "2024-03-07",
        EventKind::Denial,
    );
    assert_eq!(e.kind, EventKind::Denial);
    // Rejecting a plan is no denial.
    assert!(
        events("The council rejected the plan on Monday.", "2024-03-07")
            .iter()
            .all(|e| e.kind != EventKind::Denial)
    );
}

#[test]
fn an_airlift_of_the_wounded_is_an_evacuation() {
    let e = one(
        "Army helicopters flew about 200 injured people out of Herat on Sunday.",
        "2023-10-09",
        EventKind::Evacuation,
    );
    assert_eq!(attr(&e, "means").as_deref(), Some("air"));
    assert_eq!(attr(&e, "count").as_deref(), Some("200"));
}
