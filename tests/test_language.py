"""The run's language reaches the knowledge lists a stage reads: a second language is a
folder `knowledge/<code>/`, read through the same stage code as English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from sitrep import lexicon
from sitrep.extract import event_lexicon
from sitrep.extract.event_classifier import forget_classifiers
from sitrep.records import Article
from sitrep.settings import Settings
from sitrep.stages import build_pipeline

# A made-up language code, so no shipped folder can answer for it.
LANGUAGE = "xx"
TRIGGERS = (
    "# test: one trigger of a made-up language\n"
    "lemma\tpos\tparticle\tcondition\ttype\tmode\n"
    "zorp\tVERB\t\t\tASSAULT\t\n"
)


@pytest.fixture
def second_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The shipped knowledge folder, plus `xx/events/triggers.tsv` beside `en/`."""
    for shipped in lexicon.KNOWLEDGE_DIR.iterdir():
        (tmp_path / shipped.name).symlink_to(shipped)
    (tmp_path / LANGUAGE / "events").mkdir(parents=True)
    (tmp_path / LANGUAGE / "events" / "triggers.tsv").write_text(TRIGGERS, "utf-8")
    monkeypatch.setattr("sitrep.lexicon.KNOWLEDGE_DIR", tmp_path)
    yield tmp_path
    # Lists cached while the folder was swapped must not outlive it.
    for cached in (lexicon.numbered_table, lexicon.table, event_lexicon.triggers):
        cached.cache_clear()
    forget_classifiers()


def _article_and_doc(words: list[str]) -> tuple[Article, Doc]:
    """A hand-built one-sentence parse (no model): the first word's subject is the word
    before it; every other word hangs off the verb."""
    verb = 1
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=[True] * (len(words) - 1) + [False],
        heads=[verb] * len(words),
        deps=["nsubj", "ROOT", "dobj", "punct"],
        pos=["NOUN", "VERB", "NOUN", "PUNCT"],
        lemmas=[word.lower() for word in words],
        sent_starts=[True, False, False, False],
    )
    return Article("-", "hash", "text", [doc.text]), doc


def _event_types(language: str, words: list[str]) -> list[str]:
    article, doc = _article_and_doc(words)
    settings = Settings(language=language, stages=("events",))
    build_pipeline(settings, filled=frozenset({"actors", "places", "claims"})).run(article, doc)
    return [event.type for event in article.events]


def test_the_events_stage_reads_the_runs_language(second_language: Path) -> None:
    """The same stage finds the made-up trigger only when the run's language is the
    folder's, and the English trigger only in English: each run reads its own list."""
    assert _event_types(LANGUAGE, ["Rebels", "zorp", "town", "."]) == ["ASSAULT"]
    assert _event_types("en", ["Rebels", "zorp", "town", "."]) == []
    assert _event_types("en", ["Rebels", "attack", "town", "."]) == ["ASSAULT"]
    assert _event_types(LANGUAGE, ["Rebels", "attack", "town", "."]) == []


def test_a_list_the_language_lacks_is_read_in_english(second_language: Path) -> None:
    """The made-up language has no word classes of its own: English answers, and the cache
    keeps the two languages' triggers apart."""
    assert event_lexicon.word_classes(LANGUAGE) == event_lexicon.word_classes("en")
    assert "zorp" in event_lexicon.triggers(LANGUAGE)
    assert "zorp" not in event_lexicon.triggers("en")


def test_outside_a_stage_the_lists_are_english() -> None:
    assert lexicon.reading_language() == lexicon.FALLBACK_LANGUAGE
    with lexicon.reading(LANGUAGE):
        assert lexicon.reading_language() == LANGUAGE
        assert lexicon.reading_language("fr") == "fr"
    assert lexicon.reading_language() == lexicon.FALLBACK_LANGUAGE
