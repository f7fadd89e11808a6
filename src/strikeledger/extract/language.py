"""The languages the reader reads, each a frozen bundle chosen from the article's language.

Reading has two layers (see :mod:`.reports`). What one sentence says — its strike words, its
figures, dates, announcers and cumulative clauses — is written in a language: each language has
its own components for it (English: :mod:`.sentences`, :mod:`.casualties`, :mod:`.dates`,
:mod:`.attribution`, :mod:`.totals` over :mod:`.lexicon`; Spanish: :mod:`.spanish`). Which strike a
sentence speaks of is not: the assembly (:mod:`.reports`, :mod:`.tolls`, :mod:`.parts`,
:mod:`.ledes`, :mod:`.finishing`, :mod:`.clauses`, :mod:`.undated`), places, resolution, storage
and grading are shared, and read the few words they need (``WORD_NAMES``) from the bundle, under
the same names in every language. ``tests/test_languages.py`` checks that every language defines
every name, each of the same kind as in English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the components import this module's users; types only
    from .attribution import Attribution
    from .casualties import Figure
    from .dates import DateMention
    from .sentences import Sentence

# The words the shared assembly reads from a language, each a compiled pattern unless said.
WORD_NAMES = (
    "VESSEL_WORD",  # a boat noun
    "DATELINE",  # a page's date line ("Published: ..."), which dates the page, not a strike
    "WIRE_DATELINE",  # a wire story's "CITY (Agency) —" opening; groups city, outlet
    "MISSTATEMENT",  # a correction's restatement of its error
    "DATES_THE_STRIKE",  # "the strike took place on Monday": dates the open strike
    "NEW_STRIKE",  # "another strike", "a second attack": a new strike, not the open one
    "FOLLOW_ON",  # a follow-on strike on the same boat
    "CAMPAIGN_ORDINAL",  # "the 14th strike of the campaign"; group ord
    "ORDINAL_WORDS",  # mapping: ordinal word -> number
    "PART_PHRASE",  # "the first boat", "the second vessel": parts of one announcement
    "SEA_SPLIT",  # one toll told sea by sea; groups a, a_where, b, b_where
    "KILLED_ALL",  # "all of them were killed": the toll is the number aboard
    "ON_EACH",  # "on each of the three boats"; group n
    "ANNOUNCED_NEWS",  # a lede told as news ("announced", "said on")
    "HISTORICAL",  # another era (a war, decades ago)
    "LAND_TARGET",  # a strike on land
    "SHORE_TARGET",  # a strike on a shore facility
    "PLURAL_STRIKE_COUNT",  # "two strikes", "a pair of strikes"
    "ABOUT_A_STRIKE",  # words about a strike ("questions over the strike"), which report none
    "CLAUSE_BOUNDARY",  # where one sentence's second strike clause begins
    "MONTH_DAY",  # a month and day; groups month/day/year or month2/day2/year2
    "WEEKDAY",  # a weekday name; group weekday
    "COUNTS_FROM_START",  # "since September": a page counting the campaign from its start
    "MONTHS",  # mapping: month name or abbreviation (lower case) -> month number
    "WEEKDAYS",  # mapping: weekday name (lower case) -> weekday number, Monday 0
)


@dataclass(frozen=True)
class Language:
    """How articles in one language are read: its sentence splitter and per-sentence
    components, and the words the shared assembly needs (``words``, one per ``WORD_NAMES``)."""

    code: str
    name: str
    words: SimpleNamespace
    split_sentences: Callable[[str], list[Sentence]]
    find_figures: Callable[[str], list[Figure]]
    strike_count: Callable[[str], Figure | None]
    find_dates: Callable[..., list[DateMention]]
    find_attributions: Callable[[str], list[Attribution]]
    cumulative_split: Callable[[Sentence], int | None]
    read_total: Callable[..., Any]
    revision: Callable[[str], re.Match[str] | None]
    to_int: Callable[[str], int | None]  # a number in digits or the language's words


def words_of(*sources: Any) -> SimpleNamespace:
    """The ``WORD_NAMES`` taken from ``sources`` (modules or namespaces, the first that has a name
    wins); raises ``LookupError`` naming any a language leaves out."""
    found: dict[str, Any] = {}
    for name in WORD_NAMES:
        for source in sources:
            if hasattr(source, name):
                found[name] = getattr(source, name)
                break
    missing = [name for name in WORD_NAMES if name not in found]
    if missing:
        raise LookupError(f"a language's words lack {', '.join(missing)}")
    return SimpleNamespace(**found)


@lru_cache(maxsize=None)
def languages() -> Mapping[str, Language]:
    """Every language the reader reads, by ISO 639-1 code (built on first use)."""
    from .english import ENGLISH
    from .spanish import SPANISH

    return {language.code: language for language in (ENGLISH, SPANISH)}


def language_for(code: str | None) -> Language:
    """The bundle for ``code``; English for an undetermined or unknown one (the pipeline reads only
    the languages in :func:`languages` and the undetermined, mostly short English briefs)."""
    return languages().get(code or "", languages()["en"])
