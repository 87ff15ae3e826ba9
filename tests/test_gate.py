"""The evaluation gate reads the scores the benches print and fails only on a drop."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from gate import Figure, compare, read_scores

# The three layouts the benches print, cut down.
OUTPUT = """\
quotes-gwn-dev dev: gold attributions 314, gold direct 158
  direct quote span      precision 0.974  recall 0.930  F1 0.952
  speaker type accuracy 0.801 (of 251)
events-gwn-dev (GeoWebNews, every event annotated)
                                         train       dev
  articles                                  43        57
  mention f1                             0.393     0.444
  non-event words coded                  0.270     0.192
GeoWebNews DEV (53 articles); parse 19.1 s
| measure | toponyms | acc@161 km | mean km | exact id (n) |
|---|---|---|---|---|
| gold spans | 784 | 0.779 | 269 | 0.816 (695) |
Own set: 10 pages
| correct when | F1 |
|---|---|
| span only | 86.2% |
88 pages from /anywhere/article-extraction
input  system       precision  recall     F1  seconds ms/page median   mean
html   sitrep           0.965   0.973  0.969     12.8          103.1  145.7
html   trafilatura      0.936   0.974  0.954     10.2           85.3  116.0
Speed on the 20 pages (60781 characters)
  events cost / nlp.pipe           0.197
"""


def test_scores_are_read_from_every_layout_and_counts_and_timings_are_not() -> None:
    assert read_scores(OUTPUT) == {
        "quotes-gwn-dev dev | direct quote span | precision": 0.974,
        "quotes-gwn-dev dev | direct quote span | recall": 0.93,
        "quotes-gwn-dev dev | direct quote span | F1": 0.952,
        "quotes-gwn-dev dev | speaker type accuracy": 0.801,
        "events-gwn-dev | mention f1 | train": 0.393,
        "events-gwn-dev | mention f1 | dev": 0.444,
        "events-gwn-dev | non-event words coded | train": 0.27,
        "events-gwn-dev | non-event words coded | dev": 0.192,
        "GeoWebNews DEV | gold spans | acc@161 km": 0.779,
        "GeoWebNews DEV | gold spans | exact id (n)": 0.816,
        "Own set | span only | F1": 0.862,
        "html sitrep | precision": 0.965,
        "html sitrep | recall": 0.973,
        "html sitrep | F1": 0.969,
    }


def test_only_a_drop_beyond_the_noise_fails() -> None:
    baseline = {
        "b | f1": Figure(0.800, "higher", 0.005),
        "b | wrongly coded": Figure(0.200, "lower", 0.005),
    }
    within = {
        "b | f1": Figure(0.795, "higher", 0.005),
        "b | wrongly coded": Figure(0.205, "lower", 0.005),
    }
    assert compare(baseline, within, ["b"]) == 0
    better = {
        "b | f1": Figure(0.9, "higher", 0.005),
        "b | wrongly coded": Figure(0.1, "lower", 0.005),
    }
    assert compare(baseline, better, ["b"]) == 0
    worse = {
        "b | f1": Figure(0.79, "higher", 0.005),
        "b | wrongly coded": Figure(0.21, "lower", 0.005),
    }
    assert compare(baseline, worse, ["b"]) == 2
    assert compare(baseline, {"b | f1": baseline["b | f1"]}, ["b"]) == 1  # a figure went missing
