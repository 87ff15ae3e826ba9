-- sitrep store schema, version 2: each event report names the claim it rests on (its
-- position among the article's claims), so a claim can count the independent sources
-- that report the same merged event.

ALTER TABLE event_reports ADD COLUMN claim_position INTEGER
;
CREATE INDEX event_reports_claim ON event_reports (article_id, claim_position)
;
