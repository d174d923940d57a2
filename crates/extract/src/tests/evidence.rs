//! The evidence of a claim's fields, for `--explain`.

use super::{claims, evidence, one};

fn pair(rule: &str, words: &'static str) -> Vec<(String, &'static str)> {
    vec![(rule.to_owned(), words)]
}

#[test]
fn every_field_points_at_the_words_that_gave_it() {
    let text = "More than 40 civilians were killed in Kharkiv by the end of Sunday, according to \
                the regional governor. The figure could not be independently verified.";
    let c = one(text, "killed");
    assert_eq!(
        evidence(text, &c, "value"),
        pair("modifier:at_least", "More than 40")
    );
    assert_eq!(
        evidence(text, &c, "metric"),
        pair("cue-near:killed", "killed")
    );
    assert_eq!(evidence(text, &c, "group"), pair("noun", "civilians"));
    assert_eq!(evidence(text, &c, "place"), pair("locative", "Kharkiv"));
    assert_eq!(
        evidence(text, &c, "as_of"),
        pair("cutoff", "the end of Sunday")
    );
    assert_eq!(
        evidence(text, &c, "source"),
        pair("according-to-phrase", "regional governor")
    );
    assert_eq!(
        evidence(text, &c, "hedged"),
        pair("paragraph", "could not be independently verified")
    );
    // No word gave the unit or the side.
    assert!(evidence(text, &c, "unit").is_empty());
    assert!(evidence(text, &c, "side").is_empty());
    // The rule string is kept.
    assert!(
        c.rule.starts_with("cue-near:killed; kind:at_least"),
        "{}",
        c.rule
    );
}

#[test]
fn defaults_have_empty_spans_at_the_number() {
    let text =
        "In the west of Ukraine, refugee centres are full. Around 600 were evacuated overnight.";
    let c = one(text, "evacuated");
    let at = text.find("Around 600").expect("number");
    let group = c
        .evidence
        .iter()
        .find(|e| e.field == "group")
        .expect("group");
    assert_eq!(
        (group.rule.as_str(), group.start, group.end),
        ("default", c.end, c.end)
    );
    let as_of = c
        .evidence
        .iter()
        .find(|e| e.field == "as_of")
        .expect("as_of");
    assert_eq!(
        (as_of.rule.as_str(), as_of.start, as_of.end),
        ("published", at, at)
    );
    // The place comes from the country the text is about, shown at its mention.
    assert_eq!(
        evidence(text, &c, "place"),
        pair("country-of-text", "Ukraine")
    );
}

#[test]
fn units_sides_and_ellipsis_have_their_words() {
    let text = "A convoy delivered 80 tons of food to the city.";
    let c = one(text, "aid");
    assert_eq!(evidence(text, &c, "unit"), pair("measure", "80 tons"));

    let text = "About 250 Russian soldiers were killed and 400 wounded near the village.";
    let all = claims(text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(evidence(text, &all[0], "side"), pair("demonym", "Russian"));
    assert_eq!(evidence(text, &all[0], "group"), pair("noun", "soldiers"));
    assert_eq!(
        evidence(text, &all[1], "group"),
        pair("ellipsis", "soldiers")
    );

    let text = "Almost a third of the population has been displaced by the drought.";
    let c = one(text, "displaced");
    assert_eq!(c.unit, "share");
    assert_eq!(
        evidence(text, &c, "unit"),
        pair("share-of-population", "population")
    );
}

#[test]
fn a_subset_points_at_its_phrase() {
    let text = "Some 900 people were evacuated on Monday, including 300 children from the school.";
    let all = claims(text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(
        evidence(text, &all[1], "metric"),
        pair("subset-of:evacuated", "including")
    );
}

#[test]
fn evidence_spans_are_inside_the_text() {
    let text = "“We buried 12 people today,” the mayor said.\n\nDozens of families fled the \
                shelling, officials said. They added that 30 homes were hit and 5 people died.";
    for c in claims(text) {
        for e in &c.evidence {
            assert!(e.start <= e.end && e.end <= text.len(), "{e:?}");
            assert!(text.get(e.start..e.end).is_some(), "{e:?}");
        }
        for field in ["value", "metric", "as_of"] {
            assert!(
                c.evidence.iter().any(|e| e.field == field),
                "{field}: {c:#?}"
            );
        }
    }
}
