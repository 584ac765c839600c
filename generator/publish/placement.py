"""Where each actor and place is shown: on a page of its own, or as a row of its index.

An actor or place named fewer than `PageSettings.min_mentions` times gets no page
of its own: it is a row of the actors or places index, with an HTML anchor and
links to the sentences that name it. Curated ones (any override names them),
quoted actors and actors who act in a dated event (its agent, the "by" phrase of
a passive, or its speaker: Erdogan's ultimatum, named once) always get a page.
Index pages hold `PageSettings.rows_per_page` rows each: `actors/index.md`, then
`actors/page-2.md`, … in a stable order (actors by kind, then name; places by name).

Every link to an actor or place goes through `Placement.actor` or
`Placement.place`, so a link never points at a page that is not written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from generator.config import DEFAULT_PAGES, PageSettings
from generator.model import ACTOR_KINDS, Actor, Briefing, Place
from generator.resolve.links import ACTING_ROLES

T = TypeVar("T", Actor, Place)

ACTORS = "actors"
"""The folder of actor pages and of the actors index."""
PLACES = "places"
"""The folder of place pages and of the places index."""


def own_page(folder: str, ident: str) -> str:
    """The page of an actor (`folder` ACTORS) or a place (PLACES), inside docs_dir."""
    return f"{folder}/{ident}.md"


def index_page(folder: str, number: int) -> str:
    """Page `number` (from 1) of the actors or places index: `index.md`, then `page-2.md`, …"""
    return f"{folder}/index.md" if number == 1 else f"{folder}/page-{number}.md"


def row_anchor(folder: str, ident: str) -> str:
    """The HTML id of an entity's row on its index page (`actor-x`, `place-x`): never a heading's id."""
    return f"{folder[:-1]}-{ident}"


def has_page(item: Actor | Place, settings: PageSettings, acting: frozenset[str] = frozenset()) -> bool:
    """Whether an actor or place gets a page of its own: named often enough, curated, quoted, or acting
    (its id in `acting`) in a dated event."""
    principal = isinstance(item, Actor) and (bool(item.quotes) or item.id in acting)
    return bool(item.curated) or principal or len(item.mentions) >= settings.min_mentions


@dataclass(frozen=True, slots=True)
class Placement:
    """Where every actor and place is shown, decided once for the whole site."""

    actor_rows: tuple[tuple[Actor, ...], ...]
    """The actors on each page of the actors index, page 1 first; kinds in ACTOR_KINDS order, then by name."""
    place_rows: tuple[tuple[Place, ...], ...]
    """The places on each page of the places index, page 1 first, by name."""
    actor_targets: Mapping[str, str]
    """Actor id → its page, or its row on the index (`actors/page-2.md#actor-x`)."""
    place_targets: Mapping[str, str]
    """Place id → its page, or its row on the index (`places/index.md#place-x`)."""
    actor_pages: frozenset[str]
    """Ids of the actors with a page of their own."""
    place_pages: frozenset[str]
    """Ids of the places with a page of their own."""
    settings: PageSettings = DEFAULT_PAGES
    """The settings it was decided by."""

    def actor(self, ident: str) -> str:
        """Where a link to the actor points (a docs_dir path, maybe with an anchor)."""
        return self.actor_targets.get(ident) or own_page(ACTORS, ident)

    def place(self, ident: str) -> str:
        """Where a link to the place points (a docs_dir path, maybe with an anchor)."""
        return self.place_targets.get(ident) or own_page(PLACES, ident)


def place_entities(briefing: Briefing, settings: PageSettings = DEFAULT_PAGES) -> Placement:
    """Decide which actors and places get pages, and paginate both indexes."""
    kind_order = {kind: i for i, kind in enumerate(ACTOR_KINDS)}
    actors = sorted(
        briefing.actors, key=lambda a: (kind_order.get(a.kind, len(kind_order)), a.name.lower(), a.id)
    )
    places = sorted(briefing.places, key=lambda p: (p.name.lower(), p.id))
    actor_rows = _chunks(actors, settings.rows_per_page)
    place_rows = _chunks(places, settings.rows_per_page)
    acting = frozenset(r.id for e in briefing.events for r in e.roles if r.role in ACTING_ROLES)
    actor_pages = frozenset(a.id for a in actors if has_page(a, settings, acting))
    place_pages = frozenset(p.id for p in places if has_page(p, settings))
    return Placement(
        actor_rows=actor_rows,
        place_rows=place_rows,
        actor_targets=_targets(ACTORS, actor_rows, actor_pages),
        place_targets=_targets(PLACES, place_rows, place_pages),
        actor_pages=actor_pages,
        place_pages=place_pages,
        settings=settings,
    )


def _chunks(items: Sequence[T], size: int) -> tuple[tuple[T, ...], ...]:
    """`items` in runs of `size`; one empty run when there are none (the index page is still written)."""
    return tuple(tuple(items[i : i + size]) for i in range(0, len(items), size)) or ((),)


def _targets(folder: str, rows: Iterable[Sequence[Actor | Place]], paged: frozenset[str]) -> dict[str, str]:
    """Id → its own page, or the anchor of its row on the index page that lists it."""
    found: dict[str, str] = {}
    for number, items in enumerate(rows, start=1):
        for item in items:
            found[item.id] = (
                own_page(folder, item.id)
                if item.id in paged
                else f"{index_page(folder, number)}#{row_anchor(folder, item.id)}"
            )
    return found
