"""A hard case of reading: two strikes told in one sentence.

"Three people were killed in the strike on the convoy Tuesday, and five were killed on the two
vessels in Wednesday's strike" reports two strikes, each with its day and its toll. Read as one
sentence, the first day and the last toll would make one strike of them. When a sentence names
two different days and two tolls and a clause boundary (", and", ";", ", while") stands between
the first day-and-toll and the second, it is read as two clauses, each a sentence of its own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from typing import TYPE_CHECKING

from .sentences import Sentence

if TYPE_CHECKING:
    from .language import Language



def _clause(sentence: Sentence, start: int, end: int) -> Sentence:
    triggers = tuple(
        replace(t, start=t.start - start, end=t.end - start)
        for t in sentence.triggers
        if start <= t.start < end
    )
    return replace(
        sentence,
        start=sentence.start + start,
        end=sentence.start + end,
        text=sentence.text[start:end],
        triggers=triggers,
        item_start=sentence.item_start and start == 0,
    )


# A chronology run into one sentence names at least this many days, one per clause between
# semicolons ("on <day> ...; on <day> three were killed; and on <day> ...": the real-text set).
CHRONOLOGY_DAYS = 2
_CHRONOLOGY_BOUNDARY = re.compile(r";\s+")


def _chronology(sentence: Sentence, days: list) -> list[Sentence]:
    """The clauses of a chronology told in one sentence, each a strike of its own day (``days``: the
    days it names, done or announced); [] when the sentence is none (fewer days, or a clause with
    none, or one repeating another's)."""
    if len({m.value for m in days}) < CHRONOLOGY_DAYS:
        return []
    cuts = [m.span() for m in _CHRONOLOGY_BOUNDARY.finditer(sentence.text)]
    spans = list(zip([0, *(end for _, end in cuts)], [*(start for start, _ in cuts), len(sentence.text)]))
    if len(spans) < CHRONOLOGY_DAYS:
        return []
    seen: set = set()
    for start, end in spans:
        own = {m.value for m in days if start <= m.start < end}
        if not own or own & seen:
            return []
        seen |= own
    # Each clause is an item of the chronology, as a dated line of a running list is: it opens a
    # strike of its own. Its item number is negative, apart from those of the page's lines.
    return [
        replace(_clause(sentence, start, end), item=-(sentence.start + start) - 1, item_start=True)
        for start, end in spans
    ]


def split_strike_clauses(sentence: Sentence, published, year_reference, lang: Language) -> list[Sentence]:
    """``sentence`` (in ``lang``) as the clauses that each tell a strike of their own day; itself
    when it tells one."""
    text = sentence.text
    days = [
        m
        for m in lang.find_dates(text, 0, published, year_reference)
        if m.precision == "day" and m.value and m.role == "event"
    ]
    chronology = _chronology(
        sentence,
        [
            m
            for m in lang.find_dates(text, 0, published, year_reference)
            if m.precision == "day" and m.value and m.role in ("event", "announcement")
        ],
    )
    if chronology:
        return chronology
    tolls = [f for f in lang.find_figures(text) if f.kind == "killed"]
    if len({m.value for m in days}) < 2 or len(tolls) < 2:
        return [sentence]
    first_end = max(min(m.end for m in days), min(f.end for f in tolls))
    second_start = min(max(m.start for m in days), max(f.number_start for f in tolls))
    boundaries = lang.words.CLAUSE_BOUNDARY.finditer(text, first_end)
    cut = next((b for b in boundaries if b.end() <= second_start), None)
    if cut is None:
        return [sentence]
    spans = ((0, cut.start()), (cut.end(), len(text)))
    # each clause one day and its toll; a clause over several days is a recap, read as before
    for start, end in spans:
        if len({m.value for m in days if start <= m.start < end}) != 1 or not any(
            start <= f.number_start < end for f in tolls
        ):
            return [sentence]
    return [_clause(sentence, start, end) for start, end in spans]
