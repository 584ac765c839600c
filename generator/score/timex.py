"""Score temporal expressions against MEANTIME's TIMEX3 gold (recall: the annotation is not exhaustive).

Each gold expression is matched to the found one with the same extent, else to the one
that overlaps it most; it is then scored for its extent (strict: exact; relaxed: any
overlap), its TIMEX3 value and its type. Comparing two taggers (benchmarks/bench_timex.py)
pairs them one-to-one instead, so that one long expression cannot match two gold ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.model import Timex
from generator.score.gold import Gold
from generator.score.match import Ratio

RAW_TIMEXES = frozenset({"DATE", "TIME"})
"""spaCy entity labels that count as temporal expressions (spaCy gives them no value)."""

Found = tuple[int, int, str, str]
"""A temporal expression a system found: start, end, TIMEX3 type and value ("" when it gives none)."""


@dataclass(frozen=True, slots=True)
class TimexScores:
    """Counts over a set of articles; the ratios are properties."""

    gold: int
    """Gold expressions."""
    system: int
    """Expressions the system found."""
    strict: int
    """Gold expressions found with exactly their extent."""
    relaxed: int
    """Gold expressions overlapped by a found one."""
    value_ok: int
    """Of the overlapped, how many got the gold value."""
    type_ok: int
    """Of the overlapped, how many got the gold type."""
    misses: tuple[str, ...] = ()
    """Every missed expression and wrong value, for reading."""

    @property
    def strict_recall(self) -> Ratio:
        """Share of gold expressions found with the exact extent."""
        return Ratio(self.strict, self.gold)

    @property
    def relaxed_recall(self) -> Ratio:
        """Share of gold expressions overlapped by a found one."""
        return Ratio(self.relaxed, self.gold)

    @property
    def value_accuracy(self) -> Ratio:
        """Share of overlapped gold expressions whose value is right."""
        return Ratio(self.value_ok, self.relaxed)

    @property
    def type_accuracy(self) -> Ratio:
        """Share of overlapped gold expressions whose type is right."""
        return Ratio(self.type_ok, self.relaxed)

    @property
    def value_recall(self) -> Ratio:
        """Share of gold expressions matched with the right value."""
        return Ratio(self.value_ok, self.gold)

    @property
    def value_precision(self) -> Ratio:
        """Share of found expressions that match a gold one and have its value."""
        return Ratio(self.value_ok, self.system)

    def __add__(self, other: TimexScores) -> TimexScores:
        return TimexScores(
            self.gold + other.gold,
            self.system + other.system,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            self.value_ok + other.value_ok,
            self.type_ok + other.type_ok,
            self.misses + other.misses,
        )


def our_timexes(timexes: Iterable[Timex]) -> list[Found]:
    """Our expressions as found spans with their TIMEX3 type and value."""
    return [(t.span.start, t.span.end, t.type, t.value) for t in timexes]


def raw_timexes(ents: Sequence[tuple[int, int, str, str]]) -> list[Found]:
    """Raw spaCy's DATE and TIME entities as found spans, without a value."""
    return [(s, e, label, "") for s, e, label, _text in ents if label in RAW_TIMEXES]


def best_match(gold: Mapping[str, Any], found: Sequence[Found]) -> Found | None:
    """The found expression that matches a gold one best: the exact extent, else the most overlap."""
    best, overlap = None, 0
    for item in found:
        start, end = item[0], item[1]
        if start == gold["start"] and end == gold["end"]:
            return item
        shared = min(end, gold["end"]) - max(start, gold["start"])
        if shared > overlap:
            best, overlap = item, shared
    return best


def pair_one_to_one(gold: Sequence[Mapping[str, Any]], found: Sequence[Found]) -> list[Found | None]:
    """Each gold expression's partner, each found one used once: exact extents, then the most overlap."""
    free = list(found)
    paired: dict[int, Found] = {}
    for i, g in enumerate(gold):
        exact = next((f for f in free if (f[0], f[1]) == (g["start"], g["end"])), None)
        if exact is not None:
            paired[i] = exact
            free.remove(exact)
    for i, g in enumerate(gold):
        if i in paired:
            continue
        shared = [(min(f[1], g["end"]) - max(f[0], g["start"]), f) for f in free]
        shared = [(n, f) for n, f in shared if n > 0]
        if shared:
            best = max(shared, key=lambda pair: (pair[0], -pair[1][0]))[1]
            paired[i] = best
            free.remove(best)
    return [paired.get(i) for i in range(len(gold))]


def score_timexes(
    found: Mapping[str, Sequence[Found]], gold: Mapping[str, Gold], one_to_one: bool = False
) -> TimexScores:
    """Compare each article's found expressions with its gold ones (`one_to_one`: see `pair_one_to_one`)."""
    counts = dict(gold=0, system=0, strict=0, relaxed=0, value_ok=0, type_ok=0)
    misses = []
    for article, data in gold.items():
        items = found.get(article, ())
        counts["system"] += len(items)
        golds = data.get("timexes", [])
        partners = pair_one_to_one(golds, items) if one_to_one else [best_match(g, items) for g in golds]
        for g, match in zip(golds, partners, strict=True):
            counts["gold"] += 1
            if match is None:
                misses.append(f"{article} {data.get('dct')} MISS {g['text']!r} {g['type']} {g['value']}")
                continue
            start, end, kind, value = match
            counts["relaxed"] += 1
            counts["strict"] += (start, end) == (g["start"], g["end"])
            counts["type_ok"] += kind == g["type"]
            if value == g["value"]:
                counts["value_ok"] += 1
            else:
                misses.append(f"{article} {data.get('dct')} VALUE {g['text']!r} {g['value']} got {value}")
    return TimexScores(**counts, misses=tuple(misses))
