"""Participant scoring (`generator.score.participants`) on a hand-made article and gold."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from generator.model import Actor, Briefing
from generator.score.match import Ratio
from generator.score.participants import GoldEvent, lines, load_participants, score_participants
from tests.records import analysis, article, mention, participant, timex

BODY = "On Monday Apple sued Samsung near Google's office. Samsung appealed."


def _briefing() -> Briefing:
    art = article(BODY, date=dt.date(2020, 2, 17))
    apple, samsung, google = (
        mention(art, "Apple", "organisation"),
        mention(art, "Samsung", "organisation"),
        mention(art, "Google", "organisation"),
    )
    monday = replace(timex(art, "Monday", "2020-02-17", "2020-02-17"), clause=(0, BODY.index(".") + 1))
    taking = (participant(art, "Apple", "agent", "sued"), participant(art, "Samsung", "patient", "sued"))
    result = analysis(art, (apple, samsung, google), timexes=(monday,), participants=taking)
    actors = tuple(
        Actor(ident, ident.title(), "organisation", (), (), (m,))
        for ident, m in (("apple", apple), ("samsung", samsung), ("google", google))
    )
    return Briefing((art,), actors, (), (), (), (monday,), (result,))


def _entity(text: str, instance: str) -> dict[str, object]:
    start = BODY.index(text)
    return {"start": start, "end": start + len(text), "text": text, "entity": text, "instance_id": instance}


GOLD = {"a": {"entities": [_entity("Apple", "A"), _entity("Samsung", "S"), _entity("Google", "G")]}}
SUED = GoldEvent("a", BODY.index("sued"), "sued", frozenset({"A", "S"}))
APPEALED = GoldEvent("a", BODY.index("appealed"), "appealed", frozenset({"S"}))  # no dated clause holds it


def test_each_way_of_choosing_actors_is_scored_on_the_same_clauses() -> None:
    scores = score_participants(_briefing(), GOLD, [SUED, APPEALED])
    assert {name: (s.events, s.covered) for name, s in scores.items()} == {
        "ours": (2, 1),
        "names in the clause": (2, 1),
        "names in the sentence": (2, 1),
    }
    assert (scores["ours"].recall, scores["ours"].precision) == (Ratio(2, 2), Ratio(2, 2))
    # Google, named only as the owner of a place, is not a party to the suing
    assert (scores["names in the sentence"].recall, scores["names in the sentence"].precision) == (
        Ratio(2, 2),
        Ratio(2, 3),
    )
    assert scores["names in the sentence"].wrong == (
        "a: “On Monday Apple sued Samsung near Google's office.” — google",
    )


def test_a_missed_actor_is_listed_by_its_gold_name() -> None:
    briefing = _briefing()
    result = replace(briefing.analyses[0], participants=briefing.analyses[0].participants[:1])
    scores = score_participants(replace(briefing, analyses=(result,)), GOLD, [SUED])
    assert scores["ours"].recall == Ratio(1, 2)
    assert scores["ours"].misses == ("a: “sued” — Samsung",)
    assert list(lines(scores, verbose=True))[-1] == "      participant missed: a: “sued” — Samsung"


def test_the_judgements_cover_every_gold_event_of_a_dated_sentence(tmp_path: Path) -> None:
    events = load_participants("apple")
    assert events and all(e.article and e.text for e in events)
    data = {
        "events": [
            {"article": "apple/1", "start": 3, "text": "said", "actors": ["X"]},
            {"article": "airbus/2", "start": 0, "text": "flew", "actors": []},
        ]
    }
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), "utf-8")
    assert load_participants("airbus", path) == [GoldEvent("2", 0, "flew", frozenset())]
