//! The lexicons of the claim rules, read from the data files compiled into the crate.

use foldhash::{HashMap, HashSet};

/// Where a metric cue must stand relative to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    /// Anywhere close in the number's clause.
    Near,
    /// Directly before the number ("population of N").
    Before,
    /// Directly after the number ("N tons").
    After,
    /// Directly after the number, used only when no other cue applies ("N residents").
    Fallback,
}

/// A metric cue: a phrase of lower-case tokens.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub metric: String,
    pub position: Position,
    pub words: Vec<String>,
}

/// Every word list the rules use.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lexicon {
    pub cues: Vec<Cue>,
    pub groups: HashMap<String, String>,
    pub sides: HashMap<String, String>,
    pub demonym_soldiers: HashSet<String>,
    pub hedges: Vec<Vec<String>>,
    pub figure_words: HashSet<String>,
    pub verbs: Vec<Vec<String>>,
    pub according: Vec<Vec<String>>,
    pub source_nouns: HashSet<String>,
    pub drop_words: HashSet<String>,
    pub breaks: HashSet<String>,
    pub determiners: HashSet<String>,
    pub excluded: HashSet<String>,
    pub units: HashMap<String, String>,
    pub locatives: HashSet<String>,
    /// Phrases before a figure that make it part of the figure before it (`subset.txt`).
    pub subset: Vec<Vec<String>>,
    /// Pronouns that report speech for an organisation or a group named before ("They said").
    pub pronouns: HashSet<String>,
    /// Prepositions that end a source noun phrase on the left.
    pub preps: HashSet<String>,
    /// Pronouns for people, resolved by the annotation's coreference or not at all.
    pub personal: HashSet<String>,
    /// Words between a subject and its reporting verb ("has", "also").
    pub aux: HashSet<String>,
    /// Phrases before a date that make it a cut-off ("as of", "by the end of").
    pub cutoffs: Vec<Vec<String>>,
    /// Phrases directly before a date that make it the start of a period ("since", "from").
    pub starts: Vec<Vec<String>>,
    /// Words that open a clause whose dates start a period ("since the war began on D").
    pub periods: HashSet<String>,
    /// Words that name the domain of a hedge or a framing sentence: word -> `military` or
    /// `civilian` (`domains.tsv`).
    pub domains: HashMap<String, String>,
    /// Scopes (`scopes.tsv`): suffixes after "-" and words that say who holds a part of a
    /// place, and the nouns of the parts they qualify.
    pub scope_suffixes: HashSet<String>,
    pub scope_words: HashSet<String>,
    pub scope_parts: HashSet<String>,
    /// Adjectives before a data word in a source phrase ("the latest toll of ...").
    pub figure_adjectives: HashSet<String>,
}

const METRICS: &str = include_str!("../data/metrics.tsv");
const GROUPS: &str = include_str!("../data/groups.tsv");
const SIDES: &str = include_str!("../data/sides.tsv");
const DEMONYM_SOLDIERS: &str = include_str!("../data/demonym_soldiers.txt");
const HEDGES: &str = include_str!("../data/hedges.txt");
const FIGURE_WORDS: &str = include_str!("../data/figure_words.txt");
const ATTRIBUTION: &str = include_str!("../data/attribution.tsv");
const EXCLUDED: &str = include_str!("../data/excluded.txt");
const UNITS: &str = include_str!("../data/units.tsv");
const LOCATIVES: &str = include_str!("../data/locatives.txt");
const SUBSET: &str = include_str!("../data/subset.txt");
const DATES: &str = include_str!("../data/dates.tsv");
const DOMAINS: &str = include_str!("../data/domains.tsv");
const SCOPES: &str = include_str!("../data/scopes.tsv");

/// The non-empty, non-comment lines of a data file.
fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

fn pairs(data: &str) -> impl Iterator<Item = (&str, &str)> {
    lines(data).filter_map(|l| l.split_once('\t'))
}

fn map(data: &str) -> HashMap<String, String> {
    pairs(data)
        .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_owned()))
        .collect()
}

fn set(data: &str) -> HashSet<String> {
    lines(data).map(str::to_lowercase).collect()
}

impl Lexicon {
    pub fn load() -> Self {
        let cues = lines(METRICS)
            .filter_map(|l| {
                let mut f = l.split('\t');
                let metric = f.next()?.trim().to_owned();
                let position = match f.next()?.trim() {
                    "near" => Position::Near,
                    "before" => Position::Before,
                    "after" => Position::After,
                    "fallback" => Position::Fallback,
                    _ => return None,
                };
                let words = words(f.next()?);
                (!words.is_empty()).then_some(Cue {
                    metric,
                    position,
                    words,
                })
            })
            .collect();
        let mut lex = Lexicon {
            cues,
            groups: map(GROUPS),
            sides: map(SIDES),
            demonym_soldiers: set(DEMONYM_SOLDIERS),
            hedges: lines(HEDGES).map(words).collect(),
            figure_words: set(FIGURE_WORDS),
            excluded: set(EXCLUDED),
            units: map(UNITS),
            locatives: set(LOCATIVES),
            subset: lines(SUBSET).map(words).collect(),
            domains: map(DOMAINS),
            ..Default::default()
        };
        for (kind, word) in pairs(SCOPES) {
            let word = word.trim().to_lowercase();
            match kind.trim() {
                "suffix" => lex.scope_suffixes.insert(word),
                "word" => lex.scope_words.insert(word),
                "part" => lex.scope_parts.insert(word),
                _ => false,
            };
        }
        for (kind, phrase) in pairs(DATES) {
            match kind.trim() {
                "cutoff" => lex.cutoffs.push(words(phrase)),
                "start" => lex.starts.push(words(phrase)),
                "period" => {
                    lex.periods.insert(phrase.trim().to_lowercase());
                }
                _ => {}
            }
        }
        for (kind, phrase) in pairs(ATTRIBUTION) {
            let phrase = phrase.trim();
            match kind {
                "verb" => lex.verbs.push(words(phrase)),
                "according" => lex.according.push(words(phrase)),
                "noun" => {
                    lex.source_nouns.insert(phrase.to_lowercase());
                }
                "drop" => {
                    lex.drop_words.insert(phrase.to_lowercase());
                }
                "figure_adjective" => {
                    lex.figure_adjectives.insert(phrase.to_lowercase());
                }
                "break" => {
                    lex.breaks.insert(phrase.to_lowercase());
                }
                "det" => {
                    lex.determiners.insert(phrase.to_lowercase());
                }
                "pronoun" => {
                    lex.pronouns.insert(phrase.to_lowercase());
                }
                "prep" => {
                    lex.preps.insert(phrase.to_lowercase());
                }
                "personal" => {
                    lex.personal.insert(phrase.to_lowercase());
                }
                "aux" => {
                    lex.aux.insert(phrase.to_lowercase());
                }
                _ => {}
            }
        }
        lex
    }
}
