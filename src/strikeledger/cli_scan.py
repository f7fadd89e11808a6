"""The ``strikeledger scan`` command: a thin layer over :func:`strikeledger.scan.scan`.

Registered on the main command by :func:`register`; kept apart from ``cli.py`` so that the
scan's options (a scheduler, a checkpoint) do not crowd the other commands.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                           TimeRemainingColumn)

from .ingest import IngestOptions
from .scan.checkpoint import DEFAULT_CHECKPOINT
from .scan.partitions import PARTITION_BYTES
from .settings import effective_settings
from .store import Ledger
from .terminal import shown


Archives = Annotated[list[Path], typer.Argument(
    help="WARC, WARC.gz, .jsonl or .jsonl.gz archives, or directories of them.")]
Scheduler = Annotated[Optional[str], typer.Option(
    help="A Dask scheduler's address (default: a LocalCluster).")]
Workers = Annotated[Optional[int], typer.Option(
    help="Worker processes of the LocalCluster (default: the workers setting).")]
CheckpointFile = Annotated[Path, typer.Option(
    help="File recording finished partitions, to resume a killed scan.")]
Db = Annotated[Optional[str], typer.Option("--db", envvar="STRIKELEDGER_DB", help="Database URL.")]
PartitionBytes = Annotated[int, typer.Option(help="Bytes of archive per partition.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]


def scan(archives: Archives, scheduler: Scheduler = None, workers: Workers = None,
         checkpoint: CheckpointFile = Path(DEFAULT_CHECKPOINT), db: Db = None,
         partition_bytes: PartitionBytes = PARTITION_BYTES, quiet: Quiet = False) -> None:
    """Scan news archives on Dask: gate, read and store what is about the campaign, rebuild the ledger."""
    from .scan import scan as run_scan  # dask is imported by a scan only

    settings = effective_settings(overrides={"db": db, "workers": workers})
    options = IngestOptions(max_article_bytes=settings["max_article_bytes"][0],
                            max_archive_bytes=settings["max_archive_bytes"][0])
    err, out = Console(stderr=True), Console(width=200)
    columns = [TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), TextColumn("partitions"),
               TimeElapsedColumn(), TimeRemainingColumn()]
    with Progress(*columns, console=err, disable=quiet or not err.is_terminal, transient=True) as progress:
        task = progress.add_task("", total=None)
        summary = run_scan(
            Ledger.open(settings["db"][0]), archives, scheduler=scheduler, workers=settings["workers"][0],
            checkpoint=checkpoint, options=options, partition_bytes=partition_bytes,
            gated=not settings["keep_set_aside"][0],
            on_partition=lambda done, total: progress.update(task, completed=done, total=total))
    for rejected in summary.rejected:
        err.print(f"Error: {shown(rejected)}", markup=False, highlight=False, soft_wrap=True)
    out.print(
        f"partitions {summary.partitions} (resumed past {summary.resumed}), records {summary.records}, "
        f"set aside {summary.set_aside}, ingested {summary.ingested}, duplicates {summary.duplicates}, "
        f"syndicated copies {summary.syndicated}, rejected {len(summary.rejected)}; "
        f"ledger: {summary.incidents} incidents", markup=False, highlight=False)
    if summary.rejected:
        raise typer.Exit(1)


def register(app: typer.Typer, library_errors: Callable) -> None:
    """Add ``scan`` to ``app``, its library errors rendered as the other commands render them."""
    app.command(name="scan")(library_errors(scan))
