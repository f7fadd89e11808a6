"""Extraction worker processes that never outlive the process that started them.

``ProcessPoolExecutor`` workers wait on a queue whose write end they hold themselves, so when
the ingesting process is killed (SIGKILL, SIGTERM, an out-of-memory kill) they never see it
close and keep running, each holding a spaCy pipeline. Each worker here starts a watchdog
thread that exits the worker as soon as its parent is gone.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

from .extract import ArticleExtractor

# How often a worker checks that its parent lives: the longest a worker outlives a killed ingest.
WATCH_SECONDS = 0.5


def _watch_parent(parent: int) -> None:
    """Exit this worker once ``parent`` is no longer its parent (it died; the worker was re-parented)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_SECONDS)
        os._exit(1)  # no cleanup to run: the worker holds nothing but the reading pipeline

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class GuardedExtractor(ArticleExtractor):
    """:class:`~strikeledger.extract.ArticleExtractor` whose workers exit when this process dies."""

    def __enter__(self) -> "GuardedExtractor":
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_watch_parent, initargs=(os.getpid(),))
        return self
