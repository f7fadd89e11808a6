"""Feeds: the sources a ledger follows, and the watcher that polls them.

- :mod:`.listing` detects a source's kind (RSS/Atom feed, news sitemap, HTML section page) and
  reads the article links it lists;
- :mod:`.watch` polls each source on its interval and ingests new articles as they arrive;
- :mod:`.service` is what the CLI and ``serve --watch`` call: add, list, remove, watch.
"""
