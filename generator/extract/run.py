"""Run the per-article analysis over a corpus: chunk → parse → extract → join (stage 2: analyse).

Articles whose analysis is already kept (the cache) are not parsed again;
the rest go through spaCy in one `nlp.pipe` stream, cut into chunks when
they are too long, and each is kept as soon as its last chunk is analysed,
so an interrupted build loses only the article in progress.

This module knows nothing of where analyses are kept: the build hands it a
`Kept` (in practice `generator.cache.Folder`). That keeps the cache and the
writer out of this package, so the cache's fingerprint of `extract/` and
what it imports stays the analysis code alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

from generator.extract import chunks, parse
from generator.extract.article import analyse_article
from generator.extract.guard import fault
from generator.model import Analysis, Article, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

Progress = Callable[[Iterable[tuple[Article, "Doc"]], int], Iterable[tuple[Article, "Doc"]]]
"""Wraps the stream of (article or chunk, spaCy Doc) pairs, given their number: a progress bar."""


def no_progress(items: Iterable[tuple[Article, Doc]], _total: int) -> Iterable[tuple[Article, Doc]]:
    """Report nothing: the stream as it is."""
    return items


class Kept(Protocol):
    """Where analyses are kept between builds."""

    def load(self, article: Article) -> Analysis | None:
        """The kept analysis of this exact article, or None."""

    def save(self, article: Article, analysis: Analysis) -> None:
        """Keep an analysis for the next build."""


def analyse_articles(
    articles: Sequence[Article],
    model: str,
    kept: Kept | None = None,
    progress: Progress = no_progress,
) -> tuple[list[Analysis], int]:
    """Analyse every article, reusing kept analyses; return them in order and the number of misses."""
    results: dict[int, Analysis] = {}
    if kept is not None:
        for i, article in enumerate(articles):
            hit = kept.load(article)
            if hit is not None:
                results[i] = hit
    misses = [i for i in range(len(articles)) if i not in results]
    if misses:
        pieces = [(i, offset, part) for i in misses for offset, part in chunks.split(articles[i])]
        parsed = parse.parse([part for _i, _o, part in pieces], model)
        done: dict[int, list[tuple[int, Analysis]]] = {i: [] for i in misses}
        counts = {i: sum(1 for j, _o, _p in pieces if j == i) for i in misses}
        for (i, offset, _part), (part, doc) in zip(pieces, progress(parsed, len(pieces)), strict=True):
            done[i].append((offset, _analysed(doc, part)))
            if len(done[i]) == counts[i]:
                results[i] = chunks.join(articles[i], done.pop(i))
                if kept is not None:
                    kept.save(articles[i], results[i])
    log.debug("analysis cache: %d hits, %d misses", len(articles) - len(misses), len(misses))
    return [results[i] for i in range(len(articles))], len(misses)


def _analysed(doc: Doc, article: Article) -> Analysis:
    """The article's analysis; should even the guards fail, an empty one carrying the fault."""
    try:
        return analyse_article(doc, article)
    except Exception as exc:  # the last guard: the article is still published, as plain text
        whole = Span(article.id, 0, len(article.body), article.body)
        lost = "it is published as plain text"
        return Analysis(article, (), (), (), (), (), faults=(fault(whole, "analyse", lost, exc),))
