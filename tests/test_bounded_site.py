"""The built site with bounded output: rows for rarely named entities, links that resolve, a small search index.

Built with each site tool (`site_tools.TOOLS`) from the seed, where Lebanon is named
once and acts in no dated event: it is a row of the actors index, not a page. Tayyip
Erdogan is named once too, but his ultimatum is dated: he has a page.
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
    assert not (site / "actors" / "lebanon").exists()
    index = (site / "actors" / "index.html").read_text("utf-8")
    assert 'id="actor-lebanon"' in index
    article = next((site / "articles").glob("000-*/index.html")).read_text("utf-8")
    assert 'href="../../actors/#actor-lebanon"' in article
    assert (site / "actors" / "tayyip-erdogan" / "index.html").is_file()
    assert 'href="../../actors/tayyip-erdogan/"' in article


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


@pytest.fixture(scope="module")
def paginated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed built with ten rows to a page: three pages of actors, two of places, of figures and of tags."""
    from generator.config import PageSettings
    from generator.pipeline import BuildConfig, build
    from tests.conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("paginated"))
    seeds = root / "seeds"
    build(
        BuildConfig(
            seeds=seeds,
            overrides=seeds / "overrides.yml",
            out=root / "site_src",
            pages=PageSettings(rows_per_page=10),
        )
    )
    return root


@pytest.mark.slow
@pytest.mark.parametrize("tool", site_tools.TOOLS)
def test_paginated_indexes_build_strict_and_link_to_each_other(
    paginated: Path, tool: str, tmp_path: Path
) -> None:
    shutil.copy(paginated / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(paginated / "site_src", tmp_path / "site_src")
    result = site_tools.build(tool, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    site = tmp_path / "site"
    for first, later in (
        ("actors", "actors/page-3"),
        ("places", "places/page-2"),
        ("figures", "figures/page-2"),
        ("tags", "tags/page-2"),
    ):
        assert (site / later / "index.html").is_file(), later
        assert "Page 1 of" in (site / first / "index.html").read_text("utf-8"), first
    middle = (site / "actors" / "page-2" / "index.html").read_text("utf-8")
    assert re.search(r'href="\.\./"[^>]*>← Previous</a> · Page 2 of 3 · <a href="\.\./page-3/"', middle)
    # Only the first page of each list is in the navigation.
    home = (site / "index.html").read_text("utf-8")
    assert "page-2/" not in home
