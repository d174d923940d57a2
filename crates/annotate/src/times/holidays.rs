//! Feasts on a fixed calendar day ("Christmas", "New Year's Eve", "Orthodox Christmas"),
//! read from `data/times/holidays.txt`. The year comes from a year written after the name or,
//! like any day named without one, from `P::year_for_day`.

use super::{Hit, P};
use crate::types::TimeType;

/// The longest holiday name has this many words.
const MAX_WORDS: usize = 3;

impl<'a, 't> P<'a, 't> {
    /// A holiday name at `i`, with an optional year after it ("Christmas 2022").
    pub(super) fn holiday(&self, i: usize) -> Option<Hit> {
        if !self.lex.holiday_heads.contains(self.w(i)) {
            return None;
        }
        let mut key = String::with_capacity(32);
        let mut found: Option<((u32, u32), usize)> = None;
        for k in i..(i + MAX_WORDS).min(self.d.len()) {
            if k > i {
                key.push('_');
            }
            key.push_str(self.w(k));
            if let Some(&md) = self.lex.holidays.get(key.as_str()) {
                found = Some((md, k + 1));
            }
        }
        let ((m, d), e) = found?;
        let (y, end) = match self.year_at(e) {
            Some((y, end)) => (Some(y), end),
            None => (self.year_for_day(m, d, i), e),
        };
        Some(Hit::new(end, TimeType::Date, self.day_value(y, m, d)?))
    }
}
