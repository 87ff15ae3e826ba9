-- How a place is named in each mention: 'literal' (where something is or happens) or
-- 'adjectival' (a demonym or a qualifier: "Syrian", "the Iraqi militias"). Actor mentions
-- and place mentions stored before this migration have none, and count as literal.
-- The map and the place counts of where things happened read literal mentions only.

ALTER TABLE mentions ADD COLUMN kind TEXT
;
