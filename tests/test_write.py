"""Writing the output tree: hand-written pages survive, stale pages go, paths stay inside."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import RenderError
from generator.write import MANIFEST, write_tree


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
    assert sorted(p.name for p in tmp_path.rglob("*")) == [MANIFEST, "a", "b.md"]
