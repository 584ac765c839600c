"""MkDocs hooks: `mkdocs serve` regenerates the pages when seeds or overrides change.

mkdocs.yml lists this file under `hooks:` and the seeds folder under `watch:`.
Only `serve` regenerates; `mkdocs build` publishes what `python -m generator
build` wrote, so CI builds exactly the pages it tested. Unchanged pages are
not rewritten, so regeneration does not retrigger the watcher.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

# MkDocs loads hooks by file path, not as part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.errors import GeneratorError  # noqa: E402
from generator.pipeline import BuildConfig, build  # noqa: E402

log = logging.getLogger("mkdocs.hooks.briefing")
_command = {"name": ""}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether we are serving."""
    _command["name"] = command


def on_pre_build(config) -> None:  # type: ignore[no-untyped-def]
    """Regenerate the briefing pages before each `mkdocs serve` rebuild."""
    if _command["name"] != "serve":
        return
    root = Path(config.config_file_path).parent
    seeds = root / os.environ.get("BRIEFING_SEEDS", "seeds")
    overrides = Path(os.environ.get("BRIEFING_OVERRIDES", str(seeds / "overrides.yml")))
    settings = BuildConfig(seeds=seeds, overrides=overrides, out=Path(config.docs_dir))
    try:
        result = build(settings)
    except GeneratorError as exc:
        # Keep serving the last good pages; show the curator what to fix.
        log.error("briefing not regenerated:\n%s", exc)
        return
    log.info("briefing regenerated: %d files written, %d unchanged",
             len(result.report.written), len(result.report.unchanged))
