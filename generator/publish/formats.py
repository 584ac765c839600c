"""How values are written on the pages: kind names, numbers, link tooltips, the colour key.

Dates have their own home, `generator/dates.py`.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import Actor, Place
from generator.publish import markdown as md

KIND_TITLES = {
    "person": "People",
    "organisation": "Organisations",
    "state": "States",
    "group": "Armed groups",
}
"""Actor kind → heading of its group on the actors index, and its tag."""
KIND_LABELS = {
    "person": "person",
    "organisation": "organisation",
    "state": "state",
    "group": "armed group",
    "place": "place",
}
"""Actor kind, or "place" → the word readers see in tooltips and the colour key."""
PLACE_TITLES = {
    "country": "Countries",
    "region": "Regions",
    "city": "Cities",
    "site": "Sites",
    "route": "Routes",
    "place": "Other places",
}
"""Place kind → its tag."""


def format_number(value: float | None) -> str:
    """875000.0 → '875,000'; 1.5 → '1.5'; None → ''."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


ROLES_SHOWN = 3
"""An actor's most frequent roles shown by name; the rest are counted ("and 2 more")."""


def roles_text(roles: Sequence[str]) -> str:
    """The first ROLES_SHOWN roles, then how many more: "CEO, co-founder, chairman and 2 more"."""
    shown = ", ".join(roles[:ROLES_SHOWN])
    more = len(roles) - ROLES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def preview(item: Actor | Place) -> str:
    """The tooltip shown when hovering a link to an actor or a place (Material's content.tooltips)."""
    parts = [KIND_LABELS.get(item.kind, item.kind).capitalize()]
    if isinstance(item, Actor):
        parts.extend(item.roles[:2])
    elif item.lat is not None and item.lon is not None:
        parts.append(f"{item.lat:.2f}, {item.lon:.2f}")
    parts.append(f"{len(item.mentions)} mention{'s' if len(item.mentions) != 1 else ''}")
    return " · ".join(parts)


def legend(kinds: Sequence[str]) -> md.Safe:
    """The colour key for mentions and graph nodes, as raw inline HTML (kinds are our own words)."""
    keys = " ".join(f'<span class="briefing-key briefing-{k}">{KIND_LABELS.get(k, k)}</span>' for k in kinds)
    return md.Safe(f'<span class="briefing-legend" data-search-exclude>Colour key: {keys}</span>')


def plural(count: int, noun: str) -> str:
    """A count with its noun, plural unless one: "1 mention", "6 mentions", "2 dated events"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
