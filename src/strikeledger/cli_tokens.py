"""The ``token`` commands (create, list, revoke, log): thin adapters over :mod:`strikeledger.access`.

:func:`register` adds them to the ``strikeledger`` application (``cli.py`` calls it).
"""

# No `from __future__ import annotations`: typer reads the commands' annotations, which name
# helpers imported inside register().
import json
from typing import Annotated, Optional

import typer
from rich.table import Table

from . import access
from .terminal import shown


def register(app: typer.Typer) -> None:
    """Add the ``token`` group to ``app``."""
    from .cli import DbOption, _open, console, library_errors

    token_app = typer.Typer(help="Write tokens for analysts' corrections.", no_args_is_help=True)
    app.add_typer(token_app, name="token")

    @token_app.command("create")
    @library_errors
    def token_create(name: Annotated[str, typer.Argument(help="Who the token is for; recorded in the audit log.")],
                     db: DbOption = None,
                     expires_days: Annotated[Optional[int], typer.Option(
                         "--expires-days", help="Days until it expires (default: until revoked).")] = None) -> None:
        """Create a write token and print it once (only its hash is stored)."""
        typer.echo(access.create_token(_open(db), name, expires_days))


    @token_app.command("list")
    @library_errors
    def token_list(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
        """Every token: name, state, created, last used, expires (never the token)."""
        rows = access.list_tokens(_open(db))
        if as_json:
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        table = Table(title=f"{len(rows)} tokens")
        for name in ("name", "state", "created_at", "last_used_at", "expires_at"):
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(*(shown(row[k] or "") for k in ("name", "state", "created_at", "last_used_at", "expires_at")))
        console.print(table, markup=False, highlight=False)


    @token_app.command("revoke")
    @library_errors
    def token_revoke(name: Annotated[str, typer.Argument(help="The name the token was created for.")],
                     db: DbOption = None) -> None:
        """Revoke NAME's token: writes with it are refused from now on."""
        access.revoke_token(_open(db), name)
        console.print(f"revoked the token of {shown(name)}", markup=False, highlight=False)


    @token_app.command("log")
    @library_errors
    def token_log(db: DbOption = None, limit: Annotated[int, typer.Option(help="How many, newest first.")] = 50,
                  as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
        """Write attempts, taken and refused: when, who, address, route, status, outcome, reason."""
        rows = access.write_log(_open(db), limit)
        if as_json:
            typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        table = Table(title=f"latest {len(rows)} write attempts")
        for name in ("at", "who", "address", "method", "path", "status", "outcome", "reason"):
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(*(shown(row[k] if row[k] is not None else "") for k in
                            ("at", "who", "address", "method", "path", "status", "outcome", "reason")))
        console.print(table, markup=False, highlight=False)
