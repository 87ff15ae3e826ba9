"""The one name normaliser (`fold`) and the two keys built on it."""

import unicodedata

from sitrep.names import fold, name_key, spelling_key


def test_fold_drops_accents_and_case_and_casefolds_only_when_asked() -> None:
    assert fold("Ḩamāh") == "hamah"
    assert fold("Straße") == "strasse"
    assert fold("Straße", casefold=False) == "straße"


def test_name_key_keeps_words_apart_and_drops_a_leading_the() -> None:
    assert name_key("The  U.N.") == "u n"
    assert name_key("Bashar al-Assad") == "bashar al assad"
    assert name_key("Théâtre") == "theatre"
    # "the" is dropped only as a word of its own.
    assert name_key("Thebes") == "thebes"


def test_spelling_key_folds_transliterations() -> None:
    assert spelling_key("Deir Ezzor") == spelling_key("Deir ez-Zor")
    assert spelling_key("Daraa") == spelling_key("Dar'a")
    assert spelling_key("Al-Qardaha") == spelling_key("Qardaha")
    assert spelling_key("Qardaha") == spelling_key("Al Qardahah")
    # A lone "Al" is a name, not an article.
    assert spelling_key("Al") == "al"
    # Unlike name_key, "ß" is no letter of the key: the index was built with lowercasing.
    assert spelling_key("Straße") == "strae"


def test_fold_of_ascii_skips_nothing_the_decomposition_would_change() -> None:
    """`fold` returns ASCII text without decomposing it: NFKD leaves every ASCII character as
    it is and none of them is a combining mark, so the result is the same."""
    for code in range(128):
        character = chr(code)
        assert unicodedata.normalize("NFKD", character) == character
        assert not unicodedata.combining(character)
        assert fold(f"A{character}b") == f"a{character}b".casefold()
    assert fold("Hama and Ḩamāh") == "hama and hamah"
