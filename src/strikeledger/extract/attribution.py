"""The ``attribution`` extractor: who announced a strike, who disputed it, and the evidence status.

Reads a sentence; produces ``Attribution`` records: a canonical speaker (``Hegseth``,
``SOUTHCOM``, ``Trump`` ... or a disputing voice such as ``Petro (Colombia)``), a stance
(announces, disputes) and the evidence status the sentence reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    ANNOUNCE_VERB,
    DISPUTE_VERB,
    DISPUTING_SPEAKERS,
    NO_EVIDENCE,
    OFFICIAL_SPEAKERS,
    VIDEO_RELEASED,
)

EXTRACTOR = "attribution"
OFFICIAL_NAMES = frozenset(OFFICIAL_SPEAKERS)
# Between a speaker and its verb: a title, an apposition, "in a post on X".
_GAP = r"(?:[^.;\"“”]{0,70}?)"


@dataclass(frozen=True)
class Attribution:
    speaker: str
    stance: str  # announces | disputes
    start: int  # span of the speaker's name within the sentence
    end: int
    evidence: str = ""


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    patterns = []
    for name, speaker in OFFICIAL_SPEAKERS.items():
        patterns.append(
            (
                name,
                "announces",
                re.compile(
                    rf"(?P<who>\b(?:{speaker}))(?:'s)?{_GAP}\b{ANNOUNCE_VERB}\b"
                    rf"|\b{ANNOUNCE_VERB}\s+(?:by\s+)?(?P<who2>(?:{speaker}))\b"
                    rf"|\b(?:according\s+to|(?:according\s+to\s+|in\s+)?an?\s+(?:\w+\s+){{0,2}}?(?:post|"
                    rf"statement|video)\s+(?:by|from)|announced\s+by|posted\s+by|per)\s+(?:the\s+)"
                    rf"?(?P<who3>(?:{speaker}))\b"
                    rf"|(?P<who4>\b(?:{speaker}))(?:'s)?\s+(?:post|statement|announcement|video|account)\b",
                ),
            )
        )
    for name, speaker in DISPUTING_SPEAKERS.items():
        patterns.append(
            (
                name,
                "disputes",
                re.compile(
                    rf"(?P<who>\b(?:{speaker}))(?:'s)?{_GAP}\b{DISPUTE_VERB}",
                    re.IGNORECASE if name in ("families",) else 0,
                ),
            )
        )
    return patterns


def _evidence_status(sentence: str) -> str:
    if NO_EVIDENCE.search(sentence):
        return "no_evidence_provided"
    if VIDEO_RELEASED.search(sentence):
        return "video_released"
    return ""


def find_attributions(sentence: str) -> list[Attribution]:
    """Announcements and disputes in a sentence, in reading order."""
    evidence = _evidence_status(sentence)
    found: list[Attribution] = []
    for name, stance, pattern in _patterns():
        for match in pattern.finditer(sentence):
            group = next(g for g in ("who", "who2", "who3", "who4") if match.groupdict().get(g))
            start, end = match.span(group)
            found.append(Attribution(name, stance, start, end, evidence))
    found.sort(key=lambda a: a.start)
    return found
