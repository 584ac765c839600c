"""Timex scoring on hand-made gold: matching, extents, values and types."""

from __future__ import annotations

from typing import Any

import pytest

from generator.score.match import Ratio
from generator.score.timex import (
    Found,
    TimexScores,
    best_match,
    our_timexes,
    pair_one_to_one,
    raw_timexes,
    score_timexes,
)
from tests.records import article, timex


def gold(
    start: int, end: int, value: str = "2020-02-17", type: str = "DATE", text: str = "Monday"
) -> dict[str, Any]:
    """One MEANTIME gold TIMEX3."""
    return {"start": start, "end": end, "value": value, "type": type, "text": text}


@pytest.mark.parametrize(
    ("extent", "found", "expected"),
    [
        ((0, 6), [], None),
        ((0, 6), [(0, 6, "DATE", "x")], 0),
        ((0, 6), [(20, 30, "DATE", "x")], None),  # no overlap
        ((0, 6), [(6, 9, "DATE", "x")], None),  # touching is not overlapping
        ((0, 6), [(0, 3, "DATE", "a"), (2, 10, "DATE", "b")], 1),  # the most overlap wins
        ((0, 6), [(0, 3, "DATE", "a"), (3, 6, "DATE", "b")], 0),  # a tie: the first found
        ((2, 8), [(2, 10, "DATE", "a"), (2, 8, "DATE", "b")], 1),  # the exact extent beats any overlap
    ],
)
def test_best_match(extent: tuple[int, int], found: list[Found], expected: int | None) -> None:
    assert best_match(gold(*extent), found) == (None if expected is None else found[expected])


# (found, gold) → (strict, relaxed, value_ok, type_ok) for a single gold expression
CASES = [
    ([(0, 6, "DATE", "2020-02-17")], (1, 1, 1, 1)),
    ([(0, 10, "DATE", "2020-02-17")], (0, 1, 1, 1)),  # "Monday morning" for "Monday": relaxed only
    ([(0, 6, "DATE", "2020-02-18")], (1, 1, 0, 1)),
    ([(0, 6, "DURATION", "2020-02-17")], (1, 1, 1, 0)),
    ([(0, 6, "DATE", "")], (1, 1, 0, 1)),  # raw spaCy gives no value
    ([], (0, 0, 0, 0)),
]


@pytest.mark.parametrize(("found", "counts"), CASES)
def test_one_gold_expression(found: list[Found], counts: tuple[int, int, int, int]) -> None:
    scores = score_timexes({"a": found}, {"a": {"timexes": [gold(0, 6)], "dct": "2020-02-17"}})
    assert (scores.gold, scores.system) == (1, len(found))
    assert (scores.strict, scores.relaxed, scores.value_ok, scores.type_ok) == counts


def test_misses_and_wrong_values_are_listed_and_ratios_follow_the_counts() -> None:
    data = {
        "a": {"dct": "2020-02-17", "timexes": [gold(0, 6), gold(10, 18, "2020-02-21", text="Friday")]},
        "b": {"dct": None, "timexes": [gold(0, 4, "2012", text="2012")]},
    }
    scores = score_timexes(
        {"a": [(0, 6, "DATE", "2020-02-17"), (30, 40, "DATE", "2020")], "b": [(0, 4, "DATE", "2013")]}, data
    )
    assert scores == TimexScores(
        gold=3,
        system=3,
        strict=2,
        relaxed=2,
        value_ok=1,
        type_ok=2,
        misses=("a 2020-02-17 MISS 'Friday' DATE 2020-02-21", "b None VALUE '2012' 2012 got 2013"),
    )
    assert (scores.strict_recall, scores.relaxed_recall) == (Ratio(2, 3), Ratio(2, 3))
    assert (scores.value_accuracy, scores.type_accuracy) == (Ratio(1, 2), Ratio(2, 2))


def test_scores_add_up() -> None:
    one = TimexScores(2, 3, 1, 2, 1, 2, ("x",))
    assert one + one == TimexScores(4, 6, 2, 4, 2, 4, ("x", "x"))


def test_found_expressions_from_us_and_from_spacy() -> None:
    art = article("The army said on Monday it had won.")
    assert our_timexes([timex(art, "Monday", "2020-02-17", "2020-02-17")]) == [(17, 23, "DATE", "2020-02-17")]
    ents = [(17, 23, "DATE", "Monday"), (4, 8, "ORG", "army"), (0, 3, "TIME", "The")]
    assert raw_timexes(ents) == [(17, 23, "DATE", ""), (0, 3, "TIME", "")]


# (gold extents, found extents, index of each gold's partner in found)
PAIRS = [
    ([(0, 6)], [(0, 6)], [0]),
    ([(0, 6), (7, 12)], [(0, 12)], [0, None]),  # one long expression pairs with one gold only
    ([(0, 6), (7, 12)], [(0, 12), (7, 12)], [0, 1]),  # exact extents are paired first
    ([(0, 10)], [(0, 4), (5, 9)], [0]),  # a tie in overlap: the earlier start
    ([(0, 10)], [(0, 3), (5, 9)], [1]),  # else the most overlap
    ([(0, 10)], [(20, 30)], [None]),
    ([(0, 6), (0, 6)], [(0, 6)], [0, None]),
    ([], [(0, 6)], []),
]


@pytest.mark.parametrize(("golds", "found", "partners"), PAIRS)
def test_pair_one_to_one(
    golds: list[tuple[int, int]], found: list[tuple[int, int]], partners: list[int | None]
) -> None:
    items: list[Found] = [(s, e, "DATE", "") for s, e in found]
    assert pair_one_to_one([gold(s, e) for s, e in golds], items) == [
        None if i is None else items[i] for i in partners
    ]


def test_one_to_one_scoring_counts_a_long_expression_once() -> None:
    data = {"a": {"timexes": [gold(0, 6), gold(7, 12, "2020-02-18", text="Tuesday")]}}
    found = {"a": [(0, 12, "DATE", "2020-02-17")]}
    assert score_timexes(found, data).relaxed == 2
    one = score_timexes(found, data, one_to_one=True)
    assert (one.relaxed, one.value_ok) == (1, 1)
    assert (one.value_precision, one.value_recall) == (Ratio(1, 1), Ratio(1, 2))
