-- sitrep store schema, version 4: the store at scale (this file, then the one written for
-- the dialect: 004_store_at_scale.duckdb.sql drops every index, .postgresql.sql adds keys
-- and the indexes the merge and the keyset pages use).
--
-- New tables: `story_bands` (MinHash LSH bands, so a body's near-duplicates are looked
-- up, not loaded), `presences` (a person placed somewhere on a day, by a claim) and
-- `contradictions` (computed as articles are stored). Statements are separated by lines
-- holding only ";".

CREATE TABLE story_bands (
    article_id TEXT NOT NULL,
    band_key BIGINT NOT NULL      -- hash of one LSH band of the body's MinHash signature
)
;
CREATE TABLE presences (
    claim_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,       -- the person placed
    actor TEXT NOT NULL,
    day TEXT NOT NULL,            -- the claim's day
    place_id TEXT NOT NULL,
    place TEXT NOT NULL,
    country TEXT,
    location_precision TEXT,
    cluster_id TEXT NOT NULL      -- the claim's source cluster
)
;
CREATE TABLE contradictions (
    id TEXT NOT NULL,             -- kind and both sides: recorded once
    kind TEXT NOT NULL,           -- control, location or status
    subject TEXT,
    day TEXT,
    place_id TEXT,                -- for the filters: the place(s) and actor(s) involved
    other_place_id TEXT,
    actor_id TEXT,
    other_actor_id TEXT,
    claim TEXT NOT NULL,          -- JSON: one side, with its text and sources
    contradiction TEXT NOT NULL   -- JSON: the other side
)
