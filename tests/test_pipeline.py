"""The build as named steps: their order, their timings, and the one-line errors of render and write."""

from __future__ import annotations

import errno
import gc
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest

from generator import pipeline, shares
from generator.config import BuildConfig
from generator.errors import InternalError, RenderError, WriteError
from generator.model import Actor, Briefing, Mention, Place, Span
from generator.pipeline import STEPS, BuildState, assemble, build, run, timing_table
from generator.publish import render, write
from generator.read.overrides import Overrides
from generator.resolve.curate import Curated, curate
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


def test_run_pauses_the_garbage_collector_and_puts_it_back_even_when_a_step_fails() -> None:
    seen: list[tuple[bool, int]] = []

    def look(state: BuildState) -> BuildState:
        seen.append((gc.isenabled(), gc.get_freeze_count()))
        return state

    def fail(state: BuildState) -> BuildState:
        raise ValueError("broken")

    run([("one", look), ("two", look)], BuildState(BuildConfig()))
    assert seen[0] == (False, 0)
    assert seen[1][0] is False and seen[1][1] > 0  # what the first step left is frozen
    assert gc.isenabled() and gc.get_freeze_count() == 0
    with pytest.raises(InternalError):
        run([("one", look), ("fail", fail)], BuildState(BuildConfig()))
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_steps_frozen_without_a_collection_leave_no_cyclic_garbage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each step in ACYCLIC, in a build that resolves the corpus and one that recalls it, frees next to nothing."""
    root = copy_project(tmp_path)
    freed: dict[tuple[str, int], int] = {}
    builds = [0]

    def measured(name: str, step: Callable[[BuildState], BuildState]) -> Callable[[BuildState], BuildState]:
        def run_it(state: BuildState) -> BuildState:
            gc.collect()
            state = step(state)
            if name in pipeline.ACYCLIC:
                freed[name, builds[0]] = gc.collect()
            return state

        return run_it

    monkeypatch.setattr(pipeline, "STEPS", tuple((n, measured(n, s)) for n, s in STEPS))
    for build_number in (1, 2):  # the corpus resolved, then recalled
        builds[0] = build_number
        assert assemble(_config(root, tmp_path / "cache"))[0].events
    assert set(freed) == {(name, n) for name in pipeline.ACYCLIC for n in (1, 2)}
    # importlib.metadata, asked for the libraries' versions in the cache keys, leaves about a hundred
    # objects in cycles; a step whose records or temporaries held cycles would leave thousands.
    assert max(freed.values()) < 500, freed


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


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_rebuild_recalls_the_resolved_corpus_and_gives_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache = copy_project(tmp_path), tmp_path / "cache"
    recalled: list[bool] = []
    real_remember = pipeline.remember

    def remember(state: BuildState) -> BuildState:
        recalled.append(state.recalled)
        return real_remember(state)

    monkeypatch.setattr(pipeline, "STEPS", tuple((n, remember if n == "remember" else s) for n, s in STEPS))
    first = build(_config(root, cache, out=tmp_path / "first"))
    again = build(_config(root, cache, out=tmp_path / "again"))
    assert recalled == [False, True]
    assert again.warnings == first.warnings
    assert _tree(tmp_path / "again") == _tree(tmp_path / "first")
    # An override edit is curated afresh over the recalled corpus, as over a resolved one.
    (root / "seeds" / "overrides").mkdir()
    actor = max(first.briefing.actors, key=lambda a: (len(a.mentions), a.id)).name
    (root / "seeds" / "overrides" / "edit.yml").write_text(
        f"actors:\n  {actor!r}:\n    name: Renamed By Test\n", "utf-8"
    )
    edited = build(_config(root, cache, out=tmp_path / "edited"))
    monkeypatch.setattr(pipeline.cache.Folder, "recall", lambda _self, _articles, _out: None)
    resolved = build(_config(root, cache, out=tmp_path / "resolved"))
    assert recalled == [False, True, True, False]
    assert "Renamed By Test" in {a.name for a in edited.briefing.actors}
    assert _tree(tmp_path / "edited") != _tree(tmp_path / "first")
    assert edited.warnings == resolved.warnings
    assert _tree(tmp_path / "edited") == _tree(tmp_path / "resolved")


def test_a_rebuild_with_nothing_changed_reuses_the_files_and_anything_else_draws_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache, out = copy_project(tmp_path), tmp_path / "cache", tmp_path / "site_src"
    drawn: list[str] = []
    real_render = pipeline.render.draw_site

    def draw_site(*args: object) -> render.Rendered:
        drawn.append("drawn")
        return real_render(*args)  # type: ignore[arg-type]  # draw_site's own arguments

    monkeypatch.setattr(pipeline.render, "draw_site", draw_site)

    def rebuilt(folder: Path = out) -> dict[str, bytes]:
        drawn.clear()
        build(_config(root, cache, out=folder))
        return _tree(folder)

    full = rebuilt()
    assert drawn and rebuilt() == full and not drawn  # nothing changed: nothing drawn
    page = next(p for p in sorted(out.glob("actors/*.md")) if p.name != "index.md")
    page.unlink()  # deleted by hand
    assert rebuilt() == full and drawn
    page.write_text("edited by hand\n", "utf-8")  # a generated page edited by hand is generated again
    assert rebuilt() == full and drawn
    assert rebuilt() == full and not drawn
    (root / "seeds" / "overrides").mkdir()
    actor = max(pipeline.assemble(_config(root, cache))[0].actors, key=lambda a: (len(a.mentions), a.id))
    (root / "seeds" / "overrides" / "edit.yml").write_text(
        f"actors:\n  {actor.name!r}:\n    name: Renamed By Test\n", "utf-8"
    )
    edited = rebuilt()
    assert drawn and edited != full
    monkeypatch.setattr(pipeline.cache.Folder, "written", lambda _self, _out: None)
    assert edited == rebuilt(tmp_path / "drawn afresh") and drawn
    (root / "seeds" / "overrides" / "edit.yml").unlink()
    assert rebuilt() == full and drawn


def test_timing_table() -> None:
    assert timing_table([("read_seeds", 0.5), ("analyse", 1.5)]) == (
        "step         seconds   share\n"
        "read_seeds     0.500   25.0%\n"
        "analyse        1.500   75.0%\n"
        "total          2.000  100.0%"
    )
    assert timing_table([("check", 0.0)]).splitlines()[1] == "check     0.000    0.0%"


# Render and write errors are one line naming the template or file.


def _ready(tmp_path: Path, **kwargs: object) -> BuildState:
    """A state whose steps up to rendering have run, on an empty briefing."""
    return BuildState(
        BuildConfig(out=tmp_path / "site_src"),
        briefing=Briefing((), (), (), (), (), ()),
        curated=Curated((), (), {}, (), ()),
        **kwargs,  # type: ignore[arg-type]  # only BuildState's fields are passed
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("A line.\n{{ missing.name }}\n", "broken.md.j2:2: cannot render ('missing' is undefined)"),
        (
            "{% if %}\n",
            "broken.md.j2:1: cannot render (Expected an expression, got 'end of statement block')",
        ),
    ],
)
def test_a_template_error_is_a_render_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, message: str
) -> None:
    (tmp_path / "broken.md.j2").write_text(source, "utf-8")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), undefined=jinja2.StrictUndefined)
    monkeypatch.setattr(
        pipeline.render,
        "draw_site",
        lambda *_a: render.Rendered({"x.md": env.get_template("broken.md.j2").render()}, {}, frozenset()),
    )
    with pytest.raises(RenderError) as caught:
        pipeline.render_pages(_ready(tmp_path))
    assert str(caught.value) == f"{tmp_path}/{message}"


def test_a_missing_template_is_a_render_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)))
    monkeypatch.setattr(
        pipeline.render,
        "draw_site",
        lambda *_a: render.Rendered({"x.md": env.get_template("gone.md.j2")}, {}, frozenset()),
    )
    with pytest.raises(RenderError, match=r"^gone\.md\.j2: template not found$"):
        pipeline.render_pages(_ready(tmp_path))


def test_an_unreadable_asset_is_a_render_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(*_args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "assets/briefing.css")

    monkeypatch.setattr(pipeline.render, "draw_site", unreadable)
    with pytest.raises(RenderError) as caught:
        pipeline.render_pages(_ready(tmp_path))
    assert str(caught.value) == "assets/briefing.css: cannot read (Permission denied)"


def test_a_failed_build_stops_the_export_it_started(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(*_args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "assets/briefing.css")

    monkeypatch.setattr(shares, "can_fork", lambda: True)
    monkeypatch.setattr(pipeline, "_exported", lambda *_a: threading.Event().wait())  # for ever
    monkeypatch.setattr(pipeline.render, "draw_site", unreadable)
    steps = (("start_export", pipeline.start_export), ("render_pages", pipeline.render_pages))
    with pytest.raises(RenderError):
        run(steps, _ready(tmp_path))
    assert multiprocessing.active_children() == []


def test_a_file_that_cannot_be_written_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(write, "_write_file", refuse)
    state = _ready(tmp_path, files={"actors/x.md": b"x"})
    with pytest.raises(WriteError) as caught:
        pipeline.write_files(state)
    # The staged temporary file is named by the page it would have become.
    assert str(caught.value) == f"{tmp_path}/site_src/actors/x.md: cannot write (Permission denied)"
    assert not list((tmp_path / "site_src").rglob("*.md"))


def test_a_full_disk_names_the_output_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(write, "_write_file", full)
    with pytest.raises(WriteError) as caught:
        pipeline.write_files(_ready(tmp_path, files={"index.md": b"x"}))
    assert str(caught.value) == f"{tmp_path}/site_src: cannot write (No space left on device)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_a_write_error(tmp_path: Path) -> None:
    out = tmp_path / "site_src"
    out.mkdir()
    out.chmod(0o555)
    try:
        with pytest.raises(WriteError) as caught:
            pipeline.write_files(_ready(tmp_path, files={"actors/x.md": b"x", "index.md": b"i"}))
    finally:
        out.chmod(0o755)
    assert str(caught.value) == f"{out}: cannot write (Permission denied)"
    assert list(out.iterdir()) == []


def test_a_write_refusal_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match=r"^refusing to write outside .*: '\.\./evil\.md'$"):
        pipeline.write_files(_ready(tmp_path, files={"../evil.md": b"x"}))


# Two actors wanting the same page


def _actor(name: str, kind: str, article: str) -> Actor:
    mention = Mention(Span(article, 0, len(name), name), name, kind, "ORG", (0, len(name)))
    return Actor("", name, kind, (), (), (mention,))


def test_a_slug_clash_is_a_warning_naming_both() -> None:
    actors = [_actor("Northrop Grumman", "person", "b"), _actor("Northrop Grumman", "organisation", "a")]
    curated = curate(actors, [], Overrides(path="overrides.yml"))
    assert {(a.kind, a.id) for a in curated.actors} == {
        ("organisation", "northrop-grumman"),
        ("person", "northrop-grumman-2"),
    }
    assert curated.warnings == (
        "two actors would share the page actors/northrop-grumman.md: 'Northrop Grumman' (organisation) "
        "and 'Northrop Grumman' (person); the second is actors/northrop-grumman-2.md",
    )


def test_distinct_slugs_give_no_warning() -> None:
    actors = [_actor("Northrop Grumman", "organisation", "a"), _actor("Boeing", "organisation", "a")]
    assert curate(actors, [], Overrides(path="overrides.yml")).warnings == ()


def test_a_place_slug_clash_is_a_warning_too() -> None:
    mention = Mention(Span("a", 0, 6, "Aleppo"), "Aleppo", "place", "GPE", (0, 6))
    places = [
        Place("", "Aleppo", kind, None, None, (), (replace(mention, span=replace(mention.span, start=i)),))
        for i, kind in enumerate(("city", "region"))
    ]
    curated = curate([], places, Overrides(path="overrides.yml"))
    assert [p.id for p in curated.places] == ["aleppo", "aleppo-2"]
    assert curated.warnings == (
        "two places would share the page places/aleppo.md: 'Aleppo' (city) and 'Aleppo' (region); "
        "the second is places/aleppo-2.md",
    )
