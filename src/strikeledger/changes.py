"""What changed in the ledger: every change a rebuild makes to a published incident.

:func:`diff` compares the incidents stored before a rebuild with those it stores, and the aliases
before and after, and returns one :class:`Change` per change: ``new`` (an incident appears, a
``split`` part included), ``toll`` (killed range, best figure or survivors revised), ``date``,
``place`` (region or location), ``source`` (one per article newly among its sources),
``merged`` (another incident merged into it), ``split`` (some of its reports now form another
incident) and ``retired`` (its reports no longer form any incident); ``corrected`` records an
analyst's correction or its undoing (:mod:`strikeledger.review`), which no rebuild makes. The article that caused a
change is the newest-ingested of the articles the incident gained; a change no article caused
(a re-reading by a new extractor) names none. The function is pure; the store keeps the records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from .records import Alias, Incident

KINDS = ("new", "toll", "date", "place", "source", "merged", "split", "retired", "corrected")
TOLL_FIELDS = ("killed_low", "killed_best", "killed_high", "survivors")
PLACE_FIELDS = ("region", "location")


@dataclass(frozen=True)
class Change:
    """One change to one incident, when it happened and the article that caused it."""

    at: datetime
    incident_id: str
    kind: str
    summary: str
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None
    article_id: str | None = None
    id: int | None = None  # given by the store

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "incident_id": self.incident_id,
            "kind": self.kind,
            "summary": self.summary,
            "old": self.old,
            "new": self.new,
            "article_id": self.article_id,
        }


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _fields(incident: Incident, names: Iterable[str]) -> dict[str, Any]:
    return {name: _plain(getattr(incident, name)) for name in names}


def _toll(values: Mapping[str, Any]) -> str:
    low, best, high = values["killed_low"], values["killed_best"], values["killed_high"]
    killed = "unknown" if best is None and low is None else str(best if best is not None else f">={low}")
    if low is not None and high is not None and low != high:
        killed += f" ({low}-{high})"
    survivors = values["survivors"]
    return f"killed {killed}" + ("" if survivors is None else f", {survivors} survivors")


def _describe(incident: Incident) -> str:
    when = incident.strike_date.isoformat() if incident.strike_date else "undated"
    place = incident.location or incident.region.replace("_", " ")
    return f"{when}, {place}, {_toll(_fields(incident, TOLL_FIELDS))}"


def diff(
    before: Iterable[Incident],
    after: Iterable[Incident],
    aliases_before: Iterable[Alias],
    aliases_after: Iterable[Alias],
    ingested: Mapping[str, datetime],
    now: datetime,
) -> list[Change]:
    """The changes from the incidents and aliases ``before`` a rebuild to those ``after`` it.

    Args:
        before, after: the incidents stored before the rebuild, and those it stores.
        aliases_before, aliases_after: the aliases likewise.
        ingested: when each article was ingested (to name the newest as a change's cause).
        now: the time of the rebuild, given to every change.
    """
    old = {i.id: i for i in before}
    new = {i.id: i for i in after}
    owner = {key: i.id for i in old.values() for key in i.report_keys}
    changes: list[Change] = []

    def cause(gained: Iterable[str]) -> str | None:
        return max(gained, key=lambda a: (ingested.get(a, now), a), default=None)

    for incident in new.values():
        previous = old.get(incident.id)
        if previous is None:
            origins = sorted({owner[k] for k in incident.report_keys if k in owner and owner[k] in new})
            known = {a for o in origins for a in old[o].article_ids}
            article = cause(set(incident.article_ids) - known) or cause(incident.article_ids)
            split = f" (split from {', '.join(origins)})" if origins else ""
            changes.append(
                Change(
                    now,
                    incident.id,
                    "new",
                    f"new incident{split}: {_describe(incident)}",
                    None,
                    {**_fields(incident, ("strike_date", *PLACE_FIELDS, *TOLL_FIELDS))},
                    article,
                )
            )
            for origin in origins:
                changes.append(
                    Change(
                        now,
                        origin,
                        "split",
                        f"some of its reports now form {incident.id}",
                        None,
                        {"incident_id": incident.id},
                        article,
                    )
                )
            continue
        gained = sorted(set(incident.article_ids) - set(previous.article_ids))
        article = cause(gained)
        for kind, names in (("toll", TOLL_FIELDS), ("date", ("strike_date",)), ("place", PLACE_FIELDS)):
            was, now_is = _fields(previous, names), _fields(incident, names)
            if was != now_is:
                changes.append(
                    Change(now, incident.id, kind, _summary(kind, was, now_is), was, now_is, article)
                )
        for article_id in gained:
            changes.append(
                Change(
                    now,
                    incident.id,
                    "source",
                    f"new source: article {article_id}",
                    None,
                    {"article_id": article_id},
                    article_id,
                )
            )

    had = {a.alias: a for a in aliases_before}
    for alias in aliases_after:
        if alias.alias in had and had[alias.alias].cause == alias.cause:
            continue  # already recorded; only re-pointed, or unchanged
        if alias.incident_id is None:
            changes.append(
                Change(
                    now, alias.alias, "retired", "its reports no longer form an incident", None, None, None
                )
            )
        elif alias.alias in old and alias.incident_id in new:
            target = new[alias.incident_id]
            gained = set(target.article_ids) - set(old[target.id].article_ids if target.id in old else ())
            changes.append(
                Change(
                    now,
                    target.id,
                    "merged",
                    f"{alias.alias} merged into it",
                    {"incident_id": alias.alias},
                    {"incident_id": target.id},
                    cause(gained),
                )
            )
    return changes


def _summary(kind: str, was: dict[str, Any], now_is: dict[str, Any]) -> str:
    if kind == "toll":
        return f"toll revised: {_toll(was)} -> {_toll(now_is)}"
    if kind == "date":
        return f"date changed: {was['strike_date'] or 'undated'} -> {now_is['strike_date'] or 'undated'}"
    where = lambda v: v["location"] or v["region"].replace("_", " ")  # noqa: E731
    return f"place changed: {where(was)} -> {where(now_is)}"
