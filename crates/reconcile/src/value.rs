//! What a reported figure allows: the interval of true values a claim's value and value kind
//! leave open. Two claims are compatible when their intervals meet.

use serde::Serialize;

/// Relative tolerance of an exact figure (a rounding in the copy, "902" against "902.0").
const EXACT_TOLERANCE: f64 = 0.005;
/// "About 15,000": within a tenth either way.
const APPROX_TOLERANCE: f64 = 0.10;
/// "Hundreds", "thousands": from the conventional lower bound (200, 2000) to five times it.
const VAGUE_SPAN: f64 = 5.0;

/// The values a figure allows, `low..=high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// The interval a figure allows, from its value, value kind and upper end.
    pub fn of(value: f64, kind: &str, value_max: Option<f64>) -> Interval {
        let (low, high) = match kind {
            "at_least" => (value, f64::INFINITY),
            "at_most" => (0.0, value),
            "approx" => (
                value * (1.0 - APPROX_TOLERANCE),
                value * (1.0 + APPROX_TOLERANCE),
            ),
            "range" => (value, value_max.unwrap_or(value).max(value)),
            "vague" => (value, value * VAGUE_SPAN),
            _ => (
                value * (1.0 - EXACT_TOLERANCE),
                value * (1.0 + EXACT_TOLERANCE),
            ),
        };
        Interval { low, high }
    }

    /// True when some value satisfies both.
    pub fn meets(&self, other: &Interval) -> bool {
        self.low <= other.high && other.low <= self.high
    }

    /// True when every value of `self` is above every value of `other`.
    pub fn above(&self, other: &Interval) -> bool {
        self.low > other.high
    }
}

/// How precise a value kind is: the most precise figure speaks for a fact.
pub fn precision(kind: &str) -> u8 {
    match kind {
        "exact" => 5,
        "range" => 4,
        "approx" => 3,
        "at_least" | "at_most" => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_follow_value_kinds() {
        let at_least_900 = Interval::of(900.0, "at_least", None);
        let exact_902 = Interval::of(902.0, "exact", None);
        assert!(at_least_900.meets(&exact_902), "at least 900 allows 902");
        assert!(!Interval::of(1351.0, "exact", None).meets(&Interval::of(15000.0, "approx", None)));
        assert!(
            Interval::of(14000.0, "approx", None).meets(&Interval::of(15000.0, "approx", None))
        );
        assert!(Interval::of(7000.0, "range", Some(15000.0)).meets(&exact(14000.0)));
        assert!(
            Interval::of(200.0, "vague", None).meets(&exact(400.0)),
            "hundreds"
        );
        assert!(!Interval::of(200.0, "vague", None).meets(&exact(2000.0)));
        assert!(Interval::of(500.0, "at_most", None).meets(&exact(3.0)));
        assert!(exact(3_000_000.0).above(&exact(2_800_000.0)));
        assert!(!exact(902.0).above(&at_least_900));
    }

    fn exact(v: f64) -> Interval {
        Interval::of(v, "exact", None)
    }

    #[test]
    fn precision_orders_kinds() {
        assert!(precision("exact") > precision("approx"));
        assert!(precision("approx") > precision("at_least"));
        assert!(precision("at_least") > precision("vague"));
    }
}
