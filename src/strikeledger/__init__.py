"""strikeledger: an auditable incident ledger of US strikes on alleged drug boats, built from news reporting.

The library is organised as one package per pipeline stage, with plain typed records
(:mod:`strikeledger.records`) flowing between them::

    ingest/   files, HTML pages, JSON Lines archives  ->  Article
    extract/  Article                                  ->  ArticleExtraction (StrikeReport, ReportedTotal, Claim, Fact)
    resolve/  StrikeReports from many articles         ->  Incident
    store/    SQLAlchemy tables, Alembic migrations, the Ledger repository
    evaluate/ scoring a ledger against a gold file

:mod:`strikeledger.service` holds the functions the CLI and the web API call.
"""

__version__ = "0.1.0"
