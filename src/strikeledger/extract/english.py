"""The English bundle: the English components of one sentence's reading, and the words the
shared assembly needs (see :mod:`.language`).

Most of the words live in :mod:`.lexicon` and the components that read them; the few patterns
only the shared assembly uses are here, beside the bundle, so that no shared module holds English.
"""

from __future__ import annotations

import calendar as _calendar
import re
import sys

from ..records import CAMPAIGN_START
from . import calendar, casualties, lexicon
from .attribution import find_attributions
from .dates import find_dates
from .language import Language, words_of
from .lexicon import NUMBER
from .numbers import to_int
from .sentences import split_sentences
from .totals import cumulative_split, read_total, revision

# A strike word as the object of words about it ("justification for", "questions over",
# "an investigation into"): the sentence speaks about a strike, it does not report one.
ABOUT_A_STRIKE = re.compile(
    r"\b(?:justification|questions?|criticism|investigation|inquiry|probe|debate|hearing|outrage|anger|"
    r"concerns?|legality|lawsuit)\s+(?:for|over|about|into|of|on|against)\s+"
    r"(?:the\s+|a\s+|this\s+|that\s+|its\s+)?(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)

# "Of the 11 men killed, eight were on the two boats in the Pacific and the other three were in
# the Caribbean": one announcement's toll told sea by sea (the real-text set: strikes on both
# sides of the Panama Canal on one day).
SEA_SPLIT = re.compile(
    rf"\bof\s+the\s+{NUMBER}\s+(?:[\w-]+\s+)?(?:killed|dead)\s*,\s*(?P<a>{NUMBER})\s+(?:were|was|died)\s+"
    rf"(?P<a_where>[^,;.]{{0,60}}?)\s*,?\s+and\s+(?:the\s+other\s+|the\s+remaining\s+)?(?P<b>{NUMBER})"
    rf"\s+(?:were|was|died)\s+(?P<b_where>[^,;.]{{0,60}})",
    re.IGNORECASE,
)

# Between two strikes told in one sentence (:mod:`.clauses`).
CLAUSE_BOUNDARY = re.compile(r",\s+(?:and|while|whereas)\s+|;\s+")

# Year-less dates and weekdays of an undated page (:mod:`.undated`).
MONTH_DAY = re.compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<day>[0-3]?\d)\b"
    r"(?:,?\s+(?P<year>20\d\d))?"
    r"|\b(?P<day2>[0-3]?\d)\s+(?P<month2>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b(?:,?\s+(?P<year2>20\d\d))?",
    re.IGNORECASE,
)
# A page that counts the campaign from its start month names that month without a year.
_START_MONTH = _calendar.month_name[CAMPAIGN_START.month]
COUNTS_FROM_START = re.compile(
    rf"\bsince\s+(?:early\s+|mid-|late\s+)?{_START_MONTH}\b"
    rf"|\b(?:began|started|launched)\b[^.;]{{0,60}}?\bin\s+(?:early\s+|mid-|late\s+)?{_START_MONTH}\b",
)
WEEKDAY = re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")

ENGLISH = Language(
    code="en",
    name="English",
    words=words_of(sys.modules[__name__], lexicon, casualties, calendar),
    split_sentences=split_sentences,
    find_figures=casualties.find_figures,
    strike_count=casualties.strike_count,
    find_dates=find_dates,
    find_attributions=find_attributions,
    cumulative_split=cumulative_split,
    read_total=read_total,
    revision=revision,
    to_int=to_int,
)
