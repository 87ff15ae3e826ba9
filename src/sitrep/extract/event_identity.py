"""One real event, however many times an article reports it.

Within a sentence, two event words of one type that tell one act are one record: verbs
coordinated under one subject ("were convicted and sentenced", "welcome and support"), a
clause that says how or when the other happened ("was killed when a bullet hit her"), the
same word said again of the same actor or target ("he killed her … he killed her"), a later
definite noun ("imposed sanctions …, and the sanctions hit its banks"), or a noun a verb of
identity equates with the other ("the rally was the biggest protest"). The
record kept is the first; it takes the roles, date and counts the other adds, and lists the
other word in `other_triggers`.

Across sentences the records stay apart (each sentence that reports an event is a mention
of it, and the gold sets score mentions sentence by sentence), but a later record that
reports an event already told carries `same_event`: the id of its first record. Same event
means same type and no role that disagrees: actor, target, a place the parse gave, dates
that overlap. No agreeing role is asked for: a re-mention is mostly a bare noun or a
passive ("the shooting", "she was hit"), and on the TRAIN half of events-gwn-dev asking for
one (same actor, target or parsed place, or the same word) found 0.36 of the gold's links at
precision 0.56, asking none 0.90 at 0.62. Only two records that both name a party must
share one (`link_mentions`).

Two actors disagree only when they are two parties (`EventRoles`): the same name, or a state
and an organ through which it acts ("Syria" and "the Syrian army", "the United States" and its
president), are one party.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitrep import lexicon
from sitrep.extract.event_lexicon import background_cues, word_classes
from sitrep.extract.event_roles import first_conjunct
from sitrep.records import Actor, ActorKind, Article, Event, PlaceBasis

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# A leading article is no part of a name ("the Pentagon", "Pentagon").
ARTICLE = "the "
DEFINITE = "definite"  # the role of a determiner that refers back, in background.tsv
# How the noun a verb of identity equates with its subject hangs on it ("was the biggest
# protest", "represented the biggest protest"; the parser may make that noun a clause).
IDENTITY_DEPS = frozenset({"attr", "dobj", "oprd", "ccomp"})
IDENTITY = "identity"  # the word class of verbs that equate two names (word_classes.tsv)


class EventRoles:
    """Whether the actors, and the places, of two of an article's events may be one event's."""

    def __init__(self, article: Article) -> None:
        # Read at each question: the roles stage adds states named only by a demonym.
        self._article = article
        language = lexicon.reading_language()
        sectors = lexicon.mapping("actors/sectors.tsv", language)
        self._state_sectors = frozenset(
            sectors[code] for code in lexicon.words("actors/state_sectors.txt", language)
        )
        self.reciprocal_types = lexicon.words("events/reciprocal_types.txt", language)

    def same(self, a: str | None, b: str | None) -> bool:
        """Both named, and one party."""
        if a is None or b is None:
            return False
        if a == b:
            return True
        first, second = self._article.actor(a), self._article.actor(b)
        if first is None or second is None:
            return False
        return bool(_names(first) & _names(second)) or self._state_and_organ(first, second)

    def country(self, place_id: str | None) -> str | None:
        """The country of one of the article's places."""
        place = self._article.place(place_id)
        return place.country if place else None

    def differ(self, a: str | None, b: str | None) -> bool:
        """Both named, and two parties."""
        return a is not None and b is not None and not self.same(a, b)

    def _state_and_organ(self, a: Actor, b: Actor) -> bool:
        """A state and one of its organs, or two organs of one state. A person is an organ of
        their state ("Putin" for Russia), but two people are two parties, and a person of no
        known country is no state's (on the TRAIN half, "President Trump" taken as any
        state's joined his tariffs to China's)."""
        organs = [x for x in (a, b) if x.kind is not ActorKind.STATE]
        if not all(x.sector in self._state_sectors for x in organs):
            return False
        if len(organs) == 2:
            people = sum(x.kind is ActorKind.PERSON for x in organs)
            return people == 0 and a.country is not None and a.country == b.country
        return a.country is not None and a.country == b.country


def _names(actor: Actor) -> set[str]:
    return {name.lower().removeprefix(ARTICLE) for name in (actor.name, *actor.aliases)}


def merge_in_sentence(
    found: list[tuple[Token, Event]], sides: EventRoles
) -> list[tuple[Token, Event]]:
    """The sentence's events with the second report of one act folded into the first."""
    kept: list[tuple[Token, Event]] = []
    for trigger, event in found:
        twin = next(
            (
                first
                for first_trigger, first in kept
                if compatible(first, event, sides)
                and _one_act(first_trigger, trigger, first, event, sides)
            ),
            None,
        )
        if twin is None:
            kept.append((trigger, event))
        else:
            _fill(twin, event)
            if event.trigger_span is not None:
                twin.other_triggers.append(event.trigger_span)
    return kept


def link_mentions(events: list[Event], sides: EventRoles) -> None:
    """Mark each record that re-reports an event of an earlier sentence with `same_event`.

    A record joins the first report it agrees with; asking it to agree with every report
    so far (on the TRAIN half) found 0.70 of the links rather than 0.92, at lower precision:
    one role read wrongly splits an event. Asking a report more than a few sentences away
    for an agreeing role (actor, target, place or word) lost recall at no gain in precision.
    Two reports that each name a party (actor or target) must share one, in the same role
    unless the type is reciprocal (`_same_report`): on the TRAIN half, 5 of the 15 links
    between reports that name parties and share none were right.
    A report's actor is its first named one (`_same_report`).
    Two records whose modes (the kind of act within the type) are both known and differ are
    two acts ("detained six students" … "closed the border crossing": both COERCE, arrest and
    restrict): on the TRAIN half, link precision .599 -> .626, recall .904 -> .885 (a bullet
    that "hit" a man read as a beating). Within a sentence the parse decides (`_one_act`).
    """
    reports: list[list[Event]] = []
    for event in events:
        report = next(
            (
                r
                for r in reports
                if r[0].evidence.start != event.evidence.start
                and compatible(r[0], event, sides)
                and not _differ(r[0].mode, event.mode)
                and _same_report(r, event, sides)
            ),
            None,
        )
        if report is None:
            reports.append([event])
        else:
            event.same_event = report[0].id
            report.append(event)


def _same_report(report: list[Event], event: Event, sides: EventRoles) -> bool:
    """Whether an event re-reports one told already (`report`: its records so far, first
    first). Its actor must be the report's: that of its first record that names one, so a
    first record that names none ("was sentenced") takes it from a later one ("Judge X
    found Y guilty"), and a third must not name another (on the TRAIN half, an arrest by
    police joined a judge's verdict through a first record that named no one). Targets may
    differ within one report (the verdict on several defendants, one by one). Two records
    that each name a party must share one, in the same role unless the type is reciprocal
    ("met" either way round; "the crowd praised X" … "X praised his aide" are two acts: on
    the TRAIN half link precision .633 -> .639, recall .894 -> .885, the link lost resting on
    a misread actor); where either names none, nothing in the roles says they are two."""
    actor = next((e.actor_id for e in report if e.actor_id), None)
    if actor is not None and event.actor_id is not None:
        return sides.same(actor, event.actor_id)
    first = [x for x in (report[0].actor_id, report[0].target_id) if x]
    theirs = [x for x in (event.actor_id, event.target_id) if x]
    if not first or not theirs:
        return True
    if event.type.lower() in sides.reciprocal_types:
        return any(sides.same(x, y) for x in first for y in theirs)
    return sides.same(report[0].actor_id, event.actor_id) or sides.same(
        report[0].target_id, event.target_id
    )


def compatible(a: Event, b: Event, sides: EventRoles) -> bool:
    """Same type, and no role, parsed place or date that says they are two events. A place
    its own sentence names says so only by its country ("Brooklyn" and "New York City" may
    be one shooting's; "Sacramento" and "Brooklyn" are not told apart without a gazetteer's
    hierarchy, "California" and "Greece" are)."""
    if a.type != b.type:
        return False
    if sides.differ(a.actor_id, b.actor_id) or sides.differ(a.target_id, b.target_id):
        return False
    if _differ(_parsed_place(a), _parsed_place(b)):
        return False
    if _differ(sides.country(_named_place(a)), sides.country(_named_place(b))):
        return False
    if a.date is not None and b.date is not None:
        return a.date.start <= b.date.end and b.date.start <= a.date.end
    return True


def _one_act(
    first_trigger: Token, trigger: Token, first: Event, event: Event, sides: EventRoles
) -> bool:
    if first_trigger.i == trigger.i:
        return False  # one word over several places ("seized A and B"): one event each
    if first.status != event.status:
        return False  # "did not order a withdrawal … will pull out": told as two acts
    same_word = _same_word(first_trigger, trigger)
    for head, child in ((first_trigger, trigger), (trigger, first_trigger)):
        if _tells_how_or_when(head, child):
            # "killed when a bullet hit her" tells how; "X were arrested while three others
            # were arrested" says it again of others.
            return not same_word
        if child.head.i != head.i:
            continue
        if child.dep_ == "conj" and not same_word:
            # "the A summit and the B summit" are two, and so is "X denies … and Y denies …"
            # (the word said again); a coordinated verb with a subject of its own is its own act.
            return child.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in child.children)
    if _refers_back(first_trigger, trigger) or _equated(first_trigger, trigger):
        return True
    return same_word and (
        sides.same(first.actor_id, event.actor_id) or sides.same(first.target_id, event.target_id)
    )


def _equated(a: Token, b: Token) -> bool:
    """Whether a verb of identity says one event noun is the other ("the rally was the
    state's biggest protest", "the rally represented the biggest teacher protest"): one
    event, named twice."""
    for subject, named in ((a, b), (b, a)):
        verb = named.head
        if (
            named.pos_ == "NOUN"
            and named.dep_ in IDENTITY_DEPS
            and verb.lemma_.lower() in word_classes().get(IDENTITY, frozenset())
            and subject.head.i == verb.i
            and subject.dep_ == "nsubj"
        ):
            return True
    return False


def _refers_back(first: Token, later: Token) -> bool:
    """Whether a later event noun of the sentence is a definite re-mention of an earlier
    event word ("imposed sanctions on Russia, and the sanctions hit its banks"): the definite
    article points back at the act just told (its roles are checked by `compatible`)."""
    return (
        later.i > first.i
        and later.pos_ == "NOUN"
        and later.dep_ != "conj"
        and any(
            c.dep_ == "det" and c.lower_ in background_cues().get(DEFINITE, frozenset())
            for c in later.children
        )
    )


def _tells_how_or_when(head: Token, child: Token) -> bool:
    """Whether a word is in a clause on another that tells how or when it happened: an
    adverbial clause, or a verb coordinated in one that a "when" or "as" opens ("killed when a
    bullet ricocheted and hit her"; not "banned firecrackers, arresting 210 people and
    confiscating ...", acts one after another)."""
    if child.dep_ == "advcl":
        return child.head.i == head.i
    clause = first_conjunct(child)
    return (
        clause is not child
        and clause.dep_ == "advcl"
        and clause.head.i == head.i
        and any(c.dep_ in ("mark", "advmod") and c.tag_ in ("IN", "WRB") for c in clause.children)
    )


def _same_word(a: Token, b: Token) -> bool:
    return a.lemma_.lower() == b.lemma_.lower()


def _named_place(event: Event) -> str | None:
    """The event's place when its own sentence names it."""
    return event.place_id if event.place_basis in (PlaceBasis.CLAUSE, PlaceBasis.SENTENCE) else None


def _parsed_place(event: Event) -> str | None:
    """The event's place when its own words give it; an inferred place decides nothing."""
    return event.place_id if event.place_basis is PlaceBasis.CLAUSE else None


def _differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _fill(kept: Event, other: Event) -> None:
    """The first report takes what the second adds."""
    kept.actor_id = kept.actor_id or other.actor_id
    kept.target_id = kept.target_id or other.target_id
    if kept.place_id is None or (_parsed_place(kept) is None and _parsed_place(other)):
        kept.place_id, kept.place_basis = other.place_id, other.place_basis
    kept.date = kept.date or other.date
    if kept.fatalities is None and kept.injured is None:
        kept.fatalities, kept.injured = other.fatalities, other.injured
        kept.casualty_evidence = other.casualty_evidence
