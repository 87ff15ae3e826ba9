"""The brief's sentences, shared by the Markdown and the HTML renderers (which escape them)."""

from __future__ import annotations

from sitrep.brief.report import ActorLine, Brief, ClaimLine, ControlLine, EventLine, Evidence


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def independent(count: int) -> str:
    return plural(count, "independent source")


# Beyond this many outlets the introduction counts them instead of naming them.
OUTLETS_NAMED = 8
# What a section says when it has nothing to list.
EMPTY = {
    "control": "No control changes reported.",
    "events": "No asserted events reported.",
    "actors": "No actor appears for the first time.",
    "claims": "No attributed claims.",
    "contradictions": "No contradictions found.",
    "unasserted": "Nothing reported as only proposed, hypothetical or denied.",
}


def left_out(count: int, noun: str, command: str) -> str:
    return f"{plural(count, 'more ' + noun)}: see `sitrep {command}`."


def days(first: str, last: str | None) -> str:
    return f"between {first} and {last}" if last and last != first else f"on {first}"


def section_titles(brief: Brief) -> dict[str, str]:
    return {
        "map": "Map",
        "control": f"Control changes ({len(brief.control)})",
        "events": f"Events by type and place ({len(brief.events)} asserted)",
        "actors": f"New actors on the scene ({len(brief.new_actors) + brief.actors_left_out})",
        "claims": f"Claims and who carries them ({len(brief.claims) + brief.claims_left_out})",
        "contradictions": f"Contradictions ({len(brief.contradictions)})",
        "unasserted": "Only proposed, hypothetical or denied"
        f" ({len(brief.unasserted) + len(brief.denied_claims)})",
    }


def introduction(brief: Brief) -> str:
    named = 0 < len(brief.outlets) <= OUTLETS_NAMED
    outlets = f" ({', '.join(brief.outlets)})" if named else ""
    return (
        f"From {plural(brief.articles, 'article')} published in the window by"
        f" {plural(len(brief.outlets), 'outlet')}{outlets}, and events dated in it from any"
        " article. Events listed as facts are those reported as having happened; what is"
        " only proposed, hypothetical, negated or denied is in the last section. Independent"
        " sources count stories, not copies: republished text counts once. Each line links to"
        " the sentences it rests on."
    )


def control_text(line: ControlLine) -> str:
    taken = "part taken" if line.partial else "taken"
    by = f" by {line.to_actor}" if line.to_actor else " by an unnamed side"
    from_ = f" from {line.from_actor}" if line.from_actor else ""
    on = f" {days(line.day, line.day_end)}" if line.day else ", undated"
    outlets = f" ({', '.join(line.outlets)})" if line.outlets else ""
    return f"{line.place}: {taken}{by}{from_}{on}; {independent(line.sources)}{outlets}"


def event_text(event: EventLine, *, with_status: bool = False) -> str:
    when = days(event.day, event.day_end) if event.day else "undated"
    who = event.actor or "unnamed actor"
    if event.target:
        who = f"{who} → {event.target}"
    fields = [when, f"{event.type}: {who}" if with_status else who]
    if with_status and event.place:
        fields.append(event.place)
    fields.append(f"{independent(event.sources)}, {plural(event.reports, 'report')}")
    text = " · ".join(fields)
    if event.other_statuses:
        others = ", ".join(f"{status} by {n}" for status, n in event.other_statuses.items())
        text += f" (also reported as {others})"
    return text


def told_otherwise(item: Evidence, status: str | None) -> str:
    """A label for a report that tells the line's event with another status ("negated"), so a
    sentence denying an event is not read as evidence that it happened."""
    return f"reported as {item.status}" if status and item.status and item.status != status else ""


def claim_source(claim: ClaimLine) -> str:
    kind = claim.source_type.replace("_", " ")
    who = f"{kind}: {claim.source_name}" if claim.source_name else kind
    certainty = claim.certainty
    if claim.hedge:
        certainty = f"{certainty} (“{claim.hedge}”)"
    outlets = f" ({', '.join(claim.outlets)})" if claim.outlets else ""
    carried = plural(claim.sources, "independent outlet")
    return f"{who}; {certainty}; carried by {carried}{outlets}"


def actor_about(actor: ActorLine) -> str:
    return ", ".join(filter(None, [actor.kind, actor.sector, actor.country])) or "kind unknown"


def actor_text(actor: ActorLine) -> str:
    first = (
        f"first named {actor.first_seen}" if actor.first_seen else "first named on an unknown day"
    )
    window = f"in {plural(actor.articles, 'article')} of the window"
    return f"{first}; {window}; named {plural(actor.mentions, 'time')} in all"
