"""Names reach every page as inert text (issue 9): Markdown, HTML and attr_list payloads in a real MkDocs build.

Every name-bearing place is tried: actor, place and article names (headings,
tables, tooltips, the HTML <title>), roles, descriptions, curation reasons, what a
figure counts, the sentences of the article pages and the timeline, the map's data
and popups, and the relationship graphs, which are SVG files of their own so that
Markdown never reads the names inside them. The payloads are renamings in the
overrides and one article written for the test; nothing here is special-cased.
"""

from __future__ import annotations

import html.parser
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.config import BuildConfig
from generator.pipeline import build
from generator.slugs import slugify
from tests.conftest import copy_project

pytestmark = pytest.mark.slow  # a generator build and a strict MkDocs build: about 30 s

SEED = "000-b1945a7aff149b57"

ERDOGAN = "[n1](javascript:alert(1))"
LAVROV = "</title><script>alert(2)</script>"
ARMY = 'Army {: onclick="alert(3)" .pwned #pwned }'
TURKEY = "<img src=x onerror=alert(4)>"
ALEPPO = "<svg onload=alert(8)>[p](javascript:alert(9))"
IDLIB = 'Idlib" onmouseover="alert(10)'
TITLE = "</title><script>alert(11)</script>[t](javascript:alert(12)){: .pwned }"

OVERRIDES = f"""
articles:
  000_b1945a7aff149b57.txt:
    title: {json.dumps(TITLE)}
    date: 2020-02-17
actors:
  Tayyip Erdogan:
    name: {json.dumps(ERDOGAN)}
  Sergei Lavrov:
    name: {json.dumps(LAVROV)}
    reason: "<script>alert(14)</script> [r](javascript:alert(15))"
  Syrian army:
    name: {json.dumps(ARMY)}
  Turkey:
    name: {json.dumps(TURKEY)}
  Bashar al-Assad:
    roles: ["*bold* [r](javascript:alert(5))"]
    description: "<script>alert(6)</script> [d](javascript:alert(7)) {{: .pwned }}"
places:
  Aleppo:
    name: {json.dumps(ALEPPO)}
  Idlib:
    name: {json.dumps(IDLIB)}
figures:
  000-b1945a7aff149b57-1370:
    counts: "[c](javascript:alert(13)) <b>x</b> {{: .pwned }}"
"""

PAYLOAD_ARTICLE = """---
title: "Payloads <b>bold</b> [x](javascript:alert(16))"
date: 2020-02-18
---
Officials in Aleppo said on Monday that [m](javascript:alert(17)) and <img src=y onerror=alert(18)> {: .pwned } had met Sergei Lavrov.
"Talks [q](javascript:alert(19)) <script>alert(20)</script> will go on," Sergei Lavrov said in Moscow.
"""


class _Page(html.parser.HTMLParser):
    """Every tag with its attributes, the text of <title>, of each h1, and the JSON data islands."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.title = ""
        self.h1: list[str] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in.append(tag)
        if tag == "h1":
            self.h1.append("")
        if tag == "script":
            self.scripts.append((self.tags[-1][1], ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            while self._in and self._in.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "title" in self._in and "svg" not in self._in:
            self.title += data
        if "h1" in self._in:
            self.h1[-1] += data
        if self._in and self._in[-1] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("inject"))
    (root / "seeds" / "overrides.yml").write_text(OVERRIDES, "utf-8")
    (root / "seeds" / "payloads.md").write_text(PAYLOAD_ARTICLE, "utf-8")
    build(
        BuildConfig(
            seeds=root / "seeds",
            overrides=root / "seeds" / "overrides.yml",
            out=root / "site_src",
            cache=root / ".cache",
        )
    )
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run(
        [str(mkdocs), "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return root / "site"


def _pages(site: Path) -> dict[str, _Page]:
    parsed = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text("utf-8"))
        parsed[path.relative_to(site).as_posix()] = page
    return parsed


def test_no_payload_becomes_markup_on_any_page(site: Path) -> None:
    pages = _pages(site)
    assert len(pages) > 25  # names met once are rows of the actors and places indexes, not pages
    for name, page in pages.items():
        for tag, attrs in page.tags:
            for key, value in attrs.items():
                assert not key.startswith("on"), (name, tag, key, value)
                assert "pwned" not in value.split() and value != "pwned", (name, tag, key, value)
                if key in ("href", "src", "data", "action", "formaction"):
                    assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (name, tag, value)
            if tag == "img":
                assert attrs.get("src") not in ("x", "y"), name
        for attrs, text in page.scripts:
            if attrs.get("type") == "application/json":
                json.loads(text)  # the data island is whole: nothing inside closed it early
            else:
                assert "alert(" not in text, name


def test_names_read_as_written_in_headings_and_titles(site: Path) -> None:
    pages = _pages(site)
    expected = {
        **{f"actors/{slugify(name)}/index.html": name for name in (ERDOGAN, LAVROV, ARMY, TURKEY)},
        f"articles/{SEED}/index.html": TITLE,
        "articles/payloads/index.html": "Payloads <b>bold</b> [x](javascript:alert(16))",
    }
    for path, name in expected.items():
        page = pages[path]
        assert page.h1 and page.h1[0].rstrip("¶") == name, (path, page.h1)
        assert page.title == f"{name} - Briefing", path


def test_the_map_data_holds_the_names_as_text(site: Path) -> None:
    """The map page's markers file and a place page's island keep the names as JSON strings."""
    names = {p["name"] for p in json.loads((site / "data" / "map.json").read_text("utf-8"))}
    assert ALEPPO in names and IDLIB in names
    page = _pages(site)[f"places/{slugify(ALEPPO)}/index.html"]
    (island,) = [t for a, t in page.scripts if a.get("id") == "briefing-map-data"]
    assert [p["name"] for p in json.loads(island)] == [ALEPPO]


def test_graphs_are_svg_files_with_names_as_text(site: Path) -> None:
    pictures = sorted(site.glob("graph/**/*.svg"))
    assert site / "graph" / "briefing.svg" in pictures and len(pictures) > 5
    allowed = {"svg", "style", "line", "title", "a", "circle", "text"}
    ns = "{http://www.w3.org/2000/svg}"
    names: set[str] = set()
    for picture in pictures:
        root = ET.parse(picture).getroot()  # well-formed XML: no name broke out of its element
        for element in root.iter():
            assert element.tag.removeprefix(ns) in allowed, (picture, element.tag)
            for key, value in element.attrib.items():
                assert not key.startswith("on"), (picture, key)
                if key == "href":  # a page, or the row of an actor without one (`actors/#actor-x`)
                    page, _, anchor = value.partition("#")
                    assert value.startswith("../") and page.endswith("/"), (picture, value)
                    assert not anchor or re.fullmatch(r"actor-[a-z0-9-]+", anchor), (picture, value)
            if element.tag == ns + "text":
                names.add(element.text or "")
        for link in root.iter(
            ns + "a"
        ):  # each link points at a page (or row) that exists, from the SVG's folder
            page, _, anchor = link.attrib["href"].partition("#")
            target = (picture.parent / page / "index.html").resolve()
            assert target.is_file(), (picture, link.attrib["href"])
            assert not anchor or f'id="{anchor}"' in target.read_text("utf-8"), (picture, link.attrib["href"])
    assert {ERDOGAN, ARMY, TURKEY} <= names


def test_pages_embed_their_graph_which_exists(site: Path) -> None:
    pages = _pages(site)
    for path in ("graph/index.html", f"actors/{slugify(ERDOGAN)}/index.html"):
        (embed,) = [a for t, a in pages[path].tags if t == "object"]
        assert embed["type"] == "image/svg+xml"
        assert (site / Path(path).parent / embed["data"]).resolve().is_file(), embed["data"]
        inline = [a for t, a in pages[path].tags if t == "svg" and "briefing-graph" in a.get("class", "")]
        assert not inline  # no inline SVG for Markdown to read
