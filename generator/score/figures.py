"""Score figures against MEANTIME's VALUE markables (recall: the annotation is not exhaustive)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.model import FigureMention
from generator.score.gold import Gold
from generator.score.match import Ratio, overlaps

RAW_FIGURES = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
"""spaCy entity labels that count as figures."""

Found = tuple[int, int, str]
"""A figure a system found: start, end, and a note for reading ("'5.5 per cent' (%, counts 'rate')")."""


@dataclass(frozen=True, slots=True)
class ValueScores:
    """How a system's figures cover the gold VALUE markables."""

    recall: Ratio
    """Gold VALUE markables overlapped by a figure."""
    emitted: int
    """Figures the system found."""
    unmatched: int
    """Of those, how many overlap no gold value (not errors: the gold is not exhaustive)."""
    misses: tuple[str, ...] = ()
    """The gold values no figure overlaps, with their context, for reading."""
    unmatched_examples: tuple[str, ...] = ()
    """The figures that overlap no gold value, for reading."""

    def __add__(self, other: ValueScores) -> ValueScores:
        return ValueScores(
            self.recall + other.recall,
            self.emitted + other.emitted,
            self.unmatched + other.unmatched,
            self.misses + other.misses,
            self.unmatched_examples + other.unmatched_examples,
        )


def our_figures(figures: Sequence[FigureMention]) -> list[Found]:
    """Our figure mentions as found spans, noted with their unit and what they count."""
    return [
        (f.span.start, f.span.end, f"{f.span.text!r} ({f.unit or '-'}, counts {f.counts!r})") for f in figures
    ]


def raw_figures(ents: Sequence[tuple[int, int, str, str]]) -> list[Found]:
    """Raw spaCy's figure entities (RAW_FIGURES) as found spans, noted with their label."""
    return [(s, e, f"{text!r} ({label})") for s, e, label, text in ents if label in RAW_FIGURES]


def value_recall(figures: Mapping[str, Sequence[tuple[int, int]]], gold: Mapping[str, Gold]) -> Ratio:
    """Share of gold VALUE markables overlapped by a figure."""
    hits = count = 0
    for article, data in gold.items():
        for value in data.get("values", []):
            count += 1
            hits += any(overlaps(s, e, value["start"], value["end"]) for s, e in figures.get(article, []))
    return Ratio(hits, count)


def score_values(
    found: Mapping[str, Sequence[Found]], gold: Mapping[str, Gold], bodies: Mapping[str, str]
) -> ValueScores:
    """Value recall of a system's figures, with what it missed and what it found beyond the gold."""
    spans = {article: [(s, e) for s, e, _note in items] for article, items in found.items()}
    misses = []
    unmatched = []
    emitted = 0
    for article, data in gold.items():
        values = data.get("values", [])
        body = bodies.get(article, "")
        for value in values:
            if not any(overlaps(s, e, value["start"], value["end"]) for s, e in spans.get(article, [])):
                context = body[max(0, value["start"] - 40) : value["end"] + 30]
                misses.append(f"{article}: {value['text']!r} in {context!r}")
        for start, end, note in found.get(article, []):
            emitted += 1
            if not any(overlaps(start, end, v["start"], v["end"]) for v in values):
                unmatched.append(f"{article}: {note}")
    return ValueScores(value_recall(spans, gold), emitted, len(unmatched), tuple(misses), tuple(unmatched))
