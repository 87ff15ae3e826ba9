"""The stages wired together on the sample page."""

from __future__ import annotations

import pytest

from sitrep.analysis import analyse
from sitrep.read import read_paths
from sitrep.records import Article


@pytest.mark.slow
def test_pipeline_sample_yields_one_annotated_article(sample_path, nlp) -> None:
    [article] = list(analyse(read_paths([str(sample_path)]), nlp=nlp))
    assert isinstance(article, Article)
    assert article.sentences, "annotate fills sentences"
    for sentence in article.sentences:
        assert article.body[sentence.start : sentence.end] == sentence.text
