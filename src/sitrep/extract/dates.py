"""Resolve an event's date expression against the article's publication date.

"on Monday" in a past-tense sentence published Saturday 2024-12-07 is 2024-12-02;
"over the past week" is the range 2024-11-30..2024-12-07 (precision week); "in 2015" is the
year; "since 2011" the range from 2011 to publication. With no date expression, a clause in
the present perfect or present progressive ("the rebels have entered Homs", "Assad is
ordering his army to fall back") still dates its event: it is recent, so it gets the same
range as "in recent days", ending at publication. Any other event with no date expression
gets no date (None): the article's `published` time bounds it, but nothing says which day it
was, and sitrep never claims a precision it does not have. With no `published`, relative
expressions are not resolved either. A "since" range that only measures a gap ("the first
visit since 1928") dates nothing; nor does one on a negated event ("had not met since 1965",
see `events.py`).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from enum import StrEnum

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.extract.event_lexicon import date_words
from sitrep.extract.event_roles import clause_verb as clause_verb_of
from sitrep.records import DatePrecision, EventDate

WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
MONTHS = {
    name.lower().rstrip("."): number
    for names in (calendar.month_name, calendar.month_abbr)
    for number, name in enumerate(names)
    if name
}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
DAY_NUMBER = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
WORD = re.compile(r"[a-z]+|\d+(?:st|nd|rd|th)?s?", re.IGNORECASE)
RANGE_OPENERS = frozenset({"since"})
# "the first (last) meeting since 1965": the range is how long it had not happened.
ORDINAL_GAPS = frozenset({"first", "last"})
FUTURE_AUX = frozenset({"will", "shall"})
PRESENT_PERFECT_AUX = frozenset({"has", "have", "'s", "'ve"})
PRESENT_BE_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m"})


class Tense(StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


def tense_of(verb: Token) -> Tense:
    """The tense of a clause, from its verb's tag and auxiliaries."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxiliaries & FUTURE_AUX or (verb.lower_ == "going" and "to" in auxiliaries):
        return Tense.FUTURE
    if verb.tag_ in ("VBD", "VBN") or auxiliaries & {"had", "has", "have", "did", "was", "were"}:
        return Tense.PAST
    return Tense.PRESENT


def resolve(text: str, published: datetime | None, tense: Tense) -> EventDate | None:
    """An `EventDate` for a date expression, or None when it cannot be pinned down."""
    words = [w.lower() for w in WORD.findall(text)]
    if not words:
        return None
    anchor = published.date() if published else None
    try:
        return _absolute(words, anchor, tense, text) or (
            _relative(words, anchor, tense, text) if anchor else None
        )
    except (OverflowError, ValueError):  # a day outside the calendar datetime can hold
        return None


def resolve_for(trigger: Token, clause_verb: Token, published: datetime | None) -> EventDate | None:
    """The date of the event a trigger word expresses, from the date expression of its clause."""
    expression = date_expression(trigger, clause_verb)
    if expression is None:
        aspect = _recent_aspect(clause_verb)
        return resolve(f"recent days ({aspect})", published, Tense.PAST) if aspect else None
    before = expression.doc[expression.start - 1] if expression.start > 0 else None
    text = expression.text
    if before is not None and before.lower_ in RANGE_OPENERS:
        if any(c.lower_ in ORDINAL_GAPS for c in before.head.children):
            # "the first visit since 1928": the gap before the event, not when it was.
            return None
        text = f"{before.text} {text}"
    return resolve(text, published, tense_of(clause_verb))


def _recent_aspect(verb: Token) -> str | None:
    """ "have entered", "is ordering": a present perfect or progressive verb group (from an
    infinitive, the verb that governs it: "is ordering ... to fall back"), else None."""
    while verb.dep_ == "xcomp" and verb.head is not verb:
        verb = verb.head
    if verb.lower_ == "going":
        return None  # "is going to fight": a future, not a recent event
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxiliaries}
    perfect = verb.tag_ == "VBN" and words & PRESENT_PERFECT_AUX
    progressive = verb.tag_ == "VBG" and words & PRESENT_BE_AUX
    if not (perfect or progressive):
        return None
    return " ".join(t.text for t in sorted([*auxiliaries, verb], key=lambda t: t.i))


def date_expression(trigger: Token, clause_verb: Token) -> SpacySpan | None:
    """The DATE entity of the trigger's clause, or inside the trigger's own phrase."""
    best: SpacySpan | None = None
    for ent in _dates_in(trigger.sent):
        inside_phrase = trigger.left_edge.i <= ent.root.i <= trigger.right_edge.i
        belongs = inside_phrase or clause_verb_of(ent.root) == clause_verb
        if belongs and (best is None or abs(ent.root.i - trigger.i) < abs(best.root.i - trigger.i)):
            best = ent
    return best


def _dates_in(sentence: SpacySpan) -> list[SpacySpan]:
    """The sentence's DATE entities, from its own tokens' entity tags: `Span.ents` builds
    every entity of the document at each call, a cost per event that grows with the page."""
    doc = sentence.doc
    dates: list[SpacySpan] = []
    start: int | None = None
    for token in sentence:
        inside = token.ent_type_ == "DATE" and token.ent_iob_ == "I" and start is not None
        if start is not None and not inside:
            dates.append(doc[start : token.i])
            start = None
        if token.ent_type_ == "DATE" and token.ent_iob_ == "B":
            start = token.i
    if start is not None:
        dates.append(doc[start : sentence.end])
    return dates


def _absolute(words: list[str], anchor: date | None, tense: Tense, text: str) -> EventDate | None:
    year = next((int(w[:4]) for w in words if YEAR.match(w)), None)
    month = next((MONTHS[w] for w in words if w in MONTHS), None)
    day = next((int(m.group(1)) for w in words if (m := DAY_NUMBER.match(w))), None)
    if words[0] in RANGE_OPENERS and year is not None and anchor is not None:
        return EventDate(date(year, 1, 1), anchor, DatePrecision.RANGE, text)
    if any(w.endswith("s") and YEAR.match(w) for w in words) and year is not None:
        return EventDate(date(year, 1, 1), date(year + 9, 12, 31), DatePrecision.RANGE, text)
    if month is not None:
        if year is None:
            if anchor is None:
                return None
            year = anchor.year
            if tense is Tense.PAST and (month, day or 1) > (anchor.month, anchor.day):
                year -= 1
        last_day = calendar.monthrange(year, month)[1]
        if day is not None and 1 <= day <= last_day:
            day_date = date(year, month, day)
            return EventDate(day_date, day_date, DatePrecision.DAY, text)
        first, last = date(year, month, 1), date(year, month, last_day)
        return EventDate(first, last, DatePrecision.MONTH, text)
    if year is not None:
        return EventDate(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, text)
    return None


def _relative(words: list[str], anchor: date, tense: Tense, text: str) -> EventDate | None:
    for word in words:
        if word in WEEKDAYS:
            return _weekday(WEEKDAYS[word], anchor, tense, text)
    vocabulary = date_words()
    kinds = {vocabulary[w][0]: vocabulary[w][1] for w in words if w in vocabulary}
    if "offset" in kinds:
        day = anchor + timedelta(days=int(kinds["offset"]))
        return EventDate(day, day, DatePrecision.DAY, text)
    if "unit" not in kinds or "relative" not in kinds:
        return None
    unit = int(kinds["unit"])
    # "in recent days" names no count: read a bare plural as "a few".
    plural = any(vocabulary[w][0] == "unit" and w.endswith("s") for w in words if w in vocabulary)
    count = int(kinds.get("count", vocabulary["few"][1] if plural else "1"))
    if kinds["relative"] == "current" or "last" not in words or unit == 7:
        start = anchor - timedelta(days=unit * count)
        precision = DatePrecision.WEEK if (unit, count) == (7, 1) else DatePrecision.RANGE
        return EventDate(start, anchor, precision, text)
    # "last month", "last year": the previous calendar month or year.
    if unit == 365:
        year = anchor.year - count
        return EventDate(date(year, 1, 1), date(year, 12, 31), DatePrecision.YEAR, text)
    month_start = anchor.replace(day=1)
    for _ in range(count):
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    last_day = calendar.monthrange(month_start.year, month_start.month)[1]
    precision = DatePrecision.MONTH if count == 1 else DatePrecision.RANGE
    return EventDate(month_start, month_start.replace(day=last_day), precision, text)


def _weekday(weekday: int, anchor: date, tense: Tense, text: str) -> EventDate:
    """The named day nearest publication: on or before it, unless the clause is future."""
    if tense is Tense.FUTURE:
        day = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    else:
        day = anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    return EventDate(day, day, DatePrecision.DAY, text)
