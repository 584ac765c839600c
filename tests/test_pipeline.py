"""The build as named steps: their order and their timings."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import BuildConfig
from generator.pipeline import STEPS, BuildState, assemble, build, run, timing_table
from tests.conftest import copy_project

NAMES = [name for name, _step in STEPS]


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One analysis cache for the module, so spaCy runs once."""
    return tmp_path_factory.mktemp("cache")


def _config(root: Path, cache: Path, **kwargs: object) -> BuildConfig:
    return replace(
        BuildConfig.from_env(root, environ={}, cache=cache),
        **kwargs,  # type: ignore[arg-type]  # only BuildConfig's fields are passed
    )


def test_each_step_is_a_named_function() -> None:
    assert [step.__name__ for _name, step in STEPS] == NAMES
    assert len(set(NAMES)) == len(NAMES)
    assert all(step.__doc__ for _name, step in STEPS)


def test_the_build_reads_and_checks_everything_before_it_writes() -> None:
    assert NAMES[:2] == ["read_overrides", "read_seeds"]
    assert NAMES.index("check") < NAMES.index(pipeline.OUTPUT_FROM) < NAMES.index("render_pages")
    assert NAMES[-1] == "write_files"


def test_curation_is_two_steps_and_says_why() -> None:
    first, second = pipeline.curate_entities.__doc__ or "", pipeline.curate_events_and_figures.__doc__ or ""
    assert NAMES.index("curate_entities") < NAMES.index("build_events_and_figures")
    assert NAMES.index("build_events_and_figures") < NAMES.index("curate_events_and_figures")
    assert "first of two curation passes" in first and "second curation pass" in second
    assert "briefing.json" in second


def test_run_applies_the_steps_in_order_and_times_each() -> None:
    seen: list[str] = []

    def step(name: str) -> pipeline.Step:
        def apply(state: BuildState) -> BuildState:
            seen.append(name)
            return replace(state, warnings=(*state.warnings, name))

        return name, apply

    state = run([step("one"), step("two"), step("three")], BuildState(BuildConfig()))
    assert seen == ["one", "two", "three"]
    assert state.warnings == ("one", "two", "three")  # each step saw the state the one before returned
    assert [name for name, _s in state.timings] == seen
    assert all(seconds >= 0 for _name, seconds in state.timings)


def test_build_runs_every_step_and_reports_its_time(
    tmp_path: Path, shared_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = copy_project(tmp_path)
    with caplog.at_level(logging.INFO, logger="generator.pipeline"):
        result = build(_config(root, shared_cache, verbose=True))
    assert [name for name, _s in result.timings] == NAMES
    assert all(seconds >= 0 for _name, seconds in result.timings)
    done = [r.getMessage().split()[1] for r in caplog.records if r.getMessage().startswith("step ")]
    assert done == NAMES
    assert (root / "site_src" / "index.md").exists()


def test_without_verbose_the_steps_are_logged_only_for_debugging(
    tmp_path: Path, shared_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = copy_project(tmp_path)
    with caplog.at_level(logging.INFO, logger="generator.pipeline"):
        build(_config(root, shared_cache))
    assert not [r for r in caplog.records if r.getMessage().startswith("step ")]


def test_assemble_runs_the_steps_before_any_output(
    tmp_path: Path, shared_cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = copy_project(tmp_path)
    stale = root / "seeds" / "overrides" / "stale.yml"  # read after seeds/overrides.yml
    stale.parent.mkdir()
    stale.write_text("actors:\n  Nobody At All:\n    kind: person\n", "utf-8")
    with caplog.at_level(logging.WARNING):
        briefing, descriptions, warnings = assemble(_config(root, shared_cache, out=root / "nowhere"))
    assert briefing.articles and descriptions
    assert any("Nobody At All" in w for w in warnings)
    assert not caplog.records  # the warnings are returned, not logged
    assert not (root / "nowhere").exists()


def test_timing_table() -> None:
    assert timing_table([("read_seeds", 0.5), ("analyse", 1.5)]) == (
        "step         seconds   share\n"
        "read_seeds     0.500   25.0%\n"
        "analyse        1.500   75.0%\n"
        "total          2.000  100.0%"
    )
    assert timing_table([("check", 0.0)]).splitlines()[1] == "check     0.000    0.0%"
