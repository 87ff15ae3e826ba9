"""Throughput and peak memory of sitrep's ingest beside bare `nlp.pipe` over the same bodies.

The real pages of `../shared/data/article-extraction` are repeated (each copy
padded with trailing whitespace, so its content hash differs but its body does
not) until there are `--docs` inputs. Two measurements run in fresh child
processes, one after the other, with the same number of processes:

- sitrep: `process_paths(paths, workers=N)` (read, clean, guard, parse, annotate,
  extract) written into a fresh DuckDB store: `sitrep.pipeline.ingest`, the
  function behind `sitrep ingest` (its own batch size);
- bare:   `nlp.pipe(bodies, n_process=N)` of the full model over the bodies
  sitrep parses: those its reader produced from the same inputs and its guard
  let through (another language, an empty or navigation-only body is never
  parsed by sitrep, so parsing it would flatter sitrep); reading not timed.

Both sides time the model load and neither times `import spacy`, a fixed cost of
the interpreter, not of the articles.

Peak RSS is sampled from /proc over the child and all its descendants (sum and
largest single process). Run: `.venv/bin/python bench/throughput.py --docs 2000`
(`--classifier NAME` measures ingest with another event classifier).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

from shared_data import SHARED
from sitrep.settings import DEFAULT_CLASSIFIER, DEFAULT_SETTINGS

ROOT = Path(__file__).resolve().parent.parent
PAGES = SHARED / "article-extraction"
RSS_SAMPLE_SECONDS = 0.1
TARGET_RATIO = 1.3
TARGET_PEAK_RSS_MIB = 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="inputs to ingest (pages repeated)")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--kind", choices=["html", "text"], default="html", help="which captures")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--classifier", default=DEFAULT_CLASSIFIER, help="event classifier")
    parser.add_argument("--measure", choices=["sitrep", "bare"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        result = MEASURES[args.measure](Path(args.folder), args)
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        write_inputs(Path(folder), args.kind, args.docs)
        sitrep = measure_in_child("sitrep", folder, args)
        bare = measure_in_child("bare", folder, args)
    report(args, sitrep, bare)


def write_inputs(folder: Path, kind: str, docs: int) -> None:
    """`docs` input files cycling over the real pages, each copy's bytes unique."""
    pages = sorted((PAGES / kind).glob("*.gz"))
    if not pages:
        sys.exit(f"no pages under {PAGES / kind}")
    contents = [gzip.decompress(page.read_bytes()) for page in pages]
    for index in range(docs):
        copy, page = divmod(index, len(pages))
        name = f"{index:06d}-{pages[page].name.removesuffix('.gz')}"
        (folder / name).write_bytes(contents[page] + b"\n" + b" " * copy)


def measure_in_child(what: str, folder: str, args: argparse.Namespace) -> dict[str, float]:
    command = [sys.executable, __file__, "--measure", what, "--folder", folder]
    command += ["--workers", str(args.workers), "--batch-size", str(args.batch_size)]
    command += ["--classifier", args.classifier]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peaks = {"total": 0, "largest": 0, "pss": 0}
    sampler = threading.Thread(target=sample_rss, args=(child, peaks), daemon=True)
    sampler.start()
    output, _ = child.communicate()
    sampler.join()
    if child.returncode:
        sys.exit(f"{what} measurement failed with exit status {child.returncode}")
    result = json.loads(output.strip().splitlines()[-1])
    result["peak_rss_total_mib"] = peaks["total"] / 1024
    result["peak_rss_largest_mib"] = peaks["largest"] / 1024
    result["peak_pss_total_mib"] = peaks["pss"] / 1024
    return result


def sample_rss(child: subprocess.Popen[str], peaks: dict[str, int]) -> None:
    """Peak RSS (KiB) of `child` and its descendants, summed and per process."""
    while child.poll() is None:
        sizes = [rss_kib(pid) for pid in descendants(child.pid)]
        peaks["total"] = max(peaks["total"], sum(sizes))
        peaks["largest"] = max(peaks["largest"], max(sizes, default=0))
        peaks["pss"] = max(peaks["pss"], sum(pss_kib(pid) for pid in descendants(child.pid)))
        time.sleep(RSS_SAMPLE_SECONDS)


def descendants(pid: int) -> list[int]:
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                children = [int(c) for c in task.read_text().split()]
            except OSError:
                continue
            found += children
            frontier += children
    return found


def rss_kib(pid: int) -> int:
    return proc_field(f"/proc/{pid}/status", "VmRSS:")


def pss_kib(pid: int) -> int:
    """Proportional set size: shared pages split between their users, so the sum is honest."""
    return proc_field(f"/proc/{pid}/smaps_rollup", "Pss:")


def proc_field(path: str, name: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(name):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure_sitrep(folder: Path, args: argparse.Namespace) -> dict[str, object]:
    """The whole `sitrep ingest` into a fresh DuckDB store."""
    import spacy  # noqa: F401  (imported before the clock, as the bare side does)

    from sitrep.pipeline import ingest

    paths = [str(path) for path in sorted(folder.iterdir())]
    database = folder.parent / f"{folder.name}.duckdb"
    settings = replace(DEFAULT_SETTINGS, classifier=args.classifier)
    started = time.perf_counter()
    report = ingest(paths, str(database), settings=settings, workers=args.workers)
    seconds = time.perf_counter() - started
    database.unlink()
    mode = f"sitrep.pipeline.ingest into a fresh DuckDB store, classifier {args.classifier}"
    return {"seconds": seconds, "mode": mode, "articles": report.stored, "errors": report.errors}


def measure_bare(folder: Path, args: argparse.Namespace) -> dict[str, float]:
    import spacy

    from sitrep.annotate.nlp import MODEL_NAME
    from sitrep.read import read_paths
    from sitrep.records import Article
    from sitrep.scale.guards import reject_unfit

    paths = [str(path) for path in sorted(folder.iterdir())]
    articles = [r for r in read_paths(paths) if isinstance(r, Article)]
    started = time.perf_counter()
    nlp = spacy.load(MODEL_NAME)
    # sitrep's guard, which it runs inside its clock too (microseconds per article).
    language = DEFAULT_SETTINGS.language
    bodies = [a.body for a in articles if reject_unfit(a, nlp.max_length, language) is None]
    docs = sum(1 for _ in nlp.pipe(bodies, n_process=args.workers, batch_size=args.batch_size))
    seconds = time.perf_counter() - started
    words = sum(len(body.split()) for body in bodies)
    return {"seconds": seconds, "inputs": len(paths), "bodies": docs, "words": words}


MEASURES = {"sitrep": measure_sitrep, "bare": measure_bare}


def report(args: argparse.Namespace, sitrep: dict[str, float], bare: dict[str, float]) -> None:
    words = bare["words"]
    print(f"{args.docs} {args.kind} inputs, {bare['bodies']} bodies, {words:,} words, ")
    print(
        f"{args.workers} processes, batch size {args.batch_size}; sitrep measured: {sitrep['mode']}"
    )
    print(
        f"sitrep: {sitrep['articles']} articles stored/analysed, {sitrep['errors']} error records"
    )
    header = f"{'run':<16}{'seconds':>9}{'words/s':>10}{'inputs/s':>10}{'bodies/s':>10}"
    print(header + f"{'peak RSS sum MiB':>18}{'PSS sum MiB':>13}{'largest MiB':>13}")
    for name, row in (("sitrep ingest", sitrep), ("bare nlp.pipe", bare)):
        seconds = row["seconds"]
        print(
            f"{name:<16}{seconds:>9.1f}{words / seconds:>10.0f}{args.docs / seconds:>10.2f}"
            f"{bare['bodies'] / seconds:>10.2f}{row['peak_rss_total_mib']:>18.0f}"
            f"{row['peak_pss_total_mib']:>13.0f}{row['peak_rss_largest_mib']:>13.0f}"
        )
    ratio = sitrep["seconds"] / bare["seconds"]
    verdict = "meets" if ratio <= TARGET_RATIO else "misses"
    print(f"time ratio sitrep / bare nlp.pipe: {ratio:.2f} ({verdict} the {TARGET_RATIO}x target)")
    peak = sitrep["peak_pss_total_mib"]
    verdict = "meets" if peak < TARGET_PEAK_RSS_MIB else "misses"
    print(f"sitrep peak memory, all processes (PSS): {peak:.0f} MiB ({verdict} the 1 GiB target)")


if __name__ == "__main__":
    main()
