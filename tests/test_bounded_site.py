"""The built site with bounded output: rows for rarely named entities, links that resolve, a small search index.

Built with each site tool (`site_tools.TOOLS`) from the seed, where Tayyip Erdogan is
named once: he is a row of the actors index, not a page.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

import pytest

from tests import site_tools

HREF = re.compile(r'href="([^"#:]*)#((?:actor|place)-[a-z0-9-]+)"')


@pytest.fixture(scope="module", params=site_tools.TOOLS)
def built(
    request: pytest.FixtureRequest, seed_site, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:  # type: ignore[no-untyped-def]
    """The seed's generated files built strict by one tool: (tool, site/)."""
    root, _result = seed_site
    project = tmp_path_factory.mktemp(f"bounded-{request.param}")
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(root / "site_src", project / "site_src")
    result = site_tools.build(request.param, project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    return request.param, project / "site"


@pytest.mark.slow
def test_a_single_mention_is_a_row_with_its_anchor(built: tuple[str, Path]) -> None:
    _tool, site = built
    assert not (site / "actors" / "tayyip-erdogan").exists()
    index = (site / "actors" / "index.html").read_text("utf-8")
    assert 'id="actor-tayyip-erdogan"' in index
    article = next((site / "articles").glob("000-*/index.html")).read_text("utf-8")
    assert 'href="../../actors/#actor-tayyip-erdogan"' in article


@pytest.mark.slow
def test_every_row_link_resolves_to_its_anchor(built: tuple[str, Path]) -> None:
    _tool, site = built
    checked = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text("utf-8")
        for target, anchor in set(HREF.findall(text)):
            folder = posixpath.normpath(posixpath.join(page.parent.as_posix(), target or "."))
            html = Path(folder) / "index.html" if not folder.endswith(".html") else Path(folder)
            assert html.is_file(), f"{page}: {target}#{anchor}"
            assert f'id="{anchor}"' in html.read_text("utf-8"), f"{page}: {target}#{anchor}"
            checked += 1
    assert checked > 20


@pytest.mark.slow
def test_the_search_index_holds_names_and_roles_not_sentences(built: tuple[str, Path]) -> None:
    tool, site = built
    index = (site / site_tools.SEARCH_INDEX[tool]).read_text("utf-8")
    for wanted in ("Sergei Lavrov", "Russian foreign minister", "Tayyip Erdogan", "Turkish president"):
        assert wanted in index, wanted
    # A sentence of the article body, and a figure's sentence: on their pages, not in the index.
    for unwanted in ("scorched earth policy", "rubs their noses in the dirt"):
        assert unwanted not in index, unwanted
