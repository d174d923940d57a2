//! The GeoNames gazetteer: countries, first-level regions, US and British counties and populated
//! places of 1,000 people or more, with their Latin-script alternate names.
//!
//! Owns the compiled-in data file `data/gazetteer/gazetteer.bin.gz` (built by
//! `scripts/build_gazetteer.py`; see `data/gazetteer/ATTRIBUTION`), the hand-kept
//! `data/gazetteer/variants.txt` (transliterations and abbreviations GeoNames lacks), and the two
//! name keys shared with the build script: [`fold`] (case, diacritics, apostrophes, hyphens) and
//! [`fuzzy`] (a transliteration skeleton). Entry point: [`Gazetteer::get`], decoded once per
//! process (about 0.1–0.2 s in a release build) and shared.
//!
//! Never does I/O at run time and never panics: a damaged data file yields an empty gazetteer.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

static DATA: &[u8] = include_bytes!("../data/gazetteer/gazetteer.bin.gz");
static VARIANTS: &str = include_str!("../data/gazetteer/variants.txt");

/// The administrative level of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Country,
    Admin1,
    Admin2,
    City,
}

impl Level {
    /// The name used in [`crate::Geo::level`].
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Country => "country",
            Level::Admin1 => "admin1",
            Level::Admin2 => "admin2",
            Level::City => "city",
        }
    }

    fn from_u8(b: u8) -> Option<Level> {
        Some(match b {
            0 => Level::Country,
            1 => Level::Admin1,
            2 => Level::Admin2,
            3 => Level::City,
            _ => return None,
        })
    }
}

/// One gazetteer entry. Entry ids are indexes ordered by population, largest first.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    /// GeoNames id, 0 where the source has none (admin regions outside the US).
    pub geonameid: u32,
    pub lat: f32,
    pub lon: f32,
    pub population: u32,
    /// ISO 3166-1 alpha-2 code.
    pub country: [u8; 2],
    pub level: Level,
    /// The entry id of the first-level region the place lies in, `u32::MAX` if unknown.
    pub admin1: u32,
    /// [`key_hash`] of the folded canonical name.
    pub name_hash: u64,
    name_start: u32,
    name_len: u32,
}

impl Place {
    pub fn country_str(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or("??")
    }
}

/// Keys are already hashes: pass them through.
#[derive(Debug, Default, Clone, Copy)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Index = HashMap<u64, (u32, u32), BuildHasherDefault<IdHasher>>;

/// FNV-1a for short string keys (faster than SipHash; the keys are not attacker-chosen).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash set of short strings with [`Fnv`].
pub type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<Fnv>>;

/// A small fast hasher (the Fx hash of rustc) for the lexicon tables and per-text sets: keys are
/// short words, read eight bytes at a time, and resistance to collision attacks is not needed.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
pub(crate) type FxSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fx>>;

/// A name key's hash (FNV-1a, 64 bits).
pub fn key_hash(key: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The gazetteer, decoded.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<Place>,
    names: String,
    postings: Vec<u32>,
    exact: Index,
    fuzzy: Index,
    /// Keys usable only right after "Place," ("Calif.", "Tenn."): key hash → entry ids.
    abbrev: HashMap<u64, Vec<u32>, BuildHasherDefault<IdHasher>>,
}

fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'œ' | 'Œ' => "oe",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        'ŀ' | 'Ŀ' => "l",
        'ŧ' | 'Ŧ' => "t",
        _ => return None,
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '´' | '‘' | 'ʻ')
}

/// Appends the name key of `s` to `out`: lower case, diacritics removed, apostrophes and dots
/// dropped, hyphens, commas and white space as one space. The build script uses the same rule.
pub fn fold(s: &str, out: &mut String) {
    let mut space = false;
    let mut push = |c: char, out: &mut String| {
        if is_apostrophe(c) || c == '.' {
            return;
        }
        if matches!(c, '-' | '‐' | '‑' | '–' | ',') || c.is_whitespace() {
            space = true;
            return;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            for l in c.to_lowercase() {
                out.push(l);
            }
        }
    };
    for c in s.chars() {
        if c.is_ascii() {
            push(c, out);
        } else if let Some(rep) = special(c) {
            for r in rep.chars() {
                push(r, out);
            }
        } else {
            let mut buf = [0u8; 4];
            for d in c.encode_utf8(&mut buf).nfkd() {
                if is_combining_mark(d) {
                    continue;
                }
                match special(d) {
                    Some(rep) => rep.chars().for_each(|r| push(r, out)),
                    None => push(d, out),
                }
            }
        }
    }
}

/// The transliteration skeleton of a folded key: no spaces, "zh"→"z", "kh"→"h", "j"/"y"→"i",
/// "ie"→"e", doubled letters single. Kyiv/Kiev stay apart (GeoNames lists both), but
/// Zaporizhzhia, Zaporizhia and Zaporizhzhya meet.
pub fn fuzzy(key: &str) -> String {
    // "j" → "y" → "i" is one mapping of both letters to "i"; it touches none of the letters of
    // "zh" and "kh", so it may come first. Each replacement runs only where its pair occurs.
    let mut s: String = key
        .chars()
        .filter(|&c| c != ' ')
        .map(|c| if matches!(c, 'j' | 'y') { 'i' } else { c })
        .collect();
    for (pair, single) in [("zh", "z"), ("kh", "h"), ("ie", "e")] {
        if s.contains(pair) {
            s = s.replace(pair, single);
        }
    }
    let mut last = None;
    s.retain(|c| {
        let keep = last != Some(c);
        last = Some(c);
        keep
    });
    s
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn bytes(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.b.get(self.at..end)?;
        self.at = end;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.bytes(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }
    fn i32(&mut self) -> Option<i32> {
        Some(i32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }
    fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            n |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }
    fn str(&mut self) -> Option<&str> {
        let n = usize::try_from(self.varint()?).ok()?;
        std::str::from_utf8(self.bytes(n)?).ok()
    }
}

impl Gazetteer {
    /// The shared gazetteer, decoded on first use.
    pub fn get() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let mut g = Gazetteer::decode(DATA).unwrap_or_default();
            g.add_variants(VARIANTS);
            g
        })
    }

    fn decode(gz: &[u8]) -> Option<Gazetteer> {
        let mut raw = Vec::with_capacity(16 << 20);
        flate2::read::GzDecoder::new(gz)
            .read_to_end(&mut raw)
            .ok()?;
        let mut r = Reader { b: &raw, at: 0 };
        if r.bytes(4)? != b"SGZ1" {
            return None;
        }
        let n = r.u32()? as usize;
        let mut g = Gazetteer {
            places: Vec::with_capacity(n.min(1 << 22)),
            ..Gazetteer::default()
        };
        let mut scratch = String::new();
        for _ in 0..n {
            let geonameid = u32::try_from(r.varint()?).ok()?;
            let lat = r.i32()? as f32 / 1e5;
            let lon = r.i32()? as f32 / 1e5;
            let population = u32::try_from(r.varint()?).unwrap_or(u32::MAX);
            let cc = r.bytes(2)?;
            let country = [cc[0], cc[1]];
            let level = Level::from_u8(r.u8()?)?;
            let admin1 = match r.varint()? {
                0 => u32::MAX,
                k => u32::try_from(k - 1).ok()?,
            };
            let name = r.str()?;
            scratch.clear();
            fold(name, &mut scratch);
            let name_hash = key_hash(&scratch);
            let name_start = u32::try_from(g.names.len()).ok()?;
            g.names.push_str(name);
            g.places.push(Place {
                geonameid,
                lat,
                lon,
                population,
                country,
                level,
                admin1,
                name_hash,
                name_start,
                name_len: u32::try_from(name.len()).ok()?,
            });
        }
        for fuzzy in [false, true] {
            let k = r.u32()? as usize;
            let mut index = Index::with_capacity_and_hasher(k.min(1 << 22), Default::default());
            for _ in 0..k {
                let key = r.str()?;
                let h = key_hash(key);
                let m = usize::try_from(r.varint()?).ok()?;
                let start = u32::try_from(g.postings.len()).ok()?;
                let mut id = 0u64;
                for _ in 0..m {
                    id += r.varint()?;
                    let id = u32::try_from(id).ok()?;
                    if (id as usize) < g.places.len() {
                        g.postings.push(id);
                    }
                }
                let end = u32::try_from(g.postings.len()).ok()?;
                // A hash collision (vanishingly rare) keeps the first key.
                index.entry(h).or_insert((start, end));
            }
            if fuzzy {
                g.fuzzy = index;
            } else {
                g.exact = index;
            }
        }
        g.postings.shrink_to_fit();
        g.names.shrink_to_fit();
        Some(g)
    }

    /// Adds `variant | canonical | CC [| flags]` lines: the variant names the largest entry whose
    /// name folds like `canonical` in that country (at the level given in flags: "city",
    /// "admin1"...). `abbr` variants only count after "Place, " or with inner dots ("S.C.").
    fn add_variants(&mut self, text: &str) {
        let mut extra: HashMap<u64, Vec<u32>> = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            if f.len() < 3 {
                continue;
            }
            let mut canon = String::new();
            fold(f[1], &mut canon);
            let flags = f.get(3).copied().unwrap_or("");
            let level = flags.split_whitespace().find_map(|w| match w {
                "country" => Some(Level::Country),
                "admin1" => Some(Level::Admin1),
                "admin2" => Some(Level::Admin2),
                "city" => Some(Level::City),
                _ => None,
            });
            let Some(id) = self.exact_ids(&canon).iter().copied().find(|&id| {
                let p = &self.places[id as usize];
                p.country_str() == f[2] && level.is_none_or(|l| p.level == l)
            }) else {
                continue;
            };
            let mut key = String::new();
            fold(f[0], &mut key);
            if key.is_empty() {
                continue;
            }
            if flags.split_whitespace().any(|w| w == "abbr") {
                self.abbrev.entry(key_hash(&key)).or_default().push(id);
            } else {
                extra.entry(key_hash(&key)).or_default().push(id);
                extra.entry(key_hash(&fuzzy(&key))).or_default();
            }
        }
        // Merge the variant ids into the exact index (a new postings range per touched key).
        for (h, ids) in extra {
            if ids.is_empty() {
                continue;
            }
            let mut all: Vec<u32> = match self.exact.get(&h) {
                Some(&(s, e)) => self.postings[s as usize..e as usize].to_vec(),
                None => Vec::new(),
            };
            all.extend(ids);
            all.sort_unstable();
            all.dedup();
            let start = self.postings.len() as u32;
            self.postings.extend(all);
            self.exact.insert(h, (start, self.postings.len() as u32));
        }
    }

    /// Entry ids for an exact (folded) key, largest population first.
    pub fn exact_ids(&self, key: &str) -> &[u32] {
        self.range(self.exact.get(&key_hash(key)))
    }

    /// Entry ids for a fuzzy key (see [`fuzzy`]).
    pub fn fuzzy_ids(&self, fkey: &str) -> &[u32] {
        self.range(self.fuzzy.get(&key_hash(fkey)))
    }

    /// Entry ids for an abbreviation that follows "Place, " ("Calif.", "Tenn.").
    pub fn abbrev_ids(&self, key: &str) -> &[u32] {
        self.abbrev
            .get(&key_hash(key))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    fn range(&self, r: Option<&(u32, u32)>) -> &[u32] {
        match r {
            Some(&(s, e)) => self.postings.get(s as usize..e as usize).unwrap_or(&[]),
            None => &[],
        }
    }

    pub fn place(&self, id: u32) -> Option<&Place> {
        self.places.get(id as usize)
    }

    pub fn name(&self, id: u32) -> &str {
        self.places
            .get(id as usize)
            .and_then(|p| {
                self.names
                    .get(p.name_start as usize..(p.name_start + p.name_len) as usize)
            })
            .unwrap_or("")
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// Great-circle distance in kilometres.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        let mut k = String::new();
        fold(s, &mut k);
        k
    }

    #[test]
    fn folds_like_the_build_script() {
        assert_eq!(key("Zaporizhzhya"), "zaporizhzhya");
        assert_eq!(key("St. Louis"), "st louis");
        assert_eq!(key("Winston-Salem"), "winston salem");
        assert_eq!(key("Kyiv’s"), "kyivs");
        assert_eq!(key("Bila Tserkva"), "bila tserkva");
        assert_eq!(key("Dnipró"), "dnipro");
        assert_eq!(key("Łódź"), "lodz");
        assert_eq!(key("Straße"), "strasse");
        assert_eq!(fuzzy("zaporizhzhia"), fuzzy("zaporizhia"));
        assert_eq!(fuzzy("zaporizhzhya"), fuzzy("zaporizhia"));
        assert_eq!(fuzzy("berdyansk"), fuzzy("berdiansk"));
        assert_eq!(fuzzy("odessa"), fuzzy("odesa"));
    }

    #[test]
    fn canonical_names_fold_to_their_keys() {
        let g = Gazetteer::get();
        assert!(g.len() > 100_000);
        let mut missing = 0;
        for id in (0..g.len() as u32).step_by(97) {
            let k = key(g.name(id));
            if !g.exact_ids(&k).contains(&id) {
                missing += 1;
            }
        }
        assert_eq!(missing, 0);
    }

    #[test]
    fn every_variant_names_an_entry() {
        let g = Gazetteer::get();
        let mut bad = Vec::new();
        for line in VARIANTS.lines() {
            let f: Vec<&str> = line.split('|').map(str::trim).collect();
            if line.starts_with('#') || f.len() < 3 {
                continue;
            }
            let ok = g
                .exact_ids(&key(f[1]))
                .iter()
                .any(|&id| g.place(id).is_some_and(|p| p.country_str() == f[2]));
            if !ok {
                bad.push(f[1]);
            }
        }
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn loads_fast_and_small() {
        let t = std::time::Instant::now();
        let g = Gazetteer::get();
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS"))
                    .map(str::to_string)
            })
            .unwrap_or_default();
        eprintln!(
            "gazetteer: {} entries, load {:?}, {rss}",
            g.len(),
            t.elapsed()
        );
        assert!(!g.is_empty());
    }
}
