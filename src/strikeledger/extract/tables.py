"""A hard case of reading: a table of strikes flattened into lines of text.

Pages that tabulate the strikes ("Date | Death Toll | Theater | Target") reach the reader as
one line a row: "<month> <day>, <year> 4 Caribbean <target>". The date makes each row a
running-list item, but the toll is a bare number and the sea a bare word, which prose rules
rightly do not read as figures. Under a header naming a toll column, this module reads the
number after a row's date as the row's toll, and a sea word in the row as its sea.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .casualties import Figure

# "Date Death Toll Theater Target", "Date | Killed | Region": a date column and a toll column.
HEADER = re.compile(
    r"^\W*date\b.{0,40}?\b(?:death\s+toll|deaths|killed|dead|fatalities|toll)\b",
    re.IGNORECASE,
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}\s+[0-3]?\d(?:,?\s+20\d\d)?|[0-3]?\d\s+{_MONTH}(?:\s+20\d\d)?|20\d\d-\d\d-\d\d)"
ROW = re.compile(rf"^\W*{_DATE}\s*[|,;:\t–-]?\s*(?P<killed>\d{{1,3}})(?!\d|[.,:]\d|\s*(?:%|percent))\b")
# The sea a row names, as a table writes it: a word, not a phrase.
SEA_CELL = re.compile(
    r"\b(?P<pacific>(?:eastern\s+|east\s+)?Pacific(?:\s+Ocean)?)\b|\b(?P<caribbean>Caribbean(?:\s+Sea)?)\b",
    re.IGNORECASE,
)
EXTRACTOR = "tables"


@dataclass(frozen=True)
class TableRow:
    killed: Figure
    sea: tuple[str, int, int] | None  # region, start, end within the row


def is_header(line: str) -> bool:
    return bool(HEADER.match(line))


def read_row(text: str) -> TableRow | None:
    """The toll (and sea) of one table row; None when the line is not a row of a toll table."""
    row = ROW.match(text)
    if row is None:
        return None
    start, end = row.span("killed")
    killed = Figure("killed", int(row["killed"]), "", start, end, start)
    cell = SEA_CELL.search(text, end)
    sea = None
    if cell is not None:
        sea = ("eastern_pacific" if cell["pacific"] else "caribbean", cell.start(), cell.end())
    return TableRow(killed, sea)
