"""Scanning archives on Dask: partitions read, gated and extracted on workers, stored here.

The client plans the partitions (:mod:`.partitions`), keeps a bounded number of them in flight
on the cluster (so memory stays flat however large the archive), stores each partition's
articles as its result arrives, then marks the partition finished in the checkpoint
(:mod:`.checkpoint`). Only the client writes to the ledger: workers need the archives' paths,
not the database. Incidents are resolved once, at the end.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..extract import EXTRACTOR_VERSION
from ..ingest import IngestOptions, Rejected
from ..pipeline import IngestSummary, rebuild, store_read
from ..store import Ledger
from .checkpoint import DEFAULT_CHECKPOINT, Checkpoint
from .partitions import PARTITION_BYTES, Partition, archive_files, archive_key, archive_kind, plan
from .work import PartitionResult, scan_partition

# Partitions in flight per worker thread: one running, one queued, so no worker waits for the
# client between two partitions, and no more than that is held in memory.
IN_FLIGHT_PER_THREAD = 2


@dataclass
class ScanSummary(IngestSummary):
    """What a scan did: the ingest counts, plus the records read and the partitions scanned now
    (``partitions``) or finished by an earlier, interrupted run (``resumed``)."""

    records: int = 0
    partitions: int = 0
    resumed: int = 0

    def as_dict(self) -> dict:
        return {**super().as_dict(), "records": self.records, "partitions": self.partitions,
                "resumed": self.resumed}


def scan(
    ledger: Ledger,
    paths: Iterable[str | Path],
    *,
    scheduler: str | None = None,
    workers: int = 2,
    checkpoint: str | Path = DEFAULT_CHECKPOINT,
    options: IngestOptions | None = None,
    gated: bool = True,
    partition_bytes: int = PARTITION_BYTES,
    on_partition: Callable[[int, int], None] | None = None,
) -> ScanSummary:
    """Scan WARC, WARC.gz, JSON Lines and JSON Lines .gz archives into ``ledger``.

    Args:
        scheduler: a Dask scheduler's address; None starts a LocalCluster of ``workers``
            single-threaded worker processes for this scan.
        checkpoint: the file that records finished partitions; a scan of the same archives into
            the same ledger skips those and resumes with the rest.
        gated: False reads every record (the ``keep_set_aside`` setting), True sets aside what
            the relevance gate does not pass.
        on_partition: called with (partitions done, partitions in all) as each one finishes.
    Returns:
        The counts; rejected records and archives are in ``rejected``, never raised.
    """
    from distributed import Client, LocalCluster, as_completed  # loaded only by a scan

    summary = ScanSummary()
    marks = Checkpoint(checkpoint)
    todo: list[tuple[str, Partition]] = []
    for path in archive_files(paths):
        if not path.is_file() or archive_kind(path) is None:
            reason = "no such file, or not a WARC or JSON Lines archive (.warc, .warc.gz, .jsonl, .jsonl.gz)"
            summary.rejected.append(Rejected(path.as_posix(), reason))
            continue
        key = archive_key(path, partition_bytes, ledger.url)
        for part in plan(path, partition_bytes):
            if marks.finished(key, part.index):
                summary.resumed += 1
            else:
                todo.append((key, part))
    cluster = None if scheduler else LocalCluster(
        n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=logging.ERROR)
    client = Client(scheduler or cluster)
    try:
        limit = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
        queue, keys, running = iter(todo), {}, as_completed()

        def submit_next() -> None:
            for key, part in queue:
                future = client.submit(scan_partition, part, options, gated, pure=False,
                                       key=f"scan-{key}-{part.index}")
                keys[future.key] = (key, part)
                running.add(future)
                return

        for _ in range(limit):
            submit_next()
        for future in running:
            key, part = keys.pop(future.key)
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - one partition's failure is reported, not raised
                summary.rejected.append(Rejected(f"{part.path}@{part.start}", f"partition failed ({exc}); "
                                                 "it is read again when the scan is run again"))
            else:
                if _store(ledger, result, summary):
                    marks.mark(key, part.index)
            future.release()
            summary.partitions += 1
            if on_partition is not None:
                on_partition(summary.partitions, len(todo))
            submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    summary.incidents = len(rebuild(ledger))
    return summary


def _store(ledger: Ledger, result: PartitionResult, summary: ScanSummary) -> bool:
    """Store one partition's articles; False (nothing stored) when another extractor read them."""
    part = result.partition
    if result.extractor_version != EXTRACTOR_VERSION:
        summary.rejected.append(Rejected(
            f"{part.path}@{part.start}", f"read by extractor {result.extractor_version}, not this one "
            f"({EXTRACTOR_VERSION}): run the same strikeledger on the workers and the client"))
        return False
    summary.records += result.records
    summary.set_aside += result.set_aside
    summary.rejected.extend(result.rejected)
    for article, extraction in result.articles:
        store_read(ledger, article, extraction, summary)
    return True
