"""Review: analysts' corrections, layered over the machine-resolved incidents.

Nothing here edits what the extractors or the resolver wrote. A correction is a stored
instruction — "incident X's killed_best is 6", "X is not a strike", "move these report keys
into Y", "move these report keys out of X" — and :func:`apply` replays every live correction
over a fresh list of resolved incidents. So corrections survive ``rebuild`` (incident ids are
permanent, and a correction on an id that a rebuild merged away follows its alias to the current
id; merges and splits are stored as report-key moves, not as incident rows), and undoing one is
marking it undone: the next :func:`apply` simply skips it. Analysts' merges and splits follow the
rebuild's rule for ids: the incident merged away answers as an alias of its target, and on a split
the part holding most of the reports keeps the id.

Every write needs a token (:func:`create_token` prints it once; only its sha256 is stored)
and leaves a row in the audit log: who, when, action, incident, field, old and new value,
reason, and whether it was later undone.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any

from .access import authenticate, create_token, hash_token  # noqa: F401
from .changes import Change
from .errors import Gone, NotFound, ReviewError
from .records import REGIONS, Incident
from .resolve import summarise
from .resolve.identity import unique_id
from .store import Ledger
from .store import changes as change_store
from .store.plausible import MAX_PER_STRIKE, count_problem, date_problem

ACTIONS = ("correct", "not_strike", "merge", "split")


def _count(value: Any) -> int:
    if isinstance(value, bool) or len(str(value)) > 20:  # no int() of thousands of digits
        raise ValueError("not a whole number of zero or more")
    number = int(value)
    if number < 0 or str(number) != str(value).strip():
        raise ValueError("not a whole number of zero or more")
    problem = count_problem(number, MAX_PER_STRIKE)  # the bound extraction holds figures to
    if problem:
        raise ValueError(f"{problem} per strike, more than any strike on boats could have")
    return number


def _date(value: Any) -> date:
    day = date.fromisoformat(str(value)[:40])
    problem = date_problem(day)
    if problem:
        raise ValueError(f"{problem}: no strike of the campaign bears that date")
    return day


def _region(value: Any) -> str:
    if value not in REGIONS:
        raise ValueError(f"not one of {', '.join(REGIONS)}")
    return value


def _text(value: Any) -> str:
    text = " ".join(str(value).split())
    if not text or len(text) > 200:
        raise ValueError("must be 1 to 200 characters")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in text):
        raise ValueError("must not hold control or invisible formatting characters")
    return text


# The fields an analyst may correct, each with the parser that checks a new value.
FIELDS = {
    "killed_best": _count, "survivors": _count, "vessels": _count, "strike_date": _date,
    "region": _region, "location": _text, "announced_by": _text,
}


# --- tokens: made, checked and revoked in :mod:`strikeledger.access` ------------------------
# (re-exported here, where callers have always found them)

# --- the overlay ----------------------------------------------------------------------------

@dataclass
class Reviewed:
    """Incidents with corrections applied, and what each correction changed."""

    incidents: list[Incident]
    machine: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> field -> machine value
    corrections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # id -> live corrections
    not_strikes: set[str] = field(default_factory=set)
    unapplied: list[int] = field(default_factory=list)  # corrections whose incident no longer exists
    # former id -> the id it answers for (None: retired), stored by rebuilds and made by merges here
    aliases: dict[str, str | None] = field(default_factory=dict)

    def get(self, incident_id: str) -> Incident:
        for incident in self.incidents:
            if incident.id == incident_id:
                return incident
        raise NotFound(f"no incident {incident_id!r}; `strikeledger incidents` lists them")

    def current(self, incident_id: str) -> str:
        """The id ``incident_id`` answers to now: itself, or the incident it is an alias of.

        Raises NotFound for an id never given, Gone for one whose reports no longer form an incident.
        """
        found = _follow(self.aliases, {i.id for i in self.incidents}, incident_id)
        if found is None and incident_id in self.aliases:
            raise Gone(f"incident {incident_id!r} no longer exists: the reports it was built from no longer "
                       "form a strike; GET /api/incidents lists the ledger")
        if found is None:
            raise NotFound(f"no incident {incident_id!r}; `strikeledger incidents` lists them")
        return found

    def aliases_by_id(self) -> dict[str, list[str]]:
        """Current incident id -> the former ids that answer for it, sorted."""
        ids = {i.id for i in self.incidents}
        found: dict[str, list[str]] = {}
        for alias in sorted(self.aliases):
            target = _follow(self.aliases, ids, alias)
            if target is not None:
                found.setdefault(target, []).append(alias)
        return found

    def strikes(self) -> list[Incident]:
        """The incidents that analysts have not marked as not a strike."""
        return [i for i in self.incidents if i.id not in self.not_strikes]


def _follow(aliases: dict[str, str | None], ids: set[str], incident_id: str | None) -> str | None:
    """Where an id leads through aliases: a current id, or None (never given, or retired)."""
    seen: set[str] = set()
    while incident_id is not None and incident_id not in ids and incident_id not in seen:
        seen.add(incident_id)
        incident_id = aliases.get(incident_id)
    return incident_id if incident_id in ids else None


def _find(by_id: dict[str, Incident], aliases: dict[str, str | None], incident_id: str,
          anchor: list[str]) -> Incident | None:
    """The incident a correction is about: by id or the alias it became, else the one holding its
    report keys (a correction stored before ids were permanent, whose id may have shifted)."""
    current = _follow(aliases, set(by_id), incident_id)
    if current is not None:
        return by_id[current]
    best = max(by_id.values(), key=lambda i: len(set(i.report_keys) & set(anchor)), default=None)
    return best if best is not None and set(best.report_keys) & set(anchor) else None


def _regroup(ledger: Ledger, incident_id: str, keys: list[str], keep_id: bool) -> Incident:
    """Summarise a group of reports as one incident with the resolver's own rules."""
    wanted = set(keys)
    articles_of = {k.rsplit(":", 1)[0] for k in keys}
    reports = [r for r in ledger.reports(articles_of) if r.key in wanted]
    incident = summarise(reports, ledger.articles(articles_of, with_text=False), ledger.claims(articles_of))
    return replace(incident, id=incident_id) if keep_id else incident


def _corrected(incident: Incident, name: str, value: Any, note: str) -> Incident:
    if name == "killed_best":
        low = value if incident.killed_low is None else min(incident.killed_low, value)
        high = value if incident.killed_high is None else max(incident.killed_high, value)
        return replace(incident, killed_best=value, killed_low=low, killed_high=high, best_reason=note)
    if name == "strike_date":
        return replace(incident, strike_date=value, date_precision="day")
    return replace(incident, **{name: value})


def apply(ledger: Ledger, incidents: list[Incident] | None = None) -> Reviewed:
    """Replay every live correction over ``incidents`` (default: the stored resolved ones)."""
    incidents = list(ledger.incidents() if incidents is None else incidents)
    reviewed = Reviewed(incidents, aliases={a.alias: a.incident_id for a in ledger.aliases()})
    taken = {i.id for i in incidents} | set(reviewed.aliases)
    live = ledger.corrections()
    # Structure first (merges and splits move report keys), then field values, so a value can
    # be corrected on an incident that a split created.
    for row in (r for r in live if r["action"] in ("merge", "split")):
        by_id = {i.id: i for i in incidents}
        source = _find(by_id, reviewed.aliases, row["incident_id"], json.loads(row["anchor_keys"]))
        moved = json.loads(row["report_keys"])
        if source is None:
            reviewed.unapplied.append(row["id"])
            continue
        if row["action"] == "merge":
            target = by_id.get(_follow(reviewed.aliases, set(by_id), row["target_id"]) or "")
            if target is None or target.id == source.id:
                reviewed.unapplied.append(row["id"])
                continue
            keys = list(target.report_keys) + [k for k in source.report_keys if k not in target.report_keys]
            merged = _regroup(ledger, target.id, keys, keep_id=True)
            incidents = [merged if i.id == target.id else i for i in incidents if i.id != source.id]
            reviewed.aliases[source.id] = target.id  # the merged-away id still answers
        else:
            out = [k for k in source.report_keys if k in set(moved)]
            rest = [k for k in source.report_keys if k not in set(moved)]
            if not out or not rest:
                reviewed.unapplied.append(row["id"])
                continue
            if len(out) > len(rest):  # the id stays with the part holding most of the reports
                out, rest = rest, out
            fresh = _regroup(ledger, "", out, keep_id=False)
            fresh = replace(fresh, id=unique_id(fresh.id, taken))
            taken.add(fresh.id)
            incidents = [i for i in incidents if i.id != source.id]
            incidents += [_regroup(ledger, source.id, rest, keep_id=True), fresh]
        reviewed.corrections.setdefault(source.id, []).append(_public(row))
    for row in (r for r in live if r["action"] in ("correct", "not_strike")):
        by_id = {i.id: i for i in incidents}
        incident = _find(by_id, reviewed.aliases, row["incident_id"], json.loads(row["anchor_keys"]))
        if incident is None:
            reviewed.unapplied.append(row["id"])
            continue
        reviewed.corrections.setdefault(incident.id, []).append(_public(row))
        if row["action"] == "not_strike":
            reviewed.not_strikes.add(incident.id)
            continue
        name = row["field"]
        try:  # a value stored before the bounds were, now out of them: left unapplied, never a crash
            value = FIELDS[name](json.loads(row["value"]))
        except (TypeError, ValueError):
            reviewed.unapplied.append(row["id"])
            continue
        machine = reviewed.machine.setdefault(incident.id, {})
        machine.setdefault(name, _jsonable(getattr(incident, name)))
        note = f"corrected by {row['author']}: {row['reason']}"
        incidents = [_corrected(i, name, value, note) if i.id == incident.id else i for i in incidents]
    incidents.sort(key=lambda i: (i.strike_date or date.max, i.id))
    reviewed.incidents = incidents
    return reviewed


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"], "incident_id": row["incident_id"], "action": row["action"], "field": row["field"],
        "value": json.loads(row["value"]) if row["value"] is not None else None,
        "report_keys": json.loads(row["report_keys"]), "target_id": row["target_id"], "reason": row["reason"],
        "author": row["author"], "created_at": row["created_at"].isoformat() if row["created_at"] else None,
        "undone": bool(row["undone"]),
    }


# --- writing --------------------------------------------------------------------------------

@dataclass(frozen=True)
class CorrectionRequest:
    """What an analyst asks for; ``field``/``value`` for correct, ``target_id`` for merge, ``report_keys`` for split."""

    incident_id: str
    action: str
    reason: str
    field: str | None = None
    value: Any = None
    target_id: str | None = None
    report_keys: tuple[str, ...] = ()


def record(ledger: Ledger, request: CorrectionRequest, who: str) -> dict[str, Any]:
    """Check a correction against the ledger as currently reviewed, store it and audit it.

    Returns the stored correction. Raises NotFound for an unknown incident and ReviewError
    for a bad action, field, value, target or set of report keys, or a missing reason.
    """
    if request.action not in ACTIONS:
        raise ReviewError(f"unknown action {request.action!r}: use one of {', '.join(ACTIONS)}")
    reason = " ".join(request.reason.split())
    if not reason:
        raise ReviewError("every correction needs a reason")
    reviewed = apply(ledger)
    incident = reviewed.get(reviewed.current(request.incident_id))  # an alias corrects its current incident
    row: dict[str, Any] = {"incident_id": incident.id, "anchor_keys": json.dumps(list(incident.report_keys)),
                           "action": request.action, "field": None, "value": None, "report_keys": "[]",
                           "target_id": None, "reason": reason, "author": who}
    audit = {"who": who, "action": request.action, "incident_id": incident.id, "reason": reason}
    if request.action == "correct":
        if request.field not in FIELDS:
            raise ReviewError(f"field {request.field!r} cannot be corrected: use one of {', '.join(FIELDS)}")
        try:
            value = FIELDS[request.field](request.value)
        except (TypeError, ValueError) as exc:
            raise ReviewError(f"{request.field} = {repr(request.value)[:60]}: {exc}") from exc
        row.update(field=request.field, value=json.dumps(_jsonable(value)))
        audit.update(field=request.field, old_value=_text_of(getattr(incident, request.field)), new_value=_text_of(value))
    elif request.action == "not_strike":
        if incident.id in reviewed.not_strikes:
            raise ReviewError(f"incident {incident.id} is already marked as not a strike")
        audit.update(field=None, old_value="strike", new_value="not a strike")
    elif request.action == "merge":
        target = reviewed.get(reviewed.current(request.target_id or ""))
        if target.id == incident.id:
            raise ReviewError("an incident cannot be merged into itself")
        row.update(target_id=target.id, report_keys=json.dumps(list(incident.report_keys)))
        audit.update(field="report_keys", old_value=" ".join(incident.report_keys), new_value=f"merged into {target.id}")
    else:
        moved = list(dict.fromkeys(request.report_keys))
        stray = [k for k in moved if k not in incident.report_keys]
        if not moved or stray or len(moved) == len(incident.report_keys):
            raise ReviewError(f"a split moves some, not all, of this incident's report keys ({', '.join(incident.report_keys)})"
                              + (f"; not in it: {', '.join(stray)}" if stray else ""))
        row.update(report_keys=json.dumps(moved))
        audit.update(field="report_keys", old_value=" ".join(incident.report_keys), new_value="split out " + " ".join(moved))
    correction_id = ledger.add_correction(row, [audit])
    _announce(ledger, audit, f"corrected by an analyst ({request.action}"
              + (f" {request.field}" if request.field and request.action == "correct" else "") + f"): {reason}")
    return next(_public(r) for r in ledger.corrections() if r["id"] == correction_id)


def _announce(ledger: Ledger, audit: dict[str, Any], summary: str) -> None:
    """A correction, or its undoing, changes a published incident: a change record for subscribers."""
    old = {audit["field"]: audit.get("old_value")} if audit.get("field") else None
    new = {audit["field"]: audit.get("new_value")} if audit.get("field") else None
    change_store.record(ledger, [Change(datetime.now(timezone.utc), audit["incident_id"], "corrected", summary,
                                        old, new)])


def undo(ledger: Ledger, correction_id: int, who: str, reason: str) -> dict[str, Any]:
    """Mark a correction undone (audited); the next :func:`apply` leaves it out."""
    reason = " ".join(reason.split())
    if not reason:
        raise ReviewError("an undo needs a reason too")
    undone = ledger.undo_correction(correction_id, who, reason)
    _announce(ledger, {"incident_id": undone["incident_id"]}, f"correction {correction_id} undone: {reason}")
    return _public(undone)


def audit_log(ledger: Ledger, incident_id: str | None = None) -> list[dict[str, Any]]:
    """The audit log, newest first, optionally for one incident."""
    return [{**row, "at": row["at"].isoformat(), "undone": bool(row["undone"])} for row in ledger.audit_log(incident_id)]


def _text_of(value: Any) -> str | None:
    return None if value is None else str(_jsonable(value))
