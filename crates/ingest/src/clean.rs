//! Clean text: Unicode normalisation, whitespace, paragraphs, and boilerplate removal.
//!
//! Entry point: [`clean_text`]. Boilerplate is recognised by general signals only: the lexicon in
//! `data/boilerplate.txt`, a breadcrumb line that repeats the title, and (across the articles of
//! one outlet) paragraphs repeated in several of them ([`RepeatedLines`]). Link density is judged
//! where links are still visible, in the HTML readers.

use std::collections::HashSet;
use std::sync::OnceLock;

use regex::RegexSet;
use unicode_normalization::UnicodeNormalization;

const LEXICON: &str = include_str!("../data/boilerplate.txt");

/// Longest paragraph (in bytes) the drop patterns can match: the lexicon's patterns allow at
/// most a few hundred characters around their keywords.
const MAX_DROP_LEN: usize = 1200;
/// Longest paragraph the tail headings can match.
const MAX_TAIL_LEN: usize = 400;

/// The boilerplate lexicon, compiled once.
#[derive(Debug)]
pub struct Lexicon {
    drop: RegexSet,
    tail: RegexSet,
    address: RegexSet,
}

impl Lexicon {
    /// Parses the lexicon format of `data/boilerplate.txt`.
    pub fn parse(src: &str) -> Result<Lexicon, regex::Error> {
        let mut drop = Vec::new();
        let mut tail = Vec::new();
        let mut address = Vec::new();
        let mut section = None;
        for line in src.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line {
                "[drop]" => section = Some(&mut drop),
                "[tail]" => section = Some(&mut tail),
                "[address]" => section = Some(&mut address),
                pat => {
                    if let Some(list) = section.as_mut() {
                        list.push(pat.to_owned());
                    }
                }
            }
        }
        // Word boundaries are ASCII (the patterns are English furniture): Unicode ones would
        // keep the regex engine off its fast DFA path.
        let ascii_b = |p: String| p.replace("\\b", "(?-u:\\b)");
        let whole = |pats: Vec<String>| {
            pats.into_iter()
                .map(move |p| format!("(?i)^(?:{})$", ascii_b(p)))
        };
        Ok(Lexicon {
            drop: RegexSet::new(whole(drop))?,
            tail: RegexSet::new(whole(tail))?,
            address: RegexSet::new(address.into_iter().map(ascii_b))?,
        })
    }

    /// The lexicon shipped with sitrep.
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| {
            #[allow(clippy::expect_used)] // the lexicon is a compile-time constant, tested below
            Lexicon::parse(LEXICON).expect("built-in boilerplate lexicon compiles")
        })
    }

    /// Whether a paragraph is furniture to drop. Every pattern is bounded in length, so long
    /// paragraphs (reporting) are never tested.
    pub fn is_drop(&self, para: &str) -> bool {
        para.len() <= MAX_DROP_LEN && self.drop.is_match(para.trim_end_matches(['.', ' ']))
    }

    /// Whether a paragraph speaks to the reader ("follow us", "your inbox").
    pub fn addresses_reader(&self, para: &str) -> bool {
        self.address.is_match(para)
    }

    /// Whether a paragraph is a heading that opens trailing junk.
    pub fn is_tail(&self, para: &str) -> bool {
        para.len() <= MAX_TAIL_LEN && self.tail.is_match(para.trim_end_matches(['.', ' ']))
    }
}

/// Normalises one string: NFC, typographic spaces to plain spaces, control and zero-width
/// characters removed, runs of spaces collapsed, trimmed. Keeps no newlines.
pub fn normalize_inline(s: &str) -> String {
    // Invisible characters go first, so that NFC sees the letters they separated (an "e",
    // a zero-width space and a combining accent compose to "é").
    let visible: String = s
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    // Most text is already NFC: skip the normaliser's buffering when a quick check says so.
    let chars: Box<dyn Iterator<Item = char> + '_> =
        if unicode_normalization::is_nfc_quick(visible.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            Box::new(visible.chars())
        } else {
            Box::new(visible.nfc())
        };
    let mut out = String::with_capacity(visible.len());
    let mut space = false;
    for c in chars {
        if c == ' ' {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Zero-width characters, soft hyphens, byte order marks and control characters other than
/// whitespace: nothing a reader sees.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    ) || (c.is_control() && !c.is_whitespace())
}

/// Splits raw text into normalised paragraphs. Blank lines separate paragraphs; inside a block,
/// a line break is kept as a paragraph break unless it evidently wraps a sentence (the line does
/// not end a sentence and the next line starts in lower case).
pub fn paragraphs(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in raw.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        let line = normalize_inline(line);
        if line.is_empty() {
            open = false;
            continue;
        }
        if open && let Some(last) = out.last_mut() {
            let ends_sentence = last.ends_with(['.', '!', '?', ':', '"', '”', '’', ')', ';']);
            let next_lower = line.chars().next().is_some_and(char::is_lowercase);
            if !ends_sentence && next_lower {
                last.push(' ');
                last.push_str(&line);
                continue;
            }
        }
        out.push(line);
        open = true;
    }
    out
}

/// Removes boilerplate paragraphs: lexicon drops anywhere, a lexicon tail heading in the second
/// half and everything after it (earlier, the heading alone), and consecutive duplicates.
pub fn strip_boilerplate(paras: Vec<String>, lex: &Lexicon) -> Vec<String> {
    let total: usize = paras.iter().map(|p| p.len()).sum();
    let mut seen = 0usize;
    let mut out: Vec<String> = Vec::with_capacity(paras.len());
    for p in paras {
        let tail = lex.is_tail(&p);
        if tail && seen * 2 >= total {
            break;
        }
        seen += p.len();
        // A tail heading early in the text is a stray widget title: drop it alone.
        if tail || lex.is_drop(&p) || out.last() == Some(&p) {
            continue;
        }
        out.push(p);
    }
    out
}

/// A title taken from the first paragraph of plain text, and the body that follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitledText {
    pub title: Option<String>,
    pub body: Vec<String>,
}

/// Reads the first paragraph as the title when it looks like one (short, no final full stop),
/// after dropping a breadcrumb line that ends with the title ("HomeNewsWorld<title>").
pub fn split_title(mut paras: Vec<String>, lex: &Lexicon) -> TitledText {
    // Furniture first: an "Advertisement" line must not become the title.
    let furniture = paras.iter().take_while(|p| lex.is_drop(p)).count();
    paras.drain(..furniture);
    if paras.len() >= 2 && paras[0].len() > paras[1].len() && paras[0].ends_with(&paras[1]) {
        paras.remove(0);
    }
    let looks_like_title = |p: &str| {
        let words = p.split_whitespace().count();
        (1..=30).contains(&words) && !p.ends_with(['.', ',', ';', ':']) && paras.len() > 1
    };
    match paras.first() {
        Some(first) if looks_like_title(first) => {
            let title = paras.remove(0);
            // A title repeated as the first body paragraph is a copy artefact, unless it is
            // all the body there is.
            if paras.len() > 1 && paras.first() == Some(&title) {
                paras.remove(0);
            }
            TitledText {
                title: Some(title),
                body: paras,
            }
        }
        _ => TitledText {
            title: None,
            body: paras,
        },
    }
}

/// The whole per-document cleaning of raw text: paragraphs, boilerplate, joined by blank lines.
pub fn clean_text(raw: &str) -> String {
    strip_boilerplate(paragraphs(raw), Lexicon::builtin()).join("\n\n")
}

/// How many articles of one outlet must share a paragraph before it is boilerplate.
pub const REPEAT_THRESHOLD: usize = 3;
const EDGE_PARAS_HEAD: usize = 3;
const EDGE_PARAS_TAIL: usize = 6;
const MAX_REPEAT_WORDS: usize = 25;

/// The short paragraphs at the head or tail of a text, where outlets put their furniture, as
/// (paragraph index, stable hash) pairs. Paragraphs that several articles of one outlet share
/// are candidates for [`strip_repeated`]; the hashes are stored so that this works across runs.
pub fn edge_lines(text: &str) -> Vec<(usize, u64)> {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let n = paras.len();
    paras
        .into_iter()
        .enumerate()
        .filter(|(i, p)| {
            (*i < EDGE_PARAS_HEAD || *i + EDGE_PARAS_TAIL >= n)
                && p.split_whitespace().count() <= MAX_REPEAT_WORDS
        })
        // Positive i64 range, so that both SQL backends store it unchanged.
        .map(|(i, p)| (i, xxhash_rust::xxh3::xxh3_64(p.as_bytes()) >> 1))
        .collect()
}

/// The text without the edge paragraphs that `repeated` says several articles of its outlet
/// share, when they are furniture rather than reporting: they address the reader, or are not
/// sentences. A repeated disclaimer that qualifies the reporting stays.
pub fn strip_repeated(text: &str, repeated: impl Fn(u64) -> bool) -> String {
    let lex = Lexicon::builtin();
    let paras: Vec<&str> = text.split("\n\n").collect();
    let drop: HashSet<usize> = edge_lines(text)
        .into_iter()
        .filter(|&(_, h)| repeated(h))
        .filter(|&(i, _)| {
            let p = paras[i];
            lex.addresses_reader(p) || !p.ends_with(['.', '!', '?', '"', '”'])
        })
        .map(|(i, _)| i)
        .collect();
    if drop.is_empty() {
        return text.to_owned();
    }
    let kept: Vec<&str> = paras
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !drop.contains(i))
        .map(|(_, p)| p)
        .collect();
    // Never strip an article to nothing.
    if kept.iter().all(|p| p.trim().is_empty()) {
        text.to_owned()
    } else {
        kept.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_compiles() {
        let lex = Lexicon::parse(LEXICON).unwrap();
        assert!(lex.is_drop("Leave a Reply"));
        assert!(lex.is_drop("Comments are closed."));
        assert!(lex.is_drop("Image Credit: Getty"));
        assert!(lex.is_drop("Your email address will not be published."));
        assert!(lex.is_drop(
            "(At The Daily Example, we ask hard questions. Join us by becoming a member today.)"
        ));
        assert!(lex.is_tail("Related Articles"));
        assert!(lex.addresses_reader("Follow us for updates."));
        assert!(!lex.addresses_reader("The US said it would send aid."));
        assert!(lex.is_tail("Source link"));
        assert!(lex.is_tail("More like this"));
        // Reporting stays.
        assert!(!lex.is_drop("Video of the strike showed the theatre in ruins."));
        assert!(!lex.is_drop("Share prices fell by 3% on Monday."));
        assert!(!lex.is_drop("Military claims by both sides cannot be independently verified."));
        assert!(!lex.is_tail("Related talks are expected next week."));
    }

    #[test]
    fn normalizes_spaces_and_invisible_characters() {
        assert_eq!(normalize_inline("  a\u{00A0}b\u{200B}c\t\td  "), "a bc d");
        // NFC: e + combining acute becomes é.
        assert_eq!(normalize_inline("Pe\u{0301}rez"), "P\u{00E9}rez");
    }

    #[test]
    fn invisible_characters_go_before_composition() {
        assert_eq!(normalize_inline("e\u{200B}\u{0301}"), "\u{00E9}");
    }

    proptest::proptest! {
        /// Normalising is idempotent and its output is NFC, single-spaced and trimmed.
        #[test]
        fn normalize_inline_is_a_fixed_point(s in "\\PC{0,60}|[e\u{0301}\u{200B}\u{00AD} \t]{0,20}") {
            let once = normalize_inline(&s);
            proptest::prop_assert_eq!(normalize_inline(&once), once.clone());
            proptest::prop_assert!(unicode_normalization::is_nfc(&once));
            proptest::prop_assert!(!once.contains("  ") && once.trim() == once);
        }

        /// Paragraph splitting never panics and never yields empty paragraphs.
        #[test]
        fn paragraphs_are_never_empty(s in "\\PC{0,200}|[a. \n\r]{0,60}") {
            proptest::prop_assert!(paragraphs(&s).iter().all(|p| !p.is_empty()));
        }
    }

    #[test]
    fn paragraphs_join_wrapped_lines_only() {
        let raw = "Title line\n\nA sentence that wraps\nover two lines.\nNew paragraph here.\r\n\r\n\n Third.";
        assert_eq!(
            paragraphs(raw),
            vec![
                "Title line",
                "A sentence that wraps over two lines.",
                "New paragraph here.",
                "Third."
            ]
        );
    }

    #[test]
    fn tail_cut_only_in_second_half() {
        let body: Vec<String> = [
            "First long paragraph of reporting with many words in it.",
            "Related articles",
            "Second long paragraph of reporting continues the story here.",
            "Third paragraph.",
            "Source link",
            "Junk one",
            "Junk two",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let out = strip_boilerplate(body, Lexicon::builtin());
        assert_eq!(out.len(), 3, "{out:?}");
        assert_eq!(out[2], "Third paragraph.");
    }

    #[test]
    fn breadcrumb_and_title() {
        let paras: Vec<String> = [
            "HomeNewsWorldConvoy leaves the city",
            "Convoy leaves the city",
            "Buses left on Monday.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let t = split_title(paras, Lexicon::builtin());
        assert_eq!(t.title.as_deref(), Some("Convoy leaves the city"));
        assert_eq!(t.body, vec!["Buses left on Monday."]);
        let t = split_title(vec!["Flash".into(), "Flash".into()], Lexicon::builtin());
        assert_eq!(
            (t.title.as_deref(), t.body.len()),
            (Some("Flash"), 1),
            "a body is kept"
        );
        let t = split_title(
            vec![
                "Advertisement".into(),
                "Just one sentence that ends.".into(),
                "More.".into(),
            ],
            Lexicon::builtin(),
        );
        assert_eq!(t.title, None);
    }

    #[test]
    fn repeated_edge_lines_are_removed_when_they_are_furniture() {
        let text = "Story opens with news.\n\nBody continues.\n\nFollow the Example Gazette for more.\n\nClaims by both sides cannot be independently verified.";
        let edges = edge_lines(text);
        assert_eq!(edges.len(), 4, "short text: every paragraph is at an edge");
        let all: HashSet<u64> = edges.iter().map(|e| e.1).collect();
        // Everything repeated: only the call to action goes; reporting and the hedge stay.
        assert_eq!(
            strip_repeated(text, |h| all.contains(&h)),
            "Story opens with news.\n\nBody continues.\n\nClaims by both sides cannot be independently verified."
        );
        assert_eq!(strip_repeated(text, |_| false), text);
        assert_eq!(
            strip_repeated("Follow us.", |_| true),
            "Follow us.",
            "never to nothing"
        );
        // Hashes are stable: they are stored and compared across runs and versions.
        assert_eq!(
            edge_lines("Follow us.")[0].1,
            xxhash_rust::xxh3::xxh3_64(b"Follow us.") >> 1
        );
    }
}
