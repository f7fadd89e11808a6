"""HTML pages to article text and metadata, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from ..errors import InputError


@dataclass(frozen=True)
class PageContent:
    text: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None  # as the page's metadata gives it


def extract_page(html: str, source: str) -> PageContent:
    """Main text and metadata of an HTML page; InputError when no article text is found."""
    try:
        doc = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            # Only dates the page states about itself: a date guessed from body text would be
            # mistaken for the publication date and shift every relative date resolved from it.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many lxml/parser errors; all mean the same here
        raise InputError(source, f"HTML could not be parsed ({type(exc).__name__})") from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError(source, "no article text found in the HTML")
    return PageContent(
        text=doc.text,
        title=doc.title or None,
        outlet=doc.sitename or None,
        url=doc.url or None,
        published=doc.date or None,
    )
