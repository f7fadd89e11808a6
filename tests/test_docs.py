"""The README documents every command and every setting (docs completeness is a test)."""

from __future__ import annotations

import pytest

from conftest import ROOT
from strikeledger.cli import app
from strikeledger.settings import SETTINGS

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(c.name or c.callback.__name__ for c in app.registered_commands))
def test_every_command_is_in_the_readme(command):
    assert f"strikeledger {command}" in README


@pytest.mark.parametrize("setting", [s.name for s in SETTINGS])
def test_every_setting_is_in_the_readme(setting):
    assert f"`{setting}`" in README


def test_readme_gives_the_two_setup_commands():
    assert "make run" in README and "make test" in README
