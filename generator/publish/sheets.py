"""How the timeline's events are cut into pages and groups: years, months, parts, and each group's time bars.

Events group by the year they start, then by month; spans longer than a month form their own
group at the head of the year, and each group's time bars have their own scale. Past
`SPLIT_AT` events each year gets a page of its own (and, past `PAGE_EVENTS`, each month, in
parts); the index keeps the overview, the list of periods and "What comes next".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.dates import shown_bounds
from generator.model import Event

T = TypeVar("T")

SPLIT_AT = 150
"""Past this many events, the timeline is split into one page per year with a year index."""

PAGE_EVENTS = 100
"""Most events on one page; a bigger year is split by month, a bigger month into parts."""

PAGE_BUDGET = 170_000
"""Most estimated bytes of events on one page (`weight`), so that with the theme's frame a page
stays under 300 KB of HTML however long its sentences and however many its actors."""

SHOWN_SOURCES = 10
"""Sources an event's entry links to and quotes; the others are counted (briefing.json lists every one).
An event merged from reports in hundreds of articles would otherwise fill a page on its own."""

SHOWN_NAMED = 50
"""Actors, and places, an event's details name; the others are counted."""

SHOWN_DISAGREEMENT = 1_000
"""Characters of what an event's sources disagree on that its details show (`disagreement_shown`); an
event merged from a thousand reports listed every clash, 35 MB on one page at 10,000 articles."""

INDEX = "timeline.md"
"""The timeline's index page."""

SPANS = 0
"""The month key of events spanning more than a month."""


@dataclass(frozen=True, slots=True)
class Group:
    """The events of one month (or the longer spans) of one year, with their time bars."""

    year: int
    """The year its events start in."""
    title: str
    """The heading under the year's: "February", or "Longer spans"."""
    anchor: str
    """The heading's id."""
    events: tuple[Event, ...]
    """The events, in date order."""
    bars: dict[str, tuple[str, str]]
    """Event id → (left, width) in percent of this group's own axis."""
    axis: str
    """What the axis spans, for its tooltip."""


@dataclass(frozen=True, slots=True)
class Sheet:
    """One timeline page's share of the events."""

    path: str
    """Where the page goes."""
    title: str
    """Its heading."""
    year: int
    """The year its events start in."""
    groups: tuple[Group, ...]
    """Its month groups, in order."""
    period: str = ""
    """Its share of the year: "February", "Longer spans"; empty for a whole year."""
    part: int = 1
    """Which part of its period it is, from 1."""
    parts: int = 1
    """How many parts its period is cut into."""


def year_of(event: Event) -> int:
    """The year an event starts in (dated events only)."""
    assert event.timex.begin is not None
    return event.timex.begin.year


def month_of(event: Event) -> int:
    """The month an event starts in, or SPANS for one spanning more than a month."""
    bounds = shown_bounds(event.timex)
    assert bounds is not None
    begin, end = bounds
    return SPANS if (end - begin).days > 31 else begin.month


def sheets(events: Sequence[Event]) -> list[Sheet]:
    """The events cut into pages: all on the index when few, else per year, per month, in parts."""
    dated = [e for e in events if e.timex.begin is not None and e.timex.end is not None]
    if len(dated) <= SPLIT_AT:
        return [Sheet(INDEX, "Timeline", 0, _groups(dated))]
    out = []
    for year, in_year in _by(dated, year_of):
        if len(in_year) <= PAGE_EVENTS and sum(map(weight, in_year)) <= PAGE_BUDGET:
            out.append(Sheet(f"timeline/{year}.md", f"Timeline: {year}", year, _groups(in_year)))
            continue
        for month, in_month in _by(in_year, month_of):
            parts = parts_of(in_month, weight)
            name = f"{year}-spans" if month == SPANS else f"{year}-{month:02d}"
            label = f"{year}, longer spans" if month == SPANS else dt.date(year, month, 1).strftime("%B %Y")
            period = "Longer spans" if month == SPANS else dt.date(year, month, 1).strftime("%B")
            for k, part in enumerate(parts, 1):
                suffix, of = (f"-{k}", f" (part {k} of {len(parts)})") if len(parts) > 1 else ("", "")
                title = f"Timeline: {label}{of}"
                path = f"timeline/{name}{suffix}.md"
                out.append(Sheet(path, title, year, _groups(part), period, k, len(parts)))
    return out


def weight(event: Event) -> int:
    """About how many bytes of HTML an event's entry takes: its line, links, details and sentences."""
    listed = min(len(event.actors), SHOWN_NAMED) + min(len(event.places), SHOWN_NAMED)
    named = min(len(event.actors), 3) + min(len(event.places), 2) + listed
    shown = event.sources[1:SHOWN_SOURCES]
    quoted = sum(700 + 2 * len(s.text) for s in shown)  # a link in the line, a quote in the details
    clash = min(len(event.disagreement), SHOWN_DISAGREEMENT + 100)
    return 1500 + 2 * len(event.sentence.text) + len(event.timex.explanation) + 260 * named + quoted + clash


def disagreement_shown(text: str) -> str:
    """What the sources disagree on, cut after `SHOWN_DISAGREEMENT` characters at a clash's end ("; "),
    or inside one long clash between two of its figures (", “"): a note names every clashing figure."""
    if len(text) <= SHOWN_DISAGREEMENT:
        return text
    cut = text.rfind("; ", 0, SHOWN_DISAGREEMENT)
    if cut <= 0:
        cut = text.rfind(", “", 0, SHOWN_DISAGREEMENT)
    return text[: cut if cut > 0 else SHOWN_DISAGREEMENT] + "; …"


def parts_of(items: Sequence[T], size: Callable[[T], int]) -> list[list[T]]:
    """Consecutive runs of at most PAGE_EVENTS items and PAGE_BUDGET estimated bytes (one item at least)."""
    parts: list[list[T]] = []
    run: list[T] = []
    total = 0
    for item in items:
        cost = size(item)
        if run and (len(run) >= PAGE_EVENTS or total + cost > PAGE_BUDGET):
            parts.append(run)
            run, total = [], 0
        run.append(item)
        total += cost
    if run:
        parts.append(run)
    return parts


def event_pages(events: Sequence[Event]) -> dict[str, str]:
    """Event id → the timeline page that draws it."""
    return {e.id: sheet.path for sheet in sheets(events) for group in sheet.groups for e in group.events}


def _by(events: Sequence[Event], key: Callable[[Event], int]) -> list[tuple[int, list[Event]]]:
    """Events grouped by an int key, keys ascending, order kept within a group."""
    found: dict[int, list[Event]] = {}
    for e in events:
        found.setdefault(key(e), []).append(e)
    return sorted(found.items())


def _groups(events: Sequence[Event]) -> tuple[Group, ...]:
    """Month groups of a run of events, each year's longer spans first."""
    groups = []
    for year, in_year in _by(events, year_of):
        for month, members in _by(in_year, month_of):
            if month == SPANS:
                title, anchor = "Longer spans", f"y{year}-spans"
            else:
                title, anchor = dt.date(year, month, 1).strftime("%B"), f"y{year}-{month:02d}"
            bars, axis = _bars(members)
            groups.append(Group(year, title, anchor, tuple(members), bars, axis))
    return tuple(groups)


def _bars(events: Sequence[Event]) -> tuple[dict[str, tuple[str, str]], str]:
    """Event id → (left, width) in percent of the group's own axis, and what the axis spans."""
    bounds = {e.id: shown_bounds(e.timex) for e in events}
    known = {k: v for k, v in bounds.items() if v is not None}
    if not known:
        return {}, ""
    first = min(b for b, _ in known.values())
    last = max(e for _, e in known.values())
    total = max((last - first).days + 1, 1)
    bars = {}
    for ident, (begin, end) in known.items():
        left = min(100 * (begin - first).days / total, 99.0)
        width = max(100 * ((end - begin).days + 1) / total, 1.0)
        bars[ident] = (f"{left:.1f}", f"{min(width, 100 - left):.1f}")
    return bars, f"{first:%-d %b %Y} to {last:%-d %b %Y}"
