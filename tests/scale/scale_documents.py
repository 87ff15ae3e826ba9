"""Hostile and mixed inputs written to disk, shared by the scale tests."""

from __future__ import annotations

import gzip
from pathlib import Path

GOOD_SENTENCES = (
    "Rebel fighters seized the town of {place} on Tuesday after two days of fighting, "
    "a war monitor said. The army said it had withdrawn its troops to protect civilians."
)
PLACES = ("Hama", "Homs", "Daraa", "Aleppo", "Idlib", "Raqqa", "Deir ez-Zor", "Tartus")


def good_text(index: int) -> str:
    """A tiny English news report, distinct per index so content hashes differ."""
    place = PLACES[index % len(PLACES)]
    return f"Report {index}\n\n" + GOOD_SENTENCES.format(place=place) + f" Reference {index}."


def hostile_inputs() -> dict[str, bytes]:
    """One of each kind of bad page, by name."""
    navigation = "\n".join(
        ["Home", "World", "Business", "Sport", "Contact us", "Sign in", "Privacy policy"] * 20
    )
    nested = "<div>" * 20_000 + "Deep" + "</div>" * 20_000
    french = (
        "Les rebelles ont pris le contrôle de la ville mardi après deux jours de combats, "
        "selon une organisation de surveillance. L'armée a déclaré avoir retiré ses troupes "
        "pour protéger les civils, et le gouvernement a promis une contre-offensive rapide."
    )
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\n  ",
        "binary.bin": bytes(range(256)) * 64,
        "gzip-truncated.html.gz": gzip.compress(b"<html>" + b"x" * 5000)[:40],
        "huge.html": b"<html><body><p>" + b"Lorem ipsum dolor sit amet. " * 1_900_000 + b"</p>",
        "over-parser-limit.txt": ("The army shelled the town, residents said. " * 30_000).encode(),
        "nested.html": f"<html><body>{nested}</body></html>".encode(),
        "no-text.html": b"<html><head><title></title></head><body><img src=a.png><br></body>",
        "navigation.txt": navigation.encode(),
        "navigation.html": (
            "<html><body><nav><ul>"
            + "".join(f"<li><a href=/{n}>Section {n}</a></li>" for n in range(200))
            + "</ul></nav></body></html>"
        ).encode(),
        "french.txt": french.encode(),
        "russian.txt": ("Повстанцы захватили город во вторник после боёв. " * 20).encode(),
        "latin1-declared-utf8.html": (
            '<html><head><meta charset="utf-8"></head><body><p>'
            + "Residents said the café near the citadel in Aleppo reopened on Tuesday. " * 5
            + "</p></body></html>"
        ).encode("latin-1"),
        "mixed-encodings.txt": "Déjà vu in Aleppo. ".encode() * 10
        + "Garçon façade. ".encode("cp1252") * 10
        + "Ещё раз. ".encode("koi8-r") * 10,
        "utf16.txt": ("Rebels seized the town of Hama on Tuesday, a monitor said. " * 5).encode(
            "utf-16"
        ),
    }


def write_files(folder: Path, files: dict[str, bytes]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(str(path))
    return paths
