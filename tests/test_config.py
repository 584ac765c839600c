"""One BuildConfig: its defaults, the environment, and the CLI and the MkDocs hook making it alike."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest

from generator import cli, mkdocs_hooks
from generator.config import BuildConfig, model_from_env
from generator.errors import GeneratorError
from generator.extract.parse import DEFAULT_MODEL

ENVIRONMENT = ("BRIEFING_SEEDS", "BRIEFING_OVERRIDES", "BRIEFING_SPACY_MODEL", "BRIEFING_CACHE")


@pytest.fixture(autouse=True)
def no_settings_or_serve_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    monkeypatch.delenv("BRIEFING_SERVE", raising=False)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)


def test_defaults() -> None:
    assert BuildConfig() == BuildConfig(
        seeds=Path("seeds"),
        overrides=Path("seeds/overrides.yml"),
        out=Path("site_src"),
        model=DEFAULT_MODEL,
        strict=False,
        cache=Path(".cache/briefing"),
        verbose=False,
    )


def test_from_env_without_environment_is_the_defaults() -> None:
    assert BuildConfig.from_env(environ={}) == BuildConfig()


def test_from_env_puts_the_defaults_inside_the_project() -> None:
    root = Path("/project")
    assert BuildConfig.from_env(root, environ={}) == BuildConfig(
        seeds=root / "seeds",
        overrides=root / "seeds" / "overrides.yml",
        out=root / "site_src",
        cache=root / ".cache" / "briefing",
    )


def test_environment_overrides_the_defaults() -> None:
    environ = {
        "BRIEFING_SEEDS": "corpus",
        "BRIEFING_OVERRIDES": "curation/main.yml",
        "BRIEFING_SPACY_MODEL": "en_core_web_sm",
        "BRIEFING_CACHE": "/var/cache/briefing",
    }
    config = BuildConfig.from_env(Path("/project"), environ=environ)
    assert config.seeds == Path("/project/corpus")
    assert config.overrides == Path("/project/curation/main.yml")
    assert config.model == "en_core_web_sm"
    assert config.cache == Path("/var/cache/briefing")  # an absolute path stays where it is


def test_a_cache_url_from_the_environment_is_kept_as_a_url() -> None:
    environ = {"BRIEFING_CACHE": "memory://shared/briefing"}
    assert BuildConfig.from_env(Path("/project"), environ=environ).cache == "memory://shared/briefing"


def test_the_overrides_follow_the_seeds_unless_set() -> None:
    assert BuildConfig.from_env(environ={"BRIEFING_SEEDS": "corpus"}).overrides == Path(
        "corpus/overrides.yml"
    )
    assert BuildConfig.from_env(seeds=Path("/x"), environ={}).overrides == Path("/x/overrides.yml")


def test_an_empty_variable_counts_as_unset() -> None:
    environ = dict.fromkeys(ENVIRONMENT, "")
    assert BuildConfig.from_env(environ=environ) == BuildConfig()
    assert model_from_env(environ) == DEFAULT_MODEL


def test_what_is_given_wins_over_the_environment() -> None:
    environ = dict(zip(ENVIRONMENT, ("a", "b.yml", "c", "d"), strict=True))
    config = BuildConfig.from_env(
        Path("/project"),
        environ=environ,
        seeds=Path("s"),
        overrides=Path("o.yml"),
        out=Path("out"),
        model="m",
        cache=Path("k"),
        strict=True,
        verbose=True,
    )
    assert config == BuildConfig(Path("s"), Path("o.yml"), Path("out"), "m", True, Path("k"), True)
    assert BuildConfig.from_env(environ=environ, no_cache=True).cache is None


def _captured(monkeypatch: pytest.MonkeyPatch, module: object) -> list[BuildConfig]:
    """Replace the module's `build` by one that records its config and fails."""
    seen: list[BuildConfig] = []

    def fake_build(config: BuildConfig, *_args: object) -> None:
        seen.append(config)
        raise GeneratorError("not building in this test")

    monkeypatch.setattr(module, "build", fake_build)
    return seen


def _absolute(config: BuildConfig, root: Path) -> BuildConfig:
    """The config with every path taken from `root` (the CLI's paths are relative to where it runs)."""
    return dataclasses.replace(
        config,
        **{
            f.name: root / value
            for f in dataclasses.fields(config)
            if isinstance(value := getattr(config, f.name), Path)
        },
    )


@pytest.mark.parametrize(
    "environ",
    [
        {},
        {
            "BRIEFING_SEEDS": "corpus",
            "BRIEFING_OVERRIDES": "corpus/curation.yml",
            "BRIEFING_SPACY_MODEL": "en_core_web_sm",
            "BRIEFING_CACHE": "cache",
        },
    ],
)
def test_cli_and_mkdocs_hook_build_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environ: dict[str, str]
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    from_cli = _captured(monkeypatch, cli)
    from_hook = _captured(monkeypatch, mkdocs_hooks)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["build", "--quiet"]) == 1
    monkeypatch.setitem(mkdocs_hooks._command, "name", "serve")  # as `on_startup("serve")` does
    mkdocs_hooks.on_pre_build(
        SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path / "site_src"))
    )
    assert len(from_cli) == len(from_hook) == 1
    assert _absolute(from_cli[0], tmp_path) == from_hook[0]
    assert from_hook[0] == BuildConfig.from_env(tmp_path)


def test_cli_flags_still_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _captured(monkeypatch, cli)
    monkeypatch.setenv("BRIEFING_CACHE", "elsewhere")
    args = ["build", "--seeds", "s", "--out", "o", "--model", "m", "--strict", "--no-cache", "--verbose"]
    assert cli.main(args) == 1
    assert seen == [BuildConfig(Path("s"), Path("s/overrides.yml"), Path("o"), "m", True, None, True)]
