"""Tests for the home page's helpers: counted phrases of key figures, and who is named most."""

from __future__ import annotations

import pytest

from generator.model import Actor, Figure, FigureMention
from generator.publish.pages import counted_phrase, weight
from tests.records import article, mention, quote, span


def _figure(body: str, number: str, counts: str) -> Figure:
    art = article(body)
    m = FigureMention(span(art, number), None, None, None, "", "", counts)
    return Figure("f", m, "", span(art, body), (), ())


@pytest.mark.parametrize(
    ("body", "number", "counts", "phrase"),
    [
        ("More than 875,000 Syrians have fled.", "More than 875,000", "Syrians fled", "More than 875,000 Syrians"),
        ("It sent thousands of troops to Idlib.", "thousands", "troops", "thousands of troops"),
        ("Hundreds of thousands of Syrian civilians fled.", "Hundreds of thousands", "Syrian civilians fleeing",
         "Hundreds of thousands of Syrian civilians"),
        ("Over eight million iPhones will have been sold.", "eight million", "iPhones sold", "eight million iPhones"),
        ("More than 40,000 have been displaced.", "More than 40,000", "displaced", ""),
        ("US$40 billion was defeated in the vote.", "US$40 billion", "defeated", ""),
    ],
)  # fmt: skip
def test_a_key_figure_is_a_whole_counted_phrase_or_nothing(
    body: str, number: str, counts: str, phrase: str
) -> None:
    assert counted_phrase(_figure(body, number, counts)) == phrase


def test_an_actor_is_weighed_by_mentions_and_quotes_a_pronoun_carries() -> None:
    art = article('Erdogan spoke. On Saturday he said Turkey would "handle it".')
    named = mention(art, "Erdogan")
    actor = Actor("erdogan", "Erdogan", "person", (), (), (named,), (quote(art, "handle it", named),))
    assert weight(actor) == 2  # the quote's sentence does not name him: "he" stands for him
