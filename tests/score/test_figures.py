"""Figure scoring on hand-made gold VALUE markables."""

from __future__ import annotations

import pytest

from generator.score.figures import ValueScores, our_figures, raw_figures, score_values, value_recall
from generator.score.match import Ratio
from tests.records import article, figure

BODY = "Police arrested 12 suspects, 30 others and many more on Monday."
GOLD = {
    "a": {
        "values": [
            {"start": 16, "end": 18, "text": "12"},
            {"start": 29, "end": 31, "text": "30"},
            {"start": 43, "end": 47, "text": "many"},
        ]
    },
    "b": {"values": []},
}


@pytest.mark.parametrize(
    ("spans", "recall"),
    [
        ({}, Ratio(0, 3)),
        ({"a": [(16, 18)]}, Ratio(1, 3)),
        ({"a": [(16, 27)]}, Ratio(1, 3)),  # "12 suspects" overlaps "12"
        ({"a": [(0, 64)]}, Ratio(3, 3)),  # one span over everything covers every value
        ({"a": [(18, 29)]}, Ratio(0, 3)),  # between the values, touching both
        ({"b": [(16, 18)]}, Ratio(0, 3)),  # the right offsets in another article
        ({"a": [(16, 18), (29, 31), (43, 47)]}, Ratio(3, 3)),
    ],
)
def test_value_recall(spans: dict[str, list[tuple[int, int]]], recall: Ratio) -> None:
    assert value_recall(spans, GOLD) == recall


def test_scores_say_what_was_missed_and_what_lies_outside_the_gold() -> None:
    found = {"a": [(16, 18, "'12'"), (29, 31, "'30'"), (0, 6, "'Police'")], "b": [(0, 1, "'x'")]}
    scores = score_values(found, GOLD, {"a": BODY, "b": "x"})
    assert scores == ValueScores(
        recall=Ratio(2, 3),
        emitted=4,
        unmatched=2,
        misses=(f"a: 'many' in {BODY[3:64]!r}",),
        unmatched_examples=("a: 'Police'", "b: 'x'"),
    )


def test_scores_add_up() -> None:
    one = ValueScores(Ratio(1, 2), 3, 1, ("m",), ("u",))
    two = ValueScores(Ratio(2, 2), 1, 0)
    assert one + two == ValueScores(Ratio(3, 4), 4, 1, ("m",), ("u",))


def test_our_figures_are_noted_with_unit_and_what_they_count() -> None:
    art = article(BODY)
    assert our_figures([figure(art, "12", 12)]) == [(16, 18, "'12' (-, counts '')")]


def test_raw_figures_are_the_number_labels() -> None:
    ents = [
        (0, 6, "ORG", "Police"),
        (16, 18, "CARDINAL", "12"),
        (55, 61, "DATE", "Monday"),
        (1, 2, "MONEY", "$"),
    ]
    assert raw_figures(ents) == [(16, 18, "'12' (CARDINAL)"), (1, 2, "'$' (MONEY)")]
