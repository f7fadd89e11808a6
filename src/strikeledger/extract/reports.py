"""Assembling strike reports: which sentences speak of which strike.

Reads the article's sentences in order and keeps one strike "open" at a time:

- a running-list item (a line led by a date) opens its own report;
- a sentence reporting a strike as done (a strike word not governed by a modal, a plan or a
  threat; a vessel or a death toll in view; not from another era) opens a report unless it
  continues the open one (same day or no day of its own, no "another strike");
- a sentence with figures but no strike word adds them to the open report when it is near;
- clauses with cumulative markers ("bringing the death toll to", "since September") become
  reported totals, never a strike's own figures.

The result is one ``ReportDraft`` per strike, turned into ``StrikeReport`` records (one per
vessel when an announcement gave per-vessel counts) by ``finish_reports``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from ..records import Article, Claim, Fact, ReportedTotal, StrikeReport
from . import attribution, casualties, dates, places
from .casualties import Figure, find_figures
from .dates import DateMention, find_dates
from .lexicon import (
    CAMPAIGN_ORDINAL,
    CUMULATIVE_SENTENCE,
    CUMULATIVE_TRAILING,
    FOLLOW_ON,
    HISTORICAL,
    NEW_STRIKE,
    ORDINAL_WORDS,
    PART_PHRASE,
    PLURAL_STRIKE_COUNT,
    QUALIFIED_NUMBER,
    REVISION,
    VESSEL_WORD,
)
from .numbers import qualifier_code, to_int
from .places import PRECISION_RANK, PlaceMention, resolve_place
from .sentences import Sentence

# How many paragraphs after a report's last strike sentence a figure-only sentence may still
# add to it. Tuned on the sample corpus: wire copy gives the toll within two paragraphs of the lede.
ATTACH_PARAGRAPHS = 2
_TOTAL_FIGURE = re.compile(
    rf"\b(?:toll|total|tally|number|count)\b[^.;]{{0,40}}?\b(?:to|at|of|reached|hit)\s+{QUALIFIED_NUMBER}\b", re.IGNORECASE
)
_PART_ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_OFFICIAL_OUTLET = re.compile(r"Southern\s+Command|SOUTHCOM|Department\s+of\s+(?:War|Defense)|White\s+House|Pentagon", re.IGNORECASE)


@dataclass
class PartFigures:
    killed: Figure | None = None
    survivors: Figure | None = None
    sentence: Sentence | None = None


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
    survivors: tuple[Figure, Sentence] | None = None
    vessels: tuple[Figure, Sentence] | None = None
    strikes: int | None = None
    ordinal: tuple[int, Sentence, int, int] | None = None
    places: list[tuple[PlaceMention, Sentence]] = field(default_factory=list)
    announcer: tuple[str, Sentence, int, int] | None = None
    parts: dict[int, PartFigures] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    end: int = 0


def _date_is_better(new: DateMention, old: DateMention | None) -> bool:
    rank = {"day": 0, "week": 1, "month": 2, "unknown": 3}
    return old is None or rank[new.precision] < rank[old.precision]


def _cumulative_split(sentence: Sentence) -> int | None:
    """Offset (within the sentence) where its cumulative part starts; None when it has none."""
    text = sentence.text
    for match in CUMULATIVE_SENTENCE.finditer(text):
        before = text[max(0, match.start() - 25):match.start()]
        # "the 16th strike since September" numbers a strike; it does not total them.
        if match.group(0).lower().startswith("since") and re.search(r"(?:\d+(?:st|nd|rd|th)|\b(?:" + "|".join(ORDINAL_WORDS) + r"))\b[\w\s]*$", before, re.IGNORECASE):
            continue
        return 0
    for match in PLURAL_STRIKE_COUNT.finditer(text):
        value = to_int(match["n"])
        if value and value >= 5:
            return 0
    trailing = CUMULATIVE_TRAILING.search(text)
    return trailing.start() if trailing else None


def _is_event(sentence: Sentence, figures: list[Figure], day_event: bool, vessel_context: bool) -> bool:
    real = [t for t in sentence.triggers if not t.irrealis]
    if not real or HISTORICAL.search(sentence.text):
        return False
    has_vessel = bool(VESSEL_WORD.search(sentence.text))
    killed = any(f.kind in ("killed", "killed_partial") for f in figures)
    singular = any(not t.plural_noun for t in real)
    if not singular and not (day_event or killed):
        return False  # "the strikes" in general
    return has_vessel or killed or (day_event and vessel_context)


def _fact(article: Article, sentence: Sentence, kind: str, value: object, start: int, end: int, extractor: str, qualifier: str = "") -> Fact:
    a, b = sentence.start + start, sentence.start + end
    return Fact(article.id, kind, str(value), a, b, article.text[a:b], extractor, qualifier, sentence.start, sentence.end)


class ArticleReader:
    """Reads one article's sentences into report drafts, totals and claims."""

    def __init__(self, article: Article, sentences: list[Sentence]):
        self.article = article
        self.sentences = sentences
        self.drafts: list[ReportDraft] = []
        self.totals: list[ReportedTotal] = []
        self.claims: list[tuple[attribution.Attribution, Sentence, ReportDraft | None]] = []
        self.current: ReportDraft | None = None
        self.vessel_context = bool(VESSEL_WORD.search(article.text)) or bool(VESSEL_WORD.search(article.title or ""))
        self.default_year = article.published.year if article.published else None

    # --- the walk -------------------------------------------------------------------------
    def read(self) -> None:
        for sentence in self.sentences:
            self._read_sentence(sentence)

    def _read_sentence(self, sentence: Sentence) -> None:
        context = None
        if self.current is not None:
            context = self.current.announced.value if self.current.announced else (self.current.date.value if self.current.date else None)
        mentions = find_dates(sentence.text, sentence.start, self.article.published, self.default_year, context)
        figures = find_figures(sentence.text)
        split = _cumulative_split(sentence)
        own = [f for f in figures if split is None or f.start < split] if split != 0 else []
        if split is not None:
            self._add_total(sentence, split, figures, mentions)
        event_dates = [m for m in mentions if m.role == "event" and m.precision != "unknown"]
        announce_dates = [m for m in mentions if m.role == "announcement" and m.precision != "unknown"]
        day_event = any(m.precision == "day" for m in event_dates)

        if sentence.item_start:
            self._open(sentence)
            if event_dates:
                self.current.date = event_dates[0]
        is_event = split != 0 and _is_event(sentence, own, day_event, self.vessel_context)
        if is_event and not sentence.item_start and self._starts_new(sentence, event_dates):
            self._open(sentence)
        draft = self.current
        if draft is None:
            self._add_claims(sentence, None)
            return
        near = sentence.item == draft.item if draft.item is not None else sentence.paragraph - draft.last_paragraph <= ATTACH_PARAGRAPHS
        if draft.item is not None and sentence.item is None and not is_event:
            near = False  # prose after a list does not belong to its last item
        if not (is_event or sentence.item_start or near):
            self._add_claims(sentence, None)
            return
        if event_dates and (is_event or draft.date is None or not draft.sentences):
            best = min(event_dates, key=lambda m: {"day": 0, "week": 1, "month": 2}[m.precision])
            if _date_is_better(best, draft.date) or (draft.date and draft.date.value and best.value and best.value != draft.date.value and is_event and draft.date.role != "event"):
                draft.date = best
        if announce_dates and draft.announced is None and (is_event or near):
            draft.announced = announce_dates[0]
        if is_event or own or sentence.item_start:
            draft.last_paragraph = max(draft.last_paragraph, sentence.paragraph)
        self._add_figures(draft, sentence, own)
        self._add_places(draft, sentence, split)
        self._add_ordinal(draft, sentence)
        self._add_claims(sentence, draft)
        draft.sentences.append(sentence)
        draft.end = max(draft.end, sentence.end)

    def _open(self, sentence: Sentence) -> None:
        self.current = ReportDraft(first=sentence, item=sentence.item, last_paragraph=sentence.paragraph, end=sentence.end)
        self.drafts.append(self.current)

    def _starts_new(self, sentence: Sentence, event_dates: list[DateMention]) -> bool:
        draft = self.current
        if draft is None:
            return True
        if draft.item is not None and sentence.item != draft.item:
            return True
        if NEW_STRIKE.search(sentence.text) and not FOLLOW_ON.search(sentence.text):
            return True
        day = next((m for m in event_dates if m.precision == "day" and m.value), None)
        if day is None:
            return False
        if draft.date is not None and draft.date.value is not None and draft.date.precision == "day":
            return day.value != draft.date.value
        if draft.date is not None and draft.date.low and draft.date.high:
            return not (draft.date.low <= day.value <= draft.date.high)
        if draft.announced is not None and draft.announced.value is not None:
            return abs((draft.announced.value - day.value).days) > 2
        return False

    # --- figures --------------------------------------------------------------------------
    def _add_figures(self, draft: ReportDraft, sentence: Sentence, figures: list[Figure]) -> None:
        follow_on = bool(FOLLOW_ON.search(sentence.text)) and (draft.vessels is None or draft.vessels[0].value <= 1)
        revision = REVISION.search(sentence.text)
        parts = list(PART_PHRASE.finditer(sentence.text))
        multi = (draft.vessels is not None and draft.vessels[0].value >= 2) or (draft.strikes or 0) >= 2
        for figure in figures:
            if figure.kind == "vessels":
                if draft.vessels is None and not (parts and multi):
                    draft.vessels = (figure, sentence)
                continue
            if figure.kind == "strikes":
                continue
            if multi and parts and figure.kind in ("killed", "survivors"):
                if self._add_part(draft, sentence, figure, parts):
                    continue
            kind = figure.kind
            if kind == "killed" and follow_on:
                kind = "killed_partial"
            if kind == "killed":
                if draft.killed is None or (revision and figure.value == to_int(revision["new"])):
                    draft.killed, draft.killed_sentence = figure, sentence
                    draft.killed_qualifier = f"revised_from:{to_int(revision['old'])}" if revision else figure.qualifier
            elif kind == "killed_partial":
                if draft.killed is None or draft.killed_qualifier == "partial":
                    if draft.killed is None or figure.value > draft.killed.value:
                        draft.killed, draft.killed_sentence, draft.killed_qualifier = figure, sentence, "partial"
            elif kind == "survivors":
                if draft.survivors is None:
                    draft.survivors = (figure, sentence)
            qualifier = "partial" if kind == "killed_partial" else figure.qualifier
            draft.facts.append(_fact(self.article, sentence, kind, figure.value, figure.start, figure.end, casualties.EXTRACTOR, qualifier))
        count = casualties.strike_count(sentence.text)
        if count and draft.strikes is None and count.value <= 10:
            draft.strikes = count.value

    def _add_part(self, draft: ReportDraft, sentence: Sentence, figure: Figure, parts: list[re.Match[str]]) -> bool:
        following = [p for p in parts if p.start() >= figure.number_start]
        phrase = following[0] if following else parts[-1]
        word = phrase["ord"].lower()
        if word in _PART_ORDER:
            index = _PART_ORDER[word]
        else:  # "the other vessel", "the last one": the next part after those already read
            index = max(draft.parts, default=0) + 1
        part = draft.parts.setdefault(index, PartFigures())
        if figure.kind == "killed" and part.killed is None:
            part.killed, part.sentence = figure, sentence
        elif figure.kind == "survivors" and part.survivors is None:
            part.survivors = figure
        else:
            return False
        draft.facts.append(_fact(self.article, sentence, figure.kind, figure.value, figure.start, figure.end, casualties.EXTRACTOR, f"part:{index}"))
        return True

    def _add_places(self, draft: ReportDraft, sentence: Sentence, split: int | None) -> None:
        for place in places.find_places(sentence.text):
            if split is not None and place.start >= split:
                continue
            draft.places.append((place, sentence))

    def _add_ordinal(self, draft: ReportDraft, sentence: Sentence) -> None:
        match = CAMPAIGN_ORDINAL.search(sentence.text)
        if not match or draft.ordinal is not None or FOLLOW_ON.search(sentence.text):
            return
        word = match["ord"].lower()
        value = ORDINAL_WORDS.get(word) or (int(re.sub(r"\D", "", word)) if re.sub(r"\D", "", word) else None)
        if value and not (value <= 3 and draft.parts):
            draft.ordinal = (value, sentence, match.start("ord"), match.end())

    def _add_claims(self, sentence: Sentence, draft: ReportDraft | None) -> None:
        for found in attribution.find_attributions(sentence.text):
            self.claims.append((found, sentence, draft))
            if draft is not None and found.stance == "announces" and draft.announcer is None:
                draft.announcer = (found.speaker, sentence, found.start, found.end)

    # --- totals ---------------------------------------------------------------------------
    def _add_total(self, sentence: Sentence, split: int, figures: list[Figure], mentions: list[DateMention]) -> None:
        part = sentence.text[split:]
        killed = next((f for f in figures if f.start >= split and f.kind == "killed"), None)
        facts = []
        killed_value, killed_qual = None, ""
        if killed is not None:
            killed_value, killed_qual = killed.value, killed.qualifier
            facts.append(_fact(self.article, sentence, "total_killed", killed.value, killed.start, killed.end, "totals", killed.qualifier))
        else:
            match = _TOTAL_FIGURE.search(part)
            if match and to_int(match["n"]) is not None:
                killed_value, killed_qual = to_int(match["n"]), qualifier_code(match["qual"])
                facts.append(_fact(self.article, sentence, "total_killed", killed_value, split + match.start(), split + match.end(), "totals", killed_qual))
        strikes_value = None
        strike_match = PLURAL_STRIKE_COUNT.search(sentence.text, split)
        if strike_match and to_int(strike_match["n"]):
            strikes_value = to_int(strike_match["n"])
            facts.append(_fact(self.article, sentence, "total_strikes", strikes_value, strike_match.start(), strike_match.end(), "totals", qualifier_code(strike_match["qual"])))
        vessels = next((f for f in figures if f.start >= split and f.kind == "vessels" and f.value >= 2), None)
        if vessels is not None:
            facts.append(_fact(self.article, sentence, "total_vessels", vessels.value, vessels.start, vessels.end, "totals", vessels.qualifier))
        if killed_value is None and strikes_value is None:
            return
        days = [m.value for m in mentions if m.precision == "day" and m.value and m.role != "since"]
        as_of = self.article.published
        if days and as_of:
            earlier = [d for d in days if d <= as_of]
            as_of = max(earlier) if earlier else as_of
        self.totals.append(
            ReportedTotal(
                self.article.id, len(self.totals), as_of, killed_value, killed_qual, strikes_value,
                vessels.value if vessels else None, sentence.start, sentence.end, tuple(facts),
            )
        )

    # --- finishing ------------------------------------------------------------------------
    def _article_region(self) -> str:
        regions = set()
        for sentence in self.sentences:
            if _cumulative_split(sentence) == 0:
                continue
            for place in places.find_places(sentence.text):
                if place.region in ("caribbean", "eastern_pacific"):
                    regions.add(place.region)
        for place in places.find_places(self.article.title or ""):
            if place.region in ("caribbean", "eastern_pacific"):
                regions.add(place.region)
        return regions.pop() if len(regions) == 1 else "unknown"

    def _outlet_announcer(self) -> str | None:
        outlet = self.article.outlet or ""
        if _OFFICIAL_OUTLET.search(outlet):
            return attribution.find_attributions(outlet + " said")[0].speaker if attribution.find_attributions(outlet + " said") else None
        return None

    def finish(self) -> tuple[tuple[StrikeReport, ...], tuple[ReportedTotal, ...], tuple[Claim, ...]]:
        article_region = self._article_region()
        lede_announcer = None
        for found, sentence, _ in self.claims:
            if found.stance == "announces" and sentence.paragraph <= 2:
                lede_announcer = found.speaker
                break
        lede_announcer = lede_announcer or self._outlet_announcer()
        reports: list[StrikeReport] = []
        index_of: dict[int, int] = {}
        for draft in self.drafts:
            made = self._finish_draft(draft, len(reports), article_region, lede_announcer if len(self.drafts) <= 2 else None)
            if made:
                index_of[id(draft)] = made[0].index
            reports.extend(made)
        claims = tuple(
            Claim(
                self.article.id, index_of.get(id(draft)) if draft is not None else None, found.speaker, found.stance,
                found.evidence, sentence.start, sentence.end, sentence.text,
            )
            for found, sentence, draft in self.claims
        )
        return tuple(reports), tuple(self.totals), claims

    def _finish_draft(self, draft: ReportDraft, index: int, article_region: str, lede_announcer: str | None) -> list[StrikeReport]:
        article = self.article
        facts = list(draft.facts)
        when = draft.date
        from_announcement = False
        if when is None or when.value is None and when.low is None:
            when, from_announcement = draft.announced, draft.announced is not None
        if when is None or (when.value is None and when.low is None):
            if draft.killed is None or draft.killed_qualifier == "partial":
                return []  # no date and no toll: too vague to be a ledger row
            when = None
        if when is not None:
            facts.append(Fact(article.id, "strike_date", (when.value or when.low).isoformat(), when.start, when.end, when.surface, dates.EXTRACTOR, "announced" if from_announcement else when.precision))
        # Region and place: the most precise place the report names, its sea from the report or the article.
        seas = [p.region for p, _ in draft.places if p.region in ("caribbean", "eastern_pacific")]
        region = seas[0] if seas else article_region
        place_pick = min(draft.places, key=lambda ps: PRECISION_RANK[ps[0].precision], default=None)
        location = lat = lon = None
        place_precision = "unknown"
        if place_pick is not None:
            place, sentence = place_pick
            place = resolve_place(place, region)
            if place.lat is not None:
                location, lat, lon, place_precision = place.name, place.lat, place.lon, place.precision
            elif place.precision != "unknown":
                location, place_precision = place.name, place.precision
            facts.append(_fact(article, sentence, "place", place.name, place.start, place.end, places.EXTRACTOR, place.precision))
        if region != "unknown":
            facts.append(Fact(article.id, "region", region, draft.first.start, draft.first.end, draft.first.text[:0], places.EXTRACTOR, "from_article" if not seas else "", draft.first.start, draft.first.end))
        announcer = draft.announcer[0] if draft.announcer else lede_announcer
        if draft.announcer:
            speaker, sentence, start, end = draft.announcer
            facts.append(_fact(article, sentence, "announcer", speaker, start, end, attribution.EXTRACTOR))
        if announcer not in attribution.OFFICIAL_NAMES:
            announcer = None
        ordinal = None
        if draft.ordinal:
            ordinal, sentence, start, end = draft.ordinal
            facts.append(_fact(article, sentence, "ordinal", ordinal, start, end, "ordinals"))
        vessels = None
        if draft.vessels:
            figure, sentence = draft.vessels
            vessels = figure.value
            facts.append(_fact(article, sentence, "vessels", vessels, figure.start, figure.end, casualties.EXTRACTOR, figure.qualifier))
        survivors = draft.survivors[0].value if draft.survivors else None
        killed = draft.killed.value if draft.killed else None
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
            start=draft.first.start,
            end=draft.end,
        )
        if from_announcement and when is not None and when.value is not None:
            # Announcements come the day of the strike or the day after.
            base["date_low"] = when.value - timedelta(days=1)
        parts = {i: p for i, p in draft.parts.items() if p.killed is not None}
        if len(parts) >= 2:
            return [
                StrikeReport(
                    index=index + n, vessels=1, killed=p.killed.value, killed_qualifier=p.killed.qualifier,
                    survivors=p.survivors.value if p.survivors else None, part=i,
                    facts=tuple(f for f in facts if not f.qualifier.startswith("part:") or f.qualifier == f"part:{i}"),
                    **base,
                )
                for n, (i, p) in enumerate(sorted(parts.items()))
            ]
        if parts:  # one part only: its figures are the report's
            (i, p), = parts.items()
            killed = killed if killed is not None else p.killed.value
            survivors = survivors if survivors is not None else (p.survivors.value if p.survivors else None)
        return [
            StrikeReport(
                index=index, vessels=vessels, killed=killed, killed_qualifier=draft.killed_qualifier if killed is not None else "",
                survivors=survivors, part=None, facts=tuple(facts), **base,
            )
        ]
