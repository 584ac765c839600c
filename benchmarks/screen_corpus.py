"""Screen a corpus for crashes: whole builds in batches, bisected to the article, every warning counted.

Usage: python benchmarks/screen_corpus.py FOLDER [FOLDER ...] [--batch N] [--limit N] [--json FILE]
                                          [--cache DIR] [--model NAME]

The articles of the folders (`.md`/`.txt`, in name order) are built in batches
of N (default 250), each batch a whole build into a throwaway output folder:
read, analyse (spaCy and every extractor), propagate, resolve, curate, events,
figures, render, export and write. A batch whose build raises is bisected down
to the articles that make it raise, so every crash names its article. It
reports, with counts:

- crashes: builds that stopped on an exception (with the article and where it
  was raised); with fault isolation there should be none. A build stopped by an
  error in the input (a file that is not UTF-8) is listed too, as an error;
- faults: internal errors the build isolated and reported as warnings
  ("could not date ... (internal error KeyError; ...)"), by error class and the
  line of code that raised, with an example article and the words;
- warnings: every other warning, by class (the message with its file, numbers
  and quoted words taken out).

Analyses are cached (--cache, default a folder under the system's temporary
folder), so a second run, or the bisection of a batch, re-runs only the steps
after the analysis. Nothing is written outside the temporary folders and the
--json report. Research corpora such as Reuters stay where they are: the
report names articles by file name only.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(os.environ.get("BRIEFING_SCREEN_ROOT") or Path(__file__).resolve().parent.parent)
"""The project whose generator is screened (another checkout's, to compare before and after)."""
sys.path.insert(0, str(ROOT))

from generator import errors  # noqa: E402
from generator.config import BuildConfig  # noqa: E402
from generator.errors import GeneratorError  # noqa: E402
from generator.extract.parse import DEFAULT_MODEL  # noqa: E402
from generator.pipeline import STEPS, BuildState, run  # noqa: E402

InternalError: type[GeneratorError] = getattr(errors, "InternalError", GeneratorError)
"""An escaped exception, named by its step; older generators had none."""

SUFFIXES = (".md", ".txt")
_LOCATED = re.compile(r"^\S+?:(\d+:)? ")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|“[^”]*”")
_NUMBER = re.compile(r"\d+")
_PAGE = re.compile(r"\b(actors|places|articles)/[^\s;:,]+")


@dataclass
class Report:
    """What screening found."""

    articles: int = 0
    batches: int = 0
    builds: int = 0
    seconds: float = 0.0
    crashes: list[dict[str, str]] = field(default_factory=list)
    faults: collections.Counter[str] = field(default_factory=collections.Counter)
    fault_examples: dict[str, str] = field(default_factory=dict)
    warnings: collections.Counter[str] = field(default_factory=collections.Counter)
    warning_examples: dict[str, str] = field(default_factory=dict)


def warning_class(message: str) -> str:
    """A warning with its place, quoted words and numbers taken out: "could not date '…' (…KeyError…)"."""
    text = _LOCATED.sub("", message.splitlines()[0])
    text = _QUOTED.sub("'…'", text)
    text = _PAGE.sub(r"\1/…", text)
    return _NUMBER.sub("N", text)


def raised_at(trace: str) -> str:
    """The last `file:line in function` of a formatted traceback, inside the project when it can."""
    frames = re.findall(r'File "([^"]+)", line (\d+), in (\S+)', trace)
    if not frames:
        return "?"
    ours = [f for f in frames if "/generator/" in f[0]] or frames
    path, line, function = ours[-1]
    short = path.split("/generator/", 1)[-1]
    return f"generator/{short}:{line} {function}" if "/generator/" in path else f"{path}:{line} {function}"


def build(files: Sequence[Path], cache: Path, model: str) -> BuildState:
    """A whole build of these files, in a throwaway project; raises what the build raises."""
    with tempfile.TemporaryDirectory(prefix="screen-") as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for path in files:
            try:
                os.link(path, seeds / path.name)
            except OSError:
                shutil.copyfile(path, seeds / path.name)
        config = BuildConfig(
            seeds=seeds,
            overrides=seeds / "overrides.yml",
            out=Path(tmp) / "site_src",
            model=model,
            cache=cache,
        )
        return run(STEPS, BuildState(config))


def screen_batch(files: Sequence[Path], cache: Path, model: str, report: Report) -> None:
    """Build one batch; on a crash, bisect it to the articles that crash."""
    report.builds += 1
    try:
        state = build(files, cache, model)
    except Exception as exc:  # every escape is what we look for
        if isinstance(exc, GeneratorError) and "no articles" in str(exc):
            return
        if len(files) == 1:
            internal = isinstance(exc, InternalError) and InternalError is not GeneratorError
            cause = exc.__cause__ if internal and exc.__cause__ else exc
            trace = "".join(traceback.format_exception(type(cause), cause, cause.__traceback__))
            report.crashes.append(
                {
                    "article": files[0].name,
                    "error": f"{type(cause).__name__}: {cause}"[:300],
                    "step": str(getattr(exc, "step", "")),
                    "kind": "error" if isinstance(exc, GeneratorError) and cause is exc else "crash",
                    "where": raised_at(trace),
                }
            )
            return
        middle = len(files) // 2
        screen_batch(files[:middle], cache, model, report)
        screen_batch(files[middle:], cache, model, report)
        return
    isolated = getattr(state, "faults", ())
    faults = {message for message, _trace in isolated}
    for message, trace in isolated:
        key = f"{warning_class(message)} at {raised_at(trace)}"
        report.faults[key] += 1
        report.fault_examples.setdefault(key, message.split("/")[-1])
    for message in state.warnings:
        if message in faults:
            continue
        key = warning_class(message)
        report.warnings[key] += 1
        report.warning_examples.setdefault(key, message.split("/")[-1][:200])


def main(argv: list[str] | None = None) -> int:
    """Screen the folders; print the summary and write the JSON report when asked."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--limit", type=int, default=0, help="screen only the first N articles")
    parser.add_argument("--json", type=Path, default=None, help="write the report here")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "briefing-screen-cache")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args(argv)
    import logging

    logging.basicConfig(level=logging.ERROR, format="%(levelname)s: %(message)s")
    files = sorted(p for folder in args.folders for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)
    if args.limit:
        files = files[: args.limit]
    report = Report(articles=len(files))
    started = time.perf_counter()
    for first in range(0, len(files), args.batch):
        batch = files[first : first + args.batch]
        report.batches += 1
        screen_batch(batch, args.cache, args.model, report)
        print(
            f"{first + len(batch)}/{len(files)} articles, {len(report.crashes)} crashes, "
            f"{sum(report.faults.values())} faults, {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
            flush=True,
        )
    report.seconds = time.perf_counter() - started
    print(summary(report))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "articles": report.articles,
                    "batches": report.batches,
                    "builds": report.builds,
                    "seconds": round(report.seconds, 1),
                    "crashes": report.crashes,
                    "faults": [
                        {"class": k, "count": n, "example": report.fault_examples[k]}
                        for k, n in report.faults.most_common()
                    ],
                    "warnings": [
                        {"class": k, "count": n, "example": report.warning_examples[k]}
                        for k, n in report.warnings.most_common()
                    ],
                },
                indent=1,
                ensure_ascii=False,
            )
            + "\n",
            "utf-8",
        )
    return 1 if report.crashes else 0


def summary(report: Report) -> str:
    """The report as text."""
    lines = [
        f"{report.articles} articles in {report.batches} batches ({report.builds} builds, "
        f"{report.seconds:.0f} s): {len(report.crashes)} crashes, "
        f"{sum(report.faults.values())} isolated faults, {sum(report.warnings.values())} other warnings",
    ]
    if report.crashes:
        lines.append("\ncrashes:")
        lines += [f"  {c['article']}: {c['error']} (step {c['step']}, {c['where']})" for c in report.crashes]
    if report.faults:
        lines.append("\nisolated faults (internal errors reported as warnings):")
        lines += [
            f"  {n:6d}  {k}\n          e.g. {report.fault_examples[k]}"
            for k, n in report.faults.most_common()
        ]
    if report.warnings:
        lines.append("\nwarnings by class:")
        lines += [f"  {n:6d}  {k}" for k, n in report.warnings.most_common()]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
