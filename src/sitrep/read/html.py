"""HTML pages: trafilatura for the body and metadata, our own text-dump cleaner as fallback.

trafilatura gives the body, title, authors, site name and categories; the publication
date-time (with its offset) comes from the page's own meta tags or JSON-LD when present,
because trafilatura keeps only the day. When trafilatura finds nothing, or the page is too
deep, broken or large for it, the page is rendered to lines (block elements start new
lines, list items become bullets) and handed to the text-dump cleaner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlparse

import lxml.etree
import lxml.html
import trafilatura

from sitrep.clean.bylines import sort_names, split_names
from sitrep.clean.dates import parse_dateline
from sitrep.clean.metadata import PageMetadata
from sitrep.read.furniture import page_furniture
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
_PUBLISHED_META = re.compile(
    r"""(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publish[_-]?date|date|dc\.date(?:\.issued)?|sailthru\.date)["']"""
    r"""[^>]*?content\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE,
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_CANONICAL = re.compile(
    r"""<link[^>]+rel\s*=\s*["']canonical["'][^>]*href\s*=\s*["']([^"']+)["']""", re.IGNORECASE
)
_OG_URL = re.compile(
    r"""<meta[^>]+property\s*=\s*["']og:url["'][^>]*content\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE,
)
_HEAD_CHARS = 200_000
# trafilatura holds about 19 times a page's size at its peak; a page larger than this (news
# pages are rarely over 1 MB; the 88 development pages are at most 1.1 MB) goes to the
# line renderer and text-dump cleaner, which hold a few times its size.
TRAFILATURA_MAX_CHARS = 2_000_000


@dataclass(slots=True)
class HtmlExtraction(PageMetadata):
    paragraphs: list[str] = field(default_factory=list)
    url: str | None = None
    language: str | None = None
    captions: list[Caption] = field(default_factory=list)
    related_links: list[RelatedLink] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """Body and metadata by trafilatura; an empty body means "use the fallback"."""
    head = html[:_HEAD_CHARS]
    url = url or _page_url(head)
    if len(html) > TRAFILATURA_MAX_CHARS:
        return HtmlExtraction(paragraphs=[], url=url, published=_published(head))
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_precision=True,
        )
    except (RecursionError, ValueError, lxml.etree.LxmlError):
        document = None
    published = _published(head)
    if document is None:
        return HtmlExtraction(paragraphs=[], url=url, published=published)
    paragraphs = [line.strip() for line in (document.text or "").splitlines() if line.strip()]
    people, agencies = sort_names(split_names(document.author or ""))
    if published is None and document.date:
        published = parse_dateline(document.date)
    outlet = document.sitename or (urlparse(url).hostname if url else None)
    captions, related_links = page_furniture(html)
    return HtmlExtraction(
        paragraphs=paragraphs,
        title=document.title,
        authors=people,
        agencies=agencies,
        published=published,
        section=list(document.categories or []),
        outlet=outlet,
        url=url,
        language=document.language,
        captions=captions,
        related_links=related_links,
    )


def render_lines(html: str) -> str:
    """The page's visible text, one block element per line, list items as bullets."""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.LxmlError, ValueError):
        return re.sub(r"<[^>]*>", "\n", html)
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCK_TAGS:
            continue
        marker = "\n* " if element.tag == "li" else "\n"
        element.text = marker + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def _published(head: str) -> datetime | None:
    for pattern in (_PUBLISHED_META, _JSON_LD_PUBLISHED):
        match = pattern.search(head)
        if match is not None:
            found = parse_dateline(match.group(1))
            if found is not None:
                return found
    return None


def _page_url(head: str) -> str | None:
    for pattern in (_CANONICAL, _OG_URL):
        match = pattern.search(head)
        if match is not None and match.group(1).startswith("http"):
            return match.group(1)
    return None
