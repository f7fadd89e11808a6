"""The relevance gate: a cheap test, before any statistical reading, of whether an article can be
about the campaign at all.

In a news archive perhaps one article in a hundred is about the boat strikes; reading the other
ninety-nine with spaCy costs time and, worse, finds strikes in weather, fishing and labour news.
The gate is one compiled regular expression over the text folded to lower case without accents
(so ``embarcación`` and ``EMBARCACION`` are one word). An article passes when a word of force
(strike, killed, ataque...) stands within ``window`` characters of a word of the campaign (a
vessel, the seas) and the article names a marker of it anywhere (drugs, the command, the
operation). The word lists and the window are data, in ``data/gate.json``, with the evaluation
that tuned them; the gate must never set aside a relevant article (``tests/test_gate.py``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from importlib import resources

_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """``text`` in lower case with accents removed, one character per character of the input
    except where a letter carries an accent (offsets are not kept: the gate needs none)."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFD", text.lower()))


def _alternative(entry: str) -> str:
    """One word-list entry as a regular expression: a word ending in ``*`` any word it begins,
    a space any run of spaces or hyphens ("go fast" is also "go-fast")."""
    words = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"(?!\w)"
             for w in entry.split()]
    return r"[\s\-]+".join(words)


# The classes of a window that, beside a word of force, make it speak of the campaign: two of them.
TOPICS = ("target", "drugs", "command")
NEEDED = 2


@dataclass(frozen=True)
class Gate:
    """A compiled gate: ``passes(text)`` says whether an article may be about the campaign.

    ``classes[name]`` are the classes (``force``, ``where``, ``drugs``, ``command``) of the words
    the pattern's group ``name`` matches.
    """

    pattern: re.Pattern[str]
    classes: dict[str, tuple[str, ...]]
    window: int

    def passes(self, text: str) -> bool:
        """Whether ``text`` (an article's text, raw or normalised) passes the gate: somewhere in
        it, within ``window`` characters, a word of force and words of two of the topics."""
        last = dict.fromkeys(("force", *TOPICS, *chain(*self.classes.values())), -self.window - 1)
        for match in self.pattern.finditer(fold(text)):
            at = match.start()
            for name in self.classes[match.lastgroup]:
                last[name] = at
            # each window is checked at its last word: all its words are then behind it
            if at - last["force"] <= self.window and \
                    sum(at - last[t] <= self.window for t in TOPICS) >= NEEDED:
                return True
        return False


def compile_gate(lists: dict) -> Gate:
    """A :class:`Gate` from word lists shaped like ``data/gate.json``: ``window`` and ``lists``,
    each list its ``classes`` and its ``words``."""
    parts, classes = [], {}
    for n, entry in enumerate(lists["lists"]):
        # longest first: an alternation takes the first word that fits, not the longest
        words = sorted({fold(w) for w in entry["words"]}, key=len, reverse=True)
        parts.append((len(entry["classes"]), f"(?P<g{n}>{'|'.join(_alternative(w) for w in words)})"))
        classes[f"g{n}"] = tuple(entry["classes"])
    # lists of more classes first, so that "boat strike" wins over "boat"
    ordered = [p for _, p in sorted(parts, key=lambda p: -p[0])]
    return Gate(re.compile(r"\b(?:" + "|".join(ordered) + ")"), classes, int(lists["window"]))


@lru_cache(maxsize=1)
def default_gate() -> Gate:
    """The gate built from the package's ``data/gate.json`` (compiled once per process)."""
    lists = json.loads(resources.files("strikeledger").joinpath("data/gate.json").read_text("utf-8"))
    return compile_gate(lists)


def passes(text: str) -> bool:
    """Whether ``text`` passes the default gate (:func:`default_gate`)."""
    return default_gate().passes(text)
