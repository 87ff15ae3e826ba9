"""Quote, speaker and attribution figures on hand-annotated real pages, and the cost of extraction.

Two gold sets:
- quotes-gwn-dev (../shared/data/quotes-gwn-dev, see its README): every attribution (source,
  cue, content, direct or not, resolved speaker, speaker type) in 50 GeoWebNews articles, scored
  on the fixed document split of bench/splits.py, train and dev apart. Rules are written
  from train errors only; dev is the figure for pages nobody tuned to.
- bench/gold/quotes_articles.jsonl: 20 pages of ../shared/data/article-extraction with their
  direct quotations (text, speaker; alternatives joined by "|"); the rules were first written
  from these pages' misses, so their figures are optimistic. sitrep runs on each page's
  ground-truth `articleBody`, so the score measures quote extraction, not cleaning.
- bench/gold/quotes_train_pages.jsonl: 30 more pages, all TRAIN by the split of bench/splits.py:
  22 of the same set (5 with no quotation, to count false quotes) and 8 GeoWebNews articles
  outside quotes-gwn-dev (their `text`), annotated
  the same way (bench/gold/QUOTES_GUIDELINE.md) to read more training errors from; rules were
  written from their misses, so they are no test either.

A predicted direct quote matches a gold one when their spans overlap; its speaker is right
when the last word of a gold name (the resolved speaker, or the source as written when it is
not a pronoun) is one of the predicted speaker's words ("Prakash" in "Aseem Prakash").
An attribution (direct or indirect) is found by quotes when a predicted quote overlaps its
content, and by claims when a claim with a cited source (not the outlet) does; it is found
with the right source when one of those quotes' speakers or claims' sources matches the gold
name as a quote's speaker does (a cue-only attribution, "it was announced", has no source to
get wrong: found is right). Speaker-type accuracy: of the attributions found by claims, the
share whose claim has the gold source type.

Anonymous sources (`--set anonymous`, part of `all`): every claim sitrep types `anonymous` on
the 88 ground-truth bodies of ../shared/data/article-extraction, split by page on the same
rule, looked up in bench/gold/anonymous_sources.jsonl, a hand judgement of each (truly
anonymous or not, and why; written by the "Anonymous sources" section of
bench/gold/QUOTES_GUIDELINE.md). Precision is the share of listed claims judged truly
anonymous; a claim with no judgement yet counts as not anonymous and is reported, and
`--unjudged FILE` writes those as lines to judge and add to the gold file.
`--list SPLIT` prints one split's anonymous claims with their judgements (read TRAIN only).

Run: SITREP_SHARED_DATA=../shared/data .venv/bin/python bench/quotes.py
     [--set gwn|own|train-pages|anonymous|all] [--timing] [--errors train FILE]
     [--unjudged FILE] [--list train]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from shared_data import SHARED
from sitrep.annotate import annotate
from sitrep.annotate.nlp import load_nlp
from sitrep.extract import extract
from sitrep.extract.claims import find_claims
from sitrep.extract.quotes import find_quotes
from sitrep.records import Article, InputKind, Quote, SourceType
from splits import split_of

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "bench" / "gold" / "quotes_articles.jsonl"
TRAIN_PAGES_GOLD = ROOT / "bench" / "gold" / "quotes_train_pages.jsonl"
ANONYMOUS_GOLD = ROOT / "bench" / "gold" / "anonymous_sources.jsonl"
# A judgement names its claim by the claim's first characters (the page's text stays out).
CLAIM_KEY_CHARS = 60
GROUND_TRUTH = SHARED / "article-extraction" / "ground-truth.json"
GWN_GOLD = SHARED / "quotes-gwn-dev" / "attributions.json"
GWN_TEXTS = SHARED / "geoparsing-geowebnews" / "geowebnews.jsonl"
TIMING_ROUNDS = 3
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "him", "her", "them"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--set", choices=["gwn", "own", "train-pages", "anonymous", "all"], default="all"
    )
    parser.add_argument("--timing", action="store_true", help="time extraction on the own set")
    parser.add_argument(
        "--errors", nargs=2, metavar=("SPLIT", "FILE"), help="write one split's misses as JSON"
    )
    parser.add_argument("--unjudged", metavar="FILE", help="write anonymous claims not judged")
    parser.add_argument(
        "--list", choices=["train", "dev"], help="print one split's anonymous claims"
    )
    args = parser.parse_args()
    nlp = load_nlp()
    if args.set in {"gwn", "all"}:
        _run_gwn(nlp, args.errors)
    if args.set in {"own", "all"} or args.timing:
        articles = _run_pages(nlp, GOLD, "own pages")
        if args.timing:
            _report_timing(nlp, articles)
    if args.set in {"train-pages", "all"}:
        _run_pages(nlp, TRAIN_PAGES_GOLD, "more TRAIN pages")
    if args.set in {"anonymous", "all"}:
        _run_anonymous(nlp, args.unjudged, args.list)


# --- quotes-gwn-dev -----------------------------------------------------------------------


def _run_gwn(nlp, errors: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    gold = json.loads(GWN_GOLD.read_text("utf-8"))
    texts = _gwn_texts()
    docs = gold["docs"]
    articles = [_gwn_article(d["id"], texts[d["id"]]) for d in docs]
    counts: dict[str, Counter[str]] = {"train": Counter(), "dev": Counter()}
    misses: list[dict] = []
    for page, article, doc in zip(docs, articles, nlp.pipe(a.body for a in articles), strict=True):
        annotate(article, doc)
        extract(article, doc)
        split = split_of(page["id"])
        found = _score_gwn(page, article, counts[split])
        if errors and split == errors[0]:
            misses.append(found)
    for split in ("train", "dev"):
        _report_gwn(split, counts[split])
    if errors:
        Path(errors[1]).write_text(json.dumps(misses, indent=1, ensure_ascii=False), "utf-8")


def _gwn_texts() -> dict[str, str]:
    """GeoWebNews texts by id (the dev half, with the quotes-gwn-dev articles)."""
    records = (
        json.loads(line) for line in GWN_TEXTS.read_text("utf-8").splitlines() if line.strip()
    )
    return {record["id"]: record["text"] for record in records}


def _gwn_article(doc_id: str, text: str) -> Article:
    """Paragraphs split so that `Article.body` is exactly the text and gold offsets hold."""
    return Article(doc_id, doc_id, InputKind.TEXT, text.split("\n\n"))


def _fragments(spans: list[dict] | None) -> list[tuple[int, int]]:
    return [(s["start"], s["end"]) for s in spans or []]


def _overlaps(start: int, end: int, fragments: list[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in fragments)


def _gold_names(body: str, attribution: dict) -> list[str]:
    # "Saeed bin Suroor (trainer)": the gloss in brackets is no part of the name.
    names = [re.sub(r"\s*\(.*?\)", "", attribution["speaker_canonical"])]
    source = " ".join(body[s:e] for s, e in _fragments(attribution["source"]))
    if source and source.lower().strip() not in _PRONOUNS:
        names.append(source)
    return names


def _score_gwn(page: dict, article: Article, counts: Counter) -> dict:
    """Add one document's figures to counts; return its misses and false quotes."""
    body = article.body
    attributions = page["attributions"]
    direct = [a for a in attributions if a["direct"]]
    predicted = [q for q in article.quotes if q.direct]
    sourced_claims = [c for c in article.claims if c.source.type is not SourceType.OUTLET]
    report: dict = {"id": page["id"], "missed": [], "wrong_speaker": [], "false": []}
    report["not_a_speaker_type"] = []
    counts["gold_direct"] += len(direct)
    counts["predicted_direct"] += len(predicted)
    counts["gold_all"] += len(attributions)
    for a in direct:
        content = _fragments(a["content"])
        matches = [q for q in predicted if _overlaps(q.start, q.end, content)]
        counts["direct_found"] += bool(matches)
        right = any(_speaker_matches(q, _gold_names(body, a)) for q in matches)
        counts["direct_speaker"] += right
        text = " | ".join(body[s:e] for s, e in content)
        if not matches:
            report["missed"].append({"quote": text, "gold_speaker": a["speaker_canonical"]})
        elif not right:
            report["wrong_speaker"].append(
                {"quote": text, "gold": a["speaker_canonical"], "got": matches[0].speaker}
            )
    for quote in predicted:
        gold = [a for a in direct if _overlaps(quote.start, quote.end, _fragments(a["content"]))]
        counts["correct_direct"] += bool(gold)
        counts["correct_direct_speaker"] += any(
            _speaker_matches(quote, _gold_names(body, a)) for a in gold
        )
        if not gold:
            report["false"].append({"quote": quote.text, "speaker": quote.speaker})
    report["wrong_source"] = []
    for a in attributions:
        content = _fragments(a["content"])
        quotes = [q for q in article.quotes if _overlaps(q.start, q.end, content)]
        claims = [c for c in sourced_claims if _overlaps(c.start, c.end, content)]
        counts["all_by_quotes"] += bool(quotes)
        counts["all_by_quotes_or_claims"] += bool(quotes or claims)
        # A cue-only attribution ("it was announced") has no source to get wrong.
        names = _gold_names(body, a) if a["source"] else None
        sourced = [q.speaker for q in quotes] + [c.source.name for c in claims]
        right = bool(sourced) if names is None else any(_name_matches(n, names) for n in sourced)
        counts["all_right_source"] += right
        text = " | ".join(body[s:e] for s, e in content)
        if not (quotes or claims) and not a["direct"]:
            report["missed"].append({"indirect": text, "gold_speaker": a["speaker_canonical"]})
        elif sourced and not right:
            report["wrong_source"].append(
                {
                    "content": text,
                    "gold": a["speaker_canonical"],
                    "got": sorted(set(map(str, sourced))),
                }
            )
        if claims:
            counts["typed"] += 1
            best = max(claims, key=lambda c: _overlap_length(c.start, c.end, content))
            right_type = best.source.type.value == a["speaker_type"]
            counts["type_right"] += right_type
            if not right_type:
                report["not_a_speaker_type"].append(
                    {
                        "source": best.source.name,
                        "got": best.source.type.value,
                        "gold": a["speaker_type"],
                        "gold_speaker": a["speaker_canonical"],
                    }
                )
    return report


def _overlap_length(start: int, end: int, fragments: list[tuple[int, int]]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in fragments)


def _report_gwn(split: str, counts: Counter) -> None:
    print(
        f"quotes-gwn-dev {split}: gold attributions {counts['gold_all']}, gold direct "
        f"{counts['gold_direct']}, predicted direct {counts['predicted_direct']}"
    )
    predicted, gold = counts["predicted_direct"], counts["gold_direct"]
    _prf("direct quote span", counts["correct_direct"], predicted, counts["direct_found"], gold)
    _prf(
        "direct quote+speaker",
        counts["correct_direct_speaker"],
        predicted,
        counts["direct_speaker"],
        gold,
    )
    total = counts["gold_all"] or 1
    print(f"  all attributions recall: by quotes {counts['all_by_quotes'] / total:.3f}", end="")
    print(f", by quotes or claims {counts['all_by_quotes_or_claims'] / total:.3f}", end="")
    print(f", with the right source {counts['all_right_source'] / total:.3f}")
    typed = counts["typed"] or 1
    print(f"  speaker type accuracy {counts['type_right'] / typed:.3f} (of {counts['typed']})")


def _prf(label: str, right_predicted: int, predicted: int, right_gold: int, gold: int) -> None:
    precision = right_predicted / predicted if predicted else 0.0
    recall = right_gold / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"  {label:22} precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")


# --- the project's own 20 pages ----------------------------------------------------------


def _run_pages(nlp, path: Path, label: str) -> list[Article]:  # type: ignore[no-untyped-def]
    gold = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    bodies = {k: v["articleBody"] for k, v in json.loads(GROUND_TRUTH.read_text("utf-8")).items()}
    bodies |= _gwn_texts()
    articles = [_article(page["id"], bodies[page["id"]]) for page in gold]
    counts: Counter[str] = Counter()
    for page, article, doc in zip(gold, articles, nlp.pipe(a.body for a in articles), strict=True):
        annotate(article, doc)
        extract(article, doc)
        _score(page, article, counts)
    print(
        f"{label} {len(gold)}: gold direct quotes {counts['gold']}, "
        f"predicted direct quotes {counts['predicted']}"
    )
    _prf("quote span", counts["correct"], counts["predicted"], counts["found"], counts["gold"])
    _prf(
        "quote+speaker",
        counts["correct_speaker"],
        counts["predicted"],
        counts["right_speaker"],
        counts["gold"],
    )
    return articles


def _article(page_id: str, body: str) -> Article:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    return Article(page_id, page_id, InputKind.TEXT, paragraphs)


def _score(page: dict, article: Article, counts: Counter) -> None:
    # This gold judged only passages of 3+ words: shorter (partial) quotes are outside it.
    predicted = [q for q in article.quotes if q.direct and len(q.text.split()) >= 3]
    counts["gold"] += len(page["quotes"])
    counts["predicted"] += len(predicted)
    for gold_quote in page["quotes"]:
        start, end = _gold_span(article, gold_quote)
        matches = [q for q in predicted if q.start < end and q.end > start]
        counts["found"] += bool(matches)
        alternatives = gold_quote["speaker"].split("|")
        counts["right_speaker"] += any(_speaker_matches(q, alternatives) for q in matches)
    spans = [_gold_span(article, g) for g in page["quotes"]]
    for quote in predicted:
        matched = [
            g
            for g, (s, e) in zip(page["quotes"], spans, strict=True)
            if quote.start < e and quote.end > s
        ]
        counts["correct"] += bool(matched)
        counts["correct_speaker"] += any(
            _speaker_matches(quote, g["speaker"].split("|")) for g in matched
        )


def _gold_span(article: Article, gold_quote: dict) -> tuple[int, int]:
    start = article.body.find(gold_quote["text"])
    return start, start + len(gold_quote["text"])


def _speaker_matches(quote: Quote, alternatives: list[str]) -> bool:
    return _name_matches(quote.speaker, alternatives)


def _name_matches(speaker: str | None, alternatives: list[str]) -> bool:
    """The gold name's last word is in the predicted name, or a short form of the gold name
    was predicted ("Mahathir" for "Mahathir Mohamad", "Liverpool" for "Liverpool FC")."""
    speaker = speaker or ""
    words = set(re.findall(r"[\w-]+", speaker.lower()))
    proper = speaker[:1].isupper() and speaker.split()[0].lower() not in _PRONOUNS
    for alternative in alternatives:
        names = re.findall(r"[\w-]+", alternative.lower().replace("'s ", " "))
        if names and (names[-1] in words or (proper and words and words <= set(names))):
            return True
    return False


# --- anonymous sources on the 88 article-extraction pages ---------------------------------


def _run_anonymous(nlp, unjudged_path: str | None, listed: str | None) -> None:  # type: ignore[no-untyped-def]
    judged = {}
    for line in ANONYMOUS_GOLD.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            judged[row["id"], row["source"], row["claim"]] = row
    bodies = json.loads(GROUND_TRUTH.read_text("utf-8"))
    ids = sorted(bodies)
    articles = [_article(i, bodies[i]["articleBody"]) for i in ids]
    counts: dict[str, Counter[str]] = {"train": Counter(), "dev": Counter()}
    unjudged: list[dict] = []
    for page_id, article, doc in zip(
        ids, articles, nlp.pipe(a.body for a in articles), strict=True
    ):
        annotate(article, doc)
        extract(article, doc)
        split = split_of(page_id)
        for claim in article.claims:
            if claim.source.type is not SourceType.ANONYMOUS:
                continue
            key = (page_id, claim.source.name, claim.text[:CLAIM_KEY_CHARS])
            row = judged.get(key)
            counts[split]["listed"] += 1
            if row is None:
                counts[split]["unjudged"] += 1
                unjudged.append({"id": page_id, "source": key[1], "claim": key[2], "split": split})
            else:
                counts[split]["anonymous"] += row["anonymous"]
            if listed == split:
                verdict = "?" if row is None else ("yes" if row["anonymous"] else "NO ")
                reason = row["reason"] if row else claim.text[:100]
                print(f"  {verdict} {page_id[:8]} {claim.source.name!r}: {reason}")
    for split in ("train", "dev"):
        c = counts[split]
        listed_claims = c["listed"] or 1
        print(
            f"anonymous sources {split}: claims marked anonymous {c['listed']}, "
            f"judged anonymous {c['anonymous']}, not judged yet {c['unjudged']}"
        )
        print(f"  truly anonymous share {c['anonymous'] / listed_claims:.3f}")
    if unjudged_path:
        lines = [json.dumps(u, ensure_ascii=False) for u in unjudged]
        Path(unjudged_path).write_text("\n".join(lines) + "\n", "utf-8")


def _report_timing(nlp, articles: list[Article]) -> None:  # type: ignore[no-untyped-def]
    """Baseline: bare nlp.pipe; then the same plus annotate + quotes + claims."""
    texts = [a.body for a in articles]
    bare = extracting = float("inf")
    for _ in range(TIMING_ROUNDS):
        began = time.perf_counter()
        docs = list(nlp.pipe(texts))
        piped = time.perf_counter()
        for article, doc in zip(articles, docs, strict=True):
            annotate(article, doc)
            find_quotes(article, doc)
            find_claims(article, doc)
        done = time.perf_counter()
        bare = min(bare, piped - began)
        extracting = min(extracting, done - began)
    print(
        f"timing ({len(texts)} pages, best of {TIMING_ROUNDS}): baseline nlp.pipe {bare:.2f}s, "
        f"with annotate+quotes+claims {extracting:.2f}s, ratio {extracting / bare:.2f}"
    )


if __name__ == "__main__":
    main()
