"""Ingest: turn files, HTML pages and JSON Lines archives into ``Article`` records.

``iter_articles(paths, options)`` walks the inputs and yields, for each article found, either an
``Article`` or a ``Rejected`` naming the input and the reason. It never raises for one bad
input: a batch goes on past it.
"""

from .normalise import content_id, normalise_text
from .sources import IngestOptions, Rejected, iter_articles

__all__ = ["IngestOptions", "Rejected", "content_id", "iter_articles", "normalise_text"]
