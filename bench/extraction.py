"""Article-body extraction on the shared article-extraction pages: sitrep beside baselines.

Metric (the benchmark's, re-implemented): tokens are runs of word characters; a page's
body is the multiset of its 4-token shingles; per page, true positives, false positives and
false negatives are counted over the multisets and normalised to sum to 1; precision and
recall are averaged over pages (skipping pages where they are undefined) and F1 is taken
from the two averages.

Rows: sitrep and trafilatura (default settings) on the same HTML in the same run, with the
read time per page of each (interleaved page by page) and their ratio; sitrep and the
whole-text baseline (the entire text dump, chrome included) on the text inputs; then the
text-dump model's train and dev (out-of-fold) figures, refitted as bench/train_textdump.py
does (`--no-cv` skips that).

    .venv/bin/python bench/extraction.py [--data ../shared/data/article-extraction] [--no-cv]
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

from shared_data import SHARED
from sitrep.errors import DocumentRejected
from sitrep.read import read_bytes

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = SHARED / "article-extraction"
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


Run = tuple[str, str, list[Scores], dict[str, float], list[float]]  # kind, name, .., seconds


def run_systems(
    kind: str,
    systems: dict[str, Callable[[bytes, str], str]],
    files: dict[str, Path],
    truth: dict,
) -> list[Run]:
    """Every system on every page, interleaved page by page so that a busy machine slows
    them alike; each page's time is the system's own (the file read is not counted)."""
    pages: dict[str, list[Scores]] = {name: [] for name in systems}
    f1_by_page: dict[str, dict[str, float]] = {name: {} for name in systems}
    seconds: dict[str, list[float]] = {name: [] for name in systems}
    for key, path in files.items():
        data = path.read_bytes()
        for name, extractor in systems.items():
            started = time.perf_counter()
            body = extractor(data, str(path))
            seconds[name].append(time.perf_counter() - started)
            scores = page_scores(truth[key]["articleBody"], body)
            pages[name].append(scores)
            f1_by_page[name][key] = summarise([scores])[2]
    return [(kind, name, pages[name], f1_by_page[name], seconds[name]) for name in systems]


def text_model_figures(data: Path) -> list[str]:
    """Train (in-sample) and dev (out-of-fold) figures of the text-dump model, refitted
    here exactly as `bench/train_textdump.py` does."""
    import train_textdump

    train, dev = train_textdump.cross_validate(train_textdump.load_pages(data))
    return [
        f"text-dump model, {train_textdump.FOLDS} folds by sha1(page id) % {train_textdump.FOLDS}:",
        f"  train (fit on all, in-sample)  P {train[0]:.3f}  R {train[1]:.3f}  F1 {train[2]:.3f}",
        f"  dev (out of fold)              P {dev[0]:.3f}  R {dev[1]:.3f}  F1 {dev[2]:.3f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--kind", choices=["html", "text", "all"], default="all")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst sitrep pages")
    parser.add_argument(
        "--no-cv", action="store_true", help="skip refitting the text-dump model by folds"
    )
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    runs: list[Run] = []
    if args.kind in ("html", "all"):
        html = {key: args.data / "html" / f"{key}.html.gz" for key in sorted(truth)}
        systems: dict[str, Callable[[bytes, str], str]] = {
            "sitrep": sitrep_body,
            "trafilatura": trafilatura_body,
        }
        runs += run_systems("html", systems, html, truth)
    if args.kind in ("text", "all"):
        text = {key: args.data / "text" / f"{key}.txt.gz" for key in sorted(truth)}
        runs += run_systems("text", {"sitrep": sitrep_body, "whole text": whole_text}, text, truth)
    print(f"{len(truth)} pages from {args.data}")
    print(
        f"{'input':<6} {'system':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'seconds':>8} "
        f"{'ms/page median':>14} {'mean':>6}"
    )
    for kind, name, pages, _, seconds in runs:
        precision, recall, f1 = summarise(pages)
        median_ms, mean_ms = 1000 * statistics.median(seconds), 1000 * statistics.mean(seconds)
        print(
            f"{kind:<6} {name:<12} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} "
            f"{sum(seconds):>8.1f} {median_ms:>14.1f} {mean_ms:>6.1f}"
        )
    times = {(kind, name): seconds for kind, name, _, _, seconds in runs}
    if ("html", "sitrep") in times:
        ratio = sum(times["html", "sitrep"]) / sum(times["html", "trafilatura"])
        print(f"html read time, sitrep / trafilatura alone (same pages, same run): {ratio:.2f}")
    if args.kind in ("text", "all") and not args.no_cv:
        print("\n".join(text_model_figures(args.data)))
    for kind, name, _, f1_by_page, _ in runs:
        if name == "sitrep" and args.worst:
            worst = sorted(f1_by_page.items(), key=lambda item: item[1])[: args.worst]
            print(f"worst {kind} pages:", ", ".join(f"{key[:8]} {f1:.2f}" for key, f1 in worst))


if __name__ == "__main__":
    main()
