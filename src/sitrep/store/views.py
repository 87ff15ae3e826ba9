"""The SELECTs that turn stored rows into the rows the API returns.

Shared by the reads (`sql_store`) and by the contradictions computed at write time,
so a side of a contradiction carries exactly the fields its claim or report has.
Each ends before its WHERE clause.
"""

from __future__ import annotations

CONTROL_CHANGE_FIELDS = (
    "c.id, c.article_id, c.position, c.place_id, p.name AS place, p.latitude,"
    " p.longitude, c.from_actor_id, f.name AS from_actor, c.to_actor_id, t.name AS to_actor,"
    " c.date_start, c.date_end, c.partial, c.confidence, c.evidence_start, c.evidence_end,"
    " c.evidence_text AS evidence, a.outlet, a.url, a.source, a.cluster_id"
)
CONTROL_CHANGE_JOINS = (
    " JOIN places p ON p.id = c.place_id"
    " JOIN articles a ON a.id = c.article_id"
    " LEFT JOIN actors f ON f.id = c.from_actor_id"
    " LEFT JOIN actors t ON t.id = c.to_actor_id"
)
CONTROL_CHANGES = f"SELECT {CONTROL_CHANGE_FIELDS} FROM control_changes c{CONTROL_CHANGE_JOINS}"
# A page of changes is chosen from `control_changes` alone and joined after the LIMIT,
# as claims are (`CLAIM_PAGE`).
CONTROL_CHANGE_PAGE = "SELECT c.* FROM control_changes c"
CONTROL_CHANGE_PAGE_JOINED = (
    f"SELECT {CONTROL_CHANGE_FIELDS} FROM ({{page}}) c{CONTROL_CHANGE_JOINS}"
)

CLAIM_FIELDS = (
    'c.id, c.article_id, c.position, c.text, c.start_offset AS start, c.end_offset AS "end",'
    " c.source_type, c.source_name, c.source_actor_id, c.certainty, c.hedge, c.date_start"
)
CLAIM_SOURCE = "a.outlet, a.url, a.source, a.cluster_id"
CLAIMS = (
    f"SELECT {CLAIM_FIELDS}, {CLAIM_SOURCE} FROM claims c JOIN articles a ON a.id = c.article_id"
)
# A page of claims is chosen from `claims` alone and joined to its articles after the
# LIMIT: sorting the join would carry every claim's text and article through the sort.
CLAIM_PAGE = f"SELECT {CLAIM_FIELDS} FROM claims c"
CLAIM_PAGE_JOINED = (
    f"SELECT c.*, {CLAIM_SOURCE} FROM ({{page}}) c JOIN articles a ON a.id = c.article_id"
)

# (expression, name) of each field of an event report as evidence of its merged event.
REPORT_FIELDS = (
    ("r.id", "id"),
    ("r.situation_event_id", "situation_event_id"),
    ("r.article_id", "article_id"),
    ("r.status", "status"),
    ("r.trigger_text", "trigger"),
    ("r.source_type", "source_type"),
    ("r.source_name", "source_name"),
    ("r.confidence", "confidence"),
    ("r.evidence_start", "start"),
    ("r.evidence_end", "end"),
    ("r.evidence_text", "text"),
    ("r.date_start", "date_start"),
    ("a.stored_at", "stored_at"),
    ("a.cluster_id", "cluster_id"),
    ("a.outlet", "outlet"),
    ("a.url", "url"),
    ("a.source", "source"),
)
REPORTS_FROM = " FROM event_reports r JOIN articles a ON a.id = r.article_id"
EVENT_REPORTS = (
    "SELECT " + ", ".join(f'{field} AS "{name}"' for field, name in REPORT_FIELDS) + REPORTS_FROM
)
