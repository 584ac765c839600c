"""How the corpus writes each word: evidence that a capitalised word is a name or a common word."""

from __future__ import annotations

import pytest

from generator.resolve.casing import casing

BODIES = [
    "Apple sold the video. The video was lost, and Video sales fell. Lost profits hurt.\n"
    "Steve Jobs spoke. Jobs said the jobs report mattered to Jobs, not to NASA.",
    "# A Heading Full Of Capitals Like Semiconductor\n"
    "Access for U.S. Semiconductor firms grew. Semiconductor makers and semiconductor plants.\n"
    "He said: Trade is good. The video link was lost.",
]


def test_counts_skip_sentence_starts_headings_and_words_after_a_period() -> None:
    words = casing(BODIES)
    assert words.lower["video"] == 3 and words.capitalised["video"] == 1  # "and Video sales"
    assert words.capitalised["semiconductor"] == 0  # after "U.S.", at a sentence start, in a heading
    assert words.capitalised["trade"] == 0  # after a colon
    assert words.capitalised["jobs"] == 2 and words.lower["jobs"] == 1
    assert words.capitalised["nasa"] == 0  # all capitals say nothing


@pytest.mark.parametrize(
    ("word", "common", "name_word"),
    [
        ("Video", True, False),  # lowercase three times, capitalised once
        ("Lost", True, False),
        ("Jobs", False, True),
        ("Semiconductor", False, False),  # never capitalised inside a sentence: not known as a name
        ("Apple", False, False),  # only at a sentence start
        ("Steve", False, False),
    ],
)
def test_common_words_and_name_words(word: str, common: bool, name_word: bool) -> None:
    words = casing(BODIES)
    assert (words.common(word), words.name_word(word)) == (common, name_word)
