//! The place of a figure when its sentence names none.

use super::{evidence, one};

#[test]
fn a_pronoun_source_carries_the_place_of_its_antecedent() {
    let text = "Olena Kravets, a doctor in Kherson, described the night to reporters.\n\nAccording \
                to her, the shelling killed 11 people and wounded 30 others.";
    let c = one(text, "killed");
    assert_eq!(c.source.as_deref(), Some("Olena Kravets"), "{c:#?}");
    assert_eq!(c.place.as_deref(), Some("Kherson"), "{c:#?}");
    assert_eq!(
        evidence(text, &c, "place"),
        vec![("pronoun-antecedent-place".to_owned(), "Kherson")]
    );
}

#[test]
fn the_city_named_earlier_in_the_paragraph() {
    let text = "Heavy fighting continued around Sumy in Ukraine. Attempts to reach the city failed \
                again. Volunteers said 70 residents were evacuated by night.";
    let c = one(text, "evacuated");
    assert_eq!(c.place.as_deref(), Some("Sumy"), "{c:#?}");
    assert_eq!(
        evidence(text, &c, "place")[0].0,
        "city-earlier-in-paragraph"
    );
}

#[test]
fn a_city_in_another_paragraph_is_not_the_place() {
    let text = "Heavy fighting continued around Sumy in Ukraine.\n\nVolunteers said 70 residents \
                were evacuated by night.";
    let c = one(text, "evacuated");
    assert_eq!(c.place.as_deref(), Some("Ukraine"), "{c:#?}");
    assert_eq!(evidence(text, &c, "place")[0].0, "country-of-text");
}

#[test]
fn the_sources_own_place_yields_to_another_in_the_sentence() {
    let c = one(
        "Russia's defence ministry said 1,351 of its soldiers had been killed in Ukraine.",
        "killed",
    );
    assert_eq!(c.place.as_deref(), Some("Ukraine"), "{c:#?}");
    // Alone, the source's place is the figure's: a city council counts its own dead.
    let c = one(
        "Mariupol's city council says at least 2,400 civilians have died in the city alone.",
        "killed",
    );
    assert_eq!(c.place.as_deref(), Some("Mariupol"), "{c:#?}");
}
