"""The table of hostile inputs: each is refused with its one-line reason, the batch goes on to a
good input after it, and nothing already stored changes (articles, reports, facts, claims)."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest
from conftest import FIXTURES

from strikeledger import service
from strikeledger.ingest import IngestOptions

MINI = FIXTURES / "mini"
GOOD_LINE = (MINI / "archive.jsonl").read_text().splitlines()[0]
READABLE = "A readable article about a policy debate in Congress over the strikes."
LIMIT = 300_000  # max_article_bytes for the table: small enough to reach cheaply


def _text(name, data):
    def make(d: Path):
        path = d / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
        return [path]
    return make


def _with_sidecar(meta, name="a"):
    def make(d: Path):
        (d / f"{name}.txt").write_text(READABLE)
        (d / f"{name}.json").write_bytes(meta if isinstance(meta, bytes) else meta.encode())
        return [d / f"{name}.txt"]
    return make


def _lines(*lines, name="a.jsonl", zipped=False):
    def make(d: Path):
        data = "\n".join(lines).encode() + b"\n" if not isinstance(lines[0], bytes) else b"\n".join(lines) + b"\n"
        path = d / name
        path.write_bytes(gzip.compress(data) if zipped else data)
        return [path]
    return make


def _line(**record):
    return json.dumps({"text": READABLE, **record})


def _special(kind):
    def make(d: Path):
        path = d / "special.txt"
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "dangling":
            path.symlink_to(d / "nowhere.txt")
            return [d]  # walked: a dangling link inside a corpus directory
        else:
            path.symlink_to(kind)
        return [path]
    return make


def _bomb(d: Path):
    path = d / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as out:
        for _ in range(60):
            out.write(b"a" * 1_000_000)
    return [path]


def _truncated(d: Path):
    data = gzip.compress(("\n".join([json.dumps({"title": f"t{i}"}) for i in range(5000)]) + "\n").encode())
    path = d / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 3])
    return [path]


_noise = random.Random(11)
DEEP = "[" * 100_000 + "]" * 100_000

TABLE = [
    # files that are no text
    ("empty", _text("e.txt", ""), "empty file"),
    ("blank", _text("b.txt", "  \n\t \n"), "empty file"),
    ("png", _text("p.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary data, not text"),
    ("nuls", _text("n.txt", b"text\x00" * 100), "binary data, not text"),
    ("gzip-as-txt", _text("g.txt", gzip.compress(b"hello " * 100)), "binary data, not text"),
    ("controls", _text("c.txt", bytes(range(1, 9)) * 50), "binary data, not text"),
    ("random-high-bytes", _text("r.txt", bytes(_noise.randrange(0x80, 0x100) for _ in range(400))), "not UTF-8"),
    # encodings
    ("overlong-slash", _text("o.txt", b"The strike killed three \xc0\xaf people aboard."), "overlong"),
    ("overlong-3byte", _text("o3.txt", b"The strike \xe0\x80\xaf killed three."), "overlong"),
    ("surrogate", _text("s.txt", b"A surrogate \xed\xa0\x80 in an article."), "overlong or out-of-range"),
    ("past-unicode", _text("u.txt", b"Past the end \xf4\x90\x80\x80 of Unicode."), "overlong or out-of-range"),
    ("koi8-r", _text("k.txt", "Удар по лодке в Карибском море убил трёх человек.".encode("koi8-r")),
     "cannot be known with certainty"),
    ("shift-jis", _text("j.txt", "カリブ海で船への攻撃により三人が死亡した。".encode("shift_jis")),
     "cannot be known with certainty"),
    ("cp1250-ambiguous", _text("pl.txt", "Atak na łódź na Karaibach zabił trzy osoby, powiedział minister."
                                         .encode("cp1250")), "fit it equally"),
    ("mixed-utf8-koi8", _text("m.txt", "A strike — three killed.\n".encode() + "Удар по лодке.\n".encode("koi8-r")),
     "mixes UTF-8 with another encoding"),
    ("bad-utf16", _text("w.txt", b"\xff\xfe\x00\xd8"), "invalid utf-16 after its byte-order mark"),
    # sizes
    ("too-large", _text("big.txt", "word " * (LIMIT // 4)), f"over the limit of {LIMIT} (max_article_bytes)"),
    # not regular files
    ("fifo", _special("fifo"), "a FIFO, not a regular file"),
    ("dev-zero", _special("/dev/zero"), "a character device (/dev/zero)"),
    ("dev-null", _special("/dev/null"), "a character device (/dev/null)"),
    ("dangling-link", _special("dangling"), "cannot be read (No such file or directory)"),
    ("no-such-path", lambda d: [d / "missing"], "no such file or directory"),
    ("unknown-suffix", _text("x.pdf", "%PDF-1.4"), "not an article file (.pdf)"),
    ("lonely-sidecar", _text("lonely.json", "{}"), "a metadata sidecar with no ID.txt or ID.html beside it"),
    # HTML
    ("html-only-scripts", _text("s.html", "<html><script>alert(1)</script><body><script>x()</script></body></html>"),
     "no article text found in the HTML"),
    ("html-only-tags", _text("t.html", "<p></p><br/><hr>"), "no article text found in the HTML"),
    ("html-deep-nesting", _text("d.html", "<body>" + "<div>" * 20_000 + "text" + "</div>" * 20_000),
     "no article text found in the HTML"),
    # sidecars
    ("sidecar-malformed", _with_sidecar("{not json"), "malformed sidecar (JSONDecodeError"),
    ("sidecar-array", _with_sidecar("[1, 2]"), "metadata must be a JSON object"),
    ("sidecar-string", _with_sidecar('"meta"'), "metadata must be a JSON object"),
    ("sidecar-bad-date", _with_sidecar('{"published": "last Tuesday"}'), "'published' is not a date"),
    ("sidecar-date-9999", _with_sidecar('{"published": "9999-12-31"}'), "no plausible publication date: 9999-12-31"),
    ("sidecar-date-0001", _with_sidecar('{"published": "0001-01-01"}'), "no plausible publication date: 0001-01-01"),
    ("sidecar-precision", _with_sidecar('{"published_precision": "roughly"}'), "'published_precision' must be"),
    ("sidecar-url-number", _with_sidecar('{"url": 5}'), "'url' must be a string"),
    ("sidecar-title-list", _with_sidecar('{"title": ["a"]}'), "'title' must be a string"),
    ("sidecar-outlet-object", _with_sidecar('{"outlet": {"x": 1}}'), "'outlet' must be a string"),
    ("sidecar-language", _with_sidecar('{"language": "klingon"}'), "'language' must be an ISO 639-1 code"),
    ("sidecar-5000-digits", _with_sidecar('{"x": ' + "9" * 5000 + "}"), "Exceeds the limit (4300 digits)"),
    ("sidecar-deep", _with_sidecar('{"x": ' + DEEP + "}"), "nested too deep to read"),
    ("sidecar-huge", _with_sidecar(json.dumps({"title": "x" * 1_100_000})), "(the sidecar limit)"),
    ("sidecar-not-utf8", _with_sidecar(b'{"title": "\xff\xfe"}'), "malformed sidecar (UnicodeDecodeError"),
    ("sidecar-dev-zero", lambda d: (_with_sidecar("{}")(d), (d / "a.json").unlink(),
                                    (d / "a.json").symlink_to("/dev/zero"))[0], "a character device (/dev/zero)"),
    # archive lines
    ("line-malformed", _lines("{oops"), "malformed JSON line (JSONDecodeError"),
    ("line-array", _lines("[1, 2, 3]"), "metadata must be a JSON object"),
    ("line-null", _lines("null"), "metadata must be a JSON object"),
    ("line-string", _lines('"hello"'), "metadata must be a JSON object"),
    ("line-no-text", _lines('{"title": "only a title"}'), "no 'text' or 'html' field with content"),
    ("line-text-number", _lines('{"text": 42}'), "no 'text' or 'html' field with content"),
    ("line-text-controls", _lines(json.dumps({"text": "\x00\x01\x02 \u202e"})), "no text"),
    ("line-html-empty", _lines(json.dumps({"html": "<p></p>"})), "no article text found in the HTML"),
    ("line-5000-digits", _lines('{"text": "a", "x": ' + "9" * 5000 + "}"), "Exceeds the limit (4300 digits)"),
    ("line-deep", _lines('{"text": "a", "x": ' + DEEP + "}"), "nested too deep to read"),
    ("line-not-utf8", _lines(b'{"text": "\xff\xfe abc"}'), "malformed JSON line (UnicodeDecodeError"),
    ("line-too-long", _lines(_line(pad="p" * LIMIT)), f"line over the limit of {LIMIT} bytes"),
    ("line-bad-date", _lines(_line(published=12)), "'published' is not a date: '12'"),
    ("line-date-future", _lines(_line(published="9999-12-31")), "no plausible publication date"),
    ("line-url-list", _lines(_line(url=["a"])), "'url' must be a string"),
    ("line-language", _lines(_line(language="12345")), "'language' must be an ISO 639-1 code"),
    ("line-precision", _lines(_line(published_precision=True)), "'published_precision' must be"),
    # archives
    ("gzip-bomb", _bomb, "times its compressed size"),
    ("gzip-truncated", _truncated, "archive cannot be read further"),
    ("gzip-not-gzip", _lines("hello", name="fake.jsonl.gz"), "archive cannot be read further (Not a gzipped file"),
    ("archive-fifo", lambda d: (os.mkfifo(d / "f.jsonl"), [d / "f.jsonl"])[1], "a FIFO, not a regular file"),
    ("archive-dev-zero", lambda d: ((d / "z.jsonl.gz").symlink_to("/dev/zero"), [d / "z.jsonl.gz"])[1],
     "a character device (/dev/zero)"),
    ("archive-too-large", _lines(_line(pad="p" * 500)), "is over the limit of 400 (max_archive_bytes)"),
]


def _snapshot(ledger):
    ids = sorted(ledger.articles())
    return (ledger.articles(ids), ledger.reports(ids), [ledger.facts(i) for i in ids], ledger.claims(ids),
            ledger.counts()["incidents"])


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A ledger holding one article, kept as a file each test copies (ingest runs once)."""
    from strikeledger.store import Ledger
    path = tmp_path_factory.mktemp("ref") / "ref.db"
    opened = Ledger.open(f"sqlite:///{path}")
    service.ingest(opened, [MINI / "wire-one.txt"])
    opened.close()
    return path


def test_the_table_holds_at_least_sixty_hostile_inputs():
    assert len(TABLE) >= 60 and len({name for name, _, _ in TABLE}) == len(TABLE)


@pytest.mark.parametrize("name, make, reason", TABLE, ids=[row[0] for row in TABLE])
def test_hostile_input_is_refused_with_its_reason_and_nothing_stored_changes(name, make, reason, reference,
                                                                             tmp_path):
    import shutil

    from strikeledger.store import Ledger
    shutil.copy(reference, tmp_path / "l.db")
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'l.db'}")
    try:
        before = _snapshot(ledger)
        folder = tmp_path / "in"
        folder.mkdir()
        inputs = make(folder)
        good = tmp_path / "good.jsonl"
        good.write_text(GOOD_LINE + "\n")
        archive_cap = 400 if name == "archive-too-large" else 2_000_000_000
        summary = service.ingest(ledger, [*inputs, good],
                                 IngestOptions(max_article_bytes=LIMIT, max_archive_bytes=archive_cap))
        reasons = [r.reason for r in summary.rejected]
        assert any(reason in r for r in reasons), reasons
        assert all("\n" not in str(r) and str(r).startswith(r.source + ": ") for r in summary.rejected)
        assert summary.ingested == 1, (summary.ingested, reasons)  # the good line after it: the batch went on
        ids = sorted(before[0])
        assert (ledger.articles(ids), ledger.reports(ids), [ledger.facts(i) for i in ids],
                ledger.claims(ids)) == before[:4]
        assert ledger.counts()["articles"] == len(ids) + 1
    finally:
        ledger.close()
