//! Normalised keys for names, so that transliteration variants meet: "Zelenskiy", "Zelensky",
//! "Zelenskyy" and "Zelenskij" all reduce to "zelenski".

/// Lower case with Latin diacritics removed and typographic apostrophes made plain.
pub(crate) fn fold_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        match fold_char(c) {
            Some(f) => out.push_str(f),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
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
    let f = fold_lower(strip_possessive(w));
    let mut out = String::with_capacity(f.len());
    let chars: Vec<char> = f.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut k = 0;
    while k < chars.len() {
        let mut c = chars[k];
        if c == 'k' && chars.get(k + 1) == Some(&'h') {
            c = 'h';
            k += 1;
        }
        let c = match c {
            'y' => 'i',
            'w' => 'v',
            'j' if k + 1 == chars.len() && k > 0 => 'i',
            c => c,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
        k += 1;
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
