"""Decoding you can trust: UTF-8, or an encoding known with certainty, else a refusal; mixed files
repaired line by line only where certain; invalid UTF-8 refused; invisible controls removed from
the text extraction reads, every span still pointing into the text as stored."""

from __future__ import annotations

import pytest

from strikeledger import service
from strikeledger.errors import InputError
from strikeledger.ingest.decode import decode_bytes
from strikeledger.ingest.normalise import normalise_text

SPANISH = "El señor dijo que la lancha fue atacada en el Caribe y que nadie sobrevivió."
PORTUGUESE = "O ataque é o décimo, disse o ministro à imprensa. Não houve sobreviventes."
ENGLISH = "“The strike killed three,” said the spokesman, José Martínez — a señor from Cádiz."


@pytest.mark.parametrize("text, encoding", [
    (SPANISH, "latin-1"), (PORTUGUESE, "latin-1"), (ENGLISH, "cp1252"), (SPANISH, "utf-8"),
    (ENGLISH, "utf-16"), (ENGLISH, "utf-8-sig"), (ENGLISH, "utf-32"),
    ("Удар по лодке в Карибском море убил трёх человек, заявил министр обороны США.", "cp1251"),
    ("Η επίθεση σε σκάφος στην Καραϊβική σκότωσε τρία άτομα, δήλωσε ο υπουργός.", "iso8859-7"),
])
def test_text_in_an_encoding_known_with_certainty_is_read_exactly(text, encoding):
    assert decode_bytes(text.encode(encoding), "a.txt") == text


@pytest.mark.parametrize("data, reason", [
    ("Atak na łódź na Karaibach zabił trzy osoby, powiedział minister.".encode("cp1250"),
     "cp1252 and cp1250 fit it equally, and read it differently"),
    ("Удар по лодке в Карибском море убил трёх человек.".encode("koi8-r"), "is not certain"),
    ("カリブ海で船への攻撃により三人が死亡したと国防長官が述べた。".encode("shift_jis"), "is not certain"),
    (b"The strike killed three \xc0\xaf people aboard the boat.", "an overlong or out-of-range UTF-8 sequence at byte 24 is refused"),
    (b"The strike killed \xe0\x80\xafthree people aboard the boat.", "UTF-8 sequence at byte 18"),
    (b"Surrogate \xed\xa0\x80 in the text of the article about a strike.", "UTF-8 sequence at byte 10"),
    (b"Past the last code point \xf4\x90\x80\x80 in an article.", "UTF-8 sequence at byte 25"),
    ("The U.S. military struck a boat — three.\n".encode() + "Удар по лодке.\n".encode("koi8-r"),
     "mixes UTF-8 with another encoding that cannot be known with certainty (line 2)"),
    (b"\xff\xfe" + b"\x00\xd8", "invalid utf-16 after its byte-order mark"),
])
def test_text_whose_encoding_is_uncertain_or_invalid_is_refused(data, reason):
    with pytest.raises(InputError) as refused:
        decode_bytes(data, "a.txt")
    assert refused.value.source == "a.txt" and reason in refused.value.reason, refused.value.reason


def test_a_file_mixing_utf8_and_latin1_is_repaired_line_by_line():
    data = ("The U.S. military struck a boat — killing three.\n".encode()
            + "El señor dijo que sí.\n".encode("latin-1") + "Hegseth said “more”.".encode())
    assert decode_bytes(data, "a.txt") == ("The U.S. military struck a boat — killing three.\n"
                                           "El señor dijo que sí.\nHegseth said “more”.")


def test_invisible_controls_go_and_the_toll_inside_an_override_is_read(ledger, tmp_path):
    text = ("The U.S. military struck a suspected drug boat in the Caribbean on Tuesday, killing "
            "\u202ethree\u202c peo\u00adple aboard, Defense Secretary Pete Hegseth said.\u200f\u2066\u2069\x85")
    (tmp_path / "bidi.txt").write_text(text)
    (tmp_path / "bidi.json").write_text('{"published": "2025-11-12", "title": "Strike \\u202ereport"}')
    summary = service.ingest(ledger, [tmp_path / "bidi.txt"])
    assert summary.ingested == 1
    (article,) = ledger.articles().values()
    assert article.text == ("The U.S. military struck a suspected drug boat in the Caribbean on Tuesday, "
                            "killing three people aboard, Defense Secretary Pete Hegseth said.")
    assert article.title == "Strike report"
    assert [r.killed for r in ledger.reports([article.id])] == [3]
    facts = ledger.facts(article.id)
    assert facts and all(article.text[f.start:f.end] == f.surface for _, _, f in facts)


def test_normalisation_keeps_visible_text_as_written():
    kept = "Señor “Hegseth” — 3 killed; naïve façade, Ñandú, ½ a mile, €5, 日本"
    assert normalise_text(kept) == kept
