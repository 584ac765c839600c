"""The timeline pages: events by year and month, one compact line each, split per year when large.

Each event is one line (date, headline, status, a few actors and places, its sources), with
how it was dated and the full sentence folded in a `<details>` block, so ISO notation never
sits in the main text. How events are cut into pages and groups is `sheets.py`'s; the index
page also carries the interactive overview (vis-timeline, with the plain list as fallback)
and "What comes next".
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Mapping, Sequence
from functools import partial

from generator.dates import format_when, shown_bounds
from generator.model import Event, Timex
from generator.publish import markdown as md
from generator.publish.happenings import STATUS_HELP, STATUS_LABELS, as_of, coming
from generator.publish.pages import Maker, Page
from generator.publish.sheets import (
    INDEX,
    SHOWN_NAMED,
    SHOWN_SOURCES,
    Sheet,
    disagreement_shown,
    parts_of,
    sheets,
)
from generator.publish.site import Site, article_page
from generator.spans import headline_of

OVERVIEW_EVENTS = 150
"""Most events in the interactive overview: the most reported ones."""

NEXT_EVENTS = 50
"""Most events in the timeline's "What comes next"; the period pages hold them all."""


def timeline_pages(site: Site) -> list[Maker]:
    """What makes the timeline's index and, for a large briefing, each of its year (month, part) pages."""
    b = site.briefing
    cut = sheets(b.events)
    undated = [t for t in b.timexes if t.begin is None]
    split = len(cut) > 1 or cut[0].path != INDEX
    shared = {
        "status_labels": STATUS_LABELS,
        "status_help": STATUS_HELP,
        "source_cap": SHOWN_SOURCES,
        "named_cap": SHOWN_NAMED,
        "clashes": disagreement_shown,
    }
    makers: list[Maker] = [partial(_index, site, cut, split, undated, shared)]
    if not split:
        return makers
    makers += [partial(_sheet, site, cut, number, shared) for number in range(len(cut))]
    runs = parts_of(undated, lambda t: 450 + 2 * len(t.explanation) + len(t.span.text))
    paths = ["timeline/undated.md" if k == 1 else f"timeline/undated-{k}.md" for k in range(1, len(runs) + 1)]
    return makers + [partial(_undated, runs, paths, k) for k in range(1, len(runs) + 1)]


def _index(
    site: Site, cut: Sequence[Sheet], split: bool, undated: Sequence[Timex], shared: Mapping[str, object]
) -> Page:
    """The timeline's index: all of a small briefing's events, else the years; "What comes next"."""
    b = site.briefing
    where = site.event_pages
    today = as_of(b.articles)
    upcoming = coming(b.events, today)[:NEXT_EVENTS]
    index_events = [] if split else [e for g in cut[0].groups for e in g.events]
    links = _links(site, index_events, undated if not split else [])
    links.update(_event_links(upcoming))
    context = {
        **shared,
        "groups": cut[0].groups if not split else (),
        "split": split,
        "years": _years(cut) if split else [],
        "upcoming": upcoming,
        "as_of": today,
        "undated": undated if not split else [],
        "undated_page": "timeline/undated.md" if split and undated else "",
        "overview": _overview(b.events, where, INDEX),
        "filter_actors": _options(site, index_events, "actors"),
        "filter_places": _options(site, index_events, "places"),
    }
    return Page(INDEX, "timeline.md.j2", "Timeline", context, frozenset(links))


def _sheet(site: Site, cut: Sequence[Sheet], number: int, shared: Mapping[str, object]) -> Page:
    """One year (month, part) page of a split timeline."""
    sheet = cut[number]
    members = [e for g in sheet.groups for e in g.events]
    context = {
        **shared,
        "groups": sheet.groups,
        "sheet": sheet,
        "previous": _neighbour(cut, number - 1),
        "next": _neighbour(cut, number + 1),
        "filter_actors": _options(site, members, "actors"),
        "filter_places": _options(site, members, "places"),
    }
    return Page(sheet.path, "timeline-part.md.j2", sheet.title, context, frozenset(_links(site, members, [])))


def _undated(runs: Sequence[Sequence[Timex]], paths: Sequence[str], k: int) -> Page:
    """One page of the dates that give context but no day (`timeline/undated.md`, `undated-2.md`, …)."""
    run = runs[k - 1]
    title = "Timeline: undated context" + (f" (part {k} of {len(runs)})" if len(runs) > 1 else "")
    context = {
        "undated": run,
        "part": k,
        "parts": len(runs),
        "previous": paths[k - 2] if k > 1 else "",
        "next": paths[k] if k < len(runs) else "",
    }
    links = frozenset(article_page(t.span.article) for t in run)
    return Page(paths[k - 1], "timeline-undated.md.j2", title, context, links)


def _count(sheet: Sheet) -> int:
    """How many events a page draws."""
    return sum(len(g.events) for g in sheet.groups)


def _years(cut: Sequence[Sheet]) -> list[tuple[int, int, list[tuple[str, str]]]]:
    """The index's rows: each year, its events, and its pages (path, label) with one link per period.

    A period cut into parts is linked once, at its first part, each part linking to the next, so the
    index grows with the years the events span, never with how many events a month holds.
    """
    rows: dict[int, tuple[int, list[tuple[str, str]]]] = {}
    for sheet in cut:
        count, links = rows.get(sheet.year, (0, []))
        if sheet.part == 1:
            label = sheet.period or str(sheet.year)
            links.append((sheet.path, f"{label} ({sheet.parts} parts)" if sheet.parts > 1 else label))
        rows[sheet.year] = (count + _count(sheet), links)
    return [(year, count, links) for year, (count, links) in rows.items()]


def _neighbour(cut: Sequence[Sheet], number: int) -> tuple[str, str] | None:
    """The (path, short title) of the period page at `number` in reading order, if there is one."""
    if not 0 <= number < len(cut):
        return None
    return cut[number].path, cut[number].title.removeprefix("Timeline: ")


def _links(site: Site, events: Iterable[Event], undated: Sequence[object]) -> set[str]:
    """The actor, place and article pages a timeline page links to."""
    links = {article_page(t.span.article) for t in undated}  # type: ignore[attr-defined]  # Timex records
    for e in events:  # as many as an entry shows (`_timeline.md.j2`)
        links.update(site.placement.actor(i) for i in e.actors[:SHOWN_NAMED])
        links.update(site.placement.place(i) for i in e.places[:SHOWN_NAMED])
        links.update(article_page(s.article) for s in (e.sources or (e.sentence,))[:SHOWN_SOURCES])
    return links


def _event_links(events: Iterable[Event]) -> set[str]:
    """The article pages the "What comes next" list links to."""
    return {article_page(e.sentence.article) for e in events}


def _options(site: Site, events: Iterable[Event], field: str) -> list[tuple[str, md.Safe]]:
    """Filter choices (id, escaped name) for the actors or places the events name (as many of each
    event's as its entry shows), by name."""
    names = site.actors if field == "actors" else site.places
    named = {i for e in events for i in getattr(e, field)[:SHOWN_NAMED]}
    used = sorted(named, key=lambda i: (names[i].name.lower(), i))
    return [(i, md.Safe(html.escape(names[i].name))) for i in used]


def _overview(events: Sequence[Event], where: dict[str, str], page: str) -> md.Safe:
    """The interactive overview's container and data island (the most reported events), for vis-timeline."""
    ranked = sorted(
        (e for e in events if e.id in where),
        key=lambda e: (-len({s.article for s in e.sources}), -(len(e.actors) + len(e.places)), e.id),
    )[:OVERVIEW_EVENTS]
    items = []
    for e in sorted(ranked, key=lambda e: (e.timex.begin or dt.date.min, e.id)):
        bounds = shown_bounds(e.timex)
        assert bounds is not None
        begin, end = bounds
        item: dict[str, object] = {
            "id": e.id,
            "content": headline_of(e),
            "start": begin.isoformat(),
            "title": f"{format_when(e.timex)} · {STATUS_LABELS[e.status]}",
            "className": f"tl-item tl-item-{e.status}",
            "url": md.url(page, f"{where[e.id]}#{e.id}"),
        }
        if end > begin:  # vis-timeline's end is exclusive: the next midnight, or the last second of 9999
            item["end"] = (end + dt.timedelta(days=1)).isoformat() if end < dt.date.max else f"{end}T23:59:59"
        items.append(item)
    label = f"Interactive overview of {len(items)} of {len(events)} events"
    note = "The interactive overview needs JavaScript; the list below gives every event."
    container = (
        f'<div class="tl-overview" id="tl-overview" data-items="tl-overview-data" role="region" '
        f'aria-label="{html.escape(label)}"><p>{note}</p></div>'
    )
    return md.Safe(container + "\n" + str(md.json_script("tl-overview-data", items)))
