"""Text normalisation, done once at ingest: every character offset refers to this text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
# C0 control characters but tab and line feed (carriage returns are line ends, unified first).
# PostgreSQL refuses NUL in text and SQLite keeps it, so they go here: one text on both. With
# them DEL and the C1 controls, and the invisible characters that change how text shows but say
# nothing: bidi embeddings, overrides, isolates and marks (a toll wrapped in an override reads
# backwards on screen and splits the word for the reader), joiners, word joiners, invisible
# operators and soft hyphens ("kil\u00adled"). Removed before the text is stored, so every offset
# into the stored text is an offset into what extraction read.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200c-\u200f\u202a-\u202e"
                       r"\u2060-\u2064\u2066-\u206f]")


def strip_controls(raw: str) -> str:
    """``raw`` without control characters (but tab and line feed) and invisible formatting ones."""
    return _CONTROLS.sub("", raw.replace("\x0b", "\n").replace("\x0c", "\n"))  # VT, FF: line breaks


def normalise_text(raw: str) -> str:
    """NFC, unified line ends, no control characters (but tab and line feed), single spaces, at
    most one blank line between paragraphs.

    Quotes and dashes are kept as written: they are evidence, and offsets must point at what
    the source said.
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = strip_controls(text.replace("\ufeff", ""))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_id(text: str) -> str:
    """A stable id for an article: the first 16 hex digits of the SHA-256 of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
