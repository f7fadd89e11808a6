"""Benchmark: ingest the sample corpus replicated to N articles; print articles/second and peak memory.

Each copy gets a distinct first line, so every replicated article is a new article (not a
duplicate) and the full pipeline runs for it: read, normalise, extract, store; then the
incidents are resolved once. Run on demand (`make bench`); not a test.

    python bench/ingest_speed.py [--articles 5000] [--workers 2] [--db sqlite:///bench.db]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from strikeledger import service
from strikeledger.ingest import iter_articles
from strikeledger.records import Article
from strikeledger.store import Ledger

ROOT = Path(__file__).resolve().parent.parent


def build_archive(target: Path, articles: int) -> int:
    """Write a JSON Lines archive of the sample corpus repeated to ``articles`` lines."""
    base = [a for a in iter_articles([ROOT / "examples" / "corpus"]) if isinstance(a, Article)]
    with target.open("w", encoding="utf-8") as handle:
        for n in range(articles):
            a = base[n % len(base)]
            record = {"id": f"{a.id}-{n}", "url": f"{a.url or 'urn:' + a.id}#copy{n}", "outlet": a.outlet, "title": a.title,
                      "published": a.published.isoformat() if a.published else None, "text": f"[copy {n}]\n{a.text}"}
            handle.write(json.dumps(record) + "\n")
    return sum(len(a.text) for a in base) * articles // len(base)


def regex_floor(archive: Path) -> float:
    """Articles per second of a reader made of regular expressions only (the floor the reader is
    measured against): the relevance gate, then the domain's words, numbers and dates found."""
    import re

    from strikeledger.extract.lexicon import NUMBER, VESSEL_WORD
    from strikeledger.ingest.gate import default_gate

    gate = default_gate()
    number = re.compile(rf"\b{NUMBER}\b", re.IGNORECASE)
    day = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")
    texts = [json.loads(line)["text"] for line in archive.open(encoding="utf-8")]
    started = time.perf_counter()
    for text in texts:
        if gate.passes(text):
            VESSEL_WORD.findall(text), number.findall(text), day.findall(text)
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--db", default=None, help="database URL (default: a scratch SQLite file)")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        archive = Path(scratch) / "replicated.jsonl"
        chars = build_archive(archive, args.articles)
        ledger = Ledger.open(args.db or f"sqlite:///{Path(scratch) / 'bench.db'}")
        started = time.perf_counter()
        summary = service.ingest(ledger, [archive], workers=args.workers)
        elapsed = time.perf_counter() - started
        floor = regex_floor(archive)
        # Workers' memory counts too: the peak of this process plus the largest worker.
        peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        ledger.close()
    print(f"articles: {summary.ingested} ingested ({chars / 1e6:.1f} M characters), {summary.incidents} incidents")
    print(f"workers: {args.workers}  time: {elapsed:.1f} s  rate: {summary.ingested / elapsed:.1f} articles/s")
    print(f"peak memory (max RSS): {peak_mib:.0f} MiB in the main process, {worker_mib:.0f} MiB in the largest worker")
    print(f"floor: regular expressions alone over the same articles: {floor:,.0f} articles/s, one core")
    print(f"python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
