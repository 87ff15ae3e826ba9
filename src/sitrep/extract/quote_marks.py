"""Quoted passages found by their quote marks, straight or curly, within paragraphs.

A passage left open at the end of a paragraph is closed there and marked `open_end`:
news style opens each paragraph of a multi-paragraph quote again and closes only the last.
A straight opening mark may be closed by a curly one, as pages mix them. An opening mark
met inside an open passage (a curly one, or a straight one after a space and before a word)
starts a new passage and leaves the first open: the paragraphs of a multi-paragraph quote,
run together by a page that lost its breaks.
A passage cut off by such a mark in its own paragraph may have lost its closing mark before
a trailing attribution ("“The suspect took a stance, said Monahan. Four officers fired at
a “pipe …,”"): with the parse, it closes at the comma before that attribution.
Marks set as in TeX or a treebank (``…'') quote as curly ones do. Single marks (‘…’ and
'…') quote too, outside double ones; as they double as apostrophes
("don't", "the players' union"), one opens only before a letter and closes only where no
letter follows, and one left open at the paragraph's end quotes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from sitrep.doc_cache import once_per_doc
from sitrep.extract.sourcing import lexicon
from sitrep.records import PARAGRAPH_SEPARATOR

_CACHE_KEY = "sitrep.extract.quote_marks"
# The words of a speaker in a trailing attribution: "said Monahan", "said Chief Terence Monahan".
_TRAILING_SPEAKER_WORDS = 4

_OPENERS = {"“": "”", "«": "»", "„": "“"}
# Every character that may open, or close, a quoted passage (a TeX or treebank opening is
# two "`", its closing two "'").
OPENING_MARKS = frozenset("\"“‘'«„`")
CLOSING_MARKS = frozenset("\"”’'»")
_STRAIGHT = '"'
_SINGLE_OPENERS = {"‘": {"’"}, "'": {"'", "’"}}
_SINGLE_CLOSERS = {"’", "'"}
# Pages mix their marks ('"Open the door!” an officer shouts'): a passage opened
# with a straight quote also closes at a curly one, which never opens in English.
_STRAIGHT_CLOSERS = {_STRAIGHT, "”"}
# A straight quote opens after a space or bracket and closes before one.
_OPENING_CONTEXT = " \t\n([{—–-/"
_TRAILING_PUNCTUATION = " ,;:\n"


@dataclass(frozen=True, slots=True)
class QuoteMarks:
    """The text between one pair of quote marks, marks excluded."""

    start: int
    end: int
    paragraph: int
    open_end: bool = False
    opens_paragraph: bool = False  # the paragraph begins with this quote's opening mark


def find_quote_marks(body: str) -> list[QuoteMarks]:
    found: list[QuoteMarks] = []
    offset = 0
    for number, paragraph in enumerate(body.split(PARAGRAPH_SEPARATOR)):
        found.extend(_paragraph_quotes(body, offset, paragraph, number))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return found


def quote_marks_of(body: str, doc: Doc) -> list[QuoteMarks]:
    """The passages of `body` (parsed as `doc`), each cut-off one closed at a trailing
    attribution it swallowed; computed once per Doc and shared by every stage."""
    return once_per_doc(doc, _CACHE_KEY, lambda: _repaired(find_quote_marks(body), doc))


def _repaired(found: list[QuoteMarks], doc: Doc) -> list[QuoteMarks]:
    repaired = []
    for i, marks in enumerate(found):
        cut_off = (
            marks.open_end and i + 1 < len(found) and found[i + 1].paragraph == marks.paragraph
        )
        comma = _comma_before_trailing_cue(doc, marks) if cut_off else None
        repaired.append(replace(marks, end=comma, open_end=False) if comma else marks)
    return repaired


def _comma_before_trailing_cue(doc: Doc, marks: QuoteMarks) -> int | None:
    """The offset of the comma before ", said X." or ", X said." inside the passage."""
    span = doc.char_span(marks.start, marks.end, alignment_mode="contract")
    if span is None:
        return None
    for verb in span:
        if lexicon().reporting_verbs.get(verb.lemma_.lower()) is None or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        words = sorted([verb, *subjects[0].subtree], key=lambda t: t.i)
        first, last = words[0], words[-1]
        if (
            len(words) <= _TRAILING_SPEAKER_WORDS + 1
            and words == list(doc[first.i : last.i + 1])
            and first.i > span.start
            and doc[first.i - 1].text == ","
            and _ends_sentence(doc, last)
        ):
            return doc[first.i - 1].idx
    return None


def _ends_sentence(doc: Doc, last: Token) -> bool:
    return last.i + 1 < len(doc) and doc[last.i + 1].text in {".", "!", "?"}


def _paragraph_quotes(body: str, offset: int, paragraph: str, number: int) -> list[QuoteMarks]:
    # Text set with TeX or treebank marks quotes ``like this'': each pair reads as one curly
    # mark, next to a space, so that every offset stays the body's.
    paragraph = paragraph.replace("``", " “").replace("''", "” ")
    found: list[QuoteMarks] = []
    closers: set[str] | None = None
    opened = 0
    for i, char in enumerate(paragraph):
        if closers is not None and _reopening(paragraph, i, closers):
            found.append(_trimmed(body, offset, opened, i, number, open_end=True))
            closers = None
        if closers is None:
            if char in _OPENERS:
                closers = {_OPENERS[char]}
                opened = i + 1
            elif char == _STRAIGHT and _opens(paragraph, i):
                closers = _STRAIGHT_CLOSERS
                opened = i + 1
            elif char in _SINGLE_OPENERS and _opens_single(paragraph, i):
                closers = _SINGLE_OPENERS[char]
                opened = i + 1
        elif char in closers and (char not in _SINGLE_CLOSERS or _closes_single(paragraph, i)):
            found.append(_trimmed(body, offset, opened, i, number, open_end=False))
            closers = None
    if closers is not None and not closers <= _SINGLE_CLOSERS:
        found.append(_trimmed(body, offset, opened, len(paragraph), number, open_end=True))
    return [q for q in found if q.end > q.start]


def _reopening(paragraph: str, i: int, closers: set[str]) -> bool:
    """An opening mark inside an open passage that starts a new one: a curly opener in a
    curly passage (the same mark cannot nest), or a straight mark after a space and before
    a word in a straight passage (a closing mark follows the words it closes)."""
    char = paragraph[i]
    if _STRAIGHT not in closers:
        return char in _OPENERS and char not in closers
    return (
        char == _STRAIGHT
        and i > 0
        and paragraph[i - 1].isspace()
        and i + 1 < len(paragraph)
        and paragraph[i + 1].isalnum()
    )


def _opens_single(paragraph: str, i: int) -> bool:
    return _opens(paragraph, i) and i + 1 < len(paragraph) and paragraph[i + 1].isalpha()


def _closes_single(paragraph: str, i: int) -> bool:
    return i + 1 >= len(paragraph) or not paragraph[i + 1].isalnum()


def _opens(paragraph: str, i: int) -> bool:
    return i == 0 or paragraph[i - 1] in _OPENING_CONTEXT


def _trimmed(
    body: str, offset: int, opened: int, closed: int, paragraph: int, *, open_end: bool
) -> QuoteMarks:
    """The passage between offsets `opened` and `closed` of the paragraph at `offset`."""
    start, end = offset + opened, offset + closed
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1] in _TRAILING_PUNCTUATION:
        end -= 1
    return QuoteMarks(start, end, paragraph, open_end, opens_paragraph=opened == 1)
