"""The Spanish cumulative clauses: the campaign's running totals ("con lo que suman <n> muertos en
<n> ataques", "eleva a al menos <n> las personas abatidas", "desde septiembre"), never a strike's
own figures; and revised tolls ("elevó de tres a cuatro")."""

from __future__ import annotations

import re

from ...records import Article, ReportedTotal
from ..casualties import Figure
from ..dates import DateMention
from ..sentences import Sentence
from ..totals import make_total
from .casualties import find_figures, qualifier_code, to_int
from .words import CUMULATIVE, NUMBER, ORDINAL_WORDS, PLURAL_STRIKE_COUNT, QUALIFIER, REVISION, TOLL_WORD

_I = re.IGNORECASE
# "eleva a al menos <n> las personas abatidas", "suman ya <n> los muertos": the toll the clause states
_STATED = re.compile(
    rf"\b(?:a|en|ya|suman|sumaban|hasta)\s+(?P<qual>{QUALIFIER})?(?P<n>{NUMBER})\b"
    r"(?!\s+(?:ataques|bombardeos|operaciones|lanchas|embarcaciones))",
    _I,
)
_ORDINAL_BEFORE = re.compile(r"(?:\d+\s*[º°]|\b(?:" + "|".join(ORDINAL_WORDS) + r"))\b[\w\s]*$", _I)
_CLAUSE_START = re.compile(r",\s+|\s+(?:que|lo\s+que)\s+|\s+[—–-]{1,2}\s+")


def revision(text: str) -> re.Match[str] | None:
    """A revised death toll in the sentence ("elevó el balance de tres a cuatro muertos")."""
    return REVISION.search(text) if TOLL_WORD.search(text) else None


def cumulative_split(sentence: Sentence) -> int | None:
    """Offset (within the sentence) where its cumulative part starts; None when it has none."""
    text = sentence.text
    for match in CUMULATIVE.finditer(text):
        if _ORDINAL_BEFORE.search(text[max(0, match.start() - 25) : match.start()]):
            continue  # "el decimocuarto ataque desde septiembre" numbers a strike
        clauses = [c.end() for c in _CLAUSE_START.finditer(text, 0, match.start())]
        if clauses and any(f.kind == "killed" for f in find_figures(text[: clauses[-1]])):
            return clauses[-1]
        return 0 if not clauses else clauses[-1] if match.start() - clauses[-1] < 40 else match.start()
    for match in PLURAL_STRIKE_COUNT.finditer(text):
        value = to_int(match["n"])
        if value and value >= 5:
            return 0
    return None


def read_total(
    article: Article,
    index: int,
    sentence: Sentence,
    split: int,
    figures: list[Figure],
    mentions: list[DateMention],
) -> ReportedTotal | None:
    """The running total stated in the cumulative clause of ``sentence`` (from ``split`` on), if any."""
    killed = next((f for f in figures if f.start >= split and f.kind == "killed"), None)
    killed_span = (killed.value, killed.qualifier, killed.start, killed.end) if killed else None
    if killed_span is None:
        stated = _STATED.search(sentence.text, split)
        if (
            stated
            and to_int(stated["n"])
            and re.search(
                r"muert|fallecid|abatid|víctimas|personas|vidas",
                sentence.text[stated.end() : stated.end() + 40],
                _I,
            )
        ):
            killed_span = (
                to_int(stated["n"]),
                qualifier_code(stated["qual"]),
                stated.start("n"),
                stated.end(),
            )
    count = next(PLURAL_STRIKE_COUNT.finditer(sentence.text, split), None)
    strikes = (to_int(count["n"]), qualifier_code(count["qual"]), *count.span()) if count else None
    if strikes is not None and strikes[0] is None:
        strikes = None
    vessels = next((f for f in figures if f.start >= split and f.kind == "vessels" and f.value >= 2), None)
    return make_total(article, index, sentence, split, mentions, killed_span, strikes, vessels)
