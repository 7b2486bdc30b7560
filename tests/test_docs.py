"""Docs stay honest: every command is documented, every referenced doc exists, make help is complete."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from portal.cli import COMMANDS

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.strip().splitlines()]
    assert commands == ["make run", "make test"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme_and_has_help(name):
    assert f"`parkbench {name}" in README, f"parkbench {name} is not documented in README.md"
    done = subprocess.run(
        [sys.executable, "-m", "portal.cli", name, "--help"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0 and "Usage:" in done.stdout, done.stderr


def test_every_doc_the_readme_names_exists():
    for doc in re.findall(r"`(docs/[\w./-]+\.md)`", README):
        assert (REPO / doc).is_file(), doc


def test_make_help_lists_every_documented_target():
    makefile = (REPO / "Makefile").read_text()
    targets = re.findall(r"^## (\w+):", makefile, re.M)
    assert {"run", "test", "bench", "help"} <= set(targets)
    for t in targets:
        assert re.search(rf"^{t}:", makefile, re.M), t
