use model::Fingerprint;

/// Layout of an LSH index: `bands × rows` hash functions; `salt` keeps the key spaces of
/// different fingerprints apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LshParams {
    pub bands: usize,
    pub rows: usize,
    pub salt: u64,
}

impl LshParams {
    pub fn hashes(&self) -> usize {
        self.bands * self.rows
    }
}

/// Multiply-shift coefficients of the hash family, derived from a fixed seed by SplitMix64 so
/// that signatures are stable across runs, machines and versions.
fn coefficients(n: usize, salt: u64) -> impl Iterator<Item = (u64, u64)> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ salt;
    let mut next = move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    (0..n).map(move |_| (next() | 1, next()))
}

/// MinHash signature and band keys of a set of shingle hashes. A set smaller than `min_len`
/// gets an empty fingerprint: too little text to judge similarity.
pub fn sign(shingles: &[u64], p: LshParams, min_len: usize) -> Fingerprint {
    if shingles.len() < min_len {
        return Fingerprint {
            minhash: Vec::new(),
            band_keys: Vec::new(),
        };
    }
    let coeffs: Vec<(u64, u64)> = coefficients(p.hashes(), p.salt).collect();
    let mut mins = vec![u32::MAX; coeffs.len()];
    for &s in shingles {
        for (m, &(a, b)) in mins.iter_mut().zip(&coeffs) {
            let h = (a.wrapping_mul(s).wrapping_add(b) >> 32) as u32;
            if h < *m {
                *m = h;
            }
        }
    }
    let band_keys = mins
        .chunks_exact(p.rows)
        .enumerate()
        .map(|(band, rows)| {
            let mut h = xxhash_rust::xxh3::Xxh3::with_seed(p.salt);
            h.update(&(band as u32).to_le_bytes());
            for r in rows {
                h.update(&r.to_le_bytes());
            }
            // SQLite integers are signed 64-bit; keep keys in the positive half so that both
            // backends store them unchanged.
            h.digest() >> 1
        })
        .collect();
    Fingerprint {
        minhash: mins,
        band_keys,
    }
}

/// Share of equal minima: an unbiased estimate of the Jaccard similarity of the two sets.
/// Zero when either text was too short to sign.
pub fn estimate_jaccard(a: &Fingerprint, b: &Fingerprint) -> f64 {
    if a.minhash.is_empty() || a.minhash.len() != b.minhash.len() {
        return 0.0;
    }
    let equal = a
        .minhash
        .iter()
        .zip(&b.minhash)
        .filter(|(x, y)| x == y)
        .count();
    equal as f64 / a.minhash.len() as f64
}
