"""Resolution of mentions into actors: aliases, divisions, namesakes, products and lone words."""

from __future__ import annotations

from generator.model import Analysis, Article, Mention, Paragraph, Span
from generator.resolve.entities import resolve_actors


def _analysis(article: str, *mentions: tuple[str, str, str]) -> Analysis:
    """An article whose body is its mention texts; each mention is (text, name, kind)."""
    body = " ".join(text for text, _name, _kind in mentions)
    found, offset = [], 0
    for text, name, kind in mentions:
        found.append(
            Mention(Span(article, offset, offset + len(text), text), name, kind, "test", (0, len(body)))
        )
        offset += len(text) + 1
    art = Article(article, f"{article}.md", article, None, "", "", body, (Paragraph(0, 0, len(body), False),))
    return Analysis(art, ((0, len(body)),), tuple(found), (), (), ())


def _pages(*analyses: Analysis) -> dict[str, list[str]]:
    return {a.name: sorted({m.span.text for m in a.mentions}) for a in resolve_actors(analyses)}


def test_renamed_company_is_one_actor_but_a_namesake_is_not() -> None:
    pages = _pages(
        _analysis(
            "a", ("Apple Computer", "Apple Computer", "organisation"), ("Apple", "Apple", "organisation")
        ),
        _analysis(
            "b", ("Apple Inc.", "Apple Inc.", "organisation"), ("Apple Corps", "Apple Corps", "organisation")
        ),
    )
    assert pages == {"Apple Inc.": ["Apple", "Apple Computer", "Apple Inc."], "Apple Corps": ["Apple Corps"]}


def test_spellings_and_divisions_join_the_parent() -> None:
    pages = _pages(
        _analysis(
            "a",
            (
                "European Aeronautic Defence & Space NV",
                "European Aeronautic Defence & Space NV",
                "organisation",
            ),
            ("EADS", "EADS", "organisation"),
        ),
        _analysis("b", ("EADS North America", "EADS North America", "organisation")),
        _analysis(
            "c",
            ("Boeing", "Boeing", "organisation"),
            ("Boeing Commercial Airplanes", "Boeing Commercial Airplanes", "organisation"),
        ),
    )
    assert pages == {
        "European Aeronautic Defence and Space Company": [
            "EADS",
            "EADS North America",
            "European Aeronautic Defence & Space NV",
        ],
        "Boeing": ["Boeing", "Boeing Commercial Airplanes"],
    }


def test_a_short_form_joins_the_long_form_of_its_article_and_then_of_the_corpus() -> None:
    pages = _pages(
        _analysis(
            "a",
            ("United States Air Force", "United States Air Force", "organisation"),
            ("Air Force", "Air Force", "organisation"),
        ),
        _analysis(
            "b",
            ("U.S. Air Force", "U.S. Air Force", "organisation"),
            ("Air Force", "Air Force", "organisation"),
        ),
        _analysis("c", ("Air Force", "Air Force", "organisation")),
        _analysis(
            "d", ("Royal Air Force", "Royal Air Force", "organisation"), ("RAF", "RAF", "organisation")
        ),
    )
    assert pages == {
        "United States Air Force": ["Air Force", "U.S. Air Force", "United States Air Force"],
        "Royal Air Force": ["RAF", "Royal Air Force"],
    }


def test_a_state_never_joins_a_company_named_after_it() -> None:
    pages = _pages(
        _analysis(
            "a",
            ("Singapore Airlines", "Singapore Airlines", "organisation"),
            ("Singapore", "Singapore", "state"),
        )
    )
    assert pages == {"Singapore": ["Singapore"], "Singapore Airlines": ["Singapore Airlines"]}


def test_people_sharing_a_surname_are_flagged_not_merged() -> None:
    actors = resolve_actors(
        [
            _analysis(
                "a",
                ("Martin Mann", "Martin Mann", "person"),
                ("Anthony Mann", "Anthony Mann", "person"),
                ("Mann", "Mann", "person"),
            ),
        ]
    )
    names = {a.name: a.notes for a in actors}
    assert sorted(names) == ["Anthony Mann", "Mann", "Martin Mann"]
    assert names["Martin Mann"] == ("Shares the surname 'Mann' with Anthony Mann; not merged.",)
    assert names["Mann"] == ("Could be Anthony Mann; not merged.", "Could be Martin Mann; not merged.")


def test_a_lone_word_that_names_no_one_is_not_a_person() -> None:
    pages = _pages(
        _analysis(
            "a",
            ("Steve Jobs", "Steve Jobs", "person"),
            ("Jobs", "Jobs", "person"),
            ("Reader", "Reader", "person"),
            ("Mr Obama", "Obama", "person"),
        )
    )
    assert pages == {"Steve Jobs": ["Jobs", "Steve Jobs"], "Obama": ["Mr Obama"]}


def test_a_surname_tagged_as_an_organisation_is_the_person_named_in_the_same_article() -> None:
    pages = _pages(
        _analysis(
            "a",
            ("Mark Papermaster", "Mark Papermaster", "person"),
            ("Papermaster", "Papermaster", "organisation"),
            ("Papermaster", "Papermaster", "organisation"),
        ),
    )
    assert pages == {"Mark Papermaster": ["Mark Papermaster", "Papermaster"]}
