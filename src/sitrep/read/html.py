"""HTML pages: trafilatura for the body, our own text-dump cleaner as fallback.

trafilatura gives the body. Title, authors, site name, section and the publication
date-time (with its offset) come from the page's own meta tags, JSON-LD and byline element,
read from the same parsed tree: trafilatura's metadata pass (author and date searches over
the whole page) would cost about half again its body extraction. When trafilatura finds
nothing, or the page is too deep, broken or large for it, the page is rendered to lines
(block elements start new lines, list items become bullets) and handed to the text-dump
cleaner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from html import unescape
from urllib.parse import urlparse

import lxml.etree
import lxml.html
import trafilatura

from sitrep.clean.bylines import sort_names, split_names
from sitrep.clean.dates import parse_dateline
from sitrep.clean.metadata import PageMetadata
from sitrep.read.furniture import page_furniture, without_link_lines
from sitrep.records import Caption, RelatedLink

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "iframe")
_PUBLISHED_KEYS = frozenset(
    [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish_date",
        "publish-date",
        "date",
        "dc.date",
        "dc.date.issued",
        "sailthru.date",
    ]
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_DECLARED_LANGUAGE = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_HEAD_CHARS = 200_000
_TAG = re.compile(r"<[^>]*>")
_CODE_ELEMENT = re.compile(
    r"<(script|style|noscript|template|svg)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
MIN_RENDERED_SHARE = 0.5
# trafilatura holds about 19 times a page's size at its peak; a page larger than this (news
# pages are rarely over 1 MB; the 88 development pages are at most 1.1 MB) goes to the
# line renderer and text-dump cleaner, which hold a few times its size.
TRAFILATURA_MAX_CHARS = 2_000_000


@dataclass(slots=True)
class HtmlExtraction(PageMetadata):
    paragraphs: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None  # as the page declares it ("en-US")
    captions: list[Caption] = field(default_factory=list)
    related_links: list[RelatedLink] = field(default_factory=list)


_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator")
_BYLINE_CLASS = re.compile(r"\b(?:author|byline)", re.IGNORECASE)
_JSON_LD_AUTHOR = re.compile(r'"author"\s*:\s*(\{[^{}]*\}|\[[^\[\]]*\]|"[^"]*")')
_JSON_LD_NAME = re.compile(r'"name"\s*:\s*"([^"]+)"')
MAX_BYLINE_CHARS = 80


@dataclass(slots=True)
class _Head:
    """What the page says about itself in meta tags, JSON-LD and its byline element."""

    title: str | None
    author: str
    site_name: str | None
    section: list[str]


def _page_head(root: lxml.html.HtmlElement, head: str) -> _Head:
    metas: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            metas.setdefault(key, []).append(content)

    def first(*keys: str) -> str | None:
        return next((metas[key][0] for key in keys if key in metas), None)

    title = (
        first("og:title", "twitter:title")
        or _element_text(root, "h1")
        or _element_text(root, "title")
    )
    authors = [
        value
        for key in _AUTHOR_KEYS
        for value in metas.get(key, [])
        if not value.startswith("http")
    ]
    if not authors:
        authors = _json_ld_authors(head) or _byline_text(root)
    return _Head(
        title=title,
        author="; ".join(dict.fromkeys(authors)),
        site_name=first("og:site_name", "application-name"),
        section=list(dict.fromkeys(metas.get("article:section", []))),
    )


def _element_text(root: lxml.html.HtmlElement, tag: str) -> str | None:
    element = next(root.iter(tag), None)
    text = " ".join(element.text_content().split()) if element is not None else ""
    return text or None


def _json_ld_authors(head: str) -> list[str]:
    match = _JSON_LD_AUTHOR.search(head)
    if match is None:
        return []
    value = match.group(1)
    if value.startswith('"'):
        return [value.strip('"')] if value.strip('"') else []
    return _JSON_LD_NAME.findall(value)


def _byline_text(root: lxml.html.HtmlElement) -> list[str]:
    """The first short element marked as the author's (rel="author", an author/byline class)."""
    for element in root.iter("a", "span", "div", "p"):
        marked = element.get("rel") == "author" or _BYLINE_CLASS.search(element.get("class") or "")
        if marked:
            text = " ".join(element.text_content().split())
            if 0 < len(text) <= MAX_BYLINE_CHARS:
                return [text]
    return []


# trafilatura's own parser settings, and huge_tree: without it libxml2 stops at 256 levels
# of nesting or a 10 MB text node and the page silently loses its article.
_PARSER = lxml.html.HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The page's element tree, or None when there is no markup to parse."""
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (lxml.etree.LxmlError, ValueError):
        return None


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """Body and metadata by trafilatura; an empty body means "use the fallback". The page is
    parsed once: trafilatura works on a copy of the tree, the furniture reads it."""
    root = parse_html(html)
    declared = _DECLARED_LANGUAGE.search(html[:_HEAD_CHARS])
    language = declared.group(1) if declared else None
    if root is None:
        return HtmlExtraction(paragraphs=[], url=url, language=language)
    url = url or _page_url(root)
    published = _published(root, html[:_HEAD_CHARS])
    if len(html) > TRAFILATURA_MAX_CHARS:
        return HtmlExtraction(paragraphs=[], url=url, published=published, language=language)
    try:
        document = trafilatura.bare_extraction(
            root,
            url=url,
            with_metadata=False,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
        )
    except (RecursionError, ValueError, lxml.etree.LxmlError):
        document = None
    if document is None:
        return HtmlExtraction(paragraphs=[], url=url, published=published, language=language)
    text = document.get("text") if isinstance(document, dict) else document.text
    paragraphs = [line.strip() for line in (text or "").splitlines() if line.strip()]
    page = _page_head(root, html[:_HEAD_CHARS])
    people, agencies = sort_names(split_names(page.author))
    outlet = page.site_name or (urlparse(url).hostname if url else None)
    captions, related_links = page_furniture(root)
    return HtmlExtraction(
        paragraphs=without_link_lines(paragraphs, related_links),
        title=page.title,
        authors=people,
        agencies=agencies,
        published=published,
        section=page.section,
        outlet=outlet,
        url=url,
        language=language,
        captions=captions,
        related_links=related_links,
    )


def render_lines(html: str) -> str:
    """The page's visible text, one block element per line, list items as bullets. When the
    parser lost most of the text (libxml2 drops what lies deeper than about 2,000 levels),
    the markup's text with every tag as a line break instead."""
    stripped = _strip_tags(html)
    root = parse_html(html)
    if root is None:
        return stripped
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCK_TAGS:
            continue
        marker = "\n* " if element.tag == "li" else "\n"
        element.text = marker + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    rendered = root.text_content()
    if _letters(rendered) < MIN_RENDERED_SHARE * _letters(stripped):
        return stripped
    return rendered


def _strip_tags(html: str) -> str:
    without_code = _CODE_ELEMENT.sub("\n", html)
    return unescape(_TAG.sub("\n", without_code))


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _published(root: lxml.html.HtmlElement, head: str) -> datetime | None:
    """The first parseable publication meta tag, else JSON-LD "datePublished"."""
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        content = meta.get("content")
        if content and key.lower() in _PUBLISHED_KEYS:
            found = parse_dateline(content)
            if found is not None:
                return found
    match = _JSON_LD_PUBLISHED.search(head)
    return parse_dateline(match.group(1)) if match else None


def _page_url(root: lxml.html.HtmlElement) -> str | None:
    """The canonical link, else og:url, when absolute."""
    candidates = [link.get("href") for link in root.iter("link") if link.get("rel") == "canonical"]
    candidates += [m.get("content") for m in root.iter("meta") if m.get("property") == "og:url"]
    return next((c for c in candidates if c and c.startswith("http")), None)
