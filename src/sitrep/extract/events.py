"""Events in the PLOVER ontology, with actors, place, date, status, claim and ACLED type.

Only sentences holding a trigger word do any work: the classifier (the lexicon by default,
see `event_classifier`) labels trigger words; the dependency parse then gives each its
actor, target and place (`event_roles`), its status (`event_status`: proposals, conditions
and denials are not recorded as facts) and its date (`dates`). A verb that takes ground
("seized the cities of Aleppo and Hama") gives one event per place, as ACLED codes them.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.extract.casualties import TOTAL, count_casualties, total_words
from sitrep.extract.dates import RANGE_OPENERS, resolve_for
from sitrep.extract.event_classifier import (
    DEFAULT_CLASSIFIER,
    EventClassifier,
    TriggerLabel,
    get_classifier,
)
from sitrep.extract.event_identity import EventRoles, link_mentions, merge_in_sentence
from sitrep.extract.event_lexicon import background_cues
from sitrep.extract.event_places import PlaceFinder
from sitrep.extract.event_roles import RELATIVE_PRONOUNS, RoleFinder, clause_verb, first_conjunct
from sitrep.extract.event_status import event_status
from sitrep.extract.event_structure import (
    conditions_of,
    is_time_anchor,
    restructure,
    threatened_act,
)
from sitrep.records import (
    Article,
    Claim,
    DatePrecision,
    Event,
    EventDate,
    EventStatus,
    Place,
    PlaceBasis,
    Span,
)
from sitrep.taxonomy import acled_mapping

TERRITORY_MODE = "territory"
DEFINITE = "definite"  # the role of a determiner that refers back, in background.tsv
ASSAULT = "ASSAULT"
THREATEN = "THREATEN"
AGREE = "AGREE"
# An event ending in a year this many or more before its report's is history (`_is_history`).
HISTORY_YEARS = 10
# Entity labels of a number or an amount, which may stand between an act and its event noun.
AMOUNT_LABELS = frozenset({"MONEY", "QUANTITY", "CARDINAL", "PERCENT"})


def find_events(
    article: Article, doc: Doc, classifier: str | EventClassifier = DEFAULT_CLASSIFIER
) -> list[Event]:
    """Every event the body reports, in text order."""
    labeller = get_classifier(classifier) if isinstance(classifier, str) else classifier
    places = _place_tokens(article, doc)
    # A classifier that judges pages (`JudgedEventClassifier`) says whether this one reports
    # news events at all; on a page judged not news (sport, tech, markets ...) no word is an
    # event, and the article keeps the judgement, so a reader sees why it has none.
    judge_page = getattr(labeller, "judge_page", None)
    article.page_judgement = None if judge_page is None else judge_page(doc, places)
    if article.page_judgement is not None and not article.page_judgement.news:
        return []
    roles = RoleFinder(article, doc)
    fallback_places = PlaceFinder(article, doc)
    claims = ClaimLookup(article.claims)
    sides = EventRoles(article)
    events: list[Event] = []
    for sentence in doc.sents:
        labels = labeller.classify(sentence, places)
        if not getattr(labeller, "restructures", False):
            labels = restructure(doc, labels)
        attacked = any(label.type == ASSAULT for label in labels)
        casualties = count_casualties(sentence) if attacked else None
        if not attacked:
            _later_toll(sentence, events)
        labelled = {label.token: label for label in labels}
        found: list[tuple[Token, Event]] = []
        for label in labels:
            trigger = doc[label.token]
            if _repeats_governor(trigger, label, labelled) or _re_anchors(trigger, label, events):
                continue
            for event in _events_for(article, trigger, label, roles, fallback_places):
                if _is_history(event, article):
                    continue
                event.claim_index = claims.index_at(trigger.idx)
                if casualties is not None and _counts_casualties(event):
                    # The sentence's first attack carries its count: one toll, told once.
                    event.fatalities, event.injured = casualties.killed, casualties.injured
                    event.casualty_evidence = casualties.evidence
                    casualties = None
                found.append((trigger, event))
        for _, event in merge_in_sentence(found, sides):
            event.id = f"event-{len(events) + 1}"
            events.append(event)
    link_mentions(events, sides)
    return events


def _re_anchors(trigger: Token, label: TriggerLabel, events: list[Event]) -> bool:
    """An event noun that only dates something else ("after the stabbing") and re-mentions
    an event of its type told earlier in the article (definite or owned: "the stabbing",
    "his arrest"; "after public criticism" may be news): a time anchor, not a new report."""
    return (
        is_time_anchor(trigger)
        and any(
            c.dep_ == "poss" or c.lower_ in background_cues().get(DEFINITE, ())
            for c in trigger.children
        )
        and any(event.type == label.type for event in events)
    )


def _counts_casualties(event: Event) -> bool:
    """Only an attack reported as done has its dead counted ("they would murder him" has none)."""
    return event.type == ASSAULT and event.status is EventStatus.ASSERTED


def _later_toll(sentence: SpacySpan, events: list[Event]) -> None:
    """A death toll told in a sentence with no attack of its own ("The death toll has risen
    to 40.") counts the last attack told before it, when that one has no count yet."""
    last = next((event for event in reversed(events) if _counts_casualties(event)), None)
    if last is None or last.fatalities is not None or last.injured is not None:
        return
    text = sentence.text.lower()
    if not any(word in text for word in total_words()):
        return  # most sentences: no need to walk their words
    toll = count_casualties(sentence, roles=(TOTAL,))
    if toll is not None:
        last.fatalities, last.casualty_evidence = toll.killed, toll.evidence


def _events_for(
    article: Article,
    trigger: Token,
    label: TriggerLabel,
    roles: RoleFinder,
    fallback_places: PlaceFinder,
) -> list[Event]:
    actor = roles.actor(trigger)
    threatened = threatened_act(trigger) if label.type == THREATEN else None
    if threatened is not None:
        act, conditions = threatened
        actor = actor or roles.actor(act)
        target = roles.target(act, actor) or roles.asked_to_comply(conditions, actor)
    else:
        threat = label.type == THREATEN
        actor = actor or (roles.threatener(trigger) if threat else None)
        target = roles.target(trigger, actor, threat)
        if (threat or label.type == AGREE) and target is None:
            target = roles.asked_to_comply(conditions_of(trigger), actor)
    places: list[Place] = []
    if label.mode == TERRITORY_MODE:
        places.extend(roles.object_places(trigger))
    attached = roles.place(trigger)
    # A target that is the state where the event acts ("visited Riyadh") still says where.
    party = None if trigger.i in roles.located else target
    placed: list[tuple[Place | None, PlaceBasis | None]] = [
        (place, PlaceBasis.CLAUSE) for place in places or ([attached] if attached else [])
    ] or [fallback_places.where(trigger, actor, party) or (None, None)]
    acled_type, acled_subtype = acled_mapping(
        label.type, label.mode, actor.sector if actor else None
    )
    words = [trigger] + ([trigger.doc[label.particle]] if label.particle is not None else [])
    trigger_text = " ".join(word.text for word in words)
    evidence = _sentence_of(article, trigger)
    status = event_status(trigger)
    date = resolve_for(trigger, clause_verb(trigger), article.published)
    if date is not None and _dates_something_else(date, status, article):
        date = None
    return [
        Event(
            id="",
            type=label.type,
            mode=label.mode,
            trigger=trigger_text,
            status=status,
            actor_id=actor.id if actor else None,
            target_id=target.id if target else None,
            place_id=place.id if place else None,
            place_basis=basis,
            date=date,
            acled_type=acled_type,
            acled_subtype=acled_subtype,
            evidence=evidence,
            confidence=label.score,
            trigger_span=Span(trigger.idx, trigger.idx + len(trigger), trigger.text),
        )
        for place, basis in placed
    ]


def _sentence_of(article: Article, trigger: Token) -> Span:
    """The sentence telling the event: the article's own, which never crosses a paragraph
    break (the parser's may run a heading into the sentence after it), else the parser's."""
    for sentence in article.sentences:
        if sentence.start <= trigger.idx < sentence.end:
            return Span(sentence.start, sentence.end, sentence.text)
    parsed = trigger.sent
    return Span(parsed.start_char, parsed.end_char, parsed.text)


def _is_history(event: Event, article: Article) -> bool:
    """Whether an event is dated so long before the report that it is history told as
    background ("who assassinated Archduke Franz Ferdinand in June 1914", "a free trade
    agreement signed into law in 1994"), not news the page reports."""
    if event.date is None or article.published is None:
        return False
    return event.date.end.year <= article.published.year - HISTORY_YEARS


def _dates_something_else(date: EventDate, status: EventStatus, article: Article) -> bool:
    """Whether a clause's date expression cannot be the event's date: what happened is not
    after the report ("safeguarded until 2047"), and "since" on a denial is the stretch in
    which it did not happen ("had not met since 1965"), background, not the event."""
    if status is EventStatus.NEGATED and date.precision is DatePrecision.RANGE:
        return (date.text or "").lower().startswith(tuple(RANGE_OPENERS))
    return (
        status is EventStatus.ASSERTED
        and article.published is not None
        and date.start > article.published.date()
    )


def _repeats_governor(
    trigger: Token, label: TriggerLabel, labelled: dict[int, TriggerLabel]
) -> bool:
    """Whether a trigger only restates an event already labelled in its sentence.

    A noun restating its verb's event ("signed an agreement", "killed in clashes") adds
    nothing, nor does a verb whose subject is the event noun ("the bombing killed 12", "a
    stabbing that killed a passenger": the noun is kept).
    """
    # A coordinated noun stands where its first conjunct does ("meetings and talks" are two
    # events all the same).
    first = first_conjunct(trigger)
    # "killed in clashes": the noun under a preposition restates its verb as well.
    governor = first.head.head if first.dep_ == "pobj" else first.head
    if first.dep_ == "pobj" and _is_amount(governor):
        # "slapping $100 billion in tariffs": the amount stands between the act and its noun.
        governor = governor.head
    restates_verb = (
        trigger.pos_ == "NOUN"
        and first.dep_ != "nsubj"
        and governor.i != first.i
        and _is_type(labelled.get(governor.i), label.type)
    )
    subjects = [
        trigger.head if trigger.dep_ == "relcl" and c.lower_ in RELATIVE_PRONOUNS else c
        for c in trigger.children
        if c.dep_ == "nsubj"
    ]
    return restates_verb or any(
        s.pos_ == "NOUN" and _is_type(labelled.get(s.i), label.type) for s in subjects
    )


def _is_amount(token: Token) -> bool:
    """Whether a word is a number or an amount ("12", "$100 billion")."""
    return token.pos_ == "NUM" or token.ent_type_ in AMOUNT_LABELS


def _is_type(found: TriggerLabel | None, event_type: str) -> bool:
    return found is not None and found.type == event_type


def _place_tokens(article: Article, doc: Doc) -> frozenset[int]:
    """Doc indices of the tokens inside place mentions."""
    indices: set[int] = set()
    for place in article.places:
        for mention in place.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                indices.update(range(span.start, span.end))
    return frozenset(indices)


class ClaimLookup:
    """Which claim's span holds a character offset."""

    def __init__(self, claims: list[Claim]) -> None:
        self._ordered = sorted(range(len(claims)), key=lambda i: claims[i].start)
        self._starts = [claims[i].start for i in self._ordered]
        self._ends = [claims[i].end for i in self._ordered]

    def index_at(self, offset: int) -> int | None:
        position = bisect_right(self._starts, offset) - 1
        while position >= 0:
            if self._ends[position] > offset:
                return self._ordered[position]
            position -= 1
        return None
