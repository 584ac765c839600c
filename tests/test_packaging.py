"""The package's command line beyond `build`: `new`, `serve`'s plumbing, the settings file, `--help`."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from generator import cli, new, serve
from generator.config import BuildConfig, MapSettings, PageSettings, SiteSettings
from generator.publish import maps
from generator.read.settings import SettingsError, read_settings
from tests.conftest import ROOT


def test_help_names_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: briefing [-h] {build,serve,eval,new} ...")


def test_new_writes_a_project_and_keeps_what_exists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "brief"
    (target / "seeds").mkdir(parents=True)
    (target / "seeds" / "overrides.yml").write_text("# mine\n", "utf-8")
    assert cli.main(["new", str(target)]) == 0
    captured = capsys.readouterr()
    assert f"kept {target}/seeds/overrides.yml (it exists)" in captured.err
    assert (target / "seeds" / "overrides.yml").read_text("utf-8") == "# mine\n"
    written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    assert written == sorted(new.skeleton_files())
    assert ".github/workflows/site.yml" in written and ".gitignore" in written
    assert (target / "requirements-model.txt").read_bytes() == (
        ROOT / "generator" / "requirements-model.txt"
    ).read_bytes()
    assert captured.out.startswith(f"created {len(written) - 1} files in {target}; next:")


def test_new_refuses_a_file_in_the_way(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "taken").write_text("x", "utf-8")
    assert cli.main(["new", str(tmp_path / "taken")]) == 1
    assert capsys.readouterr().err == f"error: {tmp_path / 'taken'}: exists and is not a folder\n"


def test_the_repository_site_is_the_one_new_projects_get() -> None:
    """One mkdocs.yml: the repository's is the skeleton's, so what CI tests is what users get."""
    assert (ROOT / "mkdocs.yml").read_bytes() == (ROOT / "generator" / "skeleton" / "mkdocs.yml").read_bytes()
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "hooks:" not in config  # nothing depends on the optional MkDocs hook


def test_settings_missing_file_is_the_offline_default(tmp_path: Path) -> None:
    assert read_settings(tmp_path / "briefing.yml") == SiteSettings(
        MapSettings(tiles=None), PageSettings(2, 300)
    )


def test_settings_read_the_tiles(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yml"
    path.write_text(
        "map:\n  tiles: https://t.example/{z}/{x}/{y}.png\n  attribution: © Example\n  max_zoom: 12\n"
    )
    assert read_settings(path).map == MapSettings("https://t.example/{z}/{x}/{y}.png", "© Example", 12)


def test_settings_read_the_page_bounds(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yml"
    path.write_text("pages:\n  min_mentions: 3\n  rows_per_page: 50\n", "utf-8")
    assert read_settings(path) == SiteSettings(pages=PageSettings(min_mentions=3, rows_per_page=50))


def test_settings_report_bad_page_bounds_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yml"
    path.write_text("pages:\n  min_mention: 3\n  min_mentions: 0\n  rows_per_page: many\n", "utf-8")
    with pytest.raises(SettingsError) as error:
        read_settings(path)
    assert str(error.value).splitlines() == [
        f"{path}:2: pages: unknown key 'min_mention' (did you mean 'min_mentions'?)",
        f"{path}:3: pages.min_mentions: expected a whole number, at least 1",
        f"{path}:4: pages.rows_per_page: expected a whole number, at least 10",
    ]


def test_settings_report_every_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "briefing.yml"
    path.write_text("mapp: 1\nmap:\n  tile: x\n  tiles: ftp://nope\n  max_zoom: 40\n", "utf-8")
    with pytest.raises(SettingsError) as error:
        read_settings(path)
    assert str(error.value).splitlines() == [
        f"{path}:1: unknown setting 'mapp' (did you mean 'map'?)",
        f"{path}:3: map: unknown key 'tile' (did you mean 'tiles'?)",
        f"{path}:4: map.tiles: expected an http(s) URL with {{z}}, {{x}} and {{y}}, such as "
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        f"{path}:5: map.max_zoom: expected a whole number, 1 to 22",
    ]


def test_a_bad_settings_file_stops_the_build_before_anything(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "briefing.yml").write_text("map: [1]\n", "utf-8")
    args = ["build", "--quiet", "--config", str(tmp_path / "briefing.yml"), "--out", str(tmp_path / "out")]
    assert cli.main(args) == 1
    assert capsys.readouterr().err == f"error: {tmp_path / 'briefing.yml'}:1: map: expected a mapping\n"
    assert not (tmp_path / "out").exists()


def test_the_map_asks_for_tiles_only_when_configured() -> None:
    offline = str(maps.map_block("m", [], "Map", MapSettings()))
    assert "data-tiles" not in offline and "http" not in offline
    online = str(maps.map_block("m", [], "Map", MapSettings("https://t.example/{z}/{x}/{y}.png", '"<b>"', 9)))
    assert 'data-tiles="https://t.example/{z}/{x}/{y}.png"' in online
    assert 'data-attribution="&quot;&lt;b&gt;&quot;" data-max-zoom="9"' in online


@pytest.mark.parametrize("tool", ["mkdocs", "zensical"])
def test_serve_runs_the_tools_own_server_with_this_python(tool: str) -> None:
    options = serve.ServeOptions(tool=tool, address="127.0.0.1:9000", config_file=Path("site.yml"))
    assert serve.server_command(options) == [
        sys.executable,
        "-m",
        tool,
        "serve",
        "--dev-addr",
        "127.0.0.1:9000",
        "--config-file",
        "site.yml",
    ]


def test_serve_watches_the_inputs_and_ignores_its_own_output(tmp_path: Path) -> None:
    (tmp_path / "seeds" / "overrides").mkdir(parents=True)
    config = BuildConfig(
        seeds=tmp_path / "seeds",
        overrides=tmp_path / "seeds" / "overrides.yml",
        out=tmp_path / "site_src",
        cache=tmp_path / ".cache",
    )
    options = serve.ServeOptions(settings=tmp_path / "briefing.yml", project=tmp_path)
    changes = serve._Changes(config, options)
    relevant = {
        rel: changes.relevant((tmp_path / rel).resolve())
        for rel in (
            "seeds/new.md",
            "seeds/overrides.yml",
            "seeds/overrides/more.yml",
            "briefing.yml",
            "site_src/index.md",
            ".cache/x.pickle",
            "seeds/.new.md.swp",
            "site/index.html",
            "mkdocs.yml",
        )
    }
    assert relevant == {
        "seeds/new.md": True,
        "seeds/overrides.yml": True,
        "seeds/overrides/more.yml": True,
        "briefing.yml": True,
        "site_src/index.md": False,
        ".cache/x.pickle": False,
        "seeds/.new.md.swp": False,
        "site/index.html": False,
        "mkdocs.yml": False,
    }
    assert changes.relevant(serve.TEMPLATES / "actor.md.j2")
    watched = dict(serve.watched_paths(config, options))
    assert watched[tmp_path.resolve()] is False  # the project folder itself: its own files only
    assert watched[(tmp_path / "seeds").resolve()] is True


def test_the_skeleton_workflow_installs_the_model_by_hash() -> None:
    flow = yaml.safe_load((ROOT / "generator" / "skeleton" / "github-workflow.yml").read_text("utf-8"))
    runs = "\n".join(s.get("run", "") for s in flow["jobs"]["build"]["steps"])
    assert "--require-hashes -r requirements-model.txt" in runs and "briefing build" in runs
