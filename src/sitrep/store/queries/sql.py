"""What the store's queries share: parameters bound by name, the filters of a
`QueryFilter` as a WHERE clause, and keyset pages.

A query writes each parameter as `:name` (`bind` turns them into the drivers' `?` and
lists the values in order), so a fragment that uses one value twice ("the actor or the
target is this actor") names it twice instead of counting its marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from typing_extensions import TypedDict

from sitrep.names import name_key
from sitrep.store.api import QueryFilter, Row, Rows, decode_cursor, encode_cursor
from sitrep.store.db import Database

# The ids of the actors an actor filter names (canonical name or alias).
ACTOR_KEYS = "SELECT actor_id FROM actor_aliases WHERE alias_key = :actor"
# The stored places a place filter covers, resolved by `places.places_named` and passed
# as one array.
PLACE_IDS = "SELECT unnest(CAST(:places AS TEXT[]))"
# A sort column that may be NULL sorts (and pages) as the empty string.
NO_DAY = "''"
# A `:name` parameter; "::" (a PostgreSQL cast) and names inside words are not one.
_PARAMETER = re.compile(r"(?<![:\w]):([a-z_][a-z0-9_]*)")

Order = tuple[tuple[str, str], ...]  # (sort expression, the row's key for it), unique overall


class PassageRow(TypedDict):
    """A stretch of an article's body (a claim, a quote): where it is and what it says."""

    id: str
    article_id: str
    position: int  # its rank among the article's claims (or quotes)
    text: str
    start: int  # character offsets in the article's body
    end: int


def bind(sql: str, values: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """`sql` with each `:name` made `?`, and the values in the order they appear;
    a name without a value is a KeyError."""
    params: list[Any] = []

    def mark(found: re.Match[str]) -> str:
        params.append(values[found.group(1)])
        return "?"

    return _PARAMETER.sub(mark, sql), params


def where(
    query: QueryFilter,
    *,
    day: str | None = None,
    day_start: str | None = None,
    day_end: str | None = None,
    event_type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    source_type: str | None = None,
    article: str | None = None,
    text: str | None = None,
    place_ids: Callable[[str], list[str]] | None = None,
) -> tuple[str, dict[str, Any]]:
    """A WHERE clause for the filters this table supports, with its named values.

    `day` is a column holding one ISO day; `day_start`/`day_end` a range that must
    overlap the filter's; `actor`, `place`, `source_type` and `article` are conditions on
    `:actor` (the name's key), `:places` (the ids `place_ids` gives for the name),
    `:source_type` and `:article` (a bare column is compared with it); `text` a column
    searched for the filter's text as typed (no wildcards: `%` and `_` match themselves).
    A filter the table cannot apply is ignored.
    """
    clauses: list[str] = []
    values: dict[str, Any] = {}
    start_column, end_column = day_start or day, day_end or day
    if query.date_from and end_column:
        clauses.append(f"{end_column} >= :date_from")
        values["date_from"] = query.date_from.isoformat()
    if query.date_to and start_column:
        clauses.append(f"{start_column} <= :date_to")
        values["date_to"] = query.date_to.isoformat()
    if query.event_type and event_type:
        clauses.append(f"{event_type} = :event_type")
        values["event_type"] = query.event_type.upper()
    if query.actor and actor:
        clauses.append(actor)
        values["actor"] = name_key(query.actor)
    if query.source_type and source_type:
        clauses.append(source_type)
        values["source_type"] = query.source_type
    if query.place and place and place_ids:
        clauses.append(place)
        values["places"] = place_ids(query.place)
    if query.article_id and article:
        clauses.append(article if ":article" in article else f"{article} = :article")
        values["article"] = query.article_id
    if query.text and text:
        clauses.append(f"LOWER({text}) LIKE :text ESCAPE '!'")
        literal = query.text.lower().replace("!", "!!").replace("%", "!%").replace("_", "!_")
        values["text"] = f"%{literal}%"
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), values


def page(
    database: Database,
    select: str,
    filtered: tuple[str, dict[str, Any]],
    order: Order,
    query: QueryFilter,
    *,
    descending: bool = False,
    joined: str | None = None,
) -> Rows[Row]:
    """One page of `select` with the `filtered` clause (`where`), in `order`, after the
    cursor `query.after`.

    Keyset pagination: the cursor holds the last row's sort values, so each page
    starts where the last ended instead of counting past every earlier row. `joined`,
    a SELECT from `{page}`, makes the page's rows into the answer's (joins after LIMIT).
    """
    where_clause, values = filtered
    expressions = [expression for expression, _ in order]
    clauses = [where_clause.removeprefix("WHERE ")] if where_clause else []
    values = dict(values)
    if query.after:
        after = decode_cursor(query.after, len(order))
        names = [f"after_{position}" for position in range(len(order))]
        values.update(zip(names, after, strict=True))
        marks = ", ".join(f":{name}" for name in names)
        clauses.append(f"({', '.join(expressions)}) {'<' if descending else '>'} ({marks})")
    direction = " DESC" if descending else ""
    ordered = f"ORDER BY {', '.join(e + direction for e in expressions)}"
    sql = f"{select} {'WHERE ' + ' AND '.join(clauses) if clauses else ''} {ordered} LIMIT :limit"
    if joined:
        sql = f"{joined.format(page=sql)} {ordered}"
    rows = database.query(*bind(sql, values | {"limit": query.limit}))
    last = rows[-1] if len(rows) >= query.limit else None
    cursor = [last[key] if last[key] is not None else "" for _, key in order] if last else None
    total = None
    if query.count_all and cursor:  # every match, not only those after the cursor
        counted = f"SELECT COUNT(*) AS n FROM ({select} {filtered[0]}) matching"
        total = int(database.query(*bind(counted, filtered[1]))[0]["n"])
    return Rows(rows, next=encode_cursor(cursor) if cursor else None, total=total)


def reading_order(day_table: str, table: str) -> Order:
    """Day, then article, then position in it: how claims, quotes and changes are read."""
    return (
        (f"COALESCE({day_table}.date_start, {NO_DAY})", "date_start"),
        (f"{table}.article_id", "article_id"),
        (f"{table}.position", "position"),
    )
