"""The site model: the look-ups every page needs, built once from the briefing before any page is drawn."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from generator.config import DEFAULT_PAGES, NO_TILES, MapSettings, PageSettings
from generator.model import Actor, Article, Briefing, Event, Figure, Place
from generator.publish import graph
from generator.publish.cooccurrence import Ranked, co_occurrence, named_with
from generator.publish.placement import ACTORS, PLACES, Placement, own_page, place_entities
from generator.publish.sheets import event_pages

MentionLink = tuple[int, int, str, str]
"""(start, end, target, id) of a mention in an article body: where it links to (`Placement`), and the
actor's or place's id."""

T = TypeVar("T")


def actor_page(ident: str) -> str:
    """The page of an actor, inside docs_dir (when it has one: `Site.placement`)."""
    return own_page(ACTORS, ident)


def place_page(ident: str) -> str:
    """The page of a place, inside docs_dir (when it has one: `Site.placement`)."""
    return own_page(PLACES, ident)


def article_page(ident: str) -> str:
    """The page of an article, inside docs_dir."""
    return f"articles/{ident}.md"


@dataclass(frozen=True, slots=True)
class Site:
    """Look-ups the page builders and templates need, built once per render."""

    briefing: Briefing
    """The resolved corpus."""
    descriptions: Mapping[str, str]
    """Actor or place id → the curator's description."""
    actors: dict[str, Actor]
    """Actor id → actor."""
    places: dict[str, Place]
    """Place id → place."""
    articles: dict[str, Article]
    """Article id → article."""
    sentences: dict[str, tuple[tuple[int, int], ...]]
    """Article id → sentence spans, for `#s-{start}` anchors; empty when analyses are not kept."""
    mention_links: dict[str, tuple[MentionLink, ...]]
    """Article id → every actor mention and place-kind place mention with its page, sorted."""
    events_naming: dict[str, tuple[Event, ...]]
    """Actor or place id → the events listing that id among their actors or places, in briefing order."""
    events_at: dict[str, tuple[Event, ...]]
    """Place id → the events listing it among their places, in briefing order."""
    figures_naming: dict[str, tuple[Figure, ...]]
    """Actor or place id → the figures listing that id among their actors or places, in briefing order."""
    state_of_place: dict[str, Actor]
    """Place id → the state actor that is the same country."""
    related_actors: dict[str, Ranked]
    """Actor or place id → the actors named in its sentences, most often first."""
    related_places: dict[str, Ranked]
    """Actor or place id → the places named in its sentences, most often first."""
    relations: tuple[graph.Relation, ...]
    """Linked actor pairs: those acting together or on each other first, then those only named together."""
    neighbours: dict[str, tuple[tuple[str, graph.Relation], ...]]
    """Actor id → its linked actors with the relation, strongest first."""
    event_pages: dict[str, str]
    """Event id → the timeline page that draws it (`sheets.py`)."""
    placement: Placement
    """Which actors and places have pages, the rows of each index page, and where each link points."""
    map: MapSettings = NO_TILES
    """How the maps are drawn (bundled basemap, or the configured tiles)."""


def build_site(
    briefing: Briefing,
    descriptions: Mapping[str, str],
    map_settings: MapSettings = NO_TILES,
    page_settings: PageSettings = DEFAULT_PAGES,
) -> Site:
    """Index the briefing, and count once which actors and places appear together."""
    table = co_occurrence(briefing)
    placement = place_entities(briefing, page_settings)
    relations = graph.relations(table, briefing.interactions)
    return Site(
        briefing=briefing,
        descriptions=descriptions,
        actors={a.id: a for a in briefing.actors},
        places={p.id: p for p in briefing.places},
        articles={a.id: a for a in briefing.articles},
        sentences={a.article.id: a.sentences for a in briefing.analyses},
        mention_links=_mention_links(briefing, placement),
        events_naming=_index(briefing.events, lambda e: (*e.actors, *e.places)),
        events_at=_index(briefing.events, lambda e: e.places),
        figures_naming=_index(briefing.figures, lambda f: (*f.actors, *f.places)),
        state_of_place={a.place: a for a in briefing.actors if a.place},
        related_actors=named_with(table, "actor"),
        related_places=named_with(table, "place"),
        relations=relations,
        neighbours=graph.neighbours(relations),
        map=map_settings,
        event_pages=event_pages(briefing.events),
        placement=placement,
    )


def _index(items: Iterable[T], ids: Callable[[T], Iterable[str]]) -> dict[str, tuple[T, ...]]:
    """Id → the items that list it, each once, in their order."""
    found: dict[str, list[T]] = defaultdict(list)
    for item in items:
        for ident in dict.fromkeys(ids(item)):
            found[ident].append(item)
    return {ident: tuple(listed) for ident, listed in found.items()}


def _mention_links(b: Briefing, placement: Placement) -> dict[str, tuple[MentionLink, ...]]:
    """Article id → the mentions an article page may link, sorted; a state's mentions link to the actor."""
    found: dict[str, list[MentionLink]] = defaultdict(list)
    for actor in b.actors:
        target = placement.actor(actor.id)
        for m in actor.mentions:
            found[m.span.article].append((m.span.start, m.span.end, target, actor.id))
    for place in b.places:
        target = placement.place(place.id)
        for m in place.mentions:
            if m.kind == "place":
                found[m.span.article].append((m.span.start, m.span.end, target, place.id))
    return {article: tuple(sorted(links)) for article, links in found.items()}


def source_anchor(site: Site, article: Article, offset: int) -> str:
    """The anchor of the sentence holding `offset` (`s-{start}`), else of its paragraph (`p{index}`)."""
    spans = site.sentences.get(article.id, ())
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return f"s-{spans[i][0]}"
    return f"p{article.paragraph_at(offset).index}"
