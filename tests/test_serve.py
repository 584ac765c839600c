"""`briefing serve` regenerates the pages when the overrides or seeds change, under each site tool's own
server (real servers on localhost)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests import site_tools
from tests.conftest import ROOT, copy_project

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Poll until the page contains `text`; return the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if text in _get(url):
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r} within {timeout}s")


@pytest.mark.parametrize("tool", site_tools.TOOLS)
def test_serve_regenerates_on_override_edit(tmp_path: Path, tool: str) -> None:
    root = copy_project(tmp_path)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}  # the checkout's generator
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            "--quiet",
            "--tool",
            tool,
            "--dev-addr",
            f"127.0.0.1:{port}",
        ],
        cwd=root,
        start_new_session=True,  # the tool's server is its child: the whole group is ended below
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = f"http://127.0.0.1:{port}/articles/000-b1945a7aff149b57/"
        _wait_for(page, "Syrian army takes dozens of towns", timeout=120)
        overrides = root / "seeds" / "overrides.yml"
        text = overrides.read_text("utf-8")
        overrides.write_text(text.replace("Syrian army takes dozens of towns", "Curated headline"), "utf-8")
        took = _wait_for(page, "Curated headline", timeout=60)
        print(f"\noverride edit → served page: {took:.1f} s")
        # A new article: only it is analysed (the others come from the cache), then served.
        (root / "seeds" / "new.md").write_text(
            "---\ntitle: A new article arrives\ndate: 2020-02-18\n---\n"
            "Turkish president Tayyip Erdogan spoke in Ankara on Tuesday.\n",
            "utf-8",
        )
        took = _wait_for(f"http://127.0.0.1:{port}/articles/new/", "A new article arrives", timeout=60)
        print(f"new article → served page: {took:.1f} s")
        assert (root / "site_src" / "curating.md").exists()
    finally:
        server.terminate()  # briefing serve stops its tool's server on SIGTERM
        try:
            server.wait(timeout=30)
        finally:
            try:
                os.killpg(server.pid, signal.SIGKILL)  # anything of this test's own session left over
            except ProcessLookupError:
                pass
