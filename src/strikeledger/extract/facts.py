"""Facts: an extracted value tied to the words of the sentence that state it."""

from __future__ import annotations

from ..records import Article, Fact
from .sentences import Sentence


def sentence_fact(
    article: Article,
    sentence: Sentence,
    kind: str,
    value: object,
    start: int,
    end: int,
    extractor: str,
    qualifier: str = "",
) -> Fact:
    """A fact whose words lie at [start, end) of ``sentence`` (offsets within the sentence)."""
    a, b = sentence.start + start, sentence.start + end
    return Fact(
        article.id,
        kind,
        str(value),
        a,
        b,
        article.text[a:b],
        extractor,
        qualifier,
        sentence.start,
        sentence.end,
    )
