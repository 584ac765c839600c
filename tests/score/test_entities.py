"""Entity scoring on hand-made gold: typed recall, cross-document identity, precision."""

from __future__ import annotations

from typing import Any

import pytest

from generator.model import Actor, Briefing, Place
from generator.score.entities import (
    OUR_TYPES,
    SAME_TYPES,
    annotated_identity,
    identity_from_pages,
    junk_pages,
    our_mentions,
    precision,
    raw_mentions,
    typed_recall,
)
from generator.score.match import Ratio, Tagged
from tests.records import article, mention


def ent(
    start: int, end: int, type: str = "PER", syntactic: str = "NAM", instance: str = "e1", name: str = "Name"
) -> dict[str, Any]:
    """One MEANTIME gold entity mention."""
    return {
        "start": start,
        "end": end,
        "text": name,
        "type": type,
        "syntactic_type": syntactic,
        "instance_id": instance,
        "entity": name,
    }


# (system spans in article "a", gold entity in "a", whether it is recalled)
RECALL = [
    ([Tagged("a", 0, 5, "person")], ent(0, 5), True),
    ([Tagged("a", 2, 4, "person")], ent(0, 9), True),  # a bare name inside an extended markable
    ([Tagged("a", 0, 9, "person")], ent(4, 5), True),
    ([Tagged("a", 0, 5, "organisation")], ent(0, 5), False),  # overlapping, but the wrong type
    ([Tagged("a", 0, 5, "organisation"), Tagged("a", 3, 5, "person")], ent(0, 5), True),
    ([Tagged("a", 5, 9, "person")], ent(0, 5), False),  # touching is not overlapping
    ([Tagged("b", 0, 5, "person")], ent(0, 5), False),  # another article
    ([Tagged("a", 0, 5, "group")], ent(0, 5, "ORG"), True),
    ([Tagged("a", 0, 5, "state")], ent(0, 5, "LOC"), True),
    ([Tagged("a", 0, 5, "place")], ent(0, 5, "LOC"), True),
    ([], ent(0, 5), False),
]


@pytest.mark.parametrize(("system", "gold", "hit"), RECALL)
def test_typed_recall_of_one_gold_name(system: list[Tagged], gold: dict[str, Any], hit: bool) -> None:
    scores = typed_recall(system, {"a": {"entities": [gold]}}, OUR_TYPES)
    assert scores[gold["type"]] == Ratio(int(hit), 1)
    assert scores["all"] == Ratio(int(hit), 1)


@pytest.mark.parametrize("gold", [ent(0, 5, syntactic="NOM"), ent(0, 5, syntactic="PRO"), ent(0, 5, "PRO")])
def test_only_proper_names_of_scored_types_count(gold: dict[str, Any]) -> None:
    scores = typed_recall([Tagged("a", 0, 5, "person")], {"a": {"entities": [gold]}}, OUR_TYPES)
    assert scores == {kind: Ratio(0, 0) for kind in ("PER", "ORG", "LOC", "all")}


def test_typed_recall_per_type_and_overall() -> None:
    gold = {
        "a": {"entities": [ent(0, 5), ent(10, 15, "ORG"), ent(20, 25, "LOC")]},
        "b": {"entities": [ent(0, 5, "ORG")], "values": []},
        "c": {},
    }
    system = [Tagged("a", 0, 5, "PER"), Tagged("a", 20, 25, "LOC"), Tagged("b", 1, 2, "ORG")]
    assert typed_recall(system, gold, SAME_TYPES) == {
        "PER": Ratio(1, 1),
        "ORG": Ratio(1, 2),
        "LOC": Ratio(1, 1),
        "all": Ratio(3, 4),
    }


def _identity(pages: list[Tagged], *entities: tuple[str, dict[str, Any]]):  # type: ignore[no-untyped-def]
    gold: dict[str, dict[str, Any]] = {}
    for art, e in entities:
        gold.setdefault(art, {"entities": []})["entities"].append(e)
    return identity_from_pages(pages, gold, OUR_TYPES)


def test_a_recurring_entity_on_one_page() -> None:
    scores = _identity(
        [Tagged("a", 0, 5, "person", "jobs"), Tagged("b", 7, 12, "person", "jobs")],
        ("a", ent(0, 5, name="Steve Jobs")),
        ("b", ent(7, 12, name="Jobs")),
    )
    assert (scores.recurring, scores.found, scores.single_page, scores.split) == (1, 1, 1, 0)
    assert (scores.pages, scores.mixed_pages) == (1, 0)


def test_a_recurring_entity_split_over_two_pages_is_named() -> None:
    scores = _identity(
        [Tagged("a", 0, 5, "person", "steve-jobs"), Tagged("b", 0, 5, "person", "jobs")],
        ("a", ent(0, 5, name="Steve Jobs")),
        ("b", ent(0, 5, name="Steve Jobs")),
    )
    assert (scores.recurring, scores.single_page, scores.split) == (1, 0, 1)
    assert scores.split_names == ("Steve Jobs → jobs, steve-jobs",)


def test_two_entities_on_one_page_mix_it() -> None:
    scores = _identity(
        [Tagged("a", 0, 5, "organisation", "apple"), Tagged("a", 10, 15, "organisation", "apple")],
        ("a", ent(0, 5, "ORG", instance="inc", name="Apple Inc.")),
        ("a", ent(10, 15, "ORG", instance="corps", name="Apple Corps")),
    )
    assert scores.recurring == 0  # each is named in one article only
    assert (scores.pages, scores.mixed_pages) == (1, 1)
    assert scores.mixed_names == ("apple ← Apple Corps, Apple Inc.",)


def test_the_page_of_the_best_overlapping_mention_counts() -> None:
    """Of the mentions over a gold name, one of the gold type wins even when another covers more."""
    gold = ent(0, 40, name="Joe Leonard, Chairman of AirTran Airways")
    scores = _identity(
        [
            Tagged("a", 0, 11, "person", "joe-leonard"),
            Tagged("a", 25, 40, "organisation", "airtran"),
            Tagged("b", 0, 11, "person", "joe-leonard"),
        ],
        ("a", gold),
        ("b", ent(0, 11, name="Joe Leonard")),
    )
    assert (scores.single_page, scores.pages) == (1, 1)


def test_a_nested_gold_name_is_not_put_on_the_page_of_the_name_around_it() -> None:
    """ "U.S." inside "U.S. Navy" (both annotated): the Navy's mention stands for the Navy only."""
    annotated = {
        "a": [Tagged("a", 0, 9, "organisation", "us-navy"), Tagged("a", 0, 4, "state", "united-states")],
        "b": [Tagged("b", 0, 4, "state", "united-states"), Tagged("b", 10, 14, "organisation", "us-navy")],
    }
    system = [
        Tagged("a", 0, 9, "organisation", "us-navy"),
        Tagged("b", 0, 4, "state", "united-states"),
        Tagged("b", 10, 14, "organisation", "us-navy"),
    ]
    scores = annotated_identity(system, annotated, OUR_TYPES)
    assert (scores.recurring, scores.single_page, scores.split) == (2, 2, 0)
    assert (scores.pages, scores.mixed_pages) == (2, 0)


def test_a_name_inside_a_longer_markable_keeps_its_own_page() -> None:
    """MEANTIME's "China Eastern's board of directors" does not pull China Eastern's page into it."""
    scores = _identity(
        [
            Tagged("a", 0, 15, "organisation", "china-eastern"),
            Tagged("b", 0, 13, "organisation", "china-eastern"),
        ],
        ("a", ent(0, 13, "ORG", instance="ce", name="China Eastern")),
        ("a", ent(0, 34, "PER", instance="board", name="China Eastern's board of directors")),
        ("b", ent(0, 13, "ORG", instance="ce", name="China Eastern")),
    )
    assert (scores.recurring, scores.single_page, scores.pages, scores.mixed_pages) == (1, 1, 1, 0)


def test_gold_without_an_instance_or_not_a_name_is_left_out() -> None:
    scores = _identity(
        [Tagged("a", 0, 5, "person", "x"), Tagged("b", 0, 5, "person", "x")],
        ("a", ent(0, 5, instance="")),
        ("b", ent(0, 5, syntactic="NOM")),
        ("b", ent(0, 5, "LOC")),
    )
    assert (scores.recurring, scores.pages) == (0, 0)


def test_precision_counts_each_mention_against_the_annotation() -> None:
    annotated = {
        "a": [Tagged("a", 0, 5, "person"), Tagged("a", 11, 18, "organisation"), Tagged("a", 22, 28, "place")]
    }
    bodies = {"a": "Assad said Reuters in Aleppo and iPhone"}
    system = [
        Tagged("a", 0, 5, "person"),  # right kind
        Tagged("a", 11, 18, "group"),  # right type (ORG), wrong kind
        Tagged("a", 33, 39, "organisation"),  # nothing annotated there
        Tagged("b", 0, 5, "person"),  # not an annotated article: not counted
    ]
    scores = precision(system, annotated, OUR_TYPES, bodies)
    assert scores.typed == Ratio(2, 3)
    assert scores.kind == Ratio(1, 3)
    assert scores.recall == Ratio(2, 3)
    assert scores.errors == ("a: 'iPhone' as organisation, annotated nothing",)


def test_precision_of_a_system_typed_like_meantime_has_no_kind_score() -> None:
    annotated = {"a": [Tagged("a", 0, 5, "person")]}
    scores = precision([Tagged("a", 0, 5, "ORG")], annotated, SAME_TYPES, {"a": "Assad"})
    assert (scores.typed, scores.kind, scores.recall) == (Ratio(0, 1), Ratio(0, 0), Ratio(0, 1))
    assert scores.errors == ("a: 'Assad' as ORG, annotated person",)


def test_junk_pages_are_pages_none_of_whose_mentions_is_annotated() -> None:
    annotated = {"a": [Tagged("a", 0, 5, "person")], "b": []}
    system = [
        Tagged("a", 0, 5, "person", "assad"),
        Tagged("a", 10, 13, "organisation", "usd"),  # annotated nothing: junk
        Tagged("b", 0, 5, "person", "assad"),  # the same page elsewhere: still not junk
        Tagged("b", 6, 9, "place", "place:utc"),
        Tagged("c", 0, 3, "organisation", "outside"),  # not an annotated article: not counted
    ]
    assert junk_pages(system, annotated) == (Ratio(2, 3), ("place:utc", "usd"))


def test_identity_on_an_annotated_set_counts_every_kind_by_instance() -> None:
    annotated = {
        "a": [Tagged("a", 0, 4, "state", "iran"), Tagged("a", 10, 20, "person", "weinberger")],
        "b": [Tagged("b", 0, 7, "state", "iran"), Tagged("b", 10, 20, "person", "weinberger")],
        "c": [Tagged("c", 0, 4, "place", "gulf")],
    }
    system = [
        Tagged("a", 0, 4, "state", "iran"),
        Tagged("b", 0, 7, "state", "iranian"),  # Iran split over two pages
        Tagged("a", 10, 20, "person", "caspar-weinberger"),
        Tagged("b", 10, 20, "person", "caspar-weinberger"),
        Tagged("c", 0, 4, "place", "place:gulf"),
    ]
    scores = annotated_identity(system, annotated, OUR_TYPES)
    assert (scores.recurring, scores.single_page, scores.split, scores.mixed_pages) == (2, 1, 1, 0)
    assert scores.split_names == ("iran → iran, iranian",)


def test_precision_reports_junk_and_identity_only_with_instances() -> None:
    bodies = {"a": "Assad USD"}
    with_instances = {"a": [Tagged("a", 0, 5, "person", "assad")]}
    system = [Tagged("a", 0, 5, "person", "assad"), Tagged("a", 6, 9, "organisation", "usd")]
    scores = precision(system, with_instances, OUR_TYPES, bodies)
    assert (scores.junk, scores.junk_pages) == (Ratio(1, 2), ("usd",))
    assert scores.identity is not None and scores.identity.pages == 1
    assert precision(system, {"a": [Tagged("a", 0, 5, "person")]}, OUR_TYPES, bodies).identity is None


def test_our_mentions_are_typed_by_their_page_and_a_state_counts_once() -> None:
    art = article("Syria and Assad met in Damascus.")
    syria, assad, damascus = (
        mention(art, "Syria", "state"),
        mention(art, "Assad"),
        mention(art, "Damascus", "place"),
    )
    briefing = Briefing(
        articles=(art,),
        actors=(
            Actor("syria", "Syria", "state", (), (), (syria,), place="syria"),
            Actor("assad", "Assad", "person", (), (), (assad,)),
        ),
        places=(
            Place("syria", "Syria", "country", None, None, (), (syria,)),
            Place("damascus", "Damascus", "city", None, None, (), (damascus,)),
        ),
        events=(),
        figures=(),
        timexes=(),
    )
    assert our_mentions(briefing) == [
        Tagged("a", 0, 5, "state", "syria"),
        Tagged("a", 10, 15, "person", "assad"),
        Tagged("a", 23, 31, "place", "place:damascus"),
    ]


def test_raw_mentions_map_spacy_labels_and_drop_the_rest() -> None:
    ents = {
        "b": [(0, 5, "NORP", "Irish")],
        "a": [(0, 5, "PERSON", "Assad"), (6, 10, "DATE", "2020"), (11, 15, "FAC", "M5")],
    }
    assert raw_mentions(ents) == [
        Tagged("a", 0, 5, "PER", "PERSON:Assad"),
        Tagged("a", 11, 15, "LOC", "FAC:M5"),
        Tagged("b", 0, 5, "LOC", "NORP:Irish"),
    ]
