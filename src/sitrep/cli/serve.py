"""`sitrep serve`: the REST API and the web page on a stored database."""

from __future__ import annotations

from typing import Annotated

import typer

from sitrep.cli._app import app
from sitrep.cli.options import DbOption
from sitrep.cli.stores import open_for_reading
from sitrep.store import DEFAULT_DB


@app.command("serve")
def serve_cli(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(metavar="HOST", help="Interface to listen on.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=1, max=65535, metavar="PORT", help="Port to listen on.")
    ] = 8000,
    get: Annotated[
        str | None,
        typer.Option("--get", metavar="PATH", help="Print the response to this path and exit."),
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            metavar="HOST",
            help="Another Host name to answer (repeatable); loopback names and --host are"
            " always allowed, any other gets 400.",
        ),
    ] = None,
) -> None:
    """Serve the API (docs at /docs) and the page at http://HOST:PORT/.

    Example: sitrep serve --db sitrep.duckdb --port 8000
    """
    status = serve(db, host=host, port=port, get=get, allow_hosts=allow_host or [])
    if status >= 400:
        raise typer.Exit(1)


def serve(
    db: str, *, host: str, port: int, get: str | None, allow_hosts: list[str] | None = None
) -> int:
    """Run the server, or with `get` print one response; returns its HTTP status (200 served)."""
    from sitrep.serve import create_app
    from sitrep.serve.security import allowed_hosts

    store = open_for_reading(db)
    try:
        application = create_app(store, allowed_hosts=allowed_hosts(host, allow_hosts or ()))
        if get is not None:
            from sitrep.serve.oneshot import get_once

            status, body = get_once(application, get)
            typer.echo(body)
            return status
        import uvicorn

        uvicorn.run(application, host=host, port=port)
        return 200
    finally:
        store.close()
