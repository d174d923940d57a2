//! Who states a figure: "according to", quotations, pronouns, metonyms, the article's voice.

use super::{claims, evidence, one};

#[test]
fn according_to_at_the_start_in_the_middle_and_at_the_end() {
    for text in [
        "According to the State Emergency Service, 14 people died in the floods in Odesa.",
        "In Odesa, according to the State Emergency Service, 14 people died in the floods.",
        "In Odesa, 14 people died in the floods, according to the State Emergency Service.",
    ] {
        let c = one(text, "killed");
        assert_eq!(
            c.source.as_deref(),
            Some("State Emergency Service"),
            "{text}"
        );
        assert_eq!(evidence(text, &c, "source")[0].0, "according-to", "{text}");
    }
}

#[test]
fn according_to_a_noun_phrase_drops_trailing_data_words() {
    let c = one(
        "According to local hospital figures, 57 people were injured in the stampede.",
        "injured",
    );
    assert_eq!(c.source.as_deref(), Some("local hospital"));
}

#[test]
fn a_quotation_takes_its_speaker_after_it() {
    for text in [
        "“We have found 40 bodies in the basement,” said Mayor Ivan Petrenko.",
        "“We have found 40 bodies in the basement,” Mayor Ivan Petrenko said.",
        "\"We have found 40 bodies in the basement,\" Ivan Petrenko, the town's mayor, told reporters.",
    ] {
        let c = one(text, "killed");
        assert_eq!(c.source.as_deref(), Some("Ivan Petrenko"), "{text}: {c:#?}");
        assert_eq!(
            evidence(text, &c, "source")[0],
            ("quote-speaker".into(), "Ivan Petrenko")
        );
    }
}

#[test]
fn a_quotation_takes_its_speaker_before_it() {
    let text = "Mayor Ivan Petrenko said: “We have found 40 bodies in the basement.”";
    let c = one(text, "killed");
    assert_eq!(c.source.as_deref(), Some("Ivan Petrenko"));
    let text = "The regional police said in a statement: “At least 85 people were detained.”";
    let c = one(text, "detained");
    assert_eq!(c.source.as_deref(), Some("regional police"));
}

#[test]
fn a_quotation_over_two_sentences_keeps_its_speaker() {
    // The speaker named after the quotation, the figure in its first sentence.
    let text =
        "“We have found 40 bodies in the basement. The search goes on,” Mayor Ivan Petrenko said.";
    let c = one(text, "killed");
    assert_eq!(c.source.as_deref(), Some("Ivan Petrenko"), "{c:#?}");
    // The speaker named before the quotation, the figure in its last sentence.
    let text = "Mayor Ivan Petrenko told reporters: “The search goes on. We have found 40 bodies in the basement.”";
    let c = one(text, "killed");
    assert_eq!(c.source.as_deref(), Some("Ivan Petrenko"), "{c:#?}");
    // A quotation that continues one whose speaker was named.
    let text = "“The search goes on,” Mayor Ivan Petrenko said. “We have found 40 bodies in the basement.”";
    let c = one(text, "killed");
    assert_eq!(c.source.as_deref(), Some("Ivan Petrenko"), "{c:#?}");
    assert!(c.rule.contains("source:quote-continued"), "{}", c.rule);
}

#[test]
fn a_quotation_in_another_paragraph_is_not_continued() {
    let text = "“The search goes on,” Mayor Ivan Petrenko said.\n\n“Some 40 bodies were found,” \
                the report reads.";
    let c = one(text, "killed");
    assert_ne!(c.source.as_deref(), Some("Ivan Petrenko"), "{c:#?}");
}

#[test]
fn a_pronoun_carries_the_speaker_into_a_later_sentence() {
    let text = "Health Minister Viktor Liashko visited Kharkiv on Monday. He said 22 people had \
                been killed there.";
    let c = one(text, "killed");
    assert_eq!(c.source.as_deref(), Some("Viktor Liashko"));
    let ev = evidence(text, &c, "source");
    assert_eq!(ev[0], ("verb-subject".into(), "He"));
    assert_eq!(ev[1], ("antecedent".into(), "Viktor Liashko"));

    let text = "Oksana Melnyk, who heads the city hospital, spoke to reporters on Wednesday. She \
                added that 6 nurses were injured.";
    let c = one(text, "injured");
    assert_eq!(c.source.as_deref(), Some("Oksana Melnyk"));

    let text = "Oksana Melnyk, who heads the city hospital, spoke to reporters on Wednesday. \
                According to her, 18 patients were evacuated.";
    let c = one(text, "evacuated");
    assert_eq!(c.source.as_deref(), Some("Oksana Melnyk"));
}

#[test]
fn an_unresolved_pronoun_names_no_source() {
    // "him" cannot be the woman named before.
    let text = "Oksana Melnyk spoke to reporters on Wednesday. According to him, 18 patients were \
                evacuated.";
    let c = one(text, "evacuated");
    assert_eq!(c.source, None, "{c:#?}");
}

#[test]
fn they_and_it_stand_for_the_organisation_named_before() {
    let text = "The regional police published new figures on Friday. They said 120 people had \
                been detained.";
    let c = one(text, "detained");
    assert_eq!(c.source.as_deref(), Some("regional police"));
    let ev = evidence(text, &c, "source");
    assert_eq!(ev[0], ("pronoun-antecedent".into(), "They"));
    assert_eq!(ev[1], ("antecedent".into(), "regional police"));
    // The date comes through the pronoun too.
    assert_eq!(
        evidence(text, &c, "as_of"),
        vec![("pronoun-antecedent-date".to_owned(), "Friday")]
    );

    let text = "The UN refugee agency updated its count. It said 200,000 people have fled their \
                homes.";
    let c = one(text, "displaced");
    assert_eq!(c.source.as_deref(), Some("UN refugee agency"));
}

#[test]
fn a_metonym_is_shown_as_written() {
    let text = "Moscow acknowledged that 120 soldiers had died. Kyiv says 60 civilians were \
                killed in the strike.";
    let all = claims(text);
    let sources: Vec<Option<&str>> = all.iter().map(|c| c.source.as_deref()).collect();
    assert_eq!(sources, vec![Some("Moscow"), Some("Kyiv")], "{all:#?}");
    let c = one("The Kremlin said 12 servicemen were wounded.", "injured");
    assert_eq!(c.source.as_deref(), Some("Kremlin"));
}

#[test]
fn the_articles_own_figure_after_an_attributed_one_has_no_source() {
    let text = "The UN refugee agency said 80,000 people had crossed into Moldova. About 5,000 \
                more people have been displaced inside the country.";
    let all = claims(text);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].source.as_deref(), Some("UN refugee agency"));
    assert_eq!(all[1].source, None, "{all:#?}");
    assert!(evidence(text, &all[1], "source").is_empty());
}

#[test]
fn it_follows_a_chain_of_pronouns_back_to_the_attributed_source() {
    let text = "Allied troops raided a village overnight, the coalition command said on Monday. \
                The troops seized a weapons cache, it said in a statement. Four insurgents were \
                killed in the raid, it added.";
    let c = one(text, "killed");
    assert_eq!(c.source.as_deref(), Some("coalition command"), "{c:#?}");
}

#[test]
fn a_name_inside_a_quotation_is_not_the_antecedent() {
    let text = "“The council and the Red Cross have agreed that 15,000 displaced people will \
                be helped home,” it added.";
    let c = one(text, "displaced");
    assert_ne!(c.source.as_deref(), Some("Red Cross"), "{c:#?}");
}

#[test]
fn a_country_used_as_a_modifier_is_not_the_antecedent() {
    let text = "U.S.-led forces raided two villages in the east. It said 14 people were killed.";
    let c = one(text, "killed");
    assert_ne!(c.source.as_deref(), Some("U.S."), "{c:#?}");
}

#[test]
fn he_after_a_quotation_and_according_to_him() {
    let text = "Mayor Ivan Petrenko toured the district on Tuesday. “We counted 40 bodies in the \
                basement,” he said. According to him, 300 residents were evacuated.";
    let all = claims(text);
    assert_eq!(all.len(), 2, "{all:#?}");
    for c in &all {
        assert_eq!(c.source.as_deref(), Some("Ivan Petrenko"), "{c:#?}");
        assert_eq!(c.as_of.as_deref(), Some("2023-05-09"), "{c:#?}");
    }
    assert_eq!(
        evidence(text, &all[0], "source")[0],
        ("quote-speaker".into(), "he")
    );
    assert_eq!(
        evidence(text, &all[1], "source")[0],
        ("according-to".into(), "him")
    );
}

#[test]
fn a_subject_after_an_honorific_with_words_before_the_verb() {
    let c = one(
        "Dr. Amal Haddad, visibly shaken, reported that 17 patients were injured.",
        "injured",
    );
    assert_eq!(c.source.as_deref(), Some("Amal Haddad"), "{c:#?}");
    let c = one(
        "Mr. Haddad clearly upset accused the militia of attacking 5 hospitals.",
        "attacks",
    );
    assert_eq!(c.source.as_deref(), Some("Haddad"), "{c:#?}");
}

#[test]
fn a_speaker_who_opens_the_next_quotation_is_not_the_speaker_of_the_one_before() {
    let text = "One caller asked: \"Hundreds of families were evacuated - where will they live?\" \
                A nurse, Maria Lopes, said: \"Who will pay for it?\"";
    let c = one(text, "evacuated");
    assert_ne!(c.source.as_deref(), Some("Maria Lopes"), "{c:#?}");
}

#[test]
fn an_open_quotation_does_not_swallow_the_narration_after_it() {
    // The quotation opened by the mayor is never closed (as when a quotation runs on to the next
    // paragraph); the sentence with its own reporting verb is the article's narration.
    let text = "Mayor Ivan Petrenko said: \"We will rebuild every school. The people here are \
                strong. Relief workers reported that 600 people were evacuated from the valley.";
    let c = one(text, "evacuated");
    assert_ne!(c.source.as_deref(), Some("Ivan Petrenko"), "{c:#?}");
    // Inside the quotation, the figure is the mayor's.
    let text = "Mayor Ivan Petrenko said: \"We will rebuild every school. Some 600 people were \
                evacuated from the valley.";
    let c = one(text, "evacuated");
    assert_eq!(c.source.as_deref(), Some("Ivan Petrenko"), "{c:#?}");
}

#[test]
fn a_relative_pronoun_stands_for_the_source_before_its_comma() {
    let text = "The regional health department, which has counted 41 deaths since Monday, \
                warned that hospitals were full.";
    let found = claims(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].source.as_deref(),
        Some("regional health department"),
        "{found:#?}"
    );
}

#[test]
fn a_name_with_its_apposition_before_the_verb() {
    for text in [
        "Six people were killed in the shelling, Oleh Sinegubov, the head of the regional administration, said on Friday.",
        "The head of the regional administration, Oleh Sinegubov, said six people were killed in the shelling.",
    ] {
        let c = one(text, "killed");
        assert_eq!(
            c.source.as_deref(),
            Some("Oleh Sinegubov"),
            "{text}: {c:#?}"
        );
        assert_eq!(evidence(text, &c, "source")[0].0, "verb-subject-apposition");
    }
    // A list of places before the verb is no apposition.
    let c = one(
        "Shelling killed nine people in Kharkiv, Sumy and Okhtyrka, officials said.",
        "killed",
    );
    assert_eq!(c.source.as_deref(), Some("officials"));
}

#[test]
fn a_source_noun_with_its_complement_or_its_owner() {
    for (text, source) in [
        (
            "The mayor of Mykolaiv said 12 people were killed in the strike.",
            "mayor of Mykolaiv",
        ),
        (
            "The health ministry of Ukraine said 41 children had been killed.",
            "health ministry of Ukraine",
        ),
        (
            "At least 300 soldiers were killed, according to Ukraine's general staff.",
            "Ukraine's general staff",
        ),
        (
            "Russia's defence ministry said 498 servicemen had been killed.",
            "Russia's defence ministry",
        ),
    ] {
        let c = claims(text)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no claim in {text}"));
        assert_eq!(c.source.as_deref(), Some(source), "{text}: {c:#?}");
    }
}

#[test]
fn acronyms_adverbs_and_located_sources() {
    for (text, source) in [
        ("AFAD said 49,133 people had been injured.", "AFAD"),
        (
            "The Gaza health ministry initially said at least 500 people had died.",
            "Gaza health ministry",
        ),
        (
            "Officials there said about 400 people had been evacuated from the town.",
            "Officials",
        ),
        (
            "In Chernihiv, 10 people queuing for bread were killed by shelling, the US embassy in Kyiv said.",
            "US embassy in Kyiv",
        ),
    ] {
        let c = claims(text)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no claim in {text}"));
        assert_eq!(c.source.as_deref(), Some(source), "{text}: {c:#?}");
    }
    // Text set all in capitals has no acronyms.
    let c = one("LOCAL PAPERS REPORTED 14 DEATHS IN THE FLOODS.", "killed");
    assert_eq!(c.source, None, "{c:#?}");
}

#[test]
fn according_to_the_figures_of_someone_is_theirs() {
    let text = "More than 20,000 people have died, according to figures from government agencies \
                and rescue groups on both sides of the border.";
    let c = one(text, "killed");
    assert_eq!(
        c.source.as_deref(),
        Some("government agencies and rescue groups"),
        "{c:#?}"
    );
    // A phrase stops at its preposition: "local officials", not "... in Kharkiv".
    let c = one(
        "According to local officials in Kharkiv, 12 people were killed.",
        "killed",
    );
    assert_eq!(c.source.as_deref(), Some("local officials"), "{c:#?}");
}

#[test]
fn a_naming_apposition_or_a_long_one_before_the_verb() {
    let text = "Turkey's Disaster and Emergency Management Authority, known as AFAD, said more \
                than 17,000 people had been confirmed dead.";
    let c = one(text, "killed");
    assert_eq!(
        c.source.as_deref(),
        Some("Turkey's Disaster and Emergency Management Authority"),
        "{c:#?}"
    );
    let text = "The White Helmets, the civil defence group that operates in the opposition-held \
                northwest, said its teams had recovered more than 2,000 bodies.";
    let c = one(text, "killed");
    assert_eq!(c.source.as_deref(), Some("White Helmets"), "{c:#?}");
}

#[test]
fn a_source_noun_with_a_common_noun_complement() {
    let text = "Officials in Syria and rescuers in the rebel-held northwest reported more than \
                2,600 deaths on Wednesday.";
    let c = one(text, "killed");
    assert_eq!(
        c.source.as_deref(),
        Some("rescuers in the rebel-held northwest"),
        "{c:#?}"
    );
}

#[test]
fn phrases_that_only_look_like_clauses_keep_the_verb() {
    // "as many as" and "since October 7" open no clause of the article's own.
    let cs =
        claims("The health ministry said as many as 87 people may have died and 266 were wounded.");
    let c = cs.iter().find(|c| c.value == 266.0).expect("the 266");
    assert_eq!(c.source.as_deref(), Some("health ministry"), "{cs:#?}");
    let cs = claims(
        "The ministry said the number of people killed since October 7 had reached 30,035, \
         with 70,457 wounded.",
    );
    let c = cs.iter().find(|c| c.value == 70457.0).expect("the 70,457");
    assert_eq!(c.source.as_deref(), Some("ministry"), "{cs:#?}");
    // A second "that" picks the report up again after a clause of its own.
    let cs = claims(
        "MSF said the hospital had received 1,315 wounded people since fighting began on May \
         10, and that 208 of them had died of their injuries.",
    );
    let c = cs.iter().find(|c| c.value == 208.0).expect("the 208");
    assert_eq!(c.source.as_deref(), Some("MSF"), "{cs:#?}");
}

#[test]
fn a_toll_raised_or_a_toll_of_someone_is_theirs() {
    let c = one(
        "Haiti's civil protection agency raised the toll to 88 on Saturday.",
        "killed",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("Haiti's civil protection agency"),
        "{c:#?}"
    );
    let c = one(
        "According to the latest toll of the Ministry of the Interior, 2,497 people died.",
        "killed",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("Ministry of the Interior"),
        "{c:#?}"
    );
}

#[test]
fn a_source_in_brackets_after_the_figure() {
    let cs = claims(
        "1,191 people killed, including 399 children, since 14 June (NDMA, as of 1 September)",
    );
    // The acronym opens the brackets, whether or not a lexicon knows it.
    assert!(
        cs.iter().all(|c| c.source.as_deref() == Some("NDMA")),
        "{cs:#?}"
    );
    let c = one(
        "About 634,000 displaced people live in camps (IOM).",
        "displaced",
    );
    assert_eq!(c.source.as_deref(), Some("IOM"), "{c:#?}");
    // Brackets that hold no source give none.
    let c = one(
        "About 634,000 people (a fifth of them children) were displaced.",
        "displaced",
    );
    assert_eq!(c.source, None, "{c:#?}");
}

#[test]
fn appositions_roles_and_reporting_verbs_of_other_crises() {
    let c = one(
        "Dr Hassan Barakeh, a doctor at al-Awda hospital in Jabalia, said the hospital had \
         received 161 wounded people.",
        "injured",
    );
    assert_eq!(c.source.as_deref(), Some("Hassan Barakeh"), "{c:#?}");
    let c = one(
        "The World Health Organization has verified 62 attacks on health care in Sudan.",
        "attacks",
    );
    assert_eq!(
        c.source.as_deref(),
        Some("World Health Organization"),
        "{c:#?}"
    );
    let c = one(
        "The NUG accused the military of carrying out an air strike hours after the \
         earthquake, killing seven people.",
        "killed",
    );
    assert_eq!(c.source.as_deref(), Some("NUG"), "{c:#?}");
}
