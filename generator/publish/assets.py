"""The static files the pages need (styles, scripts), published beside the generated pages."""

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
