"""Map, graph, downloads, provenance anchors and backlinks, checked on the seed build and small cases."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from generator.model import Actor
from generator.publish import downloads, graph, vendor
from generator.publish import markdown as md
from generator.publish.cooccurrence import co_occurrence

SEED_ARTICLE = "articles/000-b1945a7aff149b57.md"


@pytest.fixture(scope="module")
def out(seed_site) -> Path:  # type: ignore[no-untyped-def]
    root, _result = seed_site
    return root / "site_src"


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))


def test_csv_downloads_have_one_row_per_record(out: Path) -> None:
    data = json.loads((out / "data" / "briefing.json").read_text("utf-8"))
    for name, key in (
        ("actors", "actors"),
        ("places", "places"),
        ("events", "events"),
        ("figures", "figures"),
    ):
        rows = _rows(out / "data" / f"{name}.csv")
        assert [r["id"] for r in rows] == [x["id"] for x in data[key]], name
    erdogan = {r["id"]: r for r in _rows(out / "data" / "actors.csv")}["tayyip-erdogan"]
    assert (erdogan["name"], erdogan["kind"], erdogan["roles"]) == (
        "Tayyip Erdogan",
        "person",
        "Turkish president",
    )
    figure = {r["text"]: r for r in _rows(out / "data" / "figures.csv")}["more than 875,000"]
    assert (figure["value"], figure["qualifier"]) == ("875000", "more than")


def test_csv_cells_that_look_like_formulas_stay_text() -> None:
    assert downloads._cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert downloads._cell("+1 more") == "'+1 more"
    assert downloads._cell("Aleppo") == "Aleppo"
    assert downloads._cell(-5) == -5 and downloads._cell(None) == ""


def test_geojson_has_a_point_per_located_place(out: Path) -> None:
    data = json.loads((out / "data" / "briefing.json").read_text("utf-8"))
    located = {p["id"]: p for p in data["places"] if p["lat"] is not None}
    geo = json.loads((out / "data" / "places.geojson").read_text("utf-8"))
    assert geo["type"] == "FeatureCollection"
    assert [f["id"] for f in geo["features"]] == sorted(located)
    aleppo = next(f for f in geo["features"] if f["id"] == "aleppo")
    assert aleppo["geometry"] == {
        "type": "Point",
        "coordinates": [located["aleppo"]["lon"], located["aleppo"]["lat"]],
    }
    assert aleppo["properties"]["events"] and aleppo["properties"]["page"] == "places/aleppo.md"


def test_relations_are_what_actors_did_together_then_what_named_them_together(seed_site) -> None:  # type: ignore[no-untyped-def]
    _root, result = seed_site
    b = result.briefing
    rels = graph.relations(co_occurrence(b), b.interactions)
    by_pair = {(r.a, r.b): r for r in rels}
    talks = by_pair[("russia", "turkey")]  # "Turkey and Russia began a new round of talks"
    assert (talks.kind, talks.verbs, talks.label) == ("acted", ("began",), "began")
    strikes = by_pair[("government-forces", "russia")]  # "Russian and government air strikes ... hit"
    assert strikes.kind == "acted" and "hit" in strikes.verbs
    # "near the Turkish border" links Hizbullah and Turkey only as names in one sentence
    border = by_pair[("hizbullah", "turkey")]
    assert (border.kind, border.label) == ("named", "named together in 1 sentence")
    kinds = [r.kind for r in rels]
    assert kinds == sorted(kinds)  # "acted" links first
    assert all(r.a < r.b for r in rels)
    for kind in ("acted", "named"):
        weights = [r.weight for r in rels if r.kind == kind]
        assert weights == sorted(weights, reverse=True)
    assert [other for other, _ in graph.neighbours(rels)["tayyip-erdogan"]] == ["syrian-army", "turkey"]


def test_layout_is_deterministic_and_inside_the_box(seed_site) -> None:  # type: ignore[no-untyped-def]
    _root, result = seed_site
    rels = graph.relations(co_occurrence(result.briefing))
    nodes = sorted({i for r in rels for i in (r.a, r.b)})
    first, again = graph.layout(nodes, rels, 900, 560), graph.layout(nodes, rels, 900, 560)
    assert first == again and sorted(first) == nodes
    assert all(0 <= x <= 900 and 0 <= y <= 560 for x, y in first.values())
    assert len(set(first.values())) == len(nodes)


def test_svg_escapes_names() -> None:
    actors = {
        i: Actor(
            id=i,
            name=f'<b>{i}</b> & "co" [x](javascript:alert(1))',
            kind="person",
            aliases=(),
            roles=(),
            mentions=(),
        )
        for i in ("a", "b")
    }
    rel = graph.Relation("a", "b", 2, "art", 0)
    pos = {"a": (1.0, 2.0), "b": (3.0, 4.0)}
    svg = graph.svg(actors, [rel], pos, "graph/actors/a.svg", "label <x>", 10, 10, centre="a")
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')
    assert "<b>" not in svg and "&lt;b&gt;a&lt;/b&gt; &amp; &quot;co&quot; [x](javascript:alert(1))" in svg
    # links are relative to the SVG file and open in the page, not inside the picture
    assert '<a href="../../actors/b/" target="_top"' in svg and 'aria-label="label &lt;x&gt;"' in svg


def test_a_page_embeds_its_graph_as_an_svg_file() -> None:
    embed = graph.embed("actors/a.md", graph.actor_svg("a"), 'Linked to "A" <b>', 640, 360, small=True)
    assert embed == (
        '<object class="briefing-graph briefing-graph--actor" type="image/svg+xml" '
        'data="../../graph/actors/a.svg" width="640" height="360" aria-label="Linked to &quot;A&quot; &lt;b&gt;" '
        "data-search-exclude><p>The picture needs a browser that shows SVG; the table below lists every link.</p>"
        "</object>"
    )
    assert graph.embed("graph.md", graph.SITE_SVG, "x", 9, 5).count('data="briefing.svg"') == 1


@pytest.mark.parametrize(
    ("source", "target", "url"),
    [
        ("graph.md", "actors/x.md", "../actors/x/"),
        ("index.md", "actors/x.md", "actors/x/"),
        ("actors/y.md", "actors/x.md", "../x/"),
        ("map.md", "index.md", "../"),
        ("places/a.md", "timeline.md#e-1", "../../timeline/#e-1"),
        ("actors/index.md", "places/index.md", "../places/"),
    ],
)
def test_raw_html_urls_follow_directory_urls(source: str, target: str, url: str) -> None:
    assert md.url(source, target) == url


def test_json_island_cannot_be_closed_by_its_text() -> None:
    island = md.json_script("d", [{"text": "</script><script>alert(1)</script>&"}])
    assert island.count("</script>") == 1 and "\\u003c/script\\u003e" in island and "\\u0026" in island


def test_every_sentence_anchor_exists_on_its_article_page(out: Path) -> None:
    article = (out / SEED_ARTICLE).read_text("utf-8")
    defined = set(re.findall(r'id="(s-\d+)"', article))
    used = set()
    for page in sorted(out.rglob("*.md")):
        used |= set(re.findall(r"articles/000-b1945a7aff149b57\.md#(s-\d+)", page.read_text("utf-8")))
    assert len(used) > 20 and used <= defined


def test_mentions_are_coloured_by_kind_with_a_legend(out: Path) -> None:
    article = (out / SEED_ARTICLE).read_text("utf-8")
    assert '<span class="briefing-key briefing-group">armed group</span>' in article
    assert re.search(
        r"\[Sergei Lavrov\]\(\.\./actors/sergei-lavrov\.md\)\{: \.briefing-person "
        r"title=\"Person · Russian foreign minister · \d+ mentions?\" \}",
        article,
    )


def test_what_links_here(out: Path) -> None:
    page = (out / "actors" / "sergei-lavrov.md").read_text("utf-8")
    backlinks = page.split("## What links here {: data-search-exclude }\n\n")[1]
    for source in ("../graph.md", "russia.md", "index.md", f"../{SEED_ARTICLE}"):
        assert f"]({source})" in backlinks, source
    assert "](sergei-lavrov.md)" not in backlinks


def test_map_pages_carry_their_places(out: Path) -> None:
    """The map page names its markers' file (no data in the page); a place page carries its one marker."""
    page = (out / "map.md").read_text("utf-8")
    assert 'data-source="data/map.json"' in page and "application/json" not in page
    data = json.loads((out / "data" / "map.json").read_text("utf-8"))
    assert [p["id"] for p in data] == sorted(p["id"] for p in data) and len(
        data
    ) == 15  # every seed place has coordinates
    aleppo = next(p for p in data if p["id"] == "aleppo")  # links relative to data/map.json
    assert aleppo["url"] == "../places/aleppo/" and aleppo["events"][0]["url"].startswith("../timeline/#")
    small = (out / "places" / "aleppo.md").read_text("utf-8")
    assert 'class="briefing-map briefing-map--small"' in small
    island = re.search(r'<script type="application/json" id="briefing-map-data">(.*?)</script>', small)
    assert [p["id"] for p in json.loads(island.group(1))] == ["aleppo"]


def test_every_vendored_file_is_published(seed_site) -> None:  # type: ignore[no-untyped-def]
    """The build copies the package's vendored files (not node_modules/) into assets/vendor/."""
    root, _result = seed_site
    published = root / "site_src" / vendor.VENDOR_DIR
    for package in vendor.PACKAGES:
        for name in vendor.published(package):
            expected = (vendor.VENDORED / package.name / name).read_bytes()
            assert (published / package.name / name).read_bytes() == expected, f"{package.name}/{name}"
