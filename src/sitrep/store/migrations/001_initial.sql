-- sitrep store schema, version 1. Portable between DuckDB and PostgreSQL:
-- TEXT ids derived from hashes, ISO dates as TEXT, no sequences, no vendor types.
-- Statements are separated by lines holding only ";".

CREATE TABLE sources (
    id TEXT PRIMARY KEY,          -- hash of the normalised outlet name
    name TEXT NOT NULL
)
;
CREATE TABLE articles (
    id TEXT PRIMARY KEY,          -- Article.content_hash: one row per version
    source TEXT NOT NULL,         -- path or URL it was read from
    url TEXT,
    version INTEGER NOT NULL,     -- 1, 2, ... per URL (or source) as new content arrives
    source_id TEXT,               -- sources.id of the outlet
    title TEXT,
    outlet TEXT,
    published TEXT,               -- ISO timestamp
    date_start TEXT,              -- ISO day of publication
    input_kind TEXT NOT NULL,
    language TEXT,
    authors TEXT NOT NULL,        -- JSON list
    body TEXT NOT NULL,
    cluster_id TEXT NOT NULL,     -- articles.id of the first near-duplicate body (MinHash)
    minhash TEXT NOT NULL,        -- JSON list of the body's MinHash signature
    data TEXT NOT NULL,           -- the whole Article as JSON (Article.to_dict())
    stored_at TEXT NOT NULL
)
;
CREATE TABLE actors (
    id TEXT PRIMARY KEY,          -- hash of kind and normalised canonical name
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    sector TEXT,
    country TEXT
)
;
CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL,
    alias TEXT NOT NULL,          -- as written
    alias_key TEXT NOT NULL,      -- normalised for matching
    PRIMARY KEY (actor_id, alias_key)
)
;
CREATE TABLE places (
    id TEXT PRIMARY KEY,          -- "gn:<geonames id>" or a hash of the unresolved name
    name TEXT NOT NULL,
    geonames_id BIGINT,
    latitude FLOAT8,
    longitude FLOAT8,
    country TEXT,
    feature_class TEXT,
    feature_code TEXT,
    location_precision TEXT NOT NULL
)
;
CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    entity TEXT NOT NULL,         -- 'actor' or 'place'
    entity_id TEXT NOT NULL,      -- actors.id or places.id
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL
)
;
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    direct BOOLEAN NOT NULL,
    speaker TEXT,
    speaker_actor_id TEXT,
    channel TEXT
)
;
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    source_type TEXT NOT NULL,
    source_name TEXT,
    source_actor_id TEXT,
    certainty TEXT NOT NULL,
    hedge TEXT,
    date_start TEXT               -- the article's publication day
)
;
CREATE TABLE situation_events (
    id TEXT PRIMARY KEY,          -- the id of its first report
    type TEXT NOT NULL,
    mode TEXT,
    actor_id TEXT,
    target_id TEXT,
    place_id TEXT,
    date_start TEXT,
    date_end TEXT,
    date_precision TEXT,
    acled_type TEXT,
    acled_subtype TEXT
)
;
CREATE TABLE event_reports (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,       -- Event.id inside the article
    situation_event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    status TEXT NOT NULL,
    trigger_text TEXT NOT NULL,
    actor_id TEXT,
    target_id TEXT,
    place_id TEXT,
    date_start TEXT,              -- the event's date, else the article's publication day
    date_end TEXT,
    date_precision TEXT,
    acled_type TEXT,
    acled_subtype TEXT,
    source_type TEXT NOT NULL,
    source_name TEXT,
    confidence FLOAT8 NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL
)
;
CREATE TABLE control_changes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    place_id TEXT NOT NULL,
    from_actor_id TEXT,
    to_actor_id TEXT,
    date_start TEXT,              -- the change's date, else the article's publication day
    date_end TEXT,
    partial BOOLEAN NOT NULL,
    confidence FLOAT8 NOT NULL,
    event_report_id TEXT,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL
)
;
CREATE TABLE errors (
    id TEXT PRIMARY KEY,          -- hash of source, code and content hash: recorded once
    source TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    content_hash TEXT,
    recorded_at TEXT NOT NULL
)
;
CREATE INDEX articles_url ON articles (url)
;
CREATE INDEX actor_aliases_key ON actor_aliases (alias_key)
;
CREATE INDEX event_reports_event ON event_reports (situation_event_id)
;
CREATE INDEX situation_events_type ON situation_events (type)
;
CREATE INDEX control_changes_place ON control_changes (place_id)
