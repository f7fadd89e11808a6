"""Running ``extract_article`` over many articles, in this process or in worker processes.

Extraction is a pure function of the article, so it parallelises by article. Workers are
started with ``spawn`` (not ``fork``): the parent may hold threads (a progress bar) and open
database connections that a forked child must not inherit. Each worker loads the spaCy
pipeline once.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from ..records import Article, ArticleExtraction


def _extract_or_reason(article: Article) -> ArticleExtraction | str:
    """The extraction, or a one-line reason when the extractor fails on this article."""
    from . import extract_article

    try:
        return extract_article(article)
    except Exception as exc:  # reported per article by the caller; one bad article never stops a batch
        return f"{type(exc).__name__}: {exc}"


class ArticleExtractor:
    """Extracts batches of articles with ``workers`` processes (1: in this process)."""

    def __init__(self, workers: int = 1):
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "ArticleExtractor":
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self

    def __exit__(self, *exc_info) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def extract(self, articles: list[Article]) -> list[ArticleExtraction | str]:
        """One result per article, in order: its extraction or why it failed."""
        if self._pool is None or len(articles) < 2:
            return [_extract_or_reason(a) for a in articles]
        chunk = max(1, len(articles) // (self.workers * 4))
        return list(self._pool.map(_extract_or_reason, articles, chunksize=chunk))
