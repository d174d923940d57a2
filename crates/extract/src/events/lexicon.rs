//! The lexicons of the event rules, read from `data/events/` (compiled in).

use foldhash::HashMap;

use crate::{EventCodes, EventKind};

const TYPES: &str = include_str!("../../data/events/types.tsv");
const TRIGGERS: &str = include_str!("../../data/events/triggers.tsv");
const STATUS: &str = include_str!("../../data/events/status.tsv");
const TARGETS: &str = include_str!("../../data/events/targets.tsv");
const CHARGES: &str = include_str!("../../data/events/charges.tsv");
const CUES: &str = include_str!("../../data/events/cues.tsv");
const HEDGES: &str = include_str!("../../data/hedges.txt");
const SIDES: &str = include_str!("../../data/sides.tsv");
/// The annotation layer's country table (code, adjective, name, other names): one list of
/// demonyms for the whole project.
const COUNTRIES: &str = include_str!("../../../annotate/data/entities/countries.tsv");

/// A phrase that reports an event.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub kind: EventKind,
    /// A verb reads its subject before it and its object after it.
    pub verb: bool,
    /// A weak trigger needs more evidence than its type's usual (see `triggers.tsv`).
    pub weak: bool,
    /// A verb that accuses only when a charge follows it ("called the strike a war crime").
    pub needs_charge: bool,
    /// Not a phrase of the text: an evacuation read from a claim of people evacuated.
    pub from_claim: bool,
    pub words: Vec<String>,
}

/// A phrase that gives an event of `kind` a status.
#[derive(Debug, Clone)]
pub(crate) struct StatusCue {
    pub kind: EventKind,
    pub status: String,
    pub words: Vec<String>,
}

/// A phrase with a label: a target kind, a charge, or one of the cues of `cues.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct Labelled {
    pub label: String,
    pub words: Vec<String>,
}

/// Every word list the event rules use.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventLexicon {
    /// Codes by type and variant ("-" for the default).
    codes: HashMap<(EventKind, String), EventCodes>,
    pub triggers: Vec<Trigger>,
    /// Indices into `triggers` by their first word.
    pub triggers_by_first: HashMap<String, Vec<usize>>,
    pub status: Vec<StatusCue>,
    pub default_status: HashMap<EventKind, String>,
    pub targets: Vec<Labelled>,
    pub charges: Vec<Labelled>,
    /// The cues of `cues.tsv` by the part of their label before any ':' ("place:from" is
    /// under "place").
    pub cue_groups: HashMap<String, Vec<Labelled>>,
    pub hedges: Vec<Vec<String>>,
    /// Side by lower-case word or side code ("ru" → "russia").
    pub sides: HashMap<String, String>,
    /// Country by lower-case demonym ("russian" → ("RU", "Russia")).
    pub demonyms: HashMap<String, (String, String)>,
}

fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

fn labelled(data: &str) -> Vec<Labelled> {
    lines(data)
        .filter_map(|l| {
            let (label, phrase) = l.split_once('\t')?;
            let words = words(phrase);
            (!words.is_empty()).then(|| Labelled {
                label: label.trim().to_owned(),
                words,
            })
        })
        .collect()
}

impl EventLexicon {
    pub fn load() -> Self {
        let mut lex = EventLexicon {
            targets: labelled(TARGETS),
            charges: labelled(CHARGES),
            cue_groups: {
                let mut groups: HashMap<String, Vec<Labelled>> = HashMap::default();
                for c in labelled(CUES) {
                    let key = c.label.split(':').next().unwrap_or_default().to_owned();
                    groups.entry(key).or_default().push(c);
                }
                groups
            },
            hedges: lines(HEDGES).map(words).collect(),
            sides: lines(SIDES)
                .filter_map(|l| l.split_once('\t'))
                .map(|(k, v)| (k.trim().to_lowercase(), v.trim().to_owned()))
                .collect(),
            ..Default::default()
        };
        for l in lines(TYPES) {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            if let [kind, variant, acled, sub, cameo, plover] = f[..]
                && let Some(kind) = EventKind::parse(kind)
            {
                lex.codes.insert(
                    (kind, variant.to_owned()),
                    EventCodes {
                        acled_event_type: acled.to_owned(),
                        acled_sub_event_type: sub.to_owned(),
                        cameo: cameo.to_owned(),
                        plover: plover.to_owned(),
                    },
                );
            }
        }
        for l in lines(TRIGGERS) {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            if let [kind, pos, phrase] = f[..]
                && let Some(kind) = EventKind::parse(kind)
            {
                lex.triggers.push(Trigger {
                    kind,
                    verb: pos.ends_with("verb"),
                    weak: pos.starts_with("weak"),
                    needs_charge: pos == "charge-verb",
                    from_claim: false,
                    words: words(phrase),
                });
            }
        }
        for l in lines(COUNTRIES) {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            if let [code, adjective, name, ..] = f[..]
                && code != "-"
            {
                lex.demonyms
                    .insert(adjective.to_lowercase(), (code.to_owned(), name.to_owned()));
            }
        }
        for (i, t) in lex.triggers.iter().enumerate() {
            if let Some(first) = t.words.first() {
                lex.triggers_by_first
                    .entry(first.clone())
                    .or_default()
                    .push(i);
            }
        }
        for l in lines(STATUS) {
            let f: Vec<&str> = l.split('\t').map(str::trim).collect();
            if let [kind, status, phrase] = f[..]
                && let Some(kind) = EventKind::parse(kind)
            {
                if phrase == "*" {
                    if status != "-" {
                        lex.default_status.insert(kind, status.to_owned());
                    }
                } else {
                    lex.status.push(StatusCue {
                        kind,
                        status: status.to_owned(),
                        words: words(phrase),
                    });
                }
            }
        }
        lex
    }

    /// The codes of an event of `kind` with the given variants (most specific first).
    pub fn codes(&self, kind: EventKind, variants: &[&str]) -> EventCodes {
        variants
            .iter()
            .find_map(|v| self.codes.get(&(kind, (*v).to_owned())))
            .or_else(|| self.codes.get(&(kind, "-".to_owned())))
            .cloned()
            .unwrap_or_else(|| EventCodes {
                acled_event_type: String::new(),
                acled_sub_event_type: String::new(),
                cameo: String::new(),
                plover: String::new(),
            })
    }

    /// The cues of `cues.tsv` whose label is `label` or starts with `label:`.
    pub fn cues<'s>(&'s self, label: &str) -> std::slice::Iter<'s, Labelled> {
        self.cue_groups
            .get(label)
            .map_or([].iter(), |group| group.iter())
    }
}
