"""The records that flow through sitrep's stages.

One `Article` crosses every stage boundary: `read` fills its metadata and body,
`annotate` adds sentences, actors, places and the role phrases that stand for actors
(references), `extract` adds resolved pronouns, quotes, claims,
events and control changes, `store` persists it. No spaCy object leaves the
annotate/extract stages; everything here is plain data that serialises to JSON.

Character offsets (`start`, `end`) always index `Article.body`, the paragraphs
joined by `PARAGRAPH_SEPARATOR`, so a UI can highlight any fact in the text.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

from sitrep.errors import ErrorCode

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
    # Only in the store: an event its text does not date, shown on its article's
    # publication day; extract leaves such an event's `date` None.
    PUBLICATION = "publication"


class PlaceBasis(enum.StrEnum):
    """What an event's place rests on, most exact first (see docs/events.md, "Where")."""

    CLAUSE = "clause"  # a location phrase on the event word or its clause: "attacked in Homs"
    SENTENCE = "sentence"  # named elsewhere in the event's sentence
    DATELINE = "dateline"  # the place the body opens with: "BEIRUT (AP) —"
    PARAGRAPH = "paragraph"  # named elsewhere in the event's paragraph, earlier first
    QUALIFIER = "qualifier"  # qualifies a name in its paragraph: "Chicago police said"
    ARTICLE = "article"  # the place the article names most often


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


class ReferenceKind(enum.StrEnum):
    """What stands for the person or body a reference names."""

    PRONOUN = "pronoun"  # "he", "they", "one" of a group: resolved by extract
    # "the minister" where the page named one: resolved by extract, read by the stage
    # that asks for it (quotes, events), not an actor's mention.
    DESCRIPTION = "description"
    # "the president", "Syria's longtime ruler": a role phrase annotate binds to a person
    # named before it. Not a name, so not one of the actor's mentions; every lookup of who a
    # stretch of text names (`sitrep.annotate.mentions.MentionIndex`) finds the person there.
    ROLE = "role"


@dataclass(slots=True)
class Reference:
    """Words that stand for a person or body named elsewhere ("he" -> "Donald Trump",
    "the president" -> "Donald Trump")."""

    text: str  # the pronoun or phrase as written
    start: int
    end: int
    name: str  # the antecedent: the actor's canonical name, else its description
    actor_id: str | None
    antecedent_start: int  # the mention it was resolved to
    antecedent_end: int
    # Records stored before kinds were told apart hold pronouns and descriptions only.
    kind: ReferenceKind = ReferenceKind.PRONOUN


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
    place_basis: PlaceBasis | None = None  # what `place_id` rests on; None with no place
    # Other words of the same sentence that tell this act, folded into this record
    # ("sentenced" in "was convicted and sentenced"; see extract/event_identity.py).
    other_triggers: list[Span] = field(default_factory=list)
    # The id of the article's first record of the same real event, when this one reports it
    # again in a later sentence (see extract/event_identity.py); None on a first report.
    same_event: str | None = None


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
class PageJudgement:
    """What a page judge (`extract/news_page.py`) made of a whole page: whether it reports
    news events of the kind sitrep codes (political, conflict, diplomacy, crime, disaster)
    or something else (sport, tech, markets, lifestyle ...). A page judged not news with
    high confidence has no events reported; the judgement says why."""

    news: bool
    news_probability: float  # the judge's probability that the page reports news events
    judge: str  # the versioned name of the judge that made it

    def note(self) -> str | None:
        """What a reader of the article is told (None for a page judged news): the CLI
        prints it; the web page's article view writes the same words (article.js)."""
        if self.news:
            return None
        return f"judged not news (p={self.news_probability:.2f}): no events reported"


@dataclass(slots=True)
class RawDocument:
    """One input document's bytes, not yet read: what the ingesting process hands the
    workers, which read it (decompress, decode, extract the article) themselves."""

    source: str
    data: bytes
    content_hash: str  # sha256 of `data`: the Article read from it carries the same
    max_bytes: int  # the run's cap, which reading it after decompression applies too


@dataclass(slots=True)
class Article:
    source: str  # path, URL or "-" for stdin
    content_hash: str  # sha256 of the raw input bytes
    input_kind: str  # an InputKind, or the name of a reader a plugin registers
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
    # Role phrases bound to people (by annotate), then resolved pronouns and descriptions
    # (by extract), in text order.
    references: list[Reference] = field(default_factory=list)
    # Filled by extract:
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    control_changes: list[ControlChange] = field(default_factory=list)
    # Filled by the events stage when its classifier judges pages (None for one that does
    # not, or for a text too short to judge).
    page_judgement: PageJudgement | None = None

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

    def role_references(self) -> list[Reference]:
        """The role phrases annotate bound to people ("the president" -> Donald Trump)."""
        return [r for r in self.references if r.kind is ReferenceKind.ROLE]

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


# What every stage after reading yields: an article, or why its document was dropped.
Record = Article | DocumentError
# What an analysis engine takes: a raw document is read where it is analysed.
Input = Record | RawDocument


def failure(record: Article | RawDocument, code: ErrorCode, message: str) -> DocumentError:
    """The error that drops this document."""
    return DocumentError(record.source, code, message, record.content_hash)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def to_jsonable(value: Any) -> Any:
    """Convert records (and what they hold) into JSON-serialisable values."""
    if type(value) in (str, int, float, bool) or value is None:
        return value  # most values of a big article: checked first, it is the hot path
    names = _field_names(type(value))
    if names is not None:
        return {name: to_jsonable(getattr(value, name)) for name in names}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


# Keys `Article.to_dict` adds beside the fields; derived, so read back only to be checked.
DERIVED_ARTICLE_KEYS = frozenset({"id", "body"})
Decoded = TypeVar("Decoded")


class RecordFormatError(ValueError):
    """A JSON value that is not the record it claims to be (where, and what is wrong)."""


def article_from_dict(data: Any) -> Article:
    """The `Article` that `Article.to_dict` wrote, every field type-checked.

    The input is untrusted (a JSON line from another machine): a missing field, an
    unknown one, a wrong type or an offset outside the body raises `RecordFormatError`.
    """
    if not isinstance(data, dict):
        raise RecordFormatError(f"an article is a JSON object, not {type(data).__name__}")
    fields = {k: v for k, v in data.items() if k not in DERIVED_ARTICLE_KEYS}
    article = from_jsonable(Article, fields, "article")
    if "id" in data and data["id"] != article.id:
        raise RecordFormatError("article: id is not its content_hash")
    if "body" in data and data["body"] != article.body:
        raise RecordFormatError("article: body is not its paragraphs joined")
    _check_offsets(article)
    return article


def from_jsonable(kind: type[Decoded], value: Any, where: str) -> Decoded:
    """`value` (parsed JSON) as an instance of the record type `kind`, checked field by field."""
    return typing.cast(Decoded, _decode(kind, value, where))


def _decode(kind: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        (inner,) = [o for o in options if o is not type(None)]
        return _decode(inner, value, where)
    if origin is list:
        if not isinstance(value, list):
            raise RecordFormatError(f"{where}: expected a list")
        (inner,) = typing.get_args(kind)
        return [_decode(inner, item, f"{where}[{i}]") for i, item in enumerate(value)]
    if dataclasses.is_dataclass(kind):
        return _decode_record(kind, value, where)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError:
            raise RecordFormatError(
                f"{where}: {str(value)[:40]!r} is not a {kind.__name__}"
            ) from None
    if kind in (datetime, date):
        if not isinstance(value, str):
            raise RecordFormatError(f"{where}: expected an ISO date")
        try:
            return kind.fromisoformat(value)
        except ValueError:
            raise RecordFormatError(f"{where}: {value[:40]!r} is not an ISO date") from None
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind in (str, int, float, bool) and type(value) is kind:
        return value
    raise RecordFormatError(f"{where}: expected {getattr(kind, '__name__', kind)}")


def _decode_record(kind: Any, value: Any, where: str) -> Any:
    if not isinstance(value, dict):
        raise RecordFormatError(f"{where}: expected an object")
    hints = _field_types(kind)
    unknown = set(value) - set(hints)
    if unknown:
        raise RecordFormatError(f"{where}: unknown field {sorted(unknown)[0][:40]!r}")
    required = {
        f.name
        for f in dataclasses.fields(kind)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    if missing := required - set(value):
        raise RecordFormatError(f"{where}: missing field {sorted(missing)[0]!r}")
    return kind(**{name: _decode(hints[name], v, f"{where}.{name}") for name, v in value.items()})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(kind: type) -> tuple[str, ...] | None:
    """A record type's field names (None for other types), looked up once per type."""
    if kind not in _FIELD_NAMES:
        fields = dataclasses.fields(kind) if dataclasses.is_dataclass(kind) else None
        _FIELD_NAMES[kind] = tuple(f.name for f in fields) if fields is not None else None
    return _FIELD_NAMES[kind]


@cache
def _field_types(kind: Any) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _check_offsets(article: Article) -> None:
    """Every span must lie inside the body: the store and the page index it with them."""
    size = len(article.body)
    named: list[Actor | Place] = [*article.actors, *article.places]
    spans: list[tuple[str, int, int]] = [
        *((f"sentence {i}", s.start, s.end) for i, s in enumerate(article.sentences)),
        *((f"quote {i}", q.start, q.end) for i, q in enumerate(article.quotes)),
        *((f"claim {i}", c.start, c.end) for i, c in enumerate(article.claims)),
        *((f"event {e.id[:40]}", e.evidence.start, e.evidence.end) for e in article.events),
        *(
            (f"control change {i}", c.evidence.start, c.evidence.end)
            for i, c in enumerate(article.control_changes)
        ),
        *((f"mention of {x.id[:40]}", m.start, m.end) for x in named for m in x.mentions),
        *((f"reference {i}", r.start, r.end) for i, r in enumerate(article.references)),
    ]
    for name, start, end in spans:
        if not 0 <= start <= end <= size:
            raise RecordFormatError(f"article: {name} spans {start}-{end}, outside the body")
