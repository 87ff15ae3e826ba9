"""A static map of the brief's places, drawn as SVG shapes for a printable page.

The countries are the Natural Earth outlines the page already ships (world-atlas TopoJSON),
cropped to the places the brief names, in an equirectangular projection true to scale at
the middle latitude. One marker per place, coloured by the GDELT QuadClass of most of its
events; places that changed hands are ringed. Labels that would overlap one already placed
are left out (the place is still in the lists and the marker's tooltip).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

from sitrep.brief.report import Brief
from sitrep.taxonomy import QUAD_CLASSES, event_types

ATLAS = Path(str(resources.files("sitrep"))) / "serve/static/vendor/world-atlas/countries-50m.json"
WIDTH = 760.0
ASPECT = 0.62  # height / width
MIN_SPAN_DEGREES = 4.0
MARGIN = 0.2  # of the places' extent, on each side
MIN_STEP_PX = 1.0  # outline points closer than this to the last one kept are dropped
LABEL_FONT_PX = 11.0
# A country's or region's centroid is no place an event happened: such events stay off the map.
UNPLACEABLE = frozenset({"country", "region"})
LABEL_CHAR_PX = 6.2


@dataclass(frozen=True, slots=True)
class Marker:
    name: str
    x: float
    y: float
    radius: float
    quad_class: int | None  # None: a place with control changes only
    events: int
    changed_hands: bool
    # Where its name is written (the text's left end and baseline); None: not written.
    label_x: float | None = None
    label_y: float | None = None


@dataclass(frozen=True, slots=True)
class MapPicture:
    width: float
    height: float  # the page's proportions, or flatter where they would pass a pole
    countries: list[str]  # SVG path data
    markers: list[Marker]

    @property
    def legend(self) -> list[tuple[int, str]]:
        used = {marker.quad_class for marker in self.markers}
        return [(quad, name) for quad, name in QUAD_CLASSES.items() if quad in used]


@dataclass(slots=True)
class _Place:
    name: str
    latitude: float
    longitude: float
    types: Counter[str]
    changed_hands: bool = False


def map_picture(brief: Brief) -> MapPicture | None:
    """The map of the brief's located events and control changes; None when none is located."""
    places = _places(brief)
    if not places:
        return None
    view = _View.around([(p.longitude, p.latitude) for p in places])
    quad = {name: entry.quad_class for name, entry in event_types().items()}
    markers = []
    for place in sorted(places, key=lambda p: -sum(p.types.values())):
        x, y = view.project(place.longitude, place.latitude)
        events = sum(place.types.values())
        classes = Counter(quad.get(event_type) for event_type in place.types.elements())
        markers.append(
            Marker(
                name=place.name,
                x=round(x, 1),
                y=round(y, 1),
                radius=round(4 + 2.5 * math.sqrt(events), 1),
                quad_class=classes.most_common(1)[0][0] if events else None,
                events=events,
                changed_hands=place.changed_hands,
            )
        )
    return MapPicture(
        width=WIDTH,
        height=view.height,
        countries=_country_paths(view),
        markers=_place_labels(markers, view.height),
    )


def _places(brief: Brief) -> list[_Place]:
    found: dict[str, _Place] = {}
    for event in brief.events:
        if event.precision in UNPLACEABLE:
            continue
        if event.place and event.latitude is not None and event.longitude is not None:
            place = found.setdefault(
                event.place, _Place(event.place, event.latitude, event.longitude, Counter())
            )
            place.types[event.type] += 1
    for change in brief.control:
        if change.precision in UNPLACEABLE:
            continue
        if change.latitude is not None and change.longitude is not None:
            place = found.setdefault(
                change.place, _Place(change.place, change.latitude, change.longitude, Counter())
            )
            place.changed_hands = True
    return list(found.values())


def _place_labels(markers: list[Marker], height: float) -> list[Marker]:
    """Names for the markers, most eventful first: beside, then above or below the marker,
    wherever the name covers no other name or marker and stays on the map; else none."""
    obstacles = [(m.x - m.radius, m.y - m.radius, m.x + m.radius, m.y + m.radius) for m in markers]
    labelled = []
    for index, marker in enumerate(markers):
        others = obstacles[:index] + obstacles[index + 1 :]
        box = next(
            (
                candidate
                for candidate in _label_boxes(marker)
                if candidate[0] >= 0
                and candidate[2] <= WIDTH
                and candidate[1] >= 0
                and candidate[3] <= height
                and all(_apart(candidate, other) for other in others)
            ),
            None,
        )
        if box is not None:
            obstacles.append(box)
        labelled.append(
            replace(marker, label_x=round(box[0], 1), label_y=round(box[3] - 3, 1))
            if box
            else marker
        )
    return labelled


def _label_boxes(marker: Marker) -> list[tuple[float, float, float, float]]:
    """Where a marker's name may go: right, left, above, below (box: left, top, right, bottom)."""
    width = LABEL_CHAR_PX * len(marker.name)
    gap = marker.radius + 2
    middle = marker.y + LABEL_FONT_PX / 2 - 1
    return [
        (marker.x + gap, middle - LABEL_FONT_PX, marker.x + gap + width, middle + 2),
        (marker.x - gap - width, middle - LABEL_FONT_PX, marker.x - gap, middle + 2),
        (
            marker.x - width / 2,
            marker.y - gap - LABEL_FONT_PX - 2,
            marker.x + width / 2,
            marker.y - gap,
        ),
        (
            marker.x - width / 2,
            marker.y + gap,
            marker.x + width / 2,
            marker.y + gap + LABEL_FONT_PX + 2,
        ),
    ]


def _apart(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


@dataclass(frozen=True, slots=True)
class _View:
    west: float
    north: float
    scale: float  # pixels per degree of latitude
    shrink: float  # cosine of the middle latitude
    height: float

    @classmethod
    def around(cls, points: list[tuple[float, float]]) -> _View:
        lons, lats = [p[0] for p in points], [p[1] for p in points]
        middle = (min(lats) + max(lats)) / 2
        shrink = max(math.cos(math.radians(middle)), 0.2)
        width_deg = max(max(lons) - min(lons), MIN_SPAN_DEGREES) * (1 + 2 * MARGIN) * shrink
        height_deg = max(max(lats) - min(lats), MIN_SPAN_DEGREES) * (1 + 2 * MARGIN)
        # Widen whichever side is short of the page's proportions.
        width_deg, height_deg = (
            max(width_deg, height_deg / ASPECT),
            max(height_deg, width_deg * ASPECT),
        )
        # Never beyond a pole: a wide, flat spread of places (the US and China) is shown as a
        # band of the world, not with empty space above the Arctic.
        height_deg = min(height_deg, 180.0)
        north = min(middle + height_deg / 2, 90.0)
        north = max(north, -90.0 + height_deg)
        scale = WIDTH / width_deg
        centre_lon = (min(lons) + max(lons)) / 2
        return cls(
            west=centre_lon - width_deg / shrink / 2,
            north=north,
            scale=scale,
            shrink=shrink,
            height=round(height_deg * scale, 1),
        )

    def project(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.shrink * self.scale, (self.north - lat) * self.scale


def _country_paths(view: _View) -> list[str]:
    paths = []
    for rings in _countries():
        parts = []
        for ring in rings:
            points = [view.project(lon, lat) for lon, lat in ring]
            if _on_page(points, view.height):
                parts.extend(_outline(ring, points))
        if parts:
            paths.append("".join(parts))
    return paths


def _outline(ring: list[tuple[float, float]], points: list[tuple[float, float]]) -> list[str]:
    """SVG path data for a ring: points closer than a pixel merged, and split where the ring
    crosses the 180th meridian (else a line would run across the whole map)."""
    strokes: list[list[tuple[float, float]]] = [[points[0]]]
    for (lon, _), (previous, _), (x, y) in zip(ring[1:], ring, points[1:], strict=False):
        if abs(lon - previous) > 180:
            strokes.append([(x, y)])
        elif abs(x - strokes[-1][-1][0]) + abs(y - strokes[-1][-1][1]) >= MIN_STEP_PX:
            strokes[-1].append((x, y))
    if len(strokes) > 1:
        # The ring's last stroke runs on into its first; each piece then closes along the edge.
        strokes[0] = strokes.pop() + strokes[0]
    return [
        "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in stroke) + "Z"
        for stroke in strokes
        if len(stroke) > 2
    ]


def _on_page(points: list[tuple[float, float]], height: float) -> bool:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return max(xs) >= 0 and min(xs) <= WIDTH and max(ys) >= 0 and min(ys) <= height


@cache
def _countries() -> list[list[list[tuple[float, float]]]]:
    """Every country as its rings of (longitude, latitude), decoded from the TopoJSON."""
    topology = json.loads(ATLAS.read_text(encoding="utf-8"))
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:  # quantised, delta-encoded positions
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            arc = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs") or []
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        countries.append([ring(indexes) for polygon in polygons for indexes in polygon])
    return countries
