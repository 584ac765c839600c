"""Command line: `python -m generator build` and `python -m generator eval`."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from generator.cache import location
from generator.config import EXECUTORS, BuildConfig, model_from_env
from generator.errors import GeneratorError
from generator.extract.parse import DEFAULT_MODEL
from generator.extract.run import Progress, no_progress
from generator.pipeline import build, timing_table

log = logging.getLogger("generator")

T = TypeVar("T")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the briefing pages from the seed articles")
    b.add_argument(
        "--seeds", type=Path, default=None, help="folder of articles (default: $BRIEFING_SEEDS or seeds/)"
    )
    b.add_argument(
        "--overrides",
        type=Path,
        default=None,
        help="curation file (default: $BRIEFING_OVERRIDES or overrides.yml in the seeds folder)",
    )
    b.add_argument("--out", type=Path, default=None, help="MkDocs docs_dir (default: site_src/)")
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
    b.add_argument("--debug", action="store_true", help="show tracebacks")
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


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "build" and args.scheduler and args.executor != "dask":
        parser.error("--scheduler needs --executor dask")
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO, format="%(levelname)s: %(message)s"
    )
    if args.command == "eval":
        return _eval(args)
    config = BuildConfig.from_env(
        seeds=args.seeds,
        overrides=args.overrides,
        out=args.out,
        model=args.model,
        cache=args.cache,
        no_cache=args.no_cache,
        strict=args.strict,
        verbose=args.verbose,
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
    )
    started = time.perf_counter()
    try:
        result = build(config, _progress(not args.quiet))
    except GeneratorError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        print("build failed; the previous output was left as it was", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
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
    if args.verbose:
        print(timing_table(result.timings), file=sys.stderr)
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
