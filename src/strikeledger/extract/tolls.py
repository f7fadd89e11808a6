"""What one sentence's figures add to the strike it speaks of: toll, survivors, vessels.

The first toll stands unless a revision replaces it ("raised the toll from three to four"); a
follow-on strike's deaths are a partial toll; a toll of all the dead replaces one of some
nationals among them ("two Trinidadians killed"); people aboard become the toll when "all of
them were killed"; figures beside named vessels are per-vessel parts (:mod:`.parts`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..records import Article
from . import casualties
from .casualties import Figure
from .draft import ReportDraft
from .facts import sentence_fact
from .parts import add_each, add_part, add_sea_split
from .sentences import Sentence

if TYPE_CHECKING:
    from .language import Language


def add_figures(
    article: Article, draft: ReportDraft, sentence: Sentence, figures: list[Figure], lang: Language
) -> None:
    """Add what ``figures`` of ``sentence`` (in ``lang``) say to ``draft``, the strike the sentence
    speaks of."""
    words = lang.words
    add_sea_split(article, draft, sentence, lang)
    follow_on = bool(words.FOLLOW_ON.search(sentence.text)) and (
        draft.vessels is None or draft.vessels[0].value <= 1
    )
    revised = lang.revision(sentence.text)
    revised_to = None
    if revised is not None:
        # "raised ... from three to four" names the new toll; "revised down from an earlier count
        # of three" leaves it to the sentence's own killed figure.
        revised_to = (
            lang.to_int(revised["new"])
            if revised.groupdict().get("new")
            else next((f.value for f in figures if f.kind == "killed"), None)
        )
    parts = list(words.PART_PHRASE.finditer(sentence.text))
    # Several vessels: counted before or in this very sentence ("struck two vessels, killing
    # three on the first and two on the second"), or implied by the parts it names ("three on
    # one vessel and two on another"; not "the first strike ... a second strike", a follow-on).
    named_parts = {
        (p["ord"] or p["ord2"]).lower()
        for p in parts
        if not re.search(r"strike$", p.group(0), re.IGNORECASE)
    }
    multi = (
        (draft.vessels is not None and draft.vessels[0].value >= 2)
        or (draft.strikes or 0) >= 2
        or any(f.kind == "vessels" and f.value >= 2 for f in figures)
        or (len(named_parts) >= 2 and not words.FOLLOW_ON.search(sentence.text))
    )
    if (
        revised is not None
        and revised.groupdict().get("new")
        and not any(f.kind == "killed" and f.value == revised_to for f in figures)
    ):
        # "raised the toll from three to four": the new figure is the strike's toll.
        new = lang.to_int(revised["new"])
        if new is not None:
            figures = sorted(
                [
                    *figures,
                    Figure(
                        "killed", new, "", revised.start("new"), revised.end("new"), revised.start("new")
                    ),
                ],
                key=lambda f: f.number_start,
            )
    for figure in figures:
        if figure.kind == "vessels":
            # In a sentence of parts, "the first vessel" names a part; it counts nothing.
            if draft.vessels is None and (figure.value >= 2 or not (parts and multi)):
                draft.vessels = (figure, sentence)
            elif draft.vessels is not None and draft.vessels[0].value == 1 and figure.value >= 2:
                # "a boat ..., one of two vessels hit that day": a report of a several-vessel
                # strike may open on one of its boats; the count of all of them stands.
                draft.vessels = (figure, sentence)
            continue
        if figure.kind == "strikes":
            continue
        if figure.kind == "aboard" and draft.aboard is None:
            draft.aboard, draft.aboard_sentence = figure, sentence
        if figure.kind == "presumed_dead" and draft.presumed_dead is None:
            draft.presumed_dead = figure
        if multi and parts and figure.kind in ("killed", "survivors"):
            if add_part(article, draft, sentence, figure, parts, figures):
                continue
        kind = figure.kind
        if kind == "killed" and follow_on:
            kind = "killed_partial"
        if kind == "killed":
            # a toll of all the dead replaces one of some nationals among them, never the reverse
            nationals_only = draft.killed is not None and draft.killed_qualifier == "nationals"
            only_some = figure.qualifier == "nationals" and draft.killed is not None
            if not only_some and (
                draft.killed is None or nationals_only or (revised and figure.value == revised_to)
            ):
                draft.killed, draft.killed_sentence = figure, sentence
                draft.killed_qualifier = (
                    f"revised_from:{lang.to_int(revised['old'])}" if revised else figure.qualifier
                )
        elif kind == "killed_partial":
            draft.follow_on = draft.follow_on or figure
            if draft.killed is None or draft.killed_qualifier == "partial":
                if draft.killed is None or figure.value > draft.killed.value:
                    draft.killed, draft.killed_sentence, draft.killed_qualifier = (
                        figure,
                        sentence,
                        "partial",
                    )
        elif kind == "survivors":
            if draft.survivors is None:
                draft.survivors = (figure, sentence)
        qualifier = "partial" if kind == "killed_partial" else figure.qualifier
        draft.facts.append(
            sentence_fact(
                article,
                sentence,
                kind,
                figure.value,
                figure.start,
                figure.end,
                casualties.EXTRACTOR,
                qualifier,
            )
        )
    add_each(draft, sentence, figures, lang)
    everyone = words.KILLED_ALL.search(sentence.text)
    if everyone and draft.killed is None and draft.aboard is not None:
        # "six men were on the boat ... all of them were killed": the toll is the people aboard.
        draft.killed = Figure(
            "killed", draft.aboard.value, "", everyone.start(), everyone.end(), everyone.start()
        )
        draft.killed_sentence, draft.killed_qualifier = sentence, ""
        draft.facts.append(
            sentence_fact(
                article,
                sentence,
                "killed",
                draft.aboard.value,
                everyone.start(),
                everyone.end(),
                casualties.EXTRACTOR,
                "all_aboard",
            )
        )
    count = lang.strike_count(sentence.text)
    if count and draft.strikes is None and count.value <= 10:
        draft.strikes = count.value
