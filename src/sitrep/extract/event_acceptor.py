"""The trained acceptance step: is an event the lexicon proposed a real event of its type?

The lexicon and the structure rules propose labelled trigger words; the acceptor judges each
proposal, after restructuring (the label the events stage will record), from what the parse
already holds: the word's parse features (`event_features.features`), its type and mode, its
status and modality (`event_status`), who its subject and objects are, each conjoined with the
type ("ASSAULT with an actor as object", "CONSULT under a relative clause"), and the sentence
(how long it is, how many proposals it holds, whether it quotes) and the document (how dense
it is with parties and with proposed events). Figurative, generic and background uses are what
it learns to drop.

The weights ship as `knowledge/events/event_acceptor.json`, written by
`bench/train_event_acceptor.py` from the TRAIN half of the gold sets (bench/splits.py): a
binary logistic regression scored with numpy (`event_model.LinearModel`), and the keep
probability chosen by cross-validation on TRAIN, folds by document. The file holds weights
only, no gold text.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from spacy.attrs import IS_ALPHA
from spacy.tokens import Doc, Span, Token

from sitrep.extract.event_features import features
from sitrep.extract.event_model import KEEP, LinearModel
from sitrep.extract.event_roles import subject_candidates
from sitrep.extract.event_status import event_status
from sitrep.extract.event_structure import TriggerLabel
from sitrep.lexicon import KNOWLEDGE_DIR

ACCEPTOR_FILE = "event_acceptor.json"
# Parse features whose meaning depends on the type they are told of: conjoined with it.
TYPED_PREFIXES = ("dep=", "ce:", "pe:", "subj=", "no_object", "under=", "gov", "hdep=", "neg")
QUOTES = frozenset({'"', "“", "”", "'"})
# Sentence lengths in tokens, as coarse buckets: a headline, a report, a long background one.
LENGTH_BUCKETS = (8, 20, 40)
MOST_PROPOSALS = 4
# Entities that name parties (states, peoples, organisations), per hundred words of the
# document, as buckets: news of conflict and diplomacy is dense with them, sport and
# lifestyle pages are not.
PARTY_LABELS = frozenset({"GPE", "NORP", "ORG"})
DENSITY_BUCKETS = (1.0, 3.0, 6.0)
# Proposed events per hundred words of the document, as buckets: a report of events is told
# in many event words, a feature, a review or a profile holds a few, in passing or figurative.
EVENT_DENSITY_BUCKETS = (0.25, 0.5, 1.0, 2.0)
# Under this many words (a headline, one sentence) the document's event density says nothing.
SHORT_DOCUMENT = 100
SHORT = "short"
SHORT_FEATURE = f"events={SHORT}"


@dataclass(frozen=True, slots=True)
class DocumentSignals:
    """What the acceptor reads of a whole document, computed once per document."""

    parties: int  # `party_density`
    events: str  # `event_density`


def acceptance_features(
    token: Token,
    label: TriggerLabel,
    lexicon_types: Mapping[int, str],
    entry_types: Collection[str],
    proposals: int,
    document: DocumentSignals,
) -> list[str]:
    """The features of one proposed event: its word's parse features, its label and status,
    its sentence and document. `proposals` counts the sentence's proposed events."""
    event_type = label.type
    parse = features(token, lexicon_types, entry_types)
    status = event_status(token).value
    sentence = token.sent
    length = sum(len(sentence) > bound for bound in LENGTH_BUCKETS)
    found = [
        *parse,
        f"type={event_type}",
        f"mode={label.mode}",
        f"status={status}",
        f"type|status={event_type}|{status}",
        f"type|lem={event_type}|{token.lemma_.lower()}",
        f"len={length}",
        f"proposals={min(proposals, MOST_PROPOSALS)}",
        f"conditioned={label.score > 0.6}",
    ]
    density = document.parties
    found += [f"parties={density}", f"type|parties={event_type}|{density}"]
    found += [f"events={document.events}", f"type|events={event_type}|{document.events}"]
    found += [f"type|{f}={event_type}|{f}" for f in parse if f.startswith(TYPED_PREFIXES)]
    if lexicon_types.get(token.i) != event_type:
        found.append("turned")  # a label the restructuring made ("halted" for "halted aid")
    if any(t.text in QUOTES for t in sentence):
        found.append("quotes")
    if not any(s.i != token.i for s in subject_candidates(token)):
        found.append(f"type|no_subject={event_type}")
    return found


def party_density(doc: Doc | Span) -> int:
    """The document's bucket of party entities per hundred words (once per document: it
    walks every entity)."""
    words = sum(len(e) for e in doc.ents if e.label_ in PARTY_LABELS)
    per_hundred = 100 * words / max(len(doc), 1)
    return sum(per_hundred > bound for bound in DENSITY_BUCKETS)


def alpha_words(doc: Doc | Span) -> int:
    """How many words (alphabetic tokens) a document or a stretch of one holds, read from
    the Doc's array."""
    if isinstance(doc, Doc):
        return int(doc.to_array([IS_ALPHA]).sum())
    return int(doc.doc.to_array([IS_ALPHA])[doc.start : doc.end].sum())


def event_density(doc: Doc | Span, proposed: int) -> str:
    """The document's bucket of proposed events (`proposed`, over the whole document) per
    hundred words, or `SHORT` for a document too short to tell."""
    words = alpha_words(doc)
    if words < SHORT_DOCUMENT:
        return SHORT
    per_hundred = 100 * proposed / words
    return str(sum(per_hundred > bound for bound in EVENT_DENSITY_BUCKETS))


@dataclass(frozen=True, slots=True)
class Acceptor:
    model: LinearModel
    threshold: float  # the keep probability, chosen by cross-validation on TRAIN

    def keep_probability(self, found: list[str]) -> float:
        return float(self.model.probabilities(found)[self.model.classes.index(KEEP)])

    def keeps(self, found: list[str]) -> bool:
        # Fitted on sentences read within their documents only: a text too short to read as
        # a document (a headline, one sentence) is outside what it learned, and the lexicon's
        # verdict stands.
        if SHORT_FEATURE in found:
            return True
        return self.keep_probability(found) >= self.threshold


@functools.cache
def acceptor(model_file: str = ACCEPTOR_FILE) -> Acceptor:
    """The shipped acceptor, read once."""
    data = json.loads((KNOWLEDGE_DIR / "events" / model_file).read_text(encoding="utf-8"))
    model = LinearModel.from_json(data["model"])
    if KEEP not in model.classes:
        raise ValueError(f"{model_file}: the acceptor needs a {KEEP} class")
    return Acceptor(model, float(data["threshold"]))
