"""Score `generator.timex` against the MEANTIME gold timexes.

Run `python -m tests.timex_score` to print the scores; `-v` adds every miss and
wrong value, `-a` every expression found. `tests/test_timex.py` asserts floors on
the same numbers. Gold offsets point into the body after the front matter.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "meantime"
"""The MEANTIME corpus in the briefing input format (outside the repository)."""

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.extract.timex import tag_timexes  # noqa: E402
from generator.model import Timex  # noqa: E402


@dataclass(frozen=True)
class GoldDoc:
    """One MEANTIME article with its gold timexes."""

    id: str
    dct: dt.date | None
    body: str
    gold: tuple[dict, ...]


@dataclass(frozen=True)
class Scores:
    """Recall and value accuracy over the corpus, with timings."""

    gold: int
    strict: int
    relaxed: int
    value_ok: int
    type_ok: int
    system: int
    nlp_seconds: float
    timex_seconds: float
    misses: tuple[str, ...]

    @property
    def strict_recall(self) -> float:
        """Share of gold timexes found with the exact extent."""
        return self.strict / self.gold

    @property
    def relaxed_recall(self) -> float:
        """Share of gold timexes overlapped by a found one."""
        return self.relaxed / self.gold

    @property
    def value_accuracy(self) -> float:
        """Share of overlapped gold timexes whose value is right."""
        return self.value_ok / self.relaxed

    @property
    def type_accuracy(self) -> float:
        """Share of overlapped gold timexes whose type is right."""
        return self.type_ok / self.relaxed

    def report(self) -> str:
        """Render the scores on a few lines."""
        return (
            f"MEANTIME timexes: gold {self.gold}, system {self.system}\n"
            f"  strict recall  {self.strict_recall:.3f} ({self.strict}/{self.gold})\n"
            f"  relaxed recall {self.relaxed_recall:.3f} ({self.relaxed}/{self.gold})\n"
            f"  value accuracy {self.value_accuracy:.3f} ({self.value_ok}/{self.relaxed} matched)\n"
            f"  type accuracy  {self.type_accuracy:.3f} ({self.type_ok}/{self.relaxed} matched)\n"
            f"  time: nlp {self.nlp_seconds:.3f}s, tag_timexes {self.timex_seconds:.3f}s "
            f"({100 * self.timex_seconds / self.nlp_seconds:.1f}% of nlp)"
        )


def load_corpus(root: Path = CORPUS) -> list[GoldDoc]:
    """Read every article and its gold file, sorted by path."""
    docs = []
    for path in sorted(root.glob("*/*.md")):
        if path.name == "README.md":
            continue
        raw = path.read_text(encoding="utf-8")
        front, body = raw.split("\n---\n", 1)
        date = re.search(r"^date:\s*(\S+)", front, re.M)
        dct = dt.date.fromisoformat(date.group(1)) if date and date.group(1) != "null" else None
        gold = json.loads((path.parent / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
        docs.append(GoldDoc(f"{path.parent.name}/{path.stem}", dct, body, tuple(gold["timexes"])))
    return docs


def load_nlp():  # type: ignore[no-untyped-def]
    """Load the project's pinned pipeline, in which every paragraph line starts a sentence."""
    from generator.extract.parse import load_pipeline

    return load_pipeline()


def _best(gold: dict, found: tuple[Timex, ...]) -> Timex | None:
    """Return the found timex that matches a gold one best: exact extent, else most overlap."""
    best, overlap = None, 0
    for t in found:
        if t.span.start == gold["start"] and t.span.end == gold["end"]:
            return t
        shared = min(t.span.end, gold["end"]) - max(t.span.start, gold["start"])
        if shared > overlap:
            best, overlap = t, shared
    return best


def score(nlp, docs: list[GoldDoc]) -> Scores:  # type: ignore[no-untyped-def]
    """Tag every article and compare with the gold timexes."""
    counts = dict(gold=0, strict=0, relaxed=0, value_ok=0, type_ok=0, system=0)
    nlp_time = timex_time = 0.0
    misses = []
    for d in docs:
        t0 = time.perf_counter()
        doc = nlp(d.body)
        t1 = time.perf_counter()
        found = tag_timexes(doc, d.id, d.dct)
        t2 = time.perf_counter()
        nlp_time, timex_time = nlp_time + t1 - t0, timex_time + t2 - t1
        counts["system"] += len(found)
        for g in d.gold:
            counts["gold"] += 1
            t = _best(g, found)
            if t is None:
                misses.append(f"{d.id} {d.dct} MISS {g['text']!r} {g['type']} {g['value']}")
                continue
            counts["relaxed"] += 1
            counts["strict"] += (t.span.start, t.span.end) == (g["start"], g["end"])
            counts["type_ok"] += t.type == g["type"]
            if t.value == g["value"]:
                counts["value_ok"] += 1
            else:
                misses.append(
                    f"{d.id} {d.dct} VALUE {g['text']!r} {g['value']} got {t.span.text!r} {t.value}"
                )
    return Scores(**counts, nlp_seconds=nlp_time, timex_seconds=timex_time, misses=tuple(misses))


def main(argv: list[str]) -> int:
    """Print the scores, and the misses with -v."""
    nlp = load_nlp()
    docs = load_corpus()
    nlp(docs[0].body)
    result = score(nlp, docs)
    if "-v" in argv:
        print("\n".join(result.misses))
    if "-a" in argv:
        for d in docs:
            for t in tag_timexes(nlp(d.body), d.id, d.dct):
                print(d.id, d.dct, repr(t.span.text), t.type, t.value, t.mod, t.begin, t.end, t.precision)
    print(result.report())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
