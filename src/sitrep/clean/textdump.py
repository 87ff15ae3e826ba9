"""A block classifier for page text captured from a browser or an HTML-to-text renderer.

Such a dump holds the article among menus, bylines, captions, link lists, promos and footers.
Each non-empty line is one block. A block is prose when it is long enough, ends like a
sentence and has the stop-word density of running English; it is chrome when it is a list
bullet, a repeated line, a link-like "Label: Headline", a short non-sentence, or a promo
closing on a call to action. The article is the densest run of prose (a maximum-sum segment
over per-block weights: prose counts its words, chrome costs a penalty), read from the first
to the last prose block of that run. Nothing here knows any site.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from sitrep.clean.blockmodel import FEATURE_NAMES, FloatArray, load_model
from sitrep.clean.knowledge import lowercase_list, lowercase_set, stop_words
from sitrep.clean.language import SAMPLE_CHARS, detect_language, same_language
from sitrep.records import Caption, RelatedLink

_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_BULLET = re.compile(r"^[•*+\-–—·▪►›»|]\s*")
_SENTENCE_END = re.compile(r"[.!?…。！？:][\"'”’)\]」』]*$")
_LABELLED_HEADLINE = re.compile(r"^(?P<label>[A-Z][\w’' ]{1,24}):\s+(?P<headline>\S.{8,})$")
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff]")  # Thai, kana, Han
DATE_SHAPE = re.compile(
    r"\b(1[89]|20)\d\d\b|\d:\d\d|\bago\b"
)  # a year, a clock time, "2 hours ago"
BYLINE = re.compile(r"^by\b", re.IGNORECASE)
# "(Image: GETTY)", "[VIDEO]": a photo credit or a link tag closing the line.
TRAILING_TAG = re.compile(r"[(\[](?:[^()\[\]]*:[^()\[\]]*|\s*[A-Z]{3,}\s*)[)\]]\W*$")
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z’' ]{2,}:")  # "SEE MORE: ..."
_DIGITS = re.compile(r"\d+")
_NON_LETTER = re.compile(r"[\W_]+")
_LAST_SENTENCE = re.compile(r"(?:^|[.!?…]\s+)([^.!?…]+[.!?…]?)\s*$")
_BRACKETED_TAIL = re.compile(r"[(\[]([^()\[\]]+)[)\]]\W*$")
_COLUMN_GAP = re.compile(r"\S(?: {2,}|\t+)(?=\S)")  # text renderers align table cells with spaces
_SPACE_RUN = re.compile(r"\s+")  # what str.split() splits on
_PUNCTUATION = re.compile(r"[,;:()\"“”]")
_LINK_SEPARATOR = re.compile(r"\s[|•·/»›]\s")
_SLICE_CHARS = 65_536

# Thresholds tuned on the development pages of the article-extraction set.
MIN_PROSE_WORDS = 6
LONG_PROSE_WORDS = 25  # a line this long is prose even without a full stop
MIN_STOP_SHARE = 0.2
_LETTERS_PER_WORD = 2
PROMO_TAIL_WORDS = 8  # a call to action closes a promo within its last few words
CHROME_BASE_COST = 3.0
CHROME_WORD_COST = 0.5
NEIGHBOURHOOD = 2  # blocks on each side that decide whether a prose block is an island
MIN_ISLAND_FACTOR = 0.3
MIN_LIST_ITEM_WORDS = 4
MAX_BRIDGE_LINES = 60  # a table or list inside an article, between two paragraphs
MAX_COMMENT_CUE_WORDS = 5
MIN_HEADLINE_WORDS = 3
MIN_TABLE_COLUMNS = 3
MAX_WIDGET_LABEL_WORDS = 12
HEADLINE_CAPITALISED_SHARE = 0.6
MIN_WORDS_BEFORE_COMMENTS = 50
COMMENT_FACTOR = 0.0  # a reader thread, however long, never outweighs the article above it
INNER_CUTOFF_SHARE = 0.6  # chosen on the out-of-fold figures of bench/train_textdump.py
SHORT_WINDOW = 2  # blocks on each side in the near-neighbourhood features
WIDE_WINDOW = 6


@dataclass(slots=True)
class Block:
    """One non-empty line of the dump and the features the classifier reads."""

    index: int
    text: str
    indent: int
    words: int
    stop_share: float
    sentence_end: bool
    bullet: bool
    table_row: bool = False  # cells aligned in columns: a table inside the article
    interstitial: bool = False  # an ad-slot label or a credited caption the article flows past
    repeats: int = 1
    english: bool = True  # the page is English, so stop-word density is a usable cue
    caption: bool = False
    related: str | None = None  # the headline when the block is a "Label: Headline" link
    promo: bool = False
    comment_cue: bool = False  # the header of a comment section ("Leave a reply", "12 comments")

    @property
    def prose(self) -> bool:
        if self.interstitial or self.caption or self.promo or self.related or self.repeats > 1:
            return False
        if self.words < MIN_PROSE_WORDS or (self.english and self.stop_share < MIN_STOP_SHARE):
            return False
        return self.sentence_end or self.words >= LONG_PROSE_WORDS


@dataclass(slots=True)
class CleanedDump:
    """The article found in a text dump, with the blocks around it for metadata cues."""

    blocks: list[Block]
    body: list[Block]
    start: int  # index into `blocks` of the first body block
    end: int  # index into `blocks` one past the last body block
    captions: list[Caption] = field(default_factory=list)
    related_links: list[RelatedLink] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [block.text for block in self.body]


def split_blocks(text: str) -> list[Block]:
    """Every non-empty line as a Block with its features (captions and repeats included)."""
    blocks: list[Block] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        bullet = bool(_BULLET.match(stripped)) and not stripped.startswith("--")
        content = _BULLET.sub("", stripped) if bullet else stripped
        if not content:
            continue
        # Matches are counted, never listed: a list of every word of a one-line page of
        # megabytes costs ten times the page.
        words = stops = 0
        for match in _WORD.finditer(content):
            words += 1
            stops += match.group().lower() in stop_words()
        # Scripts written without spaces count about one word per two characters.
        size = words + _count(_UNSPACED_SCRIPT, content) // _LETTERS_PER_WORD
        blocks.append(
            Block(
                index=len(blocks),
                text=_collapsed(content, _SPACE_RUN),
                indent=len(line) - len(line.lstrip()),
                words=size,
                stop_share=stops / words if words else 0.0,
                sentence_end=bool(_SENTENCE_END.search(content)),
                bullet=bullet,
                table_row=_count(_COLUMN_GAP, content) + 1 >= MIN_TABLE_COLUMNS,
            )
        )
    counts = Counter(block.text for block in blocks)
    english = _is_english(blocks)
    for block in blocks:
        block.english = english
        block.repeats = counts[block.text]
        block.related = _related_headline(block)
        block.promo = _is_promo(block)
        block.comment_cue = _is_comment_cue(block)
        block.interstitial = _is_interstitial(block)
    _mark_captions(blocks)
    return blocks


def _count(pattern: re.Pattern[str], text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _collapsed(text: str, run: re.Pattern[str]) -> str:
    """`run.sub(" ", text)`, slice by slice: re.sub lists every piece between its matches
    before joining them, ten times the size of a long line. Each slice is extended to the
    end of a run it cuts, so the result is the same."""
    if all(match.group() == " " for match in run.finditer(text)):
        return text  # nothing to collapse: no copy
    pieces = []
    start = 0
    while start < len(text):
        end = start + _SLICE_CHARS
        cut = run.match(text, end)
        if cut is not None:
            end = cut.end()
        pieces.append(run.sub(" ", text[start:end]))
        start = end
    return "".join(pieces)


def _is_english(blocks: list[Block]) -> bool:
    """Whether the page's prose (its long blocks) is English, the stop list's language."""
    # The detector reads a sample; joining more than it reads would cost the whole page.
    sample: list[str] = []
    size = 0
    for block in blocks:
        if block.words >= MIN_PROSE_WORDS and size < SAMPLE_CHARS:
            sample.append(block.text)
            size += len(block.text) + 1
    return same_language(detect_language("\n".join(sample)), "en")


@dataclass(frozen=True, slots=True)
class PageLayout:
    """Where the densest run of prose lies and which lines sit between prose lines."""

    start: int
    end: int
    between: frozenset[int]
    comments_from: int


def block_features(blocks: list[Block], layout: PageLayout) -> FloatArray:
    """One row of `FEATURE_NAMES` per block: what the model scores."""
    count = len(blocks)
    if count == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    prose = np.array([float(block.prose) for block in blocks])
    log_words = np.array([math.log1p(block.words) for block in blocks])
    stop_share = np.array([block.stop_share for block in blocks])
    chars = np.cumsum([len(block.text) for block in blocks], dtype=np.float64)
    total_chars = chars[-1] or 1.0
    run_indents = [blocks[i].indent for i in range(layout.start, layout.end)]
    run_indent = float(np.median(run_indents)) if run_indents else 0.0
    run_words = sum(blocks[i].words for i in range(layout.start, layout.end))
    page_words = sum(block.words for block in blocks) or 1
    rows: list[list[float]] = []
    for position, block in enumerate(blocks):
        text = block.text
        words = _WORD.findall(text)
        letters = [ch for ch in text if ch.isalpha()]
        rows.append(
            [
                log_words[position],
                math.log1p(len(text)),
                block.stop_share,
                float(block.sentence_end),
                float(block.bullet),
                float(block.table_row),
                float(block.interstitial),
                math.log(block.repeats),
                float(block.caption),
                float(block.related is not None),
                float(block.promo),
                float(block.comment_cue),
                sum(1 for word in words if word[0].isupper()) / len(words) if words else 0.0,
                sum(1 for ch in text if ch.isdigit()) / len(text),
                sum(1 for ch in letters if ch.isupper()) / len(letters) if letters else 0.0,
                len(_PUNCTUATION.findall(text)) / max(1, len(words)),
                sum(len(word) for word in words) / len(words) if words else 0.0,
                float(len(_LINK_SEPARATOR.findall(text))),
                float(bool(DATE_SHAPE.search(text))),
                float(bool(BYLINE.match(text))),
                float(is_widget_label(block)),
                float(headline_shaped(block)),
                float(bool(TRAILING_TAG.search(text))),
                math.log1p(block.indent),
                abs(block.indent - run_indent),
                prose[position],
                position / count,
                chars[position] / total_chars,
                _window_mean(prose, position, SHORT_WINDOW),
                _window_mean(prose, position, WIDE_WINDOW),
                _window_mean(log_words, position, SHORT_WINDOW),
                _window_mean(log_words, position, WIDE_WINDOW),
                _window_mean(stop_share, position, SHORT_WINDOW),
                prose[position - 1] if position > 0 else 0.0,
                prose[position + 1] if position + 1 < count else 0.0,
                float(layout.start <= position < layout.end),
                math.log1p(max(0, layout.start - position)),
                math.log1p(max(0, position - layout.end + 1)),
                float(position in layout.between),
                float(position > layout.comments_from),
                run_words / page_words,
                math.log1p(count),
            ]
        )
    return np.array(rows, dtype=np.float64)


def _window_mean(values: FloatArray, position: int, radius: int) -> float:
    """The mean of `values` around `position`, the position itself left out."""
    low, high = max(0, position - radius), min(len(values), position + radius + 1)
    total = float(values[low:high].sum() - values[position])
    size = high - low - 1
    return total / size if size else 0.0


def page_layout(blocks: list[Block]) -> PageLayout:
    """The densest run of prose, the lines between prose lines and where comments start."""
    between = _between_prose(blocks)
    start, end = _densest_run(blocks, between)
    start, end, bridged = _grow(blocks, start, end)
    return PageLayout(
        start=start,
        end=end,
        between=frozenset(between | bridged),
        comments_from=_comments_start(blocks),
    )


def select_body(
    blocks: list[Block], probabilities: FloatArray, cutoff: float, comments_from: int
) -> list[Block]:
    """The article: the maximum-sum run of blocks weighted by how far the model's body
    probability lies above `cutoff` (times their words), and inside that run every block at
    least `INNER_CUTOFF_SHARE * cutoff` likely (a short line between paragraphs). Lines that
    are chrome by their shape (see `_is_chrome`) and prose under a comment-section header
    never count as body; ad labels and credited captions are crossed but left out."""
    likely = [
        0.0 if _is_chrome(block) or block.index > comments_from else float(probability)
        for block, probability in zip(blocks, probabilities, strict=True)
    ]
    best_sum, best = 0.0, (0, 0)
    running, run_start = 0.0, 0
    for position, (block, probability) in enumerate(zip(blocks, likely, strict=True)):
        if running <= 0:
            running, run_start = 0.0, position
        running += (probability - cutoff) * max(1, block.words)
        if running > best_sum:
            best_sum, best = running, (run_start, position + 1)
    inner = INNER_CUTOFF_SHARE * cutoff
    return [
        block
        for block in blocks[best[0] : best[1]]
        if likely[block.index] >= inner and not block.interstitial
    ]


def _is_chrome(block: Block) -> bool:
    """A caption, a promo, a "Label: Headline" link, a widget label, a comment-section header,
    or a line printed more than once on the page (a table row may repeat: a header printed
    twice)."""
    if block.caption or block.promo or block.related is not None or block.comment_cue:
        return True
    if is_widget_label(block):
        return True
    return block.repeats > 1 and not block.table_row


def clean_dump(text: str) -> CleanedDump:
    """Find the article in a text dump; an empty body when the page holds no prose."""
    blocks = split_blocks(text)
    layout = page_layout(blocks)
    model = load_model()
    probabilities = model.probabilities(block_features(blocks, layout))
    body = select_body(blocks, probabilities, model.cutoff, layout.comments_from)
    start = body[0].index if body else layout.start
    end = body[-1].index + 1 if body else layout.start
    run = blocks[start:end]
    captions = [
        Caption(text=block.text, credit=None)
        for block in blocks[max(0, start - 10) : end]
        if block.caption and not block.bullet
    ]
    captions += [c for block in run if (c := _credited_caption(block)) is not None]
    related = [RelatedLink(title=block.related) for block in run if block.related is not None]
    return CleanedDump(
        blocks=blocks,
        body=body,
        start=start,
        end=end,
        captions=_merge_caption_credits(captions),
        related_links=related,
    )


def _densest_run(blocks: list[Block], between: set[int]) -> tuple[int, int]:
    """The maximum-sum segment of block weights (a maximum-subarray scan) that crosses no
    comment-section header."""
    best_sum, best = 0.0, (0, 0)
    running, run_start = 0.0, 0
    for position, weight in enumerate(_weights(blocks, between)):
        if blocks[position].comment_cue:
            running = 0.0
            continue
        if running <= 0:
            running, run_start = 0.0, position
        running += weight
        if running > best_sum:
            best_sum, best = running, (run_start, position + 1)
    return best


def _weights(blocks: list[Block], between: set[int]) -> list[float]:
    """Prose counts its words, scaled down when its neighbours are chrome: an article is a
    run of paragraphs, while teasers and comments are prose islands between link lines.
    Article-like lines between prose (a table, a list) cost nothing and isolate nothing.
    Prose below a comment-section header counts for nothing once article prose stands above
    the header (a long thread would otherwise outweigh a short article)."""
    prose = [block.prose for block in blocks]
    comments_from = _comments_start(blocks)
    weights: list[float] = []
    for position, block in enumerate(blocks):
        if position in between:
            weights.append(0.0)
            continue
        if not prose[position]:
            weights.append(-(CHROME_BASE_COST + CHROME_WORD_COST * block.words))
            continue
        window = [
            prose[near]
            for near in range(max(0, position - NEIGHBOURHOOD), position + 1 + NEIGHBOURHOOD)
            if near != position and near < len(blocks) and near not in between
        ]
        share = sum(window) / len(window) if window else 1.0
        factor = COMMENT_FACTOR if position > comments_from else 1.0
        weights.append(block.words * max(MIN_ISLAND_FACTOR, share) * factor)
    return weights


def _comments_start(blocks: list[Block]) -> int:
    """The first comment-section header below some article prose; len(blocks) if none (a
    "0 comments" link beside the byline opens no thread)."""
    prose_words = 0
    for position, block in enumerate(blocks):
        if block.comment_cue and prose_words >= MIN_WORDS_BEFORE_COMMENTS:
            return position
        if block.prose:
            prose_words += block.words
    return len(blocks)


def _grow(blocks: list[Block], start: int, end: int) -> tuple[int, int, set[int]]:
    """Widen the densest run over short gaps of article-like lines (a table, a list) to the
    prose beyond them, in both directions; the lines crossed are article text. Upwards the
    growth stops at the byline or dateline: the article starts below them."""
    bridged: set[int] = set()
    while (gap := _gap(blocks, range(end, len(blocks)))) is not None:
        bridged.update(gap)
        end = max(gap, default=end - 1) + 2
    while (gap := _gap(blocks, range(start - 1, -1, -1), upwards=True)) is not None:
        bridged.update(gap)
        start = min(gap, default=start) - 1
    return start, end, bridged


def _between_prose(blocks: list[Block]) -> set[int]:
    """Every line in a bridgeable gap between two prose lines (see `_gap`)."""
    between: set[int] = set()
    for position, block in enumerate(blocks):
        if block.prose and (gap := _gap(blocks, range(position + 1, len(blocks)))):
            between.update(gap)
    return between


def _gap(blocks: list[Block], positions: range, *, upwards: bool = False) -> list[int] | None:
    """The bridgeable lines between the run's edge and the next prose line along
    `positions`; None when there is no such prose line or a line on the way is chrome."""
    gap: list[int] = []
    for position in positions:
        block = blocks[position]
        if block.prose:
            return gap
        if len(gap) == MAX_BRIDGE_LINES:
            return None
        if block.interstitial:  # crossed, and left out of the body
            gap.append(position)
            continue
        if not _bridgeable(block):
            return None
        if not block.table_row and (DATE_SHAPE.search(block.text) or BYLINE.match(block.text)):
            return None
        gap.append(position)
    return None


def _bridgeable(block: Block) -> bool:
    """A line that may sit inside an article: not chrome, not a teaser headline. A table row
    may repeat (a header printed twice) and hold dates."""
    if block.table_row:
        return True
    if block.caption or block.promo or block.related or block.comment_cue or block.repeats > 1:
        return False
    if block.bullet and block.words < MIN_LIST_ITEM_WORDS:
        return False
    if TRAILING_TAG.search(block.text) or is_widget_label(block):
        return False
    return not headline_shaped(block)


def is_widget_label(block: Block) -> bool:
    """A short line opening with a widget label ("DON'T MISS", "See more: ..."), or a short
    all-capitals line without figures (a kicker, not a table row)."""
    if _CAPS_LABEL.match(block.text):
        return True
    if block.words > MAX_WIDGET_LABEL_WORDS:
        return False
    shouting = block.text.isupper() and not any(ch.isdigit() for ch in block.text)
    return shouting or block.text.lower().startswith(lowercase_list("widget_labels.txt"))


def headline_shaped(block: Block) -> bool:
    """Three or more words, mostly capitalised, not a sentence: a teaser or link title."""
    if block.sentence_end:
        return False
    words, capitalised = _capitalised_words(block.text)
    if words < MIN_HEADLINE_WORDS:
        return False
    return capitalised / words >= HEADLINE_CAPITALISED_SHARE


def _capitalised_words(text: str) -> tuple[int, int]:
    """(words, capitalised words) in `text`, counted without listing them."""
    words = capitalised = 0
    for match in _WORD.finditer(text):
        words += 1
        capitalised += match.group()[0].isupper()
    return words, capitalised


def _is_interstitial(block: Block) -> bool:
    """ "Continue reading below", "Advertisement", or a caption closing on a credit
    ("... (AP Photo/Alan Diaz, File)")."""
    # Runs of non-letters (spaces included) become one space.
    letters = _collapsed(block.text.lower(), _NON_LETTER).strip()
    return letters in lowercase_set("interstitials.txt") or _credited_caption(block) is not None


def _credited_caption(block: Block) -> Caption | None:
    """A line closing on a bracketed photo credit, as a caption with that credit."""
    tail = _BRACKETED_TAIL.search(block.text)
    if tail is None:
        return None
    words = {word.lower() for word in _WORD.findall(tail.group(1))}
    if not words & lowercase_set("credit_words.txt"):
        return None
    return Caption(text=block.text[: tail.start()].strip(), credit=tail.group(1).strip())


def _is_comment_cue(block: Block) -> bool:
    if block.words > MAX_COMMENT_CUE_WORDS:
        return False
    shape = " ".join(_NON_LETTER.sub(" ", _DIGITS.sub("n", block.text.lower())).split())
    return shape in lowercase_set("comment_cues.txt")


def _related_headline(block: Block) -> str | None:
    """A "Label: Headline" line whose headline is title-cased and not a sentence."""
    match = _LABELLED_HEADLINE.match(block.text)
    if match is None or block.sentence_end:
        return None
    label_words = match.group("label").split()
    if len(label_words) > 3:
        return None
    headline = match.group("headline").strip()
    words, capitalised = _capitalised_words(headline)
    if words < 3:
        return None
    if capitalised / words < 0.6:
        return None
    return headline


def _is_promo(block: Block) -> bool:
    """Prose whose closing words are a call to action ("... Register here.")."""
    if not block.sentence_end and not block.text.endswith(("»", "→", ">")):
        return False
    match = _LAST_SENTENCE.search(block.text)
    tail = (match.group(1) if match else block.text).lower()
    if len(tail.split(maxsplit=PROMO_TAIL_WORDS)) > PROMO_TAIL_WORDS:
        return False
    return any(phrase in tail for phrase in lowercase_list("call_to_action.txt"))


def _mark_captions(blocks: list[Block]) -> None:
    """A line followed by itself with a credit glued on is a caption, and so is that copy."""
    for block, following in itertools.pairwise(blocks):
        if (
            block.words >= 3
            and following.text.startswith(block.text)
            and following.text != block.text
        ):
            block.caption = True
            following.caption = True


def _merge_caption_credits(captions: list[Caption]) -> list[Caption]:
    """Turn "caption" + "caption<credit>" pairs into one Caption with its credit."""
    merged: list[Caption] = []
    for caption in captions:
        previous = merged[-1] if merged else None
        if previous is not None and caption.text.startswith(previous.text):
            credit = caption.text[len(previous.text) :].strip(" .–—-|")
            previous.credit = credit or None
        elif caption.text not in {c.text for c in merged}:
            merged.append(caption)
    return merged
