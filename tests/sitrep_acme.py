"""The worked example of docs/extending.md: an event classifier, an export format and an
input kind, in one module that registers them when it is imported.

Use it with `--plugin sitrep_acme` (the module must be importable wherever analysis runs),
or declare the three in a package's entry points (`[project.entry-points."sitrep.classifiers"]`
and so on) and it needs no flag. tests/test_extending.py runs it both ways.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from typing import IO

from spacy.tokens import Span

from sitrep.errors import DocumentRejected, ErrorCode
from sitrep.extract.event_classifier import CLASSIFIERS
from sitrep.extract.event_structure import TriggerLabel
from sitrep.read.readers import READERS
from sitrep.records import Article
from sitrep.store.api import Row
from sitrep.store.export import EXPORTERS

# 1. An event classifier: words (by lemma) and the PLOVER type each reports.
GATHERING_WORDS = {"gather": "PROTEST", "march": "PROTEST"}


class GatheringClassifier:
    name = "acme.events.gatherings.v1"

    def classify(self, sentence: Span, places: Collection[int] = frozenset()) -> list[TriggerLabel]:
        return [
            TriggerLabel(token.i, None, GATHERING_WORDS[token.lemma_], None, 0.5)
            for token in sentence
            if token.pos_ == "VERB" and token.lemma_ in GATHERING_WORDS
        ]


CLASSIFIERS.register(GatheringClassifier.name, GatheringClassifier)


# 2. An export format: one tab-separated line per event (its id, type and place).
def export_brief_tsv(events: Iterable[Row], output: IO[str]) -> int:
    count = 0
    for event in events:
        place = " ".join(str(event.get("place") or "").split())
        output.write(f"{event['id']}\t{event['type']}\t{place}\n")
        count += 1
    return count


EXPORTERS.register("acme-brief-tsv", export_brief_tsv)


# 3. An input kind: a JSON object with a "body" (paragraphs apart by a blank line), and
# optionally a "title" and a "language".
class JsonArticleReader:
    def accepts(self, data: bytes) -> bool:
        return data.lstrip().startswith(b"{")

    def read(self, text: str, article: Article) -> None:
        try:
            document = json.loads(text)
        except ValueError:
            raise DocumentRejected(ErrorCode.NO_ARTICLE, "not a JSON object") from None
        if not isinstance(document, dict) or not isinstance(document.get("body"), str):
            raise DocumentRejected(ErrorCode.NO_ARTICLE, "no string 'body' in the JSON object")
        title, language = document.get("title"), document.get("language")
        article.title = title if isinstance(title, str) else None
        article.language = language if isinstance(language, str) else None
        paragraphs = document["body"].split("\n\n")
        article.paragraphs = [" ".join(p.split()) for p in paragraphs if p.strip()]


JSON_ARTICLE_READER = READERS.register("acme-json", JsonArticleReader())
