"""Quote and speaker precision/recall on hand-annotated real pages, and the cost of extraction.

Gold: bench/gold/quotes_articles.jsonl, one page of ../shared/data/article-extraction
a line, each with its direct quotations (text, speaker; alternatives joined by "|").
sitrep runs on each page's ground-truth `articleBody`, so the score measures quote
extraction, not cleaning. A predicted direct quote matches a gold one when their
spans overlap; its speaker is right when the last word of a gold alternative is one
of the predicted speaker's words ("Prakash" in "Aseem Prakash").

Run: .venv/bin/python bench/quotes.py
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from sitrep.annotate import annotate
from sitrep.annotate.nlp import load_nlp
from sitrep.extract import extract
from sitrep.extract.claims import find_claims
from sitrep.extract.quotes import find_quotes
from sitrep.records import Article, InputKind, Quote

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "quotes_articles.jsonl"
GROUND_TRUTH = ROOT.parent / "shared" / "data" / "article-extraction" / "ground-truth.json"
TIMING_ROUNDS = 3


def main() -> None:
    gold = [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]
    bodies = json.loads(GROUND_TRUTH.read_text("utf-8"))
    articles = [_article(page["id"], bodies[page["id"]]["articleBody"]) for page in gold]
    nlp = load_nlp()
    docs = list(nlp.pipe(a.body for a in articles))
    counts = dict.fromkeys(
        ["gold", "predicted", "found", "right_speaker", "correct", "correct_speaker"], 0
    )
    for page, article, doc in zip(gold, articles, docs, strict=True):
        annotate(article, doc)
        extract(article, doc)
        _score(page, article, counts)
    _report(counts, len(gold))
    _report_timing(nlp, articles)


def _article(page_id: str, body: str) -> Article:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    return Article(page_id, page_id, InputKind.TEXT, paragraphs)


def _score(page: dict, article: Article, counts: dict[str, int]) -> None:
    predicted = [q for q in article.quotes if q.direct]
    counts["gold"] += len(page["quotes"])
    counts["predicted"] += len(predicted)
    for gold_quote in page["quotes"]:
        start, end = _gold_span(article, gold_quote)
        matches = [q for q in predicted if q.start < end and q.end > start]
        counts["found"] += bool(matches)
        alternatives = gold_quote["speaker"].split("|")
        counts["right_speaker"] += any(_speaker_matches(q, alternatives) for q in matches)
    spans = [_gold_span(article, g) for g in page["quotes"]]
    for quote in predicted:
        matched = [
            g
            for g, (s, e) in zip(page["quotes"], spans, strict=True)
            if quote.start < e and quote.end > s
        ]
        counts["correct"] += bool(matched)
        counts["correct_speaker"] += any(
            _speaker_matches(quote, g["speaker"].split("|")) for g in matched
        )


def _gold_span(article: Article, gold_quote: dict) -> tuple[int, int]:
    start = article.body.find(gold_quote["text"])
    return start, start + len(gold_quote["text"])


def _speaker_matches(quote: Quote, alternatives: list[str]) -> bool:
    words = set(re.findall(r"[\w-]+", (quote.speaker or "").lower()))
    return any(a.lower().split()[-1] in words for a in alternatives)


def _report(counts: dict[str, int], pages: int) -> None:
    gold, predicted = counts["gold"], counts["predicted"]
    print(f"pages {pages}, gold direct quotes {gold}, predicted direct quotes {predicted}")
    for label, hits in (
        ("quote span", counts["found"]),
        ("quote+speaker", counts["right_speaker"]),
    ):
        precision = hits / predicted if predicted else 0.0
        recall = hits / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{label:14} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")


def _report_timing(nlp, articles: list[Article]) -> None:  # type: ignore[no-untyped-def]
    """Baseline: bare nlp.pipe; then the same plus annotate + quotes + claims."""
    texts = [a.body for a in articles]
    bare = extracting = float("inf")
    for _ in range(TIMING_ROUNDS):
        began = time.perf_counter()
        docs = list(nlp.pipe(texts))
        piped = time.perf_counter()
        for article, doc in zip(articles, docs, strict=True):
            annotate(article, doc)
            find_quotes(article, doc)
            find_claims(article, doc)
        done = time.perf_counter()
        bare = min(bare, piped - began)
        extracting = min(extracting, done - began)
    print(
        f"timing ({len(texts)} pages, best of {TIMING_ROUNDS}): baseline nlp.pipe {bare:.2f}s, "
        f"with annotate+quotes+claims {extracting:.2f}s, ratio {extracting / bare:.2f}"
    )


if __name__ == "__main__":
    main()
