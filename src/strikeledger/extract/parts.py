"""A hard case of reading: one announcement of several vessels, with figures per vessel.

"A total of five were killed, three in the first vessel and two in the second": each figure
belongs to the part named beside it (``add_part``), or the same toll to every boat ("three
killed on each boat", ``add_each``). One announcement's boats on one day in one sea are one
strike event (``event_reports``): its toll is their sum, each part's figure stays a fact of its
own, and a part in another sea is another event.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..records import Article, Fact, StrikeReport
from . import casualties, places
from .casualties import Figure
from .draft import CAMPAIGN_SEAS, PartFigures, ReportDraft
from .facts import sentence_fact
from .sentences import Sentence

if TYPE_CHECKING:
    from .language import Language

# How far (characters) a figure may stand before the part it belongs to: "Two ... were killed, and
# one ... survived the first strike" holds both figures of the first vessel. Tuned on the sample
# corpus and on the per-vessel wording of official posts.
PART_REACH = 70
PART_ORDER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}


def part_sea(part: PartFigures, base: dict) -> dict:
    """A part that names its own sea ("three on the third vessel in the Caribbean") takes it."""
    if part.sea is None or part.sea.region == base["region"]:
        return {}
    return {
        "region": part.sea.region,
        "location": part.sea.name,
        "lat": part.sea.lat,
        "lon": part.sea.lon,
        "place_precision": part.sea.precision,
    }




def add_sea_split(article: Article, draft: ReportDraft, sentence: Sentence, lang: Language) -> bool:
    """The parts of a toll told sea by sea, each with its sea and boats; False when none is told."""
    match = lang.words.SEA_SPLIT.search(sentence.text)
    if match is None:
        return False
    found = []
    for name in ("a", "b"):
        where = match[f"{name}_where"]
        sea = next((p for p in places.find_places(where) if p.region in CAMPAIGN_SEAS), None)
        value = lang.to_int(match[name])
        if sea is None or value is None:
            return False
        boats = next((f.value for f in lang.find_figures(where) if f.kind == "vessels"), 1)
        start = match.start(f"{name}_where")
        found.append((value, match.start(name), match.end(name),
                      replace(sea, start=sea.start + start, end=sea.end + start), boats))
    if found[0][3].region == found[1][3].region:
        return False
    for index, (value, start, end, sea, boats) in enumerate(found, start=1):
        figure = Figure("killed", value, "", start, end, start)
        draft.parts[index] = PartFigures(killed=figure, sentence=sentence, sea=sea, vessels=boats)
        draft.facts.append(sentence_fact(article, sentence, "killed", value, start, end, casualties.EXTRACTOR,
                                         f"part:{index}"))
    return True


def add_each(draft: ReportDraft, sentence: Sentence, figures: list[Figure], lang: Language) -> None:
    """ "with three males killed on each boat": the same toll for every vessel of the strike."""
    count = lang.strike_count(sentence.text)
    for figure in figures:
        each = lang.words.ON_EACH.match(sentence.text, figure.end) if figure.kind == "killed" else None
        if each is None:
            continue
        vessels = (
            lang.to_int(each["n"])
            if each["n"]
            else max(
                draft.vessels[0].value if draft.vessels else 0,
                draft.strikes or 0,
                count.value if count else 0,
            )
        )
        if vessels < 2:
            return
        for index in range(1, vessels + 1):
            part = draft.parts.setdefault(index, PartFigures())
            part.killed, part.sentence = part.killed or figure, part.sentence or sentence
        return


def add_part(
    article: Article,
    draft: ReportDraft,
    sentence: Sentence,
    figure: Figure,
    parts: list[re.Match[str]],
    figures: list[Figure],
) -> bool:
    # A figure belongs to the part named next to it: after it and before the next figure
    # ("three on the first boat and two on the second"), or else before it and after the
    # previous one ("on the first vessel, three were killed"). A figure with no part of its
    # own ("killing five people - three in the first ...") is the announcement's total.
    # Figures of other kinds share a part ("two were killed and one survived the first strike").
    same = [f for f in figures if f.kind == figure.kind]
    after = min(
        (f.number_start for f in same if f.number_start > figure.number_start), default=len(sentence.text)
    )
    before = max((f.end for f in same if f.number_start < figure.number_start), default=0)
    # The part is named in the figure's own clause: never across a semicolon; the nearest wins.
    text = sentence.text
    candidates = [
        (p.start() - figure.end, p)
        for p in parts
        if figure.number_start <= p.start() < after
        and p.start() - figure.end <= PART_REACH
        and ";" not in text[figure.end : p.start()]
    ] + [
        (figure.number_start - p.end(), p)
        for p in parts
        if before <= p.start() < figure.number_start
        and figure.number_start - p.end() <= 40
        and ";" not in text[p.end() : figure.number_start]
    ]
    if not candidates:
        return False
    phrase = min(candidates, key=lambda c: c[0])[1]
    word = (phrase["ord"] or phrase["ord2"]).lower()
    if word in PART_ORDER:
        index = PART_ORDER[word]
    else:  # "the other vessel", "the last one": the next part after those already read
        index = max(draft.parts, default=0) + 1
    part = draft.parts.setdefault(index, PartFigures())
    if part.sea is None:
        clause = text[phrase.end() :].split(",")[0][:40]
        part.sea = next((p for p in places.find_places(clause) if p.region in CAMPAIGN_SEAS), None)
    if figure.kind == "killed" and part.killed is None:
        part.killed, part.sentence = figure, sentence
    elif figure.kind == "survivors" and part.survivors is None:
        part.survivors = figure
    else:
        return False
    draft.facts.append(
        sentence_fact(
            article,
            sentence,
            figure.kind,
            figure.value,
            figure.start,
            figure.end,
            casualties.EXTRACTOR,
            f"part:{index}",
        )
    )
    return True


def event_reports(
    article: Article,
    draft: ReportDraft,
    parts: dict[int, PartFigures],
    base: dict,
    facts: list[Fact],
    index: int,
    killed: int | None,
    vessels: int | None,
    survivors: int | None,
) -> list[StrikeReport]:
    """One announcement's boats on one day in one sea are one strike event: its vessels are
    the parts, its toll their sum (or the announcement's own total when it gives one). Parts
    in another sea ("two in the eastern Pacific and one in the Caribbean") are another event."""
    by_sea: dict[str, tuple[dict, list[tuple[int, PartFigures]]]] = {}
    for i, part in sorted(parts.items()):
        sea = part_sea(part, base)
        by_sea.setdefault(sea.get("region", base["region"]), (sea, []))[1].append((i, part))
    whole = len(by_sea) == 1
    shared = [f for f in facts if not f.qualifier.startswith("part:")]
    reports = []
    for n, (sea, members) in enumerate(by_sea.values()):
        total = sum(p.killed.value for _, p in members)
        own = {f"part:{i}" for i, _ in members}
        # an event in another sea than the report's keeps none of the report's toll, boats or sea
        kept = shared if whole else [
            f for f in shared
            if f.kind not in ("killed", "vessels") and (not sea or f.kind not in ("place", "region"))
        ]
        event_facts = [*kept, *(f for f in facts if f.qualifier in own)]
        if sea:
            part = members[0][1]
            event_facts.append(sentence_fact(article, part.sentence, "region", sea["region"], part.sea.start,
                                             part.sea.end, places.EXTRACTOR))
        qualifier = ""
        if whole and killed is not None and draft.killed_qualifier != "partial" and killed >= total:
            total, qualifier = killed, draft.killed_qualifier  # "killing 14 ... three on the first"
        else:
            event_facts.append(sum_fact(article, members, total))
        survived = [p.survivors.value for _, p in members if p.survivors]
        reports.append(
            StrikeReport(
                index=index + n,
                vessels=max(sum(p.vessels for _, p in members), vessels or 0) if whole
                else sum(p.vessels for _, p in members),
                killed=total,
                killed_qualifier=qualifier,
                survivors=survivors
                if whole and survivors is not None
                else (sum(survived) if survived else None),
                part=None,
                facts=tuple(event_facts),
                **{**base, **sea},
            )
        )
    return reports


def sum_fact(article: Article, members: list[tuple[int, PartFigures]], total: int) -> Fact:
    """The event's toll as the sum of its parts, pointing at the words of the first to the last part
    when one sentence holds them, else at the first part's figure."""
    first, last = members[0][1], members[-1][1]
    sentence = first.sentence
    end = last.killed.end if last.sentence is sentence else first.killed.end
    return sentence_fact(
        article, sentence, "killed", total, first.killed.start, end, casualties.EXTRACTOR, "sum_of_parts"
    )
