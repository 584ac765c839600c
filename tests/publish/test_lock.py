"""One writer at a time, and nothing half-written published (issue 9).

Two builds on one output folder: the second used to take the first one's live
journal for an interrupted build and roll it back. Builds killed while staging
left temporary files for ever; killed while committing, `mkdocs build`
published the half-committed mix. Other processes are real processes here:
`flock` locks belong to open files, and the kernel drops those of the dead.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator.errors import WriteError
from generator.publish import write
from generator.publish.write import JOURNAL, LOCK, MANIFEST, locked, recover, settle, write_tree
from tests.conftest import ROOT

OLD = {"index.md": b"old index", "actors/a.md": b"old a", "actors/gone.md": b"gone"}
NEW = {"index.md": b"new index", "actors/a.md": b"new a", "actors/b.md": b"new b"}

HOLD = textwrap.dedent(
    """
    import fcntl, os, sys, time
    fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    """
)


def _hold(out: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process holding the output folder's lock for `seconds`."""
    out.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(out / LOCK), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    return holder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_second_build_gives_up_naming_the_one_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site_src"
    write_tree(out, OLD)
    before = _snapshot(out)
    monkeypatch.setattr(write, "LOCK_WAIT", 0.3)
    holder = _hold(out, 30)
    try:
        with pytest.raises(WriteError) as caught:
            write_tree(out, NEW)
    finally:
        holder.kill()
        holder.wait()
    assert str(caught.value) == (
        f"another build is writing {out} (pid {holder.pid}); try again when it has finished"
    )
    assert _snapshot(out) == before


def test_a_second_build_waits_for_the_first_to_finish(tmp_path: Path) -> None:
    out = tmp_path / "site_src"
    holder = _hold(out, 0.5)
    started = time.monotonic()
    write_tree(out, NEW)
    assert time.monotonic() - started >= 0.3  # it waited rather than writing alongside
    holder.wait()
    assert {k: v for k, v in _snapshot(out).items() if k not in (MANIFEST, LOCK)} == NEW


def test_the_lock_of_a_killed_build_is_taken_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "site_src"
    monkeypatch.setattr(write, "LOCK_WAIT", 0.3)
    holder = _hold(out, 30)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    (out / LOCK).write_text("4194305\n", "utf-8")  # a pid no process has, as an old lock file might hold
    write_tree(out, NEW)  # at once: the kernel released the dead process's lock
    assert {k: v for k, v in _snapshot(out).items() if k not in (MANIFEST, LOCK)} == NEW


def _build_many(out: str, files: dict[str, bytes], times: int) -> None:
    for _ in range(times):
        write_tree(Path(out), files)


def test_two_builds_at_once_leave_exactly_one_of_them(tmp_path: Path) -> None:
    out = tmp_path / "site_src"
    write_tree(out, OLD)
    context = multiprocessing.get_context("fork")
    builds = [
        context.Process(target=_build_many, args=(str(out), files, 15))
        for files in (OLD, {**NEW, "places/p.md": b"p"})
    ]
    for build in builds:
        build.start()
    for build in builds:
        build.join(60)
        assert build.exitcode == 0
    pages = {k: v for k, v in _snapshot(out).items() if k not in (MANIFEST, LOCK)}
    assert pages in (OLD, {**NEW, "places/p.md": b"p"})
    assert json.loads((out / MANIFEST).read_text("utf-8"))["files"] == sorted(pages)
    assert not (out / JOURNAL).exists()


def test_recover_removes_what_a_build_killed_while_staging_left(tmp_path: Path) -> None:
    out = tmp_path / "site_src"
    write_tree(out, OLD)
    token = "0123456789abcdef0123456789abcdef"
    left = [
        out / f".index.md.{token}.tmp",
        out / "actors" / f".b.md.{token}.tmp",
        out / f".{JOURNAL}.k2x_9qzt.tmp",  # atomic_write's temporary journal
    ]
    for path in left:
        path.write_bytes(b"half")
    (out / ".notes.md").write_text("a hand-written dotfile", "utf-8")
    assert recover(out) is True
    assert not any(p.exists() for p in left)
    assert (out / ".notes.md").exists()
    assert recover(out) is False


def _killed_mid_commit(out: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Build OLD, then a build of NEW that dies with two of its pages committed; return OLD's files."""
    write_tree(out, OLD)
    before = _snapshot(out)
    calls = {"n": 0}
    real = os.replace

    def dies(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise SystemExit("killed")
        real(src, dst)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(write.os, "replace", dies)
        patched.setattr(write, "_rollback", lambda out, journal: None)  # dead: no clean-up
        with pytest.raises(SystemExit):
            write_tree(out, NEW)
    assert (out / JOURNAL).exists() and _snapshot(out) != before
    return before


MKDOCS_YML = """site_name: Lock test
docs_dir: site_src
site_dir: site
strict: true
hooks:
  - generator/mkdocs_hooks.py
"""


def test_mkdocs_build_rolls_back_a_half_committed_build_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, "utf-8")
    (tmp_path / "generator").symlink_to(ROOT / "generator")
    out = tmp_path / "site_src"
    before = _killed_mid_commit(out, monkeypatch)
    mkdocs = Path(sys.executable).parent / "mkdocs"
    done = subprocess.run(
        [str(mkdocs), "build", "-q"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert _snapshot(out) == before  # rolled back before MkDocs read a page
    site = tmp_path / "site"
    assert (site / "index.html").read_text("utf-8").count("old index") == 1
    assert (site / "actors" / "gone" / "index.html").exists()
    assert not (site / "actors" / "b" / "index.html").exists()
    assert not list(site.rglob(".briefing*"))  # the lock, manifest and journal are never published


def test_mkdocs_build_refuses_while_a_build_is_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site_src"
    write_tree(out, OLD)
    monkeypatch.setattr(write, "LOCK_WAIT", 0.3)
    holder = _hold(out, 30)
    try:
        with pytest.raises(WriteError, match=rf"another build is writing {out} \(pid {holder.pid}\)"):
            settle(out)
    finally:
        holder.kill()
        holder.wait()
    settle(out)  # and goes through once it has finished


def test_a_read_only_folder_is_published_as_it_is_unless_a_build_died_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site_src"
    write_tree(out, OLD)
    monkeypatch.setattr(write.os, "access", lambda path, mode: False)
    settle(out)
    (out / JOURNAL).write_text("{}", "utf-8")
    with pytest.raises(WriteError, match="interrupted while writing, and the folder is read-only"):
        settle(out)


def test_a_failing_clean_up_does_not_hide_the_first_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site_src"

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    def cannot_clean(folder: Path, top: Path) -> None:
        raise PermissionError(13, "Permission denied", str(folder))

    monkeypatch.setattr(write, "_write_file", refuse)
    monkeypatch.setattr(write, "_prune", cannot_clean)
    with pytest.raises(PermissionError) as caught:
        write_tree(out, {"actors/x.md": b"x"})
    name = Path(caught.value.filename).name  # the staging error, not the clean-up's
    assert name.startswith(".x.md.") and name.endswith(".tmp")


def test_a_lock_that_cannot_be_created_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.open

    def read_only(path: object, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(LOCK):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, flags, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(write.os, "open", read_only)
    with pytest.raises(WriteError) as caught, locked(tmp_path):
        pass
    assert str(caught.value) == f"{tmp_path}: cannot write (Permission denied)"
