"""Reading gold annotations: MEANTIME story folders and the fully annotated set."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.model import ACTOR_KINDS
from generator.score.gold import (
    ANNOTATED,
    REUTERS_ARCHIVE,
    UNSEEN,
    GoldArticle,
    MissingText,
    corpora,
    load_annotated,
    load_articles,
    load_gold,
    unpack_unseen,
)
from generator.score.match import Tagged


def _story(root: Path, name: str, articles: dict[str, tuple[str, str, dict]]) -> Path:
    """A MEANTIME-like story folder: stem → (date line, body, gold)."""
    folder = root / name
    (folder / "gold").mkdir(parents=True)
    for stem, (date, body, gold) in articles.items():
        (folder / f"{stem}.md").write_text(f"---\ntitle: {stem}\n{date}\n---\n{body}", "utf-8")
        (folder / "gold" / f"{stem}.json").write_text(json.dumps(gold), "utf-8")
    return folder


GOLD = {"entities": [], "timexes": [{"start": 0, "end": 6, "text": "Monday"}], "values": []}


def test_gold_is_keyed_by_the_article_id(tmp_path: Path) -> None:
    story = _story(tmp_path, "apple", {"37961": ("date: 2006-04-05", "Monday.", GOLD), "A_b": ("", "x", {})})
    assert load_gold(story) == {"37961": GOLD, "a-b": {}}


def test_only_folders_with_gold_are_corpora(tmp_path: Path) -> None:
    _story(tmp_path, "b", {})
    _story(tmp_path, "a", {})
    (tmp_path / "c").mkdir()
    (tmp_path / "notes.md").write_text("", "utf-8")
    assert [p.name for p in corpora(tmp_path)] == ["a", "b"]
    assert corpora(tmp_path / "missing") == []


def test_articles_carry_date_body_and_gold_in_path_order(tmp_path: Path) -> None:
    _story(tmp_path, "b", {"2": ("date: null", "Later.\n", {})})
    _story(tmp_path, "a", {"1": ("date: 2006-04-05", "Monday.\n---\nstill body", GOLD)})
    (tmp_path / "README.md").write_text("about the corpus", "utf-8")
    assert load_articles(tmp_path) == [
        GoldArticle("a/1", dt.date(2006, 4, 5), "Monday.\n---\nstill body", GOLD),
        GoldArticle("b/2", None, "Later.\n", {}),
    ]


def test_annotated_mentions_are_typed_by_kind(tmp_path: Path) -> None:
    data = {"article": "Seed_000.md", "mentions": [{"start": 4, "end": 15, "kind": "organisation"}]}
    (tmp_path / "seed.json").write_text(json.dumps(data), "utf-8")
    assert load_annotated(tmp_path) == {"seed-000": [Tagged("seed-000", 4, 15, "organisation")]}


def test_the_annotated_set_is_consistent() -> None:
    """Every annotation's offsets give its text, kinds are known, and the set covers six articles."""
    files = sorted(ANNOTATED.glob("*.json"))
    assert len(files) == 6
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        body = (ANNOTATED / data["article"]).read_text("utf-8").split("\n---\n", 1)[1]
        spans = [(m["start"], m["end"]) for m in data["mentions"]]
        assert len(spans) == len(set(spans)), path.name
        for m in data["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"], (path.name, m)
            assert m["kind"] in (*ACTOR_KINDS, "place"), (path.name, m)
        assert "CC BY" in data["license"]
    assert sorted(load_annotated()) == sorted(p.stem for p in files)


def _archive(path: Path, files: dict[str, str]) -> Path:
    """A tar.xz laid out like the Reuters archive: reuters-10k/<name>."""
    with tarfile.open(path, "w:xz") as tar:
        for name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(f"reuters-10k/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def _annotation(folder: Path, name: str, body: str) -> None:
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    mention = {"start": 0, "end": 4, "text": "Iran", "kind": "state", "instance": "iran"}
    data = {"article": name, "body_sha256": digest, "mentions": [mention]}
    (folder / f"{Path(name).stem}.json").write_text(json.dumps(data), "utf-8")


def test_the_unseen_set_is_unpacked_from_the_archive_and_checked(tmp_path: Path) -> None:
    annotations = tmp_path / "ann"
    annotations.mkdir()
    text = "---\ntitle: T\n---\nIran said.\n"
    _annotation(annotations, "reuters-00001.md", "Iran said.\n")
    archive = _archive(tmp_path / "r.tar.xz", {"reuters-00001.md": text, "reuters-00002.md": "other"})
    out = unpack_unseen(annotations, archive, tmp_path / "out")
    assert sorted(p.name for p in out.iterdir()) == ["reuters-00001.md"]
    assert load_annotated(annotations) == {"reuters-00001": [Tagged("reuters-00001", 0, 4, "state", "iran")]}


def test_the_unseen_set_refuses_a_different_text_and_says_when_it_is_missing(tmp_path: Path) -> None:
    annotations = tmp_path / "ann"
    annotations.mkdir()
    _annotation(annotations, "reuters-00001.md", "Iran said.\n")
    with pytest.raises(MissingText, match="not found, so the unseen set"):
        unpack_unseen(annotations, tmp_path / "absent.tar.xz", tmp_path / "out")
    archive = _archive(tmp_path / "r.tar.xz", {"reuters-00001.md": "---\ntitle: T\n---\nIraq said.\n"})
    with pytest.raises(GeneratorError, match="is not the text that was annotated"):
        unpack_unseen(annotations, archive, tmp_path / "out")


def test_the_unseen_set_is_consistent(tmp_path: Path) -> None:
    """Ten articles; offsets give each surface string in the archived text; instances are named."""
    files = sorted(UNSEEN.glob("*.json"))
    assert len(files) == 10
    if not REUTERS_ARCHIVE.is_file():
        pytest.skip(f"{REUTERS_ARCHIVE} is not available")
    folder = unpack_unseen(UNSEEN, REUTERS_ARCHIVE, tmp_path)
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        assert "body" not in data and "text" not in data  # never the article's text
        body = (folder / data["article"]).read_text("utf-8").split("\n---\n", 1)[1]
        for m in data["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"], (path.name, m)
            assert m["kind"] in (*ACTOR_KINDS, "place") and m["instance"], (path.name, m)
