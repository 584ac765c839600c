"""The mention finder on small cases: products are not actors; plural and company names are organisations."""

from __future__ import annotations

import pytest

from generator.extract.lexicon import is_product
from generator.extract.mentions import find_mentions
from generator.model import Article, Paragraph


def mentions(nlp, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Mention text → kind for one sentence."""
    article = Article("t", "t.md", "t", None, "", "", text, (Paragraph(0, 0, len(text), False),))
    return {m.span.text: m.kind for m in find_mentions(nlp(text), article) if not m.unlisted}


@pytest.mark.parametrize(
    "name",
    [
        "iPod",
        "iTunes Music Store",
        "iPhone 4",
        "Snow Leopard",
        "Mac App Store",
        "MacBook Pro",
        "OS X Lion",
        "Microsoft Longhorn",
        "Safari",
        "USB",
    ],
)
def test_products(name: str) -> None:
    assert is_product(name)


@pytest.mark.parametrize(
    "name",
    [
        "Apple",
        "Apple Inc.",
        "Apple Corps",
        "IBM",
        "eBay",
        "Adam Air",
        "Air China",
        "Best Buy",
        "Steve Jobs",
        "Boeing",
        "Mac News",
    ],
)
def test_not_products(name: str) -> None:
    assert not is_product(name)


def test_products_are_not_actors(nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(nlp, "Steve Jobs showed the iPhone and the Safari browser to Tim Cook in San Francisco.")
    assert found == {"Steve Jobs": "person", "Tim Cook": "person", "San Francisco": "place"}


def test_company_names_are_not_people(nlp) -> None:  # type: ignore[no-untyped-def]
    found = mentions(nlp, "Boeing merged with McDonnell Douglas, once Douglas Aircraft, in 1997.")
    assert found.get("Douglas Aircraft") == "organisation"


def test_a_town_name_after_the_tagger_said_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    """A company sharing a small town's name stays an organisation; the seed's curated towns are places."""
    found = mentions(nlp, "The GAO upheld Boeing's protest against the Air Force.")
    assert found.get("GAO") == "organisation"
