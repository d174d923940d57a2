//! Ranges and paired bounds: the high end after a number ("5-10", "between 1,300 and 1,500",
//! "from $5 to $10 million") and two bounds making a range ("more than 10 and less than 20").

use super::lexicon::{Currency, UnitKind};
use super::{Core, Cx, Form};
use crate::types::NumberModifier;

impl Cx<'_, '_> {
    /// The high end of a range after a number ending at piece `e`: ((high, its multiplier),
    /// end, its unit, its currency).
    #[allow(clippy::type_complexity)]
    pub(super) fn range_end(
        &self,
        e: usize,
        core: &Core,
        low: f64,
        opener: Option<usize>,
        unit1: Option<(UnitKind, &'static str)>,
        cur1: Option<Currency>,
    ) -> Option<(
        (f64, f64),
        usize,
        Option<(UnitKind, &'static str)>,
        Option<Currency>,
    )> {
        let between = opener.is_some_and(|o| self.w(o) == "between");
        let conn = self.w(e);
        let ok = match conn {
            "to" | "through" | "thru" => !between,
            "-" | "–" | "~" => !between,
            "and" => between,
            _ => false,
        };
        if !ok || matches!(core.form, Form::Clock | Form::Fraction) {
            return None;
        }
        if conn == "-"
            && self.glued(e)
            && self.glued(core.s)
            && self.w(core.s.wrapping_sub(1)) == "-"
        {
            return None;
        }
        let mut k = e + 1;
        if core.form == Form::Ordinal && self.w(k) == "the" {
            k += 1;
        }
        let mut cur2 = None;
        if let Some((c, end)) = self.phrase_fwd(&self.lex.currencies, k)
            && c.before
        {
            cur2 = Some(c);
            k = end;
        }
        let c2 = self.core_at(k)?;
        if matches!(c2.form, Form::Clock | Form::Fraction)
            || (c2.form == Form::Ordinal) != (core.form == Form::Ordinal)
        {
            return None;
        }
        // Phone numbers and dates: "222-2222-2222".
        if conn == "-" && self.w(c2.e) == "-" && self.glued(c2.e) {
            return None;
        }
        let mut high = c2.value;
        let mut end = c2.e;
        let mut unit2 = None;
        let mut mult = c2.mult;
        if let Some(sfx) = self.suffix(end, &c2, cur2.is_some() || cur1.is_some()) {
            if sfx.mult != 1.0 {
                high *= sfx.mult;
                mult *= sfx.mult;
                end = sfx.end;
            } else if let Some(c) = sfx.currency {
                if cur1.is_some_and(|c1| c1.iso != c.iso) {
                    return None;
                }
                cur2 = Some(c);
                end = sfx.end;
            } else {
                if unit1.is_some_and(|u| u.0 != sfx.kind) {
                    return None;
                }
                unit2 = Some((sfx.kind, sfx.unit));
                end = sfx.end;
            }
        }
        // "three months to 31 December": a unit on the first number only is no range.
        if unit1.is_some() && unit2.is_none() && cur2.is_none() {
            return None;
        }
        if unit1.is_some() && cur2.is_some() && cur1.is_none() {
            return None;
        }
        let scale = cur2.filter(|_| cur1.is_none()).map_or(1.0, |c| c.scale);
        high *= scale;
        let low_scaled = if mult > 1.0 && core.mult == 1.0 && low * mult < high {
            low * mult
        } else {
            low
        };
        if low_scaled >= high {
            return None;
        }
        Some(((high, mult), end, unit2, cur2))
    }

    /// "more than 10 and less than 20": the high end and the end of the pair.
    pub(super) fn bounded_pair(
        &self,
        e: usize,
        m: NumberModifier,
        low: f64,
    ) -> Option<(f64, f64, usize)> {
        let lower = matches!(m, NumberModifier::MoreThan | NumberModifier::AtLeast);
        let upper = matches!(m, NumberModifier::LessThan | NumberModifier::AtMost);
        if !(lower || upper) {
            return None;
        }
        let k = match self.w(e) {
            "and" | "but" | "," => e + 1,
            _ => return None,
        };
        let (m2, k2) = self.phrase_fwd(&self.lex.modifiers_before, k)?;
        let lower2 = matches!(m2, NumberModifier::MoreThan | NumberModifier::AtLeast);
        let upper2 = matches!(m2, NumberModifier::LessThan | NumberModifier::AtMost);
        if !((lower && upper2) || (upper && lower2)) {
            return None;
        }
        let c2 = self.core_at(k2)?;
        let (lo, hi) = if lower {
            (low, c2.value)
        } else {
            (c2.value, low)
        };
        if lo >= hi {
            return None;
        }
        Some((lo, hi, c2.e))
    }
}
