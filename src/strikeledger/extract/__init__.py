"""Extract: from an ``Article`` to the strikes, totals and claims it reports.

Components, one module each, each reading a sentence and producing figures with spans:
``dates``, ``casualties``, ``places``, ``attribution``; ``sentences`` splits and marks strike
words with spaCy; ``reports`` assembles them into ``StrikeReport``/``ReportedTotal``/``Claim``
records. ``extract_article`` is the one entry point; it is a pure function of the article, so
batches can run it in worker processes.
"""

import hashlib
from importlib import metadata
from pathlib import Path

from ..records import Article, ArticleExtraction
from .parallel import ArticleExtractor
from .reports import ArticleReader
from .language import language_for
from .sentences import MODEL_NAMES, load_nlp

_PACKAGE = Path(__file__).resolve().parent
# The reader's modules, each language's too (extract/spanish/), and the gazetteer.
READING_FILES = ("*.py", "*/*.py", "../data/*.json")


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


MODEL = ";".join([f"spacy {_installed('spacy')}", *(f"{m} {_installed(m)}" for m in MODEL_NAMES)])


def extractor_version(package: Path = _PACKAGE, model: str = MODEL) -> str:
    """A digest of everything that decides what is read from an article: this package's code,
    its word lists and gazetteer, and the spaCy model with its version. Any change to a rule
    gives a new version, so ``rebuild`` re-reads the articles that an older one read."""
    digest = hashlib.sha256(model.encode())
    for pattern in READING_FILES:
        for path in sorted(package.glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


EXTRACTOR_VERSION = extractor_version()


def extract_article(article: Article) -> ArticleExtraction:
    """Every strike report, reported total and attributed claim in one article."""
    lang = language_for(article.language)
    reader = ArticleReader(article, lang.split_sentences(article.text), lang)
    reader.read()
    reports, totals, claims = reader.finish()
    return ArticleExtraction(article.id, reports, totals, claims)


__all__ = ["EXTRACTOR_VERSION", "ArticleExtractor", "extract_article", "extractor_version", "load_nlp"]
