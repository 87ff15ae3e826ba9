"""Which lines of a text dump are article body: a small fitted model over general features.

Every feature is about text in general (line shape, punctuation and stop-word density,
link-likeness, repetition across the page, position, the neighbourhood, distance to the
densest run of prose), never about a site. The model is gradient-boosted trees fitted by
`bench/train_textdump.py` on the development pages (document-level folds, see there) and
shipped as plain JSON (`knowledge/reading/textdump_model.json`): arrays of split features,
thresholds, children and leaf values, evaluated here with numpy, so no pickle is loaded.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from sitrep.lexicon import KNOWLEDGE_DIR

if TYPE_CHECKING:
    from sitrep.clean.textdump import Block

FloatArray = npt.NDArray[np.float64]

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PUNCTUATION = re.compile(r"[,;:()\"“”]")
_LINK_SEPARATOR = re.compile(r"\s[|•·/»›]\s")
MODEL_FILE = "textdump_model.json"
SHORT_WINDOW = 2
WIDE_WINDOW = 6


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


@dataclass(frozen=True, slots=True)
class PageLayout:
    """Where the densest run of prose lies and which lines sit between prose lines."""

    start: int
    end: int
    between: frozenset[int]
    comments_from: int


def block_features(blocks: list[Block], layout: PageLayout) -> FloatArray:
    """One row of FEATURE_NAMES per block."""
    from sitrep.clean import textdump as td  # textdump imports this module to run the model

    count = len(blocks)
    if count == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    prose = np.array([float(block.prose) for block in blocks])
    log_words = np.array([math.log1p(block.words) for block in blocks])
    stop_share = np.array([block.stop_share for block in blocks])
    chars = np.cumsum([len(block.text) for block in blocks], dtype=np.float64)
    total_chars = chars[-1] or 1.0
    run_indents = [blocks[i].indent for i in range(layout.start, layout.end)]
    run_indent = float(np.median(run_indents)) if run_indents else 0.0
    run_words = sum(blocks[i].words for i in range(layout.start, layout.end))
    page_words = sum(block.words for block in blocks) or 1
    rows: list[list[float]] = []
    for position, block in enumerate(blocks):
        text = block.text
        words = _WORD.findall(text)
        letters = [ch for ch in text if ch.isalpha()]
        rows.append(
            [
                log_words[position],
                math.log1p(len(text)),
                block.stop_share,
                float(block.sentence_end),
                float(block.bullet),
                float(block.table_row),
                float(block.interstitial),
                math.log(block.repeats),
                float(block.caption),
                float(block.related is not None),
                float(block.promo),
                float(block.comment_cue),
                sum(1 for word in words if word[0].isupper()) / len(words) if words else 0.0,
                sum(1 for ch in text if ch.isdigit()) / len(text),
                sum(1 for ch in letters if ch.isupper()) / len(letters) if letters else 0.0,
                len(_PUNCTUATION.findall(text)) / max(1, len(words)),
                sum(len(word) for word in words) / len(words) if words else 0.0,
                float(len(_LINK_SEPARATOR.findall(text))),
                float(bool(td.DATE_SHAPE.search(text))),
                float(bool(td.BYLINE.match(text))),
                float(td.is_widget_label(block)),
                float(td.headline_shaped(block)),
                float(bool(td.TRAILING_TAG.search(text))),
                math.log1p(block.indent),
                abs(block.indent - run_indent),
                prose[position],
                position / count,
                chars[position] / total_chars,
                _window_mean(prose, position, SHORT_WINDOW),
                _window_mean(prose, position, WIDE_WINDOW),
                _window_mean(log_words, position, SHORT_WINDOW),
                _window_mean(log_words, position, WIDE_WINDOW),
                _window_mean(stop_share, position, SHORT_WINDOW),
                prose[position - 1] if position > 0 else 0.0,
                prose[position + 1] if position + 1 < count else 0.0,
                float(layout.start <= position < layout.end),
                math.log1p(max(0, layout.start - position)),
                math.log1p(max(0, position - layout.end + 1)),
                float(position in layout.between),
                float(position > layout.comments_from),
                run_words / page_words,
                math.log1p(count),
            ]
        )
    return np.array(rows, dtype=np.float64)


def _window_mean(values: FloatArray, position: int, radius: int) -> float:
    """The mean of `values` around `position`, the position itself left out."""
    low, high = max(0, position - radius), min(len(values), position + radius + 1)
    total = float(values[low:high].sum() - values[position])
    size = high - low - 1
    return total / size if size else 0.0
