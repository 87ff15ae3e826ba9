"""The store's cost per article as the database grows, its peak memory, and API latency.

Seeds: real pages (`examples/` and the first `--seed-pages` of
`../shared/data/article-extraction/html`) analysed once by `sitrep read --annotate
--extract --format json` in a child process, at run time (nothing is copied into the
repository). From them `--sizes` distinct analysed articles are made, as a desk sees a
developing crisis: each copy gets its own content hash and URL, a publication day that
advances with the stream (`--per-day` articles a day, event dates shifted alike), places
and actors drawn from pools of `--places` and `--actors` (so merges and contradictions
find company), and a closing paragraph of words drawn at random (so MinHash clusters
stay realistic); one copy in `--republish` repeats an earlier body (a wire story
republished), which must join that story's cluster.

They are written through `Store.write`, exactly as `sitrep ingest` does, in phases. The
cost at a size N is that of the 1,000 articles written next onto a store holding N (on
DuckDB from an empty log to every row they wrote checkpointed), printed beside the
baseline (the cost at 1,000) with the ratio to it, and where that CPU time went: the
store's database calls by kind (lookups, bulk inserts, commits with their checkpoints),
making the synthetic articles, and the rest (the writer's own Python). The first 1,000,
written onto an empty store, are shown too but are not the baseline: with nothing stored
they merge with nothing, join no cluster and pair no contradiction, so they measure a
cheaper job, not a smaller store. This process is the
writer: its peak RSS is the writer's memory. At the largest size the first page of every API
endpoint (`limit=100`, as the page asks) is timed through the ASGI app on a read-only store.

With `--page`, the page is then opened three times in headless Chromium over the served
store and the seconds until it marks itself ready are printed.

Run: `.venv/bin/python bench/store_scale.py --sizes 1000,5000,10000,20000,50000 --page`
(`--db postgresql://...` for PostgreSQL; a DuckDB file is made in a temporary folder,
or kept where `--db PATH.duckdb` names a new file). `--read-only --db PATH.duckdb` writes
nothing and times only the API (and the page with `--page`) on a store built before.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import itertools
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

from shared_data import SHARED
from sitrep.records import Article, EventDate, article_from_dict
from sitrep.store import is_database_file, open_store
from sitrep.store.api import QueryFilter
from sitrep.store.sql_store import SqlStore

ROOT = Path(__file__).resolve().parent.parent
PAGES = SHARED / "article-extraction" / "html"
TARGET_RATIO = 1.3
TARGET_PEAK_RSS_MIB = 1024
TARGET_FIRST_PAGE_MS = 300
TARGET_PAGE_SECONDS = 3
PAGE_LOADS = 3
ASKED = 3  # calls of each endpoint's first page
BASELINE = 1000  # the store size whose cost is the baseline
WINDOW = 1000  # articles timed at each size
WARM_UP = 100  # articles written, untimed, to load a reopened store's writer books
FIRST_DAY = date(2024, 1, 1)
ENDPOINTS = [
    "/api/articles",
    "/api/actors",
    "/api/places",
    "/api/events",
    "/api/claims",
    "/api/quotes",
    "/api/control-changes",
    "/api/contradictions",
    "/api/errors",
    "/api/counts",
    "/api/control?on=2024-12-31",
]
WORD = re.compile(r"\b\w{4,}\b")
# Share of a body's longer words replaced in each copy: 3-word shingles of two copies of one
# seed then overlap about (1 - share)^3, far below the near-duplicate threshold.
REPLACED_SHARE = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000", help="phase ends, ascending")
    parser.add_argument(
        "--db", help="postgresql:// URL or a DuckDB file to keep (default: a temporary file)"
    )
    parser.add_argument(
        "--read-only", action="store_true", help="write nothing: time reads of --db as it is"
    )
    parser.add_argument("--seed-pages", type=int, default=20)
    parser.add_argument("--pages", default=str(PAGES), help="folder of real .html.gz pages")
    parser.add_argument("--seeds", help="a JSON Lines file of analysed articles to start from")
    parser.add_argument("--per-day", type=int, default=150, help="articles published a day")
    parser.add_argument("--places", type=int, default=400)
    parser.add_argument("--actors", type=int, default=1500)
    parser.add_argument("--republish", type=int, default=10, help="one in N repeats a body")
    parser.add_argument(
        "--page", action="store_true", help="also time the page in headless Chromium"
    )
    parser.add_argument(
        "--statements",
        type=int,
        default=0,
        metavar="N",
        help="also print each window's N costliest statement shapes (CPU seconds, calls)",
    )
    parser.add_argument(
        "--paired",
        type=int,
        default=0,
        metavar="K",
        help="DuckDB: then K rounds of the same 1,000 articles onto a copy of the store at"
        " 1,000, each beside 1,000 more onto the largest (medians and their ratio)",
    )
    args = parser.parse_args()
    sizes = sorted({int(size) for size in args.sizes.split(",")})
    postgres = bool(args.db) and not is_database_file(args.db)
    if args.read_only:
        if not args.db or postgres or not Path(args.db).is_file():
            sys.exit("--read-only needs --db naming a DuckDB file built before")
        read_only_run(args.db, args.page)
        return
    if args.db and not postgres and Path(args.db).exists():
        sys.exit(f"{args.db} exists: give a new file, or --read-only to time it")
    seeds = load_seeds(args)
    print(f"{len(seeds)} analysed seed articles", flush=True)
    # PostgreSQL: a fresh schema for this run, so sizes count only what it wrote.
    schema = f"store_scale_{uuid.uuid4().hex[:8]}" if postgres else None
    with tempfile.TemporaryDirectory(prefix="sitrep-store-scale-") as folder:
        db = args.db or str(Path(folder) / "scale.duckdb")
        pairing = Pairing(args.paired, Path(folder), seeds, args) if args.paired else None
        if pairing and postgres:
            sys.exit("--paired copies DuckDB files: not for PostgreSQL")
        costs, writer_peak = write_phases(
            db, schema, sizes, synthetic_articles(seeds, args), args.statements, pairing
        )
        latencies = first_pages(db, schema)
        page_seconds = page_ready_seconds(db, schema, Path(folder)) if args.page else []
        if schema:
            drop_schema(db, schema)
    report(sizes, costs, "postgresql" if postgres else "duckdb", writer_peak)
    if pairing:
        pairing.report(max(costs))
    report_reads(max(costs) + WINDOW, latencies, page_seconds)


def read_only_run(db: str, page: bool) -> None:
    """The API's first pages (and the page's ready time) on an existing DuckDB file."""
    store = open_store(db, read_only=True)
    try:
        stored = store.counts(QueryFilter())["totals"]["articles"]
    finally:
        store.close()
    latencies = first_pages(db, None)
    with tempfile.TemporaryDirectory(prefix="sitrep-store-scale-") as folder:
        page_seconds = page_ready_seconds(db, None, Path(folder)) if page else []
    report_reads(stored, latencies, page_seconds)


def load_seeds(args: argparse.Namespace) -> list[Article]:
    if args.seeds:
        text = Path(args.seeds).read_text(encoding="utf-8")
    else:
        pages = sorted(Path(args.pages).glob("*.html.gz"))[: args.seed_pages]
        if not pages:
            sys.exit(f"no pages under {args.pages} (give --pages or --seeds)")
        sitrep = Path(sys.executable).with_name("sitrep")
        command = [str(sitrep), "read", str(ROOT / "examples"), *map(str, pages)]
        command += ["--annotate", "--extract", "--format", "json"]
        text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    seeds = [article_from_dict(json.loads(line)) for line in text.splitlines() if line.strip()]
    return [s for s in seeds if s.events or s.claims] or seeds


def synthetic_articles(seeds: list[Article], args: argparse.Namespace) -> Iterator[Article]:
    """Distinct analysed articles, endlessly: seeds varied in date, places, actors and words."""
    chance = random.Random(11)
    vocabulary: dict[int, list[str]] = {}
    for seed in seeds:
        for word in WORD.findall(seed.body):
            vocabulary.setdefault(len(word), []).append(word)
    recent: list[tuple[int, int]] = []  # (seed, wording) of recent bodies, to republish
    index = 0
    while True:
        day = FIRST_DAY + timedelta(days=index // args.per_day)
        if recent and index % args.republish == args.republish - 1:
            seed_index, wording = chance.choice(recent)  # same body, other outlet and URL
        else:
            seed_index, wording = index % len(seeds), index
            recent = [*recent[-999:], (seed_index, wording)]
        seed = seeds[seed_index]
        paragraphs = reworded(seed.paragraphs, vocabulary, random.Random(wording))
        yield vary(seed, index, day, paragraphs, chance, args)
        index += 1


def reworded(
    paragraphs: list[str], vocabulary: dict[int, list[str]], chance: random.Random
) -> list[str]:
    """The paragraphs with words swapped for others of the same length: offsets still hold."""

    def swap(word: re.Match[str]) -> str:
        if chance.random() >= REPLACED_SHARE:
            return word.group()
        return chance.choice(vocabulary[len(word.group())])

    return [WORD.sub(swap, paragraph) for paragraph in paragraphs]


def vary(
    seed: Article,
    index: int,
    day: date,
    paragraphs: list[str],
    chance: random.Random,
    args: argparse.Namespace,
) -> Article:
    item = dataclasses.replace(seed, paragraphs=paragraphs)
    item.content_hash = hashlib.sha256(f"{seed.content_hash}:{index}".encode()).hexdigest()
    item.url = f"https://news{index % 97}.example/{index}"
    item.source = item.url
    item.outlet = f"Outlet {index % 97}"
    shift = day - (seed.published.date() if seed.published else FIRST_DAY)
    item.published = datetime.combine(day, datetime.min.time())
    picks = [chance.randrange(args.places) for _ in seed.places]
    item.places = [
        dataclasses.replace(
            place, geonames_id=1_000_000 + pick, name=f"Town {pick}", country=f"C{pick % 12}"
        )
        for place, pick in zip(seed.places, picks, strict=True)
    ]
    item.actors = [
        dataclasses.replace(actor, name=f"{actor.name} {chance.randrange(args.actors)}", aliases=[])
        for actor in seed.actors
    ]
    item.events = [
        dataclasses.replace(event, date=_shifted(event.date, shift)) for event in seed.events
    ]
    item.control_changes = [
        dataclasses.replace(change, date=_shifted(change.date, shift))
        for change in seed.control_changes
    ]
    return item


def _shifted(when: EventDate | None, shift: timedelta) -> EventDate | None:
    if when is None:
        return None
    return dataclasses.replace(when, start=when.start + shift, end=when.end + shift)


STEPS = ("lookups", "inserts", "commits", "making articles")


class StepClock:
    """CPU seconds spent in each kind of the store's database calls (and in making the
    synthetic articles), counted by wrapping the store's database object, not its code."""

    def __init__(self, database: object) -> None:
        self.seconds = dict.fromkeys(STEPS, 0.0)
        # CPU seconds and calls by statement shape (its first words, or the table inserted
        # into), to find which one grows with the store.
        self.statements: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self.dialect = database.dialect  # type: ignore[attr-defined]
        self.execute = database.execute  # type: ignore[attr-defined]
        for method, step in (("query", "lookups"), ("execute", "lookups"), ("insert", "inserts")):
            setattr(database, method, self.timed(getattr(database, method), step))
        transaction = database.transaction  # type: ignore[attr-defined]

        @contextmanager
        def committed() -> Iterator[None]:
            with transaction():
                yield
                started = time.process_time()  # leaving the block commits
            self.seconds["commits"] += time.process_time() - started

        database.transaction = committed  # type: ignore[attr-defined]

    def checkpoint(self) -> None:
        """Write DuckDB's log into the file, as a commit (PostgreSQL has nothing to do): a
        phase's window starts with an empty log and ends having paid for writing all its
        rows, wherever DuckDB's own checkpoints (at each 16 MB of log) fall."""
        if self.dialect == "duckdb":
            started = time.process_time()
            self.execute("CHECKPOINT")
            self.seconds["commits"] += time.process_time() - started

    def timed(self, call: Callable[..., object], step: str) -> Callable[..., object]:
        def timed_call(*args: object, **kwargs: object) -> object:
            started = time.process_time()
            try:
                return call(*args, **kwargs)
            finally:
                spent = time.process_time() - started
                self.seconds[step] += spent
                shape = statement_shape(step, args)
                self.statements[shape] += spent
                self.calls[shape] += 1

        return timed_call

    def take(self, articles: Iterator[Article], count: int) -> Iterator[Article]:
        for _ in range(count):
            started = time.process_time()
            article = next(articles)
            self.seconds["making articles"] += time.process_time() - started
            yield article


def statement_shape(step: str, args: tuple[object, ...]) -> str:
    """`insert <table>` for a bulk insert, else the statement's first 90 characters."""
    if step == "inserts":
        return f"insert {args[0]}"
    return " ".join(str(args[0]).split())[:90]


Costs = dict[int, tuple[float, float, dict[str, float]]]
EMPTY = 0  # the key of the first 1,000, written onto an empty store


class Pairing:
    """Windows on the smallest and largest store interleaved, so that a shared machine's
    load, which moves CPU seconds by a quarter between runs, weighs on both sides alike:
    each round writes the same 1,000 articles (those after the first 1,000) onto a fresh
    copy of the store as it was at 1,000, then 1,000 more onto the largest store. Only one
    store is open at a time: the other's writer books would make every collection of this
    process walk them, and so charge the largest store's memory to the small side too."""

    def __init__(
        self, rounds: int, folder: Path, seeds: list[Article], args: argparse.Namespace
    ) -> None:
        self.rounds, self.folder, self.seeds, self.args = rounds, folder, seeds, args
        self.snapshot = folder / "at-baseline.duckdb"
        self.small: list[float] = []
        self.large: list[float] = []

    def keep(self, db: str) -> None:
        """Copy the closed store's files (the database and its payload pack)."""
        for suffix in ("", ".payloads"):
            if Path(db + suffix).exists():
                shutil.copyfile(db + suffix, str(self.snapshot) + suffix)

    def run(self, db: str, schema: str | None, articles: Iterator[Article]) -> None:
        for round_ in range(self.rounds):
            copy = self.folder / "paired.duckdb"
            for suffix in ("", ".payloads"):
                if Path(str(self.snapshot) + suffix).exists():
                    shutil.copyfile(str(self.snapshot) + suffix, str(copy) + suffix)
            same = itertools.islice(
                synthetic_articles(self.seeds, self.args), BASELINE, BASELINE + WINDOW
            )
            small = open_store(str(copy))
            try:
                self.small.append(cpu_seconds(small, list(same)))
            finally:
                small.close()
            store = open_store(db, schema=schema)
            try:
                store.write(itertools.islice(articles, WARM_UP))  # the writer's books loaded
                self.large.append(cpu_seconds(store, list(itertools.islice(articles, WINDOW))))
            finally:
                store.close()
            print(
                f"  round {round_ + 1}: {self.small[-1]:.1f} s CPU at {BASELINE:,},"
                f" {self.large[-1]:.1f} s CPU at the largest",
                flush=True,
            )

    def report(self, largest: int) -> None:
        small, large = statistics.median(self.small), statistics.median(self.large)
        print(
            f"\npaired windows ({self.rounds} rounds, interleaved): median CPU s per 1,000 at"
            f" {BASELINE:,} = {small:.1f} ({', '.join(f'{s:.1f}' for s in self.small)}),"
            f" at {largest:,}+ = {large:.1f} ({', '.join(f'{s:.1f}' for s in self.large)});"
            f" ratio {large / small:.2f} (target ≤ {TARGET_RATIO})"
        )


def cpu_seconds(store: SqlStore, articles: list[Article]) -> float:
    """CPU seconds to store `articles` and checkpoint them (the making of them left out)."""
    gc.collect()  # what the last window left is not this one's to collect
    started = time.process_time()
    report = store.write(iter(articles))
    store.database.execute("CHECKPOINT")
    if report.errors:
        sys.exit(f"{report.errors} articles failed to store")
    return time.process_time() - started


def write_phases(
    db: str,
    schema: str | None,
    sizes: list[int],
    articles: Iterator[Article],
    statements: int,
    pairing: Pairing | None = None,
) -> tuple[Costs, float]:
    """Wall and CPU seconds (this process, all its threads) for the first 1,000 articles and
    for the 1,000 written next onto a store of each size, and that CPU time by step. CPU time
    is the steadier figure on a shared machine; on PostgreSQL it leaves out the server's
    work. With them, the process's peak RSS once written: the writer's."""
    store = open_store(db, schema=schema)
    clock = StepClock(store.database)
    costs: Costs = {}
    written = 0
    try:
        for size in sorted({EMPTY, BASELINE, *sizes}):
            if size < written:
                sys.exit(f"sizes must be at least {WINDOW:,} apart ({size:,} comes too soon)")
            store.write(clock.take(articles, size - written))
            clock.checkpoint()
            if pairing and size == BASELINE:
                store.close()
                pairing.keep(db)
                store = open_store(db, schema=schema)
                clock = StepClock(store.database)
            clock.seconds = dict.fromkeys(STEPS, 0.0)
            clock.statements.clear()
            clock.calls.clear()
            started, cpu = time.perf_counter(), time.process_time()
            report = store.write(clock.take(articles, WINDOW))
            clock.checkpoint()
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            costs[size] = (wall, cpu, dict(clock.seconds))
            if report.errors:
                sys.exit(f"{report.errors} articles failed to store at {size}")
            written = size + WINDOW
            # Each phase in full as it ends, so a run cut short still tells where time went.
            steps = ", ".join(f"{step} {seconds:.1f}" for step, seconds in clock.seconds.items())
            print(
                f"  {size:>7,} articles stored: {wall:.1f} s ({cpu:.1f} s CPU) for the next"
                f" 1,000 ({steps}); peak RSS so far {peak_rss_mib():.0f} MiB",
                flush=True,
            )
            costliest = sorted(clock.statements.items(), key=lambda item: -item[1])
            for shape, seconds in costliest[:statements]:
                print(f"    {seconds:6.2f} s {clock.calls[shape]:5} × {shape}", flush=True)
    finally:
        store.close()
    writer_peak = peak_rss_mib()
    if pairing:
        pairing.run(db, schema, articles)
    return costs, writer_peak


def first_pages(db: str, schema: str | None) -> dict[str, tuple[float, float, float]]:
    """Milliseconds of each endpoint's first page on a read-only store, served as `sitrep
    serve` serves it (its start-up reads every list's first page; its seconds are printed):
    the first call, the median of `ASKED` calls, and the median CPU time of this process (all
    threads, DuckDB's too: the steadier figure on a shared machine)."""
    from fastapi.testclient import TestClient

    from sitrep.serve.app import create_app

    store = open_store(db, read_only=schema is None, schema=schema)
    latencies = {}
    started = time.perf_counter()
    try:
        # Entered as a server starts: it reads every list's first page before it answers.
        app = create_app(store)
        with TestClient(app, base_url="http://localhost") as client:  # a Host it serves
            start_up = time.perf_counter() - started
            print(f"server start-up (every list's first page read): {start_up:.2f} s")
            for endpoint in ENDPOINTS:
                walls, cpus = [], []
                for _ in range(ASKED):
                    started, cpu = time.perf_counter(), time.process_time()
                    response = client.get(endpoint)
                    walls.append((time.perf_counter() - started) * 1000)
                    cpus.append((time.process_time() - cpu) * 1000)
                    if response.status_code != 200:
                        sys.exit(
                            f"{endpoint} answered {response.status_code}: {response.text[:200]}"
                        )
                latencies[endpoint] = (walls[0], statistics.median(walls), statistics.median(cpus))
    finally:
        store.close()
    return latencies


def page_ready_seconds(db: str, schema: str | None, folder: Path) -> list[float]:
    """Seconds from opening the page to its `data-ready` mark, over a served read-only store,
    in headless Chromium (the browser tests' helpers); each load in a fresh profile."""
    sys.path.insert(0, str(ROOT / "tests" / "serve"))
    from live import chromium, chromium_paths, serving
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    if chromium_paths() is None:
        print("no chromium/chromedriver: page not timed")
        return []
    store = open_store(db, read_only=schema is None, schema=schema)
    seconds = []
    try:
        with serving(store) as url:
            for load in range(PAGE_LOADS):
                with chromium(folder / f"profile-{load}") as driver:
                    started, cpu = time.perf_counter(), time.process_time()
                    driver.get(url)  # type: ignore[attr-defined]
                    WebDriverWait(driver, 120).until(
                        lambda d: (
                            d.find_element(By.TAG_NAME, "body").get_attribute("data-ready")
                            == "true"
                        )
                    )
                    seconds.append(time.perf_counter() - started)
                    print_requests(driver, seconds[-1], time.process_time() - cpu)
    finally:
        store.close()
    return seconds


def print_requests(driver: object, ready: float, server_cpu: float) -> None:
    """What the page asked the API for while opening: count, size, the slowest, and the
    CPU time this process (the server, DuckDB's threads too) spent answering."""
    asked = driver.execute_script(  # type: ignore[attr-defined]
        "return performance.getEntriesByType('resource')"
        ".filter((e) => new URL(e.name).pathname.startsWith('/api/'))"
        ".map((e) => [new URL(e.name).pathname, e.duration, e.decodedBodySize])"
    )
    kib = sum(size for _, _, size in asked) / 1024
    slowest = sorted(asked, key=lambda entry: -entry[1])[:3]
    shown = ", ".join(f"{path} {ms:.0f} ms" for path, ms, _ in slowest)
    print(
        f"  page ready in {ready:.1f} s (server CPU {server_cpu:.2f} s, load average"
        f" {os.getloadavg()[0]:.1f}): {len(asked)} API requests, {kib:,.0f} KiB; {shown}"
    )


def drop_schema(url: str, schema: str) -> None:
    store = open_store(url, schema=schema)
    store.database.execute(f"DROP SCHEMA {schema} CASCADE")
    store.close()


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(sizes: list[int], costs: Costs, kind: str, peak: float) -> None:
    base, base_cpu, _ = costs[BASELINE]
    print(
        f"\n{kind}: seconds for the next 1,000 articles at each size"
        f" (baseline: at 1,000 stored = {base:.1f} s, {base_cpu:.1f} s CPU)"
    )
    print("| articles stored | s / 1,000 | × baseline | CPU s / 1,000 | × baseline |")
    print("|---:|---:|---:|---:|---:|")
    for size in sorted(costs):
        wall, cpu, _ = costs[size]
        print(
            f"| {stored_label(size)} | {wall:.1f} | {wall / base:.2f} | {cpu:.1f}"
            f" | {cpu / base_cpu:.2f} |"
        )
    print("\nwhere the CPU seconds of each window went")
    print(f"| articles stored | {' | '.join(STEPS)} | the rest (the writer's Python) |")
    print("|---:" * (len(STEPS) + 2) + "|")
    for size in sorted(costs):
        _, cpu, steps = costs[size]
        shown = " | ".join(f"{steps[step]:.1f}" for step in STEPS)
        print(f"| {stored_label(size)} | {shown} | {cpu - sum(steps.values()):.1f} |")
    largest = max(costs)
    ratio, cpu_ratio = costs[largest][0] / base, costs[largest][1] / base_cpu
    print(
        f"cost at {largest:,} / cost at {BASELINE:,}: {ratio:.2f}, CPU {cpu_ratio:.2f}"
        f" (target ≤ {TARGET_RATIO}); the first 1,000 onto an empty store:"
        f" CPU {costs[EMPTY][1] / base_cpu:.2f} × baseline"
    )
    # Taken before the paired rounds, which reopen the largest store (loading its writer's
    # books again) once each, as one writer never does.
    print(f"writer peak RSS: {peak:.0f} MiB (target < {TARGET_PEAK_RSS_MIB} MiB)")


def stored_label(size: int) -> str:
    return "0 (empty)" if size == EMPTY else f"{size:,}"


def report_reads(
    articles: int, latencies: dict[str, tuple[float, float, float]], page_seconds: list[float]
) -> None:
    print(f"\nfirst page at {articles:,} articles (target < {TARGET_FIRST_PAGE_MS} ms)")
    print(f"| endpoint | first call ms | median of {ASKED} ms | CPU ms (median) |")
    print("|---|---:|---:|---:|")
    for endpoint, (first, median, cpu) in latencies.items():
        print(f"| `{endpoint}` | {first:.0f} | {median:.0f} | {cpu:.0f} |")
    if page_seconds:
        shown = ", ".join(f"{seconds:.1f}" for seconds in page_seconds)
        print(
            f"\npage ready (body data-ready) in headless Chromium: {shown} s"
            f" (target < {TARGET_PAGE_SECONDS} s)"
        )


if __name__ == "__main__":
    main()
