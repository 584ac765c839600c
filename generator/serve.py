"""`briefing serve`: build, run the site tool's own server, and rebuild on every change.

The site tool (`mkdocs serve`, or `zensical serve` with `--tool zensical`)
watches docs_dir and reloads the browser; this process watches what the pages
are made from (the seeds, the overrides, the settings file and the
generator's templates and assets) with watchdog and rebuilds into docs_dir.
The spaCy pipeline stays loaded and the per-article cache stays warm, so an
override edit re-runs only curation and rendering. A build that fails keeps
the last good pages and prints what to fix. Nothing here depends on an MkDocs
hook; `BRIEFING_SERVE=1` tells the optional hook to stand aside.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.config import BuildConfig
from generator.errors import GeneratorError
from generator.pipeline import build
from generator.publish.assets import ASSETS
from generator.publish.render import TEMPLATES

log = logging.getLogger(__name__)

SERVING = "BRIEFING_SERVE"
"""Set in the site tool's environment while `briefing serve` regenerates the pages itself."""
QUIET_SECONDS = 0.3
"""Wait this long after a change for more (an editor's save is often several events)."""


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How to serve: which tool, where, and what to watch besides the build's own inputs."""

    tool: str = "mkdocs"
    """`mkdocs` or `zensical`."""
    address: str = "127.0.0.1:8000"
    """host:port to serve on."""
    config_file: Path | None = None
    """The site tool's config file; None lets the tool find mkdocs.yml in `project`."""
    settings: Path = Path("briefing.yml")
    """The site settings file, watched too."""
    project: Path = Path()
    """Where the site tool runs."""


def server_command(options: ServeOptions) -> list[str]:
    """The site tool's serve command, run with this Python so it is the installed tool."""
    command = [sys.executable, "-m", options.tool, "serve", "--dev-addr", options.address]
    if options.config_file:
        command += ["--config-file", str(options.config_file)]
    return command


def watched_paths(config: BuildConfig, options: ServeOptions) -> list[tuple[Path, bool]]:
    """(folder, recursive) to watch, each once: seeds, templates and assets whole; the folders of the
    overrides and settings files alone (the project folder holds site/ and caches not worth watching)."""
    folders = [
        (config.seeds, True),
        (config.overrides.with_suffix(""), True),
        (config.overrides.parent, False),
        (options.settings.parent, False),
        (TEMPLATES, True),
        (ASSETS, True),
    ]
    unique: dict[Path, bool] = {}
    for folder, recursive in folders:
        if folder.is_dir():
            key = folder.resolve()
            unique[key] = unique.get(key, False) or recursive
    return list(unique.items())


class _Changes(FileSystemEventHandler):
    """Flags a change to any input of the build; ignores the output folder and dot-files."""

    def __init__(self, config: BuildConfig, options: ServeOptions) -> None:
        self.changed = threading.Event()
        self._out = config.out.resolve()
        self._cache = config.cache.resolve() if isinstance(config.cache, Path) else None
        self._files = {config.overrides.resolve(), options.settings.resolve()}
        self._trees = [config.seeds.resolve(), config.overrides.with_suffix("").resolve(), TEMPLATES, ASSETS]

    def relevant(self, path: Path) -> bool:
        """A path the build reads, outside docs_dir and the cache, not an editor's dot-file."""
        if path.name.startswith(".") or path.is_relative_to(self._out):
            return False
        if self._cache and path.is_relative_to(self._cache):
            return False
        return path in self._files or any(path.is_relative_to(tree) for tree in self._trees)

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Flag the change when any path the event names is an input."""
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(p and self.relevant(Path(os.fsdecode(p)).resolve()) for p in paths):
            self.changed.set()


def rebuild(config: BuildConfig) -> bool:
    """Build once; log the outcome, keep the last good pages on failure."""
    started = time.perf_counter()
    try:
        result = build(config)
    except GeneratorError as exc:
        log.error("briefing not regenerated; the last good pages stay served:\n%s", exc)
        return False
    log.info(
        "briefing regenerated in %.2f s: %d files written, %d unchanged",
        time.perf_counter() - started,
        len(result.report.written),
        len(result.report.unchanged),
    )
    return True


def _stop(signum: int, frame: object) -> None:
    """SIGTERM: leave the serve loop through its clean-up."""
    raise KeyboardInterrupt


def serve(config: BuildConfig, options: ServeOptions) -> int:
    """Build, then serve with the site tool and rebuild on changes until it stops or Ctrl-C."""
    if not rebuild(config) and not config.out.is_dir():
        return 1
    handler = _Changes(config, options)
    observer = Observer()
    for folder, recursive in watched_paths(config, options):
        observer.schedule(handler, str(folder), recursive=recursive)
    observer.start()
    env = {**os.environ, SERVING: "1", "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(server_command(options), cwd=options.project, env=env)
    # A plain `kill` (SIGTERM) stops the tool's server too, as Ctrl-C does, instead of orphaning it.
    signal.signal(signal.SIGTERM, _stop)
    log.info("serving with %s on http://%s/ (Ctrl-C stops)", options.tool, options.address)
    try:
        while server.poll() is None:
            if handler.changed.wait(timeout=0.5):
                while handler.changed.wait(timeout=QUIET_SECONDS):  # let a burst of events settle
                    handler.changed.clear()
                rebuild(config)
        return server.returncode or 0
    except KeyboardInterrupt:
        return 0
    finally:
        observer.stop()
        observer.join(timeout=5)
        if server.poll() is None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
