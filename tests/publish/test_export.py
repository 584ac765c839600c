"""The JSON export (`generator.publish.export`) of a hand-made briefing: shape, order, schema."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.model import Actor, Briefing, Event, Figure, Place, Span
from generator.publish.export import SCHEMA_VERSION, to_dict, to_json
from tests.records import article, figure, mention, quote, timex

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "generator/publish/schema/briefing.schema.json").read_text("utf-8")
)

SECOND = article("“We will win,” Erdoğan said in Ankara on Monday, and 12 died.", "b", dt.date(2020, 2, 17))
FIRST = article("Assad spoke in Aleppo to 300 people.", "a")
ERDOGAN, ANKARA = mention(SECOND, "Erdoğan"), mention(SECOND, "Ankara", "place")
ASSAD, ALEPPO = mention(FIRST, "Assad"), mention(FIRST, "Aleppo", "place")
MONDAY = timex(SECOND, "Monday", "2020-02-17", "2020-02-17")
WIN = quote(SECOND, "We will win,", ERDOGAN)


def _sentence(art: str, text: str) -> Span:
    body = {"a": FIRST.body, "b": SECOND.body}[art]
    return Span(art, body.index(text), body.index(text) + len(text), text)


EVENT = Event(
    "b-47",
    MONDAY,
    _sentence("b", SECOND.body),
    actors=("tayyip-erdogan",),
    places=("ankara",),
)
BRIEFING = Briefing(
    articles=(SECOND, FIRST),
    actors=(
        Actor("tayyip-erdogan", "Tayyip Erdoğan", "person", ("Erdoğan",), ("President",), (ERDOGAN,), (WIN,)),
        Actor("bashar-al-assad", "Bashar al-Assad", "person", (), (), (ASSAD,), curated=("renamed: fuller",)),
    ),
    places=(
        Place("ankara", "Ankara", "city", 39.92, 32.85, (), (ANKARA,)),
        Place("aleppo", "Aleppo", "city", None, None, ("Halab",), (ALEPPO,)),
    ),
    events=(EVENT,),
    figures=(
        Figure(
            "b-53",
            figure(SECOND, "12", 12),
            "2020-02-17",
            _sentence("b", SECOND.body),
            ("tayyip-erdogan",),
            (),
        ),
        Figure("a-25", figure(FIRST, "300"), "", _sentence("a", FIRST.body), (), (), ("hidden? no: kept",)),
    ),
    timexes=(MONDAY, timex(FIRST, "spoke", "PAST_REF"), timex(SECOND, "Ankara", "XXXX")),
)


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return to_dict(BRIEFING)


def test_the_export_follows_the_schema(data: dict[str, Any]) -> None:
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == SCHEMA_VERSION == 1


def test_records_are_listed_by_id_and_timexes_by_position(data: dict[str, Any]) -> None:
    assert [a["id"] for a in data["articles"]] == ["a", "b"]
    assert [a["id"] for a in data["actors"]] == ["bashar-al-assad", "tayyip-erdogan"]
    assert [p["id"] for p in data["places"]] == ["aleppo", "ankara"]
    assert [(t["article"], t["text"]) for t in data["timexes"]] == [
        ("a", "spoke"),
        ("b", "Ankara"),
        ("b", "Monday"),
    ]


def test_events_and_figures_keep_the_order_the_pipeline_gave() -> None:
    """Resolution sorts them (events by date, figures by article and offset); export does not re-sort."""
    reversed_figures = replace(BRIEFING, figures=BRIEFING.figures[::-1])
    assert [f["id"] for f in to_dict(BRIEFING)["figures"]] == ["b-53", "a-25"]
    assert [f["id"] for f in to_dict(reversed_figures)["figures"]] == ["a-25", "b-53"]


def test_articles(data: dict[str, Any]) -> None:
    assert data["articles"] == [
        {"id": "a", "title": "a", "date": None, "source": "", "url": "", "page": "articles/a.md"},
        {"id": "b", "title": "b", "date": "2020-02-17", "source": "", "url": "", "page": "articles/b.md"},
    ]


def test_an_actor_with_its_mentions_quotes_and_curation_trail(data: dict[str, Any]) -> None:
    erdogan, assad = data["actors"][1], data["actors"][0]
    assert erdogan == {
        "id": "tayyip-erdogan",
        "name": "Tayyip Erdoğan",
        "kind": "person",
        "aliases": ["Erdoğan"],
        "roles": ["President"],
        "page": "actors/tayyip-erdogan.md",
        "mentions": [{"article": "b", "start": 15, "end": 22, "text": "Erdoğan"}],
        "quotes": [{"article": "b", "start": 1, "end": 13, "text": "We will win,"}],
    }
    assert assad["curated"] == ["renamed: fuller"]


def test_a_place_without_coordinates(data: dict[str, Any]) -> None:
    assert data["places"][0] == {
        "id": "aleppo",
        "name": "Aleppo",
        "kind": "city",
        "lat": None,
        "lon": None,
        "aliases": ["Halab"],
        "page": "places/index.md#place-aleppo",
        "mentions": [{"article": "a", "start": 15, "end": 21, "text": "Aleppo"}],
    }


def test_an_event(data: dict[str, Any]) -> None:
    assert data["events"] == [
        {
            "id": "b-47",
            "date": "2020-02-17",
            "start": "2020-02-17",
            "end": "2020-02-17",
            "precision": "day",
            "when_text": "Monday",
            "explanation": "",
            "text": SECOND.body,
            "article": "b",
            "start_char": 0,
            "end_char": len(SECOND.body),
            "actors": ["tayyip-erdogan"],
            "places": ["ankara"],
            "headline": SECOND.body,  # no headline on the record: the sentence's first twelve words
            "status": "happened",
        }
    ]


def test_an_events_headline_and_status_are_exported_as_set() -> None:
    """A headline and status from the parse are written as they are; the trigger only when known."""
    data = to_dict(
        replace(
            BRIEFING,
            events=(
                replace(
                    BRIEFING.events[0],
                    headline="Erdoğan said",
                    status="announced",
                    trigger=_sentence("b", "said"),
                ),
            ),
        )
    )
    event = data["events"][0]
    assert (event["headline"], event["status"]) == ("Erdoğan said", "announced")
    assert event["trigger"] == {"article": "b", "start": 23, "end": 27, "text": "said"}


@pytest.mark.parametrize(
    ("changes", "extra"),
    [
        ({}, {}),
        ({"curated": ("re-dated: the article says so",)}, {"curated": ["re-dated: the article says so"]}),
        (
            {"clause": _sentence("b", "Erdoğan said in Ankara on Monday")},
            {"clause": {"article": "b", "start": 15, "end": 47, "text": "Erdoğan said in Ankara on Monday"}},
        ),
        (
            {"sources": (_sentence("b", SECOND.body), _sentence("a", FIRST.body))},
            {
                "sources": [
                    {"article": "b", "start": 0, "end": len(SECOND.body), "text": SECOND.body},
                    {"article": "a", "start": 0, "end": len(FIRST.body), "text": FIRST.body},
                ]
            },
        ),
        (
            {"disagreement": "dates differ: 17 Feb or 18 Feb"},
            {"disagreement": "dates differ: 17 Feb or 18 Feb"},
        ),
    ],
)
def test_an_events_optional_fields_appear_only_when_set(
    changes: dict[str, Any], extra: dict[str, Any]
) -> None:
    data = to_dict(replace(BRIEFING, events=(replace(EVENT, **changes),)))
    optional = {
        k: v for k, v in data["events"][0].items() if k in ("curated", "clause", "sources", "disagreement")
    }
    assert optional == extra
    jsonschema.validate(data, SCHEMA)


def test_figures(data: dict[str, Any]) -> None:
    twelve, undated = data["figures"]
    assert twelve == {
        "id": "b-53",
        "text": "12",
        "value": 12,
        "low": 12,
        "high": 12,
        "unit": "",
        "counts": "",
        "qualifier": "",
        "date": "2020-02-17",
        "article": "b",
        "start": 53,
        "end": 55,
        "actors": ["tayyip-erdogan"],
        "places": [],
    }
    assert (undated["date"], undated["value"], undated["curated"]) == (None, None, ["hidden? no: kept"])


def test_json_is_sorted_utf8_with_a_trailing_newline() -> None:
    raw = to_json(BRIEFING)
    assert raw.endswith(b"}\n") and "Erdoğan".encode() in raw
    assert json.loads(raw) == to_dict(BRIEFING)
    assert raw.decode("utf-8").splitlines()[1] == ' "actors": ['
    assert raw == to_json(replace(BRIEFING, actors=BRIEFING.actors[::-1], articles=BRIEFING.articles[::-1]))
