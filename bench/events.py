"""Event extraction figures: precision/recall on hand-annotated real pages, type accuracy and
macro-F1 on the PLOVER gold-standard sentences, and the cost of the events stage.

Run: .venv/bin/python bench/events.py
Gold: bench/gold/events_article_extraction.jsonl (20 pages of ../shared/data/article-extraction,
each annotated over the first `annotated_chars` characters of its ground-truth body).
An event matches a gold one on the same page with the same PLOVER type and trigger word.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from sitrep.annotate import annotate
from sitrep.annotate.nlp import load_nlp
from sitrep.extract.control import find_control_changes
from sitrep.extract.events import find_events
from sitrep.records import Article, InputKind

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
GOLD = ROOT / "bench" / "gold" / "events_article_extraction.jsonl"
PLOVER_GSR = SHARED / "events-plover-gsr" / "plover-gsr.jsonl"
NO_EVENT = "NONE"


def _article(body: str) -> Article:
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    return Article("bench", "bench", InputKind.TEXT, paragraphs)


def score_pages(nlp) -> tuple[dict[str, float], float, float, float]:  # type: ignore[no-untyped-def]
    bodies = json.loads((SHARED / "article-extraction" / "ground-truth.json").read_text())
    pages = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    articles = [_article(bodies[page["id"]]["articleBody"]) for page in pages]
    texts = [a.body for a in articles]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    pipe_seconds = time.perf_counter() - started
    for article, doc in zip(articles, docs, strict=True):
        annotate(article, doc)
    started = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        article.events = find_events(article, doc)
        article.control_changes = find_control_changes(article, doc)
    events_seconds = time.perf_counter() - started
    typed = Counter({"tp": 0, "pred": 0, "gold": 0})
    untyped = Counter({"tp": 0})
    for page, article in zip(pages, articles, strict=True):
        limit = page["annotated_chars"]
        # One report per trigger word: a verb over two places ("seized A and B") counts once.
        reported = {
            (e.trigger_span.start, e.trigger.split()[0].lower(), e.type)
            for e in article.events
            if e.trigger_span is not None and e.trigger_span.end <= limit
        }
        pairs = Counter((word, event_type) for _, word, event_type in reported)
        gold = Counter((g["trigger"].lower(), g["type"]) for g in page["events"])
        typed["tp"] += sum((pairs & gold).values())
        typed["pred"] += sum(pairs.values())
        typed["gold"] += sum(gold.values())
        untyped["tp"] += sum(
            (
                Counter(w for w, _ in pairs.elements()) & Counter(w for w, _ in gold.elements())
            ).values()
        )
    figures = {
        "pages": len(pages),
        "gold events": typed["gold"],
        "predicted events": typed["pred"],
        "precision": typed["tp"] / max(typed["pred"], 1),
        "recall": typed["tp"] / max(typed["gold"], 1),
        "trigger precision (any type)": untyped["tp"] / max(typed["pred"], 1),
        "trigger recall (any type)": untyped["tp"] / max(typed["gold"], 1),
    }
    figures["f1"] = _f1(figures["precision"], figures["recall"])
    chars = sum(len(t) for t in texts)
    return figures, pipe_seconds, events_seconds, chars


def score_plover(nlp) -> dict[str, float]:  # type: ignore[no-untyped-def]
    records = [json.loads(line) for line in PLOVER_GSR.read_text().splitlines() if line.strip()]
    gold, predicted = [], []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        article = Article("gsr", "gsr", InputKind.TEXT, [record["text"]])
        events = find_events(article, doc)
        best = max(events, key=lambda e: e.confidence, default=None)
        gold.append(record["event_plover2"])
        predicted.append(best.type if best else NO_EVENT)
    classes = sorted(set(gold))
    f1s = []
    for label in classes:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        precision = tp / max(predicted.count(label), 1)
        recall = tp / max(gold.count(label), 1)
        f1s.append(_f1(precision, recall))
    return {
        "sentences": len(records),
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(records),
        "macro-F1 (16 classes)": sum(f1s) / len(f1s),
        "no event found": predicted.count(NO_EVENT) / len(records),
    }


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    nlp = load_nlp()
    pages, pipe_seconds, events_seconds, chars = score_pages(nlp)
    print("Real pages (bench/gold/events_article_extraction.jsonl)")
    for name, value in pages.items():
        print(f"  {name:30} {value:.3f}" if isinstance(value, float) else f"  {name:30} {value}")
    print("PLOVER GSR (../shared/data/events-plover-gsr, event_plover2)")
    for name, value in score_plover(nlp).items():
        print(f"  {name:30} {value:.3f}" if isinstance(value, float) else f"  {name:30} {value}")
    print(f"Speed on the 20 pages ({chars} characters)")
    print(f"  baseline: bare nlp.pipe        {pipe_seconds:.3f} s")
    print(f"  events + control stage         {events_seconds:.3f} s")
    print(f"  events cost / nlp.pipe         {events_seconds / pipe_seconds:.3f}")


if __name__ == "__main__":
    main()
