"""Reading gold annotations: MEANTIME story folders and the fully annotated set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator.model import ACTOR_KINDS
from generator.score.gold import ANNOTATED, GoldArticle, corpora, load_annotated, load_articles, load_gold
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
