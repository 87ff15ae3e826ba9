-- What the places page shows of each place, kept on its row by the writer (each batch adds
-- its new mentions), as migration 008 does for actors: how often it is mentioned, and how
-- many of those mentions say where something is (kind 'literal', or none on rows older
-- than migration 005), not an adjective ("Syrian forces"). Counting them from `mentions`
-- scanned that table, the largest in the store, for every page of places.

ALTER TABLE places ADD COLUMN mentions INTEGER DEFAULT 0
;
ALTER TABLE places ADD COLUMN literal_mentions INTEGER DEFAULT 0
;
UPDATE places SET mentions = counted.mentions, literal_mentions = counted.literal_mentions
FROM (
    SELECT entity_id, COUNT(*) AS mentions,
    SUM(CASE WHEN COALESCE(kind, 'literal') = 'literal' THEN 1 ELSE 0 END) AS literal_mentions
    FROM mentions WHERE entity = 'place' GROUP BY entity_id
) counted
WHERE places.id = counted.entity_id
