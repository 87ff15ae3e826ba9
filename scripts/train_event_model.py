"""Fit the event-type model on the TRAIN half of the gold sets and write its weights.

Run: .venv/bin/python scripts/train_event_model.py [--c 0.3] [--vectors]
Writes src/sitrep/knowledge/events/event_model.json (weights only; no gold text is copied);
with --vectors, event_model_vectors.json: the same features plus word vectors
(`event_features.meaning`), and the typer's threshold for words the lexicon missed chosen by
cross-validation on TRAIN beside the backer's.

Examples are candidate words (`event_features.candidate`, plus every word the lexicon
lists) in the TRAIN documents (bench/splits.py) of:
- events-gwn-dev: a word inside a gold trigger takes its type; every other candidate is
  NONE (the set annotates every event of its articles);
- bench/gold/events_sentences.jsonl: the same, per sentence;
- PLOVER GSR: the first of the coder's event words takes the sentence's type, the others are
  left out (they are often the content of the first: "agreed ... cooperate"), and the other
  candidates are NONE (one coded event per sentence).
scikit-learn fits a multinomial logistic regression; numpy alone scores it at run time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from sitrep.annotate.nlp import load_nlp
from sitrep.extract.event_classifier import LexiconEventClassifier
from sitrep.extract.event_features import candidate, features, meaning
from sitrep.extract.event_lexicon import NO_EVENT
from sitrep.extract.event_model import MODEL_FILE, NONE, VECTORS_MODEL_FILE
from sitrep.extract.event_vectors import WordVectors, word_vectors

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from event_gold import Parsed, gsr_docs, gwn_docs, parse, sentence_docs  # noqa: E402

KEEP, DROP = "keep", "drop"
# NONE examples outnumber events ten to one; this weight lets the typer name rarer types.
NONE_WEIGHT = 0.3
# Weights smaller than this change no decision and are left out of the file.
WEIGHT_FLOOR = 0.005
KNOWLEDGE = ROOT / "src" / "sitrep" / "knowledge" / "events"
# A feature seen in fewer training examples than this is left out of the shipped file.
MIN_COUNT = 2
# A noun that was an event word this often in training is a candidate at run time.
NOUN_MIN_COUNT = 2


def examples(
    parsed: Parsed,
    lexicon: LexiconEventClassifier,
    nouns: frozenset[str],
    gsr: bool,
    vectors: WordVectors | None,
) -> list[Example]:
    """Every candidate word of one document, with its features and gold label."""
    gold = parsed.gold
    first = min(gold.triggers, key=lambda t: t.start, default=None)
    found = []
    places = frozenset(
        i
        for place in parsed.article.places
        for m in place.mentions
        for span in [parsed.doc.char_span(m.start, m.end, alignment_mode="expand")]
        if span is not None
        for i in range(span.start, span.end)
    )
    for sentence in parsed.doc.sents:
        matches = lexicon.matches(sentence, places)
        lexicon_types = {i: label.type for i, label in matches.items()}
        for token in sentence:
            if not candidate(token, nouns) and token.i not in matches:
                continue
            start = parsed.to_text(token.idx)
            end = start + len(token)
            hits = [t for t in gold.triggers if t.start < end and start < t.end]
            if gsr and hits and hits[0] is not first:
                continue
            label = hits[0].type if hits else NONE
            row = features(token, lexicon_types, lexicon.entry_types(token))
            proposed = matches.get(token.i)
            lexicon_type = proposed.type if proposed and proposed.type != NO_EVENT else None
            dense = None if vectors is None else meaning(token, vectors)
            found.append(
                Example(gold.id.split("#")[0], row, label, lexicon_type, token.i in matches, dense)
            )
    return found


@dataclass(slots=True)
class Example:
    document: str  # the document the split and the cross-validation folds go by
    features: list[str]
    label: str  # gold type or NONE
    lexicon_type: str | None  # what the lexicon proposed for the word
    listed: bool  # the lexicon gave the word a label or a veto: the typer adds no such word
    meaning: np.ndarray | None  # word vectors (`event_features.meaning`), with --vectors


class _Fitted:
    """A logistic regression over examples' sparse features and, when they have them, their
    word vectors (unit length each, so that they weigh like a few binary features)."""

    def __init__(self, found: list[Example], labels: list[object], c: float, weights: list[float]):
        self.vectorizer = DictVectorizer()
        self.model = LogisticRegression(C=c, max_iter=3000)
        self.model.fit(self._matrix(found, fit=True), labels, sample_weight=weights)

    def _matrix(self, found: list[Example], fit: bool = False) -> sparse.csr_matrix:
        rows = [dict.fromkeys(e.features, 1.0) for e in found]
        matrix = self.vectorizer.fit_transform(rows) if fit else self.vectorizer.transform(rows)
        if found and found[0].meaning is not None:
            dense = np.vstack([e.meaning for e in found])
            matrix = sparse.hstack([matrix, sparse.csr_matrix(dense)]).tocsr()
        return matrix

    def probabilities(self, found: list[Example]) -> np.ndarray:
        return self.model.predict_proba(self._matrix(found))


def _fit(
    found: list[Example], labels: list[str], c: float, none_weight: float
) -> dict[str, object]:
    """A logistic regression over the examples' features, as the model file stores it (a
    binary fit is written as two classes, the first with zero weights, so that one softmax
    scores both)."""
    fitted = _Fitted(found, list(labels), c, [none_weight if x == NONE else 1.0 for x in labels])
    model = fitted.model
    coef, intercept = model.coef_, model.intercept_
    if len(model.classes_) == 2:
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.concatenate([[0.0], intercept])
    names = fitted.vectorizer.get_feature_names_out()
    result: dict[str, object] = {
        "classes": [str(c) for c in model.classes_],
        "intercept": [round(float(b), 3) for b in intercept],
        "weights": {
            name: [round(float(w), 3) for w in coef[:, column]]
            for column, name in enumerate(names)
            if abs(coef[:, column]).max() >= WEIGHT_FLOOR
        },
    }
    if found[0].meaning is not None:
        result["dense"] = [[round(float(w), 4) for w in row] for row in coef[:, len(names) :]]
    return result


def _thresholds(found: list[Example], c: float, vectors: bool) -> tuple[float, float | None]:
    """The backer's keep probability and (with --vectors) the typer's add probability that
    maximise event F1 over candidate words, by 4-fold cross-validation on TRAIN, folds by
    document."""
    # MD5, not the split's SHA-1: every TRAIN id has an even SHA-1, so half its folds are empty.
    folds = [int(hashlib.md5(e.document.encode()).hexdigest(), 16) % 4 for e in found]
    kept: list[tuple[float, bool]] = []  # keep probability, lexicon type right
    added: list[tuple[float, bool]] = []  # typer's probability, its type right
    for fold in range(4):
        train = [e for e, f in zip(found, folds, strict=True) if f != fold]
        test = [e for e, f in zip(found, folds, strict=True) if f == fold]
        proposed = [e for e in train if e.lexicon_type is not None]
        backer = _Fitted(
            proposed, [e.label == e.lexicon_type for e in proposed], c, [1.0] * len(proposed)
        )
        tested = [e for e in test if e.lexicon_type is not None]
        keep = backer.probabilities(tested)[:, 1]
        kept += [(float(p), e.label == e.lexicon_type) for p, e in zip(keep, tested, strict=True)]
        if vectors:
            labels = [e.label for e in train]
            typer = _Fitted(
                train, list(labels), c, [NONE_WEIGHT if x == NONE else 1.0 for x in labels]
            )
            missed = [e for e in test if not e.listed]
            classes = list(typer.model.classes_)
            for row, e in zip(typer.probabilities(missed), missed, strict=True):
                best = int(row.argmax())
                if classes[best] != NONE:
                    added.append((float(row[best]), classes[best] == e.label))
    gold_events = sum(e.label != NONE for e in found)
    add_steps = range(30, 100, 5) if vectors else [100]
    best, best_f1 = (0.5, None), -1.0
    for keep_step in range(5, 60, 5):
        for add_step in add_steps:
            keep_at, add_at = keep_step / 100, add_step / 100
            chosen = [ok for p, ok in kept if p >= keep_at] + [ok for p, ok in added if p >= add_at]
            precision, recall = sum(chosen) / max(len(chosen), 1), sum(chosen) / max(gold_events, 1)
            f1 = 2 * precision * recall / max(precision + recall, 1e-9)
            if f1 > best_f1:
                best, best_f1 = (keep_at, add_at if vectors else None), f1
    print(f"cross-validated on TRAIN: keep at {best[0]}, add at {best[1]}: word F1 {best_f1:.3f}")
    return best


def _body_span(parsed: Parsed, start: int, end: int) -> tuple[int, int, str]:
    """Text offsets of a gold trigger as body offsets (its paragraph's shift)."""
    shift = 0
    for body_start, text_start in parsed.offsets:
        if text_start > start:
            break
        shift = body_start - text_start
    return start + shift, end + shift, "expand"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c", type=float, default=0.3, help="inverse L2 regularisation")
    parser.add_argument("--vectors", action="store_true", help="weigh word vectors too")
    args = parser.parse_args()
    vectors = word_vectors() if args.vectors else None
    out = KNOWLEDGE / (VECTORS_MODEL_FILE if args.vectors else MODEL_FILE)
    nlp = load_nlp()
    lexicon = LexiconEventClassifier()
    sets = {
        "events-gwn-dev": (gwn_docs, False),
        "PLOVER GSR": (gsr_docs, True),
        "events_sentences": (sentence_docs, False),
    }
    parsed_sets = {
        name: (list(parse(nlp, (g for g in load() if g.split == "train"))), gsr)
        for name, (load, gsr) in sets.items()
    }
    # Nouns that were gold event words decide which nouns are candidates.
    noun_counts = Counter(
        token.lemma_.lower()
        for parsed_docs, _ in parsed_sets.values()
        for parsed in parsed_docs
        for trigger in parsed.gold.triggers
        for span in [parsed.doc.char_span(*_body_span(parsed, trigger.start, trigger.end))]
        if span is not None
        for token in span
        if token.pos_ in ("NOUN", "PROPN")
    )
    nouns = frozenset(n for n, count in noun_counts.items() if count >= NOUN_MIN_COUNT)
    found, sizes = [], {}
    for name, (parsed_docs, gsr) in parsed_sets.items():
        these = [
            e for parsed in parsed_docs for e in examples(parsed, lexicon, nouns, gsr, vectors)
        ]
        sizes[name] = {"documents": len(parsed_docs), "candidates": len(these)}
        found += these
    counts = Counter(f for e in found for f in e.features)
    for example in found:
        example.features = [f for f in example.features if counts[f] >= MIN_COUNT]
    typer = _fit(found, [e.label for e in found], args.c, none_weight=NONE_WEIGHT)
    proposed = [e for e in found if e.lexicon_type is not None]
    kept = [KEEP if e.label == e.lexicon_type else DROP for e in proposed]
    threshold, add_above = _thresholds(found, args.c, args.vectors)
    backer = _fit(proposed, kept, args.c, none_weight=1.0)
    about = (
        "Event-type model for sitrep (multinomial logistic regression over parse "
        "features, sitrep.extract.event_features"
        + (", and GloVe 6B 50d word vectors, event_features.meaning" if args.vectors else "")
        + "). Written by scripts/train_event_model.py from the TRAIN half (bench/splits.py) of "
        "events-gwn-dev, PLOVER GSR and bench/gold/events_sentences.jsonl; weights only, no text."
    )
    extra = {} if add_above is None else {"add_above": add_above}
    out.write_text(
        json.dumps(
            {
                "about": about,
                "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
                "c": args.c,
                "examples": sizes,
                "label_counts": dict(Counter(e.label for e in found).most_common()),
                "nouns": sorted(nouns),
                "keep_threshold": threshold,
                **extra,
                "typer": typer,
                "backer": backer,
            },
            separators=(",", ":"),
            sort_keys=False,
        )
        + "\n"
    )
    print(f"wrote {out} ({out.stat().st_size} bytes): {sizes}, keep threshold {threshold}")


if __name__ == "__main__":
    main()
