"""Tying figures and quotes to actors and places (`generator.resolve.links`), on hand-made records."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.model import Actor, Participant, Place, Span, Timex
from generator.resolve.links import (
    Index,
    attach_quotes,
    build_figures,
    figure_date,
    interactions,
    located_mentions,
    taking_part,
)
from tests.records import analysis, article, figure, mention, participant, quote, span, timex

BODY = "Assad met Erdogan in Ankara. Lavrov stayed in Moscow. Nobody else came."
ART = article(BODY)
ASSAD, ERDOGAN, LAVROV = mention(ART, "Assad"), mention(ART, "Erdogan"), mention(ART, "Lavrov")
ANKARA, MOSCOW = mention(ART, "Ankara", "place"), mention(ART, "Moscow", "place")


def _actor(ident: str, *mentions, kind: str = "person") -> Actor:  # type: ignore[no-untyped-def]
    return Actor(ident, ident.title(), kind, (), (), tuple(mentions))


def _place(ident: str, *mentions) -> Place:  # type: ignore[no-untyped-def]
    return Place(ident, ident.title(), "city", None, None, (), tuple(mentions))


ACTORS = [_actor("assad", ASSAD), _actor("erdogan", ERDOGAN), _actor("lavrov", LAVROV)]
PLACES = [_place("ankara", ANKARA), _place("moscow", MOSCOW)]
INDEX = Index(ACTORS, PLACES)


def _at(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


@pytest.mark.parametrize(
    ("article_id", "stretch", "actors", "places"),
    [
        ("a", _at("Assad met Erdogan in Ankara."), ("assad", "erdogan"), ("ankara",)),
        ("a", _at("Lavrov stayed in Moscow."), ("lavrov",), ("moscow",)),
        ("a", _at("Nobody else came."), (), ()),
        ("a", (0, len(BODY)), ("assad", "erdogan", "lavrov"), ("ankara", "moscow")),
        ("a", _at("met Erdogan"), ("erdogan",), ()),
        ("a", _at("ssad met"), (), ()),  # a mention counts where it starts
        ("a", (0, 1), ("assad",), ()),
        ("a", (0, 0), (), ()),
        ("a", _at("Ankara. Lavrov"), ("lavrov",), ("ankara",)),
        ("b", (0, len(BODY)), (), ()),  # another article
    ],
)
def test_within(
    article_id: str, stretch: tuple[int, int], actors: tuple[str, ...], places: tuple[str, ...]
) -> None:
    assert INDEX.within(article_id, *stretch) == (actors, places)


def test_within_lists_an_id_once_and_sorted() -> None:
    art = article("Zed and Abe and Zed again.")
    zed = _actor("zed", mention(art, "Zed"), mention(art, "Zed", occurrence=1))
    index = Index([zed, _actor("abe", mention(art, "Abe"))], [])
    assert index.within("a", 0, len(art.body)) == (("abe", "zed"), ())


def test_an_index_of_nothing_finds_nothing() -> None:
    assert Index([], []).within("a", 0, 100) == ((), ())


def test_quotes_go_to_the_actor_of_their_speaker_mention() -> None:
    art = article("“We will win,” Assad said. “Never,” said Lavrov. “Who knows,” someone said.")
    assad, lavrov = mention(art, "Assad"), mention(art, "Lavrov")
    won, never, knows = (
        quote(art, "We will win,", assad),
        quote(art, "Never,", lavrov),
        quote(art, "Who knows,"),
    )
    actors = [_actor("assad", assad), _actor("lavrov", lavrov), _actor("nobody")]
    linked = attach_quotes(actors, [analysis(art, (assad, lavrov), (won, never, knows))], Index(actors, []))
    assert {a.id: a.quotes for a in linked} == {"assad": (won,), "lavrov": (never,), "nobody": ()}


def test_a_quote_whose_speaker_is_on_no_actor_page_is_dropped() -> None:
    art = article("“Fine,” Assad said.")
    assad = mention(art, "Assad")
    linked = attach_quotes(
        [_actor("x")], [analysis(art, (assad,), (quote(art, "Fine,", assad),))], Index([], [])
    )
    assert linked[0].quotes == ()


def _timex(kind: str, value: str, begin: dt.date | None, end: dt.date | None) -> Timex:
    return Timex(Span("a", 0, 1, "x"), kind, value, begin=begin, end=end)


D = dt.date


@pytest.mark.parametrize(
    ("when", "shown"),
    [
        (_timex("DATE", "2020-02-17", D(2020, 2, 17), D(2020, 2, 17)), "2020-02-17"),
        (_timex("DATE", "2020-W08", D(2020, 2, 17), D(2020, 2, 23)), "2020-W08"),
        (_timex("DURATION", "P4D", D(2020, 2, 13), D(2020, 2, 17)), "2020-02-13/2020-02-17"),
        (_timex("DURATION", "P9Y", D(2011, 2, 17), D(2020, 2, 17)), "2011-02-17/2020-02-17"),
        (_timex("DURATION", "PXY", None, None), "PXY"),  # "for years": no interval to give
        (_timex("DATE", "PRESENT_REF", None, None), "PRESENT_REF"),
    ],
)
def test_figure_date(when: Timex, shown: str) -> None:
    assert figure_date(when) == shown


Dates = dict[str, tuple[str, str | None, str | None]]
"""Temporal expressions of a case: text → (value, first day, last day)."""


def _figures_of(body: str, times: Dates | None = None, dates: tuple[int, ...] = ()):  # type: ignore[no-untyped-def]
    """Figures of a one-article corpus with Assad (an actor) and Ankara (a place) on their pages."""
    art = article(body)
    names = [mention(art, n) for n in ("Assad",) if n in body]
    places = [mention(art, n, "place") for n in ("Ankara",) if n in body]
    found = tuple(timex(art, text, *when) for text, when in (times or {}).items())
    numbers = tuple(figure(art, text) for text in ("12", "30", "40") if text in body)
    taking = tuple(participant(art, "Assad", "agent", "lost") for _ in names[:1] if "Assad lost" in body)
    result = analysis(
        art, (*names, *places), timexes=found, figures=numbers, figure_dates=dates, participants=taking
    )
    index = Index([_actor("assad", *names)] if names else [], [_place("ankara", *places)] if places else [])
    return build_figures([result], index)


def test_a_figure_takes_the_participants_and_places_of_its_sentence_only() -> None:
    twelve, thirty = _figures_of("Assad lost 12 tanks near Ankara. Rebels took 30 more.")
    assert (twelve.id, twelve.mention.span.text) == ("a-11", "12")
    assert (twelve.actors, twelve.places) == (("assad",), ("ankara",))
    assert twelve.sentence.text == "Assad lost 12 tanks near Ankara."
    assert (thirty.actors, thirty.places, thirty.sentence.text) == ((), (), "Rebels took 30 more.")
    assert twelve.date == thirty.date == ""


def test_a_figure_takes_the_date_its_clause_gives() -> None:
    body = "On Monday Assad lost 12 tanks. In the last four days 30 fled."
    times: Dates = {
        "Monday": ("2020-02-17", "2020-02-17", None),
        "the last four days": ("P4D", "2020-02-13", "2020-02-17"),
    }
    monday, days = _figures_of(body, times, (0, 1))
    assert (monday.date, days.date) == ("2020-02-17", "2020-02-13/2020-02-17")
    assert [f.date for f in _figures_of(body, times, (-1, 0))] == ["", "2020-02-17"]


def test_figures_come_sorted_by_article_and_offset() -> None:
    first, second = article("Assad lost 40 tanks.", "b"), article("Then 12 and 30 fled.", "a")
    analyses = [
        analysis(first, figures=(figure(first, "40"),)),
        analysis(second, figures=(figure(second, "30"), figure(second, "12"))),
    ]
    found = build_figures(analyses, Index([], []))
    assert [(f.sentence.article, f.mention.span.text, f.id) for f in found] == [
        ("a", "12", "a-5"),
        ("a", "30", "a-12"),
        ("b", "40", "b-11"),
    ]


def test_a_clause_takes_its_participants_with_their_roles() -> None:
    body = "Russia and Turkey said Erdogan hit Jobs in Syria. He left."
    art = article(body)
    russia, turkey = mention(art, "Russia", "state"), mention(art, "Turkey", "state")
    erdogan, jobs, syria = (
        mention(art, "Erdogan"),
        mention(art, "Jobs", "organisation"),
        mention(art, "Syria", "state"),
    )
    taking = (
        participant(art, "Russia", "speaker", "hit"),
        participant(art, "Erdogan", "agent", "hit"),
        participant(art, "Jobs", "patient", "hit"),
        participant(art, "Syria", "location", "hit"),
        # "He" may stand for Jobs (read as an organisation by the tagger) or Erdogan: the person wins
        Participant(
            span(art, "He"),
            "agent",
            span(art, "left"),
            ((jobs.span.start, jobs.span.end), (erdogan.span.start, erdogan.span.end)),
        ),
    )
    result = analysis(art, (russia, turkey, erdogan, jobs, syria), participants=taking)
    index = Index(
        [
            _actor("russia", russia, kind="state"),
            _actor("turkey", turkey, kind="state"),
            _actor("erdogan", erdogan),
            _actor("jobs", jobs, kind="organisation"),
        ],
        [_place("syria", syria)],
    )
    hit = taking_part(result, span(art, "Russia and Turkey said Erdogan hit Jobs in Syria."), index)
    # the speaker is a role, not an actor; a country where it happens is a place
    assert (hit.actors, hit.places) == (("erdogan", "jobs"), ("syria",))
    assert [(r.id, r.role, r.verb) for r in hit.roles] == [
        ("erdogan", "agent", "hit"),
        ("jobs", "patient", "hit"),
        ("russia", "speaker", "hit"),
        ("syria", "location", "hit"),
    ]
    left = taking_part(result, span(art, "He left."), index)
    assert left.actors == ("erdogan",)


def test_located_mentions_are_those_the_text_places_something_at() -> None:
    body = "Russian jets flew from Russia to Syria."
    art = article(body)
    russian, russia, syria = (
        mention(art, "Russian", "state", "Russia", label="NORP→state"),
        mention(art, "Russia", "state"),
        mention(art, "Syria", "state"),
    )
    taking = (participant(art, "Russia", "location", "flew"), participant(art, "Syria", "location", "flew"))
    result = analysis(art, (russian, russia, syria), participants=taking)
    assert located_mentions([result]) == {("a", russia.span.start), ("a", syria.span.start)}


def test_interactions_link_who_acted_together_or_on_each_other() -> None:
    body = "Russia and Turkey hit Assad in Ankara, Lavrov said. Assad is Lavrov's ally."
    art = article(body)
    names = {
        n: mention(art, n, "state" if n in ("Russia", "Turkey") else "person")
        for n in ("Russia", "Turkey", "Assad", "Lavrov")
    }
    ankara = mention(art, "Ankara", "place")
    taking = (
        participant(art, "Russia", "agent", "hit"),
        participant(art, "Turkey", "agent", "hit"),
        participant(art, "Assad", "patient", "hit"),
        participant(art, "Ankara", "location", "hit"),
        participant(art, "Lavrov", "speaker", "hit"),
        participant(art, "Assad", "agent", "is", occurrence=1),
        participant(art, "Lavrov", "patient", "is", occurrence=1),
    )
    again = {n: mention(art, n, "person", occurrence=1) for n in ("Assad", "Lavrov")}
    result = analysis(art, (*names.values(), ankara, *again.values()), participants=taking)
    actors = [_actor(n.lower(), m, *([again[n]] if n in again else [])) for n, m in names.items()]
    index = Index(actors, [_place("ankara", ankara)])
    found = {(i.a, i.b, i.kind, i.verb) for i in interactions([result], index)}
    assert found == {
        ("russia", "turkey", "together", "hit"),
        ("assad", "russia", "on", "hit"),
        ("assad", "turkey", "on", "hit"),
    }  # nor the speaker, nor where, nor "is"
