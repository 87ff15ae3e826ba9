-- sitrep store schema, version 4 on DuckDB: the store at scale.
--
-- DuckDB keeps every ART index (each PRIMARY KEY, UNIQUE and CREATE INDEX) whole in
-- memory, so they grew with the tables until, near 4,000 articles under the 128 MB cap,
-- a checkpoint could not pin them ("failed to pin block") and the database could not be
-- written again. Every table is rebuilt without them: DuckDB scans columns with min-max
-- zonemaps instead, the writer checks keys itself (`DuckDatabase.insert`), and rows
-- owned by an article are written only with their new article.

CREATE TABLE originals_v4 AS SELECT * FROM originals
;
DROP TABLE originals
;
ALTER TABLE originals_v4 RENAME TO originals
;
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
