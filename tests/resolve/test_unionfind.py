"""Joins between groups of names: union-find that remembers why."""

from __future__ import annotations

import itertools

from generator.resolve.unionfind import Joins


def test_a_join_puts_one_group_into_the_other_with_its_reason() -> None:
    joins = Joins(["amc", "americanmotors", "chrysler"])
    assert joins.join("amc", "americanmotors", "'AMC' spells 'American Motors'")
    assert joins.find("amc") == joins.find("americanmotors") == "americanmotors"
    assert joins.groups() == {"americanmotors": ["amc", "americanmotors"], "chrysler": ["chrysler"]}
    assert joins.reasons("americanmotors") == ["'AMC' spells 'American Motors'"]
    assert joins.reasons("chrysler") == []


def test_joining_one_group_twice_is_refused_and_adds_no_reason() -> None:
    joins = Joins(["a", "b", "c"])
    joins.join("a", "b", "first")
    joins.join("b", "c", "second")
    assert not joins.join("a", "c", "again")
    assert joins.groups() == {"c": ["a", "b", "c"]}
    assert joins.reasons("c") == ["first", "second"]


def test_reasons_travel_with_the_group_in_the_order_made() -> None:
    joins = Joins(["a", "b", "c", "d"])
    joins.join("a", "b", "a-b")
    joins.join("c", "d", "c-d")
    joins.join("b", "d", "b-d")
    root = joins.find("a")
    assert root == "d" and {joins.find(k) for k in "abcd"} == {"d"}
    assert joins.reasons(root) == ["c-d", "a-b", "b-d"]


def test_a_long_chain_of_joins_has_one_root_and_every_reason() -> None:
    keys = [str(i) for i in range(50)]
    joins = Joins(keys)
    for a, b in itertools.pairwise(keys):
        joins.join(a, b, f"{a}-{b}")
    assert joins.find("0") == "49"
    assert len(joins.reasons("49")) == 49
