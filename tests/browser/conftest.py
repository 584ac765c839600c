"""The seed site built with each site tool, served on 127.0.0.1, and Chromium driven by Playwright.

Every test that uses `built_site` runs once per tool (MkDocs, Zensical; see
tests/site_tools.py). Browser tests skip only when Chromium is missing
(`.ci/run` installs it); with `BRIEFING_REQUIRE_BROWSER=1` (CI) they fail
instead. The browser reaches nothing but the local server: every other
request is aborted and recorded, and a failed request or a console error
fails the tests. With no tiles configured, the maps draw the bundled basemap
and ask no other host for anything.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests import site_tools

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
REQUIRE = os.environ.get("BRIEFING_REQUIRE_BROWSER") == "1"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session", params=site_tools.TOOLS)
def tool(request: pytest.FixtureRequest) -> str:
    """The site tool the seed site is built with (each test runs once per tool)."""
    return str(request.param)


@pytest.fixture(scope="session")
def built_site(seed_site, tool: str, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """A strict build of the seed pages with the tool, in a folder of its own (no generator/ beside it)."""
    root, _result = seed_site
    project = tmp_path_factory.mktemp(f"site-{tool}")
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(root / "site_src", project / "site_src")
    result = site_tools.build(tool, project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on 127.0.0.1, on a free port, from a thread."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Headless Debian Chromium; the tests skip when it is not installed."""
    if not CHROMIUM.exists():
        message = (
            f"{CHROMIUM} is missing: install Debian's chromium (`.ci/run` does) to run the browser tests"
        )
        if REQUIRE:
            pytest.fail(message + " (BRIEFING_REQUIRE_BROWSER=1)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Watched:
    """A page with what it logged: console errors, uncaught exceptions, outside and failed requests."""

    page: object
    tool: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser, base_url: str, tool: str) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    """A fresh page in a fresh context, offline but for the local server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(10_000)
    page = context.new_page()
    watched = Watched(page, tool)

    def route(route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(base_url):
            route.continue_()
        else:
            watched.outside.append(url)
            route.abort()

    context.route("**/*", route)

    def failed(request) -> None:  # type: ignore[no-untyped-def]
        # ERR_ABORTED is the browser cancelling a request when the test moves to the next page (the
        # favicon, mostly); a missing local file is an HTTP 404, caught by the response listener below.
        if request.url.startswith(base_url) and request.failure != "net::ERR_ABORTED":
            watched.failed.append(f"{request.url} ({request.failure})")

    page.on("requestfailed", failed)
    page.on(
        "response",
        lambda response: (
            watched.failed.append(f"{response.url} (HTTP {response.status})")
            if response.status >= 400
            else None
        ),
    )
    page.on(
        "console",
        lambda msg: (
            watched.errors.append(f"{msg.type}: {msg.text} ({msg.location})") if msg.type == "error" else None
        ),
    )
    page.on("pageerror", lambda exc: watched.errors.append(f"uncaught: {exc}"))
    yield watched
    context.close()
