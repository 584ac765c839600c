"""The site model on a tiny hand-made briefing: co-occurrence counted once, backlinks from the model."""

from __future__ import annotations

import dataclasses
import posixpath
import re
from pathlib import Path

import pytest

from generator.config import NO_TILES, PageSettings
from generator.publish import graph, pages, render
from generator.publish.cooccurrence import co_occurrence, named_with
from generator.publish.pages import Page
from generator.publish.site import build_site
from tests.publish import tiny

A1_S1 = tiny.S1[0]
EVERY_PAGE = PageSettings(min_mentions=1)
"""Every actor and place on a page of its own, as the tiny site's link tests expect."""


@pytest.fixture(scope="module")
def site_pages() -> dict[str, str]:
    return render.render_site(tiny.briefing(), tiny.DESCRIPTIONS, NO_TILES, EVERY_PAGE)


def _what_links_here(page: str) -> list[str]:
    """The link targets listed under "What links here", as written."""
    section = page.split("## What links here {: data-search-exclude }\n\n")[1]
    return re.findall(r"\]\(([^)]+)\)", section)


def test_pairs_named_in_a_sentence_and_linked_by_an_event() -> None:
    table = co_occurrence(tiny.briefing())
    alice_bob = table[(("actor", "alice"), ("actor", "bob"))]
    assert (alice_bob.named, alice_bob.shared) == (2, 2)
    assert (alice_bob.article, alice_bob.start) == ("a1", A1_S1)
    # Ghost is only a curated actor of an event: it counts for the graph, not for the related lists.
    alice_ghost = table[(("actor", "alice"), ("actor", "ghost"))]
    assert (alice_ghost.named, alice_ghost.shared, alice_ghost.article) == (0, 1, "a2")
    assert table[(("actor", "alice"), ("place", "damascus"))].named == 1
    # A state and its country are one thing under two kinds: never a pair.
    assert (("actor", "syria"), ("place", "syria")) not in table
    assert all(x < y for x, y in table)


def test_related_lists_and_graph_come_from_one_count() -> None:
    table = co_occurrence(tiny.briefing())
    assert named_with(table, "place")["alice"] == (("damascus", 1), ("syria", 1))
    assert named_with(table, "actor")["bob"] == (("alice", 2), ("edge", 1), ("syria", 1))
    assert "ghost" not in named_with(table, "actor")
    # A sentence naming the state and its country counts for each on their shared list.
    assert dict(named_with(table, "actor")["syria"]) == {"alice": 2, "bob": 2, "edge": 2}
    weights = {(r.a, r.b): r.weight for r in graph.relations(table)}
    assert weights == {
        ("alice", "bob"): 2,
        ("alice", "carol"): 1,
        ("alice", "edge"): 1,
        ("alice", "ghost"): 1,
        ("alice", "syria"): 1,
        ("bob", "edge"): 1,
        ("bob", "ghost"): 1,
        ("bob", "syria"): 1,
        ("edge", "syria"): 1,
    }


def test_site_indexes_events_and_neighbours() -> None:
    site = build_site(tiny.briefing(), tiny.DESCRIPTIONS)
    assert [e.id for e in site.events_naming["syria"]] == ["e1"]
    assert [e.id for e in site.events_at["damascus"]] == ["e2"]
    assert "syria" in site.events_at and "alice" not in site.events_at
    assert [other for other, _ in site.neighbours["ghost"]] == ["alice", "bob"]
    assert site.state_of_place["syria"].id == "syria"


def test_backlinks_list_every_other_linking_page_by_path() -> None:
    built = [
        Page("b.md", "t", "B", links=frozenset({"a.md", "b.md"})),
        Page("a.md", "t", "A", links=frozenset({"a.md", "c.md"}), backlinks=True),
        Page("c.md", "t", "", links=frozenset({"a.md"}), backlinks=True),
        Page("d.md", "t", "D", backlinks=True),
    ]
    assert pages.backlinks(built) == {
        "a.md": (("B", "b.md"), ("c.md", "c.md")),
        "c.md": (("A", "a.md"),),
        "d.md": (),
    }


def test_what_links_here_on_the_tiny_site(site_pages: dict[str, str]) -> None:
    assert _what_links_here(site_pages["actors/edge.md"]) == [
        "alice.md",
        "bob.md",
        "index.md",
        "syria.md",
        "../graph.md",
        "../index.md",
        "../places/syria.md",
        "../tags.md",
    ]
    # The article does not link Edge (its mention crosses a sentence end), nor the country
    # Syria (the state's link on the same words comes first).
    assert "../articles/a1.md" not in _what_links_here(site_pages["actors/edge.md"])
    assert "../articles/a1.md" not in _what_links_here(site_pages["places/syria.md"])
    assert _what_links_here(site_pages["articles/a3.md"]) == ["index.md", "../index.md"]
    # Ghost has no mentions: its empty section runs straight into the next heading.
    assert (
        "## Mentions {: data-search-exclude }\n\n## What links here {: data-search-exclude }\n\n- [Alice](alice.md)\n"
        in site_pages["actors/ghost.md"]
    )


def test_text_that_looks_like_a_link_is_not_a_backlink() -> None:
    b = tiny.briefing()
    carol = dataclasses.replace(b.actors[2], name="Carol [see](bob.md)")
    b = dataclasses.replace(b, actors=(*b.actors[:2], carol, *b.actors[3:]))
    built = render.render_site(b, {"carol": "Ally of [Bob](bob.md)"}, NO_TILES, EVERY_PAGE)
    assert "](bob.md)" in built["actors/carol.md"]  # escaped, so shown as text by MkDocs
    assert "carol.md" not in _what_links_here(built["actors/bob.md"])


def _linked_pages(path: str, text: str, known: set[str]) -> set[str]:
    """Actor, place and article pages (and index rows) a rendered page links to, read from its Markdown."""
    text = text.split("\n## What links here")[0]
    found = set()
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        page, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), page))
        for candidate in (resolved, f"{resolved}#{anchor}"):
            if candidate in known:
                found.add(candidate)
    return found


def test_declared_links_match_the_rendered_links_on_the_seed(seed_site) -> None:  # type: ignore[no-untyped-def]
    root, result = seed_site
    out: Path = root / "site_src"
    site = build_site(result.briefing, {})
    built = render.site_pages(site)
    rows = {
        t
        for t in (*site.placement.actor_targets.values(), *site.placement.place_targets.values())
        if "#" in t
    }
    known = {p.path for p in built if p.backlinks}
    assert len(known) > 15 and len(rows) > 5
    for page in built:
        rendered = _linked_pages(page.path, (out / page.path).read_text("utf-8"), known | rows)
        assert set(page.links) - {page.path} == rendered - {page.path}, page.path
