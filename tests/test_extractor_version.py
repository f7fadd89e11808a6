"""The extractor version follows the reading rules, so that changed rules reach stored ledgers."""

from __future__ import annotations

import shutil
from pathlib import Path

from strikeledger import extract, service
from strikeledger.records import ArticleExtraction
from strikeledger.extract import EXTRACTOR_VERSION, extractor_version

PACKAGE = Path(extract.__file__).resolve().parent


def _copy_of_the_reader(tmp_path: Path) -> Path:
    shutil.copytree(PACKAGE, tmp_path / "extract", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PACKAGE.parent / "data", tmp_path / "data")
    return tmp_path / "extract"


def test_the_version_is_a_digest_of_the_reading_code_and_word_lists(tmp_path):
    copy = _copy_of_the_reader(tmp_path)
    assert extractor_version(copy) == EXTRACTOR_VERSION
    lexicon = copy / "lexicon.py"
    words = lexicon.read_text()
    assert '"obliterate",' in words
    lexicon.write_text(words.replace('"obliterate",', '"obliterate", "sank",', 1))  # one more strike word
    changed = extractor_version(copy)
    assert changed != EXTRACTOR_VERSION
    places = tmp_path / "data" / "places.json"
    places.write_text(places.read_text().replace("Venezuela", "Venezuela ", 1))
    assert extractor_version(copy) not in (changed, EXTRACTOR_VERSION)
    before_spanish = extractor_version(copy)
    spanish = copy / "spanish" / "words.py"
    spanish.write_text(spanish.read_text().replace('"lunes": 0,', '"lunes": 0, "lun": 0,', 1))
    assert extractor_version(copy) != before_spanish  # a language's own word lists count too
    assert extractor_version(_copy_of_the_reader(tmp_path / "again"), model="another model") != EXTRACTOR_VERSION


def test_rebuild_rereads_what_an_older_extractor_read(ledger, tmp_path):
    story = tmp_path / "a.txt"
    story.write_text("A U.S. strike on a boat in the Caribbean on Tuesday killed three people, the Pentagon said.\n")
    (tmp_path / "a.json").write_text('{"published": "2025-11-06"}')
    service.ingest(ledger, [story])
    (article_id,) = ledger.articles(with_text=False)
    assert ledger.article_ids_needing_extraction(EXTRACTOR_VERSION) == []
    with ledger.transaction() as conn:
        ledger.mark_extracted(article_id, "an older reader", conn)
        ledger.save_extraction(ArticleExtraction(article_id), conn)  # what the older reader found
    assert service.rebuild(ledger) == []
    assert service.reextract(ledger) == 1
    (incident,) = ledger.incidents()
    assert (incident.strike_date.isoformat(), incident.killed_best) == ("2025-11-04", 3)
    assert service.reextract(ledger) == 0
