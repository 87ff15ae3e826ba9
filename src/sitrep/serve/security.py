"""What every response of `sitrep serve` carries, and which Host names it answers.

The page and the API are served to a browser on the analyst's machine, with data taken
from hostile pages. So every response says: run only this site's own script and style
files (no inline script, no eval), fetch only from this site, never be framed, never
sniff a content type, send no referrer off-site. A request whose Host header is not one
of the allowed names is refused with 400 before it reaches the app: a web page whose
DNS name is re-bound to 127.0.0.1 then cannot read the API from the browser.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
    " form-action 'none'; frame-ancestors 'none'"
)
# A stored original is hostile text: shown inert, in a sandbox with no origin and no script.
ORIGINAL_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'"
SECURITY_HEADERS = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-content-type-options", "nosniff"),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("cross-origin-opener-policy", "same-origin"),
)


def allowed_hosts(bound_host: str | None, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names to answer: loopback, the interface the server is bound to, `extra`."""
    names = {*LOOPBACK_HOSTS, *extra}
    if bound_host:
        names.add(f"[{bound_host}]" if ":" in bound_host else bound_host)
    return frozenset(name.lower() for name in names)


def host_name(header: str) -> str:
    """The name part of a Host header, without the port: "[::1]:8000" -> "[::1]"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class SecurityHeaders:
    """ASGI middleware: refuse unknown Host names, add the security headers to every answer.

    A header the app already set (the original endpoint's sandbox policy) is kept."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str] = LOOPBACK_HOSTS) -> None:
        self.app = app
        self.hosts = frozenset(name.lower() for name in hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        if host_name(host) not in self.hosts:
            await _refuse(send, "unknown Host header; start sitrep serve with --allow-host NAME")
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = _with_security_headers(message.get("headers", []))
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _with_security_headers(headers: Iterable[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    merged = list(headers)
    present = {name.lower() for name, _ in merged}
    for name, value in SECURITY_HEADERS:
        if name.encode() not in present:
            merged.append((name.encode(), value.encode()))
    return merged


async def _refuse(send: Send, reason: str) -> None:
    body = reason.encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send(
        {"type": "http.response.start", "status": 400, "headers": _with_security_headers(headers)}
    )
    await send({"type": "http.response.body", "body": body})
