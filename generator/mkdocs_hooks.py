"""Optional MkDocs hooks: `mkdocs serve` regenerates the pages when seeds or overrides change.

A convenience only: nothing depends on it. `briefing serve` regenerates the
pages itself for MkDocs and Zensical alike, and every fix the pages need
(escaping included) is in the generated files. To use it, list this file
under `hooks:` in mkdocs.yml and the seeds folder under `watch:`.
Only `serve` regenerates; `mkdocs build` publishes what `python -m generator
build` wrote, so CI builds exactly the pages it tested. Unchanged pages are
not rewritten, so regeneration does not retrigger the watcher. Before
`mkdocs build` reads the pages, the output folder is settled: a generator
build killed while committing is rolled back (never published half-written),
and a build still writing there makes MkDocs wait, then refuse.

The build is configured as the command line's is (`BuildConfig.from_env`, see
`generator/config.py`), with paths beside mkdocs.yml and MkDocs' docs_dir as
the output. The serve process keeps the spaCy pipeline loaded between
rebuilds, and the per-article analysis cache (`.cache/briefing/`, or
`$BRIEFING_CACHE`) means an override edit re-runs only curation and
rendering; a new or edited article is the only one analysed again.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

# MkDocs loads hooks by file path, not as part of the package.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError

from generator.config import BuildConfig, settings_path
from generator.errors import GeneratorError
from generator.pipeline import build
from generator.publish import write

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = logging.getLogger("mkdocs.hooks.briefing")
_command = {"name": ""}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether we are serving."""
    _command["name"] = command


def on_pre_build(config: MkDocsConfig) -> None:
    """Regenerate the briefing pages before each `mkdocs serve` rebuild; settle them before a build."""
    if _command["name"] != "serve":
        try:
            write.settle(Path(config.docs_dir))
        except GeneratorError as exc:
            raise PluginError(str(exc)) from exc
        return
    if os.environ.get("BRIEFING_SERVE"):
        return  # `briefing serve` regenerates the pages itself
    from generator.read.settings import read_settings

    root = Path(config.config_file_path).parent
    started = time.perf_counter()
    try:
        settings = read_settings(settings_path(root))
        result = build(
            BuildConfig.from_env(
                root, out=Path(config.docs_dir), map_settings=settings.map, page_settings=settings.pages
            )
        )
    except GeneratorError as exc:
        # Keep serving the last good pages; show the curator what to fix.
        log.error("briefing not regenerated:\n%s", exc)
        return
    except Exception as exc:  # a bug: say so in one line, and keep serving the last good pages
        log.error(
            "briefing not regenerated: internal error (%s: %s); run `python -m generator build --debug` "
            "to see the traceback",
            type(exc).__name__,
            exc,
        )
        return
    log.info(
        "briefing regenerated in %.2f s: %d files written, %d unchanged",
        time.perf_counter() - started,
        len(result.report.written),
        len(result.report.unchanged),
    )


def on_page_context(
    context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    """Keep a page title escaped in the HTML <title> for pages that do not set one.

    The generator writes an escaped `title:` in the front matter of every page it
    makes (`publish.markdown.titled`), so the safety of its pages never depends on
    this hook. It remains for hand-written pages: MkDocs takes their title from the
    first heading with HTML entities left in ("&lt;b&gt;Evil"); Material prints
    `page.title | striptags`, which turns the entities back into markup, but
    `page.meta.title` as it is, so the escaped title goes there.
    """
    if page.title and not (page.meta or {}).get("title"):
        page.meta["title"] = page.title
    return context
