"""One-way evaluation gate: every score the CI-time benches print must not fall below its baseline.

The benches (quotes, events, geoparsing, extraction) run as they are, on the shared gold sets;
this script reads the scores they print, compares each with `bench/baseline.json`, prints
one row per figure (baseline, now, allowed noise) and exits 1 when any figure is worse than
its baseline by more than its noise. A figure that improves is reported; `--update` then
writes the new figures into the baseline, so the bar only moves up when someone chooses to
move it. Timings are never gated (they belong to the speed benches and vary by machine).

A score is a printed fraction (0.874, or 87.4%): precision, recall, F1, accuracy, shares.
Counts, distances and timings are skipped, as are the figures of other systems printed
beside sitrep's (trafilatura, the whole-text baseline, the spaCy model alone). Most scores
are better higher; those matching LOWER_IS_BETTER (rates of wrongly coded events) are better lower.
The benches are deterministic on one machine (fixed model, fixed data, no sampling), so the
noise margin only absorbs floating-point and thread-order differences between machines.

When the shared data is missing (SITREP_SHARED_DATA, else ../shared/data beside the
checkout), the gate says so and exits 0: a clean clone without the data still passes CI.

Run: .venv/bin/python bench/gate.py [--update] [--only quotes events ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from shared_data import SHARED

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "bench" / "baseline.json"
# One bench per entry, with the data folders it reads (all must exist for it to run).
BENCHES: dict[str, tuple[list[str], list[str]]] = {
    "quotes": (["bench/quotes.py"], ["quotes-gwn-dev", "article-extraction"]),
    "events": (["bench/events.py"], ["events-gwn-dev", "events-plover-gsr"]),
    "geoparsing": (["bench/geoparsing.py"], ["geoparsing-geowebnews", "article-extraction"]),
    "entities": (["bench/entities.py"], ["geoparsing-geowebnews"]),
    "extraction": (
        ["bench/extraction.py", "--no-cv", "--data", str(SHARED / "article-extraction")],
        ["article-extraction"],
    ),
}
DEFAULT_NOISE = 0.005
NOT_SCORES = re.compile(
    r"second|ms/page|median|mean|speed|cost|trafilatura|whole text|model alone", re.I
)
LOWER_IS_BETTER = re.compile(r"coded|no event found|from no-event|non-news", re.I)
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?%?")
_GAP = re.compile(r"\s{2,}")


@dataclass(frozen=True, slots=True)
class Figure:
    value: float
    better: str  # "higher" or "lower"
    noise: float

    def gain_over(self, baseline: Figure) -> float:
        """How much better than the baseline (negative when worse)."""
        gain = self.value - baseline.value
        return gain if baseline.better == "higher" else -gain


def read_scores(output: str) -> dict[str, float]:
    """The scores a bench printed, named "section | row | column" (see the module doc).

    Three layouts occur: markdown tables; plain tables whose column names stand right-aligned
    above their numbers (a header line with no number in it); and free lines of "name value" pieces
    ("direct quote span  precision 0.983  recall 0.966"), split at wide gaps, colons and commas.
    An unindented line that is not a table row opens a new section.
    """
    scores: dict[str, float] = {}
    section = ""
    columns: list[tuple[int, str]] = []  # (end position, name) of a plain table's header
    markdown: list[str] = []

    def keep(row: str, column: str, text: str) -> None:
        name = " | ".join(part for part in (section, row, column) if part)
        number = _NUMBER.match(text)  # "0.815 (493)": the score, then its count
        value = _fraction(number.group()) if number else None
        if value is not None and not NOT_SCORES.search(name):
            scores[name] = round(value, 6)

    for line in output.splitlines():
        if not line.strip():
            columns = []
            continue
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if all(set(cell) <= set("-: ") for cell in cells):
                continue
            if not any(_NUMBER.match(cell) for cell in cells[1:]):
                markdown = cells
                continue
            for column, cell in zip(markdown[1:], cells[1:], strict=False):
                keep(cells[0], column, cell)
            continue
        if not any(_NUMBER.fullmatch(word) for word in line.split()) and _GAP.search(line.strip()):
            columns = [(m.end(), m.group()) for m in re.finditer(r"\S+", line)]
            continue
        numbers = [m for m in re.finditer(r"(?<=\s)-?\d+(?:\.\d+)?%?(?=\s|$)", line)]
        if columns and numbers and _GAP.search(line.strip()):
            row = " ".join(line[: numbers[0].start()].split())
            for number in numbers:
                column = min(columns, key=lambda c: abs(c[0] - number.end()))[1]
                keep(row, column, number.group())
            continue
        if not line.startswith(" "):
            section = re.split(r"[:(;]|\d", line)[0].strip(" =")
            columns = []
            continue
        row = ""
        for piece in re.split(r"\s{2,}|:\s+|,\s+", line.strip()):
            found = re.fullmatch(r"(.*?)\s*(-?\d+(?:\.\d+)?%?)(?:\s*\(.*\))?", piece)
            if found is None:
                row = piece
            elif found.group(1):
                keep(row, found.group(1), found.group(2))
    return scores


def _fraction(text: str) -> float | None:
    """A score's value in [0, 1]; None for counts (no decimal point) and anything larger."""
    if text.endswith("%"):
        value = float(text[:-1]) / 100
    elif "." in text:
        value = float(text)
    else:
        return None
    return value if 0.0 <= value <= 1.0 else None


def run_bench(name: str) -> tuple[dict[str, Figure], float]:
    command, _ = BENCHES[name]
    env = {**os.environ, "SITREP_SHARED_DATA": str(SHARED)}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench {name} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    figures = {
        f"{name} | {score}": Figure(
            value,
            "lower" if LOWER_IS_BETTER.search(score) else "higher",
            DEFAULT_NOISE,
        )
        for score, value in read_scores(done.stdout).items()
    }
    if not figures:
        raise SystemExit(f"bench {name} printed no scores:\n{done.stdout[-3000:]}")
    return figures, seconds


def load_baseline(path: Path) -> dict[str, Figure]:
    if not path.exists():
        return {}
    stored = json.loads(path.read_text("utf-8"))["figures"]
    return {
        name: Figure(float(entry["value"]), entry["better"], float(entry["noise"]))
        for name, entry in stored.items()
    }


def write_baseline(path: Path, figures: dict[str, Figure]) -> None:
    stored = {
        "about": "Scores of the CI-time benches; written by `bench/gate.py --update`, read by "
        "`bench/gate.py`. A figure fails the gate when it is worse by more than its noise.",
        "figures": {
            name: {"value": f.value, "better": f.better, "noise": f.noise}
            for name, f in sorted(figures.items())
        },
    }
    path.write_text(json.dumps(stored, indent=1) + "\n", "utf-8")


def compare(baseline: dict[str, Figure], now: dict[str, Figure], benches: list[str]) -> int:
    """Print the table; the number of figures that got worse or went missing."""
    failures = 0
    names = sorted({n for n in baseline if n.split(" | ")[0] in benches} | set(now))
    width = max(len(n) for n in names)
    print(f"{'figure':<{width}}  baseline     now   noise  verdict")
    for name in names:
        old, new = baseline.get(name), now.get(name)
        if old is None and new is not None:
            print(f"{name:<{width}}         -  {new.value:6.3f}       -  new (not gated)")
            continue
        if old is not None and new is None:
            failures += 1
            print(f"{name:<{width}}  {old.value:8.3f}       -  {old.noise:6.3f}  MISSING")
            continue
        assert old is not None and new is not None
        # The rounding tolerance keeps a change of exactly the noise inside it.
        gain = new.gain_over(old)
        verdict = "ok"
        if gain < -old.noise - 1e-9:
            failures += 1
            verdict = "WORSE"
        elif gain > old.noise + 1e-9:
            verdict = "better (--update to raise the baseline)"
        print(f"{name:<{width}}  {old.value:8.3f}  {new.value:6.3f}  {old.noise:6.3f}  {verdict}")
    return failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--update", action="store_true", help="write the figures as baseline")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHES), default=sorted(BENCHES))
    parser.add_argument("--baseline", type=Path, default=BASELINE)
    args = parser.parse_args()
    missing = [
        folder
        for name in args.only
        for folder in BENCHES[name][1]
        if not (SHARED / folder).is_dir()
    ]
    if missing:
        print(
            f"gate skipped: shared data missing under {SHARED}: {', '.join(sorted(set(missing)))}"
        )
        return
    now: dict[str, Figure] = {}
    for name in args.only:
        figures, seconds = run_bench(name)
        print(f"bench {name}: {len(figures)} scores in {seconds:.0f} s", flush=True)
        now.update(figures)
    baseline = load_baseline(args.baseline)
    failures = compare(baseline, now, args.only)
    if args.update:
        kept = {n: f for n, f in baseline.items() if n.split(" | ")[0] not in args.only}
        noise = {n: f.noise for n, f in baseline.items()}
        write_baseline(
            args.baseline,
            kept | {n: Figure(f.value, f.better, noise.get(n, f.noise)) for n, f in now.items()},
        )
        print(f"baseline written: {args.baseline}")
        return
    if failures:
        raise SystemExit(f"gate FAILED: {failures} figure(s) worse than bench/baseline.json")
    print("gate passed")


if __name__ == "__main__":
    main()
