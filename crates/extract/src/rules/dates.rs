//! The date a figure is valid for (shared/gold/NOTES.md, rule 2): an explicit cut-off; else
//! the date of the counted event; else the date the source spoke; else, through a pronoun
//! source, the date of the sentence that names its antecedent; else the publication date.

use annotate::{MentionForm, TimeType};
use chrono::NaiveDate;

use super::attribution::Source;
use super::{Doc, Found};

/// How many sentences back a pronoun source's date is looked for.
const PRONOUN_DATE_BACK: usize = 3;
/// How many tokens a `period` word ("since") may stand before a date it governs.
const PERIOD_WINDOW: usize = 6;
/// How many tokens a reporting verb may stand before the date it gives ("said in a statement
/// on Monday").
const STATEMENT_WINDOW: usize = 5;

/// A full-day date in a sentence.
#[derive(Debug, Clone, Copy)]
struct DateAt {
    start: usize,
    end: usize,
    /// First token of the expression.
    token: usize,
    date: NaiveDate,
}

impl Doc<'_> {
    /// The full-day dates of sentence `si`, including the day of a time on a named day
    /// ("Wednesday evening", "2022-03-09TEV").
    fn dates(&self, si: usize) -> Vec<DateAt> {
        let s = self.ann.sentences[si];
        self.ann
            .times
            .iter()
            .filter(|t| matches!(t.kind, TimeType::Date | TimeType::Time))
            .filter(|t| t.start >= s.start && t.end <= s.end)
            .filter_map(|t| {
                let day = t.value.get(..10)?;
                let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
                // The token the expression starts in ("Sunday's" is one token).
                let token = self.ann.tokens.partition_point(|k| k.end <= t.start);
                if token >= self.ann.tokens.len() {
                    return None;
                }
                Some(DateAt {
                    start: t.start,
                    end: t.end,
                    token,
                    date,
                })
            })
            .collect()
    }

    /// Whether a date starts a period rather than dating a figure: "since D", "from D", "since
    /// the war began on D".
    fn starts_period(&self, d: &DateAt) -> bool {
        // "the toll from Saturday's bombing": a possessive date names an event.
        let rest = &self.text[d.end..];
        if rest.starts_with("'s") || rest.starts_with("’s") || self.words[d.token].ends_with("'s")
        {
            return false;
        }
        if self.phrase_ending(d.token, &self.lex.starts).is_some() {
            return true;
        }
        let Some((_, (s0, _))) = self.sentence_at(d.token) else {
            return false;
        };
        (d.token.saturating_sub(PERIOD_WINDOW).max(s0)..d.token)
            .rev()
            .take_while(|&k| !matches!(self.words[k].as_str(), "," | ";" | ":"))
            .any(|k| self.lex.periods.contains(&self.words[k]))
    }

    /// Whether a date gives when a source spoke: a reporting verb shortly before it ("said on
    /// Monday", "told reporters Tuesday").
    fn statement_date(&self, d: &DateAt) -> bool {
        let Some((_, (s0, _))) = self.sentence_at(d.token) else {
            return false;
        };
        (d.token.saturating_sub(STATEMENT_WINDOW).max(s0)..d.token)
            .rev()
            .take_while(|&k| !matches!(self.words[k].as_str(), "," | ";" | ":" | "that"))
            .any(|k| self.is_verb_at(k))
    }

    /// The date a figure at token `a` (byte `at`) of sentence `si` is valid for, and the words
    /// that gave it. The publication date has an empty span at the number.
    pub(super) fn as_of(
        &self,
        si: usize,
        a: usize,
        at: usize,
        source: Option<&Source>,
    ) -> (Option<String>, Found) {
        let dates = self.dates(si);
        let found =
            |d: &DateAt, rule: &str| (Some(d.date.to_string()), Found::new(rule, (d.start, d.end)));
        // An explicit cut-off: "by (the end of) D", "as of D", "through D".
        if let Some(d) = dates
            .iter()
            .find(|d| self.phrase_ending(d.token, &self.lex.cutoffs).is_some())
        {
            return found(d, "cutoff");
        }
        let dated: Vec<&DateAt> = dates.iter().filter(|d| !self.starts_period(d)).collect();
        let nearest = |statement: bool| {
            dated
                .iter()
                .filter(|d| self.statement_date(d) == statement)
                .min_by_key(|d| d.start.abs_diff(at).min(d.token.abs_diff(a)))
                .copied()
        };
        // The date of the counted event, then the date the source spoke.
        if let Some(d) = nearest(false) {
            return found(d, "event-date");
        }
        if let Some(d) = nearest(true) {
            return found(d, "statement-date");
        }
        if let Some(d) = self.antecedent_date(si, source) {
            return found(&d, "pronoun-antecedent-date");
        }
        (
            self.published.map(|d| d.to_string()),
            Found::new("published", (at, at)),
        )
    }

    /// Through a pronoun source, the first date of the sentence that names its antecedent
    /// (up to [`PRONOUN_DATE_BACK`] sentences back).
    fn antecedent_date(&self, si: usize, source: Option<&Source>) -> Option<DateAt> {
        let src = source?;
        let pronoun = src
            .entity
            .map(|i| &self.ann.entities[i])
            .filter(|e| e.form == MentionForm::Pronoun);
        let sj = match pronoun {
            // "He said": the nearest sentence before that names the person.
            Some(e) => (1..=PRONOUN_DATE_BACK.min(si))
                .map(|back| si - back)
                .find(|&sj| {
                    let sent = self.ann.sentences[sj];
                    self.ann.entities.iter().any(|o| {
                        o.name == e.name
                            && o.form != MentionForm::Pronoun
                            && o.start >= sent.start
                            && o.end <= sent.end
                    })
                })?,
            // "They said": the sentence of the antecedent.
            None => src.antecedent?.0,
        };
        if sj >= si || si - sj > PRONOUN_DATE_BACK {
            return None;
        }
        self.dates(sj).into_iter().find(|d| !self.starts_period(d))
    }
}
