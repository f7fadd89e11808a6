"""Benchmark: scanning a synthetic mixed news archive, gated, beside the ungated reader and grep.

Writes the archive of ``bench/mixed_news.py`` (deterministic; ~1 % about the campaign) as a
WARC.gz of pages, one gzip member per record as Common Crawl News writes them, and prints, with
the issue's targets beside them:

- the gate alone: its recall on the campaign's articles and its pass rate on the rest;
- reading the WARC.gz: fastwarc and warcio side by side (records per second);
- ``zcat | grep -c`` over the same file: the floor;
- the full pipeline without the gate (``ingest``) on the first ``--sample`` articles;
- ``strikeledger scan`` (gated, LocalCluster) on all of it with 1 and 2 workers, and on the first
  10,000 with 2 workers: articles per second, relevant articles per second, incidents, peak memory.

Run on demand; not a test:

    python bench/archive_speed.py [--articles 100000] [--sample 500] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from mixed_news import generate  # noqa: E402

from strikeledger import service  # noqa: E402
from strikeledger.ingest.gate import default_gate  # noqa: E402
from strikeledger.scan.warcfile import Page, write_warc  # noqa: E402
from strikeledger.store import Ledger  # noqa: E402


def _page(item) -> Page:
    """A generated article as the page a crawler fetched at noon of its publication day."""
    return Page(item.url, item.page(), f"{item.published.isoformat()}T12:00:00Z")


def write_archives(folder: Path, count: int) -> dict:
    """The WARC.gz of ``count`` articles, a JSON Lines copy of the first ``sample`` for ingest,
    and the first 10,000 as a WARC.gz of their own; returns what was written."""
    started = time.perf_counter()
    items = list(generate(count))
    pages = (_page(item) for item in items)
    write_warc(folder / "news.warc.gz", pages)
    small = min(10_000, count)
    write_warc(folder / "news-10k.warc.gz", (_page(i) for i in items[:small]))
    with (folder / "news.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(item.json_line() for item in items)
    return {"items": items, "seconds": time.perf_counter() - started, "small": small,
            "bytes": (folder / "news.warc.gz").stat().st_size}


def gate_figures(items) -> dict:
    gate = default_gate()
    started = time.perf_counter()
    passed = [gate.passes(item.text) for item in items]
    seconds = time.perf_counter() - started
    campaign = [p for p, item in zip(passed, items) if item.campaign]
    other = [p for p, item in zip(passed, items) if not item.campaign]
    return {"recall": sum(campaign) / max(1, len(campaign)), "campaign": len(campaign),
            "pass_rate_other": sum(other) / max(1, len(other)), "rate": len(items) / seconds}


def warc_readers(path: Path) -> dict:
    """Records per second reading every response record's body, with each library."""
    from fastwarc.warc import ArchiveIterator as FastIterator, WarcRecordType
    from warcio.archiveiterator import ArchiveIterator as WarcioIterator

    figures = {}
    started = time.perf_counter()
    with path.open("rb") as handle:
        count = sum(1 for r in FastIterator(handle, record_types=WarcRecordType.response) if r.reader.read())
    figures["fastwarc"] = count / (time.perf_counter() - started)
    started = time.perf_counter()
    with path.open("rb") as handle:
        count = sum(1 for r in WarcioIterator(handle)
                    if r.rec_type == "response" and r.content_stream().read())
    figures["warcio"] = count / (time.perf_counter() - started)
    return figures


def grep_floor(path: Path) -> float:
    started = time.perf_counter()
    subprocess.run(f"zcat {path} | grep -c -i strike", shell=True, check=False, capture_output=True)
    return time.perf_counter() - started


def ungated(folder: Path, sample: int) -> dict:
    archive = folder / "sample.jsonl"
    with (folder / "news.jsonl").open(encoding="utf-8") as source:
        lines = list(islice(source, sample + 1))
    warm = folder / "warm.jsonl"
    warm.write_text(lines[-1], encoding="utf-8")
    archive.write_text("".join(lines[:sample]), encoding="utf-8")
    # the models are loaded before the clock starts: the rate is the reading's, not the loading's
    service.ingest(Ledger.open(f"sqlite:///{folder / 'warm.db'}"), [warm])
    ledger = Ledger.open(f"sqlite:///{folder / 'ungated.db'}")
    started = time.perf_counter()
    summary = service.ingest(ledger, [archive])
    seconds = time.perf_counter() - started
    return {"articles": sample, "seconds": seconds, "rate": sample / seconds, "incidents": summary.incidents}


def scan_in_subprocess(archive: Path, workers: int, folder: Path) -> dict:
    """One scan in a process of its own, so that its peak memory is its own."""
    db = folder / f"scan-{archive.stem}-{workers}.db"
    db.unlink(missing_ok=True)
    output = subprocess.run([sys.executable, __file__, "--run-scan", str(archive), "--workers", str(workers),
                             "--db", f"sqlite:///{db}"], capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def run_scan(archive: str, workers: int, db: str) -> None:
    from strikeledger.scan import scan

    started = time.perf_counter()
    first: list[float] = []  # when the first partition came back: cluster start and models loaded

    def progress(done: int, total: int) -> None:
        first.append(first[0] if first else time.perf_counter() - started)

    with tempfile.TemporaryDirectory() as scratch:
        summary = scan(Ledger.open(db), [archive], workers=workers, checkpoint=Path(scratch) / "ck.json",
                       on_partition=progress)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "first": first[0] if first else seconds,
                      "records": summary.records, "ingested": summary.ingested,
                      "syndicated": summary.syndicated, "set_aside": summary.set_aside,
                      "incidents": summary.incidents, "rejected": len(summary.rejected),
                      "client_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "worker_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=500, help="articles read by the ungated pipeline")
    parser.add_argument("--keep", type=Path, help="write the archives here and keep them")
    parser.add_argument("--run-scan", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=2, help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run_scan:
        run_scan(args.run_scan, args.workers, args.db)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        written = write_archives(folder, args.articles)
        items = written.pop("items")
        print(f"archive: {len(items):,} articles, {sum(i.campaign for i in items):,} about the campaign, "
              f"{written['bytes'] / 1e6:.0f} MB of WARC.gz (written in {written['seconds']:.0f} s)")
        gate = gate_figures(items)
        print(f"gate: recall {gate['recall']:.2f} on {gate['campaign']} campaign articles (target 1.00); "
              f"passes {gate['pass_rate_other']:.2%} of the rest; "
              f"{gate['rate']:,.0f} articles/s on one core")
        readers = warc_readers(folder / "news.warc.gz")
        print(f"reading the WARC.gz: fastwarc {readers['fastwarc']:,.0f} records/s, "
              f"warcio {readers['warcio']:,.0f} records/s ({readers['fastwarc'] / readers['warcio']:.1f}x)")
        floor = grep_floor(folder / "news.warc.gz")
        print(f"floor: zcat | grep -c over the WARC.gz: {floor:.1f} s "
              f"({len(items) / floor:,.0f} articles/s)")
        base = ungated(folder, min(args.sample, len(items)))
        print(f"ungated ingest, 1 process, first {base['articles']:,} articles: {base['seconds']:.0f} s, "
              f"{base['rate']:.1f} articles/s, {base['incidents']} incidents")
        relevant = sum(i.campaign for i in items)
        runs = [(folder / "news.warc.gz", 1), (folder / "news.warc.gz", 2), (folder / "news-10k.warc.gz", 2)]
        for archive, workers in runs:
            figures = scan_in_subprocess(archive, workers, folder)
            count = figures["records"]
            share = relevant if count == len(items) else sum(i.campaign for i in items[:count])
            rate = count / figures["seconds"]
            print(f"scan {archive.name}, {workers} worker(s): {count:,} articles "
                  f"in {figures['seconds']:.0f} s "
                  f"({figures['first']:.0f} s to the first partition: cluster start, models) = "
                  f"{rate:,.0f} articles/s (target >= 2,000 on 2), "
                  f"{share / figures['seconds']:.1f} relevant/s (target >= 100), "
                  f"{rate / base['rate']:.0f}x the ungated path (target >= 50x)")
            print(f"    stored {figures['ingested']} (+{figures['syndicated']} syndicated), set aside "
                  f"{figures['set_aside']:,}, rejected {figures['rejected']}, "
                  f"{figures['incidents']} incidents; "
                  f"peak memory {figures['client_mib']:.0f} MiB client + "
                  f"{figures['worker_mib']:.0f} MiB largest worker")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
