"""Input kinds: each a reader registered by name in `READERS` (entry point group
`sitrep.readers`) that turns one document's text into an article's body and metadata.

Reading first decompresses a document and rejects it if it is empty or binary, and splits
a WARC file into its records (a container, not a kind). Then the readers are asked whether
they take the document: those a plugin registers first, in name order, then the built-in
HTML reader (by its markup) and the plain-text reader, which takes the rest. The name a
reader is registered under is the article's `input_kind`.
"""

from __future__ import annotations

from typing import Protocol

from sitrep.clean import clean_text
from sitrep.read.decode import sniff_kind
from sitrep.read.html import extract_html, render_lines
from sitrep.records import Article, InputKind
from sitrep.registry import Registry


class Reader(Protocol):
    def accepts(self, data: bytes) -> bool:
        """Whether this reader takes the document whose decompressed bytes these are."""
        ...

    def read(self, text: str, article: Article) -> None:
        """Fill the article's paragraphs and any metadata found (title, authors, published,
        language as the page declares it...) from the document's decoded text. An article
        left without paragraphs is rejected as holding no article; raise
        `sitrep.errors.DocumentRejected` for any other reason to refuse the document."""
        ...


READERS: Registry[Reader] = Registry("input kind", "sitrep.readers")


def input_kind(data: bytes) -> str:
    """The kind of a document from its decompressed bytes: WARC, a plugin reader's name,
    html or text; raises `DocumentRejected` for an empty or binary document."""
    if sniff_kind(data) == InputKind.WARC:
        return InputKind.WARC
    plugins = [name for name in READERS.names() if name not in BUILT_IN]
    return next(name for name in [*plugins, *BUILT_IN] if READERS.get(name).accepts(data))


class HtmlReader:
    """trafilatura's extraction, with the text-dump cleaner on the rendered page as fallback."""

    def accepts(self, data: bytes) -> bool:
        return sniff_kind(data) == InputKind.HTML

    def read(self, text: str, article: Article) -> None:
        extraction = extract_html(text, article.url)
        article.url = extraction.url
        article.title = extraction.title
        article.authors, article.agencies = extraction.authors, extraction.agencies
        article.published = extraction.published
        article.section, article.outlet = extraction.section, extraction.outlet
        article.paragraphs = extraction.paragraphs
        article.captions, article.related_links = extraction.captions, extraction.related_links
        article.language = extraction.language
        if not article.paragraphs:
            fill_from_text(article, render_lines(text))


# A text that is nothing but a few sentences (a wire snippet, a coded sentence, a pasted
# paragraph) has no page around it for the cleaner to tell the article from: it is the article.
MAX_BARE_LINES = 20
MIN_SENTENCE_WORDS = 4
_SENTENCE_END = (".", "!", "?", '"', "”", "'", "’")


class TextReader:
    """Plain-text captures, through the text-dump cleaner (`sitrep.clean`)."""

    def accepts(self, data: bytes) -> bool:
        return True  # the rest: anything not empty, binary or taken by another reader

    def read(self, text: str, article: Article) -> None:
        fill_from_text(article, text)
        if not article.paragraphs and _only_sentences(text):
            article.paragraphs = [
                " ".join(line.split()) for line in text.splitlines() if line.strip()
            ]


READERS.register(InputKind.HTML, HtmlReader())
READERS.register(InputKind.TEXT, TextReader())
# Asked after any plugin's readers, in this order.
BUILT_IN = (InputKind.HTML, InputKind.TEXT)


def _only_sentences(text: str) -> bool:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return 0 < len(lines) <= MAX_BARE_LINES and all(
        line.endswith(_SENTENCE_END) and len(line.split()) >= MIN_SENTENCE_WORDS for line in lines
    )


def fill_from_text(article: Article, text: str) -> None:
    """Body and any metadata still missing, from the text-dump cleaner."""
    cleaned = clean_text(text)
    meta = cleaned.metadata
    article.paragraphs = cleaned.dump.paragraphs
    article.captions = cleaned.dump.captions
    article.related_links = cleaned.dump.related_links
    article.title = article.title or meta.title
    if not article.authors and not article.agencies:
        article.authors, article.agencies = meta.authors, meta.agencies
    article.published = article.published or meta.published
    article.section = article.section or meta.section
    article.outlet = article.outlet or meta.outlet
