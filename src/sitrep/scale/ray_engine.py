"""The same pipeline on Ray: a pool of actors, each loading the spaCy model once.

The driver reads (and skips already-stored inputs), sends chunks of articles
round-robin to `workers` actors with at most `CHUNKS_IN_FLIGHT_PER_ACTOR`
chunks queued on each, and yields results in input order, so the store
downstream sees exactly what the local engines give it. Each actor runs
`analyse_chunk`, the same per-document wrapper as every other engine, with the run's
`Settings`: each actor builds the pipeline they describe (model, stages, classifier,
plugins). On the private local cluster the actors import from the driver's `sys.path`, so
they find the plugins the driver finds; a cluster's nodes must have them installed.

Without an address Ray starts a private local cluster on loopback
(`num_cpus=workers`); with one (`ray://head:10001` or `head:6379`) it joins
that cluster, whose nodes must have sitrep and the model installed. Ray is
imported here only, so sitrep works without it.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.analysis import analyse_chunk, prepare
from sitrep.errors import ErrorCode
from sitrep.records import DocumentError, Input, Record, failure
from sitrep.settings import Settings
from sitrep.streams import chunked

CHUNKS_IN_FLIGHT_PER_ACTOR = 2
LOOPBACK = "127.0.0.1"


class ChunkAnalyser:
    """One Ray actor: holds the model, analyses the chunks it is sent."""

    def __init__(self, settings: Settings) -> None:
        self.nlp = prepare(settings)
        self.settings = settings

    def analyse(self, chunk: list[Input]) -> list[Record]:
        return analyse_chunk(chunk, nlp=self.nlp, settings=self.settings)


def analyse_on_ray(
    records: Iterable[Input],
    *,
    workers: int,
    address: str | None,
    settings: Settings,
) -> Iterator[Record]:
    """Analyse records on `workers` Ray actors, yielding results in input order."""
    import ray

    started_here = _connect(ray, workers, address)
    # Ray's stubs type an actor's methods as plain functions; its handles are used as Any.
    actor_class: Any = ray.remote(num_cpus=1)(ChunkAnalyser)
    actors = [actor_class.remote(settings) for _ in range(workers)]
    pending: deque[tuple[list[Input], Any]] = deque()
    try:
        for index, chunk in enumerate(chunked(records, settings.batch_size)):
            actor = actors[index % len(actors)]
            pending.append((chunk, actor.analyse.remote(chunk)))
            while len(pending) >= len(actors) * CHUNKS_IN_FLIGHT_PER_ACTOR:
                yield from _collect_first(ray, pending)
        while pending:
            yield from _collect_first(ray, pending)
    finally:
        for actor in actors:
            ray.kill(actor)
        if started_here:
            ray.shutdown()


def _connect(ray: Any, workers: int, address: str | None) -> bool:
    """Join the given cluster or start a local one; True if this call started Ray."""
    if ray.is_initialized():
        return False
    # No usage reports leave the machine.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(
            num_cpus=workers,
            include_dashboard=False,
            log_to_driver=False,
            _node_ip_address=LOOPBACK,
            runtime_env={"env_vars": {"PYTHONPATH": os.pathsep.join(filter(None, sys.path))}},
        )
    return True


def _collect_first(ray: Any, pending: deque[tuple[list[Input], Any]]) -> list[Record]:
    chunk, ref = pending.popleft()
    try:
        return ray.get(ref)
    except (ray.exceptions.RayActorError, ray.exceptions.RayTaskError) as exc:
        return [_lost(record, exc) for record in chunk]


def _lost(record: Input, exc: Exception) -> DocumentError:
    if isinstance(record, DocumentError):
        return record
    reason = f"Ray worker failed: {type(exc).__name__}"
    return failure(record, ErrorCode.PROCESSING_FAILED, reason)
