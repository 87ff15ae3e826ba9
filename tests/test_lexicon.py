"""The knowledge-file loader every stage shares."""

from __future__ import annotations

import pytest

from sitrep import lexicon

LOADERS = (lexicon.words, lexicon.rows, lexicon.mapping, lexicon.table, lexicon.numbered_table)


@pytest.fixture
def knowledge(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sitrep.lexicon.KNOWLEDGE_DIR", tmp_path)
    for loader in LOADERS:
        loader.cache_clear()
    yield tmp_path
    for loader in LOADERS:
        loader.cache_clear()


def test_lexicon_skips_comments_and_keeps_empty_cells(knowledge) -> None:  # type: ignore[no-untyped-def]
    (knowledge / "list.tsv").write_text("# source: test\n\nFall\tback\t\nSeize\t\tobj\n")
    assert lexicon.rows("list.tsv") == (("Fall", "back", ""), ("Seize", "", "obj"))
    assert lexicon.mapping("list.tsv") == {"fall": "back", "seize": ""}
    (knowledge / "words.txt").write_text("# source: test\nAlpha\n  Beta \n")
    assert lexicon.words("words.txt") == {"alpha", "beta"}


def test_lexicon_table_reads_named_columns(knowledge) -> None:  # type: ignore[no-untyped-def]
    (knowledge / "table.tsv").write_text("# header\nlemma\tpos\nseize\tVERB\nstrike\t\n")
    assert lexicon.table("table.tsv") == (
        {"lemma": "seize", "pos": "VERB"},
        {"lemma": "strike", "pos": ""},
    )


def test_lexicon_numbered_table_gives_each_row_its_line(knowledge) -> None:  # type: ignore[no-untyped-def]
    """Errors about a row name its line in the file, comments and blank lines counted."""
    (knowledge / "table.tsv").write_text("# header\n\nlemma\tpos\nseize\tVERB\n# note\nstrike\t\n")
    assert lexicon.numbered_table("table.tsv") == (
        (4, {"lemma": "seize", "pos": "VERB"}),
        (6, {"lemma": "strike", "pos": ""}),
    )


@pytest.mark.parametrize("text", ["# only a comment\n", "\n\n", "lemma\tpos\n"])
def test_lexicon_refuses_a_file_without_entries(knowledge, text: str) -> None:  # type: ignore[no-untyped-def]
    """An empty list would silently switch a rule off."""
    (knowledge / "empty.tsv").write_text(text)
    with pytest.raises(ValueError, match=r"empty\.tsv"):
        lexicon.table("empty.tsv")


def test_lexicon_reads_a_list_for_its_language_with_english_as_fallback(knowledge) -> None:  # type: ignore[no-untyped-def]
    """A second language is a folder: its own lists win, the rest come from English, and
    language-neutral files from the knowledge folder itself."""
    for folder, words in (("en", "yes\nno"), ("fr", "oui\nnon")):
        (knowledge / folder / "cues").mkdir(parents=True)
        (knowledge / folder / "cues" / "answers.txt").write_text(f"# test\n{words}\n")
    (knowledge / "en" / "cues" / "hedges.txt").write_text("# test\nperhaps\n")
    (knowledge / "cues").mkdir()
    (knowledge / "cues" / "codes.txt").write_text("# test\nGOV\n")
    assert lexicon.words("cues/answers.txt", "fr") == {"oui", "non"}
    assert lexicon.words("cues/answers.txt") == {"yes", "no"}
    assert lexicon.words("cues/answers.txt", "de") == {"yes", "no"}
    assert lexicon.words("cues/hedges.txt", "fr") == {"perhaps"}
    assert lexicon.words("cues/codes.txt", "fr") == {"gov"}


def test_lexicon_no_shipped_list_is_both_english_and_language_neutral() -> None:
    """A file in both places would make the neutral one dead for every language."""
    english = lexicon.KNOWLEDGE_DIR / "en"
    assert (english / "events" / "triggers.tsv").is_file()
    for path in english.rglob("*"):
        assert not (lexicon.KNOWLEDGE_DIR / path.relative_to(english)).is_file(), path
