"""Extract: from an ``Article`` to the strikes, totals and claims it reports.

Components, one module each, each reading a sentence and producing figures with spans:
``dates``, ``casualties``, ``places``, ``attribution``; ``sentences`` splits and marks strike
words with spaCy; ``reports`` assembles them into ``StrikeReport``/``ReportedTotal``/``Claim``
records. ``extract_article`` is the one entry point; it is a pure function of the article, so
batches can run it in worker processes.
"""

from ..records import Article, ArticleExtraction
from .parallel import ArticleExtractor
from .reports import ArticleReader
from .sentences import load_nlp, split_sentences

EXTRACTOR_VERSION = "1"


def extract_article(article: Article) -> ArticleExtraction:
    """Every strike report, reported total and attributed claim in one article."""
    reader = ArticleReader(article, split_sentences(article.text))
    reader.read()
    reports, totals, claims = reader.finish()
    return ArticleExtraction(article.id, reports, totals, claims)


__all__ = ["EXTRACTOR_VERSION", "ArticleExtractor", "extract_article", "load_nlp"]
