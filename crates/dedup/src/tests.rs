use super::*;
use proptest::prelude::*;

const STORY: &str = "Officials in the southern port said on Tuesday that buses carrying about 4,000 \
residents left the besieged city of Mariupol along a humanitarian corridor towards Zaporizhzhia, \
the first convoy to get through after several failed attempts. Deputy Prime Minister Iryna \
Vereshchuk said another corridor would open on Wednesday if Russian forces held their fire. \
The United Nations refugee agency said more than 3.4 million people had now left Ukraine.";

#[test]
fn identical_text_is_an_exact_copy() {
    let judge = CopyJudge::default();
    let s = judge.similarity(&fingerprint(STORY), &fingerprint(STORY));
    assert!(s.exact);
    assert_eq!(s.words, 1.0);
    assert!(judge.is_copy(&s));
}

#[test]
fn copy_with_other_boilerplate_and_title_is_found() {
    let copy = format!(
        "Convoy leaves Mariupol\n\n{STORY}\n\nRelated articles\nSubscribe to our newsletter for \
         daily updates from the region."
    );
    let judge = CopyJudge::default();
    let s = judge.similarity(&fingerprint(STORY), &fingerprint(&copy));
    assert!(!s.exact);
    assert!(judge.is_copy(&s), "{s:?}");
}

#[test]
fn rewritten_copy_keeps_its_anchors() {
    let spun = "Authorities in the southern harbour stated on Tuesday that coaches transporting \
roughly 4,000 citizens departed the encircled town of Mariupol via a humanitarian passage in the \
direction of Zaporizhzhia, the initial column to pass after a number of unsuccessful tries. \
Deputy Prime Minister Iryna Vereshchuk stated one more passage might open on Wednesday if \
Russian forces kept their fire. The United Nations refugee body stated over 3.4 million citizens \
had now departed Ukraine.";
    let judge = CopyJudge::default();
    let s = judge.similarity(&fingerprint(STORY), &fingerprint(spun));
    assert!(s.skeleton > s.words, "{s:?}");
    assert!(judge.is_copy(&s), "{s:?}");
}

#[test]
fn different_story_about_the_same_event_is_not_a_copy() {
    let other = "A column of buses reached Zaporizhzhia late on Tuesday night carrying people \
who had spent weeks in cellars. Many of the passengers told volunteers at a registration point \
that they had walked for hours before reaching the pick-up point. Ukraine's government blamed \
Russian shelling for delays, while Moscow said its troops had allowed the convoy through. Aid \
workers warned that tens of thousands of residents remained trapped inside Mariupol without \
water or power, and that food stocks in the city were close to running out.";
    let judge = CopyJudge::default();
    let s = judge.similarity(&fingerprint(STORY), &fingerprint(other));
    assert!(!judge.is_copy(&s), "{s:?}");
}

#[test]
fn short_texts_only_match_exactly() {
    let fp = fingerprint("Too short to judge.");
    assert!(fp.words.minhash.is_empty());
    assert!(fp.words.band_keys.is_empty());
    let judge = CopyJudge::default();
    assert!(!judge.judge(&fp, &fingerprint("Too short to judge!")));
    assert!(judge.judge(&fp, &fingerprint("Too short to judge.")));
}

#[test]
fn signatures_round_trip_through_storage_encoding() {
    let fp = fingerprint(STORY);
    let back = CopyFingerprint::decode_signatures(fp.content_hash.clone(), &fp.encode_signatures())
        .unwrap();
    assert_eq!(back.words.minhash, fp.words.minhash);
    assert_eq!(back.skeleton.minhash, fp.skeleton.minhash);
    assert!(CopyFingerprint::decode_signatures(String::new(), &[1, 0, 0]).is_none());
    assert!(CopyFingerprint::decode_signatures(String::new(), &[1, 0, 0, 0, 9]).is_none());
}

#[test]
fn band_keys_fit_a_signed_64_bit_column() {
    let fp = fingerprint(STORY);
    assert_eq!(fp.words.band_keys.len(), WORD_LSH.bands);
    assert_eq!(fp.skeleton.band_keys.len(), SKELETON_LSH.bands);
    assert!(fp.band_keys().all(|k| k <= i64::MAX as u64));
}

proptest! {
    /// The MinHash estimate tracks the true Jaccard similarity of two shingle sets.
    #[test]
    fn minhash_estimates_jaccard(shared in 20usize..200, only_a in 0usize..200, only_b in 0usize..200) {
        let a: Vec<u64> = (0..(shared + only_a) as u64).collect();
        let b: Vec<u64> = (0..shared as u64).chain(10_000..(10_000 + only_b as u64)).collect();
        let truth = shared as f64 / (shared + only_a + only_b) as f64;
        let p = LshParams { bands: 32, rows: 8, salt: 7 };
        let est = estimate_jaccard(&minhash::sign(&a, p, 1), &minhash::sign(&b, p, 1));
        // 256 hashes: the standard error is at most 1/(2·16) ≈ 0.031; allow four of them.
        prop_assert!((est - truth).abs() < 0.125, "estimate {est} truth {truth}");
    }

    /// Any text fingerprints without panicking and is an exact copy of itself.
    #[test]
    fn any_text_is_a_copy_of_itself(text in "\\PC{0,400}") {
        let fp = fingerprint(&text);
        prop_assert!(CopyJudge::default().judge(&fp, &fp));
    }
}
