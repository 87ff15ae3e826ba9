"""The language of a page's text as an ISO 639-1 code, by py3langid, with the page's own
declaration (`<html lang="en-US">`) as further evidence.

py3langid (a byte n-gram naive Bayes model of 97 languages, shipped inside its wheel) is
fast (well under a millisecond per kilobyte) and sure of itself on a paragraph of text. On
a short or list-like body (a recipe, a meal plan) it can waver between close languages;
there the declaration decides when the text gives the declared language a fair chance.

py3langid ships its model LZMA-compressed: unpacking it cost every process that reads 0.4 s
of CPU (reading the throughput bench's 120 pages costs 3.1 s in all). The unpacked model
(the NumPy archive py3langid itself reads, 68 MB) is kept under the user cache dir, written
once, and read from there in 0.1 s.
"""

from __future__ import annotations

import functools
import lzma
import os
import re
import shutil
import tempfile
import zipfile
from array import array
from importlib import metadata
from pathlib import Path

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

MIN_LETTERS = 40  # below this the text says too little; only a declaration can answer
SAMPLE_CHARS = 1_000  # a paragraph is plenty, and the n-gram walk costs per byte
# The text alone decides when it is at least this sure; otherwise a declared language the
# text gives at least DECLARED_MIN_PROBABILITY wins.
SURE_PROBABILITY = 0.9
DECLARED_MIN_PROBABILITY = 0.05
_DECLARED = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")


@functools.cache
def _identifier() -> LanguageIdentifier:
    try:
        return _identifier_from(unpacked_model())
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        # No writable cache dir, or a damaged copy: py3langid unpacks its model itself.
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _identifier_from(unpacked: Path) -> LanguageIdentifier:
    """What py3langid's `from_model_file` builds from the archive it unpacks (0.4.0,
    modelio.load_model): the DFA tables as unsigned `array`s, the rest as NumPy arrays and
    lists."""
    with np.load(unpacked, allow_pickle=False) as model:
        return LanguageIdentifier(
            model["ptc"],
            model["pc"],
            model["classes"].tolist(),
            _unsigned(model["nextmove"]),
            model["out_feat"].tolist(),
            norm_probs=True,
            tk_row=_unsigned(model["nextmove_row"]),
        )


def unpacked_model() -> Path:
    """py3langid's model archive, unpacked once into the user cache dir (named by
    py3langid's version and the packed file's size, so an upgrade unpacks its own)."""
    packed = MODEL_DIR / MODEL_FILE
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    version = metadata.version("py3langid")
    path = base / "sitrep" / f"py3langid-{version}-{packed.stat().st_size}.npz"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # Unpacked beside its final name, then renamed: a process starting at the same time
    # never reads half a file.
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".part", delete=False) as part:
        try:
            with lzma.open(packed) as source:
                shutil.copyfileobj(source, part, length=1 << 20)
        except BaseException:
            os.unlink(part.name)
            raise
    os.replace(part.name, path)
    return path


_TYPECODES = {2: "H", 4: "I", 8: "L"}


def _unsigned(values: np.ndarray) -> array[int]:
    """An unsigned NumPy array as the stdlib `array` py3langid walks its DFA with."""
    unsigned = array(_TYPECODES[values.dtype.itemsize])
    unsigned.frombytes(np.ascontiguousarray(values).tobytes())
    return unsigned


def declared_language(value: str | None) -> str | None:
    """The primary subtag of a BCP 47 tag ("en-US" -> "en"), or None when malformed."""
    if value is None:
        return None
    match = _DECLARED.match(value)
    return match.group(1).lower() if match else None


def same_language(code: str | None, expected: str) -> bool:
    """Whether a language code names the expected language ("en-US" and "EN" are "en");
    False when the code is unknown (None) or malformed."""
    primary = declared_language(code)
    return primary is not None and primary == declared_language(expected)


def detect_language(text: str, declared: str | None = None) -> str | None:
    """An ISO 639-1 code ("en", "fr", ...), or None when there is too little text and no
    usable declaration. `declared` is the page's own tag (any BCP 47 form)."""
    declared = declared_language(declared)
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return declared
    ranked = _identifier().rank(sample)
    best, probability = ranked[0]
    if probability >= SURE_PROBABILITY or declared is None:
        return str(best)
    declared_probability = next((p for code, p in ranked if code == declared), 0.0)
    return declared if declared_probability >= DECLARED_MIN_PROBABILITY else str(best)
