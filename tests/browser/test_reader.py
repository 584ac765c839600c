"""What a reader does, in Chromium: search an alias, follow links, land on a highlighted sentence, use a map.

Also: no page logs a console error, axe-core finds no serious or critical
accessibility violation, and screenshots of the main pages are made
(`UPDATE_SCREENSHOTS=1` writes them to docs/screenshots/ for the README).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import AXE, ROOT, Watched

pytestmark = pytest.mark.slow  # a MkDocs build and Chromium

ERDOGAN = "actors/tayyip-erdogan/"
AUDITED = {
    "home": "",
    "actor": ERDOGAN,
    "timeline": "timeline/",
    "map": "map/",
    "graph": "graph/",
    "article": "articles/000-b1945a7aff149b57/",
}
SCREENSHOTS = {"home": "", "actor": ERDOGAN, "timeline": "timeline/", "map": "map/", "graph": "graph/"}


def _located_places(built_site: Path) -> list[dict]:
    data = json.loads((built_site / "data" / "briefing.json").read_text("utf-8"))
    return [p for p in data["places"] if p["lat"] is not None and p["lon"] is not None]


def _search(watched: Watched, base_url: str, query: str) -> list[str]:
    page = watched.page
    page.goto(base_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query, delay=20)  # Material searches on key presses, not on `fill`
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(timeout=10_000)
    return [(link.get_attribute("href") or "").split("?")[0] for link in results.all()]


@pytest.mark.parametrize(
    ("query", "page"),
    [("Erdogan", ERDOGAN), ("Lavrov", "actors/sergei-lavrov/"), ("Assad", "actors/bashar-al-assad/")],
)
def test_searching_an_alias_returns_the_actors_page(
    watched: Watched, base_url: str, query: str, page: str
) -> None:
    hrefs = _search(watched, base_url, query)
    assert hrefs and hrefs[0].endswith(page), hrefs[:5]
    watched.page.locator(".md-search-result__item > a.md-search-result__link").first.click()
    watched.page.wait_for_url(re.compile(re.escape(f"{base_url}{page}") + r"(\?|$)"))
    assert not watched.errors, watched.errors


def test_a_timeline_link_reaches_the_actors_page(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}timeline/")
    link = page.locator("article a.briefing-person").first
    name = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/actors/[^/]+/$"))
    assert page.locator("article h1").inner_text().rstrip("¶").strip() == name
    assert not watched.errors, watched.errors


def test_a_provenance_link_scrolls_to_the_sentence_and_highlights_it(watched: Watched, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}{ERDOGAN}")
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
    assert "Erdogan" in page.locator(f"[id='{anchor}']").inner_text() or sentence.inner_text()
    assert not watched.errors, watched.errors


def test_the_map_shows_one_marker_per_geolocated_place(
    watched: Watched, base_url: str, built_site: Path
) -> None:
    page = watched.page
    located = _located_places(built_site)
    page.goto(f"{base_url}map/")
    markers = page.locator("#briefing-map .leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() == len(located) > 0
    titles = sorted(m.get_attribute("title") for m in markers.all())
    assert titles == sorted(p["name"] for p in located)
    # Markers are keyboard-operable buttons; Enter opens the popup (a click may land on a neighbour).
    page.locator("#briefing-map .leaflet-marker-icon[title='Aleppo']").focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a", has_text="Aleppo").get_attribute("href") == "../places/aleppo/"
    assert popup.locator("li").count() >= 1
    popup.locator("a", has_text="Aleppo").click()
    page.wait_for_url(f"{base_url}places/aleppo/")
    page.locator("#briefing-map .leaflet-marker-icon").first.wait_for()
    assert page.locator("#briefing-map .leaflet-marker-icon").count() == 1
    assert not watched.errors, watched.errors


def _pages(built_site: Path) -> list[str]:
    return sorted(p.relative_to(built_site).parent.as_posix() + "/" for p in built_site.rglob("index.html"))


def test_no_page_logs_a_console_error(watched: Watched, base_url: str, built_site: Path) -> None:
    pages = _pages(built_site)
    assert len(pages) > 30
    failures = {}
    for rel in pages:
        rel = "" if rel == "./" else rel
        watched.errors.clear()
        watched.page.goto(f"{base_url}{rel}", wait_until="load")
        watched.page.wait_for_load_state("networkidle")
        if watched.errors:
            failures[rel] = list(watched.errors)
    print(f"\nvisited {len(pages)} pages, {len(failures)} logged console errors")
    assert not failures, failures
    assert not watched.outside, f"pages asked for outside resources: {sorted(set(watched.outside))}"


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
    out = ROOT / "docs" / "screenshots" if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
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
