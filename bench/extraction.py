"""Article-body extraction on the shared article-extraction pages: sitrep beside baselines.

Metric (the benchmark's, re-implemented): tokens are runs of word characters; a page's
body is the multiset of its 4-token shingles; per page, true positives, false positives and
false negatives are counted over the multisets and normalised to sum to 1; precision and
recall are averaged over pages (skipping pages where they are undefined) and F1 is taken
from the two averages.

Rows: sitrep and trafilatura (default settings) on the same HTML in the same run; sitrep
and the whole-text baseline (the entire text dump, chrome included) on the text inputs.

    .venv/bin/python bench/extraction.py [--data ../shared/data/article-extraction]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from sitrep.errors import DocumentRejected
from sitrep.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "article-extraction"
SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")

Scores = tuple[float, float, float]  # normalised (tp, fp, fn) of one page


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - SHINGLE_SIZE + 1)
    return Counter(
        tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(count) if tokens[i : i + SHINGLE_SIZE]
    )


def page_scores(truth: str, predicted: str) -> Scores:
    expected, found = shingles(truth), shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def summarise(pages: list[Scores]) -> tuple[float, float, float]:
    """(precision, recall, F1): per-page precision and recall averaged, F1 of the averages."""
    precisions = [_ratio(tp, fp, fn) for tp, fp, fn in pages if tp + fp > 0]
    recalls = [_ratio(tp, fn, fp) for tp, fp, fn in pages if tp + fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _ratio(hit: float, miss: float, other_miss: float) -> float:
    if miss == other_miss == 0:
        return 1.0
    return hit / (hit + miss) if hit + miss else 0.0


def sitrep_body(data: bytes, source: str) -> str:
    try:
        return read_bytes(data, source).body
    except DocumentRejected:
        return ""


def trafilatura_body(data: bytes, _source: str) -> str:
    return trafilatura.extract(gzip.decompress(data)) or ""


def whole_text(data: bytes, _source: str) -> str:
    return gzip.decompress(data).decode("utf-8", errors="replace")


def run_system(
    name: str, extractor: Callable[[bytes, str], str], files: dict[str, Path], truth: dict
) -> tuple[str, list[Scores], dict[str, float], float]:
    started = time.perf_counter()
    pages: list[Scores] = []
    f1_by_page: dict[str, float] = {}
    for key, path in files.items():
        scores = page_scores(truth[key]["articleBody"], extractor(path.read_bytes(), str(path)))
        pages.append(scores)
        f1_by_page[key] = summarise([scores])[2]
    return name, pages, f1_by_page, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--kind", choices=["html", "text", "all"], default="all")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst sitrep pages")
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    runs = []
    if args.kind in ("html", "all"):
        html = {key: args.data / "html" / f"{key}.html.gz" for key in sorted(truth)}
        runs.append(("html", run_system("sitrep", sitrep_body, html, truth)))
        runs.append(("html", run_system("trafilatura", trafilatura_body, html, truth)))
    if args.kind in ("text", "all"):
        text = {key: args.data / "text" / f"{key}.txt.gz" for key in sorted(truth)}
        runs.append(("text", run_system("sitrep", sitrep_body, text, truth)))
        runs.append(("text", run_system("whole text", whole_text, text, truth)))
    print(f"{len(truth)} pages from {args.data}")
    print(f"{'input':<6} {'system':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'seconds':>8}")
    for kind, (name, pages, _, seconds) in runs:
        precision, recall, f1 = summarise(pages)
        print(f"{kind:<6} {name:<12} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {seconds:>8.1f}")
    for kind, (name, _, f1_by_page, _) in runs:
        if name == "sitrep" and args.worst:
            worst = sorted(f1_by_page.items(), key=lambda item: item[1])[: args.worst]
            print(f"worst {kind} pages:", ", ".join(f"{key[:8]} {f1:.2f}" for key, f1 in worst))


if __name__ == "__main__":
    main()
