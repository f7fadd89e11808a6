"""Plain typed records that flow between the pipeline stages.

``Article`` (ingest) -> ``ArticleExtraction`` holding ``StrikeReport``, ``ReportedTotal`` and
``Claim`` records, each made of ``Fact`` records that point into the article text (extract)
-> ``Incident`` (resolve), whose permanent id is an ``IssuedId`` and whose former ids are
``Alias`` records (resolve.identity). All are frozen dataclasses: stages never mutate what they receive.
Offsets are character offsets into ``Article.text`` as normalised once at ingest.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

REGIONS = ("caribbean", "eastern_pacific", "other", "unknown")
# The ledger's scope: the campaign of boat strikes it records began in this month. A bound on
# dates (no strike of the campaign lies before it), not knowledge of any strike.
CAMPAIGN_START = date(2025, 9, 1)
# Place precision in the spirit of UCDP's where_prec: exact, near_place, water_area, country, unknown.
GRADES = ("official", "corroborated", "single_source", "disputed")


@dataclass(frozen=True)
class Article:
    """One news article as ingested: normalised text plus metadata."""

    id: str  # content hash of the normalised text
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: date | None = None
    published_precision: str = "unknown"  # exact | estimated | unknown
    source: str = ""  # where it came from: a path, "archive.jsonl:12", a URL
    language: str = "und"  # ISO 639-1 code ("en", "es"); "und" when undetermined (ingest.language)


@dataclass(frozen=True)
class Fact:
    """One extracted figure or attribute, with the text that backs it."""

    article_id: str
    kind: str  # killed, survivors, strike_date, region, place, vessels, announcer, ordinal, total_killed, ...
    value: str  # normalised value, as text (an int, an ISO date, a region code, a name)
    start: int
    end: int
    surface: str  # the exact text at [start, end)
    extractor: str  # the component that produced it
    qualifier: str = ""  # at_least, more_than, about, partial, revised_from:N, announced, ...
    sentence_start: int = -1
    sentence_end: int = -1


@dataclass(frozen=True)
class StrikeReport:
    """One strike as one article reports it."""

    article_id: str
    index: int  # order within the article
    strike_date: date | None
    date_precision: str  # day | week | month | unknown
    date_low: date | None  # the window the date may lie in
    date_high: date | None
    date_from_announcement: bool  # only the announcement day was given
    region: str
    location: str | None
    lat: float | None
    lon: float | None
    place_precision: str
    vessels: int | None
    killed: int | None
    killed_qualifier: str  # "", at_least, more_than, about, partial
    survivors: int | None
    announced_by: str | None
    ordinal: int | None  # "the sixth strike" -> 6
    part: int | None  # per-vessel split: 1, 2, ... when one announcement gave per-vessel counts
    start: int  # span of the text the report was read from
    end: int
    facts: tuple[Fact, ...] = ()
    presumed_dead: int | None = None  # survivors presumed dead after a search ended; not in ``killed``

    @property
    def key(self) -> str:
        return f"{self.article_id}:{self.index}"


@dataclass(frozen=True)
class ReportedTotal:
    """A cumulative figure an article reports ("bringing the death toll to at least 66")."""

    article_id: str
    index: int
    as_of: date | None
    killed: int | None
    killed_qualifier: str
    strikes: int | None
    vessels: int | None
    start: int
    end: int
    facts: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class Claim:
    """Who said what about a strike: an announcement, a dispute, a question of evidence."""

    article_id: str
    report_index: int | None  # the report it is about, when known
    speaker: str
    stance: str  # announces | disputes | questions
    evidence: str  # "" | no_evidence_provided | video_released
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything the extractors found in one article."""

    article_id: str
    reports: tuple[StrikeReport, ...] = ()
    totals: tuple[ReportedTotal, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class KilledFigure:
    """One source's death toll for an incident, for ranges and revisions."""

    value: int
    qualifier: str
    article_id: str
    published: date | None
    outlet: str | None
    official: bool


@dataclass(frozen=True)
class Incident:
    """One strike in the ledger, merged from every report of it."""

    id: str
    strike_date: date | None
    date_precision: str
    region: str
    location: str | None
    lat: float | None
    lon: float | None
    place_precision: str
    vessels: int | None
    killed_low: int | None
    killed_best: int | None
    killed_high: int | None
    survivors: int | None
    announced_by: str | None
    grade: str
    report_keys: tuple[str, ...]  # "article_id:index" of every report merged into it
    article_ids: tuple[str, ...]
    contradictions: tuple[str, ...] = ()
    best_reason: str = ""  # how killed_best was chosen
    presumed_dead: int | None = None


@dataclass(frozen=True)
class IssuedId:
    """An incident id as the ledger last stored it: when it was first given, and its reports."""

    id: str
    created_at: datetime  # when the id was first given (ties between merged incidents: the older stays)
    report_keys: frozenset[str]


@dataclass(frozen=True)
class Alias:
    """A published incident id that no longer names an incident of its own, and what it answers for."""

    alias: str
    incident_id: str | None  # the current id it answers for; None once its reports form no incident
    cause: str  # merged (another, older incident took its reports) | retired (its reports are gone)
    created_at: datetime  # when it became an alias
