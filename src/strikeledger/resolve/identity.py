"""Permanent incident ids: once an id has been published it always answers.

:func:`build_incidents` names each cluster after its anchor report, so a rebuild that moves
reports between clusters would rename incidents and break every link to them. :func:`assign`
runs after it and carries the ids over from the incidents the ledger stored before:

- each previous id goes to the new incident holding most of its reports (its *heir*; ties:
  the one holding the earliest of its report keys), so on a split the part with most of the
  old reports keeps the id and the other parts get new ones;
- a new incident that is the heir of one previous id takes that id; the heir of several (a
  merge) takes the oldest (ties: the one sharing most reports, then the smallest id), and the
  others become its aliases (cause ``merged``);
- a previous id whose reports all vanished (an extractor no longer reads them) becomes an alias
  of nothing (cause ``retired``): it still answers, saying so, and is never given out again;
- a new incident that is nobody's heir keeps its provisional id, made unique against every id
  and alias ever given;
- aliases already stored are re-pointed at the current id of what they answered for, so an
  alias never leads to another alias.

The function is pure: it takes what the ledger stored and returns what to store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from ..records import Alias, Incident, IssuedId


@dataclass(frozen=True)
class Identities:
    """The outcome of :func:`assign`: what the ledger stores after a rebuild."""

    incidents: list[Incident]  # with their permanent ids, sorted by date then id
    created: dict[str, datetime]  # incident id -> when that id was first given
    aliases: list[Alias]  # every alias, old and new, sorted by alias


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... the first not in ``taken``."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _heirs(incidents: list[Incident], previous: list[IssuedId]) -> dict[str, int]:
    """Previous id -> position of the new incident holding most of its reports."""
    where = {key: pos for pos, incident in enumerate(incidents) for key in incident.report_keys}
    heirs: dict[str, int] = {}
    for issued in previous:
        counts = Counter(where[k] for k in issued.report_keys if k in where)
        if not counts:
            continue
        top = max(counts.values())
        # a tie (a split into equal parts) goes to the part holding the id's earliest report, which
        # the ledger lists first, so the choice does not depend on the order clusters were built
        heirs[issued.id] = next(where[k] for k in sorted(issued.report_keys)
                                if counts.get(where.get(k)) == top)
    return heirs


def assign(incidents: Iterable[Incident], previous: Iterable[IssuedId], aliases: Iterable[Alias],
           now: datetime) -> Identities:
    """Give freshly resolved incidents the ids of the incidents stored before them.

    Args:
        incidents: the resolver's incidents, with provisional ids.
        previous: every incident id the ledger stored, with its creation time and report keys.
        aliases: every alias the ledger stored.
        now: when this rebuild happens (the creation time of new ids and new aliases).

    Returns:
        The incidents renamed, each id's creation time, and the full set of aliases.
    """
    incidents = list(incidents)
    previous = sorted(previous, key=lambda p: (p.created_at, p.id))
    stored_aliases = {a.alias: a for a in aliases}
    heirs = _heirs(incidents, previous)
    claimants: dict[int, list[IssuedId]] = {}
    for issued in previous:
        if issued.id in heirs:
            claimants.setdefault(heirs[issued.id], []).append(issued)

    ids: dict[int, str] = {}
    created: dict[str, datetime] = {}
    for pos, claims in claimants.items():
        keys = set(incidents[pos].report_keys)
        winner = min(claims, key=lambda p: (p.created_at, -len(p.report_keys & keys), p.id))
        ids[pos] = winner.id
        created[winner.id] = winner.created_at
    # Ids once given are never given again, to another incident, even those now aliases.
    taken = {p.id for p in previous} | set(stored_aliases)
    for pos, incident in enumerate(incidents):
        if pos not in ids:
            ids[pos] = unique_id(incident.id, taken)
            created[ids[pos]] = now
        taken.add(ids[pos])

    current: dict[str, str | None] = {}
    for issued in previous:
        heir = heirs.get(issued.id)
        current[issued.id] = None if heir is None else ids[heir]
        if current[issued.id] != issued.id:
            cause = "retired" if heir is None else "merged"
            stored_aliases[issued.id] = Alias(issued.id, current[issued.id], cause, now)
    for name, alias in list(stored_aliases.items()):
        target = alias.incident_id
        if target in current and current[target] != target:
            cause = alias.cause if current[target] is not None else "retired"
            stored_aliases[name] = replace(alias, incident_id=current[target], cause=cause)

    renamed = [replace(incident, id=ids[pos]) for pos, incident in enumerate(incidents)]
    renamed.sort(key=lambda i: (i.strike_date or date.max, i.id))
    return Identities(renamed, created, sorted(stored_aliases.values(), key=lambda a: a.alias))
