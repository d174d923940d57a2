//! Function words the matching rules share (`data/entities/function_words.txt`): words that
//! never start a name, the heads of organisation names, auxiliaries and modals between a subject
//! and its verb, and the prepositions that make a capital a place rather than a government.

use std::sync::OnceLock;

/// The word lists, one per section of the data file.
#[derive(Debug, Default)]
pub(super) struct Words {
    pub stop: Vec<&'static str>,
    pub org_heads: Vec<&'static str>,
    pub aux: Vec<&'static str>,
    pub modals: Vec<&'static str>,
    pub place_preps: Vec<&'static str>,
    pub days: Vec<&'static str>,
}

/// The lists, parsed once.
pub(super) fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| parse(include_str!("../../data/entities/function_words.txt")))
}

/// Parses `[section]` headers, `#` comments and one word (or phrase) per line. Lines of an
/// unknown section are ignored; the test below keeps the file and the sections in step.
fn parse(data: &'static str) -> Words {
    let mut w = Words::default();
    let mut current: Option<&mut Vec<&'static str>> = None;
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = match name {
                "stop" => Some(&mut w.stop),
                "org_heads" => Some(&mut w.org_heads),
                "aux" => Some(&mut w.aux),
                "modals" => Some(&mut w.modals),
                "place_preps" => Some(&mut w.place_preps),
                "days" => Some(&mut w.days),
                _ => None,
            };
            continue;
        }
        if let Some(list) = current.as_deref_mut() {
            list.push(line);
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_loads_and_no_word_repeats() {
        let data = include_str!("../../data/entities/function_words.txt");
        let known = ["stop", "org_heads", "aux", "modals", "place_preps", "days"];
        for line in data.lines().map(str::trim) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                assert!(known.contains(&name), "unknown section [{name}]");
            }
        }
        let w = words();
        for (name, list) in [
            ("stop", &w.stop),
            ("org_heads", &w.org_heads),
            ("aux", &w.aux),
            ("modals", &w.modals),
            ("place_preps", &w.place_preps),
        ] {
            assert!(!list.is_empty(), "[{name}] is empty");
            let mut seen = foldhash::HashSet::default();
            for word in list.iter() {
                assert!(seen.insert(word), "[{name}] repeats {word:?}");
                assert_eq!(
                    *word,
                    word.to_lowercase(),
                    "[{name}] {word:?} is not lower case"
                );
            }
        }
        assert!(w.aux.contains(&"has") && w.place_preps.contains(&"in"));
    }
}
