"""The timeline and home page as a reader meets them, in Chromium.

On the seed: event details start collapsed and hold the ISO notation, the interactive
overview draws without console errors, the home page leads with key points and what
comes next. On a generated briefing of more than `SPLIT_AT` events: one page per year,
each under 300 KB, reachable from the index, with headings in order for axe.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.publish.sheets import SPLIT_AT
from tests.browser.conftest import AXE, Watched, _QuietHandler
from tests.conftest import copy_project
from tests.test_site import mkdocs_build

pytestmark = pytest.mark.slow  # MkDocs builds and Chromium

ISO = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b|\bP\d+[YMWD]\b|_REF\b|\bXXXX\b")
"""Parser notation that must stay inside the collapsed details."""

MAX_PAGE_BYTES = 300_000
"""Every timeline page stays under this size of HTML."""


def test_event_details_start_collapsed_and_hold_the_notation(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}timeline/", wait_until="load")
    details = page.locator(".tl-event details")
    assert details.count() >= 10
    assert all(not d.evaluate("node => node.open") for d in details.all())
    shown = page.locator("article").inner_text()
    assert not ISO.findall(shown), ISO.findall(shown)[:5]
    first = details.first
    first.locator("summary").click()
    assert first.evaluate("node => node.open")
    assert ISO.search(first.inner_text()), first.inner_text()
    assert not watched.errors, watched.errors


def test_the_interactive_overview_draws_every_item_without_console_errors(
    watched: Watched, base_url: str
) -> None:
    page = watched.page
    page.goto(f"{base_url}timeline/", wait_until="load")
    page.wait_for_load_state("networkidle")
    overview = page.locator(".tl-overview.tl-overview--drawn")
    overview.wait_for()
    entries = page.locator(".tl-event").count()
    page.locator(".tl-overview .vis-item").first.wait_for()
    drawn = page.evaluate("JSON.parse(document.getElementById('tl-overview-data').textContent).length")
    assert drawn == entries > 0
    assert not watched.errors, watched.errors
    assert not watched.outside, watched.outside


def test_the_plain_list_is_the_fallback_without_javascript(browser, base_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}timeline/")
    assert "needs JavaScript" in page.locator(".tl-overview").inner_text()
    assert page.locator(".tl-event").count() >= 10
    context.close()


def test_the_home_page_leads_with_key_points_and_what_comes_next(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(base_url, wait_until="load")
    caveat = page.locator(".briefing-caveat")
    assert "Machine-extracted" in caveat.inner_text()
    assert caveat.locator("a").get_attribute("href") == "curating/"
    lead = page.locator("h2:has-text('Key points') + ul > li")
    assert 3 <= lead.count() <= 5
    for item in lead.all():
        href = item.locator("a[href*='timeline/#']").first.get_attribute("href")
        anchor = href.split("#")[1]
        assert page.request.get(f"{base_url}{href}").ok
        assert anchor
    coming = page.locator("h2:has-text('What comes next') + ul").inner_text()
    assert "first flight" in coming and "deadline" in coming and "scheduled" in coming
    lead.first.locator("a[href*='timeline/#']").first.click()
    page.wait_for_url(re.compile(r"/timeline/#"))
    target = page.url.split("#")[1]
    assert page.locator(f"[id='{target}']").is_visible()
    assert not watched.errors, watched.errors


def _dated_corpus(seeds: Path, count: int) -> None:
    """Articles with `count` dated, unrelated happenings spread over several years, one sentence each."""
    seeds.mkdir(parents=True)
    verbs = ["opened", "closed", "sold", "bought", "renamed", "rebuilt", "inspected", "painted"]
    things = ["bridge", "library", "harbour", "museum", "factory", "station", "school", "market"]
    towns = ["Lyon", "Porto", "Gdansk", "Bergen", "Turin", "Ghent", "Leipzig", "Bilbao", "Malmo"]
    per_article = 10
    for a in range((count + per_article - 1) // per_article):
        day = dt.date(2012 + a % 5, 1 + a % 12, 1)
        lines = []
        for k in range(per_article):
            n = a * per_article + k
            when = day + dt.timedelta(days=2 * k)
            verb, thing, town = verbs[n % 8], things[(n // 8) % 8], towns[n % 9]
            lines.append(
                f"On {when:%B} {when.day}, {when.year}, the city of {town} {verb} its old {thing} number {n}."
            )
        text = "\n".join(lines)
        (seeds / f"a{a:03d}.md").write_text(
            f'---\ntitle: "Town notes {a}"\ndate: {day + dt.timedelta(days=40)}\nsource: Test\n---\n{text}\n',
            "utf-8",
        )


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated briefing past SPLIT_AT events, built with MkDocs: the site folder."""
    from generator.pipeline import BuildConfig, build

    root = copy_project(tmp_path_factory.mktemp("split"))
    shutil.rmtree(root / "seeds")
    _dated_corpus(root / "seeds", SPLIT_AT + 60)
    result = build(
        BuildConfig(seeds=root / "seeds", overrides=root / "seeds" / "none.yml", out=root / "site_src")
    )
    assert len(result.briefing.events) > SPLIT_AT
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    return root / "site"


@pytest.fixture(scope="module")
def split_url(split_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(split_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_large_timeline_splits_into_year_pages_under_the_size_bound(split_site: Path) -> None:
    pages = sorted((split_site / "timeline").rglob("index.html"))
    years = [p for p in pages if re.fullmatch(r"\d{4}", p.parent.name)]
    assert len(years) >= 3
    sizes = {p.relative_to(split_site).as_posix(): p.stat().st_size for p in pages}
    print(f"\ntimeline pages: {len(sizes)}, largest {max(sizes.values())} bytes")
    assert all(size < MAX_PAGE_BYTES for size in sizes.values()), sizes


def test_year_pages_are_reached_from_the_index_and_read_in_order(browser, split_url: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{split_url}timeline/", wait_until="load")
    periods = page.locator("article table a[href]")
    assert periods.count() >= 3
    assert page.locator(".tl-overview .vis-item").count() > 0
    periods.first.click()
    page.wait_for_url(re.compile(r"/timeline/\d{4}"))
    assert page.locator(".tl-event").count() > 0
    assert page.locator("h1").inner_text().startswith("Timeline: ")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"]) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    order = [v["id"] for v in result["violations"] if v["id"] == "heading-order"]
    assert not bad and not order, (bad, order)
    assert not errors, errors
    context.close()


def test_the_seed_timeline_headings_are_in_order(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}timeline/", wait_until="load")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: ['heading-order', 'empty-heading']})")
    assert not result["violations"], [v["id"] for v in result["violations"]]
