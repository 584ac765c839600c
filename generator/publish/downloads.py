"""Downloadable tables: a CSV each for actors, places, events and figures, and GeoJSON of the places.

Pure functions from the briefing to bytes; `pipeline.build` puts them under
`data/` beside `briefing.json`. Rows follow briefing.json's order and ids, so
a spreadsheet and the JSON can be joined on `id`. Output is deterministic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from generator.config import DEFAULT_PAGES, PageSettings
from generator.model import Briefing
from generator.publish import jsontext
from generator.publish.placement import Placement, place_entities
from generator.spans import headline_of

LIST_SEPARATOR = "; "
"""How a list (aliases, roles, actor ids) is written inside one CSV cell."""

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe.

    Article text is untrusted: a cell such as `=HYPERLINK(...)` must stay text
    when a reader opens the file in a spreadsheet (OWASP "CSV injection").
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _number(value: float | None) -> object:
    """Integral floats without the trailing `.0`, so counts read as counts."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else value


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 CSV with a header row and `\\n` line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _join(items: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(items)


def actors_csv(b: Briefing, placement: Placement) -> bytes:
    """One row per actor."""
    header = ("id", "name", "kind", "aliases", "roles", "mentions", "quotes", "page")
    rows = (
        (
            a.id,
            a.name,
            a.kind,
            _join(a.aliases),
            _join(a.roles),
            len(a.mentions),
            len(a.quotes),
            placement.actor(a.id),
        )
        for a in sorted(b.actors, key=lambda a: a.id)
    )
    return _csv(header, rows)


def places_csv(b: Briefing, placement: Placement) -> bytes:
    """One row per place; lat and lon are empty when unknown."""
    header = ("id", "name", "kind", "lat", "lon", "aliases", "mentions", "page")
    rows = (
        (p.id, p.name, p.kind, p.lat, p.lon, _join(p.aliases), len(p.mentions), placement.place(p.id))
        for p in sorted(b.places, key=lambda p: p.id)
    )
    return _csv(header, rows)


def events_csv(b: Briefing) -> bytes:
    """One row per dated event, in timeline order."""
    header = (
        "id",
        "date",
        "start",
        "end",
        "precision",
        "when_text",
        "text",
        "article",
        "start_char",
        "end_char",
        "actors",
        "places",
        "headline",
        "status",
    )
    rows = (
        (
            e.id,
            e.timex.value,
            e.timex.begin.isoformat() if e.timex.begin else "",
            e.timex.end.isoformat() if e.timex.end else "",
            e.timex.precision,
            e.timex.span.text,
            e.sentence.text,
            e.sentence.article,
            e.sentence.start,
            e.sentence.end,
            _join(e.actors),
            _join(e.places),
            headline_of(e),
            e.status,
        )
        for e in b.events
    )
    return _csv(header, rows)


def figures_csv(b: Briefing) -> bytes:
    """One row per figure, in the figures page's order."""
    header = (
        "id",
        "text",
        "value",
        "low",
        "high",
        "unit",
        "qualifier",
        "counts",
        "date",
        "article",
        "start",
        "end",
        "actors",
        "places",
    )
    rows = (
        (
            f.id,
            f.mention.span.text,
            _number(f.mention.value),
            _number(f.mention.low),
            _number(f.mention.high),
            f.mention.unit,
            f.mention.qualifier,
            f.mention.counts,
            f.date,
            f.mention.span.article,
            f.mention.span.start,
            f.mention.span.end,
            _join(f.actors),
            _join(f.places),
        )
        for f in b.figures
    )
    return _csv(header, rows)


def geojson(b: Briefing, placement: Placement) -> bytes:
    """A FeatureCollection with one Point per place that has coordinates (RFC 7946: lon, lat)."""
    events_at: dict[str, list[str]] = {}
    for e in b.events:
        for place in e.places:
            events_at.setdefault(place, []).append(e.id)
    features = [
        {
            "type": "Feature",
            "id": p.id,
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {
                "name": p.name,
                "kind": p.kind,
                "aliases": list(p.aliases),
                "mentions": len(p.mentions),
                "events": events_at.get(p.id, []),
                "page": placement.place(p.id),
            },
        }
        for p in sorted(b.places, key=lambda p: p.id)
        if p.lat is not None and p.lon is not None
    ]
    data = {"type": "FeatureCollection", "features": features}
    return (jsontext.dumps(data) + "\n").encode("utf-8")


FILES: dict[str, Callable[[Briefing, Placement], bytes]] = {
    "data/actors.csv": actors_csv,
    "data/places.csv": places_csv,
    "data/events.csv": lambda b, _placement: events_csv(b),
    "data/figures.csv": lambda b, _placement: figures_csv(b),
    "data/places.geojson": geojson,
}
"""Every download this module makes, by path inside docs_dir."""


def downloads(b: Briefing, pages: PageSettings = DEFAULT_PAGES) -> dict[str, bytes]:
    """Every download, keyed by its path inside docs_dir; `page` columns say where each entity is shown."""
    placement = place_entities(b, pages)
    return {path: make(b, placement) for path, make in FILES.items()}
