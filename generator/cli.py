"""Command line: `python -m generator build` and `python -m generator eval`."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import BuildConfig, model_from_env
from generator.errors import GeneratorError
from generator.extract.parse import DEFAULT_MODEL
from generator.extract.run import Progress, no_progress
from generator.model import Article
from generator.pipeline import build, timing_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

log = logging.getLogger("generator")


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
        type=Path,
        default=None,
        help="folder of cached per-article analyses (default: $BRIEFING_CACHE or .cache/briefing)",
    )
    b.add_argument("--no-cache", action="store_true", help="analyse every article afresh")
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


def _progress(enabled: bool) -> Progress:
    """A tqdm progress bar on stderr for long runs, or a pass-through."""
    if not enabled:
        return no_progress

    def wrap(items: Iterable[tuple[Article, Doc]], total: int) -> Iterable[tuple[Article, Doc]]:
        from tqdm import tqdm

        bar: Iterable[tuple[Article, Doc]] = tqdm(
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
    """Run the command line; return the exit status. No traceback is shown without --debug."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO, format="%(levelname)s: %(message)s"
    )
    try:
        return _eval(args) if args.command == "eval" else _build(args)
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


def _build(args: argparse.Namespace) -> int:
    """Run `build`: the pages, then a one-line summary with the number of warnings."""
    config = BuildConfig.from_env(
        seeds=args.seeds,
        overrides=args.overrides,
        out=args.out,
        model=args.model,
        cache=args.cache,
        no_cache=args.no_cache,
        strict=args.strict,
        verbose=args.verbose,
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
