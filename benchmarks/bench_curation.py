"""Benchmark: cold build, warm build and an override edit, as ratios to the cold build.

Usage: python benchmarks/bench_curation.py [--corpora DIR ...] [--repeat N]

The corpora (default: the 60 MEANTIME dev articles, ../shared/corpora/meantime/apple
and airbus) are copied into one temporary seeds folder. Measured in the same run:
  cold        `python -m generator build` in a fresh process, empty analysis cache
  warm        the same command again: every analysis comes from the cache
  edit (CLI)  a fresh process after an edit of overrides.yml (rename + description)
  edit (serve) `pipeline.build` in a process that already built once, as the
              `mkdocs serve` hook runs it: spaCy loaded, cache warm, overrides edited
Times are the best of N; ratios are to the cold build. The target is an override
edit that regenerates the pages in under 2 s.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEANTIME = ROOT.parent / "shared" / "corpora" / "meantime"


def _seeds(corpora: list[Path], seeds: Path) -> int:
    """Copy every article into one folder, prefixed by its corpus; return how many."""
    seeds.mkdir()
    count = 0
    for corpus in corpora:
        for article in sorted(corpus.iterdir()):
            if article.is_file() and article.suffix in (".md", ".txt"):
                shutil.copy(article, seeds / f"{corpus.name}-{article.name}")
                count += 1
    return count


def _cli(seeds: Path, out: Path, cache: Path) -> float:
    """Run one build in a fresh process; return its wall time."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--quiet",
            "--seeds",
            str(seeds),
            "--out",
            str(out),
            "--cache",
            str(cache),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return time.perf_counter() - started


def _overrides(seeds: Path, actor: str, name: str, n: int) -> None:
    (seeds / "overrides.yml").write_text(
        f"actors:\n  {json.dumps(actor)}:\n    name: {json.dumps(name)}\n"
        f'    description: "Edit number {n} of the curator."\n    reason: benchmark edit\n',
        "utf-8",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="+", type=Path, default=[MEANTIME / "apple", MEANTIME / "airbus"])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from generator.pipeline import BuildConfig, build

    logging.disable(logging.WARNING)  # the corpus has undated articles; their warnings are not the point
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        seeds, out, cache = work / "seeds", work / "site_src", work / "cache"
        articles = _seeds(args.corpora, seeds)
        cold = []
        for _ in range(args.repeat):
            shutil.rmtree(cache, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
            cold.append(_cli(seeds, out, cache))
        warm = min(_cli(seeds, out, cache) for _ in range(args.repeat))
        data = json.loads((out / "data" / "briefing.json").read_text("utf-8"))
        top = max(data["actors"], key=lambda a: (len(a["mentions"]), a["id"]))
        pages = sum(1 for _ in out.rglob("*.md"))
        edit_cli = []
        for n in range(args.repeat):
            _overrides(seeds, top["name"], f"{top['name']} (edited {n})", n)
            edit_cli.append(_cli(seeds, out, cache))
        # The serve hook: one process, pipeline and cache warm, then overrides edits.
        config = BuildConfig(seeds=seeds, overrides=seeds / "overrides.yml", out=out, cache=cache)
        build(config)
        edit_serve = []
        for n in range(args.repeat):
            _overrides(seeds, top["name"], f"{top['name']} (serve edit {n})", n)
            started = time.perf_counter()
            result = build(config)
            edit_serve.append(time.perf_counter() - started)
            assert any(p.startswith("actors/") for p in result.report.written), "the edit changed nothing"
    best_cold = min(cold)
    print(
        f"{articles} articles from {', '.join(str(c) for c in args.corpora)}; {pages} pages; "
        f"best of {args.repeat}; overrides edit renames '{top['name']}' ({len(top['mentions'])} mentions)"
    )
    rows = [
        ("cold build (fresh process, empty cache)", best_cold),
        ("warm build (fresh process, cached analyses)", warm),
        ("override edit (fresh process)", min(edit_cli)),
        ("override edit (serve process, pipeline loaded)", min(edit_serve)),
    ]
    for label, seconds in rows:
        print(f"  {label:<48} {seconds:7.2f} s   {seconds / best_cold:.3f} x cold")
    verdict = "met" if min(edit_serve) < 2.0 else "NOT met"
    print(f"  target: an override edit regenerates the pages in under 2 s: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
