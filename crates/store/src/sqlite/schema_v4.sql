-- sitrep schema, version 4: claims keyed by place as reconciliation compares them.

-- The place a claim is about, as places compare (model::ClaimRow::place_key): its GeoNames id
-- where the gazetteer placed it ("Kiev" and "Kyiv" are one place), else its name in lower case.
-- The exports read claims in this key's order, one figure at a time.
ALTER TABLE claims ADD COLUMN place_key TEXT;
UPDATE claims SET place_key = CASE
    WHEN place IS NULL THEN NULL
    WHEN geonameid IS NOT NULL THEN '#' || geonameid
    ELSE lower(place)
END;
DROP INDEX claims_key;
CREATE INDEX claims_key ON claims (metric, grp, side, place_key, as_of);
