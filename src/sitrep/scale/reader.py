"""One worker (`workers=1`): this process parses and runs the stages while a reader process
reads the pages ahead of it.

Reading a page (decompress, decode, trafilatura, language identification) is about a
third of sitrep's own work beside the parse, and a thread cannot overlap it with the parse
(the GIL). A second process can: it takes the raw documents a chunk at a time, reads them
(`sitrep.read.read_input`, which turns a reader's failure into that document's error) and
sends the records back in input order, at most `CHUNKS_AHEAD` chunks ahead of the parse,
so memory stays flat.

The reader is a plain subprocess of this interpreter (`python -c`, this process's
`sys.path`), fed pickled chunks on its stdin and answering on its stdout. Not a
`multiprocessing` child: spawning one imports the caller's main module again, so a script
that calls `sitrep.ingest` without an `if __name__ == "__main__":` guard would run itself
in the reader; and forking would copy this process's threads and open store. The run kills
it when it ends or its consumer stops early; it ends by itself when its stdin closes, so it
also ends however this process ends (kill -9 included), with nothing left behind. A thread
of this process writes the chunks, so the parse never waits on a full pipe and the two
processes never wait on each other's writes. A reader that dies (a crash in native code,
the OOM killer) is started again and its chunk read again one document at a time, so only
a document that kills it on its own is reported (`processing_failed`).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import IO, Any

from sitrep.errors import ErrorCode
from sitrep.read import read_input
from sitrep.records import DocumentError, Input, Record, failure
from sitrep.registry import import_plugins
from sitrep.scale.pool import release_freed_memory
from sitrep.settings import Settings
from sitrep.streams import chunked

# Chunks the reader holds (read, being read or waiting) while one is parsed here.
CHUNKS_AHEAD = 2
# The reader's command: this process's import path, then its loop.
_BOOT = "import sys; sys.path[:] = sys.argv[1:]; from sitrep.scale.reader import serve; serve()"
_LENGTH = struct.Struct("!Q")


def analyse_reading_apart(records: Iterable[Input], *, settings: Settings) -> Iterator[Record]:
    """`analysis.analyse_safely` over `records`, their raw documents read in a reader
    process: the same records, in the same order, as reading them here."""
    from sitrep.analysis import analyse_safely, prepare

    with ReaderProcess(settings) as reader:
        yield from analyse_safely(reader.read(records), nlp=prepare(settings), settings=settings)


class ReaderProcess:
    """A reader process, started when a second chunk comes; `read` streams records
    through it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.process: subprocess.Popen[bytes] | None = None
        self._outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._feeder = threading.Thread()
        import_plugins(settings.plugins)  # for the chunk read here

    def __enter__(self) -> ReaderProcess:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def read(self, records: Iterable[Input]) -> Iterator[Record]:
        """`records` with each raw document read, in input order. The first chunk is read
        here while the reader starts and reads the next ones, so the parse never waits for
        it to start, and a run of one chunk never starts it."""
        chunks = chunked(records, self.settings.batch_size)
        first = next(chunks, [])
        pending: deque[list[Input]] = deque()
        for chunk in itertools.islice(chunks, CHUNKS_AHEAD):
            self._send(chunk)
            pending.append(chunk)
        yield from map(read_input, first)
        for chunk in chunks:
            self._send(chunk)
            pending.append(chunk)
            while len(pending) > CHUNKS_AHEAD:
                yield from self._collect_first(pending)
        while pending:
            yield from self._collect_first(pending)

    def stop(self) -> None:
        """End the reader at once: nothing it still holds is wanted (the replies taken, or
        the consumer gone), and waiting would only keep the run from ending."""
        process, self.process = self.process, None
        if process is None:
            return
        process.kill()
        process.wait()
        self._outbox.put(None)
        self._feeder.join()  # its last write, if any, failed when the reader went
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()

    def _send(self, chunk: list[Input]) -> None:
        if self.process is None:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _BOOT, *sys.path],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
            self._outbox = queue.SimpleQueue()
            self._feeder = threading.Thread(
                target=_feed, args=(self.process.stdin, self._outbox), daemon=True
            )
            self._feeder.start()
            self._outbox.put(_packed(self.settings))
        self._outbox.put(_packed(chunk))

    def _collect_first(self, pending: deque[list[Input]]) -> list[Record]:
        chunk = pending.popleft()
        assert self.process is not None and self.process.stdout is not None
        reply = _read(self.process.stdout)
        if reply is not None:
            return list(reply)
        # The reader died on this chunk: start another, send it what was waiting, and this
        # chunk again one document at a time, so the next death names its document.
        self.stop()
        died: list[Record] = []
        if len(chunk) == 1:
            died.append(_reader_died(chunk[0]))
        else:
            pending.extendleft([record] for record in reversed(chunk))
        for waiting in pending:
            self._send(waiting)
        return died


def _reader_died(record: Input) -> DocumentError:
    if isinstance(record, DocumentError):
        return record
    return failure(record, ErrorCode.PROCESSING_FAILED, "the reader process died on this document")


def serve() -> None:
    """The reader process: settings, then chunks of raw documents on stdin, each answered
    with its records on stdout, until stdin ends."""
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # the replies are all that may reach stdout
    # Ctrl-C is for the run, which then ends the reader.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    settings = _read(requests)
    if not isinstance(settings, Settings):
        return
    import_plugins(settings.plugins)  # a plugin may register a reader
    try:
        while (chunk := _read(requests)) is not None:
            _write(replies, [read_input(record) for record in chunk])
            release_freed_memory()
    except BrokenPipeError:
        # The run has ended: nobody waits for this reply, and none may be flushed at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), replies.fileno())


def _feed(stream: IO[bytes] | None, outbox: queue.SimpleQueue[bytes | None]) -> None:
    """Write what the run sends the reader, in a thread of the run: a chunk of pages is
    larger than a pipe holds, and the parse should not wait while the reader takes it."""
    assert stream is not None
    # OSError: the reader has died (its missing reply says so) or was stopped.
    with contextlib.suppress(OSError):
        while (data := outbox.get()) is not None:
            stream.write(data)
            stream.flush()


def _packed(message: object) -> bytes:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return _LENGTH.pack(len(data)) + data


def _write(stream: IO[bytes], message: object) -> None:
    stream.write(_packed(message))
    stream.flush()


def _read(stream: IO[bytes]) -> Any:
    """The next message on `stream`; None once it has ended (or was cut short)."""
    header = stream.read(_LENGTH.size)
    if len(header) < _LENGTH.size:
        return None
    (length,) = _LENGTH.unpack(header)
    data = stream.read(length)
    return pickle.loads(data) if len(data) == length else None
