//! Tests of place recognition and disambiguation.

use super::*;
use crate::gazetteer::distance_km;
use crate::text::{sentences, tokenize};

fn places(text: &str, taken: &[Entity]) -> Vec<Entity> {
    let t = PlaceTagger::new();
    t.find(text, &sentences(text), &tokenize(text), taken)
}

pub fn places_pub(text: &str) -> Vec<Entity> {
    places(text, &[])
}

fn near(e: &Entity, lat: f64, lon: f64, km: f64) -> bool {
    e.geo
        .as_ref()
        .is_some_and(|g| distance_km(g.lat, g.lon, lat, lon) < km)
}

#[test]
fn war_news_places() {
    let text =
        "Russian missiles struck Mariupol and Zaporizhzhya overnight, officials in Kiev said.";
    let p = places(text, &[]);
    let names: Vec<&str> = p.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Mariupol", "Zaporizhzhya", "Kyiv"], "{p:?}");
    assert!(near(&p[0], 47.10, 37.55, 10.0));
    assert!(near(&p[1], 47.84, 35.14, 10.0));
    assert!(near(&p[2], 50.45, 30.52, 10.0));
    assert_eq!(&text[p[2].start..p[2].end], "Kiev");
    assert!(p.iter().all(|e| {
        e.geo
            .as_ref()
            .is_some_and(|g| g.country.as_deref() == Some("UA"))
    }));
}

#[test]
fn region_and_city() {
    let p = places("Shelling hit the Kherson region on Sunday.", &[]);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].geo.as_ref().map(|g| g.level), Some("admin1"));
    let p = places("Shelling hit Kherson on Sunday.", &[]);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].geo.as_ref().map(|g| g.level), Some("city"));
    assert!(near(&p[0], 46.64, 32.61, 10.0));
    let p = places(
        "Fighting continued in the Donetsk oblast and in Zaporizhzhia Oblast.",
        &[],
    );
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(
        p.iter()
            .all(|e| e.geo.as_ref().is_some_and(|g| g.level == "admin1")),
        "{p:?}"
    );
}

#[test]
fn ambiguous_us_name_follows_co_mentions() {
    let p = places(
        "The storm moved from Shreveport toward Alexandria, where officials in Rapides Parish opened shelters.",
        &[],
    );
    let alex = p
        .iter()
        .find(|e| e.name == "Alexandria")
        .expect("Alexandria");
    assert_eq!(
        alex.geo.as_ref().and_then(|g| g.country.as_deref()),
        Some("US")
    );
    assert!(near(alex, 31.31, -92.45, 30.0), "{alex:?}");
    let p = places("He grew up in Paris, Texas, far from Europe.", &[]);
    assert!(near(&p[0], 33.66, -95.56, 20.0), "{p:?}");
}

#[test]
fn variants_meet() {
    let text = "Strikes hit Kharkov, Nikolaev, Berdiansk and Odessa, and Zaporizhia Oblast.";
    let p = places(text, &[]);
    let names: Vec<&str> = p.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names[..4],
        ["Kharkiv", "Mykolayiv", "Berdyansk", "Odesa"],
        "{p:?}"
    );
    assert_eq!(p[4].geo.as_ref().map(|g| g.level), Some("admin1"), "{p:?}");
    assert!(near(&p[0], 49.99, 36.23, 15.0));
    assert!(near(&p[1], 46.97, 32.0, 15.0));
}

#[test]
fn multi_word_names() {
    let p = places(
        "Refugees reached Bosnia and Herzegovina and New York after leaving Luhansk.",
        &[],
    );
    let names: Vec<&str> = p.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["Bosnia and Herzegovina", "New York City", "Luhansk"],
        "{p:?}"
    );
    assert_eq!(p[0].geo.as_ref().map(|g| g.level), Some("country"));
    assert_eq!(p[2].geo.as_ref().map(|g| g.level), Some("city"));
}

#[test]
fn lists_before_a_plural_level_word() {
    let p = places(
        "The bridge links Walton and Oconee counties in Georgia.",
        &[],
    );
    let levels: Vec<&str> = p
        .iter()
        .filter_map(|e| e.geo.as_ref().map(|g| g.level))
        .collect();
    assert_eq!(levels, ["admin2", "admin2", "admin1"], "{p:?}");
    assert!(
        p.iter()
            .all(|e| e.geo.as_ref().and_then(|g| g.country.as_deref()) == Some("US"))
    );
}

#[test]
fn taken_spans_are_skipped() {
    let text = "Moscow said the strikes on Odessa were justified.";
    let taken = [Entity {
        start: 0,
        end: 6,
        kind: EntityKind::Org,
        name: "Russia".into(),
        form: MentionForm::Metonym,
        side: Some("RU".into()),
        role: None,
        geo: None,
    }];
    let p = places(text, &taken);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].name, "Odesa");
}

#[test]
fn demonyms_and_months_are_not_places() {
    let p = places(
        "Ukrainian troops advanced in May, a Russian officer said.",
        &[],
    );
    assert!(p.is_empty(), "{p:?}");
}

proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,200}") {
        let p = places(&s, &[]);
        let mut last = 0;
        for e in &p {
            proptest::prop_assert!(e.start >= last && e.start < e.end && e.end <= s.len());
            proptest::prop_assert!(s.is_char_boundary(e.start) && s.is_char_boundary(e.end));
            last = e.end;
        }
    }

    #[test]
    fn never_panics_on_capitalised_words(words in proptest::collection::vec("(Kyiv|Kherson|Paris|Texas|,|region|Oblast|St|\\.|in|New|York|Mr|’s|-|[A-Z][a-zé]{1,8})", 0..30)) {
        let s = words.join(" ");
        let p = places(&s, &[]);
        let mut last = 0;
        for e in &p {
            proptest::prop_assert!(e.start >= last && e.start < e.end && e.end <= s.len());
            last = e.end;
        }
    }
}

/// Prints the places of `$PLACES_TEXT`: `cargo test -p annotate places::tests::debug -- --ignored --nocapture`.
mod debug {
    #[test]
    #[ignore]
    fn show() {
        let text = std::env::var("PLACES_TEXT").unwrap_or_default();
        for e in super::places_pub(&text) {
            eprintln!("{:?} {} {:?}", &text[e.start..e.end], e.name, e.geo);
        }
    }
}

fn spans(text: &str) -> Vec<(&str, String)> {
    places(text, &[])
        .into_iter()
        .map(|e| (&text[e.start..e.end], e.name))
        .collect()
}

#[test]
fn a_dateline_region_stops_before_its_comma() {
    let text = "ANTALYA, Turkey, March 10 (Wire) - Talks began.";
    let found = spans(text);
    assert_eq!(found[0].0, "ANTALYA", "{found:?}");
    assert_eq!(found[1].0, "Turkey", "{found:?}");
}

#[test]
fn a_region_named_in_the_text_does_not_turn_the_city_into_it() {
    let text = "Shelling hit Kyiv overnight. Villages in the Kyiv region lost power, and Kyiv \
                itself was calm by morning.";
    let p = places(text, &[]);
    let kyiv: Vec<&Entity> = p
        .iter()
        .filter(|e| &text[e.start..e.end] == "Kyiv")
        .collect();
    assert_eq!(kyiv.len(), 2);
    assert!(
        kyiv.iter()
            .all(|e| e.name == "Kyiv" && near(e, 50.45, 30.52, 10.0))
    );
    let region = p
        .iter()
        .find(|e| &text[e.start..e.end] == "Kyiv region")
        .expect("region");
    assert_eq!(
        region.name, "Kyiv region",
        "a region sharing a city's name is named apart"
    );
    assert_eq!(region.geo.as_ref().map(|g| g.level), Some("admin1"));
}

#[test]
fn squares_units_and_longer_arabic_names_are_not_the_place() {
    let found = spans(
        "A missile hit Freedom Square in Kharkiv at 5 a.m. Moscow time. Officials blamed the \
         Azov regiment. Aid crossed at Bab al-Hawa into Syria.",
    );
    let surfaces: Vec<&str> = found.iter().map(|f| f.0).collect();
    assert!(
        surfaces.contains(&"Kharkiv") && surfaces.contains(&"Syria"),
        "{found:?}"
    );
    for wrong in ["Freedom", "Moscow", "Azov", "Bab"] {
        assert!(
            !surfaces.contains(&wrong),
            "{wrong} taken as a place: {found:?}"
        );
    }
}
