"""Which events brief a reader first: the key points, what comes next, and how statuses read.

Key points are the most central past happenings: reported by the most sources, naming the
most actors and places, and most recent, in that order of weight. "What comes next" lists
the scheduled events and deadlines, and anything else still to come after the latest
article's date, soonest first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from generator.model import UPCOMING, Article, Event

STATUS_LABELS = {
    "happened": "happened",
    "reported": "reported",
    "ongoing": "ongoing",
    "announced": "announced",
    "scheduled": "scheduled",
    "deadline": "deadline",
    "threatened": "threatened",
    "forecast": "forecast",
}
"""The badge each status shows."""

STATUS_HELP = {
    "happened": "the article says it happened",
    "reported": "a source is quoted saying it happened",
    "ongoing": "under way when the article was written",
    "announced": "a stated plan or intention, still to come",
    "scheduled": "set for a date still to come",
    "deadline": "a limit still to come (“by …”, “before …”)",
    "threatened": "threatened or vowed, still to come",
    "forecast": "expected or forecast, may not come",
}
"""What each badge means, for its tooltip and the legend."""

LEAD_POINTS = 5
"""Most key points on the home page."""

NEXT_ITEMS = 10
"""Most items in a "What comes next" list on the home page."""


def as_of(articles: Sequence[Article]) -> dt.date | None:
    """The date the briefing speaks from: its latest article's."""
    dates = [a.date for a in articles if a.date]
    return max(dates) if dates else None


def is_upcoming(event: Event, today: dt.date | None) -> bool:
    """Still to come: scheduled or a deadline, or any status to come whose date is not past."""
    if event.status in ("scheduled", "deadline"):
        return today is None or event.timex.end is None or event.timex.end >= today
    if event.status not in UPCOMING:
        return False
    return today is not None and event.timex.end is not None and event.timex.end >= today


def coming(events: Sequence[Event], today: dt.date | None) -> list[Event]:
    """Events still to come, soonest first."""
    found = [e for e in events if is_upcoming(e, today)]
    return sorted(found, key=lambda e: (e.timex.begin or dt.date.max, e.timex.end or dt.date.max, e.id))


def key_points(events: Sequence[Event], today: dt.date | None, count: int = LEAD_POINTS) -> list[Event]:
    """The most central past happenings, most central first."""
    past = [e for e in events if e.status not in UPCOMING and e.timex.end is not None]
    if not past:
        return []
    latest = max(e.timex.end for e in past if e.timex.end is not None)

    def weight(e: Event) -> tuple[float, str]:
        assert e.timex.end is not None and e.timex.begin is not None
        sources = len({s.article for s in e.sources}) or 1
        parties = len(e.actors) + len(e.places)
        age = (latest - e.timex.end).days
        span = (e.timex.end - e.timex.begin).days
        score = 3.0 * sources + min(parties, 6) - age / 30 - min(span, 3650) / 365
        return -score, e.id

    return sorted(past, key=weight)[:count]
