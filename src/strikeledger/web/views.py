"""What the server-rendered pages show, made from the library's data: values in words, highlighted text.

Pure functions over the dicts :mod:`strikeledger.service` returns (the JSON twins' data), so a
page and its twin can never disagree about a figure. Escaping is the templates' job (Jinja2
autoescape): nothing here builds markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from urllib.parse import urlsplit

KIND_LABELS = {
    "killed": "killed", "killed_partial": "killed (part of the toll)", "survivors": "survivors",
    "vessels": "vessels", "announcer": "announced by", "strike_date": "date", "place": "place",
    "region": "region", "ordinal": "ordinal", "aboard": "aboard", "total_killed": "reported total killed",
    "total_strikes": "reported total strikes", "total_vessels": "reported total boats",
}
# How a count's qualifier reads before it ("at least 3", "over 80").
COUNT_WORDS = {"at_least": "at least", "more_than": "over", "about": "about", "up_to": "up to"}
COUNT_SIGNS = {"at_least": "≥", "more_than": ">", "about": "~"}
DATE_WORDS = {"announced": "the day it was announced", "publication_day": "dated by its publication",
              "month": "the month only", "week": "the week only"}
PRECISION_WORDS = {"exact": "an exact point", "near_place": "near a named place",
                   "water_area": "a water area", "country": "a country only", "unknown": "place unknown"}
COUNT_KINDS = {"killed", "killed_partial", "survivors", "vessels", "aboard", "total_killed", "total_strikes",
               "total_vessels"}


def label(value: Any) -> str:
    """A code as words: ``eastern_pacific`` -> "eastern pacific"; None -> "—"."""
    if value is None or value == "":
        return "—"
    if value is True or value is False:
        return "yes" if value else "no"
    return str(value).replace("_", " ")


def count_words(value: Any, qualifier: str = "") -> str:
    """A count with its qualifier in words: "at least 3", "over 80", "4, revised from 3"."""
    if value is None:
        return "—"
    if qualifier.startswith("revised_from:"):
        return f"{value}, revised from {qualifier.split(':', 1)[1]}"
    if qualifier.startswith("part:"):
        return f"{value} on vessel {qualifier.split(':', 1)[1]}"
    if qualifier == "sum_of_parts":
        return f"{value}, the vessels' tolls added up"
    if qualifier == "partial":
        return f"{value}, a part of the toll"
    words = COUNT_WORDS.get(qualifier)
    return f"{words} {value}" if words else str(value)


def value_words(kind: str, value: Any, qualifier: str = "") -> str:
    """A figure's value in words, as a reader says it."""
    if kind in COUNT_KINDS:
        return count_words(value, qualifier)
    if kind == "strike_date":
        how = DATE_WORDS.get(qualifier)
        return f"{value} ({how})" if how else str(value)
    if kind == "place":
        return f"{value} ({PRECISION_WORDS.get(qualifier, label(qualifier))})" if qualifier else str(value)
    if kind == "region":
        return label(value) + (" (from the article as a whole)" if qualifier == "from_article" else "")
    return label(value) + (f" ({label(qualifier)})" if qualifier else "")


def killed_text(row: dict[str, Any]) -> str:
    """The killed column: best and range ("3 (1–3)"), "≥2" with a low bound only, "—" for none."""
    low, best, high = row.get("killed_low"), row.get("killed_best"), row.get("killed_high")
    if best is None and low is None:
        return "—"
    if best is None:
        return f"≥{low}"
    if low is None or (low == best and high == best):
        return str(best)
    return f"{best} ({low}–{high})"


def killed_headline(detail: dict[str, Any]) -> str:
    """The incident's toll as a sentence's subject: "3 killed; sources give 1 to 3"."""
    low, best, high = detail.get("killed_low"), detail.get("killed_best"), detail.get("killed_high")
    if best is None and low is None:
        return "no toll reported"
    if best is None:
        return f"at least {low} killed"
    spread = f"; sources give {low} to {high}" if low is not None and high is not None and low != high else ""
    return f"{best} killed{spread}"


def reported_words(value: int | None, qualifier: str) -> str:
    """A reported total with its qualifier kept: "over 80", "at least 66"."""
    return count_words(value, qualifier) if value is not None else "—"


def safe_link(url: str | None) -> str | None:
    """``url`` when it is http(s) (a link may be made of it), else None: it is shown as text only."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


@dataclass(frozen=True)
class Segment:
    """A run of text with the fact (if any) and whether a highlighted sentence covers it."""

    text: str
    fact: dict[str, Any] | None
    in_sentence: bool


def segments(text: str, facts: list[dict[str, Any]], sentences: list[tuple[int, int]] = ()) -> list[Segment]:
    """``text`` cut at every span's ends; each run carries its smallest fact, so overlaps never nest badly.

    Facts without a surface (a region read from the whole article) are listed elsewhere, not marked.
    """
    marked = sorted((f for f in facts if f.get("surface")), key=lambda f: f["end"] - f["start"])
    spans = [(f["start"], f["end"]) for f in marked] + list(sentences)
    cuts = {0, len(text)} | {p for s, e in spans if 0 <= s < e <= len(text) for p in (s, e)}
    out = []
    for a, b in pairwise(sorted(cuts)):
        fact = next((f for f in marked if f["start"] <= a and b <= f["end"]), None)
        out.append(Segment(text[a:b], fact, any(s <= a and b <= e for s, e in sentences)))
    return out


def fact_title(fact: dict[str, Any]) -> str:
    """The tooltip of a highlighted fact: what it was read as and by which extractor."""
    words = value_words(fact["kind"], fact["value"], fact["qualifier"])
    return f"{KIND_LABELS.get(fact['kind'], fact['kind'])}: {words} · {fact['extractor']}"


def sentence_groups(source: dict[str, Any]) -> list[dict[str, Any]]:
    """A source's sentences, each once, with every figure it backs (highlighted and in words).

    Returns ``[{"sentence", "segments", "figures": [{"kind", "label", "words"}]}]`` in text order;
    figures read from no one sentence come last under an empty sentence.
    """
    groups: dict[tuple[int, int], dict[str, Any]] = {}
    for figure in source["figures"]:
        key = (figure["sentence_start"], figure["sentence_end"])
        group = groups.setdefault(key, {"sentence": figure["sentence"], "facts": [], "figures": []})
        offset = max(figure["sentence_start"], 0)
        group["facts"].append({**figure, "start": figure["start"] - offset, "end": figure["end"] - offset})
        words = {"kind": figure["kind"], "label": KIND_LABELS.get(figure["kind"], label(figure["kind"])),
                 "words": value_words(figure["kind"], figure["value"], figure["qualifier"])}
        if words not in group["figures"]:
            group["figures"].append(words)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0][0] < 0, kv[0][0]))
    return [{"sentence": g["sentence"],
             "segments": segments(g["sentence"], g["facts"]) if g["sentence"] else [],
             "figures": g["figures"]} for _, g in ordered]
