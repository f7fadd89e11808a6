"""The record of finished partitions, so that a scan killed at any moment resumes where it was.

A partition is marked finished only after every article it gave is stored (each in its own
transaction), and the mark is written whole or not at all (a new file renamed over the old,
after fsync). So a scan killed with SIGKILL loses no article: a partition whose mark was not
written is read again, and what of it was stored comes back as duplicates, never a second copy
(articles are stored under the hash of their text).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..errors import InputError

VERSION = 1
# In the current directory unless a scan names another.
DEFAULT_CHECKPOINT = "strikeledger-scan.checkpoint.json"


class Checkpoint:
    """Finished partitions per archive key (:func:`~.partitions.archive_key`), kept in one file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._done: dict[str, set[int]] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self._done = {key: set(map(int, done)) for key, done in data["done"].items()}
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                reason = f"not a scan checkpoint ({exc}); remove it to scan anew"
                raise InputError(self.path.as_posix(), reason) from exc

    def finished(self, key: str, index: int) -> bool:
        """Whether partition ``index`` of the archive ``key`` is finished."""
        return index in self._done.get(key, ())

    def mark(self, key: str, index: int) -> None:
        """Record partition ``index`` of ``key`` as finished, durably, before returning."""
        self._done.setdefault(key, set()).add(index)
        data = {"version": VERSION, "done": {k: sorted(v) for k, v in sorted(self._done.items())}}
        scratch = self.path.with_name(self.path.name + ".tmp")
        with scratch.open("w", encoding="utf-8") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(scratch, self.path)
