"""Person and organisation spans: sitrep's actors and the bare spaCy model, exact span and label.

Run: .venv/bin/python bench/entities.py              (TRAIN, DEV, TRAIN-MORE and TRAIN-PAGES)
     .venv/bin/python bench/entities.py --split train --errors   (what was read to write rules)

Gold: bench/gold/entities_geowebnews.jsonl (44 GeoWebNews articles annotated by hand, guideline
in bench/gold/ENTITIES_GUIDELINE.md), split by document with bench/splits.py; and
bench/gold/entities_geowebnews_train_more.jsonl, 23 more articles all TRAIN by that split,
annotated later to read more errors from (TRAIN-MORE); and
bench/gold/entities_article_extraction_train.jsonl, 24 TRAIN pages of
../shared/data/article-extraction (sport, business, politics, science, entertainment; offsets index
the ground-truth `articleBody`), annotated by the same guideline (TRAIN-PAGES). sitrep's PER and ORG
are the mentions of its person and organisation actors, as `annotate` keeps them in the article:
every name it gives a person or body. A role phrase bound to a person ("the president") is no
mention but a reference of that person (`Article.references`, kind "role"), as a pronoun is, so
it is no prediction here, as it is no name a reader of persons would see. The model's are its
PERSON and ORG entities. A prediction exactly on an `ANY` gold span is not counted. Precision
over predictions, recall over gold spans, F1, per label.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from geoparsing import article_of
from geowebnews_split import SHARED, records
from sitrep.annotate import annotate
from sitrep.annotate.nlp import load_nlp
from sitrep.records import ActorKind
from splits import split_of

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "entities_geowebnews.jsonl"
MORE = ROOT / "bench" / "gold" / "entities_geowebnews_train_more.jsonl"
PAGES = ROOT / "bench" / "gold" / "entities_article_extraction_train.jsonl"
PAGE_BODIES = SHARED / "article-extraction" / "ground-truth.json"
LABELS = ("PER", "ORG")
SETS = ("train", "dev", "train-more", "train-pages")
ACTOR_LABELS = {ActorKind.PERSON: "PER", ActorKind.ORGANISATION: "ORG"}
MODEL_LABELS = {"PERSON": "PER", "ORG": "ORG"}

Entity = tuple[int, int, str]


@dataclass
class Counts:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, gold: set[Entity], predicted: set[Entity]) -> None:
        self.true_positive += len(gold & predicted)
        self.predicted += len(predicted)
        self.gold += len(gold)

    def row(self, label: str) -> str:
        p = self.true_positive / max(self.predicted, 1)
        r = self.true_positive / max(self.gold, 1)
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (
            f"| {label} | {self.gold} gold, {self.predicted} found | {p:.3f} | {r:.3f} | {f:.3f} |"
        )


def scored(predicted: Iterable[Entity], ignored: set[tuple[int, int]], label: str) -> set[Entity]:
    return {e for e in predicted if e[2] == label and (e[0], e[1]) not in ignored}


def _gold(path: Path) -> dict[str, list[Entity]]:
    return {
        row["id"]: [(start, end, label) for start, end, label in row["entities"]]
        for row in map(json.loads, path.read_text("utf-8").splitlines())
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SETS, help="one set only")
    parser.add_argument("--errors", action="store_true", help="print sitrep's misses and extras")
    options = parser.parse_args()
    gold, more, pages = _gold(GOLD), _gold(MORE), _gold(PAGES)
    assert all(split_of(i) == "train" for i in more | pages), "added sets hold TRAIN documents only"
    texts = {r["id"]: r["text"] for r in records() if r["id"] in gold or r["id"] in more}
    bodies = json.loads(PAGE_BODIES.read_text("utf-8"))
    texts |= {i: bodies[i]["articleBody"] for i in pages}
    documents = {
        "train": [i for i in gold if split_of(i) == "train"],
        "dev": [i for i in gold if split_of(i) == "dev"],
        "train-more": list(more),
        "train-pages": list(pages),
    }
    gold |= more | pages
    nlp = load_nlp()
    for split in (options.split,) if options.split else SETS:
        ids = sorted(documents[split])
        articles = [article_of(texts[i]) for i in ids]
        counts = {(who, label): Counts() for who in ("sitrep", "model") for label in LABELS}
        for doc_id, article, doc in zip(
            ids, articles, nlp.pipe(a.body for a in articles), strict=True
        ):
            annotate(article, doc)
            ours = {
                (m.start, m.end, ACTOR_LABELS[a.kind])
                for a in article.actors
                if a.kind in ACTOR_LABELS
                for m in a.mentions
            }
            model = {
                (e.start_char, e.end_char, MODEL_LABELS[e.label_])
                for e in doc.ents
                if e.label_ in MODEL_LABELS
            }
            ignored = {(s, e) for s, e, label in gold[doc_id] if label == "ANY"}
            for label in LABELS:
                wanted = {g for g in gold[doc_id] if g[2] == label}
                counts["sitrep", label].add(wanted, scored(ours, ignored, label))
                counts["model", label].add(wanted, scored(model, ignored, label))
                if options.errors:
                    for s, e, _ in sorted(wanted - ours):
                        print(f"  {doc_id[:16]} miss  {label} {texts[doc_id][s:e]!r}")
                    for s, e, _ in sorted(scored(ours, ignored, label) - wanted):
                        print(f"  {doc_id[:16]} extra {label} {texts[doc_id][s:e]!r}")
        print(f"\nEntities {split.upper()} ({len(ids)} articles; split rule in bench/splits.py)")
        print("| exact span | n | precision | recall | F1 |")
        print("|---|---|---|---|---|")
        for who, shown in (("sitrep", "sitrep"), ("model", "spaCy model alone")):
            for label in LABELS:
                print(counts[who, label].row(f"{shown} {label}"))


if __name__ == "__main__":
    main()
