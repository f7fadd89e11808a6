"""Benchmark: seconds from an article's appearance in a feed to its incident in /api/incidents.

A local HTTP server publishes an RSS feed; every ``--gap`` seconds a new item appears on it, its
page a sample-corpus article (each chosen because it reports a strike no earlier item reports).
``strikeledger serve --watch`` runs against a scratch database in which the feed is the one source,
polled every ``--every`` seconds (default: the ``poll_every`` setting). For each item the script
prints the seconds from its appearance in the feed to the first answer of ``/api/incidents`` that
holds its incident, then the median and the maximum beside the target (under 60 s with the default
interval). Run on demand; not a test.

    python bench/watch_latency.py [--items 5] [--gap 37] [--every 30]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the loopback site and page writer the tests use

from localsite import Reply, Site, article_page, feed_reply, html_reply, rss  # noqa: E402

from strikeledger import service  # noqa: E402
from strikeledger.settings import SETTINGS  # noqa: E402
from strikeledger.store import Ledger  # noqa: E402

CORPUS = ROOT / "examples" / "corpus"
TARGET = 60.0


def distinct_strikes(count: int, scratch: Path) -> list[Path]:
    """Sample articles that, ingested in order, each add one incident to the ledger."""
    ledger = Ledger.open(f"sqlite:///{scratch / 'choose.db'}")
    chosen: list[Path] = []
    try:
        for txt in sorted(CORPUS.glob("a*.txt")):
            before = len(ledger.incidents())
            service.ingest(ledger, [txt, txt.with_suffix(".json")])
            if len(ledger.incidents()) == before + 1:
                chosen.append(txt)
            if len(chosen) == count:
                return chosen
    finally:
        ledger.close()
    raise SystemExit(f"only {len(chosen)} sample articles add an incident each")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    default_every = next(s.default for s in SETTINGS if s.name == "poll_every")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5)
    parser.add_argument("--gap", type=float, default=37.0, help="seconds between two new items in the feed")
    parser.add_argument(
        "--every", type=int, default=default_every, help="the source's poll interval, seconds"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        items = distinct_strikes(args.items, scratch)
        site = Site().start()
        site.route("/robots.txt", Reply(404, b"", {"Content-Type": "text/plain"}))
        published: list[tuple[str, str]] = []
        site.route("/feed.xml", lambda _r: feed_reply(rss(list(reversed(published)))))
        for txt in items:
            site.route(f"/news/{txt.stem}", html_reply(article_page(txt)))
        db = f"sqlite:///{scratch / 'watch.db'}"
        env = {**os.environ, "STRIKELEDGER_ALLOW_PRIVATE": "true"}
        every = ["--every", f"{args.every}s"]
        subprocess.run(
            [
                sys.executable,
                "-m",
                "strikeledger.cli",
                "sources",
                "add",
                site.url("/feed.xml"),
                "--db",
                db,
                *every,
            ],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "strikeledger.cli", "serve", "--watch", "--db", db, "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        api = f"http://127.0.0.1:{port}/api/incidents"
        latencies: list[float] = []
        try:
            with httpx.Client(timeout=5) as client:
                deadline = time.monotonic() + 120
                while True:  # the server is up, its watcher has made its first poll of the empty feed
                    try:
                        if client.get(api).status_code == 200:
                            break
                    except httpx.TransportError:
                        pass
                    if time.monotonic() > deadline:
                        raise SystemExit("the server did not start")
                    time.sleep(0.2)
                time.sleep(2)
                for n, txt in enumerate(items, start=1):
                    published.append((site.url(f"/news/{txt.stem}"), txt.stem))
                    appeared = time.monotonic()
                    while client.get(api, params={"limit": 1}).json()["total"] < n:
                        if time.monotonic() - appeared > 10 * args.every + 60:
                            raise SystemExit(f"item {n} ({txt.stem}) never became an incident")
                        time.sleep(0.2)
                    latencies.append(time.monotonic() - appeared)
                    print(f"item {n} ({txt.stem}): {latencies[-1]:.1f} s", flush=True)
                    time.sleep(max(0.0, args.gap - latencies[-1]))
        finally:
            server.terminate()
            server.wait(20)
            site.stop()
    print(f"poll interval: {args.every} s; items: {len(latencies)}, one every {args.gap:g} s")
    print(
        f"feed appearance to incident: median {statistics.median(latencies):.1f} s, "
        f"max {max(latencies):.1f} s "
        f"(target: under {TARGET:.0f} s with the default interval of {default_every} s)"
    )


if __name__ == "__main__":
    main()
