"""Writing the ledger: ingest articles, re-read stored ones, rebuild the incidents.

:mod:`strikeledger.service` re-exports these; the CLI and the API call them from there. Each
article's language decides whether it is read (:mod:`strikeledger.ingest.language`): one the
reader does not read is stored and counted but not extracted, and read by :func:`reextract`
once its language is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import changes
from .extract import EXTRACTOR_VERSION, extract_article
from .ingest import IngestOptions, Rejected, iter_articles
from .ingest.gate import Gate
from .ingest.language import NOT_READ, UNDETERMINED, detect_language, reads
from .ingest.sources import Skipped
from .records import Article, ArticleExtraction, Incident
from .resolve import build_incidents, identity
from .store import Ledger, versions
from .workers import GuardedExtractor
from .store import changes as change_store


@dataclass
class IngestSummary:
    """What one ingest did: counts, and every input it rejected or skipped with the reason.

    ``languages`` counts the articles ingested per language; ``not_read`` those of them in a
    language the reader does not read (stored, not extracted). ``set_aside`` counts the articles
    the relevance gate (:mod:`.ingest.gate`) found not about the campaign: neither stored nor read.
    """

    ingested: int = 0
    duplicates: int = 0
    syndicated: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    incidents: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    not_read: Counter[str] = field(default_factory=Counter)
    set_aside: int = 0
    updated: int = 0  # of those ingested, new versions of a story stored before (store.versions)

    def as_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested, "duplicates": self.duplicates, "syndicated": self.syndicated,
            "rejected": [str(r) for r in self.rejected], "skipped": [str(s) for s in self.skipped],
            "incidents": self.incidents, "languages": dict(self.languages), "not_read": dict(self.not_read),
            "set_aside": self.set_aside,
            "updated": self.updated,
        }


# Articles read, extracted and stored per round: large enough to keep worker processes busy,
# small enough that a failure loses at most this much work in progress (stored work is kept).
BATCH = 64


def ingest(
    ledger: Ledger,
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    on_item: Callable[[str, str], None] | None = None,
    workers: int = 1,
    gate: Gate | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths``, extract what each reports, then rebuild the incidents.

    Each article is stored with its extraction in one transaction, so an error later in the
    batch loses nothing stored before it. Bad inputs are collected, never raised: whatever goes
    wrong reading, extracting or storing one article is its rejection, and the batch goes on. Articles
    already stored are not extracted again, nor are those in a language the reader does not
    read. With ``workers`` > 1 extraction runs in that many processes; what is stored, and in
    what order, is the same. With a ``gate``, an article it does not pass is counted as set
    aside and neither stored nor read (the CLI passes the default gate unless the
    ``keep_set_aside`` setting is on).
    """
    return ingest_items(ledger, iter_articles(paths, options), on_item, workers, gate)


def ingest_items(
    ledger: Ledger,
    items: Iterable[Article | Rejected | Skipped],
    on_item: Callable[[str, str], None] | None = None,
    workers: int = 1,
    gate: Gate | None = None,
    rebuild_unchanged: bool = True,
) -> IngestSummary:
    """:func:`ingest` of articles already read (fetched pages, say) and rejections to report.

    With ``rebuild_unchanged`` false the incidents are rebuilt only when an article was stored."""
    summary = IngestSummary()
    with GuardedExtractor(workers) as extractor:
        for batch in _batches(items, BATCH):
            if gate is not None:
                batch = _gated(batch, gate, summary, on_item)
            fresh = [a for a in batch if isinstance(a, Article) and reads(a.language)
                     and not ledger.has_article(a.id)]
            extractions = dict(zip(map(id, fresh), extractor.extract(fresh)))
            for item in batch:
                if isinstance(item, Rejected):
                    summary.rejected.append(item)
                    status = "rejected"
                elif isinstance(item, Skipped):
                    summary.skipped.append(item)
                    status = "skipped"
                else:
                    status = _store_guarded(ledger, item, extractions.get(id(item)), summary)
                if on_item is not None:
                    on_item(getattr(item, "source", ""), status)
    if rebuild_unchanged or summary.ingested:
        summary.incidents = len(rebuild(ledger))
    return summary


def _gated(batch: list, gate: Gate, summary: IngestSummary,
           on_item: Callable[[str, str], None] | None) -> list:
    """``batch`` without the articles ``gate`` sets aside, which are counted in ``summary``."""
    kept = []
    for item in batch:
        if isinstance(item, Article) and not gate.passes(item.text):
            summary.set_aside += 1
            if on_item is not None:
                on_item(item.source, "set aside")
        else:
            kept.append(item)
    return kept


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def store_read(ledger: Ledger, article: Article, extraction: ArticleExtraction | str | None,
               summary: IngestSummary) -> str:
    """Store one article read and extracted elsewhere (by a worker of ``strikeledger scan``) as
    :func:`ingest` stores its own: ``extraction`` is None for a language the reader does not
    read, a string for an extractor failure. Counts go to ``summary``; returns the status."""
    return _store_guarded(ledger, article, extraction, summary)


def _store_guarded(ledger: Ledger, article: Article, extraction: ArticleExtraction | str | None,
                   summary: IngestSummary) -> str:
    """Store one article; any failure (a database refusal, a value it cannot hold) is that
    article's rejection with the reason. Its transaction is rolled back, so nothing of it stays."""
    try:
        return _store_article(ledger, article, extraction, summary)
    except Exception as exc:  # noqa: BLE001 - one article must never stop the batch
        reason = " ".join(str(exc).split())[:300]
        reason = f"cannot be stored ({exc.__class__.__name__}: {reason})"
        summary.rejected.append(Rejected(article.source, reason))
        return "rejected"


def _store_article(ledger: Ledger, article: Article, extraction: ArticleExtraction | str | None,
                   summary: IngestSummary) -> str:
    # An extractor bug must not stop the batch; the article is reported, not lost silently.
    if isinstance(extraction, str):
        summary.rejected.append(Rejected(article.source, f"extraction failed ({extraction})"))
        return "rejected"
    read = reads(article.language)
    with ledger.transaction() as conn:
        status = ledger.add_article(article, EXTRACTOR_VERSION if read else NOT_READ, conn)
        if status == "new" and read:
            # Only articles not stored when the batch began were extracted; one stored since by
            # another writer comes back "duplicate", so a "new" one always has its extraction.
            ledger.save_extraction(extraction, conn)
        if status == "new" and versions.link(conn, article):  # an updated story: a new version
            summary.updated += 1
    if status == "new":
        summary.ingested += 1
        summary.languages[article.language] += 1
        if not read:
            summary.not_read[article.language] += 1
    elif status == "syndicated":
        summary.syndicated += 1
    else:
        summary.duplicates += 1
    return status


def rebuild(ledger: Ledger) -> list[Incident]:
    """Resolve every stored report into incidents and store them (idempotent), each under the id
    it had before or, when merged away, as an alias of its heir (:mod:`.resolve.identity`)."""
    resolved = build_incidents(ledger.reports(), ledger.articles(with_text=False), ledger.claims())
    with ledger.transaction() as conn:  # read and write the ids together: no rebuild between
        now = datetime.now(timezone.utc)
        before, aliases = ledger.incidents(conn), ledger.aliases(conn)
        ids = identity.assign(resolved, ledger.issued_ids(conn), aliases, now)
        ledger.replace_incidents(ids.incidents, ids.created, ids.aliases, conn)
        # every change to a published incident, with its cause, in the same transaction
        ingested = change_store.ingested_at(conn, {a for i in ids.incidents for a in i.article_ids})
        change_store.add(conn, changes.diff(before, ids.incidents, aliases, ids.aliases, ingested, now))
    return ids.incidents


@dataclass
class Reextracted:
    """What a re-extraction did: how many articles were read again, and those that failed with why."""

    extracted: int = 0
    failed: list[Rejected] = field(default_factory=list)


def reextract(ledger: Ledger, on_item: Callable[[str, str], None] | None = None) -> int:
    """Extract again what an older extractor read (:func:`reextract_all`); returns how many were."""
    return reextract_all(ledger, on_item).extracted


def reextract_all(ledger: Ledger, on_item: Callable[[str, str], None] | None = None) -> Reextracted:
    """Extract again the articles an older extractor read, and those of a language the reader has
    come to read, then rebuild the incidents.

    Articles whose language is undetermined (stored before languages were detected) are detected
    first. One found to be in a language the reader does not read keeps nothing of what an
    English reading found (it gives no reports) and waits, as stored by ingest, for its reader.
    One article whose extraction or storing fails is reported in ``failed`` and keeps what it had
    (and its old extractor version, so the next rebuild tries it again); the others go on.
    """
    relabelled = _detect_undetermined(ledger)
    pending = ledger.article_ids_needing_extraction(EXTRACTOR_VERSION)
    pending += [i for i in relabelled if i not in set(pending)]
    done = Reextracted()
    for article_id in pending:
        article = ledger.article(article_id)
        read = reads(article.language)
        try:
            extraction = extract_article(article) if read else ArticleExtraction(article_id)
            with ledger.transaction() as conn:
                ledger.save_extraction(extraction, conn)
                ledger.mark_extracted(article_id, EXTRACTOR_VERSION if read else NOT_READ, conn)
        except Exception as exc:  # noqa: BLE001 - one article must never stop a rebuild
            reason = " ".join(str(exc).split())[:300]
            done.failed.append(Rejected(article.source, f"cannot be re-read ({exc.__class__.__name__}: {reason})"))
            if on_item:
                on_item(article.source, "rejected")
            continue
        if read:
            done.extracted += 1
            if on_item:
                on_item(article.source, "extracted")
    rebuild(ledger)
    return done


def _detect_undetermined(ledger: Ledger) -> list[str]:
    """Detect the language of stored articles marked undetermined; the ids of those found to be
    in a language the reader does not read (read before, as English, they must be read again)."""
    unread = []
    for article_id in ledger.article_ids_in_language(UNDETERMINED):
        language = detect_language(ledger.article(article_id).text)
        if language != UNDETERMINED:
            ledger.set_language(article_id, language)
            if not reads(language):
                unread.append(article_id)
    return unread
