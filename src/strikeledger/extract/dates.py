"""The ``dates`` extractor: date expressions in a sentence, resolved against a reference day.

Reads a sentence's text; produces ``DateMention`` records with a value (or a window), a
precision (day, week, month) and a role:

- ``event``: when something happened ("on Tuesday", "Sept. 2", "a day earlier");
- ``announcement``: when it was said ("Hegseth said Friday", "in a post last week");
- ``since``: the start of a cumulative count ("since September").

Relative expressions resolve against the publication date; deictic ones inside a quotation
("earlier this morning") and anchored ones ("a day earlier") resolve against the
announcement date of the same sentence when there is one. Without a reference day they stay
unresolved, with precision ``unknown``: a guessed date would be worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .calendar import (
    MONTHS,
    WEEKDAYS,
    last_weekday,
    month_before,
    month_window,
    week_window,
    year_for,
)
from .spans import ClaimedSpans
from .undated import campaign_day

EXTRACTOR = "dates"

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMWORD = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>20\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|miles|km))"
            rf"(?:,?\s+(?P<year>20\d\d))?",
            re.IGNORECASE,
        ),
    ),
    (
        "day_month",
        re.compile(
            rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH_FULL})"
            rf"\b(?:,?\s+(?P<year>20\d\d))?",
            re.IGNORECASE,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<lead>in|early|late|mid-?|since|during|throughout|last|this\s+past|until|through|"
            rf"by\s+(?:early|late|mid-)?)\s*(?P<month>{_MONTH_FULL})\b(?:\s+(?P<year>20\d\d))?",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?P<lead>last\s+|this\s+past\s+|this\s+|on\s+|early\s+|late\s+|overnight\s+)"
            rf"?(?P<weekday>{_WEEKDAY})(?:['’]s)?\b"
        ),
    ),
    (
        "anchored",
        re.compile(
            r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d)\s+days?\s+(?P<dir>earlier|before|prior|"
            r"later|after|ago)\b"
            r"|\bthe\s+(?P<prev>day\s+before|previous\s+day|prior\s+day|day\s+prior|preceding\s+day|"
            r"next\s+day|following\s+day|day\s+after)\b"
            r"|\b(?P<same>that\s+(?:same\s+)?day|the\s+same\s+day)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<word>(?:earlier\s+|late\s+|early\s+)?(?:today|this\s+morning|this\s+afternoon|"
            r"this\s+evening|tonight)|yesterday|last\s+night|overnight)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "week",
        re.compile(
            r"\b(?P<word>(?:early|late|earlier)\s+last\s+week|last\s+week|earlier\s+this\s+week|this\s+week|"
            r"the\s+previous\s+week|the\s+week\s+before|a\s+week\s+ago|over\s+the\s+weekend|last\s+weekend|"
            r"this\s+weekend)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # "three weeks ago": a week-wide window that many weeks back
        "weeks_ago",
        re.compile(r"\b(?P<n>a|one|two|three|four|five|six|\d)\s+weeks?\s+ago\b", re.IGNORECASE),
    ),
    (
        "month_relative",
        re.compile(
            r"\b(?P<word>last\s+month|earlier\s+this\s+month|this\s+month|the\s+previous\s+month)\b",
            re.IGNORECASE,
        ),
    ),
]

# Words before a date that make it the day something was said rather than done.
_ANNOUNCE_BEFORE = re.compile(
    r"(?:\b(?:said|says|announced|announcing|posted|wrote|disclosed|confirmed|reported|stated|told\s+\w+|"
    r"added|tweeted|"
    r"shared|released|published|revealed|statement|post|posting|video|announcement|briefing|update|"
    r"press\s+conference|interview)"
    r"(?:\s+by\s+(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+)?"  # "announced by Southern Command on Sunday"
    r"(?:\s+(?:on|in|late|early|a|an|the|its|his|her|their|social|media|X|Truth|Social|brief|short|televised)"
    r")*\s*(?:on\s+)?)$",
    re.IGNORECASE,
)
_ANNOUNCE_AFTER = re.compile(
    r"^\s*,?\s*(?:he|she|they|officials|the\s+\w+)?\s*(?:said|announced|posted|wrote)\b", re.IGNORECASE
)
# A date that qualifies a strike noun ("Tuesday's strike", "the Oct. 16 attack on a
# semi-submersible") dates that strike, whatever else the sentence dates (the day a toll was
# revised, the day a search went on).
_NAMES_STRIKE_AFTER = re.compile(
    r"^(?:['’]s)?\s+(?:[A-Z][\w.-]*\s+){0,2}(?:strike|attack|operation|airstrike)s?\b"
)
_SINCE_BEFORE = re.compile(
    r"\b(?:since|from|between)\s+(?:early\s+|late\s+|mid-?)?$"
    # the far end of a span ("from September 2 to October 29", "between Oct. 1 and Oct. 9") dates no strike
    r"|\b(?:from|between)\s+[A-Z][a-z]{2,8}\.?\s+[0-3]?\d(?:,?\s+20\d\d)?\s+(?:to|and|through|until)\s+$",
    re.IGNORECASE,
)
_MONTH_ONLY_ROLES = {"since", "until", "through"}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    surface: str
    kind: str
    value: date | None
    low: date | None
    high: date | None
    precision: str  # day | week | month | unknown
    role: str  # event | announcement | since | other (the day of another event, no strike read)
    in_quote: bool = False
    names_strike: bool = False  # "Tuesday's strike", "the Sept. 2 attack": the date of a strike itself


def _quote_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    closing = text.find("”")
    if closing != -1 and "“" not in text[:closing]:
        # The sentence opens inside a quotation begun in the sentence before ("Today, at the
        # direction of President Trump, ...,” Hegseth wrote): all up to the closing mark is quoted.
        spans.append((0, closing + 1))
        text = " " * (closing + 1) + text[closing + 1 :]
    for match in re.finditer(r"“[^”]*”?|\"[^\"]*\"?", text):
        spans.append((match.start(), match.end()))
    return spans


def _role(text: str, start: int, end: int, kind: str, lead: str) -> str:
    before = text[max(0, start - 60) : start]
    since = _SINCE_BEFORE.search(before)
    # "the toll from Tuesday's strike": "from" a strike's date names the strike, not a start.
    if (
        since
        and since.group(0).lower().startswith("from")
        and _NAMES_STRIKE_AFTER.match(text[end : end + 40])
    ):
        since = None
    if lead.strip().lower() == "since" or since:
        return "since"
    if _ANNOUNCE_BEFORE.search(before) or _ANNOUNCE_AFTER.match(text[end : end + 30]):
        return "announcement"
    return "event"


def _day(value: date | None) -> tuple[date | None, date | None, date | None, str]:
    if value is None:
        return None, None, None, "unknown"
    return value, value, value, "day"


def _resolve_simple(
    kind: str, groups: dict[str, str | None], reference: date | None, year_reference: date | None
):
    """Resolve what needs only the reference day: returns (value, low, high, precision).
    Year-less dates take their year from ``reference``, else from ``year_reference``."""
    reference_for_years = reference or year_reference
    if kind == "iso":
        try:
            return _day(date(int(groups["year"]), int(groups["mon"]), int(groups["day"])))
        except ValueError:
            return _day(None)
    if kind in ("month_day", "day_month"):
        month = MONTHS.get(groups["month"].lower().rstrip("."))
        day = int(groups["day"])
        if month is None or not 1 <= day <= 31:
            return _day(None)
        if groups.get("year"):
            try:
                return _day(date(int(groups["year"]), month, day))
            except ValueError:
                return _day(None)
        if reference is None and year_reference is not None:
            return _day(campaign_day(month, day, year_reference))
        if reference is not None:
            return _day(year_for(month, day, reference))
        return _day(None)
    if kind == "month":
        month = MONTHS[groups["month"].lower()]
        if groups.get("year"):
            year = int(groups["year"])
        elif reference_for_years is not None:
            year = (
                reference_for_years.year
                if month <= reference_for_years.month
                else reference_for_years.year - 1
            )
        else:
            return None, None, None, "unknown"
        low, high = month_window(year, month)
        if reference is not None and high > reference:
            high = max(low, reference)
        return None, low, high, "month"
    if reference is None:
        return None, None, None, "unknown"
    if kind == "weekday":
        lead = (groups.get("lead") or "").strip().lower()
        value = last_weekday(
            WEEKDAYS[groups["weekday"].lower()], reference, strictly_before=lead in ("last", "this past")
        )
        return _day(value)
    if kind == "week":
        word = " ".join(groups["word"].lower().split())
        if "weekend" in word:
            saturday = last_weekday(5, reference, strictly_before=word.startswith("last"))
            return None, saturday, min(saturday + timedelta(days=1), reference), "week"
        if "this week" in word:
            low, _ = week_window(reference, 0)
            return None, low, reference, "week"
        low, high = week_window(reference, 1)
        return None, low, high, "week"
    if kind == "weeks_ago":
        n_text = groups["n"].lower()
        weeks = int(n_text) if n_text.isdigit() else _NUMWORD.get(n_text, 1)
        centre = reference - timedelta(weeks=weeks)
        return None, centre - timedelta(days=3), centre + timedelta(days=3), "week"
    if kind == "month_relative":
        word = groups["word"].lower()
        if "this month" in word:
            return None, reference.replace(day=1), reference, "month"
        year, month = month_before(reference)
        low, high = month_window(year, month)
        return None, low, high, "month"
    return None, None, None, "unknown"


# "a day after" / "two days before" followed by something other than a date ("a day after the
# administration told Congress", "two days after the strike") places the strike relative to
# another event, or another event relative to the strike: it is no date of the strike.
_PREPOSITION_OBJECT = re.compile(r"^\s*(?!on\b|,|\.|;|:|\)|$)\S", re.IGNORECASE)


def _shift(reference: date | None, groups: dict[str, str | None]) -> date | None:
    if reference is None:
        return None
    if groups.get("same"):
        return reference
    if groups.get("prev"):
        forward = any(w in groups["prev"] for w in ("next", "following", "after"))
        return reference + timedelta(days=1 if forward else -1)
    n_text = (groups.get("n") or "1").lower()
    n = int(n_text) if n_text.isdigit() else _NUMWORD.get(n_text, 1)
    direction = (groups.get("dir") or "").lower()
    sign = 1 if direction in ("later", "after") else -1
    return reference + timedelta(days=sign * n)


def _deictic(word: str, reference: date | None) -> date | None:
    if reference is None:
        return None
    word = word.lower()
    # "struck two boats overnight" in a story filed in the morning: the night before it.
    if "yesterday" in word or "last night" in word or word == "overnight":
        return reference - timedelta(days=1)
    return reference


def find_dates(
    text: str,
    offset: int,
    reference: date | None,
    year_reference: date | None = None,
    context_date: date | None = None,
) -> list[DateMention]:
    """All date mentions in ``text`` (a sentence starting at ``offset`` in the article).

    ``reference`` is the publication date; ``year_reference``, when there is none, the latest
    day the article's year-less dates may take (see :mod:`.undated`); ``context_date`` the date of
    the strike the surrounding text is about, used for anchored expressions when the sentence has no
    announcement date of its own.
    """
    found: list[tuple[int, int, str, dict[str, str | None]]] = []
    taken = ClaimedSpans(len(text))
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            groups = match.groupdict()
            if (
                kind in ("month_day", "month")
                and groups["month"].lower() in ("may", "march")
                and groups["month"][0].islower()
            ):
                continue  # the verbs "may" and "march"
            found.append((start, end, kind, groups))
            taken.claim(start, end)
    found.sort()
    quotes = _quote_spans(text)
    mentions: list[DateMention] = []
    for start, end, kind, groups in found:
        lead = groups.get("lead") or ""
        role = _role(text, start, end, kind, lead)
        value, low, high, precision = _resolve_simple(kind, groups, reference, year_reference)
        in_quote = any(s <= start < e for s, e in quotes)
        names_strike = role in ("event", "announcement") and bool(
            _NAMES_STRIKE_AFTER.match(text[end : end + 40])
        )
        if names_strike:
            role = "event"  # "said the Feb. 3 strike killed five": the strike's day, whatever comes before it
        mentions.append(
            DateMention(
                offset + start,
                offset + end,
                text[start:end],
                kind,
                value,
                low,
                high,
                precision,
                role,
                in_quote,
                names_strike,
            )
        )
    # Second pass: expressions whose anchor is another date of the same sentence.
    announced = next((m.value for m in mentions if m.role == "announcement" and m.value), None)
    resolved: list[DateMention] = []
    for mention, (_, _, kind, groups) in zip(mentions, found):
        if kind == "anchored":
            anchor = next(
                (m.value for m in reversed(resolved) if m.value and m.start < mention.start),
                announced or context_date or reference,
            )
            local_end = mention.end - offset
            if (groups.get("dir") or "").lower() in ("before", "after") or (
                groups.get("prev") or ""
            ).lower().endswith(("before", "after")):
                following = next(
                    (m for m in mentions if m.start >= mention.end and m.start - mention.end <= 4), None
                )
                if following is not None:
                    anchor = following.value  # "two days after Sept. 2"
                elif _PREPOSITION_OBJECT.match(text[local_end:]):
                    anchor = None  # "a day after the administration told Congress": another event
            value = _shift(anchor, groups)
            mention = replace(
                mention, value=value, low=value, high=value, precision="day" if value else "unknown"
            )
        elif kind == "deictic":
            anchor = reference
            if mention.in_quote:
                # A quoted post's "earlier this morning" is the post's day: the day the sentence
                # says it was posted, else the day of the strike being told, and only when neither
                # is known the article's own (which may be days later: five strikes counted twice
                # on real reporting).
                anchor = announced or context_date or reference
            value = _deictic(groups["word"], anchor)
            mention = replace(
                mention, value=value, low=value, high=value, precision="day" if value else "unknown"
            )
        resolved.append(mention)
    return resolved
