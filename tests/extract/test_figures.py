"""Tests for `generator.extract.figures`: small cases and the seed article (MEANTIME scores: tests/score)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.figures import extract_figures
from generator.model import FigureMention

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b1945a7aff149b57.txt"


def figures(nlp, text: str, exclude: tuple[tuple[int, int], ...] = ()) -> tuple[FigureMention, ...]:  # type: ignore[no-untyped-def]
    """Figures of one text, as the extractor returns them."""
    return extract_figures(nlp(text), "t", exclude)


def only(nlp, text: str, span: str) -> FigureMention:  # type: ignore[no-untyped-def]
    """The figure whose span text is `span`, failing with what was found instead."""
    found = [f for f in figures(nlp, text) if f.span.text == span]
    assert found, f"{span!r} not among {[f.span.text for f in figures(nlp, text)]}"
    return found[0]


# (sentence, span text of the figure, the fields to check)
CASES = [
    ("The company raised $1.5 billion from investors.", "$1.5 billion", dict(value=1.5e9, unit="USD")),
    ("Tickets cost 99 dollars each.", "99 dollars", dict(value=99, low=99, high=99, unit="USD")),
    ("The iPod shuffle costs $99 (USD).", "$99", dict(value=99, unit="USD")),
    ("Wall Street expected just 77 cents.", "77 cents", dict(value=0.77, unit="USD")),
    ("The fine was €5m.", "€5m", dict(value=5e6, unit="EUR")),
    ("The project cost £3.2bn.", "£3.2bn", dict(value=3.2e9, unit="GBP")),
    ("The project so far is #8.4 bn over budget.", "#8.4 bn", dict(value=8.4e9, unit="GBP")),
    ("They paid 9.9 billion yuan for the jets.", "9.9 billion yuan", dict(value=9.9e9, unit="CNY")),
    ("Police seized cocaine worth $250m.", "$250m", dict(value=2.5e8, unit="USD")),
    ("The service had 1.2m users.", "1.2m", dict(value=1.2e6, unit="", counts="users")),
    ("Unemployment rose to 5.5 per cent.", "5.5 per cent", dict(value=5.5, unit="%")),
    ("Mac sales increased 22 percent last quarter.", "22 percent", dict(value=22, unit="%")),
    ("iTunes held 70% of the market.", "70%", dict(value=70, unit="%", counts="market")),
    (
        "Darat Izza is about 30km north of Aleppo.",
        "about 30km",
        dict(value=30, low=30, high=30, unit="km", qualifier="about", counts="north of Aleppo"),
    ),
    ("It has a 3.5-inch display.", "3.5-inch", dict(value=3.5, unit="in", counts="display")),
    ("Police seized 3.5 tonnes of cocaine.", "3.5 tonnes", dict(value=3.5, unit="t", counts="cocaine")),
    ("The range is 8,000 nautical miles.", "8,000 nautical miles", dict(value=8000, unit="nmi")),
    ("The 60GB iPod plays video.", "60GB", dict(value=60, unit="GB", counts="iPod plays")),
    ("Both run at 2 GHz.", "2 GHz", dict(value=2, unit="GHz")),
    (
        "Up to 5 people were injured.",
        "Up to 5",
        dict(value=5, low=None, high=5, qualifier="up to", counts="people injured"),
    ),
    ("Forty-five people were arrested.", "Forty-five", dict(value=45, counts="people arrested")),
    ("A million people marched.", "A million", dict(value=1e6, counts="people marched")),
    ("They bought a score of jets.", "a score", dict(value=20, counts="jets")),
    (
        "More than a dozen rockets hit the town.",
        "More than a dozen",
        dict(value=12, low=12, high=None, qualifier="more than", counts="rockets hit"),
    ),
    (
        "Some 400 workers went on strike.",
        "Some 400",
        dict(value=400, qualifier="about", counts="workers went"),
    ),
    (
        "It employs over 2,400 people.",
        "over 2,400",
        dict(value=2400, low=2400, high=None, qualifier="more than"),
    ),
    ("Nearly 300 people were hurt.", "Nearly 300", dict(value=300, low=None, high=300, qualifier="nearly")),
    ("Almost 40 families fled.", "Almost 40", dict(value=40, low=None, high=40, qualifier="almost")),
    (
        "At least 12 children died.",
        "At least 12",
        dict(value=12, low=12, high=None, qualifier="at least", counts="children died"),
    ),
    ("Fewer than 20 remain.", "Fewer than 20", dict(value=20, low=None, high=20, qualifier="less than")),
    ("Approximately 4,300 jobs will go.", "Approximately 4,300", dict(value=4300, qualifier="about")),
    ("Scores of people were killed.", "Scores", dict(value=None, low=40, high=99, counts="people killed")),
    (
        "Several hundred were wounded.",
        "Several hundred",
        dict(value=None, low=300, high=999, counts="wounded"),
    ),
    (
        "Tens of thousands of protesters gathered.",
        "Tens of thousands",
        dict(value=None, low=20_000, high=99_999, counts="protesters gathered"),
    ),
    (
        "Thousands of troops arrived.",
        "Thousands",
        dict(value=None, low=2000, high=9999, counts="troops arrived"),
    ),
    ("Millions of dollars were spent.", "Millions of dollars", dict(value=None, low=2e6, unit="USD")),
    (
        "Costs could run into a few hundred million dollars.",
        "a few hundred million dollars",
        dict(value=None, low=2e8, high=5e8, unit="USD"),
    ),
    (
        "About half of the staff left.",
        "About half",
        dict(value=50, unit="%", qualifier="about", counts="staff left"),
    ),
    ("Two-thirds of voters agreed.", "Two-thirds", dict(value=pytest.approx(66.67, abs=0.01), unit="%")),
    (
        "Between 10 and 20 soldiers died.",
        "Between 10 and 20",
        dict(value=None, low=10, high=20, qualifier="", counts="soldiers died"),
    ),
    ("It will seat 200 to 300 people.", "200 to 300", dict(value=None, low=200, high=300, counts="people")),
    ("Growth was 15-20% a year.", "15-20%", dict(value=None, low=15, high=20, unit="%")),
    ("Two or three villages burned.", "Two or three", dict(value=None, low=2, high=3)),
    (
        "It cost between $12 million and $20 million.",
        "between $12 million and $20 million",
        dict(value=None, low=1.2e7, high=2e7, unit="USD"),
    ),
    ("The air strikes forced two hospitals to close.", "two", dict(value=2, counts="hospitals")),
    (
        "Turkey sent hundreds of convoys of military equipment.",
        "hundreds",
        dict(low=200, high=999, counts="convoys of military equipment"),
    ),
    ("More than 40,000 have been displaced.", "More than 40,000", dict(value=40000, counts="displaced")),
    ("Boeing has received five orders from two customers.", "five", dict(value=5, counts="orders")),
    ("Airbus will cut 10,000 jobs.", "10,000", dict(value=10000, counts="jobs")),
    ("Germany 500 jobs will go.", "500", dict(value=500)),
    ("The screen runs at 320x240.", "320x240", dict(value=None, low=None, high=None)),
]


@pytest.mark.parametrize(("sentence", "span", "expected"), CASES, ids=[c[1] for c in CASES])
def test_case(nlp, sentence: str, span: str, expected: dict) -> None:  # type: ignore[no-untyped-def]
    """Each sentence yields the figure with the expected fields."""
    figure = only(nlp, sentence, span)
    got = {key: getattr(figure, key) for key in expected}
    assert got == expected


NOT_FIGURES = [
    "Apple released iPhone 2.0 and the M5 highway reopened.",
    "Boeing 787 and Airbus A380 jets landed.",
    "Windows 7 and version 3 were released.",
    "The man, aged 45, was arrested in 2012.",
    "Papermaster, 49, had left the company.",
    "Jobs died at the age of 56.",
    "He finished 3rd for the first time after four days of a nine-year war.",
    "The meeting starts at 10 a.m. on June 24.",
    "The 45-year-old man fled the 30-day siege.",
    "The score was 3-1 in the 2014-15 season of the 24/7 service.",
    "One of the founders spoke.",
    "Apple launched the iPhone 3G and iLife '11.",
    "Air France Flight 447 crashed.",
    "It became the No. 1 music seller.",
    "The plane seats passengers in a three-class configuration.",
    "The Boeing 737-800 has the best reliability, and the 737-800 range sells well.",
    "Boeing's 787 flew; the 787 will enter service soon.",
    "The war raged between 2012 and 2016 under a 2018 agreement, and ends around 2020.",
    "The kernel shipped with Mac OS X, version 10.4, over USB 1.1.",
    "Its serial number is 001.",
    "Boeing delivered 737s in the 1990s.",
]


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_a_figure(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    """Years, dates, durations, ages, ordinals, codes and names are not figures."""
    assert [f.span.text for f in figures(nlp, sentence)] == []


def test_conversion_in_brackets_counts_the_same(nlp) -> None:  # type: ignore[no-untyped-def]
    """A converted figure in brackets says what the first one counts."""
    found = figures(nlp, "The freighter will carry 150 tons of cargo (136 tonnes of cargo).")
    assert [(f.span.text, f.unit, f.counts) for f in found] == [
        ("150 tons", "t", "cargo"),
        ("136 tonnes", "t", "cargo"),
    ]
    money = figures(nlp, "Boeing lost a US$40 billion (GB #20.1 billion) contract.")
    assert [(f.span.text, f.value, f.unit, f.counts) for f in money] == [
        ("US$40 billion", 4e10, "USD", "contract"),
        ("GB #20.1 billion", 2.01e10, "GBP", "contract"),
    ]


def test_exclude_drops_overlapping_figures(nlp) -> None:  # type: ignore[no-untyped-def]
    """A figure overlapping an excluded (temporal) span is dropped; others stay."""
    text = "Police arrested 12 suspects and 30 others."
    assert [f.span.text for f in figures(nlp, text)] == ["12", "30"]
    assert [f.span.text for f in figures(nlp, text, ((16, 18),))] == ["30"]


def test_spans_point_into_the_body_in_order(nlp) -> None:  # type: ignore[no-untyped-def]
    """Every span is the body text at its offsets, and figures come in body order."""
    body = SEED.read_text(encoding="utf-8")
    found = extract_figures(nlp(body), "seed")
    assert found
    assert all(f.span.article == "seed" and body[f.span.start : f.span.end] == f.span.text for f in found)
    assert [f.span.start for f in found] == sorted(f.span.start for f in found)


EDGES = [
    "",
    "\n",
    "5",
    "$",
    "#1",
    "half",
    "few hundred",
    "between 5 and",
    "forty-",
    "5-",
    "$ 5 m",
    "5m.",
    "dozens of",
    "2 and a half",
    "1,000,000,000,000,000",
    ".5",
    "320x240x3",
    "10%-20%",
    "No.",
    "5\n6\n7",
]


@pytest.mark.parametrize("text", EDGES)
def test_odd_text_keeps_the_invariants(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    """Fragments never raise; spans are the text at their offsets and low <= high."""
    for figure in figures(nlp, text):
        assert figure.span.text and text[figure.span.start : figure.span.end] == figure.span.text
        assert figure.low is None or figure.high is None or figure.low <= figure.high


def test_seed_article(nlp) -> None:  # type: ignore[no-untyped-def]
    """The seed article's figures, in order, with what they count."""
    body = SEED.read_text(encoding="utf-8")
    found = extract_figures(nlp(body), "seed")
    assert [(f.span.text, f.value, f.low, f.high, f.unit, f.qualifier, f.counts) for f in found] == [
        ("dozens", None, 24, 99, "", "", "towns"),
        ("two", 2, 2, 2, "", "", "biggest cities"),
        ("about 30km", 30, 30, 30, "km", "about", "north of Aleppo city"),
        ("several", None, 3, 9, "", "", "civilians"),
        ("two", 2, 2, 2, "", "", "hospitals"),
        ("dozens", None, 24, 99, "", "", "towns and villages"),
        ("hundreds of thousands", None, 200_000, 999_999, "", "", "Syrian civilians fleeing"),
        ("more than 875,000", 875_000, 875_000, None, "", "more than", "Syrians fled"),
        ("More than 40,000", 40_000, 40_000, None, "", "more than", "displaced"),
        ("several", None, 3, 9, "", "", "demands"),
        ("dozens", None, 24, 99, "", "", "towns"),
        ("thousands", None, 2000, 9999, "", "", "troops"),
        ("hundreds", None, 200, 999, "", "", "convoys of military equipment"),
    ]
