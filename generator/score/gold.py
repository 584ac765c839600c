"""Read the gold annotations: MEANTIME's `gold/<doc>.json` files and our fully annotated sets.

A MEANTIME gold file gives, as character offsets into the article body (the text after
the front matter), entity mentions with cross-document `instance_id`s, TIMEX3
expressions and VALUE markables. Its annotation is not exhaustive, so it measures
recall only; `tests/annotated/entities/` marks every actor and place mention of six
articles, which measures precision. `tests/annotated/reuters/` marks every mention of
ten Reuters stories with its real-world instance too, the "unseen" set; their text is
not in the repository and is read from the Reuters archive beside it at run time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import GeneratorError
from generator.read.seeds import split_front_matter
from generator.score.match import Tagged
from generator.slugs import slugify

ROOT = Path(__file__).resolve().parents[2]
"""The repository."""

MEANTIME = ROOT.parent / "shared" / "corpora" / "meantime"
"""The MEANTIME corpus in the briefing input format, beside the repository: one folder per story."""

ANNOTATED = ROOT / "tests" / "annotated" / "entities"
"""The fully annotated precision set: articles with one `<name>.json` each."""

UNSEEN = ROOT / "tests" / "annotated" / "reuters"
"""The unseen set: fully annotated Reuters stories with instance ids, `<file stem>.json` each, no text."""

REUTERS_ARCHIVE = ROOT.parent / "shared" / "corpora" / "reuters" / "reuters-10k.tar.xz"
"""The Reuters archive the unseen set's text is read from (research use only: never committed)."""

Gold = dict[str, Any]
"""One article's gold file: lists of "entities", "timexes" and "values" (dicts with start, end, text...)."""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One MEANTIME article read on its own, for benchmarks that parse bodies without the pipeline."""

    id: str
    """"<story>/<file stem>", e.g. "apple/37961"."""
    dct: dt.date | None
    """The article's date from its front matter, None when it has none."""
    body: str
    """The text after the front matter; gold offsets point here."""
    gold: Gold
    """The article's gold file."""


def corpora(root: Path = MEANTIME) -> list[Path]:
    """The story folders under `root` that hold gold annotations, sorted."""
    return sorted(p for p in root.iterdir() if (p / "gold").is_dir()) if root.is_dir() else []


def load_gold(corpus: Path) -> dict[str, Gold]:
    """Gold annotations of one story folder by article id (the slug of the file stem)."""
    gold = {}
    for path in sorted((corpus / "gold").glob("*.json")):
        gold[slugify(path.stem)] = json.loads(path.read_text("utf-8"))
    return gold


def load_articles(root: Path = MEANTIME) -> list[GoldArticle]:
    """Every article of every story under `root`, with its date, body and gold file, sorted by path."""
    articles = []
    for path in sorted(root.glob("*/*.md")):
        if path.name == "README.md":
            continue
        front, body = path.read_text("utf-8").split("\n---\n", 1)
        date = re.search(r"^date:\s*(\S+)", front, re.M)
        dct = dt.date.fromisoformat(date.group(1)) if date and date.group(1) != "null" else None
        gold = json.loads((path.parent / "gold" / f"{path.stem}.json").read_text("utf-8"))
        articles.append(GoldArticle(f"{path.parent.name}/{path.stem}", dct, body, gold))
    return articles


def load_annotated(folder: Path = ANNOTATED) -> dict[str, list[Tagged]]:
    """A fully annotated set: article id → annotated mentions.

    The type is an actor kind or "place"; the page is the mention's real-world instance
    when the set gives one ("caspar-weinberger"), else empty.
    """
    result = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        article = slugify(Path(data["article"]).stem)
        result[article] = [
            Tagged(article, m["start"], m["end"], m["kind"], m.get("instance", "")) for m in data["mentions"]
        ]
    return result


class MissingText(GeneratorError):
    """The text an annotated set needs is not on this machine."""


def unpack_unseen(folder: Path, archive: Path, dest: Path) -> Path:
    """Write the articles `folder` annotates from the Reuters `archive` into `dest`; return `dest`.

    Each body is checked against the annotation's `body_sha256`, so offsets never point into
    a different text. Raises MissingText when the archive is absent.
    """
    wanted = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        wanted[data["article"]] = (path, data["body_sha256"])
    if not archive.is_file():
        raise MissingText(f"{archive}: not found, so the unseen set ({folder}) cannot be read")
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:xz") as tar:
        for member in tar:
            name = Path(member.name).name
            if name not in wanted or not member.isfile():
                continue
            handle = tar.extractfile(member)
            assert handle is not None  # a regular file always has a stream
            text = handle.read().decode("utf-8")
            path, digest = wanted.pop(name)
            _meta, body, _line = split_front_matter(text, name)
            if hashlib.sha256(body.encode("utf-8")).hexdigest() != digest:
                raise GeneratorError(f"{path}: {name} in {archive} is not the text that was annotated")
            (dest / name).write_text(text, "utf-8")
    if wanted:
        raise MissingText(f"{archive}: no {', '.join(sorted(wanted))}")
    return dest
