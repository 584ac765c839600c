"""Shares and overlap matching, shared by every scorer."""

from __future__ import annotations

import pytest

from generator.score.match import Ratio, Tagged, by_article, overlapping, overlaps, total


@pytest.mark.parametrize(
    ("ratio", "text", "value"),
    [
        (Ratio(126, 134), "0.940 (126/134)", 126 / 134),
        (Ratio(0, 5), "0.000 (0/5)", 0.0),
        (Ratio(5, 5), "1.000 (5/5)", 1.0),
        (Ratio(0, 0), "n/a (0/0)", 0.0),
        (Ratio(2, 3), "0.667 (2/3)", 2 / 3),
    ],
)
def test_ratio_prints_share_and_counts(ratio: Ratio, text: str, value: float) -> None:
    assert str(ratio) == text
    assert ratio.value == value


def test_ratios_add_up_counts_not_shares() -> None:
    assert Ratio(1, 2) + Ratio(9, 10) == Ratio(10, 12)
    assert total([Ratio(1, 2), Ratio(0, 0), Ratio(3, 4)]) == Ratio(4, 6)
    assert total([]) == Ratio(0, 0)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 5), (5, 9), False),  # touching ends share no character
        ((0, 5), (4, 9), True),
        ((3, 4), (0, 9), True),  # inside
        ((0, 9), (3, 4), True),  # around
        ((5, 9), (0, 5), False),
        ((2, 2), (0, 9), True),  # an empty span inside counts, as the gold scorers always did
        ((0, 3), (3, 3), False),
    ],
)
def test_overlaps(a: tuple[int, int], b: tuple[int, int], expected: bool) -> None:
    assert overlaps(*a, *b) is expected


def test_grouping_and_overlap_lookup_keep_order() -> None:
    spans = [Tagged("x", 10, 15, "PER"), Tagged("y", 0, 3, "ORG"), Tagged("x", 0, 4, "LOC")]
    grouped = by_article(spans)
    assert grouped == {"x": [spans[0], spans[2]], "y": [spans[1]]}
    assert list(overlapping(grouped["x"], 3, 12)) == [spans[0], spans[2]]
    assert list(overlapping(grouped["x"], 4, 10)) == []
