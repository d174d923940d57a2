//! Normalised keys for names, so that transliteration variants meet: "Zelenskiy", "Zelensky",
//! "Zelenskyy" and "Zelenskij" all reduce to "zelenski".

/// Lower case with Latin diacritics removed and typographic apostrophes made plain.
pub(crate) fn fold_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    folded_chars(s).collect()
}

/// The characters of [`fold_lower`], one at a time.
fn folded_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(|c| match fold_char(c) {
        Some(f) => Folded::Str(f.chars()),
        None => Folded::Lower(c.to_lowercase()),
    })
}

/// What one character folds to.
enum Folded {
    Str(std::str::Chars<'static>),
    Lower(std::char::ToLowercase),
}

impl Iterator for Folded {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            Folded::Str(c) => c.next(),
            Folded::Lower(c) => c.next(),
        }
    }
}

fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'É' | 'È' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'ģ' | 'Ğ' | 'Ģ' => "g",
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Í' | 'Ì' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            "i"
        }
        'ķ' | 'Ķ' => "k",
        'ł' | 'ľ' | 'ĺ' | 'ļ' | 'Ł' | 'Ľ' | 'Ĺ' | 'Ļ' => "l",
        'ñ' | 'ń' | 'ň' | 'ņ' | 'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "n",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'ř' | 'ŕ' | 'Ř' | 'Ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ú' | 'Ù' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        '’' | 'ʼ' | '‘' => "'",
        '‐' | '‑' => "-",
        _ => return None,
    })
}

/// Strips a possessive "'s" / "’s" (or a bare trailing apostrophe) from a word.
pub(crate) fn strip_possessive(w: &str) -> &str {
    for suf in ["'s", "’s", "'S", "’S"] {
        if let Some(b) = w.strip_suffix(suf)
            && !b.is_empty()
        {
            return b;
        }
    }
    w
}

/// The key of one name word: folded lower case, "kh" → "h", "w" → "v", "y" → "i", "j" at the
/// end → "i", doubled letters single, apostrophes and hyphens dropped.
pub(crate) fn name_key(w: &str) -> String {
    let mut chars = folded_chars(strip_possessive(w))
        .filter(|c| c.is_alphanumeric())
        .peekable();
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    while let Some(mut c) = chars.next() {
        if c == 'k' && chars.peek() == Some(&'h') {
            c = 'h';
            chars.next();
        }
        let c = match c {
            'y' => 'i',
            'w' => 'v',
            'j' if !first && chars.peek().is_none() => 'i',
            c => c,
        };
        first = false;
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_key() {
        let k = name_key("Zelenskiy");
        for v in [
            "Zelensky",
            "Zelenskyy",
            "Zelenskiy’s",
            "ZELENSKY",
            "Zelenskij",
        ] {
            assert_eq!(name_key(v), k, "{v}");
        }
        assert_eq!(name_key("Boychenko"), name_key("Boichenko"));
        assert_eq!(name_key("Kolykhayev"), name_key("Kolyhayev"));
        assert_eq!(name_key("Çavuşoğlu"), name_key("Cavusoglu"));
        assert_ne!(name_key("Lavrov"), name_key("Kuleba"));
    }
}
