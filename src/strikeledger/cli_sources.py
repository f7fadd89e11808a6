"""The ``fetch``, ``sources`` and ``watch`` commands: thin adapters over :mod:`strikeledger.feeds.service`.

:func:`register` adds them to the ``strikeledger`` application (``cli.py`` calls it).
"""

# No `from __future__ import annotations`: typer reads the commands' annotations, which name
# helpers imported inside register().
import json
import signal
import threading
from typing import Annotated, Optional

import typer
from rich.table import Table

from .feeds import service as feeds
from .fetch import Fetcher
from .settings import effective_settings
from .store import Ledger


def _values(db: str | None, **overrides) -> dict:
    return {
        name: value for name, (value, _) in effective_settings(overrides={"db": db, **overrides}).items()
    }


def register(app: typer.Typer) -> None:
    """Add ``fetch``, ``watch`` and the ``sources`` group to ``app``."""
    from .cli import DbOption, console, err, library_errors, print_ingest_summary

    @app.command()
    @library_errors
    def fetch(
        urls: Annotated[list[str], typer.Argument(help="Article page URLs (http or https).")],
        db: DbOption = None,
    ) -> None:
        """Fetch article pages and ingest them exactly as files. Exit 1 if any was rejected."""
        settings = _values(db)
        ledger = Ledger.open(settings["db"])
        with Fetcher(feeds.fetch_options(settings)) as fetcher:
            summary = feeds.fetch_pages(ledger, fetcher, urls, gate=feeds.gate_for(settings))
        print_ingest_summary(summary)

    @app.command()
    @library_errors
    def watch(
        db: DbOption = None,
        once: Annotated[
            bool, typer.Option("--once", help="Poll every source once, now, then stop.")
        ] = False,
    ) -> None:
        """Poll every source on its interval and ingest new articles as they arrive (Ctrl-C stops)."""
        settings = _values(db)
        ledger = Ledger.open(settings["db"])
        say = lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True)  # noqa: E731
        with Fetcher(feeds.fetch_options(settings)) as fetcher:
            if once:
                results = feeds.watch_once(ledger, fetcher, say, feeds.gate_for(settings))
                if any(r.status == "failed" for r in results):
                    raise typer.Exit(1)
                return
            stop = threading.Event()
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
            try:
                feeds.watch(ledger, fetcher, stop, say, gate=feeds.gate_for(settings))
            except KeyboardInterrupt:
                stop.set()

    sources_app = typer.Typer(
        help="The feeds, sitemaps and section pages `watch` follows.", no_args_is_help=True
    )
    app.add_typer(sources_app, name="sources")

    @sources_app.command("add")
    @library_errors
    def sources_add(
        url: Annotated[
            str, typer.Argument(help="An RSS/Atom feed, a news sitemap or an HTML section page.")
        ],
        name: Annotated[Optional[str], typer.Option(help="A name to list it by.")] = None,
        every: Annotated[
            Optional[str], typer.Option(help="Poll interval: 30s, 5m, 1h (default: poll_every).")
        ] = None,
        db: DbOption = None,
    ) -> None:
        """Add a source; its kind is detected from what the URL answers."""
        settings = _values(db)
        seconds = feeds.parse_every(every) if every else settings["poll_every"]
        with Fetcher(feeds.fetch_options(settings)) as fetcher:
            added = feeds.add(Ledger.open(settings["db"]), fetcher, url, name, seconds)
        console.print(
            f"source {added['id']}: {added['kind']}, {added['listed']} listed, polled every "
            f"{added['every_seconds']} s: {url}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        if added["problem"]:
            err.print(f"Warning: {url}: {added['problem']}", markup=False, highlight=False, soft_wrap=True)
        for feed in added["feeds"]:
            console.print(
                f"  the page advertises a feed, often the better source: {feed}",
                markup=False,
                highlight=False,
            )

    @sources_app.command("list")
    @library_errors
    def sources_list(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
        """Every source: kind, last poll, last new item, items seen, consecutive failures, last error."""
        rows = feeds.sources(Ledger.open(_values(db)["db"]))
        if as_json:
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        table = Table(title=f"{len(rows)} sources")
        for column in (
            "id",
            "name",
            "url",
            "kind",
            "every",
            "last poll",
            "last new item",
            "items seen",
            "failures",
            "last error",
        ):
            table.add_column(column, overflow="fold")
        for r in rows:
            table.add_row(
                str(r["id"]),
                r["name"] or "",
                r["url"],
                r["kind"],
                f"{r['every_seconds']} s",
                r["last_poll_at"] or "never",
                r["last_new_at"] or "never",
                str(r["items_seen"]),
                str(r["failures"]),
                r["last_error"] or "",
            )
        console.print(table)

    @sources_app.command("remove")
    @library_errors
    def sources_remove(
        which: Annotated[str, typer.Argument(help="The source's id or URL.")], db: DbOption = None
    ) -> None:
        """Remove a source; the articles it gave stay in the ledger."""
        removed = feeds.remove(Ledger.open(_values(db)["db"]), which)
        console.print(f"removed source {removed.id}: {removed.url}", markup=False, highlight=False)
