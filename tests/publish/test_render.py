"""How dated expressions are shown to readers."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.dates import format_when
from generator.model import Span, Timex

D = dt.date


@pytest.mark.parametrize(
    ("precision", "mod", "begin", "end", "shown"),
    [
        ("day", "", D(2020, 2, 17), D(2020, 2, 17), "Mon 17 Feb 2020"),
        ("week", "END", D(2020, 2, 21), D(2020, 2, 23), "end of the week of 17 Feb 2020"),
        ("month", "END", D(2020, 2, 21), D(2020, 2, 29), "end of Feb 2020"),
        ("year", "", D(2018, 1, 1), D(2018, 12, 31), "2018"),
        ("year", "START", D(2020, 1, 1), D(2020, 3, 31), "start of 2020"),
        ("decade", "", D(1990, 1, 1), D(1999, 12, 31), "the 1990s"),
        ("range", "APPROX", D(2011, 2, 17), D(2020, 2, 17), "about 17 Feb 2011 – 17 Feb 2020"),
        ("range", "", D(2020, 2, 13), D(2020, 2, 17), "13 Feb 2020 – 17 Feb 2020"),
        ("", "", None, None, "PRESENT_REF"),
    ],
)
def test_format_when(
    precision: str, mod: str, begin: dt.date | None, end: dt.date | None, shown: str
) -> None:
    value = "PRESENT_REF" if begin is None else "x"
    timex = Timex(Span("a", 0, 1, "x"), "DATE", value, mod, begin, end, precision, "")
    assert format_when(timex) == shown
