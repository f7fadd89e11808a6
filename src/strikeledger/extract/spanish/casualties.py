"""The Spanish ``casualties`` component: people killed, survivors, people aboard, missing, wounded,
vessels and strikes in one sentence, as the English one gives them (``casualties.Figure``)."""

from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from ..casualties import EXTRACTOR, Figure
from ..spans import ClaimedSpans
from .words import (
    DEAD_NOUN,
    DEATH_WORD,
    KILL_VERB,
    MONTH_NAME,
    NUMBER,
    PERSON_NOUN,
    QUALIFIER,
    QUALIFIER_CODES,
    SPECIAL_NUMBERS,
    US_FORCES,
    VESSEL_NOUN,
)

_I = re.IGNORECASE
_QN = rf"\b(?P<qual>{QUALIFIER})?(?P<n>{NUMBER})"
# Words that may stand between a number and its noun ("seis presuntos narcoterroristas").
_ADJ = r"(?:(?:presuntos?|supuestos?|presuntas?|supuestas?|hombres|varones|j[óo]venes)\s+)?"
_ABOARD = (
    r"(?:\s+(?:a\s+bordo|que\s+(?:iban|viajaban|se\s+encontraban|estaban)\s+a\s+bordo)"
    r"(?:\s+de\s+(?:la|el|una|un|esa|esta)\s+(?:\w+\s+){0,2}?(?:embarcaci[óo]n|lancha|nave|barco|bote))?)?"
)
_AFTER_N = (
    r"(?!\s*(?:de\s+(?:septiembre|octubre|noviembre|diciembre|enero|febrero|marzo)|ataques|%|por\s+ciento))"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "mató a tres personas", "matando a seis narcoterroristas", "abatió a 11"
    ("killed", re.compile(rf"\b{KILL_VERB}\s+(?:a\s+)?{_QN}\b{_AFTER_N}(?:\s+{_ADJ}{PERSON_NOUN}\b)?", _I)),
    # "murieron seis personas", "han muerto seis personas", "murieron sus cuatro ocupantes"
    (
        "killed",
        re.compile(
            rf"\b{DEATH_WORD}\s+(?:(?:en|durante|tras)\s+\w+\s+\w+\s+)?{_QN}\s+{_ADJ}"
            rf"{PERSON_NOUN}\b",
            _I,
        ),
    ),
    # "tres personas murieron", "los seis tripulantes fueron abatidos", "cuatro hombres a bordo murieron"
    (
        "killed",
        re.compile(
            rf"{_QN}\s+{_ADJ}{PERSON_NOUN}{_ABOARD}(?:\s*,[^,.;]{{0,60}},)?\s+(?:que\s+)?"
            rf"(?:(?:ya|también|todos|todas)\s+)?{DEATH_WORD}",
            _I,
        ),
    ),
    # "seis muertos", "con saldo de tres fallecidos", "11 narcoterroristas abatidos"
    ("killed", re.compile(rf"{_QN}\s+(?:{_ADJ}{PERSON_NOUN}\s+)?{DEAD_NOUN}\b", _I)),
    # "dejó tres muertos", "deja seis víctimas"
    ("killed", re.compile(rf"\bdej(?:ó|a|ando|aron)\s+{_QN}\s+(?:{DEAD_NOUN}|v[íi]ctimas)\b", _I)),
    # "la muerte de tres personas", "las muertes de seis"
    ("killed", re.compile(rf"\b(?:la\s+muerte|las\s+muertes)\s+de\s+{_QN}\b{_AFTER_N}", _I)),
    # "Ambos terroristas murieron", "los dos murieron"
    ("killed", re.compile(rf"\b(?P<n>ambos|ambas)\s+(?:{PERSON_NOUN}\s+)?{DEATH_WORD}", _I)),
    # "los seis murieron", "todos los tres murieron"
    ("killed", re.compile(rf"\b(?:los|las|sus)\s+(?P<n>{NUMBER})\s+{DEATH_WORD}", _I)),
    # survivors
    (
        "survivors",
        re.compile(
            rf"{_QN}\s+(?:{PERSON_NOUN}\s+)?(?:sobrevivientes|supervivientes|"
            rf"sobreviviente|superviviente|sobrevivieron|sobrevivi[óo])\b",
            _I,
        ),
    ),
    ("survivors", re.compile(rf"\b(?:sobrevivieron|sobrevivi[óo])\s+{_QN}\b", _I)),
    (
        "survivors",
        re.compile(
            r"\b(?P<n>no\s+hubo|sin|ningún|ningun|ningún\s+otro)\s+(?:sobrevivientes?|"
            r"supervivientes?)\b",
            _I,
        ),
    ),
    (
        "survivors",
        re.compile(r"\b(?P<n>un|una|el\s+único|la\s+única)\s+(?:sobreviviente|superviviente)\b", _I),
    ),
    (
        "survivors",
        re.compile(
            r"\b(?P<n>ningun[oa])\s+de\s+(?:los|sus)\s+(?:\w+\s+)?(?:ocupantes|tripulantes|"
            r"personas|integrantes)\s+(?:ha\s+|había\s+)?sobrevivi[óo]",
            _I,
        ),
    ),
    # rescued: survivors too ("dos rescatados por la Armada")
    (
        "survivors",
        re.compile(rf"{_QN}\s+(?:{PERSON_NOUN}\s+)?(?:fueron\s+)?(?:rescatad[oa]s|con\s+vida)\b", _I),
    ),
    (
        "missing",
        re.compile(
            rf"{_QN}\s+(?:{PERSON_NOUN}\s+)?(?:(?:siguen|continúan|permanecen|están)\s+)?"
            rf"desaparecid[oa]s\b",
            _I,
        ),
    ),
    (
        "wounded",
        re.compile(rf"{_QN}\s+(?:{PERSON_NOUN}\s+)?(?:(?:resultaron|quedaron)\s+)?herid[oa]s\b", _I),
    ),
    # people aboard, not necessarily killed
    (
        "aboard",
        re.compile(
            rf"\b(?:con|llevaba|transportaba|trasladaba|tripulada\s+por)\s+{_QN}\s+{_ADJ}"
            rf"{PERSON_NOUN}(?:\s+a\s+bordo)?\b",
            _I,
        ),
    ),
    (
        "vessels",
        re.compile(rf"{_QN}\s+(?:(?:pequeñas?|supuestas?|presuntas?|rápidas?)\s+)?{VESSEL_NOUN}\b", _I),
    ),
    (
        "vessels",
        re.compile(
            r"\b(?P<n>una|un|la|el)\s+(?:(?:pequeña|supuesta|presunta|rápida)\s+)?(?:lancha|"
            r"narcolancha|embarcaci[óo]n|barco|bote|buque|semisumergible|nave)\b",
            _I,
        ),
    ),
    (
        "vessels",
        re.compile(rf"\b(?P<n>otra|otro)\s+(?:(?:pequeña|supuesta|presunta)\s+)?{VESSEL_NOUN}\b", _I),
    ),
]

_ZERO = {"no hubo", "sin", "ningún", "ningun", "ninguno", "ninguna", "ningún otro"}
_ONE = {"un", "una", "uno", "el único", "la única", "otra", "otro", "la", "el"}

# "murieron dos supervivientes" / "los dos sobrevivientes fueron asesinados": survivors a
# follow-on killed are a partial toll.
_THEN_KILLED = re.compile(
    r"^[^.;]{0,80}?\b(?:(?:fueron|resultaron)\s+(?:luego\s+|después\s+)?(?:asesinad|rematad|abatid|muert)|"
    r"murieron|mat[óo]|matar|asesinad|rematad|abatid)",
    _I,
)
_KILLED_BEFORE = re.compile(rf"\b(?:{KILL_VERB}|rematar|matar|asesinar)\s+(?:a\s+)?(?:los\s+)?$", _I)


@lru_cache(maxsize=4096)
def to_int(surface: str) -> int | None:
    """The value of a Spanish number in digits or words; None when it is not one."""
    text = " ".join(surface.lower().split())
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+|\d+", text):
        return int(re.sub(r"\D", "", text))
    if text in SPECIAL_NUMBERS:
        return SPECIAL_NUMBERS[text]
    text = text.replace("veintiún", "veintiuno").replace("dós", "dos").replace("trés", "tres")
    try:
        return int(text2num(text, "es"))
    except (ValueError, TypeError):
        return None


def qualifier_code(surface: str | None) -> str:
    """The code of a Spanish qualifier ("al menos" -> "at_least"); "" for none or for an article."""
    return QUALIFIER_CODES.get(" ".join((surface or "").lower().split()), "")


def _value(number: str) -> int | None:
    text = " ".join(number.lower().split())
    if text in _ZERO:
        return 0
    if text in _ONE:
        return 1
    if text in ("ambos", "ambas"):
        return 2
    return to_int(text)


def find_figures(sentence: str) -> list[Figure]:
    """Every casualty and vessel figure in one Spanish sentence, in reading order."""
    figures: list[Figure] = []
    taken = ClaimedSpans(len(sentence))
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            n_start, n_end = match.span("n")
            if taken.overlaps(n_start, n_end) or re.match(rf"\s+de\s+{MONTH_NAME}", sentence[n_end:], _I):
                continue  # "<día> de <mes>" is a date, not a count
            value = _value(match["n"])
            if value is None:
                continue
            start, end = match.span()
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
                kind = "killed_partial"
            taken.claim(n_start, n_end)
            figures.append(
                Figure(kind, value, qualifier_code(match.groupdict().get("qual")), start, end, n_start)
            )
    figures.sort(key=lambda f: f.number_start)
    return figures


STRIKE_COUNT = re.compile(
    rf"{_QN}\s+(?:(?:nuevos|distintos|diferentes|sucesivos|letales|supuestos)\s+)?(?:ataques|bombardeos)\b",
    _I,
)
PAIRED_STRIKES = re.compile(
    r"\b(?:doble|dos)\s+(?:ataques?|bombardeos?)\s+(?:simultáneos|consecutivos)\b", _I
)


def strike_count(sentence: str) -> Figure | None:
    """ "tres ataques" in one announcement or a running total: the number of strikes named."""
    match = STRIKE_COUNT.search(sentence)
    if match is None:
        paired = PAIRED_STRIKES.search(sentence)
        return Figure("strikes", 2, "", paired.start(), paired.end(), paired.start()) if paired else None
    value = to_int(match["n"])
    if value is None:
        return None
    return Figure(
        "strikes", value, qualifier_code(match["qual"]), match.start(), match.end(), match.start("n")
    )


__all__ = ["EXTRACTOR", "find_figures", "strike_count", "to_int", "qualifier_code"]
