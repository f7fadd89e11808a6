"""The language of an article, detected once at ingest, and which languages the reader reads.

Detection is py3langid's (a maintained fork of langid.py whose model ships inside the package,
so nothing is fetched at run time), chosen on ``bench/language_detect.py``: the README's
"Languages" gives its figures beside lingua's. Codes are ISO 639-1 (``en``, ``es``, ``pt``);
:data:`UNDETERMINED` (``und``, as in ISO 639-2) is a text too short or too mixed to tell.

:data:`READ_LANGUAGES` is the one place that says what the reader reads. An article in another
language is stored with its language and counted, but not extracted (it gives no strike
reports); it is stored as :data:`NOT_READ`, so that once its language joins the set,
``strikeledger rebuild`` reads it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

# The languages the reader (strikeledger.extract) reads. Add a code here when a reader for it
# exists; `strikeledger rebuild` then reads the stored articles in that language.
READ_LANGUAGES = frozenset({"en", "es"})

UNDETERMINED = "und"

# The extractor version stored for an article whose language is not read: never a real
# version, so `rebuild` always looks at it again (and reads it once its language is read).
NOT_READ = "not-read"

# Below this probability py3langid's answer becomes "und". Tuned on bench/language_detect.py:
# at or above 0.9 no article, first line or first sentence of the real English and Spanish sets
# or of the sample corpus is given a wrong language; below it fall three English briefs of 75 to
# 235 characters (0.60, 0.73, 0.90) and a third to a half of the one-line snippets.
MIN_CONFIDENCE = 0.9

# Fewer letters than this is no evidence of a language (a caption, a bare figure).
MIN_LETTERS = 12

_LETTER = re.compile(r"[^\W\d_]")
_CODE = re.compile(r"[a-z]{2}")


@lru_cache(maxsize=1)
def _identifier():
    # Loaded once per process, on first use (about half a second): importing the package
    # for a command that detects nothing costs nothing.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True, min_confidence=MIN_CONFIDENCE)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or ``und`` when unsure.

    Args:
        text: an article's text, as normalised at ingest (the whole of it: on a headline
            alone detection is far less reliable, see the README's "Languages").
    Returns:
        A two-letter code, or :data:`UNDETERMINED` when the text has too few letters or the
        detector's confidence is below :data:`MIN_CONFIDENCE`.
    """
    if len(_LETTER.findall(text)) < MIN_LETTERS:
        return UNDETERMINED
    code, _confidence = _identifier().classify(text)
    # py3langid's labels are ISO 639-1 where one exists; a longer one (e.g. "pcm") is kept as is.
    return code or UNDETERMINED


def language_tag(value: str) -> str | None:
    """A given language (a sidecar's ``language``) as a code: ``"es"``, ``"ES"``, ``"es-MX"`` give
    ``"es"``, ``"und"`` stays; None when it is not a language tag."""
    primary = value.strip().lower().replace("_", "-").split("-", 1)[0]
    if primary == UNDETERMINED or _CODE.fullmatch(primary):
        return primary
    return None


def reads(language: str) -> bool:
    """Whether the reader reads an article in ``language``.

    An undetermined language is read: it is mostly a short English brief (see
    :data:`MIN_CONFIDENCE`), and reading a text the reader cannot follow finds nothing, while
    leaving an English one unread would lose its strike.
    """
    return language in READ_LANGUAGES or language == UNDETERMINED


def tally(counts: Mapping[str, int]) -> str:
    """Counts per language as one phrase, most first, ties by code: ``"es 2, pt 1"``."""
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{code} {n}" for code, n in ordered if n)
