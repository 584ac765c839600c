"""The vendored browser files: the versions package-lock.json pins, byte for byte what npm installs.

The site never reads node_modules/: the build publishes the copies committed in
generator/publish/vendored/. These tests catch a lock bump without `make vendor`
(or the reverse), and a copy edited by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.publish import vendor
from tests.conftest import ROOT

LOCK = json.loads((ROOT / "package-lock.json").read_text("utf-8"))
NAMES = [p.name for p in vendor.PACKAGES]


def _package(name: str) -> vendor.NpmPackage:
    return next(p for p in vendor.PACKAGES if p.name == name)


@pytest.mark.parametrize("name", NAMES)
def test_vendored_version_is_the_locked_one(name: str) -> None:
    vendored = json.loads((vendor.VENDORED / name / vendor.PACKAGE_JSON).read_text("utf-8"))
    locked = LOCK["packages"][f"node_modules/{name}"]
    assert vendored["version"] == locked["version"], "run `make vendor` after changing package-lock.json"
    assert not locked.get("dev"), f"{name} is published with the site, so it is a dependency, not dev"
    assert json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"][name] == locked["version"]


@pytest.mark.parametrize("name", NAMES)
def test_vendored_files_match_the_npm_install(name: str) -> None:
    installed = ROOT / "node_modules" / name
    if not installed.is_dir():
        pytest.fail(f"{installed} is missing: run `npm ci --ignore-scripts` (make venv does)")
    package = _package(name)
    pairs = [*package.files, *((n, n) for n in package.licences), (vendor.PACKAGE_JSON, vendor.PACKAGE_JSON)]
    for src, dest in pairs:
        assert (vendor.VENDORED / name / dest).read_bytes() == (installed / src).read_bytes(), (
            f"{name}/{dest} differs from node_modules/{name}/{src}: run `make vendor`"
        )


def test_the_vendored_folder_holds_only_what_is_declared() -> None:
    declared = {
        f"{p.name}/{name}" for p in vendor.PACKAGES for name in (*vendor.published(p), vendor.PACKAGE_JSON)
    }
    present = {f.relative_to(vendor.VENDORED).as_posix() for f in vendor.VENDORED.rglob("*") if f.is_file()}
    assert present == declared


def test_every_npm_dependency_is_vendored() -> None:
    """A library added to package.json for the site must be declared in vendor.PACKAGES too."""
    dependencies = json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]
    assert sorted(dependencies) == sorted(NAMES)


def test_refresh_copies_from_an_npm_folder(tmp_path: Path) -> None:
    modules = tmp_path / "node_modules"
    for package in vendor.PACKAGES:
        for src, _dest in [*package.files, *((n, "") for n in package.licences), (vendor.PACKAGE_JSON, "")]:
            path = modules / package.name / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{package.name}:{src}", "utf-8")
    copied = vendor.refresh(modules, tmp_path / "vendored")
    assert (tmp_path / "vendored" / "leaflet" / "leaflet.js").read_text("utf-8") == "leaflet:dist/leaflet.js"
    assert "world-atlas/countries-50m.json" in copied
    published = vendor.vendor_files(tmp_path / "vendored")
    assert published["assets/vendor/leaflet/images/marker-icon.png"] == b"leaflet:dist/images/marker-icon.png"
    assert "assets/vendor/leaflet/package.json" not in published


def test_refresh_names_the_missing_file_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "vendored" / "leaflet").mkdir(parents=True)
    (tmp_path / "vendored" / "leaflet" / "leaflet.js").write_text("kept", "utf-8")
    assert vendor.main([str(tmp_path)], tmp_path / "vendored") == 1
    assert (tmp_path / "vendored" / "leaflet" / "leaflet.js").read_text("utf-8") == "kept"
    err = capsys.readouterr().err
    assert err.startswith(f"error: {tmp_path}/leaflet/dist/leaflet.js: No such file or directory")
    assert "npm ci --ignore-scripts" in err
