"""Fit the text-dump body model (`sitrep.clean.blockmodel`) and report train and dev figures.

Split (fixed before any error was read, by document, never by line): a page's fold is
int(sha1(page id).hexdigest(), 16) % 5, the page id being its key in ground-truth.json.
Cross-validation: for each fold, a model is fitted on the other four folds and scores the
pages of its fold ("dev", out of fold: every page is scored by a model that never saw it).
"train" is the model fitted on all pages scoring those same pages (in-sample). The shipped
model is the one fitted on all pages.

Labels: the page text and the ground-truth body are cut into word tokens; every run of four
page tokens that is also a 4-token shingle of the body marks its tokens as body; a line is
body when at least half of its tokens are so marked.

    .venv/bin/python bench/train_textdump.py [--data DIR] [--write]

`--write` writes src/sitrep/knowledge/reading/textdump_model.json.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier

from extraction import DEFAULT_DATA, ROOT, Scores, page_scores, summarise
from sitrep.clean import blockmodel
from sitrep.clean.textdump import block_features, page_layout, select_body, split_blocks

FOLDS = 5
TREES = 150
DEPTH = 3
LEARNING_RATE = 0.1
SEED = 0
MIN_BODY_SHARE = 0.5
DEFAULT_CUTOFF = 0.5
MODEL_PATH = ROOT / "src" / "sitrep" / "knowledge" / "reading" / blockmodel.MODEL_FILE
_TOKEN = re.compile(r"\w+")


def fold_of(page_id: str) -> int:
    return int(hashlib.sha1(page_id.encode("utf-8")).hexdigest(), 16) % FOLDS


class Page:
    def __init__(self, page_id: str, text: str, truth: str) -> None:
        self.page_id, self.truth = page_id, truth
        self.blocks = split_blocks(text)
        self.layout = page_layout(self.blocks)
        self.features = block_features(self.blocks, self.layout)
        self.labels = _labels([block.text for block in self.blocks], truth)
        # Each page weighs the same in the fit, each line by its size within its page.
        sizes = np.array([max(1, block.words) for block in self.blocks], dtype=np.float64)
        self.weights = sizes / sizes.sum() if len(sizes) else sizes


def _labels(lines: Sequence[str], truth: str) -> np.ndarray:
    tokens: list[str] = []
    owner: list[int] = []
    for index, line in enumerate(lines):
        found = _TOKEN.findall(line)
        tokens += found
        owner += [index] * len(found)
    body = _TOKEN.findall(truth)
    wanted = {tuple(body[i : i + 4]) for i in range(max(0, len(body) - 3))}
    marked = np.zeros(len(tokens), dtype=bool)
    for i in range(max(0, len(tokens) - 3)):
        if tuple(tokens[i : i + 4]) in wanted:
            marked[i : i + 4] = True
    hits = np.zeros(len(lines))
    sizes = np.zeros(len(lines))
    for position, owning in enumerate(owner):
        sizes[owning] += 1
        hits[owning] += marked[position]
    return (sizes > 0) & (hits >= MIN_BODY_SHARE * np.maximum(sizes, 1))


def fit(pages: Sequence[Page]) -> GradientBoostingClassifier:
    model = GradientBoostingClassifier(
        n_estimators=TREES, max_depth=DEPTH, learning_rate=LEARNING_RATE, random_state=SEED
    )
    model.fit(
        np.vstack([page.features for page in pages]),
        np.concatenate([page.labels for page in pages]),
        sample_weight=np.concatenate([page.weights for page in pages]),
    )
    return model


def export(model: GradientBoostingClassifier, cutoff: float) -> dict[str, object]:
    """The fitted trees as padded node arrays (see `blockmodel.Trees`)."""
    trees = [estimator[0].tree_ for estimator in model.estimators_]
    width = max(tree.node_count for tree in trees)

    def padded(values: list[float] | list[int], fill: float) -> list[float] | list[int]:
        return values + [fill] * (width - len(values))  # type: ignore[operator]

    prior = model.init_.class_prior_[1]
    return {
        "comment": "fitted by bench/train_textdump.py on the article-extraction dev pages",
        "features": list(blockmodel.FEATURE_NAMES),
        "base": float(np.log(prior / (1 - prior))),
        "depth": DEPTH,
        "cutoff": cutoff,
        "feature": [padded([int(f) for f in tree.feature], -1) for tree in trees],
        "threshold": [padded([float(t) for t in tree.threshold], 0.0) for tree in trees],
        "left": [padded([int(c) for c in tree.children_left], 0) for tree in trees],
        "right": [padded([int(c) for c in tree.children_right], 0) for tree in trees],
        "value": [
            padded([LEARNING_RATE * float(v) for v in tree.value[:, 0, 0]], 0.0) for tree in trees
        ],
    }


def as_trees(model: GradientBoostingClassifier, cutoff: float) -> blockmodel.Trees:
    raw = export(model, cutoff)
    return blockmodel.Trees(
        feature_names=blockmodel.FEATURE_NAMES,
        base=float(raw["base"]),  # type: ignore[arg-type]
        feature=np.array(raw["feature"]),
        threshold=np.array(raw["threshold"]),
        left=np.array(raw["left"]),
        right=np.array(raw["right"]),
        value=np.array(raw["value"]),
        depth=DEPTH,
        cutoff=cutoff,
    )


def score(pages: Sequence[Page], trees_for: dict[str, blockmodel.Trees]) -> list[Scores]:
    scores = []
    for page in pages:
        trees = trees_for[page.page_id]
        probabilities = trees.probabilities(page.features)
        body = select_body(page.blocks, probabilities, trees.cutoff, page.layout.comments_from)
        scores.append(page_scores(page.truth, "\n".join(block.text for block in body)))
    return scores


def load_pages(data: Path) -> list[Page]:
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    return [
        Page(
            key,
            gzip.decompress((data / "text" / f"{key}.txt.gz").read_bytes()).decode("utf-8"),
            truth[key]["articleBody"],
        )
        for key in sorted(truth)
    ]


def cross_validate(
    pages: Sequence[Page], cutoff: float = DEFAULT_CUTOFF
) -> tuple[tuple[float, float, float], tuple[float, float, float]]:
    """(train, dev) precision, recall and F1: in-sample for the model fitted on all pages,
    out of fold for the folds' models."""
    full = as_trees(fit(pages), cutoff)
    out_of_fold: dict[str, blockmodel.Trees] = {}
    for fold in range(FOLDS):
        held = {page.page_id for page in pages if fold_of(page.page_id) == fold}
        trees = as_trees(fit([page for page in pages if page.page_id not in held]), cutoff)
        out_of_fold.update(dict.fromkeys(held, trees))
    train = summarise(score(pages, dict.fromkeys(out_of_fold, full)))
    dev_scores = score(pages, out_of_fold)
    for fold in range(FOLDS):
        in_fold = [
            scores
            for page, scores in zip(pages, dev_scores, strict=True)
            if fold_of(page.page_id) == fold
        ]
        print(f"  fold {fold}: {len(in_fold)} pages, dev F1 {summarise(in_fold)[2]:.3f}")
    return train, summarise(dev_scores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cutoff", type=float, default=DEFAULT_CUTOFF)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    pages = load_pages(args.data)
    everything = fit(pages)
    sample = pages[0].features
    trees = as_trees(everything, args.cutoff)
    assert np.allclose(trees.probabilities(sample), everything.predict_proba(sample)[:, 1])
    train, dev = cross_validate(pages, args.cutoff)
    print(f"{len(pages)} pages, {FOLDS} folds by sha1(page id) % {FOLDS}")
    print(f"{'split':<30} {'precision':>9} {'recall':>7} {'F1':>6}")
    for name, (precision, recall, f1) in (
        ("train (fit on all, in-sample)", train),
        ("dev (out of fold)", dev),
    ):
        print(f"{name:<30} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}")
    if args.write:
        MODEL_PATH.write_text(json.dumps(export(everything, args.cutoff)) + "\n", "utf-8")
        print(f"wrote {MODEL_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
