"""Regions, roads, crossings and airports (`generator.extract.locations`), and where mentions end up."""

from __future__ import annotations

import pytest

from generator.extract import gazetteer
from generator.extract.locations import widen
from generator.extract.mentions import find_mentions
from tests.records import article, mention

WIDEN = [
    # a region noun after a place makes it the region, as the gazetteer knows it
    (
        "in Aleppo’s northwestern countryside.",
        "Aleppo",
        "Aleppo’s northwestern countryside",
        "Aleppo Governorate",
        "region",
    ),
    ("from western Aleppo province.", "Aleppo", "Aleppo province", "Aleppo Governorate", "region"),
    # a region the gazetteers do not know keeps its own name, never the city's
    ("in the Homs countryside.", "Homs", "Homs countryside", "Homs countryside", "region"),
    # sites
    (
        "reopening Aleppo international airport.",
        "Aleppo",
        "Aleppo international airport",
        "Aleppo International Airport",
        "site",
    ),
    ("at the Bab al-Hawa crossing.", "Bab al-Hawa", "Bab al-Hawa crossing", "Bab al-Hawa crossing", "site"),
    # a name that already says what it is keeps its name
    ("at Suvarnabhumi airport.", "Suvarnabhumi", "Suvarnabhumi airport", "Suvarnabhumi Airport", "site"),
    # nothing to widen over
    ("Aleppo city fell.", "Aleppo", "Aleppo", "Aleppo", "city"),
]


@pytest.mark.parametrize(("text", "name", "words", "canonical", "kind"), WIDEN)
def test_a_place_widens_over_a_region_or_site(
    text: str, name: str, words: str, canonical: str, kind: str
) -> None:
    art = article(text)
    entry = gazetteer.lookup_place(name)
    found = widen(mention(art, name, "place", place_kind=entry.kind if entry else "city"), art.body)
    assert (found.span.text, found.name, found.place_kind) == (words, canonical, kind)
    assert art.body[found.span.start : found.span.end] == found.span.text


def test_actors_never_widen() -> None:
    art = article("Apple province")
    assert widen(mention(art, "Apple", "organisation"), art.body).span.text == "Apple"


@pytest.mark.parametrize(
    ("text", "road", "name", "kind"),
    [
        (
            "Forces drove insurgents from the M5 highway linking the cities.",
            "M5 highway",
            "M5 highway",
            "route",
        ),
        ("Traffic on the A1 motorway stopped.", "A1 motorway", "A1 motorway", "route"),
        ("They reopened the Damascus-Aleppo highway.", "Damascus-Aleppo highway", "M5 highway", "route"),
    ],
)
def test_roads_are_places(nlp, text: str, road: str, name: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    art = article(text)
    found = {m.span.text: m for m in find_mentions(nlp(text), art)}
    assert (found[road].name, found[road].kind, found[road].place_kind) == (name, "place", kind)


def test_a_region_suffix_never_falls_back_to_the_city() -> None:
    assert gazetteer.lookup_place("Homs countryside") is None
    assert gazetteer.lookup_place("Homs").kind == "city"  # type: ignore[union-attr]
    assert gazetteer.lookup_place("Idlib province").kind == "region"  # type: ignore[union-attr]
