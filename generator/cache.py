"""Cache of per-article analyses, so that an override edit re-runs only curation and rendering.

An entry is the pickled Analysis of one article (spaCy + extractors, before
cross-article propagation), stored under a key that hashes everything the
analysis depends on: the article record (id, metadata, body), the spaCy
pipeline's name and version, spaCy's version, and a fingerprint of the
generator's extraction code and data. Change any of them and the entry is
simply not found. A corrupt or foreign entry is ignored and rebuilt. The cache
holds only what this machine wrote (`.cache/briefing/`, gitignored); it is
never shared or published, which is why pickle is acceptable here.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import json
import logging
import pickle
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from generator.extract import chunks, parse
from generator.extract.article import analyse_article
from generator.model import Analysis, Article
from generator.publish.write import atomic_write

log = logging.getLogger(__name__)

DEFAULT_DIR = Path(".cache/briefing")
"""Where entries live unless the build says otherwise."""

FORMAT = 1
"""Bumped when the entry layout changes."""

PACKAGE = Path(__file__).resolve().parent
"""The generator package; the fingerprint reads `extract/` and what it imports from here."""

Progress = Callable[[Iterable[tuple[object, object]], int], Iterable[tuple[object, object]]]


def _imports(path: Path) -> set[Path]:
    """Source files of the generator modules that `path` imports (absolute `generator.` imports)."""
    found: set[Path] = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] != "generator":
                continue
            base = PACKAGE.joinpath(*parts[1:])
            for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                if candidate.is_file():
                    found.add(candidate)
    return found


@functools.cache
def extraction_fingerprint() -> str:
    """Hash of the per-article analysis code and data: `extract/` and every generator module it imports.

    Editing anything the analysis runs empties the cache; editing a later stage
    (resolution, curation, pages) does not, and no list of names needs upkeep.
    """
    extract = PACKAGE / "extract"
    todo = sorted(extract.rglob("*.py"))
    files = {p for p in extract.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    while todo:
        for imported in _imports(todo.pop()):
            if imported not in files:
                files.add(imported)
                todo.append(imported)
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@functools.cache
def pipeline_fingerprint(model: str) -> str:
    """Name and version of the spaCy pipeline and of spaCy, without loading the pipeline."""
    path = Path(model)
    meta = path / "meta.json"
    if meta.is_file():
        data = json.loads(meta.read_text("utf-8"))
        name = f"{data.get('lang')}_{data.get('name')}-{data.get('version')}@{path.resolve()}"
    else:
        try:
            name = f"{model}=={importlib.metadata.version(model)}"
        except importlib.metadata.PackageNotFoundError:
            name = model  # spaCy will say it is missing when a miss needs it
    return f"{name};spacy=={importlib.metadata.version('spacy')}"


def key(article: Article, model: str) -> str:
    """The cache key of one article's analysis."""
    record = {
        "format": FORMAT,
        "extraction": extraction_fingerprint(),
        "pipeline": pipeline_fingerprint(model),
        "chunk": chunks.CHUNK_CHARS,
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "url": article.url,
        "body": article.body,
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _entry(folder: Path, digest: str) -> Path:
    return folder / digest[:2] / f"{digest}.pickle"


def load(folder: Path, digest: str) -> Analysis | None:
    """The cached analysis under `digest`, or None when missing, corrupt or not ours."""
    path = _entry(folder, digest)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        stored_key, analysis = pickle.loads(data)
    except Exception as exc:
        log.warning("%s: unreadable cache entry ignored and rebuilt (%s)", path, type(exc).__name__)
        return None
    if stored_key != digest or not isinstance(analysis, Analysis):
        log.warning("%s: cache entry does not match its key; ignored and rebuilt", path)
        return None
    return analysis


def store(folder: Path, digest: str, analysis: Analysis) -> None:
    """Save an analysis; a cache that cannot be written only costs time."""
    try:
        atomic_write(
            _entry(folder, digest), pickle.dumps((digest, analysis), protocol=pickle.HIGHEST_PROTOCOL)
        )
    except OSError as exc:
        log.warning("%s: cannot write the analysis cache (%s)", folder, exc)


def _no_progress(items: Iterable[tuple[object, object]], _total: int) -> Iterable[tuple[object, object]]:
    return items


def analyse_articles(
    articles: Sequence[Article], model: str, folder: Path | None, progress: Progress = _no_progress
) -> tuple[list[Analysis], int]:
    """Analyse every article, reusing cached analyses; return them in order and the number of misses."""
    results: dict[int, Analysis] = {}
    keys: dict[int, str] = {}
    for i, article in enumerate(articles):
        if folder is not None:
            keys[i] = key(article, model)
            hit = load(folder, keys[i])
            if hit is not None:
                results[i] = hit
    misses = [i for i in range(len(articles)) if i not in results]
    if misses:
        pieces = [(i, offset, part) for i in misses for offset, part in chunks.split(articles[i])]
        parsed = parse.parse([part for _i, _o, part in pieces], model)
        done: dict[int, list[tuple[int, Analysis]]] = {i: [] for i in misses}
        counts = {i: sum(1 for j, _o, _p in pieces if j == i) for i in misses}
        for (i, offset, _part), (part, doc) in zip(pieces, progress(parsed, len(pieces)), strict=True):
            done[i].append((offset, analyse_article(doc, part)))  # type: ignore[arg-type]
            if len(done[i]) == counts[i]:
                results[i] = chunks.join(articles[i], done.pop(i))
                if folder is not None:
                    store(folder, keys[i], results[i])
    log.debug("analysis cache: %d hits, %d misses", len(articles) - len(misses), len(misses))
    return [results[i] for i in range(len(articles))], len(misses)
