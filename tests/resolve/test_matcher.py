"""Many names found in one pass (`generator.resolve.matcher`): exactly what one combined regex finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.resolve.matcher import Matcher


def _regex(names: list[str], text: str) -> list[tuple[int, int, str]]:
    """What `propagate` found before: one alternation of every name, the longest first."""
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])")
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("names", "text", "found"),
    [
        (["Aleppo"], "Shelling hit Aleppo again.", [(13, 19, "Aleppo")]),
        (["Aleppo"], "Aleppos, Aleppo-based and pro-Aleppo groups.", []),  # whole words only
        (["Aleppo"], "aleppo and ALEPPO.", []),  # case-sensitive
        (
            ["Bashar al-Assad", "Assad"],
            "Bashar al-Assad met Assad.",
            [(0, 15, "Bashar al-Assad"), (20, 25, "Assad")],
        ),
        (
            ["New York", "New York City"],
            "New York City and New York.",
            [(0, 13, "New York City"), (18, 26, "New York")],
        ),
        # The longest name is not a whole word here ("New Yorker"), so the shorter one is.
        (["New York", "New Yorker Hotel"], "New Yorker Hotels", []),
        (
            ["New York", "New Yorkers"],
            "New Yorkers, New York",
            [(0, 11, "New Yorkers"), (13, 21, "New York")],
        ),
        (["U.S.", "U.S. Navy"], "The U.S. Navy and the U.S.", [(4, 13, "U.S. Navy"), (22, 26, "U.S.")]),
        (["Al"], "Al and Ali", [(0, 2, "Al")]),  # names shorter than the key
        (["Aleppo"], "“Aleppo”", [(1, 7, "Aleppo")]),
        ([], "Aleppo", []),
    ],
)
def test_examples(names: list[str], text: str, found: list[tuple[int, int, str]]) -> None:
    assert list(Matcher(names).finditer(text)) == found
    assert _regex(names, text) == found or not names


WORDS = st.sampled_from(
    ["Al", "Ale", "Aleppo", "Alep", "New", "York", "U.S.", "Navy", "al-Assad", "Ör", "_x"]
)
NAMES = st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=8)
GLUE = st.sampled_from([" ", "-", ", ", "s ", ".", "", "“", "\n", "_"])


@settings(max_examples=300, deadline=None)
@given(NAMES, st.lists(st.tuples(WORDS, GLUE), max_size=25))
def test_same_as_one_regex(names: list[str], pieces: list[tuple[str, str]]) -> None:
    """Any names, any text built from their words: the same matches as the combined regex."""
    text = "".join(word + glue for word, glue in pieces)
    assert list(Matcher(names).finditer(text)) == _regex(names, text)


@settings(max_examples=200, deadline=None)
@given(NAMES, st.text(alphabet="AlepoNwYrkUS. -_x“”\n", max_size=60))
def test_same_as_one_regex_on_any_text(names: list[str], text: str) -> None:
    """Any text over the names' letters: the same matches as the combined regex."""
    assert list(Matcher(names).finditer(text)) == _regex(names, text)
