"""The brief as a printable HTML page with its map, rendered by Jinja2 with autoescaping.

Every stored string reaches the page through the template's autoescaping; the only links
are article views sitrep builds and http(s) originals. The page runs no script. Served, it
links the stylesheet (so a `style-src 'self'` policy holds); written to a file, it carries
the same stylesheet inside, so it opens and prints on its own.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

import jinja2

from sitrep.brief import wording
from sitrep.brief.report import MAX_EVIDENCE, Brief
from sitrep.brief.world_map import map_picture

STYLESHEET = Path(str(resources.files("sitrep"))) / "serve/static/brief.css"
STYLESHEET_PATH = "/static/brief.css"


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("sitrep.brief", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(say=wording, max_evidence=MAX_EVIDENCE)
    return environment


def render_html(brief: Brief, base_url: str = "", *, served: bool = False) -> str:
    """The page; evidence links point at sitrep's page at `base_url` ("" on the same server).

    `served`: link the stylesheet at /static/brief.css instead of carrying it inside.
    """
    return (
        _environment()
        .get_template("brief.html.j2")
        .render(
            brief=brief,
            base=base_url.rstrip("/"),
            picture=map_picture(brief),
            stylesheet_href=STYLESHEET_PATH if served else None,
            # Our own file, not stored text; it holds no "</style>".
            stylesheet=None if served else STYLESHEET.read_text(encoding="utf-8"),
        )
    )
