//! A mention from a core: the core widened backwards over a minus sign, a currency sign and a
//! modifier phrase, and forwards over a unit or currency, cents, a range and a trailing
//! modifier ("or more", "30+"), then typed and given its span.

use super::lexicon::UnitKind;
use super::word_reader::big;
use super::{Cx, Form};
use crate::types::{NumberKind, NumberMention, NumberModifier, TokenKind};

/// Rounds away the noise of binary fractions times a multiplier: 8.2 × 1e9 is 8200000000, not
/// 8199999999.999999.
fn tidy(v: f64) -> f64 {
    if v.abs() >= 1.0 && v.abs() < 1e15 {
        let r = v.round();
        // Only the noise of the last digits: "1,234,567.89" keeps its cents.
        if (v - r).abs() <= 1e-12 * v.abs() {
            return r;
        }
    }
    v
}

impl Cx<'_, '_> {
    pub(super) fn mention_at(&self, i: usize, floor: usize) -> Option<(NumberMention, usize)> {
        // Designations: "F-16", "AK-47", "S-300", "Covid-19" name things; they count nothing.
        if i >= 2
            && self.is_num(i)
            && self.glued(i)
            && self.w(i - 1) == "-"
            && self.glued(i - 1)
            && self.is_word(i - 2)
            && self
                .p
                .get(i - 2)
                .is_some_and(|p| p.capital && p.end - p.start <= 5)
        {
            return None;
        }
        let (mut core, coded) = match self.core_at(i) {
            Some(c) => (c, None),
            None => {
                let (c, cur) = self.code_core(i)?;
                (c, Some(cur))
            }
        };
        let mut s = core.s;
        // A minus sign: "-5", not "2014-15" or "Kremlin-5".
        if s > floor
            && self.w(s - 1) == "-"
            && self.glued(s)
            && self.is_num(s)
            && (s < 2 || !self.glued(s - 1) || self.kind(s - 2) == Some(TokenKind::Punct))
            && !(s >= 2 && self.is_num(s - 2))
        {
            core.value = -core.value;
            s -= 1;
            core.s = s;
        }
        // ".08": a decimal written without its zero.
        if core.form == Form::Plain
            && s > floor
            && s == core.s
            && self.w(s - 1) == "."
            && self.glued(s)
            && !self.glued(s - 1)
            && let Ok(v) = format!("0.{}", self.w(s)).parse::<f64>()
        {
            core.value = v;
            core.form = Form::Digits;
            s -= 1;
            core.s = s;
        }
        // Currency before: "$", "US$", "€", "c $".
        let mut currency = coded;
        let mut before = if currency.is_some() {
            None
        } else {
            self.phrase_back(&self.lex.currencies, s, floor)
        };
        if let Some((_, cs)) = before
            && matches!(self.raw(cs), "a" | "an")
            && !self.glued(cs + 1)
        {
            // "a $900m loan": the article, not the Australian dollar ("A$").
            before = self.phrase_back(&self.lex.currencies, s, cs + 1);
        }
        if let Some((c, cs)) = before
            && c.before
            && self.w(cs) != "pound"
        {
            currency = Some(c);
            s = cs;
        }
        let mut value = core.value;
        let mut e = core.e;
        let mut kind_unit: Option<(UnitKind, &'static str)> = None;
        // An ordinal takes no unit: "the 15th-century bridge".
        let sfx = if core.form == Form::Ordinal {
            None
        } else {
            self.suffix(e, &core, currency.is_some())
        };
        if let Some(sfx) = sfx {
            if sfx.mult != 1.0 {
                value *= sfx.mult;
                core.mult *= sfx.mult;
                e = sfx.end;
                if let Some(s2) = self.suffix(e, &core, currency.is_some())
                    && s2.currency.is_some()
                    && currency.is_none()
                {
                    currency = s2.currency;
                    e = s2.end;
                }
            } else if let Some(c) = sfx.currency {
                if currency.is_none() {
                    currency = Some(c);
                }
                e = sfx.end;
                // "75 USD million"
                if core.mult == 1.0
                    && let Some(m) = big(self.w(e))
                {
                    value *= m;
                    core.mult = m;
                    e += 1;
                }
            } else {
                kind_unit = Some((sfx.kind, sfx.unit));
                e = sfx.end;
            }
        }
        // "5 ft 2 in", "6 feet and 3 inches": feet and inches make one length (in feet).
        if currency.is_none()
            && let Some((UnitKind::Kind(NumberKind::Distance), "ft")) = kind_unit
            && let Some((inches, end)) = self.inches_after(e)
        {
            value += inches / 12.0;
            e = end;
        }
        // "convert - 20 degrees fahrenheit": a spaced minus before a temperature, after a word.
        if s == core.s
            && s >= floor + 2
            && value > 0.0
            && self.is_num(s)
            && self.w(s - 1) == "-"
            && !self.glued(s)
            && !self.glued(s - 1)
            && self.is_word(s - 2)
            && !self.p.get(s - 2).is_some_and(|p| p.capital)
            && matches!(kind_unit, Some((_, "degC" | "degF")))
        {
            value = -value;
            s -= 1;
        }
        if let Some(c) = currency {
            value *= c.scale;
            // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
            if c.scale == 1.0 {
                let k = if self.w(e) == "and" { e + 1 } else { e };
                if let Some(c2) = self.core_at(k)
                    && c2.value < 100.0
                    && let Some(s2) = self.suffix(c2.e, &c2, false)
                    && let Some(cur2) = s2.currency
                    && cur2.iso == c.iso
                    && cur2.scale == 0.01
                {
                    value += c2.value * 0.01;
                    e = s2.end;
                } else if let Some(c2) = self.core_at(k)
                    && ((c2.form == Form::Plain && self.w(k).len() == 2)
                        || (c2.form == Form::Words
                            && c2.value.fract() == 0.0
                            && (1.0..100.0).contains(&c2.value)))
                    && e > core.e
                    && self.kind(c2.e).is_none_or(|t| t == TokenKind::Punct)
                    && !matches!(self.w(c2.e), "%" | "$" | "€" | "£" | "-" | "/" | ":")
                {
                    // "15 dollars 50.", "thirteen dollars forty-five": a small number ending
                    // the phrase after the currency word gives its cents.
                    value += c2.value * 0.01;
                    e = c2.e;
                }
            }
        }
        // "percent of 10"
        if kind_unit.is_none()
            && currency.is_none()
            && s >= floor + 2
            && self.w(s - 1) == "of"
            && let Some(((UnitKind::Kind(NumberKind::Percent), u), ps)) =
                self.phrase_back(&self.lex.units, s - 1, floor)
        {
            kind_unit = Some((UnitKind::Kind(NumberKind::Percent), u));
            s = ps;
        }

        // Modifiers and range openers before.
        let mut modifier = NumberModifier::Exact;
        let mut opener = None;
        if s > floor && matches!(self.w(s - 1), "between" | "from") {
            opener = Some(s - 1);
        } else if core.form == Form::Ordinal
            && s > floor + 1
            && self.w(s - 1) == "the"
            && matches!(self.w(s - 2), "between" | "from")
        {
            // "between the tenth and the fifteenth"
            opener = Some(s - 2);
        }
        let mut high = None;
        // A range: "between X and Y", "X to Y", "X-Y", "from X to Y".
        if let Some((h, end, unit2, cur2)) =
            self.range_end(e, &core, value, opener, kind_unit, currency)
        {
            if h.1 > 1.0 && core.mult == 1.0 && value * h.1 < h.0 {
                value *= h.1;
            }
            high = Some(h.0);
            modifier = NumberModifier::Range;
            e = end;
            if kind_unit.is_none() {
                kind_unit = unit2;
            }
            if currency.is_none() {
                currency = cur2;
            }
            if let Some(o) = opener {
                s = o;
            }
        }
        if modifier == NumberModifier::Exact {
            if let Some((m, ms)) = self.phrase_back(&self.lex.modifiers_before, s, floor)
                // "<>30", "=>30": a comparison sign glued after another is no bound we know.
                && !(ms > 0
                    && self.kind(ms) == Some(TokenKind::Punct)
                    && self.glued(ms)
                    && matches!(self.w(ms - 1), "<" | ">" | "="))
            {
                modifier = m;
                s = ms;
            }
            // Two bounds: "more than 10 and less than 20".
            if let Some((lo, h, end)) = self.bounded_pair(e, modifier, value) {
                value = lo;
                high = Some(h);
                modifier = NumberModifier::Range;
                e = end;
            } else if let Some((m, me)) = self.phrase_fwd(&self.lex.modifiers_after, e)
                && matches!(
                    modifier,
                    NumberModifier::Exact | NumberModifier::Approximately
                )
                // "5000 or less than 6000" bounds the second number, not the first.
                && !(matches!(self.w(me), "than" | "to") && self.core_at(me + 1).is_some())
                && !self.is_num(me)
            {
                modifier = m;
                e = if matches!(self.w(me), "than" | "to") {
                    me + 1
                } else {
                    me
                };
            } else if modifier == NumberModifier::Exact
                && self.w(e) == "+"
                && self.glued(e)
                // "Athlon 3500+" names a model.
                && !(self.is_word(core.s.wrapping_sub(1))
                    && self.p.get(core.s.wrapping_sub(1)).is_some_and(|p| p.capital))
                && !(self.glued(e + 1) && self.kind(e + 1) != Some(TokenKind::Punct))
                && self.core_at(e + 1).is_none()
            {
                // "30+ dead", "aged 18+": that many or more.
                modifier = NumberModifier::AtLeast;
                e += 1;
            } else if matches!(
                modifier,
                NumberModifier::MoreThan | NumberModifier::LessThan
            ) && self.w(e) == "or"
                && self.w(e + 1) == "equal"
            {
                // "more than 5000 or equal (to)"
                let end = if self.w(e + 2) == "to" { e + 3 } else { e + 2 };
                if !self.is_num(end) && self.core_at(end).is_none() {
                    modifier = if modifier == NumberModifier::MoreThan {
                        NumberModifier::AtLeast
                    } else {
                        NumberModifier::AtMost
                    };
                    e = end;
                }
            }
        }
        let kind = self.kind_of(&core, s, e, kind_unit, currency, high);
        let unit = match (currency, kind_unit) {
            (Some(c), _) => Some(c.iso.to_string()),
            (None, Some((_, u))) if !u.is_empty() => Some(u.to_string()),
            _ => match kind {
                NumberKind::Percent => Some("%".to_string()),
                NumberKind::Age => Some("year".to_string()),
                _ => None,
            },
        };
        if kind == NumberKind::TimeOfDay {
            value = self.clock_value(&core, value, e);
        }
        let start = self.p.get(s)?.start;
        let end = self.p.get(e.checked_sub(1)?)?.end;
        let value = tidy(value);
        let high = high.map(tidy);
        Some((
            NumberMention {
                start,
                end,
                value,
                high,
                modifier,
                kind,
                unit,
                vague: core.vague,
            },
            e,
        ))
    }
}
