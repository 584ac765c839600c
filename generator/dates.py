"""How dates are written for readers: one home for every display format."""

from __future__ import annotations

import datetime as dt


def day_text(day: dt.date | None) -> str:
    """A day as readers see it: "Mon 17 Feb 2020" (empty for None)."""
    return f"{day:%a} {day.day} {day:%b %Y}" if day else ""
