"""What a reader does, in Chromium: search an alias, follow links, land on a highlighted sentence, use a map.

Each test runs against the site built by MkDocs and by Zensical. Also: every
page loads offline with no failed request, no console error and no request
to another host; axe-core finds no serious or critical accessibility
violation; screenshots of the main pages are made (`UPDATE_SCREENSHOTS=1`
writes the MkDocs ones to docs/screenshots/ for the README).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests import site_tools
from tests.browser.conftest import AXE, ROOT, Watched

pytestmark = pytest.mark.slow  # a MkDocs build and Chromium

LAVROV = "actors/sergei-lavrov/"
AUDITED = {
    "home": "",
    "actor": LAVROV,
    "timeline": "timeline/",
    "map": "map/",
    "graph": "graph/",
    "article": "articles/000-b1945a7aff149b57/",
}
SCREENSHOTS = {"home": "", "actor": LAVROV, "timeline": "timeline/", "map": "map/", "graph": "graph/"}


def _located_places(built_site: Path) -> list[dict]:
    data = json.loads((built_site / "data" / "briefing.json").read_text("utf-8"))
    return [p for p in data["places"] if p["lat"] is not None and p["lon"] is not None]


def _search(watched: Watched, base_url: str, query: str) -> list[str]:
    """Type a query into the tool's search box; the results' addresses, best first, without the query."""
    page = watched.page
    page.goto(base_url)
    box = site_tools.search_input(page, watched.tool)
    box.press_sequentially(query, delay=20)  # both tools search on key presses, not on `fill`
    results = site_tools.search_results(page, watched.tool)
    results.first.wait_for(timeout=30_000)
    # The tools redraw the results as each key arrives: read them in one go once two reads agree.
    read = "links => links.map(a => a.href.split('?')[0])"
    hrefs: list[str] = results.evaluate_all(read)
    for _ in range(20):
        page.wait_for_timeout(250)
        again: list[str] = results.evaluate_all(read)
        if again == hrefs:
            break
        hrefs = again
    return hrefs


@pytest.mark.parametrize(
    ("query", "page"),
    [("Lavrov", LAVROV), ("Assad", "actors/bashar-al-assad/")],
)
def test_searching_an_alias_returns_the_actors_page(
    watched: Watched, base_url: str, query: str, page: str
) -> None:
    hrefs = _search(watched, base_url, query)
    # Among the first few: the tools rank differently (see tests/site_tools.py).
    assert f"{base_url}{page}" in hrefs[: site_tools.TOP], hrefs[:5]
    site_tools.search_results(watched.page, watched.tool).nth(hrefs.index(f"{base_url}{page}")).click()
    watched.page.wait_for_url(re.compile(re.escape(f"{base_url}{page}") + r"(\?|$)"))
    assert not watched.errors, watched.errors


def test_searching_a_name_met_once_returns_its_row_on_the_actors_index(
    watched: Watched, base_url: str
) -> None:
    """Lebanon is named once in the seed and acts in no dated event: its row on the actors index is what
    search finds."""
    hrefs = _search(watched, base_url, "Lebanon")
    assert any(
        h.startswith(f"{base_url}actors/#") or h == f"{base_url}actors/" for h in hrefs[: site_tools.TOP]
    )
    assert not watched.errors, watched.errors


def test_a_timeline_link_reaches_the_actors_page(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}timeline/")
    link = page.locator("article a.briefing-person:not([href*='#'])").first
    name = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/actors/[^/]+/$"))
    assert page.locator("article h1").inner_text().rstrip("¶").strip() == name
    assert not watched.errors, watched.errors


def test_a_provenance_link_scrolls_to_the_sentence_and_highlights_it(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}{LAVROV}")
    link = page.locator("article a[href*='#s-']").first
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_url(re.compile(f"#{anchor}$"))
    sentence = page.locator(f"[id='{anchor}']")
    sentence.wait_for()
    page.wait_for_function(
        "id => document.getElementById(id).classList.contains('briefing-highlight')", arg=anchor
    )
    background = sentence.evaluate("node => getComputedStyle(node).backgroundColor")
    assert background == "rgb(255, 242, 168)", background
    box = sentence.bounding_box()
    height = page.evaluate("window.innerHeight")
    assert box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= height, (box, height)
    assert "Lavrov" in sentence.inner_text()
    assert not watched.errors, watched.errors


def _on_map(page) -> tuple[list[str], int]:  # type: ignore[no-untyped-def]
    """The titles of the single markers shown, and how many places the clusters hold."""
    page.locator("#briefing-map .leaflet-marker-icon").first.wait_for()
    singles = page.locator("#briefing-map .leaflet-marker-icon[title]")
    titles = [m.get_attribute("title") or "" for m in singles.all()]
    clustered = sum(int(c.inner_text()) for c in page.locator("#briefing-map .marker-cluster").all())
    return titles, clustered


def test_the_map_shows_every_geolocated_place_over_the_bundled_basemap(
    watched: Watched, base_url: str, built_site: Path
) -> None:
    page = watched.page
    located = _located_places(built_site)
    page.goto(f"{base_url}map/")
    page.wait_for_selector("#briefing-map[data-basemap='ready']")
    assert page.locator("#briefing-map path.briefing-basemap").count() > 100  # Natural Earth countries
    titles, clustered = _on_map(page)
    assert len(titles) + clustered == len(located) > 0
    assert set(titles) <= {p["name"] for p in located}
    labels = page.locator("#briefing-map .briefing-label").all_inner_texts()
    assert sorted(labels) == sorted(titles)  # each single marker is labelled with its place
    # Zoomed in to the place, Aleppo is a marker of its own; Enter opens its popup.
    page.goto(f"{base_url}places/aleppo/")
    page.locator("#briefing-map .leaflet-marker-icon[title='Aleppo']").focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a", has_text="Aleppo").get_attribute("href") == "./"
    assert popup.locator("li").count() >= 1
    page.goto(f"{base_url}map/")
    page.locator("#briefing-map .marker-cluster").first.click()  # a cluster opens up to its places
    page.wait_for_function(
        "n => document.querySelectorAll('#briefing-map .leaflet-marker-icon[title]').length > n",
        arg=len(titles),
    )
    # A marker's popup links to its place: the data file's links are relative to the file.
    marker = page.locator("#briefing-map .leaflet-marker-icon[title]").first
    name = marker.get_attribute("title")
    marker.focus()
    page.keyboard.press("Enter")
    href = page.locator(".leaflet-popup-content strong a").get_attribute("href")
    markers = json.loads((built_site / "data" / "map.json").read_text("utf-8"))
    place = next(p for p in markers if p["name"] == name)
    assert href == urljoin(f"{base_url}data/map.json", place["url"]), (href, place["url"])
    response = page.goto(href or "")
    assert response is not None and response.ok, href
    assert not watched.errors, watched.errors


def test_the_map_is_fitted_to_where_events_happen(watched: Watched, base_url: str, built_site: Path) -> None:
    """Not to every country's centroid: the view holds the eventful towns and regions, not Russia's middle."""
    page = watched.page
    page.goto(f"{base_url}map/")
    page.locator("#briefing-map .leaflet-marker-icon").first.wait_for()
    data = json.loads((built_site / "data" / "map.json").read_text("utf-8"))  # the markers it drew
    eventful = [p for p in data if p["events"] and p["kind"] != "country"]
    assert eventful
    bbox = page.evaluate("() => window.briefingMaps[0].getBounds().toBBoxString()")
    west, south, east, north = (float(v) for v in bbox.split(","))
    for place in eventful:
        assert west <= place["lon"] <= east and south <= place["lat"] <= north, (place["name"], bbox)
    countries = [p for p in _located_places(built_site) if p["kind"] == "country"]
    outside = [p["name"] for p in countries if not (west <= p["lon"] <= east and south <= p["lat"] <= north)]
    assert "Russia" in outside, (bbox, outside)  # its centroid lies in Siberia, far from the story
    assert not watched.errors, watched.errors


def _pages(built_site: Path) -> list[str]:
    return sorted(p.relative_to(built_site).parent.as_posix() + "/" for p in built_site.rglob("index.html"))


def test_offline_every_page_loads_with_no_failed_request_no_error_and_no_outside_host(
    watched: Watched, base_url: str, built_site: Path
) -> None:
    """Every non-local request is blocked: the site must not need one (no tiles are configured)."""
    pages = _pages(built_site)
    assert len(pages) >= 30  # the seed: 30 pages since names met once became index rows
    failures = {}
    for rel in pages:
        rel = "" if rel == "./" else rel
        watched.errors.clear()
        watched.failed.clear()
        watched.page.goto(f"{base_url}{rel}", wait_until="load")
        watched.page.wait_for_load_state("networkidle")
        if watched.errors or watched.failed:
            failures[rel] = list(watched.errors) + list(watched.failed)
    print(f"\nvisited {len(pages)} pages offline, {len(failures)} with errors or failed requests")
    assert not failures, failures
    assert not watched.outside, f"pages asked for outside resources: {sorted(set(watched.outside))}"
    # The basemap is drawn from the bundled file, and search works, with the network closed.
    watched.page.goto(f"{base_url}map/")
    watched.page.wait_for_selector("#briefing-map[data-basemap='ready']")
    assert f"{base_url}{LAVROV}" in _search(watched, base_url, "Lavrov")[: site_tools.TOP]
    assert not watched.outside and not watched.failed and not watched.errors


@pytest.mark.parametrize("name", sorted(AUDITED))
def test_axe_finds_no_serious_or_critical_violations(watched: Watched, base_url: str, name: str) -> None:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci --ignore-scripts` (make venv does)"
    page = watched.page
    page.goto(f"{base_url}{AUDITED[name]}", wait_until="load")
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    violations = result["violations"]
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    print(
        f"\naxe on {name}: {len(result['passes'])} rules passed, {len(violations)} violations "
        f"({', '.join(sorted(v['id'] + ':' + str(v['impact']) for v in violations)) or 'none'})"
    )
    assert not bad, bad


def test_screenshots_of_the_main_pages(watched: Watched, base_url: str, tmp_path: Path) -> None:
    update = os.environ.get("UPDATE_SCREENSHOTS") and watched.tool == "mkdocs"
    out = ROOT / "docs" / "screenshots" if update else tmp_path
    out.mkdir(parents=True, exist_ok=True)
    page = watched.page
    for name, rel in SCREENSHOTS.items():
        page.goto(f"{base_url}{rel}", wait_until="load")
        page.wait_for_load_state("networkidle")
        if name == "map":
            page.locator("#briefing-map .leaflet-marker-icon").first.wait_for()
        if name == "timeline":
            page.locator(".tl-overview .vis-item").first.wait_for()
            page.wait_for_timeout(500)  # vis-timeline lays its items out over a few frames
        path = out / f"{name}.png"
        page.screenshot(path=str(path), full_page=False, animations="disabled")
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000, (name, len(data))
    assert not watched.errors, watched.errors
