"""The strike being read: a mutable draft of one strike while an article is read.

The assembly layer (:mod:`.reports`) opens a ``ReportDraft`` per strike it finds and adds each
sentence's figures, dates and places to it; :mod:`.finishing` turns the drafts into frozen
``StrikeReport`` records. The hard cases read into it have modules of their own: per-vessel
parts (:mod:`.parts`), headlines and ledes (:mod:`.ledes`), tables (:mod:`.tables`), two
strikes in one sentence (:mod:`.clauses`), undated pages (:mod:`.undated`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Fact
from .casualties import Figure
from .dates import DateMention
from .places import PlaceMention
from .sentences import Sentence


@dataclass
class PartFigures:
    """One vessel's figures in an announcement that gives them per vessel."""

    killed: Figure | None = None
    survivors: Figure | None = None
    sentence: Sentence | None = None
    sea: PlaceMention | None = None  # "... three on the third vessel in the Caribbean": a part's own sea
    vessels: int = 1  # boats the part counts ("eight were on the two boats in the Pacific")


@dataclass
class ReportDraft:
    """A strike as it is being read; mutable while the article is read, then frozen."""

    first: Sentence
    item: int | None
    last_paragraph: int
    date: DateMention | None = None
    announced: DateMention | None = None
    killed: Figure | None = None
    killed_sentence: Sentence | None = None
    killed_qualifier: str = ""
    aboard: Figure | None = None
    presumed_dead: Figure | None = None
    follow_on: Figure | None = None  # deaths of a follow-on strike on the same boat
    aboard_sentence: Sentence | None = None
    unread_weekday: int | None = None  # told on a weekday ("on Monday") that nothing lets the reader resolve
    survivors: tuple[Figure, Sentence] | None = None
    vessels: tuple[Figure, Sentence] | None = None
    strikes: int | None = None
    ordinal: tuple[int, Sentence, int, int] | None = None
    places: list[tuple[PlaceMention, Sentence]] = field(default_factory=list)
    announcer: tuple[str, Sentence, int, int] | None = None
    parts: dict[int, PartFigures] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    end: int = 0


CAMPAIGN_SEAS = ("caribbean", "eastern_pacific")
DATE_RANK = {"day": 0, "week": 1, "month": 2, "unknown": 3}


def date_is_better(new: DateMention, old: DateMention | None) -> bool:
    return old is None or DATE_RANK[new.precision] < DATE_RANK[old.precision]


def best_event_date(event_dates: list[DateMention]) -> DateMention:
    """The sentence's date of the strike: the most precise, and among those one that names a
    strike ("Tuesday's strike") over one of another act ("on Wednesday raised the toll")."""
    return min(event_dates, key=lambda m: (DATE_RANK[m.precision], not m.names_strike))


def _day(draft: ReportDraft):
    """The day a draft is told of: its own, else the day it was announced; None when neither is a day."""
    for when in (draft.date, draft.announced):
        if when is not None and when.precision == "day" and when.value is not None:
            return when.value
    return None


def without_retellings(drafts: list[ReportDraft]) -> list[ReportDraft]:
    """``drafts`` less those that tell an earlier one again: the same day and the same toll, no
    parts ("El Pentágono anunció la noche de este sábado un nuevo ataque ... que dejó tres
    muertos", then "Hegseth anunció la noche de este sábado que EEUU condujo otro ataque ...
    matando a tres": the real-text set). One article's strike events of one day are its one
    announcement's, so a second telling is never a second event."""
    kept: list[ReportDraft] = []
    for draft in drafts:
        day = _day(draft)
        if day is not None and draft.killed is not None and not draft.parts and any(
            _day(k) == day and k.killed is not None and k.killed.value == draft.killed.value and not k.parts
            for k in kept
        ):
            continue
        kept.append(draft)
    return kept


def elsewhen(draft: ReportDraft, event_dates: list[DateMention]) -> bool:
    """A sentence's own dates are months that all lie apart from the day of the strike ``draft``
    tells ("En octubre, los dos supervivientes ..." after a strike of September). A later day ("the
    search was suspended on Thursday") still tells of the strike: what became of its people."""
    day = draft.date.value if draft.date is not None and draft.date.precision == "day" else None
    spans = [(m.low, m.high) for m in event_dates if m.low and m.high and m.precision == "month"]
    return day is not None and bool(spans) and not any(low <= day <= high for low, high in spans)
