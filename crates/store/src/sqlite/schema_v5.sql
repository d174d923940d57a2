-- sitrep schema, version 5: the part of a place a claim covers.

-- "1,347 died in government-held areas" covers a part of Syria (extract: Claim::scope). The
-- scope is also the end of place_key ("#163843|government-held areas"), so that reconciliation
-- and the exports never compare a part with the whole. Claims stored before have none; their
-- articles are extracted again by `reindex` (extract::RULES_VERSION).
ALTER TABLE claims ADD COLUMN scope TEXT;
