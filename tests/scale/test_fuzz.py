"""Property-based fuzzing of the text-dump cleaner and the extractors: no input crashes them."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.annotate import annotate
from sitrep.clean import clean_text
from sitrep.extract import extract
from sitrep.records import PARAGRAPH_SEPARATOR, Article, InputKind

# Text shaped like news and like page dumps: words, quotes, dashes, numbers,
# navigation lines and blank lines, plus arbitrary unicode.
NEWSY_TOKENS = st.sampled_from(
    [
        "Rebels", "seized", "the", "army", "said", "Hama", "Damascus", "on", "Tuesday",
        "not", "would", "“", "”", '"', "'", "—", "-", ".", ",", ":", "\n", "\n\n", "Home",
        "Advertisement", "Reuters", "12", "2024", "killed", "al-Assad", "(", ")", "•", "|",
    ]
)  # fmt: skip
NEWSY_TEXT = st.lists(NEWSY_TOKENS, max_size=120).map(" ".join)
ANY_TEXT = st.one_of(NEWSY_TEXT, st.text(max_size=400))
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FUZZ
@given(ANY_TEXT)
def test_clean_text_never_crashes_and_gives_clean_paragraphs(text: str) -> None:
    cleaned = clean_text(text)
    for paragraph in cleaned.dump.paragraphs:
        assert paragraph.strip(), "no empty paragraphs"
        assert PARAGRAPH_SEPARATOR not in paragraph


@pytest.mark.slow
@FUZZ
@given(st.lists(ANY_TEXT.filter(str.strip).map(str.strip), min_size=1, max_size=4))
def test_extract_never_crashes_and_offsets_index_the_body(nlp, paragraphs: list[str]) -> None:
    article = Article("fuzz", "fuzz", InputKind.TEXT, paragraphs)
    doc = nlp(article.body)
    annotate(article, doc)
    extract(article, doc)
    body = article.body
    for sentence in article.sentences:
        assert body[sentence.start : sentence.end] == sentence.text
    for quote in article.quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
    for claim in article.claims:
        assert 0 <= claim.start <= claim.end <= len(body)
    for event in article.events:
        assert body[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.actor_id is None or article.actor(event.actor_id) is not None
        assert event.place_id is None or article.place(event.place_id) is not None
