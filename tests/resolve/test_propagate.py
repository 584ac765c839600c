"""Names the tagger missed, found where the corpus already knows them (`generator.resolve.propagate`)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.model import Analysis, Mention, Span
from generator.resolve.propagate import propagate
from tests.records import analysis, article, mention, timex

# A tagged name: (text, kind, label, place kind)
Tag = tuple[str, str, str, str]
CITY: Tag = ("Aleppo", "place", "GPE", "city")
UNKNOWN_PLACE: Tag = ("Zahraa", "place", "GPE", "")
ASSAD: Tag = ("Assad", "person", "PERSON", "")
BASHAR: Tag = ("Bashar al-Assad", "person", "PERSON", "")


def _tagged(tags: list[Tag]) -> Analysis:
    """A first article that names each tag once, in order, in a sentence of its own, tagged there."""
    art = article(" ".join(f"{text} spoke." for text, *_ in tags) or "Nothing.", "first")
    found, start = [], 0
    for text, kind, label, place_kind in tags:
        span = Span(art.id, start, start + len(text), text)
        sentence = (start, start + len(text) + len(" spoke."))
        found.append(Mention(span, text, kind, label, sentence, place_kind=place_kind))
        start = sentence[1] + 1
    return analysis(art, tuple(found))


def _added(tags: list[Tag], body: str, second: Analysis | None = None) -> list[str]:
    """The texts propagation adds to a second article with `body`, in body order."""
    target = second or analysis(article(body, "second"))
    first, result = propagate([_tagged(tags), target])
    assert first == _tagged(tags)  # where the names were tagged, nothing changes
    before = set(target.mentions)
    return [m.span.text for m in result.mentions if m not in before]


@pytest.mark.parametrize(
    ("tags", "body", "added"),
    [
        ([CITY], "Shelling hit Aleppo again.", ["Aleppo"]),  # a gazetteer place: once is enough
        ([UNKNOWN_PLACE], "Shelling hit Zahraa again.", []),  # a place the gazetteers do not know
        ([ASSAD], "Assad spoke again.", []),  # one word, tagged once: not reliable yet
        ([ASSAD, ASSAD], "Assad spoke again.", ["Assad"]),  # tagged twice
        ([BASHAR], "Bashar al-Assad spoke again.", ["Bashar al-Assad"]),  # two words
        ([BASHAR, ASSAD, ASSAD], "Bashar al-Assad met Assad.", ["Bashar al-Assad", "Assad"]),  # longest first
        ([ASSAD, ("Assad", "organisation", "ORG", "")], "Assad spoke.", []),  # two readings: ambiguous
        ([("SANA", "organisation", "ORG", "")] * 2, "SANA said.", ["SANA"]),
        ([("UN", "organisation", "ORG", "")] * 2, "The UN said.", []),  # too short to match safely
        ([("al-Watan", "organisation", "ORG", "")] * 2, "al-Watan said.", []),  # not capitalised
        ([("Russian", "state", "NORP", "")] * 2, "A Russian jet.", []),  # a demonym needs its context
        ([("Russia", "state", "GPE", "")] * 2, "Russia said. Russia did.", ["Russia", "Russia"]),
        ([CITY], "Aleppos, Aleppo-based and pro-Aleppo groups.", []),  # whole words only
        ([CITY], "aleppo and ALEPPO.", []),  # case-sensitive
        ([CITY], "Aleppo! (Aleppo) “Aleppo”", ["Aleppo", "Aleppo", "Aleppo"]),
        ([], "Aleppo.", []),
    ],
)
def test_which_names_are_propagated(tags: list[Tag], body: str, added: list[str]) -> None:
    assert _added(tags, body) == added


def test_nothing_is_added_over_a_mention_or_a_timex_or_in_a_heading() -> None:
    art = article("Aleppo\nFighting near Aleppo province since Aleppo Day. Then Aleppo fell.", "second")
    second = analysis(
        art,
        (mention(art, "Aleppo province", "place"),),
        timexes=(timex(art, "Aleppo Day", "2020-02-17", "2020-02-17"),),
    )
    assert art.paragraphs[0].heading
    assert _added([CITY], art.body, second) == ["Aleppo"]
    result = propagate([_tagged([CITY]), second])[1]
    assert [m.span.start for m in result.mentions] == sorted(m.span.start for m in result.mentions)


def test_a_propagated_mention_copies_the_reading_and_takes_its_own_place() -> None:
    art = article("The army entered Aleppo. The strategic city of Aleppo fell.", "first")
    template = mention(art, "Aleppo", "place", name="Aleppo city", label="GPE", place_kind="city")
    tagged = analysis(art, (replace(template, role="Syria's second city"),))
    second = analysis(article("Later. Refugees left Aleppo on foot.", "second"))
    (added,) = propagate([tagged, second])[1].mentions
    assert (added.span.article, added.span.start, added.span.end, added.span.text) == (
        "second",
        21,
        27,
        "Aleppo",
    )
    assert (added.name, added.kind, added.place_kind) == ("Aleppo city", "place", "city")
    assert (added.label, added.role) == ("propagated:GPE", "")
    assert added.sentence == (7, 36)


def test_without_reliable_names_the_analyses_come_back_as_they_were() -> None:
    analyses = [_tagged([ASSAD]), analysis(article("Nothing here.", "second"))]
    assert propagate(analyses) == analyses
    assert propagate([]) == []
