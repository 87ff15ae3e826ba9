"""The trained page judge: does a page report news events of the kind sitrep codes?

Political, conflict, diplomatic, crime, legal and disaster news is what the event stage is
for; sport, tech, markets, science and lifestyle pages use the same words ("attacked",
"beat", "seized the lead", "struck a deal") for other things. The lexicon cannot tell a
game's "attack" from a raid by the sentence; the page can. The judge reads the whole page
once, from what the parse already holds:

- how dense it is with event words: the lexicon's proposals, and those the acceptor keeps,
  per hundred words (`event_acceptor`);
- the share of its words in each kind of named entity (states and peoples, organisations,
  persons, places, money and percentages);
- how personal it is (first- and second-person pronouns: reviews, recipes, columns);
- numbers and game scores ("6-2") per hundred words;
- what it is about: the mean GloVe vector of its content lemmas (`event_vectors`).

A binary logistic regression over those, scored with numpy. The weights ship as
`knowledge/events/news_page.json`, written by `bench/train_news_page.py` from TRAIN
documents only (bench/splits.py), with the probability under which a page is judged not
news chosen by cross-validation on TRAIN, folds by document. The file holds weights only.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IS_ALPHA, IS_STOP, LIKE_NUM, LOWER, POS
from spacy.parts_of_speech import ADJ, NOUN, VERB
from spacy.tokens import Doc

from sitrep.doc_cache import doc_text, entities, lowercase_lemmas
from sitrep.extract.event_acceptor import SHORT_DOCUMENT, alpha_words
from sitrep.extract.event_vectors import DIMENSIONS, WordVectors, word_vectors
from sitrep.lexicon import KNOWLEDGE_DIR
from sitrep.records import PageJudgement

NEWS_PAGE_FILE = "news_page.json"
NEWS_PAGE_JUDGE = "sitrep.pages.news.v1"
# Entity kinds whose share of the page's words is a feature, one feature per group.
ENTITY_GROUPS = {
    "states": ("GPE", "NORP"),
    "organisations": ("ORG",),
    "persons": ("PERSON",),
    "places": ("LOC", "FAC"),
    "money": ("MONEY", "PERCENT"),
}
GROUP_OF = {kind: group for group, kinds in ENTITY_GROUPS.items() for kind in kinds}
PERSONAL_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
CONTENT_POS = (NOUN, VERB, ADJ)
# A game's score written as one word or spaced ("6-2", "3 – 1"), not a date or a range of
# years: at most two digits a side.
SCORE_PATTERN = re.compile(r"(?<![\d/.-])\d{1,2} ?[-\u2013] ?\d{1,2}(?![\d/.-])")
# The numeric features, in the order the weights list them (then the vector's dimensions).
NUMERIC_FEATURES = (
    "proposed",
    "kept",
    *(f"entities={group}" for group in ENTITY_GROUPS),
    "personal",
    "numbers",
    "scores",
    "log_words",
)


def page_features(doc: Doc, proposed: int, kept: int, vectors: WordVectors) -> np.ndarray:
    """The judge's features of a whole page (`NUMERIC_FEATURES`, then the mean vector of
    its content lemmas). `proposed` counts the lexicon's event proposals over the page,
    `kept` those the acceptor keeps. Read from the Doc's arrays, no pass per token in Python
    but the content words' vector lookups."""
    arrays = doc.to_array([POS, LIKE_NUM, IS_STOP, IS_ALPHA]).astype(np.int64)
    words = max(int(arrays[:, 3].sum()), 1)
    per_hundred = 100.0 / words
    entity_words = dict.fromkeys(ENTITY_GROUPS, 0)
    for entity in entities(doc):
        group = GROUP_OF.get(entity.label_)
        if group is not None:
            entity_words[group] += len(entity)
    lowers = doc.count_by(LOWER)
    strings = doc.vocab.strings
    personal = sum(lowers.get(strings.add(word), 0) for word in PERSONAL_PRONOUNS)
    numeric = [
        per_hundred * proposed,
        per_hundred * kept,
        *(per_hundred * entity_words[group] for group in ENTITY_GROUPS),
        per_hundred * personal,
        per_hundred * int(arrays[:, 1].sum()),
        per_hundred * len(SCORE_PATTERN.findall(doc_text(doc))),
        math.log(words),
    ]
    content = np.flatnonzero(np.isin(arrays[:, 0], CONTENT_POS) & (arrays[:, 2] == 0))
    lemmas = lowercase_lemmas(doc)
    meaning = _mean_vector([lemmas[i] for i in content.tolist()], vectors)
    return np.concatenate([np.asarray(numeric, dtype=np.float64), meaning])


def _mean_vector(words: list[str], vectors: WordVectors) -> np.ndarray:
    known = [v for v in map(vectors.of, words) if v is not None]
    if not known:
        return np.zeros(DIMENSIONS, dtype=np.float64)
    return np.mean(np.asarray(known, dtype=np.float64), axis=0)


@dataclass(frozen=True, slots=True)
class NewsPageJudge:
    """A logistic regression over standardised page features (`page_features`)."""

    means: np.ndarray
    scales: np.ndarray
    weights: np.ndarray
    intercept: float
    # Under this probability of news a page is judged not news, chosen by cross-validation
    # on TRAIN so that pages of real news keep their events.
    threshold: float
    name: str = NEWS_PAGE_JUDGE

    def news_probability(self, features: np.ndarray) -> float:
        score = float(self.weights @ ((features - self.means) / self.scales)) + self.intercept
        return 1.0 / (1.0 + math.exp(-score))

    def judge(self, doc: Doc, proposed: int, kept: int) -> PageJudgement | None:
        """The page's judgement, or None for a text too short to judge (a headline, one
        sentence): under `SHORT_DOCUMENT` words it is outside what the judge learned."""
        if alpha_words(doc) < SHORT_DOCUMENT:
            return None
        probability = self.news_probability(page_features(doc, proposed, kept, word_vectors()))
        return PageJudgement(probability >= self.threshold, round(probability, 3), self.name)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> NewsPageJudge:
        model = data["model"]
        if not isinstance(model, dict) or model.get("features") != list(NUMERIC_FEATURES):
            raise ValueError(f"{NEWS_PAGE_FILE}: the features are not {NUMERIC_FEATURES}")
        width = len(NUMERIC_FEATURES) + DIMENSIONS
        arrays = [np.asarray(model[k], dtype=np.float64) for k in ("means", "scales", "weights")]
        if any(a.shape != (width,) for a in arrays):
            raise ValueError(f"{NEWS_PAGE_FILE}: expected {width} weights")
        means, scales, weights = arrays
        threshold = data["threshold"]
        if not isinstance(threshold, float | int):
            raise ValueError(f"{NEWS_PAGE_FILE}: the threshold is not a number")
        return cls(means, scales, weights, float(model["intercept"]), float(threshold))


@functools.cache
def news_page_judge(model_file: str = NEWS_PAGE_FILE) -> NewsPageJudge:
    """The shipped judge, read once."""
    data = json.loads((KNOWLEDGE_DIR / "events" / model_file).read_text(encoding="utf-8"))
    return NewsPageJudge.from_json(data)
