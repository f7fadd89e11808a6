"""Spanish word lists and patterns: the names the shared assembly reads (``language.WORD_NAMES``)
and the vocabulary of the Spanish components.

Written against the Spanish sample corpus (``examples/corpus-es``, scored by ``make eval``) and
tuned on the dev part of the real-text set (``bench/realworld``, ``--language es``).
"""

from __future__ import annotations

import re

from ...records import CAMPAIGN_START

_I = re.IGNORECASE

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("enero", "ene"),
            ("febrero", "feb"),
            ("marzo", "mar"),
            ("abril", "abr"),
            ("mayo", "may"),
            ("junio", "jun"),
            ("julio", "jul"),
            ("agosto", "ago"),
            ("septiembre", "setiembre", "sept", "sep"),
            ("octubre", "oct"),
            ("noviembre", "nov"),
            ("diciembre", "dic"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    "lunes": 0,
    "martes": 1,
    "miércoles": 2,
    "miercoles": 2,
    "jueves": 3,
    "viernes": 4,
    "sábado": 5,
    "sabado": 5,
    "domingo": 6,
}
MONTH_NAME = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
)
WEEKDAY_NAME = r"(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)"

# Numbers in words as counts of people and boats appear; "veintiún" before "veinte".
NUMBER_WORDS = (
    r"(?:(?:cien|ciento(?:\s+\w+){1,3}?)(?=\W)"
    r"|(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:\s+y\s+(?:un[oa]?|dos|tres|cuatro|"
    r"cinco|seis|siete|ocho|nueve))?"
    r"|veinti(?:ún|un[oa]?|dós|dos|trés|tres|cuatro|cinco|séis|seis|siete|ocho|nueve)|veinte"
    r"|dieci(?:séis|seis|siete|ocho|nueve)|diez|once|doce|trece|catorce|quince"
    r"|cero|un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
    r"|media\s+docena|una\s+docena|una\s+decena|una\s+veintena|una\s+treintena|una\s+cuarentena)"
)
NUMBER = rf"(?:\d{{1,3}}(?:[.,]\d{{3}})+|\d+|{NUMBER_WORDS})"
QUALIFIER = (
    r"(?:(?:al\s+menos|por\s+lo\s+menos|como\s+m[ií]nimo|m[áa]s\s+de|unos|unas|cerca\s+de|alrededor\s+de|"
    r"casi|hasta|aproximadamente|un\s+total\s+de|sus|los|las|todos\s+los|todas\s+las|otros|otras|"
    r"otros\s+dos|los\s+otros|las\s+otras)\s+)"
)
QUALIFIER_CODES = {
    "al menos": "at_least",
    "por lo menos": "at_least",
    "como mínimo": "at_least",
    "como minimo": "at_least",
    "más de": "more_than",
    "mas de": "more_than",
    "unos": "about",
    "unas": "about",
    "cerca de": "about",
    "alrededor de": "about",
    "casi": "about",
    "aproximadamente": "about",
    "hasta": "at_most",
}
SPECIAL_NUMBERS = {
    "una docena": 12,
    "media docena": 6,
    "una decena": 10,
    "una veintena": 20,
    "una treintena": 30,
    "una cuarentena": 40,
    "un": 1,
    "una": 1,
    "uno": 1,
}

PERSON_NOUN = (
    r"(?:personas?|hombres?|mujeres?|tripulantes?|ocupantes?|narcoterroristas?|narco-terroristas?|"
    r"narcotraficantes?|terroristas?|traficantes?|sospechosos?|pescadores?|individuos?|miembros?|varones?|"
    r"civiles|marineros?|víctimas?|venezolanos?|colombianos?|ecuatorianos?|trinitenses|mexicanos?|"
    r"integrantes|presuntos\s+narcotraficantes|supuestos\s+narcotraficantes|tripulación)"
)
VESSEL_NOUN = (
    r"(?:lanchas?|narcolanchas?|narco-?lanchas?|embarcaci[oó]n(?:es)?|barcos?|botes?|buques?|navíos?|naves?|"
    r"semisumergibles?|sumergibles?|narcosubmarinos?|pesqueros?|barcazas?|lanchas\s+rápidas)"
)
VESSEL_WORD = re.compile(rf"\b{VESSEL_NOUN}\b", _I)
DEATH_WORD = (
    r"(?:murieron|muri[óo]|han\s+muerto|habían\s+muerto|fallecieron|falleci[óo]|perdieron\s+la\s+vida|"
    r"perdi[óo]\s+la\s+vida|(?:fueron|resultaron|quedaron|(?:han|habían|habrían|hubieran)\s+sido|serían)"
    r"\s+(?:abatid[oa]s|"
    r"muert[oa]s|asesinad[oa]s|eliminad[oa]s|ejecutad[oa]s)|murieron\s+todos)"
)
DEAD_NOUN = r"(?:muert[oa]s|fallecid[oa]s|abatid[oa]s|v[íi]ctimas\s+mortales|asesinad[oa]s|cad[áa]veres)"
KILL_VERB = (
    r"(?:mat[óo]|mataron|matando|matar\s+a|asesin[óo]|asesinaron|abati[óo]|abatieron|abatiendo|"
    r"elimin[óo]|eliminaron|eliminando|ejecut[óo]|ejecutaron)"
)
US_FORCES = re.compile(
    r"\b(?:fuerzas|militares|soldados|tropas|personal)\s+(?:estadounidenses|de\s+EE\.?\s*UU\.?)"
    r"|\bninguno\s+de\s+(?:los\s+)?(?:militares|efectivos)",
    _I,
)

# Strike words (the Spanish pipeline has no lemmatiser: the forms are listed).
STRIKE_WORD = re.compile(
    r"(?<!grupo\sde\s)\b(?:ataques?(?!\s+de\s+(?:portaaviones|combate))|atac[óo]|atacaron|bombardeos?|"
    r"bombarde[óo]|bombardearon|golpes?(?!\s+de\s+estado)|"
    r"destruy[óo]|destruyeron|hundi[óo]|hundieron|hundimientos?|impact[óo]|ofensiva|operaci[óo]n\s+letal|"
    r"ataque\s+cin[ée]tico|abati[óo]|abatieron|mat[óo]|mataron|asesin[óo]|eliminaron|elimin[óo]|"
    r"disparos?|dispar[óo]|neutraliz[óo]|interceptaron|voló|volaron|destrucci[óo]n)\b",
    _I,
)
PLURAL_STRIKE = re.compile(r"^(?:ataques|bombardeos|golpes|disparos)$", _I)
IRREALIS = re.compile(
    r"\b(?:podr[ií]an?|podr[ée]|podemos|puede[n]?|deber[ií]an?|quiere[n]?|querr[ií]a|planea\w*|planes|"
    r"prepara\w*|amenaz\w+|advirti\w+|advierte|anticip\w+|promet\w+|próxim[oa]s?|futur[oa]s?|posibles?|"
    r"eventual(?:es)?|autoriz\w+|orden\w*\s+para|opciones|considera\w*|evalúa\w*|descart\w+|no\s+descarta|"
    r"si\s+(?:se|hay|ocurre)|en\s+caso\s+de|intención\s+de|dispuesto\s+a|nuev[oa]s\s+(?=ataques)|"
    r"m[áa]s\s+(?=ataques)|ampliar|extender|por\s+tierra|terrestres?|contin[uú]a\w*\s+con\s+los)\b",
    _I,
)
# Other eras and other theatres
HISTORICAL = re.compile(
    r"\b(?:guerra\s+(?:de|del|en)\s+(?:Vietnam|Irak|Afganist[áa]n|Corea|Panam[áa])|Guerra\s+Fr[ií]a|"
    r"invasi[óo]n\s+de\s+Panam[áa]|en\s+(?:19\d\d|200\d|201\d)\b|Ir[áa]n|Yemen|Gaza|Ucrania|Siria|"
    r"hut[íi]es|Somalia)",
    _I,
)
LAND_TARGET = re.compile(
    r"\b(?:por\s+tierra|en\s+tierra|terrestres?|en\s+territorio\s+(?:venezolano|colombiano|mexicano)|"
    r"campamentos?|laboratorios?|pistas?\s+de\s+aterrizaje|instalaciones)\b",
    _I,
)
SHORE_TARGET = re.compile(r"\b(?:muelles?|puertos?\s+de\s+carga|zona\s+de\s+atraque|astilleros?)\b", _I)
PLURAL_STRIKE_COUNT = re.compile(
    rf"\b(?P<qual>{QUALIFIER})?(?P<n>{NUMBER})\s+(?:(?:nuevos|distintos|diferentes|sucesivos|letales|"
    rf"supuestos)\s+)?(?:ataques|bombardeos|operaciones|golpes)\b",
    _I,
)
ABOUT_A_STRIKE = re.compile(
    r"\b(?:legalidad|justificaci[óo]n|investigaci[óo]n|preguntas|cr[ií]ticas?|debate|audiencia|"
    r"indignaci[óo]n|"
    r"demanda|denuncia|condena)(?:\s+\w+)?\s+(?:por|sobre|de|del|contra|ante)\s+"
    r"(?:el\s+|la\s+|un\s+|una\s+|los\s+|"
    r"las\s+|este\s+|ese\s+)?(?:[\w-]+\s+)?$",
    _I,
)

# Page furniture and running lists
DATELINE = re.compile(
    rf"^\s*(?:Publicado|Actualizado|Fecha|Última\s+actualización)\b.{{0,60}}$"
    rf"|^\s*(?:{WEEKDAY_NAME}\s*,?\s*)?\d{{1,2}}\s+(?:de\s+)?{MONTH_NAME}\s+(?:de\s+)?20\d\d\s*"
    rf"(?:[-–|,].{{0,40}})?$",
    _I,
)
WIRE_DATELINE = re.compile(
    r"^(?P<city>[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ .]{1,40}?)\s*,?\s*(?:\d{1,2}\s+\w{3,10}\.?\s*)?"
    r"\((?P<outlet>EFE|AFP|AP|Reuters|Europa\s+Press|Xinhua|Sputnik|ANSA|DPA)\)\s*[.\-–—:]*\s*"
    r"|^(?P<city2>[A-ZÁÉÍÓÚÑ]{3,}(?:\s+[A-ZÁÉÍÓÚÑ]{2,})*)\s*[.,]?\s*[-–—]\s+",
)
LIST_ITEM = re.compile(
    rf"^\W{{0,3}}(?:{WEEKDAY_NAME}\s+)?\d{{1,2}}\s+de\s+{MONTH_NAME}\b|^\W{{0,3}}{MONTH_NAME}\s+\d{{1,2}}\b",
    _I,
)
MONTH_HEADING = re.compile(rf"^\W*{MONTH_NAME}(?:\s+(?:de\s+)?20\d\d)?\W*$", _I)
MISSTATEMENT = re.compile(
    r"\b(?:una\s+versi[óo]n\s+anterior|err[óo]neamente|por\s+error)\b.{0,80}\b(?:indicaba|dec[ií]a|"
    r"afirmaba|señalaba|informaba)\b",
    _I,
)
DATES_THE_STRIKE = re.compile(
    r"\b(?:el\s+)?(?:ataque|bombardeo|golpe|operativo)\s+(?:se\s+)?(?:produjo|ocurri[óo]|tuvo\s+lugar|"
    r"se\s+realiz[óo]|fue\s+(?:realizado|ejecutado|llevado\s+a\s+cabo))\b",
    _I,
)
NEW_STRIKE = re.compile(
    # not "un segundo ataque": an ordinal numbers the campaign's strikes, as in the lede it opens
    r"\b(?:otro|un\s+nuevo)\s+(?:ataque|bombardeo|golpe)\b"
    r"|\b(?:ataque|bombardeo)\s+(?:separado|distinto|adicional)\b",
    _I,
)
FOLLOW_ON = re.compile(
    r"\b(?:segundo|nuevo|otro)\s+(?:ataque|bombardeo|disparo)\s+(?:contra\s+)?(?:la\s+misma|el\s+mismo)\b"
    r"|\b(?:doble\s+(?:ataque|bombardeo|golpe)|rematar|remat[óo]|sobrevivientes\s+del\s+primer\s+ataque)\b",
    _I,
)
ORDINAL_WORDS = {
    "primer": 1,
    "primero": 1,
    "primera": 1,
    "segundo": 2,
    "segunda": 2,
    "tercer": 3,
    "tercero": 3,
    "tercera": 3,
    "cuarto": 4,
    "cuarta": 4,
    "quinto": 5,
    "quinta": 5,
    "sexto": 6,
    "sexta": 6,
    "séptimo": 7,
    "séptima": 7,
    "octavo": 8,
    "octava": 8,
    "noveno": 9,
    "novena": 9,
    "décimo": 10,
    "décima": 10,
    "undécimo": 11,
    "duodécimo": 12,
    "decimotercer": 13,
    "decimotercero": 13,
    "decimocuarto": 14,
    "decimoquinto": 15,
    "decimosexto": 16,
    "decimoséptimo": 17,
    "decimoctavo": 18,
    "decimonoveno": 19,
    "vigésimo": 20,
    "vigésimo primer": 21,
    "vigésimo primero": 21,
    "vigésimo segundo": 22,
    "vigésimo tercer": 23,
    "vigésimo cuarto": 24,
    "vigésimo quinto": 25,
}
_ORDINAL = "|".join(sorted((re.escape(w) for w in ORDINAL_WORDS), key=len, reverse=True))
CAMPAIGN_ORDINAL = re.compile(
    rf"\b(?:el|este|su|es\s+el|sería\s+el|fue\s+el|representa\s+el|constituye\s+el)\s+"
    rf"(?P<ord>{_ORDINAL}|\d{{1,3}}(?:º|°|o|\.º)?)\s+(?:ataque|bombardeo|golpe|operación)\b",
    _I,
)
PART_PHRASE = re.compile(
    r"\b(?:la|el)\s+(?P<ord>primera|segunda|tercera|primer|segundo|tercer)\s+"
    r"(?:lancha|embarcaci[óo]n|barco|bote|nave|ataque)\b|\b(?P<ord2>una|otra)\s+(?:lancha|embarcaci[óo]n)\b"
    r"(?=[^.]{0,40}\b(?:otra|la\s+otra)\b)",
    _I,
)
SEA_SPLIT = re.compile(
    rf"\bde\s+los\s+{NUMBER}\s+(?:muertos|fallecidos)\s*,\s*(?P<a>{NUMBER})\s+(?:murieron|estaban|eran)\s+"
    rf"(?P<a_where>[^,;.]{{0,60}}?)\s*,?\s+y\s+(?:los\s+otros\s+|los\s+restantes\s+)?(?P<b>{NUMBER})"
    rf"\s+(?:murieron|estaban|eran|en)\s+(?P<b_where>[^,;.]{{0,60}})",
    _I,
)
KILLED_ALL = re.compile(
    r"\bningun[oa]\s+de\s+(?:los|sus)\s+(?:\w+\s+)?(?:ocupantes|tripulantes|personas|integrantes)\s+"
    r"(?:ha\s+|había\s+)?sobrevivi[óo]|\b(?:murieron|fallecieron)\s+todos|\btodos\s+(?:sus\s+|los\s+)?"
    r"(?:ocupantes|tripulantes)\s+(?:murieron|fallecieron)|\bno\s+hubo\s+sobrevivientes",
    _I,
)
ON_EACH = re.compile(
    rf"\s*(?:en|a\s+bordo\s+de)\s+cada\s+(?:una\s+de\s+las\s+(?P<n>{NUMBER})\s+)?(?:lancha|embarcaci[óo]n|"
    rf"barco|nave)s?\b",
    _I,
)
# A lede told as news: "otro ataque", "un nuevo ataque", "el último ataque", or an announcement
# ("Hegseth anunció que ... llevó a cabo un ataque": the real-text set's wire ledes).
ANNOUNCED_NEWS = re.compile(
    r"\b(?:otr[oa]|nuev[oa]|últim[oa]|más\s+reciente|anunci(?:ó|a|aron)|inform(?:ó|a|aron)|"
    r"confirm(?:ó|a|aron))\b",
    _I,
)
CLAUSE_BOUNDARY = re.compile(r",\s+(?:y|mientras\s+que|mientras)\s+|;\s+")
MONTH_DAY = re.compile(
    rf"\b(?P<day>[0-3]?\d)\s+de\s+(?P<month>{MONTH_NAME})\b(?:\s+(?:de|del)\s+(?P<year>20\d\d))?"
    rf"|\b(?P<month2>{MONTH_NAME})\s+(?P<day2>[0-3]?\d)\b(?:\s*,?\s*(?:de\s+)?(?P<year2>20\d\d))?",
    _I,
)
WEEKDAY = re.compile(rf"\b(?P<weekday>{WEEKDAY_NAME})\b", _I)
_START_MONTH = next(name for name, n in MONTHS.items() if n == CAMPAIGN_START.month and len(name) > 4)
COUNTS_FROM_START = re.compile(
    rf"\bdesde\s+(?:(?:principios|comienzos|inicios|mediados|finales)\s+de\s+)?{_START_MONTH}\b"
    rf"|\b(?:comenz[óo]|empez[óo]|inici[óo]|arranc[óo])\b[^.;]{{0,60}}?\ben\s+{_START_MONTH}\b",
    _I,
)

# Cumulative clauses: the campaign's running totals, never a strike's own figures.
CUMULATIVE = re.compile(
    r"\b(?:con\s+(?:lo\s+que|esto|este|ello|él|ella|estos)|lo\s+que|que)\s+(?:ya\s+)?(?:suman|suma|elevan?|"
    r"ascienden?|asciende|llegan?|eleva\s+a|elevan\s+a|sube|suben|aumenta|aumentan|alcanza|alcanzan)\b"
    r"|\b(?:elev(?:a|an|ando|ó|aron)|ascend(?:ió|iendo)|aument(?:a|ó|ando)|sub(?:e|ió|iendo))\s+"
    r"(?:a\s+|hasta\s+)?(?:(?:al\s+menos|más\s+de|unos|unas|casi)\s+)?(?:\d+|la\s+cifra|el\s+(?:número|"
    r"total|saldo|balance)|las?\s+\w+\s+(?:de\s+)?(?:muertos|fallecidos|víctimas))"
    # "en total" totals the campaign only with the campaign in view ("En total, las operaciones ...
    # han dejado <n> muertos desde septiembre"), not "En total tres ... murieron en el primer ..."
    r"|\b(?:en\s+total(?=[^.;]{0,120}\b(?:desde|campaña|ofensiva|operaciones|ataques))|en\s+conjunto|"
    r"hasta\s+(?:ahora|la\s+fecha|el\s+momento)|en\s+lo\s+que\s+va\s+de|"
    r"desde\s+(?:que\s+(?:comenz|empez|inici|arranc)\w+|el\s+inicio|el\s+comienzo|(?:principios|comienzos|"
    rf"inicios|mediados|finales)\s+de\s+{_START_MONTH}|(?:el\s+\d{{1,2}}\s+de\s+)?{_START_MONTH})|acumula\w*|"
    r"(?:la\s+)?cifra\s+(?:total\s+)?de\s+(?:muertos|fallecidos)|balance\s+(?:total|acumulado)|"
    r"saldo\s+(?:total|acumulado)|suman\s+ya|ya\s+suman|total\s+de\s+(?:muertos|fallecidos|víctimas))\b",
    _I,
)
TOLL_WORD = re.compile(r"\b(?:muertos|fallecidos|víctimas|balance|saldo|cifra)\b", _I)
REVISION = re.compile(
    rf"\b(?:revis\w+|elev\w+|actualiz\w+|corrigi\w+|correg\w+|"
    rf"rebaj\w+)\b[^.]{{0,80}}?\bde\s+(?P<old>{NUMBER})"
    rf"\s+a\s+(?P<new>{NUMBER})\b",
    _I,
)
