"""Command line: `briefing build | serve | eval | new DIR` (also `python -m generator ...`).

Both entry points call `main(argv) -> int`; the library works without it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn, TypeVar

from generator.cache import location
from generator.config import EXECUTORS, BuildConfig, model_from_env, settings_path
from generator.errors import GeneratorError
from generator.extract.parse import DEFAULT_MODEL
from generator.extract.run import Progress, no_progress
from generator.pipeline import build, timing_table
from generator.publish.explain import explain

log = logging.getLogger("generator")

T = TypeVar("T")


TOOLS = ("mkdocs", "zensical")
"""Site tools that turn the generated pages into HTML; `serve` runs the chosen one's server."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing", description="Turn a folder of news articles into a briefing site."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="{build,serve,eval,new}")
    b = sub.add_parser("build", help="build the briefing pages from the seed articles")
    _build_options(b)
    b.add_argument(
        "--explain",
        action="store_true",
        help="print why names were joined on each page, and which names were not listed and why",
    )
    s = sub.add_parser(
        "serve",
        help="build, then preview with the site tool's server, regenerating on every save",
        description="Build the pages, run the site tool's own server, and regenerate the pages whenever "
        "the seeds, the overrides, the settings or the templates change (the analysis cache stays warm).",
    )
    _build_options(s)
    s.add_argument(
        "--tool", choices=TOOLS, default="mkdocs", help="site tool to serve with (default: mkdocs)"
    )
    s.add_argument(
        "--dev-addr", "-a", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)"
    )
    s.add_argument(
        "--config-file",
        "-f",
        type=Path,
        default=None,
        help="the site tool's config file (default: mkdocs.yml in the working folder)",
    )
    n = sub.add_parser(
        "new",
        help="start a briefing project: seeds/, overrides, mkdocs.yml, settings and a Pages workflow",
    )
    n.add_argument("directory", type=Path, help="folder to create (it may exist; no file in it is replaced)")
    n.add_argument("--debug", action="store_true", help="show tracebacks")
    e = sub.add_parser("eval", help="score extraction against gold annotations, beside raw spaCy")
    e.add_argument(
        "--corpora",
        type=Path,
        nargs="+",
        default=None,
        help="folders of articles with gold/*.json (default: ../shared/corpora/meantime/*)",
    )
    e.add_argument(
        "--annotated",
        type=Path,
        default=None,
        help="fully annotated precision set (default: tests/annotated/entities)",
    )
    e.add_argument(
        "--model",
        default=None,
        help=f"spaCy pipeline to use (default: $BRIEFING_SPACY_MODEL or {DEFAULT_MODEL})",
    )
    e.add_argument(
        "--verbose", "-v", action="store_true", help="list split and mixed pages and wrong mentions"
    )
    e.add_argument("--debug", action="store_true", help="show tracebacks")
    return parser


def _build_options(b: argparse.ArgumentParser) -> None:
    """The options `build` and `serve` share."""
    b.add_argument(
        "--seeds", type=Path, default=None, help="folder of articles (default: $BRIEFING_SEEDS or seeds/)"
    )
    b.add_argument(
        "--overrides",
        type=Path,
        default=None,
        help="curation file (default: $BRIEFING_OVERRIDES or overrides.yml in the seeds folder)",
    )
    b.add_argument("--out", type=Path, default=None, help="the site tool's docs_dir (default: site_src/)")
    b.add_argument(
        "--model",
        default=None,
        help=f"spaCy pipeline to use (default: $BRIEFING_SPACY_MODEL or {DEFAULT_MODEL})",
    )
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument(
        "--cache",
        type=location,
        default=None,
        help="folder or fsspec URL of cached per-article analyses "
        "(default: $BRIEFING_CACHE or .cache/briefing)",
    )
    b.add_argument("--no-cache", action="store_true", help="analyse every article afresh")
    b.add_argument(
        "--jobs",
        "-j",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes for the analysis (default: the number of cores)",
    )
    b.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="local",
        help="run the analysis in local processes or on a Dask cluster (default: local)",
    )
    b.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler to analyse on (with --executor dask; default: a LocalCluster of --jobs workers)",
    )
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.add_argument(
        "--verbose", "-v", action="store_true", help="log each step as it finishes and print their times"
    )
    b.add_argument(
        "--config",
        type=Path,
        default=None,
        help="site settings file (default: $BRIEFING_CONFIG or briefing.yml; optional)",
    )
    b.add_argument("--debug", action="store_true", help="show tracebacks")


def _positive(text: str) -> int:
    """A whole number of at least 1, for --jobs."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return number


def _progress(enabled: bool) -> Progress:
    """A tqdm progress bar on stderr (articles per second, time left), or a pass-through."""
    if not enabled:
        return no_progress

    def wrap(items: Iterable[T], total: int, /) -> Iterable[T]:
        from tqdm import tqdm

        class Bar(tqdm):  # type: ignore[type-arg]  # tqdm is generic in its stubs only, not at run time
            monitor_interval = 0  # no monitor thread: a build with no thread but its own may fork workers

        bar: Iterable[T] = Bar(
            items,
            total=total,
            unit="article",
            desc="analysing",
            file=sys.stderr,
            disable=None,
            mininterval=0.5,
        )
        return bar

    return wrap


def run() -> NoReturn:
    """The `briefing` command and `python -m generator`: run `main`, then leave at once.

    A build leaves a heap of records behind, and freeing them one by one as the interpreter
    shuts down took about half a second at 1,000 articles. Everything a command opens (files,
    worker processes, a Dask cluster) is closed before `main` returns, so the process flushes
    what it has buffered and exits without that clean-up.
    """
    code = main()
    try:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken pipe: nothing more can be said
        code = code or 1
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status. No traceback is shown without --debug."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command in ("build", "serve") and args.scheduler and args.executor != "dask":
        parser.error("--scheduler needs --executor dask")
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO, format="%(levelname)s: %(message)s"
    )
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one clear line, and how to see more
        if args.debug:
            raise
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        print(
            f"error: internal error ({detail}); this is a bug in the generator, not in your files: "
            "run again with --debug to see the traceback, and report it",
            file=sys.stderr,
        )
        return 2


def _dispatch(args: argparse.Namespace) -> int:
    """Run one command; a curator's mistake in the settings is one line, exit 1."""
    if args.command == "eval":
        return _eval(args)
    if args.command == "new":
        return _new(args)
    try:
        config = _config(args)
    except GeneratorError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.command == "serve":
        return _serve(args, config)
    return _build(args, config)


def _build(args: argparse.Namespace, config: BuildConfig) -> int:
    """Run `build`: the pages, then a one-line summary with the number of warnings."""
    started = time.perf_counter()
    try:
        result = build(config, _progress(not args.quiet))
    except GeneratorError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        print("build failed; the previous output was left as it was", file=sys.stderr)
        return 1
    b = result.briefing
    log.info(
        "built %d pages from %d articles into %s in %.1fs: %d actors, %d places, %d events, "
        "%d figures (%d files written, %d unchanged, %d removed)",
        result.pages,
        len(b.articles),
        config.out,
        time.perf_counter() - started,
        len(b.actors),
        len(b.places),
        len(b.events),
        len(b.figures),
        len(result.report.written),
        len(result.report.unchanged),
        len(result.report.removed),
    )
    if result.warnings:
        faults = len(result.faults)
        log.warning(
            "%d warning%s%s; --strict makes warnings fatal%s",
            len(result.warnings),
            "" if len(result.warnings) == 1 else "s",
            f", of which {faults} internal error{'' if faults == 1 else 's'} isolated (see above)"
            if faults
            else "",
            ", --debug shows their tracebacks" if faults and not args.debug else "",
        )
    if args.verbose:
        print(timing_table(result.timings), file=sys.stderr)
    if args.explain:
        print(explain(b))
    return 0


def _config(args: argparse.Namespace) -> BuildConfig:
    """The build `build` and `serve` run: flags, else the environment, else the defaults."""
    from generator.read.settings import read_settings

    settings = read_settings(args.config or settings_path())
    return BuildConfig.from_env(
        seeds=args.seeds,
        overrides=args.overrides,
        out=args.out,
        model=args.model,
        cache=args.cache,
        no_cache=args.no_cache,
        strict=args.strict,
        verbose=args.verbose,
        map_settings=settings.map,
        page_settings=settings.pages,
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
    )


def _serve(args: argparse.Namespace, config: BuildConfig) -> int:
    """Run `serve`: build, start the site tool's server, rebuild on every change until stopped."""
    from generator import serve

    project = args.config_file.parent if args.config_file else Path()
    return serve.serve(
        config,
        serve.ServeOptions(
            tool=args.tool,
            address=args.dev_addr,
            config_file=args.config_file,
            settings=args.config or settings_path(),
            project=project,
        ),
    )


def _new(args: argparse.Namespace) -> int:
    """Run `new DIR`: write a project's starting files, never replacing one that exists."""
    from generator import new

    try:
        written, kept = new.new_project(args.directory)
    except GeneratorError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for rel in kept:
        print(f"kept {args.directory / rel} (it exists)", file=sys.stderr)
    print(new.next_steps(args.directory, written))
    return 0


def _eval(args: argparse.Namespace) -> int:
    """Run `eval`: print our scores and raw spaCy's from the same run."""
    from generator.score import evaluate

    corpora = args.corpora
    if corpora is None:
        corpora = sorted(p for p in (Path("..") / "shared" / "corpora" / "meantime").glob("*") if p.is_dir())
    missing = [str(c) for c in corpora if not (c / "gold").is_dir()]
    if missing or not corpora:
        print(
            f"error: no gold annotations (gold/*.json) in: {', '.join(missing) or 'no corpus given'}",
            file=sys.stderr,
        )
        return 1
    try:
        print(
            evaluate.evaluate(
                corpora, args.model or model_from_env(), args.annotated or evaluate.ANNOTATED, args.verbose
            )
        )
    except GeneratorError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
