"""Apply the event and figure overrides, written under the ids `briefing.json` gives them.

They are applied after events and figures are built: an event override
re-dates, hides or (under a new id) adds an event; a figure override hides a
figure or corrects its value, bounds, unit or what it counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from generator.dates import curated_period
from generator.model import Analysis, Event, Figure, FigureMention, Span, Timex
from generator.read.overrides import EventOverride, FigureOverride, Overrides, bounds_problem, suggest
from generator.resolve.curate_shared import Problems, trail, trail_line
from generator.slugs import slugify
from generator.spans import sentence_or_paragraph

V = TypeVar("V")

Within = Callable[[str, int, int], tuple[tuple[str, ...], tuple[str, ...]]]
"""`within(article, start, end)`: ids of the actors and places mentioned there."""


def curate_events(
    events: Sequence[Event], overrides: Overrides, analyses: Sequence[Analysis], within: Within
) -> tuple[list[Event], list[str], list[str]]:
    """Re-date, hide and add events; `within(article, start, end)` gives a sentence's (actors, places)."""
    problems = Problems()
    by_id = {e.id: e for e in events}
    by_article = {a.article.id: a for a in analyses}
    hidden: set[str] = set()
    added: list[Event] = []
    for entry in overrides.events:
        if entry.article is not None:
            event = _manual_event(entry, entry.article, by_id, by_article, problems, within)
            if event is not None:
                added.append(event)
            continue
        event = by_id.get(entry.key)
        if event is None:
            problems.missing(entry, "event", entry.key, list(by_id))
            continue
        if entry.hide:
            hidden.add(event.id)
            continue
        notes = []
        if entry.date is not None:
            timex = dated(event.timex, entry.date)
            notes.append(f"re-dated from {event.timex.value}")
            event = replace(event, timex=timex)
        if entry.headline is not None and entry.headline != event.headline:
            notes.append("headline rewritten")
            event = replace(event, headline=entry.headline)
        if entry.status is not None and entry.status != event.status:
            notes.append(f"status changed from {event.status}")
            event = replace(event, status=entry.status)
        by_id[event.id] = replace(event, curated=(*event.curated, trail_line(notes, entry)))
    result = [e for e in by_id.values() if e.id not in hidden] + added
    result.sort(
        key=lambda e: (
            e.timex.begin or dt.date.min,
            e.timex.end or dt.date.min,
            e.sentence.article,
            e.sentence.start,
            e.id,
        )
    )
    return result, problems.errors, problems.warnings


def dated(timex: Timex, value: dt.date | str | int) -> Timex:
    """A timex moved to the curator's date (YYYY-MM-DD, YYYY-MM or YYYY).

    Raises ValueError (the message for the curator) when the date is not on the
    calendar; the overrides loader checks every date with the same rule first.
    """
    if isinstance(value, dt.datetime):
        value = value.date()  # a YAML datetime: the day is what a timeline can show
    text, begin, end, precision = curated_period(value)
    return replace(
        timex,
        type="DATE",
        value=text,
        mod="",
        begin=begin,
        end=end,
        precision=precision,
        explanation="set by the curator",
    )


def _manual_event(
    entry: EventOverride,
    article: str,
    by_id: dict[str, Event],
    analyses: dict[str, Analysis],
    problems: Problems,
    within: Within,
) -> Event | None:
    """An event the machine missed, from the curator's article, sentence and date."""
    ident = slugify(entry.key)
    if ident in by_id:
        problems.errors.append(
            f"{entry.where}: the event '{ident}' already exists; write a new id to add an event"
        )
        return None
    if entry.date is None:
        problems.errors.append(f"{entry.where}: a new event needs a 'date'")
        return None
    analysis = analyses.get(article)
    if analysis is None:
        problems.errors.append(
            f"{entry.where}: no article with the id '{article}'{suggest(article, sorted(analyses))}"
        )
        return None
    if entry.sentence is None:
        return None  # the loader has reported the missing 'sentence'
    words = entry.sentence.strip()
    at = analysis.article.body.find(words)
    if not words or at < 0:
        problems.errors.append(
            f"{entry.where}: the words '{words[:40]}' are not in article '{analysis.article.id}'"
        )
        return None
    start, end = sentence_or_paragraph(analysis, at)
    span = Span(analysis.article.id, at, at + len(words), words)
    sentence = Span(analysis.article.id, start, end, analysis.article.body[start:end])
    timex = dated(Timex(span, "DATE", ""), entry.date)
    actors, places = within(analysis.article.id, start, end)
    return Event(
        ident,
        timex,
        sentence,
        actors,
        places,
        curated=(trail("added by the curator", entry),),
        headline=entry.headline or "",
        status=entry.status or "happened",
    )


def curate_figures(
    figures: Sequence[Figure], overrides: Overrides
) -> tuple[list[Figure], list[str], list[str]]:
    """Hide figures and correct their value, bounds, unit or what they count."""
    problems = Problems()
    by_id = {f.id: f for f in figures}
    hidden: set[str] = set()
    for entry in overrides.figures:
        figure = by_id.get(entry.key)
        if figure is None:
            problems.missing(entry, "figure", entry.key, list(by_id))
            continue
        if entry.hide:
            hidden.add(figure.id)
            continue
        mention, notes = _corrected(figure.mention, entry)
        problem = bounds_problem(mention.low, mention.value, mention.high)
        if problem:
            problems.errors.append(f"{entry.where}: with this correction, {problem}")
            continue
        by_id[figure.id] = replace(
            figure, mention=mention, curated=(*figure.curated, trail_line(notes, entry))
        )
    result = [f for f in by_id.values() if f.id not in hidden]
    return result, problems.errors, problems.warnings


def _corrected(old: FigureMention, entry: FigureOverride) -> tuple[FigureMention, list[str]]:
    """The mention with the curator's corrections, and a note for each setting that changed it."""
    value = None if entry.value is None else float(entry.value)
    low = None if entry.low is None else float(entry.low)
    high = None if entry.high is None else float(entry.high)
    new = replace(
        old,
        value=_given(value, old.value),
        low=_given(low, _given(value, old.low)),  # a new value is also the bounds not written
        high=_given(high, _given(value, old.high)),
        unit=_given(entry.unit, old.unit),
        counts=_given(entry.counts, old.counts),
        qualifier=_given(entry.qualifier, old.qualifier),
    )
    written = (
        ("value", value),
        ("low", low),
        ("high", high),
        ("unit", entry.unit),
        ("counts", entry.counts),
        ("qualifier", entry.qualifier),
    )
    notes = [
        f"{name} corrected"
        for name, setting in written
        if setting is not None and getattr(new, name) != getattr(old, name)
    ]
    return new, notes


def _given(setting: V | None, otherwise: V) -> V:
    """The curator's setting when it is written, else the machine's value."""
    return otherwise if setting is None else setting
