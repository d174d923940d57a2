//! Hedges: in the sentence, in the paragraph, in a framing paragraph; what is not a hedge; the
//! domain a hedge names.

use super::{claims, evidence, one};

#[test]
fn a_hedge_in_the_sentence() {
    for (text, phrase) in [
        (
            "Officials said 70 people were killed, a figure that could not be independently verified.",
            "could not be independently verified",
        ),
        (
            "Unconfirmed reports said 70 people were killed in the village.",
            "Unconfirmed",
        ),
    ] {
        let c = one(text, "killed");
        assert!(c.hedged, "{text}");
        assert_eq!(
            evidence(text, &c, "hedged"),
            vec![("sentence".into(), phrase)]
        );
    }
}

#[test]
fn a_framing_sentence_in_the_paragraph_before_or_after() {
    let after = "Medics said 35 people were injured in the blast. Casualty figures are difficult to \
                 confirm.\n\nThe city council said 300 residents were evacuated.";
    let all = claims(after);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(all[0].hedged);
    assert_eq!(
        evidence(after, &all[0], "hedged"),
        vec![("paragraph".into(), "difficult to confirm")]
    );
    assert!(!all[1].hedged, "another paragraph: {all:#?}");

    let before = "Casualty figures are difficult to confirm. Medics said 35 people were injured in \
                  the blast.";
    assert!(one(before, "injured").hedged);
}

#[test]
fn a_framing_paragraph_before_covers_the_tolls_after_it() {
    let text = "Tolls from the front are impossible to verify.\n\nThe regional governor said 19 \
                people were killed in the shelling.\n\nAnother 44 people were wounded in the \
                suburbs.\n\nBuses evacuated 2,000 residents on Sunday.";
    let all = claims(text);
    let hedged: Vec<(&str, bool)> = all.iter().map(|c| (c.metric.as_str(), c.hedged)).collect();
    assert_eq!(
        hedged,
        vec![("killed", true), ("injured", true), ("evacuated", false)],
        "{all:#?}"
    );
    assert_eq!(
        evidence(text, &all[1], "hedged"),
        vec![("framing-paragraph".into(), "impossible to verify")]
    );
}

#[test]
fn a_figure_said_to_be_too_low_is_hedged() {
    for text in [
        "Officials said 210 people were killed, but the true toll is likely much higher.",
        "The health ministry put the toll at 210 people killed, a number that is considered low.",
        "The health ministry said 210 people were killed. Aid groups called it an undercount.",
    ] {
        assert!(one(text, "killed").hedged, "{text}");
    }
}

#[test]
fn belief_accusation_and_possible_victims_are_no_hedges() {
    for (text, metric) in [
        (
            "About 2 million people are believed to be displaced inside the country.",
            "displaced",
        ),
        (
            "The minister accused the army of attacking 16 hospitals in the region.",
            "attacks",
        ),
        (
            "Rescuers said 75 people had been rescued, but many more could remain under the rubble.",
            "evacuated",
        ),
    ] {
        let c = one(text, metric);
        assert!(!c.hedged, "{text}: {c:#?}");
    }
}

#[test]
fn a_hedge_that_names_a_domain_covers_only_that_domain() {
    // In the paragraph: the military hedge covers the soldiers, not the civilians.
    let text = "Kyiv said 300 Russian soldiers were killed near the river, and the governor said \
                12 civilians died in the shelling. Military claims by both sides cannot be \
                independently verified.";
    let all = claims(text);
    let hedged: Vec<(Option<&str>, bool)> =
        all.iter().map(|c| (c.group.as_deref(), c.hedged)).collect();
    assert_eq!(
        hedged,
        vec![(Some("soldiers"), true), (Some("civilians"), false)],
        "{all:#?}"
    );
    // A civilian hedge does not cover soldiers.
    let text = "Civilian casualty figures could not be verified. Moscow said 90 soldiers were \
                wounded. Medics said 14 people were wounded in the market.";
    let all = claims(text);
    let hedged: Vec<bool> = all.iter().map(|c| c.hedged).collect();
    assert_eq!(hedged, vec![false, true], "{all:#?}");
}

#[test]
fn a_framing_paragraph_about_military_figures_sets_the_topic() {
    let text = "Figures for military losses on both sides are hard to verify.\n\nKyiv acknowledged \
                only 170 dead.\n\nThe city council said 25 people were killed in the market.";
    let all = claims(text);
    assert_eq!(all.len(), 2, "{all:#?}");
    // A toll with no noun under a military frame counts soldiers of the side that reports it.
    assert_eq!(all[0].group.as_deref(), Some("soldiers"));
    assert_eq!(all[0].side.as_deref(), Some("ukraine"));
    assert!(all[0].hedged);
    assert_eq!(
        evidence(text, &all[0], "group"),
        vec![("topic:military".into(), "military")]
    );
    // "people" names the group: it stays, and the military hedge does not cover it.
    assert_eq!(all[1].group.as_deref(), Some("people"));
    assert!(!all[1].hedged, "{all:#?}");
}

#[test]
fn a_framing_paragraph_without_a_hedge_sets_no_topic() {
    let text = "Military casualties have been heavy on both sides.\n\nKyiv acknowledged 170 dead.";
    let c = one(text, "killed");
    assert_eq!(c.group.as_deref(), Some("people"), "{c:#?}");
    assert!(!c.hedged);
}

#[test]
fn a_sentence_that_hedges_its_own_counts_leaves_its_neighbours_alone() {
    let text = "The emergency service said more than 2,000 civilians had been killed. \
                The UN human rights office, which has confirmed 227 civilian deaths, says its \
                own count is far too low.";
    let all = claims(text);
    let hedged = |v: f64| all.iter().find(|c| c.value == v).map(|c| c.hedged);
    assert_eq!(hedged(227.0), Some(true), "{all:#?}");
    assert_eq!(hedged(2000.0), Some(false), "{all:#?}");
    // A hedge about figures in general covers its whole paragraph.
    let text = "The emergency service said 2,000 civilians had been killed. \
                Moscow said 498 of its soldiers had died. \
                Neither side's figures can be independently confirmed.";
    assert!(claims(text).iter().all(|c| c.hedged), "{:#?}", claims(text));
}

#[test]
fn active_voice_verification_hedges() {
    let c = one(
        "Moscow said 498 servicemen had been killed, figures Reuters could not independently verify.",
        "killed",
    );
    assert!(c.hedged, "{c:#?}");
}

#[test]
fn a_lede_that_hedges_its_own_count_frames_nothing_after_it() {
    let text = "An air strike on a prison killed at least 70 people, according to aid workers, a \
                toll that could not be independently verified.\n\nThe health ministry said 87 \
                people had died.";
    let cs = claims(text);
    let lede = cs.iter().find(|c| c.value == 70.0).expect("the 70");
    assert!(lede.hedged, "{cs:#?}");
    let later = cs.iter().find(|c| c.value == 87.0).expect("the 87");
    assert!(!later.hedged, "{cs:#?}");
}

#[test]
fn none_of_the_figures_could_be_verified_hedges_its_paragraph() {
    let text = "On Saturday evening the disaster authority put the toll at 120. None of the \
                government's casualty figures could be independently verified.";
    let c = one(text, "killed");
    assert!(c.hedged, "{c:#?}");
}
