"""Cutting archives into partitions that workers read on their own, by byte range.

A partition is a byte range of one archive file: it holds the records that *begin* inside the
range, so that neighbouring partitions never share a record and a worker needs nothing but the
path and the two offsets. WARC records are found from any offset by their start (``WARC/1.x`` at
a line start, or, in a ``.warc.gz``, a gzip member that opens with one: Common Crawl writes one
member per record); JSON Lines records by the newline before them. A ``.jsonl.gz`` is one gzip
stream, which cannot be entered in the middle, so it is one partition.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
# Bytes per partition. Tuned with bench/archive_speed.py: ~8 MB of WARC.gz is some 2,000 news
# pages, a few seconds of a worker's time, so the progress bar moves and a killed scan loses
# little, while the scheduler's overhead per partition (a few ms) stays far below 1 %.
PARTITION_BYTES = 8 << 20
_PROBE = 1 << 16


@dataclass(frozen=True)
class Partition:
    """Records of ``path`` that begin at an offset in [``start``, ``end``)."""

    path: str
    kind: str  # "warc" or "jsonl"
    start: int
    end: int
    index: int  # its place among the partitions of its archive
    count: int  # how many partitions its archive has


def archive_kind(path: Path) -> str | None:
    """``warc`` or ``jsonl`` for the archives ``scan`` reads, else None."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def archive_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The archives named, and those inside directories named, in a stable order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.is_file() and archive_kind(p))
        else:
            yield path


def plan(path: Path, partition_bytes: int = PARTITION_BYTES) -> list[Partition]:
    """The partitions of one archive file, in order (at least one, even for an empty file)."""
    size = path.stat().st_size
    kind = archive_kind(path) or "jsonl"
    if path.name.lower().endswith(".jsonl.gz") or size <= partition_bytes:
        bounds = [(0, size)]
    else:
        starts = list(range(0, size, partition_bytes))
        bounds = list(zip(starts, starts[1:] + [size]))
    return [Partition(path.as_posix(), kind, start, end, n, len(bounds))
            for n, (start, end) in enumerate(bounds)]


def archive_key(path: Path, partition_bytes: int, target: str) -> str:
    """What identifies one scan of one archive into one ledger: the file as it is now (path,
    size, modification time), how it is cut, and where it goes. A changed file is scanned anew."""
    stat = path.stat()
    text = f"{path.resolve().as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\0{partition_bytes}\0{target}"
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def first_record(handle: IO[bytes], part: Partition) -> int | None:
    """The offset of the first record beginning in the partition, or None when none does."""
    if part.start == 0:
        return 0 if part.end > 0 else None
    if part.kind == "jsonl":
        handle.seek(part.start - 1)
        handle.readline()  # the rest of the line begun before the range (or just its newline)
        at = handle.tell()
        return at if at < part.end else None
    gz = part.path.lower().endswith(".gz")
    at = part.start
    while at < part.end:
        base = at if gz else at - 1  # a plain record's start is known by the newline before it
        handle.seek(base)
        chunk = handle.read(_PROBE + 64)
        if not chunk:
            return None
        found = _warc_start(chunk, gz)
        if found is not None:
            return base + found if base + found < part.end else None
        at += _PROBE
    return None


def _warc_start(chunk: bytes, gz: bool) -> int | None:
    """The offset in ``chunk`` of the first WARC record start (a gzip member opening with one
    when ``gz``), or None."""
    marker = b"\x1f\x8b\x08" if gz else b"\nWARC/1."
    at = chunk.find(marker)
    while at != -1 and at < _PROBE:
        if not gz:
            return at + 1
        try:
            head = zlib.decompressobj(31).decompress(chunk[at:], 16)
        except zlib.error:
            head = b""
        if head.startswith(b"WARC/1."):
            return at
        at = chunk.find(marker, at + 1)
    return None
