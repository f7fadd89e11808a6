"""Numbers in digits and words, with their qualifiers ("at least", "more than", "all")."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from .lexicon import QUALIFIER_CODES

_SPECIAL = {"a dozen": 12, "half a dozen": 6, "a half-dozen": 6, "a hundred": 100}


@lru_cache(maxsize=4096)
def to_int(surface: str) -> int | None:
    """The value of a number written in digits or English words; None when it is not one."""
    text = " ".join(surface.lower().replace(",", "").split())
    if text.isdigit():
        return int(text)
    if text in _SPECIAL:
        return _SPECIAL[text]
    text = re.sub(r"^a\s+hundred", "one hundred", text)
    try:
        return int(text2num(text, "en"))
    except (ValueError, TypeError):
        return None


def qualifier_code(surface: str | None) -> str:
    """The code of a qualifier ("at least" -> "at_least"); "" for none or for "all"/"a total of"."""
    if not surface:
        return ""
    return QUALIFIER_CODES.get(" ".join(surface.lower().split()), "")
