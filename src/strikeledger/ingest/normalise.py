"""Text normalisation, done once at ingest: every character offset refers to this text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(raw: str) -> str:
    """NFC, unified line ends, single spaces, at most one blank line between paragraphs.

    Quotes and dashes are kept as written: they are evidence, and offsets must point at what
    the source said.
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_id(text: str) -> str:
    """A stable id for an article: the first 16 hex digits of the SHA-256 of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
