"""``strikeledger scan``: news archives (WARC, WARC.gz, JSON Lines) read on a Dask cluster.

:mod:`.partitions` cuts archives by byte range, :mod:`.work` is what a worker does with one
partition (read, gate, extract), :mod:`.run` keeps partitions in flight and stores their results,
:mod:`.checkpoint` records the finished ones so that a killed scan resumes.
"""

from .checkpoint import DEFAULT_CHECKPOINT
from .run import ScanSummary, scan

__all__ = ["DEFAULT_CHECKPOINT", "ScanSummary", "scan"]
