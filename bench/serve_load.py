"""Benchmark: the read routes of the API under load, on a ledger of 10,000 incidents, while an
ingest writes to the same database.

Builds the ledger from reports written here (358 articles, each telling of 28 strikes the same
day in the same sea, which are 28 incidents: one article's reports never merge), starts
``strikeledger serve`` on loopback, starts ``strikeledger ingest examples/corpus`` against the
same database, and sends requests at a fixed rate whatever the answers (an open loop: a slow
answer does not slow the sender), round-robin over the routes. Prints p50, p95, p99 and errors
per route beside the targets. Run on demand; not a test:

    python bench/serve_load.py [--incidents 10000] [--rate 100] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from strikeledger import service
from strikeledger.records import Article, ArticleExtraction, StrikeReport
from strikeledger.store import Ledger

ROOT = Path(__file__).resolve().parent.parent
# Strikes per article: one article's reports never merge, and articles are two days apart per sea,
# so that none of their strikes merge either and the campaign's dates hold 10,000 incidents.
PER_ARTICLE = 28
TARGETS = {"list": 50, "detail": 50, "totals": 200, "timeline": 200}  # p99, milliseconds


def _report(article_id: str, index: int, day: date, region: str, killed: int) -> StrikeReport:
    return StrikeReport(
        article_id=article_id, index=index, strike_date=day, date_precision="day", date_low=day,
        date_high=day, date_from_announcement=False, region=region, location=None, lat=None, lon=None,
        place_precision="unknown", vessels=1, killed=killed, killed_qualifier="", survivors=None,
        announced_by="SOUTHCOM", ordinal=None, part=None, start=0, end=40)


def build_ledger(url: str, incidents: int) -> Ledger:
    """A ledger of about ``incidents`` incidents over the campaign's first year, both seas."""
    ledger = Ledger.open(url)
    rng = random.Random(10)
    start = date(2025, 9, 2)
    for n in range(incidents // PER_ARTICLE):
        day = start + timedelta(days=2 * (n // 2))
        region = ("caribbean", "eastern_pacific")[n % 2]
        article_id = f"load{n:05d}"
        text = f"Article {n}: the military struck {PER_ARTICLE} boats on {day:%B} {day.day}, killing many."
        article = Article(id=article_id, text=text, url=f"https://load.example/{n}",
                          outlet=f"Outlet {n % 40}", published=day, published_precision="exact",
                          source=f"load{n}.txt", language="en")
        ledger.add_article(article, "load")
        reports = tuple(_report(article_id, i, day, region, rng.randint(1, 6)) for i in range(PER_ARTICLE))
        ledger.save_extraction(ArticleExtraction(article_id, reports, (), ()))
    service.rebuild(ledger)
    return ledger


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _wait_ready(base: str) -> None:
    async with httpx.AsyncClient() as client:
        for _ in range(600):
            try:
                if (await client.get(f"{base}/api/settings")).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the server did not start")


async def load(base: str, routes: dict[str, list[str]], rate: float, seconds: float) -> dict[str, list]:
    """Send ``rate`` requests a second for ``seconds``, round-robin over ``routes``; for each
    route, the latencies (seconds) of answers with status 200 and the count of the others."""
    results: dict[str, list] = {name: [[], 0] for name in routes}
    names = list(routes)
    limits = httpx.Limits(max_connections=1000, max_keepalive_connections=100)
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:
        async def one(name: str, path: str) -> None:
            started = time.perf_counter()
            try:
                answer = await client.get(path)
                ok = answer.status_code == 200
            except httpx.HTTPError:
                ok = False
            if ok:
                results[name][0].append(time.perf_counter() - started)
            else:
                results[name][1] += 1

        tasks, began = [], time.perf_counter()
        for n in range(int(rate * seconds)):
            await asyncio.sleep(max(0.0, began + n / rate - time.perf_counter()))
            name = names[n % len(names)]
            tasks.append(asyncio.create_task(one(name, random.choice(routes[name]))))
        await asyncio.gather(*tasks)
    return results


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=100, help="requests a second, over all routes")
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'load.db'}"
        started = time.perf_counter()
        ledger = build_ledger(url, args.incidents)
        ids = [i.id for i in ledger.incidents()]
        print(f"ledger: {len(ids):,} incidents, built in {time.perf_counter() - started:.0f} s")
        ledger.close()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        cli = [sys.executable, "-m", "strikeledger.cli"]
        server = subprocess.Popen([*cli, "serve", "--db", url, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            asyncio.run(_wait_ready(base))
            corpus = str(ROOT / "examples" / "corpus")
            ingest = subprocess.Popen([*cli, "ingest", corpus, "--db", url, "--quiet"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            routes = {
                "list": [f"/api/incidents?limit=50&offset={50 * k}" for k in range(20)],
                "detail": [f"/api/incidents/{i}" for i in random.Random(1).sample(ids, min(200, len(ids)))],
                "totals": ["/api/totals"],
                "timeline": ["/api/timeline"],
                "page /": ["/"],
            }
            results = asyncio.run(load(base, routes, args.rate, args.seconds))
            ingest_done = ingest.poll() is not None  # read before it is stopped
            ingest.terminate()  # its rebuild may outlast the load: a transaction, safe to stop
            ingest.wait()
        finally:
            server.kill()  # not a graceful stop: that would first answer every request still queued
            server.wait()
    print(f"load: {args.rate:.0f} requests/s for {args.seconds:.0f} s, round-robin over {len(routes)} "
          f"routes; the ingest {'finished during' if ingest_done else 'ran through'} the load")
    for name, (latencies, errors) in results.items():
        target = f"p99 < {TARGETS[name]} ms, 0 errors" if name in TARGETS else ""
        p50, p95, p99 = (_percentile(latencies, share) for share in (0.5, 0.95, 0.99))
        print(f"  {name:9} p50 {p50:7.0f} ms  p95 {p95:7.0f} ms  p99 {p99:7.0f} ms  "
              f"errors {errors}/{errors + len(latencies)}  {target}")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
