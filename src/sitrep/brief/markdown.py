"""The brief as Markdown: one bullet per line of the report, its evidence indented beneath.

Every stored string is written as literal text: Markdown's and HTML's special characters
are escaped and line breaks collapsed, so a title like `[x](javascript:...)` or `<script>`
stays words on the page, and links are only the ones sitrep builds (article views and
http(s) originals, percent-encoded).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar
from urllib.parse import quote

from sitrep.brief.report import (
    MAX_EVIDENCE,
    ActorLine,
    Brief,
    ClaimLine,
    ContradictionLine,
    ControlLine,
    EventLine,
    Evidence,
)
from sitrep.brief.wording import (
    EMPTY,
    actor_about,
    actor_text,
    claim_source,
    control_text,
    event_text,
    introduction,
    left_out,
    plural,
    section_titles,
    told_otherwise,
)

Line = TypeVar("Line")

# Characters CommonMark (and the HTML it lets through) gives a meaning to inside a line.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def md(text: object) -> str:
    """`text` as literal Markdown on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text or "").split()))


def link_target(url: str) -> str:
    """A URL as a Markdown link destination: nothing in it can end the link early."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def render_markdown(brief: Brief, base_url: str) -> str:
    """The brief; evidence links point at sitrep's page served at `base_url`."""
    return "\n".join(_Writer(base_url.rstrip("/")).brief(brief)).rstrip() + "\n"


class _Writer:
    def __init__(self, base: str) -> None:
        self.base = base

    def brief(self, brief: Brief) -> Iterator[str]:
        titles = section_titles(brief)
        yield from (f"# {md(brief.title)}", "", md(introduction(brief)), "")

        yield from (f"## {titles['control']}", "")
        yield from self.section(brief.control, self.control, EMPTY["control"])

        yield from (f"## {titles['events']}", "")
        if not brief.events:
            yield from (EMPTY["events"], "")
        for event_type, places in brief.events_by_type():
            count = sum(len(events) for _, events in places)
            yield from (f"### {md(event_type)} ({count})", "")
            for place, events in places:
                yield from (f"#### {md(place)}", "")
                yield from self.section(events, self.event)

        yield from (f"## {titles['actors']}", "")
        yield from self.section(brief.new_actors, self.actor, EMPTY["actors"])
        if brief.actors_left_out:
            yield from (left_out(brief.actors_left_out, "new actor", "actors"), "")

        yield from (f"## {titles['claims']}", "")
        yield from self.section(brief.claims, self.claim, EMPTY["claims"])
        if brief.claims_left_out:
            yield from (left_out(brief.claims_left_out, "claim", "claims"), "")

        yield from (f"## {titles['contradictions']}", "")
        yield from self.section(brief.contradictions, self.contradiction, EMPTY["contradictions"])

        yield from (f"## {titles['unasserted']}", "")
        if not (brief.unasserted or brief.denied_claims):
            yield from (EMPTY["unasserted"], "")
        yield from self.section(brief.unasserted, self.unasserted_event)
        yield from self.section(brief.denied_claims, self.denied_claim)

    def section(
        self, items: Sequence[Line], render: Callable[[Line], Iterator[str]], empty: str = ""
    ) -> Iterator[str]:
        for item in items:
            yield from render(item)
        if items:
            yield ""
        elif empty:
            yield from (empty, "")

    def control(self, line: ControlLine) -> Iterator[str]:
        yield f"- {md(control_text(line))}"
        yield from self.evidence(line.evidence)

    def event(self, event: EventLine) -> Iterator[str]:
        yield f"- {md(event_text(event))}"
        yield from self.evidence(event.evidence, status=event.status)

    def unasserted_event(self, event: EventLine) -> Iterator[str]:
        yield f"- **{md(event.status)}** {md(event_text(event, with_status=True))}"
        yield from self.evidence(event.evidence, status=event.status)

    def actor(self, actor: ActorLine) -> Iterator[str]:
        yield f"- **{md(actor.name)}** ({md(actor_about(actor))}) — {md(actor_text(actor))}"
        yield from self.evidence(actor.evidence)

    def claim(self, claim: ClaimLine, prefix: str = "") -> Iterator[str]:
        yield f"- {prefix}“{md(claim.text)}” — {md(claim_source(claim))}"
        yield from self.evidence(claim.evidence, quoted=False)

    def denied_claim(self, claim: ClaimLine) -> Iterator[str]:
        yield from self.claim(claim, "**denial** ")

    def contradiction(self, line: ContradictionLine) -> Iterator[str]:
        yield f"- **{md(line.kind)}**: {md(line.subject or 'unnamed')}, {md(line.day or 'undated')}"
        for position, side in zip(line.positions, line.sides, strict=True):
            yield f"  - {md(position)}:"
            yield from self.evidence([side], indent="    ")

    def evidence(
        self,
        evidence: list[Evidence],
        *,
        indent: str = "  ",
        quoted: bool = True,
        status: str | None = None,
    ) -> Iterator[str]:
        for item in evidence[:MAX_EVIDENCE]:
            said = f"“{md(item.text)}” — " if quoted and item.text else ""
            if label := told_otherwise(item, status):
                said = f"*{md(label)}:* {said}"
            where = md(", ".join(filter(None, [item.outlet, item.published])) or "article")
            name = md(item.title or "article view")
            links = f"[{name}](<{link_target(self.base + item.view_path)}>)"
            if item.url:
                links += f" · [original](<{link_target(item.url)}>)"
            yield f"{indent}- {said}{where} · {links}"
        if len(evidence) > MAX_EVIDENCE:
            yield f"{indent}- and {plural(len(evidence) - MAX_EVIDENCE, 'more report')}"
