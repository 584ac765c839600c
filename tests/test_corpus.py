"""The 30 MEANTIME Apple articles (Wikinews, CC BY 2.5; annotations CC BY 4.0): a real multi-article build."""

from __future__ import annotations

import json

import jsonschema
import pytest

from generator.read.overrides import Overrides
from generator.read.seeds import read_seeds
from generator.score.entities import identity_scores
from generator.score.gold import load_gold
from tests.conftest import MEANTIME, ROOT
from tests.test_site import mkdocs_build

SCHEMA = json.loads((ROOT / "generator" / "publish" / "schema" / "briefing.schema.json").read_text("utf-8"))


@pytest.mark.slow
def test_apple_export_is_valid(apple_site) -> None:  # type: ignore[no-untyped-def]
    root, result = apple_site
    data = json.loads((root / "site_src" / "data" / "briefing.json").read_text("utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert len(data["articles"]) == 30
    assert all(a["date"] for a in data["articles"])
    assert result.warnings == ()


def test_undated_articles_are_reported() -> None:
    result = read_seeds(MEANTIME / "airbus", Overrides("none.yml"))
    assert len(result.articles) == 30 and result.errors == ()
    assert [w.split(":")[0].rsplit("/", 1)[1] for w in result.warnings] == ["78496.md", "8951.md"]
    assert all("no publication date; relative dates stay unresolved" in w for w in result.warnings)


@pytest.mark.slow
def test_apple_builds_strict(apple_site) -> None:  # type: ignore[no-untyped-def]
    root, _result = apple_site
    completed = mkdocs_build(root)
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr


@pytest.mark.slow
def test_recurring_actors_get_one_page(apple_site) -> None:  # type: ignore[no-untyped-def]
    _root, result = apple_site
    jobs = [a for a in result.briefing.actors if "Jobs" in (a.name, *a.aliases)]
    assert [a.name for a in jobs] == ["Steve Jobs"]
    assert len({m.span.article for m in jobs[0].mentions}) >= 10
    scores = identity_scores(result.briefing, load_gold(MEANTIME / "apple"))
    print(f"\napple cross-document identity: {scores}")
    assert scores.recurring >= 4
    assert scores.single_page == scores.recurring  # Apple Computer, Apple Inc. and Apple: one page
    assert scores.mixed_pages == 0
