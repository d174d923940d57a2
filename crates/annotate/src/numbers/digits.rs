//! Digit strings with group separators and decimal points, as the tokenizer gives them:
//! "14,000", "2.1", "2,90,000" (Indian grouping), "1.234.567" (dots as group separators),
//! "1,3" (a decimal comma), and lists glued by commas or dots ("22,24,26", "192.168.1.2").

/// What a digit string means.
#[derive(Debug, Clone, PartialEq)]
pub enum Digits {
    /// One number. `plain` is true when the string has no separators at all ("2014").
    Value { value: f64, plain: bool },
    /// Several numbers glued together by separators: the byte ranges of each, relative to the
    /// string.
    List(Vec<(usize, usize)>),
}

/// Parses a string of ASCII digits with inner ',' and '.' (as made by the tokenizer). Returns
/// `None` for anything else.
pub fn parse(s: &str) -> Option<Digits> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let commas = s.bytes().filter(|&b| b == b',').count();
    let dots = s.bytes().filter(|&b| b == b'.').count();
    let value = |clean: &str| clean.parse::<f64>().ok();
    match (commas, dots) {
        (0, 0) => Some(Digits::Value {
            value: value(s)?,
            plain: true,
        }),
        (0, 1) => Some(Digits::Value {
            value: value(s)?,
            plain: false,
        }),
        (_, 0) => {
            let groups: Vec<&str> = s.split(',').collect();
            if thousands(&groups) || indian(&groups) {
                Some(Digits::Value {
                    value: value(&s.replace(',', ""))?,
                    plain: false,
                })
            } else if groups.len() == 2 {
                // "1,3": a decimal comma.
                Some(Digits::Value {
                    value: value(&s.replace(',', "."))?,
                    plain: false,
                })
            } else {
                Some(list(s, b','))
            }
        }
        (0, _) => {
            let groups: Vec<&str> = s.split('.').collect();
            if thousands(&groups) {
                Some(Digits::Value {
                    value: value(&s.replace('.', ""))?,
                    plain: false,
                })
            } else {
                Some(list(s, b'.'))
            }
        }
        _ => {
            let first_comma = s.find(',')?;
            let first_dot = s.find('.')?;
            if first_comma < first_dot && dots == 1 {
                // "1,234.5"
                let (int, frac) = s.split_at(first_dot);
                let groups: Vec<&str> = int.split(',').collect();
                if thousands(&groups) || indian(&groups) {
                    return Some(Digits::Value {
                        value: value(&format!("{}{}", int.replace(',', ""), frac))?,
                        plain: false,
                    });
                }
                Some(list(s, b','))
            } else if first_dot < first_comma && commas == 1 {
                // "1.234,5"
                let (int, frac) = s.split_at(first_comma);
                let groups: Vec<&str> = int.split('.').collect();
                if thousands(&groups) {
                    return Some(Digits::Value {
                        value: value(&format!("{}.{}", int.replace('.', ""), &frac[1..]))?,
                        plain: false,
                    });
                }
                Some(list(s, b'.'))
            } else {
                Some(list(s, b','))
            }
        }
    }
}

/// "1,234,567": a first group of one to three digits, then groups of three.
fn thousands(groups: &[&str]) -> bool {
    groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// "2,90,000", "1,23,45,678": Indian grouping (groups of two, then three).
fn indian(groups: &[&str]) -> bool {
    let n = groups.len();
    n >= 3
        && (1..=2).contains(&groups[0].len())
        && groups[1..n - 1].iter().all(|g| g.len() == 2)
        && groups[n - 1].len() == 3
}

/// Splits at every separator `sep` (and at the other one too), keeping the digit runs.
fn list(s: &str, _sep: u8) -> Digits {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b',' || b == b'.' {
            if i > start {
                parts.push((start, i));
            }
            start = i + 1;
        }
    }
    if s.len() > start {
        parts.push((start, s.len()));
    }
    Digits::List(parts)
}

#[cfg(test)]
/// Writes `n` with a separator every three digits: 1234567 → "1,234,567".
pub fn group_thousands(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Option<f64> {
        match parse(s)? {
            Digits::Value { value, .. } => Some(value),
            Digits::List(_) => None,
        }
    }

    #[test]
    fn separators_and_decimals() {
        assert_eq!(v("14,000"), Some(14_000.0));
        assert_eq!(v("2.1"), Some(2.1));
        assert_eq!(v("2,90,000"), Some(290_000.0));
        assert_eq!(v("1,23,45,678"), Some(12_345_678.0));
        assert_eq!(v("1.234.567"), Some(1_234_567.0));
        assert_eq!(v("3,456.75"), Some(3456.75));
        assert_eq!(v("3.456,75"), Some(3456.75));
        assert_eq!(v("7,5"), Some(7.5));
        assert_eq!(v("0042"), Some(42.0));
        assert_eq!(
            parse("10.0.0.1"),
            Some(Digits::List(vec![(0, 2), (3, 4), (5, 6), (7, 8)]))
        );
        assert_eq!(
            parse("3,5,7"),
            Some(Digits::List(vec![(0, 1), (2, 3), (4, 5)]))
        );
        assert_eq!(parse("12a"), None);
    }

    proptest::proptest! {
        #[test]
        fn grouped_integers_parse_back(n in 0u64..1_000_000_000_000) {
            proptest::prop_assert_eq!(v(&group_thousands(n, ',')), Some(n as f64));
            if n >= 1_000_000 {
                // One dot is a decimal point ("4.800"); two or more are group separators.
                proptest::prop_assert_eq!(v(&group_thousands(n, '.')), Some(n as f64));
            }
        }
    }
}
