"""Benchmark: each extractor's time as a share of bare spaCy's, over the MEANTIME bodies, in one run.

Usage: python benchmarks/bench_extract.py [--repeat N]

The pinned pipeline parses every MEANTIME body (../shared/corpora/meantime/*), timed; then each
extractor runs alone over the same Docs, timed: find_mentions, tag_timexes, extract_figures (given
the temporal spans, as the pipeline gives them), find_quotes and find_participants (given the
mentions), and analyse_article, which runs them all as the pipeline does. The best of N rounds is
kept, and each extractor is printed as a share of spaCy's time measured in the same round. Place lookups (the
gazetteer) are timed apart: the first lookup loads the indexes, later ones are dict probes.
The shares once asserted by the tests are printed as targets: tag_timexes <= 20% of spaCy,
extract_figures < 10% of spaCy, a cached place lookup < 1 ms.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract.article import analyse_article  # noqa: E402
from generator.extract.figures import extract_figures  # noqa: E402
from generator.extract.gazetteer import lookup_place  # noqa: E402
from generator.extract.mentions import find_mentions  # noqa: E402
from generator.extract.parse import load_pipeline  # noqa: E402
from generator.extract.participants import find_participants  # noqa: E402
from generator.extract.quotes import find_quotes  # noqa: E402
from generator.extract.timex import tag_timexes  # noqa: E402
from generator.model import Article  # noqa: E402
from generator.read.seeds import split_paragraphs  # noqa: E402
from generator.score.gold import MEANTIME, load_articles  # noqa: E402
from generator.slugs import slugify  # noqa: E402

TARGETS = {"tag_timexes": "target <= 20%", "extract_figures": "target < 10%"}
"""The shares the tests asserted before timing moved here."""


def articles() -> list[Article]:
    """The MEANTIME articles as the pipeline sees them: id, date, body and paragraphs."""
    return [
        Article(slugify(g.id), g.id, g.id, g.dct, "", "", g.body, split_paragraphs(g.body))
        for g in load_articles(MEANTIME)
    ]


def _time(run: Callable[..., object], *args: object) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    run(*args)
    return time.perf_counter() - started


def one_round(nlp, items: list[Article]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Seconds spent by spaCy and by each extractor over every article."""
    seconds = dict.fromkeys(
        [
            "spaCy",
            "find_mentions",
            "tag_timexes",
            "extract_figures",
            "find_quotes",
            "find_participants",
            "analyse_article",
        ],
        0.0,
    )
    for art in items:
        started = time.perf_counter()
        doc = nlp(art.body)
        seconds["spaCy"] += time.perf_counter() - started
        mentions = find_mentions(doc, art)
        timexes = tag_timexes(doc, art.id, art.date)
        spans = [(t.span.start, t.span.end) for t in timexes]
        seconds["find_mentions"] += _time(find_mentions, doc, art)
        seconds["tag_timexes"] += _time(tag_timexes, doc, art.id, art.date)
        seconds["extract_figures"] += _time(extract_figures, doc, art.id, spans)
        seconds["find_quotes"] += _time(find_quotes, doc, art, mentions)
        seconds["find_participants"] += _time(find_participants, doc, art, mentions)
        seconds["analyse_article"] += _time(analyse_article, doc, art)
    return seconds


def gazetteer() -> tuple[float, float]:
    """Seconds for the first place lookup (which loads the indexes) and per cached lookup."""
    load = _time(lookup_place, "Aleppo")
    started = time.perf_counter()
    for _ in range(1000):
        lookup_place("Idlib province")
        lookup_place("Swanson")
    return load, (time.perf_counter() - started) / 2000


def main(argv: list[str] | None = None) -> int:
    """Time every extractor against bare spaCy and print the shares."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timing rounds; the best is kept (default 3)")
    args = parser.parse_args(argv)
    if not MEANTIME.is_dir():
        print(f"MEANTIME corpus not found at {MEANTIME}", file=sys.stderr)
        return 2
    load, lookup = gazetteer()
    nlp = load_pipeline()
    items = articles()
    nlp(items[0].body)  # the first call allocates; keep it out of the rounds
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for name, seconds in one_round(nlp, items).items():
            best[name] = min(best.get(name, seconds), seconds)
    spacy = best.pop("spaCy")
    print(f"Extractors over bare spaCy ({len(items)} MEANTIME bodies, best of {args.repeat}):")
    print(f"  {'spaCy (nlp)':<24} {spacy:8.3f}s")
    for name, seconds in best.items():
        target = f"   ({TARGETS[name]})" if name in TARGETS else ""
        print(f"  {name:<24} {seconds:8.3f}s  {100 * seconds / spacy:5.1f}% of spaCy{target}")
    print(
        f"Place lookups: first (loads the gazetteer) {load:.3f}s, "
        f"then {1e6 * lookup:.1f} µs each (target < 1 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
