"""How dates are written for readers: one home for every display format."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from generator.model import Timex

_YEARS = re.compile(r"^P\d+(?:\.\d+)?Y$")
"""A duration in years ("nine-year war" → P9Y): its ends are known to the year only."""
_MONTHS = re.compile(r"^P\d+(?:\.\d+)?M$")
"""A duration in months: its ends are known to the month only."""

_MODS = {"START": "start of ", "MID": "middle of ", "END": "end of ", "APPROX": "about "}


def day_text(day: dt.date | None) -> str:
    """A day as readers see it: "Mon 17 Feb 2020" (empty for None)."""
    return f"{day:%a} {day.day} {day:%b %Y}" if day else ""


def format_when(t: Timex) -> str:
    """A reader's form of a dated expression, as precise as the text allows."""
    if t.begin is None or t.end is None:
        return t.value
    mod = _MODS.get(t.mod, "")
    b, e = t.begin, t.end
    if t.precision == "day" and b == e:
        return f"{mod}{day_text(b)}" if t.mod == "APPROX" else day_text(b)
    if t.precision == "week":
        monday = b - dt.timedelta(days=b.weekday())
        return f"{mod}the week of {monday.day} {monday:%b %Y}"
    if t.precision == "month":
        month = f"{b:%b %Y}"
        return f"{mod}{month}"
    if t.precision == "year" and b.year == e.year:
        return f"{mod}{b.year}"
    if t.precision == "decade":
        return f"{mod}the {b.year // 10 * 10}s"
    if _YEARS.match(t.value):  # no precision beyond the text: "nine-year war" is about 2011 – 2020
        return f"{mod}{b.year} – {e.year}"
    if _MONTHS.match(t.value):
        return f"{mod}{b:%b %Y} – {e:%b %Y}"
    return f"{mod}{b.day} {b:%b %Y} – {e.day} {e:%b %Y}"


def shown_bounds(t: Timex) -> tuple[dt.date, dt.date] | None:
    """The first and last day a reader is shown: whole years or months when that is all the text says."""
    if t.begin is None or t.end is None:
        return None
    if _YEARS.match(t.value):
        return dt.date(t.begin.year, 1, 1), dt.date(t.end.year, 12, 31)
    if _MONTHS.match(t.value):
        last = (t.end.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return t.begin.replace(day=1), last
    return t.begin, t.end


def value_text(value: str) -> str:
    """A TIMEX3 calendar value as readers write it ("2020-02" → "Feb 2020"); empty for no plain date."""
    parts = value.split("-")
    try:
        if len(parts) == 3 and len(parts[0]) == 4:
            return day_text(dt.date(int(parts[0]), int(parts[1]), int(parts[2])))
        if len(parts) == 2 and len(parts[0]) == 4 and len(parts[1]) == 2:
            return f"{dt.date(int(parts[0]), int(parts[1]), 1):%b %Y}"
        if len(parts) == 1 and len(value) == 4 and value.isdigit():
            return value
    except ValueError:
        return ""
    return ""


_CURATED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def curated_period(value: object) -> tuple[str, dt.date, dt.date, str]:
    """A date as a curator writes it (YYYY-MM-DD, YYYY-MM or YYYY): its text, first and last day, precision.

    Raises ValueError with a message for the curator when it names no day, month or
    year on the calendar ("2020-02-30", "2020-13", "0000") or carries a time of day.
    """
    if isinstance(value, dt.datetime):
        raise ValueError(f"'{value.isoformat()}' has a time of day; write only the date, YYYY-MM-DD")
    if isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 9999:
        text = f"{value:04d}"  # YAML reads an unquoted 0000 as the number 0
    else:
        text = str(value)
    found = _CURATED.fullmatch(text)
    if found is None:
        raise ValueError(f"'{text}' must be YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    try:
        if month is None:
            return text, dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
        if day is None:
            first = dt.date(year, month, 1)
            return text, first, dt.date(year, month, calendar.monthrange(year, month)[1]), "month"
        return text, dt.date(year, month, day), dt.date(year, month, day), "day"
    except ValueError as exc:
        raise ValueError(f"'{text}' is not a date on the calendar ({exc})") from exc
