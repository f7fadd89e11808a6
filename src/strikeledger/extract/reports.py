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

The result is one ``ReportDraft`` per strike, turned into ``StrikeReport`` records by
``ArticleReader.finish`` (:mod:`.finishing`): one per strike event, an announcement's vessels
being parts of it (:mod:`.parts`). Cumulative clauses are read by :mod:`.totals`; the hard cases
have modules of their own (see :mod:`.draft`).
"""

from __future__ import annotations

import re

from ..records import Article, Claim, ReportedTotal, StrikeReport
from . import attribution, places, tables
from .casualties import Figure
from .clauses import split_strike_clauses
from .dates import DateMention
from .draft import CAMPAIGN_SEAS, ReportDraft, best_event_date, date_is_better, elsewhen, without_retellings
from .finishing import finish_draft
from .ledes import BACKGROUND_DAYS, fold_headline, is_headline, is_subhead, shouted
from .language import Language
from .places import PlaceMention
from .reading import reports_a_strike
from .sentences import Sentence
from .tolls import add_figures
from .undated import undated_reference

# How many paragraphs after a report's last strike sentence a figure-only sentence may still
# add to it. Tuned on the sample corpus: wire copy gives the toll within two paragraphs of the lede.
ATTACH_PARAGRAPHS = 2

_OFFICIAL_OUTLET = re.compile(
    r"Southern\s+Command|SOUTHCOM|Department\s+of\s+(?:War|Defense)|White\s+House|Pentagon", re.IGNORECASE
)


class ArticleReader:
    """Reads one article's sentences into report drafts, totals and claims."""

    def __init__(self, article: Article, sentences: list[Sentence], lang: Language):
        self.article = article
        self.lang = lang
        self.words = words = lang.words
        self.sentences = sentences
        self.drafts: list[ReportDraft] = []
        self.totals: list[ReportedTotal] = []
        self.claims: list[tuple[attribution.Attribution, Sentence, ReportDraft | None]] = []
        self.current: ReportDraft | None = None
        self.vessel_context = bool(words.VESSEL_WORD.search(article.text)) or bool(
            words.VESSEL_WORD.search(article.title or "")
        )
        self.year_reference = undated_reference(article, words)
        self.text_start = sentences[0].start if sentences else 0
        self.seas_named: list[tuple[PlaceMention, Sentence]] = []
        self.in_table = False  # under the header of a table of strikes

    # --- the walk -------------------------------------------------------------------------
    def read(self) -> None:
        for sentence in self.sentences:
            clauses = split_strike_clauses(sentence, self.article.published, self.year_reference, self.lang)
            for clause in clauses:
                self._read_sentence(clause)

    def _read_sentence(self, sentence: Sentence) -> None:
        context = None
        if self.current is not None:
            context = (
                self.current.announced.value
                if self.current.announced
                else (self.current.date.value if self.current.date else None)
            )
        words = self.words
        if words.DATELINE.match(sentence.text):
            return  # the page's date line dates the page, not a strike
        if shouted(sentence.text):
            return  # a headline in capitals inside the text: a link to another story
        if words.MISSTATEMENT.search(sentence.text):
            # "An earlier version misstated the date as Sunday, Nov. 16": the wrong version.
            self._add_claims(sentence, None)
            return
        mentions = self.lang.find_dates(
            sentence.text, sentence.start, self.article.published, self.year_reference, context
        )
        if sentence is self.sentences[0]:
            dateline = words.WIRE_DATELINE.match(sentence.text)
            if dateline and (dateline["city"] or dateline["outlet"]):
                mentions = [m for m in mentions if m.start >= sentence.start + dateline.end()]
        figures = self.lang.find_figures(sentence.text)
        split = self.lang.cumulative_split(sentence)
        named_places = places.find_places(sentence.text)
        figures, named_places = self._read_table_row(sentence, figures, named_places)
        if split != 0:  # the seas named outside running totals decide the article's region
            self.seas_named.extend((p, sentence) for p in named_places if p.region in CAMPAIGN_SEAS)
        own = [f for f in figures if split is None or f.start < split] if split != 0 else []
        if split is not None:
            total = self.lang.read_total(self.article, len(self.totals), sentence, split, figures, mentions)
            if total is not None:
                self.totals.append(total)
        # Dates in the cumulative clause start or close the count; they do not date a strike.
        own_mentions = [m for m in mentions if split is None or m.start < sentence.start + split]
        event_dates = [m for m in own_mentions if m.role == "event" and m.precision != "unknown"]
        announce_dates = [m for m in own_mentions if m.role == "announcement" and m.precision != "unknown"]
        day_event = any(m.precision == "day" for m in event_dates)
        # A sentence dating strikes on several days ("Sunday's Pacific strike was the 16th and
        # Monday's Caribbean strike the 17th") looks back over strikes; it reports none anew.
        recap = (
            len({m.value for m in event_dates if m.precision == "day" and m.value and m.names_strike}) >= 2
        )

        if sentence.item_start:
            self._open(sentence)
            if event_dates:
                self.current.date = event_dates[0]
        is_event = (
            split != 0
            and not (recap and not sentence.item_start)
            and reports_a_strike(sentence, own, day_event, self.vessel_context, words, split)
        )
        dates_open = (
            self.current is not None
            and self.current.item == sentence.item
            and not sentence.item_start
            and day_event
            and bool(words.DATES_THE_STRIKE.search(sentence.text))
        )
        if dates_open:
            # "The strike took place on Monday": the open strike's own date.
            self.current.date = best_event_date([m for m in event_dates if m.precision == "day"])
        elif (
            is_event
            and not sentence.item_start
            and self._starts_new(sentence, event_dates, announce_dates, any(f.kind == "killed" for f in own))
        ):
            self._open(sentence)
        draft = self.current
        if draft is None:
            self._add_claims(sentence, None)
            return
        near = (
            sentence.item == draft.item
            if draft.item is not None
            else sentence.paragraph - draft.last_paragraph <= ATTACH_PARAGRAPHS
        )
        if draft.item is not None and sentence.item is None and not is_event:
            near = False  # prose after a list does not belong to its last item
        if near and not is_event and elsewhen(draft, event_dates):
            near = False  # "En octubre, los dos supervivientes ...": figures of another time
        if not (is_event or sentence.item_start or near):
            self._add_claims(sentence, None)
            return
        # Only a sentence that reports the strike dates it (or "The strike took place on Monday",
        # above): a nearby sentence's dates belong to whatever else it speaks of.
        unread = [
            m for m in own_mentions if m.role == "event" and m.precision == "unknown" and m.kind == "weekday"
        ]
        if is_event and not event_dates and draft.date is None and unread and draft.unread_weekday is None:
            # "killed two men on Monday" in a page with no date to count Monday from
            draft.unread_weekday = words.WEEKDAYS.get(
                re.sub(r"(?:['’]s)?$", "", unread[0].surface.split()[-1]).lower()
            )
        if event_dates and is_event:
            best = best_event_date(event_dates)
            replaces_other_day = (
                draft.date
                and draft.date.value
                and best.value
                and best.value != draft.date.value
                and draft.date.role != "event"
            )
            if date_is_better(best, draft.date) or replaces_other_day:
                draft.date = best
        if announce_dates and draft.announced is None and (is_event or near):
            draft.announced = announce_dates[0]
        if is_event or own or sentence.item_start:
            draft.last_paragraph = max(draft.last_paragraph, sentence.paragraph)
        add_figures(self.article, draft, sentence, own, self.lang)
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
        if row.sea and not any(p.region in CAMPAIGN_SEAS for p in named):
            sea = places.sea_mention(row.sea[0], row.sea[1], row.sea[2])
            named = [*named, sea] if sea else named
        return figures, named

    def _open(self, sentence: Sentence) -> None:
        self.current = ReportDraft(
            first=sentence, item=sentence.item, last_paragraph=sentence.paragraph, end=sentence.end
        )
        self.drafts.append(self.current)

    def _starts_new(
        self,
        sentence: Sentence,
        event_dates: list[DateMention],
        announce_dates: list[DateMention],
        tolled: bool,
    ) -> bool:
        draft = self.current
        if draft is None:
            return True
        if draft.item is not None and sentence.item != draft.item:
            return True
        if self.words.NEW_STRIKE.search(sentence.text) and not self.words.FOLLOW_ON.search(sentence.text):
            # a subhead under the headline ("Un nuevo ataque ... dejó tres muertos", no full stop)
            # tells the headline's strike again (the real-text set)
            return not (is_headline(draft.first, self.text_start) and is_subhead(sentence))
        days = [m for m in event_dates if m.precision == "day" and m.value]
        if days and draft.unread_weekday is not None and days[0].value.weekday() != draft.unread_weekday:
            return True  # the open strike has a day of its own, unread: another day is another strike
        if (
            days
            and draft.date is None
            and draft.announced is None
            and draft.killed is not None
            and tolled
            and not is_headline(draft.first, self.text_start)
        ):
            # "... killed three" with no day, then "On February 13, a strike ... killed three":
            # a dated strike with a toll of its own is another strike, told as background. One
            # without ("the attack ... was carried out on Monday") dates the open one.
            return True
        published = self.article.published
        if (
            days
            and draft.date is None
            and draft.announced is None
            and draft.killed is not None
            and days[0].names_strike
            and published is not None
            and (published - days[0].value).days > BACKGROUND_DAYS
        ):
            # "an inquiry into the <month> <day> strike" weeks before the page, after its undated news
            # strike with a toll: the strike it names is an older one, not the news one's day
            return True
        if not days:
            # "In January, U.S. forces again killed ..." after a strike of February: another strike
            coarse = [m for m in event_dates if m.precision in ("week", "month") and m.low and m.high]
            opened = draft.date.value if draft.date is not None and draft.date.precision == "day" else None
            if opened and coarse and not any(m.low <= opened <= m.high for m in coarse):
                return True
            # "... announced on Friday" about a strike, when the open one lies weeks earlier: another strike.
            said = next((m.value for m in announce_dates if m.precision == "day" and m.value), None)
            if said is not None and draft.date is not None and draft.date.low and draft.date.high:
                return said < draft.date.low or (said - draft.date.high).days > 1
            return False
        day = best_event_date(days)
        if draft.date is not None and draft.date.value is not None and draft.date.precision == "day":
            return day.value != draft.date.value
        if draft.date is not None and draft.date.low and draft.date.high:
            return not (draft.date.low <= day.value <= draft.date.high)
        if draft.announced is not None and draft.announced.value is not None:
            return abs((draft.announced.value - day.value).days) > 2
        return False

    # --- figures --------------------------------------------------------------------------
    def _add_places(
        self, draft: ReportDraft, sentence: Sentence, split: int | None, named: list[PlaceMention]
    ) -> None:
        for place in named:
            if split is None or place.start < split:
                draft.places.append((place, sentence))

    def _add_ordinal(self, draft: ReportDraft, sentence: Sentence) -> None:
        match = self.words.CAMPAIGN_ORDINAL.search(sentence.text)
        if not match or draft.ordinal is not None or self.words.FOLLOW_ON.search(sentence.text):
            return
        word = match["ord"].lower()
        digits = re.sub(r"\D", "", word)
        value = self.words.ORDINAL_WORDS.get(word) or (int(digits) if digits else None)
        if value and not (value <= 3 and draft.parts):
            draft.ordinal = (value, sentence, match.start("ord"), match.end())

    def _add_claims(self, sentence: Sentence, draft: ReportDraft | None) -> None:
        for found in self.lang.find_attributions(sentence.text):
            self.claims.append((found, sentence, draft))
            if draft is not None and found.stance == "announces" and draft.announcer is None:
                draft.announcer = (found.speaker, sentence, found.start, found.end)

    # --- totals ---------------------------------------------------------------------------
    # --- finishing ------------------------------------------------------------------------
    def _article_region(self) -> tuple[str, tuple[PlaceMention, Sentence] | None]:
        """The one sea the article names outside its running totals (else unknown), and where it
        first names it."""
        regions = {p.region for p, _ in self.seas_named}
        regions |= {
            p.region for p in places.find_places(self.article.title or "") if p.region in CAMPAIGN_SEAS
        }
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
            made = finish_draft(
                self, draft, len(reports), article_region, lede_announcer if len(self.drafts) <= 2 else None
            )
            if made:
                index_of[id(draft)] = made[0].index
            reports.extend(made)
        claims = tuple(
            Claim(
                self.article.id,
                index_of.get(id(draft)) if draft is not None else None,
                found.speaker,
                found.stance,
                found.evidence,
                sentence.start,
                sentence.end,
                sentence.text,
            )
            for found, sentence, draft in self.claims
        )
        return tuple(reports), tuple(self.totals), claims

    def sentence_at(self, offset: int) -> Sentence:
        return next(s for s in self.sentences if s.start <= offset < s.end + 1)

    def _distinct_drafts(self) -> list[ReportDraft]:
        """The drafts less second mentions: a draft without a toll dated the same day as one with
        a toll ("The most recent came on Saturday, when ..." above the list item of that day)
        speaks of the same strike."""
        fold_headline(self.drafts, self.text_start)
        tolled = {
            d.date.value
            for d in self.drafts
            if d.killed is not None and d.date is not None and d.date.precision == "day"
        }
        tolled |= {
            d.date.value
            for d in self.drafts
            if any(p.killed for p in d.parts.values()) and d.date is not None and d.date.precision == "day"
        }
        kept: list[ReportDraft] = []
        untolled: dict = {}
        for d in self.drafts:
            if (
                d.killed is not None
                or any(p.killed for p in d.parts.values())
                or d.date is None
                or d.date.precision != "day"
            ):
                kept.append(d)
            elif d.date.value not in tolled:
                # "its first strike on September 2" in a summary above the list item "September 2":
                # two mentions of one day without a toll are one strike, told by the list item
                # (else where first named)
                first = untolled.get(d.date.value)
                if first is None or (first.item is None and d.item is not None):
                    untolled[d.date.value] = d
        kept.extend(untolled.values())
        return without_retellings(sorted(kept, key=lambda d: d.first.start))
