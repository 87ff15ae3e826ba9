"""The text-dump block classifier on small hand-made pages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from sitrep.clean.blockmodel import FEATURE_NAMES, Trees, load_model
from sitrep.clean.textdump import (
    block_features,
    clean_dump,
    page_layout,
    select_body,
    split_blocks,
)

PARAGRAPH = (
    "Officials in the northern province said on Monday that the road had been closed "
    "after heavy rain, and that repairs would take at least a week to finish."
)


def _paragraph(n: int) -> str:
    """A distinct paragraph (identical lines would count as repeated chrome)."""
    return PARAGRAPH.replace("Monday", f"day {n} of the month")


def _page(*parts: str) -> str:
    return "\n\n".join(parts)


def test_textdump_caption_with_credit_kept_apart() -> None:
    caption = "A flooded road near the provincial capital in 2023."
    dump = clean_dump(
        _page(f"{caption}\n{caption}Jane Roe—Agency Photo", _paragraph(1), _paragraph(2))
    )
    assert caption not in dump.paragraphs
    assert dump.captions[0].text == caption
    assert dump.captions[0].credit == "Jane Roe—Agency Photo"


def test_textdump_related_link_lines_leave_the_body() -> None:
    related = "See Also: Floods Hit Three Provinces As Rivers Rise"
    dump = clean_dump(_page(PARAGRAPH, related, PARAGRAPH + " Again."))
    assert related not in dump.paragraphs
    assert [link.title for link in dump.related_links] == [
        "Floods Hit Three Provinces As Rivers Rise"
    ]


def test_textdump_sentence_with_colon_is_not_a_related_link() -> None:
    line = "He said: the road will reopen when the water has gone down."
    dump = clean_dump(_page(PARAGRAPH, line, PARAGRAPH))
    assert line in dump.paragraphs
    assert dump.related_links == []


def test_textdump_promo_ending_in_call_to_action_dropped() -> None:
    promo = (
        "Our annual summit returns to the capital next spring to bring together the leaders "
        "and thinkers who shape the region for two days of talks. Register here."
    )
    dump = clean_dump(_page(PARAGRAPH, PARAGRAPH + " Also.", promo))
    assert promo not in dump.paragraphs


def test_textdump_repeated_lines_are_chrome() -> None:
    blocks = split_blocks("Jane Roe\nJane Roe\n" + PARAGRAPH)
    assert [block.repeats for block in blocks] == [2, 2, 1]
    assert not blocks[0].prose and blocks[2].prose


def test_textdump_page_without_prose_has_empty_body() -> None:
    assert clean_dump("Home\nNews\nSport\nWeather").paragraphs == []


def test_textdump_table_between_paragraphs_kept() -> None:
    rows = "\n".join(f"{n} Player Number{n} {100 - n} {n % 3} {n % 5}" for n in range(1, 9))
    body = [_paragraph(1), _paragraph(2)]
    dump = clean_dump(_page(body[0], rows, body[1]))
    assert dump.paragraphs[0] == body[0] and dump.paragraphs[-1] == body[1]
    assert "1 Player Number1 99 1 1" in dump.paragraphs


def test_textdump_ad_label_and_credited_caption_crossed_and_left_out() -> None:
    """ "Continue Reading Below" and a caption with its photo credit sit inside the article:
    the article goes on past them, and neither is body text."""
    caption = "A trader works on the floor of the exchange (AP Photo/Jane Roe, File)"
    lede = "Officials said the market fell sharply in early trading on Monday morning."
    dump = clean_dump(
        _page(lede, "Continue Reading Below", _paragraph(1), caption, _paragraph(2), _paragraph(3))
    )
    assert dump.paragraphs == [lede, _paragraph(1), _paragraph(2), _paragraph(3)]
    [credited] = dump.captions
    assert (credited.text, credited.credit) == (
        "A trader works on the floor of the exchange",
        "AP Photo/Jane Roe, File",
    )


def _probabilities(*values: float) -> np.ndarray:
    return np.array(values, dtype=np.float64)


def test_select_body_takes_the_densest_likely_run_and_short_lines_inside_it() -> None:
    """A short line the model is unsure of (0.4) is kept between paragraphs, not at a run of
    unlikely lines; a lone likely paragraph far from the article is left out."""
    teasers = [f"More stories from our newsroom this week, part {n}" for n in range(3)]
    lines = [_paragraph(0), *teasers, _paragraph(1), "The aftermath"]
    lines += [_paragraph(2), _paragraph(3), "About us", "Contact"]
    blocks = split_blocks("\n".join(lines))
    probabilities = _probabilities(0.55, 0.05, 0.05, 0.05, 0.9, 0.4, 0.9, 0.9, 0.2, 0.1)
    body = select_body(blocks, probabilities, 0.5, len(blocks))
    expected = [_paragraph(1), "The aftermath", _paragraph(2), _paragraph(3)]
    assert [block.text for block in body] == expected


def test_select_body_drops_chrome_shapes_and_prose_under_a_comment_header() -> None:
    related = "See Also: Floods Hit Three Provinces As Rivers Rise"
    thread = [f"{_paragraph(20 + n)} I think so too, number {n}." for n in range(3)]
    lines = [_paragraph(1), related, _paragraph(2), "[ 42 comments ]", *thread]
    blocks = split_blocks("\n".join(lines))
    layout = page_layout(blocks)
    body = select_body(blocks, np.full(len(blocks), 0.9), 0.5, layout.comments_from)
    assert [block.text for block in body] == [_paragraph(1), _paragraph(2)]


def test_select_body_crosses_an_ad_label_and_leaves_it_out() -> None:
    blocks = split_blocks("\n".join([_paragraph(1), "Advertisement", _paragraph(2)]))
    body = select_body(blocks, _probabilities(0.9, 0.2, 0.9), 0.5, len(blocks))
    assert [block.text for block in body] == [_paragraph(1), _paragraph(2)]


def test_trees_walk_each_tree_to_its_leaf() -> None:
    """One stump on feature 0 (left leaf -1, right leaf +1) and one single-leaf tree (+0.5)."""
    trees = Trees(
        feature_names=("a", "b"),
        base=0.0,
        feature=np.array([[0, -1, -1], [-1, -1, -1]]),
        threshold=np.array([[0.5, 0.0, 0.0], [0.0, 0.0, 0.0]]),
        left=np.array([[1, 0, 0], [0, 0, 0]]),
        right=np.array([[2, 0, 0], [0, 0, 0]]),
        value=np.array([[0.0, -1.0, 1.0], [0.5, 0.0, 0.0]]),
        depth=1,
        cutoff=0.5,
    )
    found = trees.probabilities(np.array([[0.0, 9.0], [1.0, 9.0]]))
    assert np.allclose(found, 1 / (1 + np.exp(-np.array([-0.5, 1.5]))))


def test_shipped_model_reads_the_features_the_code_computes() -> None:
    model = load_model()
    assert model.feature_names == FEATURE_NAMES
    blocks = split_blocks("\n".join(["Home", _paragraph(1), _paragraph(2), "Contact"]))
    features = block_features(blocks, page_layout(blocks))
    assert features.shape == (4, len(FEATURE_NAMES))
    probabilities = model.probabilities(features)
    assert probabilities[1] > 0.5 and probabilities[2] > 0.5


def test_textdump_keeps_article_lines_of_a_real_page() -> None:
    """A page of the development set: the paragraphs of its human-made body come out, its
    navigation does not (a smoke test of features, model and selection together)."""
    data = Path(__file__).resolve().parents[3] / "shared" / "data" / "article-extraction"
    if not data.is_dir():
        data = Path("/work/shared/data/article-extraction")
    if not data.is_dir():
        pytest.skip("the article-extraction data is not here")
    truth = json.loads((data / "ground-truth.json").read_text("utf-8"))
    key = sorted(truth)[0]
    text = gzip.decompress((data / "text" / f"{key}.txt.gz").read_bytes()).decode("utf-8")
    body = " ".join(clean_dump(text).paragraphs)
    expected = [line for line in truth[key]["articleBody"].splitlines() if len(line) > 80]
    assert expected and sum(line in body for line in expected) >= 0.9 * len(expected)
    assert "Skip to content" not in body
