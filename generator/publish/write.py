"""The one module that writes to disk (stage 8: write).

Generated files are listed in a manifest inside the output folder. A file
that exists but is not in the manifest was written by hand: it is never
overwritten or deleted. Starter pages (such as `curating.md`) are written
only when missing and are never listed in the manifest, so from then on they
belong to the curator. Unchanged files are left alone, so `mkdocs serve`
reloads only what changed.

A build's changes land all together or not at all, in two phases:

1. stage: every new or changed file is written to a temporary name beside
   its target and flushed to disk; a failure here deletes the temporary
   files and the output is untouched;
2. commit: a journal listing every step is written, then each old file is
   kept under a backup name (a hard link) and the new one renamed over it;
   stale generated files are renamed to backups too. A failure or Ctrl-C here
   puts every backup back. If the process dies outright (power cut, SIGKILL),
   the journal is still there, and the next build (or `recover`) rolls the
   output back to the previous build before doing anything else. Once every
   new file is in place the journal is removed, then the backups.

One writer at a time: a build holds an exclusive `fcntl.flock` on a lock file
inside the output folder (`.briefing-lock`, a dotfile MkDocs does not publish)
while it recovers and commits, so a second build cannot take the first one's
live journal for an interrupted build. The kernel drops the lock of a process
that dies, so a stale lock is simply taken over. The file is opened read-only
and never written: closing a file opened for writing is an event that wakes
`mkdocs serve`'s watcher into rebuilding for ever. A build that gives up
waiting names the holder's pid from /proc/locks.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path, PurePosixPath
from typing import cast

from generator.errors import WriteError

log = logging.getLogger(__name__)

MANIFEST = ".briefing-manifest.json"
JOURNAL = ".briefing-journal.json"
LOCK = ".briefing-lock"
"""The lock file inside the output folder; a dotfile, so MkDocs never publishes it."""
LOCK_WAIT = 30.0
"""Seconds a build waits for another one to finish writing before it gives up."""
_LEFTOVER = re.compile(r"^\..+\.(?:[0-9a-f]{32}\.(?:tmp|bak)|[a-z0-9_]{8}\.tmp)$")
"""Names of our temporary and backup files (`_transaction`'s, and `atomic_write`'s for the journal).

MkDocs ignores them because they start with a dot; `recover` removes those a killed build left.
"""


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
    if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in relative:
        raise WriteError(f"refusing to write outside {out}: {relative!r}")
    return out.joinpath(*pure.parts)


def read_manifest(out: Path) -> set[str]:
    """The files the previous build generated."""
    try:
        data = json.loads((out / MANIFEST).read_text("utf-8"))
        return {str(p) for p in data.get("files", [])}
    except (OSError, ValueError):
        return set()


def read_unchanged(out: Path, digests: Iterable[tuple[str, str]]) -> dict[str, bytes] | None:
    """The bytes of each listed generated file, or None when one is missing, changed or no longer listed.

    `digests` are (path, SHA-256) as a build wrote them; a file edited or deleted by hand
    since, or one the manifest no longer lists as generated, makes the whole set unusable.
    """
    generated = read_manifest(out)
    found: dict[str, bytes] = {}
    for rel, digest in digests:
        if rel not in generated:
            return None
        try:
            data = safe_path(out, rel).read_bytes()
        except (OSError, WriteError):
            return None
        if hashlib.sha256(data).hexdigest() != digest:
            return None
        found[rel] = data
    return found


@contextlib.contextmanager
def locked(out: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the output folder's exclusive lock; wait up to `wait` seconds (LOCK_WAIT) for another build."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out / LOCK, os.O_RDONLY | os.O_CREAT, 0o644)  # never written: see the docstring
    except OSError as exc:
        raise WriteError(f"{out}: cannot write ({exc.strerror or exc})") from exc
    try:
        deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise WriteError(
                        f"another build is writing {out} (pid {_holder(fd)}); try again when it has finished"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


def _holder(fd: int) -> str:
    """The pid holding an flock on the open file, from /proc/locks (Linux), or "unknown"."""
    stat = os.fstat(fd)
    file = f"{os.major(stat.st_dev):02x}:{os.minor(stat.st_dev):02x}:{stat.st_ino}"
    try:
        lines = Path("/proc/locks").read_text("ascii").splitlines()
    except OSError:
        return "unknown"
    for line in lines:
        fields = line.split()  # "1: FLOCK  ADVISORY  WRITE 1234 fe:01:5678 0 EOF"
        if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == file:
            return fields[4]
    return "unknown"


Manifest = tuple[int, int, int] | None
"""The manifest's inode, modification time and size (`manifest_state`), None when there is none."""


def manifest_state(out: Path) -> Manifest:
    """What identifies the manifest now: every commit replaces it, so while it is the same no build has
    written `out` (a folder's writes are all committed together, `write_tree`)."""
    try:
        found = (out / MANIFEST).stat()
    except OSError:
        return None
    return (found.st_ino, found.st_mtime_ns, found.st_size)


@dataclass(frozen=True, slots=True)
class OnDisk:
    """Generated files a build has read from its output folder and found to hold their new bytes."""

    manifest: Manifest
    """`manifest_state` before the build read them: they count only while no build has written since."""
    paths: frozenset[str] = frozenset()
    """Paths inside the folder."""


def write_tree(
    out: Path,
    files: dict[str, bytes],
    starters: dict[str, bytes] | None = None,
    on_disk: OnDisk | None = None,
) -> WriteReport:
    """Write generated files into `out`, keep hand-written ones, drop stale generated ones.

    `starters` are hand-written pages to begin with: each is written when it is
    missing and left alone when present, and none is ever generated again.
    `on_disk` are generated files this build has read from `out` and found to hold
    their bytes in `files`: unless another build has written `out` since, they are
    not read again to be compared.
    """
    with locked(out):
        return _write_locked(out, files, starters or {}, on_disk)


def _write_locked(
    out: Path, files: dict[str, bytes], starters: dict[str, bytes], on_disk: OnDisk | None
) -> WriteReport:
    """`write_tree` under the lock: recover, compare, then commit the changes all together."""
    recover(out)
    known = on_disk.paths if on_disk is not None and manifest_state(out) == on_disk.manifest else frozenset()
    previous = read_manifest(out)
    targets = {rel: safe_path(out, rel) for rel in sorted(files)}
    if {MANIFEST, JOURNAL, LOCK} & (set(targets) | set(starters)):
        raise WriteError(f"refusing to overwrite the generator's own {MANIFEST}, {JOURNAL} or {LOCK}")
    if set(targets) & set(starters):
        raise WriteError(f"a starter page is also generated: {sorted(set(targets) & set(starters))[0]}")
    new_starters = {rel: data for rel, data in sorted(starters.items()) if not safe_path(out, rel).exists()}
    changes: dict[str, bytes] = {}
    unchanged, kept = [], []
    for rel, path in targets.items():
        mode = _mode(path)
        if mode is not None and rel not in previous:
            kept.append(rel)
            log.warning("%s: written by hand, so it is kept and the generated page is skipped", path)
            continue
        if mode is not None and stat.S_ISREG(mode) and (rel in known or path.read_bytes() == files[rel]):
            unchanged.append(rel)
            continue
        changes[rel] = files[rel]
    generated = sorted(set(targets) - set(kept))
    stale = sorted(rel for rel in previous - set(generated) if safe_path(out, rel).is_file())
    manifest = json.dumps({"files": generated}, indent=1, sort_keys=True).encode() + b"\n"
    old_manifest = (out / MANIFEST).read_bytes() if (out / MANIFEST).is_file() else b""
    changes.update(new_starters)
    if changes or stale or old_manifest != manifest:
        changes[MANIFEST] = manifest  # committed last: the manifest always describes the files present
        _transaction(out, changes, stale)
    written = tuple(rel for rel in changes if rel != MANIFEST)
    return WriteReport(written, tuple(unchanged), tuple(stale), tuple(kept))


def _mode(path: Path) -> int | None:
    """The file type and mode of whatever is at `path` (one `stat`, following links), or None."""
    try:
        return os.stat(path).st_mode
    except OSError as exc:  # as Path.exists: only "there is nothing there" means None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return None
        raise
    except ValueError:  # a name the system cannot hold
        return None


def _transaction(out: Path, changes: dict[str, bytes], stale: list[str]) -> None:
    """Stage every change, then commit them all under a journal, or roll back."""
    token = uuid.uuid4().hex
    staged: list[dict[str, object]] = []
    temporary: list[Path] = []
    try:
        for rel, data in changes.items():
            path = safe_path(out, rel) if rel != MANIFEST else out / MANIFEST
            tmp = path.parent / f".{path.name}.{token}.tmp"
            temporary.append(tmp)
            _write_file(tmp, data)
            staged.append(
                {
                    "target": rel,
                    "tmp": _rel(out, tmp),
                    "existed": path.exists(),
                    "backup": _rel(out, path.parent / f".{path.name}.{token}.bak"),
                }
            )
        _flush(temporary)
    except BaseException:
        _discard(temporary, out)
        raise
    removals: list[dict[str, object]] = [
        {"target": rel, "backup": _rel(out, safe_path(out, rel).parent / f".{Path(rel).name}.{token}.bak")}
        for rel in stale
    ]
    journal: dict[str, list[dict[str, object]]] = {"writes": staged, "removals": removals}
    try:
        atomic_write(out / JOURNAL, json.dumps(journal, indent=1).encode())
    except BaseException:
        _discard(temporary, out)  # nothing is committed yet: the output is as it was
        raise
    try:
        for removal in removals:
            os.replace(out / str(removal["target"]), out / str(removal["backup"]))
        for step in staged:
            target = out / str(step["target"])
            if step["existed"]:
                _keep(target, out / str(step["backup"]))
            os.replace(out / str(step["tmp"]), target)
    except BaseException:
        try:
            _rollback(out, journal)
        except OSError as exc:  # the journal stays, so the next build rolls back; report the first error
            log.error("%s: could not restore the previous output (%s); the next build will", out, exc)
        raise
    _finish(out, journal)


def _discard(temporary: list[Path], out: Path) -> None:
    """Delete staged files after a failure; a clean-up that fails must not hide the failure itself."""
    for tmp in temporary:
        try:
            tmp.unlink(missing_ok=True)
            _prune(tmp.parent, out)
        except OSError as exc:
            log.debug("%s: not cleaned up (%s); the next build removes it", tmp, exc)


def _rel(out: Path, path: Path) -> str:
    return path.relative_to(out).as_posix()


def _keep(target: Path, backup: Path) -> None:
    """Keep the old file under its backup name without moving it (a hard link, else a copy)."""
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)


def _rollback(out: Path, journal: dict[str, list[dict[str, object]]]) -> None:
    """Put the previous build back: restore backups, delete new files and temporary files."""
    for step in reversed(journal["writes"]):
        target, backup = out / str(step["target"]), out / str(step["backup"])
        if backup.exists() and target.exists() and os.path.samefile(backup, target):
            backup.unlink()  # the new file never replaced it; rename() between two links is a no-op
        elif backup.exists():
            os.replace(backup, target)
        elif not step["existed"]:
            target.unlink(missing_ok=True)
        (out / str(step["tmp"])).unlink(missing_ok=True)
    for removal in journal["removals"]:
        backup = out / str(removal["backup"])
        if backup.exists():
            os.replace(backup, out / str(removal["target"]))
    (out / JOURNAL).unlink(missing_ok=True)
    for step in journal["writes"]:
        _prune((out / str(step["target"])).parent, out)


def _finish(out: Path, journal: dict[str, list[dict[str, object]]]) -> None:
    """After a commit: drop the journal, then the backups, and folders left empty.

    The journal goes first: once every new file is in place it is what a rollback would use, and
    a rollback with some backups already gone would mix the two builds' files. A process that dies
    after it leaves only backups, which the next build removes (`recover`). Dropping a backup frees
    the old file's blocks, so they are dropped together, as staged files are flushed (`_flush`).
    """
    (out / JOURNAL).unlink(missing_ok=True)
    backups = [out / str(step["backup"]) for step in [*journal["writes"], *journal["removals"]]]
    _together(partial(Path.unlink, missing_ok=True), backups)
    for removal in journal["removals"]:
        _prune((out / str(removal["target"])).parent, out)


def recover(out: Path) -> bool:
    """Roll back a build that died while committing, and remove what a killed build left.

    Returns True when a killed build left anything. Call it holding the lock (`locked`):
    another build's journal and temporary files are alive while it writes.
    """
    path = out / JOURNAL
    try:
        journal = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return _remove_leftovers(out)
    except (OSError, ValueError):
        log.warning("%s: unreadable journal of an interrupted build; removed", path)
        path.unlink(missing_ok=True)
        journal = None
    if journal is not None:
        for step in [*journal.get("writes", []), *journal.get("removals", [])]:
            for key in ("target", "tmp", "backup"):
                if key in step:
                    safe_path(out, str(step[key]))  # a tampered journal cannot reach outside
        log.warning("%s: the last build was interrupted; restoring the output it started from", out)
        _rollback(out, journal)
    _remove_leftovers(out)
    return True


def _remove_leftovers(out: Path) -> bool:
    """Remove the temporary and backup files of builds killed before they wrote a journal."""
    found = [p for p in sorted(out.rglob(".*")) if _LEFTOVER.match(p.name) and p.is_file()]
    for leftover in found:
        leftover.unlink()
    if found:
        log.warning("%s: removed %d temporary files a killed build left", out, len(found))
    return bool(found)


def settle(out: Path, wait: float | None = None) -> None:
    """Before publishing `out`: roll back a build that died there, or refuse while another one writes.

    A folder this process cannot write (a read-only checkout) can have no build
    writing in it; it is published as it is unless a killed build's journal is there.
    """
    if not out.is_dir():
        return
    if not os.access(out, os.W_OK):
        if (out / JOURNAL).exists():
            raise WriteError(
                f"{out}: a build was interrupted while writing, and the folder is read-only, so it "
                "cannot be rolled back; run the generator with write access, or restore the folder"
            )
        return
    with locked(out, wait):
        recover(out)


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


def _write_file(path: Path, data: bytes) -> None:
    """Write a staged file completely (`_flush` puts it on disk)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o644)


FLUSHING = 16
"""Staged files flushed to disk at once, and backups dropped at once (fewer go one by one)."""


def _flush(paths: list[Path]) -> None:
    """Flush every staged file to disk before the journal names them; raise the first failure.

    One `fsync` after another waits for one disk commit each (7 s for the 900 pages an actor's
    rename rewrites at 1,000 articles); flushes that run together share the file system's commits.
    From `FLUSHING` files on Linux, one `syncfs` per file system holding them writes them all at
    once: 0.08 s for 5,500 staged pages of 20 KB, where sixteen `fsync`s at a time took 0.67 s.
    """
    if len(paths) >= FLUSHING and _SYNCFS is not None:
        by_device: dict[int, Path] = {}
        for folder in sorted({path.parent for path in paths}):
            by_device.setdefault(os.stat(folder).st_dev, folder)  # a file is on its folder's file system
        for folder in by_device.values():
            _syncfs(folder)
        return

    def flush(path: Path) -> None:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    _together(flush, paths)


def _find_syncfs() -> Callable[[int], int] | None:
    """Linux's `syncfs(fd)` from the C library, or None where there is none."""
    if sys.platform != "linux":
        return None
    try:
        found = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    found.argtypes = [ctypes.c_int]
    found.restype = ctypes.c_int
    return cast(Callable[[int], int], found)


_SYNCFS = _find_syncfs()


def _syncfs(folder: Path) -> None:
    """Write every file of the file system holding `folder` to disk (`syncfs`); raise OSError on failure."""
    syncfs = _SYNCFS
    if syncfs is None:
        raise OSError(errno.ENOSYS, "syncfs is not available", str(folder))
    fd = os.open(folder, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), str(folder))
    finally:
        os.close(fd)


def _together(act: Callable[[Path], object], paths: list[Path]) -> None:
    """`act` on each path, on up to `FLUSHING` threads from that many paths; raise the first failure."""
    if len(paths) < FLUSHING:
        for path in paths:
            act(path)
        return
    with ThreadPoolExecutor(max_workers=min(FLUSHING, len(paths))) as pool:
        for _done in pool.map(act, paths):
            pass


def _prune(folder: Path, out: Path) -> None:
    """Remove folders that the removal of a stale page left empty."""
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
