"""A link check of the whole built site: every internal link, script, stylesheet and image resolves.

Runs without a browser. Anchors (`#s-1285`, `#p3`) must exist in the target
page; map data islands, and the map page's data file (`data/map.json`, whose
links are relative to it), are checked too, since their links are raw HTML or
JSON that MkDocs does not validate.
"""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.slow  # it needs the seed site built by MkDocs


class _Page(HTMLParser):
    """The ids a page defines and the addresses it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []
        self._island = False
        self.islands: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name):
                self.refs.append(values[name] or "")
        self._island = tag == "script" and values.get("type") == "application/json"

    def handle_data(self, data: str) -> None:
        if self._island:
            self.islands.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._island = False


def _urls(value: object) -> list[str]:
    """Every "url" in a data island."""
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "url" and isinstance(v, str)] + [
            u for v in value.values() for u in _urls(v)
        ]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    return []


def _target(site: Path, page: Path, ref: str) -> tuple[Path, str] | None:
    """The file and anchor an internal reference points to; None for outside addresses."""
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc or ref.startswith(("mailto:", "javascript:")):
        return None
    path = unquote(parts.path)
    base = page.parent.relative_to(site).as_posix()
    if path.startswith("/"):  # 404.html is served at any depth, so MkDocs links it from the site root
        rel = posixpath.normpath(path.lstrip("/") or ".")
    else:
        rel = posixpath.normpath(posixpath.join(base, path)) if path else page.relative_to(site).as_posix()
    target = site / rel
    if not path or path.endswith("/") or target.is_dir():
        target = target / "index.html" if target.is_dir() or path.endswith("/") else target
    return target, unquote(parts.fragment)


def test_no_broken_internal_links(built_site: Path) -> None:
    pages = {p: _Page() for p in sorted(built_site.rglob("*.html"))}
    for path, parser in pages.items():
        parser.feed(path.read_text("utf-8"))
    sources: list[tuple[Path, str]] = []  # (the file a reference is relative to, the reference)
    for path, parser in pages.items():
        sources += [(path, ref) for ref in parser.refs]
        sources += [(path, ref) for island in parser.islands for ref in _urls(json.loads(island))]
    map_file = built_site / "data" / "map.json"  # the map page's markers, relative to the file
    map_refs = _urls(json.loads(map_file.read_text("utf-8")))
    sources += [(map_file, ref) for ref in map_refs]
    checked, anchors, broken = 0, 0, []
    for path, ref in sources:
        found = _target(built_site, path, ref)
        if found is None:
            continue
        target, anchor = found
        checked += 1
        where = f"{path.relative_to(built_site)}: {ref}"
        if not target.is_file():
            broken.append(f"{where} (no {target.relative_to(built_site)})")
        elif anchor and target in pages:
            anchors += 1
            if anchor not in pages[target].ids:
                broken.append(f"{where} (no #{anchor} in {target.relative_to(built_site)})")
    print(
        f"\nlink check: {len(pages)} HTML pages, {checked} internal links, {anchors} anchors, "
        f"{len(broken)} broken"
    )
    assert checked > 1000 and anchors > 100 and len(map_refs) > 15
    assert not broken, "\n".join(broken[:50])
