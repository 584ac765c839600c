"""Who takes part in each predicate (`generator.extract.participants`), on a sentence or two each.

The mentions are the ones extraction finds (`find_mentions`), so each case runs the
rules as a build does; a participant reads "role:name@verb", a pronoun or description
"role:pronoun=name@verb" with the first name it may stand for.
"""

from __future__ import annotations

import pytest

from generator.extract.mentions import find_mentions
from generator.extract.participants import find_participants, stands_for
from tests.records import article


def taking(nlp, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    """Every participant of `text` as "role:words@verb" ("role:pronoun=name@verb" for a pronoun)."""
    art = article(text)
    doc = nlp(text)
    found = set()
    for p in find_participants(doc, art, find_mentions(doc, art)):
        assert text[p.span.start : p.span.end] == p.span.text
        name = p.span.text
        if p.refers:
            start, end = p.refers[0]
            name = f"{name}={text[start:end]}"
        found.add(f"{p.role}:{name}@{p.verb.text}")
    return found


CASES = [
    # subject and object; conjoined subjects each act
    ("Turkey and Russia began talks in Moscow.", {"agent:Turkey@began", "agent:Russia@began"}),
    ("Apple sued Samsung in California.", {"agent:Apple@sued", "patient:Samsung@sued"}),
    # the passive: the subject is acted on, the "by" phrase acts
    ("Samsung was sued by Apple.", {"patient:Samsung@sued", "by-agent:Apple@sued"}),
    # a demonym on a word for forces or their deeds names the state; on people it does not
    ("Russian air strikes hit the town.", {"agent:Russian@hit"}),
    ("Hundreds of Syrian civilians fled.", set()),
    ("More than 875,000 Syrians fled.", set()),
    # a name that only describes another ("retailer", "magazine") is not a participant
    ("U.S. electronics retailer Best Buy cut prices.", {"agent:Best Buy@cut"}),
    # the owner of what acts takes part; a country on its border does not
    ("Apple's music store passed Wal-Mart.", {"agent:Apple@passed", "patient:Wal-Mart@passed"}),
    ("The strikes hit a town near the Turkish border.", set()),
    # the other side: "with", "against", and the "with" of an agreement the clause is under
    ("Apple filed a lawsuit against Samsung.", {"agent:Apple@filed", "partner:Samsung@filed"}),
    (
        "Turkey built the posts under an agreement with Russia.",
        {"agent:Turkey@built", "partner:Russia@built"},
    ),
    ("Boeing sold jets to China.", {"agent:Boeing@sold", "recipient:China@sold"}),
    # a verb without a subject of its own takes its governing verb's
    (
        "Boeing delivered the jet, ending production.",
        {"agent:Boeing@delivered", "agent:Boeing@ending"},
    ),
    # the one who reports a clause is its speaker
    (
        "The United Nations said 40,000 people had fled.",
        {"agent:The United Nations@said", "speaker:The United Nations@fled"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_actors_of_a_clause(nlp, text: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert {p for p in taking(nlp, text) if not p.startswith("location:")} == expected


PLACES = [
    # a country is where something happens after in, from, near...
    ("Troops from Russia fought in Syria.", {"location:Russia@fought", "location:Syria@fought"}),
    # ... and where something goes after "to" with a verb of motion, not with "sold"
    ("Turkey sent troops to Syria.", {"location:Syria@sent"}),
    ("Boeing sold jets to China.", set()),
    # the object of a verb of motion is where, not whom
    ("Funaro hopes to visit Canada next week.", {"location:Canada@visit"}),
    # a demonym never places anything
    ("The strikes hit a town near the Turkish border.", set()),
    # ... and after "of" a tour or a trip
    ("The jet began a tour of Asia and Australia.", {"location:Asia@began", "location:Australia@began"}),
    # a country after a place and a comma is where that place is
    (
        "The jet landed at Suvarnabhumi Airport, which serves Bangkok, Thailand.",
        {"location:Suvarnabhumi Airport@landed", "location:Thailand@serves"},
    ),
    # a city is a place wherever it stands; the owner of a place noun is a place
    ("Fighting raged across Syria's biggest cities.", {"location:Syria@raged"}),
]


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_where_a_clause_happens(nlp, text: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert {p for p in taking(nlp, text) if p.startswith("location:")} == expected


PRONOUNS = [
    # a pronoun stands for the subject of the sentence before
    (
        "Turkish president Tayyip Erdogan spoke to Syrian forces. On Saturday, he appeared to move the date.",
        "agent:he=Tayyip Erdogan@appeared",
    ),
    ("Apple said on Monday it had settled the dispute.", "agent:it=Apple@settled"),
    # a description stands for the nearest name of its kind; one described as such first
    (
        "Apple sued Samsung. NPD Group, a research firm, counted sales. The firm said sales rose.",
        "agent:firm=NPD Group@said",
    ),
    ("Apple met Samsung. The two companies settled.", "agent:companies=Samsung@settled"),
]


@pytest.mark.parametrize(("text", "expected"), PRONOUNS)
def test_pronouns_and_descriptions(nlp, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert expected in taking(nlp, text)


NOBODY = [
    # an "it" whose nearest subject is a thing stands for that thing
    "Airbus built the plane. The plane made its maiden flight on Monday.",
    # a pleonastic "it"
    "Airbus met Boeing. It is expected that prices will rise.",
    # not across quotation marks ("they", outside them, stands for Airbus and Boeing)
    "Airbus met Boeing. “We know it works,” they said.",
    # not more than two sentences back
    "Lavrov arrived. The talks began. The talks ended. He left.",
]


@pytest.mark.parametrize("text", NOBODY)
def test_pronouns_that_stand_for_no_name(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [p for p in taking(nlp, text) if "it=" in p or "its=" in p or "He=" in p]


@pytest.mark.parametrize(
    ("word", "kinds"),
    [
        ("he", {"person"}),
        ("Her", {"person"}),
        ("its", {"organisation", "state", "group"}),
        ("company", {"organisation"}),
        ("companies", {"organisation"}),
        ("country", {"state"}),
    ],
)
def test_what_a_pronoun_stands_for(word: str, kinds: set[str]) -> None:
    assert stands_for(word) == kinds


def test_a_dateline_locates_the_story(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "location:BEIRUT@BEIRUT (Reuters) -" in taking(nlp, "BEIRUT (Reuters) - Syria said talks failed.")
    assert not [p for p in taking(nlp, "Syria said talks failed.") if p.startswith("location:")]
