"""CPU seconds of each part of sitrep's own work over the article-extraction pages.

The pages of `../shared/data/article-extraction/<kind>` are read as `sitrep ingest` reads
them (`raw_documents` then `read_document`), parsed with one `nlp.pipe`, run through each
stage of the default pipeline and written into a fresh DuckDB store. Each part is timed in
CPU seconds of this process (`time.process_time`): other work on a shared machine inflates
them less than wall time, though it still does (shared caches and cores). The parse is timed
too, as the bare cost the rest is set against.

It prints a digest of the analysed articles: two versions of the code that analyse alike
print the same one (`--output FILE` writes the articles, for a diff when they do not).
`--repeat N` runs the stages N times over fresh copies of the articles, nothing cached on
the Docs, and keeps each stage's least time: noise only ever adds time. `--profile N` also
prints the N functions with the most cumulative time under the stages (cProfile; profiling
slows every call, so the seconds of that run are not comparable).
Run: `.venv/bin/python bench/stage_cpu.py [--kind html] [--repeat 3] [--profile 40]`
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import gzip
import hashlib
import json
import pstats
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from shared_data import SHARED
from sitrep.analysis import prepare
from sitrep.read import raw_documents, read_document
from sitrep.records import Article, RawDocument
from sitrep.settings import DEFAULT_SETTINGS
from sitrep.stages import build_pipeline
from sitrep.store import open_store

PAGES = SHARED / "article-extraction"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", choices=["html", "text"], default="html")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument("--dump", help="also write the profile (pstats) to this file")
    parser.add_argument("--output", help="write the analysed articles (JSON) to this file")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run the stages N times, keep each stage's least"
    )
    args = parser.parse_args()
    settings = DEFAULT_SETTINGS
    nlp = prepare(settings)
    pipeline = build_pipeline(settings)
    seconds: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory(prefix="sitrep-stage-cpu-") as folder:
        for page in sorted((PAGES / args.kind).glob("*.gz")):
            (Path(folder) / page.name.removesuffix(".gz")).write_bytes(
                gzip.decompress(page.read_bytes())
            )
        started = time.process_time()
        raw = [doc for doc in raw_documents([folder]) if isinstance(doc, RawDocument)]
        articles = [a for a in map(read_document, raw) if isinstance(a, Article)]
        seconds["read"] = time.process_time() - started
        started = time.process_time()
        docs = list(nlp.pipe([a.body for a in articles], batch_size=settings.batch_size))
        seconds["parse"] = time.process_time() - started
        profiler = cProfile.Profile() if args.profile else None
        read = articles
        for _ in range(args.repeat):
            # Each pass analyses fresh copies, with nothing cached on the Docs.
            articles = copy.deepcopy(read)
            for doc in docs:
                doc.user_data.clear()
            passed: dict[str, float] = defaultdict(float)
            clock = StageClock(passed)
            for article, doc in zip(articles, docs, strict=True):
                if profiler is not None:
                    profiler.enable()
                pipeline.run(article, doc, on_stage=clock)
                clock.stop()
                if profiler is not None:
                    profiler.disable()
            for name, value in passed.items():
                seconds[name] = min(seconds.get(name, value), value)
        store = open_store(str(Path(folder) / "store.duckdb"))
        started = time.process_time()
        store.write(articles)
        store.close()
        seconds["store"] = time.process_time() - started
    own = sum(value for name, value in seconds.items() if name != "parse")
    print(f"{len(articles)} articles from {len(raw)} {args.kind} pages; CPU seconds:")
    for name, value in seconds.items():
        print(f"  {name:<12}{value:>7.2f}")
    print(f"  {'sitrep own':<12}{own:>7.2f}  ({own / seconds['parse']:.2f} of the parse)")
    # Two versions of the code that analyse alike print the same digest.
    records = json.dumps([_without_folder(a.to_dict()) for a in articles], sort_keys=True)
    print(f"output digest {hashlib.sha256(records.encode()).hexdigest()[:16]}")
    if args.output:
        Path(args.output).write_text(records)
    if profiler is not None:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
        if args.dump:
            profiler.dump_stats(args.dump)


def _without_folder(record: dict[str, object]) -> dict[str, object]:
    """The record less the name of this run's temporary folder."""
    return {**record, "source": Path(str(record["source"])).name}


class StageClock:
    """An `on_stage` callback adding each stage's CPU time to `seconds`; `stop` ends the last."""

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds
        self.running: tuple[str, float] | None = None

    def __call__(self, name: str) -> None:
        self.stop()
        self.running = (name, time.process_time())

    def stop(self) -> None:
        if self.running is not None:
            name, since = self.running
            self.seconds[name] += time.process_time() - since
            self.running = None


if __name__ == "__main__":
    main()
