"""The Spanish ``attribution`` component: who announced a strike, and who disputes the account,
under the same speaker names as the English one (``attribution.Attribution``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..attribution import Attribution

_I = re.IGNORECASE
_GAP = r"(?:[^.;\"“”«»]{0,70}?)"
ANNOUNCE_VERB = (
    r"(?:anunci[óo]|anunciaron|anuncia|ha\s+anunciado|inform[óo]|informaron|informa|ha\s+informado|dijo|"
    r"confirm[óo]|ha\s+confirmado|public[óo]|escribi[óo]|difundi[óo]|divulg[óo]|revel[óo]|indic[óo]|"
    r"señal[óo]|asegur[óo]|afirm[óo]|declar[óo]|comunic[óo]|detall[óo]|precis[óo]|reivindic[óo]|"
    r"dio\s+a\s+conocer|compartió)"
)
DISPUTE_VERB = (
    r"(?:neg(?:ó|o|aron)|niegan?|rechaz(?:ó|o|aron)|rechazan?|conden(?:ó|o|aron)|condenan?|"
    r"denunci(?:ó|o|aron)|denuncian?|cuestion(?:ó|o|aron)|cuestionan?|desminti(?:ó|o|eron)|"
    r"calific(?:ó|o|aron)\s+(?:de|como)|acus(?:ó|o|aron)|exigi(?:ó|o|eron)|"
    r"(?:asegur(?:ó|o|aron|an?)|dijo|dijeron|dicen|afirm(?:ó|o|aron|an?)|sostien(?:e|en)|sostuv(?:o|ieron)|"
    r"insist(?:e|en|ió|ieron))\s+que\s+(?:\w+\s+){0,3}?(?:eran|era|son)\s+(?:\w+\s+)?(?:pescadores|"
    r"civiles|inocentes|trabajadores))"
)
OFFICIAL_SPEAKERS = {
    "Hegseth": r"(?:Pete\s+)?Hegseth|(?:el\s+)?(?:secretario|jefe)\s+(?:de\s+(?:Guerra|Defensa)|"
        r"del\s+Pent[áa]gono)",
    "SOUTHCOM": r"(?:el\s+)?Comando\s+Sur(?:\s+de\s+(?:los\s+)?(?:Estados\s+Unidos|EE\.?\s*UU\.?))?|SOUTHCOM|"
    r"(?:la\s+)?(?:Fuerza\s+de\s+Tarea\s+Conjunta|Operación)\s+Lanza\s+del\s+Sur",
    "Trump": r"(?:el\s+)?(?:presidente\s+)?(?:Donald\s+)?Trump|Truth\s+Social",
    "Pentagon": r"(?:el\s+)?Pent[áa]gono|(?:el\s+)?Departamento\s+de\s+(?:Guerra|Defensa)",
    "White House": r"(?:la\s+)?Casa\s+Blanca",
    "Rubio": r"(?:Marco\s+)?Rubio",
}
DISPUTING_SPEAKERS = {
    "Petro (Colombia)": r"(?:Gustavo\s+)?Petro|(?:el\s+)?Gobierno\s+(?:de\s+Colombia|colombiano)",
    "Venezuelan government": r"Maduro|(?:el\s+)?Gobierno\s+(?:de\s+Venezuela|venezolano)|Caracas|"
    r"(?:el\s+)?canciller\s+venezolano|Diosdado\s+Cabello",
    "families": r"(?:los\s+)?(?:familiares|familias|la\s+familia|madres?|padres?|esposas?|hermanos?|viudas?)",
    "lawmakers": r"legisladores|congresistas|senadores?|(?:los\s+)?dem[óo]cratas",
    "UN experts": r"(?:la\s+)?ONU|Naciones\s+Unidas|expertos\s+de\s+la\s+ONU|relatores?",
    "rights groups": r"Amnist[íi]a\s+Internacional|Human\s+Rights\s+Watch|"
        r"organizaciones\s+de\s+derechos\s+humanos",
    "Trinidad and Tobago": r"(?:el\s+)?Gobierno\s+de\s+Trinidad(?:\s+y\s+Tobago)?",
    "Mexican government": r"Sheinbaum|(?:el\s+)?Gobierno\s+(?:de\s+México|mexicano)",
}
NO_EVIDENCE = re.compile(
    r"\bsin\s+(?:presentar|aportar|ofrecer|mostrar|dar)\s+(?:ninguna\s+)?(?:pruebas?|"
    r"evidencias?)|\bno\s+(?:present[óo]|aport[óo]|ofreci[óo]|mostr[óo])\s+pruebas",
    _I,
)
VIDEO_RELEASED = re.compile(
    r"\b(?:difundi[óo]|public[óo]|compartió|divulg[óo])\s+(?:un\s+|el\s+)?(?:\w+\s+)?"
    r"(?:v[íi]deo|grabaci[óo]n|imágenes)|\b(?:v[íi]deo|grabaci[óo]n)\s+(?:muestra|mostraba)",
    _I,
)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    patterns = []
    for name, speaker in OFFICIAL_SPEAKERS.items():
        patterns.append(
            (
                name,
                "announces",
                re.compile(
                    rf"(?P<who>\b(?:{speaker})){_GAP}\b{ANNOUNCE_VERB}\b"
                    rf"|\b{ANNOUNCE_VERB}\s+(?:este\s+\w+\s+|hoy\s+|"
                    rf"ayer\s+)?(?:por\s+)?(?P<who2>(?:{speaker}))\b"
                    rf"|\b(?:seg[úu]n|de\s+acuerdo\s+con|en\s+un\s+(?:mensaje|comunicado|video|"
                    rf"v[íi]deo)\s+(?:de|del))\s+"
                    rf"(?:el\s+|la\s+)?(?P<who3>(?:{speaker}))\b",
                    _I,
                ),
            )
        )
    for name, speaker in DISPUTING_SPEAKERS.items():
        patterns.append(
            (name, "disputes", re.compile(rf"(?P<who>\b(?:{speaker})){_GAP}\b{DISPUTE_VERB}", _I))
        )
    return patterns


def find_attributions(sentence: str) -> list[Attribution]:
    """Announcements and disputes in a Spanish sentence, in reading order."""
    evidence = (
        "no_evidence_provided"
        if NO_EVIDENCE.search(sentence)
        else ("video_released" if VIDEO_RELEASED.search(sentence) else "")
    )
    found = []
    for name, stance, pattern in _patterns():
        for match in pattern.finditer(sentence):
            group = next(g for g in ("who", "who2", "who3") if match.groupdict().get(g))
            found.append(Attribution(name, stance, *match.span(group), evidence))
    found.sort(key=lambda a: a.start)
    return found
