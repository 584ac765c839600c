"""Fault isolation after the analysis: a corpus-wide step failing on one article leaves out only it.

Resolving, building events, linking figures and quotes each run over every
analysis at once. When such a step raises an unexpected error, the articles
it fails on are found by bisection (the step is re-run on halves of the
corpus, so a few bad articles cost a few dozen re-runs of a cheap step), and
the step runs again without them: each is still published, without what the
step would have added, and each becomes a warning (`isolate.Isolated`). An
error that needs two articles together to happen cannot be pinned on one,
and is raised as it is (the build reports an internal error).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.model import Analysis

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Isolated:
    """An article a corpus-wide step was run without, because the step failed on it."""

    article: str
    """Id of the article left out."""
    action: str
    """What could not be done: "resolve the names of"."""
    lost: str
    """What the article is published without."""
    error: str
    """The exception's class."""
    trace: str
    """The formatted traceback, for `--debug`."""


def per_article(
    run: Callable[[Sequence[Analysis]], R], analyses: Sequence[Analysis], action: str, lost: str
) -> tuple[R, tuple[Isolated, ...]]:
    """`run(analyses)`, or, when it raises, `run` over the analyses it does not fail on."""
    try:
        return run(analyses), ()
    except Exception as first:
        failure = first
    errors: dict[int, BaseException] = {}
    _bisect(run, analyses, list(range(len(analyses))), errors)
    if not errors:
        raise failure  # it fails only when articles come together: no one article to blame
    kept = [a for i, a in enumerate(analyses) if i not in errors]
    result = run(kept)  # raises when leaving them out is not enough: an internal error after all
    isolated = tuple(
        Isolated(analyses[i].article.id, action, lost, type(exc).__name__, _trace(exc))
        for i, exc in sorted(errors.items())
    )
    return result, isolated


def _bisect(
    run: Callable[[Sequence[Analysis]], object],
    analyses: Sequence[Analysis],
    indices: list[int],
    errors: dict[int, BaseException],
) -> None:
    """Find the articles `run` fails on alone, halving the set that fails."""
    try:
        run([analyses[i] for i in indices])
        return
    except Exception as exc:
        if len(indices) == 1:
            errors[indices[0]] = exc
            return
    middle = len(indices) // 2
    _bisect(run, analyses, indices[:middle], errors)
    _bisect(run, analyses, indices[middle:], errors)


def _trace(exc: BaseException) -> str:
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
