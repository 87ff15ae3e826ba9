"""TRAIN errors of events-gwn-dev, one sentence at a time, for writing rules.

Run: .venv/bin/python bench/event_errors.py [--classifier NAME] [--cache FILE]
Only TRAIN documents (bench/splits.py) are read, so DEV errors are never shown. Each
sentence with an error prints its text, the gold (type, status) mentions, the predicted
(type, trigger word, status) events, and the surplus of each side (false positives and
misses, matched as bench/events.py matches them: same type in the same gold sentence).
`--links` prints instead the same-event links that are wrong: pairs of matched mentions in
different sentences that sitrep links (`Event.same_event`) and the gold's `event_group` does
not, and the gold's links sitrep misses.
`--sentences` prints instead the errors on the TRAIN sentences of
bench/gold/events_sentences.jsonl (each sentence read as a text of its own, as bench/events.py
scores them): the sentence, its gold types, the predicted events and the surplus of each side.
`--places` prints instead the TRAIN events (events-gwn-dev and the article-extraction bodies)
whose paragraph names a place literally but that got none (the place criterion of
bench/events.py): the event, its sentence and the places its paragraph names.
`--non-news` prints instead every event found on the TRAIN article-extraction pages judged
`other` (bench/gold/page_genres.jsonl: sport, tech, business, lifestyle...), the numerator of
the non-news share of bench/events.py: the event, its trigger and its sentence.
`--cache FILE` keeps the parsed TRAIN documents in a pickle between runs.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_gold import (
    GoldDoc,
    GoldTrigger,
    Parsed,
    body_docs,
    gwn_docs,
    parse,
    pickled,
    sentence_docs,
)
from events import Found, Processed, _sentence_of, link_pairs, run
from sitrep.annotate.mentions import literal_places
from sitrep.annotate.nlp import load_nlp
from sitrep.extract.event_classifier import CLASSIFIERS, DEFAULT_CLASSIFIER


def train_parsed(cache: Path | None, golds: Iterable[GoldDoc] | None = None) -> list[Parsed]:
    chosen = gwn_docs() if golds is None else golds
    return pickled(
        cache, lambda: list(parse(load_nlp(), [g for g in chosen if g.split == "train"]))
    )


def report(item: Processed, totals: Counter[str]) -> None:
    gold = item.gold
    sentences = sorted(
        {t.sentence for t in gold.triggers if t.sentence} | {n[2] for n in gold.non_events}
    )
    wanted: dict[tuple[int, int], Counter[str]] = {}
    for trigger in gold.triggers:
        assert trigger.sentence is not None
        wanted.setdefault(trigger.sentence, Counter())[trigger.type] += 1
    found: dict[tuple[int, int], list[tuple[str, str, str]]] = {}
    for f in item.found:
        at = _sentence_of(f.start, sentences)
        found.setdefault(at, []).append((f.event.type, f.event.trigger, f.event.status.value))
    for at in sorted(set(wanted) | set(found)):
        predicted = Counter(t for t, _, _ in found.get(at, []))
        gold_here = wanted.get(at, Counter())
        false_positives = predicted - gold_here
        misses = gold_here - predicted
        if not _counted(totals, false_positives, misses):
            continue
        text = gold.text[at[0] : at[1]] if at[1] > at[0] else _around(gold.text, at[0])
        print(f"[{gold.id}] {' '.join(text.split())}")
        golds = [
            f"{t.type}:{gold.text[t.start : t.end]}:{t.status}"
            for t in gold.triggers
            if t.sentence == at
        ]
        print(f"   gold  {golds}")
        print(f"   found {found.get(at, [])}")
        _print_surplus(false_positives, misses)


def report_sentence(item: Processed, totals: Counter[str]) -> None:
    """One sentence of the sentence set: its surplus predictions and misses, by type."""
    predicted = Counter(f.event.type for f in item.found)
    wanted = Counter(t.type for t in item.gold.triggers)
    false_positives, misses = predicted - wanted, wanted - predicted
    if not _counted(totals, false_positives, misses):
        return
    print(f"[{item.gold.id}] {' '.join(item.gold.text.split())}")
    print(f"   gold  {[(t.type, item.gold.text[t.start : t.end]) for t in item.gold.triggers]}")
    print(f"   found {[(f.event.type, f.event.trigger, f.event.status.value) for f in item.found]}")
    _print_surplus(false_positives, misses)


def _counted(totals: Counter[str], false_positives: Counter, misses: Counter) -> bool:  # type: ignore[type-arg]
    """Add a sentence's surplus to the totals; whether it has any."""
    totals["fp"] += sum(false_positives.values())
    totals["miss"] += sum(misses.values())
    return bool(false_positives or misses)


def _print_surplus(false_positives: Counter, misses: Counter) -> None:  # type: ignore[type-arg]
    if false_positives:
        print(f"   FP    {dict(false_positives)}")
    if misses:
        print(f"   MISS  {dict(misses)}")


def report_links(item: Processed, totals: Counter[str]) -> None:
    """Wrong and missed same-event links over matched mentions, as bench/events.py scores them."""
    gold = item.gold
    sentences = sorted(
        {t.sentence for t in gold.triggers if t.sentence} | {n[2] for n in gold.non_events}
    )
    matched: list[tuple[GoldTrigger, Found]] = []
    for trigger in gold.triggers:
        same = [
            f
            for f in item.found
            if f.event.type == trigger.type and _sentence_of(f.start, sentences) == trigger.sentence
        ]
        if same:
            matched.append((trigger, min(same, key=lambda f: abs(f.start - trigger.start))))
    for first, second, gold_same, ours_same in link_pairs(matched):
        if gold_same == ours_same:
            continue
        totals["wrong link" if ours_same else "missed link"] += 1
        print(f"[{gold.id}] {'WRONG' if ours_same else 'MISSED'} {first[1].event.type}")
        for t, f in (first, second):
            assert t.sentence is not None
            text = " ".join(gold.text[t.sentence[0] : t.sentence[1]].split())
            actor = item.article.actor(f.event.actor_id)
            target = item.article.actor(f.event.target_id)
            place = item.article.place(f.event.place_id)
            print(
                f"   {f.event.trigger!r} (gold {gold.text[t.start : t.end]!r} group {t.group})"
                f" actor={actor.name if actor else None}"
                f" target={target.name if target else None}"
                f" place={place.name if place else None}/{f.event.place_basis}"
                f" date={f.event.date.start if f.event.date else None}: {text[:200]}"
            )


def report_places(item: Processed, totals: Counter[str]) -> None:
    """Events whose paragraph names a place literally but that got none."""
    article = item.article
    for found in item.found:
        if not found.place_named_near or found.place_names:
            continue
        totals["unplaced"] += 1
        event = found.event
        offset = event.trigger_span.start if event.trigger_span else 0
        sentence = next(s for s in article.sentences if s.start <= offset < s.end)
        paragraph = [s for s in article.sentences if s.paragraph == sentence.paragraph]
        start, end = paragraph[0].start, paragraph[-1].end
        names = [
            article.body[m.start : m.end]
            for place in literal_places(article)
            for m in place.mentions
            if start <= m.start < end
        ]
        actor, target = article.actor(event.actor_id), article.actor(event.target_id)
        print(
            f"[{item.gold.id}] {event.type} {event.trigger!r} actor={actor.name if actor else None}"
            f" target={target.name if target else None} paragraph names {names}"
        )
        print(f"   {' '.join(sentence.text.split())[:300]}")


def report_non_news(item: Processed, totals: Counter[str]) -> None:
    """Every event of a page judged `other` (no news): none of them should be there."""
    if item.gold.record["genre"] != "other":
        return
    article = item.article
    for found in item.found:
        totals["non-news"] += 1
        event = found.event
        offset = event.trigger_span.start if event.trigger_span else 0
        sentence = next(s for s in article.sentences if s.start <= offset < s.end)
        print(f"[{item.gold.id[:10]}] {event.type} {event.trigger!r} {event.status.value}")
        print(f"   {' '.join(sentence.text.split())[:300]}")


def _around(text: str, offset: int, width: int = 150) -> str:
    """A prediction outside the gold's sentences: the words around it."""
    return f"...{text[max(offset - width, 0) : offset]}[[{text[offset : offset + width]}..."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classifier", default=DEFAULT_CLASSIFIER, choices=sorted(CLASSIFIERS))
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--links", action="store_true", help="wrong same-event links instead")
    parser.add_argument("--sentences", action="store_true", help="the sentence set's errors")
    parser.add_argument("--places", action="store_true", help="events left with no place")
    parser.add_argument("--non-news", action="store_true", help="events on `other` pages")
    args = parser.parse_args()
    totals: Counter[str] = Counter()
    golds: Iterable[GoldDoc] | None = None
    reporter = report_links if args.links else report
    if args.sentences:
        golds, reporter = sentence_docs(), report_sentence
    elif args.places:
        golds, reporter = [*gwn_docs(), *body_docs()], report_places
    elif args.non_news:
        golds, reporter = body_docs(), report_non_news
    for item in run(train_parsed(args.cache, golds), args.classifier):
        reporter(item, totals)
    if args.places:
        print(f"TRAIN events unplaced though their paragraph names a place: {totals['unplaced']}")
    elif args.non_news:
        print(f"TRAIN events on pages judged `other` (no news): {totals['non-news']}")
    elif args.links:
        print(f"TRAIN wrong links {totals['wrong link']}, missed links {totals['missed link']}")
    else:
        print(f"TRAIN false positives {totals['fp']}, misses {totals['miss']}")


if __name__ == "__main__":
    main()
