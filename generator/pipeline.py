"""The build, as a list of named steps.

ingest → analyse → extract → propagate → resolve → curate → link → render → write.
Everything is read, extracted, resolved and checked before anything is
written, so a failed build leaves the previous output as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import analyse, export, ingest, link, render, resolve, write
from .curate import curate
from .errors import GeneratorError, OverrideError, SeedError
from .extract import analyse_article
from .model import Analysis, Briefing
from .overrides import load_overrides
from .propagate import propagate

log = logging.getLogger(__name__)

STEPS = ("ingest", "analyse", "extract", "propagate", "resolve", "curate", "link", "render", "write")


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Where to read and write, and how strictly."""

    seeds: Path = Path("seeds")
    """Folder of `.md`/`.txt` articles."""
    overrides: Path = Path("seeds/overrides.yml")
    """The curator's overrides file (may be missing)."""
    out: Path = Path("site_src")
    """MkDocs' docs_dir; only generated pages are replaced."""
    model: str = analyse.DEFAULT_MODEL
    """spaCy pipeline package or path."""
    strict: bool = False
    """Treat warnings as errors."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build produced."""

    briefing: Briefing
    pages: int
    report: write.WriteReport
    warnings: tuple[str, ...]


Progress = Callable[[Iterable[tuple[object, object]], int], Iterable[tuple[object, object]]]


def _no_progress(items: Iterable[tuple[object, object]], _total: int) -> Iterable[tuple[object, object]]:
    return items


def _fail(kind: type[GeneratorError], problems: list[str]) -> None:
    """Raise one error listing every problem, if there are any."""
    if problems:
        raise kind("\n".join(problems))


def assemble(config: BuildConfig, progress: Progress = _no_progress) -> tuple[Briefing, dict[str, str], list[str]]:
    """Run every step up to rendering; return the briefing, its descriptions and warnings."""
    overrides = load_overrides(config.overrides)
    _fail(OverrideError, list(overrides.errors))
    warnings = list(overrides.warnings)
    ingested = ingest.read_seeds(config.seeds, overrides)
    warnings.extend(ingested.warnings)
    _fail(SeedError, list(ingested.errors))
    if not ingested.articles:
        raise SeedError(f"{config.seeds}: no articles (.md or .txt files) to build from")
    analyses: list[Analysis] = []
    parsed = analyse.parse(ingested.articles, config.model)
    for article, doc in progress(parsed, len(ingested.articles)):
        analyses.append(analyse_article(doc, article))  # type: ignore[arg-type]
    analyses = propagate(analyses)
    actors = resolve.resolve_actors(analyses)
    places = resolve.resolve_places(analyses, actors)
    curated = curate(actors, places, overrides)
    _fail(OverrideError, list(curated.errors))
    index = link.Index(curated.actors, curated.places)
    briefing = Briefing(
        articles=tuple(a.article for a in analyses),
        actors=tuple(link.attach_quotes(curated.actors, analyses, index)),
        places=curated.places,
        events=tuple(link.build_events(analyses, index)),
        figures=tuple(link.build_figures(analyses, index)),
        timexes=tuple(t for a in analyses for t in a.timexes),
        analyses=tuple(analyses),
    )
    if config.strict and warnings:
        raise GeneratorError("warnings are fatal with --strict:\n" + "\n".join(warnings))
    return briefing, curated.descriptions, warnings


def build(config: BuildConfig, progress: Progress = _no_progress) -> BuildResult:
    """Build the briefing pages from seeds into the output folder."""
    briefing, descriptions, warnings = assemble(config, progress)
    for message in warnings:
        log.warning("%s", message)
    pages = render.render_site(briefing, descriptions)
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files["data/briefing.json"] = export.to_json(briefing)
    report = write.write_tree(config.out, files)
    return BuildResult(briefing, len(pages), report, tuple(warnings))
