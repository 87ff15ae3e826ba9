"""Time bare `nlp.pipe` against `nlp.pipe` + annotate over the same bodies; print the ratio.

Target: annotation adds at most 30% to the bare pipe. Run:
    .venv/bin/python bench/annotate_overhead.py [../shared/data/article-extraction]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sitrep.annotate import annotate
from sitrep.annotate.gazetteer import load_gazetteer
from sitrep.annotate.nlp import load_nlp
from sitrep.records import Article, InputKind


def bodies(folder: Path) -> list[str]:
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    return [record["articleBody"] for record in truth.values() if record.get("articleBody")]


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/article-extraction")
    texts = bodies(folder)
    nlp = load_nlp()
    load_gazetteer()  # loaded once per process, outside both timings
    start = time.perf_counter()
    list(nlp.pipe(texts, batch_size=16))
    bare = time.perf_counter() - start
    articles = [
        Article("bench", str(i), InputKind.TEXT, t.split("\n\n")) for i, t in enumerate(texts)
    ]
    start = time.perf_counter()
    for doc, article in nlp.pipe(((a.body, a) for a in articles), as_tuples=True, batch_size=16):
        annotate(article, doc)
    annotated = time.perf_counter() - start
    print(f"documents: {len(texts)}")
    print(f"baseline bare nlp.pipe: {bare:.2f} s")
    print(f"nlp.pipe + annotate:    {annotated:.2f} s")
    print(f"overhead ratio: {annotated / bare - 1:.1%} (target <= 30%)")


if __name__ == "__main__":
    main()
