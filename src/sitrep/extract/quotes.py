"""Quotes: direct quotations and indirect speech, each with its speaker and channel.

A quoted passage takes the attribution whose reported content holds it, else the nearest
in its own sentences; a passage with none continues the quote next to it in the same
paragraph ("“...,” said Krieg. “At this moment ...”"; the quote before may be too short
to count itself), or, left open at a paragraph's end, the quote that picks it up in the
next; a paragraph that opens with a quote of whole sentences continues the last quote of
the paragraph before, or the last speaker when the narration just before is about them
("Cole has led the city since 2015.¶“We owe …”"). A phrase without a verb inside the
narration ("was charged with “subversion of state power”") continues only the quote just
before it. Passages that no
source speaks (scare quotes, titles) are not quotes, nor are names of works, slogans and
nicknames: title-case words with no sentence end ("Meet the Press", "Make America Great
Again"), a sentence of title-case words ("We Got Her!"), capitalised words a title cue
stands before ("the show", "dubbed"), or the name a naming verb gives ("called his rival
“Shifty”"). A short passage (a word or a phrase) is a partial quote when an
attribution's reported content holds it ("said the actions were “unethical”"). Every
speech attribution whose content holds no quote marks is indirect speech ("Lavrov said
Moscow is trying ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from sitrep.annotate.mentions import MentionIndex
from sitrep.extract.attribution import (
    NAMING_CUE,
    Attribution,
    Attributions,
    find_attributions,
    opens_after,
)
from sitrep.extract.quote_marks import CLOSING_MARKS, OPENING_MARKS, QuoteMarks
from sitrep.extract.reference import resolve_references
from sitrep.extract.sourcing import lexicon
from sitrep.records import Article, Quote, Span

# Fewer words than this between quote marks is a quotation only as part of reported speech
# ("called the plan “reckless”"); alone it is a scare quote or a term.
MIN_QUOTE_WORDS = 3
# Words a title may leave in lower case ("Meet the Press", "Game of Thrones", "War & Peace").
_TITLE_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "and",
    "&",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
}
_VERBS = {"VERB", "AUX"}
# Title-case words in a passage this long are a headline or slogan even with a sentence end.
_HEADLINE_WORDS = 3
_MARKS_AND_SPACE = "".join(OPENING_MARKS) + " "
# A quote that ends in one of these is made of sentences, not a heading or a term.
_SENTENCE_ENDS = ".!?…"


@dataclass(frozen=True, slots=True)
class QuotedPassage:
    """A passage between quote marks with the attribution that speaks it."""

    marks: QuoteMarks
    attribution: Attribution


def find_quotes(article: Article, doc: Doc) -> list[Quote]:
    attributions = find_attributions(article, doc)
    passages = quoted_passages(article, doc)
    quotes = [_direct_quote(article, p) for p in passages]
    quotes += [
        _indirect_quote(article, a)
        for a in attributions.items
        if a.speech and not any(_holds(a, p.marks) or _inside(a, p.marks) for p in passages)
    ]
    return sorted(quotes, key=lambda q: q.start)


def quoted_passages(article: Article, doc: Doc) -> list[QuotedPassage]:
    """Every passage between quote marks that a source speaks, in text order."""
    attributions = find_attributions(article, doc)
    marks = attributions.quote_marks
    body = article.body
    names = [_names_something(body, m) for m in marks]
    # A whole sentence, however short ("“Step out.”"), is a quotation too.
    long = [
        (_word_count(body, m) >= MIN_QUOTE_WORDS or _whole_sentence(body, m)) and not named
        for m, named in zip(marks, names, strict=True)
    ]
    spoken: list[Attribution | None] = [
        None if named else _own_attribution(article, doc, attributions, m)
        for m, named in zip(marks, names, strict=True)
    ]
    # A partial quote: a short passage inside what someone is reported to say, but not a
    # name a naming verb gives ("called the senator “Pocahontas”" is a nickname).
    kept = [
        is_long or (a is not None and not named and _holds(a, m) and not _name_given(body, a, m))
        for m, a, is_long, named in zip(marks, spoken, long, names, strict=True)
    ]
    # A short quote is no quotation itself, but the next one can continue its speaker:
    # "“That's right,” she said. “We will ...”"
    for i in range(len(marks)):
        if spoken[i] is None and long[i] and _narration_term(article, doc, marks[i]):
            spoken[i] = _term_of_speaker_before(article, marks, spoken, i)
        elif spoken[i] is None and long[i]:
            spoken[i] = (
                _introduced(article, attributions, marks, i)
                or _continued(article.body, marks, spoken, names, i)
                or _after_narration_about_speaker(article, doc, attributions, marks, i)
            )
    return [
        QuotedPassage(m, a)
        for m, a, keep in zip(marks, spoken, kept, strict=True)
        if a is not None and keep
    ]


def _narration_term(article: Article, doc: Doc, marks: QuoteMarks) -> bool:
    """A phrase without a verb, after a verb of the narration in its sentence ("was charged
    with “subversion of state power”", "Beijing has the “resolution and strength”"): the
    narration borrows the words, where a quote that goes on from a speaker opens its
    sentence, follows a bare lead-in ("And then: “Did you …?”"), is whole sentences or says
    something itself."""
    sentence = next((s for s in article.sentences if s.start <= marks.start < s.end), None)
    if sentence is None or article.body[marks.end - 1] in _SENTENCE_ENDS:
        return False
    before = doc.char_span(sentence.start, marks.start, alignment_mode="contract")
    inside = doc.char_span(marks.start, marks.end, alignment_mode="expand")
    return (
        before is not None
        and inside is not None
        and any(t.pos_ in _VERBS for t in before)
        and not any(t.pos_ in _VERBS for t in inside)
    )


def _term_of_speaker_before(
    article: Article, marks: list[QuoteMarks], spoken: list[Attribution | None], i: int
) -> Attribution | None:
    """The speaker whose words the narration borrows: that of the quote just before, in
    this sentence or the one before it ("“We will not yield,” the envoy said. Beijing has
    the “resolution and strength” …"). A speaker met only later, or further back, is not
    yet, or no longer, the one quoted."""
    if i == 0 or spoken[i - 1] is None:
        return None
    between = [
        s for s in article.sentences if marks[i - 1].end <= s.start and s.end <= marks[i].start
    ]
    return spoken[i - 1] if not between else None


def _names_something(body: str, marks: QuoteMarks) -> bool:
    """A title, slogan or nickname: title-case words that end no sentence, or a cue before."""
    before = body[max(0, marks.start - 30) : marks.start].rstrip(_MARKS_AND_SPACE).lower().split()
    # "the show “Meet the Press”", "an episode of “DWTS.”"
    if before[-1:] == ["of"]:
        before.pop()
    text = body[marks.start : marks.end]
    # A title is capitalised: "called the book “full of lies”" quotes a judgement of it.
    if before and before[-1] in lexicon().title_cues and (text[:1].isupper() or text[:1].isdigit()):
        return True
    words = [w.strip("'’,:;()!?.…") for w in text.split()]
    words = [w for w in words if w]
    titled = all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)
    ends_sentence = text[-1:] in ".!?…"
    # A sentence of capitalised words, not shouted, is a headline or slogan ("We Got Her!",
    # "Less Money on Testing, More Money on Students."): speech is written in sentence case.
    if ends_sentence and len(words) >= _HEADLINE_WORDS and titled:
        return not any(w.isupper() for w in words)
    # Speech punctuation inside the marks ('“Amazing,” she said') makes it something said,
    # but title-case words inside a sentence are a title whatever the comma the style puts
    # inside the marks ("Speaking on CNN’s “State of the Union,” Sanders said").
    if ends_sentence or (
        body[marks.end : marks.end + 1] in {",", "?", "!"}
        and not (body[marks.end] == "," and _inside_sentence(body, marks))
    ):
        return False
    return len(words) >= 2 and titled


def _name_given(body: str, attribution: Attribution, marks: QuoteMarks) -> bool:
    """ "called the senator “Pocahontas”", "dubbed the probe “Spygate”": the words a naming
    verb applies, capitalised as a name and ending no sentence, are a nickname or a name, not
    words quoted ("called the plan “reckless”" quotes a judgement)."""
    text = body[marks.start : marks.end]
    words = [w.strip("'’,:;()") for w in text.split()]
    return (
        attribution.cue == NAMING_CUE
        and text[-1:] not in _SENTENCE_ENDS
        and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words if w)
    )


def _inside_sentence(body: str, marks: QuoteMarks) -> bool:
    """The passage follows a word of its sentence, not a sentence end, a colon or a comma
    ("said, “…”") where a quote opens."""
    before = body[: marks.start].rstrip(_MARKS_AND_SPACE)
    return not marks.opens_paragraph and before[-1:].isalnum()


def _own_attribution(
    article: Article, doc: Doc, attributions: Attributions, marks: QuoteMarks
) -> Attribution | None:
    # What an attribution reports may lie outside its sentence ("“...!” Officers shouted.").
    holding = _innermost([a for a in attributions.items if _holds(a, marks)])
    # "recalled that Devlin said, “…,” the office said": a report whose cue the quote opens
    # right after ("said, “") speaks it, however the parse hung the report trailing it.
    opened = [a for a in holding if opens_after(article.body, doc[a.cue_token], marks)]
    if opened:
        return opened[0]
    if holding:
        # Of reports side by side, the one whose verb governs the quoted words most closely
        # ("released a report, which Ruiz called “…”" is Ruiz's).
        inside = doc.char_span(marks.start, marks.end, alignment_mode="expand")
        governing = [
            a
            for a in holding
            if inside is not None and any(doc[a.cue_token].is_ancestor(t) for t in inside)
        ]
        closest = [
            a
            for a in governing
            if not any(doc[a.cue_token].is_ancestor(doc[b.cue_token]) for b in governing)
        ]
        return (closest or holding)[0]
    sentences = [
        i for i, s in enumerate(article.sentences) if s.start < marks.end and s.end > marks.start
    ]
    candidates = _innermost([a for a in attributions.items if a.sentence in sentences])
    if not candidates:
        return None
    return min(candidates, key=lambda a: _distance(a, marks))


def _innermost(attributions: list[Attribution]) -> list[Attribution]:
    """Of layered reports, those no other reports: "“…,” we heard him say" is his words,
    not ours."""
    inner = [
        a
        for a in attributions
        if not any(b is not a and a.content_start <= b.start < a.content_end for b in attributions)
    ]
    return inner or attributions


def _introduced(
    article: Article, attributions: Attributions, marks: list[QuoteMarks], i: int
) -> Attribution | None:
    """The speaker of the sentence just before, when no quote stands between them.

    "Soumillon revealed that a pep talk helped him. “I don't know ...”": the quote goes on
    from what its speaker was just reported to say, in the same paragraph, or in the next
    when the quote opens its own paragraph with whole sentences ("She said the plan was a
    disaster.¶“It will cost billions.”"): news style names the speaker of a quote run once.
    """
    here = marks[i]
    first = next(
        (n for n, s in enumerate(article.sentences) if s.start <= here.start - 1 < s.end), None
    )
    if not first:
        return None
    before = article.sentences[first - 1]
    if before.paragraph != article.sentences[first].paragraph and not (
        here.opens_paragraph
        and article.body[here.end - 1] in _SENTENCE_ENDS
        and before.paragraph == here.paragraph - 1
    ):
        return None
    if i > 0 and marks[i - 1].end > before.start:
        return None
    speech = [a for a in attributions.items if a.sentence == first - 1 and a.speech]
    return speech[-1] if speech else None


def _after_narration_about_speaker(
    article: Article, doc: Doc, attributions: Attributions, marks: list[QuoteMarks], i: int
) -> Attribution | None:
    """The last speaker, when the sentence just before is narration about them.

    "Mayor Ann Cole said the city would keep its schools.¶Cole has led the city since
    2015.¶“We owe our children better.”": a paragraph of whole quoted sentences with no cue
    goes on with the speaker the narration between is about (its main subject), who is the
    last one reported speaking: news style names the speaker of a quote run once.
    """
    here = marks[i]
    body = article.body
    if not here.opens_paragraph or body[here.end - 1] not in _SENTENCE_ENDS:
        return None
    first = next(
        (n for n, s in enumerate(article.sentences) if s.start <= here.start - 1 < s.end), None
    )
    if not first:
        return None
    before = article.sentences[first - 1]
    if before.paragraph != here.paragraph - 1 or any(
        m.start < before.end and m.end > before.start for m in marks
    ):
        return None
    earlier = [a for a in attributions.items if a.speech and a.end <= before.start]
    speaker = earlier[-1].source.actor_id if earlier else None
    sentence = doc.char_span(before.start, before.end, alignment_mode="expand")
    if speaker is None or sentence is None:
        return None
    references = resolve_references(article, doc)
    mentions = MentionIndex(article)
    for subject in (t for t in sentence if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"):
        referent = references.of(subject)
        actor = mentions.actor(subject.idx, subject.idx + len(subject))
        if speaker in {referent.actor_id if referent else None, actor.id if actor else None}:
            return earlier[-1]
    return None


def _continued(
    body: str,
    marks: list[QuoteMarks],
    spoken: list[Attribution | None],
    names: list[bool],
    i: int,
) -> Attribution | None:
    """The speaker of the nearest attributed quote it continues.

    That is the quote before or after it in its paragraph, one that picks up its open end
    in the next paragraph, or, for a quote that opens its paragraph and ends a sentence,
    the last quote of the paragraph before: news style gives a speaker's further
    paragraphs no attribution (a quoted line with no full stop is a heading).
    """
    here = marks[i]
    # A title between ("said on “Fox News Sunday.” “…”") is no quote to continue.
    before = [
        j for j in range(i - 1, -1, -1) if marks[j].paragraph == here.paragraph and not names[j]
    ]
    after = [j for j in range(i + 1, len(marks)) if marks[j].paragraph == here.paragraph]
    if here.open_end:
        after += [j for j in range(i + 1, len(marks)) if marks[j].paragraph == here.paragraph + 1]
    nearest = [*before[:1], *after[:1], *after[1:2]]
    if (
        here.opens_paragraph
        and body[here.end - 1] in _SENTENCE_ENDS
        and i > 0
        and marks[i - 1].paragraph == here.paragraph - 1
    ):
        nearest.append(i - 1)
    for j in nearest:
        if spoken[j] is not None:
            return spoken[j]
    return None


def _distance(attribution: Attribution, marks: QuoteMarks) -> int:
    if attribution.end <= marks.start:
        return marks.start - attribution.end
    return max(attribution.start - marks.end, 0)


def _holds(attribution: Attribution, marks: QuoteMarks) -> bool:
    return attribution.content_start <= marks.start < attribution.content_end


def _inside(attribution: Attribution, marks: QuoteMarks) -> bool:
    """ "“They never answered. They never even wrote back,” she said": what the cue reports
    lies inside a direct quote, the same words, not indirect speech besides."""
    return marks.start <= attribution.content_start and attribution.content_end <= marks.end


def _whole_sentence(body: str, marks: QuoteMarks) -> bool:
    """The passage is a sentence of its own: it opens after another sentence or a paragraph
    break ("…,” an officer ordered. “Step out.”"), not in one ("said on “DWTS.”")."""
    text = body[marks.start : marks.end]
    before = body[: marks.start].rstrip(_MARKS_AND_SPACE)
    # A quote just closed before it ("…,” she said. “…”") ends a sentence too.
    opens = marks.opens_paragraph or before[-1:] in {*_SENTENCE_ENDS, *CLOSING_MARKS}
    return opens and text[:1].isupper() and text[-1:] in _SENTENCE_ENDS


def _word_count(body: str, marks: QuoteMarks) -> int:
    return len(body[marks.start : marks.end].split())


def _sentence_span(article: Article, start: int, end: int) -> Span:
    covering = [s for s in article.sentences if s.start < end and s.end > start]
    if not covering:
        return Span(start, end, article.body[start:end])
    first, last = covering[0].start, covering[-1].end
    return Span(first, last, article.body[first:last])


def _direct_quote(article: Article, passage: QuotedPassage) -> Quote:
    marks, source = passage.marks, passage.attribution
    return Quote(
        text=article.body[marks.start : marks.end],
        start=marks.start,
        end=marks.end,
        direct=True,
        speaker=source.source.name,
        speaker_actor_id=source.source.actor_id,
        channel=source.channel,
        sentence=_sentence_span(article, marks.start, marks.end),
    )


def _indirect_quote(article: Article, attribution: Attribution) -> Quote:
    start, end = attribution.content_start, attribution.content_end
    return Quote(
        text=article.body[start:end],
        start=start,
        end=end,
        direct=False,
        speaker=attribution.source.name,
        speaker_actor_id=attribution.source.actor_id,
        channel=attribution.channel,
        sentence=_sentence_span(article, start, end),
    )
