"""The records that flow through sitrep's stages.

One `Article` crosses every stage boundary: `read` fills its metadata and body,
`annotate` adds sentences, actors and places, `extract` adds quotes, claims,
events and control changes, `store` persists it. No spaCy object leaves the
annotate/extract stages; everything here is plain data that serialises to JSON.

Character offsets (`start`, `end`) always index `Article.body`, the paragraphs
joined by `PARAGRAPH_SEPARATOR`, so a UI can highlight any fact in the text.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

SCHEMA_VERSION = 1
PARAGRAPH_SEPARATOR = "\n\n"


class InputKind(enum.StrEnum):
    TEXT = "text"
    HTML = "html"
    WARC = "warc"


class ActorKind(enum.StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    STATE = "state"
    GROUP = "group"


class SourceType(enum.StrEnum):
    """Who vouches for a claim."""

    NAMED_PERSON = "named_person"
    NAMED_ORGANISATION = "named_organisation"
    OFFICIAL_STATEMENT = "official_statement"
    ANONYMOUS = "anonymous"
    UNNAMED_ORGANISATION = "unnamed_organisation"
    OUTLET = "outlet"


class Certainty(enum.StrEnum):
    ASSERTED = "asserted"
    HEDGED = "hedged"
    DENIED = "denied"


class EventStatus(enum.StrEnum):
    """Whether an event is reported as having happened."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    PROPOSED = "proposed"


class DatePrecision(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"


class LocationPrecision(enum.StrEnum):
    """How exact a place's coordinates are; a country centroid is never a point."""

    POINT = "point"  # a named site: a base, a crossing, a building
    CITY = "city"  # a populated place
    ADMIN = "admin"  # a province, governorate or district
    COUNTRY = "country"
    REGION = "region"  # a continent or multi-country region
    UNRESOLVED = "unresolved"  # recognised as a place but no coordinates found


class PlaceKind(enum.StrEnum):
    """How a place is named: as where something is, or only as a qualifier."""

    LITERAL = "literal"  # "in Syria", "Damascus said", "the Homs countryside"
    ADJECTIVAL = "adjectival"  # "Syrian", "Russian-backed", "Iraqis": a demonym of the place


@dataclass(slots=True)
class Span:
    """A stretch of the article body."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Caption:
    text: str
    credit: str | None = None


@dataclass(slots=True)
class RelatedLink:
    title: str
    url: str | None = None


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(slots=True)
class Actor:
    """A canonical actor within one article, with every mention merged."""

    id: str  # article-local, e.g. "actor-1"
    name: str  # canonical name, e.g. "Bashar al-Assad"
    kind: ActorKind
    sector: str | None = None  # PLOVER-style: government, military, rebel, ...
    country: str | None = None  # ISO 3166 alpha-3
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    """A toponym resolved to one GeoNames entry (or explicitly unresolved)."""

    id: str  # article-local, e.g. "place-1"
    name: str
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    country: str | None  # ISO 3166 alpha-2 as GeoNames gives it
    feature_class: str | None  # GeoNames feature class (P, A, S, ...)
    feature_code: str | None  # GeoNames feature code (PPLC, ADM1, AIRB, ...)
    precision: LocationPrecision
    mentions: list[Span] = field(default_factory=list)
    # Adjectival places say whom or what a text is about, not where things happened: a map
    # of events shows literal places only.
    kind: PlaceKind = PlaceKind.LITERAL


@dataclass(slots=True)
class Source:
    """Who a claim or quote rests on."""

    type: SourceType
    name: str | None = None  # "Sergei Lavrov", "a war monitor", the outlet's name
    actor_id: str | None = None


@dataclass(slots=True)
class Reference:
    """A pronoun and the person or body it stands for ("he" -> "Donald Trump")."""

    text: str  # the pronoun as written
    start: int
    end: int
    name: str  # the antecedent: the actor's canonical name, else its description
    actor_id: str | None
    antecedent_start: int  # the mention it was resolved to
    antecedent_end: int


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None  # the canonical actor name or the text's description
    speaker_actor_id: str | None
    channel: str | None  # "X", "TV address", "statement", ...
    sentence: Span


@dataclass(slots=True)
class Claim:
    text: str
    start: int
    end: int
    source: Source
    certainty: Certainty = Certainty.ASSERTED
    hedge: str | None = None  # the words that hedge it, e.g. "is believed to be"


@dataclass(slots=True)
class EventDate:
    start: date
    end: date
    precision: DatePrecision
    text: str | None = None  # the expression it was resolved from


@dataclass(slots=True)
class Event:
    id: str  # article-local, e.g. "event-1"
    type: str  # PLOVER event type: ASSAULT, AGREE, ...
    mode: str | None
    trigger: str
    status: EventStatus
    actor_id: str | None
    target_id: str | None
    place_id: str | None
    date: EventDate | None
    acled_type: str | None
    acled_subtype: str | None
    evidence: Span  # the sentence the event came from
    claim_index: int | None = None  # index into Article.claims
    confidence: float = 0.5
    trigger_span: Span | None = None  # where the trigger word is in the body
    # People killed / injured, when the sentence counts them (ACLED `fatalities`), and the
    # words the counts come from.
    fatalities: int | None = None
    injured: int | None = None
    casualty_evidence: Span | None = None


@dataclass(slots=True)
class ControlChange:
    place_id: str
    from_actor_id: str | None
    to_actor_id: str | None
    date: EventDate | None
    confidence: float
    event_id: str | None
    evidence: Span
    partial: bool = False  # "parts of Daraa" rather than all of it


@dataclass(slots=True)
class RawDocument:
    """One input document's bytes, not yet read: what the ingesting process hands the
    workers, which read it (decompress, decode, extract the article) themselves."""

    source: str
    data: bytes
    content_hash: str  # sha256 of `data`: the Article read from it carries the same


@dataclass(slots=True)
class Article:
    source: str  # path, URL or "-" for stdin
    content_hash: str  # sha256 of the raw input bytes
    input_kind: InputKind
    paragraphs: list[str]
    url: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    published: datetime | None = None
    section: list[str] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    related_links: list[RelatedLink] = field(default_factory=list)
    language: str | None = None
    outlet: str | None = None  # the publication, for claims the outlet makes itself
    # The text sitrep decoded from the input (capped): the only "original page" it serves,
    # so no path or URL taken from the input is ever opened again.
    original: str | None = None
    # Filled by annotate:
    sentences: list[Sentence] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    # Filled by extract:
    references: list[Reference] = field(default_factory=list)  # resolved pronouns
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    control_changes: list[ControlChange] = field(default_factory=list)

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def id(self) -> str:
        """Stable identity of this version of the article: its content hash."""
        return self.content_hash

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def place(self, place_id: str | None) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def to_dict(self) -> dict[str, Any]:
        data = to_jsonable(self)
        data["id"] = self.id
        data["body"] = self.body
        return data


@dataclass(slots=True)
class DocumentError:
    """One input that could not be turned into an article, and why."""

    source: str
    code: str  # a stable reason code, see sitrep.errors.ErrorCode
    message: str
    content_hash: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return to_jsonable(self)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def to_jsonable(value: Any) -> Any:
    """Convert records (and what they hold) into JSON-serialisable values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value
