"""The ledger as an XLSX workbook for spreadsheet users (written with XlsxWriter).

One sheet, ``incidents``, with the CSV's columns in the CSV's order: numbers stay numbers, dates
stay ISO text (a spreadsheet's own date cells would lose the day's precision), booleans are
``true``/``false`` as in the CSV, lists are space-separated. A second sheet, ``about``, says
where the rows come from and which filters chose them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

import xlsxwriter


def xlsx_bytes(rows: Iterable[dict[str, Any]], columns: Sequence[str],
               about: Sequence[tuple[str, str]] = ()) -> bytes:
    """A workbook of ``rows`` under ``columns`` (plus an ``about`` sheet of name/value lines), as bytes."""
    buffer = io.BytesIO()
    # in_memory: no temporary files; strings_to_*: text stays text (an id or URL is never a formula)
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                        "strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet("incidents")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, list(columns), bold)
    count = 0
    for count, row in enumerate(rows, start=1):
        sheet.write_row(count, 0, [_cell(row.get(name)) for name in columns])
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(count, 1), len(columns) - 1)
    notes = book.add_worksheet("about")
    for line, (name, value) in enumerate(about):
        notes.write_string(line, 0, name, bold)
        notes.write_string(line, 1, value)
    book.close()
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return "" if value is None else value
