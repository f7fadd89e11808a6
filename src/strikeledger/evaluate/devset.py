"""The real-text development set: a recipe of real articles and the rows each should produce.

The articles are third-party text, so the repository keeps only how to find each one again
(``recipe.csv``: id, split, language, outlet, URL, publication date, the search query) and the
rows an analyst expects from it (``expected.csv``). The text itself is re-assembled into a
folder outside the repository (``<folder>/<language>/<id>.txt`` with a ``.json`` sidecar) and
scored here.

Each expected row names the strike event it describes by a key, ``YYYY-MM-DD/region``: the day
the strike happened and its sea, as the annotator established it. Rows of many articles with
one key are one gold strike; its toll, survivors and vessels are the figure most of its
articles give (the latest article's on a tie, since later reports carry revisions).
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError
from . import GoldStrike

RECIPE_COLUMNS = ("id", "split", "language", "outlet", "url", "published", "meta_date", "query", "kind", "sha16")
EXPECTED_COLUMNS = (
    "article_id", "strike", "strike_date", "date_basis", "region", "killed", "survivors", "vessels", "role", "note",
)
SPLITS = ("dev", "holdout")


@dataclass(frozen=True)
class RecipeRow:
    """How to find one real article again, and what kind of page it is."""

    id: str
    split: str  # dev (tuned on) | holdout (never tuned on)
    language: str
    outlet: str
    url: str
    published: date | None
    meta_date: bool  # the page's metadata carries the date (the sidecar gets it)
    query: str
    kind: str
    sha16: str  # the first 16 hex digits of the SHA-256 of the assembled text


@dataclass(frozen=True)
class ExpectedRow:
    """One strike event as one article reports it, in the analyst's reading."""

    article_id: str
    strike: str  # "YYYY-MM-DD/region": the event this row describes
    strike_date: date | None  # what this article supports
    announced: bool  # the article dates it only by its announcement
    region: str
    killed: int | None
    survivors: int | None
    vessels: int | None
    role: str  # news | background
    note: str


def _read_csv(path: Path, columns: tuple[str, ...]) -> list[tuple[str, dict[str, str]]]:
    if not path.exists():
        raise InputError(path.as_posix(), "no such file")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(columns) - set(reader.fieldnames or ())
        if missing:
            raise InputError(path.as_posix(), f"lacks columns {sorted(missing)}")
        return [(f"{path.as_posix()}:{n}", row) for n, row in enumerate(reader, start=2)]


def _day(value: str, source: str) -> date | None:
    value = (value or "").strip()
    try:
        return date.fromisoformat(value) if value else None
    except ValueError as exc:
        raise InputError(source, f"not a YYYY-MM-DD date: {value!r}") from exc


def _count(value: str, source: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise InputError(source, f"not a whole number: {value!r}")
    return int(value)


def load_recipe(path: str | Path) -> list[RecipeRow]:
    """The recipe's rows; a bad split or date is an ``InputError`` naming the line."""
    rows = []
    for source, row in _read_csv(Path(path), RECIPE_COLUMNS):
        if row["split"] not in SPLITS:
            raise InputError(source, f"split must be one of {SPLITS}: {row['split']!r}")
        rows.append(RecipeRow(
            row["id"].strip(), row["split"], row["language"].strip(), row["outlet"].strip(), row["url"].strip(),
            _day(row["published"], source), row["meta_date"].strip() == "yes", row["query"], row["kind"].strip(),
            row["sha16"].strip(),
        ))
    return rows


def load_expected(path: str | Path) -> list[ExpectedRow]:
    """The expected rows; a malformed key, date or figure is an ``InputError`` naming the line."""
    rows = []
    for source, row in _read_csv(Path(path), EXPECTED_COLUMNS):
        key_day, _, key_region = row["strike"].partition("/")
        _day(key_day, source)
        if not key_region:
            raise InputError(source, f"strike key must be YYYY-MM-DD/region: {row['strike']!r}")
        rows.append(ExpectedRow(
            row["article_id"].strip(), row["strike"].strip(), _day(row["strike_date"], source),
            row["date_basis"].strip() == "announced", row["region"].strip() or "unknown",
            _count(row["killed"], source), _count(row["survivors"], source), _count(row["vessels"], source),
            row["role"].strip(), row["note"],
        ))
    return rows


def text_hash(text_path: Path) -> str:
    """The first 16 hex digits of the SHA-256 of a file's bytes, as the recipe records them."""
    return hashlib.sha256(text_path.read_bytes()).hexdigest()[:16]


def article_path(folder: Path, row: RecipeRow) -> Path:
    return folder / row.language / f"{row.id}.txt"


def _agreed(values: list[tuple[date, int | None]]) -> int | None:
    """The figure most articles give; on a tie, the one of the latest article."""
    known = [(published, v) for published, v in values if v is not None]
    if not known:
        return None
    counts = Counter(v for _, v in known)
    top = max(counts.values())
    return max((p, v) for p, v in known if counts[v] == top)[1]


def gold_strikes(expected: list[ExpectedRow], recipe: list[RecipeRow]) -> list[GoldStrike]:
    """One gold strike per event key among ``expected``, with the figures its articles agree on."""
    published = {r.id: r.published or date.min for r in recipe}
    by_key: dict[str, list[ExpectedRow]] = defaultdict(list)
    for row in expected:
        by_key[row.strike].append(row)
    strikes = []
    for number, (key, rows) in enumerate(sorted(by_key.items()), start=1):
        day_text, _, region = key.partition("/")
        day = date.fromisoformat(day_text)
        dated = [(published.get(r.article_id, date.min), r) for r in rows]
        # a strike that no article dates by itself may fairly carry any day its sources allow
        stated = any(not r.announced and r.strike_date for r in rows)
        others = () if stated else tuple(sorted({r.strike_date for r in rows if r.strike_date and r.strike_date != day}))
        articles = ",".join(sorted({r.article_id for r in rows}))
        killed = _agreed([(p, r.killed) for p, r in dated])
        strikes.append(GoldStrike(
            number, day, region, killed, _agreed([(p, r.survivors) for p, r in dated]),
            _agreed([(p, r.vessels) for p, r in dated]), others,
            f"{day} {region} killed={killed} [{articles}]",
        ))
    return strikes


def disagreements(expected: list[ExpectedRow]) -> dict[str, dict[str, list[int]]]:
    """Per strike key, the fields on which its articles' expected figures differ."""
    by_key: dict[str, list[ExpectedRow]] = defaultdict(list)
    for row in expected:
        by_key[row.strike].append(row)
    found = {}
    for key, rows in sorted(by_key.items()):
        fields = {}
        for name in ("killed", "survivors", "vessels"):
            values = sorted({getattr(r, name) for r in rows if getattr(r, name) is not None})
            if len(values) > 1:
                fields[name] = values
        if fields:
            found[key] = fields
    return found
