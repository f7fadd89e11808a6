"""The ledger vessel by vessel, for users who count boats rather than strike events.

An incident is one strike event: one announcement's boats on one day in one sea. Its vessels
are kept as the parts their sources gave ("three in the first vessel and two in the second",
facts with the qualifier ``part:N``); this export writes one row per vessel, with the part's own
toll and survivors where a source gave them, blank where only the event's total is known.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict

from . import review
from .records import Fact, Incident
from .store import Ledger

VESSEL_COLUMNS = (
    "incident_id", "strike_date", "region", "vessel", "vessels_in_incident", "killed", "survivors",
    "incident_killed_best",
)


def _parts(incident: Incident, facts_of: dict[str, dict[int, list[Fact]]]) -> dict[int, dict[str, int]]:
    """Per part number, the killed and survivors figures the incident's reports give it (the
    first source that gives a part's figure is taken)."""
    parts: dict[int, dict[str, int]] = defaultdict(dict)
    for key in incident.report_keys:
        article_id, _, index = key.rpartition(":")
        for fact in facts_of.get(article_id, {}).get(int(index), []):
            if fact.kind in ("killed", "survivors") and fact.qualifier.startswith("part:"):
                parts[int(fact.qualifier.split(":")[1])].setdefault(fact.kind, int(fact.value))
    return dict(parts)


def vessel_rows(ledger: Ledger) -> list[dict]:
    """One row per vessel of every incident (corrections applied), in ledger order."""
    incidents = review.apply(ledger).strikes()
    facts_of: dict[str, dict[int, list[Fact]]] = {}
    for article_id in sorted({k.rpartition(":")[0] for i in incidents for k in i.report_keys}):
        by_report: dict[int, list[Fact]] = defaultdict(list)
        for report_idx, _, fact in ledger.facts(article_id):
            if report_idx is not None:
                by_report[report_idx].append(fact)
        facts_of[article_id] = by_report
    rows = []
    for incident in incidents:
        parts = _parts(incident, facts_of)
        count = max(incident.vessels or 1, max(parts, default=0))
        for vessel in range(1, count + 1):
            own = parts.get(vessel, {})
            alone = count == 1
            rows.append({
                "incident_id": incident.id,
                "strike_date": incident.strike_date.isoformat() if incident.strike_date else None,
                "region": incident.region, "vessel": vessel, "vessels_in_incident": count,
                "killed": own.get("killed", incident.killed_best if alone else None),
                "survivors": own.get("survivors", incident.survivors if alone else None),
                "incident_killed_best": incident.killed_best,
            })
    return rows


def vessels_csv(ledger: Ledger, only: set[str] | None = None) -> str:
    """:func:`vessel_rows` as CSV; ``only``: the incident ids to keep (None: every incident)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=VESSEL_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in vessel_rows(ledger):
        if only is not None and row["incident_id"] not in only:
            continue
        writer.writerow({k: "" if row[k] is None else row[k] for k in VESSEL_COLUMNS})
    return buffer.getvalue()
