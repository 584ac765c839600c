"""What every scorer shares: a typed span, a share of hits, and matching spans by overlap.

Matching is by overlap, because MEANTIME's extents are extended markables ("the
United States Air Force (USAF"), ours are bare names ("United States Air Force").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Tagged:
    """A typed span that a system or an annotator put on a text."""

    article: str
    """Id of the article (the slug of its file stem)."""
    start: int
    """Offset of the first character in the body."""
    end: int
    """Offset one past the last character."""
    type: str
    """PER, ORG or LOC (or, in the annotated set, an actor kind or "place")."""
    page: str = ""
    """The page it lands on: an actor id for us, "LABEL:text" for raw spaCy."""


@dataclass(frozen=True, slots=True)
class Ratio:
    """A share: hits out of a total."""

    hits: int
    """What the system got right."""
    total: int
    """What there was to get."""

    def __str__(self) -> str:
        return f"{self.hits / self.total:.3f} ({self.hits}/{self.total})" if self.total else "n/a (0/0)"

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.hits + other.hits, self.total + other.total)

    @property
    def value(self) -> float:
        """The share as a float; 0 when there is nothing to count."""
        return self.hits / self.total if self.total else 0.0


def total(ratios: Iterable[Ratio]) -> Ratio:
    """The hits and totals of several ratios added up (over corpora, say)."""
    return sum(ratios, Ratio(0, 0))


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """True when [start, end) and [other_start, other_end) share a character."""
    return start < other_end and other_start < end


def by_article(items: Iterable[Tagged]) -> dict[str, list[Tagged]]:
    """Group typed spans by article, keeping their order."""
    grouped: dict[str, list[Tagged]] = defaultdict(list)
    for item in items:
        grouped[item.article].append(item)
    return grouped


def overlapping(items: Sequence[Tagged], start: int, end: int) -> Iterator[Tagged]:
    """The spans among `items` that overlap [start, end)."""
    return (t for t in items if overlaps(t.start, t.end, start, end))
