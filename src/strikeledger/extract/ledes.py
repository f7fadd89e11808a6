"""A hard case of reading: where an article tells its own strike, and what it only looks back on.

A headline without a date tells the strike its dated lede reports (``fold_headline``); a line
in capitals inside the text is another story's headline (``shouted``); an undated strike in the
lede is dated by the announcement when it is told as news, else only placed in the days before
publication (``lede_window``); an older strike told after the article's own is background, and
does not take the story's sea (``is_background``).
"""

from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

from ..records import Article
from .dates import DateMention
from .draft import ReportDraft
from .sentences import Sentence

# An undated strike in the lede that is not told as news lies in this many days before
# publication (a week-precision window that joins, never founds). Tuned on the sample corpus.
LEDE_DAYS = 3
# How far down the page a lede may start below its headline: bylines, time stamps and subheads
# stand between them (the real-text set: up to four lines of page furniture).
LEDE_PARAGRAPHS = 5
# A strike dated this many days before publication, told after the article's own strike, is
# background. Tuned on the sample corpus: news reports its strike within a week.
BACKGROUND_DAYS = 7


def shouted(text: str) -> bool:
    """A line all in capitals ("US MILITARY LAUNCHES DEADLY STRIKE ..., LEAVING 2 DEAD") inside an
    article is the headline of a related story, not part of this one. (A plain scan: a regular
    expression here backtracks for ever on a hostile line of 100,000 capitals.)"""
    return not any(c.islower() for c in text) and sum(c.isupper() for c in text) >= 6


def is_headline(sentence: Sentence, text_start: int) -> bool:
    """The article's first line when it is a title (no closing full stop): it tells the lede's strike."""
    return (
        sentence.paragraph == 0
        and sentence.start == text_start
        and not re.search(r"[.!?\"”]\s*$", sentence.text)
    )


def is_subhead(sentence: Sentence) -> bool:
    """A line right under the headline with no closing full stop: the headline's subhead."""
    return sentence.paragraph == 1 and not re.search(r"[.!?\"”:]\s*$", sentence.text)


def fold_headline(drafts: list[ReportDraft], text_start: int) -> None:
    """An undated headline ("Second U.S. strike in two days kills two in eastern Pacific")
    tells the strike its dated lede reports: the two are one draft, the lede's figures first."""
    if len(drafts) < 2:
        return
    head, lede = drafts[0], drafts[1]
    if head.killed and lede.killed and head.killed.value != lede.killed.value and len(drafts) > 2:
        # a background strike told between them ("dos días después de que ... otros tres ataques,
        # que dejaron ocho muertos"): the lede is the next draft, when its toll is the headline's
        following = drafts[2]
        if following.killed and following.killed.value == head.killed.value:
            lede = following
    # a headline's coarse date ("earlier this month" in a subhead run into it) dates nothing
    coarse = head.date is None or head.date.precision in ("week", "month")
    if (
        not coarse
        or head.announced is not None
        or not is_headline(head.first, text_start)
        or lede.first.paragraph > LEDE_PARAGRAPHS
        or (lede.date is None and lede.announced is None and not (head.killed and lede.killed))
        or (head.killed and lede.killed and head.killed.value != lede.killed.value)
    ):
        return
    if lede.killed is None and head.killed is not None:
        lede.killed, lede.killed_sentence, lede.killed_qualifier = (
            head.killed,
            head.killed_sentence,
            head.killed_qualifier,
        )
    lede.vessels = lede.vessels or head.vessels
    lede.places = [*lede.places, *head.places]
    lede.facts = [*head.facts, *lede.facts]
    drafts.remove(head)


def lede_window(
    article: Article, drafts: list[ReportDraft], text_start: int, draft: ReportDraft, words: SimpleNamespace
) -> DateMention | None:
    """An undated strike with a toll in the first paragraphs, told as the news ("The US military
    has carried out another attack ... two were killed") or in the headline, is dated as
    analysts date it: by the announcement, the publication day or the day before (the
    late-period briefs of the real-text set give no other date). Told otherwise ("relatives of
    two men killed in a U.S. strike say ...") it may be days older and only joins a strike."""
    published = article.published
    if published is None or draft is not drafts[0] or draft.first.paragraph > 2:
        return None
    if words.ANNOUNCED_NEWS.search(draft.first.text) or is_headline(draft.first, text_start):
        low = published - timedelta(days=1)
        return DateMention(
            draft.first.start, draft.first.start, "", "lede", published, low, published, "day", "announcement"
        )
    low = published - timedelta(days=LEDE_DAYS)
    return DateMention(
        draft.first.start, draft.first.start, "", "lede", None, low, published, "week", "event"
    )


def is_background(
    article: Article, drafts: list[ReportDraft], draft: ReportDraft, when: DateMention | None
) -> bool:
    published, day = article.published, when.value if when is not None else None
    return (
        draft is not drafts[0]
        and published is not None
        and day is not None
        and (published - day).days > BACKGROUND_DAYS
    )
