//! Figures as readers read them: "about 15,000", "at least 3.4 million", "hundreds".

/// A count with thousands separators, or in millions from one million up ("3.4 million").
pub fn number(v: f64) -> String {
    if !v.is_finite() {
        return String::from("?");
    }
    if v.abs() >= 1_000_000.0 {
        let m = v / 1_000_000.0;
        let s = format!("{m:.2}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        return format!("{s} million");
    }
    if v.fract().abs() > 1e-9 {
        return format!("{v:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned();
    }
    let digits = format!("{}", v.abs().round() as u64);
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if v < 0.0 { format!("-{out}") } else { out }
}

/// The words of a vague quantity, from its conventional lower bound.
fn vague(v: f64) -> String {
    match v {
        x if x >= 2_000_000.0 => "millions".into(),
        x if x >= 200_000.0 => "hundreds of thousands".into(),
        x if x >= 20_000.0 => "tens of thousands".into(),
        x if x >= 2_000.0 => "thousands".into(),
        x if x >= 200.0 => "hundreds".into(),
        x if x >= 24.0 => "dozens".into(),
        x => format!("some {}", number(x)),
    }
}

/// A figure with its value kind and unit: "at least 900", "about 15,000", "7,000 to 15,000",
/// "25% of", "1,200 tonnes".
pub fn figure(value: f64, kind: &str, value_max: Option<f64>, unit: &str) -> String {
    if unit == "share" {
        let pct = |x: f64| format!("{}%", number((x * 1000.0).round() / 10.0));
        return match (kind, value_max) {
            ("range", Some(hi)) => format!("{} to {}", pct(value), pct(hi)),
            _ => with_kind(kind, pct(value)),
        };
    }
    let base = match (kind, value_max) {
        ("vague", _) => vague(value),
        ("range", Some(hi)) => format!("{} to {}", number(value), number(hi)),
        _ => with_kind(kind, number(value)),
    };
    match unit {
        "people" | "" => base,
        u => format!("{base} {u}"),
    }
}

fn with_kind(kind: &str, n: String) -> String {
    match kind {
        "at_least" => format!("at least {n}"),
        "at_most" => format!("up to {n}"),
        "approx" => format!("about {n}"),
        _ => n,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_news_writes_them() {
        assert_eq!(number(14000.0), "14,000");
        assert_eq!(number(902.0), "902");
        assert_eq!(number(3_400_000.0), "3.4 million");
        assert_eq!(number(4_000_000.0), "4 million");
        assert_eq!(number(1_234_567.0), "1.23 million");
        assert_eq!(figure(900.0, "at_least", None, "people"), "at least 900");
        assert_eq!(figure(15000.0, "approx", None, "people"), "about 15,000");
        assert_eq!(
            figure(7000.0, "range", Some(15000.0), "people"),
            "7,000 to 15,000"
        );
        assert_eq!(figure(200.0, "vague", None, "people"), "hundreds");
        assert_eq!(figure(0.25, "exact", None, "share"), "25%");
        assert_eq!(figure(1200.0, "exact", None, "tonnes"), "1,200 tonnes");
        assert_eq!(
            figure(24.0, "at_least", None, "facilities"),
            "at least 24 facilities"
        );
    }
}
