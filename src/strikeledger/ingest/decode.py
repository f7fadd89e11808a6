"""Reading bytes as text: UTF-8, or an encoding known with certainty, else a clear refusal.

A wrong guess is worse than a refusal: "señor" stored as "seńor" is a quiet corruption of the
evidence every offset points into. So, in order:

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. valid UTF-8 is UTF-8;
3. bytes shaped like UTF-8 but invalid as it (overlong forms, surrogates, past U+10FFFF) are
   refused: they are a known way to smuggle characters past filters, not a legacy encoding;
4. a file whose lines are partly UTF-8 with non-ASCII characters is repaired line by line only
   where each other line is certainly Western (Windows-1252, below), else refused;
5. a file in one legacy encoding is Windows-1252 when that reading is certain, else what the
   maintained detector (charset-normalizer) finds when it is confident, else refused.

"Certainly Western": every non-ASCII character read as Windows-1252 is a letter of the Western
European languages inside a word (``señor``, ``José``, ``garçon``) or typographic punctuation
(curly quotes, dashes, ``¿¡«»``). Bytes of Central European, Cyrillic or Greek encodings read as
Windows-1252 give symbols and stray capitals (``¹``, ``³``, ``Ð``) that fail it.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import InputError

# Share of control characters above which bytes are taken as binary, not text. Tuned on the
# bad-input fixtures in tests/test_ingest_errors.py (PNG, gzip and PDF headers all exceed it).
BINARY_CONTROL_SHARE = 0.05
# charset-normalizer's measures for a guess to be taken: its chaos (noise in the decoded text,
# its own default cut-off is 0.2) at most this, and its coherence (how well the text fits a
# language it knows) at least this. Tuned on the legacy-encoding fixtures of tests/test_decode.py:
# a KOI8-R or Shift JIS sentence read as the wrong encoding scores 0 coherence.
MAX_CHAOS = 0.1
MIN_COHERENCE = 0.2
# A guess is certain only when no other encoding whose chaos is within this of the best one's
# reads the bytes differently (Polish in Windows-1250 fits Windows-1252 just as well).
AMBIGUITY = 0.02
# Share of letters among the non-space characters of real prose, with room for digits and
# punctuation; decoded noise (control characters, symbols) falls far below it.
MIN_LETTER_SHARE = 0.6

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Lead byte, then continuation bytes, whose value is overlong, a surrogate or past U+10FFFF.
_BAD_UTF8 = re.compile(rb"[\xc0\xc1][\x80-\xbf]|\xe0[\x80-\x9f][\x80-\xbf]|\xed[\xa0-\xbf][\x80-\xbf]"
                       rb"|\xf0[\x80-\x8f][\x80-\xbf]{2}|\xf4[\x90-\xbf][\x80-\xbf]{2}|[\xf5-\xf7][\x80-\xbf]{3}")
_WESTERN_LETTERS = set("áéíóúýàèìòùâêîôûäëïöüÿãõñçåæœøßÁÉÍÓÚÝÀÈÌÒÙÂÊÎÔÛÄËÏÖÜÃÕÑÇÅÆŒØ")
_WESTERN_MARKS = set("‘’‚“”„–—…•€¿¡«»°ºª£§©®·\u00a0")


def looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:8192]:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, source: str) -> str:
    """Decode article bytes; raise InputError naming ``source`` when they are not text, or when
    their encoding cannot be known with certainty."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), source)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"invalid {encoding} after its byte-order mark (byte {exc.start})") from exc
    if not data.strip():
        raise InputError(source, "empty file")
    if looks_binary(data):
        raise InputError(source, "binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    bad = _BAD_UTF8.search(data)
    if bad:
        raise InputError(source, f"not UTF-8: an overlong or out-of-range UTF-8 sequence at byte {bad.start()} "
                                 "is refused; re-save it as UTF-8")
    lines = data.split(b"\n")
    utf8 = [_utf8(line) for line in lines]
    if any(text is not None and not text.isascii() for text in utf8):
        return _checked(_repaired(lines, utf8, source), source)
    western = _western(data)
    if western is not None:
        return _checked(western, source)
    return _checked(_detected(data, source), source)


def _utf8(line: bytes) -> str | None:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _repaired(lines: list[bytes], utf8: list[str | None], source: str) -> str:
    """A file mixing UTF-8 lines with legacy ones: each legacy line read as Windows-1252 when that
    is certain; InputError naming the first line where it is not."""
    out = []
    for number, (line, text) in enumerate(zip(lines, utf8), start=1):
        if text is None:
            text = _western(line)
            if text is None:
                raise InputError(source, f"mixes UTF-8 with another encoding that cannot be known with "
                                         f"certainty (line {number}); re-save it as UTF-8")
        out.append(text)
    return "\n".join(out)


def _western(data: bytes) -> str | None:
    """``data`` read as Windows-1252 when every non-ASCII character is certainly Western, else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d)
        return None
    for i, char in enumerate(text):
        if char.isascii() or char in _WESTERN_MARKS:
            continue
        if char not in _WESTERN_LETTERS:
            return None
        before, after = text[i - 1:i], text[i + 1:i + 2]
        if not (before.isalpha() or after.isalpha() or char.islower()):  # alone: ``à``, ``é``, never ``Ð``
            return None
    return text


def _detected(data: bytes, source: str) -> str:
    found = from_bytes(data)
    best = found.best()
    doubt = ""
    if best is None:
        pass
    elif best.chaos > MAX_CHAOS or best.coherence < MIN_COHERENCE:
        doubt = f" (the best guess, {best.encoding}, is not certain)"
    else:
        text = str(best)
        rival = next((m for m in found if m.chaos <= best.chaos + AMBIGUITY and str(m) != text), None)
        if rival is None:
            return text
        doubt = f" ({best.encoding} and {rival.encoding} fit it equally, and read it differently)"
    raise InputError(source, f"not UTF-8 and its encoding cannot be known with certainty{doubt}; "
                             "re-save it as UTF-8")


def _checked(text: str, source: str) -> str:
    visible = [c for c in text if not c.isspace()]
    if not visible:
        raise InputError(source, "empty file")
    if sum(c.isalpha() for c in visible) / len(visible) < MIN_LETTER_SHARE:
        raise InputError(source, "not UTF-8 and no other text encoding fits; re-save it as UTF-8")
    return text
