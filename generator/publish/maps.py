"""What the maps show: each place with coordinates, its events and its page, as JSON.

Each place page carries a `<div class="briefing-map">` and a JSON island with its
one marker. The map page's markers, one per place with coordinates, would grow
the page with the corpus, so they go in a file of their own (`MAP_DATA`) that the
map's `data-source` names and the script fetches. `assets/briefing/briefing.js`
draws both with Leaflet over the bundled basemap (world-atlas country outlines),
with online tiles only when the settings name a tile server (`data-tiles`). The
page's table of places is the fallback when scripts fail.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping, Sequence

from generator.config import MapSettings
from generator.model import Event, Place, Timex
from generator.publish import markdown as md
from generator.spans import headline_of

MAX_POPUP_EVENTS = 5
"""A popup lists this many events; the place page lists them all."""

MAP_DATA = "data/map.json"
"""The map page's markers, inside docs_dir; their links are relative to this file."""


def places_data(
    places: Sequence[Place],
    events_at: Mapping[str, Sequence[Event]],
    page: str,
    when: Callable[[Timex], str],
    event_pages: Mapping[str, str] | None = None,
    target: Callable[[str], str] | None = None,
) -> list[dict[str, object]]:
    """Marker data for the places that have coordinates, sorted by id; links relative to `page`.

    `target` says where a place's link points (`Placement.place`); by default its own page.
    """
    rows: list[dict[str, object]] = []
    for p in sorted(places, key=lambda p: p.id):
        if p.lat is None or p.lon is None:
            continue
        events = events_at.get(p.id, ())
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "lat": p.lat,
                "lon": p.lon,
                "url": md.url(page, target(p.id) if target else f"places/{p.id}.md"),
                "events": [
                    {
                        "when": when(e.timex),
                        "text": headline_of(e),
                        "url": md.url(page, f"{(event_pages or {}).get(e.id, 'timeline.md')}#{e.id}"),
                    }
                    for e in events[:MAX_POPUP_EVENTS]
                ],
                "more": max(len(events) - MAX_POPUP_EVENTS, 0),
            }
        )
    return rows


def map_file(data: list[dict[str, object]]) -> str:
    """The text of a markers file (`MAP_DATA`): compact, keys sorted, one line."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False) + "\n"


def map_block(
    element_id: str,
    data: list[dict[str, object]] | str,
    label: str,
    settings: MapSettings,
    small: bool = False,
) -> md.Safe:
    """The map's container and its markers, as raw HTML for a Markdown page.

    `data` is the markers themselves, drawn into the page as a JSON island, or the docs_dir path of
    the file that holds them (`MAP_DATA`), which the script fetches relative to the site's root
    (raw HTML is not rewritten by the site tools, so a page-relative address could not be trusted).
    """
    size = " briefing-map--small" if small else ""
    note = "The interactive map needs JavaScript; the table lists every place."
    if isinstance(data, str):  # the map page's table lists the most named places when there are many
        note = "The interactive map needs JavaScript; the table below lists the places."
    tiles = ""
    if settings.tiles:
        tiles = (
            f' data-tiles="{html.escape(settings.tiles)}"'
            f' data-attribution="{html.escape(settings.attribution)}" data-max-zoom="{settings.max_zoom}"'
        )
    source = (
        f'data-source="{html.escape(data)}"' if isinstance(data, str) else f'data-places="{element_id}-data"'
    )
    container = (
        f'<div class="briefing-map{size}" id="{element_id}" {source}{tiles} '
        f'role="region" aria-label="{html.escape(label)}"><p>{note}</p></div>'
    )
    if isinstance(data, str):
        return md.Safe(container)
    return md.Safe(container + "\n" + str(md.json_script(f"{element_id}-data", data)))
