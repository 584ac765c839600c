"""Phrases from real news text that crashed the tagger or the figure parser, or gave a wrong value (issue 9).

Each case is a short sentence written for the test that takes the same code path
as the article it was found in. The article date is Monday 17 February 2020.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.figures import extract_figures
from generator.extract.timex import tag
from generator.extract.timex.periods import narrow
from generator.model import FigureMention, Timex

MONDAY = dt.date(2020, 2, 17)


def dates(nlp, text: str) -> list[tuple[str, str, str, str | None, str | None]]:  # type: ignore[no-untyped-def]
    """(words, value, mod, begin, end) of every expression, with no fault allowed."""
    tagged = tag(nlp(text), "t", MONDAY)
    assert tagged.faults == ()
    return [_row(t) for t in tagged.timexes]


def _row(t: Timex) -> tuple[str, str, str, str | None, str | None]:
    return (
        t.span.text,
        t.value,
        t.mod,
        t.begin.isoformat() if t.begin else None,
        t.end.isoformat() if t.end else None,
    )


def figures(nlp, text: str) -> list[tuple[str, float | None, float | None, float | None, str]]:  # type: ignore[no-untyped-def]
    """(words, value, low, high, unit) of every figure."""
    return [_figure(f) for f in extract_figures(nlp(text), "t")]


def _figure(f: FigureMention) -> tuple[str, float | None, float | None, float | None, str]:
    return (f.span.text, f.value, f.low, f.high, f.unit)


# Crashes: KeyError 'APPROX' in narrow() (week and month branches), KeyError "new year's",
# StopIteration in the season resolver. Each sentence crashed the whole build before.
CRASHES = [
    (
        "It happened about a week ago.",
        [("about a week ago", "2020-W07", "APPROX", "2020-02-10", "2020-02-16")],
    ),
    (
        "Roughly three weeks later, they left.",
        [("Roughly three weeks later", "2020-W11", "APPROX", "2020-03-09", "2020-03-15")],
    ),
    (
        "Nearly a month ago they came.",
        [("Nearly a month ago", "2020-01", "APPROX", "2020-01-01", "2020-01-31")],
    ),
    ("Sales rose over New Year's.", [("New Year's", "2020-01-01", "", "2020-01-01", "2020-01-01")]),
    ("Sales rose over New Year’s.", [("New Year’s", "2020-01-01", "", "2020-01-01", "2020-01-01")]),
    ("Sales rose in mid-summer.", [("mid-summer", "2019-SU", "MID", "2019-07-01", "2019-07-31")]),
    (
        "The leaves fell in late-autumn 2019.",
        [("late-autumn 2019", "2019-FA", "END", "2019-11-01", "2019-11-30")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CRASHES, ids=[c[0] for c in CRASHES])
def test_phrases_that_crashed_the_build_are_dated(nlp, text: str, expected: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    assert dates(nlp, text) == expected


# Wrong values: each is now right, or left undated when the tagger cannot be sure.
VALUES = [
    # a comparison is a length of time, not a date: it used to be January 2020
    (
        "The season started about a month earlier than usual.",
        [("about a month", "P1M", "APPROX", None, None)],
    ),
    # "about two years ago" is the whole of 2018, not its middle third (APPROX was read as MID)
    (
        "It closed about two years ago.",
        [("about two years ago", "2018", "APPROX", "2018-01-01", "2018-12-31")],
    ),
    # the span was cut to "000 years ago" and dated 2020; ten thousand years ago is off the calendar
    ("The cave was formed 10,000 years ago.", []),
    # "next Christmas" after a past-tense verb was 2019-12-25
    (
        "He said the plant would open next Christmas.",
        [("next Christmas", "2020-12-25", "", "2020-12-25", "2020-12-25")],
    ),
    ("Sales fell last Christmas.", [("last Christmas", "2019-12-25", "", "2019-12-25", "2019-12-25")]),
    # both were today's date; "Mondays" is no day, "the Monday before last" a week before last Monday
    ("He came two Mondays ago.", []),
    (
        "He came the Monday before last.",
        [("Monday before last", "2020-02-03", "", "2020-02-03", "2020-02-03")],
    ),
    (
        "He will come the Friday after next.",
        [("Friday after next", "2020-02-28", "", "2020-02-28", "2020-02-28")],
    ),
    # an impossible day is no date at all, not its month (or its year)
    ("It opened on 31 February.", []),
    ("It opened on 31 February 2019.", []),
    ("It opened on February 29, 2019.", []),
    (
        "It opened on February 29, 2020.",
        [("February 29, 2020", "2020-02-29", "", "2020-02-29", "2020-02-29")],
    ),
    # "this half of 2009" was 2009-H0; it names no half, so only the year is dated
    ("This half of 2009 was bad.", [("2009", "2009", "", "2009-01-01", "2009-12-31")]),
    (
        "The last quarter of 2009 was bad.",
        [("The last quarter of 2009", "2009-Q4", "", "2009-10-01", "2009-12-31")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), VALUES, ids=[c[0] for c in VALUES])
def test_dates_that_were_wrong(nlp, text: str, expected: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    assert dates(nlp, text) == expected


def test_an_approximate_period_is_not_narrowed() -> None:
    week = (dt.date(2020, 2, 10), dt.date(2020, 2, 16))
    month = (dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    year = (dt.date(2018, 1, 1), dt.date(2018, 12, 31))
    for begin, end in (week, month, year):
        assert narrow("APPROX", begin, end) == (begin, end)
    assert narrow("MID", *year) == (dt.date(2018, 4, 1), dt.date(2018, 9, 30))


NUMBERS = [
    # 1,000,000 (only "a million" was read)
    (
        "They spent half a million dollars.",
        [("half a million dollars", 500_000.0, 500_000.0, 500_000.0, "USD")],
    ),
    ("They ate half a dozen eggs.", [("half a dozen", 6.0, 6.0, 6.0, "")]),
    # 1,100,000
    (
        "One hundred thousand million people live there.",
        [("One hundred thousand million", 1e11, 1e11, 1e11, "")],
    ),
    (
        "Two million three hundred thousand people voted.",
        [("Two million three hundred thousand", 2.3e6, 2.3e6, 2.3e6, "")],
    ),
    # low 3, high 2,000,000: no range, and not half of one either
    ("Between 3 and 2 million people came.", []),
    ("Between 5 and 10 million people came.", [("Between 5 and 10 million", None, 5e6, 1e7, "")]),
    # 77 and 5 %
    (
        "Seventy-seven point five percent voted.",
        [("Seventy-seven point five percent", 77.5, 77.5, 77.5, "%")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS, ids=[c[0] for c in NUMBERS])
def test_numbers_that_were_wrong(nlp, text: str, expected: list[tuple]) -> None:  # type: ignore[no-untyped-def]
    assert figures(nlp, text) == expected


def test_a_number_too_large_for_a_float_is_no_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    # briefing.json must hold no Infinity; 400 digits overflow a float
    assert figures(nlp, "They owe " + "9" * 400 + " dollars.") == []
