"""The Spanish bundle: Spanish components for one sentence's reading, and the words the shared
assembly needs under the names the English bundle gives them (see :mod:`..language`)."""

from __future__ import annotations

from ..language import Language, words_of
from . import words
from .attribution import find_attributions
from .casualties import find_figures, strike_count, to_int
from .dates import find_dates
from .sentences import split_sentences
from .totals import cumulative_split, read_total, revision

SPANISH = Language(
    code="es",
    name="Spanish",
    words=words_of(words),
    split_sentences=split_sentences,
    find_figures=find_figures,
    strike_count=strike_count,
    find_dates=find_dates,
    find_attributions=find_attributions,
    cumulative_split=cumulative_split,
    read_total=read_total,
    revision=revision,
    to_int=to_int,
)
