"""Event extraction figures, TRAIN and DEV halves apart (split rule: bench/splits.py).

Run: .venv/bin/python bench/events.py [--classifier NAME ...]
Sets:
- events-gwn-dev (../shared/data/events-gwn-dev, 100 GeoWebNews articles, every event
  annotated): mention precision/recall (a predicted event matches a gold mention of the same
  type in the same sentence, one to one), real events found (gold groups with a matched
  mention), status right on matched mentions, and the non-event rate: the share of annotated
  non-event words (figurative, generic, background) that yield an event.
  Where and when (matched mentions): the event's place against the gold's written place (by
  `place_basis`), its date against the gold day or range, and the share given a place at
  all; same-event links (pairs of matched mentions in different sentences, gold
  `event_group` against `Event.same_event`).
- PLOVER GSR (../shared/data/events-plover-gsr, one coded event per sentence): accuracy and
  macro-F1 over the 16 types of the highest-scoring event; actor / target right (a mention of
  the event's actor / target overlaps a gold source / target span; reciprocal actors count in
  either role).
- The project's 20 pages (bench/gold/events_article_extraction.jsonl): precision/recall of
  (trigger word, type) over the first `annotated_chars` characters of each body.
- bench/gold/events_sentences.jsonl (when present): sentence-level type precision/recall and
  events from sentences annotated with no event.
- bench/gold/events_sentences.jsonl also gives the share of all predicted events that come
  from sentences annotated with no event (figurative, generic, background or non-news
  wording): one of the two measures of events from non-news text.
- The 88 article-extraction bodies (no event gold): the share of events with a place, by
  basis, and with a date. The other measure of events from non-news text: each page carries
  a hand-judged genre (bench/gold/page_genres.jsonl, guideline in
  bench/gold/EVENTS_GUIDELINE.md, "Page genre"): `news` (political, conflict, crime, legal,
  diplomatic, social events) or `other` (sport, tech, business, lifestyle, reviews...). The
  non-news share is the events found on `other` pages over all events found on the bodies;
  events per `news` page and per `other` page are printed beside it.
- The page judge (a classifier that judges pages, `sitrep.extract.news_page`): its TRAIN
  accuracy cross-validated by document (from its weights file, bench/train_news_page.py) and,
  on each set, how many documents it judged, its accuracy (bodies: against the page genre;
  events-gwn-dev: an article is news when it has gold events) and the news documents it
  judged not news.
- A place on every event whose sentence or paragraph names one (events-gwn-dev and the 88
  bodies, every predicted event): of the events whose paragraph (which holds its sentence)
  has a mention of a place annotate found named literally (`PlaceKind.LITERAL`: "in Homs",
  "Damascus said", not the adjectival "Syrian"), the share given a place by any basis.
- Speed: events stage against bare nlp.pipe on the 20 pages.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from event_gold import (
    GoldTrigger,
    Parsed,
    article_of,
    body_docs,
    gsr_docs,
    gwn_docs,
    page_docs,
    parse,
    sentence_docs,
)
from sitrep.annotate import annotate
from sitrep.annotate.mentions import literal_places
from sitrep.annotate.nlp import load_nlp
from sitrep.extract.event_classifier import CLASSIFIERS, DEFAULT_CLASSIFIER, get_classifier
from sitrep.extract.events import find_events
from sitrep.extract.news_page import NEWS_PAGE_FILE
from sitrep.lexicon import KNOWLEDGE_DIR
from sitrep.records import PARAGRAPH_SEPARATOR, Event, PlaceBasis

NO_EVENT = "NONE"
PAGE_GENRES = ("news", "other")  # bench/gold/page_genres.jsonl
SPLITS = ("train", "dev")


@dataclass(slots=True)
class Found:
    """One predicted event, its offsets mapped back into the gold text."""

    event: Event
    start: int  # trigger start in the gold text
    actor_spans: list[tuple[int, int]]
    target_spans: list[tuple[int, int]]
    place_names: frozenset[str]  # the event's place: its name and how the body writes it
    place_named_near: bool  # its sentence or paragraph names a place literally


class Processed:
    """A gold document run through annotate and the events stage."""

    def __init__(self, parsed: Parsed) -> None:
        self.gold = parsed.gold
        self.article = parsed.article
        to_text = parsed.to_text

        def spans(actor_id: str | None) -> list[tuple[int, int]]:
            actor = self.article.actor(actor_id)
            mentions = actor.mentions if actor else []
            return [(to_text(m.start), to_text(m.end)) for m in mentions]

        def place_names(place_id: str | None) -> frozenset[str]:
            place = self.article.place(place_id)
            if place is None:
                return frozenset()
            body = self.article.body
            return frozenset(
                {place.name.lower()} | {body[m.start : m.end].lower() for m in place.mentions}
            )

        # Where each paragraph of the body starts, and which name a place literally
        # ("in Homs", "Damascus said"; not "Syrian"): an event there should have a place.
        paragraph_starts = list(
            accumulate(
                (len(p) + len(PARAGRAPH_SEPARATOR) for p in self.article.paragraphs[:-1]),
                initial=0,
            )
        )

        def paragraph_at(offset: int) -> int:
            return bisect_right(paragraph_starts, offset) - 1

        placed_paragraphs = {
            paragraph_at(m.start) for place in literal_places(self.article) for m in place.mentions
        }

        self.to_text = to_text
        self.found = [
            Found(
                e,
                to_text(e.trigger_span.start),
                spans(e.actor_id),
                spans(e.target_id),
                place_names(e.place_id),
                paragraph_at(e.trigger_span.start) in placed_paragraphs,
            )
            for e in self.article.events
            if e.trigger_span is not None
        ]

    def trigger_words(self, found: Found) -> list[tuple[int, str]]:
        """(start in the gold text, first word lower-cased) of each word the record is told by."""
        words = [(found.start, found.event.trigger.split()[0].lower())]
        words += [(self.to_text(s.start), s.text.lower()) for s in found.event.other_triggers]
        return words


def run(parsed_docs: list[Parsed], classifier: str) -> list[Processed]:
    processed = []
    for parsed in parsed_docs:
        parsed.article.events = find_events(parsed.article, parsed.doc, classifier)
        processed.append(Processed(parsed))
    return processed


def score_gwn(items: list[Processed]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for item in items:
        gold = item.gold
        sentences = sorted(
            {t.sentence for t in gold.triggers if t.sentence} | {n[2] for n in gold.non_events}
        )
        predicted = Counter((_sentence_of(f.start, sentences), f.event.type) for f in item.found)
        _match(counts, predicted, Counter((t.sentence, t.type) for t in gold.triggers))
        groups = {t.group for t in gold.triggers}
        found_groups = set()
        matched: list[tuple[GoldTrigger, Found]] = []
        for trigger in gold.triggers:
            same = [
                f
                for f in item.found
                if f.event.type == trigger.type
                and _sentence_of(f.start, sentences) == trigger.sentence
            ]
            if same:
                found_groups.add(trigger.group)
                counts["matched"] += 1
                best = min(same, key=lambda f: abs(f.start - trigger.start))
                counts["status right"] += best.event.status.value == trigger.status
                _score_where_when(counts, best, trigger)
                matched.append((trigger, best))
        _score_links(counts, matched)
        counts["groups"] += len(groups)
        counts["groups found"] += len(found_groups)
        counts["non-event words"] += len(gold.non_events)
        counts["non-event words coded"] += sum(
            any(start <= f.start < end for f in item.found) for start, end, _ in gold.non_events
        )
        counts["articles without events"] += not gold.triggers
        counts["placed"] += sum(bool(f.place_names) for f in item.found)
        counts["place named near"] += sum(f.place_named_near for f in item.found)
        counts["placed, named near"] += sum(
            f.place_named_near and bool(f.place_names) for f in item.found
        )
        counts["events in articles without events"] += len(item.found) if not gold.triggers else 0
    mentions = _prf(counts)
    return {
        "articles": len(items),
        "gold mentions": counts["gold"],
        "predicted events": counts["pred"],
        "mention precision": mentions["precision"],
        "mention recall": mentions["recall"],
        "mention f1": mentions["f1"],
        "real events found": counts["groups found"] / max(counts["groups"], 1),
        "status right (matched)": counts["status right"] / max(counts["matched"], 1),
        "non-event words coded": counts["non-event words coded"]
        / max(counts["non-event words"], 1),
        "events in no-event articles": counts["events in articles without events"],
        **_judged(items, lambda item: bool(item.gold.triggers), "articles with events"),
        **_counted_attacks([f for item in items for f in item.found]),
        "same-event links (matched pairs)": counts["gold links"],
        "same-event link precision": counts["links right"] / max(counts["linked"], 1),
        "same-event link recall": counts["links right"] / max(counts["gold links"], 1),
        "events with a place": counts["placed"] / max(counts["pred"], 1),
        "events, place named in paragraph": counts["place named near"],
        "  of which placed": counts["placed, named near"] / max(counts["place named near"], 1),
        "given a place (gold place, matched)": counts["gold place given"]
        / max(counts["gold place"], 1),
        "place right (gold place, matched)": counts["place right"] / max(counts["gold place"], 1),
        "date right (gold date, matched)": counts["date right"] / max(counts["gold date"], 1),
        # Counts (the gate skips them): a place or date where the gold has none is not wrong
        # as such (an inferred place carries its basis), nor is giving none better.
        "matched with no gold place": counts["no gold place"],
        "  of which given a place": counts["place given"],
        "matched with no gold date": counts["no gold date"],
        "  of which dated": counts["dated"],
        **{
            name: counts[f"{kind} {basis}"]
            for basis in PlaceBasis
            for kind, name in (
                ("placed", f"gold place, basis {basis}"),
                ("right", f"  of which right, basis {basis}"),
            )
        },
    }


LinkPair = tuple[tuple[GoldTrigger, Found], tuple[GoldTrigger, Found], bool, bool]


def link_pairs(matched: list[tuple[GoldTrigger, Found]]) -> Iterator[LinkPair]:
    """Pairs of matched mentions in different sentences, each with whether the gold groups
    them as one real event and whether sitrep does (`Event.same_event`)."""
    for index, (trigger, found) in enumerate(matched):
        for other_trigger, other in matched[index + 1 :]:
            if trigger.sentence == other_trigger.sentence or found.event is other.event:
                continue
            gold_same = trigger.group == other_trigger.group
            ours_same = (found.event.same_event or found.event.id) == (
                other.event.same_event or other.event.id
            )
            yield (trigger, found), (other_trigger, other), gold_same, ours_same


def _score_links(counts: Counter[str], matched: list[tuple[GoldTrigger, Found]]) -> None:
    """Mentions of one real event in different sentences: the gold's event groups against
    sitrep's, over pairs of matched mentions."""
    for _, _, gold_same, ours_same in link_pairs(matched):
        counts["gold links"] += gold_same
        counts["linked"] += ours_same
        counts["links right"] += gold_same and ours_same


def _score_where_when(counts: Counter[str], found: Found, trigger: GoldTrigger) -> None:
    """Place and date of a matched event against its gold mention.

    A place is right when one of the ways the body writes it and the gold's written place
    hold one another ("Crown Heights" in "the Crown Heights neighborhood of Brooklyn"). A
    date is right when its range meets the gold day or range (an open end is unbounded).
    """
    if trigger.place:
        counts["gold place"] += 1
        gold = trigger.place.lower()
        right = any(n in gold or gold in n for n in found.place_names if n)
        counts["gold place given"] += bool(found.place_names)
        counts["place right"] += right
        if found.event.place_basis is not None:
            counts[f"placed {found.event.place_basis}"] += 1
            counts[f"right {found.event.place_basis}"] += right
    else:
        counts["no gold place"] += 1
        counts["place given"] += bool(found.place_names)
    when = found.event.date
    if trigger.date:
        counts["gold date"] += 1
        gold_range = trigger.date if isinstance(trigger.date, dict) else {"start": trigger.date}
        start = gold_range.get("start") or "0000-00-00"
        end = gold_range.get("end") or ("9999-99-99" if isinstance(trigger.date, dict) else start)
        counts["date right"] += bool(
            when and when.start.isoformat() <= end and when.end.isoformat() >= start
        )
    else:
        counts["no gold date"] += 1
        counts["dated"] += when is not None


def score_coverage(items: list[Processed]) -> dict[str, float]:
    """Pages with no event gold: how many events have a place and a date."""
    events = [f for item in items for f in item.found]
    near = [f for f in events if f.place_named_near]
    by_genre = {
        genre: [item for item in items if item.gold.record["genre"] == genre]
        for genre in PAGE_GENRES
    }
    events_by_genre = {
        genre: sum(len(item.found) for item in pages) for genre, pages in by_genre.items()
    }
    return {
        "pages": len(items),
        "events": len(events),
        "events from `other` pages (non-news)": events_by_genre["other"] / max(len(events), 1),
        **{f"`{genre}` pages": len(pages) for genre, pages in by_genre.items()},
        **{
            f"events per `{genre}` page": events_by_genre[genre] / max(len(pages), 1)
            for genre, pages in by_genre.items()
        },
        **_judged(items, lambda item: item.gold.record["genre"] == "news", "`news` pages"),
        "events with a place": sum(bool(f.place_names) for f in events) / max(len(events), 1),
        "events, place named in paragraph": len(near),
        "  of which placed": sum(bool(f.place_names) for f in near) / max(len(near), 1),
        "events with a date": sum(f.event.date is not None for f in events) / max(len(events), 1),
        **_counted_attacks(events),
        **{
            f"  placed by {basis} (events)": sum(f.event.place_basis is basis for f in events)
            for basis in PlaceBasis
        },
    }


def _judged(
    items: list[Processed], is_news: Callable[[Processed], bool], news: str
) -> dict[str, float]:
    """The page judge's verdicts (`Article.page_judgement`) against each document's label:
    how many documents it judged (texts too short are not), its accuracy on them, and the
    news documents (`news` names them) it judged not news."""
    verdicts = [
        (item.article.page_judgement.news, is_news(item))
        for item in items
        if item.article.page_judgement is not None
    ]
    return {
        "judged by the page judge": len(verdicts),
        "  judged right (accuracy)": sum(v == t for v, t in verdicts) / max(len(verdicts), 1),
        f"  {news} judged not news": sum(t and not v for v, t in verdicts),
    }


def _counted_attacks(events: list[Found]) -> dict[str, float]:
    """How many attacks carry a casualty count (no gold for counts: a coverage figure)."""
    attacks = [f.event for f in events if f.event.type == "ASSAULT"]
    return {
        "ASSAULT events": len(attacks),
        "  of which with fatalities": sum(e.fatalities is not None for e in attacks),
        "  of which with injured": sum(e.injured is not None for e in attacks),
    }


def _sentence_of(offset: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """The gold sentence holding an offset (sentences outside the gold stand alone)."""
    return next((s for s in sentences if s[0] <= offset < s[1]), (offset, offset))


def score_gsr(items: list[Processed]) -> dict[str, float]:
    gold, predicted = [], []
    actor_right = actor_total = target_right = target_total = 0
    for item in items:
        record = item.gold.record
        best = max(item.found, key=lambda f: f.event.confidence, default=None)
        gold.append(record["event_plover2"])
        predicted.append(best.event.type if best else NO_EVENT)
        sources = _spans(record["source_actors"])
        targets = _spans(record["target_actors"])
        reciprocal = "SRC/TAR" in (record.get("markup") or "")
        if sources:
            actor_total += 1
            mine = (best.actor_spans + (best.target_spans if reciprocal else [])) if best else []
            actor_right += _overlaps(mine, sources)
        if targets:
            target_total += 1
            target_right += _overlaps(best.target_spans if best else [], targets)
    classes = sorted(set(gold))
    f1s = []
    for label in classes:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        f1s.append(_f1(tp / max(predicted.count(label), 1), tp / max(gold.count(label), 1)))
    return {
        "sentences": len(items),
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(items), 1),
        f"macro-F1 ({len(classes)} classes)": sum(f1s) / max(len(f1s), 1),
        "no event found": predicted.count(NO_EVENT) / max(len(items), 1),
        "actor right": actor_right / max(actor_total, 1),
        "target right": target_right / max(target_total, 1),
    }


def _spans(actors: list[dict]) -> list[tuple[int, int]]:  # type: ignore[type-arg]
    return [(a["start"], a["end"]) for a in actors if a["start"] is not None]


def _overlaps(mine: list[tuple[int, int]], gold: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in mine for c, d in gold)


def score_pages(items: list[Processed]) -> dict[str, float]:
    typed: Counter[str] = Counter()
    for item in items:
        page = item.gold.record
        limit = page["annotated_chars"]
        # One report per trigger word: a verb over two places ("seized A and B") counts once.
        # Each word a record is told by counts: the set lists trigger words, so "convicted and
        # sentenced" (one record, "sentenced" in `other_triggers`) is two of its words.
        reported = {
            (start, word, f.event.type)
            for f in item.found
            for start, word in item.trigger_words(f)
            if start < limit
        }
        pairs = Counter((word, event_type) for _, word, event_type in reported)
        wanted = Counter((g["trigger"].lower(), g["type"]) for g in page["events"])
        _match(typed, pairs, wanted)
    return {"pages": len(items), "gold events": typed["gold"], **_prf(typed)}


def score_sentences(items: list[Processed]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for item in items:
        predicted = Counter(f.event.type for f in item.found)
        wanted = Counter(t.type for t in item.gold.triggers)
        _match(counts, predicted, wanted)
        if not item.gold.record.get("events"):
            counts["no-event sentences"] += 1
            counts["no-event sentences coded"] += bool(item.found)
            counts["events from no-event sentences"] += len(item.found)
    return {
        "sentences": len(items),
        "gold events": counts["gold"],
        **_prf(counts),
        "no-event sentences": counts["no-event sentences"],
        "no-event sentences coded": counts["no-event sentences coded"]
        / max(counts["no-event sentences"], 1),
        "events from no-event sentences": counts["events from no-event sentences"]
        / max(counts["pred"], 1),
    }


def _match(counts: Counter[str], predicted: Counter, wanted: Counter) -> None:  # type: ignore[type-arg]
    """Add one document's one-to-one matches to the running counts."""
    counts["tp"] += sum((predicted & wanted).values())
    counts["pred"] += sum(predicted.values())
    counts["gold"] += sum(wanted.values())


def _prf(counts: Counter[str]) -> dict[str, float]:
    precision = counts["tp"] / max(counts["pred"], 1)
    recall = counts["tp"] / max(counts["gold"], 1)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _print(title: str, by_split: dict[str, dict[str, float]]) -> None:
    print(title)
    names = next(iter(by_split.values())).keys()
    print(f"  {'':34}" + "".join(f"{split:>10}" for split in by_split))
    for name in names:
        cells = "".join(_cell(figures[name]) for figures in by_split.values())
        print(f"  {name:34}{cells}")


def _cell(value: float) -> str:
    return f"{value:>10.3f}" if isinstance(value, float) else f"{value:>10}"


def _print_page_judge() -> None:
    """The page judge's own figures from its training: accuracy cross-validated on TRAIN
    (its DEV accuracy is printed with the sets, "judged right")."""
    trained = json.loads((KNOWLEDGE_DIR / "events" / NEWS_PAGE_FILE).read_text())
    accuracy = ", ".join(f"{k} {v:.3f}" for k, v in trained["cross_validated_accuracy"].items())
    print(
        f"page judge ({NEWS_PAGE_FILE}): not news under {trained['threshold']}; TRAIN accuracy, "
        f"cross-validated by document: {accuracy}; news events lost "
        f"{trained['cross_validated_news_events_lost']:.3f}, other events removed "
        f"{trained['cross_validated_other_events_removed']:.3f}"
    )


def _speed(nlp, classifier: str) -> None:  # type: ignore[no-untyped-def]
    golds = list(page_docs())
    built = [article_of(g)[0] for g in golds]
    texts = [a.body for a in built]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts))
    pipe_seconds = time.perf_counter() - started
    for article, doc in zip(built, docs, strict=True):
        annotate(article, doc)
    started = time.perf_counter()
    for article, doc in zip(built, docs, strict=True):
        find_events(article, doc, classifier)
    events_seconds = time.perf_counter() - started
    print(f"Speed on the 20 pages ({sum(len(t) for t in texts)} characters)")
    print(f"  baseline: bare nlp.pipe          {pipe_seconds:.3f} s")
    print(f"  events stage                     {events_seconds:.3f} s")
    print(f"  events cost / nlp.pipe           {events_seconds / pipe_seconds:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classifier", action="append", choices=sorted(CLASSIFIERS))
    args = parser.parse_args()
    nlp = load_nlp()
    sets = {
        "events-gwn-dev (GeoWebNews, every event annotated)": (list(gwn_docs()), score_gwn),
        "PLOVER GSR (event_plover2)": (list(gsr_docs()), score_gsr),
        "own pages (bench/gold/events_article_extraction.jsonl)": (list(page_docs()), score_pages),
        "sentences (bench/gold/events_sentences.jsonl)": (list(sentence_docs()), score_sentences),
        "article-extraction bodies (all 88, no event gold)": (list(body_docs()), score_coverage),
    }
    parsed = {title: (list(parse(nlp, golds)), scorer) for title, (golds, scorer) in sets.items()}
    for classifier in args.classifier or [DEFAULT_CLASSIFIER]:
        print(f"=== classifier {classifier}")
        if hasattr(get_classifier(classifier), "judge_page"):
            _print_page_judge()
        for title, (parsed_docs, scorer) in parsed.items():
            if not parsed_docs:
                continue
            processed = run(parsed_docs, classifier)
            _print(
                title,
                {s: scorer([p for p in processed if p.gold.split == s]) for s in SPLITS},
            )
        _speed(nlp, classifier)


if __name__ == "__main__":
    main()
