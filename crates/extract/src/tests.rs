//! Claims from sentences written for these tests, through the real annotation layer.

mod attribution;
mod dates;
mod evidence;
mod hedges;
mod non_claims;
mod places;

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::{Claim, ClaimExtractor};

fn annotator() -> &'static annotate::Annotator {
    static A: OnceLock<annotate::Annotator> = OnceLock::new();
    A.get_or_init(annotate::Annotator::new)
}

fn extractor() -> &'static ClaimExtractor {
    static E: OnceLock<ClaimExtractor> = OnceLock::new();
    E.get_or_init(ClaimExtractor::new)
}

fn published() -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 5, 12).expect("valid date")
}

fn claims(text: &str) -> Vec<Claim> {
    let ann = annotator().annotate(text, Some(published()));
    extractor().claims(text, &ann, Some(published()))
}

/// The evidence of one field of a claim, as (rule, words) pairs.
fn evidence<'t>(text: &'t str, c: &Claim, field: &str) -> Vec<(String, &'t str)> {
    c.evidence
        .iter()
        .filter(|e| e.field == field)
        .map(|e| {
            let words = text
                .get(e.start..e.end)
                .expect("evidence on char boundaries");
            (e.rule.clone(), words)
        })
        .collect()
}

fn one(text: &str, metric: &str) -> Claim {
    let all = claims(text);
    let found: Vec<&Claim> = all.iter().filter(|c| c.metric == metric).collect();
    assert_eq!(found.len(), 1, "{metric} in {text:?}: {all:#?}");
    found[0].clone()
}

#[test]
fn killed_and_injured_in_one_sentence_share_the_group() {
    let text = "The regional health office reported that 41 civilians were killed and 212 injured in Kharkiv.";
    let all = claims(text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!((all[0].metric.as_str(), all[0].value), ("killed", 41.0));
    assert_eq!((all[1].metric.as_str(), all[1].value), ("injured", 212.0));
    assert_eq!(all[1].group.as_deref(), Some("civilians"));
    assert_eq!(all[0].place.as_deref(), Some("Kharkiv"));
    assert_eq!(&text[all[0].start..all[0].end], "41");
}

#[test]
fn metrics_from_their_cues() {
    let cases = [
        (
            "At least 7 people are still missing after the flood.",
            "missing",
        ),
        (
            "Rescue teams evacuated 1,200 residents from the valley.",
            "evacuated",
        ),
        ("Nearly 80,000 refugees have reached the camps.", "refugees"),
        (
            "The storm displaced 15,000 families in the south.",
            "displaced",
        ),
        ("Police detained 340 protesters in the capital.", "detained"),
        (
            "Some 3,000 people remain trapped in the besieged district.",
            "trapped",
        ),
        (
            "The agency counted 19 attacks on health care this month.",
            "attacks",
        ),
        ("The convoy brought 60 tons of food and medicine.", "aid"),
        (
            "The town had a population of 25,000 before the fighting.",
            "population",
        ),
        (
            "The blast caused 56 casualties at the market.",
            "casualties",
        ),
    ];
    for (text, metric) in cases {
        one(text, metric);
    }
}

#[test]
fn value_kinds_follow_the_modifiers() {
    let cases = [
        ("Officials said 52 people were killed.", "exact", 52.0),
        (
            "More than 300 people were killed in the quake.",
            "at_least",
            300.0,
        ),
        (
            "Up to 90 people may have died in the fire.",
            "at_most",
            90.0,
        ),
        (
            "About 1,500 people were injured in the attack.",
            "approx",
            1500.0,
        ),
        (
            "Thousands of people were displaced by the floods.",
            "vague",
            2000.0,
        ),
    ];
    for (text, kind, value) in cases {
        let all = claims(text);
        assert_eq!(all.len(), 1, "{text}: {all:#?}");
        assert_eq!((all[0].value_kind, all[0].value), (kind, value), "{text}");
    }
    let range = claims("Between 40 and 60 people were killed in the shelling.");
    assert_eq!(range.len(), 1, "{range:#?}");
    assert_eq!(range[0].value_kind, "range");
    assert_eq!(range[0].value_max, Some(60.0));
}

#[test]
fn non_counts_are_no_claims() {
    let text =
        "In 2021, a 12-year-old boy was killed 30 kilometres from the border, and 40 buses left.";
    assert!(claims(text).is_empty(), "{:#?}", claims(text));
}

#[test]
fn soldiers_take_a_side_from_a_demonym() {
    let c = one(
        "About 200 Russian soldiers were killed near the river.",
        "killed",
    );
    assert_eq!(c.group.as_deref(), Some("soldiers"));
    assert_eq!(c.side.as_deref(), Some("russia"));
}

#[test]
fn source_from_according_to() {
    let c = one(
        "According to the World Health Organization, 64 people died in the outbreak.",
        "killed",
    );
    assert_eq!(c.source.as_deref(), Some("World Health Organization"));
}

#[test]
fn source_from_a_speech_verb_and_a_cutoff_date() {
    let c = one(
        "The UN human rights office said on Tuesday that 310 civilians had been killed by the end of May 7.",
        "killed",
    );
    let source = c.source.expect("a source");
    assert!(source.contains("UN"), "{source}");
    assert_eq!(c.as_of.as_deref(), Some("2023-05-07"));
}

#[test]
fn source_from_a_pronoun() {
    let text = "Governor Oleh Synehubov spoke to reporters in Kharkiv on Thursday. He said 27 people were injured in the strikes.";
    let c = one(text, "injured");
    let source = c.source.expect("a source");
    assert!(source.contains("Oleh"), "{source}");
}

#[test]
fn the_articles_own_voice_has_no_source() {
    let c = one(
        "Over 9,000 people have fled their homes since the fighting began.",
        "displaced",
    );
    assert_eq!(c.source, None);
    assert_eq!(c.as_of.as_deref(), Some("2023-05-12"));
    assert!(!c.hedged);
}

#[test]
fn a_hedge_in_the_paragraph_covers_the_figure() {
    let text = "Local officials said 118 people were killed in the region. \
                The figure could not be independently verified.\n\nAbout 40 people were injured elsewhere.";
    let all = claims(text);
    let killed = all.iter().find(|c| c.metric == "killed").expect("killed");
    assert!(killed.hedged);
    let injured = all.iter().find(|c| c.metric == "injured").expect("injured");
    assert!(!injured.hedged);
}

#[test]
fn a_repeated_figure_is_kept_once() {
    let text = "Hundreds of people were evacuated from the city.\n\nAccording to the mayor, hundreds of people were evacuated by bus.";
    let all = claims(text);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert!(all[0].source.is_some());
}

#[test]
fn counts_of_things_are_not_claims_even_after_an_adjective() {
    let all = claims(
        "The port, home to three large steelworks, had a population of 430,000 before the war.",
    );
    let values: Vec<f64> = all.iter().map(|c| c.value).collect();
    assert_eq!(values, vec![430_000.0], "{all:#?}");
    let all = claims("Shelling destroyed 40 homes overnight and killed 3 residents.");
    let found: Vec<(&str, f64)> = all.iter().map(|c| (c.metric.as_str(), c.value)).collect();
    assert_eq!(found, vec![("killed", 3.0)], "{all:#?}");
    // A people noun first keeps the claim, whatever follows.
    let c = one(
        "Volunteers evacuated 120 civilians in 14 buses on Friday.",
        "evacuated",
    );
    assert_eq!(c.value, 120.0);
}

#[test]
fn a_part_of_a_figure_counts_in_its_metric() {
    let all = claims(
        "More than 5,000 people were evacuated on Friday, including about 1,200 from the \
         besieged town of Izium, officials said.",
    );
    let found: Vec<(&str, f64)> = all.iter().map(|c| (c.metric.as_str(), c.value)).collect();
    assert_eq!(
        found,
        vec![("evacuated", 5000.0), ("evacuated", 1200.0)],
        "{all:#?}"
    );
    assert!(all[1].rule.contains("subset-of:evacuated"));
}

#[test]
fn a_dateline_city_is_not_the_place_of_a_figure() {
    let c = one(
        "GENEVA, May 12 (Wire) — More than 120,000 people have fled Sudan since the fighting \
         began, the UN refugee agency said.",
        "refugees",
    );
    assert_ne!(c.place.as_deref(), Some("Geneva"), "{c:#?}");
    // Multi-byte text around the dateline cut is safe.
    let _ = claims(&format!(
        "KYIV, {} — 40 people were killed.",
        "ї".repeat(200)
    ));
}

#[test]
fn people_who_left_through_a_corridor_were_evacuated() {
    let c = one(
        "About 30,000 people left Mariupol on Wednesday through a humanitarian corridor to Zaporizhzhia.",
        "evacuated",
    );
    assert_eq!(c.value, 30000.0);
}

#[test]
fn the_group_of_a_part_is_its_predicate() {
    let c = one(
        "UNICEF said about 1.5 million of the refugees who fled Ukraine are children.",
        "refugees",
    );
    assert_eq!(c.group.as_deref(), Some("children"), "{c:#?}");
    let cs = claims("Officials said 12 of the 40 people killed in Kharkiv were children.");
    let part = cs.iter().find(|c| c.value == 12.0).expect("the 12");
    assert_eq!(part.group.as_deref(), Some("children"), "{cs:#?}");
    let whole = cs.iter().find(|c| c.value == 40.0).expect("the 40");
    assert_eq!(whole.group.as_deref(), Some("people"), "{cs:#?}");
}

#[test]
fn a_figure_for_part_of_a_place_carries_its_scope() {
    let text = "The health ministry in Damascus said 1,347 people had died in government-held \
                areas, while rescuers in the rebel-held northwest counted more than 2,000 dead.";
    let cs = claims(text);
    let part = cs.iter().find(|c| c.value == 1347.0).expect("the 1,347");
    assert_eq!(
        part.scope.as_deref(),
        Some("government-held areas"),
        "{cs:#?}"
    );
    // The other clause's scope is its own, and the source's words give none.
    let other = cs.iter().find(|c| c.value == 2000.0).expect("the 2,000");
    assert_eq!(other.scope, None, "{cs:#?}");
    // A scope in a relative clause describes the source, not the figure.
    let c = one(
        "At least 2,662 people have been killed, according to the White Helmets, which \
         operates in the rebel-held northwest.",
        "killed",
    );
    assert_eq!(c.scope, None, "{c:#?}");
    // Without a control word there is no scope.
    let c = one(
        "Officials said 40 people had died in the northern areas.",
        "killed",
    );
    assert_eq!(c.scope, None, "{c:#?}");
}

#[test]
fn a_spun_including_still_makes_a_part() {
    let text = "More than 8,000 people were evacuated on Monday, together with round 3,000 from \
                the besieged port of Mariupol, the minister said.";
    let cs = claims(text);
    let part = cs.iter().find(|c| c.value == 3000.0).expect("the 3,000");
    assert_eq!(part.metric, "evacuated", "{cs:#?}");
}

#[test]
fn parts_listed_after_a_total_and_the_figures_after_them() {
    let text = "Officials raised the toll to 558 killed, including 50 children and 94 women, and \
                1,835 wounded.";
    let cs = claims(text);
    let find = |v: f64| cs.iter().find(|c| c.value == v).expect("a figure");
    // The total counts people: the children belong to the part after "including".
    assert_eq!(find(558.0).group.as_deref(), Some("people"), "{cs:#?}");
    assert_eq!(find(50.0).metric, "killed");
    assert_eq!(find(50.0).group.as_deref(), Some("children"));
    // The second part of the list is a part too.
    assert_eq!(find(94.0).metric, "killed", "{cs:#?}");
    assert_eq!(find(94.0).group.as_deref(), Some("women"));
    // The figure after the list has its own metric and the total's group.
    assert_eq!(find(1835.0).metric, "injured", "{cs:#?}");
    assert_eq!(find(1835.0).group.as_deref(), Some("people"), "{cs:#?}");
}

#[test]
fn a_measure_is_no_count_of_people() {
    let cs = claims("The magnitude-7.7 earthquake killed 1,644 people, the junta said.");
    assert!(cs.iter().all(|c| c.value != 7.7), "{cs:#?}");
    assert!(cs.iter().any(|c| c.value == 1644.0), "{cs:#?}");
    let cs = claims("A 6.8 magnitude quake killed 2,497 people.");
    assert!(cs.iter().all(|c| c.value != 6.8), "{cs:#?}");
}

#[test]
fn the_predicate_and_the_total_choose_the_metric() {
    // The noun says wounded; the verb says what happened to them.
    let c = one(
        "The army said more than 300 wounded were evacuated by helicopter.",
        "evacuated",
    );
    assert_eq!(c.value, 300.0);
    let c = one(
        "A police helicopter flew 12 of the most seriously wounded to hospitals.",
        "evacuated",
    );
    assert_eq!(c.value, 12.0);
    // A total that reached a figure takes the total's cue, not a nearer one after it.
    let cs = claims(
        "The ministry said the number of Palestinians killed in Gaza since October 7 had \
         reached 30,035, with 70,457 wounded.",
    );
    let c = cs.iter().find(|c| c.value == 30035.0).expect("the 30,035");
    assert_eq!(c.metric, "killed", "{cs:#?}");
    let c = one(
        "The toll from Saturday's strike rose to 12 on Monday, when rescuers pulled the last \
         bodies from the rubble.",
        "killed",
    );
    assert_eq!(c.value, 12.0);
}

#[test]
fn a_cue_across_a_subordinate_clause_is_the_other_clauses() {
    let cs = claims(
        "A military spokesman said dozens of people had died in a stampede as thousands rushed \
         the trucks.",
    );
    assert!(cs.iter().all(|c| c.value != 2000.0), "{cs:#?}");
    assert!(cs.iter().any(|c| c.metric == "killed"), "{cs:#?}");
}

#[test]
fn cues_for_homes_lost_rubble_residence_and_facilities_hit() {
    let c = one(
        "Nearly 140 residents who lost their flats are staying in a dormitory.",
        "displaced",
    );
    assert_eq!(c.value, 140.0);
    let c = one(
        "The rescuers estimate that about fifty persons are still under the rubble.",
        "trapped",
    );
    assert_eq!(c.value, 50.0);
    let c = one(
        "About 16,000 people lived in the areas at greatest risk, the governor said.",
        "population",
    );
    assert_eq!(c.value, 16000.0);
    let c = one("It said 13 hospitals had been shelled.", "attacks");
    assert_eq!((c.value, c.unit.as_str()), (13.0, "facilities"));
    // Floods damage facilities too: that is no attack.
    let cs = claims("Health partners report that 888 health facilities have been damaged.");
    assert!(cs.iter().all(|c| c.metric != "attacks"), "{cs:#?}");
    // Shelters are places, not people.
    let cs = claims("More than 16,500 displaced people had registered at 89 shelters.");
    assert!(cs.iter().all(|c| c.value != 89.0), "{cs:#?}");
}

#[test]
fn a_part_with_a_predicate_of_its_own_keeps_it() {
    let cs = claims(
        "The UN estimates that about 1.8 million people live in and around the city, among \
         them hundreds of thousands who fled other towns.",
    );
    let part = cs.iter().find(|c| c.value == 200000.0).expect("the part");
    assert_eq!(part.metric, "displaced", "{cs:#?}");
    let whole = cs.iter().find(|c| c.value == 1800000.0).expect("the whole");
    assert_eq!(whole.metric, "population", "{cs:#?}");
    // Infants are children, and a second part of the list.
    let cs = claims("The UN raised the toll to at least 70, including 10 women and three infants.");
    let c = cs.iter().find(|c| c.value == 3.0).expect("the infants");
    assert_eq!(
        (c.metric.as_str(), c.group.as_deref()),
        ("killed", Some("children")),
        "{cs:#?}"
    );
}

#[test]
fn words_of_speakers_and_names_are_no_cues_and_speakers_are_no_counts() {
    // "aid workers" names speakers: the homes lost give the metric.
    let c = one(
        "Aid workers estimate that about a quarter of the city's population has lost their homes.",
        "displaced",
    );
    assert_eq!(c.value, 0.25);
    // "refugees" in an agency's name says nothing of the figure.
    let cs = claims(
        "The UN agency for Palestinian refugees said about 1 million people had been forced \
         from their homes.",
    );
    assert!(cs.iter().all(|c| c.metric != "refugees"), "{cs:#?}");
    // The speakers are counted, not a toll.
    let cs =
        claims("The strike killed 55 people on Friday, according to two aid workers in the town.");
    assert!(cs.iter().all(|c| c.value != 2.0), "{cs:#?}");
    let cs = claims("Three officials said 12 people were killed in the blast.");
    assert!(cs.iter().all(|c| c.value != 3.0), "{cs:#?}");
    assert!(cs.iter().any(|c| c.value == 12.0), "{cs:#?}");
}

#[test]
fn people_still_inside_and_a_population_after_its_number() {
    let c = one(
        "The governor said roughly 130,000 residents were still inside without power.",
        "trapped",
    );
    assert_eq!(c.value, 130000.0);
    let c = one(
        "Gaza's 2.3 million population depends on aid.",
        "population",
    );
    assert_eq!(c.value, 2300000.0);
}

#[test]
fn the_dead_stay_dead_and_predicates_after_adverbs() {
    // Bodies pulled out are the dead, not people rescued.
    let c = one(
        "Police said about 180 bodies had been pulled from the ruins of the tower.",
        "killed",
    );
    assert_eq!(c.value, 180.0);
    // "are still listed as missing": the predicate after its adverbs.
    let cs = claims("\"We have recovered 19 bodies, and 16 people are still listed as missing.\"");
    let c = cs.iter().find(|c| c.value == 16.0).expect("the 16");
    assert_eq!(c.metric, "missing", "{cs:#?}");
    // "killed or wounded" counts casualties.
    let c = one(
        "The general staff said Russia had lost 1,140 soldiers killed or wounded.",
        "casualties",
    );
    assert_eq!(c.value, 1140.0);
}

#[test]
fn flights_shelter_and_who_fled() {
    let c = one(
        "India said its air force had flown more than 1,900 nationals out of Kathmandu.",
        "evacuated",
    );
    assert_eq!(c.value, 1900.0);
    let c = one(
        "The governor estimated that about 300,000 people became without shelter.",
        "displaced",
    );
    assert_eq!(c.value, 300000.0);
    let c = one(
        "Goma also hosts hundreds of thousands of people who fled fighting elsewhere.",
        "displaced",
    );
    assert_eq!(c.value, 200000.0);
}

#[test]
fn armed_members_regions_of_people_and_linking_verbs() {
    let c = one(
        "Five Russian peacekeepers were killed when troops fired on their vehicle.",
        "killed",
    );
    assert_eq!(c.group.as_deref(), Some("soldiers"));
    assert_eq!(c.side.as_deref(), Some("russia"));
    let c = one(
        "The group said its fighters had killed about 300 members of pro-government militias.",
        "killed",
    );
    assert_eq!(c.group.as_deref(), Some("soldiers"), "{c:#?}");
    // Counts of groups or of rival leaders are no tolls.
    let cs = claims("Fighting between two armed groups killed 32 people in Tripoli.");
    assert!(cs.iter().all(|c| c.value != 2.0), "{cs:#?}");
    let c = one(
        "Catatumbo, a mountainous region of about 300,000 people, grows coca.",
        "population",
    );
    assert_eq!(c.value, 300000.0);
    // Not across a name: the province's figure is a toll.
    let cs = claims(
        "The province of Al Haouz counts 1,452 dead, followed by the province of Taroudant with 764 dead.",
    );
    assert!(cs.iter().all(|c| c.metric == "killed"), "{cs:#?}");
    // "remain displaced": the linking verb's complement, not "remain" alone.
    let c = one(
        "The IOM said about 946,000 people remain displaced.",
        "displaced",
    );
    assert_eq!(c.value, 946000.0);
}
