"""The seed site built with MkDocs, served on 127.0.0.1, and Debian's Chromium driven by Playwright.

Browser tests skip only when Chromium is missing (`.ci/run` installs it).
The browser reaches nothing but the local server: map tiles are answered
with a blank tile (the network is closed, and the tests must not depend on
a tile server), and any other outside request is aborted and recorded, so a
page that needs the internet fails `test_no_page_logs_a_console_error`.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import struct
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.test_site import mkdocs_build

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
TILE_HOST = "tile.openstreetmap.org"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def blank_png(size: int = 256, rgb: tuple[int, int, int] = (232, 236, 239)) -> bytes:
    """A plain PNG tile, made here so the tests need no image files."""
    row = b"\x00" + bytes(rgb) * size
    raw = zlib.compress(row * size)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


@pytest.fixture(scope="session")
def built_site(seed_site, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """`mkdocs build --strict` of the seed pages, in a folder of its own."""
    root, _result = seed_site
    project = tmp_path_factory.mktemp("browser")
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(root / "site_src", project / "site_src")
    shutil.copytree(root / "seeds", project / "seeds")
    (project / "generator").symlink_to(ROOT / "generator")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
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
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's chromium (`.ci/run` does) to run the browser tests"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Watched:
    """A page with what it logged: console errors, uncaught exceptions, outside requests."""

    page: object
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@pytest.fixture
def watched(browser, base_url: str) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    """A fresh page in a fresh context, offline but for the local server and blank map tiles."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.set_default_timeout(10_000)
    page = context.new_page()
    watched = Watched(page)
    tile = blank_png()

    def route(route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(base_url):
            route.continue_()
        elif f"//{TILE_HOST}/" in url:
            route.fulfill(status=200, content_type="image/png", body=tile)
        else:
            watched.outside.append(url)
            route.abort()

    context.route("**/*", route)
    page.on(
        "console",
        lambda msg: (
            watched.errors.append(f"{msg.type}: {msg.text} ({msg.location})") if msg.type == "error" else None
        ),
    )
    page.on("pageerror", lambda exc: watched.errors.append(f"uncaught: {exc}"))
    yield watched
    context.close()
