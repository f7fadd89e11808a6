"""Loose ends under faults: headers on every response (500s too), request bodies capped before
anything reads them, no control character from an input printed raw, no extraction worker
outliving a killed ingest, one failing article never aborting a rebuild, and settings that say
truthfully where each value came from."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CORPUS, FIXTURES
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from strikeledger import pipeline, service
from strikeledger.api import create_app
from strikeledger.api.security import MAX_BODY_BYTES
from strikeledger.cli import app as cli
from strikeledger.settings import effective_settings
from strikeledger.terminal import shown

HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")
runner = CliRunner()


@pytest.fixture
def client(ledger):
    with TestClient(create_app(ledger.url), raise_server_exceptions=False) as test_client:
        yield test_client


def _has_headers(response):
    missing = [h for h in HEADERS if h not in response.headers]
    assert not missing, (response.status_code, missing)


def test_a_crash_is_an_enveloped_500_with_the_security_headers(client, monkeypatch):
    def broken(_ledger):
        raise RuntimeError("a bug with a secret path /srv/x")
    monkeypatch.setattr(service, "timeline", broken)
    response = client.get("/api/timeline")
    assert response.status_code == 500
    assert response.json() == {"error": {"code": "internal_error",
                                         "message": "unexpected RuntimeError; see the server log"}}
    _has_headers(response)


@pytest.mark.parametrize("path", ["/api/incidents", "/api/nowhere", "/api/incidents/zz", "/"])
def test_every_kind_of_answer_has_the_headers(client, path):
    _has_headers(client.get(path))


def test_a_declared_body_over_the_cap_is_refused_before_the_token_check(client):
    body = b"x" * (MAX_BODY_BYTES + 1)
    response = client.post("/api/incidents/abc/corrections", content=body,
                           headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"
    _has_headers(response)


def test_a_streamed_body_is_refused_once_past_the_cap(client):
    chunks = (b"y" * 8192 for _ in range(MAX_BODY_BYTES // 8192 + 2))  # no Content-Length: chunked
    response = client.post("/api/incidents/abc/corrections", content=chunks,
                           headers={"content-type": "application/json"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "payload_too_large"
    _has_headers(response)


def test_a_body_under_the_cap_still_reaches_the_token_check(client):
    response = client.post("/api/incidents/abc/corrections", json={"action": "not_strike", "reason": "x"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def test_shown_escapes_controls_bidi_and_separators_and_keeps_the_rest():
    assert shown("a\x1b[31mb\x9bc\u202ed\u2028e\x00 señor — 5") == "a\\x1b[31mb\\x9bc\\u202ed\\u2028e\\x00 señor — 5"


def test_file_names_with_escape_codes_are_printed_escaped(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "evil\x1b]0;owned\x07\x1b[2J.txt").write_text("")
    (corpus / "note\u202egnp.exe").write_text("x")
    result = runner.invoke(cli, ["ingest", str(corpus), "--db", f"sqlite:///{tmp_path / 'l.db'}", "-q"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    assert "evil\\x1b]0;owned\\x07\\x1b[2J.txt: empty file" in result.output
    assert "note\\u202egnp.exe" in result.output


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killing_an_ingest_with_workers_leaves_no_worker_behind(tmp_path):
    script = "from strikeledger.cli import app; app()"
    proc = subprocess.Popen([sys.executable, "-c", script, "ingest", str(CORPUS), "--workers", "2", "-q",
                             "--db", f"sqlite:///{tmp_path / 'l.db'}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        workers = {c for c in _children(proc.pid)
                   if b"spawn_main" in (Path("/proc") / str(c) / "cmdline").read_bytes()}
        if len(workers) >= 2:
            break
        time.sleep(0.1)
    assert len(workers) >= 2, "the workers never started"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for pid in left:  # clean up before failing, so no worker outlives the test either
        os.kill(pid, signal.SIGKILL)
    assert not left


def test_one_article_failing_during_rebuild_is_reported_and_the_rest_read(ledger, monkeypatch):
    service.ingest(ledger, [FIXTURES / "mini"])
    ids = sorted(ledger.articles())
    assert len(ids) >= 3
    for article_id in ids:
        ledger.mark_extracted(article_id, "older")
    bad = ledger.article(ids[1])
    before = ledger.reports([bad.id])
    real = pipeline.extract_article

    def failing(article):
        if article.id == bad.id:
            raise RecursionError("maximum recursion depth exceeded")
        return real(article)

    monkeypatch.setattr(pipeline, "extract_article", failing)
    done = service.reextract_all(ledger)
    assert [str(f) for f in done.failed] == [
        f"{bad.source}: cannot be re-read (RecursionError: maximum recursion depth exceeded)"]
    assert done.extracted == len(ids) - 1
    assert ledger.reports([bad.id]) == before  # kept what it had
    assert ledger.article_ids_needing_extraction(pipeline.EXTRACTOR_VERSION) == [bad.id]  # tried again next time
    assert ledger.counts()["incidents"] == len(ledger.incidents()) > 0


def _config_rows(output: str) -> dict[str, str]:
    rows = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("│")]
        if len(cells) > 3 and cells[1]:
            rows[cells[1]] = cells[3]
    return rows


def test_config_says_a_database_from_the_environment_came_from_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STRIKELEDGER_DB", f"sqlite:///{tmp_path / 'env.db'}")
    rows = _config_rows(runner.invoke(cli, ["config"]).stdout)
    assert rows["db"] == "env:STRIKELEDGER_DB" and rows["port"] == "default"
    rows = _config_rows(runner.invoke(cli, ["config", "--db", "sqlite:///x.db"]).stdout)
    assert rows["db"] == "flag"


def test_the_config_option_reads_the_file_it_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STRIKELEDGER_DB", raising=False)
    Path("elsewhere.toml").write_text('page_size = 7\ndb = "sqlite:///from-file.db"\n')
    result = runner.invoke(cli, ["--config", "elsewhere.toml", "config"])
    rows = _config_rows(result.stdout)
    assert rows["page_size"] == rows["db"] == "elsewhere.toml" and rows["host"] == "default"
    missing = runner.invoke(cli, ["--config", "none.toml", "config"])
    assert missing.exit_code == 1 and "none.toml" in missing.output


def test_api_settings_says_where_each_setting_came_from(tmp_path, monkeypatch):
    conf = tmp_path / "s.toml"
    conf.write_text("page_size = 9\n")
    monkeypatch.setenv("STRIKELEDGER_PORT", "8123")
    url = f"sqlite:///{tmp_path / 'a.db'}"
    effective = effective_settings(conf, {"db": url})
    with TestClient(create_app(url, effective)) as client:
        rows = {s["name"]: (s["value"], s["from"]) for s in client.get("/api/settings").json()["settings"]}
    assert rows["page_size"] == (9, str(conf)) and rows["port"] == (8123, "env:STRIKELEDGER_PORT")
    assert rows["db"] == (url, "flag") and rows["host"] == ("127.0.0.1", "default")
    monkeypatch.setenv("STRIKELEDGER_DB", url)
    with TestClient(create_app(url)) as client:
        rows = {s["name"]: s["from"] for s in client.get("/api/settings").json()["settings"]}
    assert rows["db"] == "env:STRIKELEDGER_DB"
    assert json.dumps(rows)  # plain JSON
