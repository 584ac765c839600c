"""The build, as a list of named steps over one state.

`STEPS` is the build: each step is a function from `BuildState` to a new
`BuildState` (`dataclasses.replace`), and `run` applies them in order,
timing each. Everything is read, extracted, resolved and checked before
anything is written, so a failed build leaves the previous output as it was:

    read_overrides → read_seeds → recall → analyse → correct_mentions → propagate_mentions
    → resolve_entities → remember → curate_entities → link → build_events_and_figures
    → curate_events_and_figures → check → assemble_briefing | log_warnings → reuse_output
    → start_export → render_pages → export_files → remember_output → write_files

No override changes what the steps from `analyse` to `resolve_entities` make,
so with a cache `remember` keeps their result, keyed by every article and the
generator itself, and the next build from the same articles `recall`s it and
skips them: an override edit re-runs only curation and what follows. Likewise
`remember_output` records what each build writes (every file's digest) under
the key of all it is drawn from, and when the next build into the same folder
has the same key, `reuse_output` takes the files from the folder, each found
as that build wrote it, and drawing and exporting are skipped.

`start_export` makes `briefing.json` and the downloads on a forked process while
`render_pages` draws the pages (`shares.Forked`), and `export_files` gathers them.

`assemble` runs the steps before the bar (no output, no logging: scoring and
tests use it); `build` runs them all.

Faults are isolated, never fatal: an extractor that raises on some words loses
those words (`extract/guard.py`), and a corpus-wide step that raises on one
article runs without that article (`isolate.py`). Each is a warning naming the
file and line, counted in the summary; `--strict` makes them fatal. Any other
exception escaping a step is an `InternalError` naming the step.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import re
import time
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

import jinja2

from generator import cache, parallel
from generator.config import BuildConfig, PageSettings
from generator.errors import (
    GeneratorError,
    InternalError,
    OverrideError,
    RenderError,
    SeedError,
    WriteError,
    printable,
)
from generator.extract import guard
from generator.extract import run as analysis
from generator.extract.run import Executor, Progress, no_progress
from generator.isolate import Isolated, per_article
from generator.model import Actor, Analysis, Article, Briefing, Event, Figure, Place
from generator.publish import assets, downloads, drawn, export, render, vendor, write
from generator.read import seeds
from generator.read.overrides import Overrides, load_overrides
from generator.resolve import entities, events, links
from generator.resolve.curate import Curated, curate, curate_events, curate_figures
from generator.resolve.propagate import propagate
from generator.resolve.respan import respan
from generator.shares import Forked

__all__ = [
    "STEPS",
    "BuildConfig",
    "BuildResult",
    "BuildState",
    "Progress",
    "Step",
    "assemble",
    "build",
    "run",
    "timing_table",
]

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class BuildState:
    """Everything a build knows so far; each step returns a new one with its part filled in."""

    config: BuildConfig
    """Where to read and write, and how strictly."""
    progress: Progress = no_progress
    """Wraps the stream of analysed articles while they are analysed (a progress bar)."""
    executor: Executor | None = None
    """Where the analysis runs; None: as the config says (`--jobs`, `--executor`)."""
    overrides: Overrides | None = None
    """The curator's overrides, as read."""
    articles: tuple[Article, ...] = ()
    """The seeds that could be read, in file-name order."""
    analyses: tuple[Analysis, ...] = ()
    """One per article: spaCy and the extractors, then names propagated across articles."""
    misses: int = 0
    """Articles analysed afresh (not found in the cache)."""
    recalled: bool = False
    """True when the corpus as resolved before curation came from the cache (`recall`)."""
    output_key: str = ""
    """The key of everything the output is drawn from (`reuse_output`); empty without a cache."""
    reused: bool = False
    """True when the previous build's files are the output, unchanged (`reuse_output`)."""
    on_disk: write.OnDisk | None = None
    """Generated files read from the output folder in this build and found to hold their bytes
    already (the reused output, or the pages taken from the last build): the write step need not
    read them again, unless another build has written there since."""
    kept_from: tuple[int, int] = (0, 0)
    """How many warnings and faults there were before `analyse`: `remember` keeps those added after."""
    actors: tuple[Actor, ...] = ()
    """Actors as resolved from the mentions, before overrides; no ids yet."""
    places: tuple[Place, ...] = ()
    """Places as resolved from the mentions, before overrides; no ids yet."""
    curated: Curated | None = None
    """Actors and places after overrides, with their ids and the curator's descriptions."""
    index: links.Index | None = None
    """Which curated actor or place each mention belongs to."""
    events: tuple[Event, ...] = ()
    """Dated events, built and then curated."""
    figures: tuple[Figure, ...] = ()
    """Figures, built and then curated."""
    briefing: Briefing | None = None
    """The whole resolved corpus, once every check has passed."""
    pages: Mapping[str, bytes] | None = None
    """Rendered pages (and the site's own assets) as written (UTF-8), keyed by their path inside the
    output folder."""
    drawings: Mapping[str, drawn.Drawing] = field(default_factory=dict)
    """How each page was drawn (`publish/drawn.py`), for the next build's `render_pages`."""
    exporting: Forked[dict[str, bytes]] | None = None
    """briefing.json and the downloads, being made beside the pages (`start_export`)."""
    files: Mapping[str, bytes] | None = None
    """Every file to publish: the pages, briefing.json, downloads and vendored files."""
    report: write.WriteReport | None = None
    """What writing changed in the output folder."""
    seed_errors: tuple[str, ...] = ()
    """Articles that could not be read; reported before every other error."""
    errors: tuple[str, ...] = ()
    """Problems with the overrides, in the order found."""
    warnings: tuple[str, ...] = ()
    """Problems `--strict` makes fatal, in the order found."""
    faults: tuple[tuple[str, str], ...] = ()
    """(warning, traceback) of every isolated internal error; the warning is also in `warnings`."""
    timings: tuple[tuple[str, float], ...] = ()
    """(step, seconds) of every step run so far."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build produced."""

    briefing: Briefing
    pages: int
    """Pages rendered (the site's assets included)."""
    report: write.WriteReport
    warnings: tuple[str, ...]
    timings: tuple[tuple[str, float], ...] = ()
    """(step, seconds) of every step, in order; for `--verbose` and benchmarks, never for pages."""
    faults: tuple[str, ...] = ()
    """The warnings that are isolated internal errors (each also in `warnings`)."""


Step = tuple[str, Callable[[BuildState], BuildState]]
"""A step's name and its function."""


def _need(value: T | None, what: str) -> T:
    """A part an earlier step fills in; missing means the steps ran out of order."""
    if value is None:
        raise RuntimeError(f"no {what} yet: a step ran before the step that makes it")
    return value


def _fail(kind: type[GeneratorError], problems: Sequence[str]) -> None:
    """Raise one error listing every problem, if there are any."""
    if problems:
        raise kind("\n".join(printable(p) for p in problems))


def _with_faults(state: BuildState, found: Sequence[tuple[str, str]]) -> BuildState:
    """The state with isolated faults added, each as a warning."""
    if not found:
        return state
    return replace(
        state, faults=state.faults + tuple(found), warnings=state.warnings + tuple(m for m, _t in found)
    )


def _isolated(state: BuildState, isolated: Sequence[Isolated]) -> BuildState:
    """The state with the articles a corpus-wide step was run without, each as a warning."""
    articles = {a.article.id: a.article for a in state.analyses}
    found = []
    for item in isolated:
        article = articles[item.article]
        where = str(state.config.seeds / article.path)
        text = article.title or article.body
        found.append(
            (guard.message(where, article.line, item.action, text, item.error, item.lost), item.trace)
        )
    return _with_faults(state, found)


# Reading and analysing


def read_overrides(state: BuildState) -> BuildState:
    """Read the overrides file (and its folder of extra files)."""
    overrides = load_overrides(state.config.overrides)
    return replace(
        state,
        overrides=overrides,
        errors=state.errors + overrides.errors,
        warnings=state.warnings + overrides.warnings,
    )


def read_seeds(state: BuildState) -> BuildState:
    """Read every article, applying article overrides; stop when there is nothing to build from."""
    ingested = seeds.read_seeds(state.config.seeds, _need(state.overrides, "overrides"))
    if not ingested.articles:
        _fail(SeedError, ingested.errors + state.errors)
        raise SeedError(f"{state.config.seeds}: no articles (.md or .txt files) to build from")
    return replace(
        state,
        articles=ingested.articles,
        seed_errors=state.seed_errors + ingested.errors,
        warnings=state.warnings + ingested.warnings,
    )


def _kept(config: BuildConfig) -> cache.Folder | None:
    """The build's cache, or None with `--no-cache`."""
    return None if config.cache is None else cache.Folder(config.cache, config.model)


def recall(state: BuildState) -> BuildState:
    """Take the corpus as resolved before curation from the cache, when these articles were resolved."""
    state = replace(state, kept_from=(len(state.warnings), len(state.faults)))
    kept = _kept(state.config)
    found = None if kept is None else kept.recall(state.articles, state.config.out)
    if found is None:
        return state
    return replace(
        state,
        analyses=found.analyses,
        actors=found.actors,
        places=found.places,
        warnings=state.warnings + found.warnings,
        faults=state.faults + found.faults,
        recalled=True,
    )


def analyse(state: BuildState) -> BuildState:
    """Run spaCy and the extractors over each article, reusing cached analyses, on `--jobs` workers."""
    if state.recalled:
        return state
    config = state.config
    kept = _kept(config)
    executor = state.executor or parallel.executor(config)
    with _collecting():
        analyses, misses = analysis.analyse_articles(
            state.articles, config.model, kept, state.progress, executor
        )
    faults = [
        (guard.fault_message(f, str(config.seeds / a.article.path), a.article.line, a.article.body), f.trace)
        for a in analyses
        for f in a.faults
    ]
    return _with_faults(replace(state, analyses=tuple(analyses), misses=misses), faults)


def correct_mentions(state: BuildState) -> BuildState:
    """Cut back names that swallowed a neighbour ("U.S. Semiconductor"), with the corpus as evidence."""
    if state.recalled:
        return state
    return replace(state, analyses=tuple(respan(state.analyses)))


def propagate_mentions(state: BuildState) -> BuildState:
    """Find names known from one article where another mentions them without spaCy noticing."""
    if state.recalled:
        return state
    found, isolated = per_article(
        propagate, state.analyses, "find known names in", "names known from other articles are not linked"
    )
    by_id = {a.article.id: a for a in found}
    analyses = tuple(by_id.get(a.article.id, a) for a in state.analyses)
    return _isolated(replace(state, analyses=analyses), isolated)


# Resolving and curating


def resolve_entities(state: BuildState) -> BuildState:
    """Cluster mentions across articles into actors and places."""
    if state.recalled:
        return state

    def resolve(analyses: Sequence[Analysis]) -> tuple[list[Actor], list[Place]]:
        actors = entities.resolve_actors(analyses)
        return actors, entities.resolve_places(analyses, actors)

    (actors, places), isolated = per_article(
        resolve, state.analyses, "resolve the names of", "it is published without links to actors and places"
    )
    return _isolated(replace(state, actors=tuple(actors), places=tuple(places)), isolated)


def remember(state: BuildState) -> BuildState:
    """Keep the corpus as resolved before curation in the cache, for the next build from the same articles."""
    kept = _kept(state.config)
    if kept is None or state.recalled:
        return state
    warnings, faults = state.kept_from
    resolved = cache.Resolved(
        state.analyses, state.actors, state.places, state.warnings[warnings:], state.faults[faults:]
    )
    kept.remember(state.articles, resolved, state.config.out)
    return state


def curate_entities(state: BuildState) -> BuildState:
    """Apply actor and place overrides, then give every actor and place its id.

    The first of two curation passes: actor and place overrides name what the
    machine produced, and events and figures link to the ids given here, so
    these must be settled before events and figures can be built.
    """
    curated = curate(state.actors, state.places, _need(state.overrides, "overrides"), state.analyses)
    return replace(
        state,
        curated=curated,
        errors=state.errors + curated.errors,
        warnings=state.warnings + curated.warnings,
    )


def link(state: BuildState) -> BuildState:
    """Index which curated actor or place each mention belongs to."""
    curated = _need(state.curated, "curated actors and places")
    return replace(state, index=links.Index(curated.actors, curated.places))


def build_events_and_figures(state: BuildState) -> BuildState:
    """Date events and figures and link them to the actors and places of their sentence."""
    index = _need(state.index, "index")
    built, lost_events = per_article(
        lambda analyses: events.build_events(analyses, index),
        state.analyses,
        "build the events of",
        "its dates are left off the timeline",
    )
    figures, lost_figures = per_article(
        lambda analyses: links.build_figures(analyses, index),
        state.analyses,
        "link the figures of",
        "its figures are left out",
    )
    state = replace(state, events=tuple(built), figures=tuple(figures))
    return _isolated(state, (*lost_events, *lost_figures))


def curate_events_and_figures(state: BuildState) -> BuildState:
    """Apply event and figure overrides.

    The second curation pass: event and figure overrides name the ids that
    `briefing.json` gives them, which exist only once events and figures are
    built from the curated actors and places.
    """
    overrides = _need(state.overrides, "overrides")
    within = _need(state.index, "index").within
    built_events, event_errors, event_warnings = curate_events(
        state.events, overrides, state.analyses, within
    )
    figures, figure_errors, figure_warnings = curate_figures(state.figures, overrides)
    return replace(
        state,
        events=tuple(built_events),
        figures=tuple(figures),
        errors=state.errors + tuple(event_errors + figure_errors),
        warnings=state.warnings + tuple(event_warnings + figure_warnings),
    )


def check(state: BuildState) -> BuildState:
    """Fail with every problem found (bad seeds first); with --strict, fail on warnings too."""
    _fail(SeedError if state.seed_errors else OverrideError, state.seed_errors + state.errors)
    if state.config.strict and state.warnings:
        _log_traces(state)
        raise GeneratorError(
            "warnings are fatal with --strict:\n" + "\n".join(printable(w) for w in state.warnings)
        )
    return state


def assemble_briefing(state: BuildState) -> BuildState:
    """Gather the checked corpus into one Briefing, each actor with its quotations."""
    curated = _need(state.curated, "curated actors and places")
    index = _need(state.index, "index")
    actors, isolated = per_article(
        lambda analyses: links.attach_quotes(curated.actors, analyses, index),
        state.analyses,
        "attribute the quotations of",
        "its quotations are left out",
    )
    state = _isolated(state, isolated)
    briefing = Briefing(
        articles=tuple(a.article for a in state.analyses),
        actors=tuple(actors),
        places=curated.places,
        events=state.events,
        figures=state.figures,
        timexes=tuple(t for a in state.analyses for t in a.timexes),
        analyses=state.analyses,
        unlisted=curated.unlisted,
        interactions=tuple(links.interactions(state.analyses, index)),
    )
    return replace(state, briefing=briefing)


# Output


def log_warnings(state: BuildState) -> BuildState:
    """Show the warnings of a build that goes on to write."""
    for message in state.warnings:
        log.warning("%s", printable(message))
    _log_traces(state)
    return state


def _log_traces(state: BuildState) -> None:
    """Log the traceback of every isolated fault (shown with --debug)."""
    for message, trace in state.faults:
        log.debug("traceback of: %s\n%s", message, trace)


def reuse_output(state: BuildState) -> BuildState:
    """Take the previous build's files when all they are drawn from is unchanged, and so are they."""
    config = state.config
    kept = _kept(config)
    if kept is None:
        return state
    resolved = cache.resolved_key(state.articles, config.model)
    key = cache.output_key(resolved, state.overrides, config.map, config.pages)
    seen = write.OnDisk(write.manifest_state(config.out))  # before anything is read from the folder
    state = replace(state, output_key=key, on_disk=seen)
    written = kept.written(config.out)
    if written is None or written.key != key:
        return state
    files = write.read_unchanged(config.out, written.files)
    if files is None:
        return state
    pages = {path: files[path] for path in written.pages}
    return replace(
        state, pages=pages, files=files, reused=True, on_disk=replace(seen, paths=frozenset(files))
    )


def start_export(state: BuildState) -> BuildState:
    """Start making briefing.json and the downloads, on a process of their own where one can be forked."""
    if state.reused:
        return state
    briefing, pages = _need(state.briefing, "briefing"), state.config.pages
    return replace(state, exporting=Forked(partial(_exported, briefing, pages)))


def _exported(briefing: Briefing, pages: PageSettings) -> dict[str, bytes]:
    """briefing.json and the downloads, by path."""
    return {"data/briefing.json": export.to_json(briefing, pages), **downloads.downloads(briefing, pages)}


def render_pages(state: BuildState) -> BuildState:
    """Draw every page from the briefing, a large site's in shares on `--jobs` forked processes.

    A page the last build into the same folder drew from exactly what it would be drawn from
    now is read back from the folder instead (`publish/drawn.py`).
    """
    if state.reused:
        return state
    briefing = _need(state.briefing, "briefing")
    descriptions = _need(state.curated, "curated actors and places").descriptions
    try:
        config = state.config
        compiled = None if config.cache is None else cache.Templates(config.cache)
        jobs = config.jobs or parallel.default_jobs()
        earlier = _earlier(config)
        fingerprint = cache.package_fingerprint()
        args = (briefing, descriptions, config.map, config.pages, compiled, jobs, earlier, fingerprint)
        rendered = render.draw_site(*args)
    except jinja2.TemplateError as exc:
        raise RenderError(_template_problem(exc)) from exc
    except OSError as exc:
        raise RenderError(_unreadable(exc)) from exc
    on_disk = None if state.on_disk is None else replace(state.on_disk, paths=rendered.taken)
    return replace(state, pages=rendered.files, drawings=rendered.drawings, on_disk=on_disk)


def _earlier(config: BuildConfig) -> drawn.Earlier:
    """The pages the last build into the output folder drew, as far as this cache recorded them."""
    kept = _kept(config)
    found = None if kept is None else kept.drawn(config.out)
    return drawn.NOTHING_EARLIER if found is None else drawn.Earlier(dict(found.drawings), config.out)


def export_files(state: BuildState) -> BuildState:
    """Add briefing.json, the downloads and the vendored browser libraries to the pages."""
    if state.reused:
        return state
    files = dict(_need(state.pages, "pages"))
    files.update(_need(state.exporting, "export").result())
    try:
        files.update(vendor.vendor_files())
    except OSError as exc:
        raise RenderError(_unreadable(exc)) from exc
    return replace(state, files=files, exporting=None)


def remember_output(state: BuildState) -> BuildState:
    """Record what this build writes (every file's digest) and its key, for the next build's `reuse_output`.

    Recorded before writing: should the write fail, the folder does not match the record,
    and the next build draws every page again.
    """
    kept = _kept(state.config)
    if kept is None or state.reused or not state.output_key:
        return state
    files = _need(state.files, "files")
    # A drawn page's digest is in its drawing already (`drawn.data_digest`, made in its share).
    drawings = state.drawings
    output = cache.Output(
        state.output_key,
        tuple(
            (path, drawings[path].text if path in drawings else hashlib.sha256(files[path]).hexdigest())
            for path in sorted(files)
        ),
        tuple(sorted(_need(state.pages, "pages"))),
    )
    kept.write_down(state.config.out, output)
    kept.draw_down(state.config.out, cache.Drawn(tuple(sorted(state.drawings.items()))))
    return state


def write_files(state: BuildState) -> BuildState:
    """Write the files into the output folder, all or nothing; starter pages only where missing."""
    out = state.config.out
    try:
        report = write.write_tree(
            out, dict(_need(state.files, "files")), assets.starter_files(), state.on_disk
        )
    except OSError as exc:
        raise WriteError(f"{_written(exc, out)}: cannot write ({exc.strerror or exc})") from exc
    return replace(state, report=report)


STEPS: tuple[Step, ...] = (
    ("read_overrides", read_overrides),
    ("read_seeds", read_seeds),
    ("recall", recall),
    ("analyse", analyse),
    ("correct_mentions", correct_mentions),
    ("propagate_mentions", propagate_mentions),
    ("resolve_entities", resolve_entities),
    ("remember", remember),
    ("curate_entities", curate_entities),
    ("link", link),
    ("build_events_and_figures", build_events_and_figures),
    ("curate_events_and_figures", curate_events_and_figures),
    ("check", check),
    ("assemble_briefing", assemble_briefing),
    ("log_warnings", log_warnings),
    ("reuse_output", reuse_output),
    ("start_export", start_export),
    ("render_pages", render_pages),
    ("export_files", export_files),
    ("remember_output", remember_output),
    ("write_files", write_files),
)
"""The build, in order."""

ACYCLIC = frozenset({"read_seeds", "recall", "correct_mentions", "link", "build_events_and_figures"})
"""Steps whose garbage holds next to no reference cycle (a collection after them frees a hundred
objects at most, from `importlib.metadata`), so what they made is frozen without one: it would only
walk the records they keep, 2 s at 10,000 articles (1.35 s after `recall`). A step left out is
collected; one that made cycles anyway would keep that garbage only until the build ends.
`test_pipeline` checks that these leave next to nothing to collect."""

LEFT_FOR_LATER = frozenset({"render_pages"})
"""Steps whose cyclic garbage is left for the collector after the build: drawing leaves Jinja's
cycles behind every page (800,000 objects, 0.8-1.5 s to collect at 10,000 articles) and no later
step needs the memory back. The command line exits without collecting them; `mkdocs serve`'s
collector frees them after the build."""

OUTPUT_FROM = "log_warnings"
"""The first step with an effect outside the state; `assemble` stops before it."""


def run(steps: Sequence[Step], state: BuildState) -> BuildState:
    """Apply each step to the state in order, timing each (logged as it finishes with --verbose).

    Python's cyclic garbage collector would otherwise scan every record made so far
    again and again (a third of a rebuild's time at 1,000 articles): it is paused while
    a step runs, and after each step collects once over what that step made, which is
    then frozen (`gc.freeze`) so that no later collection scans it again. After the
    steps in `ACYCLIC` there is nothing to collect, so what they made is frozen at once;
    after those in `LEFT_FOR_LATER` it is frozen garbage and all, until the build ends.
    `analyse` lets the collector run while spaCy does (`_collecting`).
    """
    level = logging.INFO if state.config.verbose else logging.DEBUG
    enabled = gc.isenabled()
    gc.disable()
    try:
        for name, step in steps:
            started = time.perf_counter()
            try:
                state = step(state)
            except (GeneratorError, KeyboardInterrupt):
                raise
            except Exception as exc:
                raise InternalError(name, exc) from exc
            if name not in ACYCLIC and name not in LEFT_FOR_LATER:
                gc.collect()
            gc.freeze()
            seconds = time.perf_counter() - started
            state = replace(state, timings=(*state.timings, (name, seconds)))
            log.log(level, "step %s done in %.2f s", name, seconds)
    finally:
        if state.exporting is not None:
            state.exporting.close()  # a failed build: the files it was making are not wanted
        gc.unfreeze()
        if enabled:
            gc.enable()
    return state


@contextlib.contextmanager
def _collecting() -> Iterator[None]:
    """Let the cyclic garbage collector run, as it does outside a build (spaCy makes cycles)."""
    enabled = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        if not enabled:
            gc.disable()


def _before(name: str) -> tuple[Step, ...]:
    """The steps that come before the named one."""
    return STEPS[: [n for n, _f in STEPS].index(name)]


def assemble(
    config: BuildConfig, progress: Progress = no_progress, executor: Executor | None = None
) -> tuple[Briefing, dict[str, str], list[str]]:
    """Run every step up to rendering; return the briefing, its descriptions and warnings."""
    state = run(_before(OUTPUT_FROM), BuildState(config, progress, executor))
    descriptions = _need(state.curated, "curated actors and places").descriptions
    return _need(state.briefing, "briefing"), descriptions, list(state.warnings)


def build(
    config: BuildConfig, progress: Progress = no_progress, executor: Executor | None = None
) -> BuildResult:
    """Build the briefing pages from seeds into the output folder."""
    state = run(STEPS, BuildState(config, progress, executor))
    return BuildResult(
        _need(state.briefing, "briefing"),
        len(_need(state.pages, "pages")),
        _need(state.report, "report"),
        state.warnings,
        state.timings,
        tuple(message for message, _trace in state.faults),
    )


def timing_table(timings: Sequence[tuple[str, float]]) -> str:
    """A table of each step's seconds and share of the total, with the total last."""
    total = sum(seconds for _name, seconds in timings)
    width = max([len("total"), *(len(name) for name, _s in timings)])
    lines = [f"{'step':<{width}}  {'seconds':>8}  {'share':>6}"]
    for name, seconds in [*timings, ("total", total)]:
        share = seconds / total if total else 0.0
        lines.append(f"{name:<{width}}  {seconds:>8.3f}  {share:>6.1%}")
    return "\n".join(lines)


# Turning template and disk errors into one-line messages

_STAGED = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{32}\.(?:tmp|bak)$")
"""write.py's temporary and backup names (`.{name}.{token}.tmp`), which name no page the user knows."""


def _unreadable(exc: OSError) -> str:
    """`file: cannot read (reason)` for a template, asset or vendored file."""
    return f"{exc.filename or 'a template or asset'}: cannot read ({exc.strerror or exc})"


def _written(exc: OSError, out: Path) -> str:
    """The file a write failed on, as the target page rather than its temporary name."""
    if not exc.filename:
        return str(out)
    path = Path(str(exc.filename))
    staged = _STAGED.match(path.name)
    return str(path.with_name(staged["name"]) if staged else path)


def _template_problem(exc: jinja2.TemplateError) -> str:
    """`template:line: cannot render (reason)`, the line taken from the error or its traceback."""
    if isinstance(exc, jinja2.TemplateNotFound):
        return f"{exc.name}: template not found"
    where = ""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        where = f"{_shown(exc.filename)}:{exc.lineno}"
    else:
        # Jinja rewrites the traceback so that template code appears as frames of the template file.
        frames = [(f.f_code.co_filename, line) for f, line in traceback.walk_tb(exc.__traceback__)]
        in_templates = [(name, line) for name, line in frames if not name.endswith(".py")]
        if in_templates:
            name, line = in_templates[-1]
            where = f"{_shown(name)}:{line}"
    return f"{where or 'template'}: cannot render ({exc.message or type(exc).__name__})"


def _shown(filename: str) -> str:
    """A template file as a path inside the project when it is one."""
    path = Path(filename)
    try:
        return path.resolve().relative_to(Path(__file__).resolve().parent.parent).as_posix()
    except ValueError:
        return filename
