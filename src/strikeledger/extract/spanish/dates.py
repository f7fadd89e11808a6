"""The Spanish ``dates`` component: date expressions in a sentence, resolved against the
publication date, as the English one gives them (``dates.DateMention``, same kinds and roles).

"el martes", "este lunes", "el pasado <día> de <mes>", "el lunes <día> de <mes>", "anoche",
"ayer", "esta mañana", "hace una semana", "hace tres días", "dos días después", "en octubre",
"desde septiembre". A date after "anunció", "informó", "dijo" is the day it was said; one after
"desde" starts a count; one right after a strike noun ("el ataque del <día> de <mes>") names
the strike.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..calendar import last_weekday, month_window, week_window, year_for
from ..dates import EXTRACTOR, DateMention
from ..spans import ClaimedSpans
from ..undated import campaign_day
from .casualties import to_int
from .words import MONTH_NAME, MONTHS, WEEKDAY_NAME, WEEKDAYS

_I = re.IGNORECASE
_SMALL = r"(?:un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d{1,2})"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>20\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b")),
    (
        "month_day",
        re.compile(
            rf"\b(?P<lead>(?:el\s+)?(?:pasado\s+)?)(?:{WEEKDAY_NAME}\s*,?\s+)?(?P<day>[0-3]?\d|1\.?º|"
            rf"primero)\s+de\s+"
            rf"(?P<month>{MONTH_NAME})\b(?:\s+(?:de|del)\s+(?P<year>20\d\d))?",
            _I,
        ),
    ),
    (
        "month",
        re.compile(
            rf"\b(?P<lead>en|desde|durante|hasta|a\s+(?:principios|comienzos|inicios|mediados|finales)\s+de|"
            rf"(?:principios|comienzos|inicios|mediados|finales)\s+de)\s+(?P<month>{MONTH_NAME})\b"
            rf"(?:\s+(?:de|del)\s+(?P<year>20\d\d))?",
            _I,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?P<lead>(?:el|este|esta|la\s+noche\s+del|la\s+madrugada\s+del|la\s+noche\s+de\s+este|"
            rf"la\s+madrugada\s+de\s+este|el\s+pasado|este\s+pasado)\s+)(?P<weekday>{WEEKDAY_NAME})"
            rf"(?P<after>\s+pasado)?\b",
            _I,
        ),
    ),
    (
        "anchored",
        re.compile(
            rf"\b(?P<n>{_SMALL})\s+d[íi]as?\s+(?P<dir>antes|despu[ée]s|m[áa]s\s+tarde)\b"
            rf"|\bhace\s+(?P<ago>{_SMALL})\s+d[íi]as?\b"
            # "a dos días del ataque": that many days after the strike
            rf"|\ba\s+(?P<ago2>{_SMALL})\s+d[íi]as\s+(?=del\b|de\s+(?:los|el|la)\b)"
            r"|\b(?P<prev>al\s+d[íi]a\s+siguiente|el\s+d[íi]a\s+anterior|la\s+v[íi]spera)\b"
            r"|\b(?P<same>ese\s+mismo\s+d[íi]a|el\s+mismo\s+d[íi]a|ese\s+d[íi]a)\b",
            _I,
        ),
    ),
    (
        "deictic",
        re.compile(
            r"\b(?P<word>hoy|esta\s+mañana|esta\s+madrugada|esta\s+tarde|esta\s+noche|este\s+d[íi]a|"
            r"anteayer|antier|ayer|anoche|la\s+noche\s+del\s+(?:domingo|lunes)\s+al\s+\w+)\b",
            _I,
        ),
    ),
    (
        "week",
        re.compile(
            r"\b(?P<word>la\s+semana\s+pasada|esta\s+semana|la\s+semana\s+anterior|el\s+fin\s+de\s+semana"
            r"(?:\s+pasado)?|este\s+fin\s+de\s+semana)\b",
            _I,
        ),
    ),
    ("weeks_ago", re.compile(rf"\bhace\s+(?P<n>{_SMALL})\s+semanas?\b", _I)),
    (
        "month_relative",
        re.compile(r"\b(?P<word>el\s+mes\s+pasado|este\s+mes|a\s+principios\s+de\s+mes)\b", _I),
    ),
]

# Words before a date that make it the day something was said rather than done.
_ANNOUNCE_BEFORE = re.compile(
    r"\b(?:anunci\w*|inform\w*|dijo|declar\w*|public\w*|confirm\w*|indic\w*|señal\w*|asegur\w*|afirm\w*|"
    r"escribi\w*|difundi\w*|divulg\w*|report\w*|comunic\w*|detall\w*|precis\w*|explic\w*|revel\w*|"
    r"dio\s+a\s+conocer|mensaje|publicaci[óo]n|comunicado|video|v[íi]deo|conferencia|anuncio|"
    r"declaraciones|rueda\s+de\s+prensa)\b"
    # between the verb and the date only function words and names ("informó el Pentágono el martes")
    r"(?:\s*,?\s+(?:el|la|los|las|este|esta|en|un|una|su|sus|por|del|de|a|X|redes|sociales|"
    r"[A-ZÁÉÍÓÚ][\w.]*)){0,5}"
    r"\s*,?\s*$",
)
# "Este pasado domingo, Hegseth comunicaba ...": a subject of a few words, then the verb of saying
_ANNOUNCE_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:el|la|los|[A-ZÁÉÍÓÚ][\w.]*)\s+){0,4}?(?:anunci|inform|comunic|señal|indic|confirm|"
    r"public|difund|divulg|report)\w*\b|^\s*,?\s*dijo\b",
)
_NAMES_STRIKE_BEFORE = re.compile(
    r"\b(?:ataques?|bombardeos?|golpes?|operativos?)\s+(?:\w+\s+){0,2}?(?:del|(?:ocurrid|realizad|perpetrad|"
    r"registrad)[oa]s?(?:\s+el)?|llevad[oa]s?\s+a\s+cabo(?:\s+el)?)\s*$",
    _I,
)
# "un bombardeo previo, ocurrido el <día> de <mes>": the day of another, earlier strike
_EARLIER_STRIKE_BEFORE = re.compile(
    r"\b(?:ataques?|bombardeos?|golpes?)\s+(?:previos?|anteriores?)\s*,?\s*(?:\w+\s+){0,2}?"
    r"(?:del|de|el|(?:ocurrid|realizad)[oa]s?(?:\s+el)?)\s*$",
    _I,
)
# "el debate sobre la legalidad de un segundo bombardeo ..., el pasado <día> de <mes>": the day of
# the strike under debate or inquiry, not of the one the sentence reports
_DEBATED_STRIKE_BEFORE = re.compile(
    r"\b(?:legalidad|investigaci[óo]n|debate|pesquisa|escrutinio|indagatoria|audiencias?|pol[ée]mica)\b"
    r"[^.;]{0,30}?\b(?:sobre|de|por|acerca\s+de|en\s+torno\s+a)\b[^.;]{0,150}?\b(?:ataques?|bombardeos?)\b"
    r"[^.;]*$",
    _I,
)
_LAST_WEEK_BEFORE = re.compile(r"\bsemana\s+(?:pasada|anterior)\s*,?\s*$", _I)
_SINCE_BEFORE = re.compile(r"\b(?:desde|entre)\s+(?:el\s+)?$|\bdesde\s+que\s+[^.;]{0,40}$", _I)


def _role(text: str, start: int, end: int, lead: str) -> tuple[str, bool]:
    before = text[max(0, start - 70) : start]
    debated = _DEBATED_STRIKE_BEFORE.search(text[max(0, start - 220) : start])
    if _EARLIER_STRIKE_BEFORE.search(before) or debated:
        return "other", False  # dates no strike the sentence reports
    if _NAMES_STRIKE_BEFORE.search(before):
        return "event", True
    if lead.strip().lower() == "desde" or _SINCE_BEFORE.search(before):
        return "since", False
    if _ANNOUNCE_BEFORE.search(before) or _ANNOUNCE_AFTER.match(text[end : end + 60]):
        return "announcement", False
    return "event", False


def _day(value: date | None):
    return (value, value, value, "day") if value else (None, None, None, "unknown")


def _count(word: str | None) -> int:
    word = (word or "un").lower()
    return to_int(word) or 1


def _resolve(kind: str, groups: dict, reference: date | None, year_reference: date | None):
    if kind == "iso":
        try:
            return _day(date(int(groups["year"]), int(groups["mon"]), int(groups["day"])))
        except ValueError:
            return _day(None)
    if kind == "month_day":
        month = MONTHS[groups["month"].lower()]
        day_text = groups["day"].lower()
        day = 1 if not day_text[0].isdigit() else int(re.sub(r"\D", "", day_text))
        if groups.get("year"):
            try:
                return _day(date(int(groups["year"]), month, day))
            except ValueError:
                return _day(None)
        if reference is not None:
            return _day(year_for(month, day, reference))
        if year_reference is not None:
            return _day(campaign_day(month, day, year_reference))
        return _day(None)
    if kind == "month":
        month = MONTHS[groups["month"].lower()]
        known = reference or year_reference
        if groups.get("year"):
            year = int(groups["year"])
        elif known is not None:
            year = known.year if month <= known.month else known.year - 1
        else:
            return None, None, None, "unknown"
        low, high = month_window(year, month)
        if reference is not None and high > reference:
            high = max(low, reference)
        return None, low, high, "month"
    if reference is None:
        return None, None, None, "unknown"
    if kind == "weekday":
        lead = " ".join((groups.get("lead") or "").lower().split())
        strictly = "pasado" in lead or bool(groups.get("after"))
        weekday = WEEKDAYS[groups["weekday"].lower()]
        if groups.get("last_week"):  # "a principios de la semana pasada, el lunes": that week's Monday
            low, _ = week_window(reference, 1)
            return _day(low + timedelta(days=weekday))
        return _day(last_weekday(weekday, reference, strictly_before=strictly))
    if kind == "week":
        word = " ".join(groups["word"].lower().split())
        if "fin de semana" in word:
            saturday = last_weekday(5, reference, strictly_before="pasado" in word)
            return None, saturday, min(saturday + timedelta(days=1), reference), "week"
        if word == "esta semana":
            low, _ = week_window(reference, 0)
            return None, low, reference, "week"
        low, high = week_window(reference, 1)
        return None, low, high, "week"
    if kind == "weeks_ago":
        centre = reference - timedelta(weeks=_count(groups["n"]))
        return None, centre - timedelta(days=3), centre + timedelta(days=3), "week"
    if kind == "month_relative":
        if "este mes" in groups["word"].lower() or "principios" in groups["word"].lower():
            return None, reference.replace(day=1), reference, "month"
        first = reference.replace(day=1) - timedelta(days=1)
        low, high = month_window(first.year, first.month)
        return None, low, high, "month"
    return None, None, None, "unknown"


def _deictic(word: str, reference: date | None) -> date | None:
    if reference is None:
        return None
    word = word.lower()
    if word in ("anteayer", "antier"):
        return reference - timedelta(days=2)
    if word in ("ayer", "anoche") or word.startswith("la noche del"):
        return reference - timedelta(days=1)
    return reference


def _shift(anchor: date | None, groups: dict) -> date | None:
    if anchor is None:
        return None
    if groups.get("same"):
        return anchor
    if groups.get("prev"):
        return anchor + timedelta(days=1 if "siguiente" in groups["prev"].lower() else -1)
    if groups.get("ago"):
        return anchor - timedelta(days=_count(groups["ago"]))
    sign = -1 if (groups.get("dir") or "").lower().startswith("antes") else 1
    return anchor + timedelta(days=sign * _count(groups.get("n")))


def find_dates(
    text: str,
    offset: int,
    reference: date | None,
    year_reference: date | None = None,
    context_date: date | None = None,
) -> list[DateMention]:
    """All date mentions in the Spanish ``text`` (a sentence at ``offset`` in the article); the
    arguments are those of the English ``dates.find_dates``."""
    taken = ClaimedSpans(len(text))
    found = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if taken.overlaps(start, end):
                continue
            groups = match.groupdict()
            if kind == "weekday" and _LAST_WEEK_BEFORE.search(text[max(0, start - 50) : start]):
                groups["last_week"] = "1"
            found.append((start, end, kind, groups))
            taken.claim(start, end)
    found.sort(key=lambda item: item[0])
    quotes = [m.span() for m in re.finditer(r"[“«\"][^”»\"]*[”»\"]?", text)]
    mentions: list[DateMention] = []
    for start, end, kind, groups in found:
        role, names_strike = _role(text, start, end, groups.get("lead") or "")
        if kind == "anchored" and groups.get("ago2"):
            groups = {**groups, "ago": groups["ago2"]}
        if kind == "anchored" and groups.get("ago"):
            anchor = reference
        elif kind == "anchored" and re.match(r"\s+de\s+que\b", text[end:]):
            # "ocurrió dos días después de que el ejército reportara otros tres ataques": the
            # strikes of the clause that follows lie that many days before the one being told
            groups = {**groups, "dir": "antes"}
            anchor = context_date or reference
        elif kind == "anchored":
            anchor = next((m.value for m in reversed(mentions) if m.value), context_date or reference)
        elif kind == "deictic":
            in_quote = any(s <= start < e for s, e in quotes)
            announced = next((m.value for m in mentions if m.role == "announcement" and m.value), None)
            anchor = (announced or context_date or reference) if in_quote else reference
            if in_quote and not announced and context_date and groups["word"].lower() in ("ayer", "anoche"):
                # a quoted post's "ayer" when the strike told is already dated: the post, a day
                # later, speaks of that strike (the real-text set: "“Ayer, ... un ataque letal”")
                groups = {**groups, "word": "hoy"}
        if kind in ("anchored", "deictic"):
            value = _shift(anchor, groups) if kind == "anchored" else _deictic(groups["word"], anchor)
            resolved = (value, value, value, "day") if value else (None, None, None, "unknown")
        else:
            resolved = _resolve(kind, groups, reference, year_reference)
        mentions.append(
            DateMention(
                offset + start,
                offset + end,
                text[start:end],
                kind,
                *resolved,
                role,
                any(s <= start < e for s, e in quotes),
                names_strike,
            )
        )
    return mentions


__all__ = ["EXTRACTOR", "find_dates"]
