"""How dates are written for readers: one home for every display format."""

from __future__ import annotations

import datetime as dt

from generator.model import Timex

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
    return f"{mod}{b.day} {b:%b %Y} – {e.day} {e:%b %Y}"
