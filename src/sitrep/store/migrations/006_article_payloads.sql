-- The article's full record and its original move out of `articles.data` and
-- `originals.text` into compressed chunks (sitrep.store.payloads says why). The rows an
-- older database holds are moved by `SqlStore`, which then drops `articles.data`,
-- `articles.body` (a copy of what the record holds) and `originals`.

CREATE TABLE article_payloads (
    article_id TEXT NOT NULL,     -- articles.id
    part TEXT NOT NULL,           -- 'article' (the record as JSON) or 'original'
    seq INTEGER NOT NULL,         -- the chunk's place in the part, from 0
    chunk BYTEA NOT NULL          -- a piece of the part's zlib-compressed UTF-8
)
