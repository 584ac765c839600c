"""Third-party browser files published with the site: Leaflet and vis-timeline, from the npm registry.

`npm ci --ignore-scripts` (run by `make venv`) installs the version pinned in
package.json/package-lock.json into node_modules/; the build copies its dist
files into docs_dir, so the site needs no CDN. Without node_modules the build
still works: the map pages show their table of places, the timeline its plain
list, and a warning says why.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
VENDOR_DIR = "assets/vendor"
"""Where third-party files are published inside docs_dir (see mkdocs.yml extra_css/extra_javascript)."""

LEAFLET_FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)
"""What the map needs from leaflet/dist; leaflet.css finds the images relative to itself."""


def node_modules() -> Path:
    """The npm install folder: $BRIEFING_NODE_MODULES, else node_modules/ beside the generator."""
    return Path(os.environ.get("BRIEFING_NODE_MODULES", str(ROOT / "node_modules")))


def leaflet_files(modules: Path | None = None) -> dict[str, bytes]:
    """Leaflet's dist files keyed by their path inside docs_dir; empty (with a warning) if not installed."""
    dist = (modules or node_modules()) / "leaflet" / "dist"
    missing = [name for name in LEAFLET_FILES if not (dist / name).is_file()]
    if missing:
        log.warning(
            "%s: Leaflet is not installed (run `npm ci --ignore-scripts`), so the map pages "
            "show their table of places only",
            dist / missing[0],
        )
        return {}
    return {f"{VENDOR_DIR}/leaflet/{name}": (dist / name).read_bytes() for name in LEAFLET_FILES}


VIS_TIMELINE_FILES = (
    "standalone/umd/vis-timeline-graph2d.min.js",
    "styles/vis-timeline-graph2d.min.css",
)
"""What the timeline's overview needs from vis-timeline (the standalone build bundles its peers)."""

VIS_TIMELINE_DIR = f"{VENDOR_DIR}/vis-timeline"
"""Where vis-timeline's files are published; the timeline page alone loads them."""


def vis_timeline_files(modules: Path | None = None) -> dict[str, bytes]:
    """vis-timeline's files keyed by their path inside docs_dir; empty (with a warning) if not installed."""
    package = (modules or node_modules()) / "vis-timeline"
    missing = [name for name in VIS_TIMELINE_FILES if not (package / name).is_file()]
    if missing:
        log.warning(
            "%s: vis-timeline is not installed (run `npm ci --ignore-scripts`), so the timeline "
            "shows its plain list only",
            package / missing[0],
        )
        return {}
    return {
        f"{VIS_TIMELINE_DIR}/{Path(name).name}": (package / name).read_bytes() for name in VIS_TIMELINE_FILES
    }
