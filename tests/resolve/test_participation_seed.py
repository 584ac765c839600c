"""Who takes part, and where, on the seed: the facts issue 10 asks of the seed's events and places."""

from __future__ import annotations

from generator.model import Briefing, Event, Span
from generator.resolve.events import event_participants
from generator.resolve.links import Index


def _event(b: Briefing, words: str, said_as: str) -> Event:
    return next(e for e in b.events if words in e.sentence.text and e.timex.span.text == said_as)


def test_the_darat_izza_strikes_are_by_russia_and_government_forces_not_turkey(seed_site) -> None:  # type: ignore[no-untyped-def]
    strikes = _event(seed_site[1].briefing, "hit Darat Izza", "Monday")
    assert strikes.actors == ("government-forces", "russia")
    assert "darat-izza" in strikes.places and "turkey" not in strikes.places
    assert {(r.id, r.role, r.verb) for r in strikes.roles} >= {
        ("russia", "agent", "hit"),
        ("government-forces", "agent", "hit"),
        ("darat-izza", "patient", "hit"),
    }


def test_erdogan_makes_his_saturday_statement(seed_site) -> None:  # type: ignore[no-untyped-def]
    """ "On Saturday, he appeared to move that date forward": "he" is Erdogan, a sentence back.

    The Saturday report merges into the end-of-month deadline it restates, so its clause is
    checked on its own, then the merged event for that report among its sources.
    """
    b = seed_site[1].briefing
    (analysis,) = b.analyses
    start = analysis.article.body.index("On Saturday, he appeared")
    end = analysis.article.body.index("\n", start)
    clause = Span(analysis.article.id, start, end, analysis.article.body[start:end])
    taking = event_participants(analysis, clause, Index(b.actors, b.places))
    assert "tayyip-erdogan" in taking.actors
    merged = next(e for e in b.events if any(s.start == start for s in e.sources))
    assert "tayyip-erdogan" in merged.actors


def test_a_demonym_puts_nothing_on_a_country_page(seed_site) -> None:  # type: ignore[no-untyped-def]
    b = seed_site[1].briefing
    places = {p.id: p for p in b.places}
    assert {m.span.text for m in places["russia"].mentions} == {"Russia"}
    assert "Russian" not in {m.span.text for p in b.places for m in p.mentions}
    assert "iran" not in places  # "pro-Iranian militias" names Iran as an actor only
    assert "iran" in {a.id for a in b.actors}


def test_roads_airports_and_regions_are_places(seed_site) -> None:  # type: ignore[no-untyped-def]
    places = {p.id: p for p in seed_site[1].briefing.places}
    assert (places["m5-highway"].kind, places["aleppo-international-airport"].kind) == ("route", "site")
    assert places["aleppo-governorate"].kind == "region"
    assert "Aleppo countryside" in {m.span.text for m in places["aleppo-governorate"].mentions}
    assert "Aleppo’s northwestern countryside" not in {m.span.text for m in places["aleppo"].mentions}


def test_the_army_takes_control_and_turkey_sends_troops(seed_site) -> None:  # type: ignore[no-untyped-def]
    b = seed_site[1].briefing
    control = _event(b, "The Syrian army said on Monday it had taken full control", "Monday")
    assert control.actors == ("syrian-army",)  # "it" stands for the army
    troops = next(f for f in b.figures if f.mention.span.text == "thousands")
    assert troops.actors == ("turkey",)  # "Turkey has sent thousands of troops", not Russia
