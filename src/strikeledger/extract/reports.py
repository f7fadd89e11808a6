"""Assembling strike reports: which sentences speak of which strike.

Reads the article's sentences in order and keeps one strike "open" at a time:

- a running-list item (a line led by a date) opens its own report;
- a sentence reporting a strike as done (a strike word not governed by a modal, a plan or a
  threat; a vessel or a death toll in view; not from another era) opens a report unless it
  continues the open one (same day or no day of its own, no "another strike");
- a sentence with figures but no strike word adds them to the open report when it is near;
- clauses with cumulative markers ("bringing the death toll to", "since September") become
  reported totals, never a strike's own figures, nor its date, nor its strike word;
- a sentence dating strikes on several days is a recap and opens none; "The strike took place
  on Monday" dates the open strike; a page's dateline and a correction's restatement of its
  error speak of no strike.

The result is one ``ReportDraft`` per strike, turned into ``StrikeReport`` records (one per
vessel when an announcement gave per-vessel counts) by ``ArticleReader.finish``. Cumulative
clauses are read by :mod:`.totals`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from ..records import Article, Claim, Fact, ReportedTotal, StrikeReport
from . import attribution, casualties, dates, places, tables
from .calendar import WEEKDAYS
from .casualties import Figure, find_figures
from .dates import DateMention, find_dates
from .lexicon import (
    ANNOUNCED_NEWS,
    CAMPAIGN_ORDINAL,
    DATELINE,
    DATES_THE_STRIKE,
    FOLLOW_ON,
    HISTORICAL,
    LAND_TARGET,
    MISSTATEMENT,
    NEW_STRIKE,
    ORDINAL_WORDS,
    PART_PHRASE,
    PLURAL_STRIKE_COUNT,
    SHORE_TARGET,
    VESSEL_WORD,
    WIRE_DATELINE,
)
from .numbers import to_int
from .places import PRECISION_RANK, PlaceMention, resolve_place
from .sentences import Sentence
from .facts import sentence_fact
from .totals import cumulative_split, read_total, revision
from .undated import undated_reference
from .clauses import split_strike_clauses

# How far (characters) a figure may stand before the part it belongs to: "Two ... were killed, and
# one ... survived the first strike" holds both figures of the first vessel. Tuned on the sample
# corpus and on the per-vessel wording of official posts.
PART_REACH = 70
# How many paragraphs after a report's last strike sentence a figure-only sentence may still
# add to it. Tuned on the sample corpus: wire copy gives the toll within two paragraphs of the lede.
ATTACH_PARAGRAPHS = 2

def _shouted(text: str) -> bool:
    """A line all in capitals ("US MILITARY LAUNCHES DEADLY STRIKE ..., LEAVING 2 DEAD") inside an
    article is the headline of a related story, not part of this one. (A plain scan: a regular
    expression here backtracks for ever on a hostile line of 100,000 capitals.)"""
    return not any(c.islower() for c in text) and sum(c.isupper() for c in text) >= 6
_PART_ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_OFFICIAL_OUTLET = re.compile(r"Southern\s+Command|SOUTHCOM|Department\s+of\s+(?:War|Defense)|White\s+House|Pentagon", re.IGNORECASE)


@dataclass
class PartFigures:
    killed: Figure | None = None
    survivors: Figure | None = None
    sentence: Sentence | None = None
    sea: PlaceMention | None = None  # "... three on the third vessel in the Caribbean": a part's own sea


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


_CAMPAIGN_SEAS = ("caribbean", "eastern_pacific")
_DATE_RANK = {"day": 0, "week": 1, "month": 2, "unknown": 3}


def _date_is_better(new: DateMention, old: DateMention | None) -> bool:
    return old is None or _DATE_RANK[new.precision] < _DATE_RANK[old.precision]


def _best_event_date(event_dates: list[DateMention]) -> DateMention:
    """The sentence's date of the strike: the most precise, and among those one that names a
    strike ("Tuesday's strike") over one of another act ("on Wednesday raised the toll")."""
    return min(event_dates, key=lambda m: (_DATE_RANK[m.precision], not m.names_strike))


def _is_event(sentence: Sentence, figures: list[Figure], day_event: bool, vessel_context: bool, split: int | None = None) -> bool:
    # A strike word in the cumulative clause ("... the number of people killed since the U.S.
    # began striking vessels") speaks of the campaign, not of a strike of its own.
    own_text = sentence.text if split is None else sentence.text[:split]
    real = [t for t in sentence.triggers if not t.irrealis and t.start < len(own_text)]
    if not real or HISTORICAL.search(sentence.text):
        return False
    has_vessel = bool(VESSEL_WORD.search(own_text))
    if (LAND_TARGET.search(own_text) and not has_vessel) or SHORE_TARGET.search(own_text):
        return False  # a strike on land, not on a boat
    killed = any(f.kind in ("killed", "killed_partial") for f in figures)
    singular = any(not t.plural_noun for t in real)
    counted = any(f.kind == "vessels" and f.value >= 2 for f in figures) or bool(PLURAL_STRIKE_COUNT.search(own_text))
    if not singular and not (killed or counted):
        return False  # "the strikes" in general, even on a given day ("continuing strikes on boats")
    return has_vessel or killed or (day_event and vessel_context)


def _is_headline(sentence: Sentence, text_start: int) -> bool:
    """The article's first line when it is a title (no closing full stop): it tells the lede's strike."""
    return sentence.paragraph == 0 and sentence.start == text_start and not re.search(r"[.!?\"”]\s*$", sentence.text)


def _part_sea(part: PartFigures, base: dict) -> dict:
    """A part that names its own sea ("three on the third vessel in the Caribbean") takes it."""
    if part.sea is None or part.sea.region == base["region"]:
        return {}
    return {"region": part.sea.region, "location": part.sea.name, "lat": part.sea.lat, "lon": part.sea.lon, "place_precision": part.sea.precision}


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
        self.year_reference = undated_reference(article)
        self.text_start = sentences[0].start if sentences else 0
        self.seas_named: list[tuple[PlaceMention, Sentence]] = []
        self.in_table = False  # under the header of a table of strikes

    # --- the walk -------------------------------------------------------------------------
    def read(self) -> None:
        for sentence in self.sentences:
            for clause in split_strike_clauses(sentence, self.article.published, self.year_reference):
                self._read_sentence(clause)

    def _read_sentence(self, sentence: Sentence) -> None:
        context = None
        if self.current is not None:
            context = self.current.announced.value if self.current.announced else (self.current.date.value if self.current.date else None)
        if DATELINE.match(sentence.text):
            return  # the page's date line dates the page, not a strike
        if _shouted(sentence.text):
            return  # a headline in capitals inside the text: a link to another story
        if MISSTATEMENT.search(sentence.text):
            # "An earlier version misstated the date as Sunday, Nov. 16": the wrong version.
            self._add_claims(sentence, None)
            return
        mentions = find_dates(sentence.text, sentence.start, self.article.published, self.year_reference, context)
        if sentence is self.sentences[0]:
            dateline = WIRE_DATELINE.match(sentence.text)
            if dateline and (dateline["city"] or dateline["outlet"]):
                mentions = [m for m in mentions if m.start >= sentence.start + dateline.end()]
        figures = find_figures(sentence.text)
        split = cumulative_split(sentence)
        named_places = places.find_places(sentence.text)
        figures, named_places = self._read_table_row(sentence, figures, named_places)
        if split != 0:  # the seas named outside running totals decide the article's region
            self.seas_named.extend((p, sentence) for p in named_places if p.region in _CAMPAIGN_SEAS)
        own = [f for f in figures if split is None or f.start < split] if split != 0 else []
        if split is not None:
            total = read_total(self.article, len(self.totals), sentence, split, figures, mentions)
            if total is not None:
                self.totals.append(total)
        # Dates in the cumulative clause start or close the count; they do not date a strike.
        own_mentions = [m for m in mentions if split is None or m.start < sentence.start + split]
        event_dates = [m for m in own_mentions if m.role == "event" and m.precision != "unknown"]
        announce_dates = [m for m in own_mentions if m.role == "announcement" and m.precision != "unknown"]
        day_event = any(m.precision == "day" for m in event_dates)
        # A sentence dating strikes on several days ("Sunday's Pacific strike was the 16th and
        # Monday's Caribbean strike the 17th") looks back over strikes; it reports none anew.
        recap = len({m.value for m in event_dates if m.precision == "day" and m.value and m.names_strike}) >= 2

        if sentence.item_start:
            self._open(sentence)
            if event_dates:
                self.current.date = event_dates[0]
        is_event = split != 0 and not (recap and not sentence.item_start) and _is_event(sentence, own, day_event, self.vessel_context, split)
        dates_open = (
            self.current is not None and self.current.item == sentence.item and not sentence.item_start
            and day_event and bool(DATES_THE_STRIKE.search(sentence.text))
        )
        if dates_open:
            # "The strike took place on Monday": the open strike's own date.
            self.current.date = _best_event_date([m for m in event_dates if m.precision == "day"])
        elif is_event and not sentence.item_start and self._starts_new(
                sentence, event_dates, announce_dates, any(f.kind == "killed" for f in own)):
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
        # Only a sentence that reports the strike dates it (or "The strike took place on Monday",
        # above): a nearby sentence's dates belong to whatever else it speaks of.
        unread = [m for m in own_mentions if m.role == "event" and m.precision == "unknown" and m.kind == "weekday"]
        if is_event and not event_dates and draft.date is None and unread and draft.unread_weekday is None:
            # "killed two men on Monday" in a page with no date to count Monday from
            draft.unread_weekday = WEEKDAYS.get(re.sub(r"(?:['’]s)?$", "", unread[0].surface.split()[-1]).lower())
        if event_dates and is_event:
            best = _best_event_date(event_dates)
            replaces_other_day = draft.date and draft.date.value and best.value and best.value != draft.date.value and draft.date.role != "event"
            if _date_is_better(best, draft.date) or replaces_other_day:
                draft.date = best
        if announce_dates and draft.announced is None and (is_event or near):
            draft.announced = announce_dates[0]
        if is_event or own or sentence.item_start:
            draft.last_paragraph = max(draft.last_paragraph, sentence.paragraph)
        self._add_figures(draft, sentence, own)
        self._add_places(draft, sentence, split, named_places)
        self._add_ordinal(draft, sentence)
        self._add_claims(sentence, draft)
        draft.end = max(draft.end, sentence.end)

    def _read_table_row(
        self, sentence: Sentence, figures: list[Figure], named: list[PlaceMention]
    ) -> tuple[list[Figure], list[PlaceMention]]:
        """Under a table's header, a row's bare number is its toll and a bare sea word its sea."""
        if tables.is_header(sentence.text):
            self.in_table = True
            return figures, named
        row = tables.read_row(sentence.text) if self.in_table else None
        if row is None:
            self.in_table = self.in_table and sentence.item is not None and not sentence.item_start
            return figures, named
        if not any(f.kind == "killed" for f in figures):
            figures = sorted([*figures, row.killed], key=lambda f: f.number_start)
        if row.sea and not any(p.region in _CAMPAIGN_SEAS for p in named):
            sea = places.sea_mention(row.sea[0], row.sea[1], row.sea[2])
            named = [*named, sea] if sea else named
        return figures, named

    def _open(self, sentence: Sentence) -> None:
        self.current = ReportDraft(first=sentence, item=sentence.item, last_paragraph=sentence.paragraph, end=sentence.end)
        self.drafts.append(self.current)

    def _starts_new(
        self, sentence: Sentence, event_dates: list[DateMention], announce_dates: list[DateMention], tolled: bool
    ) -> bool:
        draft = self.current
        if draft is None:
            return True
        if draft.item is not None and sentence.item != draft.item:
            return True
        if NEW_STRIKE.search(sentence.text) and not FOLLOW_ON.search(sentence.text):
            return True
        days = [m for m in event_dates if m.precision == "day" and m.value]
        if days and draft.unread_weekday is not None and days[0].value.weekday() != draft.unread_weekday:
            return True  # the open strike has a day of its own, unread: another day is another strike
        if (days and draft.date is None and draft.announced is None and draft.killed is not None and tolled
                and not _is_headline(draft.first, self.text_start)):
            # "... killed three" with no day, then "On February 13, a strike ... killed three":
            # a dated strike with a toll of its own is another strike, told as background. One
            # without ("the attack ... was carried out on Monday") dates the open one.
            return True
        if not days:
            # "... announced on Friday" about a strike, when the open one lies weeks earlier: another strike.
            said = next((m.value for m in announce_dates if m.precision == "day" and m.value), None)
            if said is not None and draft.date is not None and draft.date.low and draft.date.high:
                return said < draft.date.low or (said - draft.date.high).days > 1
            return False
        day = _best_event_date(days)
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
        revised = revision(sentence.text)
        revised_to = None
        if revised is not None:
            # "raised ... from three to four" names the new toll; "revised down from an earlier count
            # of three" leaves it to the sentence's own killed figure.
            revised_to = to_int(revised["new"]) if revised.groupdict().get("new") else next(
                (f.value for f in figures if f.kind == "killed"), None)
        parts = list(PART_PHRASE.finditer(sentence.text))
        # Several vessels: counted before or in this very sentence ("struck two vessels, killing
        # three on the first and two on the second"), or implied by the parts it names ("three on
        # one vessel and two on another"; not "the first strike ... a second strike", a follow-on).
        named_parts = {(p["ord"] or p["ord2"]).lower() for p in parts if not re.search(r"strike$", p.group(0), re.IGNORECASE)}
        multi = (
            (draft.vessels is not None and draft.vessels[0].value >= 2) or (draft.strikes or 0) >= 2
            or any(f.kind == "vessels" and f.value >= 2 for f in figures)
            or (len(named_parts) >= 2 and not FOLLOW_ON.search(sentence.text))
        )
        if revised is not None and revised.groupdict().get("new") and not any(f.kind == "killed" and f.value == revised_to for f in figures):
            # "raised the toll from three to four": the new figure is the strike's toll.
            new = to_int(revised["new"])
            if new is not None:
                figures = sorted([*figures, Figure("killed", new, "", revised.start("new"), revised.end("new"), revised.start("new"))], key=lambda f: f.number_start)
        for figure in figures:
            if figure.kind == "vessels":
                # In a sentence of parts, "the first vessel" names a part; it counts nothing.
                if draft.vessels is None and (figure.value >= 2 or not (parts and multi)):
                    draft.vessels = (figure, sentence)
                elif draft.vessels is not None and draft.vessels[0].value == 1 and figure.value >= 2:
                    # "a boat ..., one of two vessels hit that day": a report of a several-vessel
                    # strike may open on one of its boats; the count of all of them stands.
                    draft.vessels = (figure, sentence)
                continue
            if figure.kind == "strikes":
                continue
            if figure.kind == "aboard" and draft.aboard is None:
                draft.aboard, draft.aboard_sentence = figure, sentence
            if figure.kind == "presumed_dead" and draft.presumed_dead is None:
                draft.presumed_dead = figure
            if multi and parts and figure.kind in ("killed", "survivors"):
                if self._add_part(draft, sentence, figure, parts, figures):
                    continue
            kind = figure.kind
            if kind == "killed" and follow_on:
                kind = "killed_partial"
            if kind == "killed":
                # a toll of all the dead replaces one of some nationals among them, never the reverse
                nationals_only = draft.killed is not None and draft.killed_qualifier == "nationals"
                only_some = figure.qualifier == "nationals" and draft.killed is not None
                if not only_some and (draft.killed is None or nationals_only or (revised and figure.value == revised_to)):
                    draft.killed, draft.killed_sentence = figure, sentence
                    draft.killed_qualifier = f"revised_from:{to_int(revised['old'])}" if revised else figure.qualifier
            elif kind == "killed_partial":
                draft.follow_on = draft.follow_on or figure
                if draft.killed is None or draft.killed_qualifier == "partial":
                    if draft.killed is None or figure.value > draft.killed.value:
                        draft.killed, draft.killed_sentence, draft.killed_qualifier = figure, sentence, "partial"
            elif kind == "survivors":
                if draft.survivors is None:
                    draft.survivors = (figure, sentence)
            qualifier = "partial" if kind == "killed_partial" else figure.qualifier
            draft.facts.append(sentence_fact(self.article, sentence, kind, figure.value, figure.start, figure.end, casualties.EXTRACTOR, qualifier))
        self._add_each(draft, sentence, figures)
        everyone = casualties.KILLED_ALL.search(sentence.text)
        if everyone and draft.killed is None and draft.aboard is not None:
            # "six men were on the boat ... all of them were killed": the toll is the people aboard.
            draft.killed = Figure("killed", draft.aboard.value, "", everyone.start(), everyone.end(), everyone.start())
            draft.killed_sentence, draft.killed_qualifier = sentence, ""
            draft.facts.append(sentence_fact(self.article, sentence, "killed", draft.aboard.value, everyone.start(), everyone.end(), casualties.EXTRACTOR, "all_aboard"))
        count = casualties.strike_count(sentence.text)
        if count and draft.strikes is None and count.value <= 10:
            draft.strikes = count.value

    def _add_each(self, draft: ReportDraft, sentence: Sentence, figures: list[Figure]) -> None:
        """ "with three males killed on each boat": the same toll for every vessel of the strike."""
        count = casualties.strike_count(sentence.text)
        for figure in figures:
            each = casualties.ON_EACH.match(sentence.text, figure.end) if figure.kind == "killed" else None
            if each is None:
                continue
            vessels = to_int(each["n"]) if each["n"] else max(
                draft.vessels[0].value if draft.vessels else 0, draft.strikes or 0, count.value if count else 0)
            if vessels < 2:
                return
            for index in range(1, vessels + 1):
                part = draft.parts.setdefault(index, PartFigures())
                part.killed, part.sentence = part.killed or figure, part.sentence or sentence
            return

    def _add_part(self, draft: ReportDraft, sentence: Sentence, figure: Figure, parts: list[re.Match[str]], figures: list[Figure]) -> bool:
        # A figure belongs to the part named next to it: after it and before the next figure
        # ("three on the first boat and two on the second"), or else before it and after the
        # previous one ("on the first vessel, three were killed"). A figure with no part of its
        # own ("killing five people - three in the first ...") is the announcement's total.
        # Figures of other kinds share a part ("two were killed and one survived the first strike").
        same = [f for f in figures if f.kind == figure.kind]
        after = min((f.number_start for f in same if f.number_start > figure.number_start), default=len(sentence.text))
        before = max((f.end for f in same if f.number_start < figure.number_start), default=0)
        # The part is named in the figure's own clause: never across a semicolon; the nearest wins.
        text = sentence.text
        candidates = [
            (p.start() - figure.end, p) for p in parts
            if figure.number_start <= p.start() < after and p.start() - figure.end <= PART_REACH and ";" not in text[figure.end:p.start()]
        ] + [
            (figure.number_start - p.end(), p) for p in parts
            if before <= p.start() < figure.number_start and figure.number_start - p.end() <= 40 and ";" not in text[p.end():figure.number_start]
        ]
        if not candidates:
            return False
        phrase = min(candidates, key=lambda c: c[0])[1]
        word = (phrase["ord"] or phrase["ord2"]).lower()
        if word in _PART_ORDER:
            index = _PART_ORDER[word]
        else:  # "the other vessel", "the last one": the next part after those already read
            index = max(draft.parts, default=0) + 1
        part = draft.parts.setdefault(index, PartFigures())
        if part.sea is None:
            clause = text[phrase.end():].split(",")[0][:40]
            part.sea = next((p for p in places.find_places(clause) if p.region in _CAMPAIGN_SEAS), None)
        if figure.kind == "killed" and part.killed is None:
            part.killed, part.sentence = figure, sentence
        elif figure.kind == "survivors" and part.survivors is None:
            part.survivors = figure
        else:
            return False
        draft.facts.append(sentence_fact(self.article, sentence, figure.kind, figure.value, figure.start, figure.end, casualties.EXTRACTOR, f"part:{index}"))
        return True

    def _add_places(self, draft: ReportDraft, sentence: Sentence, split: int | None, named: list[PlaceMention]) -> None:
        for place in named:
            if split is None or place.start < split:
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
    # --- finishing ------------------------------------------------------------------------
    def _article_region(self) -> tuple[str, tuple[PlaceMention, Sentence] | None]:
        """The one sea the article names outside its running totals (else unknown), and where it first names it."""
        regions = {p.region for p, _ in self.seas_named}
        regions |= {p.region for p in places.find_places(self.article.title or "") if p.region in _CAMPAIGN_SEAS}
        if len(regions) != 1:
            return "unknown", None
        return regions.pop(), (self.seas_named[0] if self.seas_named else None)

    def _outlet_announcer(self) -> str | None:
        """An official outlet (a command's own newsroom) is the announcer of what it publishes."""
        outlet = self.article.outlet or ""
        if not _OFFICIAL_OUTLET.search(outlet):
            return None
        found = attribution.find_attributions(outlet + " said")
        return found[0].speaker if found else None

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
        for draft in self._distinct_drafts():
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

    # An undated strike in the lede that is not told as news lies in this many days before
    # publication (a week-precision window that joins, never founds). Tuned on the sample corpus.
    LEDE_DAYS = 3

    def _lede_window(self, draft: ReportDraft) -> DateMention | None:
        """An undated strike with a toll in the first paragraphs, told as the news ("The US military
        has carried out another attack ... two were killed") or in the headline, is dated as
        analysts date it: by the announcement, the publication day or the day before (the
        late-period briefs of the real-text set give no other date). Told otherwise ("relatives of
        two men killed in a U.S. strike say ...") it may be days older and only joins a strike."""
        published = self.article.published
        if published is None or draft is not self.drafts[0] or draft.first.paragraph > 2:
            return None
        if ANNOUNCED_NEWS.search(draft.first.text) or _is_headline(draft.first, self.text_start):
            low = published - timedelta(days=1)
            return DateMention(draft.first.start, draft.first.start, "", "lede", published, low, published, "day", "announcement")
        low = published - timedelta(days=self.LEDE_DAYS)
        return DateMention(draft.first.start, draft.first.start, "", "lede", None, low, published, "week", "event")

    # A strike dated this many days before publication, told after the article's own strike, is
    # background. Tuned on the sample corpus: news reports its strike within a week.
    BACKGROUND_DAYS = 7

    def _is_background(self, draft: ReportDraft, when: DateMention | None) -> bool:
        published, day = self.article.published, when.value if when is not None else None
        return (draft is not self.drafts[0] and published is not None and day is not None
                and (published - day).days > self.BACKGROUND_DAYS)

    def _sentence_at(self, offset: int) -> Sentence:
        return next(s for s in self.sentences if s.start <= offset < s.end + 1)

    def _fold_headline(self) -> None:
        """An undated headline ("Second U.S. strike in two days kills two in eastern Pacific")
        tells the strike its dated lede reports: the two are one draft, the lede's figures first."""
        if len(self.drafts) < 2:
            return
        head, lede = self.drafts[0], self.drafts[1]
        if (head.date is not None or head.announced is not None or not _is_headline(head.first, self.text_start)
                or lede.first.paragraph > 2 or (lede.date is None and lede.announced is None)
                or (head.killed and lede.killed and head.killed.value != lede.killed.value)):
            return
        if lede.killed is None and head.killed is not None:
            lede.killed, lede.killed_sentence, lede.killed_qualifier = head.killed, head.killed_sentence, head.killed_qualifier
        lede.vessels = lede.vessels or head.vessels
        lede.places = [*lede.places, *head.places]
        lede.facts = [*head.facts, *lede.facts]
        self.drafts.pop(0)

    def _distinct_drafts(self) -> list[ReportDraft]:
        """The drafts less second mentions: a draft without a toll dated the same day as one with
        a toll ("The most recent came on Saturday, when ..." above the list item of that day)
        speaks of the same strike."""
        self._fold_headline()
        tolled = {d.date.value for d in self.drafts if d.killed is not None and d.date is not None and d.date.precision == "day"}
        tolled |= {d.date.value for d in self.drafts if any(p.killed for p in d.parts.values()) and d.date is not None and d.date.precision == "day"}
        kept: list[ReportDraft] = []
        untolled: dict = {}
        for d in self.drafts:
            if d.killed is not None or any(p.killed for p in d.parts.values()) or d.date is None or d.date.precision != "day":
                kept.append(d)
            elif d.date.value not in tolled:
                # "its first strike on September 2" in a summary above the list item "September 2":
                # two mentions of one day without a toll are one strike, told by the list item
                # (else where first named)
                first = untolled.get(d.date.value)
                if first is None or (first.item is None and d.item is not None):
                    untolled[d.date.value] = d
        kept.extend(untolled.values())
        return sorted(kept, key=lambda d: d.first.start)

    def _finish_draft(
        self, draft: ReportDraft, index: int, article_region: tuple[str, tuple[PlaceMention, Sentence] | None], lede_announcer: str | None
    ) -> list[StrikeReport]:
        article = self.article
        facts = list(draft.facts)
        when = draft.date
        from_announcement = False
        announced = draft.announced
        if (when is not None and when.precision in ("week", "month") and announced is not None and announced.value
                and when.low and when.high and when.low <= announced.value <= when.high):
            # "said Friday ... the third strike this week": the announcement day is closer than the week.
            when, from_announcement = announced, True
        if when is None or when.value is None and when.low is None:
            when, from_announcement = draft.announced, draft.announced is not None
        if when is None or (when.value is None and when.low is None):
            if draft.killed is None or draft.killed_qualifier == "partial":
                return []  # no date and no toll: too vague to be a ledger row
            when = self._lede_window(draft)
            from_announcement = when is not None and when.precision == "day"
        if from_announcement and draft.killed is None and draft.vessels is None:
            # "The most recent strike was announced Saturday": known only by the day it was
            # announced, with no toll and no vessel, it is a mention, not a report.
            return []
        if when is not None:
            sentence = self._sentence_at(when.start)
            facts.append(sentence_fact(article, sentence, "strike_date", (when.value or when.low).isoformat(), when.start - sentence.start,
                               when.end - sentence.start, dates.EXTRACTOR,
                               "publication_day" if when.kind == "lede" else ("announced" if from_announcement else when.precision)))
        # Region and place: the most precise place the report names, its sea from the report or the article.
        seas = [(p, sentence) for p, sentence in draft.places if p.region in _CAMPAIGN_SEAS]
        if not seas and any(p.region == "other" for p, _ in draft.places):
            return []  # a strike in another war (the Red Sea, Ukraine): not this campaign
        if not seas and self._is_background(draft, when):
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
            facts.append(sentence_fact(article, sentence, "place", place.name, place.start, place.end, places.EXTRACTOR, place.precision))
        if sea_place is not None:
            place, sentence = sea_place
            facts.append(sentence_fact(article, sentence, "region", region, place.start, place.end, places.EXTRACTOR, "" if seas else "from_article"))
        announcer = draft.announcer[0] if draft.announcer else lede_announcer
        if draft.announcer:
            speaker, sentence, start, end = draft.announcer
            facts.append(sentence_fact(article, sentence, "announcer", speaker, start, end, attribution.EXTRACTOR))
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
            facts.append(sentence_fact(article, sentence, "vessels", vessels, figure.start, figure.end, casualties.EXTRACTOR, figure.qualifier))
        survivors = draft.survivors[0].value if draft.survivors else None
        killed = draft.killed.value if draft.killed else None
        if (killed is not None and draft.killed_qualifier != "partial" and draft.follow_on and draft.aboard
                and killed + draft.follow_on.value == draft.aboard.value):
            # "killing nine of the eleven people on board ... a follow-on strike killed the two
            # survivors": the strike killed everyone aboard
            killed = draft.aboard.value
            facts.append(sentence_fact(article, draft.aboard_sentence, "killed", killed, draft.aboard.start, draft.aboard.end,
                                       casualties.EXTRACTOR, "all_aboard"))
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
            return self._event_reports(draft, parts, base, facts, index, killed, vessels, survivors)
        if parts:  # one part only: its figures are the report's, unless a toll came before it
            (i, p), = parts.items()
            if killed is None or draft.killed_sentence is None or draft.killed_sentence.start > p.sentence.start:
                killed = p.killed.value
            survivors = survivors if survivors is not None else (p.survivors.value if p.survivors else None)
        return [
            StrikeReport(
                index=index, vessels=vessels, killed=killed, killed_qualifier=draft.killed_qualifier if killed is not None else "",
                survivors=survivors, part=None, facts=tuple(facts), **base,
            )
        ]

    def _event_reports(
        self, draft: ReportDraft, parts: dict[int, PartFigures], base: dict, facts: list[Fact], index: int,
        killed: int | None, vessels: int | None, survivors: int | None,
    ) -> list[StrikeReport]:
        """One announcement's boats on one day in one sea are one strike event: its vessels are
        the parts, its toll their sum (or the announcement's own total when it gives one). Parts
        in another sea ("two in the eastern Pacific and one in the Caribbean") are another event."""
        by_sea: dict[str, tuple[dict, list[tuple[int, PartFigures]]]] = {}
        for i, part in sorted(parts.items()):
            sea = _part_sea(part, base)
            by_sea.setdefault(sea.get("region", base["region"]), (sea, []))[1].append((i, part))
        whole = len(by_sea) == 1
        shared = [f for f in facts if not f.qualifier.startswith("part:")]
        reports = []
        for n, (sea, members) in enumerate(by_sea.values()):
            total = sum(p.killed.value for _, p in members)
            own = {f"part:{i}" for i, _ in members}
            event_facts = [*(shared if whole else [f for f in shared if f.kind != "killed"]),
                           *(f for f in facts if f.qualifier in own)]
            qualifier = ""
            if whole and killed is not None and draft.killed_qualifier != "partial" and killed >= total:
                total, qualifier = killed, draft.killed_qualifier  # "killing 14 ... three on the first"
            else:
                event_facts.append(self._sum_fact(members, total))
            survived = [p.survivors.value for _, p in members if p.survivors]
            reports.append(StrikeReport(
                index=index + n, vessels=max(len(members), vessels or 0) if whole else len(members),
                killed=total, killed_qualifier=qualifier,
                survivors=survivors if whole and survivors is not None else (sum(survived) if survived else None),
                part=None, facts=tuple(event_facts), **{**base, **sea},
            ))
        return reports

    def _sum_fact(self, members: list[tuple[int, PartFigures]], total: int) -> Fact:
        """The event's toll as the sum of its parts, pointing at the words of the first to the last part
        when one sentence holds them, else at the first part's figure."""
        first, last = members[0][1], members[-1][1]
        sentence = first.sentence
        end = last.killed.end if last.sentence is sentence else first.killed.end
        return sentence_fact(self.article, sentence, "killed", total, first.killed.start, end, casualties.EXTRACTOR,
                             "sum_of_parts")
