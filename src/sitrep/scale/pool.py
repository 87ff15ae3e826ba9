"""A pool of worker processes, each loading the spaCy model once, fed chunks of documents.

The parent reads (and skips already-stored inputs); workers parse and run the stages on
whole chunks with `analyse_chunk` and send finished records back. Each worker receives
the run's `Settings` and builds the pipeline they describe (model, stages, classifier,
plugins) when it starts.
At most `max_in_flight` chunks are out at a time and results are collected
in submission order, so memory stays flat and output order is input order.

A worker that dies (a crash in native code, the OOM killer) breaks the
pool: the pool is restarted, the other chunks in flight are resubmitted, and
the broken chunk is retried one document at a time, so only a document that
kills a worker on its own is reported as `processing_failed`.
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from sitrep.errors import ErrorCode
from sitrep.records import DocumentError, Input, Record, failure
from sitrep.settings import Settings
from sitrep.streams import chunked

# Chunks waiting or running per worker: enough to keep every worker busy
# while the parent collects, few enough to keep memory flat.
CHUNKS_IN_FLIGHT_PER_WORKER = 2
# forkserver: workers start from a clean process (no parent threads or DuckDB
# connections copied) that has already loaded the model (`preload`).
START_METHOD = "forkserver"
PRELOAD = ["sitrep.scale.preload"]
# linux/prctl.h: deliver a signal to this process when its parent ends.
PR_SET_PDEATHSIG = 1
# How often a worker without pidfd support checks that the ingest is still alive.
PARENT_POLL_SECONDS = 1.0


def analyse_in_pool(
    records: Iterable[Input],
    *,
    workers: int,
    settings: Settings,
) -> Iterator[Record]:
    """Analyse records in `workers` processes, yielding results in input order."""
    pool = _WorkerPool(workers, settings)
    max_in_flight = workers * CHUNKS_IN_FLIGHT_PER_WORKER
    pending: deque[tuple[list[Input], Future[list[Record]]]] = deque()
    try:
        for chunk in chunked(records, settings.batch_size):
            pending.append((chunk, pool.submit(chunk)))
            while len(pending) >= max_in_flight:
                yield from _collect_first(pending, pool)
        while pending:
            yield from _collect_first(pending, pool)
    finally:
        pool.shutdown()


def _collect_first(
    pending: deque[tuple[list[Input], Future[list[Record]]]], pool: _WorkerPool
) -> list[Record]:
    chunk, future = pending.popleft()
    try:
        return future.result()
    except BrokenProcessPool:
        pool.restart()
        resubmitted = [(waiting, pool.submit(waiting)) for waiting, _ in pending]
        pending.clear()
        if len(chunk) == 1:
            pending.extend(resubmitted)
            return [_worker_died(chunk[0])]
        singles = [([record], pool.submit([record])) for record in chunk]
        pending.extend(singles + resubmitted)
        return []


def _worker_died(record: Input) -> DocumentError:
    if isinstance(record, DocumentError):
        return record
    return failure(record, ErrorCode.PROCESSING_FAILED, "a worker process died on this document")


class _WorkerPool:
    """A restartable `ProcessPoolExecutor` whose workers hold the model."""

    def __init__(self, workers: int, settings: Settings) -> None:
        self.workers = workers
        self.settings = settings
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context(START_METHOD)
        context.set_forkserver_preload(PRELOAD)
        return ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(), self.settings),
        )

    def submit(self, chunk: list[Input]) -> Future[list[Record]]:
        return self.executor.submit(_analyse_in_worker, chunk, self.settings)

    def restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


# Worker-side functions import the analysis stages when they run, so the parent, which
# only reads and stores, never loads spaCy (workers find it loaded by the forkserver).


def _start_worker(parent_pid: int, settings: Settings) -> None:
    _die_with(parent_pid)
    from sitrep.analysis import prepare

    prepare(settings)


def _die_with(parent_pid: int) -> None:
    """End this worker when the process that started the pool ends, however it ends.

    A forkserver worker is the forkserver's child, not that process's, and it holds the
    write ends of its own task queue and of the forkserver's liveness pipe: after a kill -9
    or SIGTERM of the ingest, workers would wait on their queues forever, keeping the
    forkserver and the resource tracker (which exit once those pipes close) alive with them.
    A thread watching the parent ends the worker, and then the other two end by themselves;
    the parent-death signal covers the forkserver itself being killed."""
    set_death_signal = getattr(_libc(), "prctl", None)
    if set_death_signal is not None:
        set_death_signal(PR_SET_PDEATHSIG, signal.SIGKILL)
    threading.Thread(
        target=_exit_when_gone, args=(parent_pid,), name="sitrep-parent-watch", daemon=True
    ).start()


def _exit_when_gone(pid: int) -> None:
    try:
        # A pidfd becomes readable when the process ends (Linux 5.3+).
        select.select([os.pidfd_open(pid)], [], [])
    except ProcessLookupError:
        pass  # already gone
    except (AttributeError, OSError):
        while _alive(pid):
            time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False  # gone, or the number now belongs to another user's process
    return True


def _analyse_in_worker(chunk: list[Input], settings: Settings) -> list[Record]:
    from sitrep.analysis import analyse_chunk, prepare

    analysed = analyse_chunk(chunk, nlp=prepare(settings), settings=settings)
    release_freed_memory()
    return analysed


def release_freed_memory() -> None:
    """Give the heap pages a parsed chunk freed back to the system (glibc keeps them
    otherwise), so a worker's memory falls between chunks instead of staying at its peak."""
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


@functools.cache
def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None)
