"""`build --explain`: why names were joined, and the names not listed, as exact text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.model import Actor, Briefing, Place
from generator.publish.explain import explain
from tests.conftest import ROOT
from tests.records import article, mention


def _briefing() -> Briefing:
    art = article("Tim Cook and Timothy D. Cook were in Paris. Prices in USD.", "a")
    cook = Actor(
        "tim-cook",
        "Tim Cook",
        "person",
        ("Timothy D. Cook",),
        (),
        (mention(art, "Tim Cook"), mention(art, "Timothy D. Cook")),
        merged_because=("Tim Cook and Timothy D. Cook: 'Tim' and 'Timothy' are one given name",),
    )
    paris = Place("paris", "Paris", "city", 48.9, 2.4, (), (mention(art, "Paris", "place"),))
    usd = Actor(
        "", "USD", "organisation", (), (), (mention(art, "USD", "organisation"),), unlisted="a currency code"
    )
    return Briefing((art,), (cook,), (paris,), (), (), (), unlisted=(usd,))


def test_explain_lists_each_join_and_each_name_left_out() -> None:
    assert explain(_briefing()) == (
        "actors/tim-cook.md: Tim Cook (person)\n"
        "  merged because Tim Cook and Timothy D. Cook: 'Tim' and 'Timothy' are one given name\n"
        "not listed: USD (organisation): a currency code [a]"
    )


def test_explain_says_when_there_is_nothing_to_explain() -> None:
    b = _briefing()
    quiet = Briefing(b.articles, (), b.places, (), (), ())
    assert explain(quiet) == "nothing merged, nothing left out"


def test_build_explain_prints_it_for_the_seed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [
        "build",
        "--quiet",
        "--seeds",
        str(ROOT / "seeds"),
        "--overrides",
        str(ROOT / "seeds" / "overrides.yml"),
    ]
    assert main([*args, "--out", str(tmp_path / "out"), "--explain"]) == 0
    assert capsys.readouterr().out == (
        "actors/bashar-al-assad.md: Bashar al-Assad (person)\n"
        "  merged because 'Assad' is the surname of Bashar al-Assad in the same article\n"
        "actors/sergei-lavrov.md: Sergei Lavrov (person)\n"
        "  merged because 'Lavrov' is the surname of Sergei Lavrov in the same article\n"
        "actors/united-nations.md: United Nations (organisation)\n"
        "  merged because 'UN' spells 'United Nations', named in the same article\n"
    )
