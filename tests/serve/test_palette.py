"""The event-type palette (the taxonomy's colour column): every PLOVER type has a colour a
viewer can tell apart from every other, measured as CIEDE2000 colour difference in CIELAB."""

from __future__ import annotations

import itertools
import math

from sitrep.taxonomy import event_types

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
MIN_DIFFERENCE = 15.0  # CIEDE2000; about 2.3 is "just noticeable" side by side
Lab = tuple[float, float, float]


def lab(colour: str) -> Lab:
    """sRGB hex to CIELAB (D65)."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def ciede2000(first: Lab, second: Lab) -> float:
    """Sharma, Wu and Dalal (2005), 'The CIEDE2000 color-difference formula'."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1, h2 = math.degrees(math.atan2(b1, a1)) % 360, math.degrees(math.atan2(b2, a2)) % 360
    dh = 0.0 if c1 * c2 == 0 else (h2 - h1 + 180) % 360 - 180
    big_dh = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if c1 * c2 == 0:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + (360 if h1 + h2 < 360 else -360)) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    dl, dc, dhh = (l2 - l1) / s_l, (c2 - c1) / s_c, big_dh / s_h
    return math.sqrt(dl**2 + dc**2 + dhh**2 + r_t * dc * dhh)


def _palette() -> dict[str, str]:
    return {name: entry.colour for name, entry in event_types().items()}


def test_ciede2000_matches_the_published_test_pairs() -> None:
    # Pairs 1 and 17 of Sharma et al.'s table.
    assert round(ciede2000((50, 2.6772, -79.7751), (50, 0, -82.7485)), 4) == 2.0425
    assert round(ciede2000((50, 2.5, 0), (73, 25, -18)), 4) == 27.1492


def test_palette_has_one_colour_per_plover_type() -> None:
    palette = _palette()
    assert set(palette) == PLOVER_TYPES
    assert len(set(palette.values())) == len(palette)


def test_palette_colours_differ_by_at_least_the_threshold() -> None:
    palette = _palette()
    closest = min(
        (ciede2000(lab(palette[a]), lab(palette[b])), a, b)
        for a, b in itertools.combinations(sorted(palette), 2)
    )
    assert closest[0] >= MIN_DIFFERENCE, closest
    for pair in (("ACCUSE", "COERCE"), ("ASSAULT", "THREATEN")):
        assert ciede2000(lab(palette[pair[0]]), lab(palette[pair[1]])) >= MIN_DIFFERENCE


def test_palette_colours_stand_out_on_the_white_page() -> None:
    white = lab("#ffffff")
    for colour in _palette().values():
        assert ciede2000(lab(colour), white) >= MIN_DIFFERENCE, colour
