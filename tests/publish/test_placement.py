"""Which actors and places get a page, how the indexes paginate, and where every link points."""

from __future__ import annotations

import dataclasses
import posixpath
import re

import pytest

from generator.config import NO_TILES, PageSettings
from generator.publish import render
from generator.publish.placement import index_page, place_entities, row_anchor
from tests.publish import tiny

LINK = re.compile(r"\]\(([^)\s]+)\)")


def test_fewer_than_k_mentions_is_a_row_unless_curated_or_quoted() -> None:
    placed = place_entities(tiny.briefing())
    # carol and edge: one mention each; ghost: none, but curated; bob: two mentions and a quote.
    assert placed.actor_pages == {"alice", "bob", "ghost", "syria"}
    assert placed.actor("carol") == "actors/index.md#actor-carol"
    assert placed.actor("edge") == "actors/index.md#actor-edge"
    assert placed.actor("alice") == "actors/alice.md"
    assert placed.place_pages == {"damascus", "syria"}


def test_k_is_configurable() -> None:
    placed = place_entities(tiny.briefing(), PageSettings(min_mentions=3))
    # bob has two mentions but a quote to show; syria (state) has two mentions and nothing else.
    assert placed.actor_pages == {"alice", "bob", "ghost"}
    assert placed.actor("syria") == "actors/index.md#actor-syria"
    assert placed.place("syria") == "places/index.md#place-syria"
    assert place_entities(tiny.briefing(), PageSettings(min_mentions=1)).actor_pages == {
        "alice", "bob", "carol", "edge", "ghost", "syria"
    }  # fmt: skip


def test_rows_paginate_in_a_stable_order() -> None:
    placed = place_entities(tiny.briefing(), PageSettings(rows_per_page=2))
    # People, organisations, states, groups; by name within each kind.
    assert [[a.id for a in rows] for rows in placed.actor_rows] == [
        ["alice", "bob"],
        ["edge", "carol"],
        ["syria", "ghost"],
    ]
    assert placed.actor("edge") == "actors/page-2.md#actor-edge"
    assert placed.actor("carol") == "actors/page-2.md#actor-carol"
    reversed_input = dataclasses.replace(tiny.briefing(), actors=tiny.briefing().actors[::-1])
    assert place_entities(reversed_input, PageSettings(rows_per_page=2)) == placed


def test_page_and_anchor_names() -> None:
    assert index_page("actors", 1) == "actors/index.md"
    assert index_page("places", 3) == "places/page-3.md"
    assert row_anchor("actors", "x") == "actor-x" and row_anchor("places", "x") == "place-x"


def test_an_empty_briefing_still_has_one_index_page() -> None:
    empty = dataclasses.replace(tiny.briefing(), actors=(), places=())
    placed = place_entities(empty)
    assert placed.actor_rows == ((),) and placed.place_rows == ((),)


@pytest.fixture(scope="module")
def paged_site() -> dict[str, str]:
    """The tiny site with two rows to an index page."""
    return render.render_site(tiny.briefing(), tiny.DESCRIPTIONS, NO_TILES, PageSettings(rows_per_page=2))


def test_an_entity_without_a_page_has_a_row_with_its_anchor_and_sources(paged_site: dict[str, str]) -> None:
    assert "actors/carol.md" not in paged_site and "actors/edge.md" not in paged_site
    assert "actors/alice.md" in paged_site and "actors/ghost.md" in paged_site
    page = paged_site["actors/page-2.md"]
    row = next(line for line in page.splitlines() if 'id="actor-carol"' in line)
    assert row.startswith('| <span id="actor-carol"></span>Carol | ')
    assert "<span data-search-exclude>[Talks in Damascus, ¶3](../articles/a1.md#s-" in row


def test_index_pages_link_to_each_other(paged_site: dict[str, str]) -> None:
    assert "[Next →](page-2.md)" in paged_site["actors/index.md"]
    assert "← Previous" not in paged_site["actors/index.md"]
    middle = paged_site["actors/page-2.md"]
    assert "[← Previous](index.md) · Page 2 of 3 · [Next →](page-3.md)" in middle
    assert "Page 3 of 3" in paged_site["actors/page-3.md"] and "Next →" not in paged_site["actors/page-3.md"]
    assert "Page 1 of" not in paged_site["places/index.md"]  # two places: one page, no pager


def test_every_link_resolves_to_a_page_or_a_row(paged_site: dict[str, str]) -> None:
    checked = 0
    for path, text in paged_site.items():
        if not path.endswith(".md"):
            continue
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://")):
                continue
            page, _, anchor = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), page)) if page else path
            if resolved.startswith(("actors/", "places/", "articles/")):
                assert resolved in paged_site, f"{path}: {target}"
            if anchor.startswith(("actor-", "place-")):
                assert f'id="{anchor}"' in paged_site[resolved], f"{path}: {target}"
                checked += 1
    assert checked >= 4  # carol and edge, from the article, the graph and the timeline


def test_the_map_and_graph_point_at_rows_too() -> None:
    b = tiny.briefing()
    built = render.render_site(b, {}, NO_TILES, PageSettings(min_mentions=3))
    # Damascus (two mentions) and the state Syria (two) are rows when K is 3.
    assert '"url":"../places/#place-damascus"' in built["data/map.json"]  # relative to the file
    assert 'href="../actors/#actor-syria"' in built["graph/briefing.svg"]
    assert 'href="../../actors/#actor-syria"' in built["graph/actors/alice.svg"]
    assert "places/damascus.md" not in built and "actors/syria.md" not in built


def test_the_home_page_lists_the_latest_articles_and_links_to_all(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.publish import pages

    monkeypatch.setattr(pages, "HOME_ARTICLES", 1)
    home = render.render_site(tiny.briefing(), {})["index.md"]
    sources = home.split("## Sources\n\n")[1]
    assert sources.startswith(
        "The 1 most recent of 3 articles; [Articles](articles/index.md) lists them all.\n"
    )
    assert sources.count("](articles/a") == 1


def test_long_lists_on_an_entity_page_are_cut_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.publish import entities

    monkeypatch.setattr(entities, "LISTED", 1)
    alice = render.render_site(tiny.briefing(), {})["actors/alice.md"]
    mentions = alice.split("## Mentions {: data-search-exclude }\n\n")[1].split("\n\n")[0].splitlines()
    assert len(mentions) == 2 and mentions[0].startswith("- **Alice** met Bob")
    assert (
        mentions[1]
        == "- *2 more mentions not listed here; [briefing.json](../data/briefing.json) has every one.*"
    )
