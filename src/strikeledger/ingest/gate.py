"""The relevance gate: a cheap test, before any statistical reading, of whether an article can be
about the campaign at all.

In a news archive perhaps one article in a hundred is about the boat strikes; reading the other
ninety-nine with spaCy costs time and, worse, finds strikes in weather, fishing and labour news.
The gate is one compiled regular expression (its words factored as a trie) over the text folded
to lower case without accents (so ``embarcación`` and ``EMBARCACION`` are one word). An article
passes when, within ``window`` characters, a word of force (strike, killed, ataque...) stands with
words of two of the campaign's topics: a target (a vessel), drugs, the command. The word lists
and the window are data, in ``data/gate.json``, with the evaluation that tuned them; the gate
must never set aside a relevant article (``tests/test_gate.py``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
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
    return _SEPARATOR.join(words)


_SEPARATOR = r"[\s\-]+"
_SEPARATORS = re.compile(_SEPARATOR)
_SPACE, _STAR, _END, _STEM = "\x01", "\x02", "\x03", "\x04"  # trie keys that are no letters


def _trie_pattern(entries: list[str]) -> str:
    """One regular expression matching every entry, factored as a trie ("strike", "struck" as
    ``str(?:ike|uck)``): Python's engine tries an alternation's branches one by one, so three
    hundred words side by side cost three hundred tries at every word; a trie, a few."""
    root: dict = {}
    for entry in entries:
        node = root
        for n, word in enumerate(entry.split()):
            if n:
                node = node.setdefault(_SPACE, {})
            node = _walk(node, word[:-1] if word.endswith("*") else word)
            if word.endswith("*"):
                node = node.setdefault(_STAR, {})
        node[_END] = True
    return _render(root)


def _walk(node: dict, letters: str) -> dict:
    for letter in letters:
        node = node.setdefault(letter, {})
    return node


def _render(node: dict) -> str:
    branches = []
    for key in sorted(k for k in node if k != _END):  # longer matches first: _SPACE, _STAR sort first
        head = {_SPACE: _SEPARATOR, _STAR: r"\w*"}.get(key, re.escape(key))
        branches.append(head + _render(node[key]))
    if node.get(_END):
        branches.append(r"(?!\w)" if not branches or _STAR not in node else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


# The classes of a window that, beside a word of force, make it speak of the campaign: two of them.
TOPICS = ("target", "drugs", "command")
NEEDED = 2


@dataclass(frozen=True)
class Gate:
    """A compiled gate: ``passes(text)`` says whether an article may be about the campaign.

    ``pattern`` finds every word of every list; ``exact``, ``stems`` and ``inner`` give the
    classes (``force``, ``target``, ``drugs``, ``command``, ``sea``) of what it found: whole
    entries, entries ending in ``*`` by the start they give, entries with a ``*`` inside.
    """

    pattern: re.Pattern[str]
    exact: dict[str, tuple[str, ...]]
    stems: dict[str, tuple[str, ...]]
    inner: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    window: int

    def classes(self, found: str) -> tuple[str, ...]:
        """The classes of a text the pattern found: the most specific entry's (the longest)."""
        key = _SEPARATORS.sub(" ", found)
        if key in self.exact:
            return self.exact[key]
        if " " in key:
            for pattern, classes in self.inner:
                if pattern.fullmatch(key):
                    return classes
        for end in range(len(key), 0, -1):
            if key[:end] in self.stems:
                return self.stems[key[:end]]
        return ()

    def passes(self, text: str) -> bool:
        """Whether ``text`` (an article's text, raw or normalised) passes the gate: somewhere in
        it, within ``window`` characters, a word of force and words of two of the topics."""
        window = self.window
        last = dict.fromkeys(("force", "sea", *TOPICS), -window - 1)
        for match in self.pattern.finditer(fold(text)):
            at = match.start()
            for name in self.classes(match.group()):
                last[name] = at
            # each window is checked at its last word: all its words are then behind it
            if at - last["force"] <= window and sum(at - last[t] <= window for t in TOPICS) >= NEEDED:
                return True
        return False

    def anywhere(self) -> "Gate":
        """This gate with no limit on distance: words anywhere in the text count. Coarser, so it
        never sets aside a text this gate passes; asked of raw records before they are parsed."""
        return Gate(self.pattern, self.exact, self.stems, self.inner, 1 << 62)


def compile_gate(lists: dict) -> Gate:
    """A :class:`Gate` from word lists shaped like ``data/gate.json``: ``window`` and ``lists``,
    each list its ``classes`` and its ``words``. A word in two lists has the classes of both."""
    exact: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    inner: dict[str, set[str]] = {}
    for entry in lists["lists"]:
        for word in entry["words"]:
            word = " ".join(fold(word).split())
            key = " ".join(w.rstrip("*") for w in word.split())
            table = inner if "*" in word.rstrip("*") else stems if word.endswith("*") else exact
            table.setdefault(word if table is inner else key, set()).update(entry["classes"])
    words = [*exact, *(s + "*" for s in stems), *inner]
    return Gate(
        re.compile(r"\b" + _trie_pattern(words)),
        {k: tuple(sorted(v)) for k, v in exact.items()},
        {k: tuple(sorted(v)) for k, v in stems.items()},
        tuple((re.compile(_alternative(w)), tuple(sorted(v))) for w, v in sorted(inner.items())),
        int(lists["window"]),
    )


@lru_cache(maxsize=1)
def default_gate() -> Gate:
    """The gate built from the package's ``data/gate.json`` (compiled once per process)."""
    lists = json.loads(resources.files("strikeledger").joinpath("data/gate.json").read_text("utf-8"))
    return compile_gate(lists)


def passes(text: str) -> bool:
    """Whether ``text`` passes the default gate (:func:`default_gate`)."""
    return default_gate().passes(text)
