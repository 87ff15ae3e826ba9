"""The event gold sets, read from ../shared/data and bench/gold, with their split.

Shared by bench/events.py (measuring) and scripts/train_event_model.py (fitting on TRAIN).
Each set yields documents with their text, gold triggers (character offsets into the text
where the set gives them) and split (bench/splits.py).
"""

from __future__ import annotations

import json
import pickle
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from spacy.tokens import Doc

from shared_data import SHARED
from sitrep.annotate import annotate
from sitrep.records import PARAGRAPH_SEPARATOR, Article, InputKind
from splits import Split, split_of

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
GWN_EVENTS = SHARED / "events-gwn-dev" / "events.json"
GWN_TEXTS = SHARED / "geoparsing-geowebnews" / "geowebnews.jsonl"
PLOVER_GSR = SHARED / "events-plover-gsr" / "plover-gsr.jsonl"
PAGES = ROOT / "bench" / "gold" / "events_article_extraction.jsonl"
PAGE_BODIES = SHARED / "article-extraction" / "ground-truth.json"
SENTENCES = ROOT / "bench" / "gold" / "events_sentences.jsonl"
PAGE_GENRES = ROOT / "bench" / "gold" / "page_genres.jsonl"
URL_DAY = re.compile(r"/(20\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|$)")


@dataclass(slots=True)
class GoldTrigger:
    start: int
    end: int
    type: str
    status: str = "asserted"
    group: int | None = None
    sentence: tuple[int, int] | None = None
    place: str | None = None  # as written, where the set gives one
    date: str | dict | None = None  # type: ignore[type-arg]  # ISO day or {start, end}


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    split: Split
    triggers: list[GoldTrigger] = field(default_factory=list)
    # Words that tempt a coder but name no event here, with their sentence.
    non_events: list[tuple[int, int, tuple[int, int]]] = field(default_factory=list)
    published: datetime | None = None
    # Whether every event of the text is annotated (a trigger not in the gold is wrong).
    exhaustive: bool = True
    record: dict = field(default_factory=dict)  # type: ignore[type-arg]


def gwn_docs() -> Iterator[GoldDoc]:
    """events-gwn-dev: 100 GeoWebNews articles, every event annotated."""
    texts = {}
    urls = {}
    for line in GWN_TEXTS.read_text().splitlines():
        if line.strip():
            record = json.loads(line)
            texts[record["id"]] = record["text"]
            urls[record["id"]] = record.get("url") or ""
    for doc in json.loads(GWN_EVENTS.read_text())["docs"]:
        day = URL_DAY.search(urls[doc["id"]])
        yield GoldDoc(
            id=doc["id"],
            text=texts[doc["id"]],
            split=split_of(doc["id"]),
            triggers=[
                GoldTrigger(
                    e["start"],
                    e["end"],
                    e["type"],
                    e["status"],
                    e["event_group"],
                    (e["sentence_start"], e["sentence_end"]),
                    e["place"],
                    e["date"],
                )
                for e in doc["events"]
            ],
            non_events=[
                (n["start"], n["end"], (n["sentence_start"], n["sentence_end"]))
                for n in doc["non_events"]
            ],
            published=_day(day),
        )


def _day(found: re.Match[str] | None) -> datetime | None:
    """The publication day a URL's /YYYY/MM/DD/ gives."""
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    return datetime(year, month, day)


def gsr_docs() -> Iterator[GoldDoc]:
    """PLOVER GSR: one coded event per sentence; only its event words are marked."""
    for line in PLOVER_GSR.read_text().splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["text"]
        yield GoldDoc(
            id=record["id"],
            text=text,
            split=split_of(record["id"]),
            triggers=[
                GoldTrigger(m.start(), m.end(), record["event_plover2"], sentence=(0, len(text)))
                for m in _word_spans(text, record["event_text"] or "")
            ],
            exhaustive=False,
            record=record,
        )


def _word_spans(text: str, words: str) -> Iterator[re.Match[str]]:
    """Where the coder's event words occur (first occurrence of each, whole words)."""
    for word in words.split():
        found = re.search(rf"(?<!\w){re.escape(word)}", text)
        if found:
            yield found


def sentence_docs() -> Iterator[GoldDoc]:
    """bench/gold/events_sentences.jsonl: sentences annotated by bench/gold/EVENTS_GUIDELINE.md,
    split by their source document."""
    if not SENTENCES.exists():
        return
    for number, line in enumerate(SENTENCES.read_text().splitlines()):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["text"]
        source = str(record["doc"])
        triggers = []
        for event in record.get("events") or []:
            start, end = event.get("start"), event.get("end")
            if start is None or end is None:
                found = re.search(rf"(?<!\w){re.escape(event.get('trigger') or '')}", text)
                if not event.get("trigger") or found is None:
                    continue
                start, end = found.start(), found.end()
            triggers.append(
                GoldTrigger(
                    start, end, event["type"], event.get("status", "asserted"), None, (0, len(text))
                )
            )
        yield GoldDoc(
            id=f"{source}#{record.get('sent', number)}",
            text=text,
            split=split_of(source),
            triggers=triggers,
            record=record,
        )


def page_docs() -> Iterator[GoldDoc]:
    """The project's 20 pages: gold trigger words (no offsets) over the first
    `annotated_chars` characters of each body."""
    bodies = json.loads(PAGE_BODIES.read_text())
    for line in PAGES.read_text().splitlines():
        if line.strip():
            page = json.loads(line)
            yield GoldDoc(
                id=page["id"],
                text=bodies[page["id"]]["articleBody"],
                split=split_of(page["id"]),
                record=page,
            )


def body_docs() -> Iterator[GoldDoc]:
    """Every body of the article-extraction set (88 real pages of every kind), no event gold:
    for figures that need none (how many events have a place, how many come from pages that
    report no news). Each record holds the page's hand-judged `genre` (`page_genres`)."""
    genres = page_genres()
    for page_id, page in sorted(json.loads(PAGE_BODIES.read_text()).items()):
        yield GoldDoc(
            id=page_id,
            text=page["articleBody"],
            split=split_of(page_id),
            exhaustive=False,
            record={"genre": genres[page_id]},
        )


def page_genres() -> dict[str, str]:
    """bench/gold/page_genres.jsonl: each article-extraction page's genre, `news` or `other`
    (bench/gold/EVENTS_GUIDELINE.md, "Page genre")."""
    records = (json.loads(line) for line in PAGE_GENRES.read_text().splitlines() if line.strip())
    return {record["id"]: record["genre"] for record in records}


@dataclass(slots=True)
class Parsed:
    """A gold document as sitrep reads it: an article (one paragraph per non-blank line of
    the text), its parse and annotations, and the way back from body to text offsets."""

    gold: GoldDoc
    article: Article
    doc: Doc
    offsets: list[tuple[int, int]]  # (body start, text start) of each paragraph

    def to_text(self, body_offset: int) -> int:
        shift = 0
        for body_start, text_start in self.offsets:
            if body_start > body_offset:
                break
            shift = text_start - body_start
        return body_offset + shift


def article_of(gold: GoldDoc) -> tuple[Article, list[tuple[int, int]]]:
    paragraphs, offsets, body_at, text_at = [], [], 0, 0
    for line in gold.text.split("\n"):
        stripped = line.strip()
        if stripped:
            offsets.append((body_at, text_at + line.index(stripped)))
            paragraphs.append(stripped)
            body_at += len(stripped) + len(PARAGRAPH_SEPARATOR)
        text_at += len(line) + 1
    article = Article(gold.id, gold.id, InputKind.TEXT, paragraphs)
    article.published = gold.published
    return article, offsets


def parse(nlp, golds: Iterable[GoldDoc]) -> Iterator[Parsed]:  # type: ignore[no-untyped-def]
    """Parse and annotate each gold document."""
    built = [(gold, *article_of(gold)) for gold in golds]
    for (gold, article, offsets), doc in zip(
        built, nlp.pipe(a.body for _, a, _ in built), strict=True
    ):
        annotate(article, doc)
        yield Parsed(gold, article, doc, offsets)


def pickled(cache: Path | None, compute: Callable[[], T]) -> T:
    """`compute()`, kept in `cache` between runs: read from it when it exists, written to it
    otherwise (the scripts' `--cache` of their parsed TRAIN documents)."""
    if cache is not None and cache.exists():
        loaded: T = pickle.loads(cache.read_bytes())
        return loaded
    value = compute()
    if cache is not None:
        cache.write_bytes(pickle.dumps(value))
    return value
