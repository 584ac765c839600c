"""Names whose span swallowed a neighbour, cut back or split with the corpus as evidence."""

from __future__ import annotations

import pytest

from generator.model import Analysis, Mention
from generator.resolve.respan import respan
from tests.records import analysis, article, mention

# Words the corpus writes in lowercase, and "Navy" and "Reserve" inside sentences, as in a real corpus.
CONTEXT = (
    "Chip firms and semiconductor plants met trade officials. The navy said the Navy would sail. "
    "Steve Jobs spoke. Jobs said the Federal Reserve and the Fed agreed. "
    "Caspar Weinberger said so. Interests and disclosures were discussed."
)


def _corrected(
    text: str, name: str, kind: str = "organisation", label: str = "ORG"
) -> list[tuple[str, str, str]]:
    """(span text, name, kind) of what `name`, found as `kind` in `text`, becomes."""
    art = article(f"{text}\n{CONTEXT}")
    found = mention(art, name, kind, label=label)
    people = tuple(
        mention(art, p, "person", occurrence=text.count(p)) for p in ("Steve Jobs", "Caspar Weinberger")
    )
    (result, *_rest) = respan([analysis(art, (found, *people))])
    return [(m.span.text, m.name, m.kind) for m in result.mentions if m.span.start < len(text)]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # A capital after an abbreviation's period: common words are not part of the name.
        (
            "Access for U.S. Semiconductor firms grew.",
            "U.S. Semiconductor",
            [("U.S.", "United States", "state")],
        ),
        ("It convinced the U.S. That it works.", "U.S. That", [("U.S.", "United States", "state")]),
        ("They protect U.S. Interests abroad.", "U.S. Interests", [("U.S.", "United States", "state")]),
        # People after the name: it is whose they are.
        ("U.S. Trade officials met.", "U.S. Trade", [("U.S.", "United States", "state")]),
        # A person's surname in the same article: the state and the person.
        (
            "It sold well in the U.S. Jobs also noted it.",
            "U.S. Jobs",
            [("U.S.", "United States", "state"), ("Jobs", "Jobs", "person")],
        ),
        # An institution's word, or a word the corpus capitalises inside sentences: the name stays.
        ("Ships of the U.S. Navy sailed.", "U.S. Navy", [("U.S. Navy", "U.S. Navy", "organisation")]),
        (
            "The U.S. Federal Reserve met.",
            "U.S. Federal Reserve",
            [("U.S. Federal Reserve", "U.S. Federal Reserve", "organisation")],
        ),
        # No period: the capital is evidence of a name ("China Eastern" is an airline).
        ("China Eastern flies.", "China Eastern", [("China Eastern", "China Eastern", "organisation")]),
    ],
)
def test_a_name_after_an_abbreviation(text: str, name: str, expected: list[tuple[str, str, str]]) -> None:
    assert _corrected(text, name) == expected


@pytest.mark.parametrize(
    ("text", "name", "kind", "expected"),
    [
        (
            "A U.S.-Japan pact works.",
            "U.S.-Japan",
            "organisation",
            [("U.S.", "United States", "state"), ("Japan", "Japan", "state")],
        ),
        (
            "The U.S./Japan talks.",
            "U.S./Japan",
            "place",
            [("U.S.", "United States", "state"), ("Japan", "Japan", "state")],
        ),
        ("A Coca-Cola bottle.", "Coca-Cola", "organisation", [("Coca-Cola", "Coca-Cola", "organisation")]),
        # A nationality adjective read as an organisation or a place names its state.
        ("Kuwaiti tankers sailed.", "Kuwaiti", "organisation", [("Kuwaiti", "Kuwait", "state")]),
        ("Kuwaiti tankers sailed.", "Kuwaiti", "place", [("Kuwaiti", "Kuwait", "state")]),
        # A flight names the airline that runs it, even when the junk filter set the flight aside.
        (
            "Adam Air Flight 574 crashed.",
            "Adam Air Flight 574",
            "organisation",
            [("Adam Air", "Adam Air", "organisation")],
        ),
        # An office run into its holder's name: the person.
        (
            "Defence Caspar Weinberger spoke.",
            "Defence Caspar Weinberger",
            "organisation",
            [("Caspar Weinberger", "Caspar Weinberger", "person")],
        ),
    ],
)
def test_names_that_are_other_names(
    text: str, name: str, kind: str, expected: list[tuple[str, str, str]]
) -> None:
    assert _corrected(text, name, kind) == expected


def test_names_set_aside_and_rule_names_are_left_alone() -> None:
    art = article(f"Access for U.S. Semiconductor firms grew.\n{CONTEXT}")
    junk = mention(art, "U.S. Semiconductor", "organisation")
    ruled = mention(art, "U.S. Semiconductor", "organisation", label="rule:forces")
    for m in (
        Mention(junk.span, junk.name, junk.kind, junk.label, junk.sentence, unlisted="a product"),
        ruled,
    ):
        (result,) = respan([analysis(art, (m,))])
        assert result.mentions == (m,)


def test_untouched_analyses_are_the_same_objects() -> None:
    art = article("Steve Jobs spoke.")
    analyses: list[Analysis] = [analysis(art, (mention(art, "Steve Jobs", "person"),))]
    assert respan(analyses)[0] is analyses[0]


def test_a_place_and_another_name_around_a_spaced_dash_is_the_place() -> None:
    assert _corrected("It is based in San Jose - Cisco.", "San Jose - Cisco", "place") == [
        ("San Jose", "San Jose", "place")
    ]
    # Neither part a known place: left alone.
    assert _corrected("The Blorp - Zanthia line.", "Blorp - Zanthia", "place") == [
        ("Blorp - Zanthia", "Blorp - Zanthia", "place")
    ]


def test_a_flight_set_aside_as_a_serial_number_still_names_its_airline() -> None:
    art = article("Adam Air Flight 574 crashed.")
    flight = mention(art, "Adam Air Flight 574", "organisation")
    junk = Mention(
        flight.span, flight.name, flight.kind, flight.label, flight.sentence, unlisted="a serial number"
    )
    (result,) = respan([analysis(art, (junk,))])
    assert [(m.span.text, m.kind, m.unlisted) for m in result.mentions] == [("Adam Air", "organisation", "")]
