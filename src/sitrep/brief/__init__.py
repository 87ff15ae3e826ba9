"""The situation report: what changed in a window of days, each line linked to its evidence.

brief = build_brief(store, date(2024, 12, 1), date(2024, 12, 7))
render_markdown(brief, base_url="http://127.0.0.1:8000")
render_html(brief, base_url="http://127.0.0.1:8000")
"""

from sitrep.brief.html import render_html
from sitrep.brief.markdown import render_markdown
from sitrep.brief.report import Brief, Evidence, build_brief, default_window, resolve_window

__all__ = [
    "Brief",
    "Evidence",
    "build_brief",
    "default_window",
    "render_html",
    "render_markdown",
    "resolve_window",
]
