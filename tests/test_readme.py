"""README is written for a user who has only the repository: every command it shows parses
as the CLI stands, every library function it names exists, and it speaks of no issue or
development round the user never saw."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main

import sitrep
from sitrep.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(), flags=re.S)


def _commands() -> list[list[str]]:
    """The arguments of each `.venv/bin/sitrep ...` command in README's shell blocks,
    without comments and redirections."""
    commands = []
    for block in _blocks("bash"):
        for line in block.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part, comments=True)
                if words and words[0].endswith("bin/sitrep"):
                    cut = next((i for i, w in enumerate(words) if w in {">", "|"}), len(words))
                    commands.append(words[1:cut])
    return commands


def test_readme_shows_commands() -> None:
    assert len(_commands()) >= 10


@pytest.mark.parametrize("args", _commands(), ids=" ".join)
def test_every_readme_command_parses(args: list[str]) -> None:
    command = typer.main.get_group(app).commands.get(args[0])
    assert command is not None, args
    # Parsing checks every option and choice (a misspelt flag or value is a UsageError)
    # without running the command.
    command.make_context(args[0], list(args[1:]))


def test_every_library_function_readme_names_exists() -> None:
    code = "\n".join(_blocks("python"))
    named = set(re.findall(r"\bsitrep\.(\w+)\(", code))
    assert named and named <= set(sitrep.__all__), named - set(sitrep.__all__)


def test_readme_speaks_of_no_issue_or_round() -> None:
    text = README.read_text()
    assert not re.findall(r"\(issues? \d+|\bissue #?\d+|\bround [a-z]{2}\d+", text, flags=re.I)
