"""Reading bytes as text: UTF-8 first, then a detected encoding, else a clear refusal."""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import InputError

# Share of control characters above which bytes are taken as binary, not text. Tuned on the
# bad-input fixtures in tests/test_ingest_errors.py (PNG, gzip and PDF headers all exceed it).
BINARY_CONTROL_SHARE = 0.05


def looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, source: str) -> str:
    """Decode article bytes; raise InputError naming ``source`` when they are not text."""
    if not data.strip():
        raise InputError(source, "empty file")
    if looks_binary(data):
        raise InputError(source, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    # charset-normalizer's chaos measure: above this the guess is noise (its own default cut-off is 0.2).
    text = str(best) if best is not None and best.chaos <= 0.2 else ""
    if not _mostly_words(text):
        raise InputError(source, "not UTF-8 and no other text encoding fits; re-save it as UTF-8")
    return text


# Share of letters among the non-space characters of real prose, with room for digits and
# punctuation; decoded noise (control characters, symbols) falls far below it.
MIN_LETTER_SHARE = 0.6


def _mostly_words(text: str) -> bool:
    visible = [c for c in text if not c.isspace()]
    return bool(visible) and sum(c.isalpha() for c in visible) / len(visible) >= MIN_LETTER_SHARE
