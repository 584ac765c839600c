"""The temporal tagger's calendar arithmetic, on dates alone: shifting, periods, seasons, lengths, numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.timex.periods import (
    Period,
    add_months,
    half,
    month_end,
    narrow,
    period,
    range_value,
    season,
    shift,
)
from generator.extract.timex.words import number

D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2020-02-17", 0, "2020-02-17"),
        ("2020-01-31", 1, "2020-02-29"),  # clamped to a leap February
        ("2019-01-31", 1, "2019-02-28"),
        ("2020-03-31", -1, "2020-02-29"),
        ("2020-12-15", 1, "2021-01-15"),
        ("2020-01-15", -1, "2019-12-15"),
        ("2020-02-29", 12, "2021-02-28"),
        ("2020-05-31", -13, "2019-04-30"),
        ("2020-02-17", -120, "2010-02-17"),
    ],
)
def test_add_months(day: str, months: int, expected: str) -> None:
    assert add_months(D(day), months) == D(expected)


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (-4, "day", "2020-02-13"),  # "the last four days"
        (1.5, "day", "2020-02-19"),
        (1, "week", "2020-02-24"),
        (0.5, "week", "2020-02-21"),
        (-1, "fortnight", "2020-02-03"),
        (1, "weekend", "2020-02-24"),
        (1, "month", "2020-03-17"),
        (-1, "quarter", "2019-11-17"),
        (-9, "year", "2011-02-17"),  # "the nine-year war"
        (0.5, "year", "2020-08-17"),
        (-1, "decade", "2010-02-17"),
        (1, "century", "2120-02-17"),
        (5, "hour", "2020-02-17"),  # clock units round to days
        (48, "hour", "2020-02-19"),
        (-24, "hour", "2020-02-16"),
        (30, "minute", "2020-02-17"),
        (90, "second", "2020-02-17"),
    ],
)
def test_shift_from_monday_17_february_2020(amount: float, unit: str, expected: str) -> None:
    assert shift(D("2020-02-17"), amount, unit) == D(expected)


def test_shift_by_months_clamps_the_day() -> None:
    assert shift(D("2020-01-31"), 1, "month") == D("2020-02-29")
    assert shift(D("2020-02-29"), -1, "year") == D("2019-02-28")


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [
        (2020, 2, 29),
        (2019, 2, 28),
        (2000, 2, 29),
        (1900, 2, 28),
        (2020, 4, 30),
        (2020, 12, 31),
        (2021, 1, 31),
    ],
)
def test_month_end(year: int, month: int, last: int) -> None:
    assert month_end(year, month) == dt.date(year, month, last)


@pytest.mark.parametrize(
    ("unit", "day", "expected"),
    [
        ("day", "2020-02-17", ("2020-02-17", "2020-02-17", "2020-02-17", "day")),
        ("week", "2020-02-17", ("2020-W08", "2020-02-17", "2020-02-23", "week")),
        ("week", "2020-02-23", ("2020-W08", "2020-02-17", "2020-02-23", "week")),  # Sunday ends the week
        ("week", "2019-12-30", ("2020-W01", "2019-12-30", "2020-01-05", "week")),  # the ISO year
        ("weekend", "2020-02-17", ("2020-W08-WE", "2020-02-22", "2020-02-23", "week")),
        ("month", "2020-02-17", ("2020-02", "2020-02-01", "2020-02-29", "month")),
        ("month", "2019-12-31", ("2019-12", "2019-12-01", "2019-12-31", "month")),
        ("quarter", "2020-02-17", ("2020-Q1", "2020-01-01", "2020-03-31", "quarter")),
        ("quarter", "2020-11-05", ("2020-Q4", "2020-10-01", "2020-12-31", "quarter")),
        ("year", "2020-02-17", ("2020", "2020-01-01", "2020-12-31", "year")),
        ("decade", "2020-02-17", ("202", "2020-01-01", "2029-12-31", "decade")),
        ("decade", "1995-06-01", ("199", "1990-01-01", "1999-12-31", "decade")),
        ("century", "2020-02-17", ("2020", "2020-01-01", "2020-12-31", "year")),  # no wider period: the year
    ],
)
def test_period_holding_a_day(unit: str, day: str, expected: tuple[str, str, str, str]) -> None:
    value, begin, end, precision = expected
    assert period(unit, D(day)) == Period(value, D(begin), D(end), precision)


@pytest.mark.parametrize(
    ("code", "year", "expected"),
    [
        ("SP", 2020, ("2020-SP", "2020-03-01", "2020-05-31")),
        ("SU", 2020, ("2020-SU", "2020-06-01", "2020-08-31")),
        ("FA", 2020, ("2020-FA", "2020-09-01", "2020-11-30")),
        ("WI", 2019, ("2019-WI", "2019-12-01", "2020-02-29")),  # winter runs into a leap February
        ("WI", 2020, ("2020-WI", "2020-12-01", "2021-02-28")),
    ],
)
def test_season(code: str, year: int, expected: tuple[str, str, str]) -> None:
    value, begin, end = expected
    assert season(code, year) == Period(value, D(begin), D(end), "quarter")


@pytest.mark.parametrize(
    ("which", "expected"),
    [(1, ("2020-H1", "2020-01-01", "2020-06-30")), (2, ("2020-H2", "2020-07-01", "2020-12-31"))],
)
def test_half_year(which: int, expected: tuple[str, str, str]) -> None:
    value, begin, end = expected
    assert half(which, 2020) == Period(value, D(begin), D(end), "quarter")


@pytest.mark.parametrize(
    ("mod", "begin", "end", "expected"),
    [
        ("START", "2020-02-17", "2020-02-23", ("2020-02-17", "2020-02-19")),  # a week: Mon to Wed
        ("MID", "2020-02-17", "2020-02-23", ("2020-02-19", "2020-02-21")),
        ("END", "2020-02-17", "2020-02-23", ("2020-02-21", "2020-02-23")),  # Fri to Sun
        ("START", "2020-02-01", "2020-02-29", ("2020-02-01", "2020-02-10")),
        ("MID", "2020-02-01", "2020-02-29", ("2020-02-11", "2020-02-20")),
        ("END", "2020-02-01", "2020-02-29", ("2020-02-21", "2020-02-29")),
        ("START", "2020-01-01", "2020-12-31", ("2020-01-01", "2020-03-31")),  # "the start of the year"
        ("MID", "2020-01-01", "2020-12-31", ("2020-04-01", "2020-09-30")),
        ("END", "2020-01-01", "2020-12-31", ("2020-10-01", "2020-12-31")),
        ("START", "2020-01-01", "2020-03-31", ("2020-01-01", "2020-01-31")),  # a quarter: by months
        ("MID", "2020-01-01", "2020-03-31", ("2020-02-01", "2020-02-29")),
        ("START", "2010-01-01", "2019-12-31", ("2010-01-01", "2012-12-31")),  # a decade: three years
        ("END", "2010-01-01", "2019-12-31", ("2017-01-01", "2019-12-31")),
        ("END", "2020-02-17", "2020-02-17", ("2020-02-17", "2020-02-17")),  # a day cannot narrow
    ],
)
def test_narrow(mod: str, begin: str, end: str, expected: tuple[str, str]) -> None:
    assert narrow(mod, D(begin), D(end)) == (D(expected[0]), D(expected[1]))


@pytest.mark.parametrize(
    ("first", "last", "precision", "value"),
    [
        ("2012-01-01", "2016-01-01", "year", "P4Y"),  # "between 2012 and 2016"
        ("1990-01-01", "2010-01-01", "decade", "P20Y"),
        ("2019-11-01", "2020-02-01", "month", "P3M"),
        ("2020-01-01", "2020-07-01", "quarter", "P6M"),
        ("2019-12-01", "2020-02-17", "day", "P78D"),  # "since December 1st"
        ("2020-02-03", "2020-02-17", "week", "P14D"),
        ("2020-02-17", "2020-02-17", "day", "P0D"),
    ],
)
def test_range_value(first: str, last: str, precision: str, value: str) -> None:
    assert range_value(D(first), D(last), precision) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4", 4),
        ("12", 12),
        ("2.5", 2.5),
        ("four", 4),
        ("Four", 4),
        (" four ", 4),
        ("nineteen", 19),
        ("twenty-one", 21),
        ("ninety-nine", 99),
        ("hundred", 100),
        ("a", 1),
        ("an", 1),
        ("a couple of", 2),
        ("half a", 0.5),
        ("two and a half", 2.5),
        ("3 and a half", 3.5),
        ("ten  and a half", 10.5),
        # vague or not a number: None, which a duration writes as X ("several years" is PXY)
        ("several", None),
        ("a few", None),
        ("", None),
        ("twenty one", None),
        ("4th", None),
        ("1,000", None),
        ("-3", None),
    ],
)
def test_number(text: str, value: float | None) -> None:
    assert number(text) == value
