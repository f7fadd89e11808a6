"""What one sentence says, read apart from which strike it speaks of.

The assembly layer (:mod:`.reports`) asks each sentence whether it reports a strike as done;
the sentence's figures (:mod:`.casualties`), dates (:mod:`.dates`), places (:mod:`.places`),
announcers (:mod:`.attribution`) and cumulative clauses (:mod:`.totals`) are read by their own
components.
"""

from __future__ import annotations

from types import SimpleNamespace

from .casualties import Figure
from .sentences import Sentence


def reports_a_strike(
    sentence: Sentence,
    figures: list[Figure],
    day_event: bool,
    vessel_context: bool,
    words: SimpleNamespace,
    split: int | None = None,
) -> bool:
    """Whether ``sentence`` (up to its cumulative clause at ``split``) reports a strike as done:
    a strike word not governed by a modal, a plan or a threat, not of another era, not on land,
    with a vessel or a toll in view ("the strikes" in general report none); ``words`` are the
    article language's (:mod:`.language`)."""
    # A strike word in the cumulative clause ("... the number of people killed since the U.S.
    # began striking vessels") speaks of the campaign, not of a strike of its own.
    own_text = sentence.text if split is None else sentence.text[:split]
    real = [t for t in sentence.triggers if not t.irrealis and t.start < len(own_text)]
    if not real or words.HISTORICAL.search(sentence.text):
        return False
    has_vessel = bool(words.VESSEL_WORD.search(own_text))
    if (words.LAND_TARGET.search(own_text) and not has_vessel) or words.SHORE_TARGET.search(own_text):
        return False  # a strike on land, not on a boat
    killed = any(f.kind in ("killed", "killed_partial") for f in figures)
    singular = any(not t.plural_noun for t in real)
    counted = any(f.kind == "vessels" and f.value >= 2 for f in figures) or bool(
        words.PLURAL_STRIKE_COUNT.search(own_text)
    )
    if not singular and not (killed or counted):
        return False  # "the strikes" in general, even on a given day ("continuing strikes on boats")
    if not (has_vessel or killed) and all(words.ABOUT_A_STRIKE.search(own_text[: t.start]) for t in real):
        return False  # "senators criticize lack of legal justification for strike": about one, told elsewhere
    return has_vessel or killed or (day_event and vessel_context)


