"""Place recognition and resolution figures on GeoWebNews and on sitrep's own annotated pages.

Run: .venv/bin/python bench/geoparsing.py          (GeoWebNews, then the own set)
     .venv/bin/python bench/geoparsing.py --own    (own set only)
     .venv/bin/python bench/geoparsing.py --limit 20  (first 20 GeoWebNews articles, a quick look)
     .venv/bin/python bench/geoparsing.py --split train  (one half only: TRAIN while fitting)

GeoWebNews (../shared/data/geoparsing-geowebnews, see its README; SITREP_SHARED_DATA overrides
../shared/data), each figure on the TRAIN and DEV halves apart (bench/geowebnews_split.py):
- recognition: the pipeline's `annotate` on each text; a predicted place mention is right when
  it overlaps a gold `is_toponym` span (precision over predictions, recall over gold spans);
  exact-span figures beside it.
- end to end, toponyms found: each gold toponym with coordinates that a prediction overlaps,
  scored with that prediction's point (within 161 km) and GeoNames id.
- gold spans: every toponym with coordinates is resolved by `resolve_spans` in the context of
  its parsed article; a toponym the gazetteer cannot resolve counts as wrong at any distance.
Own set (bench/gold/places_article_extraction.jsonl): a predicted place mention is correct when
its span equals a gold one and it lies within 161 km (and, separately, 25 km) of the gold point.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from geowebnews_split import SHARED, SPLITS
from geowebnews_split import records as split_records
from sitrep.annotate import annotate
from sitrep.annotate.gazetteer import load_gazetteer
from sitrep.annotate.mentions import literal_places
from sitrep.annotate.nlp import load_nlp
from sitrep.annotate.places import resolve_spans
from sitrep.records import Article, InputKind

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_EXTRACTION = SHARED / "article-extraction" / "ground-truth.json"
OWN_GOLD = ROOT / "bench" / "gold" / "places_article_extraction.jsonl"
CLOSE_KM = 161.0
VERY_CLOSE_KM = 25.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, l1, p2, l2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin((l2 - l1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(h, 1.0)))


def article_of(text: str) -> Article:
    """Paragraphs split so that `Article.body` is exactly `text` and gold offsets hold."""
    return Article("bench", "bench", InputKind.TEXT, text.split("\n\n"))


class Point(Protocol):
    """What scoring reads from a gazetteer entry or a predicted place."""

    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...
    @property
    def geonames_id(self) -> int | None: ...


@dataclass
class Geocoding:
    errors: list[float] = field(default_factory=list)  # km, resolved toponyms only
    total: int = 0
    with_id: int = 0
    exact_id: int = 0

    def add(self, gold: dict, found: Point | None) -> None:
        self.total += 1
        if found is not None and found.latitude is not None and found.longitude is not None:
            self.errors.append(km(gold["lat"], gold["lon"], found.latitude, found.longitude))
        if gold.get("geonames_id"):
            self.with_id += 1
            self.exact_id += found is not None and found.geonames_id == gold["geonames_id"]

    def row(self, label: str) -> str:
        close = sum(e <= CLOSE_KM for e in self.errors)
        mean = statistics.fmean(self.errors) if self.errors else float("nan")
        median = statistics.median(self.errors) if self.errors else float("nan")
        return (
            f"| {label} | {self.total} | {len(self.errors) / max(self.total, 1):.3f} | "
            f"{close / max(self.total, 1):.3f} | {mean:.0f} | {median:.1f} | "
            f"{self.exact_id / max(self.with_id, 1):.3f} ({self.with_id}) |"
        )


@dataclass
class Tagging:
    """Precision counts predictions that hit a gold toponym, recall gold toponyms hit: with
    overlap matching the two differ (one prediction may cover two gold spans)."""

    true_positive: int = 0  # gold toponyms matched
    true_positive_predicted: int = 0  # predictions matched
    predicted: int = 0
    gold: int = 0

    def row(self, label: str) -> str:
        p = self.true_positive_predicted / max(self.predicted, 1)
        r = self.true_positive / max(self.gold, 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"| {label} | {self.gold} gold, {self.predicted} found | {p:.3f} | {r:.3f} | {f:.3f} |"
        )


def geowebnews(limit: int | None, splits: tuple[str, ...]) -> None:
    nlp = load_nlp()
    load_gazetteer()
    for split in splits:
        records = list(split_records(split))[:limit] if limit else list(split_records(split))
        articles = [article_of(r["text"]) for r in records]
        started = time.perf_counter()
        docs = list(nlp.pipe((a.body for a in articles), batch_size=16))
        parse_seconds = time.perf_counter() - started
        gold_spans, found = Geocoding(), Geocoding()
        tagging, exact = Tagging(), Tagging()
        started = time.perf_counter()
        for record, article, doc in zip(records, articles, docs, strict=True):
            located = [t for t in record["toponyms"] if t["lat"] is not None]
            entries = resolve_spans(article, doc, [(t["start"], t["end"]) for t in located])
            for toponym, entry in zip(located, entries, strict=True):
                gold_spans.add(toponym, entry)
            annotate(article, doc)
            _score_end_to_end(record, article, tagging, exact, found)
        seconds = time.perf_counter() - started
        print(
            f"\nGeoWebNews {split.upper()} ({len(records)} articles; split rule in "
            f"bench/geowebnews_split.py); parse {parse_seconds:.1f} s, resolve + annotate "
            f"{seconds:.1f} s"
        )
        print("| measure | n | precision | recall | F1 |")
        print("|---|---|---|---|---|")
        print(tagging.row("recognition, overlap with gold toponyms"))
        print(exact.row("recognition, exact span"))
        print("| measure | toponyms | resolved | acc@161 km | mean km | median km | exact id (n) |")
        print("|---|---|---|---|---|---|---|")
        print(found.row("end to end: toponyms found"))
        print(gold_spans.row("gold spans"))


def _score_end_to_end(
    record: dict, article: Article, tagging: Tagging, exact: Tagging, found: Geocoding
) -> None:
    """Recognition by overlap and by exact span; geocoding of the gold toponyms found."""
    predicted = sorted(
        ((m.start, m.end, place) for place in article.places for m in place.mentions),
        key=lambda item: item[:2],
    )
    gold = [t for t in record["toponyms"] if t["is_toponym"]]
    tagging.predicted += len(predicted)
    tagging.gold += len(gold)
    tagging.true_positive_predicted += sum(
        any(s < t["end"] and t["start"] < e for t in gold) for s, e, _ in predicted
    )
    spans = {(s, e) for s, e, _ in predicted}
    exact.predicted += len(spans)
    exact.gold += len(gold)
    exact.true_positive += len(spans & {(t["start"], t["end"]) for t in gold})
    exact.true_positive_predicted += len(spans & {(t["start"], t["end"]) for t in gold})
    for toponym in gold:
        place = next(
            (p for s, e, p in predicted if s < toponym["end"] and toponym["start"] < e), None
        )
        if place is None:
            continue
        tagging.true_positive += 1
        if toponym["lat"] is not None:
            found.add(toponym, place if place.latitude is not None else None)


def own_set() -> None:
    bodies = json.loads(ARTICLE_EXTRACTION.read_text("utf-8"))
    pages = [json.loads(line) for line in OWN_GOLD.read_text("utf-8").splitlines()]
    pages = [p for p in pages if p.get("id")]
    articles = [article_of(bodies[p["id"]]["articleBody"]) for p in pages]
    nlp = load_nlp()
    counts = {"gold": 0, "predicted": 0, "span": 0, CLOSE_KM: 0, VERY_CLOSE_KM: 0}
    for page, article, doc in zip(pages, articles, nlp.pipe(a.body for a in articles), strict=True):
        annotate(article, doc)
        gold = {(t["start"], t["end"]): t for t in page["toponyms"]}
        counts["gold"] += len(gold)
        for place in literal_places(article):  # the own set's rules leave demonyms out
            for mention in place.mentions:
                counts["predicted"] += 1
                toponym = gold.get((mention.start, mention.end))
                if toponym is None:
                    continue
                counts["span"] += 1
                if place.latitude is None or place.longitude is None:
                    continue
                error = km(toponym["lat"], toponym["lon"], place.latitude, place.longitude)
                counts[CLOSE_KM] += error <= CLOSE_KM
                counts[VERY_CLOSE_KM] += error <= VERY_CLOSE_KM
    print(
        f"\nOwn set: {len(pages)} article-extraction pages, {counts['gold']} gold toponyms, "
        f"{counts['predicted']} predicted place mentions"
    )
    print("| correct when | precision | recall | F1 |")
    print("|---|---|---|---|")
    for label, key in (
        ("span only", "span"),
        ("span + 161 km", CLOSE_KM),
        ("span + 25 km", VERY_CLOSE_KM),
    ):
        p = counts[key] / max(counts["predicted"], 1)
        r = counts[key] / max(counts["gold"], 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {label} | {p:.1%} | {r:.1%} | {f:.1%} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--own", action="store_true", help="only the own annotated set")
    parser.add_argument("--limit", type=int, default=None, help="first N GeoWebNews articles")
    parser.add_argument("--split", choices=SPLITS, help="one GeoWebNews half only")
    options = parser.parse_args()
    if not options.own:
        geowebnews(options.limit, (options.split,) if options.split else SPLITS)
    if OWN_GOLD.exists():
        own_set()


if __name__ == "__main__":
    main()
