"""The README's recipe for a plain static host: nginx serving the site under a sub-path.

Builds the seed site with `BRIEFING_SITE_URL` set to the sub-path (with each
site tool), serves it with docs/deploy/nginx-subpath.conf (only the listen
address and the folder changed) on 127.0.0.1, and checks pages, the 404
page's links at depth and the sitemap. `.ci/run` installs nginx when missing.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests import site_tools
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

RECIPE = ROOT / "docs" / "deploy" / "nginx-subpath.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value and not value.startswith(("#", "mailto:", "javascript:")):
                self.refs.append(value)


@pytest.fixture(scope="module", params=site_tools.TOOLS)
def served(
    seed_site, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The seed site, built for /briefing/ with the tool, served by nginx from the recipe."""
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: `.ci/run` installs it (apt-get install nginx)")
    tool = str(request.param)
    root, _result = seed_site
    project = tmp_path_factory.mktemp(f"nginx-{tool}")
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(root / "site_src", project / "site_src")
    port = _free_port()
    base = f"http://127.0.0.1:{port}/briefing/"
    os.environ["BRIEFING_SITE_URL"] = base
    try:
        built = site_tools.build(tool, project)
    finally:
        del os.environ["BRIEFING_SITE_URL"]
    assert built.returncode == 0, built.stdout + built.stderr
    server = RECIPE.read_text("utf-8")
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};")
    server = server.replace("/srv/briefing/site/", f"{project / 'site'}/")
    assert f"{project / 'site'}/" in server and f"127.0.0.1:{port}" in server
    conf = project / "nginx.conf"
    conf.write_text(
        ("user root;\n" if os.geteuid() == 0 else "")  # pytest's temporary folders are private to us
        + f"daemon off;\npid {project / 'nginx.pid'};\nerror_log stderr;\nevents {{}}\n"
        + "http {\n  include /etc/nginx/mime.types;\n  access_log off;\n"
        + f"  client_body_temp_path {project}/tmp;\n  proxy_temp_path {project}/tmp;\n"
        + f"  fastcgi_temp_path {project}/tmp;\n  uwsgi_temp_path {project}/tmp;\n  scgi_temp_path {project}/tmp;\n"
        + server
        + "}\n",
        "utf-8",
    )
    (project / "tmp").mkdir()
    nginx = subprocess.Popen(
        [NGINX, "-c", str(conf), "-p", str(project)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while _get_status(base) != 200:
            assert nginx.poll() is None, nginx.stderr.read() if nginx.stderr else ""
            assert time.monotonic() < deadline, "nginx did not answer"
            time.sleep(0.1)
        yield base
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)


def _get_status(url: str) -> int:
    try:
        return _get(url)[0]
    except OSError:
        return 0


def test_pages_are_served_under_the_sub_path(served: str) -> None:
    status, home = _get(served)
    assert status == 200 and "<title>" in home
    assert _get(f"{served}actors/sergei-lavrov/")[0] == 200
    assert _get(f"{served}data/briefing.json")[0] == 200
    assert _get(served.rstrip("/"))[0] == 200  # /briefing redirects to /briefing/


def test_a_missing_page_gets_the_404_page_with_working_links_at_any_depth(served: str) -> None:
    missing = f"{served}no/such/page/"
    status, body = _get(missing)
    assert status == 404 and "404" in body
    parser = _Refs()
    parser.feed(body)
    local = [urljoin(missing, ref) for ref in parser.refs if urljoin(missing, ref).startswith(served)]
    assert len(local) > 5, parser.refs
    broken = [url for url in sorted(set(local)) if _get(url.split("#")[0])[0] != 200]
    assert not broken, broken
    outside = [urljoin(missing, ref) for ref in parser.refs if not urljoin(missing, ref).startswith(served)]
    assert not [url for url in outside if url.startswith(served.split("/briefing/")[0])], outside


def test_the_sitemap_lists_pages_under_the_sub_path(served: str) -> None:
    status, sitemap = _get(f"{served}sitemap.xml")
    assert status == 200
    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert len(locations) >= 30  # the seed's 30 pages (names met once are index rows, not pages)
    assert all(loc.startswith(served) for loc in locations), locations[:3]
    assert all(_get(loc)[0] == 200 for loc in locations[:10])
