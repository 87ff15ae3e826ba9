"""Imported once by the pool's forkserver: loads the model and every stage's knowledge there.

Workers forked from the server find the model in `load_nlp`'s cache and the
gazetteers and lexicons already loaded, and share those pages copy-on-write,
so N workers cost less memory than N separate loads and start at once.
"""

from __future__ import annotations

import gc

from sitrep.analysis import analyse_chunk
from sitrep.annotate.nlp import load_nlp
from sitrep.records import Article, InputKind

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

analyse_chunk([WARM_UP], nlp=load_nlp(), do_extract=True)
# Move everything loaded so far out of the collector's reach: a collection in a worker
# would otherwise write to every object's header and turn the shared pages private.
gc.freeze()
