"""Finishing: a read draft becomes the frozen ``StrikeReport`` records of one strike.

Decides the report's date (the strike's own, else the announcement's, else the lede's window),
its sea (the report's own, else the article's, never the story's for a background strike), its
most precise place, announcer, vessels and toll, each with the fact that backs it; an
announcement of several vessels becomes its strike events (:mod:`.parts`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from ..records import StrikeReport
from . import attribution, casualties, dates, places
from .draft import CAMPAIGN_SEAS, ReportDraft
from .facts import sentence_fact
from .ledes import is_background, lede_window
from .parts import event_reports
from .places import PRECISION_RANK, PlaceMention, resolve_place
from .sentences import Sentence

if TYPE_CHECKING:
    from .reports import ArticleReader


def finish_draft(
    reader: ArticleReader,
    draft: ReportDraft,
    index: int,
    article_region: tuple[str, tuple[PlaceMention, Sentence] | None],
    lede_announcer: str | None,
) -> list[StrikeReport]:
    article = reader.article
    facts = list(draft.facts)
    when = draft.date
    from_announcement = False
    announced = draft.announced
    if (
        when is not None
        and when.precision in ("week", "month")
        and announced is not None
        and announced.value
        and when.low
        and when.high
        and when.low <= announced.value <= when.high
    ):
        # "said Friday ... the third strike this week": the announcement day is closer than the week.
        when, from_announcement = announced, True
    if when is None or when.value is None and when.low is None:
        when, from_announcement = draft.announced, draft.announced is not None
    if when is None or (when.value is None and when.low is None):
        if draft.killed is None or draft.killed_qualifier == "partial":
            return []  # no date and no toll: too vague to be a ledger row
        when = lede_window(article, reader.drafts, reader.text_start, draft, reader.lang.words)
        from_announcement = when is not None and when.precision == "day"
    if from_announcement and draft.killed is None and draft.vessels is None:
        # "The most recent strike was announced Saturday": known only by the day it was
        # announced, with no toll and no vessel, it is a mention, not a report.
        return []
    if when is not None:
        sentence = reader.sentence_at(when.start)
        facts.append(
            sentence_fact(
                article,
                sentence,
                "strike_date",
                (when.value or when.low).isoformat(),
                when.start - sentence.start,
                when.end - sentence.start,
                dates.EXTRACTOR,
                "publication_day"
                if when.kind == "lede"
                else ("announced" if from_announcement else when.precision),
            )
        )
    # Region and place: the most precise place the report names, its sea from the report or the article.
    seas = [(p, sentence) for p, sentence in draft.places if p.region in CAMPAIGN_SEAS]
    if not seas and any(p.region == "other" for p, _ in draft.places):
        return []  # a strike in another war (the Red Sea, Ukraine): not this campaign
    if not seas and is_background(article, reader.drafts, draft, when):
        # An older strike the story looks back on ("questions over the Sept. 2 strike") lies in
        # whichever sea it lay in, not necessarily the one this story is about.
        article_region = ("unknown", None)
    region = seas[0][0].region if seas else article_region[0]
    sea_place = seas[0] if seas else article_region[1]
    # A place on another sea than the report's belongs to a neighbouring story or list item.
    fitting = [ps for ps in draft.places if ps[0].region in (region, "unknown") or ps[0].coasts]
    place_pick = min(fitting, key=lambda ps: PRECISION_RANK[ps[0].precision], default=None)
    location = lat = lon = None
    place_precision = "unknown"
    if place_pick is not None:
        place, sentence = place_pick
        place = resolve_place(place, region)
        if place.lat is not None:
            location, lat, lon, place_precision = place.name, place.lat, place.lon, place.precision
        elif place.precision != "unknown":
            location, place_precision = place.name, place.precision
        facts.append(
            sentence_fact(
                article,
                sentence,
                "place",
                place.name,
                place.start,
                place.end,
                places.EXTRACTOR,
                place.precision,
            )
        )
    if sea_place is not None:
        place, sentence = sea_place
        facts.append(
            sentence_fact(
                article,
                sentence,
                "region",
                region,
                place.start,
                place.end,
                places.EXTRACTOR,
                "" if seas else "from_article",
            )
        )
    announcer = draft.announcer[0] if draft.announcer else lede_announcer
    if draft.announcer:
        speaker, sentence, start, end = draft.announcer
        facts.append(
            sentence_fact(article, sentence, "announcer", speaker, start, end, attribution.EXTRACTOR)
        )
    if announcer not in attribution.OFFICIAL_NAMES:
        announcer = None
    ordinal = None
    if draft.ordinal:
        ordinal, sentence, start, end = draft.ordinal
        facts.append(sentence_fact(article, sentence, "ordinal", ordinal, start, end, "ordinals"))
    vessels = None
    if draft.vessels:
        figure, sentence = draft.vessels
        vessels = figure.value
        facts.append(
            sentence_fact(
                article,
                sentence,
                "vessels",
                vessels,
                figure.start,
                figure.end,
                casualties.EXTRACTOR,
                figure.qualifier,
            )
        )
    survivors = draft.survivors[0].value if draft.survivors else None
    if survivors and draft.follow_on is not None and draft.follow_on.value == survivors:
        survivors = None  # "left two survivors ... a second strike killed the two": none survived
    killed = draft.killed.value if draft.killed else None
    if (
        killed is not None
        and draft.killed_qualifier != "partial"
        and draft.follow_on
        and draft.aboard
        and killed + draft.follow_on.value == draft.aboard.value
    ):
        # "killing nine of the eleven people on board ... a follow-on strike killed the two
        # survivors": the strike killed everyone aboard
        killed = draft.aboard.value
        facts.append(
            sentence_fact(
                article,
                draft.aboard_sentence,
                "killed",
                killed,
                draft.aboard.start,
                draft.aboard.end,
                casualties.EXTRACTOR,
                "all_aboard",
            )
        )
    if draft.killed_qualifier == "nationals":
        draft.killed_qualifier = "partial"  # only some of the dead are counted: a lower bound
    base = dict(
        article_id=article.id,
        strike_date=when.value if when is not None else None,
        date_precision=when.precision if when is not None else "unknown",
        date_low=(when.low if when is not None else None),
        date_high=(when.high if when is not None else None),
        date_from_announcement=from_announcement,
        region=region,
        location=location,
        lat=lat,
        lon=lon,
        place_precision=place_precision,
        announced_by=announcer,
        ordinal=ordinal,
        presumed_dead=draft.presumed_dead.value if draft.presumed_dead else None,
        start=draft.first.start,
        end=draft.end,
    )
    if from_announcement and when is not None and when.value is not None:
        # Announcements come the day of the strike or the day after.
        base["date_low"] = when.value - timedelta(days=1)
    parts = {i: p for i, p in draft.parts.items() if p.killed is not None}
    if len(parts) >= 2:
        return event_reports(article, draft, parts, base, facts, index, killed, vessels, survivors)
    if parts:  # one part only: its figures are the report's, unless a toll came before it
        ((i, p),) = parts.items()
        if killed is None or draft.killed_sentence is None or draft.killed_sentence.start > p.sentence.start:
            killed = p.killed.value
        survivors = survivors if survivors is not None else (p.survivors.value if p.survivors else None)
    return [
        StrikeReport(
            index=index,
            vessels=vessels,
            killed=killed,
            killed_qualifier=draft.killed_qualifier if killed is not None else "",
            survivors=survivors,
            part=None,
            facts=tuple(facts),
            **base,
        )
    ]
