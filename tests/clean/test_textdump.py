"""The text-dump block classifier on small hand-made pages."""

from __future__ import annotations

from sitrep.clean.textdump import clean_dump, split_blocks

PARAGRAPH = (
    "Officials in the northern province said on Monday that the road had been closed "
    "after heavy rain, and that repairs would take at least a week to finish."
)


def _paragraph(n: int) -> str:
    """A distinct paragraph (identical lines would count as repeated chrome)."""
    return PARAGRAPH.replace("Monday", f"day {n} of the month")


def _page(*parts: str) -> str:
    return "\n\n".join(parts)


def test_textdump_keeps_prose_and_drops_menus_and_lists() -> None:
    menu = "\n".join(f"  • Section {n}" for n in range(10))
    teasers = "\n".join(f"Another headline about topic number {n} today" for n in range(6))
    dump = clean_dump(_page(menu, "Road closed", _paragraph(1), _paragraph(2), teasers))
    assert dump.paragraphs == [_paragraph(1), _paragraph(2)]


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


def test_textdump_subheading_after_lede_kept_widget_label_under_lede_dropped() -> None:
    dump = clean_dump(
        _page(
            PARAGRAPH,
            "Watch Now",
            PARAGRAPH + " A.",
            PARAGRAPH + " B.",
            "The Aftermath",
            PARAGRAPH + " C.",
        )
    )
    assert "The Aftermath" in dump.paragraphs
    assert "Watch Now" not in dump.paragraphs


def test_textdump_teaser_islands_after_article_left_out() -> None:
    teasers = "\n".join(
        f"Another story from the same site, number {n}\nNovember {n + 1}, 2019 at 5:10 pm\n"
        f"{_paragraph(10 + n)}\nRead More"
        for n in range(5)
    )
    body = [_paragraph(n) for n in range(6)]
    dump = clean_dump(_page(*body, teasers))
    assert dump.paragraphs == body


def test_textdump_non_english_page_uses_length_and_punctuation() -> None:
    sentence = (
        "Le conseil municipal a voté mardi soir un budget en hausse pour la rénovation des "
        "écoles primaires de la ville, après de longs débats."
    )
    menu = "\n".join(f"• Rubrique {n}" for n in range(8))
    other = sentence.replace("mardi soir", "jeudi matin")
    dump = clean_dump(_page(menu, sentence, other))
    assert dump.paragraphs == [sentence, other]


def test_textdump_page_without_prose_has_empty_body() -> None:
    assert clean_dump("Home\nNews\nSport\nWeather").paragraphs == []


def test_textdump_table_between_paragraphs_kept() -> None:
    rows = "\n".join(f"{n} Player Number{n} {100 - n} {n % 3} {n % 5}" for n in range(1, 9))
    body = [_paragraph(1), _paragraph(2)]
    dump = clean_dump(_page(body[0], rows, body[1]))
    assert dump.paragraphs[0] == body[0] and dump.paragraphs[-1] == body[1]
    assert "1 Player Number1 99 1 1" in dump.paragraphs


def test_textdump_aligned_table_with_repeated_header_kept() -> None:
    """A rendered table: cells aligned by runs of spaces, its title-cased header printed twice
    (thead repeated), a year in a cell; none of that makes it chrome."""
    header = "  Pos  Player         Points  Season"
    rows = [f"  {n}    Driver Number{n}  {500 - n}     2019" for n in range(1, 7)]
    table = "\n".join([header, header, *rows])
    dump = clean_dump(_page(_paragraph(1), table, _paragraph(2)))
    assert dump.paragraphs[0] == _paragraph(1) and dump.paragraphs[-1] == _paragraph(2)
    assert dump.paragraphs.count("Pos Player Points Season") == 2
    assert "1 Driver Number1 499 2019" in dump.paragraphs


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


def test_textdump_teaser_headlines_between_prose_not_bridged() -> None:
    teaser = "DON'T MISS\nSenate Passes Sweeping Rights And Democracy Bill"
    dump = clean_dump(_page(_paragraph(1), _paragraph(2), teaser, _paragraph(3)))
    assert "DON'T MISS" not in dump.paragraphs
    assert "Senate Passes Sweeping Rights And Democracy Bill" not in dump.paragraphs


def test_textdump_long_comment_thread_loses_to_article_above() -> None:
    article = [_paragraph(n) for n in range(3)]
    thread = [f"Reader {n}\n{_paragraph(20 + n)} I think so too, number {n}." for n in range(8)]
    dump = clean_dump(_page(*article, "[ 42 comments ]", *thread))
    assert dump.paragraphs == article


def test_textdump_growth_stops_at_byline_above_article() -> None:
    standfirst = "Officials say the road will reopen soon."
    dump = clean_dump(_page(standfirst, "By Jane Roe", _paragraph(1), _paragraph(2)))
    assert dump.paragraphs == [_paragraph(1), _paragraph(2)]
