"""Every generated page stays the same size however many articles there are (issue 12, bounded output).

A synthetic briefing of N articles, each naming a person twice (a page of their own),
an organisation once (a row), a town twice (with coordinates in every other article), a
name the junk filter left off, a dated event and a figure, and one event that every
article reports (naming the first 60 articles' actors and places), is rendered at two sizes with
small caps (`rows_per_page`), so that every list is past its cap at both sizes. No page
may grow with N; only the downloads in data/ do.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import posixpath
import re
from collections import defaultdict
from dataclasses import replace

import pytest

from generator import shares
from generator.config import NO_TILES, PageSettings
from generator.model import (
    Actor,
    Analysis,
    Article,
    Briefing,
    Event,
    Figure,
    FigureMention,
    Mention,
    Paragraph,
    Place,
    Span,
    Timex,
)
from generator.publish import render

ROWS = 20
"""Rows per index page in these builds: every list is past it at both sizes."""


def _article(i: int) -> tuple[Article, list[Actor], list[Place], Event, Figure, Timex, Actor]:
    """Article `i` and what it names."""
    ident, person, org, town, junk = f"a{i:05d}", f"Lee{i:05d}", f"Org{i:05d}", f"Town{i:05d}", f"Junk{i:05d}"
    first = f"{person} of {org} met {junk} in {town} on 3 March 2020."
    second = f"{person} said 1,000 people fled {town}."
    body = f"{first}\n{second}\n"
    s1, s2 = (0, len(first)), (len(first) + 1, len(body) - 1)

    def span(text: str, nth: int = 0) -> Span:
        start = body.index(text) if nth == 0 else body.index(text, body.index(text) + 1)
        return Span(ident, start, start + len(text), text)

    def sentence(bounds: tuple[int, int]) -> Span:
        return Span(ident, *bounds, body[bounds[0] : bounds[1]])

    def mention(text: str, kind: str, bounds: tuple[int, int], nth: int = 0) -> Mention:
        return Mention(span(text, nth), text, kind, "test", bounds)

    day = dt.date(2020, 1, 1) + dt.timedelta(days=i % 360)  # one busy year
    when = Timex(span("3 March 2020"), "DATE", day.isoformat(), "", day, day, "day")
    article = Article(
        ident, f"{ident}.txt", f"Story {i}", day, "Wire", "", body, (Paragraph(0, 0, len(body), False),)
    )
    actors = [
        Actor(
            person.lower(),
            person,
            "person",
            (),
            (),
            (mention(person, "person", s1), mention(person, "person", s2, 1)),
        ),
        Actor(org.lower(), org, "organisation", (), (), (mention(org, "organisation", s1),)),
    ]
    located = i % 2 == 0
    places = [
        Place(
            town.lower(),
            town,
            "city",
            10.0 + i % 50 if located else None,
            20.0 + i % 70 if located else None,
            (),
            (mention(town, "place", s1), mention(town, "place", s2, 1)),
        )
    ]
    event = Event(f"{ident}-e", when, sentence(s1), (person.lower(), org.lower()), (town.lower(),))
    figure = Figure(
        f"{ident}-f",
        FigureMention(span("1,000"), 1000.0, 1000.0, 1000.0, "", "", "people"),
        "",
        sentence(s2),
        (person.lower(),),
        (town.lower(),),
    )
    unlisted = Actor("", junk, "person", (), (), (mention(junk, "person", s1),), unlisted="a test's reason")
    return article, actors, places, event, figure, when, unlisted


def _briefing(n: int) -> Briefing:
    """The synthetic briefing of `n` articles; the first event is reported by every article."""
    parts = [_article(i) for i in range(n)]
    events = [p[3] for p in parts]
    events[0] = replace(
        events[0],
        sources=tuple(e.sentence for e in events),
        disagreement="; ".join(f"Story {i}, ¶1 dates what reads as the same event to {i}" for i in range(n)),
        # Participants are few per clause: 120 and 60 here, past what an entry names.
        actors=tuple(i for e in events[:60] for i in e.actors),
        places=tuple(i for e in events[:60] for i in e.places),
    )
    return Briefing(
        articles=tuple(p[0] for p in parts),
        actors=tuple(a for p in parts for a in p[1]),
        places=tuple(pl for p in parts for pl in p[2]),
        events=tuple(events),
        figures=tuple(p[4] for p in parts),
        timexes=tuple(p[5] for p in parts),
        analyses=tuple(Analysis(p[0], ((0, len(p[0].body)),), (), (), (p[5],), ()) for p in parts),
        unlisted=tuple(p[6] for p in parts),
    )


def _kind(path: str) -> str:
    """A page's kind: its path with numbers and names made generic (`actors/page-3.md` → `actors/page-N.md`)."""
    folder, name = posixpath.split(path)
    if folder in ("actors", "places", "articles") and not re.fullmatch(r"index\.md|page-\d+\.md", name):
        return f"{folder}/*"
    return re.sub(r"\d+", "N", path)


def _largest(n: int) -> dict[str, int]:
    """The largest page of each kind, in bytes, for `n` articles: every page but the downloads."""
    built = render.render_site(_briefing(n), {}, NO_TILES, PageSettings(rows_per_page=ROWS))
    sizes: dict[str, int] = defaultdict(int)
    for path, text in built.items():
        if not path.startswith(("data/", "assets/")):
            sizes[_kind(path)] = max(sizes[_kind(path)], len(text.encode("utf-8")))
    return dict(sizes)


@pytest.mark.slow
def test_no_page_grows_with_the_number_of_articles() -> None:
    small, large = _largest(400), _largest(1600)
    assert {"tags/page-N.md", "unlisted/page-N.md", "actors/page-N.md", "figures/page-N.md"} <= set(small)
    grown = {
        kind: (small.get(kind, 0), size)
        for kind, size in large.items()
        if size > 1.05 * small.get(kind, 0) + 2_000  # a count's digits may grow; a list may not
    }
    assert not grown, grown


def _lines(text: str, prefix: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(prefix)]


def test_the_tags_listing_is_paginated_and_lists_each_tagged_page_once() -> None:
    built = render.render_site(_briefing(30), {}, NO_TILES, PageSettings(rows_per_page=ROWS))
    listing = [built["tags.md"], built["tags/page-2.md"], built["tags/page-3.md"]]
    assert "tags/page-4.md" not in built
    rows = [line for page in listing for line in _lines(page, "- [")]
    linked = sorted(re.sub(r"^- \[[^]]*\]\(\.*/?([^)]*)\).*$", r"\1", row) for row in rows)
    # 30 people and 30 towns have pages (named twice); the organisations, named once, are rows.
    assert len(rows) == 60 and len(set(linked)) == 60
    assert all(row.startswith(("- [Lee", "- [Town")) for row in rows)
    assert [len(_lines(page, "- [")) for page in listing] == [ROWS, ROWS, ROWS]
    # Each tag's line in the summary points at the page and heading where its pages start.
    assert "| [People](tags.md#tag-people) | 30 |" in built["tags.md"]
    assert "| [Cities](page-2.md#tag-cities) | 30 |" in built["tags/page-3.md"]
    assert "## Cities {: #tag-cities }" in built["tags/page-2.md"]
    assert "search:\n  exclude: true" in built["tags/page-2.md"]


def test_the_map_page_lists_the_most_named_places_and_its_file_has_every_marker() -> None:
    built = render.render_site(_briefing(60), {}, NO_TILES, PageSettings(rows_per_page=ROWS))
    page = built["map.md"]
    assert 'data-source="data/map.json"' in page and "application/json" not in page
    assert "The table below lists the 20 most named of them" in page
    assert "[places index](places/index.md)" in page
    assert len(_lines(page, "| [Town")) == ROWS and len(_lines(page, "- [Town")) == ROWS
    assert "The 20 most named of 30:" in page  # the towns without coordinates
    markers = json.loads(built["data/map.json"])
    assert len(markers) == 30 and markers[0]["url"].startswith("../places/")


def test_the_unlisted_names_are_paginated_with_a_few_articles_each() -> None:
    built = render.render_site(_briefing(45), {}, NO_TILES, PageSettings(rows_per_page=ROWS))
    pages = [built["unlisted.md"], built["unlisted/page-2.md"], built["unlisted/page-3.md"]]
    assert [len(_lines(page, "| Junk")) for page in pages] == [ROWS, ROWS, 5]
    assert "[Curating](../curating.md)" in pages[1] and "45 names, by name, on 3 pages." in pages[0]


def test_an_event_reported_everywhere_shows_a_few_sources_and_counts_the_rest() -> None:
    from generator.publish.sheets import SHOWN_NAMED, SHOWN_SOURCES

    built = render.render_site(_briefing(60), {}, NO_TILES, PageSettings(rows_per_page=ROWS))
    (page,) = [text for text in built.values() if 'id="a00000-e"' in text]
    entry = page.split('id="a00000-e"')[1].split('<div class="tl-event"')[0]
    line = entry.split('<div class="tl-details"')[0]
    assert line.count("articles/a") == SHOWN_SOURCES and f" +{60 - SHOWN_SOURCES}" in line
    assert entry.count("    > ") == SHOWN_SOURCES  # its own sentence, then the other sources shown
    assert f"*{60 - SHOWN_SOURCES} more sources not quoted here;" in entry
    clashes = entry.split("**Sources disagree:** ")[1].split("\n")[0]
    assert 900 < len(clashes) < 1_200 and clashes.endswith(
        "; … ([briefing.json](data/briefing.json) has every one)"
    )
    named = entry.split("**Named:** ")[1].split("\n")[0]
    assert (
        named.count("actors/lee") == SHOWN_NAMED // 2
        and named.count("actors/") == SHOWN_NAMED
        and f" +{120 - SHOWN_NAMED}" in named
    )


def test_the_timeline_index_has_a_row_a_year_and_each_period_page_links_to_the_next() -> None:
    built = render.render_site(_briefing(800), {}, NO_TILES, PageSettings(rows_per_page=ROWS))
    periods = built["timeline.md"].split("## By period")[1].split("## What comes next")[0]
    (row,) = _lines(periods, "| 2020 |")
    assert row.startswith("| 2020 | 800 | [January (2 parts)](timeline/2020-01-1.md) · ")
    assert row.count("](timeline/") == 12  # a link a month, at its first part
    # Reading on from the first page reaches every period page once, in order.
    pages = sorted(p for p in built if re.fullmatch(r"timeline/2020-\d\d(-\d)?\.md", p))
    path, seen = "timeline/2020-01-1.md", []
    while path:
        seen.append(path)
        found = re.search(r"\[[^]]+\]\(([^)]+)\) →", built[path])
        path = posixpath.normpath(posixpath.join("timeline", found.group(1))) if found else ""
    assert seen == pages and len(pages) > 12


def test_pages_drawn_in_shares_on_forked_processes_are_the_pages_drawn_here(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """`--jobs 2` draws a large site's pages in two shares; the pages are byte-identical."""
    caplog.set_level(logging.DEBUG, logger="generator.shares")
    # Fork even where an earlier test left a thread running (drawing takes no lock one could hold).
    monkeypatch.setattr(shares, "can_fork", lambda: True)
    monkeypatch.setattr(render, "SHARED_FROM", 0)
    b = _briefing(45)
    here = render.render_site(b, {}, NO_TILES, PageSettings(rows_per_page=ROWS), jobs=1)
    shared = render.render_site(b, {}, NO_TILES, PageSettings(rows_per_page=ROWS), jobs=2)
    assert list(shared) == list(here)
    assert shared == here
    assert not caplog.records  # the forked share did its part: none was done again here


def test_a_long_disagreement_is_cut_after_a_whole_clash_or_a_whole_figure() -> None:
    """At a clash's end ("; ") when there is one; inside one long number note, between two figures."""
    from generator.publish.sheets import SHOWN_DISAGREEMENT, disagreement_shown

    figures = ", ".join(f"“{n},000” in “Story {n}, with a comma”, ¶1" for n in range(100, 200))
    note = f"the sources give different numbers for hogs: {figures}"
    shown = disagreement_shown(note)
    assert len(shown) <= SHOWN_DISAGREEMENT + 3 and shown.endswith("”, ¶1; …")
    assert shown[: -len("; …")] + ", “" in note  # the next figure starts where the text is cut
    clashes = "; ".join(["“a”, ¶1 dates what reads as the same event to 1987 (“1987”)"] * 20) + "; " + note
    cut = disagreement_shown(clashes)
    assert cut.endswith("(“1987”); …") and len(cut) <= SHOWN_DISAGREEMENT + 3
    assert disagreement_shown("short") == "short"
