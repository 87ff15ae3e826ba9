"""Fit the event acceptor (`sitrep.extract.event_acceptor`) on TRAIN and write its weights.

Run: .venv/bin/python bench/train_event_acceptor.py [--cache /tmp/NAME/train.pickle]
    [--fit-also pages plover-gsr]
Writes src/sitrep/knowledge/events/event_acceptor.json (weights only; no gold text is copied).

Examples are the events the lexicon classifier's events stage reports on the TRAIN documents
(bench/splits.py) of events-gwn-dev and bench/gold/events_sentences.jsonl (both annotate every
event of their texts; the PLOVER GSR codes one event per sentence, so its other events would
be false negatives; `--fit-also` adds it, or the project's TRAIN pages, to the fit but not to
the score: neither raised the cross-validated F1). An event is kept ("keep") when it matches a
gold mention as bench/events.py matches them: same type, same gold sentence, one to one in
text order. Each example is the
proposal that told the event (`event_classifier.document_proposals`), with its acceptance features.
The regularisation and the keep probability are chosen together by 4-fold cross-validation on
TRAIN, folds by source document (five draws of the folds, pooled), maximising mention F1 (gold
mentions no proposal told count as missed in every fold).
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
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from sitrep.annotate.nlp import load_nlp
from sitrep.extract.event_acceptor import ACCEPTOR_FILE, DocumentSignals
from sitrep.extract.event_classifier import (
    LEXICON_CLASSIFIER,
    LexiconEventClassifier,
    document_proposals,
    document_signals,
)
from sitrep.extract.event_model import KEEP
from sitrep.extract.events import _place_tokens, find_events

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from event_gold import (  # noqa: E402
    Parsed,
    body_docs,
    gsr_docs,
    gwn_docs,
    page_docs,
    parse,
    pickled,
    sentence_docs,
)
from events import _sentence_of  # noqa: E402

DROP = "drop"
PAGES = "pages"
SENTENCES = "events_sentences"
# The pages the sentence set's sentences were cut from: their document signals are the page's.
BODIES = "bodies"
OUT = ROOT / "src" / "sitrep" / "knowledge" / "events" / ACCEPTOR_FILE
# Sets that annotate every event of their texts: fitted on and scored by sentence and type.
SCORED = ["events-gwn-dev", SENTENCES]
# Fitted on, not scored: the project's pages (trigger words over their annotated part) and
# the PLOVER GSR (one coded event per sentence: its other events count as wrong).
FIT_ALSO = ("pages", "plover-gsr")
SETS = {
    "events-gwn-dev": gwn_docs,
    SENTENCES: sentence_docs,
    PAGES: page_docs,
    "plover-gsr": gsr_docs,
    BODIES: body_docs,
}
REGULARISATION = (0.03, 0.1, 0.3, 1.0)
THRESHOLDS = [step / 100 for step in range(5, 90, 5)]
FOLDS = 4
REPEATS = 5
# Weights smaller than this change no decision and are left out of the file.
WEIGHT_FLOOR = 0.005
# A feature seen in fewer training examples than this is left out.
MIN_COUNT = 2


@dataclass(slots=True)
class Example:
    document: str  # the source document: the folds go by it
    features: list[str]
    events: int  # events the proposal told (one per place it is placed in)
    matched: int  # of which matched a gold mention
    kind: str  # the gold set


def examples(
    parsed: Parsed,
    lexicon: LexiconEventClassifier,
    kind: str,
    signals: dict[str, DocumentSignals],
) -> list[Example]:
    """The proposals that told events in one document, with how many of them match gold:
    by gold sentence and type (`SCORED`), or by trigger word and type over the annotated part
    of a page (the project's pages). A sentence of the sentence set is read with the
    document signals of its page (`signals`, by page id), as it is read at run time."""
    gold = parsed.gold
    sentences = sorted(
        {t.sentence for t in gold.triggers if t.sentence} | {n[2] for n in gold.non_events}
    )
    if kind == PAGES:
        wanted = Counter((g["trigger"].lower(), g["type"]) for g in gold.record["events"])
    else:
        wanted = Counter((t.sentence, t.type) for t in gold.triggers)
    told: Counter[int] = Counter()
    matched: Counter[int] = Counter()
    for event in find_events(parsed.article, parsed.doc, LEXICON_CLASSIFIER):
        if event.trigger_span is None:
            continue
        token = parsed.doc.char_span(
            event.trigger_span.start, event.trigger_span.end, alignment_mode="expand"
        )
        start = parsed.to_text(event.trigger_span.start)
        if token is None or (kind == PAGES and start >= gold.record["annotated_chars"]):
            continue
        if kind == PAGES:
            key: tuple[object, str] = (event.trigger.split()[0].lower(), event.type)
        else:
            key = (_sentence_of(start, sentences), event.type)
        told[token.start] += 1
        if wanted[key] > 0:
            wanted[key] -= 1
            matched[token.start] += 1
    places = _place_tokens(parsed.article, parsed.doc)
    document = gold.id.split("#")[0]
    return [
        Example(document, found, told[label.token], matched[label.token], kind)
        for sentence in document_proposals(
            lexicon, parsed.doc, places, signals.get(document) if kind == SENTENCES else None
        ).values()
        for label, found in sentence
        if told[label.token]
    ]


def _fit(found: list[Example], c: float) -> tuple[DictVectorizer, LogisticRegression]:
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(e.features, 1.0) for e in found])
    labels = [KEEP if e.matched else DROP for e in found]
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(matrix, labels, sample_weight=[max(e.events, 1) for e in found])
    return vectorizer, model


def _keep(found: list[Example], fitted: tuple[DictVectorizer, LogisticRegression]) -> np.ndarray:
    vectorizer, model = fitted
    matrix = vectorizer.transform([dict.fromkeys(e.features, 1.0) for e in found])
    return model.predict_proba(matrix)[:, list(model.classes_).index(KEEP)]


def cross_validate(
    found: list[Example], extra: list[Example], gold: Counter[str]
) -> tuple[float, float, float]:
    """(regularisation, keep probability, mention F1) best over 4 folds by document of the
    scored sets, repeated `REPEATS` times with other fold draws (the figures pool every
    repeat: one draw of 80 documents is noisy); `extra` examples (other documents, matched
    otherwise) join every fold's fit. `gold` counts the gold mentions of each scored set.
    Prints, for each set, the chosen setting's figures against keeping every proposal: the
    pooled F1 can rise on one set only."""
    # MD5, not the split's SHA-1: every TRAIN id has an even SHA-1, so half its folds are empty.
    draws = [
        [int(hashlib.md5(f"{r}:{e.document}".encode()).hexdigest(), 16) % FOLDS for e in found]
        for r in range(REPEATS)
    ]
    total = REPEATS * sum(gold.values())
    best = (REGULARISATION[0], 0.0, -1.0)
    scored_by_c: dict[float, list[tuple[float, Example]]] = {}
    for c in REGULARISATION:
        scored: list[tuple[float, Example]] = []
        for folds in draws:
            for fold in range(FOLDS):
                train = [e for e, f in zip(found, folds, strict=True) if f != fold] + extra
                test = [e for e, f in zip(found, folds, strict=True) if f == fold]
                scored += zip(_keep(test, _fit(train, c)).tolist(), test, strict=True)
        scored_by_c[c] = scored
        for threshold in THRESHOLDS:
            print(f"  C {c:<5} keep at {threshold:.2f}: {_figures(scored, threshold, total)}")
            f1 = _mention_f1(scored, threshold, total)
            if f1 > best[2]:
                best = (c, threshold, f1)
    c, threshold, _ = best
    for kind, mentions in gold.items():
        these = [(p, e) for p, e in scored_by_c[c] if e.kind == kind]
        print(f"{kind}: keep all {_figures(these, 0.0, REPEATS * mentions)}")
        print(f"{kind}: keep at {threshold:.2f} {_figures(these, threshold, REPEATS * mentions)}")
    return best


def _mention_f1(scored: list[tuple[float, Example]], threshold: float, gold: int) -> float:
    kept = [e for p, e in scored if p >= threshold]
    return 2 * sum(e.matched for e in kept) / max(sum(e.events for e in kept) + gold, 1)


def _figures(scored: list[tuple[float, Example]], threshold: float, gold: int) -> str:
    """Mention precision, recall and F1 of the events whose proposals are kept."""
    kept = [e for p, e in scored if p >= threshold]
    tp, pred = sum(e.matched for e in kept), sum(e.events for e in kept)
    return (
        f"P {tp / max(pred, 1):.3f} R {tp / max(gold, 1):.3f} "
        f"F1 {_mention_f1(scored, threshold, gold):.3f}"
    )


def _parsed(cache: Path | None) -> dict[str, list[Parsed]]:
    """The TRAIN documents of each set, parsed and annotated (from `cache` when it exists)."""

    def parsed() -> dict[str, list[Parsed]]:
        nlp = load_nlp()
        return {
            kind: list(parse(nlp, (g for g in load() if g.split == "train")))
            for kind, load in SETS.items()
        }

    return pickled(cache, parsed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the TRAIN parses in this file")
    parser.add_argument(
        "--fit-also",
        nargs="*",
        default=[],
        choices=sorted(FIT_ALSO),
        help="sets fitted on but not scored in the cross-validation",
    )
    args = parser.parse_args()
    parsed = _parsed(args.cache)
    lexicon = LexiconEventClassifier()
    signals = {
        p.gold.id: document_signals(lexicon, p.doc, _place_tokens(p.article, p.doc))
        for p in parsed[BODIES]
    }
    found = [
        e for kind in SCORED for p in parsed[kind] for e in examples(p, lexicon, kind, signals)
    ]
    extra = [
        e
        for kind in args.fit_also
        for p in parsed[kind]
        for e in examples(p, lexicon, kind, signals)
    ]
    gold = Counter({kind: sum(len(p.gold.triggers) for p in parsed[kind]) for kind in SCORED})
    counts = Counter(f for e in found + extra for f in e.features)
    for example in found + extra:
        example.features = [f for f in example.features if counts[f] >= MIN_COUNT]
    for name, these in (("scored", found), ("fitted also", extra)):
        told, matched = sum(e.events for e in these), sum(e.matched for e in these)
        print(f"{name}: {len(these)} proposals, {told} events, {matched} matched")
    print(f"gold mentions in the scored sets: {dict(gold)}")
    c, threshold, f1 = cross_validate(found, extra, gold)
    print(f"cross-validated on TRAIN: C {c}, keep at {threshold}: mention F1 {f1:.3f}")
    vectorizer, model = _fit(found + extra, c)
    coef, intercept = model.coef_, model.intercept_
    # Two classes written as two rows, the first all zeros, so that one softmax scores both.
    weights = {
        name: [0.0, round(float(w), 3)]
        for name, w in zip(vectorizer.get_feature_names_out(), coef[0], strict=True)
        if abs(w) >= WEIGHT_FLOOR
    }
    OUT.write_text(
        json.dumps(
            {
                "about": "Event acceptor for sitrep (binary logistic regression over parse "
                "features, sitrep.extract.event_acceptor). Written by "
                "bench/train_event_acceptor.py from the TRAIN half (bench/splits.py) of "
                f"{', '.join(SCORED + args.fit_also)}; weights only, no text.",
                "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
                "c": c,
                "examples": {
                    kind: sum(e.kind == kind for e in found + extra)
                    for kind in SCORED + args.fit_also
                },
                "cross_validated_f1": round(f1, 3),
                "threshold": threshold,
                "model": {
                    "classes": [str(x) for x in model.classes_],
                    "intercept": [0.0, round(float(intercept[0]), 3)],
                    "weights": weights,
                },
            },
            separators=(",", ":"),
        )
        + "\n"
    )
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
