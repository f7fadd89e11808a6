"""The ``totals`` extractor: cumulative figures ("bringing the death toll to at least 66").

Reads a sentence; finds where its cumulative clause starts (``cumulative_split``) and reads the
running total stated there (``read_total``): people killed, strikes, vessels, with an as-of date.
A revision of one strike's toll ("raised the toll from three to four") is not a total.
"""

from __future__ import annotations

import re

from ..records import Article, ReportedTotal
from .casualties import Figure, find_figures
from .dates import DateMention
from .facts import sentence_fact
from .lexicon import (
    CUMULATIVE_SENTENCE,
    CUMULATIVE_TRAILING,
    MONTH_BEFORE,
    ORDINAL_WORDS,
    PLURAL_STRIKE_COUNT,
    QUALIFIED_NUMBER,
    REVISION,
    REVISION_FROM_EARLIER,
    REVISION_LATER,
    REVISION_UP_FROM,
    TOLL_WORD,
)
from .numbers import qualifier_code, to_int
from .sentences import Sentence

_TOTAL_FIGURES = (
    re.compile(
        rf"\b(?:toll|total|tally|number|count)\b(?!\s+(?:number\s+|count\s+)"
        rf"?of\s+(?:[\w-]+\s+){{0,2}}?(?:strikes|attacks|boats|vessels|operations))(?:[^.;]|(?<=[A-Z])"
        rf"\.){{0,80}}?\b(?:to|at|of|reached|hit)\s+{QUALIFIED_NUMBER}\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\bbr(?:ings?|inging|ought)\s+to\s+{QUALIFIED_NUMBER}\s+the\s+(?:number|total|toll|tally)\b",
        re.IGNORECASE,
    ),
)
# "brings the total number of such strikes since September to at least 36": a count of strikes
_TOTAL_STRIKES = re.compile(
    rf"\b(?:total|tally|number|count)\s+of\s+(?:[\w-]+\s+){{0,2}}?(?:strikes|attacks|operations)\b"
    rf"(?:[^.;]|(?<=[A-Z])\.){{0,60}}?\b(?:to|at|reached|hit)\s+{QUALIFIED_NUMBER}\b",
    re.IGNORECASE,
)
_ORDINAL_BEFORE = re.compile(
    r"(?:\d+(?:st|nd|rd|th)|\b(?:" + "|".join(ORDINAL_WORDS) + r"))\b[\w\s]*$", re.IGNORECASE
)
# Where a clause begins: a sentence-wide cumulative marker totals only its own clause when the
# sentence opened with a strike of its own ("..., killing five people, in the latest of a string
# of strikes that have killed nearly 100 people since September").
_CLAUSE_START = re.compile(r",\s+|\s+(?:that|which|who)\s+|\s+[—–-]{1,2}\s+")


def revision(text: str) -> re.Match[str] | None:
    """A revised death toll in the sentence ("raised the toll from three to four")."""
    if not TOLL_WORD.search(text):
        return None
    return (
        REVISION.search(text)
        or REVISION_UP_FROM.search(text)
        or REVISION_LATER.search(text)
        or REVISION_FROM_EARLIER.search(text)
    )


def cumulative_split(sentence: Sentence) -> int | None:
    """Offset (within the sentence) where its cumulative part starts; None when it has none."""
    text = sentence.text
    found = revision(text)
    trailing_start = None
    for trailing in CUMULATIVE_TRAILING.finditer(text):
        # "raised the death toll from Tuesday's strike to four, up from three" revises one
        # strike's toll; it does not total the campaign.
        if found is not None and trailing.start() <= found.start() < trailing.start() + 120:
            continue
        trailing_start = trailing.start()
        break
    for match in CUMULATIVE_SENTENCE.finditer(text):
        if trailing_start is not None and match.start() >= trailing_start:
            break  # "..., bringing the death toll of the campaign to 76": inside the trailing clause
        before = text[max(0, match.start() - 25) : match.start()]
        # "the 16th strike since September", "the 33rd overall" number a strike; they do not total them.
        if _ORDINAL_BEFORE.search(before):
            continue
        clauses = [c.end() for c in _CLAUSE_START.finditer(text, 0, match.start())]
        if clauses and any(f.kind == "killed" for f in find_figures(text[: clauses[-1]])):
            return clauses[-1]
        return 0
    for match in PLURAL_STRIKE_COUNT.finditer(text):
        if trailing_start is not None and match.start() >= trailing_start:
            break
        if MONTH_BEFORE.search(text[: match.start("n")]):
            continue
        value = to_int(match["n"])
        if value and value >= 5:
            return 0
    return trailing_start


def read_total(
    article: Article,
    index: int,
    sentence: Sentence,
    split: int,
    figures: list[Figure],
    mentions: list[DateMention],
) -> ReportedTotal | None:
    """The running total stated in the cumulative clause of ``sentence`` (from ``split`` on), if any."""
    part = sentence.text[split:]
    killed = next((f for f in figures if f.start >= split and f.kind == "killed"), None)
    stated = [m for m in (p.search(part) for p in _TOTAL_FIGURES) if m and to_int(m["n"]) is not None]
    toll = min(stated, key=lambda m: m.start("n"), default=None)
    killed_span = None
    # The first toll the clause states: "the death toll ... stands at 114, ... after the
    # command raised the number killed in Tuesday's attack from three to four" totals 114.
    if killed is not None and (toll is None or killed.number_start < split + toll.start("n")):
        killed_span = (killed.value, killed.qualifier, killed.start, killed.end)
    elif toll is not None:
        killed_span = (
            to_int(toll["n"]), qualifier_code(toll["qual"]), split + toll.start(), split + toll.end()
        )
    strike_match = next(
        (
            m
            for m in PLURAL_STRIKE_COUNT.finditer(sentence.text, split)
            if not MONTH_BEFORE.search(sentence.text[: m.start("n")])
        ),
        None,
    )
    if strike_match is None:
        strike_match = _TOTAL_STRIKES.search(sentence.text, split)
    strikes_span = None
    if strike_match and to_int(strike_match["n"]):
        strikes_span = (to_int(strike_match["n"]), qualifier_code(strike_match["qual"]), *strike_match.span())
    vessels = next((f for f in figures if f.start >= split and f.kind == "vessels" and f.value >= 2), None)
    return make_total(article, index, sentence, split, mentions, killed_span, strikes_span, vessels)


def make_total(
    article: Article,
    index: int,
    sentence: Sentence,
    split: int,
    mentions: list[DateMention],
    killed: tuple[int, str, int, int] | None,
    strikes: tuple[int, str, int, int] | None,
    vessels: Figure | None,
) -> ReportedTotal | None:
    """The ``ReportedTotal`` of a cumulative clause from the figures a language's reader found in
    it (``killed`` and ``strikes`` as value, qualifier, start, end within the sentence); None when
    it states neither a toll nor a count of strikes."""
    if killed is None and strikes is None:
        return None
    facts = []
    for field, found in (("total_killed", killed), ("total_strikes", strikes)):
        if found is not None:
            value, qualifier, start, end = found
            facts.append(sentence_fact(article, sentence, field, value, start, end, "totals", qualifier))
    if vessels is not None:
        facts.append(
            sentence_fact(
                article, sentence, "total_vessels", vessels.value, vessels.start, vessels.end, "totals",
                vessels.qualifier,
            )
        )
    # A total is as of a date in its own clause; a date before it dates the strike.
    days = [
        m.value
        for m in mentions
        if m.precision == "day" and m.value and m.role != "since" and m.start >= sentence.start + split
    ]
    as_of = article.published
    if days and as_of:
        earlier = [d for d in days if d <= as_of]
        as_of = max(earlier) if earlier else as_of
    return ReportedTotal(
        article.id,
        index,
        as_of,
        killed[0] if killed else None,
        killed[1] if killed else "",
        strikes[0] if strikes else None,
        vessels.value if vessels else None,
        sentence.start,
        sentence.end,
        tuple(facts),
    )
