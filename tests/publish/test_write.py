"""Writing the output tree: hand-written pages survive, stale pages go, paths stay inside."""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import RenderError
from generator.publish.write import LOCK, MANIFEST, OnDisk, manifest_state, read_unchanged, write_tree


def test_hand_written_pages_are_never_touched(tmp_path: Path) -> None:
    (tmp_path / "curating.md").write_text("mine", "utf-8")
    (tmp_path / "index.md").write_text("my own home page", "utf-8")
    report = write_tree(tmp_path, {"index.md": b"generated", "timeline.md": b"t"})
    assert (tmp_path / "curating.md").read_text() == "mine"
    assert (tmp_path / "index.md").read_text() == "my own home page"
    assert report.kept_by_hand == ("index.md",)
    assert report.written == ("timeline.md",)


def test_stale_generated_pages_are_removed_and_unchanged_skipped(tmp_path: Path) -> None:
    write_tree(tmp_path, {"actors/a.md": b"a", "actors/b.md": b"b", "index.md": b"i"})
    report = write_tree(tmp_path, {"actors/a.md": b"a", "index.md": b"i2"})
    assert report.removed == ("actors/b.md",)
    assert report.unchanged == ("actors/a.md",)
    assert report.written == ("index.md",)
    assert not (tmp_path / "actors" / "b.md").exists()
    assert (tmp_path / MANIFEST).exists()


def test_files_known_to_be_on_disk_are_not_read_again_but_a_missing_one_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"a.md": b"a", "b.md": b"b", "c.md": b"c"})
    seen = OnDisk(manifest_state(tmp_path), frozenset({"a.md", "c.md"}))
    (tmp_path / "c.md").unlink()  # deleted by hand since it was read
    read = _reads(monkeypatch)
    report = write_tree(tmp_path, {"a.md": b"a", "b.md": b"b", "c.md": b"c"}, on_disk=seen)
    assert "a.md" not in read and "b.md" in read
    assert report.unchanged == ("a.md", "b.md") and report.written == ("c.md",)
    assert (tmp_path / "c.md").read_bytes() == b"c"


def test_files_known_to_be_on_disk_are_read_again_once_another_build_has_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tree(tmp_path, {"a.md": b"a", "b.md": b"b"})
    seen = OnDisk(manifest_state(tmp_path), frozenset({"a.md", "b.md"}))
    write_tree(tmp_path, {"a.md": b"another build's", "b.md": b"b"})  # between our reading and writing
    read = _reads(monkeypatch)
    report = write_tree(tmp_path, {"a.md": b"a", "b.md": b"b"}, on_disk=seen)
    assert "a.md" in read and report.written == ("a.md",)
    assert (tmp_path / "a.md").read_bytes() == b"a"


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files read from now on (`Path.read_bytes`)."""
    read: list[str] = []
    real_read = Path.read_bytes

    def reading(path: Path) -> bytes:
        read.append(path.name)
        return real_read(path)

    monkeypatch.setattr(Path, "read_bytes", reading)
    return read


def test_emptied_folders_are_pruned(tmp_path: Path) -> None:
    write_tree(tmp_path, {"places/x.md": b"x", "index.md": b"i"})
    write_tree(tmp_path, {"index.md": b"i"})
    assert not (tmp_path / "places").exists()


@pytest.mark.parametrize("bad", ["../evil.md", "/etc/passwd", "actors/../../x.md", ""])
def test_paths_cannot_escape(tmp_path: Path, bad: str) -> None:
    out = tmp_path / "out"
    with pytest.raises(RenderError, match="refusing to write outside"):
        write_tree(out, {bad: b"x"})
    assert not (tmp_path / "evil.md").exists()


def test_no_temporary_files_left(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a/b.md": b"x"})
    assert sorted(p.name for p in tmp_path.rglob("*")) == [LOCK, MANIFEST, "a", "b.md"]


# Atomic builds: a failure anywhere leaves the previous output complete.

import os  # noqa: E402
import threading  # noqa: E402

from generator.publish import write  # noqa: E402
from generator.publish.write import JOURNAL, recover  # noqa: E402

OLD = {"index.md": b"old index", "actors/a.md": b"old a", "actors/gone.md": b"gone"}
NEW = {"index.md": b"new index", "actors/a.md": b"new a", "actors/b.md": b"new b", "places/p.md": b"new p"}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _previous(tmp_path: Path) -> dict[str, bytes]:
    (tmp_path / "curating.md").write_text("mine", "utf-8")
    write_tree(tmp_path, OLD)
    return _snapshot(tmp_path)


class Boom(Exception):
    pass


def _fail_on_call(monkeypatch: pytest.MonkeyPatch, name: str, n: int, exc: BaseException) -> None:
    """Make the n-th call of os.<name> inside write.py raise."""
    real = getattr(os, name)
    calls = {"n": 0}

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == n:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(write.os, name, failing)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_failure_while_staging_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    before = _previous(tmp_path)
    _fail_on_call(monkeypatch, "fsync", n, Boom())
    with pytest.raises(Boom):
        write_tree(tmp_path, NEW)
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("n", [1, 17, 40])
def test_failure_while_flushing_many_staged_files_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    """Without `syncfs`, past `FLUSHING` files the flushes run together; any one failing still changes nothing."""
    monkeypatch.setattr(write, "_SYNCFS", None)
    before = _previous(tmp_path)
    many = {f"actors/a{i:02d}.md": f"page {i}".encode() for i in range(40)}
    real, lock, calls = os.fsync, threading.Lock(), {"n": 0}

    def failing(fd: int) -> None:
        with lock:
            calls["n"] += 1
            mine = calls["n"]
        if mine == n:
            raise Boom()
        real(fd)

    monkeypatch.setattr(write.os, "fsync", failing)
    with pytest.raises(Boom):
        write_tree(tmp_path, {**NEW, **many})
    assert _snapshot(tmp_path) == before
    monkeypatch.undo()
    write_tree(tmp_path, {**NEW, **many})
    assert {rel: data for rel, data in _snapshot(tmp_path).items() if rel in many} == many


@pytest.mark.skipif(write._SYNCFS is None, reason="no syncfs here")
def test_many_staged_files_are_flushed_with_one_syncfs_and_its_failure_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _previous(tmp_path)
    many = {f"actors/a{i:02d}.md": f"page {i}".encode() for i in range(40)}
    synced: list[Path] = []
    real, fsyncs = os.fsync, []

    def counted(fd: int) -> None:
        fsyncs.append(fd)
        real(fd)

    def failing(folder: Path) -> None:
        synced.append(folder)
        raise OSError(errno.EIO, "Input/output error", str(folder))

    monkeypatch.setattr(write.os, "fsync", counted)
    monkeypatch.setattr(write, "_syncfs", failing)
    with pytest.raises(OSError, match="Input/output error"):
        write_tree(tmp_path, {**NEW, **many})
    assert _snapshot(tmp_path) == before
    assert synced == [tmp_path]  # one file system: one call, for the first of its folders
    monkeypatch.setattr(write, "_syncfs", synced.append)
    synced.clear()
    write_tree(tmp_path, {**NEW, **many})
    assert {rel: data for rel, data in _snapshot(tmp_path).items() if rel in many} == many
    assert len(synced) == 1
    assert len(fsyncs) < 5  # the journal's and the manifest's own, not one per page


@pytest.mark.parametrize("exc", [Boom(), KeyboardInterrupt()])
@pytest.mark.parametrize("n", [2, 4, 5])
def test_failure_or_ctrl_c_while_committing_rolls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int, exc: BaseException
) -> None:
    before = _previous(tmp_path)
    # os.replace: the journal, then the stale page, then each new page in turn.
    _fail_on_call(monkeypatch, "replace", n, exc)
    with pytest.raises(type(exc)):
        write_tree(tmp_path, NEW)
    assert _snapshot(tmp_path) == before


def test_a_build_killed_mid_commit_is_rolled_back_by_the_next_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _previous(tmp_path)
    _fail_on_call(monkeypatch, "replace", 4, Boom())
    monkeypatch.setattr(write, "_rollback", lambda out, journal: None)  # the process died: no clean-up
    with pytest.raises(Boom):
        write_tree(tmp_path, NEW)
    assert (tmp_path / JOURNAL).exists() and _snapshot(tmp_path) != before
    monkeypatch.undo()
    assert recover(tmp_path) is True
    assert _snapshot(tmp_path) == before
    write_tree(tmp_path, NEW)  # and the next build goes through
    assert _snapshot(tmp_path) == {
        **NEW,
        "curating.md": b"mine",
        MANIFEST: _snapshot(tmp_path)[MANIFEST],
        LOCK: b"",
    }


def test_commit_replaces_all_files_and_leaves_no_backups(tmp_path: Path) -> None:
    _previous(tmp_path)
    report = write_tree(tmp_path, NEW)
    assert report.removed == ("actors/gone.md",)
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(
        [LOCK, MANIFEST, "curating.md", "index.md", "actors", "a.md", "b.md", "places", "p.md"]
    )


def test_a_build_killed_while_dropping_its_backups_leaves_its_own_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal goes before the backups: a rollback from a journal with backups gone would mix builds."""
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    for out in (clean, killed):
        out.mkdir()
        _previous(out)
    write_tree(clean, NEW)
    monkeypatch.setattr(write.Path, "unlink", _dies_on_a_backup(write.Path.unlink))
    with pytest.raises(Boom):
        write_tree(killed, NEW)
    assert not (killed / JOURNAL).exists()
    monkeypatch.undo()
    assert recover(killed) is True  # the backups left behind are removed
    assert _snapshot(killed) == _snapshot(clean)


def _dies_on_a_backup(real: Callable[..., None]) -> Callable[..., None]:
    """Path.unlink that raises on the first backup file it is asked to remove."""

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path.name.endswith(".bak"):
            raise Boom()
        real(path, missing_ok=missing_ok)

    return unlink


def test_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    write_tree(tmp_path, OLD)
    mtimes = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
    report = write_tree(tmp_path, OLD)
    assert report.written == () and {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == mtimes


def test_read_unchanged_gives_the_files_only_as_they_were_written(tmp_path: Path) -> None:
    out = tmp_path / "site_src"
    files = {"index.md": b"# Home\n", "actors/a.md": b"# A\n"}
    write_tree(out, dict(files))
    (out / "notes.md").write_bytes(b"by hand\n")
    digests = [(rel, hashlib.sha256(data).hexdigest()) for rel, data in sorted(files.items())]
    assert read_unchanged(out, digests) == files
    assert read_unchanged(out, [*digests, ("notes.md", hashlib.sha256(b"by hand\n").hexdigest())]) is None
    assert read_unchanged(out, [("../outside.md", "0" * 64)]) is None
    (out / "actors" / "a.md").write_bytes(b"# B\n")
    assert read_unchanged(out, digests) is None
    (out / "actors" / "a.md").unlink()
    assert read_unchanged(out, digests) is None
