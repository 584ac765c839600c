"""Calendar arithmetic: periods with their TIMEX3 values, shifts, narrowing and display.

Everything here is a pure function of dates and unit names; nothing reads the article.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from generator.dates import day_text
from generator.extract.timex.lexicon import SEASONS, UNITS


@dataclass(frozen=True, slots=True)
class Period:
    """A stretch of the calendar with its TIMEX3 value."""

    value: str
    """TIMEX3 value: "2020-02-17", "2020-W08", "2020-Q3", "199"."""
    begin: dt.date | None
    """First day of the period."""
    end: dt.date | None
    """Last day of the period."""
    precision: str
    """day, week, month, quarter, year or decade."""


def fmt_amount(amount: float | None) -> str:
    """Format a duration amount: 4 → "4", 2.5 → "2.5", None → "X"."""
    if amount is None:
        return "X"
    if amount == int(amount):
        return str(int(amount))
    return f"{amount:f}".rstrip("0")  # never "1e+06": TIMEX3 amounts are plain decimals


def duration_value(amount: float | None, unit: str) -> str:
    """Build a TIMEX3 duration value such as "P4D", "PT12H" or "PXY"."""
    letter, clock = UNITS[unit]
    if unit == "fortnight" and amount is not None:
        amount *= 2
    if unit in ("decade", "century"):  # "decades" is PXY, as MEANTIME annotates it
        amount, letter = (amount * (10 if unit == "decade" else 100) if amount is not None else None), "Y"
    return ("PT" if clock else "P") + fmt_amount(amount) + letter


def grain(unit: str) -> str:
    """Return the calendar precision a unit is counted in ("hour" → "day", "fortnight" → "week")."""
    if UNITS[unit][1]:
        return "day"
    return {"fortnight": "week", "weekend": "week", "century": "decade"}.get(unit, unit)


def range_value(first: dt.date, last: dt.date, precision: str) -> str:
    """Return the TIMEX3 length of a range: the gap between its ends' starts ("2012 and 2016" → P4Y)."""
    if precision in ("year", "decade"):
        return f"P{last.year - first.year}Y"
    if precision in ("month", "quarter"):
        return f"P{(last.year - first.year) * 12 + last.month - first.month}M"
    return f"P{(last - first).days}D"


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift a date by whole months, clamping the day to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: float, unit: str) -> dt.date:
    """Move a date by an amount of a unit (negative to go back); clock units round to days."""
    if unit in ("second", "minute", "hour"):
        return day + dt.timedelta(hours=amount) if unit == "hour" and abs(amount) >= 24 else day
    if unit in ("day", "week", "fortnight", "weekend"):
        days = {"day": 1, "week": 7, "fortnight": 14, "weekend": 7}[unit]
        return day + dt.timedelta(days=round(amount * days))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    return add_months(day, round(amount * months))


def month_end(year: int, month: int) -> dt.date:
    """Return the last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def period(unit: str, day: dt.date) -> Period:
    """Return the calendar unit ("week", "month"...) that contains `day`."""
    if unit == "day":
        return Period(day.isoformat(), day, day, "day")
    if unit in ("week", "weekend"):
        year, week, _ = day.isocalendar()
        monday = day - dt.timedelta(days=day.weekday())
        if unit == "weekend":
            return Period(
                f"{year:04d}-W{week:02d}-WE", monday + dt.timedelta(5), monday + dt.timedelta(6), "week"
            )
        return Period(f"{year:04d}-W{week:02d}", monday, monday + dt.timedelta(6), "week")
    if unit == "month":
        return Period(
            f"{day.year:04d}-{day.month:02d}", day.replace(day=1), month_end(day.year, day.month), "month"
        )
    if unit == "quarter":
        q = (day.month - 1) // 3 + 1
        return Period(
            f"{day.year:04d}-Q{q}", dt.date(day.year, 3 * q - 2, 1), month_end(day.year, 3 * q), "quarter"
        )
    if unit == "decade":
        start = day.year // 10 * 10
        # TIMEX3 writes years with four digits and decades with three: year 90 is 0090, the 90s 009.
        return Period(f"{start // 10:03d}", dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")
    return Period(f"{day.year:04d}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year")


def season(code: str, year: int) -> Period:
    """Return a season of a year; winter runs from December into the next year."""
    first = next(month for c, month in SEASONS.values() if c == code)
    begin = dt.date(year, first, 1)
    last = add_months(begin, 2)
    return Period(f"{year:04d}-{code}", begin, month_end(last.year, last.month), "quarter")


def half(number_: int, year: int) -> Period:
    """Return the first or second half of a year."""
    begin = dt.date(year, 1 if number_ == 1 else 7, 1)
    return Period(f"{year:04d}-H{number_}", begin, month_end(year, 6 if number_ == 1 else 12), "quarter")


def narrow(mod: str, begin: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """Narrow a period's bounds to its START, MID or END third (END of a week: Fri to Sun).

    Any other mod (APPROX: "about a month ago") keeps the whole period: an approximate
    period is no narrower than the period itself.
    """
    if mod not in ("START", "MID", "END"):
        return begin, end
    days = (end - begin).days + 1
    if days == 7:
        cut = {"START": (0, 2), "MID": (2, 4), "END": (4, 6)}[mod]
        return begin + dt.timedelta(cut[0]), begin + dt.timedelta(cut[1])
    if 28 <= days <= 31:
        cut = {"START": (1, 10), "MID": (11, 20), "END": (21, days)}[mod]
        return begin.replace(day=cut[0]), begin.replace(day=cut[1])
    if days > 31:
        months = (end.year - begin.year) * 12 + end.month - begin.month + 1
        third = {12: 3, 120: 36}.get(months, max(1, months // 3))
        if mod == "START":
            last = add_months(begin, third - 1)
            return begin, month_end(last.year, last.month)
        if mod == "END":
            return add_months(begin, months - third), end
        first = add_months(begin, third)
        last = add_months(begin, months - third - 1)
        return first, month_end(last.year, last.month)
    return begin, end


def show(p: Period) -> str:
    """Render a calendar period for readers."""
    if p.begin is None or p.end is None:
        return p.value
    if p.precision == "day":
        return day_text(p.begin)
    if p.precision == "week":
        return f"{p.value} ({p.begin.day} {p.begin:%b} to {p.end.day} {p.end:%b %Y})"
    if p.precision == "month":
        return f"{p.begin:%b %Y}"
    if p.precision == "decade":
        return f"the {p.begin.year}s"
    return p.value
