"""The ``casualties`` extractor: people killed, survivors, people aboard, missing, wounded, vessels.

Reads one sentence; produces ``Figure`` records (a kind, a value, a qualifier and the span of
the words that say it). It tells apart people aboard ("a boat carrying 11 people") from people
killed, and drops casualties of US forces ("no U.S. forces were harmed"): those are never the
strike's deaths. Whether a figure is a strike's own or a running total is decided by the
caller (``reports``), which knows the sentence's cumulative clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    ADJECTIVES,
    DEATH_WORD,
    MONTH_BEFORE,
    NATIONALS,
    NUMBER,
    PERSON_NOUN,
    QUALIFIED_NUMBER,
    US_FORCES,
    VESSEL_NOUN,
)
from .numbers import qualifier_code, to_int
from .spans import ClaimedSpans

EXTRACTOR = "casualties"


@dataclass(frozen=True)
class Figure:
    kind: str  # killed | survivors | aboard | missing | wounded | vessels | strikes
    value: int
    qualifier: str
    start: int  # offsets within the sentence
    end: int
    number_start: int  # where the number itself begins, for ordering


# A number starts a word: "anyone killed" holds no "one killed".
_QN = rf"\b{QUALIFIED_NUMBER}"
_NOT_PEOPLE_AFTER = (r"(?!\s*(?:strikes?|attacks?|boats?|vessels?|ships?|percent|%|miles|nautical|days?|"
    r"weeks?|months?|years?|times|hours?|minutes?|tons?|kilograms?|pounds?|kg))")

# "three men described as “narco-terrorists” were killed": an official label between the people
# and their fate.
_DESCRIBED_AS = (r"(?:,?\s+(?:described|identified|labeled|labelled|characterized|called|believed\s+to\s+be)"
    r"\s+(?:as\s+)?[\"“']?[\w-]+(?:\s+[\w-]+)?[\"”']?,?)?")

# (kind, pattern): tried in order; a later pattern does not take a number an earlier one took.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "killing all 11 aboard", "killed four narco-terrorists", "kills 3"
    (
        "killed",
        re.compile(
            rf"\bkill(?:ed|ing|s)?\s+{_QN}\b{_NOT_PEOPLE_AFTER}(?:\s+{ADJECTIVES}{PERSON_NOUN}\b)?",
            re.IGNORECASE,
        ),
    ),
    # "six male narco-terrorists were killed", "all four people aboard died",
    # "the three men on board were killed",
    # 'three "male narco-terrorists" were killed' (a quoted label is still the noun)
    (
        "killed",
        re.compile(
            rf"(?:\bthe\s+)?{_QN}\s+[\"“]?{ADJECTIVES}[\"“]?{PERSON_NOUN}\b[\"”]?{_DESCRIBED_AS}(?:\s+(?:who"
            rf"\s+were\s+|who\s+was\s+)?(?:(?:aboard|on\s+board|onboard)(?:\s+(?:the|a)\s+\w+(?:[- ]\w+)?)?|"
            rf"on\s+(?:the|a)\s+(?:boat|vessel|craft|ship)))?"
            rf"(?:\s*,\s*[^,.;]{{0,60}}?,|\s+[-–—]{{1,2}}\s+[^,.;]{{0,60}}?\s+[-–—]{{1,2}})?"
            rf"\s+(?:(?:were|was|had|have|has|been|are|got|all|now|also|"
            rf"reportedly|later|since|so\s+far)\s+){{0,4}}{DEATH_WORD}",
            re.IGNORECASE,
        ),
    ),
    # "two of the terrorists were killed", "three of them died": a number of the people named
    (
        "killed",
        re.compile(
            rf"{_QN}\s+of\s+(?:the|them|those)\b(?:\s+{ADJECTIVES}{PERSON_NOUN}\b)?"
            rf"\s+(?:(?:were|was|had|have|been)\s+){{0,2}}{DEATH_WORD}",
            re.IGNORECASE,
        ),
    ),
    # "six dead", "three deaths", "two fatalities", "left six people dead", "3 confirmed deaths"
    (
        "killed",
        re.compile(
            rf"{_QN}\s+(?:{ADJECTIVES}{PERSON_NOUN}\s+|(?:confirmed|reported|known)\s+)?(?:dead|deaths?|"
            rf"fatalit(?:y|ies)|killed)\b",
            re.IGNORECASE,
        ),
    ),
    # "all 11 die in the attack": a number of the people named before, and their fate
    (
        "killed",
        re.compile(
            rf"\ball\s+(?P<n>{NUMBER})\s+(?:of\s+them\s+)?(?:die|died|perish|perished)\b", re.IGNORECASE
        ),
    ),
    # "All six were killed", "Both were killed", "four had died": the number stands for people
    # named before it (the crew aboard); a death verb after an auxiliary makes it a toll.
    (
        "killed",
        re.compile(
            rf"\b(?P<qual>all\s+)?(?P<n>{NUMBER}|both)\s+(?:of\s+them\s+)?(?:were|was|had|have)\s+(?:also\s+|"
            rf"all\s+)?(?:been\s+)?(?:killed|died)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "killed",
        re.compile(rf"\bdeath\s+toll\s+(?:of|at|was|is|stood\s+at|stands\s+at)\s+{_QN}\b", re.IGNORECASE),
    ),
    # "resulting in the deaths of two suspected individuals"
    ("killed", re.compile(rf"\bdeaths\s+of\s+(?:all\s+)?{_QN}\b{_NOT_PEOPLE_AFTER}", re.IGNORECASE)),
    # survivors presumed dead once a search ended: kept apart from the confirmed toll
    (
        "presumed_dead",
        re.compile(
            rf"{_QN}\s+(?:{ADJECTIVES}{PERSON_NOUN}\s+)?(?:(?:are|were|is|was|now|been|have|has|had|also)"
            rf"\s+){{0,3}}"
            r"(?:presumed|declared|believed)\s+(?:to\s+(?:be|have\s+been)\s+|to\s+have\s+died|)dead",
            re.IGNORECASE,
        ),
    ),
    (
        "presumed_dead",
        re.compile(
            r"\b(?P<n>the|a|one)\s+(?:lone\s+|sole\s+|only\s+|remaining\s+)?survivor\b[^.;]{0,80}?\b(?:is|"
            r"was|been|now)\s+(?:now\s+)?"
            r"(?:presumed|declared|believed)\s+(?:to\s+(?:be|have\s+been)\s+)?dead",
            re.IGNORECASE,
        ),
    ),
    # survivors
    ("survivors", re.compile(rf"{_QN}\s+(?:{ADJECTIVES})?survivors?\b", re.IGNORECASE)),
    # "the two surviving terrorists are being returned"
    ("survivors", re.compile(rf"{_QN}\s+surviving\s+{ADJECTIVES}{PERSON_NOUN}\b", re.IGNORECASE)),
    (
        "survivors",
        re.compile(
            rf"{_QN}\s+(?:{ADJECTIVES}{PERSON_NOUN}\s+)?(?:(?:had|have|has|reportedly|initially|also)\s+)"
            rf"?survived",
            re.IGNORECASE,
        ),
    ),
    (
        "survivors",
        re.compile(
            r"\b(?P<n>no|a|one|the\s+(?:lone|sole|only))\s+(?:lone\s+|sole\s+|single\s+)?survivors?\b",
            re.IGNORECASE,
        ),
    ),
    ("survivors", re.compile(r"\b(?P<n>no\s+one|nobody|none)\s+(?:\w+\s+)?survived\b", re.IGNORECASE)),
    # people aboard, not necessarily killed
    (
        "aboard",
        re.compile(
            rf"\b(?:carrying|with|had|held|transporting)\s+{_QN}\s+{ADJECTIVES}{PERSON_NOUN}\b", re.IGNORECASE
        ),
    ),
    (
        "aboard",
        re.compile(
            rf"{_QN}\s+{ADJECTIVES}(?:people|persons|men|individuals|crew\s+members|occupants)\s+(?:were\s+)"
            rf"?(?:aboard|on\s+board|onboard|on\s+(?:the|a)\s+(?:boat|vessel|craft))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "missing",
        re.compile(
            rf"{_QN}\s+(?:{ADJECTIVES}{PERSON_NOUN}\s+)?(?:(?:remain|remained|remains|were|was|are|is)\s+)"
            rf"?(?:missing|unaccounted\s+for)",
            re.IGNORECASE,
        ),
    ),
    (
        "wounded",
        re.compile(
            rf"{_QN}\s+(?:{ADJECTIVES}{PERSON_NOUN}\s+)?(?:(?:were|was)\s+)?(?:wounded|injured|hurt)\b",
            re.IGNORECASE,
        ),
    ),
    ("vessels", re.compile(rf"{_QN}\s+(?:{ADJECTIVES})?{VESSEL_NOUN}\b", re.IGNORECASE)),
    (
        "vessels",
        re.compile(
            rf"\b(?P<n>a|an|one|the)\s+{ADJECTIVES}(?:vessel|boat|semi-submersible|narco-sub|speedboat|"
            rf"go-fast|ship)\b",
            re.IGNORECASE,
        ),
    ),
]

_ZERO = {"no", "no one", "nobody", "none"}
_TWO = {"both"}
_ONE = {"a", "an", "one", "the", "the lone", "the sole", "the only"}
# A figure about survivors is not one when the survivors were then killed (the 2 September
# follow-on strike): its subject died, and it is read as a partial death toll instead.
# "follow-on strikes killed the two apparent survivors"
_KILLED_BEFORE = re.compile(r"\bkill(?:ed|ing|s)?\s+(?:the\s+|all\s+|both\s+)?$", re.IGNORECASE)
_THEN_KILLED = re.compile(
    r"^[^.;]{0,80}?\b(?:but|and|before|then)\s+(?:were|was)\s+(?:later\s+)?(?:killed|struck)|"
    r"^[^.;]{0,60}?\bkilled\s+(?:them|both|him)\b",
    re.IGNORECASE,
)


def _value(kind: str, number: str) -> int | None:
    text = " ".join(number.lower().split())
    if text in _ZERO:
        return 0
    if text in _ONE:
        return 1
    if text in _TWO:
        return 2
    return to_int(text)


# "three people were killed on the first boat and two on the second", "five were killed, three in
# the first vessel and two in the second": a number that names a part of the strike shares the
# noun and verb of the toll before it; it is a death toll of that part.
_ELLIPTICAL_KILLED = re.compile(
    rf"(?:[^.;]|(?<=[A-Z])\.){{0,80}}?(?:,?\s+and\s+|\s*(?:[,:—–]|--?)\s*)(?P<n>{NUMBER})\s+(?:(?:were|was)"
    rf"\s+(?:killed\s+)?)?(?:on|aboard|in)\s+(?:the\s+)?"
    r"(?:first|second|third|other|another|last|remaining|one)\b",
    re.IGNORECASE,
)


def find_figures(sentence: str) -> list[Figure]:
    """Every casualty and vessel figure in one sentence, in reading order."""
    figures: list[Figure] = []
    taken = ClaimedSpans(len(sentence))
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            n_start, n_end = match.span("n")
            if taken.overlaps(n_start, n_end):
                continue
            value = _value(kind, match["n"])
            if value is None:
                continue
            start, end = match.span()
            # US casualties ("no U.S. forces were harmed") are never the strike's: the figure's
            # own words name US forces. "U.S. forces killed two" names them as the killers.
            if kind in ("killed", "wounded", "missing") and US_FORCES.search(sentence[n_start:end]):
                continue
            if (
                kind == "survivors"
                and value > 0
                and (
                    _THEN_KILLED.search(sentence[end:])
                    or _KILLED_BEFORE.search(sentence[max(0, start - 40) : start])
                )
            ):
                kind = "killed_partial"  # survivors of the first strike whom a follow-on killed
            qualifier = qualifier_code(match.groupdict().get("qual"))
            if kind == "killed" and NATIONALS.search(sentence[n_start:end]):
                qualifier = "nationals"  # "two Trinidadians killed": those of one country among the dead
            taken.claim(n_start, n_end)
            figures.append(Figure(kind, value, qualifier, start, end, n_start))
    pending = [f for f in figures if f.kind == "killed"]
    while pending:  # each part found may be followed by the next ("three in the first and two in the second")
        figure = pending.pop(0)
        match = _ELLIPTICAL_KILLED.match(sentence, figure.end)
        if match is None:
            continue
        n_start, n_end = match.span("n")
        value = to_int(match["n"])
        if value is None or taken.overlaps(n_start, n_end):
            continue
        taken.claim(n_start, n_end)
        part = Figure("killed", value, "", n_start, match.end(), n_start)
        figures.append(part)
        pending.append(part)
    figures.sort(key=lambda f: f.number_start)
    return figures


# "all of them were killed", "killing everyone aboard": the toll is the number of people aboard.
KILLED_ALL = re.compile(
    r"\ball\s+(?:of\s+them|aboard|on\s+board|of\s+those\s+(?:aboard|on\s+board)|the\s+(?:crew|occupants))"
    r"\s+(?:were|was|had\s+been)\s+killed"
    r"|\bkill(?:ed|ing)\s+(?:all|everyone|everybody)\s+(?:aboard|on\s+board|onboard)\b|"
    r"\bno\s+one\s+(?:aboard\s+|on\s+board\s+)?survived",
    re.IGNORECASE,
)

STRIKE_COUNT = re.compile(
    rf"{_QN}\s+(?:separate\s+|lethal\s+|deadly\s+|more\s+|new\s+|additional\s+)?(?:strikes|attacks)\b",
    re.IGNORECASE,
)


PAIRED_STRIKES = re.compile(r"\b(?:dual|twin|double)\s+(?:strikes|attacks)\b", re.IGNORECASE)
# "three males killed on each boat": one toll for every vessel of the announcement.
ON_EACH = re.compile(
    rf"\s*(?:on|aboard|in)\s+each\s+(?:of\s+the\s+(?P<n>{NUMBER})\s+)?(?:boat|vessel|craft|ship)s?\b",
    re.IGNORECASE,
)


def strike_count(sentence: str) -> Figure | None:
    """ "three strikes" in one announcement or a running total: the number of strikes named."""
    match = next(
        (m for m in STRIKE_COUNT.finditer(sentence) if not MONTH_BEFORE.search(sentence[: m.start("n")])),
        None,
    )
    if not match:
        paired = PAIRED_STRIKES.search(sentence)
        return Figure("strikes", 2, "", paired.start(), paired.end(), paired.start()) if paired else None
    value = to_int(match["n"])
    if value is None:
        return None
    return Figure(
        "strikes",
        value,
        qualifier_code(match.groupdict().get("qual")),
        match.start(),
        match.end(),
        match.start("n"),
    )


__all__ = ["Figure", "find_figures", "strike_count", "NUMBER"]
