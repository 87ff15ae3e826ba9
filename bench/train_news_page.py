"""Fit the page judge (`sitrep.extract.news_page`) on TRAIN documents and write its weights.

Run: .venv/bin/python bench/train_news_page.py [--cache /tmp/NAME/pages.pickle]
Writes src/sitrep/knowledge/events/news_page.json (weights only; no gold text is copied).

The question is whether a page reports news events of the kind sitrep codes. Examples are
the TRAIN documents (bench/splits.py) of two sets, each of at least `SHORT_DOCUMENT` words
(a shorter text is not judged at run time):
- the article-extraction pages, labelled by their hand-judged genre
  (bench/gold/page_genres.jsonl): `news` is a page of news events, `other` is not;
- the events-gwn-dev articles, labelled by their gold: every event of each article is
  annotated, so an article with gold events reports news events and one with none does not
  (a poll, a horse race, a TV review: no event the stage should report; what the judge
  decides is whether a page's events are reported, and on these none is right).
The regularisation and the probability under which a page is judged not news are chosen by
4-fold cross-validation on TRAIN, folds by document, five draws of the folds pooled: the
regularisation whose probabilities are best calibrated (least log-loss), then the threshold
(at most one half) that removes the most events from the other documents while losing at
most `MOST_LOST` of the events sitrep reports (the acceptor's,
`sitrep.events.lexicon+accept.v1`) on news documents. It prints the
cross-validated accuracy, which the file keeps for bench/events.py to print beside the DEV
accuracy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from sitrep.annotate.nlp import load_nlp
from sitrep.extract.event_acceptor import SHORT_DOCUMENT, alpha_words
from sitrep.extract.event_classifier import ACCEPTED_CLASSIFIER, AcceptedEventClassifier
from sitrep.extract.event_vectors import word_vectors
from sitrep.extract.events import _place_tokens, find_events
from sitrep.extract.news_page import NEWS_PAGE_FILE, NUMERIC_FEATURES, page_features

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from event_gold import GoldDoc, Parsed, body_docs, gwn_docs, parse, pickled  # noqa: E402

OUT = ROOT / "src" / "sitrep" / "knowledge" / "events" / NEWS_PAGE_FILE
PAGES = "pages"
ARTICLES = "events-gwn-dev"
REGULARISATION = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS = [step / 100 for step in range(5, 55, 5)]
# The most of the events on news documents that judging pages may cost, pooled over folds.
MOST_LOST = 0.02
FOLDS = 4
REPEATS = 5


@dataclass(slots=True)
class Example:
    document: str
    kind: str  # PAGES or ARTICLES
    news: bool
    features: np.ndarray
    events: int  # events the acceptor's classifier reports on the document


def label(gold: GoldDoc, kind: str) -> bool:
    if kind == PAGES:
        return bool(gold.record["genre"] == "news")
    return bool(gold.triggers)


def examples(parsed: dict[str, list[Parsed]]) -> list[Example]:
    accepted = AcceptedEventClassifier(ACCEPTED_CLASSIFIER)
    vectors = word_vectors()
    found = []
    for kind, documents in parsed.items():
        for p in documents:
            if alpha_words(p.doc) < SHORT_DOCUMENT:
                continue
            places = _place_tokens(p.article, p.doc)
            proposed, kept = accepted.page_counts(p.doc, places)
            events = len(find_events(p.article, p.doc, accepted))
            features = page_features(p.doc, proposed, kept, vectors)
            found.append(Example(p.gold.id, kind, label(p.gold, kind), features, events))
    return found


def _fit(found: list[Example], c: float) -> tuple[StandardScaler, LogisticRegression]:
    scaler = StandardScaler()
    matrix = scaler.fit_transform(np.stack([e.features for e in found]))
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit(matrix, [e.news for e in found])
    return scaler, model


def _news_probability(
    found: list[Example], fitted: tuple[StandardScaler, LogisticRegression]
) -> np.ndarray:
    scaler, model = fitted
    matrix = scaler.transform(np.stack([e.features for e in found]))
    return model.predict_proba(matrix)[:, list(model.classes_).index(True)]


Scored = list[tuple[float, Example]]


def cross_validate(found: list[Example]) -> tuple[float, float, Scored]:
    """(regularisation, threshold, the pooled out-of-fold probabilities at that
    regularisation). The regularisation is the one whose probabilities are best calibrated
    (least log-loss): the probability is what a reader is shown. The threshold is then the
    one that removes the most events from the other documents while losing at most
    `MOST_LOST` of the events on news documents (the lowest of equals: the surest)."""
    draws = [
        [int(hashlib.md5(f"{r}:{e.document}".encode()).hexdigest(), 16) % FOLDS for e in found]
        for r in range(REPEATS)
    ]
    by_c: dict[float, Scored] = {}
    for c in REGULARISATION:
        scored: Scored = []
        for folds in draws:
            for fold in range(FOLDS):
                train = [e for e, f in zip(found, folds, strict=True) if f != fold]
                test = [e for e, f in zip(found, folds, strict=True) if f == fold]
                scored += zip(_news_probability(test, _fit(train, c)).tolist(), test, strict=True)
        by_c[c] = scored
        print(f"  C {c:<5} log-loss {_log_loss(scored):.3f}")
    c = min(REGULARISATION, key=lambda c: _log_loss(by_c[c]))
    scored = by_c[c]
    threshold, most_removed = THRESHOLDS[0], -1.0
    for candidate in THRESHOLDS:
        lost, removed = _events_judged_away(scored, candidate)
        print(
            f"  C {c} not news under {candidate:.2f}: accuracy "
            f"{_accuracy(scored, candidate):.3f}, news events lost {lost:.3f}, "
            f"other events removed {removed:.3f}"
        )
        if lost <= MOST_LOST and removed > most_removed:
            threshold, most_removed = candidate, removed
    return c, threshold, scored


def _log_loss(scored: Scored) -> float:
    return -float(np.mean([np.log(max(p if e.news else 1 - p, 1e-9)) for p, e in scored]))


def _events_judged_away(scored: Scored, threshold: float) -> tuple[float, float]:
    """The share of events on news documents judged not news, and on the others."""
    shares = []
    for news in (True, False):
        these = [(p, e) for p, e in scored if e.news is news]
        total = sum(e.events for _, e in these)
        shares.append(sum(e.events for p, e in these if p < threshold) / max(total, 1))
    return shares[0], shares[1]


def _accuracy(scored: Scored, threshold: float) -> float:
    return sum((p >= threshold) is e.news for p, e in scored) / max(len(scored), 1)


def _examples(cache: Path | None) -> list[Example]:
    """The TRAIN documents of each set as examples (from `cache` when it exists)."""

    def found() -> list[Example]:
        nlp = load_nlp()
        sets = {PAGES: body_docs, ARTICLES: gwn_docs}
        return examples(
            {
                kind: list(parse(nlp, (g for g in load() if g.split == "train")))
                for kind, load in sets.items()
            }
        )

    return pickled(cache, found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep the TRAIN examples in this file")
    args = parser.parse_args()
    found = _examples(args.cache)
    for kind in (PAGES, ARTICLES):
        these = [e for e in found if e.kind == kind]
        print(f"{kind}: {len(these)} documents, {sum(e.news for e in these)} news")
    c, threshold, scored = cross_validate(found)
    accuracy = {
        kind: round(_accuracy([(p, e) for p, e in scored if e.kind == kind], threshold), 3)
        for kind in (PAGES, ARTICLES)
    }
    lost, removed = _events_judged_away(scored, threshold)
    print(
        f"cross-validated on TRAIN: C {c}, not news under {threshold}: accuracy {accuracy}, "
        f"news events lost {lost:.3f}, other events removed {removed:.3f}"
    )
    scaler, model = _fit(found, c)
    OUT.write_text(
        json.dumps(
            {
                "about": "Page judge for sitrep: does a page report news events? (binary "
                "logistic regression over page features, sitrep.extract.news_page). Written "
                "by bench/train_news_page.py from the TRAIN half (bench/splits.py) of the "
                "article-extraction pages (bench/gold/page_genres.jsonl) and events-gwn-dev; "
                "weights only, no text.",
                "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
                "c": c,
                "examples": {
                    kind: sum(e.kind == kind for e in found) for kind in (PAGES, ARTICLES)
                },
                "cross_validated_accuracy": accuracy,
                "cross_validated_news_events_lost": round(lost, 3),
                "cross_validated_other_events_removed": round(removed, 3),
                "threshold": threshold,
                "model": {
                    "features": list(NUMERIC_FEATURES),
                    "means": [round(float(x), 5) for x in scaler.mean_],
                    "scales": [round(float(x), 5) for x in scaler.scale_],
                    "weights": [round(float(w), 5) for w in model.coef_[0]],
                    "intercept": round(float(model.intercept_[0]), 5),
                },
            },
            separators=(",", ":"),
        )
        + "\n"
    )
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
