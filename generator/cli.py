"""Command line: `python -m generator build` and `python -m generator eval`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from generator.errors import GeneratorError
from generator.extract import parse
from generator.extract.run import Progress, no_progress
from generator.model import Article
from generator.pipeline import BuildConfig, build

log = logging.getLogger("generator")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build the briefing pages from the seed articles")
    b.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of articles (default: seeds/)")
    b.add_argument(
        "--overrides",
        type=Path,
        default=None,
        help="curation file (default: overrides.yml in the seeds folder)",
    )
    b.add_argument("--out", type=Path, default=Path("site_src"), help="MkDocs docs_dir (default: site_src/)")
    b.add_argument(
        "--model",
        default=os.environ.get("BRIEFING_SPACY_MODEL", parse.DEFAULT_MODEL),
        help="spaCy pipeline to use (default: $BRIEFING_SPACY_MODEL or %(default)s)",
    )
    b.add_argument("--strict", action="store_true", help="treat warnings as errors")
    b.add_argument(
        "--cache",
        type=Path,
        default=Path(os.environ.get("BRIEFING_CACHE", ".cache/briefing")),
        help="folder of cached per-article analyses (default: $BRIEFING_CACHE or %(default)s)",
    )
    b.add_argument("--no-cache", action="store_true", help="analyse every article afresh")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
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
        default=os.environ.get("BRIEFING_SPACY_MODEL", parse.DEFAULT_MODEL),
        help="spaCy pipeline to use (default: $BRIEFING_SPACY_MODEL or %(default)s)",
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

    def wrap(items: Iterable[tuple[Article, object]], total: int) -> Iterable[tuple[Article, object]]:
        # tqdm ships no type hints and types-tqdm is not pinned; it only wraps the iterable.
        from tqdm import tqdm  # type: ignore[import-untyped]

        bar: Iterable[tuple[Article, object]] = tqdm(
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
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO, format="%(levelname)s: %(message)s"
    )
    if args.command == "eval":
        return _eval(args)
    overrides = args.overrides or args.seeds / "overrides.yml"
    config = BuildConfig(
        seeds=args.seeds,
        overrides=overrides,
        out=args.out,
        model=args.model,
        strict=args.strict,
        cache=None if args.no_cache else args.cache,
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
        args.out,
        time.perf_counter() - started,
        len(b.actors),
        len(b.places),
        len(b.events),
        len(b.figures),
        len(result.report.written),
        len(result.report.unchanged),
        len(result.report.removed),
    )
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
        print(evaluate.evaluate(corpora, args.model, args.annotated or evaluate.ANNOTATED, args.verbose))
    except GeneratorError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
