"""How query commands print rows: one writer per `--format`, none tied to the terminal's width.

A table on a terminal fits the window; piped, it is laid out at the width its cells need,
so `sitrep events | cat` shows every character. csv/tsv carry a header row; json is one
array, jsonl one object per line. A dotted column ("claim.text") reads a field of a nested
record, as pandas' `json_normalize` names it, so a contradiction's two sides read as text,
not as JSON; a nested value a column names whole is written as JSON inside its cell, so a
spreadsheet or pandas reads every row as one record.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

# Rich's cell padding (one space each side) and the border between cells.
_CELL_OVERHEAD = 3


def chatty() -> bool:
    """Whether notes beside the output (counts, "showing 100 of 616") are wanted: not under
    `sitrep -q`, which prints errors only."""
    return logging.getLogger("sitrep").isEnabledFor(logging.WARNING)


def notice(message: str) -> None:
    """A note on stderr beside the output, unless `-q`."""
    if chatty():
        print(message, file=sys.stderr)


class Output(StrEnum):
    TABLE = "table"
    CSV = "csv"
    TSV = "tsv"
    JSON = "json"
    JSONL = "jsonl"


def write_rows(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[str],
    output: Output,
    *,
    title: str,
    stream: TextIO | None = None,
) -> None:
    """Print `rows` in `output`; tables and delimited text show `columns`, JSON whole rows."""
    stream = stream or sys.stdout
    if output is Output.JSON:
        json.dump(list(rows), stream, ensure_ascii=False, default=str, indent=1)
        stream.write("\n")
    elif output is Output.JSONL:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif output in (Output.CSV, Output.TSV):
        delimiter = "," if output is Output.CSV else "\t"
        writer = csv.writer(stream, delimiter=delimiter, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(cell_text(field(row, column)) for column in columns)
    else:
        _write_table(rows, columns, title, stream)


def field(row: Mapping[str, Any], column: str) -> Any:
    """The row's value for `column`; "claim.text" is the `text` of the row's `claim`."""
    value: Any = row
    for key in column.split("."):
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def cell_text(value: Any) -> str:
    """A value as one line of text: nested values as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, default=str)
    return " ".join(str(value).split())


def _write_table(
    rows: Sequence[Mapping[str, Any]], columns: Sequence[str], title: str, stream: TextIO
) -> None:
    table = Table(*columns, title=title)
    cells = [[cell_text(field(row, column)) for column in columns] for row in rows]
    for line in cells:
        # Text, not markup: a stored string like "[/path]" must print as written.
        table.add_row(*(Text(cell) for cell in line))
    if stream.isatty():
        Console(file=stream).print(table)
        return
    widths = [
        max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)
    ]
    needed = sum(widths) + _CELL_OVERHEAD * len(columns) + 1
    Console(file=stream, width=max(needed, len(title)), no_color=True, soft_wrap=False).print(table)
