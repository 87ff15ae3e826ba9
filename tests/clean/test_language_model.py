"""py3langid's model read from its unpacked copy in the user cache dir: the same identifier
as py3langid's own loader builds, unpacked once, and py3langid's loader when no copy can be
kept."""

from __future__ import annotations

import lzma
from collections.abc import Iterator
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


@pytest.fixture(scope="module")
def unpacked_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache dir holding the unpacked model: unpacked once for these tests (68 MB), and
    removed after them."""
    home = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(home))
        unpacked = unpacked_model()
    yield home
    unpacked.unlink()


@pytest.fixture
def cache_home(unpacked_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(unpacked_home))
    return unpacked_home


@pytest.fixture
def fresh_identifier() -> Iterator[None]:
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
    def unpacking(*args: object, **kwargs: object) -> None:
        raise AssertionError("the packed model was read again")

    monkeypatch.setattr(lzma, "open", unpacking)
    copy = unpacked_model()
    assert copy.parent == cache_home / "sitrep"
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]  # no part file left


def test_without_a_cache_dir_py3langid_unpacks_its_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_identifier: None
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    assert detect_language(SAMPLES[1]) == "fr"


def test_a_damaged_copy_is_not_read(
    unpacked_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_identifier: None
) -> None:
    whole = next((unpacked_home / "sitrep").iterdir())
    damaged = tmp_path / "sitrep" / whole.name
    damaged.parent.mkdir()
    damaged.write_bytes(whole.read_bytes()[:1000])  # a copy cut short
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert detect_language(SAMPLES[2]) == "de"
