"""The page judge: does a page report news events? Invented text throughout."""

from __future__ import annotations

import json

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc

from sitrep.extract.event_classifier import (
    ACCEPTED_CLASSIFIER,
    JUDGED_CLASSIFIER,
    JudgedEventClassifier,
)
from sitrep.extract.event_vectors import DIMENSIONS, WordVectors
from sitrep.extract.events import find_events
from sitrep.extract.news_page import (
    NEWS_PAGE_FILE,
    NUMERIC_FEATURES,
    NewsPageJudge,
    news_page_judge,
    page_features,
)
from sitrep.lexicon import KNOWLEDGE_DIR
from sitrep.records import Article, InputKind, PageJudgement, article_from_dict
from sitrep.settings import DEFAULT_CLASSIFIER

WIDTH = len(NUMERIC_FEATURES) + DIMENSIONS
NO_VECTORS = WordVectors({}, np.zeros((1, DIMENSIONS), dtype=np.float32))

# Invented pages, each long enough to be judged (`event_acceptor.SHORT_DOCUMENT` words).
POLITICAL_NEWS = (
    "Government troops attacked rebel positions near the northern city of Velgrad on "
    "Tuesday, killing at least twelve fighters, the defence ministry of Ostravia said. "
    "The rebels accused the army of shelling villages and vowed to retaliate. "
    "Foreign Minister Anna Kerrow met her Mardovian counterpart in Geneva to discuss a "
    "ceasefire, and the two sides agreed to exchange prisoners next week. "
    "Police arrested forty protesters in the capital after demonstrators marched on "
    "parliament demanding the resignation of Prime Minister Tomas Brell. "
    "The United Nations condemned the violence and called on both sides to hold talks. "
    "Neighbouring Kasmir closed its border and deployed troops along the frontier, "
    "while the European Union imposed sanctions on three Ostravian generals. "
    "Opposition leaders rejected the government's offer of talks and threatened a "
    "general strike if the arrests continue."
)
MATCH_REPORT = (
    "We were brilliant tonight and you could feel it in the stands. United beat City 3-1 "
    "at the Riverside, with Marco Delane scoring twice before the break. City pulled one "
    "back through a header, 2-1, but our captain sealed it late on to make it 3-1. "
    "I thought the midfield controlled the game and the fans loved every minute. "
    "Next week we travel to Harbour Town, who won 4-0 last weekend and sit top of the "
    "table. The manager said he was proud of the players and that we can beat anyone "
    "if we keep playing like this. My player of the match was the goalkeeper, who saved "
    "a penalty at 2-1. You have to give credit to the whole squad for the attitude they "
    "showed, and I can't wait for the derby in March."
)


def _judge(weights: dict[str, float], threshold: float = 0.5) -> NewsPageJudge:
    """A judge over raw (unscaled) features, with the given weight on some of them."""
    vector = np.zeros(WIDTH)
    for name, weight in weights.items():
        vector[NUMERIC_FEATURES.index(name)] = weight
    return NewsPageJudge(np.zeros(WIDTH), np.ones(WIDTH), vector, 0.0, threshold, "test.pages.v1")


def _doc(text: str) -> Doc:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank(text)


def test_page_features_count_scores_numbers_and_personal_pronouns() -> None:
    features = page_features(_doc(MATCH_REPORT), proposed=3, kept=1, vectors=NO_VECTORS)
    named = dict(zip(NUMERIC_FEATURES, features[: len(NUMERIC_FEATURES)], strict=True))
    assert named["scores"] > 0
    assert named["personal"] > 2  # "we", "you", "our", "I", "my" per hundred words
    assert named["proposed"] > named["kept"] > 0
    # No vectors known: the meaning part is zeros, not missing.
    assert features.shape == (WIDTH,)
    assert not features[len(NUMERIC_FEATURES) :].any()
    plain = page_features(_doc(POLITICAL_NEWS), 0, 0, NO_VECTORS)
    assert dict(zip(NUMERIC_FEATURES, plain, strict=False))["scores"] == 0
    # A date or a span of years is no score.
    dated = page_features(_doc("Talks ran 2019-2020 and on 12/10-11 only."), 0, 0, NO_VECTORS)
    assert dated[NUMERIC_FEATURES.index("scores")] == 0


def test_the_judge_judges_under_its_threshold_and_leaves_short_texts() -> None:
    judge = _judge({"scores": -5.0})
    assert judge.judge(_doc(POLITICAL_NEWS), 10, 8) == PageJudgement(True, 0.5, "test.pages.v1")
    verdict = judge.judge(_doc(MATCH_REPORT), 3, 1)
    assert verdict is not None and not verdict.news and verdict.news_probability < 0.01
    # A headline or one sentence is too short to judge.
    assert judge.judge(_doc("United beat City 3-1 at the Riverside."), 1, 1) is None


def test_the_shipped_judge_holds_weights_and_a_cross_validated_threshold() -> None:
    data = json.loads((KNOWLEDGE_DIR / "events" / NEWS_PAGE_FILE).read_text(encoding="utf-8"))
    assert data["model"]["features"] == list(NUMERIC_FEATURES)
    judge = news_page_judge()
    assert judge.weights.shape == (WIDTH,)
    assert 0.0 < judge.threshold <= 0.5  # judged not news only where news is the less likely
    with pytest.raises(ValueError, match="features"):
        NewsPageJudge.from_json({**data, "model": {**data["model"], "features": ["x"]}})


def _article(text: str) -> Article:
    return Article("test", "hash", InputKind.TEXT, [text])


@pytest.mark.slow
def test_no_events_are_reported_on_a_page_judged_not_news(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(POLITICAL_NEWS)
    article = _article(POLITICAL_NEWS)
    everything = find_events(article, doc, ACCEPTED_CLASSIFIER)
    assert everything and article.page_judgement is None  # the acceptor judges no page
    refusing = JudgedEventClassifier("test.refuse.v1", pages=_judge({}, threshold=0.6))
    assert find_events(article, doc, refusing) == []
    assert article.page_judgement == PageJudgement(False, 0.5, "test.pages.v1")
    accepting = JudgedEventClassifier("test.accept.v1", pages=_judge({}, threshold=0.4))
    kept = find_events(article, doc, accepting)
    assert [(e.trigger, e.type) for e in kept] == [(e.trigger, e.type) for e in everything]
    # The judgement travels with the article.
    assert article_from_dict(article.to_dict()).page_judgement == article.page_judgement


@pytest.mark.slow
def test_the_shipped_judge_tells_political_news_from_a_match_report(nlp) -> None:  # type: ignore[no-untyped-def]
    news = _article(POLITICAL_NEWS)
    assert find_events(news, nlp(POLITICAL_NEWS), JUDGED_CLASSIFIER)
    assert news.page_judgement is not None and news.page_judgement.news
    match = _article(MATCH_REPORT)
    assert find_events(match, nlp(MATCH_REPORT), JUDGED_CLASSIFIER) == []
    assert match.page_judgement is not None and not match.page_judgement.news


def test_the_judged_classifier_is_the_default() -> None:
    assert DEFAULT_CLASSIFIER == JUDGED_CLASSIFIER
