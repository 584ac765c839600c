"""Run the per-article analysis over a corpus: chunk → batch → parse → extract → join (stage 2: analyse).

Articles whose analysis is already kept (the cache) are not parsed again.
The rest are cut into chunks when they are too long, and the chunks are
grouped, in corpus order, into batches (`batches`). An executor analyses each
batch — spaCy's `nlp.pipe` over the batch, then the extractors over each Doc
(`analyse_batch`) — wherever it runs it: here (`in_process`), in worker
processes (`generator.parallel`) or on a Dask cluster (`generator.cluster`),
and hands the batches back in any order. An article is joined and kept as
soon as its last chunk is back, so an interrupted build loses only the
batches in flight.

The batches depend only on the articles to analyse, never on how many
workers there are or where they run, and the analyses come back in corpus
order, so the result is the same for any number of jobs and any executor.

This module knows nothing of where analyses are kept: the build hands it a
`Kept` (in practice `generator.cache.Folder`). That keeps the cache and the
writer out of this package, so the cache's fingerprint of `extract/` and
what it imports stays the analysis code alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar

from generator.extract import chunks, parse
from generator.extract.article import analyse_article
from generator.extract.guard import fault
from generator.model import Analysis, Article, Paragraph, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

T = TypeVar("T")

BATCH_PIECES = 16
"""Most articles (or chunks) in one batch: one `nlp.pipe` call, one task for a worker."""
BATCH_CHARS = 200_000
"""Most characters in one batch (a longer chunk goes alone), so a batch of long articles fits in memory."""

Batch = Sequence[Article]
"""Articles or chunks analysed together, in corpus order."""

Executor = Callable[[Sequence[Batch], str], Iterator[tuple[int, list[Analysis]]]]
"""Analyses batches with a spaCy pipeline: yields (batch number, one analysis per piece), in any order."""


class Progress(Protocol):
    """Wraps the stream of analysed articles, given their number: a progress bar."""

    def __call__(self, items: Iterable[T], total: int, /) -> Iterable[T]:
        """The same items, reported as they pass."""


def no_progress(items: Iterable[T], _total: int, /) -> Iterable[T]:
    """Report nothing: the stream as it is."""
    return items


class Kept(Protocol):
    """Where analyses are kept between builds."""

    def load(self, article: Article) -> Analysis | None:
        """The kept analysis of this exact article, or None."""

    def save(self, article: Article, analysis: Analysis) -> None:
        """Keep an analysis for the next build."""


def analyse_batch(pieces: Batch, model: str) -> list[Analysis]:
    """Parse a batch in one `nlp.pipe` stream and run the extractors over each Doc, in order."""
    return [_analysed(doc, part) for part, doc in parse.parse(pieces, model, batch_size=BATCH_PIECES)]


def warm_up(model: str) -> None:
    """Load the pipeline, and every table the extractors build on first use, by analysing one sentence."""
    body = "Officials in Paris said on Monday that the company would sell 5 million shares.\n"
    article = Article(
        "warm-up", "warm-up.md", "", None, "", "", body, (Paragraph(0, 0, len(body) - 1, False),)
    )
    analyse_batch([article], model)


def in_process(batches: Sequence[Batch], model: str) -> Iterator[tuple[int, list[Analysis]]]:
    """Analyse the batches one after the other in this process (the pipeline stays loaded here)."""
    for number, batch in enumerate(batches):
        yield number, analyse_batch(batch, model)


def batches(pieces: Sequence[Article], most: int = 0, chars: int = 0) -> list[Batch]:
    """Group pieces, in order, into batches of at most `most` pieces and `chars` characters (or one piece).

    `most` and `chars` default to BATCH_PIECES and BATCH_CHARS.
    """
    most, chars = most or BATCH_PIECES, chars or BATCH_CHARS
    grouped: list[list[Article]] = []
    size = 0
    for piece in pieces:
        if not grouped or len(grouped[-1]) >= most or size + len(piece.body) > chars:
            grouped.append([])
            size = 0
        grouped[-1].append(piece)
        size += len(piece.body)
    return [tuple(group) for group in grouped]


def analyse_articles(
    articles: Sequence[Article],
    model: str,
    kept: Kept | None = None,
    progress: Progress = no_progress,
    executor: Executor = in_process,
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
        done = _analyse(articles, misses, model, kept, executor)
        for i, analysis in progress(done, len(misses)):
            results[i] = analysis
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


def _analyse(
    articles: Sequence[Article], misses: Sequence[int], model: str, kept: Kept | None, executor: Executor
) -> Iterator[tuple[int, Analysis]]:
    """Yield (index, analysis) of each missed article as its last chunk comes back, and keep it."""
    pieces = [(i, offset, part) for i in misses for offset, part in chunks.split(articles[i])]
    grouped = batches([part for _i, _o, part in pieces])
    owners: list[list[tuple[int, int]]] = []
    start = 0
    for batch in grouped:
        owners.append([(i, offset) for i, offset, _part in pieces[start : start + len(batch)]])
        start += len(batch)
    remaining = dict.fromkeys(misses, 0)
    for i, _offset, _part in pieces:
        remaining[i] += 1
    parts: dict[int, list[tuple[int, Analysis]]] = {i: [] for i in misses}
    for number, analysed in executor(grouped, model):
        for (i, offset), analysis in zip(owners[number], analysed, strict=True):
            parts[i].append((offset, analysis))
            remaining[i] -= 1
            if remaining[i] == 0:
                joined = chunks.join(articles[i], sorted(parts.pop(i), key=lambda part: part[0]))
                if kept is not None:
                    kept.save(articles[i], joined)
                yield i, joined
