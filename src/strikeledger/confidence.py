"""How sure each incident is: independent outlets, an official source, a dispute.

The grade says one thing per incident (disputed beats official beats corroborated); these
fields say each separately, so a reader can ask for official strikes that are also contested,
or hide what only one outlet reported.

Independence: a syndicated copy (the same text under another URL) is stored as a copy of the
one article, never as a second source, so it adds no outlet here. Two articles of one outlet
count once; an article without an outlet counts by its URL's host, or by itself without one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from .records import Article, Claim, Incident, StrikeReport
from .resolve.merge import OFFICIAL


@dataclass(frozen=True)
class Confidence:
    """What backs one incident."""

    n_outlets: int  # independent outlets among its sources
    official: bool  # some source has an official announce it (Hegseth, SOUTHCOM, Trump, the Pentagon...)
    disputed: bool  # some source has a voice contesting it
    disputed_by: tuple[str, ...] = ()


def outlet_key(article: Article) -> str:
    """Who published an article, folded so "The Capitol Dispatch" and "capitol dispatch" are one outlet."""
    if article.outlet and article.outlet.strip():
        name = " ".join(article.outlet.casefold().split())
        return name.removeprefix("the ")
    host = urlsplit(article.url or "").hostname or ""
    return host.removeprefix("www.") or f"article:{article.id}"


def assess(incident: Incident, articles: dict[str, Article], reports: dict[str, StrikeReport],
           claims: Iterable[Claim]) -> Confidence:
    """The confidence fields of one incident.

    Args:
        incident: the incident, corrections applied.
        articles: at least the incident's articles, by id.
        reports: stored strike reports by key (``article_id:index``).
        claims: the claims of the incident's articles (others are ignored).
    """
    keys = set(incident.report_keys)
    outlets = {outlet_key(articles[a]) for a in incident.article_ids if a in articles}
    own = [c for c in claims if f"{c.article_id}:{c.report_index}" in keys]
    announcers = {reports[k].announced_by for k in keys if k in reports} | {incident.announced_by}
    announcers |= {c.speaker for c in own if c.stance == "announces"}
    disputers = tuple(sorted({c.speaker for c in own if c.stance == "disputes"}))
    return Confidence(
        n_outlets=len(outlets), official=bool(announcers & OFFICIAL),
        # The grade also carries an analyst's or the resolver's word that the incident is contested.
        disputed=bool(disputers) or incident.grade == "disputed", disputed_by=disputers,
    )


def assess_all(incidents: Iterable[Incident], articles: dict[str, Article], reports: Iterable[StrikeReport],
               claims: Iterable[Claim]) -> dict[str, Confidence]:
    """:func:`assess` for many incidents, by incident id."""
    by_key = {r.key: r for r in reports}
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    return {i.id: assess(i, articles, by_key, [c for a in i.article_ids for c in by_article.get(a, ())])
            for i in incidents}
