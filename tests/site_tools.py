"""The two site tools the generated pages must work with, and the one place where tests treat them apart.

MkDocs (Material) and Zensical build the same site_src/ from the same
mkdocs.yml. Every test of the built site runs against both (`TOOLS`). They
differ, for a reader, in one way the tests must know about: the search box.

- MkDocs Material: `input.md-search__input` in the header; results are
  `.md-search-result__item > a.md-search-result__link`, in the page's DOM.
- Zensical: a button `.md-search__button` opens a dialog in a shadow root; its
  input is the combobox named "Search", its results the options of the
  listbox "Search results" (Playwright's role locators reach into the shadow
  root).

They also rank results differently: for "Assad", Material puts Bashar al-Assad
(alias "Assad") first, Zensical puts "anti-Assad insurgents" first and him
second. So the search tests ask for the actor's page among the first `TOP`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

TOOLS = ("mkdocs", "zensical")
"""Every site tool the output is tested with; `make site TOOL=...` builds with either."""
TOP = 3
"""How far down the results an alias search may put the actor's page (see the ranking note above)."""
SEARCH_INDEX = {"mkdocs": "search/search_index.json", "zensical": "search.json"}
"""Where each tool writes its search index inside site/."""


def build(tool: str, root: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """`python -m TOOL build [--strict]` in a project folder (mkdocs.yml there), with this Python."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", tool, "build", *(["--strict"] if strict else [])]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)


def search_input(page: Any, tool: str) -> Any:  # Any: a Playwright Page and Locator
    """The search box, opened and focused."""
    if tool == "zensical":
        page.locator(".md-search__button").click()
        box = page.get_by_role("combobox", name="Search")
    else:
        box = page.locator("input.md-search__input")
        box.click()
    box.wait_for()
    return box


def search_results(page: Any, tool: str) -> Any:
    """The links of the search results, best first."""
    if tool == "zensical":
        return page.get_by_role("listbox", name="Search results").get_by_role("option")
    return page.locator(".md-search-result__item > a.md-search-result__link")
