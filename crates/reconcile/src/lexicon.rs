//! The data reconciliation reads: how each metric behaves over time (`data/metrics.tsv`) and
//! the names of one source (`data/sources.tsv`).

use std::collections::HashMap;

/// What reconciliation knows of metrics and sources.
#[derive(Debug, Clone)]
pub struct Lexicon {
    metrics: HashMap<String, MetricInfo>,
    sources: HashMap<String, SourceName>,
}

/// A known source: the name reports show, and the party it speaks for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SourceName {
    canonical: String,
    party: Option<String>,
}

/// How a metric behaves, and its name in reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricInfo {
    /// A running total: later figures only grow.
    pub cumulative: bool,
    pub label: String,
    /// Its place in reports: metrics are listed in the order of `data/metrics.tsv`.
    pub rank: usize,
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::load()
    }
}

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn load() -> Self {
        let metrics = rows(include_str!("../data/metrics.tsv"))
            .filter(|r| r.len() >= 3)
            .enumerate()
            .map(|(rank, r)| {
                (
                    r[0].to_owned(),
                    MetricInfo {
                        cumulative: r[1] == "yes",
                        label: r[2].to_owned(),
                        rank,
                    },
                )
            })
            .collect();
        let sources = rows(include_str!("../data/sources.tsv"))
            .filter(|r| r.len() >= 2)
            .map(|r| {
                (
                    r[0].to_owned(),
                    SourceName {
                        canonical: r[1].to_owned(),
                        party: r.get(2).filter(|p| !p.is_empty()).map(|p| (*p).to_owned()),
                    },
                )
            })
            .collect();
        Lexicon { metrics, sources }
    }

    /// How `metric` behaves; an unknown metric is taken as a running total named as given.
    pub fn metric(&self, metric: &str) -> MetricInfo {
        self.metrics.get(metric).cloned().unwrap_or(MetricInfo {
            cumulative: true,
            label: metric.to_owned(),
            rank: usize::MAX,
        })
    }

    /// True when the lexicon lists `name` as a name of a source.
    pub fn knows(&self, name: &str) -> bool {
        self.sources.contains_key(&normalise(name))
    }

    /// The key two names of one source share, and the name to show: "the UN refugee agency"
    /// and "UNHCR" are one source. Unknown names are compared case- and space-insensitively,
    /// without a leading "the".
    pub fn source(&self, name: &str) -> (String, String) {
        let norm = normalise(name);
        match self.sources.get(&norm) {
            Some(s) => (normalise(&s.canonical), s.canonical.clone()),
            None => (norm, name.trim().to_owned()),
        }
    }

    /// The party a source speaks for, where the lexicon knows it (`russia` for the Kremlin,
    /// the defence ministry and "Moscow").
    pub fn party(&self, name: &str) -> Option<&str> {
        self.sources.get(&normalise(name))?.party.as_deref()
    }
}

/// Lower case, single spaces, curly apostrophes made straight, without a leading "the".
pub fn normalise(s: &str) -> String {
    let lower = s.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_share_a_key() {
        let lex = Lexicon::load();
        assert_eq!(lex.source("the UN refugee agency").0, lex.source("UNHCR").0);
        assert_eq!(lex.source("UNHCR").1, "UNHCR");
        assert_eq!(lex.source("Kyiv").0, lex.source("Ukrainian government").0);
        assert_ne!(lex.source("Moscow").0, lex.source("Kyiv").0);
        assert_eq!(lex.source("The  Mayor of Mariupol").0, "mayor of mariupol");
        assert_eq!(
            lex.source("The  Mayor of Mariupol").1,
            "The  Mayor of Mariupol"
        );
        assert!(lex.metric("refugees").cumulative);
        assert!(!lex.metric("trapped").cumulative);
        assert_eq!(lex.metric("killed").label, "Killed");
        assert_eq!(lex.party("the Kremlin"), Some("russia"));
        assert_eq!(lex.party("Russian defense ministry"), lex.party("Moscow"));
        assert_eq!(lex.party("Zelensky"), Some("ukraine"));
        assert_eq!(lex.party("UNHCR"), None);
    }
}
