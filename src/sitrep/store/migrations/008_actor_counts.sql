-- What the actors page shows of each actor, kept on its row by the writer (each batch adds
-- its new mentions and aliases): how often it is mentioned, in how many articles, and its
-- aliases, joined by the unit separator chr(31). Reading them from `mentions` and
-- `actor_aliases` scanned the two tables for every page.

ALTER TABLE actors ADD COLUMN mentions INTEGER DEFAULT 0
;
ALTER TABLE actors ADD COLUMN articles INTEGER DEFAULT 0
;
ALTER TABLE actors ADD COLUMN aliases TEXT
;
UPDATE actors SET mentions = counted.mentions, articles = counted.articles
FROM (
    SELECT entity_id, COUNT(*) AS mentions, COUNT(DISTINCT article_id) AS articles
    FROM mentions WHERE entity = 'actor' GROUP BY entity_id
) counted
WHERE actors.id = counted.entity_id
;
UPDATE actors SET aliases = named.aliases
FROM (
    SELECT actor_id, string_agg(replace(alias, chr(31), ' '), chr(31) ORDER BY alias) AS aliases
    FROM actor_aliases GROUP BY actor_id
) named
WHERE actors.id = named.actor_id
