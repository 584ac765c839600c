"""The build, as a list of named steps.

ingest → analyse → extract → propagate → resolve → curate → link → render → write.
Everything is read, extracted, resolved and checked before anything is
written, so a failed build leaves the previous output as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from generator import cache
from generator.config import BuildConfig as BuildConfig  # re-exported: scoring and tests import it here
from generator.errors import GeneratorError, OverrideError, SeedError
from generator.extract import run as analysis
from generator.extract.run import Progress, no_progress
from generator.model import Briefing
from generator.publish import downloads, export, render, vendor, write
from generator.read import seeds
from generator.read.overrides import load_overrides
from generator.resolve import entities, events, links
from generator.resolve.curate import curate, curate_events, curate_figures
from generator.resolve.propagate import propagate

log = logging.getLogger(__name__)

STEPS = ("ingest", "analyse", "extract", "propagate", "resolve", "curate", "link", "render", "write")


@dataclass(frozen=True, slots=True)
class BuildResult:
    """What a build produced."""

    briefing: Briefing
    pages: int
    report: write.WriteReport
    warnings: tuple[str, ...]


def _fail(kind: type[GeneratorError], problems: list[str]) -> None:
    """Raise one error listing every problem, if there are any."""
    if problems:
        raise kind("\n".join(problems))


def assemble(
    config: BuildConfig, progress: Progress = no_progress
) -> tuple[Briefing, dict[str, str], list[str]]:
    """Run every step up to rendering; return the briefing, its descriptions and warnings."""
    # Problems are collected through curation and reported together (seeds, then overrides).
    overrides = load_overrides(config.overrides)
    errors = list(overrides.errors)
    warnings = list(overrides.warnings)
    ingested = seeds.read_seeds(config.seeds, overrides)
    warnings.extend(ingested.warnings)
    errors = list(ingested.errors) + errors
    if not ingested.articles:
        _fail(SeedError, errors)
        raise SeedError(f"{config.seeds}: no articles (.md or .txt files) to build from")
    kept = None if config.cache is None else cache.Folder(config.cache, config.model)
    analyses, _misses = analysis.analyse_articles(ingested.articles, config.model, kept, progress)
    analyses = propagate(analyses)
    actors = entities.resolve_actors(analyses)
    places = entities.resolve_places(analyses, actors)
    curated = curate(actors, places, overrides, analyses)
    errors.extend(curated.errors)
    warnings.extend(curated.warnings)
    index = links.Index(curated.actors, curated.places)
    # Event and figure overrides name ids from briefing.json, so they apply once those are built.
    built_events, event_errors, event_warnings = curate_events(
        events.build_events(analyses, index), overrides, analyses, index.within
    )
    figures, figure_errors, figure_warnings = curate_figures(links.build_figures(analyses, index), overrides)
    errors.extend(event_errors + figure_errors)
    warnings.extend(event_warnings + figure_warnings)
    _fail(SeedError if ingested.errors else OverrideError, errors)
    briefing = Briefing(
        articles=tuple(a.article for a in analyses),
        actors=tuple(links.attach_quotes(curated.actors, analyses, index)),
        places=curated.places,
        events=tuple(built_events),
        figures=tuple(figures),
        timexes=tuple(t for a in analyses for t in a.timexes),
        analyses=tuple(analyses),
    )
    if config.strict and warnings:
        raise GeneratorError("warnings are fatal with --strict:\n" + "\n".join(warnings))
    return briefing, curated.descriptions, warnings


def build(config: BuildConfig, progress: Progress = no_progress) -> BuildResult:
    """Build the briefing pages from seeds into the output folder."""
    briefing, descriptions, warnings = assemble(config, progress)
    for message in warnings:
        log.warning("%s", message)
    pages = render.render_site(briefing, descriptions)
    files = {path: text.encode("utf-8") for path, text in pages.items()}
    files["data/briefing.json"] = export.to_json(briefing)
    files.update(downloads.downloads(briefing))
    files.update(vendor.leaflet_files())
    report = write.write_tree(config.out, files)
    return BuildResult(briefing, len(pages), report, tuple(warnings))
