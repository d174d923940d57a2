use super::*;
use crate::text::{sentences, tokenize};

fn run(text: &str) -> Vec<Entity> {
    let tagger = EntityTagger::new();
    tagger.find(text, &sentences(text), &tokenize(text))
}

fn show(text: &str, es: &[Entity]) -> String {
    es.iter()
        .map(|e| {
            format!(
                "{:?} [{}] -> {} ({:?}) side={:?} role={:?}",
                e.kind,
                &text[e.start..e.end],
                e.name,
                e.form,
                e.side,
                e.role
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
#[ignore]
fn print_seeds() {
    let dir = std::path::Path::new("/work/shared/seeds");
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap_or_default();
        let es = run(&text);
        println!("==== {}\n{}", p.display(), show(&text, &es));
    }
}

fn find<'a>(text: &'a str, es: &'a [Entity], mention: &str) -> &'a Entity {
    es.iter()
        .find(|e| &text[e.start..e.end] == mention)
        .unwrap_or_else(|| panic!("no entity {mention:?} in\n{}", show(text, es)))
}

fn absent(text: &str, es: &[Entity], mention: &str) {
    assert!(
        !es.iter().any(|e| &text[e.start..e.end] == mention),
        "unexpected {mention:?} in\n{}",
        show(text, es)
    );
}

#[test]
fn people_with_titles_and_roles() {
    let t = "Deputy Prime Minister Iryna Vereshchuk spoke first. Ukrainian President Volodymyr \
             Zelenskiy then met Russian Foreign Minister Sergei Lavrov's envoy. Mariupol Mayor \
             Vadym Boychenko and U.S. national security adviser Jake Sullivan were not there.";
    let es = run(t);
    let v = find(t, &es, "Iryna Vereshchuk");
    assert_eq!(
        (v.kind, v.role.as_deref()),
        (EntityKind::Person, Some("Deputy Prime Minister"))
    );
    let l = find(t, &es, "Sergei Lavrov");
    assert_eq!(
        (l.role.as_deref(), l.side.as_deref()),
        (Some("Foreign Minister"), Some("RU"))
    );
    let b = find(t, &es, "Vadym Boychenko");
    assert_eq!(b.role.as_deref(), Some("Mayor"));
    absent(t, &es, "Mariupol");
    let s = find(t, &es, "Jake Sullivan");
    assert_eq!(
        (s.role.as_deref(), s.side.as_deref()),
        (Some("National Security Adviser"), Some("US"))
    );
}

#[test]
fn demonym_gives_the_side_and_title_alone_refers_to_the_named_person() {
    let t = "Ukrainian President Volodymyr Zelenskiy spoke. Turkey's foreign minister said talks \
             were close. Foreign Minister Mevlut Cavusoglu hosted them.";
    let es = run(t);
    let z = find(t, &es, "Volodymyr Zelenskiy");
    assert_eq!(
        (z.role.as_deref(), z.side.as_deref()),
        (Some("President"), Some("UA"))
    );
    let f = find(t, &es, "Turkey's foreign minister");
    assert_eq!(
        (f.form, f.name.as_str()),
        (MentionForm::Title, "Mevlut Cavusoglu")
    );
    assert_eq!(f.side.as_deref(), Some("TR"));
}

#[test]
fn names_without_titles_need_evidence() {
    let t = "Oksana Petrenko, 41, said the shelling lasted all night. \"We hid,\" said Taras \
             Melnyk. Nizhny Novgorod and Sky Harbour saw protests. Zorbo Quintal spoke to \
             reporters. He added that he would stay.";
    let es = run(t);
    assert_eq!(find(t, &es, "Oksana Petrenko").kind, EntityKind::Person);
    assert_eq!(find(t, &es, "Taras Melnyk").kind, EntityKind::Person);
    assert_eq!(find(t, &es, "Zorbo Quintal").kind, EntityKind::Person);
    absent(t, &es, "Nizhny Novgorod");
    absent(t, &es, "Sky Harbour");
    let he = find(t, &es, "He");
    assert_eq!(he.name, "Zorbo Quintal");
}

#[test]
fn organisations_share_canonical_names() {
    let t = "The UN refugee agency said 3 million had fled; UNHCR later raised it. The ICRC and \
             the Red Cross teams met NATO, OSCE and EU envoys. The Russian Defence Ministry and \
             Ukraine's General Staff issued reports, while the Pentagon, MSF, Amnesty \
             International, HRW, Reuters, TASS and Interfax reported too.";
    let es = run(t);
    assert_eq!(find(t, &es, "UN refugee agency").name, "UNHCR");
    assert_eq!(find(t, &es, "UNHCR").name, "UNHCR");
    assert_eq!(find(t, &es, "UNHCR").side.as_deref(), Some("UN"));
    assert_eq!(find(t, &es, "ICRC").name, find(t, &es, "Red Cross").name);
    let m = find(t, &es, "Russian Defence Ministry");
    assert_eq!((m.kind, m.side.as_deref()), (EntityKind::Org, Some("RU")));
    assert_eq!(
        find(t, &es, "Ukraine's General Staff").side.as_deref(),
        Some("UA")
    );
    assert_eq!(find(t, &es, "TASS").side.as_deref(), Some("RU"));
    for o in [
        "NATO", "OSCE", "EU", "Pentagon", "MSF", "HRW", "Reuters", "Interfax",
    ] {
        assert_eq!(find(t, &es, o).kind, EntityKind::Org, "{o}");
    }
}

#[test]
fn generic_organisation_patterns() {
    let t = "The Ministry of Energy said the State Nuclear Regulatory Inspectorate was warned. \
             The Kharkiv Regional Council and the National Guard disagreed.";
    let es = run(t);
    assert_eq!(find(t, &es, "Ministry of Energy").kind, EntityKind::Org);
    assert_eq!(
        find(t, &es, "Kharkiv Regional Council").kind,
        EntityKind::Org
    );
    assert_eq!(find(t, &es, "National Guard").kind, EntityKind::Org);
}

#[test]
fn collective_actors_with_sides() {
    let t = "Russian troops shelled the town while Ukrainian officials said pro-Russian \
             separatists had joined. The Russian side refused. Western officials and the Ukrainian \
             military said civilians and residents fled. Russian military gains were small.";
    let es = run(t);
    let g = find(t, &es, "Russian troops");
    assert_eq!(
        (g.kind, g.name.as_str(), g.side.as_deref()),
        (EntityKind::Group, "Russian forces", Some("RU"))
    );
    assert_eq!(
        find(t, &es, "Ukrainian officials").side.as_deref(),
        Some("UA")
    );
    let sep = es
        .iter()
        .find(|e| e.name == "pro-Russian separatists")
        .expect("separatists");
    assert_eq!(sep.side.as_deref(), Some("RU"));
    assert_eq!(find(t, &es, "Russian side").side.as_deref(), Some("RU"));
    assert_eq!(find(t, &es, "Western officials").side, None);
    assert_eq!(find(t, &es, "Ukrainian military").name, "Ukrainian forces");
    assert_eq!(find(t, &es, "civilians").side, None);
    assert_eq!(find(t, &es, "residents").kind, EntityKind::Group);
    absent(t, &es, "Russian military");
}

#[test]
fn metonymy_only_for_acting_capitals() {
    let t = "Moscow said the talks failed. Kyiv has indicated it may compromise. Washington \
             warned of sanctions. The Kremlin and Downing Street disagreed. Protesters gathered \
             in Moscow on Sunday. The White House was silent.";
    let es = run(t);
    let m = find(t, &es, "Moscow");
    assert_eq!(
        (m.kind, m.form, m.name.as_str()),
        (
            EntityKind::Org,
            MentionForm::Metonym,
            "Government of Russia"
        )
    );
    assert_eq!(m.side.as_deref(), Some("RU"));
    assert_eq!(find(t, &es, "Kyiv").side.as_deref(), Some("UA"));
    assert_eq!(find(t, &es, "Washington").side.as_deref(), Some("US"));
    assert_eq!(find(t, &es, "Kremlin").form, MentionForm::Metonym);
    assert_eq!(find(t, &es, "Downing Street").side.as_deref(), Some("GB"));
    assert_eq!(find(t, &es, "White House").side.as_deref(), Some("US"));
    assert_eq!(
        es.iter().filter(|e| &t[e.start..e.end] == "Moscow").count(),
        1
    );
}

#[test]
fn a_capital_acting_on_a_day_is_its_government() {
    let t = "Moscow on Wednesday gave its first casualty figures. Kyiv put the toll higher.";
    let es = run(t);
    let m = find(t, &es, "Moscow");
    assert_eq!(
        (m.kind, m.form),
        (EntityKind::Org, MentionForm::Metonym),
        "{}",
        show(t, &es)
    );
    assert_eq!(find(t, &es, "Kyiv").form, MentionForm::Metonym);
    // A day after a place is no act: "in Moscow on Sunday" names no government.
    let t = "Protesters gathered in Moscow on Sunday.";
    let es = run(t);
    assert!(
        es.iter().all(|e| &t[e.start..e.end] != "Moscow"),
        "{}",
        show(t, &es)
    );
}

#[test]
fn transliterations_and_coreference_share_one_name() {
    let t = "Volodymyr Zelenskiy addressed parliament. Later Zelensky met aid workers. \
             Mr Zelenskyy thanked them. \"We will rebuild,\" he said.";
    let es = run(t);
    let people: Vec<&Entity> = es.iter().filter(|e| e.kind == EntityKind::Person).collect();
    assert_eq!(people.len(), 4, "{}", show(t, &es));
    assert!(
        people.iter().all(|e| e.name == "Volodymyr Zelenskiy"),
        "{}",
        show(t, &es)
    );
    assert_eq!(people[1].form, MentionForm::Short);
    assert_eq!(people[3].form, MentionForm::Pronoun);
}

#[test]
fn surnames_titles_and_pronouns_refer_back() {
    let t = "Jake Sullivan met Chinese officials. Mr. Sullivan said they talked for hours. \
             Halyna Koval, the mayor of a small town, said water had run out. Later the mayor \
             added that buses were coming. She said 40 people left. According to her, more will \
             follow. Sullivan declined to comment.";
    let es = run(t);
    let sul: Vec<&Entity> = es.iter().filter(|e| e.name == "Jake Sullivan").collect();
    assert_eq!(sul.len(), 3, "{}", show(t, &es));
    assert_eq!(find(t, &es, "Sullivan").form, MentionForm::Short);
    let mayor = find(t, &es, "mayor");
    assert_eq!(
        (mayor.name.as_str(), mayor.form),
        ("Halyna Koval", MentionForm::Title)
    );
    assert_eq!(find(t, &es, "She").name, "Halyna Koval");
    assert_eq!(find(t, &es, "her").name, "Halyna Koval");
}

#[test]
fn pronouns_that_do_not_report_speech_are_left_alone() {
    let t = "Oleksandr Bondar, 52, said the road was cut. He walked home. Then she cried.";
    let es = run(t);
    absent(t, &es, "He");
    absent(t, &es, "she");
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_ordered(t in "\\PC{0,300}") {
        let es = run(&t);
        let mut last = 0;
        for e in &es {
            proptest::prop_assert!(e.start >= last && e.end > e.start);
            proptest::prop_assert!(t.is_char_boundary(e.start) && t.is_char_boundary(e.end));
            last = e.end;
        }
    }

    #[test]
    fn never_panics_on_wordy_text(words in proptest::collection::vec(
        proptest::sample::select(vec!["Mr.", "Russian", "forces", "said", "he", "Moscow", "the",
            "Kremlin", "UN", "refugee", "agency", ",", ".", "Ivan", "Petrov", "of", "mayor",
            "Ministry", "Defence", "Ukraine's", "pro-Russian", "and", "’s", "S.", "President",
            "according", "to", "him", "\n", "Zelensky", "military", "Council"]), 0..60)) {
        let t = words.join(" ");
        let es = run(&t);
        let mut last = 0;
        for e in &es {
            proptest::prop_assert!(e.start >= last && e.end > e.start);
            proptest::prop_assert!(t.is_char_boundary(e.start) && t.is_char_boundary(e.end));
            last = e.end;
        }
    }
}

#[test]
#[ignore]
fn throughput_on_seeds() {
    let dir = std::path::Path::new("/work/shared/seeds");
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut text = String::new();
    for e in rd.flatten() {
        text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        text.push('\n');
    }
    let tagger = EntityTagger::new();
    let toks = tokenize(&text);
    let sents = sentences(&text);
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..400 {
        n += tagger.find(&text, &sents, &toks).len();
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{n} entities, {:.1} MB/s",
        400.0 * text.len() as f64 / secs / 1e6
    );
    // One long text: no search may grow with the square of its length.
    let big = text.repeat(40);
    let (toks, sents) = (tokenize(&big), sentences(&big));
    let t0 = std::time::Instant::now();
    let n = tagger.find(&big, &sents, &toks).len();
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "long text: {n} entities, {:.1} MB/s",
        big.len() as f64 / secs / 1e6
    );
}

#[test]
#[ignore]
fn print_probe() {
    let t = std::env::var("PROBE").unwrap_or_default();
    println!("{}", show(&t, &run(&t)));
}

#[test]
fn a_role_with_a_side_names_the_one_lexicon_holder_and_common_words_are_not_names() {
    let t = "The Ukrainian president said talks would go on. Foreign Policy reported the \
             foreign policy shift. Russia's foreign minister said the West lied.";
    let es = run(t);
    assert_eq!(
        find(t, &es, "Ukrainian president").name,
        "Volodymyr Zelenskiy"
    );
    assert_eq!(
        find(t, &es, "Russia's foreign minister").name,
        "Sergei Lavrov"
    );
    absent(t, &es, "Foreign Policy");
}

#[test]
fn a_name_inside_the_quotation_is_not_the_speaker() {
    let t = "Prime Minister Boris Johnson spoke in London. \"Nobody should trust Vladimir Putin \
             now,\" he said.";
    let es = run(t);
    assert_eq!(find(t, &es, "he").name, "Boris Johnson");
}
