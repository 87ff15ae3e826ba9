"""An append-only file beside a DuckDB store that holds its articles' large parts.

A DuckDB checkpoint cost what the payload chunks made it cost: the table of chunks held
four fifths of the file's bytes, and as its trailing row groups filled, each checkpoint
merged and rewrote tens of MB of them, more as the store grew (a checkpoint of 300
articles' rows cost 0.09 s CPU without their chunks and 2.05 s with them, at 10,000
articles). Bytes appended to a file of their own are written once and never rewritten;
the store keeps only where each part starts and how long it is (`payload_spans`).

The writer buffers a transaction's bytes and writes them, flushed to disk, just before
the database commits, so a committed span always points at bytes on disk; bytes of a
transaction that does not commit are dropped, or, if the commit itself fails, left as
unreferenced bytes that nothing reads. The file's name comes from the store's own path,
never from an input.
"""

from __future__ import annotations

import io
import os


class PayloadPack:
    """The pack of one store: `append` within a transaction, `commit` or `discard` at its end."""

    def __init__(self, path: str | None, *, read_only: bool = False) -> None:
        """`path` None keeps the pack in memory (an in-memory store)."""
        self.read_only = read_only
        self._memory: io.BytesIO | None = None
        self._fd: int | None = None
        if path is None:
            self._memory = io.BytesIO()
            self._end = 0
        elif read_only:
            # A store written before packs existed has none: every read finds nothing.
            self._fd = _open(path, os.O_RDONLY) if os.path.exists(path) else None
            self._end = 0
        else:
            self._fd = _open(path, os.O_RDWR | os.O_CREAT)
            self._end = os.fstat(self._fd).st_size
        self._pending: list[bytes] = []
        self._pending_bytes = 0

    def append(self, data: bytes) -> tuple[int, int]:
        """Where `data` will lie once the transaction commits: (start, length)."""
        if self.read_only:
            raise PermissionError("a read-only store cannot append to its pack")
        start = self._end + self._pending_bytes
        self._pending.append(data)
        self._pending_bytes += len(data)
        return start, len(data)

    def commit(self) -> None:
        """Write the transaction's bytes and flush them to disk (before the database commits)."""
        if not self._pending:
            return
        data = b"".join(self._pending)
        if self._memory is not None:
            self._memory.seek(self._end)
            self._memory.write(data)
        else:
            assert self._fd is not None
            written = 0
            while written < len(data):
                written += os.pwrite(self._fd, data[written:], self._end + written)
            os.fsync(self._fd)
        self._end += len(data)
        self.discard()

    def discard(self) -> None:
        """Drop the bytes of a transaction that did not commit."""
        self._pending = []
        self._pending_bytes = 0

    def read(self, start: int, length: int) -> bytes | None:
        """The bytes of one span, or None when the pack does not hold them whole."""
        if self._memory is not None:
            data = self._memory.getbuffer()[start : start + length].tobytes()
        elif self._fd is None:
            return None
        else:
            data = os.pread(self._fd, length, start)  # no shared offset: safe across threads
        return data if len(data) == length else None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _open(path: str, flags: int) -> int:
    # O_CLOEXEC: a worker forked later must not hold the writer's file.
    return os.open(path, flags | os.O_CLOEXEC, 0o644)


def pack_path(database_path: str) -> str:
    """The pack beside a DuckDB file: its name with `.payloads` added."""
    return f"{database_path}.payloads"
