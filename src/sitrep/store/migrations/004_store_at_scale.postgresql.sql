-- sitrep store schema, version 4 on PostgreSQL, after 004_store_at_scale.sql: keys for the
-- new tables (B-trees live on disk, so they stay) and indexes for the event merge's
-- candidate query and for keyset pages.

ALTER TABLE story_bands ADD PRIMARY KEY (band_key, article_id)
;
ALTER TABLE presences ADD PRIMARY KEY (claim_id, actor_id, place_id)
;
ALTER TABLE contradictions ADD PRIMARY KEY (id)
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
