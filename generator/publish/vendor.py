"""Third-party browser files published with the site, shipped inside the package.

The files come from npm packages pinned in package.json/package-lock.json, but
the site never needs node_modules/: `make vendor` (`python -m
generator.publish.vendor`) copies each package's files below, its licence and
its package.json into generator/publish/vendored/<name>/, which is committed
and ships as package data. The build publishes them from there into
`assets/vendor/<name>/` in docs_dir, so the site needs no CDN and no network.
A test checks that the committed copies are the versions package-lock.json pins
and byte for byte what npm installs.

To add a library: `npm install --save-exact --ignore-scripts NAME@VERSION`, add
an `NpmPackage` to `PACKAGES`, run `make vendor` and commit the folder.
"""

from __future__ import annotations

import errno
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

VENDORED = Path(__file__).parent / "vendored"
"""The committed copies, one folder per npm package (package data)."""
VENDOR_DIR = "assets/vendor"
"""Where third-party files are published inside docs_dir (see mkdocs.yml extra_css/extra_javascript)."""
ROOT = Path(__file__).resolve().parents[2]
"""The repository, when running from one; only `make vendor` reads its node_modules/."""


@dataclass(frozen=True, slots=True)
class NpmPackage:
    """An npm package whose files the site publishes."""

    name: str
    """The npm package name; also its folder under vendored/ and assets/vendor/."""
    files: tuple[tuple[str, str], ...]
    """(path inside the npm package, path inside its vendored and published folder)."""
    licences: tuple[str, ...]
    """The licence files inside the npm package; vendored and published beside the files (never `.md`,
    which the site tools would build into pages)."""


def _dist(names: tuple[str, ...], folder: str = "dist/") -> tuple[tuple[str, str], ...]:
    """Files taken from a package's dist folder, published without the folder."""
    return tuple((folder + name, name) for name in names)


PACKAGES: tuple[NpmPackage, ...] = (
    NpmPackage(
        "leaflet",
        _dist(
            (
                "leaflet.js",
                "leaflet.css",
                "images/layers.png",
                "images/layers-2x.png",
                "images/marker-icon.png",
                "images/marker-icon-2x.png",
                "images/marker-shadow.png",
            )
        ),
        ("LICENSE",),
    ),
    NpmPackage(
        "leaflet.markercluster",
        _dist(("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css")),
        ("MIT-LICENCE.txt",),
    ),
    NpmPackage("topojson-client", _dist(("topojson-client.min.js",)), ("LICENSE",)),
    # Natural Earth 1:50m country outlines (public domain data), the offline basemap.
    NpmPackage("world-atlas", (("countries-50m.json", "countries-50m.json"),), ("LICENSE",)),
    # The timeline's interactive overview; the standalone build bundles its peers (vis-data, moment).
    NpmPackage(
        "vis-timeline",
        (
            ("standalone/umd/vis-timeline-graph2d.min.js", "vis-timeline-graph2d.min.js"),
            ("styles/vis-timeline-graph2d.min.css", "vis-timeline-graph2d.min.css"),
        ),
        # Dual-licensed: either applies.
        ("LICENSE.Apache-2.0.txt", "LICENSE.MIT.txt"),
    ),
)
"""Every npm package the site publishes, in the order the pages load them."""

PACKAGE_JSON = "package.json"
"""Kept beside each vendored package (not published): it names the version that was copied."""


def published(package: NpmPackage) -> tuple[str, ...]:
    """A package's files as published, its licence included, in path order."""
    return tuple(sorted([dest for _src, dest in package.files] + list(package.licences)))


def vendor_files(vendored: Path = VENDORED) -> dict[str, bytes]:
    """Every vendored file keyed by its path inside docs_dir; a missing one is an OSError."""
    return {
        f"{VENDOR_DIR}/{package.name}/{name}": (vendored / package.name / name).read_bytes()
        for package in PACKAGES
        for name in published(package)
    }


def refresh(node_modules: Path, vendored: Path = VENDORED) -> list[str]:
    """Copy each package's files from an npm install into `vendored`; return what was copied.

    Every source file is checked first, so a missing one changes nothing.
    """
    plan = [
        (package.name, node_modules / package.name / src, dest)
        for package in PACKAGES
        for src, dest in [
            *package.files,
            *((name, name) for name in package.licences),
            (PACKAGE_JSON, PACKAGE_JSON),
        ]
    ]
    for _name, source, _dest in plan:
        if not source.is_file():
            raise FileNotFoundError(errno.ENOENT, "No such file or directory", str(source))
    for package in PACKAGES:
        if (vendored / package.name).exists():
            shutil.rmtree(vendored / package.name)
    for name, source, dest in plan:
        (vendored / name / dest).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, vendored / name / dest)
    return [f"{name}/{dest}" for name, _source, dest in plan]


def main(argv: list[str] | None = None, vendored: Path = VENDORED) -> int:
    """`python -m generator.publish.vendor [NODE_MODULES]`: refresh the vendored copies."""
    args = sys.argv[1:] if argv is None else argv
    modules = Path(args[0]) if args else ROOT / "node_modules"
    try:
        copied = refresh(modules, vendored)
    except OSError as exc:
        print(f"error: {exc.filename}: {exc.strerror} (run `npm ci --ignore-scripts` first)", file=sys.stderr)
        return 1
    print(f"copied {len(copied)} files from {modules} into {vendored}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
