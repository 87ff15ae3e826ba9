"""The event taxonomy (`knowledge/events/taxonomy.tsv`): the PLOVER types and what each maps to.

One row per type gives its gloss, GDELT QuadClass, CAMEO root, Goldstein value, default ACLED
codes and the page's colour; `knowledge/events/acled.tsv` refines the ACLED codes by mode and
actor sector. Every file that names a type checks it here when it is read (`known_type`), so
a misspelt type stops the load with the file and line instead of coding events that no
export, filter or colour knows. Like `sitrep.lexicon`, this imports nothing heavy.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass

from sitrep import lexicon

TAXONOMY_FILE = "events/taxonomy.tsv"
ACLED_FILE = "events/acled.tsv"
CAMEO_FILE = "events/cameo.tsv"
DISORDER_FILE = "store/acled_disorder.tsv"
ANY = "*"
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
TYPE_NAME = re.compile(r"[A-Z]+")
CAMEO_ROOT = re.compile(r"(0[1-9]|1[0-9]|20)")
CAMEO_CODE = re.compile(r"(0[1-9]|1[0-9]|20)\d{1,2}")
# GDELT's QuadClass names, by the class a taxonomy row gives.
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# The classes of acts done in words (statements, demands, accusations), not in deeds.
VERBAL_QUAD_CLASSES = frozenset({1, 3})
GOLDSTEIN_BOUND = 10.0


class TaxonomyError(ValueError):
    """A knowledge file names an event type the taxonomy lacks, or a taxonomy row is wrong."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")


def where(relative_path: str, line: int, language: str | None = None) -> str:
    """How an error names a line of a knowledge file (its language folder included)."""
    resolved = lexicon.path(relative_path, language).relative_to(lexicon.KNOWLEDGE_DIR)
    return f"knowledge/{resolved.as_posix()} line {line}"


@dataclass(frozen=True, slots=True)
class EventType:
    type: str
    gloss: str
    quad_class: int
    cameo_root: str
    goldstein: float
    acled_type: str | None
    acled_subtype: str | None
    colour: str


@dataclass(frozen=True, slots=True)
class AcledEntry:
    type: str
    mode: str
    sector: str
    acled_type: str
    acled_subtype: str


@functools.cache
def event_types() -> dict[str, EventType]:
    """The PLOVER types by name, in file order; raises TaxonomyError on a malformed row."""
    found: dict[str, EventType] = {}
    colours: dict[str, str] = {}
    for line, row in lexicon.numbered_table(TAXONOMY_FILE):
        at = where(TAXONOMY_FILE, line)
        entry = _event_type(row, at)
        if entry.type in found:
            raise TaxonomyError(at, f"type {entry.type} is listed twice")
        if entry.colour.lower() in colours:
            raise TaxonomyError(at, f"{entry.type} has {colours[entry.colour.lower()]}'s colour")
        found[entry.type] = entry
        colours[entry.colour.lower()] = entry.type
    return found


def _event_type(row: dict[str, str], at: str) -> EventType:
    name = row.get("type", "")
    if not TYPE_NAME.fullmatch(name):
        raise TaxonomyError(at, f"type {name!r} is not an upper-case name")
    if not row.get("gloss"):
        raise TaxonomyError(at, f"{name} has no gloss")
    quad, root, goldstein = (
        row.get("quad_class", ""),
        row.get("cameo_root", ""),
        row.get("goldstein", ""),
    )
    if not quad.isdigit() or int(quad) not in QUAD_CLASSES:
        raise TaxonomyError(at, f"{name}'s quad_class {quad!r} is not 1, 2, 3 or 4")
    if not CAMEO_ROOT.fullmatch(root):
        raise TaxonomyError(at, f"{name}'s cameo_root {root!r} is not a CAMEO root code 01-20")
    try:
        value = float(goldstein)
    except ValueError:
        value = float("nan")
    if not -GOLDSTEIN_BOUND <= value <= GOLDSTEIN_BOUND:
        raise TaxonomyError(at, f"{name}'s goldstein {goldstein!r} is not a number in -10..10")
    acled_type, acled_subtype = row.get("acled_type", ""), row.get("acled_subtype", "")
    if bool(acled_type) != bool(acled_subtype):
        raise TaxonomyError(at, f"{name} needs both an ACLED type and sub-type, or neither")
    if acled_type:
        _known_acled_type(acled_type, at)
    colour = row.get("colour", "")
    if not COLOUR.fullmatch(colour):
        raise TaxonomyError(at, f"{name}'s colour {colour!r} is not written #rrggbb")
    return EventType(
        type=name,
        gloss=row["gloss"],
        quad_class=int(quad),
        cameo_root=root,
        goldstein=value,
        acled_type=acled_type or None,
        acled_subtype=acled_subtype or None,
        colour=colour,
    )


def known_type(value: str, at: str, *, also: Collection[str] = ()) -> str:
    """`value` when it is a taxonomy type (or one of `also`, such as "*"); else TaxonomyError."""
    if value in event_types() or value in also:
        return value
    allowed = ", ".join([*event_types(), *also])
    raise TaxonomyError(
        at, f"unknown event type {value!r}; the types are in knowledge/{TAXONOMY_FILE}: {allowed}"
    )


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO event code derived from a PLOVER type and mode, with GDELT's code columns."""

    code: str  # EventCode: 3 or 4 digits
    base_code: str  # EventBaseCode: its first 3 digits
    root_code: str  # EventRootCode: its first 2 digits
    quad_class: int  # GDELT QuadClass of that root
    from_mode: bool  # a mode's own code; False: the type's root code, the mode unknown


@functools.cache
def cameo_codes() -> dict[tuple[str, str], str]:
    """(PLOVER type, mode) -> CAMEO code (`cameo.tsv`); raises TaxonomyError on a bad row."""
    found: dict[tuple[str, str], str] = {}
    for line, row in lexicon.numbered_table(CAMEO_FILE):
        at = where(CAMEO_FILE, line)
        key = (known_type(row["type"], at), row["mode"])
        if not key[1]:
            raise TaxonomyError(at, f"{key[0]} has a CAMEO code for no mode: that is its root")
        if not CAMEO_CODE.fullmatch(row["code"]):
            raise TaxonomyError(
                at, f"{row['code']!r} is not a CAMEO code (3 or 4 digits, root 01-20)"
            )
        if key in found:
            raise TaxonomyError(at, f"{key[0]} {key[1]} is listed twice")
        found[key] = row["code"]
    return found


def cameo_code(event_type: str, mode: str | None) -> CameoCode | None:
    """The CAMEO code of an event (derived: PLOVER codes no CAMEO): its mode's code where
    cameo.tsv lists one, else its type's root code ("<root>0"); None for an unknown type."""
    own = event_types().get(event_type)
    if own is None:
        return None
    code = cameo_codes().get((event_type, mode or ""))
    found = code or f"{own.cameo_root}0"
    return CameoCode(found, found[:3], found[:2], quad_class(found[:2]), code is not None)


def quad_class(root: str) -> int:
    """GDELT's QuadClass of a CAMEO root: 01-05 verbal cooperation, 06-09 material
    cooperation, 10-14 verbal conflict, 15-20 material conflict."""
    number = int(root)
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


@functools.cache
def disorder_types() -> dict[str, str]:
    """ACLED event type -> its disorder type (ACLED Codebook)."""
    return {row[0]: row[1] for row in lexicon.rows(DISORDER_FILE)}


def _known_acled_type(value: str, at: str) -> None:
    if value not in disorder_types():
        raise TaxonomyError(at, f"ACLED event type {value!r} is not in knowledge/{DISORDER_FILE}")


@functools.cache
def acled_entries() -> tuple[AcledEntry, ...]:
    """The mode- and sector-specific ACLED rows; a type's own codes are its taxonomy row."""
    entries = []
    for line, row in lexicon.numbered_table(ACLED_FILE):
        at = where(ACLED_FILE, line)
        entry = AcledEntry(
            known_type(row["type"], at),
            row["mode"],
            row["sector"],
            row["acled_type"],
            row["acled_subtype"],
        )
        if entry.mode == ANY and entry.sector == ANY:
            raise TaxonomyError(
                at, f"{entry.type}'s codes for any mode and sector belong in taxonomy.tsv"
            )
        if not entry.acled_subtype:
            raise TaxonomyError(at, f"{entry.type} {entry.mode} has no ACLED sub-type")
        _known_acled_type(entry.acled_type, at)
        entries.append(entry)
    return tuple(entries)


def acled_mapping(
    event_type: str, mode: str | None, sector: str | None
) -> tuple[str | None, str | None]:
    """The ACLED event type and sub-type of a PLOVER type, mode and acting sector: the most
    specific matching row of acled.tsv, else the type's own codes; (None, None) where ACLED
    codes no such event."""
    best: AcledEntry | None = None
    best_score = -1
    for entry in acled_entries():
        if entry.type != event_type:
            continue
        if entry.mode not in (ANY, mode) or entry.sector not in (ANY, sector):
            continue
        score = 2 * (entry.mode != ANY) + (entry.sector != ANY)
        if score > best_score:
            best, best_score = entry, score
    if best is not None:
        return best.acled_type, best.acled_subtype
    own = event_types().get(event_type)
    return (own.acled_type, own.acled_subtype) if own else (None, None)
