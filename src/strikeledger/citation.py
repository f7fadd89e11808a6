"""How to cite an incident: a plain-text reference and a CSL-JSON entry, the same on the page and in the CLI.

Both carry the incident's figures as the ledger has them at the time of citing, that time
(``accessed``), the incident's permanent link (its id always answers, see the README's
"Incident ids are permanent") and every source with outlet, date and URL, so a reader of the
story can check each figure against the reporting behind it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .outlets import UNKNOWN

PUBLISHER = "strikeledger"


@dataclass(frozen=True)
class Citation:
    """An incident's citation: ``text`` to paste into prose, ``csl`` (a CSL-JSON item) for reference tools."""

    text: str
    csl: dict[str, Any]

    def csl_json(self) -> str:
        """The CSL-JSON entry as text: a list of one item, as reference managers import it."""
        return json.dumps([self.csl], indent=2, ensure_ascii=False)


def _date_parts(value: str | None) -> dict[str, Any] | None:
    if not value:
        return None
    return {"date-parts": [[int(part) for part in value[:10].split("-")]]}


def _figures(detail: dict[str, Any]) -> str:
    low, best, high = detail["killed_low"], detail["killed_best"], detail["killed_high"]
    if best is None and low is None:
        killed = "no toll reported"
    elif best is None:
        killed = f"at least {low} killed"
    else:
        spread = f" (sources give {low}–{high})" if low is not None and low != high else ""
        killed = f"{best} killed{spread}"
    survivors = ("survivors not reported" if detail["survivors"] is None
                 else f"{detail['survivors']} survivors")
    vessels = "boats not counted" if not detail["vessels"] else \
        f"{detail['vessels']} vessel{'s' if detail['vessels'] != 1 else ''}"
    parts = [killed, survivors, vessels, f"announced by {detail['announced_by'] or 'no one named'}",
             f"grade {detail['grade'].replace('_', ' ')}"]
    if detail["contradictions"]:
        parts.append("sources disagree: " + "; ".join(detail["contradictions"]))
    return ", ".join(parts)


def _title(detail: dict[str, Any]) -> str:
    place = detail["location"] or detail["region"].replace("_", " ")
    return f"US strike on a boat, {detail['strike_date'] or 'date unknown'}, {place}"


def _sources(detail: dict[str, Any]) -> list[str]:
    return [f"{s['outlet'] or UNKNOWN}, {s['published'] or 'undated'}, "
            f"{s['url'] or 'article ' + s['article_id']}"
            for s in detail["sources"]]


def cite(detail: dict[str, Any], link: str, accessed: datetime) -> Citation:
    """The citation of an incident.

    Args:
        detail: :func:`strikeledger.service.incident_detail` of the incident.
        link: its permanent link (the page URL, or the path where no public URL is known).
        accessed: when the ledger was read (the figures are as of then), timezone-aware.
    """
    stamp = accessed.strftime("%Y-%m-%d %H:%M UTC")
    title = _title(detail)
    figures = _figures(detail)
    sources = _sources(detail)
    text = (f"{PUBLISHER}, incident {detail['incident_id']}: {title}. {figures[0].upper()}{figures[1:]}. "
            f"Sources: {'; '.join(sources)}. Ledger as of {stamp}. {link}")
    latest = max((s["published"] for s in detail["sources"] if s["published"]), default=None)
    csl = {
        "id": detail["incident_id"], "type": "dataset", "title": f"Incident {detail['incident_id']}: {title}",
        "author": [{"literal": PUBLISHER}], "publisher": PUBLISHER, "URL": link,
        "issued": _date_parts(latest), "accessed": _date_parts(accessed.date().isoformat()),
        "note": f"{figures}. Ledger as of {stamp}.", "references": "; ".join(sources),
    }
    return Citation(text, {k: v for k, v in csl.items() if v is not None})
