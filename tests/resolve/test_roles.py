"""Roles deduplicated and normalised (`generator.resolve.roles`), and how many a page shows."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.publish.formats import roles_text
from generator.resolve.roles import role_key, roles_of, union
from tests.records import article, mention


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Apple CEO", "CEO"),
        ("the company's CEO", "CEO of Apple"),
        ("company CEO", "Apple Inc. CEO"),
        ("current Apple CEO", "ceo"),
        ("chief executive officer of Apple Inc.", "CEO"),
        ("Russian foreign minister", "foreign minister"),
        ("Turkish president", "President"),
        ("founder of Apple", "founder"),
    ],
)
def test_spellings_of_one_role_share_a_key(one: str, other: str) -> None:
    assert role_key(one) == role_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("CEO", "co-founder"),
        ("vice president", "president"),
        ("former CEO", "CEO"),
        ("foreign minister", "minister"),
    ],
)
def test_different_roles_stay_apart(one: str, other: str) -> None:
    assert role_key(one) != role_key(other)


def test_roles_are_deduplicated_most_frequent_first_in_their_most_frequent_form() -> None:
    said = [
        "Apple CEO",
        "Apple CEO",
        "the company's CEO",
        "CEO and co-founder",
        "founder of Apple",
        "chairman",
    ]
    art = article(". ".join(f"{role} Jobs spoke" for role in said))
    mentions = [mention(art, "Jobs", occurrence=i) for i in range(len(said))]
    with_roles = [replace(m, role=r) for m, r in zip(mentions, said, strict=True)]
    assert roles_of(with_roles) == ("Apple CEO", "chairman", "co-founder", "founder of Apple")


def test_union_keeps_the_first_spelling_of_each_role() -> None:
    assert union(("Chief Executive",), ("CEO", "chairman")) == ("Chief Executive", "chairman")


@pytest.mark.parametrize(
    ("roles", "shown"),
    [
        ((), ""),
        (("CEO",), "CEO"),
        (("CEO", "chairman", "founder"), "CEO, chairman, founder"),
        (("CEO", "chairman", "founder", "pilot", "author"), "CEO, chairman, founder and 2 more"),
    ],
)
def test_a_page_shows_three_roles_and_counts_the_rest(roles: tuple[str, ...], shown: str) -> None:
    assert roles_text(roles) == shown
