-- sitrep store schema, version 4 on DuckDB: the store at scale.
--
-- DuckDB keeps every ART index (each PRIMARY KEY, UNIQUE and CREATE INDEX) whole in
-- memory, so they grew with the tables until, near 4,000 articles under the 128 MB cap,
-- a checkpoint could not pin them ("failed to pin block") and the database could not be
-- written again. Every table is rebuilt without them: DuckDB scans columns with min-max
-- zonemaps instead, the writer checks keys itself (`DuckDatabase.insert`), and rows
-- owned by an article are written only with their new article.
--
-- New tables: `story_bands` (MinHash LSH bands, so a body's near-duplicates are looked
-- up, not loaded), `presences` (a person placed somewhere on a day, by a claim) and
-- `contradictions` (computed as articles are stored). Statements are separated by lines
-- holding only ";".

CREATE TABLE sources_v4 AS SELECT * FROM sources
;
DROP TABLE sources
;
ALTER TABLE sources_v4 RENAME TO sources
;
CREATE TABLE articles_v4 AS SELECT * FROM articles
;
DROP TABLE articles
;
ALTER TABLE articles_v4 RENAME TO articles
;
CREATE TABLE actors_v4 AS SELECT * FROM actors
;
DROP TABLE actors
;
ALTER TABLE actors_v4 RENAME TO actors
;
CREATE TABLE actor_aliases_v4 AS SELECT * FROM actor_aliases
;
DROP TABLE actor_aliases
;
ALTER TABLE actor_aliases_v4 RENAME TO actor_aliases
;
CREATE TABLE places_v4 AS SELECT * FROM places
;
DROP TABLE places
;
ALTER TABLE places_v4 RENAME TO places
;
CREATE TABLE mentions_v4 AS SELECT * FROM mentions
;
DROP TABLE mentions
;
ALTER TABLE mentions_v4 RENAME TO mentions
;
CREATE TABLE quotes_v4 AS SELECT * FROM quotes
;
DROP TABLE quotes
;
ALTER TABLE quotes_v4 RENAME TO quotes
;
CREATE TABLE claims_v4 AS SELECT * FROM claims
;
DROP TABLE claims
;
ALTER TABLE claims_v4 RENAME TO claims
;
CREATE TABLE situation_events_v4 AS SELECT * FROM situation_events
;
DROP TABLE situation_events
;
ALTER TABLE situation_events_v4 RENAME TO situation_events
;
CREATE TABLE event_reports_v4 AS SELECT * FROM event_reports
;
DROP TABLE event_reports
;
ALTER TABLE event_reports_v4 RENAME TO event_reports
;
CREATE TABLE control_changes_v4 AS SELECT * FROM control_changes
;
DROP TABLE control_changes
;
ALTER TABLE control_changes_v4 RENAME TO control_changes
;
CREATE TABLE errors_v4 AS SELECT * FROM errors
;
DROP TABLE errors
;
ALTER TABLE errors_v4 RENAME TO errors
;
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
