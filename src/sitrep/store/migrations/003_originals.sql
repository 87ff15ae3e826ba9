-- The original of each article: the text sitrep decoded from its input, capped at
-- sitrep.read.ORIGINAL_MAX_CHARS. `/api/articles/{id}/original` serves only this, never a
-- path or URL stored as the article's source. Kept apart from `articles` so that listing
-- and reading articles never loads it. Articles stored before this migration have none.

CREATE TABLE originals (
    article_id TEXT PRIMARY KEY,  -- articles.id
    text TEXT NOT NULL
)
;
