"""Which lines of a text dump are article body: a small fitted model over general features.

Every feature is about text in general (line shape, punctuation and stop-word density,
link-likeness, repetition across the page, position, the neighbourhood, distance to the
densest run of prose; computed by `sitrep.clean.textdump.block_features`), never about a
site. The model is gradient-boosted trees fitted by
`bench/train_textdump.py` on the development pages (document-level folds, see there) and
shipped as plain JSON (`knowledge/reading/textdump_model.json`): arrays of split features,
thresholds, children and leaf values, evaluated here with numpy, so no pickle is loaded.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from sitrep.lexicon import KNOWLEDGE_DIR

FloatArray = npt.NDArray[np.float64]

MODEL_FILE = "textdump_model.json"


@dataclass(frozen=True, slots=True)
class Trees:
    """Boosted regression trees on the log-odds scale, one row of node arrays per tree."""

    feature_names: tuple[str, ...]
    base: float
    feature: npt.NDArray[np.int64]  # split feature per node, -1 at a leaf
    threshold: FloatArray  # go left when value <= threshold
    left: npt.NDArray[np.int64]
    right: npt.NDArray[np.int64]
    value: FloatArray  # leaf contribution (learning rate applied)
    depth: int
    cutoff: float  # probability at or above which a block is body

    def probabilities(self, features: FloatArray) -> FloatArray:
        rows = features.shape[0]
        scores = np.full(rows, self.base)
        if rows == 0:
            return scores
        trees = self.feature.shape[0]
        node = np.zeros((trees, rows), dtype=np.int64)
        tree_index = np.arange(trees)[:, None]
        for _ in range(self.depth):
            split = self.feature[tree_index, node]
            leaf = split < 0
            column = np.where(leaf, 0, split)
            values = features[np.arange(rows)[None, :], column]
            go_left = values <= self.threshold[tree_index, node]
            child = np.where(go_left, self.left[tree_index, node], self.right[tree_index, node])
            node = np.where(leaf, node, child)
        scores += self.value[tree_index, node].sum(axis=0)
        return 1.0 / (1.0 + np.exp(-scores))


@functools.cache
def load_model() -> Trees:
    raw = json.loads((KNOWLEDGE_DIR / "reading" / MODEL_FILE).read_text("utf-8"))
    names = tuple(raw["features"])
    if names != FEATURE_NAMES:
        raise ValueError(f"{MODEL_FILE} was fitted on other features; rerun the training")
    return Trees(
        feature_names=names,
        base=float(raw["base"]),
        feature=np.array(raw["feature"], dtype=np.int64),
        threshold=np.array(raw["threshold"], dtype=np.float64),
        left=np.array(raw["left"], dtype=np.int64),
        right=np.array(raw["right"], dtype=np.int64),
        value=np.array(raw["value"], dtype=np.float64),
        depth=int(raw["depth"]),
        cutoff=float(raw["cutoff"]),
    )


FEATURE_NAMES: tuple[str, ...] = (
    "log_words",
    "log_chars",
    "stop_share",
    "sentence_end",
    "bullet",
    "table_row",
    "interstitial",
    "log_repeats",
    "caption",
    "related",
    "promo",
    "comment_cue",
    "capitalised_share",
    "digit_share",
    "upper_share",
    "punctuation_per_word",
    "mean_word_length",
    "link_separators",
    "date_shape",
    "byline_shape",
    "widget_label",
    "headline_shape",
    "trailing_tag",
    "log_indent",
    "indent_off_run",
    "prose",
    "position",
    "char_position",
    "prose_near",
    "prose_wide",
    "log_words_near",
    "log_words_wide",
    "stop_share_near",
    "previous_prose",
    "next_prose",
    "in_densest_run",
    "blocks_before_run",
    "blocks_after_run",
    "between_prose",
    "below_comments",
    "run_word_share",
    "page_log_blocks",
)
