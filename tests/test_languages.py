"""The reader's languages: every bundle defines every name, and the Spanish reader reads Spanish.

The Spanish sentences and articles here were written for these tests, in the manner of wire copy.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from fastapi.testclient import TestClient

from strikeledger import service
from strikeledger.api import create_app
from strikeledger.extract import extract_article
from strikeledger.extract.language import WORD_NAMES, language_for, languages, words_of
from strikeledger.ingest.language import READ_LANGUAGES
from strikeledger.records import Article

ES = language_for("es")
PUBLISHED = date(2025, 10, 17)  # a Friday


def test_every_language_defines_every_name_of_the_same_kind_as_english():
    english = languages()["en"].words
    for code, language in languages().items():
        for name in WORD_NAMES:
            value = getattr(language.words, name)
            assert type(value) is type(getattr(english, name)), (code, name)
            if isinstance(value, re.Pattern):
                assert set(getattr(english, name).groupindex) <= set(value.groupindex) | {"city", "outlet"} or (
                    name == "WIRE_DATELINE"), (code, name)
    with pytest.raises(LookupError, match="VESSEL_WORD"):
        words_of(object())


def test_the_languages_read_at_ingest_are_the_readers_languages():
    assert READ_LANGUAGES == frozenset(languages())
    assert language_for("und").code == "en" and language_for("pt").code == "en"


@pytest.mark.parametrize("sentence, expected", [
    ("El ataque mató a tres personas a bordo de la lancha.", [("killed", 3, ""), ("vessels", 1, "")]),
    ("Murieron once tripulantes, informó el Comando Sur.", [("killed", 11, "")]),
    ("Al menos seis presuntos narcoterroristas murieron en el bombardeo.", [("killed", 6, "at_least")]),
    ("El bombardeo dejó una docena de muertos.", []),  # "una docena de": a count of what follows, not read
    ("Hubo dos sobrevivientes, rescatados por la Armada.", [("survivors", 2, "")]),
    ("Dos personas siguen desaparecidas tras el ataque contra dos lanchas.", [("missing", 2, ""),
                                                                             ("vessels", 2, "")]),
    ("La embarcación llevaba cuatro hombres a bordo.", [("vessels", 1, ""), ("aboard", 4, "")]),
    ("Ninguno de los militares estadounidenses resultó herido.", []),
])
def test_the_spanish_casualties_component(sentence, expected):
    assert [(f.kind, f.value, f.qualifier) for f in ES.find_figures(sentence)] == expected


@pytest.mark.parametrize("sentence, value, role", [
    ("El ataque se produjo el martes, según el Pentágono.", date(2025, 10, 14), "event"),
    ("Hegseth anunció este jueves el ataque.", date(2025, 10, 16), "announcement"),
    ("El bombardeo del pasado 2 de septiembre dejó once muertos.", date(2025, 9, 2), "event"),
    ("Las fuerzas atacaron anoche una lancha.", date(2025, 10, 16), "event"),
    ("El ataque ocurrió hace tres días.", date(2025, 10, 14), "event"),
    ("Desde el 2 de septiembre han muerto 27 personas.", date(2025, 9, 2), "since"),
    ("La legalidad de un bombardeo previo, ocurrido el 2 de septiembre, está en duda.", date(2025, 9, 2),
     "other"),
])
def test_the_spanish_dates_component(sentence, value, role):
    (mention,) = ES.find_dates(sentence, 0, PUBLISHED)
    assert (mention.value, mention.role) == (value, role)


def test_hypothetical_and_plural_spanish_strike_words_report_no_strike():
    sentences = ES.split_sentences(
        "Trump amenazó con nuevos ataques por tierra.\nEl Gobierno podría atacar otras lanchas.\n"
        "Las fuerzas de EE.UU. atacaron una lancha el martes."
    )
    assert [all(t.irrealis for t in s.triggers) for s in sentences] == [True, True, False]


SPANISH_WIRE = (
    "Washington, 17 oct (AIN).- Estados Unidos atacó el jueves una lancha en el mar Caribe y mató a sus "
    "cuatro tripulantes, anunció el secretario de Guerra, Pete Hegseth, que no presentó pruebas.\n\n"
    "Con este ataque suman al menos 31 muertos en siete ataques desde septiembre, según un recuento de "
    "la agencia.\n\n"
    "Familiares de los fallecidos en Sucre aseguraron que eran pescadores."
)
ENGLISH_WIRE = (
    "WASHINGTON (Wire) — The U.S. military struck a boat in the Caribbean on Thursday, killing three "
    "people aboard, Defense Secretary Pete Hegseth said.\n\n"
    "It was the seventh known strike of the campaign."
)


def test_a_spanish_wire_story_reads_into_the_same_records_as_english():
    article = Article("es-wire", SPANISH_WIRE, published=PUBLISHED, language="es", outlet="AIN")
    extraction = extract_article(article)
    (report,) = extraction.reports
    assert (report.strike_date, report.killed, report.vessels, report.region, report.announced_by) == (
        date(2025, 10, 16), 4, 1, "caribbean", "Hegseth")
    for fact in report.facts:  # every figure carries the Spanish words behind it, as written
        assert article.text[fact.start : fact.end] == fact.surface
    (total,) = extraction.totals
    assert (total.killed, total.killed_qualifier, total.strikes) == (31, "at_least", 7)
    assert {(c.speaker, c.stance) for c in extraction.claims} >= {("Hegseth", "announces"), ("families", "disputes")}


def test_an_english_and_a_spanish_report_of_one_strike_are_one_incident_with_their_range(ledger, tmp_path):
    for name, text, lang in (("wire-en", ENGLISH_WIRE, "en"), ("wire-es", SPANISH_WIRE, "es")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.json").write_text(json.dumps({"published": "2025-10-17", "outlet": name}))
    summary = service.ingest(ledger, [tmp_path])
    assert summary.languages == {"en": 1, "es": 1} and not summary.not_read
    (row,) = service.list_incidents(ledger)
    assert (row["strike_date"], row["killed_low"], row["killed_high"], row["n_sources"], row["languages"]) == (
        "2025-10-16", 3, 4, 2, ["en", "es"])
    assert "killed" in row["contradictions"]
    detail = service.incident_detail(ledger, row["incident_id"])
    spanish = next(s for s in detail["sources"] if s["language"] == "es")  # each source says its language
    assert {s["language"] for s in detail["sources"]} == {"en", "es"}
    assert [f["surface"] for f in spanish["figures"] if f["kind"] == "killed"] == ["mató a sus cuatro tripulantes"]
    with TestClient(create_app(ledger.url)) as client:
        page = client.get(f"/incidents/{row['incident_id']}").text
    assert '<span class="source-language" title="ISO 639-1">es</span>' in page and "mató a sus" in page


def _reports(text: str, published: date = PUBLISHED, language: str = "es"):
    article = Article("t", text, published=published, language=language)
    return [(r.strike_date, r.killed, r.region) for r in extract_article(article).reports]


def test_a_chronology_told_in_one_sentence_gives_a_strike_per_clause():
    text = (
        "Cronología del despliegue: el 2 de septiembre murieron once personas en una lancha en el Caribe; "
        "el 15 de septiembre un ataque dejó tres muertos; y el 19 de septiembre otro ataque mató a tres."
    )
    assert [(d, k) for d, k, _ in _reports(text)] == [
        (date(2025, 9, 2), 11), (date(2025, 9, 15), 3), (date(2025, 9, 19), 3)]


def test_a_subhead_under_the_headline_tells_the_headlines_strike():
    text = (
        "Ataque de EE.UU. contra una lancha en el Pacífico deja tres muertos\n"
        "Un nuevo ataque del Comando Sur dejó tres muertos en el Pacífico oriental\n"
        "Tres personas murieron este jueves tras un ataque contra una embarcación en el Pacífico."
    )
    assert _reports(text) == [(date(2025, 10, 16), 3, "eastern_pacific")]


def test_the_day_of_a_strike_under_debate_dates_no_strike_the_sentence_reports():
    text = (
        "Estados Unidos atacó ayer otra lancha en el Pacífico y mató a sus cuatro ocupantes, mientras crece "
        "el debate sobre la legalidad de un segundo bombardeo contra una lancha en el Caribe, el pasado 2 de "
        "septiembre."
    )
    assert _reports(text) == [(date(2025, 10, 16), 4, "eastern_pacific")]


def test_who_said_it_after_a_date_makes_it_the_day_said_and_last_weeks_weekday_is_last_week():
    said, done = ES.find_dates(
        "Este pasado domingo, Hegseth comunicaba otro ataque contra una embarcación el pasado 10 de octubre.",
        0, PUBLISHED)
    assert (said.value, said.role, done.value, done.role) == (
        date(2025, 10, 12), "announcement", date(2025, 10, 10), "event")
    (monday,) = [m for m in ES.find_dates(
        "A principios de la semana pasada, el lunes, las fuerzas atacaron tres lanchas.", 0, PUBLISHED)
        if m.kind == "weekday"]
    assert monday.value == date(2025, 10, 6)


def test_an_undated_wire_lede_that_announces_is_the_news_of_the_day():
    text = (
        "El secretario de Guerra, Pete Hegseth, anunció que sus fuerzas llevaron a cabo un ataque cinético "
        "letal contra una narcolancha en el Caribe, en el que murieron tres hombres."
    )
    assert _reports(text) == [(PUBLISHED, 3, "caribbean")]


def test_a_spanish_revised_toll_reads_its_numbers_in_spanish():
    article = Article("r", "Estados Unidos atacó el jueves una lancha en el Caribe y mató a tres personas. "
                           "El Comando Sur elevó después el balance de tres a cuatro muertos.",
                      published=PUBLISHED, language="es")
    (report,) = extract_article(article).reports
    assert (report.killed, report.killed_qualifier) == (4, "revised_from:3")


def test_a_strike_told_twice_in_one_article_is_one_strike_and_both_killed_is_two():
    text = (
        "El Pentágono anunció la noche de este jueves un nuevo ataque contra una lancha en el mar Caribe, que "
        "dejó tres hombres muertos.\n\n"
        "El secretario de Guerra anunció la noche de este jueves que EE.UU. condujo otro ataque que destruyó "
        "una embarcación, matando a tres hombres.\n\n"
        "Hegseth comunicaba el lunes otro ataque contra una embarcación en el Pacífico el pasado 10 de octubre; "
        "dos ocupantes habían sido asesinados. Ambos tripulantes murieron, dijo."
    )
    assert _reports(text) == [(date(2025, 10, 16), 3, "caribbean"), (date(2025, 10, 10), 2, "eastern_pacific")]


def test_figures_told_of_another_month_stay_off_the_strike_and_en_total_of_one_strike_is_its_toll():
    text = (
        "El 2 de octubre, un ataque contra una lancha en el Caribe mató a cuatro personas.\n"
        "En noviembre, los dos supervivientes de otro ataque fueron devueltos a sus países.\n\n"
        "El 9 de octubre otro ataque alcanzó una embarcación en el Pacífico. En total tres narcoterroristas a "
        "bordo de la primera embarcación murieron en el primer enfrentamiento."
    )
    article = Article("m", text, published=date(2025, 11, 20), language="es")
    reports = extract_article(article).reports
    assert [(r.strike_date, r.killed, r.survivors) for r in reports] == [
        (date(2025, 10, 2), 4, None), (date(2025, 10, 9), 3, None)]
