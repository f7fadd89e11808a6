"""Claimed stretches of a text: which characters an earlier, stronger pattern already read."""

from __future__ import annotations


class ClaimedSpans:
    """Character ranges of one text claimed by earlier matches.

    A bytearray, not a list of ranges: checking a match costs its own length, not the number of
    matches before it (thousands, on a hostile line).
    """

    def __init__(self, length: int):
        self._claimed = bytearray(length + 1)

    def overlaps(self, start: int, end: int) -> bool:
        return any(self._claimed[start:end])

    def claim(self, start: int, end: int) -> None:
        self._claimed[start:end] = b"\x01" * (end - start)
