//! The place of a figure when its sentence names none.

use super::{claims, evidence, one};

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

#[test]
fn an_apposition_or_an_owned_city_places_the_figure() {
    let text = "Floods swept through Derna in Libya on Sunday. \
                Derna, a city of about 100,000 people, lies some 250 km east of Benghazi.";
    let c = one(text, "population");
    assert_eq!(c.place.as_deref(), Some("Derna"), "{c:#?}");
    assert_eq!(evidence(text, &c, "place")[0].0, "apposition-place");
    let c = one(
        "Kharkiv, Ukraine's second-largest city, was home to about 1.4 million people before the war.",
        "population",
    );
    assert_eq!(c.place.as_deref(), Some("Kharkiv"), "{c:#?}");
}

#[test]
fn evacuees_are_counted_where_they_left_not_where_they_went() {
    let c = one(
        "Floods swept through Derna in Libya on Sunday. About 2,000 survivors were evacuated from Derna to Benghazi and Al Bayda on Friday.",
        "evacuated",
    );
    assert_eq!(c.place.as_deref(), Some("Derna"), "{c:#?}");
    // Only a destination in the sentence: the city the article is about.
    let text = "Floods swept through Derna on Sunday night.\n\n\
                City officials said about 2,000 survivors had been evacuated to Benghazi since Wednesday.";
    let c = one(text, "evacuated");
    assert_eq!(c.place.as_deref(), Some("Derna"), "{c:#?}");
}

#[test]
fn the_city_is_the_city_the_article_is_about() {
    let text = "Floods destroyed much of Derna on Sunday. Derna lies on the coast.\n\n\
                Rescuers in Derna were overwhelmed.\n\n\
                Hundreds of residents remain stranded where the water cut the city's bridges.";
    let c = one(text, "trapped");
    assert_eq!(c.place.as_deref(), Some("Derna"), "{c:#?}");
    assert_eq!(evidence(text, &c, "place")[0].0, "city-of-text");
}

#[test]
fn a_place_is_given_as_the_text_names_it() {
    let c = one(
        "Eight people were killed in Kiev on Monday, the mayor said.",
        "killed",
    );
    assert_eq!(c.place.as_deref(), Some("Kiev"), "{c:#?}");
}

#[test]
fn a_paragraph_that_opens_on_a_place_is_about_it() {
    let text = "The quake hit southern Turkey hardest.\n\nIn Syria, the count is split. The \
                health ministry in Damascus said 1,347 people had died. The White Helmets, the \
                civil defence group that works in the northwest, said its teams had recovered \
                more than 2,000 bodies.";
    let cs = claims(text);
    let c = cs
        .iter()
        .find(|c| c.value == 2000.0)
        .expect("the 2,000 bodies");
    // Not Damascus, the seat of the ministry named in the sentence before.
    assert_eq!(c.place.as_deref(), Some("Syria"), "{c:#?}");
    assert_eq!(evidence(text, c, "place")[0].0, "paragraph-scope");
}

#[test]
fn a_source_seat_earlier_in_the_paragraph_is_not_the_place() {
    let text = "The mayor of Kharkiv spoke on Tuesday. Volunteers said 70 residents were \
                evacuated by night.\n\nShelling also hit Sumy.";
    let c = one(text, "evacuated");
    assert_ne!(c.place.as_deref(), Some("Kharkiv"), "{c:#?}");
}

#[test]
fn a_list_of_places_of_one_country_is_about_that_country() {
    let text = "Syria's health ministry said 1,347 people had died, mainly in the provinces of \
                Aleppo, Hama and Latakia.";
    let c = one(text, "killed");
    assert_eq!(c.place.as_deref(), Some("Syria"), "{c:#?}");
    assert_eq!(evidence(text, &c, "place")[0].0, "list-country");
    // Two places are no list: the nearer one stays.
    let text = "The ministry said 40 people had died in Aleppo and Hama.";
    let c = one(text, "killed");
    assert_eq!(c.place.as_deref(), Some("Aleppo"), "{c:#?}");
}

#[test]
fn a_place_in_a_contrasting_clause_is_another_figures() {
    let text = "Turkey's disaster agency AFAD said the number of dead in the country had risen \
                above 9,000, while officials in Syria reported more than 2,600 deaths.";
    let cs = claims(text);
    let c = cs.iter().find(|c| c.value == 9000.0).expect("the 9,000");
    assert_eq!(c.place.as_deref(), Some("Turkey"), "{c:#?}");
    // Nor is the verb of that clause its source.
    assert_eq!(c.source.as_deref(), Some("AFAD"), "{c:#?}");
    let c = cs.iter().find(|c| c.value == 2600.0).expect("the 2,600");
    assert_eq!(c.place.as_deref(), Some("Syria"), "{c:#?}");
}

#[test]
fn a_story_goes_on_where_it_was() {
    let text = "Rescuers pulled 69 people from an overturned boat off the coast of Aceh province. \
                Fishermen had rescued six others on Wednesday.";
    let cs = claims(text);
    let c = cs.iter().find(|c| c.value == 6.0).expect("the six");
    assert_eq!(c.place.as_deref(), Some("Aceh province"), "{cs:#?}");
    assert_eq!(evidence(text, c, "place")[0].0, "previous-claim-place");
}

#[test]
fn reference_points_destinations_and_datelines_are_not_the_place() {
    // "south of Marrakech" says where the epicentre was; the dateline where the reporter is.
    let text = "MARRAKECH — The earthquake that struck the High Atlas south of Marrakech killed \
                2,497 people in Morocco, the ministry said.";
    let c = one(text, "killed");
    assert_eq!(c.place.as_deref(), Some("Morocco"), "{c:#?}");
    let text = "ADDIS ABABA (Lakeside Wire) — Aid workers said 24 people were wounded.";
    let c = one(text, "injured");
    assert_ne!(c.place.as_deref(), Some("Addis Ababa"), "{c:#?}");
    // Evacuees taken "towards the hospitals of" a city were not counted there.
    let text = "The army said more than 300 wounded were evacuated from Taroudant towards the \
                hospitals of Marrakech.";
    let c = one(text, "evacuated");
    assert_eq!(c.place.as_deref(), Some("Taroudant"), "{c:#?}");
}

#[test]
fn a_figure_for_two_countries_names_both() {
    let text = "The number of people known to have died in southern Turkey and northern Syria \
                rose above 20,000 on Thursday.";
    let c = one(text, "killed");
    assert_eq!(c.place.as_deref(), Some("Turkey and Syria"), "{c:#?}");
    assert_eq!(evidence(text, &c, "place")[0].0, "two-countries");
    // Two places of one country are not two countries; a compass word still locates.
    let c = one(
        "Floods killed 40 people in southern Sindh and Balochistan.",
        "killed",
    );
    assert_eq!(c.place.as_deref(), Some("Sindh"), "{c:#?}");
}
