//! English number words: "five", "forty-five", "a hundred", "two million", "three hundred and
//! five", and ordinal words ("third", "twenty-first"). Shared by the number and time taggers.

/// The value of a cardinal number word sequence, given as the words in order (lower case, hyphens
/// already split: `["forty", "five"]`). "a"/"an" count as one before a multiplier ("a hundred").
/// Returns `None` if any word is not a number word or the sequence is malformed.
pub fn cardinal(words: &[&str]) -> Option<f64> {
    if words.is_empty() {
        return None;
    }
    let mut total = 0.0_f64;
    let mut current = 0.0_f64;
    let mut seen_digit_word = false;
    for (i, w) in words.iter().enumerate() {
        let w = *w;
        if w == "and" && i > 0 && i + 1 < words.len() {
            continue;
        }
        if (w == "a" || w == "an") && i + 1 < words.len() && multiplier(words[i + 1]).is_some() {
            current = 1.0;
            seen_digit_word = true;
            continue;
        }
        if let Some(v) = unit_or_ten(w) {
            current += v;
            seen_digit_word = true;
        } else if let Some(m) = multiplier(w) {
            if !seen_digit_word {
                return None;
            }
            if m == 100.0 {
                current = if current == 0.0 {
                    100.0
                } else {
                    current * 100.0
                };
            } else {
                total += if current == 0.0 { 1.0 } else { current } * m;
                current = 0.0;
            }
        } else {
            return None;
        }
    }
    seen_digit_word.then_some(total + current)
}

/// The value of a single unit, teen or ten word ("zero" to "ninety").
pub fn unit_or_ten(w: &str) -> Option<f64> {
    let v = match w {
        "zero" | "nil" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(f64::from(v))
}

/// The value of a multiplier word ("hundred", "thousand", "million", "billion", "trillion").
pub fn multiplier(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// The value of an ordinal word: "first" → 1, "twenty-first" (as `["twenty", "first"]`) → 21.
pub fn ordinal(words: &[&str]) -> Option<f64> {
    let (last, head) = words.split_last()?;
    let base = match *last {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        _ => return None,
    };
    let base = f64::from(base);
    if head.is_empty() {
        return Some(base);
    }
    let prefix = cardinal(head)?;
    Some(if base >= 100.0 {
        prefix * base
    } else {
        prefix + base
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Option<f64> {
        let words: Vec<&str> = s.split([' ', '-']).collect();
        cardinal(&words)
    }

    #[test]
    fn cardinals() {
        assert_eq!(c("five"), Some(5.0));
        assert_eq!(c("forty-five"), Some(45.0));
        assert_eq!(c("a hundred"), Some(100.0));
        assert_eq!(c("two million"), Some(2e6));
        assert_eq!(c("three hundred and five"), Some(305.0));
        assert_eq!(c("one hundred twenty thousand"), Some(120_000.0));
        assert_eq!(c("two million five hundred thousand"), Some(2_500_000.0));
        assert_eq!(c("hundred"), None);
        assert_eq!(c("five apples"), None);
        assert_eq!(c("and"), None);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ordinal(&["third"]), Some(3.0));
        assert_eq!(ordinal(&["twenty", "first"]), Some(21.0));
        assert_eq!(ordinal(&["one", "hundredth"]), Some(100.0));
        assert_eq!(ordinal(&["fifth", "x"]), None);
    }
}
