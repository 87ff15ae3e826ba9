"""Imported once by the pool's forkserver: loads the model and every stage's knowledge there.

Workers forked from the server find the model in `load_nlp`'s cache and the
gazetteers and lexicons already loaded, and share those pages copy-on-write,
so N workers cost less memory than N separate loads and start at once.
"""

from __future__ import annotations

import gc

from sitrep.analysis import analyse_chunk, prepare
from sitrep.records import Article, InputKind
from sitrep.settings import DEFAULT_SETTINGS

# One short report that touches every stage (actors, places, quotes, events),
# so each stage loads its knowledge files now rather than in every worker.
WARM_UP = Article(
    source="warm-up",
    content_hash="warm-up",
    input_kind=InputKind.TEXT,
    paragraphs=[
        "Rebels seized the city of Hama in Syria on Tuesday, the army said in a statement.",
        "“We will not withdraw,” a commander told Reuters, according to officials in Damascus.",
    ],
)

# The default pipeline: a worker asked for another model or classifier loads it itself.
analyse_chunk([WARM_UP], nlp=prepare(DEFAULT_SETTINGS), settings=DEFAULT_SETTINGS)
# Move everything loaded so far out of the collector's reach: a collection in a worker
# would otherwise write to every object's header and turn the shared pages private.
gc.freeze()
