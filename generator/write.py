"""The one module that writes to disk (stage 8: write).

Generated files are listed in a manifest inside the output folder. A file
that exists but is not in the manifest was written by hand: it is never
overwritten or deleted. Each file is written to a temporary name and renamed
into place, and unchanged files are left alone, so `mkdocs serve` reloads
only what changed and an interrupted build never leaves a half-written page.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import RenderError

log = logging.getLogger(__name__)

MANIFEST = ".briefing-manifest.json"


@dataclass(frozen=True, slots=True)
class WriteReport:
    """What a write changed."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    kept_by_hand: tuple[str, ...]


def safe_path(out: Path, relative: str) -> Path:
    """Resolve a generated page path inside `out`, refusing anything that escapes it."""
    pure = PurePosixPath(relative)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise RenderError(f"refusing to write outside {out}: {relative!r}")
    return out.joinpath(*pure.parts)


def read_manifest(out: Path) -> set[str]:
    """The files the previous build generated."""
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
        return {str(p) for p in data.get("files", [])}
    except (OSError, ValueError):
        return set()


def write_tree(out: Path, files: dict[str, bytes]) -> WriteReport:
    """Write generated files into `out`, keep hand-written ones, drop stale generated ones."""
    out.mkdir(parents=True, exist_ok=True)
    previous = read_manifest(out)
    targets = {rel: safe_path(out, rel) for rel in sorted(files)}
    written, unchanged, kept = [], [], []
    for rel, path in targets.items():
        if path.exists() and rel not in previous:
            kept.append(rel)
            log.warning("%s: written by hand, so it is kept and the generated page is skipped", path)
            continue
        data = files[rel]
        if path.exists() and path.read_bytes() == data:
            unchanged.append(rel)
            continue
        atomic_write(path, data)
        written.append(rel)
    generated = sorted(set(targets) - set(kept))
    removed = []
    for rel in sorted(previous - set(generated)):
        path = safe_path(out, rel)
        if path.is_file():
            path.unlink()
            removed.append(rel)
            _prune(path.parent, out)
    manifest = json.dumps({"files": generated}, indent=1, sort_keys=True).encode() + b"\n"
    atomic_write(out / MANIFEST, manifest)
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed), tuple(kept))


def atomic_write(path: Path, data: bytes) -> None:
    """Write bytes to a temporary file beside `path`, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune(folder: Path, out: Path) -> None:
    """Remove folders that the removal of a stale page left empty."""
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
