"""The static files the pages need (styles, scripts), and the starter pages a new site begins with."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
"""The source folder: generator/publish/assets/."""
ASSET_DIR = "assets/briefing"
"""Where the assets are published inside docs_dir (see mkdocs.yml extra_css, extra_javascript)."""


def asset_files() -> dict[str, str]:
    """Every asset's text, keyed by its path inside docs_dir, in path order."""
    return {
        f"{ASSET_DIR}/{asset.relative_to(ASSETS).as_posix()}": asset.read_text("utf-8")
        for asset in sorted(ASSETS.rglob("*"))
        if asset.is_file()
    }


STARTERS = Path(__file__).parent / "starters"
"""Hand-written pages a site begins with (curating.md): written when missing, never overwritten."""


def starter_files() -> dict[str, bytes]:
    """Every starter page, keyed by its path inside docs_dir, in path order."""
    return {
        page.relative_to(STARTERS).as_posix(): page.read_bytes()
        for page in sorted(STARTERS.rglob("*"))
        if page.is_file()
    }
