"""py3langid's model read from its unpacked copy in the user cache dir: the same identifier
as py3langid's own loader builds, unpacked once, and py3langid's loader when no copy can be
kept."""

from __future__ import annotations

import lzma
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from sitrep.clean import language
from sitrep.clean.language import _identifier_from, detect_language, unpacked_model

# Written for these tests: a few languages and a page's furniture.
SAMPLES = [
    "The ferry to the island was cancelled on Tuesday because of the storm, the harbour said.",
    "Le conseil municipal a voté mardi soir la fermeture de la piscine pour travaux.",
    "Die Gemeinde hat am Dienstag beschlossen, die Brücke im Sommer zu erneuern.",
    "El ayuntamiento anunció que la biblioteca abrirá también los domingos.",
    "Home | Sport | Weather | Contact us | Subscribe",
]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def fresh_identifier() -> object:
    """`_identifier` built again in the test, and forgotten after it."""
    language._identifier.cache_clear()
    yield
    language._identifier.cache_clear()


def test_the_unpacked_copy_gives_py3langids_own_identifier(cache_home: Path) -> None:
    ours = _identifier_from(unpacked_model())
    theirs = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for name in ("nb_ptc", "nb_pc"):
        assert getattr(ours, name).dtype == getattr(theirs, name).dtype
        assert np.array_equal(getattr(ours, name), getattr(theirs, name))
    for name in ("nb_classes", "tk_output", "_rowbase", "_alias_pairs"):
        assert getattr(ours, name) == getattr(theirs, name)
    for name in ("tk_nextmove", "tk_row"):
        assert getattr(ours, name).typecode == getattr(theirs, name).typecode
        assert getattr(ours, name) == getattr(theirs, name)
    for text in SAMPLES:
        assert ours.rank(text) == theirs.rank(text)


def test_the_model_is_unpacked_once(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = unpacked_model()
    assert first.parent == cache_home / "sitrep"
    assert [p.name for p in first.parent.iterdir()] == [first.name]  # no part file left

    def unpacking(*args: object, **kwargs: object) -> None:
        raise AssertionError("the packed model was read again")

    monkeypatch.setattr(lzma, "open", unpacking)
    assert unpacked_model() == first


def test_without_a_cache_dir_py3langid_unpacks_its_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_identifier: object
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    assert detect_language(SAMPLES[1]) == "fr"


def test_a_damaged_copy_is_not_read(cache_home: Path, fresh_identifier: object) -> None:
    damaged = unpacked_model()
    damaged.write_bytes(damaged.read_bytes()[:1000])
    assert detect_language(SAMPLES[2]) == "de"
