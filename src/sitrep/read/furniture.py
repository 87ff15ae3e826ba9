"""Captions and related-link blocks of an HTML page, read from its markup.

trafilatura leaves both out of the body; they are kept beside it: each `<figure>` gives its
`<figcaption>` (or the image's alt text), with the credit from a child whose class names a
credit, byline or source; a related-links block is a heading or label opening with a widget
label ("Related", "Read more", "See also") followed by the links of its container.
"""

from __future__ import annotations

import re

import lxml.html

from sitrep.clean.knowledge import lowercase_list
from sitrep.records import Caption, RelatedLink

_CREDIT_CLASS = re.compile(r"credit|byline|source|copyright|attribution", re.IGNORECASE)
# "... at night.Credit...Doug Mills/Agency", "(Photo: Jane Roe)": a credit glued to the caption.
_GLUED_CREDIT = re.compile(
    r"\(?\s*\b(?:Credit|Photo|Image)\s*(?:\.\.\.|…|:)\s*(?P<credit>[^)]+)\)?$"
)
_LABEL_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "span", "p", "div")
MAX_LABEL_CHARS = 40
MIN_LINK_TITLE_WORDS = 3
# What separates a label from the link it introduces ("Read more: …", "Related | …").
_LABEL_PUNCTUATION = " :-–—|»›>"


def page_furniture(root: lxml.html.HtmlElement) -> tuple[list[Caption], list[RelatedLink]]:
    """The page's figure captions and its related-link titles (the tree is left as it is)."""
    return _captions(root), _related_links(root)


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _captions(root: lxml.html.HtmlElement) -> list[Caption]:
    captions: list[Caption] = []
    for figure in root.iter("figure"):
        credit_elements = [
            child for child in figure.iter() if _CREDIT_CLASS.search(child.get("class") or "")
        ]
        credit = " ".join(_text(child) for child in credit_elements) or None
        caption_element = next(figure.iter("figcaption"), None)
        if caption_element is not None:
            text = _text(caption_element)
            if credit and text.endswith(credit):
                text = text[: -len(credit)].strip()
            elif credit is None and (glued := _GLUED_CREDIT.search(text)) is not None:
                text, credit = text[: glued.start()].strip(), glued.group("credit").strip()
        else:
            image = next(figure.iter("img"), None)
            text = " ".join((image.get("alt") or "").split()) if image is not None else ""
        if text and text not in {caption.text for caption in captions}:
            captions.append(Caption(text=text, credit=credit))
    return captions


def _related_links(root: lxml.html.HtmlElement) -> list[RelatedLink]:
    """Links in the container of each widget label ("Related", "Read more", ...)."""
    labels = lowercase_list("widget_labels.txt")
    links: list[RelatedLink] = []
    seen: set[str] = set()
    for element in root.iter(*_LABEL_TAGS):
        label = _short_text(element, MAX_LABEL_CHARS)
        if not label or not label.lower().startswith(labels):
            continue
        if element.find(".//a") is not None:  # the label itself is a link, not a heading
            continue
        container = element.getparent()
        if container is None:
            continue
        for anchor in container.iter("a"):
            title = _text(anchor)
            if len(title.split()) >= MIN_LINK_TITLE_WORDS and title not in seen:
                seen.add(title)
                links.append(RelatedLink(title=title, url=anchor.get("href")))
    return links


def without_link_lines(paragraphs: list[str], links: list[RelatedLink]) -> list[str]:
    """The body without paragraphs that are a widget label and a related link's title
    ("Read more: Alibaba poised to launch …"): the link, kept beside the body, not the
    article's text. A label opening real prose is kept: the rest must be a title."""
    titles = {link.title for link in links}
    labels = lowercase_list("widget_labels.txt")

    def link_line(paragraph: str) -> bool:
        return any(
            paragraph.endswith(title)
            and (label := paragraph[: -len(title)].strip(_LABEL_PUNCTUATION).lower())
            and len(label) <= MAX_LABEL_CHARS
            and label.startswith(labels)
            for title in titles
        )

    return [paragraph for paragraph in paragraphs if not link_line(paragraph)]


def _short_text(element: lxml.html.HtmlElement, limit: int) -> str | None:
    """The element's text when it is at most `limit` characters, else None; reads no further
    than the limit (a page-wide container would otherwise be read whole, once per level)."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        parts.append(piece)
        size += len(piece)
        if size > 4 * limit:  # runs of spaces shrink when joined; stop well past the limit
            return None
    text = " ".join("".join(parts).split())
    return text if len(text) <= limit else None
