"""Slugs: the short way for text that is a slug already gives what the long way gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.slugs import _slugged, slugify

SLUGGISH = st.text(alphabet="az09-_. AZé/", max_size=90)
"""Mostly slug-like text: runs of hyphens, edges, capitals, accents, lengths around the limit."""


@given(st.one_of(SLUGGISH, st.text(max_size=100)))
def test_slugify_is_the_long_way_whatever_the_text(text: str) -> None:
    assert slugify(text) == _slugged(text, "item")


@given(st.from_regex(r"[a-z0-9]{1,40}(-[a-z0-9]{1,40}){0,3}", fullmatch=True))
def test_a_slug_is_its_own_slug(text: str) -> None:
    assert slugify(text) == _slugged(text, "item")
    assert slugify(text) == (text if len(text) <= 80 else _slugged(text, "item"))
