-- sitrep store schema, version 4 on PostgreSQL: the store at scale.
--
-- New tables: `story_bands` (MinHash LSH bands, so a body's near-duplicates are looked
-- up, not loaded), `presences` (a person placed somewhere on a day, by a claim) and
-- `contradictions` (computed as articles are stored); indexes for the event merge's
-- candidate query and for keyset pages. (On DuckDB the same version drops every index
-- instead: see 004_store_at_scale.duckdb.sql.)

CREATE TABLE story_bands (
    article_id TEXT NOT NULL,
    band_key BIGINT NOT NULL,     -- hash of one LSH band of the body's MinHash signature
    PRIMARY KEY (band_key, article_id)
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
    cluster_id TEXT NOT NULL,     -- the claim's source cluster
    PRIMARY KEY (claim_id, actor_id, place_id)
)
;
CREATE TABLE contradictions (
    id TEXT PRIMARY KEY,          -- kind and both sides: recorded once
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
;
CREATE INDEX presences_actor_day ON presences (actor_id, day)
;
CREATE INDEX contradictions_page ON contradictions (day, id)
;
CREATE INDEX situation_events_place_window ON situation_events (type, place_id, date_start)
;
CREATE INDEX situation_events_actor_window ON situation_events (type, actor_id, date_start)
;
CREATE INDEX situation_events_page ON situation_events (date_start, id)
;
CREATE INDEX articles_page ON articles (date_start, id)
;
CREATE INDEX claims_page ON claims (date_start, article_id, position)
;
CREATE INDEX claims_article ON claims (article_id, position)
;
CREATE INDEX mentions_article ON mentions (article_id)
;
CREATE INDEX mentions_entity ON mentions (entity_id)
;
CREATE INDEX quotes_article ON quotes (article_id, position)
;
CREATE INDEX control_changes_place_day ON control_changes (place_id, date_start)
;
CREATE INDEX event_reports_article ON event_reports (article_id)
;
CREATE INDEX errors_page ON errors (recorded_at, id)
;
CREATE INDEX actors_page ON actors (name, id)
;
CREATE INDEX places_page ON places (name, id)
