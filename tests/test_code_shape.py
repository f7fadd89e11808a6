"""The reader stays easy to change: no module of extract/ over 400 lines, no line over 110 characters."""

from __future__ import annotations

from pathlib import Path

from strikeledger import extract

READER = Path(extract.__file__).resolve().parent


def test_every_module_of_the_reader_is_short_and_narrow():
    too_long = {p.name: n for p in READER.rglob("*.py") if (n := len(p.read_text().splitlines())) > 400}
    too_wide = [f"{p.name}:{i}" for p in READER.rglob("*.py")
                for i, line in enumerate(p.read_text().splitlines(), start=1) if len(line) > 110]
    assert not too_long and not too_wide, (too_long, too_wide)
