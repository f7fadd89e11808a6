"""The ``strikeledger`` command: a thin layer over :mod:`strikeledger.service`.

Each command opens the ledger, calls one library function and renders what it returns.
Library errors become ``Error: ...`` on stderr and exit status 1.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import cli_extras, cli_scan, service
from .errors import StrikeledgerError
from .ingest import IngestOptions
from .ingest.gate import default_gate
from .ingest.language import tally
from .outlets import UNKNOWN
from .settings import SETTINGS, effective_settings
from .store import Ledger
from .terminal import shown

app = typer.Typer(help="An auditable ledger of US strikes on alleged drug boats, built from news reporting.", no_args_is_help=True)
# Piped output (make run, logs) gets a wide table rather than rich's 80-column default.
console = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True)

# No envvar here: effective_settings reads STRIKELEDGER_DB itself, and so reports where it came from.
DbOption = Annotated[Optional[str], typer.Option("--db", help="Database URL (default: the db setting, STRIKELEDGER_DB).")]
_CONFIG: dict[str, Optional[Path]] = {"file": None}


@app.callback()
def main(config: Annotated[Optional[Path], typer.Option(
        "--config", help="Settings file (TOML; default strikeledger.toml in this directory, if present).")] = None) -> None:
    """An auditable ledger of US strikes on alleged drug boats, built from news reporting."""
    _CONFIG["file"] = config


def _settings(**overrides):
    return effective_settings(_CONFIG["file"], overrides)


def _fail(message: str) -> None:
    err.print(f"Error: {shown(message)}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def library_errors(func: Callable) -> Callable:
    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except StrikeledgerError as exc:
            _fail(str(exc))
    return wrapper


def _open(db: str | None) -> Ledger:
    settings = _settings(db=db)
    return Ledger.open(settings["db"][0])


def _count_inputs(paths: list[Path]) -> int | None:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.suffix.lower() in (".txt", ".html", ".htm"))
        elif path.exists() and path.suffix.lower() in (".txt", ".html", ".htm"):
            total += 1
        else:
            return None  # archives: the number of lines is not known in advance
    return total


@app.command()
@library_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Corpus directories, article files or .jsonl/.jsonl.gz archives.")],
    db: DbOption = None,
    max_bytes: Annotated[Optional[int], typer.Option(help="Largest article accepted, in bytes.")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes that extract articles (default: the workers setting, 1).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Ingest articles, extract what they report and rebuild the ledger. Exit 1 if any input was rejected."""
    settings = _settings(db=db, max_article_bytes=max_bytes, workers=workers)
    options = IngestOptions(max_article_bytes=settings["max_article_bytes"][0], max_archive_bytes=settings["max_archive_bytes"][0])
    ledger = Ledger.open(settings["db"][0])
    columns = [SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}")]
    with Progress(*columns, console=err, disable=quiet or not err.is_terminal, transient=True) as progress:
        task = progress.add_task("", total=_count_inputs(paths))
        summary = service.ingest(
            ledger, paths, options, workers=settings["workers"][0],
            gate=None if settings["keep_set_aside"][0] else default_gate(),
            on_item=lambda source, status: progress.update(task, advance=1, description=shown(Path(source).name)),
        )
    print_ingest_summary(summary)


def print_ingest_summary(summary: service.IngestSummary) -> None:
    """Warnings, errors and the counts of an ingest; exit 1 if anything was rejected."""
    for skipped in summary.skipped:
        err.print(f"Warning: skipped {shown(skipped)}", markup=False, highlight=False, soft_wrap=True)
    for rejected in summary.rejected:
        err.print(f"Error: {shown(rejected)}", markup=False, highlight=False, soft_wrap=True)
    # The counts keep the words and order they had before languages, for those who read them;
    # the languages come after them.
    languages = f"; languages: {tally(summary.languages)}" if summary.languages else ""
    unread = sum(summary.not_read.values())
    not_read = f"; {unread} not read: {tally(summary.not_read)}" if unread else ""
    updated = f"; {summary.updated} updated stories (new versions of a URL stored before)" if summary.updated else ""
    set_aside = f"; {summary.set_aside} set aside (not about the campaign)" if summary.set_aside else ""
    console.print(
        f"ingested {summary.ingested}, duplicates {summary.duplicates}, "
        f"syndicated copies {summary.syndicated}, rejected {len(summary.rejected)}, "
        f"skipped {len(summary.skipped)}{languages}{not_read}{set_aside}{updated}; ledger: {summary.incidents} incidents",
        highlight=False, markup=False,
    )
    if summary.rejected:
        raise typer.Exit(1)


def _range(row: dict) -> str:
    low, best, high = row["killed_low"], row["killed_best"], row["killed_high"]
    if best is None and low is None:
        return ""
    if low == high or high is None:
        return f"{best if best is not None else f'≥{low}'}"
    return f"{best} ({low}–{high})"


@app.command()
@library_errors
def incidents(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """The ledger: one row per strike."""
    rows = service.list_incidents(_open(db))
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} incidents", show_lines=False)
    for name in ("id", "date", "region", "location", "vessels", "killed", "surv.", "announced", "grade", "src", "contradictions"):
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(
            row["incident_id"], row["strike_date"] or "?", row["region"], row["location"] or "", str(row["vessels"] or ""),
            _range(row), "" if row["survivors"] is None else str(row["survivors"]), row["announced_by"] or "", row["grade"],
            str(row["n_sources"]), row["contradictions"],
        )
    console.print(table)


@app.command()
@library_errors
def show(incident_id: str, db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False,
         cite: Annotated[bool, typer.Option("--cite", help="Print the citation: plain text, then CSL-JSON.")] = False,
         base_url: Annotated[Optional[str], typer.Option(help="The ledger's public address, for the citation's link (default: serve's host and port).")] = None,
         ) -> None:
    """One incident: every figure with the sentence behind it, the range and the contradictions.

    A former id (an alias) shows the incident it answers for now."""
    detail = service.incident_detail(_open(db), incident_id)
    if cite:
        typer.echo(cli_extras.citation_text(detail, base_url, effective_settings(overrides={"db": db})))
        return
    if as_json:
        typer.echo(json.dumps(detail, indent=2, ensure_ascii=False))
        return
    out = console.print
    if detail["incident_id"] != incident_id:
        out(f"{incident_id} is an alias of {detail['incident_id']}", highlight=False, markup=False)
    if detail["aliases"]:
        out("aliases: " + " ".join(detail["aliases"]), highlight=False, markup=False)
    out(f"[bold]{detail['incident_id']}[/bold]  {detail['strike_date'] or 'date unknown'} ({detail['date_precision']}), "
        f"{detail['region']}, {detail['location'] or 'place not named'}", highlight=False)
    out(f"killed: {_range(detail) or 'unknown'} — {detail['best_reason']}", highlight=False, markup=False)
    out(f"survivors: {detail['survivors'] if detail['survivors'] is not None else 'not reported'}; vessels: {detail['vessels'] or 'unknown'}; "
        f"announced by: {detail['announced_by'] or 'unknown'}; grade: {detail['grade']}", highlight=False, markup=False)
    if detail["contradictions"]:
        out("contradictions: " + "; ".join(detail["contradictions"]), highlight=False, markup=False)
    if len(detail["killed_over_time"]) > 1:
        out("toll over time: " + " → ".join(f"{r['value']} ({r['outlet'] or UNKNOWN}, {r['published']})" for r in detail["killed_over_time"]), markup=False)
    for source in detail["sources"]:
        out(f"\n[bold]{source['outlet'] or UNKNOWN}[/bold], {source['published'] or 'undated'} — {source['url'] or source['article_id']}", highlight=False)
        for figure in source["figures"]:
            out(f"  {figure['kind']} = {figure['value']} {figure['qualifier']}".rstrip() + f"  «{figure['surface']}»", markup=False, highlight=False)
            out(f"      {figure['sentence']}", markup=False, highlight=False, style="dim")
    for claim in detail["claims"]:
        if claim["stance"] != "announces" or claim["evidence"]:
            out(f"\nclaim: {claim['speaker']} {claim['stance']}{' (' + claim['evidence'] + ')' if claim['evidence'] else ''}: {claim['text']}", markup=False, highlight=False)


_QUALIFIER_SIGN = {"at_least": "≥", "more_than": ">", "about": "~"}


def _gap_cell(value: int | None) -> str:
    return "" if value is None else f"{value:+d}"


@app.command()
@library_errors
def totals(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Reported cumulative totals (deaths, strikes, boats) beside the ledger's own figures as of that date."""
    rows = service.reported_totals(_open(db))
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} reported totals")
    for name in ("as of", "outlet", "reported killed", "ledger killed", "gap", "reported strikes",
                 "ledger strikes", "gap ", "reported boats", "ledger boats", "gap  ", "sentence"):
        table.add_column(name, overflow="fold")
    for r in rows:
        qual = _QUALIFIER_SIGN.get(r["qualifier"], "")
        # a day read from a dateline or the URL, not the metadata, says so
        estimated = f" ({r['precision']})" if r["as_of"] and r["precision"] not in (None, "exact") else ""
        table.add_row(
            f"{r['as_of'] or '?'}{estimated}", r["outlet"] or UNKNOWN,
            f"{qual}{r['reported_killed']}" if r["reported_killed"] is not None else "",
            str(r["ledger_killed"]), _gap_cell(r["killed_gap"]),
            "" if r["reported_strikes"] is None else str(r["reported_strikes"]), str(r["ledger_strikes"]),
            _gap_cell(r["strikes_gap"]), "" if r["reported_vessels"] is None else str(r["reported_vessels"]),
            str(r["ledger_vessels"]), _gap_cell(r["vessels_gap"]), r["sentence"][:160],
        )
    console.print(table)


def _shortfall_cell(short: dict | None) -> str:
    if short is None:
        return ""
    before = _QUALIFIER_SIGN.get(short["qualifier_before"], "") + str(short["reported_before"])
    after = _QUALIFIER_SIGN.get(short["qualifier_after"], "") + str(short["reported_after"])
    return (f"{before} → {after}: reported {short['reported_rise']:+d}, ledger {short['ledger_rise']:+d}, "
            f"unaccounted {short['unaccounted']:+d}")


def _source(item: dict) -> str:
    return f"{item['outlet'] or UNKNOWN}, {item['published'] or 'undated'} ({item['article_id']})"


@app.command()
@library_errors
def gaps(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
         ) -> None:
    """Windows where reported totals rise faster than the ledger: strikes the ledger may lack."""
    report = service.gaps_report(_open(db))
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    title = f"{len(report['gaps'])} gaps, {report['ledger_short']} where the ledger falls short"
    table = Table(title=title, show_lines=True)
    for name in ("after", "through", "deaths", "strikes", "verdict", "reported", "reports", "caveats",
                 "leads"):
        table.add_column(name, overflow="fold")
    for gap in report["gaps"]:
        shorts = [s for s in (gap["killed"], gap["strikes"]) if s]
        bounds = [f"{b['role']}: {_source(b)}: {b['sentence'][:140]}" for b in gap["bounds"]]
        table.add_row(
            gap["after"], gap["through"], str(gap["killed_unaccounted"]), str(gap["strikes_unaccounted"]),
            gap["verdict"].replace("_", " "),
            "\n".join(f"{s['measure']}: {_shortfall_cell(s)}" for s in shorts), "\n".join(bounds),
            "\n".join(c for s in shorts for c in s["caveats"]),
            "\n".join(f"{_source(x)}: {x['reason']}" for x in gap["leads"]),
        )
    console.print(table, markup=False, highlight=False)


@app.command()
@library_errors
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, json, geojson, xlsx, or vessels (a CSV row per vessel)")
    ] = "csv",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (default: standard output).")] = None,
    db: DbOption = None,
    where: Annotated[Optional[list[str]], typer.Option("--filter", help=(
        "NAME=VALUE, the ledger page's filters (region, grade, date_from, date_to, language, official, "
        "disputed, contradictions, min_outlets, sort); repeat for several."))] = None,
) -> None:
    """Export the ledger as CSV (the FORMAT.md columns), JSON, GeoJSON or XLSX, or vessel by vessel."""
    if fmt not in ("csv", "json", "geojson", "xlsx", "vessels"):
        _fail(f"--format {fmt}: use csv, json, geojson, xlsx or vessels")
    params = cli_extras.parse_filters(where or [])
    data = service.export(_open(db), fmt, params.where(), params.sort)
    cli_extras.write_out(data, output)


@app.command(name="eval")
@library_errors
def evaluate(
    corpus: Annotated[Path, typer.Argument(help="A corpus directory or archive.")],
    gold: Annotated[Path, typer.Argument(help="The gold CSV.")],
    as_json: Annotated[bool, typer.Option("--json")] = False,
    also: Annotated[
        Optional[list[Path]], typer.Option("--also", help="Another corpus read into the same ledger (repeatable).")
    ] = None,
) -> None:
    """Score the ledger built from CORPUS against GOLD: incident precision/recall/F1 and exact-match rates."""
    result = service.evaluate_corpus([corpus, *(also or [])], gold)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
        return
    console.print(
        f"incidents {result.incidents}, gold {result.gold}, matched {result.matched}\n"
        f"precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}\n"
        f"exact date {result.date_exact:.3f}  exact killed {result.killed_exact:.3f}  exact survivors {result.survivors_exact:.3f}"
        f"  exact high end of the killed range {result.killed_high_exact:.3f}\n"
        f"exact vessels {result.vessels_exact:.3f}  exact sea {result.region_exact:.3f}"
        f"  exact announcer {result.announcer_exact:.3f}",
        highlight=False,
    )
    for label, items in (("missed", result.unmatched_gold), ("not in gold", result.unmatched_incidents), ("wrong toll", result.wrong_killed)):
        for item in items:
            console.print(f"  {label}: {item}", highlight=False, markup=False)


@app.command()
@library_errors
def rebuild(db: DbOption = None) -> None:
    """Extract again what an older extractor read and what is in a language newly read; re-resolve.

    An article that fails is reported and skipped (it keeps what it had); exit 1 if any did."""
    ledger = _open(db)
    done = service.reextract_all(ledger)
    for failed in done.failed:
        err.print(f"Error: {shown(failed)}", markup=False, highlight=False, soft_wrap=True)
    console.print(f"re-extracted {done.extracted} articles, failed {len(done.failed)}; "
                  f"ledger: {ledger.counts()['incidents']} incidents", highlight=False)
    if done.failed:
        raise typer.Exit(1)


@app.command()
@library_errors
def config(db: DbOption = None) -> None:
    """The effective settings and where each comes from."""
    values = _settings(db=db)
    table = Table(title="settings")
    for name in ("name", "value", "from", "help"):
        table.add_column(name, overflow="fold")
    for setting in SETTINGS:
        value, origin = values[setting.name]
        table.add_row(setting.name, str(value), origin, setting.help)
    console.print(table)


@app.command()
@library_errors
def serve(
    db: DbOption = None,
    host: Annotated[Optional[str], typer.Option(help="Address to listen on (default 127.0.0.1).")] = None,
    port: Annotated[Optional[int], typer.Option(help="Port to listen on (default 8000).")] = None,
    watch: Annotated[bool, typer.Option("--watch", help="Also watch the sources, in this process.")] = False,
) -> None:
    """Serve the ledger's web pages and JSON API (OpenAPI at /docs)."""
    import uvicorn  # imported here: the other commands do not need a web server

    from .api import create_app

    settings = _settings(db=db, host=host, port=port)
    if watch:
        from .feeds import service as feeds
        values = {name: value for name, (value, _) in settings.items()}
        feeds.start_watching(values["db"], feeds.fetch_options(values),
                             lambda line: err.print(line, markup=False, highlight=False, soft_wrap=True),
                             gate=feeds.gate_for(values))
    uvicorn.run(create_app(settings["db"][0], settings), host=settings["host"][0], port=settings["port"][0])


from . import cli_sources, cli_tokens  # noqa: E402 - their commands use the helpers above

cli_sources.register(app)
cli_tokens.register(app)
cli_scan.register(app, library_errors)  # `strikeledger scan` (archives on Dask): its own module


if __name__ == "__main__":  # pragma: no cover
    app()
