"""Property-based tests (hypothesis) of the readers and of whole-article extraction.

Whatever bytes or text come in: no exception but the project's own, every span of a figure
points at its words in the stored text, and each example finishes within a deadline (a guard
against runaway patterns, not a benchmark). A few examples each in the suite; ``make fuzz``
runs many more (STRIKELEDGER_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import gzip
import os
import unicodedata
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strikeledger.errors import InputError, StrikeledgerError
from strikeledger.extract import extract_article
from strikeledger.ingest import IngestOptions, Rejected, iter_articles
from strikeledger.ingest.bounded import archive_lines, load_json
from strikeledger.ingest.decode import decode_bytes
from strikeledger.ingest.normalise import normalise_text
from strikeledger.ingest.sources import build_article
from strikeledger.store.plausible import plausible

EXAMPLES = int(os.environ.get("STRIKELEDGER_FUZZ_EXAMPLES", "25"))
FAST = settings(max_examples=EXAMPLES * 4, deadline=timedelta(seconds=5), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=EXAMPLES, deadline=timedelta(seconds=20), derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces of strike reporting, so generated articles reach the reader's rules, mixed with noise.
PIECES = [
    "The U.S. military struck a suspected drug boat in the Caribbean on Tuesday",
    ", killing {n} people aboard", ", Defense Secretary Pete Hegseth said.", " Sept. {d}, 2025",
    " off the coast of Venezuela", " in the eastern Pacific", " {n} survivors were rescued.",
    " bringing the death toll to at least {n}", " the {n}th strike since September", " on Nov. {d}",
    " three in the first vessel and two in the second", " a follow-on strike killed the survivors",
    "\n\n", " «", "»", " — ", " (AP) ", "MIAMI, Fla. (Feb. {d}, 2026) — ", " killing eleven", " a dozen",
]
_NUMBERS = st.one_of(st.integers(0, 40), st.integers(0, 10**30), st.sampled_from([10_000, 10_001, 10**7]))


@st.composite
def articles(draw):
    parts = []
    for _ in range(draw(st.integers(1, 14))):
        if draw(st.booleans()):
            piece = draw(st.sampled_from(PIECES))
            parts.append(piece.format(n=f"{draw(_NUMBERS):,}" if draw(st.booleans()) else draw(_NUMBERS),
                                      d=draw(st.integers(0, 40))))
        else:
            parts.append(draw(st.text(min_size=0, max_size=40)))
    return "".join(parts)


@FAST
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_an_input_error(data):
    try:
        text = decode_bytes(data, "x.txt")
    except InputError as refused:
        assert refused.source == "x.txt" and "\n" not in str(refused)
        return
    assert isinstance(text, str) and text.strip()


@FAST
@given(st.text(max_size=400))
def test_normalised_text_is_stable_and_holds_no_control_or_invisible_format_character(raw):
    text = normalise_text(raw)
    assert normalise_text(text) == text
    assert not [c for c in text if c not in "\n\t" and unicodedata.category(c) == "Cc"]
    assert not [c for c in text if "\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069"]


@FAST
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode),
                 st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n)))
def test_json_of_any_bytes_is_a_value_or_an_input_error(data):
    try:
        load_json(data, "x.jsonl:1", "JSON line")
    except InputError as refused:
        assert refused.source == "x.jsonl:1"


@FAST
@given(st.lists(st.binary(max_size=200), max_size=8), st.booleans(), st.integers(1, 120))
def test_archives_yield_lines_within_the_limit_or_refusals(tmp_path_factory, lines, zipped, limit):
    path = tmp_path_factory.mktemp("arch") / ("a.jsonl.gz" if zipped else "a.jsonl")
    data = b"\n".join(lines)
    path.write_bytes(gzip.compress(data) if zipped else data)
    seen = list(archive_lines(path, limit, 10**6))
    assert all(line is None or len(line) <= limit for _, line in seen)
    assert [n for n, _ in seen] == list(range(1, len(seen) + 1))
    items = list(iter_articles([path], IngestOptions(max_article_bytes=limit)))  # never raises
    assert all(not isinstance(i, Rejected) or "\n" not in str(i) for i in items)


def _spans_point_into(text, extraction):
    for report in extraction.reports:
        assert 0 <= report.start <= report.end <= len(text)
        for fact in report.facts:
            assert text[fact.start:fact.end] == fact.surface, fact
    for total in extraction.totals:
        assert 0 <= total.start <= total.end <= len(text)
        for fact in total.facts:
            assert text[fact.start:fact.end] == fact.surface, fact
    for claim in extraction.claims:
        assert 0 <= claim.start <= claim.end <= len(text)


@SLOW
@given(articles())
def test_whole_article_extraction_raises_nothing_and_every_span_is_valid(raw):
    try:
        article = build_article(raw, {"published": "2025-11-12"}, "gen.txt")
    except StrikeledgerError:
        return  # no text left after normalisation: refused with its reason
    extraction = plausible(extract_article(article))
    _spans_point_into(article.text, extraction)
    for report in extraction.reports:
        assert report.killed is None or 0 <= report.killed <= 10_000
