-- DuckDB keeps an article's large parts (its record as JSON, its original) in a file of
-- their own beside the store (`sitrep.store.pack` says why); this table says where each
-- part lies in it. The chunks an older store holds in `article_payloads` are moved by
-- `SqlStore` when a writer first opens it.

CREATE TABLE payload_spans (
    article_id TEXT NOT NULL,     -- articles.id
    part TEXT NOT NULL,           -- 'article' or 'original', as in article_payloads
    start_offset BIGINT NOT NULL, -- where the part's zlib-compressed UTF-8 starts in the pack
    byte_length INTEGER NOT NULL  -- and how many bytes it takes
)
