"""One GET request straight into the ASGI app, without a server: `sitrep serve --get`."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.types import Message


def get_once(app: FastAPI, target: str) -> tuple[int, str]:
    """The status and body text of GET `target` (a path with an optional query string)."""
    parts = urlsplit(target)
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": parts.path or "/",
        "raw_path": (parts.path or "/").encode(),
        "query_string": parts.query.encode(),
        "headers": [(b"host", b"localhost")],
        "server": ("localhost", 80),
        "client": ("127.0.0.1", 0),
        "root_path": "",
    }
    status = 500
    chunks: list[bytes] = []
    requested = False

    async def exchange() -> None:
        answered = asyncio.Event()

        async def receive() -> Message:
            # The request once; then the client stays until the whole answer is sent and
            # leaves. A file response listens for that disconnect: answering "request"
            # forever would spin it on one core and never let it finish.
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await answered.wait()
            return {"type": "http.disconnect"}

        async def send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    answered.set()

        await app(scope, receive, send)

    asyncio.run(exchange())
    return status, b"".join(chunks).decode("utf-8", errors="replace")
