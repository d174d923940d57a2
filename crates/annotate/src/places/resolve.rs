//! Disambiguation: one gazetteer entry per mention. A prior from population, level and own name
//! over alternate name, then rounds that add the countries and first-level regions the other
//! mentions point to, their land neighbours (`data/gazetteer/neighbours.txt`) and nearness to
//! the other mentions' readings; a repeated bare name follows its most specific reading.

use super::{Mention, PlaceTagger};
use crate::gazetteer::{FxMap, FxSet, Level, fuzzy, key_hash};
use std::cmp::Ordering;

impl PlaceTagger {
    /// Picks one entry per mention: population and level, then the countries, regions and
    /// neighbourhood the other mentions point to.
    pub(super) fn resolve(&self, mentions: &mut [Mention]) {
        let g = self.gaz;
        // Narrow by wanted level where that leaves something.
        for m in mentions.iter_mut() {
            if let Some(l) = m.want {
                let at_level = |ids: &[u32]| -> Vec<u32> {
                    ids.iter()
                        .copied()
                        .filter(|&id| g.place(id).is_some_and(|p| p.level == l))
                        .collect()
                };
                let mut at = at_level(&m.ids);
                if at.is_empty() && m.key.len() >= 4 {
                    at = at_level(g.fuzzy_ids(&fuzzy(&m.key)));
                }
                if !at.is_empty() {
                    m.ids = at;
                }
            }
            m.ids.truncate(64);
        }
        let prior_of = |m: &Mention, own_hash: u64, id: u32| -> f64 {
            let Some(p) = g.place(id) else {
                return f64::MIN;
            };
            let mut s = (f64::from(p.population) + 1.0).log10();
            if p.name_hash == own_hash {
                s += 0.5;
            }
            s += match p.level {
                Level::Country => 1.5,
                Level::Admin1 => 0.5,
                Level::Admin2 => 0.3,
                Level::City => 0.0,
            };
            // A bare name shared by a region and its main city is the city.
            if m.want.is_none() && p.level == Level::Admin1 {
                let city_same = m.ids.iter().any(|&o| {
                    g.place(o).is_some_and(|op| {
                        op.level == Level::City
                            && op.country == p.country
                            && op.population >= 50_000
                    })
                });
                if city_same {
                    s -= 3.0;
                }
            }
            s
        };
        let key_hashes: Vec<u64> = mentions.iter().map(|m| key_hash(&m.key)).collect();
        // The prior of each candidate, in the order of `Mention::ids` (which stay as they are
        // from here on: only `chosen` changes).
        let priors: Vec<Vec<f64>> = mentions
            .iter()
            .zip(&key_hashes)
            .map(|(m, &h)| m.ids.iter().map(|&id| prior_of(m, h, id)).collect())
            .collect();
        // Pass 1: prior only.
        for (mi, m) in mentions.iter_mut().enumerate() {
            m.chosen = best_by(&m.ids, |k, _| priors[mi][k]);
        }
        // Context from pass 1: countries and regions named, weighted by how sure each is.
        for _round in 0..2 {
            let mut countries: FxMap<[u8; 2], f64> = FxMap::default();
            let mut regions: FxMap<u32, f64> = FxMap::default();
            let mut points: Vec<(usize, f64, f64, f64)> = Vec::new();
            let mut keys_seen: FxSet<&str> = FxSet::default();
            for (mi, m) in mentions.iter().enumerate() {
                let Some(id) = m.chosen else { continue };
                let Some(p) = g.place(id) else { continue };
                let mut country_of = m
                    .ids
                    .iter()
                    .filter_map(|&c| g.place(c).map(|cp| cp.country));
                let one_country = country_of
                    .next()
                    .is_some_and(|first| country_of.all(|c| c == first));
                let sure = if m.ids.len() == 1 || m.qualified {
                    1.0
                } else if one_country {
                    0.8
                } else {
                    0.4
                };
                // Repeated names count once.
                let first = keys_seen.insert(m.key.as_str());
                let w = if first { sure } else { sure * 0.3 };
                *countries.entry(p.country).or_default() +=
                    w * if p.level == Level::Country { 1.5 } else { 1.0 };
                if p.level == Level::Admin1 {
                    *regions.entry(id).or_default() += w;
                } else if p.admin1 != u32::MAX {
                    *regions.entry(p.admin1).or_default() += w * 0.5;
                }
                if p.level == Level::Country {
                    // A country's centre counts weakly and only nearby.
                    points.push((mi, f64::from(p.lat), f64::from(p.lon), -sure));
                } else {
                    points.push((mi, f64::from(p.lat), f64::from(p.lon), sure));
                }
                // The other readings of a short ambiguous name count too, more weakly: two
                // ambiguous names near each other ("Huntsville" and "Walker County") pull
                // towards the pair that lies together.
                if first && m.ids.len() <= 8 {
                    for &c in &m.ids {
                        if Some(c) == m.chosen {
                            continue;
                        }
                        if let Some(cp) = g.place(c).filter(|cp| cp.level != Level::Country) {
                            points.push((mi, f64::from(cp.lat), f64::from(cp.lon), 0.6));
                        }
                    }
                }
            }
            let top = countries.values().copied().fold(0.0, f64::max).max(1e-9);
            let mut changed = false;
            for mi in 0..mentions.len() {
                let m = &mentions[mi];
                if m.ids.len() <= 1 {
                    continue;
                }
                let own_key = key_hashes[mi];
                let score = |k: usize, id: u32| -> f64 {
                    let Some(p) = g.place(id) else {
                        return f64::MIN;
                    };
                    let mut s = priors[mi][k];
                    // Evidence from this mention itself is left out.
                    let own = if m
                        .chosen
                        .and_then(|c| g.place(c))
                        .is_some_and(|c| c.country == p.country)
                    {
                        1.0
                    } else {
                        0.0
                    };
                    let c = (countries.get(&p.country).copied().unwrap_or(0.0) - own).max(0.0);
                    s += 3.0 * (c / top).min(1.0);
                    // A neighbour of a country the text is about.
                    if let Some(ns) = self.lex.neighbours.get(&p.country) {
                        let nb = ns
                            .iter()
                            .filter_map(|n| countries.get(n))
                            .copied()
                            .fold(0.0, f64::max);
                        s += (nb / top).min(1.0);
                    }
                    let a1 = if p.level == Level::Admin1 {
                        id
                    } else {
                        p.admin1
                    };
                    if a1 != u32::MAX {
                        let own_r = if m.chosen == Some(id) { 1.0 } else { 0.0 };
                        let r = (regions.get(&a1).copied().unwrap_or(0.0) - own_r).max(0.0);
                        s += 2.0 * r.min(1.0);
                    }
                    if p.level != Level::Country {
                        let mut best: f64 = 0.0;
                        let (plat, plon) = (f64::from(p.lat), f64::from(p.lon));
                        let coslat = plat.to_radians().cos();
                        for &(oi, lat, lon, sure) in &points {
                            if oi == mi || (lat - plat).abs() > 5.0 || key_hashes[oi] == own_key {
                                continue;
                            }
                            // Equirectangular distance: exact enough below 500 km.
                            let mut dlon = (lon - plon).abs();
                            if dlon > 180.0 {
                                dlon = 360.0 - dlon;
                            }
                            let dx = dlon * coslat * 111.32;
                            let dy = (lat - plat) * 110.57;
                            let d = (dx * dx + dy * dy).sqrt();
                            if sure < 0.0 {
                                let b = if d < 300.0 { 0.8 } else { 0.0 };
                                best = best.max(b * -sure);
                                continue;
                            }
                            let b = if d < 50.0 {
                                2.0
                            } else if d < 200.0 {
                                1.2
                            } else if d < 500.0 {
                                0.4
                            } else {
                                0.0
                            };
                            best = best.max(b * sure);
                        }
                        s += best;
                    }
                    s
                };
                let best = best_by(&m.ids, score);
                if best != m.chosen {
                    changed = true;
                }
                mentions[mi].chosen = best;
            }
            if !changed {
                break;
            }
        }
        // One place per name in a text: repeated bare names follow the most specific reading.
        // A reading narrowed by a level word ("Kyiv region") is not one: bare "Kyiv" in the same
        // text is still the city.
        let mut by_key: FxMap<String, u32> = FxMap::default();
        for m in mentions.iter() {
            if (m.qualified || m.ids.len() == 1)
                && m.want.is_none()
                && let Some(c) = m.chosen
            {
                by_key.entry(m.key.clone()).or_insert(c);
            }
        }
        for m in mentions.iter_mut() {
            if !m.qualified
                && m.want.is_none()
                && let Some(&c) = by_key.get(&m.key)
                && m.ids.contains(&c)
            {
                m.chosen = Some(c);
            }
        }
    }
}

/// The candidate with the highest score, the last of equals (as [`Iterator::max_by`] picks), each
/// score computed once. `score` is given the candidate's index in `ids` and its id.
fn best_by(ids: &[u32], mut score: impl FnMut(usize, u32) -> f64) -> Option<u32> {
    let mut best: Option<(u32, f64)> = None;
    for (k, &id) in ids.iter().enumerate() {
        let s = score(k, id);
        if best.is_none_or(|(_, b)| b.total_cmp(&s) != Ordering::Greater) {
            best = Some((id, s));
        }
    }
    best.map(|(id, _)| id)
}
