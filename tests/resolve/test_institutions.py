"""The curated institutions: short forms, a state before a national institution's name, acronyms as written."""

from __future__ import annotations

import pytest
import yaml

from generator.errors import GeneratorError
from generator.resolve import institutions


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Fed", "Federal Reserve"),
        ("the Fed", "Federal Reserve"),
        ("Federal Reserve Board", "Federal Reserve"),
        ("U.S. Federal Reserve", "Federal Reserve"),
        ("United States Federal Reserve", "Federal Reserve"),
        ("US Federal Reserve", "Federal Reserve"),
        ("Dow", "Dow Jones Industrial Average"),
        ("Dow Jones", "Dow Jones Industrial Average"),
        ("Dow Industrials", "Dow Jones Industrial Average"),
        ("S&P", "Standard & Poor's"),
        ("Standard and Poor's", "Standard & Poor's"),
        ("S&P 500", "S&P 500"),
        ("ECB", "European Central Bank"),
        ("Nato", "North Atlantic Treaty Organization"),
        ("WHO", "World Health Organization"),
    ],
)
def test_short_forms_name_their_institution(name: str, canonical: str) -> None:
    found = institutions.lookup(name)
    assert found is not None and found.name == canonical


@pytest.mark.parametrize(
    "name",
    [
        "Japanese Federal Reserve",  # the Federal Reserve is the United States'
        "Who",  # an acronym matches only as written
        "the Who",
        "Dow Chemical",
        "Dow Jones & Co",  # the publisher, not the index
        "Fedex",
        "Apple",
    ],
)
def test_other_names_are_not_curated(name: str) -> None:
    assert institutions.lookup(name) is None


def test_every_country_in_the_data_file_is_a_gazetteer_country() -> None:
    institutions._table.cache_clear()
    assert institutions._table().folded  # loading checks each entry's country


def test_a_name_given_to_two_institutions_is_an_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "institutions.yml"
    path.write_text(
        yaml.safe_dump({"Federal Reserve": {"names": ["Fed"]}, "Fedora": {"names": ["FED", "fed"]}})
    )
    monkeypatch.setattr(institutions, "DATA_FILE", path)
    institutions._table.cache_clear()
    try:
        with pytest.raises(GeneratorError, match="'fed' names both 'Federal Reserve' and 'Fedora'"):
            institutions._table()
    finally:
        institutions._table.cache_clear()


def test_an_unknown_country_is_an_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "institutions.yml"
    path.write_text("Bank of Atlantis:\n  country: Atlantis\n  names: [BoA]\n")
    monkeypatch.setattr(institutions, "DATA_FILE", path)
    institutions._table.cache_clear()
    try:
        with pytest.raises(GeneratorError, match="'Bank of Atlantis': 'Atlantis' is not a country's name"):
            institutions._table()
    finally:
        institutions._table.cache_clear()
